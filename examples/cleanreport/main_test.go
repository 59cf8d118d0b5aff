package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

func TestCleanReport(t *testing.T) {
	var out bytes.Buffer
	if code := run([]string{filepath.Join("..", "..", "clean", "testdata", "seeds", "004.txt")}, &out); code != 0 {
		t.Fatalf("exit %d", code)
	}
	s := out.String()
	for _, want := range []string{"breadcrumb", "editor-line", "copyright", "glosses removed: 165", "source=\"人民網-山西頻道\""} {
		if !strings.Contains(s, want) {
			t.Errorf("report lacks %q:\n%.2000s", want, s)
		}
	}
	if strings.Contains(strings.SplitN(s, "\n\n", 2)[0], "(ye)") {
		t.Error("a pinyin gloss is left in the text")
	}
}

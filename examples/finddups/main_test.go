package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

func TestFindDups(t *testing.T) {
	var out bytes.Buffer
	if err := run(filepath.Join("testdata", "corpus"), &out); err != nil {
		t.Fatal(err)
	}
	got := strings.Split(strings.TrimSpace(out.String()), "\n")
	want := []string{
		"a-xinhua.txt: new story",
		"b-chinanews.txt: exact copy of a-xinhua.txt",
		"c-hk-traditional.txt: exact copy of a-xinhua.txt",
		"d-weather.txt: new story",
	}
	if len(got) != len(want) {
		t.Fatalf("got\n%s", out.String())
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("line %d: %q, want %q…", i+1, got[i], want[i])
		}
	}
}

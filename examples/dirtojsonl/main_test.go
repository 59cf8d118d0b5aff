package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

func TestDirToJSONL(t *testing.T) {
	var out, errOut bytes.Buffer
	code := run(filepath.Join("testdata", "articles"), &out, &errOut)
	if code != 1 || !strings.Contains(errOut.String(), "empty.txt: empty") {
		t.Errorf("exit %d, stderr %q: want 1 and the empty file named", code, errOut.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d lines, want 2:\n%s", len(lines), out.String())
	}
	var jobs, spring line
	json.Unmarshal([]byte(lines[0]), &jobs)
	json.Unmarshal([]byte(lines[1]), &spring)
	if !strings.HasPrefix(jobs.Text, "新华社北京4月12日电") && !strings.HasPrefix(jobs.Text, "一季度") {
		t.Errorf("jobs.txt text %q", jobs.Text)
	}
	if strings.Contains(jobs.Text, "分享到") || strings.Contains(jobs.Text, "责任编辑") || jobs.Meta.Source != "新华网" || len(jobs.Meta.Editors) != 1 {
		t.Errorf("jobs.txt: %+v", jobs)
	}
	if !strings.HasPrefix(spring.Text, "春分時節") || strings.Contains(spring.Text, "首頁") || len(spring.Meta.Editors) != 1 {
		t.Errorf("spring.html: %+v", spring)
	}
}

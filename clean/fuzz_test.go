package clean

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzClean checks what must hold for any input: no panic, valid UTF-8 out,
// every removal's offsets pointing at its text, nothing silently lost from
// plain text, and cleaning the output again removing nothing more.
func FuzzClean(f *testing.F) {
	files, _ := filepath.Glob("testdata/seeds/*.txt")
	for _, name := range files {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b)
		}
	}
	for _, tc := range labelledCases {
		f.Add([]byte(tc.in))
	}
	f.Add([]byte("\xd6\xd0\xce\xc4&amp;amp;nbsp;<p>行(xing) (hang) 走</p>"))
	f.Fuzz(func(t *testing.T, in []byte) {
		res := Default().Clean(in)
		checkInvariants(t, in, res)
		again := Default().CleanText([]byte(res.Text))
		if again.Text != res.Text {
			t.Errorf("second pass changed the text:\n%q\n%q", res.Text, again.Text)
		}
		if len(again.Removed) != 0 {
			t.Errorf("second pass removed %+v from %q", again.Removed, res.Text)
		}
	})
}

// FuzzCleanPage checks whole pages: no panic, valid UTF-8 out, removals
// verbatim and in order, every visible Han character kept or inside a
// reported removal, and cleaning the output again removing nothing more.
// Its seeds are pages built around an article, the known bug pages and the
// extract package's page fixtures; the fuzzer mutates their markup.
func FuzzCleanPage(f *testing.F) {
	f.Add([]byte(page(storyParas...)))
	f.Add([]byte(`<html><body class="has-nav"><select><option>a</option><p>正文第一段，内容。</p><div class="nav"><a>首页</a></div>`))
	f.Add([]byte(`<html><head><title>标题_网</title><p>正文。<table>表格外，文字。<tr><td>单元格，文字。</td></tr></table><svg><title>图</title><style>a<b>c</b></style></svg>`))
	files, _ := filepath.Glob("../extract/testdata/pages/*.html")
	for _, name := range files {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		res := Default().CleanHTML(in)
		checkPage(t, in, res)
		again := Default().CleanText([]byte(res.Text))
		if again.Text != res.Text || len(again.Removed) != 0 {
			t.Errorf("second pass removed %+v from %q", again.Removed, res.Text)
		}
	})
}

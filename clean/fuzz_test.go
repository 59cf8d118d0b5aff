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

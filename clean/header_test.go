package clean

import (
	"testing"
	"unicode/utf8"
)

// TestHeaderLabelsStartHan checks what parseHeader relies on to skip the
// other characters of a line: every label starts with a character of
// headerFirstSet.
func TestHeaderLabelsStartHan(t *testing.T) {
	for _, w := range headerWords {
		if r, _ := utf8.DecodeRuneInString(w); !headerFirstSet.has(r) {
			t.Errorf("label %q starts with %q, not in headerFirstSet", w, r)
		}
	}
	fs, ok := parseHeader("2022-05-09 10:20 来源：新华社 作者：张三")
	if !ok || len(fs) != 3 || fs[1].kind != fkSource || fs[2].kind != fkAuthor {
		t.Errorf("parseHeader: %+v %v", fs, ok)
	}
}

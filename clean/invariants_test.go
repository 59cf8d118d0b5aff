package clean

import (
	"bytes"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// checkInvariants asserts what must hold for any input: valid UTF-8 out,
// removals in order, not overlapping, inside the input, verbatim and on the
// right line; and for plain text, that every Han character of the input is
// either kept or inside a reported removal.
func checkInvariants(t *testing.T, in []byte, res Result) {
	t.Helper()
	if !utf8.ValidString(res.Text) {
		t.Errorf("output is not valid UTF-8: %q", res.Text)
	}
	prev := 0
	for i, r := range res.Removed {
		if r.Start < prev || r.End < r.Start || r.End > len(in) {
			t.Fatalf("removal %d %+v out of order or out of bounds (prev end %d, input %d bytes)", i, r, prev, len(in))
		}
		prev = r.End
		if got := string(in[r.Start:r.End]); got != r.Text {
			t.Errorf("removal %d: input[%d:%d] = %q, report says %q", i, r.Start, r.End, got, r.Text)
		}
		if line := 1 + bytes.Count(in[:r.Start], []byte{'\n'}); line != r.Line {
			t.Errorf("removal %d (%s): line %d, want %d", i, r.Rule, r.Line, line)
		}
		if r.Rule == "" || r.Category == "" {
			t.Errorf("removal %d has no rule or category: %+v", i, r)
		}
	}
	for _, w := range res.Warnings {
		if w.Offset < 0 || w.Offset > len(in) || w.Line != 1+bytes.Count(in[:w.Offset], []byte{'\n'}) {
			t.Errorf("warning %+v does not point into the input", w)
		}
	}
	if res.Format == Text && utf8.Valid(in) && !bytes.Contains(in, []byte{'&'}) {
		kept := countHan(res.Text)
		for _, r := range res.Removed {
			kept += countHan(r.Text)
		}
		if want := countHan(string(in)); kept != want {
			t.Errorf("Han characters: %d in input, %d kept or reported removed", want, kept)
		}
	}
}

func countHan(s string) int {
	n := 0
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			n++
		}
	}
	return n
}

// hasGloss reports whether s still holds something shaped like a gloss.
func hasGloss(s string) bool {
	return len(findGlosses(s)) > 0 || strings.Contains(s, "(hui) ")
}

package clean

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// feedPlain is feed without its fast paths: one character at a time. It is
// the reference feed is checked against.
func (n *normalizer) feedPlain(input string, from, to int) {
	s := input[:to]
	for i := from; i < len(s); {
		c := s[i]
		r, size := utf8.DecodeRuneInString(s[i:])
		if c >= utf8.RuneSelf && !nfcStable(r) {
			n.nfc = true
		}
		if !(c == '&' || isSpace(r) || r == 0x3000 || isZeroWidth(r) || (r == utf8.RuneError && size == 1)) {
			n.run(input, i, i+size, r, r)
			i += size
			continue
		}
		i = n.special(input, s, i, r, size)
	}
}

// checkFeed normalises s in the pieces cuts marks, with feed and with
// feedPlain, in text and in HTML mode, and reports any difference.
func checkFeed(t *testing.T, s string, cuts []int) {
	t.Helper()
	for _, html := range []bool{false, true} {
		var a, b normalizer
		a.reset()
		b.reset()
		a.html, b.html = html, html
		var ga, gb []mtext
		from := 0
		for _, to := range append(slices.Clone(cuts), len(s)) {
			to = min(max(to, from), len(s))
			a.feed(s, from, to)
			b.feedPlain(s, from, to)
			ma, oka := a.flush(s)
			mb, okb := b.flush(s)
			if oka {
				ga = append(ga, ma)
			}
			if okb {
				gb = append(gb, mb)
			}
			from = to
		}
		if len(ga) != len(gb) || a.invalid != b.invalid || a.firstBad != b.firstBad {
			t.Fatalf("html=%v %q: %d paragraphs, %d invalid at %d; plain: %d, %d at %d", html, s, len(ga), a.invalid, a.firstBad, len(gb), b.invalid, b.firstBad)
		}
		for k := range ga {
			if ga[k].s != gb[k].s || ga[k].end != gb[k].end || !slices.Equal(ga[k].a, gb[k].a) {
				t.Fatalf("html=%v %q paragraph %d: %q %v end %d; plain: %q %v end %d", html, s, k, ga[k].s, ga[k].a, ga[k].end, gb[k].s, gb[k].a, gb[k].end)
			}
		}
	}
}

// testdataTexts returns the texts of the seeds and fixtures.
func testdataTexts(t testing.TB) []string {
	var texts []string
	files, _ := filepath.Glob("testdata/*/*.txt")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	if len(texts) < 10 {
		t.Fatalf("only %d test files", len(texts))
	}
	return texts
}

func TestFeedEqualsPlain(t *testing.T) {
	texts := testdataTexts(t)
	mixed := "新华社北京６月３日电　（记者王晓明）“穩就業”，\u00a0ok&amp;nbsp;丁\u200b丁\n\u3099ｶﾞ\ufeff\xff\xe4\xb8 é 😀 \u4dc0\u2028x"
	texts = append(texts, mixed)
	for i := range mixed {
		texts = append(texts, mixed[i:], mixed[:i])
	}
	for _, s := range texts {
		checkFeed(t, s, nil)
		// pieces as the splitters make them: at each line
		var cuts []int
		for i, c := range []byte(s) {
			if c == '\n' {
				cuts = append(cuts, i)
			}
		}
		checkFeed(t, s, cuts)
	}
}

// FuzzFeed checks feed against feedPlain.
func FuzzFeed(f *testing.F) {
	for _, s := range []string{"新华社北京６月３日电　（记者王晓明）", "穩就業 ok&amp;lt; \u00a0\u200b", "\xe4\xb8\xad\xe6", strings.Repeat("中文，", 9)} {
		f.Add(s, 3)
	}
	f.Fuzz(func(t *testing.T, s string, cut int) {
		checkFeed(t, s, []int{max(0, cut) % (len(s) + 1)})
	})
}

// TestPlain3Table checks the table feed asks against plain3, for every
// character of the Basic Multilingual Plane.
func TestPlain3Table(t *testing.T) {
	for r := rune(0); r < 0x10000; r++ {
		if got := plain3Table[r/64]&(1<<(r%64)) != 0; got != plain3(r) {
			t.Fatalf("plain3Table says %v for %U, plain3 %v", got, r, plain3(r))
		}
	}
}

package convert

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// plainDetect is Detect as a plain loop over the characters: the
// definition Detect's byte loop must equal.
func plainDetect(s string) Detection {
	t := classes()
	var d Detection
	for _, r := range s {
		if r < 0x2E80 {
			continue
		}
		if r >= 0x10000 {
			if unicode.Is(unicode.Han, r) {
				d.Han++
			}
			continue
		}
		class := t[r]
		if class&han != 0 {
			d.Han++
		}
		switch class &^ han {
		case 1:
			d.Simplified++
		case 2:
			d.Traditional++
		}
	}
	d.Script = scriptOf(d.Simplified, d.Traditional)
	return d
}

func checkDetect(t *testing.T, s string) {
	t.Helper()
	if got, want := Detect(s), plainDetect(s); got != want {
		if len(s) > 200 {
			s = s[:200] + "…"
		}
		t.Fatalf("Detect(%q) = %+v, plain loop %+v", s, got, want)
	}
}

// detectTexts are the test data Detect is compared on: the reference
// articles as they are and converted both ways, OpenCC's dictionaries
// (both scripts, a character to a line), mixes of dictionary keys, and
// the fuzz corpus.
func detectTexts(t testing.TB) []string {
	var texts []string
	for _, s := range seeds(t) {
		texts = append(texts, s, MustNew("s2t").String(s), MustNew("t2s").String(s))
	}
	files, _ := filepath.Glob(filepath.Join("opencc", "dictionary", "*.txt"))
	if len(files) < 10 {
		t.Fatalf("dictionaries: %d files", len(files))
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	for _, config := range []string{"s2t", "t2s", "s2twp"} {
		texts = append(texts, mixes(t, config, 50)...)
	}
	corpus, _ := filepath.Glob(filepath.Join("testdata", "fuzz", "*", "*"))
	for _, f := range corpus {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	return texts
}

// TestDetectEqualsPlain compares Detect with the plain loop on the test
// data, every prefix and suffix of a mixed text, every character of the
// Basic Multilingual Plane in each place of the eight-byte reads, random
// mixes with invalid bytes, and a text long enough to be counted in
// several chunks.
func TestDetectEqualsPlain(t *testing.T) {
	texts := detectTexts(t)
	for _, s := range texts {
		checkDetect(t, s)
	}
	mixed := "發展经济，「們」們们 abc\n2024年\u00e9\U00020000\U0002A6A5\uFFFD\u2E80\u3000\xed\xa0\x80發\xe0\x80\x80们\xe5\x8f發" + strings.Repeat("後后", 5) + "\xe4"
	for i := range len(mixed) + 1 {
		checkDetect(t, mixed[:i])
		checkDetect(t, mixed[i:])
	}
	var chars strings.Builder
	for r := rune(0x80); r < 0x10000; r++ {
		if utf8.ValidRune(r) {
			chars.WriteRune(r)
		}
	}
	all := chars.String()
	for k := range 8 {
		checkDetect(t, strings.Repeat("a", k)+all+strings.Repeat("b", k))
	}
	r := rand.New(rand.NewPCG(5, 6))
	alphabet := []rune("经济發展们們中国人后後干幹，。「」abc 1\n\u00e9\u0800\uFFFD\u2E80\u3000\U00020000\U0002A6A5😀")
	for range 20000 {
		var b []byte
		for range r.IntN(40) {
			switch r.IntN(10) {
			case 0:
				b = append(b, byte(r.IntN(256)))
			case 1:
				b = append(b, []string{"\xed\xa0\x80", "\xe0\x80\x80", "\xef\xbf\xbd", "\xe4\xb8", "\xf0\xa0\x80"}[r.IntN(5)]...)
			default:
				b = utf8.AppendRune(b, alphabet[r.IntN(len(alphabet))])
			}
		}
		checkDetect(t, string(b))
	}
	// more characters of a script than a count in one word holds: several
	// chunks, characters across their ends
	long := strings.Repeat("們", countMask+2)
	for _, s := range []string{long, "a" + long, "ab" + long, strings.Repeat("發展经济们x", countChunk/5)} {
		checkDetect(t, s)
	}
}

// FuzzDetect compares Detect with the plain loop on any text.
func FuzzDetect(f *testing.F) {
	for _, s := range []string{"", "發展经济", "经济发展經\n", "\xed\xa0\x80發\xe0\x80\x80们", "發\xe5\x8f", "𠀀𫍯😀中", "abcdefgh們們們"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkDetect(t, s) })
}

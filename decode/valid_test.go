package decode

import (
	"bytes"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/cnnews/cnnews/internal/seeds"
)

// plainPrefix is the plain reading validPrefix must equal: one
// utf8.DecodeRune after another up to the first invalid byte.
func plainPrefix(p []byte) int {
	for i := 0; i < len(p); {
		r, size := utf8.DecodeRune(p[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(p)
}

// plainLossy is invalid's lossy output as a plain loop writes it: each
// byte that starts no valid sequence replaced by U+FFFD, listed.
func plainLossy(data []byte) ([]byte, []int, int) {
	var out []byte
	var offsets []int
	n := 0
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			out = append(out, "\uFFFD"...)
			if n < maxListed {
				offsets = append(offsets, i)
			}
			n++
			i++
			continue
		}
		out = append(out, data[i:i+size]...)
		i += size
	}
	return out, offsets, n
}

// checkValid compares validUTF8 with utf8.Valid, validPrefix with the
// plain reading, and the lossy output with the plain loop's on p.
func checkValid(t *testing.T, p []byte) {
	t.Helper()
	if got, want := validUTF8(p), utf8.Valid(p); got != want {
		t.Fatalf("validUTF8(%q) = %v, utf8.Valid %v", p, got, want)
	}
	if got, want := validPrefix(p), plainPrefix(p); got != want {
		t.Fatalf("validPrefix(%q) = %d, plain %d", p, got, want)
	}
	if validUTF8(p) {
		return
	}
	out, rep, err := invalid(p, Report{FirstInvalid: -1}, 0, nil, config{lossy: true})
	want, offsets, n := plainLossy(p)
	if err != nil || !bytes.Equal(out, want) || rep.Replaced != n || !slices.Equal(rep.Invalid, offsets) || rep.FirstInvalid != offsets[0] {
		t.Fatalf("lossy %q = %q %+v %v, plain %q %v %d", p, out, rep, err, want, offsets, n)
	}
}

// validCases are the awkward sequences: overlong forms, surrogates, the
// edges of each lead byte's second-byte range, truncated and 4-byte
// characters, and the highest code points.
var validCases = []string{
	"", "a", "abcdefgh", "abcdefghi", "新闻", "新闻a", "a新闻", "中文，「引号」。\n",
	"\xc0\x80", "\xc1\xbf", "\xc2\x80", "\xdf\xbf", // overlong 2-byte, then the first and last valid
	"\xe0\x80\x80", "\xe0\x9f\xbf", "\xe0\xa0\x80", "\xe0\xbf\xbf", // overlong 3-byte, then valid
	"\xed\x9f\xbf", "\xed\xa0\x80", "\xed\xbf\xbf", "\xed\xa0\x80\xed\xb0\x80", // U+D7FF, surrogates
	"\xe1\x80\x80", "\xec\xbf\xbf", "\xee\x80\x80", "\xef\xbf\xbd", "\xef\xbf\xbf", "\xe2\x80\xa8",
	"\xe4\xb8", "\xe4", "\xe4\xb8\x41", "\xe4\x41\x80", "\xe4\xc0\x80", "\xe4\xb8\xc0", "\xe4\xb8\xad\xe4\xb8",
	"\xf0\x90\x80\x80", "\xf0\x8f\xbf\xbf", "\xf4\x8f\xbf\xbf", "\xf4\x90\x80\x80", "\xf5\x80\x80\x80",
	"\xf0\xa0\x80\x80", "\xf0\xa0\x80", "\xf0\xa0", "\xf8\x88\x80\x80\x80", "\xff", "\xfe", "\x80", "\xbf",
	"😀新闻𫍯", "abc\x80defghijklmnop", "abcdefgh\xe4\xb8\xad", "\xe4\xb8\xadabcdefgh\xe4\xb8\xad",
}

// TestValidUTF8 compares validUTF8 with utf8.Valid, and validPrefix with
// the plain reading, on the awkward sequences, every prefix and suffix of
// a mixed text made of them, every three bytes with a lead byte E0–EF in
// each place of the fast paths, the reference articles, and random
// mixes.
func TestValidUTF8(t *testing.T) {
	for _, s := range validCases {
		checkValid(t, []byte(s))
		checkValid(t, []byte(s+"x"))
		checkValid(t, []byte("新闻"+s+"新闻abcdefgh"))
	}
	mixed := []byte("新华社北京电 2024年1月9日，\"记者\"报道：" + strings.Join(validCases, "中") + "完。abcdefghijklmnop😀")
	for i := range len(mixed) + 1 {
		checkValid(t, mixed[:i])
		checkValid(t, mixed[i:])
	}
	// the three bytes in each place of the four-at-a-time check, and at
	// the end, where the checks need a byte past them
	const han = "\xe4\xb8\xad" // 中
	var placed [][]byte
	for k := range 4 {
		placed = append(placed, []byte(strings.Repeat(han, k)+"xyz"+strings.Repeat(han, 8-k)+"abcdefgh"))
	}
	placed = append(placed, []byte(strings.Repeat(han, 5)+"xyz"), []byte(strings.Repeat(han, 5)+"xyza"))
	for lead := 0xE0; lead <= 0xEF; lead++ {
		for b1 := range 256 {
			for b2 := range 256 {
				for _, p := range placed {
					at := bytes.IndexByte(p, 'x')
					p[at], p[at+1], p[at+2] = byte(lead), byte(b1), byte(b2)
					if got, want := validPrefix(p), plainPrefix(p); got != want {
						t.Fatalf("validPrefix(%q) = %d, plain %d", p, got, want)
					}
					p[at] = 'x'
				}
			}
		}
	}
	for _, s := range seeds.Load(t) {
		checkValid(t, []byte(s))
	}
	rng := rand.New(rand.NewPCG(3, 9))
	pieces := append([]string{"中", "文", "，", "a", "\n", "abcdefgh", "😀", "é", "\u2028"}, validCases...)
	for range 20000 {
		var b []byte
		for range rng.IntN(20) {
			if rng.IntN(6) == 0 {
				b = append(b, byte(rng.IntN(256)))
			} else {
				b = append(b, pieces[rng.IntN(len(pieces))]...)
			}
		}
		checkValid(t, b)
	}
}

// FuzzValidUTF8 compares validUTF8 with utf8.Valid, validPrefix with the
// plain reading and the lossy output with the plain loop's on any bytes.
func FuzzValidUTF8(f *testing.F) {
	for _, s := range validCases[:20] {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, p []byte) { checkValid(t, p) })
}

// BenchmarkValid checks the five reference articles, as saved (UTF-8),
// with validUTF8 and, for comparison, utf8.Valid.
func BenchmarkValid(b *testing.B) {
	var all strings.Builder
	for _, s := range seeds.Load(b) {
		all.WriteString(s)
	}
	data := []byte(all.String())
	for _, v := range []struct {
		name  string
		valid func([]byte) bool
	}{{"validUTF8", validUTF8}, {"utf8.Valid", utf8.Valid}} {
		b.Run(v.name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if !v.valid(data) {
					b.Fatal("invalid")
				}
			}
		})
	}
}

// TestContainsCharset checks the search for the word charset against a
// plain one, in either case, at every place.
func TestContainsCharset(t *testing.T) {
	plain := func(b []byte) bool {
		low := make([]byte, len(b))
		for i, c := range b {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			low[i] = c
		}
		return bytes.Contains(low, []byte("charset"))
	}
	base := `<meta http-equiv="Content-Type" content="text/html; ChArSeT=gbk">新闻 cCcharse`
	for i := range len(base) + 1 {
		for _, s := range []string{base[i:], base[:i], base[:i] + "CHARSET", "charse" + base[i:]} {
			if got, want := containsCharset([]byte(s)), plain([]byte(s)); got != want {
				t.Errorf("containsCharset(%q) = %v, want %v", s, got, want)
			}
		}
	}
}

package articlejson

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/cnnews/cnnews/internal/seeds"
)

// encodingJSON is s as encoding/json writes it, HTML escaping off: the
// definition AppendString must equal.
func encodingJSON(t testing.TB, s string) string {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		t.Fatal(err)
	}
	return strings.TrimSuffix(buf.String(), "\n")
}

func checkString(t *testing.T, s string) {
	t.Helper()
	if got, want := string(AppendString(nil, s)), encodingJSON(t, s); got != want {
		t.Fatalf("AppendString(%q) = %s, encoding/json %s", s, got, want)
	}
}

// TestAppendStringEqualsEncodingJSON compares AppendString with
// encoding/json on every byte in each place of the eight-byte reads,
// three bytes with each lead byte E0–EF, each second byte and the edge
// values of the third (every third byte after E2 80) in each place of
// the fast paths, every prefix and suffix of a mixed text, the reference
// articles, and random mixes.
func TestAppendStringEqualsEncodingJSON(t *testing.T) {
	for b := range 256 {
		for k := range 12 {
			s := strings.Repeat("a", k) + string(rune(b)) + strings.Repeat("b", 12-k)
			checkString(t, s)
			checkString(t, strings.Repeat("中", k)+string([]byte{byte(b)})+strings.Repeat("文", 3))
			checkString(t, strings.Repeat("x", k)+string([]byte{byte(b)})+strings.Repeat("y", 12-k))
		}
	}
	// the third byte: every value for E2 80 (U+2028 and U+2029), the
	// edges of the ranges for the rest
	thirds := []byte{0x00, 0x22, 0x41, 0x5C, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xA7, 0xA8, 0xA9, 0xAA, 0xBF, 0xC0, 0xE4, 0xFF}
	for lead := 0xE0; lead <= 0xEF; lead++ {
		for b1 := range 256 {
			b2s := thirds
			if lead == 0xE2 && b1 == 0x80 {
				b2s = make([]byte, 256)
				for b2 := range b2s {
					b2s[b2] = byte(b2)
				}
			}
			for _, b2 := range b2s {
				seq := string([]byte{byte(lead), byte(b1), b2})
				for _, s := range []string{seq, seq + "a", "abcdefgh" + seq + "abcdefgh", seq + "中文字符", "中" + seq + "中文字符", "中文" + seq + "中文字符", "中文字" + seq + "中文字符"} {
					checkString(t, s)
				}
			}
		}
	}
	mixed := "新华社北京电 \"引号\" \\ 2024年1月9日，\u2028\u2029\t\n\r\b\f\x00\x1f\x7f<>&'\xff\xe4\xb8\xe2\x80\xa8\xe2\x80\xa9\xe2\x80\xaa\xe2\x80\xa7\xe2\x80“…”—\xed\xa0\x80\xe0\x80\x80😀\xf0\x9f\x98é完。abcdefghijklmnop"
	for i := range len(mixed) + 1 {
		checkString(t, mixed[:i])
		checkString(t, mixed[i:])
	}
	for _, s := range seeds.Load(t) {
		checkString(t, s)
	}
	r := rand.New(rand.NewPCG(11, 12))
	pieces := []string{"中", "文", "，", "“", "”", "…", "\u2028", "\u2029", "\u2027", "\u202a", "a", "abcdefgh", "\"", "\\", "\n", "\x01", "\x7f", "é", "😀", "\xff", "\xe2\x80", "\xe4", "\xed\xa0\x80", "\xef\xbf\xbd"}
	for range 20000 {
		var b strings.Builder
		for range r.IntN(20) {
			if r.IntN(8) == 0 {
				b.WriteByte(byte(r.IntN(256)))
			} else {
				b.WriteString(pieces[r.IntN(len(pieces))])
			}
		}
		checkString(t, b.String())
	}
	if !utf8.ValidString(string(AppendString(nil, mixed))) {
		t.Fatal("invalid UTF-8 out")
	}
}

// BenchmarkAppendString escapes the texts of the five reference
// articles.
func BenchmarkAppendString(b *testing.B) {
	var texts []string
	n := 0
	for _, s := range seeds.Load(b) {
		texts = append(texts, s)
		n += len(s)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	var dst []byte
	for b.Loop() {
		for _, s := range texts {
			dst = AppendString(dst[:0], s)
		}
	}
}

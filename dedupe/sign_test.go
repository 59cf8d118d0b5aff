package dedupe

import (
	"unicode"
	"unicode/utf8"

	"github.com/cnnews/cnnews/convert"
	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// sign computes the one-permutation MinHash of a shingle set: each hash
// falls into one of K bins by its top bits and the bin keeps the smallest
// of the rest; an empty bin takes the value of the next non-empty one,
// offset by the distance, so that two sets agree on a bin with probability
// equal to their Jaccard similarity.
func sign(hashes []uint64, sig *[K]uint32) {
	const empty = math.MaxUint32
	for i := range sig {
		sig[i] = empty
	}
	for _, h := range hashes {
		bin := h >> (64 - 7) // K = 128 = 2^7
		v := uint32(h)
		if v == empty {
			v--
		}
		if v < sig[bin] {
			sig[bin] = v
		}
	}
	if len(hashes) == 0 {
		return
	}
	densify(sig)
}

// TestSignerEqualsSortedShingles checks the signer, which never sorts,
// against the plain recipe: the sorted distinct shingles, MinHash over
// them, and their count.
func TestSignerEqualsSortedShingles(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	texts := []string{"", "阳", "阳泉", "阳泉市", "阳泉市召开", "阳泉市召开会", "abc", "ab阳c泉d", strings.Repeat("哈", 40)}
	for _, s := range seedArticles(t) {
		texts = append(texts, Normalize(s))
	}
	for range 300 {
		var b strings.Builder
		for range r.IntN(60) {
			alphabet := []rune("阳泉市经济会议召开abc12")
			b.WriteRune(alphabet[r.IntN(len(alphabet))])
		}
		texts = append(texts, b.String())
	}
	var g signer
	for _, norm := range texts {
		for _, n := range []int{1, 3, 5} {
			var got Signature
			g.signNormalized(norm, utf8.RuneCountInString(norm), n, &got)
			sh := shingles(norm, n, nil)
			var want [K]uint32
			sign(sh, &want)
			if norm == "" {
				for i := range want {
					want[i] = math.MaxUint32
				}
			}
			if got.Min != want || got.Shingles != len(sh) {
				t.Fatalf("%q, n=%d: %d shingles, want %d; MinHash equal %v", norm, n, got.Shingles, len(sh), got.Min == want)
			}
		}
	}
}

// normalizeRef is Normalize written plainly, one character at a time, for
// TestNormalizeEqualsReference.
func normalizeRef(s string) string {
	checked := false // whether s was checked to be in NFC
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r >= 0x4E00 && r <= 0x9FFF { // CJK ideographs: the bulk of the text
			b.WriteRune(convert.ToSimplified(r))
			i += size
			continue
		}
		if !checked && !nfcStable(r) {
			checked = true
			if !norm.NFC.IsNormalString(s) {
				// a character NFC changes: start again on the NFC form
				s, i = norm.NFC.String(s), 0
				b.Reset()
				continue
			}
		}
		if r == '(' || r == '（' {
			if n := glossLen(s[i:]); n > 0 && b.Len() > 0 {
				i += n
				continue
			}
		}
		i += size
		if r >= 0xFF01 && r <= 0xFF5E {
			r, _ = utf8.DecodeRuneInString(width.Fold.String(string(r)))
		}
		switch {
		case unicode.IsSpace(r), unicode.IsPunct(r), unicode.IsSymbol(r), unicode.IsControl(r), r == utf8.RuneError:
			continue
		case r < utf8.RuneSelf:
			r = unicode.ToLower(r)
		default:
			r = convert.ToSimplified(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// TestNormalizeEqualsReference checks Normalize's fast paths (ASCII, the
// CJK ideographs, the full-width forms) against the plain version.
func TestNormalizeEqualsReference(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	alphabet := []rune("阳泉市經濟會議（ye）(chan) 業，。！？、“”《》ＡＢｃ１２３：；abcXYZ09()\t\n　﹒・·\u00e9e\u0301\u212b\u4dc0\u3400\U00020000\uff5e\uff5f\uff01\uffe5")
	texts := []string{"", "(ye) 開頭", "業(ye) ", "業（ye）", "\xff\xe4\xb8", "\xe4\xb8\x41", "\xef\xbc", "\xef\xbc\x88ye\xef\xbc\x89"}
	for _, s := range seedArticles(t) {
		texts = append(texts, s)
	}
	for range 3000 {
		var b strings.Builder
		for range r.IntN(40) {
			if r.IntN(20) == 0 {
				b.WriteByte(byte(r.IntN(256)))
				continue
			}
			b.WriteRune(alphabet[r.IntN(len(alphabet))])
		}
		texts = append(texts, b.String())
	}
	for _, block := range [][2]rune{{0, 0x400}, {0x2000, 0x2100}, {0x3000, 0x3100}, {0x4D00, 0x4E10}, {0x9FF0, 0xA000}, {0xFF00, 0xFFF0}} {
		for r := block[0]; r < block[1]; r++ {
			texts = append(texts, "阳"+string(r)+"泉", string(r)+"(ye) ", "業"+string(r))
		}
	}
	for _, s := range texts {
		if got, want := Normalize(s), normalizeRef(s); got != want {
			t.Fatalf("Normalize(%q) = %q, want %q", s, got, want)
		}
		if got, chars := normalize(s); chars != utf8.RuneCountInString(got) {
			t.Fatalf("normalize(%q): %d characters counted, %d written", s, chars, utf8.RuneCountInString(got))
		}
	}
}

package dedupe

import (
	"encoding/binary"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/zeebo/xxh3"
	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"

	"github.com/cnnews/cnnews/convert"
)

// Normalize returns the form of s that matching compares: NFC, pinyin
// glosses (業(ye) ) dropped, Traditional characters folded to Simplified one
// by one, full-width letters and digits folded to ASCII, Latin lower case,
// and punctuation, symbols and white space dropped. It is for matching
// only; the stored text is never changed.
func Normalize(s string) string {
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

// nfcStable reports characters that NFC leaves alone whatever surrounds
// them: Latin-1, general punctuation, CJK symbols, kana, ideographs and
// the full-width forms.
func nfcStable(r rune) bool {
	return r < 0x300 || (r >= 0x2010 && r <= 0x206F) || (r >= 0x3000 && r <= 0x3098) ||
		(r >= 0x309B && r <= 0x9FFF) || (r >= 0xFF00 && r <= 0xFFEF)
}

// glossLen returns the length of a pinyin gloss "(ye) " at the start of s,
// or 0. For matching, any lower-case syllable in parentheses after a Han
// character counts.
func glossLen(s string) int {
	open := 1
	if strings.HasPrefix(s, "（") {
		open = len("（")
	}
	j := open
	for j < len(s) && j-open < 7 && (s[j] >= 'a' && s[j] <= 'z' || s[j] >= '1' && s[j] <= '5') {
		j++
	}
	if j == open || j-open > 6 {
		return 0
	}
	switch {
	case strings.HasPrefix(s[j:], ")"):
		j++
	case strings.HasPrefix(s[j:], "）"):
		j += len("）")
	default:
		return 0
	}
	if j < len(s) && s[j] == ' ' {
		j++
	}
	return j
}

// K is the number of values in a MinHash signature.
const K = 128

// Signature is what the index keeps of a document: the 128-bit hash of its
// normalised text, its one-permutation MinHash with densification, and
// the number of shingles it was made from.
type Signature struct {
	Exact    xxh3.Uint128
	Min      [K]uint32
	Shingles int
}

// shingles returns the hashes of the character n-grams of a normalised
// text (a text shorter than n characters is one shingle), sorted, without
// repeats.
func shingles(norm string, n int, dst []uint64) []uint64 {
	dst = dst[:0]
	runes := make([]int, 0, len(norm)/3+1) // byte offset of each character
	for i := range norm {
		runes = append(runes, i)
	}
	if len(runes) == 0 {
		return dst
	}
	if len(runes) <= n {
		return append(dst, xxh3.HashString(norm))
	}
	for i := 0; i+n <= len(runes); i++ {
		end := len(norm)
		if i+n < len(runes) {
			end = runes[i+n]
		}
		dst = append(dst, xxh3.HashString(norm[runes[i]:end]))
	}
	slices.Sort(dst)
	return slices.Compact(dst)
}

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
	// densification by rotation
	if len(hashes) == 0 {
		return
	}
	var filled [K]uint32
	copy(filled[:], sig[:])
	for i := range sig {
		if sig[i] != empty {
			continue
		}
		for d := 1; d < K; d++ {
			if v := filled[(i+d)%K]; v != empty {
				var buf [8]byte
				binary.LittleEndian.PutUint32(buf[:4], v)
				binary.LittleEndian.PutUint32(buf[4:], uint32(d))
				sig[i] = uint32(xxh3.Hash(buf[:]))
				break
			}
		}
	}
}

package dedupe

import (
	"encoding/binary"
	"math"
	"slices"
	"strings"
	"sync"
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
	norm, _ := normalize(s)
	return norm
}

// normalize is Normalize, also giving the number of characters written.
func normalize(s string) (string, int) {
	chars := 0
	checked := false // whether s was checked to be in NFC
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			// ASCII: letters and digits stay, lower case; the rest is
			// punctuation, symbols, spaces and controls
			if c == '(' {
				if n := glossLen(s[i:]); n > 0 && b.Len() > 0 {
					i += n
					continue
				}
			}
			i++
			if k, ok := asciiKept(c); ok {
				b.WriteByte(k)
				chars++
			}
			continue
		case c >= 0xE4 && c <= 0xE9 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80:
			// three bytes from U+4000: the CJK ideographs are the bulk of the text
			if r := rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F); r >= 0x4E00 {
				if t := convert.ToSimplified(r); t != r {
					b.WriteRune(t)
				} else {
					b.WriteString(s[i : i+3])
				}
				chars++
				i += 3
				continue
			}
		case (c == 0xE2 || c == 0xE3) && i+2 < len(s) && s[i+2]&0xC0 == 0x80 &&
			(c == 0xE2 && (s[i+1] == 0x80 && s[i+2] >= 0x90 || s[i+1] == 0x81 && s[i+2] <= 0xAF) || c == 0xE3 && s[i+1] == 0x80):
			// general punctuation (U+2010–U+206F) and CJK punctuation
			// (U+3000–U+303F): most is dropped, as the table says
			if r := rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F); dropped(r) {
				i += 3
				continue
			}
		case c == 0xEF && i+2 < len(s) && (s[i+1] == 0xBC && s[i+2] >= 0x81 && s[i+2] <= 0xBF || s[i+1] == 0xBD && s[i+2] >= 0x80 && s[i+2] <= 0x9E):
			// the full-width forms of ASCII (U+FF01–U+FF5E): folded to
			// ASCII, then as ASCII; （ may open a gloss
			if s[i+1] == 0xBC && s[i+2] == 0x88 {
				if n := glossLen(s[i:]); n > 0 && b.Len() > 0 {
					i += n
					continue
				}
			}
			a := byte(0xF000 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F) - 0xFEE0)
			i += 3
			if k, ok := asciiKept(a); ok {
				b.WriteByte(k)
				chars++
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !checked && !nfcStable(r) {
			checked = true
			if !norm.NFC.IsNormalString(s) {
				// a character NFC changes: start again on the NFC form
				s, i = norm.NFC.String(s), 0
				b.Reset()
				chars = 0
				continue
			}
		}
		if r == '（' {
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
		chars++
	}
	return b.String(), chars
}

// droppedPunct says, for U+2010–U+206F and U+3000–U+303F, which
// characters Normalize drops: spaces, punctuation, symbols and controls
// (〇 and 々, a numeral and a letter, stay).
var droppedPunct = func() (t [2][0x60]bool) {
	for i, base := range []rune{0x2010, 0x3000} {
		for j := range t[i] {
			r := base + rune(j)
			t[i][j] = unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) || unicode.IsControl(r)
		}
	}
	return t
}()

// dropped reports whether Normalize drops r, one of U+2010–U+206F or
// U+3000–U+303F (others: false).
func dropped(r rune) bool {
	t := &droppedPunct
	switch {
	case r >= 0x2010 && r < 0x2070:
		return t[0][r-0x2010]
	case r >= 0x3000 && r < 0x3060:
		return t[1][r-0x3000]
	}
	return false
}

// asciiKept returns an ASCII character as matching keeps it: a letter in
// lower case, or a digit; false for the rest (punctuation, symbols, white
// space, controls), which matching drops.
func asciiKept(c byte) (byte, bool) {
	switch {
	case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		return c, true
	case 'A' <= c && c <= 'Z':
		return c + 'a' - 'A', true
	}
	return 0, false
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

// signer computes signatures without sorting shingles: each shingle's
// hash goes straight into the MinHash bins (taking a minimum twice changes
// nothing), and an open-addressing set of hashes counts the distinct ones.
// Its buffers are reused from one text to the next.
type signer struct {
	set  []uint64 // hash set; 0 marks an empty slot
	offs []int    // byte offsets of the last n+1 characters, a ring
}

var signers = sync.Pool{New: func() any { return new(signer) }}

// signNormalized fills s from a normalised text of chars characters: its
// exact hash, the number of distinct shingles and the MinHash of their
// hashes, the same as sign(shingles(norm, n, nil)) would give.
func (g *signer) signNormalized(norm string, chars, n int, s *Signature) {
	s.Exact = xxh3.HashString128(norm)
	const empty = math.MaxUint32
	for i := range s.Min {
		s.Min[i] = empty
	}
	s.Shingles = 0
	if norm == "" {
		return
	}
	// room for every shingle (at most one per character), half full at most
	size := 16
	for size < 2*(chars+1) {
		size *= 2
	}
	if cap(g.set) < size {
		g.set = make([]uint64, size)
	}
	set := g.set[:size]
	clear(set)
	mask := uint64(size - 1)
	distinct := 0
	add := func(h uint64) {
		bin := h >> (64 - 7) // K = 128 = 2^7
		v := uint32(h)
		if v == empty {
			v--
		}
		if v < s.Min[bin] {
			s.Min[bin] = v
		}
		key := h
		if key == 0 {
			key = 1 // 0 marks an empty slot; the count may merge 0 and 1, once in 2^64
		}
		for i := (key * 0x9E3779B97F4A7C15) & mask; ; i = (i + 1) & mask {
			switch set[i] {
			case 0:
				set[i] = key
				distinct++
				return
			case key:
				return
			}
		}
	}
	if cap(g.offs) < n+1 {
		g.offs = make([]int, n+1)
	}
	ring := g.offs[:n+1]
	count := 0 // characters seen
	for i := 0; i < len(norm); i++ {
		if norm[i]&0xC0 == 0x80 {
			continue // inside a character (a normalised text is valid UTF-8)
		}
		ring[count%(n+1)] = i
		count++
		if count > n {
			// the shingle of the n characters before the one at i
			add(xxh3.HashString(norm[ring[(count-n-1)%(n+1)]:i]))
		}
	}
	switch {
	case count <= n:
		add(xxh3.HashString(norm))
	default:
		add(xxh3.HashString(norm[ring[(count-n)%(n+1)]:]))
	}
	s.Shingles = distinct
	densify(&s.Min)
}

// densify fills the empty bins of a MinHash by rotation: an empty bin
// takes the value of the next non-empty one, hashed with the distance.
func densify(sig *[K]uint32) {
	const empty = math.MaxUint32
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

package convert

import (
	_ "embed"
	"unicode"
)

// The character tables Detect, ToSimplified and Repair look characters up
// in are derived from OpenCC's character dictionaries (TSCharacters,
// STCharacters). They are stored made, in tables/*.bin, so that a first
// call reads a few thousand numbers instead of loading the dictionaries
// and walking them. TestCharacterTables builds each from opencc/ and
// checks that the stored one is byte for byte what that gives; `go
// generate` (which runs it with -update) writes them.
//
// Each file is a sequence of unsigned varints (encoding/binary's):
//
//   - scripts.bin, the characters of one script (see classes): the
//     number of Simplified-only characters, then each as its distance from
//     the one before it (the first from 0); the same for the
//     Traditional-only ones;
//   - simplified.bin, the characters of the Basic Multilingual Plane the
//     Traditional-to-Simplified table changes (see simplifiedOf): their
//     number, then for each its distance from the one before it and the
//     character it changes to;
//   - candidates.bin, the Traditional forms of Simplified characters (see
//     repairData.cands): the number of characters, then for each its
//     distance from the one before it, its number of forms and the forms.

var (
	//go:embed tables/scripts.bin
	scriptsData []byte
	//go:embed tables/simplified.bin
	simplifiedData []byte
	//go:embed tables/candidates.bin
	candidatesData []byte
)

// varints reads a stored character table. It is the package's own data,
// checked by TestCharacterTables: a damaged table panics.
type varints struct {
	b []byte
	i int // the next byte
}

func (v *varints) next() rune {
	var x rune
	for shift := 0; ; shift += 7 {
		c := v.b[v.i]
		v.i++
		x |= rune(c&0x7F) << shift
		if c < 0x80 {
			return x
		}
	}
}

// decodeClasses reads the table of classes: the Han characters from the
// unicode package, as Detect has always taken them, and the script marks
// from b.
func decodeClasses(b []byte) *[0x10000]uint8 {
	t := new([0x10000]uint8)
	for _, rg := range unicode.Han.R16 {
		lo, hi := max(int(rg.Lo), 0x2E80), int(rg.Hi)
		if lo > hi {
			continue
		}
		if rg.Stride != 1 {
			for r := lo; r <= hi; r += int(rg.Stride) {
				t[r] = han
			}
			continue
		}
		// the range filled by doubling copies
		s := t[lo : hi+1]
		s[0] = han
		for n := 1; n < len(s); n *= 2 {
			copy(s[n:], s[:n])
		}
	}
	in := varints{b: b}
	for _, class := range []uint8{1, 2} {
		r := rune(0)
		for range in.next() {
			r += in.next()
			t[uint16(r)] |= class
		}
	}
	return t
}

// decodeSimplified reads the table of simplifiedOf.
func decodeSimplified(b []byte) []rune {
	t := make([]rune, 0x10000)
	in := varints{b: b}
	r := rune(0)
	for range in.next() {
		r += in.next()
		t[uint16(r)] = in.next()
	}
	return t
}

// decodeCandidates reads the Traditional forms of Simplified characters.
func decodeCandidates(b []byte) map[rune][]rune {
	in := varints{b: b}
	n := in.next()
	m := make(map[rune][]rune, n)
	forms := make([]rune, 0, len(b)/3) // most forms take three bytes
	r := rune(0)
	for range n {
		r += in.next()
		start := len(forms)
		for range in.next() {
			forms = append(forms, in.next())
		}
		m[r] = forms[start:len(forms):len(forms)]
	}
	return m
}

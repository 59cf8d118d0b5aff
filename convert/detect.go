package convert

import (
	"fmt"
	"math/bits"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
)

// Script is the verdict of [Detect].
type Script uint8

// The scripts [Detect] tells apart.
const (
	Neither     Script = iota // no character belongs to one script only: neither Simplified nor Traditional
	Simplified                // Simplified characters, no or next to no Traditional ones
	Traditional               // Traditional characters, no or next to no Simplified ones
	Mixed                     // both in earnest
)

// String returns the script's name in lower case: "simplified",
// "traditional", "mixed" or "neither".
func (s Script) String() string {
	switch s {
	case Simplified:
		return "simplified"
	case Traditional:
		return "traditional"
	case Mixed:
		return "mixed"
	}
	return "neither"
}

// MarshalText gives the script's name, as String, so that it reads as a
// name in JSON.
func (s Script) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads a name MarshalText gives.
func (s *Script) UnmarshalText(b []byte) error {
	for _, c := range []Script{Neither, Simplified, Traditional, Mixed} {
		if c.String() == string(b) {
			*s = c
			return nil
		}
	}
	return fmt.Errorf("convert: %q is not a script: want simplified, traditional, mixed or neither", b)
}

// Detection is the verdict of [Detect] with the counts behind it.
type Detection struct {
	Script      Script
	Han         int // Han characters
	Simplified  int // characters only Simplified text uses (发, 这, 们)
	Traditional int // characters only Traditional text uses (發, 這, 們)
}

// MixedShare is the share of the minority script's characters above which
// [Detect] calls a text mixed rather than one script with stray characters
// (names, quotations, conversion slips).
const MixedShare = 0.1

// classes maps characters of the Basic Multilingual Plane to their script,
// 1 Simplified only or 2 Traditional only, plus han (4) for every Han
// character. The characters below U+2E80, where no Han character is,
// are 0: Detect counts nothing for them. The script marks come from t2s's
// character tables (see classesOf in chartables_test.go) and are stored
// in tables/scripts.bin.
var classes = sync.OnceValue(func() *[0x10000]uint8 { return decodeClasses(scriptsData) })

const han = 4

// classCounts gives, for each class of the table (the low three bits),
// what a character of it adds to the counts Detect keeps in one word:
// Han characters in bits 0–20, Simplified ones in bits 21–41,
// Traditional ones in bits 42–62. Classes 3 and 7 are no script.
var classCounts = func() (c [8]uint64) {
	for class := range c {
		if class&han != 0 {
			c[class] |= 1
		}
		switch class &^ han {
		case 1:
			c[class] |= 1 << countBits
		case 2:
			c[class] |= 1 << (2 * countBits)
		}
	}
	return c
}()

// three decodes the three-byte sequence in the low bytes of w (read
// little-endian), whatever its lead byte E0–EF and continuation bytes.
func three(w uint64) uint16 {
	return uint16(w&0x0F)<<12 | uint16(w>>8&0x3F)<<6 | uint16(w>>16&0x3F)
}

// countBits is the width of each count in Detect's word; countChunk, the
// bytes Detect reads before it adds the word to its totals, holds fewer
// characters than a count can hold.
const (
	countBits  = 21
	countMask  = 1<<countBits - 1
	countChunk = 1 << 20
)

// Detect tells whether s is written in Simplified or Traditional script,
// both, or neither (no Han character, or only ones both scripts share:
// 中国人 is both). It counts the characters that belong to one script only,
// as OpenCC's character tables say, and calls the text [Mixed] when the
// minority has more than [MixedShare] of them. It is one table lookup a
// character, cheap enough for every article of a corpus.
func Detect(s string) Detection {
	t := classes()
	var d Detection
	for i := 0; i < len(s); {
		var counts uint64
		i, counts = countClasses(t, s, i, min(len(s), i+countChunk))
		d.Han += int(counts & countMask)
		d.Simplified += int(counts >> countBits & countMask)
		d.Traditional += int(counts >> (2 * countBits) & countMask)
	}
	d.Script = scriptOf(d.Simplified, d.Traditional)
	return d
}

// countClasses adds up classCounts for the characters of s from i on,
// up to the first to start at or after end, and returns where it stopped.
// The counts of a chunk add up in one word, a character adding
// classCounts[class]: no branch on the class, which mixed text would
// mispredict. It is a function of its own so that its loop keeps its
// values in registers.
func countClasses(t *[0x10000]uint8, s string, i, end int) (int, uint64) {
	var counts uint64
	for i < end {
		if i+8 <= len(s) {
			// Eight bytes read at once: two three-byte characters
			// (the Han characters and CJK punctuation), one, or ASCII
			// up to the next byte above it. An overlong form or a
			// surrogate decodes to a character of no class, as the
			// U+FFFD a full decoder gives would be.
			b := s[i : i+8]
			w := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
				uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
			switch {
			case w&0xC0C0F0C0C0F0 == 0x8080E08080E0:
				counts += classCounts[t[three(w)]&7] + classCounts[t[three(w>>24)]&7]
				i += 6
				continue
			case w&0xC0C0F0 == 0x8080E0:
				counts += classCounts[t[three(w)]&7]
				i += 3
				continue
			case w&0x80 == 0:
				if high := w & 0x8080808080808080; high != 0 {
					i += bits.TrailingZeros64(high) >> 3
				} else {
					i += 8
				}
				continue
			}
		}
		// the last seven bytes, and the characters of other lengths
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		if c >= 0xE0 && c < 0xF0 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			counts += classCounts[t[three(uint64(c)|uint64(s[i+1])<<8|uint64(s[i+2])<<16)]&7]
			i += 3
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if r < 0x10000 {
			counts += classCounts[t[r]&7]
		} else if unicode.Is(unicode.Han, r) {
			counts++
		}
	}
	return i, counts
}

// scriptOf is the script of a text with s Simplified and t Traditional
// characters.
func scriptOf(s, t int) Script {
	switch total := s + t; {
	case total == 0:
		return Neither
	case float64(min(s, t)) > MixedShare*float64(total):
		return Mixed
	case s > t:
		return Simplified
	}
	return Traditional
}

// ToSimplified maps a Traditional character to its Simplified form as
// OpenCC's character table gives it (發 → 发, 們 → 们), and returns any
// other character unchanged. It looks at one character, without the
// phrases that choose between forms, so it suits matching (deduplication,
// search keys) rather than conversion.
func ToSimplified(r rune) rune {
	t := simplifiedTable.Load()
	if t == nil {
		t = (*[0x10000]rune)(simplifiedOf())
		simplifiedTable.Store(t)
	}
	if r >= 0 && r < 0x10000 {
		if s := t[r]; s != 0 {
			return s
		}
	}
	return r
}

// simplifiedTable is simplifiedOf's table once built, read with one
// atomic load: ToSimplified is called for every character of a text.
var simplifiedTable atomic.Pointer[[0x10000]rune]

// simplifiedOf maps characters of the Basic Multilingual Plane that the
// Traditional-to-Simplified character table changes to their first form
// (stored in tables/simplified.bin).
var simplifiedOf = sync.OnceValue(func() []rune { return decodeSimplified(simplifiedData) })

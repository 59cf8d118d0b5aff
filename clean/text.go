package clean

import (
	"strings"
	"unicode/utf8"
)

// containsAnyRune is strings.ContainsAny for valid UTF-8: one fast search
// of s for each of a few characters, where strings.ContainsAny decodes s
// character by character when chars holds one beyond ASCII.
func containsAnyRune(s, chars string) bool {
	for _, c := range chars {
		if strings.ContainsRune(s, c) {
			return true
		}
	}
	return false
}

// indexAnyRune is strings.IndexAny for valid UTF-8, searched as
// containsAnyRune searches.
func indexAnyRune(s, chars string) int {
	best := -1
	for _, c := range chars {
		in := s
		if best >= 0 {
			in = s[:best]
		}
		if i := strings.IndexRune(in, c); i >= 0 {
			best = i
		}
	}
	return best
}

// hanSet is a set of characters of the CJK Unified Ideographs block
// (U+4E00–U+9FFF), one bit each.
type hanSet [(0xA000 - 0x4E00) / 64]uint64

// newHanSet returns the set of the ideographs in s.
func newHanSet(s string) *hanSet {
	var h hanSet
	for _, r := range s {
		if r >= 0x4E00 && r < 0xA000 {
			k := r - 0x4E00
			h[k/64] |= 1 << (k % 64)
		}
	}
	return &h
}

// has reports whether r is in h.
func (h *hanSet) has(r rune) bool {
	if r < 0x4E00 || r >= 0xA000 {
		return false
	}
	k := r - 0x4E00
	return h[k/64]&(1<<(k%64)) != 0
}

// lastRune is utf8.DecodeLastRuneInString's rune, decoding the three-byte
// characters of Chinese text inline.
func lastRune(s string) rune {
	if n := len(s); n >= 3 && s[n-3] >= 0xE1 && s[n-3] <= 0xEC && s[n-2]&0xC0 == 0x80 && s[n-1]&0xC0 == 0x80 {
		return rune(s[n-3]&0x0F)<<12 | rune(s[n-2]&0x3F)<<6 | rune(s[n-1]&0x3F)
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// firstRune is utf8.DecodeRuneInString's rune, decoding the three-byte
// characters of Chinese text inline.
func firstRune(s string) rune {
	if len(s) >= 3 && s[0] >= 0xE1 && s[0] <= 0xEC && s[1]&0xC0 == 0x80 && s[2]&0xC0 == 0x80 {
		return rune(s[0]&0x0F)<<12 | rune(s[1]&0x3F)<<6 | rune(s[2]&0x3F)
	}
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

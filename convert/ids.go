package convert

import "unicode/utf8"

// Ideographic description sequences (IDS), such as ⿰讠吾, describe a
// character no encoding has by its parts. OpenCC keeps a complete one
// whole where no dictionary key matches: its parts are not converted, and
// no key is matched inside it. So does this package.

// isIDC reports whether src[i:] starts with an ideographic description
// character, U+2FF0–U+2FFF.
func isIDC(src []byte, i int) bool {
	return i+2 < len(src) && src[i] == 0xE2 && src[i+1] == 0xBF && src[i+2]&0xF0 == 0xB0
}

// idcArity is the number of parts an ideographic description character
// takes.
func idcArity(r rune) int {
	switch {
	case r == 0x2FF2 || r == 0x2FF3:
		return 3
	case r == 0x2FFE || r == 0x2FFF:
		return 1
	case r >= 0x2FF0 && r <= 0x2FFD:
		return 2
	}
	return 0
}

// idsLen returns the length in bytes of the complete sequence that starts
// at src[i], or 0. incomplete reports that src ends before the sequence
// does, so that more text could complete it. As in OpenCC, any character
// is a part, sequences nest at most 16 deep and hold at most 64
// characters. An invalid byte is a part, as the U+FFFD it becomes.
func idsLen(src []byte, i int) (n int, incomplete bool) {
	count := 0
	var consume func(at, depthLeft int) (int, int) // length, status
	const (
		complete = iota
		short
		invalid
	)
	consume = func(at, depthLeft int) (int, int) {
		if at >= len(src) {
			return 0, short
		}
		if depthLeft == 0 || count >= 64 {
			return 0, invalid
		}
		r, size := utf8.DecodeRune(src[at:])
		if r == utf8.RuneError && size <= 1 && !utf8.FullRune(src[at:]) {
			return 0, short
		}
		// an invalid byte is a part, as the U+FFFD it is written as
		count++
		arity := idcArity(r)
		off := size
		for k := 0; k < arity; k++ {
			if at+off >= len(src) {
				return 0, short
			}
			m, st := consume(at+off, depthLeft-1)
			if st != complete {
				return 0, st
			}
			off += m
		}
		return off, complete
	}
	m, st := consume(i, 16)
	switch st {
	case complete:
		return m, false
	case short:
		return 0, true
	}
	return 0, false
}

// idsUnit returns the length of what an unmatched position at an
// ideographic description character copies: the whole sequence when it
// is complete, else the character alone. wait reports that src may end
// inside the sequence and more is to come.
func idsUnit(src []byte, i int, atEOF bool) (m int, wait bool) {
	m, incomplete := idsLen(src, i)
	if incomplete && !atEOF {
		return 0, true
	}
	if m == 0 {
		m = 3
	}
	return m, false
}

// hasIDC reports whether s holds an ideographic description character.
func hasIDC(s []byte) bool {
	for i := 0; i+2 < len(s); i++ {
		if isIDC(s, i) {
			return true
		}
	}
	return false
}

// appendValid appends s with each byte that is not valid UTF-8 written as
// U+FFFD.
func appendValid(dst, s []byte) []byte {
	for len(s) > 0 {
		r, size := utf8.DecodeRune(s)
		if r == utf8.RuneError && size <= 1 {
			dst = append(dst, "\uFFFD"...)
		} else {
			dst = append(dst, s[:size]...)
		}
		s = s[size:]
	}
	return dst
}

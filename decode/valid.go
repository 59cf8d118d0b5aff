package decode

import (
	"encoding/binary"
	"math/bits"
	"unicode/utf8"
)

// validUTF8 reports whether p is valid UTF-8: the answer of utf8.Valid,
// faster on Chinese text.
func validUTF8(p []byte) bool { return validPrefix(p) == len(p) }

// validPrefix is the length of the longest prefix of p made of valid
// UTF-8 sequences: the offset of the first byte that does not start one,
// len(p) when every byte does. It reads p as utf8.DecodeRune does, one
// sequence after another, with two shortcuts: ASCII eight bytes at a
// time, and runs of three-byte sequences whose lead bytes are E1–EC, EE
// or EF, four and then one at a time, checked by the shape of their bytes
// (after these lead bytes any two continuation bytes make a character).
// E0 and ED, which restrict the second byte, and every other sequence go
// through utf8.DecodeRune.
func validPrefix(p []byte) int {
	n := len(p)
	i := 0
	for i < n {
		if p[i] < utf8.RuneSelf {
			// the ASCII bytes up to the next byte above ASCII, eight at a
			// time; one at a time in the last seven bytes
			if i+8 > n {
				i++
				continue
			}
			for i+8 <= n {
				if high := binary.LittleEndian.Uint64(p[i:]) & 0x8080808080808080; high != 0 {
					i += bits.TrailingZeros64(high) >> 3
					break
				}
				i += 8
			}
			continue
		}
		// A load reads up to two bytes past the characters it checks: a
		// character among the last three bytes of p goes the long way.
		if q := p[i:]; len(q) >= 4 && isThree(binary.LittleEndian.Uint32(q)) {
			q = q[3:]
			for len(q) >= 14 {
				// four characters: bytes 0–5 of w and of v
				w, v := binary.LittleEndian.Uint64(q), binary.LittleEndian.Uint64(q[6:])
				const shape, want = 0xC0C0F0C0C0F0, 0x8080E08080E0
				if (w&shape^want)|(v&shape^want) != 0 || !goodLeads(w&0x0F00000F|v&0x0F00000F<<8) {
					break
				}
				q = q[12:]
			}
			for len(q) >= 4 && isThree(binary.LittleEndian.Uint32(q)) {
				q = q[3:]
			}
			i = n - len(q)
			continue
		}
		r, size := utf8.DecodeRune(p[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return n
}

// isThree reports whether the first three bytes of w, four bytes read
// little-endian, are a lead byte E1–EC, EE or EF and two continuation
// bytes: a valid character.
func isThree(w uint32) bool {
	return w&0xC0C0F0 == 0x8080E0 && goodLeads(uint64(w&0x0F)|0x0F0F000F00)
}

// goodLeads reports whether the low nibbles of lead bytes E0–EF, held
// in bytes 0, 1, 3 and 4 of x (x holds nothing else; a byte that holds
// no lead byte holds 0F), are neither 0 nor D: the lead bytes are not E0
// or ED. A byte of at most 0F plus 7F has its top bit set when it is
// not 0.
func goodLeads(x uint64) bool {
	const k, top, ed = 0x7F7F007F7F, 0x8080008080, 0x0D0D000D0D
	return (x+k)&(x^ed+k)&top == top
}

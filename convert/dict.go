package convert

import (
	"math"
	"math/bits"
	"slices"
	"unicode/utf8"
)

// noValue marks a node that holds no value.
const noValue = math.MaxInt32

// node is one slot of a double-array trie (see buildDict): c holds
// the parent's index; v holds -(base+1) for a node with children, or the
// index of the value of the key that ends there for a leaf. A key that
// ends at a node with children keeps its value in the child reached by
// label 0.
type node struct{ v, c int32 }

// dict is one OpenCC dictionary: a double-array trie over the UTF-8 bytes
// of its keys and, for each key, the first of its values (OpenCC's
// default).
type dict struct {
	name string
	n    []node
	out  []string
	root [256]bool // bytes some key starts with
	// single maps each character of the Basic Multilingual Plane to the
	// index of its value plus one, 0 for none, and singleHi the others,
	// when every key is one character (and there are fewer than 65535).
	single   []uint16
	singleHi map[rune]uint16
	// pairs, for a dictionary of phrases, is a bit set over a hash of the
	// first two characters of every key (of the one character of a
	// one-character key), sized to the number of keys (pairMask+1 bits):
	// where neither bit is set no key starts, and the trie is not walked.
	pairs    []uint64
	pairMask uint32
	// heads maps the first two characters of the keys of a dictionary of
	// phrases to the trie node they lead to, so that a walk starts two
	// characters deep.
	heads headTable
	// ones is set when a dictionary of phrases has one-character keys.
	ones bool
	// three, for a merged character table (see leadChars), gives for
	// each character of three bytes (U+0800–U+FFFF) its output when that
	// is three bytes too, packed as b0 | b1<<8 | b2<<16 | 1<<24 (the
	// character itself where no table has it); 0 sends the lookup to
	// single and out.
	three []uint32
	// first, for a small dictionary of longer keys, is a bit set of the
	// characters of the Basic Multilingual Plane its keys start with
	// (characters beyond the plane are always looked up).
	first []uint64
}

const pairBits = 1 << 20

// headTable is an open-addressing map from the first two characters of
// the keys of a dictionary of phrases, both in the Basic Multilingual
// Plane, to what the trie holds after them.
type headTable struct {
	slots []headSlot
	shift uint
}

// headSlot is one entry of a headTable.
type headSlot struct {
	k    uint32 // r1<<16 | r2; 0 for an empty slot
	node int32  // the trie node the two characters lead to
	v2   int32  // the value of the two-character key, -1 for none
	// more has, for every longer key, the bit of its third character
	// (thirdBit): where the text's third character has no bit set, the
	// two-character key, if any, is the longest match.
	more uint32
}

func headKey(r1, r2 rune) uint32 { return uint32(r1)<<16 | uint32(r2) }

func thirdBit(r rune) uint32 { return 1 << (uint32(r) * 0x9E3779B1 >> 27) }

func (h *headTable) slot(k uint32) int { return int(uint64(k) * 0x9E3779B97F4A7C15 >> h.shift) }

// add returns the slot of k, claiming an empty one for it if needed.
func (h *headTable) add(k uint32) *headSlot {
	mask := len(h.slots) - 1
	for i := h.slot(k); ; i = (i + 1) & mask {
		if e := &h.slots[i]; e.k == 0 || e.k == k {
			e.k = k
			return e
		}
	}
}

func (h *headTable) get(k uint32) (headSlot, bool) {
	mask := len(h.slots) - 1
	for i := h.slot(k); ; i = (i + 1) & mask {
		switch e := h.slots[i]; e.k {
		case k:
			return e, true
		case 0:
			return headSlot{}, false
		}
	}
}

func pairHash(r1, r2 rune) uint32 {
	h := uint32(r1)*0x9E3779B1 ^ uint32(r2)*0x85EBCA77
	return h ^ h>>15
}

// buildPairs fills pairs and heads from every key of d, found by
// following each leaf up to the root.
func (d *dict) buildPairs() {
	nbits := uint32(1 << 12)
	for nbits < pairBits && nbits < 20*uint32(len(d.out)) {
		nbits *= 2
	}
	d.pairs, d.pairMask = make([]uint64, nbits/64), nbits-1
	// the keys of two characters or more, both in the plane
	type key2 struct {
		k     uint32
		v     int32 // the value, for a key of two characters
		third rune  // the third character, -1 for a key of two
		path  [6]byte
		n     uint8 // bytes of path used
	}
	keys := make([]key2, 0, len(d.out))
	d.walk(func(key []byte, v int32) {
		r1, n1 := utf8.DecodeRune(key)
		r2, n2 := rune(0), 0
		if n1 == len(key) {
			d.ones = true
		}
		if n1 < len(key) {
			r2, n2 = utf8.DecodeRune(key[n1:])
		}
		h := pairHash(r1, r2) & d.pairMask
		d.pairs[h/64] |= 1 << (h % 64)
		if n2 == 0 || r1 >= 0x10000 || r2 >= 0x10000 {
			return
		}
		k := key2{k: headKey(r1, r2), v: v, third: -1, n: uint8(n1 + n2)}
		copy(k.path[:], key[:n1+n2])
		if n1+n2 < len(key) {
			k.third, _ = utf8.DecodeRune(key[n1+n2:])
		}
		keys = append(keys, k)
	})
	size := 1
	for size < 2*len(keys) {
		size *= 2
	}
	d.heads = headTable{slots: make([]headSlot, size), shift: uint(64 - bits.TrailingZeros(uint(size)))}
	for _, k := range keys {
		e := d.heads.add(k.k)
		if e.node == 0 {
			node, ok := d.jump(k.path[:k.n])
			if !ok {
				*e = headSlot{} // not reached from the root: leave the slot empty
				continue
			}
			e.node, e.v2 = node, -1
		}
		if k.third < 0 {
			e.v2 = k.v
		} else {
			e.more |= thirdBit(k.third)
		}
	}
}

// jump walks path from the root and returns the node it ends at.
func (d *dict) jump(path []byte) (int32, bool) {
	from := int32(0)
	for _, b := range path {
		cur := d.n[from].v
		if cur >= 0 {
			return 0, false
		}
		to := -(cur + 1) ^ int32(b)
		if to < 0 || int(to) >= len(d.n) || d.n[to].c != from {
			return 0, false
		}
		from = to
	}
	return from, true
}

// finish derives the root bytes, the character table and the filters
// from the trie and its values.
func (x *dict) finish() {
	if len(x.n) > 0 && x.n[0].v < 0 {
		base := -(x.n[0].v + 1)
		for b := 1; b < 256; b++ {
			to := base ^ int32(b)
			if to >= 0 && int(to) < len(x.n) && x.n[to].c == 0 {
				x.root[b] = true
			}
		}
	}
	x.singles()
	if x.single == nil && x.pairs == nil {
		x.buildPairs()
	}
	switch {
	case x.single == nil && len(x.n) <= 1<<15:
		// keys starting beyond the plane are not in the set: the
		// filter is not consulted for those characters
		first := make([]uint64, 0x10000/64)
		x.walk(func(key []byte, _ int32) {
			if r, _ := utf8.DecodeRune(key); r < 0x10000 {
				first[r/64] |= 1 << (r % 64)
			}
		})
		x.first = first
	}
}

// singles fills single and singleHi when every key of d is one character.
func (d *dict) singles() {
	if len(d.n) > 1<<15 || len(d.out) >= 0xFFFF {
		return
	}
	table := make([]uint16, 0x10000)
	hi := map[rune]uint16{}
	ok := true
	d.walk(func(key []byte, v int32) {
		r, size := utf8.DecodeRune(key)
		switch {
		case size != len(key) || r == utf8.RuneError:
			ok = false
		case r < 0x10000:
			table[r] = uint16(v + 1)
		default:
			hi[r] = uint16(v + 1)
		}
	})
	if ok {
		d.single, d.singleHi = table, hi
	}
}

// walk calls f with every key of d and its value index, in no particular
// order. Each leaf is followed up to the root, which costs the depth of
// the trie per key instead of a probe of every label at every node.
func (d *dict) walk(f func(key []byte, v int32)) {
	var key []byte
	for t := 1; t < len(d.n); t++ {
		nd := d.n[t]
		if nd.c < 0 || nd.v < 0 || nd.v == noValue {
			continue
		}
		if k, ok := d.keyOf(int32(t), key[:0]); ok {
			key = k
			f(k, nd.v)
		}
	}
}

// keyOf appends to buf the key that leads from the root to node t, or
// reports false when t is not reachable from the root.
func (d *dict) keyOf(t int32, buf []byte) ([]byte, bool) {
	start := len(buf)
	for id := t; id != 0; {
		p := d.n[id].c
		if p < 0 || int(p) >= len(d.n) || d.n[p].v >= 0 {
			return buf, false
		}
		label := -(d.n[p].v + 1) ^ id
		if label < 0 || label > 0xFF || (label == 0 && id != t) {
			return buf, false
		}
		if label != 0 {
			buf = append(buf, byte(label))
		}
		id = p
	}
	slices.Reverse(buf[start:])
	return buf, true
}

// longest returns the length in bytes of the longest key that is a prefix
// of s[i:end] and its value, or 0. r1 is the character at i (-1 when it is
// not valid or not complete), decoded only for dictionaries with a single
// table. open reports that the walk reached end with the trie still going
// on: a longer key might match if s continued.
func (d *dict) longest(s []byte, i, end int, r1 rune) (n int, out string, open bool) {
	if i >= end || !d.root[s[i]] {
		return 0, "", false
	}
	if d.single != nil {
		if r1 < 0 {
			return 0, "", !utf8.FullRune(s[i:end])
		}
		v := uint16(0)
		if int(r1) < len(d.single) {
			v = d.single[r1]
		} else {
			v = d.singleHi[r1]
		}
		if v > 0 {
			return utf8.RuneLen(r1), d.out[v-1], false
		}
		return 0, "", false
	}
	if d.first != nil && r1 >= 0 && r1 < 0x10000 && d.first[r1/64]&(1<<(r1%64)) == 0 {
		return 0, "", false
	}
	if d.pairs != nil && r1 >= 0x800 && r1 < 0x10000 && i+3 < end {
		// test the filter on the first two characters before the walk
		r2, n2 := next3(s[:end], i+3), 3
		if r2 < 0 {
			r2, n2 = decodeRune(s[i+3 : end])
		}
		if r2 != utf8.RuneError || n2 > 1 {
			one := false
			if d.ones {
				one = d.pairMay(r1, 0)
			}
			if !one && !d.pairMay(r1, r2) {
				return 0, "", false
			}
			if !one && r2 < 0x10000 {
				return d.fromHeads(s, i, i+3+n2, end, r1, r2)
			}
		}
	}
	return d.walkFrom(s, i, i, end, 0)
}

// fromHeads is longest for a dictionary of phrases without one-character
// keys, where s[i:j] holds the characters r1 and r2, both of the Basic
// Multilingual Plane, the first of three bytes: the walk starts two
// characters in, or is skipped when no longer key has the third
// character.
func (d *dict) fromHeads(s []byte, i, j, end int, r1, r2 rune) (n int, out string, open bool) {
	e, ok := d.heads.get(headKey(r1, r2))
	if !ok {
		return 0, "", false
	}
	if r3 := next3(s[:end], j); r3 >= 0 && e.more&thirdBit(r3) == 0 {
		if e.v2 >= 0 {
			return j - i, d.out[e.v2], false
		}
		return 0, "", false
	}
	return d.walkFrom(s, i, j, end, e.node)
}

// walkFrom continues a walk of the trie at node from, which s[i:j] led to.
func (d *dict) walkFrom(s []byte, i, j, end int, from int32) (n int, out string, open bool) {
	nodes := d.n
	if j > i {
		n, out = d.valueAt(from, j-i)
	}
	last := j // the last byte of the character s[j] is in, once known
	for ; j < end; j++ {
		b := s[j]
		cur := nodes[from].v
		if cur >= 0 || b == 0 {
			return n, out, false
		}
		to := -(cur + 1) ^ int32(b)
		if to < 0 || int(to) >= len(nodes) || nodes[to].c != from {
			return n, out, false
		}
		from = to
		// keys end only where characters end; the bytes walked are a
		// key's, valid UTF-8, so the first byte of each character
		// gives its length (a stray byte after it in the text is not
		// part of it)
		if j == last {
			switch {
			case b >= 0xF0:
				last = j + 3
			case b >= 0xE0:
				last = j + 2
			case b >= 0xC0:
				last = j + 1
			}
		}
		if j < last {
			continue
		}
		last = j + 1
		if m, o := d.valueAt(from, j+1-i); m > 0 {
			n, out = m, o
		}
	}
	// the walk used all of s: open unless it ended on a leaf
	return n, out, nodes[from].v < 0
}

// valueAt returns the value of a key of n bytes ending at node at, if one
// ends there.
func (d *dict) valueAt(at int32, n int) (int, string) {
	nodes := d.n
	if v := nodes[at].v; v >= 0 {
		if v != noValue {
			return n, d.out[v]
		}
	} else if t := -(v + 1); int(t) < len(nodes) && nodes[t].c == at && nodes[t].v >= 0 && nodes[t].v != noValue {
		return n, d.out[nodes[t].v]
	}
	return 0, ""
}

// group is a list of dictionaries tried in order: the first one with any
// key matching wins, with its longest key (OpenCC's DictGroup).
type group struct {
	dicts  []*dict
	starts [256]bool // bytes some key of some dictionary starts with
	// first, when every dictionary of the group is small, is a bit set of
	// the characters of the Basic Multilingual Plane a key starts with
	// (characters beyond the plane are always looked up).
	first []uint64
	// lead and chars, for a group of one dictionary of phrases followed
	// by none or more character tables (every built-in group that has
	// phrases), let a position whose first two characters begin no
	// phrase be looked up in one table: chars merges the character
	// tables of the rest of the group for the Basic Multilingual Plane,
	// the first table with a character winning as in the group. assemble
	// sets them on the steps of a Converter's chain, the groups
	// convertGroup runs.
	lead  *dict
	chars *dict
}

func newGroup(dicts ...*dict) *group {
	g := &group{dicts: dicts}
	for _, d := range dicts {
		for b, ok := range d.root {
			g.starts[b] = g.starts[b] || ok
		}
	}
	first := make([]uint64, 0x10000/64)
	for _, d := range dicts {
		switch {
		case d.first != nil:
			for i, w := range d.first {
				first[i] |= w
			}
		case d.single != nil:
			for r, v := range d.single {
				if v > 0 {
					first[r/64] |= 1 << (r % 64)
				}
			}
		default:
			return g
		}
	}
	g.first = first
	return g
}

// match returns the group's match at s[i:end]; open as for dict.longest.
// r1 is the character at i if the caller decoded it, -2 if not.
func (g *group) match(s []byte, i, end int, r1 rune) (n int, out string, open bool) {
	for _, d := range g.dicts {
		if r1 == -2 {
			var n1 int
			if r1, n1 = decodeRune(s[i:end]); r1 == utf8.RuneError && n1 <= 1 {
				r1 = -1
			}
		}
		m, o, op := d.longest(s, i, end, r1)
		open = open || op
		if m > 0 {
			return m, o, open
		}
	}
	return 0, "", open
}

// labels marks every byte that occurs in some key of d.
func (d *dict) labels(used *[256]bool) {
	for to := 1; to < len(d.n); to++ {
		from := d.n[to].c
		if from < 0 || int(from) >= len(d.n) || int(from) == to {
			continue
		}
		pv := d.n[from].v
		if pv >= 0 {
			continue
		}
		if label := -(pv + 1) ^ int32(to); label > 0 && label < 256 {
			used[label] = true
		}
	}
}

// maxRunes returns the length in characters of d's longest key, or -1 when
// d is too large to walk whole cheaply.
func (d *dict) maxRunes() int {
	if d.single != nil {
		return 1
	}
	if len(d.n) > 1<<15 {
		return -1
	}
	longest := 0
	d.walk(func(key []byte, _ int32) { longest = max(longest, utf8.RuneCount(key)) })
	return longest
}

// decodeRune is utf8.DecodeRune with the three-byte characters of CJK text
// decoded inline.
func decodeRune(s []byte) (rune, int) {
	if r := next3(s, 0); r >= 0 {
		return r, 3
	}
	return utf8.DecodeRune(s)
}

// next3 returns the character at s[j] if it is one of three bytes, as
// most Chinese characters are, or -1.
func next3(s []byte, j int) rune {
	if j+3 > len(s) {
		return -1
	}
	c0, c1, c2 := s[j], s[j+1], s[j+2]
	if c0-0xE1 >= 0x0F || c0 == 0xED || (c1^0x80)|(c2^0x80) >= 0x40 {
		return -1
	}
	return rune(c0&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F)
}

// pairMay reports whether a key of d may start with r1 r2: false means
// none does. d must have a pair filter.
func (d *dict) pairMay(r1, r2 rune) bool {
	h := pairHash(r1, r2) & d.pairMask
	return d.pairs[h/64]&(1<<(h%64)) != 0
}

// mapValues returns a copy of d, sharing its trie and filters, whose
// values went through f (which appends the mapping of v to dst).
func (d *dict) mapValues(f func(dst, v []byte) []byte) *dict {
	m := *d
	m.out = make([]string, len(d.out))
	var buf []byte
	for i, v := range d.out {
		buf = f(buf[:0], []byte(v))
		if m.out[i] = v; string(buf) != v {
			m.out[i] = string(buf)
		}
	}
	return &m
}

// leadChars returns the lead phrase dictionary and merged character table
// of a group that has them (see group), or nils.
func leadChars(dicts []*dict) (lead, chars *dict) {
	if len(dicts) == 0 || dicts[0].pairs == nil {
		return nil, nil
	}
	chars = &dict{single: make([]uint16, 0x10000)}
	for _, d := range dicts[1:] {
		if d.single == nil {
			return nil, nil
		}
		for r, v := range d.single {
			if v > 0 && chars.single[r] == 0 {
				if len(chars.out) >= 0xFFFF {
					return nil, nil
				}
				chars.out = append(chars.out, d.out[v-1])
				chars.single[r] = uint16(len(chars.out))
			}
		}
	}
	chars.three = make([]uint32, 0x10000)
	for r := uint32(0x800); r < 0x10000; r++ {
		if v := chars.single[r]; v > 0 {
			if out := chars.out[v-1]; len(out) == 3 {
				chars.three[r] = uint32(out[0]) | uint32(out[1])<<8 | uint32(out[2])<<16 | 1<<24
			}
			continue
		}
		// the character itself (surrogates never arrive: they are not
		// valid UTF-8)
		chars.three[r] = (0xE0 | r>>12) | (0x80|r>>6&0x3F)<<8 | (0x80|r&0x3F)<<16 | 1<<24
	}
	return dicts[0], chars
}

// appendChar appends the output of the merged character table d for r, a
// character of three bytes.
func (d *dict) appendChar(dst []byte, r rune) []byte {
	if w := d.three[r]; w != 0 {
		return append(dst, byte(w), byte(w>>8), byte(w>>16))
	}
	return append(dst, d.out[d.single[r]-1]...)
}

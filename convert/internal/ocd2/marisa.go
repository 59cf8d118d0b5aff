package ocd2

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math/bits"
	"slices"
	"strings"
	"unicode/utf8"
)

// This file decodes the image written by marisa-trie 0.2.x's Trie::write, as
// far as needed to list every key with its key id. All sizes are
// little-endian; every Vector<T> is a uint64 byte count, the elements, and
// zero padding to a multiple of 8 bytes.

const (
	marisaHeader   = "We love Marisa.\x00"
	maxNumTries    = 0x7f // MARISA_MAX_NUM_TRIES
	numTriesMask   = 0x0007f
	cacheLevelMask = 0x00f80
	tailModeMask   = 0x0f000
	nodeOrderMask  = 0xf0000
	textTail       = 0x01000
	binaryTail     = 0x02000
)

// reader reads the file sequentially. Its first error sticks: later reads
// return zero values, so callers check err once after a group of reads.
type reader struct {
	data []byte
	off  int
	err  error
}

func errorAt(off int, format string, args ...any) error {
	return fmt.Errorf("ocd2: byte offset %d: %s", off, fmt.Sprintf(format, args...))
}

func (r *reader) fail(off int, format string, args ...any) {
	if r.err == nil {
		r.err = errorAt(off, format, args...)
	}
}

// take returns the next n bytes, which what names (in words) for errors.
func (r *reader) take(n uint64, what ...string) []byte {
	if left := uint64(len(r.data) - r.off); n > left {
		r.fail(r.off, "truncated %s: need %d bytes, %d left", strings.Join(what, " "), n, left)
	}
	if r.err != nil {
		return nil
	}
	b := r.data[r.off : r.off+int(n)]
	r.off += int(n)
	return b
}

func (r *reader) u16(what string) int {
	if b := r.take(2, what); b != nil {
		return int(binary.LittleEndian.Uint16(b))
	}
	return 0
}

func (r *reader) u32(what, part string) uint32 {
	if b := r.take(4, what, part); b != nil {
		return binary.LittleEndian.Uint32(b)
	}
	return 0
}

// vector reads a marisa Vector of elemSize-byte elements: a uint64 byte count,
// the bytes (returned with their offset) and zero padding to 8 bytes.
func (r *reader) vector(elemSize uint64, what, part string) ([]byte, int) {
	start := r.off
	var n uint64
	if b := r.take(8, what, part, "size"); b != nil {
		n = binary.LittleEndian.Uint64(b)
	}
	if n%elemSize != 0 {
		r.fail(start, "%s %s: size %d is not a multiple of %d", what, part, n, elemSize)
	}
	b := r.take(n, what, part)
	r.take((8-n%8)%8, what, part, "padding")
	return b, start + 8
}

// words converts little-endian bytes (a multiple of 8) to 64-bit words.
func words(b []byte) []uint64 {
	w := make([]uint64, len(b)/8)
	for i := range w {
		w[i] = binary.LittleEndian.Uint64(b[8*i:])
	}
	return w
}

// bitVector is a marisa BitVector. Its stored rank and select indexes are
// skipped; rank1 uses a per-word index built here.
type bitVector struct {
	words []uint64
	ranks []uint32 // ranks[i] is the number of ones in words[:i]
	size  int
	ones  int
	off   int // file offset of the bits
}

func (r *reader) bitVector(what string) bitVector {
	raw, off := r.vector(8, what, "bits")
	size, ones := int(r.u32(what, "bit count")), int(r.u32(what, "number of ones"))
	r.vector(12, what, "rank index")
	r.vector(4, what, "select0 index")
	r.vector(4, what, "select1 index")
	if size > 8*len(raw) {
		r.fail(off, "%s: %d bits do not fit in %d bytes", what, size, len(raw))
	}
	if r.err != nil {
		return bitVector{}
	}
	bv := bitVector{words: words(raw), size: size, off: off}
	bv.ranks = make([]uint32, len(bv.words))
	for i, w := range bv.words {
		bv.ranks[i] = uint32(bv.ones)
		if rest := size - 64*i; rest < 64 {
			w &= 1<<max(rest, 0) - 1
		}
		bv.ones += bits.OnesCount64(w)
	}
	if bv.ones != ones {
		r.fail(off, "%s: header says %d ones, bits have %d", what, ones, bv.ones)
	}
	return bv
}

func (b *bitVector) get(i int) bool { return b.words[i>>6]>>(i&63)&1 != 0 }

func (b *bitVector) rank1(i int) int {
	return int(b.ranks[i>>6]) + bits.OnesCount64(b.words[i>>6]&(1<<(i&63)-1))
}

// flatVector is a marisa FlatVector: size values of width bits packed
// little-endian into 64-bit words.
type flatVector struct {
	words []uint64
	width uint
	size  uint64
	off   int // file offset of the words
}

func (r *reader) flatVector(what string) flatVector {
	raw, off := r.vector(8, what, "values")
	width, mask := uint(r.u32(what, "value width")), r.u32(what, "mask")
	var size uint64
	if b := r.take(8, what, "length"); b != nil {
		size = binary.LittleEndian.Uint64(b)
	}
	switch {
	case width > 32 || uint64(mask) != 1<<width-1:
		r.fail(off, "%s: bad value width %d or mask %#x", what, width, mask)
	case width > 0 && size > 8*uint64(len(raw))/uint64(width):
		r.fail(off, "%s: %d values of %d bits do not fit in %d bytes", what, size, width, len(raw))
	}
	return flatVector{words: words(raw), width: width, size: size, off: off}
}

func (f *flatVector) at(i int) uint64 {
	if f.width == 0 {
		return 0
	}
	pos := uint(i) * f.width
	w, o := pos/64, pos%64
	v := f.words[w] >> o
	if o+f.width > 64 {
		v |= f.words[w+1] << (64 - o)
	}
	return v & (1<<f.width - 1)
}

// trie is one level of a marisa LoudsTrie. Node 0 is the root; nodes are
// numbered in breadth-first (LOUDS) order. A node's label is its base byte,
// or, for link nodes, a string restored from the next trie or the tail.
type trie struct {
	terminal, links bitVector
	bases           []byte
	basesOff        int
	extras          flatVector // high bits of the links, by link rank
	tail            []byte     // label strings of the last trie
	tailOff         int
	tailEnds        bitVector // end flags of a binary tail; empty for a NUL-terminated tail
	next            *trie
	numTries        int
	tailMode        uint32
	numL1           int      // children of the root: nodes 1..numL1
	first           []uint32 // children of node n are first[n] to first[n+1]-1
	parent          []uint32
}

func readTrie(r *reader, level int) *trie {
	start := r.off
	louds := r.bitVector("LOUDS")
	t := &trie{terminal: r.bitVector("terminal flags"), links: r.bitVector("link flags")}
	t.bases, t.basesOff = r.vector(1, "node", "labels")
	t.extras = r.flatVector("extras")
	t.tail, t.tailOff = r.vector(1, "tail", "bytes")
	t.tailEnds = r.bitVector("tail end flags")
	if r.err != nil {
		return nil
	}
	t.numTries, t.tailMode = 1, textTail
	if t.tailEnds.size > 0 {
		t.tailMode = binaryTail
	}
	if t.links.ones > 0 && len(t.tail) == 0 { // the labels are in a next trie
		if level == maxNumTries {
			r.fail(r.off, "more than %d nested tries", maxNumTries)
			return nil
		}
		if t.next = readTrie(r, level+1); t.next == nil {
			return nil
		}
		t.numTries, t.tailMode = t.next.numTries+1, t.next.tailMode
	}
	r.vector(12, "cache", "entries")
	t.numL1 = int(r.u32("level-1 node", "count"))
	flagsOff := r.off
	flags := r.u32("config", "flags")
	switch {
	case r.err != nil:
	case flags&^(numTriesMask|cacheLevelMask|tailModeMask|nodeOrderMask) != 0,
		bits.OnesCount32(flags&cacheLevelMask) > 1,
		flags&nodeOrderMask > 0x20000:
		r.fail(flagsOff, "unknown config flags %#x", flags)
	case int(flags&numTriesMask) != t.numTries || flags&tailModeMask != t.tailMode:
		r.fail(flagsOff, "config flags %#x do not match the image (%d tries, tail mode %#x)", flags, t.numTries, t.tailMode)
	default:
		r.err = t.check(&louds, start, level)
	}
	if r.err != nil {
		return nil
	}
	return t
}

// check validates the sizes of the parts of t against each other and builds
// the parent and child tables from the LOUDS bits: "10" for a super root,
// then for each node in order a one per child and a zero, then a final zero.
func (t *trie) check(louds *bitVector, start, level int) error {
	n := len(t.bases)
	switch {
	case n == 0:
		return errorAt(t.basesOff, "trie has no nodes")
	case t.links.size != n:
		return errorAt(t.links.off, "%d link flags for %d nodes", t.links.size, n)
	case level == 1 && (t.terminal.size != n+1 || t.terminal.rank1(n) != t.terminal.ones),
		level > 1 && t.terminal.size != 0: // only the first trie has keys
		return errorAt(t.terminal.off, "%d terminal flags for %d nodes in trie %d", t.terminal.size, n, level)
	case t.extras.size != uint64(t.links.ones):
		return errorAt(t.extras.off, "%d link extras for %d links", t.extras.size, t.links.ones)
	case t.tailEnds.size > 0 && (t.tailEnds.size != len(t.tail) || !t.tailEnds.get(len(t.tail)-1)):
		return errorAt(t.tailEnds.off, "%d tail end flags for %d tail bytes", t.tailEnds.size, len(t.tail))
	case t.tailEnds.size == 0 && len(t.tail) > 0 && t.tail[len(t.tail)-1] != 0:
		return errorAt(t.tailOff+len(t.tail)-1, "tail does not end in NUL")
	}
	if louds.size != 2*n+2 || !louds.get(0) || louds.get(1) || louds.ones != n {
		return errorAt(louds.off, "LOUDS has %d bits (%d ones), want %d (%d) starting with 10", louds.size, louds.ones, 2*n+2, n)
	}
	t.first = make([]uint32, n+1)
	t.parent = make([]uint32, n)
	pos, next := 2, 1
	for p := range n {
		if p >= next {
			return errorAt(louds.off, "LOUDS: node %d is unreachable", p)
		}
		t.first[p] = uint32(next)
		for ; louds.get(pos); pos++ { // louds.ones == n keeps next < n and pos < size
			t.parent[next] = uint32(p)
			next++
		}
		pos++
	}
	t.first[n] = uint32(n)
	if t.numL1 != int(t.first[1]-t.first[0]) {
		return errorAt(start, "trie says %d level-1 nodes, LOUDS has %d", t.numL1, t.first[1]-t.first[0])
	}
	return nil
}

// budget caps the bytes produced while restoring keys, so that a crafted
// image cannot make Read run for long or allocate without bound.
type budget struct{ left int }

func (b *budget) spend(n, off int) error {
	if b.left -= n; b.left < 0 {
		return errorAt(off, "keys expand to too many bytes for the file size")
	}
	return nil
}

// label appends the label of node (not the root) to dst.
func (t *trie) label(b *budget, dst []byte, node int) ([]byte, error) {
	if !t.links.get(node) {
		return append(dst, t.bases[node]), b.spend(1, t.basesOff+node)
	}
	link := uint64(t.bases[node]) | t.extras.at(t.links.rank1(node))<<8
	if t.next != nil {
		return t.next.restore(b, dst, link, t.basesOff+node)
	}
	if link >= uint64(len(t.tail)) {
		return nil, errorAt(t.basesOff+node, "tail offset %d out of range (%d bytes)", link, len(t.tail))
	}
	s := t.tail[link:]
	if t.tailEnds.size == 0 {
		s = s[:bytes.IndexByte(s, 0)] // check ensures a final NUL
	} else {
		end := int(link)
		for !t.tailEnds.get(end) { // check ensures a final end flag
			end++
		}
		s = s[:end+1-int(link)]
	}
	if len(s) == 0 {
		return nil, errorAt(t.tailOff+int(link), "empty tail string")
	}
	return append(dst, s...), b.spend(len(s), t.tailOff+int(link))
}

// restore appends the string ending at node of a next-level trie: the labels
// from node up to a child of the root (such tries store their keys reversed).
func (t *trie) restore(b *budget, dst []byte, link uint64, off int) ([]byte, error) {
	if link == 0 || link >= uint64(len(t.bases)) {
		return nil, errorAt(off, "link to node %d out of range (%d nodes)", link, len(t.bases))
	}
	for node := int(link); ; node = int(t.parent[node]) {
		var err error
		if dst, err = t.label(b, dst, node); err != nil {
			return nil, err
		}
		if node <= t.numL1 {
			return dst, nil
		}
	}
}

// firstByte returns the first byte of the label of node, or 0 for a bad
// link (which label reports).
func (t *trie) firstByte(node int) byte {
	for t.links.get(node) {
		link := uint64(t.bases[node]) | t.extras.at(t.links.rank1(node))<<8
		switch {
		case t.next == nil && link < uint64(len(t.tail)):
			return t.tail[link]
		case t.next == nil || link == 0 || link >= uint64(len(t.next.bases)):
			return 0
		}
		t, node = t.next, int(link)
	}
	return t.bases[node]
}

// entries lists the keys of the first trie in byte order, each with
// the values of its key id. A key id is the rank of its node among the terminal nodes.
// Walking the trie depth first with siblings in the order of the first
// bytes of their labels yields the keys sorted.
func (t *trie) entries(b *budget, values *valueLists) ([]Entry, error) {
	type frame struct {
		node   uint32
		keyLen int
		first  byte
	}
	var (
		stack   = []frame{{node: 0}}
		path    []byte
		buf     = make([]byte, 0, values.size) // OpenCC's keys are about as long as their values
		prev    int                            // start of the previous key in buf
		ends    = make([]int, 0, t.terminal.ones)
		entries = make([]Entry, 0, t.terminal.ones)
		err     error
	)
	for len(stack) > 0 {
		f := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		node, at := int(f.node), t.basesOff+int(f.node)
		path = path[:f.keyLen]
		if node != 0 {
			if path, err = t.label(b, path, node); err != nil {
				return nil, err
			}
		}
		if t.terminal.get(node) {
			id := t.terminal.rank1(node)
			switch {
			case len(path) == 0:
				return nil, errorAt(t.terminal.off, "empty key (key id %d)", id)
			case !utf8.Valid(path):
				return nil, errorAt(at, "key %q (key id %d) is not valid UTF-8", path, id)
			case len(entries) > 0 && bytes.Compare(buf[prev:], path) >= 0:
				return nil, errorAt(at, "key %q (key id %d) repeats or is out of order", path, id)
			}
			if err := b.spend(len(path), at); err != nil {
				return nil, err
			}
			prev = len(buf)
			buf = append(buf, path...)
			ends = append(ends, len(buf))
			entries = append(entries, Entry{Values: values.of(id)})
		}
		base := len(stack)
		for c := t.first[node]; c < t.first[node+1]; c++ {
			stack = append(stack, frame{c, len(path), t.firstByte(int(c))})
		}
		if children := stack[base:]; len(children) > 1 { // to pop in ascending order
			slices.SortFunc(children, func(x, y frame) int { return int(y.first) - int(x.first) })
		}
	}
	keys, start := string(buf), 0
	for i, end := range ends {
		entries[i].Key, start = keys[start:end], end
	}
	return entries, nil
}

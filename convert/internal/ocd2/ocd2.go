// Package ocd2 reads OpenCC's binary dictionaries (.ocd2): a marisa-trie of the keys followed by the serialized values.
//
// A .ocd2 file (OpenCC's MarisaDict, the same in OpenCC 1.1 and 1.4) is, all
// integers little-endian and nothing in between:
//
//   - the 19 ASCII bytes "OPENCC_MARISA_0.2.5" (no size field follows);
//   - the image written by marisa-trie 0.2.x's Trie::write: the 16 bytes
//     "We love Marisa.\0", then a LoudsTrie: bit vectors (LOUDS tree shape,
//     terminal flags, link flags, each with rank/select indexes), the node
//     labels (bases), a packed vector of link extras, a tail of long labels,
//     optionally the next trie that stores those long labels reversed
//     (recursively), a cache, the number of root children and config flags.
//     Each vector is a uint64 byte count, its bytes, and zero padding to 8;
//   - OpenCC's SerializedValues: uint32 number of entries, uint32 size of a
//     pool of NUL-terminated strings, the pool, then per entry a uint16 number
//     of values followed by a uint16 byte length (with the NUL) for each.
//
// Entry i of the values belongs to the key with marisa key id i, the rank of
// its node among the terminal nodes in LOUDS (breadth-first) order.
//
// Read checks the structure strictly: keys must be non-empty, distinct and
// valid UTF-8, values valid UTF-8, every key must have at least one value, and
// no bytes may follow the values. To stay bounded on crafted input, restoring
// the keys may produce at most 1 MiB plus 64 bytes per byte of the file
// (OpenCC's dictionaries need less than 1 byte per byte).
package ocd2

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

const ocd2Header = "OPENCC_MARISA_0.2.5"

// Entry is one key of a dictionary with its values in the order OpenCC stores them (the first is the conversion result).
type Entry struct {
	Key    string   // non-empty UTF-8, unique in a dictionary
	Values []string // at least one
}

// Read decodes a whole .ocd2 file. Entries come sorted by key (byte order). Any malformed, truncated or
// unsupported input returns an error that says what and at which byte offset; it never panics.
func Read(data []byte) ([]Entry, error) {
	if !bytes.HasPrefix(data, []byte(ocd2Header)) {
		return nil, errorAt(0, "not an OpenCC .ocd2 file: want header %q, have %q", ocd2Header, data[:min(len(data), len(ocd2Header))])
	}
	r := &reader{data: data, off: len(ocd2Header)}
	if h := r.take(uint64(len(marisaHeader)), "marisa header"); h != nil && string(h) != marisaHeader {
		r.fail(len(ocd2Header), "want marisa header %q, have %q", marisaHeader, h)
	}
	if r.err != nil {
		return nil, r.err
	}
	t := readTrie(r, 1)
	if t == nil {
		return nil, r.err
	}
	values := readValues(r, t.terminal.ones)
	if values == nil {
		return nil, r.err
	}
	return t.entries(&budget{left: 1<<20 + 64*len(data)}, values)
}

// valueLists holds the values of every key id: those of id i are
// all[start[i]:start[i+1]].
type valueLists struct {
	all   []string
	start []uint32
	size  int // bytes in the pool
}

func (v *valueLists) of(id int) []string {
	end := v.start[id+1]
	return v.all[v.start[id]:end:end]
}

// readValues reads OpenCC's SerializedValues block, which must hold numKeys
// value lists and end the file.
func readValues(r *reader, numKeys int) *valueLists {
	countOff := r.off
	if n := r.u32("value list", "count"); r.err == nil && int64(n) != int64(numKeys) {
		r.fail(countOff, "%d value lists for %d keys", n, numKeys)
	}
	size := r.u32("value pool", "size")
	poolOff := r.off
	raw := r.take(uint64(size), "value pool")
	if r.err != nil {
		return nil
	}
	if !utf8.Valid(raw) { // NULs split no UTF-8 sequence, so this checks every value
		bad := 0
		for c, n := utf8.DecodeRune(raw); c != utf8.RuneError || n != 1; c, n = utf8.DecodeRune(raw[bad:]) {
			bad += n
		}
		r.fail(poolOff+bad, "value is not valid UTF-8")
		return nil
	}
	pool := string(raw)
	// Each value takes 2 of the bytes left after the counts, so all never grows.
	v := &valueLists{all: make([]string, 0, max(len(r.data)-r.off-2*numKeys, 0)/2), start: make([]uint32, numKeys+1), size: len(pool)}
	used := 0
	for i := range numKeys {
		countOff := r.off
		count := r.u16("number of values")
		if count == 0 {
			r.fail(countOff, "no values for key id %d", i)
		}
		for range count {
			lenOff := r.off
			l := r.u16("value length")
			switch {
			case r.err != nil:
			case l == 0 || l > len(pool)-used:
				r.fail(lenOff, "value length %d out of range (%d pool bytes left)", l, len(pool)-used)
			case pool[used+l-1] != 0:
				r.fail(poolOff+used+l-1, "value is not NUL-terminated")
			}
			if r.err != nil {
				return nil
			}
			s := pool[used : used+l-1]
			if nul := strings.IndexByte(s, 0); nul >= 0 {
				s = s[:nul] // OpenCC reads values as C strings
			}
			v.all = append(v.all, s)
			used += l
		}
		if r.err != nil {
			return nil
		}
		v.start[i+1] = uint32(len(v.all))
	}
	switch {
	case used != len(pool):
		r.fail(poolOff+used, "%d value pool bytes unused", len(pool)-used)
	case r.off != len(r.data):
		r.fail(r.off, "%d unexpected bytes after the values", len(r.data)-r.off)
	}
	if r.err != nil {
		return nil
	}
	return v
}

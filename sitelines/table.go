package sitelines

import (
	"math/bits"
)

// table counts a site's lines in at most k counters, by the Misra–Gries
// algorithm: a line seen with every counter taken takes none, and every
// counter is decreased by one instead. Counts are never too high, and are
// too low by at most the number of such decreases, which is at most the
// lines counted over k+1 — 2×Edge/(k+1) of the site's articles.
//
// Counters hold no pointers, so that the garbage collector neither scans
// them nor adds a header to them: the texts are in one byte arena.
type table struct {
	k        int
	articles int
	entries  []entry
	index    []int32 // open addressing: entries index + 1, 0 for a free slot
	arena    []byte  // texts of entries; dead ones are dropped when it fills
}

// entry is one counter: 24 bytes.
type entry struct {
	hash   uint64
	edge   uint32 // articles with the line in their head or tail
	middle uint32 // articles with it only in their middle, while it has a counter
	off, n uint32 // its normalised text, arena[off:off+n], kept from its second article
}

func newTable(k int) *table { return &table{k: k} }

func (t *table) text(e *entry) string { return string(t.arena[e.off : e.off+e.n]) }

// slot returns the index slot of hash h: the one holding it or the free
// one where it would go. len(t.index) must be above 0.
func (t *table) slot(h uint64) int {
	mask := len(t.index) - 1
	i := int(h) & mask
	for {
		j := t.index[i]
		if j == 0 || t.entries[j-1].hash == h {
			return i
		}
		i = (i + 1) & mask
	}
}

func (t *table) find(h uint64) *entry {
	if len(t.index) == 0 {
		return nil
	}
	if j := t.index[t.slot(h)]; j > 0 {
		return &t.entries[j-1]
	}
	return nil
}

// add counts an article with the line of hash h and normalised text in
// its head or tail.
func (t *table) add(h uint64, text []byte) {
	if e := t.find(h); e != nil {
		e.edge++
		if e.n == 0 {
			t.keep(e, text)
		}
		return
	}
	if len(t.entries) == t.k {
		t.decrease()
		return
	}
	if len(t.entries) == cap(t.entries) {
		t.grow()
	}
	t.entries = append(t.entries, entry{hash: h, edge: 1})
	t.index[t.slot(h)] = int32(len(t.entries))
}

// keep stores the text of e. When the arena is full it is copied, with
// the texts of live entries only, to one twice their size.
func (t *table) keep(e *entry, s []byte) {
	if len(t.arena)+len(s) > cap(t.arena) {
		live := len(s)
		for _, x := range t.entries {
			live += int(x.n)
		}
		arena := make([]byte, 0, max(2*live, 256))
		for i := range t.entries {
			x := &t.entries[i]
			if x.n > 0 {
				off := len(arena)
				arena = append(arena, t.arena[x.off:x.off+x.n]...)
				x.off = uint32(off)
			}
		}
		t.arena = arena
	}
	e.off, e.n = uint32(len(t.arena)), uint32(len(s))
	t.arena = append(t.arena, s...)
}

// addMiddle counts an article with the line of hash h only in its middle,
// when the line has a counter.
func (t *table) addMiddle(h uint64) {
	if e := t.find(h); e != nil {
		e.middle++
	}
}

// decrease takes one from every counter and frees those left at zero.
func (t *table) decrease() {
	kept := t.entries[:0]
	for _, e := range t.entries {
		if e.edge > 1 {
			e.edge--
			kept = append(kept, e)
		}
	}
	t.entries = kept
	t.reindex()
}

// grow doubles the room for counters, up to k.
func (t *table) grow() {
	n := min(max(2*cap(t.entries), 8), t.k)
	es := make([]entry, len(t.entries), n)
	copy(es, t.entries)
	t.entries = es
	t.reindex()
}

// reindex rebuilds the index for cap(t.entries) counters at most half full.
func (t *table) reindex() {
	size := 1 << bits.Len(uint(2*cap(t.entries)-1))
	if len(t.index) != size {
		t.index = make([]int32, size)
	} else {
		clear(t.index)
	}
	for i, e := range t.entries {
		t.index[t.slot(e.hash)] = int32(i + 1)
	}
}

// bytes is the table's memory by the count of [Learner.Bytes]: its
// counters (24 bytes each), its index (4 bytes a slot, two slots a counter
// when k is a power of two) and its arena of texts.
func (t *table) bytes() int {
	return 24*cap(t.entries) + 4*len(t.index) + cap(t.arena)
}

package convert

import (
	"slices"
	"strings"
)

// buildDict builds the double-array trie of keys, each with its value
// (OpenCC's first value). Keys must be unique, non-empty and free of NUL
// bytes; their order does not matter. The layout is the one the matcher
// walks (see node): a node with children holds -(base+1) and its child by
// label b sits at base^b; a key that ends where longer keys go on keeps
// its value in the child by label 0. Bases are at least 256, so that no
// child lands on the root or the unused slots below 256. The same keys
// always give the same trie.
func buildDict(name string, keys, values []string) *dict {
	order := make([]int, len(keys))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return strings.Compare(keys[a], keys[b]) })
	sorted := make([]string, len(keys))
	out := make([]string, len(keys))
	for i, j := range order {
		sorted[i], out[i] = keys[j], values[j]
	}
	b := &trieBuilder{keys: sorted, next: 256}
	b.grow(512)
	b.n[0] = node{v: noValue, c: -1}
	if len(sorted) > 0 {
		b.place(0, 0, len(sorted), 0)
	}
	last := len(b.n) - 1
	for last > 0 && !b.used[last] {
		last--
	}
	d := &dict{name: name, n: slices.Clip(b.n[:last+1]), out: out}
	d.finish()
	return d
}

type trieBuilder struct {
	keys []string
	n    []node
	used []bool
	next int // no free slot lies below it
}

func (b *trieBuilder) grow(size int) {
	for len(b.n) < size {
		b.n = append(b.n, node{v: noValue, c: -1})
		b.used = append(b.used, false)
	}
}

// place gives node at the children of keys[lo:hi], which share their
// first depth bytes and go on after them.
func (b *trieBuilder) place(at int32, lo, hi, depth int) {
	type span struct {
		lo, hi int
		label  byte
	}
	var spans []span
	i := lo
	if len(b.keys[lo]) == depth {
		spans = append(spans, span{lo, lo + 1, 0})
		i++
	}
	for i < hi {
		l := b.keys[i][depth]
		j := i + 1
		for j < hi && b.keys[j][depth] == l {
			j++
		}
		spans = append(spans, span{i, j, l})
		i = j
	}
	base := b.findBase(spans[0].label, func(base int) bool {
		for _, s := range spans[1:] {
			if to := base ^ int(s.label); to < len(b.used) && b.used[to] {
				return false
			}
		}
		return true
	})
	b.grow(base | 0xFF + 1)
	b.n[at].v = -int32(base) - 1
	for _, s := range spans {
		to := base ^ int(s.label)
		b.used[to] = true
		b.n[to] = node{v: noValue, c: at}
	}
	for b.next < len(b.used) && b.used[b.next] {
		b.next++
	}
	for _, s := range spans {
		to := int32(base ^ int(s.label))
		if s.label == 0 {
			b.n[to].v = int32(s.lo)
			continue
		}
		if s.hi-s.lo == 1 && len(b.keys[s.lo]) == depth+1 {
			b.n[to].v = int32(s.lo) // a leaf
			continue
		}
		b.place(to, s.lo, s.hi, depth+1)
	}
}

// findBase returns the first base of 256 or more whose slot for label
// first is free and for which fits holds.
func (b *trieBuilder) findBase(first byte, fits func(base int) bool) int {
	for p := b.next; ; p++ {
		if p < len(b.used) && b.used[p] {
			continue
		}
		base := p ^ int(first)
		if base >= 256 && fits(base) {
			return base
		}
	}
}

// entries returns d's keys and values, sorted by key.
func (d *dict) entries() (keys, values []string) {
	type kv struct{ k, v string }
	var all []kv
	d.walk(func(key []byte, v int32) { all = append(all, kv{string(key), d.out[v]}) })
	slices.SortFunc(all, func(a, b kv) int { return strings.Compare(a.k, b.k) })
	for _, e := range all {
		keys, values = append(keys, e.k), append(values, e.v)
	}
	return keys, values
}

// union merges dicts into one: a key takes its value from the first
// dictionary that has it (OpenCC's union group, whose longest match over
// all members, the earlier member winning a tie, is the longest match of
// the merged trie).
func union(name string, dicts ...*dict) *dict {
	seen := map[string]bool{}
	var keys, values []string
	for _, d := range dicts {
		ks, vs := d.entries()
		for i, k := range ks {
			if !seen[k] {
				seen[k] = true
				keys, values = append(keys, k), append(values, vs[i])
			}
		}
	}
	return buildDict(name, keys, values)
}

package clean

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// anchor ties a byte position in a paragraph's normalised text to a byte
// offset in the original input. Between two anchors text and input advance
// together, byte for byte.
type anchor struct{ t, in int }

// mtext is normalised text that remembers where every part of it came from.
// Any position of the text maps back to an input offset, so that a removal
// made on the normalised text can be reported as a span of the input.
type mtext struct {
	s   string
	a   []anchor // sorted by t; a[0].t == 0; on equal t the last one wins
	end int      // input offset just past the paragraph's last source byte
}

// at maps a byte position of m.s to an input offset.
func (m *mtext) at(t int) int {
	if t >= len(m.s) || len(m.a) == 0 {
		return m.end
	}
	i := sort.Search(len(m.a), func(i int) bool { return m.a[i].t > t }) - 1
	if i < 0 {
		i = 0
	}
	v := m.a[i].in + (t - m.a[i].t)
	limit := m.end
	if i+1 < len(m.a) {
		limit = m.a[i+1].in
	}
	if v > limit {
		v = limit
	}
	return v
}

// edit replaces m.s[a:b] with s.
type edit struct {
	a, b int
	s    string
}

// rewrite applies sorted, non-overlapping edits and returns the new text with
// its mapping. Unchanged text keeps its own source; a replacement maps to the
// start of what it replaced.
func (m *mtext) rewrite(edits []edit) mtext {
	if len(edits) == 0 {
		return *m
	}
	// the text is built in a strings.Builder, which hands it over without
	// a copy, and its anchors in w.a
	var b strings.Builder
	b.Grow(len(m.s))
	var w mbuilder
	w.a = make([]anchor, 0, len(m.a)+len(edits)+1)
	pos := 0
	copyTo := func(limit int) {
		if limit <= pos {
			return
		}
		w.markAt(b.Len(), m.at(pos))
		start := b.Len()
		b.WriteString(m.s[pos:limit])
		// keep the old anchors that fall inside the copied chunk
		i := sort.Search(len(m.a), func(i int) bool { return m.a[i].t > pos })
		for ; i < len(m.a) && m.a[i].t < limit; i++ {
			w.a = append(w.a, anchor{start + m.a[i].t - pos, m.a[i].in})
		}
		pos = limit
	}
	for _, e := range edits {
		copyTo(e.a)
		if e.s != "" {
			w.markAt(b.Len(), m.at(e.a))
			b.WriteString(e.s)
		}
		pos = e.b
	}
	copyTo(len(m.s))
	return mtext{s: b.String(), a: w.a, end: m.end}
}

// mbuilder accumulates normalised text and its anchors. Text copied
// unchanged from one stretch of the input is not copied at all until
// something else is appended: while virt, the text is src[from:from+n].
type mbuilder struct {
	buf []byte
	a   []anchor

	virt    bool
	src     string
	from, n int
}

// length is the length of the text.
func (w *mbuilder) length() int {
	if w.virt {
		return w.n
	}
	return len(w.buf)
}

// reset empties the builder.
func (w *mbuilder) reset() {
	w.buf, w.a, w.virt = w.buf[:0], w.a[:0], false
}

// copied returns the text when it is a stretch of the input, with its
// start there.
func (w *mbuilder) copied() (string, int, bool) {
	return w.src[w.from : w.from+w.n], w.from, w.virt
}

// materialize copies a text that is still a stretch of the input into buf.
func (w *mbuilder) materialize() {
	if w.virt {
		w.buf = append(w.buf[:0], w.src[w.from:w.from+w.n]...)
		w.virt = false
	}
}

// mark records that the next byte appended comes from input offset in,
// unless the current mapping already says so.
func (w *mbuilder) mark(in int) { w.markAt(w.length(), in) }

// markAt is mark for text of length t built elsewhere.
func (w *mbuilder) markAt(t, in int) {
	n := len(w.a)
	if n > 0 {
		last := w.a[n-1]
		if last.in+(t-last.t) == in && last.t != t {
			return
		}
		if last.t == t {
			w.a[n-1].in = in
			return
		}
	}
	w.a = append(w.a, anchor{t, in})
}

// appendRune appends r as produced by input bytes starting at in.
func (w *mbuilder) appendRune(in int, r rune) {
	w.materialize()
	w.mark(in)
	w.buf = utf8.AppendRune(w.buf, r)
}

// appendByte appends the ASCII byte c as produced by input bytes starting
// at in.
func (w *mbuilder) appendByte(in int, c byte) {
	w.materialize()
	w.mark(in)
	w.buf = append(w.buf, c)
}

// appendVerbatim appends input[in:end], copied unchanged.
func (w *mbuilder) appendVerbatim(input string, in, end int) {
	switch {
	case w.virt && in == w.from+w.n && input == w.src:
		w.n += end - in // the stretch goes on
		return
	case !w.virt && len(w.buf) == 0:
		w.mark(in)
		w.virt, w.src, w.from, w.n = true, input, in, end-in
		return
	}
	w.materialize()
	w.mark(in)
	w.buf = append(w.buf, input[in:end]...)
}

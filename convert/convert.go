package convert

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"
)

// Converter converts text between Chinese scripts with one OpenCC
// configuration. It is immutable and safe for concurrent use; get the
// built-in ones from [New] (built once per process and shared) or load
// your own dictionaries with [Load].
type Converter struct {
	name        string
	description string // the configuration's "name"
	// norm, when the configuration has a normalization, converts the
	// whole text before segmentation; filter finds text it may change.
	norm   *Converter
	filter *normFilter
	seg    *group   // segmentation dictionaries; nil: the text is one segment
	chain  []*group // conversion steps, applied to each segment in turn
	// direct is set when segmenting cannot change the result: a single
	// step whose first dictionary is the segmentation dictionary and whose
	// other dictionaries hold single characters only.
	direct bool
	// reuse is set when the first step starts with the segmentation
	// dictionary: a matched segment's first step is then the value the
	// segmentation found, and an unmatched run's first step needs only
	// the step's other dictionaries (rest). The segmentation dictionary
	// is then a copy whose values went through the later steps too: its
	// value is the segment's output.
	reuse   bool
	rest    *group
	barrier [256]bool // ASCII bytes no key of any dictionary contains
	// restChars, when reuse is set and rest holds character tables only,
	// is rest merged into one table of the Basic Multilingual Plane.
	restChars *dict
	// segLead is the segmentation dictionary when it is one dictionary
	// of phrases, with a pair filter.
	segLead *dict
	scratch *sync.Pool
}

type entry struct {
	once sync.Once
	c    *Converter
	err  error
}

var builtins sync.Map // config name → *entry

// sharedEntry is a built-in dictionary, decoded once per process and shared
// by the configurations that use it (STPhrases by s2t, s2tw, s2hk and
// s2twp); a dictionary is not changed once built.
type sharedEntry struct {
	once sync.Once
	d    *dict
	err  error
}

// dictCache holds built-in dictionaries by file name.
type dictCache struct{ m sync.Map }

// get returns the dictionary, decoding it on first use.
func (c *dictCache) get(name string) (*dict, error) {
	v, _ := c.m.LoadOrStore(name, &sharedEntry{})
	e := v.(*sharedEntry)
	e.once.Do(func() { e.d, e.err = builtinDict(name) })
	return e.d, e.err
}

var builtinDicts dictCache // the process's, behind New

// New returns the Converter for a built-in configuration (see [Configs]):
// OpenCC's own configuration and data, version 1.4.2, built into the
// package. It is built on first use and shared after that; configurations
// share the dictionaries they have in common. By default the
// dictionaries OpenCC marks as risking tofu are left out, as OpenCC's
// command line leaves them out; [IncludeTofuRisk] keeps them, as OpenCC's
// library does. An unknown name is an error that lists the valid ones.
func New(config string, opts ...Option) (*Converter, error) {
	if !slices.Contains(configNames(), config) {
		return nil, fmt.Errorf("convert: unknown configuration %q; valid: %s", config, strings.Join(Configs(), ", "))
	}
	o := optionsOf(opts)
	key := config
	if o.tofu {
		key += "+tofu"
	}
	v, _ := builtins.LoadOrStore(key, &entry{})
	e := v.(*entry)
	e.once.Do(func() { e.c, e.err = loadBuiltin(config, o, builtinDicts.get) })
	return e.c, e.err
}

// MustNew is like [New] but panics on an unknown configuration name. It
// is meant for names written in the program's source.
func MustNew(config string, opts ...Option) *Converter {
	c, err := New(config, opts...)
	if err != nil {
		panic(err)
	}
	return c
}

// assemble finishes a Converter from its dictionaries. seg is nil for a
// configuration without segmentation: the whole text is then one segment.
func assemble(name string, seg *group, chain []*group) *Converter {
	seg, chain = fuse(seg, chain)
	for k, g := range chain {
		if m := mergePhrases(g); m != nil {
			g = m
			chain[k] = g
		}
		g.lead, g.chars = leadChars(g.dicts)
	}
	c := &Converter{name: name, seg: seg, chain: chain}
	c.scratch = &sync.Pool{New: func() any { return new(scratch) }}
	seen := map[*dict]bool{}
	var used [256]bool
	all := chain
	if seg != nil {
		all = append([]*group{seg}, chain...)
	}
	for _, g := range all {
		for _, d := range g.dicts {
			if !seen[d] {
				seen[d] = true
				d.labels(&used)
			}
		}
	}
	for b := 1; b < 0x80; b++ {
		c.barrier[b] = !used[b]
	}
	if seg == nil {
		// one segment: a single step is the whole conversion
		c.direct = len(chain) == 1
		return c
	}
	if len(seg.dicts) == 1 && seg.dicts[0].pairs != nil {
		c.segLead = seg.dicts[0]
	}
	if len(seg.dicts) == 1 && len(chain) > 0 && len(chain[0].dicts) > 0 && chain[0].dicts[0] == seg.dicts[0] {
		c.reuse, c.rest = true, newGroup(chain[0].dicts[1:]...)
	}
	if c.reuse && len(chain) == 1 {
		c.direct = true
		for _, d := range chain[0].dicts[1:] {
			if d.maxRunes() != 1 {
				c.direct = false
			}
		}
	}
	if c.reuse && !c.direct {
		c.restChars = chain[0].chars // rest merged, when it can be
	}
	if c.reuse && len(chain) > 1 {
		// a segment that is one key of the segmentation dictionary
		// comes out of every step as a function of that key alone:
		// segment with a copy whose values went through the later steps
		sc := new(scratch)
		d := seg.dicts[0].mapValues(func(dst, v []byte) []byte { return c.convertSteps(dst, v, 1, sc) })
		c.seg, c.segLead = newGroup(d), d
	}
	return c
}

// mergePhrases returns the group g with its leading dictionaries of
// phrases merged into one, or nil. A short-circuit group takes the first
// dictionary with any match, a union the longest match of all: the two
// differ only where a key of a later dictionary goes on past a key of an
// earlier one. Where no such pair exists, as in s2twp's and s2hkp's last
// steps, the phrases are merged, so that one walk and one pair filter
// serve them all (see leadChars). Only small dictionaries are checked.
func mergePhrases(g *group) *group {
	k := 0
	for k < len(g.dicts) && g.dicts[k].single == nil {
		if len(g.dicts[k].n) > 1<<16 {
			return nil
		}
		k++
	}
	if k < 2 {
		return nil
	}
	for _, d := range g.dicts[k:] {
		if d.single == nil {
			return nil
		}
	}
	for j := 1; j < k; j++ {
		shadowed := false
		g.dicts[j].walk(func(key []byte, _ int32) {
			for end := len(key) - 1; end > 0 && !shadowed; end-- {
				if !utf8.RuneStart(key[end]) {
					continue
				}
				for _, earlier := range g.dicts[:j] {
					if n, _, _ := earlier.longest(key[:end], 0, end, -2); n == end {
						shadowed = true
					}
				}
			}
		})
		if shadowed {
			return nil
		}
	}
	var names []string
	for _, d := range g.dicts[:k] {
		names = append(names, d.name)
	}
	merged := union(strings.Join(names, "+"), g.dicts[:k]...)
	return newGroup(append([]*dict{merged}, g.dicts[k:]...)...)
}

// fuse folds a last step of single characters into the step before it,
// which saves a pass over every segment (s2tw and s2twp end with Taiwan's
// variants table; s2tw becomes a single step). A table of single
// characters maps each character on its own, so applying it to the
// previous step's output equals applying it to each value that step
// emits and to each character it copies. The previous step's
// dictionaries keep their keys, with values mapped through the last
// step, and the last step's dictionaries follow them in the group for
// the characters no key of the previous step matches. The segmentation
// group takes the mapped copy of a dictionary it shares with the step,
// so that a segment's value can still stand for the step's output.
func fuse(seg *group, chain []*group) (*group, []*group) {
	for len(chain) > 1 {
		last, prev := chain[len(chain)-1], chain[len(chain)-2]
		for _, d := range last.dicts {
			if d.single == nil {
				return seg, chain
			}
		}
		mapped := map[*dict]*dict{}
		var dicts []*dict
		for _, d := range prev.dicts {
			m := d.mapValues(func(dst, v []byte) []byte {
				dst, _ = convertGroup(dst, v, last, true)
				return dst
			})
			mapped[d] = m
			dicts = append(dicts, m)
		}
		dicts = append(dicts, last.dicts...)
		chain = append(chain[:len(chain)-2:len(chain)-2], newGroup(dicts...))
		if len(chain) == 1 && seg != nil {
			var segDicts []*dict
			for _, d := range seg.dicts {
				if m, ok := mapped[d]; ok {
					d = m
				}
				segDicts = append(segDicts, d)
			}
			seg = newGroup(segDicts...)
		}
	}
	return seg, chain
}

// Name returns the configuration's name, such as "s2t".
func (c *Converter) Name() string { return c.name }

// String converts s.
func (c *Converter) String(s string) string {
	dst := c.Append(make([]byte, 0, len(s)+len(s)/8), unsafe.Slice(unsafe.StringData(s), len(s)))
	return unsafe.String(unsafe.SliceData(dst), len(dst))
}

// Bytes converts b into a new slice.
func (c *Converter) Bytes(b []byte) []byte {
	return c.Append(make([]byte, 0, len(b)+len(b)/8), b)
}

// Append converts src and appends the result to dst. With room in dst for
// the output, it allocates nothing. Bytes that are not valid UTF-8 come
// out as U+FFFD.
func (c *Converter) Append(dst, src []byte) []byte {
	dst, _ = c.convert(dst, c.normalize(src), true)
	return dst
}

// Convert reads text from r and writes it converted to w, in constant
// memory: input is cut where no dictionary key can straddle the cut (line
// breaks, spaces and other ASCII no key contains), so the output equals
// that of converting the whole text at once. A stretch of more than 1 MiB
// with no such byte is held whole before it is converted. It returns the
// number of bytes written.
func (c *Converter) Convert(w io.Writer, r io.Reader) (int64, error) {
	const chunk = 64 << 10
	in := make([]byte, 0, 2*chunk)
	out := make([]byte, 0, 2*chunk+chunk/2)
	var written int64
	normal := 0        // with a normalization, in[:normal] is normalized
	var pending []byte // and a buffer for it
	for {
		if cap(in)-len(in) < chunk/2 {
			grown := make([]byte, len(in), 2*cap(in))
			copy(grown, in)
			in = grown
		}
		n, rerr := r.Read(in[len(in):cap(in)])
		in = in[:len(in)+n]
		atEOF := rerr == io.EOF
		if rerr != nil && !atEOF {
			return written, rerr
		}
		src := in
		if c.norm != nil {
			// in[:normal] is normalized already; normalize what was read
			in, normal = c.normalizeTail(in, normal, atEOF, &pending)
			src = in[:normal]
		}
		var used int
		out, used = c.convert(out[:0], src, atEOF && len(src) == len(in))
		if len(out) > 0 {
			m, err := w.Write(out)
			written += int64(m)
			if err != nil {
				return written, err
			}
		}
		in = in[:copy(in, in[used:])]
		normal -= used
		if atEOF {
			return written, nil
		}
	}
}

// normalizeTail normalizes in[normal:], as far as can be decided, and
// returns in and the end of its normalized part. pending is a buffer it
// may reuse.
func (c *Converter) normalizeTail(in []byte, normal int, atEOF bool, pending *[]byte) ([]byte, int) {
	tail := in[normal:]
	if !c.filter.may(tail) {
		end := len(tail)
		if !atEOF {
			// a character cut at the end waits for its last bytes
			j := end - 1
			for j > 0 && end-j < 4 && tail[j]&0xC0 == 0x80 {
				j--
			}
			if j >= 0 && !utf8.FullRune(tail[j:end]) {
				end = j
			}
		}
		return in, normal + end
	}
	out, used := c.norm.convert((*pending)[:0], tail, atEOF)
	rest := append(out[len(out):len(out)], tail[used:]...) // after out, in the same buffer
	*pending = rest[:0]
	in = append(append(in[:normal], out...), rest...)
	return in, normal + len(out)
}

// scratch holds the buffers a multi-step conversion passes between steps.
type scratch struct{ a, b, c []byte }

// convert converts as much of src as can be decided: when atEOF is false
// it stops before text whose conversion depends on what follows. It
// returns the extended dst and the number of bytes of src consumed.
func (c *Converter) convert(dst, src []byte, atEOF bool) ([]byte, int) {
	if c.direct {
		return convertGroup(dst, src, c.chain[0], atEOF)
	}
	sc := c.scratch.Get().(*scratch)
	defer c.scratch.Put(sc)
	if c.seg == nil {
		// the whole text is one segment: convert it up to where cutting
		// cannot change it
		end := len(src)
		if !atEOF {
			end = c.safeCut(src, 0, len(src))
		}
		if len(c.chain) == 0 {
			dst, _ = convertGroup(dst, src[:end], &group{}, true)
			return dst, end
		}
		return c.convertSteps(dst, src[:end], 0, sc), end
	}
	// with restChars, the run of unmatched text in progress, src[run:i],
	// is converted by its first step as it is read, into sc.c
	rc := c.restChars
	sc.c = sc.c[:0]
	i, run := 0, 0
	for i < len(src) {
		b := src[i]
		if b == 0xE2 && isIDC(src, i) {
			// an ideographic description sequence no key matches is
			// one unit of the run
			if n, _, open := c.seg.match(src, i, len(src), -2); n == 0 {
				if open && !atEOF {
					break
				}
				m, wait := idsUnit(src, i, atEOF)
				if wait {
					break
				}
				if rc != nil {
					sc.c, _ = convertGroup(sc.c, src[i:i+m], c.rest, true)
				}
				i += m
				continue
			}
		}
		if !c.seg.starts[b] {
			size := runeLen(src, i)
			if rc != nil {
				sc.c = c.restChar(sc.c, src[i:i+size])
			}
			i += size
			continue
		}
		var n int
		var out string
		var open, looked bool
		if c.segLead != nil && b >= 0xE1 {
			if r, r2 := next3(src, i), next3(src, i+3); r >= 0 && r2 >= 0 && !(c.segLead.ones && c.segLead.pairMay(r, 0)) {
				if !c.segLead.pairMay(r, r2) {
					// a run of characters that start no phrase, each
					// decoded once
					sc.c, i = c.segRun(sc.c, src, i, r, r2, rc)
					continue
				}
				// the segmentation dictionary is segLead alone
				n, out, open = c.segLead.fromHeads(src, i, i+6, len(src), r, r2)
				looked = true
			}
		}
		if !looked {
			n, out, open = c.seg.match(src, i, len(src), -2)
		}
		if open && !atEOF {
			break
		}
		if n == 0 {
			if !atEOF && !utf8.FullRune(src[i:]) {
				break
			}
			size := runeLen(src, i)
			if rc != nil {
				sc.c = c.restChar(sc.c, src[i:i+size])
			}
			i += size
			continue
		}
		dst = c.flushRun(dst, src[run:i], sc)
		if c.reuse {
			dst = append(dst, out...)
		} else {
			dst = c.convertSegment(dst, src[i:i+n], sc)
		}
		i += n
		run = i
	}
	if atEOF {
		return c.flushRun(dst, src[run:], sc), len(src)
	}
	// the segment in progress ends somewhere ahead; convert it up to its
	// last byte that no key contains, where cutting cannot change it
	if j := c.safeCut(src, run, i); j > run {
		return c.convertSegment(dst, src[run:j], sc), j
	}
	return dst, run
}

// safeCut returns the end of the last byte of src[lo:hi] that no key
// contains and that no ideographic description sequence spans, where a
// segment can be cut without changing its conversion, or lo.
func (c *Converter) safeCut(src []byte, lo, hi int) int {
	for j := hi - 1; j >= lo; j-- {
		if c.barrier[src[j]] {
			// a sequence holds at most 64 characters of 4 bytes
			if hasIDC(src[max(lo, j-256) : j+1]) {
				continue
			}
			return j + 1
		}
	}
	return lo
}

// segRun adds to the run of unmatched text the character r at src[i],
// whose next character r2 starts no phrase with it, and the characters
// after it of three bytes that start no phrase with their next, and
// returns where it stopped. With rc, each character's first step is
// appended to buf.
func (c *Converter) segRun(buf, src []byte, i int, r, r2 rune, rc *dict) ([]byte, int) {
	lead := c.segLead
	for {
		if rc != nil {
			buf = rc.appendChar(buf, r)
		}
		i += 3
		r = r2
		if r < 0 || r >= 0x2FF0 && r <= 0x2FFF {
			return buf, i
		}
		if r2 = next3(src, i+3); r2 < 0 || lead.ones && lead.pairMay(r, 0) || lead.pairMay(r, r2) {
			return buf, i
		}
	}
}

// flushRun converts the run of unmatched text seg, whose first step is
// in sc.c when the converter has restChars, and empties sc.c.
func (c *Converter) flushRun(dst, seg []byte, sc *scratch) []byte {
	if c.restChars == nil {
		return c.convertSegment(dst, seg, sc)
	}
	first := sc.c
	dst = c.convertSteps(dst, first, 1, sc)
	sc.c = first[:0]
	return dst
}

// restChar appends the first step of the one character ch, in a run that
// no key of the segmentation dictionary starts in.
func (c *Converter) restChar(buf, ch []byte) []byte {
	switch r := next3(ch, 0); {
	case len(ch) == 1 && ch[0] < utf8.RuneSelf && !c.rest.starts[ch[0]]:
		return append(buf, ch[0])
	case r >= 0:
		return c.restChars.appendChar(buf, r)
	}
	buf, _ = convertGroup(buf, ch, c.rest, true)
	return buf
}

// convertSegment runs one segment through every step of the chain.
func (c *Converter) convertSegment(dst, seg []byte, sc *scratch) []byte {
	if len(seg) == 0 {
		return dst
	}
	if c.reuse {
		// no key of the segmentation dictionary starts inside a run
		first, _ := convertGroup(sc.c[:0], seg, c.rest, true)
		sc.c = first
		return c.convertSteps(dst, first, 1, sc)
	}
	return c.convertSteps(dst, seg, 0, sc)
}

// convertSteps runs in through the steps of the chain from the k-th on.
func (c *Converter) convertSteps(dst, in []byte, k int, sc *scratch) []byte {
	if k == len(c.chain) {
		return append(dst, in...)
	}
	for ; k < len(c.chain)-1; k++ {
		out, _ := convertGroup(sc.a[:0], in, c.chain[k], true)
		sc.a, sc.b = sc.b, out
		in = out
	}
	dst, _ = convertGroup(dst, in, c.chain[k], true)
	return dst
}

// convertGroup replaces, left to right, the longest match of the group at
// each position by its value; text no key matches is copied, invalid UTF-8
// as U+FFFD.
func convertGroup(dst, src []byte, g *group, atEOF bool) ([]byte, int) {
	starts := &g.starts
	// a group of one character table is looked up inline for the
	// characters of the Basic Multilingual Plane
	var single *dict
	if len(g.dicts) == 1 && g.dicts[0].single != nil {
		single = g.dicts[0]
	}
	i := 0
	for i < len(src) {
		b := src[i]
		if b < utf8.RuneSelf && !starts[b] {
			j := i + 1
			for j < len(src) && src[j] < utf8.RuneSelf && !starts[src[j]] {
				j++
			}
			dst = append(dst, src[i:j]...)
			i = j
			continue
		}
		if b == 0xE2 && isIDC(src, i) {
			// an ideographic description sequence that no key matches
			// is copied whole
			n, out, open := g.match(src, i, len(src), -2)
			if open && !atEOF {
				break
			}
			if n > 0 {
				dst = append(dst, out...)
				i += n
				continue
			}
			m, wait := idsUnit(src, i, atEOF)
			if wait {
				break
			}
			dst = appendValid(dst, src[i:i+m])
			i += m
			continue
		}
		if lead := g.lead; lead != nil && b >= 0xE1 {
			// a run of characters of three bytes looked up in the lead
			// dictionary and the character tables (see convertLeadRun)
			var stop bool
			if dst, i, stop = convertLeadRun(dst, src, i, g, atEOF); stop {
				break
			}
			if i >= len(src) || src[i] < utf8.RuneSelf || isIDC(src, i) {
				continue
			}
			b = src[i]
		}
		r, size := decodeRune(src[i:])
		if single != nil && size > 1 && r < 0x10000 {
			if v := single.single[r]; v > 0 {
				dst = append(dst, single.out[v-1]...)
			} else if size == 3 {
				dst = append(dst, src[i], src[i+1], src[i+2])
			} else {
				dst = append(dst, src[i:i+size]...)
			}
			i += size
			continue
		}
		if starts[b] && (g.first == nil || r >= 0x10000 || g.first[r/64]&(1<<(r%64)) != 0) {
			r1 := r
			if r == utf8.RuneError && size <= 1 {
				r1 = -1
			}
			n, out, open := g.match(src, i, len(src), r1)
			if open && !atEOF {
				break
			}
			if n > 0 {
				dst = append(dst, out...)
				i += n
				continue
			}
		}
		if r == utf8.RuneError && size <= 1 {
			if !atEOF && !utf8.FullRune(src[i:]) {
				break
			}
			dst = append(dst, "\uFFFD"...)
			i++
			continue
		}
		if size == 3 {
			dst = append(dst, src[i], src[i+1], src[i+2])
		} else {
			dst = append(dst, src[i:i+size]...)
		}
		i += size
	}
	return dst, i
}

// convertLeadRun converts, from src[i], the characters of three bytes that
// the group's lead dictionary and character tables decide, and returns
// where it stopped: at a character of another length, at one whose next
// character is not of three bytes, at an ideographic description
// character, at a one-character key, or (stop set) where a phrase could
// go on past the end of src and more is to come.
func convertLeadRun(dst, src []byte, i int, g *group, atEOF bool) ([]byte, int, bool) {
	lead, chars := g.lead, g.chars
	r := next3(src, i)
	for r >= 0 && (r < 0x2FF0 || r > 0x2FFF) {
		if g.first != nil && g.first[r/64]&(1<<(r%64)) == 0 {
			// no key of the group starts with this character
			dst = append(dst, src[i], src[i+1], src[i+2])
			i += 3
			r = next3(src, i)
			continue
		}
		r2 := next3(src, i+3)
		if r2 < 0 || lead.ones && lead.pairMay(r, 0) {
			break
		}
		if lead.pairMay(r, r2) {
			// a phrase may start here: the phrase, or the character
			// tables
			n, out, open := lead.fromHeads(src, i, i+6, len(src), r, r2)
			if open && !atEOF {
				return dst, i, true
			}
			if n > 0 {
				dst = append(dst, out...)
				i += n
				r = next3(src, i)
				continue
			}
		}
		dst = chars.appendChar(dst, r)
		i += 3
		r = r2
	}
	return dst, i, false
}

// runeLen is the length of the rune at src[i], 1 for an invalid byte.
func runeLen(src []byte, i int) int {
	if src[i] < utf8.RuneSelf {
		return 1
	}
	_, size := decodeRune(src[i:])
	return size
}

// Description returns the configuration's own description, as its JSON's
// "name" gives it (OpenCC's, for the built-in ones), or "".
func (c *Converter) Description() string { return c.description }

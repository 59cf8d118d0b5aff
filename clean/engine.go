package clean

import (
	"cmp"
	"fmt"
	"math/bits"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// The rules that work across paragraphs rather than on one, by name.
const (
	ruleGloss     = "pinyin-gloss"
	ruleRelated   = "related-list"
	ruleHeadBlock = "head-block" // short unknown lines among head boilerplate
	ruleTailBlock = "tail-block" // short unknown lines among tail boilerplate
)

var internalRuleNames = []string{ruleOutside, ruleHidden, ruleFurniture, ruleLinks, ruleForm, ruleGloss, ruleRelated, ruleHeadBlock, ruleTailBlock}

var internalRuleCategory = map[string]Category{
	ruleGloss: Gloss, ruleRelated: Related, ruleOutside: Page, ruleHidden: Page,
	ruleFurniture: Page, ruleLinks: Page, ruleForm: Page, ruleHeadBlock: Block, ruleTailBlock: Block,
}

// removal is a Removal being built, with the metadata its rule found.
type removal struct {
	rule   string
	cat    Category
	start  int
	end    int
	fields []Field
}

type doc struct {
	input    string
	format   Format
	norm     normalizer
	paras    []*para
	removed  []removal
	glosses  []span // the glosses removed, kept apart: many, and all alike
	warnings []Warning
	changes  int    // removals made so far
	edits    []edit // scratch for the glosses of one paragraph
	// candidates is set by a pass that found lines beyond the story that
	// read as furniture, for the block pass to take
	candidates bool
	scratch    *scratch // where the memory above came from
}

func newDoc(input string, f Format) *doc {
	sc := scratches.Get().(*scratch)
	d := &doc{input: input, format: f, removed: sc.removed, glosses: sc.glosses, edits: sc.edits, scratch: sc}
	d.norm.paras, d.norm.anchors, d.norm.ptrs = sc.paras, sc.anchors, sc.ptrs
	d.norm.w.buf, d.norm.w.a = sc.buf, sc.marks
	d.norm.reset()
	return d
}

// scratch is the memory a document is cleaned in: its paragraphs and
// their anchors, the normaliser's buffer, the removals. It is kept for the
// next document once the result is made (which refers to none of it), so
// that a program cleaning one article after another reuses it, warm,
// instead of allocating it anew.
type scratch struct {
	paras   []para
	anchors []anchor
	ptrs    []*para
	buf     []byte
	marks   []anchor
	removed []removal
	glosses []span
	edits   []edit
}

// scratches holds the scratch of documents cleaned, for any Cleaner.
var scratches = sync.Pool{New: func() any { return new(scratch) }}

// release gives d's memory back for the next document, cleared of what
// refers to d's text. d is not used again.
func (d *doc) release() {
	sc := d.scratch
	if sc == nil {
		return
	}
	n := &d.norm
	sc.paras = keep(sc.paras, n.paras)
	sc.anchors = n.anchors[:0]
	sc.ptrs = keep(sc.ptrs, n.ptrs)
	sc.buf, sc.marks = n.w.buf[:0], n.w.a[:0]
	sc.removed = keep(sc.removed, d.removed)
	sc.glosses, sc.edits = d.glosses[:0], keep(sc.edits, d.edits)
	d.scratch = nil
	scratches.Put(sc)
}

// keep returns the larger of two buffers, emptied and cleared: cur, the
// buffer a document grew from old, holds its elements up to its length,
// and old, when cur outgrew it and yet it is larger, up to its capacity.
func keep[T any](old, cur []T) []T {
	if cap(old) > cap(cur) {
		clear(old[:cap(old)])
		return old[:0]
	}
	clear(cur)
	return cur[:0]
}

// remove records the removal of p.m.s[a:b], or of the whole paragraph.
func (d *doc) remove(p *para, a, b int, rule string, cat Category, fields []Field) {
	d.changes++
	if a == 0 && b == len(p.m.s) {
		p.gone = true
		d.removed = append(d.removed, removal{rule, cat, p.outer[0], p.outer[1], fields})
		return
	}
	// take the spaces around a cut along with it
	for a > 0 && p.m.s[a-1] == ' ' && b == len(p.m.s) {
		a--
	}
	for b < len(p.m.s) && p.m.s[b] == ' ' && a == 0 {
		b++
	}
	if a == 0 && b == len(p.m.s) {
		p.gone = true
		d.removed = append(d.removed, removal{rule, cat, p.outer[0], p.outer[1], fields})
		return
	}
	d.removed = append(d.removed, removal{rule, cat, p.m.at(a), p.m.at(b), fields})
	p.m, p.runes, p.maskOK = p.m.rewrite([]edit{{a: a, b: b}}), -1, false
	p.glossDone = false
}

// removeGlosses removes the pinyin glosses of p. Removing one can bring
// another next to its character ("行(xing) (hang) "), so it looks again
// where it cut.
func (d *doc) removeGlosses(p *para) {
	for range maxPasses {
		edits := appendGlosses(d.edits[:0], p.m.s)
		d.edits = edits
		if len(edits) == 0 {
			break
		}
		again := false
		for _, e := range edits {
			d.glosses = append(d.glosses, span{p.m.at(e.a), p.m.at(e.b)})
			again = again || strings.HasPrefix(p.m.s[e.b:], "(") || strings.HasPrefix(p.m.s[e.b:], "（")
		}
		p.m, p.runes, p.maskOK = p.m.rewrite(edits), -1, false
		d.changes++
		if !again {
			break
		}
	}
	p.glossDone = true
}

// view is the Paragraph a rule sees for d.paras[i] in zone z.
func (d *doc) view(i int, z Zone) Paragraph {
	p := d.paras[i]
	if p.runes < 0 {
		p.runes = countRunes(p.m.s)
	}
	v := Paragraph{Text: p.m.s, Index: i, Count: len(d.paras), Zone: z, Element: p.elem, Container: p.container, runes: p.runes, src: p}
	v.Prev, v.Next = neighbours(d.paras, i)
	return v
}

func neighbours(ps []*para, i int) (prev, next string) {
	if i > 0 {
		prev = ps[i-1].m.s
	}
	if i+1 < len(ps) {
		next = ps[i+1].m.s
	}
	return prev, next
}

// try runs the rules for zone z on paragraph i and applies the first
// match. With whole set, only a match of the whole paragraph counts.
func (c *Cleaner) try(d *doc, i int, z Zone, whole bool) bool {
	p := d.paras[i]
	if d.failedBefore(i, z) {
		return false
	}
	r, m, ok := c.find(d, i, z, whole, func(r Rule, m Match) {
		// a match that removes nothing but records metadata
		d.removed = append(d.removed, removal{r.Name, r.Category, p.outer[0], p.outer[0], m.Fields})
	})
	if !ok {
		p.failed |= z
		return false
	}
	d.remove(p, m.Start, m.End, r.Name, r.Category, m.Fields)
	return true
}

// failedBefore reports that the rules of zone z found nothing in paragraph
// i while it and its neighbours were as they are now: they find nothing
// again.
func (d *doc) failedBefore(i int, z Zone) bool {
	p := d.paras[i]
	prev, next := neighbours(d.paras, i)
	if key := [3]string{p.m.s, prev, next}; p.seen != key {
		p.seen, p.failed = key, 0
		return false
	}
	return p.failed&z != 0
}

// find returns the first rule of zone z, one zone, that removes part of
// paragraph i, or all of it with whole set, and its match. A match that
// removes nothing goes to meta when it is not nil.
func (c *Cleaner) find(d *doc, i int, z Zone, whole bool, meta func(Rule, Match)) (Rule, Match, bool) {
	v := d.view(i, z)
	rules := c.zones[bits.TrailingZeros8(uint8(z))]
	for k := range rules {
		r := &rules[k]
		if r.max > 0 && v.runes > r.max || r.lead != nil && !r.lead.admits(v.Text) {
			continue
		}
		if r.some != nil {
			if m := v.charMask(); m != nil && !m.meets(r.some) {
				continue
			}
		}
		m, ok := r.Match(v)
		if ok && m.Start == m.End && m.Start == 0 {
			if meta != nil {
				meta(*r, m)
			}
			continue
		}
		if !ok || m.Start < 0 || m.End > len(v.Text) || m.Start >= m.End ||
			!utf8.RuneStart(v.Text[m.Start]) || (m.End < len(v.Text) && !utf8.RuneStart(v.Text[m.End])) {
			continue
		}
		if whole && (m.Start != 0 || m.End != len(v.Text)) {
			continue
		}
		return *r, m, true
	}
	return Rule{}, Match{}, false
}

// finish runs the rules over the paragraphs and assembles the result. A
// removal can expose more boilerplate (a cut end mark leaves an editor line
// behind it), so passes repeat until one changes nothing: cleaning the
// output again then removes nothing more.
func (c *Cleaner) finish(d *doc) Result {
	c.settle(d)
	res := d.result()
	d.release()
	return res
}

// settle runs the passes of finish over d until they change nothing.
func (c *Cleaner) settle(d *doc) {
	// lines no rule knows go with a block of boilerplate only once the
	// rules have done all they can: a rule may yet know a line when its
	// neighbours have gone
	blocks := false
	for range 2 * maxPasses {
		before := d.changes
		d.candidates = false
		c.pass(d, blocks)
		if d.changes == before {
			if blocks || !d.candidates {
				break // no line is left that a block could take
			}
			blocks = true
			continue
		}
		blocks = false
		kept := d.paras[:0]
		for _, p := range d.paras {
			if !p.gone && p.m.s != "" {
				kept = append(kept, p)
			}
		}
		d.paras = kept
	}
}

const maxPasses = 6

// pass runs every rule once over the paragraphs.
func (c *Cleaner) pass(d *doc, blocks bool) {
	if c.enabled(ruleGloss, Gloss) {
		for _, p := range d.paras {
			if !p.glossDone {
				d.removeGlosses(p)
			}
		}
	}
	n := len(d.paras)
	head := 0
	for head < n && c.try(d, head, Head, true) {
		head++
	}
	if c.enabled(ruleRelated, Related) {
		c.relatedLists(d, head)
	}
	tail := n
	for tail > head && (d.paras[tail-1].gone || c.try(d, tail-1, Tail, true)) {
		tail--
	}
	head, tail = c.blocks(d, head, tail, blocks)
	first, last := -1, -1
	for i := head; i < tail; i++ {
		if d.paras[i].gone {
			continue
		}
		p := d.paras[i]
		c.try(d, i, Body, false)
		if !p.gone {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first >= 0 {
		for range 4 {
			if d.paras[first].gone || !c.try(d, first, Lead, false) {
				break
			}
		}
		// lines no rule knows may stand over the story: its first
		// paragraph of prose is a lead too (【本報訊】…)
		for i := first + 1; i < last && !d.paras[first].isProse(); i++ {
			if p := d.paras[i]; !p.gone && p.isProse() {
				for range 4 {
					if p.gone || !c.try(d, i, Lead, false) {
						break
					}
				}
				break
			}
		}
		for range 8 {
			if d.paras[last].gone || !c.try(d, last, Last, false) {
				break
			}
		}
	}
}

// offRules reports a line that a built-in rule switched off by [Without]
// would remove whole: the user wants such lines kept, so no block takes it.
func (c *Cleaner) offRules(s string, z Zone) bool {
	if !c.enabled(ruleRelated, Related) && (isRelatedHeading(s) || reListBullet.MatchString(s)) {
		return true
	}
	v := Paragraph{Text: s, Zone: z}
	for _, r := range c.switched {
		if r.Zone&z == 0 {
			continue
		}
		if m, ok := r.Match(v); ok && m.Start == 0 && m.End == len(s) {
			return true
		}
	}
	return false
}

// blocks judges the lines between the head and the tail that lie beyond
// the story: before its first paragraph of prose or after its last. Lines
// there that a head or tail rule removes whole go under that rule; short
// lines no rule knows go with them as a block (head-block, tail-block)
// when they stand on the far side of such a line — after the first known
// tail line, before the last known head line — so that a list, a short
// closing line or a signature just after the story stays. It returns the
// new bounds of the body.
func (c *Cleaner) blocks(d *doc, head, tail int, blocks bool) (int, int) {
	// the body's first and last paragraphs are prose: nothing lies beyond
	// the story (a known line there would have gone with the head or tail)
	if head < tail && d.paras[head].isProse() && d.paras[tail-1].isProse() {
		return head, tail
	}
	first, last := -1, -1
	for i := head; i < tail; i++ {
		// a short exclamation over the story is a prompt, not its start:
		// 前往小程序,Get更优阅读体验!
		if !d.paras[i].gone && d.paras[i].isProse() && runes(d.paras[i].m.s) >= 20 && !c.wouldRemoveIn(d, i, Head) {
			first = i
			break
		}
	}
	for i := tail - 1; i >= head && first >= 0; i-- {
		if !d.paras[i].gone && d.paras[i].isProse() && !c.wouldRemoveIn(d, i, Tail) {
			last = i
			break
		}
	}
	// a story with no prose (a poem, a list): nothing tells its lines
	// from furniture but the rules that ran from its ends
	if first < 0 {
		return head, tail
	}
	meta := looksMeta
	known := false
	for j := last + 1; j < tail; j++ {
		p := d.paras[j]
		if p.gone {
			continue
		}
		if c.try(d, j, Tail, true) {
			known = true
			continue
		}
		// what a colon introduces belongs to the paragraph before it
		if j > 0 && (strings.HasSuffix(d.paras[j-1].m.s, "：") || strings.HasSuffix(d.paras[j-1].m.s, ":")) && !d.paras[j-1].gone {
			continue
		}
		d.candidates = d.candidates || !blocks && meta(p.m.s)
		if (known || blocks && meta(p.m.s)) && c.enabled(ruleTailBlock, Block) && blockable(p.m.s) && !c.offRules(p.m.s, Tail) {
			d.remove(p, 0, len(p.m.s), ruleTailBlock, Block, looseCredits(p.m.s))
		}
	}
	for tail > last+1 && d.paras[tail-1].gone {
		tail--
	}
	// the head: a known line late in it takes the unknown short lines
	// before it along
	// a line of furniture no rule knows takes along only the short lines
	// before it (a column's name, an account's), not a run of lines that
	// may be the story's own
	lastKnown, lastMeta := -1, -1
	for j := head; j < first; j++ {
		if d.paras[j].gone {
			continue
		}
		d.candidates = d.candidates || !blocks && !d.paras[j].gone && meta(d.paras[j].m.s)
		if c.try(d, j, Head, true) {
			lastKnown = j
		} else if blocks && meta(d.paras[j].m.s) {
			lastMeta = j
		}
	}
	if c.enabled(ruleHeadBlock, Block) {
		for j := head; j < first; j++ {
			p := d.paras[j]
			if p.gone || !blockable(p.m.s) || c.offRules(p.m.s, Head) {
				continue
			}
			if j < lastKnown || blocks && (meta(p.m.s) || j < lastMeta && runes(p.m.s) <= 20) {
				d.remove(p, 0, len(p.m.s), ruleHeadBlock, Block, looseCredits(p.m.s))
			}
		}
	}
	for head < first && d.paras[head].gone {
		head++
	}
	return head, tail
}

// isProse reports a paragraph that reads as the story's prose: it ends a
// sentence (。！？… or a closing quote or bracket after one) and is not a
// line of credits.
func isProse(s string) bool { return prose(Paragraph{Text: s}) }

// isProse is isProse of p's text, with its credits parsed once.
func (p *para) isProse() bool { return prose(Paragraph{Text: p.m.s, src: p}) }

func prose(p Paragraph) bool {
	s := p.Text
	if len(s) < 6 {
		return false
	}
	t := strings.TrimRight(s, "”」』\"'）)")
	r, _ := utf8.DecodeLastRuneInString(t)
	// a long paragraph ending in a colon introduces what follows:
	// …请同时带上下面两个话题：
	if (r == '：' || r == ':') && strings.Contains(s, "。") && len(s) > 40*3 {
		return true
	}
	if !isSentenceEnd(r) || r == '；' || r == ';' {
		return false
	}
	if len(s) > 180 {
		return true // longer than any line of credits
	}
	_, _, credit := p.credits()
	return !credit
}

// blockable reports a line that may go with a block of boilerplate though
// no rule knows it: short (up to 40 characters, 80 for a line with a time,
// credits or buttons in it), and ending no sentence.
func blockable(s string) bool {
	if n := runes(s); n > 80 || n > 40 && !strongMeta(s) {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(strings.TrimRight(s, "”」』\"'"))
	return !isSentenceEnd(r)
}

// relatedLists removes a heading such as 相关新闻 near the end together with
// the title lines under it, when nothing but such lines and other tail
// boilerplate follows it.
func (c *Cleaner) relatedLists(d *doc, head int) {
	n := len(d.paras)
	lo := max(head, n-40)
	for h := n - 1; h >= lo; h-- {
		if !isRelatedHeading(d.paras[h].m.s) {
			continue
		}
		end := h + 1
		for end < n && isTitleLike(d.paras[end].m.s) && !c.wouldRemove(d, end) {
			end++
		}
		// what follows the list must itself be tail boilerplate
		ok := true
		for j := end; j < n && ok; j++ {
			ok = c.wouldRemove(d, j)
		}
		if !ok || end == h+1 && h != n-1 {
			continue
		}
		for j := h; j < end; j++ {
			d.remove(d.paras[j], 0, len(d.paras[j].m.s), ruleRelated, Related, nil)
		}
		return
	}
}

// wouldRemove reports whether some tail rule would remove paragraph j whole.
func (c *Cleaner) wouldRemove(d *doc, j int) bool { return c.wouldRemoveIn(d, j, Tail) }

// wouldRemoveIn reports whether some rule of zone z would remove paragraph
// j whole.
func (c *Cleaner) wouldRemoveIn(d *doc, j int, z Zone) bool {
	if d.failedBefore(j, z) {
		return false
	}
	_, _, ok := c.find(d, j, z, true, nil)
	return ok
}

// span is a part of the input, input[start:end].
type span struct{ start, end int }

// compareSpans orders spans by start, a longer one first at the same start.
func compareSpans(x, y span) int {
	if x.start != y.start {
		return cmp.Compare(x.start, y.start)
	}
	return cmp.Compare(y.end, x.end)
}

// sortedByPlace returns rs sorted by start, a longer removal first at the
// same start, and otherwise in the order they were made. It sorts small
// keys rather than the removals themselves, which are large to move.
func sortedByPlace(rs []removal) []removal {
	type key struct{ start, end, i int }
	keys := make([]key, len(rs))
	for i, r := range rs {
		keys[i] = key{r.start, r.end, i}
	}
	slices.SortFunc(keys, func(x, y key) int {
		if x.start != y.start {
			return cmp.Compare(x.start, y.start)
		}
		if x.end != y.end {
			return cmp.Compare(y.end, x.end)
		}
		return cmp.Compare(x.i, y.i)
	})
	out := make([]removal, len(rs))
	for i, k := range keys {
		out[i] = rs[k.i]
	}
	return out
}

// result assembles the Result: text, removals in input order (a removal
// inside a larger one is folded into it), metadata and warnings.
func (d *doc) result() Result {
	res := Result{Format: d.format}
	var b strings.Builder
	size := 0
	for _, p := range d.paras {
		size += len(p.m.s) + 1
	}
	b.Grow(size)
	for _, p := range d.paras {
		if p.gone || p.m.s == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(p.m.s)
	}
	res.Text = b.String()

	rs := d.removed
	if !slices.IsSortedFunc(rs, func(x, y removal) int {
		if x.start != y.start {
			return cmp.Compare(x.start, y.start)
		}
		return cmp.Compare(y.end, x.end)
	}) {
		rs = sortedByPlace(rs)
	}
	gs := d.glosses
	if !slices.IsSortedFunc(gs, compareSpans) {
		slices.SortFunc(gs, compareSpans)
	}
	var mb metaBuilder
	res.Removed = make([]Removal, 0, len(rs)+len(gs))
	line, at := 1, 0
	add := func(r removal) {
		if r.start >= r.end {
			mb.add(r.fields)
			return
		}
		if k := len(res.Removed); k > 0 && r.start < res.Removed[k-1].End {
			mb.add(r.fields) // inside the previous removal
			return
		}
		line += strings.Count(d.input[at:r.start], "\n")
		at = r.start
		res.Removed = append(res.Removed, Removal{
			Rule: r.rule, Category: r.cat, Text: d.input[r.start:r.end],
			Line: line, Start: r.start, End: r.end,
		})
		mb.add(r.fields)
	}
	// the two lists merged by place; a gloss, never empty, cannot have
	// the place of another removal
	for i, j := 0, 0; i < len(rs) || j < len(gs); {
		if j < len(gs) && (i == len(rs) || compareSpans(gs[j], span{rs[i].start, rs[i].end}) < 0) {
			add(removal{ruleGloss, Gloss, gs[j].start, gs[j].end, nil})
			j++
		} else {
			add(rs[i])
			i++
		}
	}
	res.Meta = mb.meta()

	if d.norm.invalid > 0 {
		d.warnings = append(d.warnings, Warning{Offset: d.norm.firstBad, Message: fmt.Sprintf(
			"%d bytes are not valid UTF-8 and were replaced by U+FFFD (is the input GBK, GB18030 or Big5?)", d.norm.invalid)})
	}
	for _, w := range d.warnings {
		w.Line = 1 + strings.Count(d.input[:min(w.Offset, len(d.input))], "\n")
		res.Warnings = append(res.Warnings, w)
	}
	return res
}

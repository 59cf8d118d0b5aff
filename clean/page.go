package clean

import (
	"fmt"
	"iter"
	"maps"
	"math/bits"
	"strings"

	"github.com/cnnews/cnnews/extract"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The rules that drop what the article finder ([extract]) says is not the
// article, by name. They are in the [Page] category.
const (
	ruleOutside   = "outside-article" // page text outside the article's container
	ruleHidden    = "page-hidden"     // hidden blocks inside it
	ruleFurniture = "page-furniture"  // comment boxes, share bars, related lists inside it
	ruleLinks     = "page-links"      // blocks of links inside it: headline lists, menus
	ruleForm      = "page-form"       // forms inside it
)

var pageRules = map[string]string{
	extract.Hidden: ruleHidden, extract.Furniture: ruleFurniture,
	extract.Links: ruleLinks, extract.Form: ruleForm,
}

// isWholePage reports whether HTML input is a whole page (or a large part
// of one) rather than a fragment of article paragraphs: it has a doctype
// or an <html>, <head> or <body> tag, or it holds eight or more links or
// eight or more <div>, <table>, <ul> and <nav> elements, the structure
// of a page's furniture. A fragment, a few <p> elements with inline
// markup, is cleaned paragraph by paragraph without looking for an article.
func isWholePage(input string) bool {
	links, boxes := 0, 0
	for i := 0; ; {
		j := strings.IndexByte(input[i:], '<')
		if j < 0 {
			return false
		}
		i += j + 1
		rest := input[i:min(len(input), i+9)]
		if len(rest) < 2 || !strings.ContainsRune("!abdhnut", rune(rest[0]|0x20)) {
			continue // no tag below starts so: most '<' are </p>, <p>, <br>
		}
		for _, t := range [...]string{"!doctype", "html", "head", "body", "a", "div", "table", "ul", "nav"} {
			if len(rest) > len(t) && rest[0]|0x20 == t[0] && strings.EqualFold(rest[:len(t)], t) {
				if c := rest[len(t)]; c == '>' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '/' {
					switch t {
					case "a":
						links++
					case "div", "table", "ul", "nav":
						boxes++
					default:
						return true
					}
					if links >= 8 || boxes >= 8 {
						return true
					}
					break
				}
			}
		}
	}
}

// pageSplitter reads the paragraphs of a whole page from its tree.
type pageSplitter struct {
	c       *Cleaner
	input   string
	pg      *extract.Page
	n       *normalizer
	extract bool
	rule    string // rule of the paragraph being read, "" when kept
	elem    string
	cont    string
	last    int // input offset past the last text fed
	kept    []*para
	out     []*para // paragraphs dropped by the page rules
	outRule []string
	// where the first kept paragraph and the headline fall among out
	firstKept, headline int
}

func (s *pageSplitter) flush() {
	m, ok := s.n.flush(s.input)
	if ok {
		p := s.n.newPara(m, -1, -1, s.elem, s.cont)
		if s.rule == "" {
			if s.firstKept < 0 {
				s.firstKept = len(s.out)
			}
			s.kept = append(s.kept, p)
		} else {
			s.out = append(s.out, p)
			s.outRule = append(s.outRule, s.rule)
		}
	}
	s.elem = ""
}

func (s *pageSplitter) feed(from, to int, loose bool) {
	if from < s.last || s.rule != "" && gapText(s.input, s.last, from) {
		// the parser moved this text, or other text lies between it and
		// the last piece of a dropped paragraph (a table's foster
		// children): a new paragraph, so that no removal spans text
		// another paragraph keeps
		s.flush()
	} else if k, e := gapSpace(s.input, s.last, from); k >= 0 {
		// white space between this text and the last, outside the tags
		// in between, is a space on the page
		s.n.feed(s.input, k, e)
	}
	s.last = to
	if !loose {
		s.n.feed(s.input, from, to)
		return
	}
	for from < to {
		nl := strings.IndexByte(s.input[from:to], '\n')
		if nl < 0 {
			s.n.feed(s.input, from, to)
			return
		}
		s.n.feed(s.input, from, from+nl)
		s.flush()
		from += nl + 1
	}
}

func (s *pageSplitter) walk(n *html.Node, rule, cont, blk string) {
	switch n.Type {
	case html.TextNode:
		if rule != s.rule || cont != s.cont {
			s.flush()
			s.rule, s.cont = rule, cont
		}
		if s.elem == "" && n.Parent != nil {
			s.elem = n.Parent.Data
		}
		for _, sp := range s.pg.Spans(n) {
			s.feed(sp.Start, sp.End, blk == "body" || blk == "html" || blk == "")
		}
		return
	case html.ElementNode:
		if pageSkipAtoms[n.DataAtom] && n.DataAtom != 0 {
			return
		}
		if n == s.pg.Headline {
			s.flush()
			s.headline = len(s.out)
		}
		if s.extract {
			switch {
			case s.pg.InArticle(n):
				rule = ""
			case s.pg.Dropped(n) != "":
				rule = pageRules[s.pg.Dropped(n)]
			}
			if !s.c.enabled(rule, Page) {
				rule = ""
			}
		} else if n.Data != "html" && n.Data != "body" {
			var class, id string
			for _, a := range n.Attr {
				switch a.Key {
				case "class":
					class = a.Val
				case "id":
					id = a.Val
				}
			}
			if c := containerOf(n.Data, class, id); c != "" {
				cont = c
			}
		}
		block := blockAtoms[n.DataAtom] && n.DataAtom != 0
		if block {
			s.flush()
			blk = n.Data
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			s.walk(c, rule, cont, blk)
		}
		if block {
			s.flush()
		}
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		s.walk(c, rule, cont, blk)
	}
}

// gapText reports text outside the tags between input[from:to], other
// than white space.
func gapText(input string, from, to int) bool {
	if from <= 0 || from >= to {
		return false
	}
	return outsideTags(input, from, to, func(c byte) bool { return !isHTMLSpace(c) }) >= 0
}

// gapSpace finds white space in input[from:to] outside markup: the first
// run of it, or -1.
func gapSpace(input string, from, to int) (int, int) {
	if from <= 0 || to-from > 4096 {
		return -1, -1
	}
	i := outsideTags(input, from, to, isHTMLSpace)
	if i < 0 {
		return -1, -1
	}
	e := i + 1
	for e < to && isHTMLSpace(input[e]) {
		e++
	}
	return i, e
}

// outsideTags returns the offset of the first byte of input[from:to]
// outside a tag for which want holds, or -1.
func outsideTags(input string, from, to int, want func(byte) bool) int {
	inTag := false
	for i := from; i < to; i++ {
		switch c := input[i]; {
		case c == '<':
			inTag = true
		case c == '>':
			inTag = false
		case !inTag && want(c):
			return i
		}
	}
	return -1
}

func isHTMLSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'
}

// pageSkip reports the elements of a page whose text is not article text.
// A <select> is read, but not its options: text inside a <select> that is
// never closed is the rest of the page, which the parser put there.
func pageSkip(tag string) bool {
	return skipTags[tag] && tag != "select" || tag == "option" || tag == "optgroup" || tag == "datalist"
}

// The same sets by atom, for the tree.
var (
	pageSkipAtoms = atomSet(func(yield func(string) bool) {
		for t := range skipTags {
			if pageSkip(t) && !yield(t) {
				return
			}
		}
		for _, t := range []string{"option", "optgroup", "datalist"} {
			if !yield(t) {
				return
			}
		}
	})
	blockAtoms = atomSet(maps.Keys(blockTags))
)

func atomSet(names iter.Seq[string]) map[atom.Atom]bool {
	m := map[atom.Atom]bool{}
	for n := range names {
		m[atom.Lookup([]byte(n))] = true
	}
	return m
}

// cleanPage cleans a whole page: the article is found in the page's tree
// ([extract]), what lies outside it and the furniture inside it are
// removed under the rules of the [Page] category, and the paragraph rules
// then run over the article's own paragraphs. The lines by the headline
// and right after the article (time, source, author, editor lines) are
// read for metadata before they go.
func (c *Cleaner) cleanPage(input string) Result {
	pg, err := extract.ParseString(input)
	if err != nil {
		d := newDoc(input, HTML)
		d.norm.html = true
		d.paras = splitHTML(input, &d.norm, &d.warnings)
		d.warnings = append(d.warnings, Warning{Message: fmt.Sprintf("the page could not be parsed as a tree (%v): read as a fragment", err)})
		return c.finish(d)
	}
	d := newDoc(input, HTML)
	d.norm.html = true
	s := &pageSplitter{c: c, input: input, pg: pg, n: &d.norm, firstKept: -1, headline: -1}
	s.extract = c.enabled(ruleOutside, Page) || c.enabled(ruleFurniture, Page) || c.enabled(ruleLinks, Page) ||
		c.enabled(ruleHidden, Page) || c.enabled(ruleForm, Page)
	root := ""
	if s.extract && len(pg.Article) > 0 && c.enabled(ruleOutside, Page) {
		root = ruleOutside
	}
	s.rule = root
	s.walk(pg.Root, root, "", "")
	s.flush()
	if s.extract && len(pg.Article) == 0 {
		d.warnings = append(d.warnings, Warning{Message: "no part of the page reads as an article: all its visible text was kept"})
	}
	if pg.Lost > 0 {
		d.warnings = append(d.warnings, Warning{Message: fmt.Sprintf("%d bytes of text rebuilt by the HTML parser (in SVG or MathML) cannot be traced to the input and were left out", pg.Lost)})
	}
	d.paras = s.kept

	// the dropped paragraphs, with the metadata of those by the article
	before, after := s.firstKept-3, s.firstKept
	if s.headline >= 0 && s.headline < s.firstKept {
		before = max(s.headline, s.firstKept-8)
	}
	if s.firstKept < 0 {
		after = len(s.out)
	} else {
		for after < len(s.out) && s.out[after].outer[0] < s.kept[len(s.kept)-1].outer[0] {
			after++
		}
	}
	for i, p := range s.out {
		rule, cat := s.outRule[i], Page
		var fields []Field
		var r *Rule
		switch {
		case i >= before && i < s.firstKept:
			r, fields = c.harvest(s.out, i, Head)
		case i >= after && i < after+8:
			r, fields = c.harvest(s.out, i, Tail)
		}
		if r != nil {
			// a line by the article that a paragraph rule knows is
			// reported under that rule
			rule, cat = r.Name, r.Category
		}
		d.removed = append(d.removed, removal{rule, cat, p.outer[0], p.outer[1], fields})
	}
	// the page's own metadata: its title and time before any line's, its
	// source and authors after
	m := pg.Meta
	var first, last []Field
	if m.Title != "" {
		first = append(first, Field{Key: FieldTitle, Value: m.Title})
	}
	if m.Published != "" {
		first = append(first, Field{Key: FieldPublished, Value: m.Published})
	}
	if m.Source != "" {
		last = append(last, Field{Key: FieldSource, Value: m.Source})
	}
	d.removed = append(d.removed, removal{"page-meta", Page, 0, 0, first}, removal{"page-meta", Page, len(input), len(input), last})
	res := c.finish(d)
	res.Meta.SiteName, res.Meta.URL = m.SiteName, m.URL
	// the page's authors, unless a line named them already (a name read
	// from a line may have the next link's text glued to it)
	for _, a := range m.Authors {
		known := false
		for _, n := range append(res.Meta.Reporters[:len(res.Meta.Reporters):len(res.Meta.Reporters)], res.Meta.Editors...) {
			known = known || n != "" && (strings.HasPrefix(a, n) || strings.HasPrefix(n, a))
		}
		if !known {
			res.Meta.Reporters = append(res.Meta.Reporters, a)
			res.Meta.Credits = append(res.Meta.Credits, Credit{Role: "author", Name: a})
		}
	}
	if !m.PublishedAt.IsZero() && res.Meta.Published == m.Published {
		res.Meta.PublishedAt = m.PublishedAt
	}
	return res
}

// harvest reads the metadata of out[i], a paragraph dropped with the page,
// as the rules of zone z would, and returns the rule that matched it whole.
func (c *Cleaner) harvest(out []*para, i int, z Zone) (*Rule, []Field) {
	p := out[i]
	if p.runes < 0 {
		p.runes = countRunes(p.m.s)
	}
	v := Paragraph{Text: p.m.s, Index: i, Count: len(out), Zone: z, Element: p.elem, runes: p.runes, src: p}
	v.Prev, v.Next = neighbours(out, i)
	rules := c.zones[bits.TrailingZeros8(uint8(z))]
	for k := range rules {
		r := &rules[k]
		if r.max > 0 && p.runes > r.max {
			continue // longer than the rule can match
		}
		if m, ok := r.Match(v); ok && (m.Start == 0 && m.End == len(v.Text) || len(m.Fields) > 0) {
			if m.Start == 0 && m.End == len(v.Text) {
				return r, m.Fields
			}
			return nil, m.Fields
		}
	}
	return nil, nil
}

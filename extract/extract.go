package extract

import (
	"bytes"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Page is a parsed HTML page with its article found. It is a plain value:
// build it with [Parse]; reading it from several goroutines at once is
// safe, changing its tree is the caller's business.
type Page struct {
	// Root is the document tree as an HTML5 parser builds it (a browser's
	// tree), with the text of every node as the reader sees it.
	Root *html.Node
	// Article holds the elements that make up the article, in document
	// order: the container found and the siblings joined to it. It is nil
	// when the page holds nothing that reads as an article.
	Article []*html.Node
	// Headline is the element holding the article's title (an <h1>,
	// usually outside Article), nil when none was found.
	Headline *html.Node
	// Meta is what the page says about the article.
	Meta Meta
	// Lost counts bytes of visible text the parser placed where they
	// cannot be traced to the input (text inside SVG or MathML rebuilt
	// by the parser); they have no [Page.Spans].
	Lost int

	spans   map[*html.Node][]Span
	dropped map[*html.Node]string
	inside  map[*html.Node]bool
}

// The reasons [Page.Dropped] gives for furniture inside the article.
const (
	Hidden    = "hidden"    // display:none, the hidden attribute
	Furniture = "furniture" // comments, share bars, related lists, … by tag, class or id
	Links     = "links"     // a block that is mostly link text: headline lists, menus
	Form      = "form"      // forms, inputs and buttons
)

// Parse parses a whole HTML page and finds its article: the element whose
// paragraphs read most like a story (much text, much Chinese punctuation,
// little link text, names such as article or content rather than nav or
// comment), the siblings that continue it, and inside them the blocks
// that are page furniture. The input is read as UTF-8; bytes that are not
// stay as they are in the tree.
func Parse(input []byte) (*Page, error) { return ParseString(string(input)) }

// ParseString is [Parse] for a string.
func ParseString(input string) (*Page, error) {
	root, spans, lost, err := parse(input)
	if err != nil {
		return nil, err
	}
	p := &Page{Root: root, Lost: lost, spans: spans, dropped: map[*html.Node]string{}, inside: map[*html.Node]bool{}}
	s := newScorer(p)
	s.walk(root, nil, false)
	s.credit()
	p.Article = s.choose()
	for _, a := range p.Article {
		p.inside[a] = true
		s.furniture(a, a)
	}
	if len(p.Article) == 0 {
		s.hidden(root)
	}
	h := scanHead(root)
	p.Headline = findHeadline(p, s, h)
	p.Meta = readMeta(p, h)
	return p, nil
}

// Spans returns the input spans the text of a text node came from, in
// order: input[Start:End] is the raw HTML of that text, entities and all.
// It returns nil for other nodes and for text the parser made up.
func (p *Page) Spans(n *html.Node) []Span { return p.spans[n] }

// Dropped returns why n, an element inside the article, is page furniture
// rather than article ([Hidden], [Furniture], [Links], [Form]), or "" when
// it is not. Only the outermost element of a dropped block is named. On a
// page with no article, hidden blocks anywhere are named [Hidden].
func (p *Page) Dropped(n *html.Node) string { return p.dropped[n] }

// InArticle reports whether n is one of the [Page.Article] elements.
func (p *Page) InArticle(n *html.Node) bool { return p.inside[n] }

// Text returns the article's text as a reader sees it, one block per line,
// without the furniture inside it; the whole page's visible text when no
// article was found.
func (p *Page) Text() string {
	var b strings.Builder
	line := false
	var walk func(n *html.Node, on bool)
	walk = func(n *html.Node, on bool) {
		switch n.Type {
		case html.TextNode:
			if on {
				t := strings.Join(strings.Fields(n.Data), " ")
				if t != "" {
					if line && isHTMLSpace(n.Data[0]) {
						b.WriteByte(' ')
					}
					b.WriteString(t)
					line = true
				}
			}
			return
		case html.ElementNode:
			if invisible(n) || isHidden(n) || p.dropped[n] != "" {
				return
			}
			on = on || p.inside[n]
		}
		blk := n.Type == html.ElementNode && isBlock(n)
		if blk && line {
			b.WriteByte('\n')
			line = false
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, on)
		}
		if blk && line {
			b.WriteByte('\n')
			line = false
		}
	}
	walk(p.Root, p.Article == nil)
	return strings.TrimSpace(b.String())
}

// isBlock reports the elements that start a new line of text.
func isBlock(n *html.Node) bool {
	switch n.DataAtom {
	case atom.P, atom.Div, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Li, atom.Ul, atom.Ol, atom.Dl, atom.Dt, atom.Dd, atom.Table, atom.Tbody,
		atom.Thead, atom.Tfoot, atom.Tr, atom.Td, atom.Th, atom.Caption,
		atom.Blockquote, atom.Section, atom.Article, atom.Header, atom.Footer,
		atom.Nav, atom.Aside, atom.Main, atom.Figure, atom.Figcaption, atom.Pre,
		atom.Address, atom.Center, atom.Form, atom.Fieldset, atom.Details,
		atom.Summary, atom.Hr, atom.Body, atom.Html, atom.Menu, atom.Br:
		return true
	}
	return false
}

// isPara reports blocks whose text is one paragraph of their parent.
func isPara(n *html.Node) bool {
	switch n.DataAtom {
	case atom.P, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Li,
		atom.Dt, atom.Dd, atom.Pre, atom.Blockquote, atom.Figcaption, atom.Address,
		atom.Caption:
		return true
	}
	return false
}

// stat is what the scorer knows of an element.
type stat struct {
	runes     int     // visible characters other than white space
	linkRunes int     // of which inside links
	punct     int     // sentence punctuation outside links
	own       [3]int  // runes, link runes and punctuation of its own text (not in child blocks)
	score     float64 // content credited by the paragraphs under it
	order     int     // position in document order
}

type scorer struct {
	p     *Page
	stats map[*html.Node]*stat
	order []*html.Node // elements in document order
}

func newScorer(p *Page) *scorer {
	return &scorer{p: p, stats: map[*html.Node]*stat{}}
}

// walk counts the visible text under n. blk is the nearest block
// ancestor, which owns n's text when n is inline.
func (s *scorer) walk(n *html.Node, blk *html.Node, inLink bool) (runes, link, punct int) {
	switch n.Type {
	case html.TextNode:
		r, pu := countText(n.Data)
		if blk != nil {
			st := s.stats[blk]
			st.own[0] += r
			if inLink {
				st.own[1] += r
			} else {
				st.own[2] += pu
			}
		}
		if inLink {
			return r, r, 0
		}
		return r, 0, pu
	case html.ElementNode:
		if invisible(n) {
			return 0, 0, 0
		}
		if isHidden(n) {
			return 0, 0, 0
		}
		st := &stat{order: len(s.order)}
		s.stats[n] = st
		s.order = append(s.order, n)
		if isBlock(n) {
			blk = n
		}
		inLink = inLink || n.Data == "a"
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			r, l, pu := s.walk(c, blk, inLink)
			st.runes += r
			st.linkRunes += l
			st.punct += pu
		}
		return st.runes, st.linkRunes, st.punct
	default:
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			r, l, pu := s.walk(c, blk, inLink)
			runes += r
			link += l
			punct += pu
		}
		return runes, link, punct
	}
}

// paraScore is the content score of a block's own text: one point, one
// per punctuation mark, and one per 40 characters up to three, less the
// share that is link text.
func paraScore(own [3]int) float64 {
	r, l, pu := own[0], own[1], own[2]
	if r-l < 8 {
		return 0
	}
	ld := float64(l) / float64(r)
	return (1 + float64(pu) + math.Min(float64(r-l)/40, 3)) * (1 - ld) * (1 - ld)
}

// credit gives every block's paragraph score to its ancestors: the one
// that holds the paragraph in full, the next in half, further ones less.
func (s *scorer) credit() {
	for _, n := range s.order {
		st := s.stats[n]
		ps := paraScore(st.own)
		if ps == 0 {
			continue
		}
		a := n
		if isPara(n) {
			a = n.Parent
		}
		for level := 0; a != nil && level < 5; level++ {
			if as := s.stats[a]; as != nil {
				div := 1.0
				switch {
				case level == 1:
					div = 2
				case level > 1:
					div = float64(level) * 3
				}
				as.score += ps / div
			}
			a = a.Parent
		}
	}
}

// final is an element's score as a candidate for the article's container.
func (s *scorer) final(n *html.Node) float64 {
	st := s.stats[n]
	if st == nil || st.runes == 0 || st.score == 0 {
		return 0
	}
	ld := float64(st.linkRunes) / float64(st.runes)
	return st.score * (1 - ld) * hintFactor(n)
}

func hintFactor(n *html.Node) float64 {
	switch n.Data {
	case "html", "body":
		return 1
	case "article", "main":
		return 1.25
	case "nav", "footer", "aside", "menu", "header":
		return 0.5
	}
	switch classHint(n) {
	case 1:
		return 1.25
	case -1:
		return 0.5
	}
	return 1
}

// choose picks the container and the siblings that continue it.
func (s *scorer) choose() []*html.Node {
	var top *html.Node
	best := 0.0
	for _, n := range s.order {
		if f := s.final(n); f > best {
			top, best = n, f
		}
	}
	if top == nil || best < 5 {
		return nil
	}
	// a parent that holds little more than the container is the same place
	for top.Parent != nil && s.stats[top.Parent] != nil && top.Parent.Data != "body" && top.Parent.Data != "html" {
		pst, tst := s.stats[top.Parent], s.stats[top]
		if pst.runes-pst.linkRunes > (tst.runes-tst.linkRunes)+10 || hintFactor(top.Parent) < 1 {
			break
		}
		top = top.Parent
	}
	parent := top.Parent
	if parent == nil {
		return []*html.Node{top}
	}
	threshold := math.Max(10, best*0.2)
	var out []*html.Node
	for c := parent.FirstChild; c != nil; c = c.NextSibling {
		if c == top {
			out = append(out, c)
			continue
		}
		st := s.stats[c]
		if c.Type != html.ElementNode || st == nil || st.runes == 0 || hintFactor(c) < 1 {
			continue
		}
		ld := float64(st.linkRunes) / float64(st.runes)
		content := st.score + paraScore(st.own)
		content *= 1 - ld
		switch {
		case content >= threshold:
		case isPara(c) || !hasBlockChild(c):
			text := st.runes - st.linkRunes
			if !(text > 60 && ld < 0.25 && st.punct > 0) && !(text >= 8 && ld == 0 && endsSentence(c)) {
				continue
			}
		default:
			continue
		}
		out = append(out, c)
	}
	return out
}

// furniture marks the blocks inside container n that are page furniture.
// A block that holds much of the article is never furniture, whatever its
// name says.
func (s *scorer) furniture(n, container *html.Node) {
	cst := s.stats[container]
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if invisible(c) {
			continue
		}
		if isHidden(c) {
			if hasText(c) {
				s.p.dropped[c] = Hidden
			}
			continue
		}
		st := s.stats[c]
		if st == nil {
			continue
		}
		big := cst != nil && (st.punct*3 > cst.punct+3 || (st.runes-st.linkRunes)*3 > cst.runes-cst.linkRunes+30)
		if !big && st.runes > 0 {
			reason := ""
			switch {
			case c.Data == "form" || c.Data == "input":
				reason = Form
			case c.Data == "nav" || c.Data == "aside" || c.Data == "footer" || c.Data == "menu" || classHint(c) < 0:
				reason = Furniture
			case isBlock(c) && st.linkRunes*10 > st.runes*6 && st.runes >= 4 && st.punct < 2:
				reason = Links
			}
			if reason != "" {
				s.p.dropped[c] = reason
				continue
			}
		}
		s.furniture(c, container)
	}
}

// hidden marks the hidden blocks under n, for a page with no article.
func (s *scorer) hidden(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || invisible(c) {
			continue
		}
		if isHidden(c) {
			if hasText(c) {
				s.p.dropped[c] = Hidden
			}
			continue
		}
		s.hidden(c)
	}
}

func hasBlockChild(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && isBlock(c) && c.Data != "br" {
			return true
		}
	}
	return false
}

func hasText(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode && strings.TrimSpace(c.Data) != "" {
			return true
		}
		if c.Type == html.ElementNode && !invisible(c) && hasText(c) {
			return true
		}
	}
	return false
}

// endsSentence reports whether n's text ends with sentence punctuation.
func endsSentence(n *html.Node) bool {
	last := rune(0)
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode {
				if t := strings.TrimRightFunc(c.Data, unicode.IsSpace); t != "" {
					last, _ = utf8.DecodeLastRuneInString(t)
				}
			} else if c.Type == html.ElementNode && !invisible(c) {
				walk(c)
			}
		}
	}
	walk(n)
	return strings.ContainsRune("。！？!?”」』…", last)
}

// countText counts the visible characters of s and its sentence
// punctuation.
func countText(s string) (runes, punct int) {
	for _, r := range s {
		switch {
		case r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == 0xA0 || r == 0x3000 || r == '\f':
			continue
		case r < 0x80:
			if r == ',' || r == ';' || r == '!' || r == '?' {
				punct++
			}
		default:
			switch r {
			case '，', '。', '！', '？', '；', '：', '、', '“', '”', '「', '」':
				punct++
			}
		}
		runes++
	}
	return runes, punct
}

// isHidden reports an element the page hides with the hidden attribute or
// display:none.
func isHidden(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "style":
			if strings.Contains(a.Val, "none") {
				v := strings.ToLower(strings.ReplaceAll(a.Val, " ", ""))
				if strings.Contains(v, "display:none") || strings.Contains(v, "visibility:hidden") {
					return true
				}
			}
		}
	}
	return false
}

// classHint reads an element's class and id: 1 for names of article
// containers, -1 for names of page furniture, 0 otherwise.
func classHint(n *html.Node) int {
	hint := 0
	for _, a := range n.Attr {
		if a.Key != "class" && a.Key != "id" {
			continue
		}
		v := a.Val
		for i := 0; i < len(v); {
			for i < len(v) && !isWordByte(v[i]) {
				i++
			}
			j := i
			for j < len(v) && isWordByte(v[j]) {
				j++
			}
			if j > i {
				if h := wordHint(lowerASCII(v[i:j])); h < 0 {
					return -1
				} else if h > 0 {
					hint = 1
				}
			}
			i = j
		}
	}
	return hint
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

var (
	negativeWords = []string{
		"comment", "reply", "share", "social", "related", "recommend", "footer",
		"breadcrumb", "crumb", "sidebar", "advert", "banner", "hotnews", "ranking",
		"toolbar", "login", "subscribe", "qrcode", "copyright", "navbar", "topnav",
		"menu", "pagination", "pager", "sitemap", "weibo", "wechat", "popular",
		"jubao", "byline", "tags", "keyword", "widget", "sponsor",
		"foot", "gotop", "backtop", "corrnews", "xgxw", "xgyd", "tuijian", "remen",
		"paihang", "pinglun", "fenxiang",
	}
	negativeExact = map[string]bool{
		"nav": true, "ad": true, "ads": true, "hot": true, "rank": true, "tool": true,
		"tools": true, "print": true, "side": true, "aside": true, "more": true,
		"links": true, "tag": true, "hide": true, "hidden": true,
	}
	positiveWords = []string{
		"article", "content", "detail", "post", "entry", "story", "main",
		"artibody", "zhengwen", "neirong", "trs", "editor", "body", "text", "txt",
	}
)

// wordHint judges one word of a class or id.
func wordHint(w string) int {
	if negativeExact[w] {
		return -1
	}
	for _, k := range negativeWords {
		if strings.Contains(w, k) {
			return -1
		}
	}
	if strings.HasPrefix(w, "nav") || strings.HasSuffix(w, "nav") {
		return -1
	}
	for _, k := range positiveWords {
		if strings.Contains(w, k) {
			return 1
		}
	}
	return 0
}

// nodeText returns the visible text under n, white space folded.
func nodeText(n *html.Node) string {
	var b bytes.Buffer
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				b.WriteString(c.Data)
			case html.ElementNode:
				if !invisible(c) {
					walk(c)
				}
			}
		}
	}
	if n.Type == html.TextNode {
		return strings.Join(strings.Fields(n.Data), " ")
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

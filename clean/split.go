package clean

import (
	"fmt"
	"io"
	"strings"

	"golang.org/x/net/html"
)

// para is one paragraph of the article being cleaned.
type para struct {
	m         mtext
	outer     [2]int // input span removed when the whole paragraph goes
	elem      string
	container string
	gone      bool
	runes     int       // characters in m.s, -1 when not counted
	glossDone bool      // its glosses are removed
	failed    Zone      // zones whose rules matched nothing in it
	seen      [3]string // its text and neighbours when failed was set
	mask      charMask  // its characters, when maskOK
	maskOK    bool
	parsed    parsed // its credits and header fields, parsed once
}

// parsed keeps what parseCredits and parseHeader made of a paragraph's
// text, which several rules ask for.
type parsed struct {
	set                   bool   // the fields below are of text
	text                  string // the text parsed
	creditsSet, headerSet bool
	credits               []credit
	bracketed, creditsOK  bool
	header                []headerField
	headerOK              bool
}

func (n *normalizer) newPara(m mtext, outer0, outer1 int, elem, container string) *para {
	if outer0 < 0 || outer0 > m.at(0) {
		outer0 = m.at(0)
	}
	if outer1 < m.end {
		outer1 = m.end
	}
	// paragraphs are allocated in blocks: a document has many
	if len(n.paras) == cap(n.paras) {
		n.paras = make([]para, 0, min(64, 8+2*cap(n.paras)))
	}
	n.paras = append(n.paras, para{m: m, outer: [2]int{outer0, outer1}, elem: elem, container: container, runes: -1})
	return &n.paras[len(n.paras)-1]
}

// splitText reads one paragraph per line.
func splitText(input string, n *normalizer) []*para {
	paras := n.ptrs[:0]
	for ls := 0; ls < len(input); {
		le := strings.IndexByte(input[ls:], '\n')
		if le < 0 {
			le = len(input)
		} else {
			le += ls
		}
		n.feed(input, ls, le)
		if m, ok := n.flush(input); ok {
			paras = append(paras, n.newPara(m, -1, -1, "", ""))
		}
		ls = le + 1
	}
	n.ptrs = paras // the list is the normaliser's to keep
	return paras
}

// htmlTags are the element names that make input count as HTML.
var htmlTags = map[string]bool{
	"p": true, "div": true, "br": true, "html": true, "body": true, "head": true,
	"article": true, "section": true, "span": true, "strong": true, "b": true,
	"em": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true,
	"h6": true, "li": true, "ul": true, "ol": true, "table": true, "td": true,
	"tr": true, "img": true, "a": true, "font": true, "center": true,
	"blockquote": true, "script": true, "style": true, "meta": true, "title": true,
	"nav": true, "footer": true, "header": true, "figure": true, "figcaption": true,
	"iframe": true, "!doctype": true, "tbody": true, "i": true, "u": true, "hr": true,
}

// looksLikeHTML reports whether input holds a known HTML tag.
func looksLikeHTML(input string) bool {
	for i := 0; ; {
		j := strings.IndexByte(input[i:], '<')
		if j < 0 {
			return false
		}
		i += j + 1
		k := i
		if k < len(input) && input[k] == '/' {
			k++
		}
		e := k
		for e < len(input) && e-k < 12 && (isASCIILetter(input[e]) || (e > k && input[e] >= '1' && input[e] <= '6') || (e == k && input[e] == '!')) {
			e++
		}
		if e > k && e < len(input) && (input[e] == '>' || input[e] == ' ' || input[e] == '/' || input[e] == '\t' || input[e] == '\n') {
			if htmlTags[strings.ToLower(input[k:e])] {
				return true
			}
		}
	}
}

func isASCIILetter(c byte) bool { return (c|0x20) >= 'a' && (c|0x20) <= 'z' }

// blockTags end a paragraph when they open or close.
var blockTags = map[string]bool{
	"p": true, "div": true, "h1": true, "h2": true, "h3": true, "h4": true,
	"h5": true, "h6": true, "li": true, "ul": true, "ol": true, "dl": true,
	"dt": true, "dd": true, "table": true, "tbody": true, "thead": true,
	"tfoot": true, "tr": true, "td": true, "th": true, "caption": true,
	"blockquote": true, "section": true, "article": true, "header": true,
	"footer": true, "nav": true, "aside": true, "main": true, "figure": true,
	"figcaption": true, "pre": true, "address": true, "center": true,
	"form": true, "fieldset": true, "details": true, "summary": true,
	"hr": true, "body": true, "html": true, "menu": true, "br": true,
}

// skipTags hold no article text.
var skipTags = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true,
	"head": true, "svg": true, "math": true, "iframe": true, "object": true,
	"select": true, "textarea": true, "button": true, "noembed": true,
	"noframes": true, "title": true, "xmp": true, "plaintext": true,
}

var voidTags = map[string]bool{
	"br": true, "img": true, "hr": true, "meta": true, "link": true,
	"input": true, "wbr": true, "source": true, "area": true, "base": true,
	"col": true, "embed": true, "param": true, "track": true,
}

// tagKinds says in one lookup which of blockTags, skipTags and voidTags
// hold a tag.
var tagKinds = func() map[string]tagKind {
	m := map[string]tagKind{}
	for t := range blockTags {
		m[t] |= blockTag
	}
	for t := range skipTags {
		m[t] |= skipTag
	}
	for t := range voidTags {
		m[t] |= voidTag
	}
	return m
}()

type tagKind uint8

const (
	blockTag tagKind = 1 << iota
	skipTag
	voidTag
)

// containerOf says whether an element is page furniture by its tag, class
// or id: "nav", "footer", "aside", "share", "related", "comment", "ad".
func containerOf(name, class, id string) string {
	switch name {
	case "nav", "menu":
		return "nav"
	case "footer":
		return "footer"
	case "aside":
		return "aside"
	}
	for _, v := range [...]string{class, id} {
		if v == "" {
			continue
		}
		for _, tok := range strings.FieldsFunc(strings.ToLower(v), func(r rune) bool {
			return !(r >= 'a' && r <= 'z')
		}) {
			switch {
			case strings.Contains(tok, "breadcrumb") || strings.Contains(tok, "crumb"):
				return "nav"
			case strings.Contains(tok, "share") || strings.HasPrefix(tok, "social"):
				return "share"
			case strings.HasPrefix(tok, "nav") || strings.HasPrefix(tok, "menu"):
				return "nav"
			case strings.HasPrefix(tok, "footer") || tok == "copyright":
				return "footer"
			case strings.HasPrefix(tok, "related") || strings.HasPrefix(tok, "recommend"):
				return "related"
			case strings.HasPrefix(tok, "comment"):
				return "comment"
			case strings.HasPrefix(tok, "sidebar"):
				return "aside"
			case tok == "ad" || tok == "ads" || strings.HasPrefix(tok, "advert"):
				return "ad"
			}
		}
	}
	return ""
}

type openElem struct {
	name      string
	container string
	start     int
	block     bool // the tag is one of blockTags
}

// splitHTML reads paragraphs from HTML: each block element's text is a
// paragraph; text outside any element is read line by line, as scrapers
// often leave Markdown links and bare URLs after the markup.
func splitHTML(input string, n *normalizer, warns *[]Warning) []*para {
	z := newHTMLTokenizer(input)
	var (
		paras   []*para
		stack   []openElem
		skip    []openElem // open elements whose text is skipped
		pStart  = -1       // start of the block element that owns the paragraph
		pName   string
		pDepth  int
		curElem string
	)
	container := func() string {
		if len(stack) == 0 {
			return ""
		}
		return stack[len(stack)-1].container
	}
	flush := func(outer0, outer1 int) {
		if m, ok := n.flush(input); ok {
			if outer0 < 0 {
				outer1 = -1
			}
			paras = append(paras, n.newPara(m, outer0, outer1, curElem, container()))
		}
		curElem = ""
	}
	loose := func() bool {
		for _, e := range stack {
			if e.name != "html" && e.name != "body" {
				return false
			}
		}
		return true
	}
	text := func(from, to int) {
		if len(skip) > 0 {
			return
		}
		if curElem == "" && len(stack) > 0 {
			curElem = stack[len(stack)-1].name
		}
		if !loose() {
			n.feed(input, from, to)
			return
		}
		for from < to {
			nl := strings.IndexByte(input[from:to], '\n')
			if nl < 0 {
				n.feed(input, from, to)
				return
			}
			n.feed(input, from, from+nl)
			flush(-1, -1)
			from += nl + 1
		}
	}
	for {
		tt := z.next()
		start, end := z.span()
		switch tt {
		case html.ErrorToken:
			// the input ends inside a tag: its bytes are the last token's
			if start < end || z.err() != io.EOF {
				*warns = append(*warns, Warning{Offset: start, Message: fmt.Sprintf("HTML ends inside markup: the last %d bytes were not read as text", len(input)-start)})
			}
			if len(skip) > 0 {
				*warns = append(*warns, Warning{Offset: skip[0].start, Message: fmt.Sprintf("<%s> is never closed: the %d bytes after it were not read as text", skip[0].name, len(input)-skip[0].start)})
			}
			flush(-1, -1)
			return paras
		case html.TextToken:
			text(start, end)
		case html.StartTagToken, html.SelfClosingTagToken:
			tag := strings.ToLower(z.tagName())
			if strings.ContainsRune(tag, ':') {
				// <http://…>: an autolink left by a Markdown scraper.
				text(start, end)
				continue
			}
			kind := tagKinds[tag]
			if len(skip) > 0 || kind&skipTag != 0 {
				if tt == html.StartTagToken && kind&voidTag == 0 {
					skip = append(skip, openElem{name: tag, start: start})
				}
				continue
			}
			var class, id string // a repeated attribute counts once, its first
			for i := range z.attrCount() {
				switch k, v := z.attr(i); k {
				case "class":
					class = v
				case "id":
					id = v
				}
			}
			if kind&blockTag != 0 {
				flush(-1, -1)
				pStart = -1
			}
			if tt == html.SelfClosingTagToken || kind&voidTag != 0 {
				continue
			}
			c := containerOf(tag, class, id)
			if c == "" {
				c = container()
			}
			if tag == "p" || tag == "li" {
				// an open <p> or <li> is closed by the next one
				for i := len(stack) - 1; i >= 0; i-- {
					if stack[i].name == tag {
						stack = stack[:i]
						break
					}
					if stack[i].block && stack[i].name != "span" {
						break
					}
				}
			}
			stack = append(stack, openElem{name: tag, container: c, start: start, block: kind&blockTag != 0})
			if kind&blockTag != 0 {
				pStart, pName, pDepth = start, tag, len(stack)
			}
		case html.EndTagToken:
			tag := strings.ToLower(z.tagName())
			if len(skip) > 0 {
				for i := len(skip) - 1; i >= 0; i-- {
					if skip[i].name == tag {
						skip = skip[:i]
						break
					}
				}
				continue
			}
			if tagKinds[tag]&blockTag != 0 {
				if pStart >= 0 && tag == pName && len(stack) == pDepth {
					flush(pStart, end)
				} else {
					flush(-1, -1)
				}
				pStart = -1
			}
			for i := len(stack) - 1; i >= 0; i-- {
				if stack[i].name == tag {
					stack = stack[:i]
					break
				}
			}
		}
	}
}

package extract

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Span is a range of bytes of the input: input[Start:End]. It is a plain
// value.
type Span struct{ Start, End int }

// Markers tie the text of the parsed tree to the input. The input is not
// given to the HTML parser as it is: a scanner reads it as an HTML5
// tokenizer does and writes a simpler page for the parser, token for token.
// Tags keep only the attributes the finder reads (class, id, style,
// hidden, the meta and link attributes, type, datetime), the text of
// scripts, styles and comments is left out (JSON-LD is kept), and in
// front of the visible part of every text (after its leading white space,
// so the parser treats it as before) goes a marker: U+FDD0, the text's
// number in hexadecimal digits U+FDE0–U+FDEF, and U+FDD1. These are
// noncharacters, which pages do not hold. A marker travels with its text
// wherever the parser puts it (a table's foster parent, a reopened
// formatting element), so each text node of the tree can be read back as
// the input spans it came from.
const (
	markOpen  = "\uFDD0"
	markClose = "\uFDD1"
	digit0    = 0xFDE0
)

// parse builds the HTML5 tree of input and the input spans of every text
// node. The tree's text has its markers removed. lost counts the visible
// text bytes the tree holds that carry no marker; they have no spans.
func parse(input string) (root *html.Node, spans map[*html.Node][]Span, lost int, err error) {
	sc := scanner{in: input}
	sc.out.Grow(len(input)/2 + 1024)
	sc.run()
	segs := sc.segs
	root, err = html.Parse(&sc.out)
	if err != nil {
		return nil, nil, 0, err
	}
	spans = make(map[*html.Node][]Span, len(segs))
	var walk func(n *html.Node, visible bool)
	walk = func(n *html.Node, visible bool) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				if !strings.Contains(c.Data, markOpen) {
					if visible && strings.TrimSpace(c.Data) != "" {
						lost += len(c.Data)
					}
					continue
				}
				var b strings.Builder
				b.Grow(len(c.Data))
				var ss []Span
				s := c.Data
				for {
					i := strings.Index(s, markOpen)
					if i < 0 {
						b.WriteString(s)
						break
					}
					id, rest, ok := readMarker(s[i+len(markOpen):])
					if !ok || id >= len(segs) {
						// not one of ours: keep it as text
						b.WriteString(s[:i+len(markOpen)])
						s = s[i+len(markOpen):]
						continue
					}
					b.WriteString(s[:i])
					ss = append(ss, segs[id])
					s = rest
				}
				c.Data = b.String()
				spans[c] = ss
			case html.ElementNode:
				walk(c, visible && !invisible(c))
			default:
				walk(c, visible)
			}
		}
	}
	walk(root, true)
	return root, spans, lost, nil
}

// scanner reads the input as tokens and writes the page the parser reads.
type scanner struct {
	in      string
	out     bytes.Buffer
	segs    []Span
	foreign int // depth of <svg> and <math>
	num     [8]byte
}

func (s *scanner) run() {
	in := s.in
	text := 0 // start of the text being read
	for i := 0; i < len(in); {
		j := strings.IndexByte(in[i:], '<')
		if j < 0 {
			break
		}
		j += i
		if j+1 >= len(in) {
			break
		}
		c := in[j+1]
		if !(isLetter(c) || c == '/' || c == '!' || c == '?') {
			i = j + 1
			continue
		}
		s.text(text, j)
		i = s.markup(j)
		text = i
	}
	s.text(text, len(in))
}

// text writes in[from:to], a text token, with its marker.
func (s *scanner) text(from, to int) {
	if from >= to {
		return
	}
	t := s.in[from:to]
	ws := 0
	for ws < len(t) && isHTMLSpace(t[ws]) {
		ws++
	}
	if ws == len(t) {
		return
	}
	s.out.WriteString(markOpen)
	id, n := len(s.segs), 0
	for {
		s.num[n] = byte(id & 15)
		n++
		id >>= 4
		if id == 0 {
			break
		}
	}
	for n > 0 {
		n--
		s.out.WriteRune(rune(digit0 + int(s.num[n])))
	}
	s.out.WriteString(markClose)
	if ws > 0 {
		// the white space before the text, as one space after the marker
		// (white space alone is not written: it would only make nodes)
		s.out.WriteByte(' ')
	}
	s.segs = append(s.segs, Span{from + ws, to})
	writeEscaped(&s.out, t[ws:], '<', "&lt;")
}

// writeEscaped writes t with every c replaced by esc.
func writeEscaped(b *bytes.Buffer, t string, c byte, esc string) {
	for {
		k := strings.IndexByte(t, c)
		if k < 0 {
			b.WriteString(t)
			return
		}
		b.WriteString(t[:k])
		b.WriteString(esc)
		t = t[k+1:]
	}
}

// markup reads the markup that starts at in[i] == '<' and returns where
// it ends. Markup cut off by the end of the input is dropped, as the
// parser drops it.
func (s *scanner) markup(i int) int {
	in := s.in
	switch c := in[i+1]; {
	case isLetter(c):
		return s.startTag(i)
	case c == '/':
		if i+2 < len(in) && in[i+2] == '>' {
			return i + 3 // </> is nothing
		}
		if i+2 < len(in) && isLetter(in[i+2]) {
			name, _, end := s.readTag(i+2, nil)
			if end < 0 {
				return len(in)
			}
			if s.foreign > 0 && (name == "svg" || name == "math") {
				s.foreign--
			}
			s.out.WriteString("</")
			s.out.WriteString(name)
			s.out.WriteByte('>')
			return end
		}
		return closeAngle(in, i+2) // a bogus comment
	case c == '?':
		return closeAngle(in, i+2)
	}
	// <!
	rest := in[i+2:]
	switch {
	case strings.HasPrefix(rest, "--"):
		return commentEnd(in, i+4)
	case len(rest) >= 7 && strings.EqualFold(rest[:7], "doctype"):
		end := closeAngle(in, i+2)
		s.out.WriteString(in[i:end])
		return end
	case s.foreign > 0 && strings.HasPrefix(rest, "[CDATA["):
		k := strings.Index(in[i+9:], "]]>")
		if k < 0 {
			return len(in)
		}
		return i + 9 + k + 3
	}
	return closeAngle(in, i+2)
}

// keptAttr holds the attributes written for the parser.
var keptAttr = map[string]bool{
	"class": true, "id": true, "style": true, "hidden": true, "name": true,
	"property": true, "content": true, "itemprop": true, "rel": true,
	"href": true, "type": true, "datetime": true, "encoding": true,
}

// startTag reads and writes the start tag at in[i], and the text of a raw
// text element after it.
func (s *scanner) startTag(i int) int {
	in := s.in
	mark := s.out.Len()
	s.out.WriteByte('<')
	name, self, end := s.readTag(i+1, &s.out)
	if end < 0 {
		s.out.Truncate(mark)
		return len(in)
	}
	if self {
		s.out.WriteByte('/')
	}
	s.out.WriteByte('>')
	if name == "svg" || name == "math" {
		if !self {
			s.foreign++
		}
		return end
	}
	if s.foreign > 0 || self && name != "script" && name != "style" {
		return end
	}
	keep := false
	switch name {
	case "script":
		keep = strings.Contains(strings.ToLower(in[i:end]), "ld+json")
	case "title":
		keep = true
	case "style", "xmp", "iframe", "noembed", "noframes", "noscript", "textarea":
	case "plaintext":
		return len(in)
	default:
		return end
	}
	// raw text: up to the element's end tag
	k := rawEnd(in, end, name)
	if keep {
		writeEscaped(&s.out, in[end:k], '<', "&lt;")
	}
	return k
}

// readTag reads a tag's name and attributes from in[i], the byte after
// "<" or "</", as the HTML5 tokenizer does, writing the name and the kept
// attributes to w (when not nil). It returns the lower-case name, whether
// the tag closes itself, and the offset after its ">", -1 when the input
// ends first.
func (s *scanner) readTag(i int, w *bytes.Buffer) (name string, self bool, end int) {
	in := s.in
	j := i
	for j < len(in) && !isHTMLSpace(in[j]) && in[j] != '/' && in[j] != '>' {
		j++
	}
	name = lowerASCII(in[i:j])
	if w != nil {
		w.WriteString(name)
	}
	for {
		for j < len(in) && isHTMLSpace(in[j]) {
			j++
		}
		if j >= len(in) {
			return name, false, -1
		}
		if in[j] == '>' {
			return name, j > i && in[j-1] == '/', j + 1
		}
		// attribute name
		k := j
		if in[k] == '/' {
			j++
			continue
		}
		for j < len(in) {
			c := in[j]
			if isHTMLSpace(c) || c == '/' || c == '>' || (c == '=' && j > k) {
				break
			}
			j++
		}
		key := in[k:j]
		// value
		v0, v1 := -1, -1
		p := j
		for p < len(in) && isHTMLSpace(in[p]) {
			p++
		}
		if p < len(in) && in[p] == '=' {
			p++
			for p < len(in) && isHTMLSpace(in[p]) {
				p++
			}
			if p >= len(in) {
				return name, false, -1
			}
			switch q := in[p]; q {
			case '>':
				j = p
			case '"', '\'':
				e := strings.IndexByte(in[p+1:], q)
				if e < 0 {
					return name, false, -1
				}
				v0, v1 = p+1, p+1+e
				j = v1 + 1
			default:
				e := p
				for e < len(in) && !isHTMLSpace(in[e]) && in[e] != '>' {
					e++
				}
				v0, v1 = p, e
				j = e
			}
		}
		if w != nil && key != "" {
			if lk := lowerASCII(key); keptAttr[lk] && (lk != "href" || name == "link") {
				w.WriteByte(' ')
				w.WriteString(lk)
				if v0 >= 0 {
					w.WriteString(`="`)
					writeEscaped(w, in[v0:v1], '"', "&quot;")
					w.WriteByte('"')
				}
			}
		}
	}
}

// rawEnd finds the end tag that closes a raw text element: "</name"
// in any case, then white space, "/" or ">". Without one the element runs
// to the end of the input.
func rawEnd(in string, from int, name string) int {
	for i := from; ; {
		k := strings.Index(in[i:], "</")
		if k < 0 {
			return len(in)
		}
		k += i
		e := k + 2 + len(name)
		if e <= len(in) && strings.EqualFold(in[k+2:e], name) && (e == len(in) || isHTMLSpace(in[e]) || in[e] == '/' || in[e] == '>') {
			return k
		}
		i = k + 2
	}
}

// closeAngle returns the offset after the next ">" from i, or the end.
func closeAngle(in string, i int) int {
	if i > len(in) {
		return len(in)
	}
	k := strings.IndexByte(in[i:], '>')
	if k < 0 {
		return len(in)
	}
	return i + k + 1
}

// commentEnd returns the end of a comment whose text starts at i (after
// "<!--"): "-->", "--!>", or "<!-->" and "<!--->" at once.
func commentEnd(in string, i int) int {
	if i >= len(in) {
		return len(in)
	}
	if in[i] == '>' {
		return i + 1
	}
	if strings.HasPrefix(in[i:], "->") {
		return i + 2
	}
	for j := i; ; {
		k := strings.Index(in[j:], "--")
		if k < 0 {
			return len(in)
		}
		k += j
		if strings.HasPrefix(in[k+2:], ">") {
			return k + 3
		}
		if strings.HasPrefix(in[k+2:], "!>") {
			return k + 4
		}
		j = k + 1
	}
}

func isLetter(c byte) bool { return (c|0x20) >= 'a' && (c|0x20) <= 'z' }

// lowerASCII returns s with ASCII letters in lower case.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

// readMarker reads the hexadecimal digits and closing mark that follow
// markOpen.
func readMarker(s string) (id int, rest string, ok bool) {
	digits := 0
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		if r >= digit0 && r <= digit0+15 && digits < 8 {
			id = id<<4 | int(r-digit0)
			digits++
			s = s[size:]
			continue
		}
		if r == 0xFDD1 && digits > 0 {
			return id, s[size:], true
		}
		return 0, "", false
	}
	return 0, "", false
}

func isHTMLSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

// invisible reports the elements whose text a reader never sees. A
// <select> is not among them, its options are: text inside a <select>
// that is never closed is the rest of the page, which the parser put there.
func invisible(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Head, atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Title,
		atom.Svg, atom.Math, atom.Iframe, atom.Object, atom.Option, atom.Optgroup,
		atom.Datalist, atom.Textarea, atom.Button, atom.Noembed, atom.Noframes,
		atom.Xmp, atom.Plaintext, atom.Input, atom.Canvas, atom.Audio, atom.Video, atom.Map:
		return true
	}
	return false
}

package extract

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// Span is a range of bytes of the input: input[Start:End].
type Span struct{ Start, End int }

// Markers tie the text of the parsed tree to the input. Before parsing, a
// marker is written into the input in front of the visible part of every
// text token (after its leading white space, so the parser treats the
// token as before): U+FDD0, the token's number in hexadecimal digits
// U+FDE0–U+FDEF, and U+FDD1. These are noncharacters, which pages do not
// hold. A marker travels with its text wherever the parser puts it (a
// table's foster parent, a reopened formatting element), so each text node
// of the tree can be read back as the input spans it came from.
const (
	markOpen  = "\uFDD0"
	markClose = "\uFDD1"
	digit0    = 0xFDE0
)

// parse builds the HTML5 tree of input and the input spans of every text
// node. The tree's text has its markers removed. lost counts the visible
// text bytes the tree holds that carry no marker (text the parser built
// in foreign content, say); they have no spans.
func parse(input string) (root *html.Node, spans map[*html.Node][]Span, lost int, err error) {
	var marked bytes.Buffer
	marked.Grow(len(input) + len(input)/8)
	var segs []Span
	z := html.NewTokenizer(strings.NewReader(input))
	z.SetMaxBuf(0)
	off, foreign := 0, 0
	var num [8]byte
	for {
		tt := z.Next()
		raw := z.Raw()
		start := off
		off += len(raw)
		switch tt {
		case html.ErrorToken:
			// the rest (an unfinished tag or comment) is what the parser sees too
			marked.WriteString(input[start:])
			goto parsed
		case html.TextToken:
			ws := 0
			for ws < len(raw) && isHTMLSpace(raw[ws]) {
				ws++
			}
			if ws == len(raw) {
				marked.Write(raw)
				continue
			}
			marked.Write(raw[:ws])
			marked.WriteString(markOpen)
			id := len(segs)
			n := 0
			for {
				num[n] = byte(id & 15)
				n++
				id >>= 4
				if id == 0 {
					break
				}
			}
			for n > 0 {
				n--
				marked.WriteRune(rune(digit0 + int(num[n])))
			}
			marked.WriteString(markClose)
			marked.Write(raw[ws:])
			segs = append(segs, Span{start + ws, off})
		case html.StartTagToken:
			name, _ := z.TagName()
			if string(name) == "svg" || string(name) == "math" {
				foreign++
			} else if foreign > 0 {
				// the parser reads no raw text in foreign content
				z.NextIsNotRawText()
			}
			z.AllowCDATA(foreign > 0)
			marked.Write(raw)
		case html.EndTagToken:
			name, _ := z.TagName()
			if foreign > 0 && (string(name) == "svg" || string(name) == "math") {
				foreign--
			}
			z.AllowCDATA(foreign > 0)
			marked.Write(raw)
		default:
			marked.Write(raw)
		}
	}
parsed:
	root, err = html.Parse(&marked)
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
			case html.CommentNode:
				// a comment holds no markers the tree shows
			case html.ElementNode:
				walk(c, visible && !invisibleTag[c.Data])
			default:
				walk(c, visible)
			}
		}
	}
	walk(root, true)
	return root, spans, lost, nil
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

// invisibleTag holds the elements whose text a reader never sees.
var invisibleTag = map[string]bool{
	"head": true, "script": true, "style": true, "noscript": true, "template": true,
	"title": true, "svg": true, "math": true, "iframe": true, "object": true,
	"select": true, "option": true, "optgroup": true, "datalist": true,
	"textarea": true, "button": true, "noembed": true, "noframes": true,
	"xmp": true, "plaintext": true, "input": true, "canvas": true, "audio": true,
	"video": true, "map": true,
}

package clean

import (
	"io"
	"strings"

	"golang.org/x/net/html"
)

// htmlTokenizer splits an HTML string into the token stream that
// golang.org/x/net/html's Tokenizer produces for it (with SetMaxBuf(0) and
// neither AllowCDATA nor NextIsNotRawText), but works on the string in place:
// text runs are found with strings.IndexByte and tags are parsed without
// copying. The raw spans of the tokens partition the input; the tokens' types,
// raw bytes, tag names, attributes and final error are those of x/net/html.
type htmlTokenizer struct {
	s          string         // the input
	start, end int            // raw span of the current token
	tt         html.TokenType // type of the current token
	eof        bool           // the input has been read to its end
	rawTag     string         // lower-cased element whose raw text comes next, as x/net/html's rawTag
	name       [2]int         // span of the current tag's name
	attrs      []tokAttr      // attributes kept for the current start tag
	attrBuf    [4]tokAttr     // first backing array of attrs
}

// tokAttr holds the spans of an attribute's key, s[k0:k1], and value, s[v0:v1].
type tokAttr struct{ k0, k1, v0, v1 int }

// newHTMLTokenizer returns a tokenizer over s, positioned before its first token.
func newHTMLTokenizer(s string) *htmlTokenizer {
	z := &htmlTokenizer{s: s}
	z.attrs = z.attrBuf[:0]
	return z
}

// next scans the next token and returns its type; it returns
// html.ErrorToken at the end of the input and whenever the input ends inside
// a tag, in which case raw holds that unfinished tag.
func (z *htmlTokenizer) next() html.TokenType {
	z.start = z.end
	z.name = [2]int{}
	z.attrs = z.attrs[:0]
	z.tt, z.end = z.scan(z.end)
	return z.tt
}

// raw returns the input bytes of the current token.
func (z *htmlTokenizer) raw() string { return z.s[z.start:z.end] }

// span returns the offsets of the current token's raw bytes in the input.
func (z *htmlTokenizer) span() (start, end int) { return z.start, z.end }

// err returns io.EOF after the final ErrorToken and nil otherwise, like
// x/net/html's Err on a strings.Reader: the input never fails to read.
func (z *htmlTokenizer) err() error {
	if z.tt == html.ErrorToken && z.eof {
		return io.EOF
	}
	return nil
}

// tagName returns the current tag's name as x/net/html's TagName does: ASCII
// upper case lowered and NUL bytes replaced by U+FFFD. It returns "" for
// tokens other than start, end and self-closing tags.
func (z *htmlTokenizer) tagName() string {
	switch z.tt {
	case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
		return tokLower(z.s[z.name[0]:z.name[1]])
	}
	return ""
}

// attrCount returns how many attributes the current start or self-closing tag
// has, not counting duplicates or empty keys (end tags have none).
func (z *htmlTokenizer) attrCount() int { return len(z.attrs) }

// attr returns the i-th attribute of the current tag as x/net/html's TagAttr
// does: the key with ASCII upper case lowered, the value with "\r\n" and "\r"
// turned into "\n" and character references decoded the way attribute values
// are, and NUL bytes in both replaced by U+FFFD.
func (z *htmlTokenizer) attr(i int) (key, val string) {
	a := z.attrs[i]
	return tokLower(z.s[a.k0:a.k1]), tokAttrValue(z.s[a.v0:a.v1])
}

// scan reads the token that starts at p and returns its type and end.
func (z *htmlTokenizer) scan(p int) (html.TokenType, int) {
	s := z.s
	if z.eof {
		return html.ErrorToken, p
	}
	if z.rawTag != "" {
		var e int
		switch z.rawTag {
		case "plaintext":
			e, z.eof = len(s), true // everything up to EOF, and rawTag stays set
		case "script":
			e, z.eof = scriptEnd(s, p)
			z.rawTag = ""
		default:
			e, z.eof = rawTextEnd(s, p, z.rawTag)
			z.rawTag = ""
		}
		if e > p {
			return html.TextToken, e
		}
	}
	for q := p; ; {
		i := strings.IndexByte(s[q:], '<')
		if i < 0 {
			break
		}
		q += i + 1
		if q == len(s) {
			break
		}
		c := s[q]
		if !tokLetter(c) && c != '/' && c != '!' && c != '?' {
			continue // '<' is text; c is looked at again
		}
		if q-1 > p {
			return html.TextToken, q - 1
		}
		q++ // past "<c"
		switch {
		case tokLetter(c):
			return z.startTag(q)
		case c == '!':
			return z.markup(q)
		case c == '?':
			return z.closeAngle(html.CommentToken, q-1)
		}
		// c == '/'
		if q == len(s) {
			break // "</" at EOF is text
		}
		switch c = s[q]; {
		case c == '>':
			return html.CommentToken, q + 1 // "</>"
		case tokLetter(c):
			e, ok := z.tag(q+1, false)
			if !ok {
				return html.ErrorToken, e
			}
			return html.EndTagToken, e
		}
		return z.closeAngle(html.CommentToken, q) // "</ ...>" and the like
	}
	z.eof = true
	if p < len(s) {
		return html.TextToken, len(s)
	}
	return html.ErrorToken, p
}

// startTag reads a start tag whose name's first letter ends at p, notes the
// raw text elements, and tells self-closing tags apart as x/net/html does:
// "/>" ends the tag and the '/' is not the end of the last kept attribute's
// unquoted value.
func (z *htmlTokenizer) startTag(p int) (html.TokenType, int) {
	e, ok := z.tag(p, true)
	if !ok {
		return html.ErrorToken, e
	}
	if t := tokRawTag(z.s[z.name[0]:z.name[1]]); t != "" {
		z.rawTag = t
	}
	if z.s[e-2] == '/' && (len(z.attrs) == 0 || e-2 != z.attrs[len(z.attrs)-1].v1-1) {
		return html.SelfClosingTagToken, e
	}
	return html.StartTagToken, e
}

// tokRawTag returns the lower-cased name if name is (case-insensitively) one
// of the elements whose content x/net/html reads as raw text, and "" if not.
func tokRawTag(name string) string {
	if len(name) < 3 || len(name) > 9 {
		return ""
	}
	for _, t := range [...]string{"iframe", "noembed", "noframes", "noscript", "plaintext", "script", "style", "textarea", "title", "xmp"} {
		if len(t) == len(name) && tokHasFold(name, t) {
			return t
		}
	}
	return ""
}

// tag reads a tag's name and attributes; p is just past the name's first
// byte. It returns the end of the tag, just past its '>', or len(s) and
// false if the input ends first. If keep, it records the attributes with a
// non-empty key not seen before in the tag (keys compared ignoring ASCII case).
func (z *htmlTokenizer) tag(p int, keep bool) (int, bool) {
	s, n := z.s, len(z.s)
	z.name[0] = p - 1
	for p < n && !tokSpace(s[p]) && s[p] != '/' && s[p] != '>' {
		p++
	}
	z.name[1] = p
	if p = tokSkipSpace(s, p); p == n {
		return z.fail()
	}
	for s[p] != '>' {
		// The key: a first '=' belongs to it, and so does anything up to
		// white space, '/', '>' or '='.
		k0 := p
		if s[p] != '/' {
			p++
			for p < n && !tokSpace(s[p]) && s[p] != '/' && s[p] != '>' && s[p] != '=' {
				p++
			}
		}
		k1 := p
		// The value, empty and at the key's end unless "=" follows.
		v0, v1 := k1, k1
		if p = tokSkipSpace(s, p); p == n {
			return z.fail()
		}
		switch s[p] {
		case '/':
			p++
		case '=':
			if p = tokSkipSpace(s, p+1); p == n {
				return z.fail()
			}
			switch q := s[p]; q {
			case '>':
			case '"', '\'':
				i := strings.IndexByte(s[p+1:], q)
				if i < 0 {
					return z.fail()
				}
				v0, v1 = p+1, p+1+i
				p = v1 + 1
			default:
				v0 = p
				for p++; p < n && !tokSpace(s[p]) && s[p] != '>'; p++ {
				}
				if p == n {
					return z.fail()
				}
				v1 = p
				if s[p] != '>' {
					p++
				}
			}
		}
		if keep && k1 > k0 && !z.seen(s[k0:k1]) {
			z.attrs = append(z.attrs, tokAttr{k0, k1, v0, v1})
		}
		if p = tokSkipSpace(s, p); p == n {
			return z.fail()
		}
	}
	return p + 1, true
}

// fail ends the input inside a tag: x/net/html returns an ErrorToken whose
// raw bytes are the unfinished tag.
func (z *htmlTokenizer) fail() (int, bool) {
	z.eof = true
	return len(z.s), false
}

// seen reports whether a kept attribute's key equals key ignoring ASCII case.
func (z *htmlTokenizer) seen(key string) bool {
	for _, a := range z.attrs {
		if a.k1-a.k0 == len(key) && tokEqualFold(z.s[a.k0:a.k1], key) {
			return true
		}
	}
	return false
}

// markup reads the token after "<!", which ends at p: a comment, a doctype
// ("<!doctype" in any case up to the next '>') or a bogus comment.
func (z *htmlTokenizer) markup(p int) (html.TokenType, int) {
	s := z.s[p:]
	switch {
	case strings.HasPrefix(s, "--"):
		return z.comment(p + 2)
	case len(s) >= 7 && tokEqualFold(s[:7], "doctype"):
		return z.closeAngle(html.DoctypeToken, p+7)
	}
	return z.closeAngle(html.CommentToken, p)
}

// closeAngle returns a token of type tt that ends after the first '>' at or
// after p, or at EOF.
func (z *htmlTokenizer) closeAngle(tt html.TokenType, p int) (html.TokenType, int) {
	if i := strings.IndexByte(z.s[p:], '>'); i >= 0 {
		return tt, p + i + 1
	}
	z.eof = true
	return tt, len(z.s)
}

// comment reads a comment whose body starts at c0, after "<!--". Like
// x/net/html it ends at the first '>' that directly follows the "<!--" or a
// "-" right after it ("<!-->", "<!--->"), or "--", or "--!"; or at EOF.
func (z *htmlTokenizer) comment(c0 int) (html.TokenType, int) {
	s := z.s
	for k := c0; ; k++ {
		i := strings.IndexByte(s[k:], '>')
		if i < 0 {
			z.eof = true
			return html.CommentToken, len(s)
		}
		k += i
		switch d := k - c0; {
		case d == 0, d == 1 && s[c0] == '-',
			d >= 2 && s[k-2:k] == "--",
			d >= 3 && s[k-3:k] == "--!":
			return html.CommentToken, k + 1
		}
	}
}

// rawTextEnd returns where the raw text of element tag (not script) that
// starts at p ends: at the "</tag" followed by white space, '/' or '>', with
// tag in any case, or at EOF, in which case eof is true.
func rawTextEnd(s string, p int, tag string) (end int, eof bool) {
	for {
		i := strings.IndexByte(s[p:], '<')
		if i < 0 || p+i+1 == len(s) {
			return len(s), true
		}
		lt := p + i
		p = lt + 1
		if s[p] != '/' {
			continue
		}
		switch q, r := tokEndTag(s, p+1, tag); r {
		case tokMatch:
			return lt, false
		case tokEOF:
			return len(s), true
		default:
			p = q
		}
	}
}

// Results of tokEndTag.
const (
	tokMismatch = iota // the name differs: the byte at the returned offset is read again
	tokMatch           // the name matches and the returned offset is the byte after it
	tokEOF             // the input ends first
)

// tokEndTag matches the rest of an end tag "</tag" after its "</", at p:
// the name tag (lower case) in any ASCII case followed by white space, '/'
// or '>'.
func tokEndTag(s string, p int, tag string) (int, int) {
	for i := 0; i < len(tag); i++ {
		if p+i == len(s) {
			return len(s), tokEOF
		}
		if c := s[p+i]; c != tag[i] && c != tag[i]-('a'-'A') {
			return p + i, tokMismatch
		}
	}
	p += len(tag)
	switch {
	case p == len(s):
		return p, tokEOF
	case tokSpace(s[p]) || s[p] == '/' || s[p] == '>':
		return p, tokMatch
	}
	return p, tokMismatch
}

// scriptEnd returns where the text of a script element that starts at p
// ends, following x/net/html's script data states: "<!--" starts escaped
// text, in which "<script" followed by white space, '/' or '>' starts double
// escaped text that "</script" ends and "</script" is not the end of the
// element; "-->" goes back to plain script data. It ends at EOF, with eof
// true, if no end tag counts.
func scriptEnd(s string, p int) (end int, eof bool) {
	const (
		data    = iota // script data
		escaped        // after "<!--"
		double         // after "<!--" and "<script"
	)
	n := len(s)
	state, dashes := data, 0 // dashes: '-' just read in (double) escaped text, up to 2
	for {
		if state == data {
			i := strings.IndexByte(s[p:], '<')
			if i < 0 {
				return n, true
			}
			lt := p + i
			p = lt + 1
			if p == n {
				return n, true
			}
			switch s[p] {
			case '/':
				q, r := tokEndTag(s, p+1, "script")
				switch r {
				case tokMatch:
					return lt, false
				case tokEOF:
					return n, true
				}
				p = q
			case '!':
				// "<!--" starts escaped text with both dashes counted, so
				// "<!-->" is back to script data at once.
				switch {
				case p+1 == n || s[p+1] == '-' && p+2 == n:
					return n, true
				case s[p+1] != '-':
					p++
				case s[p+2] != '-':
					p += 2
				default:
					state, dashes, p = escaped, 2, p+3
				}
			}
			continue
		}
		if p == n {
			return n, true
		}
		c := s[p]
		p++
		switch c {
		case '-':
			dashes = min(dashes+1, 2)
			continue
		case '>':
			if dashes == 2 {
				state = data
			}
		case '<':
			if p == n {
				return n, true
			}
			switch c := s[p]; {
			case c == '/':
				q, r := tokEndTag(s, p+1, "script")
				switch {
				case r == tokEOF:
					return n, true
				case r == tokMatch && state == escaped:
					return p - 1, false
				case r == tokMatch: // "</script" leaves double escaped text
					state, p = escaped, q+1
				default:
					p = q
				}
			case state == escaped && tokLetter(c):
				q, r := tokEndTag(s, p, "script")
				switch r {
				case tokEOF:
					return n, true
				case tokMatch:
					state, p = double, q+1
				default:
					p = q
				}
			case state == escaped:
				state = data // x/net/html goes back to script data here
			}
		}
		dashes = 0
	}
}

// tokLower lowers ASCII upper case and replaces NUL bytes with U+FFFD, as
// x/net/html does to tag names and attribute keys; it allocates only if s
// changes.
func tokLower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == 0 || 'A' <= c && c <= 'Z' {
			var b strings.Builder
			b.Grow(len(s) + 2)
			b.WriteString(s[:i])
			for ; i < len(s); i++ {
				switch c := s[i]; {
				case c == 0:
					b.WriteString("\ufffd")
				case 'A' <= c && c <= 'Z':
					b.WriteByte(c + 'a' - 'A')
				default:
					b.WriteByte(c)
				}
			}
			return b.String()
		}
	}
	return s
}

// tokAttrValue turns an attribute's raw value into what x/net/html's TagAttr
// returns: NUL bytes become U+FFFD, "\r\n" and "\r" become "\n", and
// character references are decoded as in an attribute value.
func tokAttrValue(v string) string {
	nul, cr, amp := strings.IndexByte(v, 0) >= 0, strings.IndexByte(v, '\r') >= 0, strings.IndexByte(v, '&') >= 0
	if nul {
		v = strings.ReplaceAll(v, "\x00", "\ufffd")
	}
	if cr {
		v = strings.ReplaceAll(strings.ReplaceAll(v, "\r\n", "\n"), "\r", "\n")
	}
	if !amp {
		return v
	}
	var b strings.Builder
	b.Grow(len(v))
	i := strings.IndexByte(v, '&')
	b.WriteString(v[:i])
	for i < len(v) {
		// A reference never reaches past the next '&', so each piece from
		// one '&' to the next is decoded on its own.
		e := len(v)
		if j := strings.IndexByte(v[i+1:], '&'); j >= 0 {
			e = i + 1 + j
		}
		b.WriteString(tokAttrRef(v[i:e]))
		i = e
	}
	return b.String()
}

// tokAttrRef decodes the character reference that starts s, which begins
// with '&' and holds no other '&', as x/net/html does in attribute values.
// It leans on html.UnescapeString, which decodes text rather than attribute
// values: the two differ only for named references, where an attribute
// keeps "&name=" for a name without ';' and keeps a name that is not an
// entity as it is, while text decodes its longest prefix that is an entity
// valid without ';' ("&notit;" is "¬it;" in text, itself in an attribute).
func tokAttrRef(s string) string {
	if len(s) > 1 && s[1] == '#' {
		return html.UnescapeString(s)
	}
	i := 1
	for i < len(s) && tokAlnum(s[i]) {
		i++
	}
	if i < len(s) && s[i] == ';' {
		i++
	}
	name := s[1:i]
	if name == "" || name[len(name)-1] != ';' && i < len(s) && s[i] == '=' {
		return s
	}
	r := html.UnescapeString(s[:i])
	if r == s[:i] {
		return s
	}
	// Did UnescapeString decode a prefix name[:j] and keep name[j:]? It
	// tries j up to 6, the longest entity without ';'.
	for j := 2; j < len(name) && j <= 6; j++ {
		if strings.HasSuffix(r, name[j:]) {
			if p := html.UnescapeString(s[:j+1]); p != s[:j+1] && p+name[j:] == r {
				return s
			}
		}
	}
	return r + s[i:]
}

// tokSkipSpace returns the offset of the first byte at or after p that is not
// HTML white space, or len(s).
func tokSkipSpace(s string, p int) int {
	for p < len(s) && tokSpace(s[p]) {
		p++
	}
	return p
}

// tokSpace reports whether c is white space to x/net/html's tokenizer
// (vertical tab is not).
func tokSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f'
}

// tokLetter reports whether c is an ASCII letter.
func tokLetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// tokAlnum reports whether c is an ASCII letter or digit.
func tokAlnum(c byte) bool { return tokLetter(c) || '0' <= c && c <= '9' }

// tokEqualFold reports whether a and b, of the same length, are equal
// ignoring ASCII case only.
func tokEqualFold(a, b string) bool {
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}

// tokHasFold reports whether s equals the lower-case ASCII word t ignoring
// ASCII case; s and t have the same length.
func tokHasFold(s, t string) bool {
	for i := 0; i < len(t); i++ {
		if s[i] != t[i] && s[i] != t[i]-('a'-'A') {
			return false
		}
	}
	return true
}

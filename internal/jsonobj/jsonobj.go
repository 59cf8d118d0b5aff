// Package jsonobj reads chosen top-level members of a JSON object in one
// pass, without reflection: the records of a JSONL corpus, millions of
// lines of a few known keys. It accepts only what encoding/json accepts,
// and where it answers, it answers as encoding/json decoding into a
// struct with those keys would; where it cannot be sure (a key with
// escapes, a key equal to a wanted one but for letter case, deep nesting,
// invalid JSON) it says so, and the caller decodes with encoding/json,
// which then gives the value or the error.
package jsonobj

import (
	"bytes"
	"unicode/utf16"
	"unicode/utf8"
)

// maxDepth is the deepest nesting read; deeper values are left to
// encoding/json.
const maxDepth = 200

// Members parses data, which must be valid UTF-8, as one JSON object and
// sets vals[i] to the raw value of the member named keys[i] (nil when
// there is none; the last when the key is given twice), as
// json.RawMessage fields would hold them. It returns false when data is
// not an object this reader accepts; vals are then undefined.
func Members(data []byte, keys []string, vals [][]byte) bool {
	for i := range vals {
		vals[i] = nil
	}
	p := parser{b: data}
	p.ws()
	if !p.eat('{') {
		return false
	}
	p.ws()
	if p.eat('}') {
		return p.end()
	}
	for {
		p.ws()
		k0 := p.i
		if !p.str() {
			return false
		}
		key := data[k0+1 : p.i-1]
		if bytes.IndexByte(key, '\\') >= 0 {
			return false
		}
		p.ws()
		if !p.eat(':') {
			return false
		}
		p.ws()
		v0 := p.i
		if !p.value(0) {
			return false
		}
		for j, k := range keys {
			switch {
			case string(key) == k:
				vals[j] = data[v0:p.i]
			case bytes.EqualFold(key, []byte(k)):
				return false // encoding/json matches keys regardless of case
			}
		}
		p.ws()
		if p.eat(',') {
			continue
		}
		if p.eat('}') {
			return p.end()
		}
		return false
	}
}

// String returns the text of a raw JSON string value as encoding/json
// decodes it (a lone surrogate escape becomes U+FFFD), and false for any
// other value, null included. raw must be valid JSON, as Members gives.
func String(raw []byte) (string, bool) {
	if len(raw) < 2 || raw[0] != '"' {
		return "", false
	}
	in := raw[1 : len(raw)-1]
	if bytes.IndexByte(in, '\\') < 0 {
		return string(in), true
	}
	out := make([]byte, 0, len(in))
	for i := 0; i < len(in); {
		c := in[i]
		if c != '\\' {
			j := bytes.IndexByte(in[i:], '\\')
			if j < 0 {
				j = len(in) - i
			}
			out = append(out, in[i:i+j]...)
			i += j
			continue
		}
		e := in[i+1]
		i += 2
		switch e {
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			r := hex4(in[i:])
			i += 4
			if utf16.IsSurrogate(r) {
				if i+6 <= len(in) && in[i] == '\\' && in[i+1] == 'u' {
					if d := utf16.DecodeRune(r, hex4(in[i+2:])); d != utf8.RuneError {
						out = utf8.AppendRune(out, d)
						i += 6
						continue
					}
				}
				r = utf8.RuneError
			}
			out = utf8.AppendRune(out, r)
		default: // " \ /
			out = append(out, e)
		}
	}
	return string(out), true
}

func hex4(b []byte) rune {
	var r rune
	for _, c := range b[:4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		}
		r = r<<4 | rune(c)
	}
	return r
}

type parser struct {
	b []byte
	i int
}

func (p *parser) ws() {
	for p.i < len(p.b) {
		switch p.b[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

func (p *parser) eat(c byte) bool {
	if p.i < len(p.b) && p.b[p.i] == c {
		p.i++
		return true
	}
	return false
}

// end reports that nothing but white space follows.
func (p *parser) end() bool {
	p.ws()
	return p.i == len(p.b)
}

// str reads a string, checking its escapes and that it holds no control
// characters.
func (p *parser) str() bool {
	if !p.eat('"') {
		return false
	}
	for p.i < len(p.b) {
		c := p.b[p.i]
		switch {
		case c == '"':
			p.i++
			return true
		case c < 0x20:
			return false
		case c == '\\':
			if p.i+1 >= len(p.b) {
				return false
			}
			switch p.b[p.i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				p.i += 2
			case 'u':
				if p.i+6 > len(p.b) {
					return false
				}
				for _, h := range p.b[p.i+2 : p.i+6] {
					if !('0' <= h && h <= '9' || 'a' <= h && h <= 'f' || 'A' <= h && h <= 'F') {
						return false
					}
				}
				p.i += 6
			default:
				return false
			}
		default:
			// a run of ordinary bytes
			j := p.i + 1
			for j < len(p.b) && p.b[j] != '"' && p.b[j] != '\\' && p.b[j] >= 0x20 {
				j++
			}
			p.i = j
		}
	}
	return false
}

func (p *parser) value(depth int) bool {
	if p.i >= len(p.b) || depth > maxDepth {
		return false
	}
	switch c := p.b[p.i]; {
	case c == '"':
		return p.str()
	case c == '{':
		p.i++
		return p.items('}', func() bool {
			if !p.str() {
				return false
			}
			p.ws()
			if !p.eat(':') {
				return false
			}
			p.ws()
			return p.value(depth + 1)
		})
	case c == '[':
		p.i++
		return p.items(']', func() bool { return p.value(depth + 1) })
	case c == 't':
		return p.word("true")
	case c == 'f':
		return p.word("false")
	case c == 'n':
		return p.word("null")
	case c == '-' || '0' <= c && c <= '9':
		return p.number()
	}
	return false
}

// items reads the items of an object or an array, after its opening:
// none, or item() separated by commas, then end.
func (p *parser) items(end byte, item func() bool) bool {
	p.ws()
	if p.eat(end) {
		return true
	}
	for {
		p.ws()
		if !item() {
			return false
		}
		p.ws()
		if !p.eat(',') {
			return p.eat(end)
		}
	}
}

func (p *parser) word(w string) bool {
	if bytes.HasPrefix(p.b[p.i:], []byte(w)) {
		p.i += len(w)
		return true
	}
	return false
}

// number reads -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func (p *parser) number() bool {
	p.eat('-')
	digits := func() int {
		n := 0
		for p.i < len(p.b) && '0' <= p.b[p.i] && p.b[p.i] <= '9' {
			p.i++
			n++
		}
		return n
	}
	switch {
	case p.eat('0'):
	case digits() == 0:
		return false
	}
	if p.eat('.') && digits() == 0 {
		return false
	}
	if p.i < len(p.b) && (p.b[p.i] == 'e' || p.b[p.i] == 'E') {
		p.i++
		if !p.eat('+') {
			p.eat('-')
		}
		if digits() == 0 {
			return false
		}
	}
	return true
}

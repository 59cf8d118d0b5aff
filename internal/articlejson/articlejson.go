// Package articlejson writes a cnnews.Article's JSON without reflection,
// byte for byte as encoding/json writes it with HTML escaping off (the
// struct tags stay the one definition; the tests hold the two equal).
// cnnews clean --json and every line of cnnews run go through it: with
// the removals of long articles, encoding by reflection was a sixth of
// the command's time.
package articlejson

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/bits"
	"strconv"
	"unicode/utf8"

	"github.com/cnnews/cnnews"
	"github.com/cnnews/cnnews/clean"
	"github.com/cnnews/cnnews/decode"
)

// AppendFields appends the members of a's JSON object, without the
// braces: `"name":…,"text":…,…`.
func AppendFields(dst []byte, a *cnnews.Article) ([]byte, error) {
	o := object{dst: dst}
	if a.Name != "" {
		o.str("name", a.Name)
	}
	o.key("text")
	o.dst = AppendString(o.dst, a.Text)
	o.key("meta")
	var err error
	if o.dst, err = appendMeta(o.dst, &a.Meta); err != nil {
		return o.dst, err
	}
	if len(a.Removed) > 0 {
		o.key("removed")
		o.dst = appendArray(o.dst, a.Removed, func(dst []byte, r clean.Removal) []byte {
			dst = append(dst, `{"rule":`...)
			dst = AppendString(dst, r.Rule)
			dst = append(dst, `,"category":`...)
			dst = AppendString(dst, string(r.Category))
			dst = append(dst, `,"text":`...)
			dst = AppendString(dst, r.Text)
			dst = append(dst, `,"line":`...)
			dst = strconv.AppendInt(dst, int64(r.Line), 10)
			dst = append(dst, `,"start":`...)
			dst = strconv.AppendInt(dst, int64(r.Start), 10)
			dst = append(dst, `,"end":`...)
			dst = strconv.AppendInt(dst, int64(r.End), 10)
			return append(dst, '}')
		})
	}
	if len(a.Warnings) > 0 {
		o.key("warnings")
		o.dst = appendArray(o.dst, a.Warnings, func(dst []byte, w clean.Warning) []byte {
			dst = append(dst, `{"line":`...)
			dst = strconv.AppendInt(dst, int64(w.Line), 10)
			dst = append(dst, `,"offset":`...)
			dst = strconv.AppendInt(dst, int64(w.Offset), 10)
			dst = append(dst, `,"message":`...)
			dst = AppendString(dst, w.Message)
			return append(dst, '}')
		})
	}
	o.key("encoding")
	if d, ok := appendReport(o.dst, a.Encoding); ok {
		o.dst = d
	} else {
		enc, err := a.Encoding.MarshalJSON()
		if err != nil {
			return o.dst, err
		}
		o.dst = append(o.dst, enc...)
	}
	o.key("format")
	o.dst = AppendString(o.dst, string(a.Format))
	o.key("script")
	o.dst = AppendString(o.dst, a.Script.String())
	o.str("converted", a.Converted)
	if a.Repaired != 0 {
		o.key("repaired")
		o.dst = strconv.AppendInt(o.dst, int64(a.Repaired), 10)
	}
	return o.dst, nil
}

// Append appends a's JSON object.
func Append(dst []byte, a *cnnews.Article) ([]byte, error) {
	dst = append(dst, '{')
	dst, err := AppendFields(dst, a)
	return append(dst, '}'), err
}

// object writes the members of a JSON object, a comma before each but
// the first.
type object struct {
	dst []byte
	n   int
}

func (o *object) key(k string) {
	if o.n > 0 {
		o.dst = append(o.dst, ',')
	}
	o.n++
	o.dst = append(o.dst, '"')
	o.dst = append(o.dst, k...)
	o.dst = append(o.dst, '"', ':')
}

// str writes a string member, left out when empty (omitempty).
func (o *object) str(k, v string) {
	if v != "" {
		o.key(k)
		o.dst = AppendString(o.dst, v)
	}
}

// strs writes a list of strings, left out when empty (omitempty).
func (o *object) strs(k string, v []string) {
	if len(v) > 0 {
		o.key(k)
		o.dst = appendArray(o.dst, v, AppendString)
	}
}

// appendArray appends a JSON array of list's elements, each written by
// each.
func appendArray[T any](dst []byte, list []T, each func([]byte, T) []byte) []byte {
	dst = append(dst, '[')
	for i, x := range list {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = each(dst, x)
	}
	return append(dst, ']')
}

func appendMeta(dst []byte, m *cnnews.Meta) ([]byte, error) {
	o := object{dst: append(dst, '{')}
	o.str("title", m.Title)
	o.str("original_title", m.OriginalTitle)
	o.str("source", m.Source)
	o.strs("editors", m.Editors)
	o.strs("reporters", m.Reporters)
	o.strs("photographers", m.Photographers)
	o.str("published", m.Published)
	if !m.PublishedAt.IsZero() {
		o.key("published_at")
		b, err := m.PublishedAt.MarshalJSON()
		if err != nil {
			return o.dst, fmt.Errorf("json: error calling MarshalJSON for type time.Time: %w", err)
		}
		o.dst = append(o.dst, b...)
	}
	o.str("dateline", m.Dateline)
	if len(m.Credits) > 0 {
		o.key("credits")
		o.dst = appendArray(o.dst, m.Credits, func(dst []byte, c clean.Credit) []byte {
			dst = append(dst, `{"role":`...)
			dst = AppendString(dst, c.Role)
			dst = append(dst, `,"name":`...)
			dst = AppendString(dst, c.Name)
			return append(dst, '}')
		})
	}
	o.str("site_name", m.SiteName)
	o.str("url", m.URL)
	o.strs("authors", m.Authors)
	o.strs("categories", m.Categories)
	o.strs("tags", m.Tags)
	if len(m.Front) > 0 {
		// decoded front matter of any shape: encoding/json's own work
		o.key("front")
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(m.Front); err != nil {
			return o.dst, err
		}
		o.dst = append(o.dst, bytes.TrimRight(buf.Bytes(), "\n")...)
	}
	return append(o.dst, '}'), nil
}

// AppendString appends s as a JSON string, escaped as encoding/json
// escapes it with HTML escaping off: quotes, backslashes and control
// characters, U+2028 and U+2029, and each invalid byte as \ufffd.
//
// The bytes that need no escaping are copied in runs, found eight bytes
// at a time: ASCII up to the next byte that needs escaping, and runs of
// three-byte characters (see threeRun). Other characters are decoded one
// at a time.
func AppendString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			if i+8 <= len(s) {
				if n := bits.TrailingZeros64(needsEscape(load64(s[i:]))) >> 3; n > 0 {
					i += n
					continue
				}
			} else if b >= 0x20 && b != '"' && b != '\\' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '\\', '"':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				const hex = "0123456789abcdef"
				dst = append(dst, '\\', 'u', '0', '0', hex[b>>4], hex[b&0xF])
			}
			i++
			start = i
			continue
		}
		if n := threeRun(s[i:]); n > 0 {
			i += n
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\u202`...)
			dst = append(dst, "89"[r-'\u2028'])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// threeRun returns the length of the run of three-byte characters that
// need no escaping at the start of s: the characters whose lead byte is
// E1–EC, EE or EF, after which any two continuation bytes make a
// character, other than U+2028 and U+2029 (E2 80 A8 and E2 80 A9). It
// reads four characters at a time, from two eight-byte loads, while
// their lead bytes are not E2, then one. A load reads past the characters
// it checks: one among the last three bytes of s ends the run.
func threeRun(s string) int {
	q := s
	for {
		for len(q) >= 14 {
			w, v := load64(q), load64(q[6:])
			const shape, want = 0xC0C0F0C0C0F0, 0x8080E08080E0
			if (w&shape^want)|(v&shape^want) != 0 || !goodLeads(w&0x0F00000F|v&0x0F00000F<<8) {
				break
			}
			q = q[12:]
		}
		if len(q) < 4 {
			break
		}
		w := uint64(load32(q))
		if w&0xC0C0F0 != 0x8080E0 || !goodLead(w&0x0F) || w&0xFEFFFF == 0xA880E2 {
			break
		}
		q = q[3:]
	}
	return len(s) - len(q)
}

// goodLeads reports whether the low nibbles of four lead bytes E0–EF,
// held in bytes 0, 1, 3 and 4 of x (x holds nothing else), are none of
// 0, 2 and D: the lead bytes are not E0 or ED, whose second byte has a
// narrower range, nor E2, which may start U+2028 or U+2029. A byte of at
// most 0F plus 7F has its top bit set when it is not 0.
func goodLeads(x uint64) bool {
	const k, top, ones = 0x7F7F007F7F, 0x8080008080, 0x0101000101
	return (x+k)&(x^0xD*ones+k)&(x^2*ones+k)&top == top
}

// goodLead reports whether n, the low nibble of a lead byte E0–EF, is
// neither 0 nor D: the lead byte is not E0 or ED.
func goodLead(n uint64) bool { return 0x2001>>n&1 == 0 }

// needsEscape marks, in the top bit of each byte, the bytes of w (eight
// bytes read little-endian) at and after the first one that is not ASCII
// written as it is: the first is marked exactly, the bytes after it may
// be marked or not. A byte is marked when it is above ASCII, below 0x20
// (its top bit set by the subtraction), or a quote or backslash (zero
// after the exclusive or, its top bit set by the subtraction). A
// subtraction borrows only from a byte that is itself marked, so the
// bytes before the first marked one are read exactly.
func needsEscape(w uint64) uint64 {
	const ones, top = 0x0101010101010101, 0x8080808080808080
	q, bs := w^('"'*ones), w^('\\'*ones)
	return (w | (w - 0x20*ones) | (q-ones)&^q | (bs-ones)&^bs) & top
}

// load64 reads the first eight bytes of s little-endian.
func load64(s string) uint64 {
	s = s[:8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// load32 reads the first four bytes of s little-endian.
func load32(s string) uint32 {
	s = s[:4]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

// appendReport appends r as its MarshalJSON writes it, when its names are
// plain ASCII that needs no escaping (as they are unless a page declares
// an odd charset), and reports whether it did.
func appendReport(dst []byte, r decode.Report) ([]byte, bool) {
	if !plainName(r.Encoding) || !plainName(r.Declared) {
		return dst, false
	}
	dst = append(dst, `{"encoding":"`...)
	dst = append(dst, r.Encoding...)
	dst = append(dst, '"')
	if r.BOM {
		dst = append(dst, `,"bom":true`...)
	}
	if r.Declared != "" {
		dst = append(dst, `,"declared":"`...)
		dst = append(dst, r.Declared...)
		dst = append(dst, '"')
	}
	if r.Replaced != 0 {
		dst = append(dst, `,"replaced":`...)
		dst = strconv.AppendInt(dst, int64(r.Replaced), 10)
	}
	if len(r.Invalid) > 0 {
		dst = append(dst, `,"invalid":[`...)
		for i, n := range r.Invalid {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = strconv.AppendInt(dst, int64(n), 10)
		}
		dst = append(dst, ']')
	}
	if r.Replaced > 0 {
		dst = append(dst, `,"first_invalid":`...)
		dst = strconv.AppendInt(dst, int64(r.FirstInvalid), 10)
	}
	return append(dst, '}'), true
}

// plainName reports a string that JSON writes as it is: printable ASCII
// but for the quote, the backslash and the characters encoding/json
// escapes for HTML.
func plainName(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x20 || c >= 0x7F, c == '"', c == '\\', c == '<', c == '>', c == '&':
			return false
		}
	}
	return true
}

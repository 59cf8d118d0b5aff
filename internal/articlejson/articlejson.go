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
	"strconv"
	"unicode/utf8"

	"github.com/cnnews/cnnews"
	"github.com/cnnews/cnnews/clean"
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
	enc, err := a.Encoding.MarshalJSON()
	if err != nil {
		return o.dst, err
	}
	o.dst = append(o.dst, enc...)
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
func AppendString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		b := s[i]
		switch {
		case b >= 0x20 && b < utf8.RuneSelf && b != '"' && b != '\\':
			i++
			continue
		case (b >= 0xE3 && b <= 0xEC || b == 0xE1 || b == 0xEE || b == 0xEF) && i+2 < len(s) &&
			s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80:
			// a three-byte character whose second byte may be any
			// continuation byte (not E0, E2 or ED): the bulk of Chinese
			i += 3
			continue
		case b < utf8.RuneSelf:
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

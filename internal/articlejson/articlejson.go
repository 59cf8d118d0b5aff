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
	first := true
	key := func(k string) {
		if !first {
			dst = append(dst, ',')
		}
		first = false
		dst = append(dst, '"')
		dst = append(dst, k...)
		dst = append(dst, '"', ':')
	}
	if a.Name != "" {
		key("name")
		dst = AppendString(dst, a.Name)
	}
	key("text")
	dst = AppendString(dst, a.Text)
	key("meta")
	var err error
	if dst, err = appendMeta(dst, &a.Meta); err != nil {
		return dst, err
	}
	if len(a.Removed) > 0 {
		key("removed")
		dst = append(dst, '[')
		for i, r := range a.Removed {
			if i > 0 {
				dst = append(dst, ',')
			}
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
			dst = append(dst, '}')
		}
		dst = append(dst, ']')
	}
	if len(a.Warnings) > 0 {
		key("warnings")
		dst = appendWarnings(dst, a.Warnings)
	}
	key("encoding")
	enc, err := a.Encoding.MarshalJSON()
	if err != nil {
		return dst, err
	}
	dst = append(dst, enc...)
	key("format")
	dst = AppendString(dst, string(a.Format))
	key("script")
	dst = AppendString(dst, a.Script.String())
	if a.Converted != "" {
		key("converted")
		dst = AppendString(dst, a.Converted)
	}
	if a.Repaired != 0 {
		key("repaired")
		dst = strconv.AppendInt(dst, int64(a.Repaired), 10)
	}
	return dst, nil
}

// Append appends a's JSON object.
func Append(dst []byte, a *cnnews.Article) ([]byte, error) {
	dst = append(dst, '{')
	dst, err := AppendFields(dst, a)
	return append(dst, '}'), err
}

func appendWarnings(dst []byte, ws []clean.Warning) []byte {
	dst = append(dst, '[')
	for i, w := range ws {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, `{"line":`...)
		dst = strconv.AppendInt(dst, int64(w.Line), 10)
		dst = append(dst, `,"offset":`...)
		dst = strconv.AppendInt(dst, int64(w.Offset), 10)
		dst = append(dst, `,"message":`...)
		dst = AppendString(dst, w.Message)
		dst = append(dst, '}')
	}
	return append(dst, ']')
}

func appendStrings(dst []byte, list []string) []byte {
	dst = append(dst, '[')
	for i, s := range list {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = AppendString(dst, s)
	}
	return append(dst, ']')
}

func appendMeta(dst []byte, m *cnnews.Meta) ([]byte, error) {
	dst = append(dst, '{')
	first := true
	key := func(k string) {
		if !first {
			dst = append(dst, ',')
		}
		first = false
		dst = append(dst, '"')
		dst = append(dst, k...)
		dst = append(dst, '"', ':')
	}
	str := func(k, v string) {
		if v != "" {
			key(k)
			dst = AppendString(dst, v)
		}
	}
	list := func(k string, v []string) {
		if len(v) > 0 {
			key(k)
			dst = appendStrings(dst, v)
		}
	}
	str("title", m.Title)
	str("original_title", m.OriginalTitle)
	str("source", m.Source)
	list("editors", m.Editors)
	list("reporters", m.Reporters)
	list("photographers", m.Photographers)
	str("published", m.Published)
	if !m.PublishedAt.IsZero() {
		key("published_at")
		b, err := m.PublishedAt.MarshalJSON()
		if err != nil {
			return dst, fmt.Errorf("json: error calling MarshalJSON for type time.Time: %w", err)
		}
		dst = append(dst, b...)
	}
	str("dateline", m.Dateline)
	if len(m.Credits) > 0 {
		key("credits")
		dst = append(dst, '[')
		for i, c := range m.Credits {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = append(dst, `{"role":`...)
			dst = AppendString(dst, c.Role)
			dst = append(dst, `,"name":`...)
			dst = AppendString(dst, c.Name)
			dst = append(dst, '}')
		}
		dst = append(dst, ']')
	}
	str("site_name", m.SiteName)
	str("url", m.URL)
	list("authors", m.Authors)
	list("categories", m.Categories)
	list("tags", m.Tags)
	if len(m.Front) > 0 {
		// decoded front matter of any shape: encoding/json's own work
		key("front")
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(m.Front); err != nil {
			return dst, err
		}
		dst = append(dst, bytes.TrimRight(buf.Bytes(), "\n")...)
	}
	return append(dst, '}'), nil
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

package clean

import (
	"strings"
	"time"

	"github.com/cnnews/cnnews/extract"
)

type metaBuilder struct{ m Meta }

func (b *metaBuilder) add(fields []Field) {
	m := &b.m
	for _, f := range fields {
		v := strings.TrimSpace(f.Value)
		if v == "" {
			continue
		}
		switch f.Key {
		case FieldSource:
			setFirst(&m.Source, v)
		case FieldTitle:
			setFirst(&m.Title, v)
		case FieldOriginalTitle:
			setFirst(&m.OriginalTitle, v)
		case FieldDateline:
			setFirst(&m.Dateline, v)
		case FieldPublished:
			if setFirst(&m.Published, v) {
				m.PublishedAt, _ = ParseTime(v)
			}
		case FieldEditor:
			m.Editors = appendNew(m.Editors, v)
		case FieldReporter:
			m.Reporters = appendNew(m.Reporters, v)
		case FieldPhotographer:
			m.Photographers = appendNew(m.Photographers, v)
		}
		if f.Role != "" || f.Key == FieldEditor || f.Key == FieldReporter || f.Key == FieldPhotographer || f.Key == FieldCredit {
			role := f.Role
			if role == "" {
				role = string(f.Key)
			}
			c := Credit{Role: role, Name: v}
			dup := false
			for _, x := range m.Credits {
				dup = dup || x == c
			}
			if !dup {
				m.Credits = append(m.Credits, c)
			}
		}
	}
}

func (b *metaBuilder) meta() Meta { return b.m }

// setFirst sets *field to v unless it is set already; the first value an
// article gives wins.
func setFirst(field *string, v string) bool {
	if *field != "" {
		return false
	}
	*field = v
	return true
}

func appendNew(list []string, v string) []string {
	for _, x := range list {
		if x == v {
			return list
		}
	}
	return append(list, v)
}

// ParseTime parses a publish time as Chinese news headers write it:
// 2022-05-09 15:11:00, 2022/5/9 15:11, 2022年5月9日 15:11, 2022.05.09 and
// the like, with or without seconds or a time of day, or RFC 3339. A time
// with no zone is taken as China Standard Time (UTC+8), which has had no
// daylight saving since 1991. It reports false when s is not such a time.
// It is [extract.ParseTime].
func ParseTime(s string) (time.Time, bool) { return extract.ParseTime(s) }

package clean

import (
	"regexp"
	"strings"
	"time"
)

// chinaTime is the zone of times written without one: China Standard Time,
// UTC+8, which has had no daylight saving since 1991.
var chinaTime = time.FixedZone("CST", 8*3600)

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

var reTimeParts = regexp.MustCompile(`^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s*[T ]?\s*(\d{1,2})[:：时](\d{1,2})(?:[:：分](\d{1,2}))?秒?)?$`)

// ParseTime parses a publish time as Chinese news headers write it:
// 2022-05-09 15:11:00, 2022/5/9 15:11, 2022年5月9日 15:11, 2022.05.09 and
// the like, with or without seconds or a time of day. A time with no zone
// is taken as China Standard Time (UTC+8). It reports false when s is not
// such a time.
func ParseTime(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, true
	}
	m := reTimeParts.FindStringSubmatch(s)
	if m == nil {
		return time.Time{}, false
	}
	num := func(x string) int {
		n := 0
		for _, c := range x {
			n = n*10 + int(c-'0')
		}
		return n
	}
	y, mo, d := num(m[1]), num(m[2]), num(m[3])
	h, mi, sec := num(m[4]), num(m[5]), num(m[6])
	if mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(mo), d, h, mi, sec, 0, chinaTime)
	if t.Day() != d {
		return time.Time{}, false // 2月30日
	}
	return t, true
}

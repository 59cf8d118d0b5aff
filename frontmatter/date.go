package frontmatter

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// chinaTime is the default zone of dates written without one: China
// Standard Time, UTC+8, which Asia/Shanghai has kept without daylight
// saving since 1991. A fixed zone needs no time zone database.
var chinaTime = time.FixedZone("CST", 8*3600)

// layouts are the date forms found in Jekyll and Hugo front matter and in
// Chinese news, most specific first.
var layouts = []struct {
	layout string
	zoned  bool
}{
	{"2006-01-02 15:04:05 -0700", true},
	{"2006-01-02 15:04:05 -07:00", true},
	{"2006-01-02 15:04 -0700", true},
	{time.RFC3339Nano, true},
	{"2006-01-02T15:04:05", false},
	{"2006-01-02 15:04:05", false},
	{"2006-01-02 15:04", false},
	{"2006-01-02", false},
	{"2006/1/2 15:04:05", false},
	{"2006/1/2 15:04", false},
	{"2006/1/2", false},
	{"2006年1月2日 15:04:05", false},
	{"2006年1月2日 15:04", false},
	{"2006年1月2日15:04", false},
	{"2006年1月2日", false},
}

// Date is a date from front matter: the time it names and the text it was
// written as.
type Date struct {
	Time time.Time
	Raw  string
}

// String returns the date as Jekyll writes it, 2006-01-02 15:04:05 -0700
// (the zone once, where time.Time's String names it twice, "+0800
// +0800", for a zone given as an offset).
func (d Date) String() string { return d.Time.Format("2006-01-02 15:04:05 -0700") }

// ParseDate parses a date as front matter writes it: Jekyll's
// 2006-01-02 15:04:05 -0700, RFC 3339, 2006-01-02T15:04:05,
// 2006-01-02 15:04(:05) and 2006-01-02 without a zone, 2006/01/02 15:04,
// 2022年5月13日 and 2022年5月13日 15:04. A date without a zone is taken in
// loc, or in China Standard Time (UTC+8) when loc is nil.
func ParseDate(s string, loc *time.Location) (Date, error) {
	raw := s
	s = strings.TrimSpace(s)
	if loc == nil {
		loc = chinaTime
	}
	for _, l := range layouts {
		var t time.Time
		var err error
		if l.zoned {
			t, err = time.Parse(l.layout, s)
		} else {
			t, err = time.ParseInLocation(l.layout, s, loc)
		}
		if err == nil {
			return Date{Time: t, Raw: raw}, nil
		}
	}
	return Date{Raw: raw}, fmt.Errorf("frontmatter: %q is not a date in a known layout", raw)
}

// UnmarshalText parses a date in China Standard Time when it has no zone,
// so that Date can be a field of a struct given to [Document.Decode].
func (d *Date) UnmarshalText(b []byte) error {
	x, err := ParseDate(string(b), nil)
	if err != nil {
		return err
	}
	*d = x
	return nil
}

// UnmarshalJSON parses a JSON string as [Date.UnmarshalText] does.
func (d *Date) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	return d.UnmarshalText([]byte(s))
}

// MarshalText writes the date as it was read.
func (d Date) MarshalText() ([]byte, error) {
	if d.Raw != "" {
		return []byte(d.Raw), nil
	}
	return []byte(d.Time.Format("2006-01-02 15:04:05 -0700")), nil
}

// Date returns the field key parsed as a date, in the zone of the [TimeZone]
// option (China Standard Time by default) when it has none. ok is false
// when there is no such field.
func (d *Document) Date(key string) (date Date, ok bool, err error) {
	fields, err := d.Fields()
	if err != nil {
		return Date{}, false, err
	}
	var loc *time.Location
	if d.cfg.zone != nil {
		loc = d.cfg.zone.loc
	}
	for _, f := range fields {
		if f.Key != key {
			continue
		}
		switch v := f.Value.(type) {
		case time.Time:
			return Date{Time: v, Raw: v.Format(time.RFC3339)}, true, nil
		case string:
			date, err := ParseDate(v, loc)
			if err != nil {
				return date, true, &Error{Line: f.Line, Msg: err.Error()}
			}
			return date, true, nil
		default:
			return Date{}, true, &Error{Line: f.Line, Msg: fmt.Sprintf("frontmatter: %s is %T, not a date", key, v)}
		}
	}
	return Date{}, false, nil
}

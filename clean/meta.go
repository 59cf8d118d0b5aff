package clean

import (
	"strings"
	"time"

	"github.com/cnnews/cnnews/extract"
)

type metaBuilder struct {
	m      Meta
	outlet string // the publisher a dateline or byline names
}

// fieldOutlet is the publisher a dateline or byline names (新华社 in
// 新华社北京5月16日电, 经济日报 in 经济日报记者 王晓明): the article's source
// when no line names one.
const fieldOutlet FieldKey = "outlet"

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
			if setFirst(&m.Dateline, v) {
				setFirst(&b.outlet, outletOf(v))
			}
		case fieldOutlet:
			setFirst(&b.outlet, v)
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

func (b *metaBuilder) meta() Meta {
	if b.m.Source == "" {
		b.m.Source = b.outlet
	}
	return b.m
}

// outletOf reads the publisher out of a dateline: 新华社 of
// 新华社北京5月16日电, 华龙网 of 华龙网5月16日8时35分讯, 新京报 of 新京报讯,
// 明報 of 【明報專訊】; "" for 本报讯 and a place alone (吉隆坡16日讯).
func outletOf(d string) string {
	d = strings.Trim(d, "【】（）()〔〕[] ")
	if loc := reDatelineDate.FindStringIndex(d); loc != nil {
		d = d[:loc[0]]
	} else {
		for _, end := range []string{"专讯", "專訊", "讯", "訊", "电", "電", "消息"} {
			d = strings.TrimSuffix(d, end)
		}
	}
	if strings.HasPrefix(d, "本") {
		return ""
	}
	if loc := reOutletName.FindStringIndex(d); loc != nil {
		// the name goes on with another publisher's word: 中国日报网,
		// 凤凰网财经
		n := loc[1]
		for _, w := range [...]string{"网", "網", "新闻", "新聞", "财经", "財經", "客户端", "客戶端"} {
			if strings.HasPrefix(d[n:], w) {
				n += len(w)
				break
			}
		}
		return d[:n]
	}
	return ""
}

var (
	reDatelineDate = compile(`(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}|[一二三四五六七八九十]{1,3})日|\d{1,2}日(?:电|電|讯|訊)`)
	reOutletName   = compile(`^[\p{Han}A-Za-z.·+]{1,10}?(?:社|网|網|报|報|台|新闻|新聞|日报|日報|财经|財經)`)
)

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

package clean

import (
	"sort"
	"strings"
	"unicode/utf8"
)

type fieldKind uint8

const (
	fkTime fieldKind = iota + 1
	fkSource
	fkAuthor
	fkEditor
	fkIgnore  // 浏览, 字号 and other page counters
	fkCredits // credits after a value: 来源：城市晚报　记者 林静
	fkOther   // 审校, 主编 and other desk roles
)

// headerKeys are the labels of header and footer meta lines.
var headerKeys = map[string]fieldKind{
	"发布时间": fkTime, "發布時間": fkTime, "發佈時間": fkTime, "发稿时间": fkTime, "發稿時間": fkTime,
	"发表时间": fkTime, "發表時間": fkTime, "更新时间": fkTime, "更新時間": fkTime, "发布日期": fkTime,
	"發布日期": fkTime, "更新日期": fkTime, "最後更新日期": fkTime, "最后更新日期": fkTime, "最後更新": fkTime, "最后更新": fkTime, "时间": fkTime, "時間": fkTime, "日期": fkTime, "发布于": fkTime, "發佈於": fkTime, "原始发表时间": fkTime, "原始發表時間": fkTime,
	"来源": fkSource, "來源": fkSource, "文章来源": fkSource, "文章來源": fkSource, "稿源": fkSource,
	"新聞來源": fkSource, "消息来源": fkSource, "消息來源": fkSource,
	"出处": fkSource, "出處": fkSource, "信息来源": fkSource, "信息來源": fkSource, "新闻来源": fkSource,
	"作者": fkAuthor, "记者": fkAuthor, "記者": fkAuthor, "撰文": fkAuthor,
	"编辑": fkEditor, "編輯": fkEditor, "责任编辑": fkEditor, "責任編輯": fkEditor, "责编": fkEditor, "責編": fkEditor,
	"审校": fkOther, "審校": fkOther, "审核": fkOther, "審核": fkOther, "校对": fkOther, "校對": fkOther,
	"主编": fkOther, "主編": fkOther, "终审": fkOther, "終審": fkOther, "监制": fkOther, "監製": fkOther,
	"统筹": fkOther, "統籌": fkOther, "流程编辑": fkEditor, "流程編輯": fkEditor,
	"浏览": fkIgnore, "瀏覽": fkIgnore, "浏览次数": fkIgnore, "瀏覽次數": fkIgnore, "阅读": fkIgnore,
	"閱讀": fkIgnore, "阅读量": fkIgnore, "点击": fkIgnore, "點擊": fkIgnore, "点击数": fkIgnore,
	"字号": fkIgnore, "字號": fkIgnore, "版次": fkIgnore, "栏目": fkIgnore, "欄目": fkIgnore, "版面": fkIgnore, "版名": fkIgnore, "期数": fkIgnore, "期數": fkIgnore, "点击量": fkIgnore, "點擊量": fkIgnore, "访问量": fkIgnore, "訪問量": fkIgnore, "人气": fkIgnore,
}

var headerWords = func() []string {
	var w []string
	for k := range headerKeys {
		w = append(w, k)
	}
	sort.Slice(w, func(i, j int) bool { return len(w[i]) > len(w[j]) || (len(w[i]) == len(w[j]) && w[i] < w[j]) })
	return w
}()

// headerByFirst lists the labels by their first character, longest first.
var headerByFirst = func() map[rune][]string {
	m := map[rune][]string{}
	for _, w := range headerWords {
		r, _ := utf8.DecodeRuneInString(w)
		m[r] = append(m[r], w)
	}
	return m
}()

// headerFirstSet holds the first characters of the labels, so that most
// characters of a line need no lookup in headerByFirst.
var headerFirstSet = func() *hanSet {
	var first []rune
	for r := range headerByFirst {
		first = append(first, r)
	}
	return newHanSet(string(first))
}()

var reDateAt = compile(`^\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s*[T ]?\s*\d{1,2}[:：时]\d{1,2}(?:[:：分]\d{1,2})?秒?)?`)

// reCounter finds the page counters and tools that follow a source
// on the same line.
var reCounter = compile(`跟贴|跟帖|评论|評論|参与|參與|分享|阅读|閱讀|浏览|瀏覽|字号|字號|点击|點擊`)

// headerField is one labelled value of a header line.
type headerField struct {
	kind  fieldKind
	value string
	items []credit // for fkCredits
	label string   // for fkOther: the role as written
}

// parseHeader reads a line made only of labelled fields and dates, such as
// "發布時間:2022-05-09 15:11:00來源: 人民網-山西頻道" or
// "2022-05-09 10:20 来源：新华社 作者：张三". It fails on anything else.
var reTrailingTime = compile(`[ \x{3000}]+\d{4}[-./年]\d{1,2}.*$`)

func parseHeader(s string) ([]headerField, bool) {
	// • 2024年05月16日 来源:齐鲁晚报, |  编辑部 发布于 2024-05-16 | …: a
	// bullet or a bar before the header
	s = strings.TrimLeft(s, "•·|｜▪■□●◆ \u3000")
	// every header has a label with a colon or starts with a date
	if len(s) == 0 || len(s) > 4*120 || (!(s[0] >= '0' && s[0] <= '9') && !hasColon(s)) ||
		len(s) > 120 && utf8.RuneCountInString(s) > 120 {
		return nil, false
	}
	type hit struct {
		kind              fieldKind
		keyStart, valFrom int
		label             string
	}
	var hits []hit
	for i := 0; i < len(s); {
		found := false
		r, size := utf8.DecodeRuneInString(s[i:])
		var cands []string
		if headerFirstSet.has(r) { // every label starts with a Han character
			cands = headerByFirst[r]
		}
		if cands == nil {
			i += size
			continue
		}
		for _, w := range cands {
			if !strings.HasPrefix(s[i:], w) {
				continue
			}
			j := after(s, i+len(w), isBlank)
			if r, size := utf8.DecodeRuneInString(s[j:]); j < len(s) && (r == ':' || r == '：' || r == '﹕') {
				hits = append(hits, hit{headerKeys[w], i, after(s, j+size, isBlank), w})
				i = j + size
				found = true
			}
			break
		}
		if !found {
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
		}
	}
	var out []headerField
	trim := func(v string) string {
		return strings.TrimFunc(v, func(r rune) bool { return isItemSep(r) || r == '　' })
	}
	// text before the first label must be a date
	lead := s
	if len(hits) > 0 {
		lead = s[:hits[0].keyStart]
	}
	if lead = trim(lead); lead == "本文" || lead == "此文" || lead == "文章" {
		lead = "" // 本文来源：X 作者：Y
	}
	if lead != "" {
		d := reDateAt.FindString(lead)
		if d == "" || trim(lead[len(d):]) != "" {
			return nil, false
		}
		out = append(out, headerField{kind: fkTime, value: d})
	}
	for k, h := range hits {
		end := len(s)
		if k+1 < len(hits) {
			end = hits[k+1].keyStart
		}
		v := trim(s[h.valFrom:end])
		switch h.kind {
		case fkTime:
			d := reDateAt.FindString(v)
			if d == "" || trim(v[len(d):]) != "" {
				return nil, false
			}
			v = d
		case fkSource, fkAuthor, fkEditor, fkOther:
			// "新华社 2022-05-09 10:20": a date may trail the value
			if at := trailingDate(v); at > 0 {
				out = append(out, headerField{kind: fkTime, value: v[at:]})
				v = trim(v[:at])
			}
			// "甬江晚报跟贴 386": a page counter glued to it
			if h.kind == fkSource {
				if loc := reCounter.FindStringIndex(v); loc != nil && utf8.RuneCountInString(v[:loc[0]]) >= 2 {
					v = trim(v[:loc[0]])
				}
			}
			// "城市晚报　记者 林静": credits may trail it too
			if at, items := trailingCredits(v); at > 0 {
				out = append(out, headerField{kind: fkCredits, items: items})
				v = trim(v[:at])
			}
			if h.kind != fkSource {
				// "作者：记者 陈晓岚": the role repeated
				if items, _, ok := parseCredits(v); ok {
					if h.kind == fkAuthor {
						for i := range items {
							if items[i].kind == roleEditor || items[i].kind == roleOther {
								items[i].kind = roleReporter
							}
						}
					}
					out = append(out, headerField{kind: fkCredits, items: items})
					continue
				}
			}
			if v == "" || utf8.RuneCountInString(v) > 40 || containsAnyRune(v, "。！？!?；;") {
				return nil, false
			}
		}
		out = append(out, headerField{kind: h.kind, value: v, label: h.label})
	}
	return out, len(out) > 0
}

// trailingCredits returns where credits that end v begin, after a blank,
// and the credits; 0 when v ends with none.
func trailingCredits(v string) (int, []credit) {
	for i := 1; i < len(v); i++ {
		r, size := utf8.DecodeRuneInString(v[i:])
		if !isBlank(r) {
			continue
		}
		rest := v[i+size:]
		if matchRole(rest) == "" {
			continue
		}
		if items, _, ok := parseCredits(rest); ok {
			return i, items
		}
	}
	return 0, nil
}

// trailingDate returns where a date that ends v begins, after a space, or 0.
func trailingDate(v string) int {
	for i := 1; i+1 < len(v); i++ {
		if v[i-1] == ' ' && v[i] >= '0' && v[i] <= '9' {
			if d := reDateAt.FindString(v[i:]); d != "" && i+len(d) == len(v) {
				return i
			}
		}
	}
	return 0
}

// headerFields turns a parsed header into metadata.
func headerFields(hs []headerField) []Field {
	var fs []Field
	for _, h := range hs {
		switch h.kind {
		case fkTime:
			fs = append(fs, Field{Key: FieldPublished, Value: h.value})
		case fkSource:
			// 江城晚报　2024-06-05 08:20: the time after the source
			v := h.value
			if loc := reTrailingTime.FindStringIndex(v); loc != nil && loc[0] > 0 {
				v = v[:loc[0]]
			}
			fs = append(fs, Field{Key: FieldSource, Value: v})
		case fkAuthor:
			for _, n := range splitNames(h.value) {
				// 作者： 2024-05-16: an empty field before the next
				if strings.ContainsAny(n, "0123456789") {
					continue
				}
				// 作者：解放日报 王晓明: the paper is not an author
				if reOutletWord.MatchString(n) && utf8.RuneCountInString(n) >= 3 {
					fs = append(fs, Field{Key: fieldOutlet, Value: n})
					continue
				}
				fs = append(fs, Field{Key: FieldReporter, Role: "作者", Value: n})
			}
		case fkEditor:
			for _, n := range splitNames(h.value) {
				fs = append(fs, Field{Key: FieldEditor, Role: "编辑", Value: n})
			}
		case fkCredits:
			fs = append(fs, creditFields(h.items)...)
		case fkOther:
			for _, n := range splitNames(h.value) {
				fs = append(fs, Field{Key: FieldCredit, Role: h.label, Value: n})
			}
		}
	}
	return fs
}

// hasColon reports a half-width, full-width or small colon in s.
func hasColon(s string) bool {
	return strings.IndexByte(s, ':') >= 0 || strings.Contains(s, "：") || strings.Contains(s, "﹕")
}

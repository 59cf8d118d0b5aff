package extract

import (
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// Meta is what a page says about its article, from its <meta> tags,
// JSON-LD, <title>, headline and the lines around the headline. It is a
// plain value.
type Meta struct {
	// Title is the headline: the page's <h1> when it agrees with
	// <title> or og:title, else og:title, JSON-LD headline, or <title>
	// without its site suffix (_网易新闻, -新华网, | 自由時報).
	Title    string `json:"title,omitempty"`
	SiteName string `json:"site_name,omitempty"` // og:site_name, else the suffix cut from <title>
	URL      string `json:"url,omitempty"`       // <link rel=canonical>, else og:url
	// Description is the page's description meta tag.
	Description string `json:"description,omitempty"`
	// Published is the publish time as the page wrote it: from
	// article:published_time, pubdate, publishdate and similar meta
	// tags, JSON-LD datePublished, a line such as "2022-05-09 15:11
	// 来源：X" by the headline, <time datetime>, or the date in the URL.
	Published string `json:"published,omitempty"`
	// PublishedAt is Published parsed; a time written without a zone is
	// China Standard Time (UTC+8). Zero when it could not be parsed.
	PublishedAt time.Time `json:"published_at,omitzero"`
	// Authors are named by meta author and article:author tags and
	// JSON-LD author, and by a 作者： by the headline.
	Authors []string `json:"authors,omitempty"`
	// Source is the 来源 named by a meta tag or by the line by the
	// headline.
	Source string `json:"source,omitempty"`
}

// chinaTime is the zone of times written without one.
var chinaTime = time.FixedZone("CST", 8*3600)

// lazyRegexp compiles expr on first use, so that a run that meets no
// page and no time to parse compiles none of the package's expressions.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}

var reTime = lazyRegexp(`^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s*[T ]?\s*(\d{1,2})[:：时](\d{1,2})(?:[:：分](\d{1,2}))?秒?(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$`)

// ParseTime parses a publish time as pages and Chinese news headers write
// it: RFC 3339 (2022-05-09T15:11:00+08:00), 2022-05-09 15:11:00,
// 2022/5/9 15:11, 2022年5月9日 15:11, 2022.05.09 and the like, with or
// without seconds or a time of day. A time with no zone is taken as China
// Standard Time (UTC+8). It reports false when s is not such a time.
func ParseTime(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, true
	}
	m := reTime().FindStringSubmatch(s)
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
	loc := chinaTime
	switch z := strings.ReplaceAll(m[7], ":", ""); {
	case z == "Z":
		loc = time.UTC
	case z != "":
		off := (num(z[1:3])*60 + num(z[3:5])) * 60
		if z[0] == '-' {
			off = -off
		}
		loc = time.FixedZone("", off)
	}
	t := time.Date(y, time.Month(mo), d, h, mi, sec, 0, loc)
	if t.Day() != d {
		return time.Time{}, false // 2月30日
	}
	return t, true
}

// timeKeys are the meta tags that hold a publish time, best first.
var timeKeys = []string{
	"article:published_time", "og:article:published_time", "og:published_time",
	"datepublished", "pubdate", "publishdate", "publish_date", "publish-date",
	"publishtime", "publish_time", "firstpublishedtime", "og:release_date",
	"weibo: article:create_at", "dc.date.issued", "dc.date", "sailthru.date",
	"parsely-pub-date", "article.published", "published_time", "releasedate",
	"createdate", "date",
}

var (
	reVisibleTime = lazyRegexp(`(?:19|20)\d{2}\s*(?:[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}|年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\s\d{1,2}\s*/\s*\d{1,2})(?:\s*\d{1,2}\s*[:：]\s*\d{2}(?:\s*[:：]\s*\d{2})?)?`)
	reTimeLabel   = lazyRegexp(`发表于|發表於|发表时间|發表時間|发布于|發佈於|发布时间|發佈時間|發布時間|时间\s*[:：]|時間\s*[:：]|日期\s*[:：]|(?i:posted)`)
	reTitleLabel  = lazyRegexp(`^(?:\[[^\]]{1,4}\]|【[^】]{1,4}】)\s*`)
	reSplitDate   = lazyRegexp(`^(\d{4})\s+(\d{1,2})\s*/\s*(\d{1,2})`)
	reURLDate     = lazyRegexp(`/((?:19|20)\d{2})[-/]?(\d{2})[-/]?(\d{2})/`)
	reSourceLine  = lazyRegexp(`(?:来源|來源|稿源|出处|出處)\s*[:：]\s*([^\s|｜/]{2,30})`)
	reAuthorLine  = lazyRegexp(`(?:作者|撰文|记者|記者|文)\s*[:：]\s*([^\s|｜/]{2,20})`)
	reLabel       = lazyRegexp(`发布|發佈|發布|时间|時間|来源|來源|编辑|編輯|责任|責任|日期|更新|阅读|閱讀|浏览|瀏覽|跟贴|跟帖|评论|評論|参与|參與|分享|字号|字號`)
	titleSeps     = []string{"_", " - ", " | ", "｜", " — ", "——", " – ", "-", "|", "—", "－"}
)

// head is what the page's <head> and tags say: meta tags by their
// lower-cased property, name or itemprop (the first of each), <title>,
// the canonical link, the JSON-LD objects and the first <time datetime>.
type head struct {
	tags                map[string]string
	docTitle, canonical string
	ld                  []map[string]any
}

// scanHead reads the page's tags once for the headline and the metadata.
func scanHead(root *html.Node) head {
	h := head{tags: map[string]string{}}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "meta":
				key := strings.ToLower(strings.TrimSpace(attr(n, "property")))
				if key == "" {
					key = strings.ToLower(strings.TrimSpace(attr(n, "name")))
				}
				if key == "" {
					key = strings.ToLower(strings.TrimSpace(attr(n, "itemprop")))
				}
				if v := strings.TrimSpace(attr(n, "content")); key != "" && v != "" {
					if _, ok := h.tags[key]; !ok {
						h.tags[key] = v
					}
				}
			case "title":
				if h.docTitle == "" && n.Parent != nil && n.Parent.Data != "svg" {
					h.docTitle = nodeTextAll(n)
				}
			case "link":
				if strings.EqualFold(attr(n, "rel"), "canonical") && h.canonical == "" {
					h.canonical = strings.TrimSpace(attr(n, "href"))
				}
			case "script":
				if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") {
					h.ld = append(h.ld, jsonLD(nodeTextAll(n))...)
				}
				return
			case "time":
				if v := strings.TrimSpace(attr(n, "datetime")); v != "" {
					if _, ok := h.tags["<time>"]; !ok {
						h.tags["<time>"] = v
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return h
}

// readMeta gathers the page's metadata.
func readMeta(p *Page, h head) Meta {
	tags, docTitle, canonical, ld := h.tags, h.docTitle, h.canonical, h.ld
	var m Meta
	m.URL = canonical
	if m.URL == "" {
		m.URL = tags["og:url"]
	}
	m.SiteName = tags["og:site_name"]
	m.Description = tags["description"]
	if m.Description == "" {
		m.Description = tags["og:description"]
	}
	ldGet := func(key string) string {
		for _, o := range ld {
			if s, ok := o[key].(string); ok && strings.TrimSpace(s) != "" {
				return strings.TrimSpace(s)
			}
		}
		return ""
	}

	// the title
	title, site := splitTitle(docTitle)
	if m.SiteName == "" {
		m.SiteName = site
	}
	if p.Headline != nil {
		m.Title = nodeText(p.Headline)
		// an <h1> that holds the title and a subtitle: the title
		if h := strings.Join(strings.Fields(title), " "); utf8.RuneCountInString(h) >= 4 && len(m.Title) > len(h) && strings.HasPrefix(m.Title, h) &&
			!strings.HasPrefix(squeeze(docTitle), squeeze(m.Title)) {
			m.Title = h
		}
	}
	m.Title = reTitleLabel().ReplaceAllString(m.Title, "")
	if m.Title == "" {
		for _, t := range []string{tags["og:title"], ldGet("headline"), title} {
			if t = strings.TrimSpace(t); utf8.RuneCountInString(t) >= 2 {
				m.Title = t
				break
			}
		}
	}

	// the lines by the headline
	near, tail := p.nearHeadline()

	// the publish time
	for _, k := range timeKeys {
		if v := tags[k]; v != "" {
			if t, ok := ParseTime(v); ok {
				m.Published, m.PublishedAt = v, t
				break
			}
		}
	}
	if m.Published == "" {
		if v := ldGet("datePublished"); v != "" {
			if t, ok := ParseTime(v); ok {
				m.Published, m.PublishedAt = v, t
			}
		}
	}
	if m.Published == "" || !strings.ContainsAny(m.Published, ":：") {
		// a date-only tag gives way to a time of the same day by the headline
		for _, line := range near {
			v, t, ok := visibleTime(line)
			if ok && (m.Published == "" || sameDay(t, m.PublishedAt) && strings.ContainsAny(v, ":：")) {
				m.Published, m.PublishedAt = v, t
				break
			}
		}
	}
	if m.Published == "" {
		if v := tags["<time>"]; v != "" {
			if t, ok := ParseTime(v); ok {
				m.Published, m.PublishedAt = v, t
			}
		}
	}
	if m.Published == "" {
		for _, line := range tail {
			// after the article only a labelled time: 发表于:2005-07-31 12:30,
			// not the dates of a list of other posts
			if !reTimeLabel().MatchString(line) {
				continue
			}
			if v, t, ok := visibleTime(line); ok {
				m.Published, m.PublishedAt = v, t
				break
			}
		}
	}
	if m.Published == "" {
		if d := reURLDate().FindStringSubmatch(m.URL); d != nil {
			v := d[1] + "-" + d[2] + "-" + d[3]
			if t, ok := ParseTime(v); ok {
				m.Published, m.PublishedAt = v, t
			}
		}
	}

	// authors and source
	for _, k := range []string{"author", "article:author", "dc.creator", "byl"} {
		m.Authors = addName(m.Authors, tags[k], m.SiteName)
	}
	for _, o := range ld {
		for _, a := range ldNames(o["author"]) {
			m.Authors = addName(m.Authors, a, m.SiteName)
		}
	}
	for _, line := range near {
		if !strings.ContainsAny(line, ":：") {
			continue
		}
		if a := reAuthorLine().FindStringSubmatch(line); a != nil {
			m.Authors = addName(m.Authors, cutLabel(a[1]), m.SiteName)
		}
		if s := reSourceLine().FindStringSubmatch(line); s != nil && m.Source == "" {
			m.Source = cutLabel(s[1])
		}
	}
	if m.Source == "" {
		m.Source = tags["source"]
	}
	if m.Source == "" {
		m.Source = p.sourceElement()
	}
	return m
}

// visibleTime finds a publish time in a line of the page: 2022-05-09
// 15:11, 2022年5月9日, and "2023 05/16 18:32:46" as a page lays out a
// date in separate boxes.
func visibleTime(line string) (string, time.Time, bool) {
	v := reVisibleTime().FindString(line)
	if v == "" {
		return "", time.Time{}, false
	}
	p := v
	if m := reSplitDate().FindStringSubmatch(p); m != nil {
		p = m[1] + "-" + m[2] + "-" + m[3] + p[len(m[0]):]
	}
	t, ok := ParseTime(p)
	return v, t, ok
}

func sameDay(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.In(a.Location()).Date()
	return ay == by && am == bm && ad == bd
}

// nearHeadline returns the visible lines where pages print the time,
// source and author: the last eight before the article (those after the
// headline when it comes first), then the article's first three lines;
// and, apart, the first four lines after the article.
func (p *Page) nearHeadline() (near, after []string) {
	var before, first, above []string
	headSeen := false
	var b strings.Builder
	state := 0 // 0 before the article, 1 in it, 2 after it
	inArticle := 0
	done := false
	flush := func() {
		if b.Len() == 0 {
			return
		}
		raw := b.String()
		b.Reset()
		if strings.TrimSpace(raw) == "" {
			return
		}
		switch state {
		case 0:
			// the first four lines after the headline stay, then the
			// last eight before the article
			before = append(before, raw)
			if len(before) > 12 {
				if headSeen {
					before = append(before[:4], before[5:]...)
				} else {
					before = before[1:]
				}
			}
		case 1:
			if len(first) < 3 {
				first = append(first, raw)
			}
		case 2:
			after = append(after, raw)
			done = len(after) >= 4
		}
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if done {
			return
		}
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			return
		case html.ElementNode:
			if invisible(n) || isHidden(n) || p.dropped[n] != "" && state == 1 {
				return
			}
		}
		if n == p.Headline && state == 0 {
			flush()
			above = append(above[:0], before[max(0, len(before)-3):]...)
			before = before[:0]
			headSeen = true
		}
		art := p.inside[n]
		blk := art || n.Type == html.ElementNode && isBlock(n)
		if blk {
			flush()
		}
		if art {
			state = 1
			inArticle++
		}
		for c := n.FirstChild; c != nil && !done; c = c.NextSibling {
			walk(c)
		}
		if blk {
			flush()
		}
		if art {
			inArticle--
			if inArticle == 0 && n == p.Article[len(p.Article)-1] {
				state = 2
			}
		}
	}
	walk(p.Root)
	return normLines(append(append(before, first...), above...)), normLines(after)
}

// normLines folds the white space of each line and leaves out lines too
// long to be a header.
func normLines(lines []string) []string {
	out := lines[:0]
	for _, l := range lines {
		if t := strings.Join(strings.Fields(l), " "); utf8.RuneCountInString(t) <= 160 {
			out = append(out, t)
		}
	}
	return out
}

// sourceElement reads the first element named "source" (class or id)
// before the article or in its first blocks: <span class="source">中国新闻网</span>.
func (p *Page) sourceElement() string {
	found := ""
	var walk func(n *html.Node) bool
	walk = func(n *html.Node) bool {
		if n.Type == html.ElementNode {
			if invisible(n) {
				return false
			}
			if hasClassWord(n, "source") {
				t := strings.TrimSpace(nodeText(n))
				t = strings.TrimSpace(strings.TrimLeft(reSourceLabel().ReplaceAllString(t, ""), ":： "))
				if n := utf8.RuneCountInString(t); n >= 2 && n <= 30 && !reVisibleTime().MatchString(t) {
					found = t
					return true
				}
			}
			if p.inside[n] && n.FirstChild != nil {
				// only the article's first few blocks
				k := 0
				for c := n.FirstChild; c != nil && k < 6; c = c.NextSibling {
					if c.Type == html.ElementNode {
						k++
						if walk(c) {
							return true
						}
					}
				}
				return true
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if walk(c) {
				return true
			}
		}
		return false
	}
	walk(p.Root)
	return found
}

var reSourceLabel = lazyRegexp(`^\s*(?:来源|來源|稿源|出处|出處)`)

// hasClassWord reports whether a word of n's class or id is w.
func hasClassWord(n *html.Node, w string) bool {
	for _, a := range n.Attr {
		if a.Key != "class" && a.Key != "id" {
			continue
		}
		for _, f := range strings.Fields(a.Val) {
			if strings.EqualFold(f, w) {
				return true
			}
		}
	}
	return false
}

// splitTitle cuts a page title into the headline and the site name after
// its separator.
func splitTitle(t string) (title, site string) {
	t = strings.TrimSpace(t)
	for _, sep := range titleSeps {
		i := strings.Index(t, sep)
		if i < 0 {
			continue
		}
		head := strings.TrimSpace(t[:i])
		rest := strings.TrimSpace(t[i+len(sep):])
		if utf8.RuneCountInString(head) < 4 {
			continue
		}
		// the site name is the last part (标题_频道_网易新闻), unless that is
		// the software's name (Powered by Discuz!)
		parts := strings.Split(rest, sep)
		for len(parts) > 1 && strings.Contains(strings.ToLower(parts[len(parts)-1]), "powered by") {
			parts = parts[:len(parts)-1]
		}
		rest = strings.TrimSpace(parts[len(parts)-1])
		// 澎湃新闻-The Paper: the Chinese name
		for _, s2 := range []string{"-", " - ", "|", "｜"} {
			if a, b, ok := strings.Cut(rest, s2); ok && hasHan(a) && !hasHan(b) {
				rest = strings.TrimSpace(a)
			}
		}
		return head, rest
	}
	return t, ""
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// findHeadline picks the element holding the title: an <h1> whose text
// agrees with <title> or og:title, else the first <h1> before the article,
// else an <h2> or title-named element that agrees with <title>.
func findHeadline(p *Page, s *scorer, h head) *html.Node {
	docTitle, og := h.docTitle, h.tags["og:title"]
	var h1s, others []*html.Node
	first := -1
	if len(p.Article) > 0 {
		if st := s.stats[p.Article[0]]; st != nil {
			first = st.order
		}
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "h1":
				if s.stats[n] != nil && p.dropped[n] == "" {
					h1s = append(h1s, n)
				}
				return
			default:
				// any short block or title-named element may hold it
				if st := s.stats[n]; st != nil && p.dropped[n] == "" && st.runes >= 4 && st.runes <= 100 && st.linkRunes*2 <= st.runes &&
					(isBlock(n) || hasWord(n, "title") || n.Data == "strong" || n.Data == "b" || n.Data == "font" || n.Data == "span") {
					others = append(others, n)
				}
			}
			if invisible(n) {
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(p.Root)
	full := squeeze(docTitle)
	spaced := strings.Join(strings.Fields(docTitle), " ")
	head := squeeze(first2(splitTitle(docTitle)))
	ogs := squeeze(og)
	// agreement: 2 when the text is the page title's head (what comes
	// before a separator) or og:title, 1 when it holds the head and more
	maxRunes := max(utf8.RuneCountInString(full), 2*utf8.RuneCountInString(head)+10)
	var firsts []rune
	for _, t := range []string{full, ogs, head} {
		if r, _ := utf8.DecodeRuneInString(t); t != "" {
			firsts = append(firsts, r)
		}
	}
	agrees := func(n *html.Node) (int, int) {
		if st := s.stats[n]; st == nil || st.runes > maxRunes || !slices.Contains(firsts, firstRune(n)) {
			return 0, 0
		}
		t := nodeText(n)
		k := squeeze(t)
		if utf8.RuneCountInString(k) < 4 {
			return 0, 0
		}
		if k == ogs || k == full || k == head {
			return 2, len(k)
		}
		if strings.HasPrefix(spaced, t) {
			if r, _ := utf8.DecodeRuneInString(spaced[len(t):]); r == ' ' || strings.ContainsRune(separatorRunes, r) {
				return 2, len(k)
			}
		}
		if strings.HasPrefix(full, k) {
			if r, _ := utf8.DecodeRuneInString(full[len(k):]); strings.ContainsRune(separatorRunes, r) {
				return 2, len(k)
			}
		}
		if utf8.RuneCountInString(head) >= 6 && strings.Contains(k, head) && utf8.RuneCountInString(k) <= 2*utf8.RuneCountInString(head)+10 {
			return 1, len(k)
		}
		return 0, 0
	}
	var best *html.Node
	bestRank := [3]int{}
	for i, list := range [][]*html.Node{h1s, others} {
		for _, n := range list {
			a, l := agrees(n)
			if a == 0 {
				continue
			}
			if rank := [3]int{a, 1 - i, l}; best == nil || less3(bestRank, rank) {
				best, bestRank = n, rank
			}
		}
	}
	if best != nil {
		return best
	}
	// no agreement: the heading nearest before the article, else the
	// first in it, else the last short line before it that reads as a
	// title (no time, no link, no colon)
	var before, in, line *html.Node
	for _, list := range [][]*html.Node{h1s, others} {
		for _, n := range list {
			st := s.stats[n]
			if st == nil || st.runes < 4 || st.runes > 60 || st.linkRunes*2 > st.runes {
				continue
			}
			heading := n.Data == "h1" || n.Data == "h2" || n.Data == "h3" || hasWord(n, "title")
			switch {
			case first >= 0 && st.order >= first:
				if heading && st.order < first+40 && (in == nil || st.order < s.stats[in].order) {
					in = n
				}
			case heading:
				if before == nil || st.order > s.stats[before].order {
					before = n
				}
			case first >= 0 && st.order > first-60 && st.linkRunes == 0 && titleLine(nodeText(n)):
				if line == nil || st.order > s.stats[line].order {
					line = n
				}
			}
		}
	}
	switch {
	case before != nil:
		return before
	case in != nil:
		return in
	}
	return line
}

// titleLine reports a line that could be a headline: 6 to 60 characters,
// no time, no colon, not ending a sentence with a full stop.
func titleLine(t string) bool {
	n := utf8.RuneCountInString(t)
	if n < 6 || n > 60 || reVisibleTime().MatchString(t) || strings.ContainsAny(t, ":：|>»") {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	return !strings.ContainsRune("。，,;；.", last)
}

// separatorRunes are the characters that part a page title from the
// site's name.
const separatorRunes = "_-|｜—–－:：·/\\>»@"

func less3(a, b [3]int) bool {
	for i := range a {
		if a[i] != b[i] {
			return a[i] < b[i]
		}
	}
	return false
}

func first2(a, _ string) string { return a }

// squeeze removes all white space.
func squeeze(s string) string { return strings.Join(strings.Fields(s), "") }

// hasWord reports whether n's class or id holds w, a lower-case word, in
// any case.
func hasWord(n *html.Node, w string) bool {
	for _, a := range n.Attr {
		if a.Key != "class" && a.Key != "id" {
			continue
		}
		for v := a.Val; len(v) >= len(w); v = v[1:] {
			if strings.EqualFold(v[:len(w)], w) {
				return true
			}
		}
	}
	return false
}

// firstRune returns the first visible character under n, 0 when none.
func firstRune(n *html.Node) rune {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			for _, r := range c.Data {
				if !unicode.IsSpace(r) {
					return r
				}
			}
		case html.ElementNode:
			if !invisible(c) {
				if r := firstRune(c); r != 0 {
					return r
				}
			}
		}
	}
	return 0
}

// nodeTextAll is the text under n, invisible elements included.
func nodeTextAll(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode {
				b.WriteString(c.Data)
			} else {
				walk(c)
			}
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

// jsonLD reads the objects of a JSON-LD script, @graph included.
func jsonLD(s string) []map[string]any {
	var v any
	if err := json.Unmarshal([]byte(strings.TrimSpace(s)), &v); err != nil {
		return nil
	}
	var out []map[string]any
	var visit func(v any, depth int)
	visit = func(v any, depth int) {
		if depth > 4 {
			return
		}
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				visit(e, depth+1)
			}
		case map[string]any:
			out = append(out, x)
			if g, ok := x["@graph"]; ok {
				visit(g, depth+1)
			}
		}
	}
	visit(v, 0)
	return out
}

// ldNames reads the names of a JSON-LD author value.
func ldNames(v any) []string {
	switch x := v.(type) {
	case string:
		return []string{x}
	case map[string]any:
		if s, ok := x["name"].(string); ok {
			return []string{s}
		}
	case []any:
		var out []string
		for _, e := range x {
			out = append(out, ldNames(e)...)
		}
		return out
	}
	return nil
}

// cutLabel cuts a value read from a header line where the next label,
// glued to it, begins: 黃嘉怡發佈時間 is 黃嘉怡.
func cutLabel(v string) string {
	if loc := reLabel().FindStringIndex(v); loc != nil && loc[0] > 0 {
		return v[:loc[0]]
	}
	return v
}

// addName adds an author's name, leaving out URLs, the site's name and
// names too long to be a person's or a desk's.
func addName(list []string, name, site string) []string {
	name = strings.TrimSpace(name)
	if name == "" || site != "" && strings.Contains(site, name) || strings.Contains(name, "://") || strings.HasPrefix(name, "www.") || utf8.RuneCountInString(name) > 30 {
		return list
	}
	for _, x := range list {
		if x == name {
			return list
		}
	}
	return append(list, name)
}

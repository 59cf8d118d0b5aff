package clean

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The patterns of rules that know one shape each, beyond the general
// credit, header and prompt rules.
var (
	// 中新社北京五月十六日電 題：老城胡同裏的“共享書房”
	reTitleAfter = rx(`^{s}(?:题|題){s}{:}.{1,80}$`)
	// 南都讯 记者王晓明: a short outlet lead before credits
	reOutletLead = rx(`^(?P<dateline>[\p{Han}]{2,4}(?:讯|訊))[ \x{3000}]+`)
	// 华盛顿 — 美国联邦航空管理局…: a place and a dash
	reDashLead = rx(`^(?P<dateline>[\p{Han}]{2,6}) (?:—|——|–|-) `)
	// 责任编辑： with no name after it
	reEmptyCredit = rx(`^{[}?{s}(?:责任编辑|責任編輯|编辑|編輯|责编|責編|作者|记者|記者|来源|來源|校对|校對|审核|審核|监制|監製){s}{:}{s}{]}?$`)
	// 索引号： on a line of its own, its value on the next
	reLabelLine = rx(`^[\p{Han}]{2,8}{s}{:}$`)
	// 新京报, 星島頭條網, BBC中文: the publisher's name as a line
	reMasthead = rx(`^[\p{Han}A-Za-z.·+]{1,10}?(?:社|网|網|报|報|日报|日報|新闻|新聞|晚报|晚報|时报|時報|之音|之聲|中文|中文网|中文網)(?:[·・/／][\p{Han}A-Za-z]{2,8})?$`)
	// 每日经济新闻 2024-05-16 09:15:47: the publisher and the time
	reMastheadTime = rx(`^(?P<outlet>[\p{Han}A-Za-z0-9·]{2,12}?){s}(?P<published>\d{4}[-./年]\d{1,2}[-./月]\d{1,2}日?(?:{s}\d{1,2}:\d{2}(?::\d{2})?)?)$`)
	// 凤凰网财经综合: the publisher that compiled the story
	reCompiled = rx(`^(?P<source>[\p{Han}A-Za-z0-9+]{2,12}?)(?:综合|綜合)(?:报道|報導|整理)?$`)
	// （路透社、德新社）: the agencies a story draws on
	reAgencies = rx(`^{(}{s}(?P<source>(?:[\p{Han}]{1,6}社|[A-Z][A-Za-z]{1,10})(?:{s}[、/／,，]{s}(?:[\p{Han}]{1,6}社|[A-Z][A-Za-z]{1,10}))*){s}{)}$`)
	// 王晓明 2024年5月16日: a byline with the date
	reBylineDate = rx(`^(?P<reporter>{name}(?:[、 ]{name}){0,2}){s}(?P<published>\d{4}年\d{1,2}月\d{1,2}日(?:{s}\d{1,2}:\d{2})?)$`)
	// 作者，王晓明: a role and a comma
	reRoleComma = rx(`^(?:作者|记者|記者)[，,]{s}(?P<reporter>{name}(?:[、和 ]{name}){0,3})$`)
	// 王晓明是《纽约时报》驻北京记者。
	reAuthorIs = rx(`^(?P<reporter>{name})(?:是|为|為|系)《(?P<outlet>[^》]{2,14})》(?:驻|駐)?[\p{Han}]{0,6}?(?:记者|記者|撰稿人|特约撰稿人|特約撰稿人|专栏作者|專欄作者|专栏作家|專欄作家|编辑|編輯|通讯员|通訊員)[。.]?$`)
	// 工人在生产线上包装奶制品。 Zhang Wei for The New York Times
	reLatinCredit = rx(`[。.！!]{s}(?P<photographer>[A-Z][A-Za-z.'-]+(?: [A-Z][A-Za-z.'-]+){0,3}){s}(?:for|/|／){s}(?:[Tt]he )?[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+){0,4}$`)
	// 资料图片：巴黎一处地铁站入口。 © 路透社
	reCopyrightCaption = rx(`^(?:资料图片|資料圖片|资料图|資料圖|资料照片|資料照片){s}{:}|[。.]{s}©{s}[\p{Han}A-Za-z .]{2,24}$`)
	// 點我加入TVBS新聞 LINE好友
	reJoinPrompt = rx(`(?:點我|点我|點此|点此|按此|按我)(?:加入|訂閱|订阅|追蹤|追踪|下載|下载)|加入.{0,16}(?:LINE|Line)(?:好友|官方帳號|官方账号)|請鎖定|请锁定|請收看|请收看|請點此|请点此|粉絲團|粉丝团|官方粉絲|官方粉丝`)
	// …建议大家把“江城生活圈”设为星标，否则可能就看不到我们的推送了！
	rePinPrompt = rx(`(?:设为|設為|标为|標為|加|加个|加個)(?:星标|星標)|(?:置顶|置頂).{0,10}(?:公众号|公眾號)|(?:星标|星標).{0,30}(?:推送|公众号|公眾號)`)
	// 儿基会/Ali Haddad: a photo credit on a line of its own
	reBareCredit = rx(`^[\p{Han}A-Za-z]{2,12}[/／](?P<photographer>[A-Z][A-Za-z.'-]+(?: [A-Z][A-Za-z.'-]+){0,3})$`)
	// 点击查看本文英文版。
	reVersionLink = rx(`^(?:点击|點擊|按此|点此|點此)?(?:查看|阅读|閱讀|浏览|瀏覽)(?:本文)?(?:英文版|中文版|英文原文|原文|简体版|簡體版|繁体版|繁體版)[。.]?$`)
	// 詳情請瀏覽：旺角老字號…: a link to the full story
	reReadMore = rx(`^(?:詳情|详情|全文|更多詳情|更多详情|完整報導|完整报道)(?:請|请)?(?:瀏覽|浏览|參閱|参阅|查看|看|見|见|按此|點擊|点击)?{s}{:}|^(?:大家都在搜|相关搜索|相關搜尋|热门搜索|熱門搜尋|更多新聞|更多新闻|更多報導|更多报道){s}{:}`)
	// 《星島頭條》每朝為你精選…, 【更多即時新聞詳情請上東網新聞】
	rePromo = rx(`^《[^》]{2,12}》.{0,40}(?:為你|为你|為您|为您|帶你|带你)|^{[}{s}更多.{0,20}(?:請上|请上|請瀏覽|请浏览|請到|请到|請看|请看|詳情|详情).{0,20}{]}$`)
	// ►河口濕地復育有成 候鳥種類創新高: a headline in a list with no heading
	reBulletHeadline = rx(`^[►▶▸➤→]{s}\S`)
	// 凤凰网财经讯 …影响。#, …出海。详情>>>, …增收。返回搜狐，查看更多, …奔头！”②9
	reOutletNews = rx(`^([\p{Han}A-Za-z0-9.]{2,10}?(?:网|網|报|報|社|台|新闻|新聞|新聞台|新闻台|電視台|电视台))(?:讯|訊|消息|专讯|專訊)?$`)
	reAppLead    = rx(`^(?P<dateline>[\p{Han}A-Za-z0-9]{2,8}[·・][\p{Han}A-Za-z0-9]{2,6}(?:讯|訊))[（(]`)
	rePressLead  = rx(`^(?P<dateline>[\p{Han}]{2,6}{s}\d{4}年\d{1,2}月\d{1,2}日){s}/[\p{Han}A-Za-z ]{2,16}/{s}(?:--|—{1,2}){s}`)
	// 王曉明 李四 / 台中市: names, and the place after a slash
	reNamesLine = rx(`^(?P<reporter>[\p{Han}·]{2,3}(?:[ 、][\p{Han}·]{2,3}){0,3})(?:{s}[/／]{s}[\p{Han}]{2,6})?$`)
	// 生活中心/王曉明、李四 新竹報導: a desk, the names and the place
	reDeskLead    = rx(`^[\p{Han}]{2,6}中心[/／](?P<reporter>[\p{Han}·]{2,3}(?:[、 ][\p{Han}·]{2,3}){0,3}){s}[\p{Han}]{2,6}(?:報導|报道|報道)`)
	reOutletWord  = rx(`(?:社|网|網|报|報|新闻|新聞|财经|財經|时报|時報|之音|之聲|中文|日报|日報|晚报|晚報)$`)
	reHanRun      = rx(`\p{Han}{4}`)
	reHanWord     = rx(`^[\p{Han}]{2,6}$`)
	reGluedMarker = rx(`[。！？!?”」』）)](?P<cut>[①-⑳]\d{0,2}|#|综合报道|綜合報道|綜合報導|[A-Za-z0-9.\p{Han} ]{2,24}[・·]{s}\d{1,3}{s}(?:天前|小時前|小时前|分鐘前|分钟前|週前|周前)|(?:详情|詳情){s}>{1,3}|(?:返回|回到)[\p{Han}]{2,6}[，,]?{s}(?:查看更多|看更多))$`)
)

// the lead sets of the patterns tried on every lead
var (
	leadBareCredit = leadOf(reBareCredit)
	leadOutletLead = leadOf(reOutletLead)
	leadDashLead   = leadOf(reDashLead)
)

// datelineTitle removes a dateline that stands on a line of its own with
// the headline: 中新社北京五月十六日電 題：老城胡同裏的“共享書房”.
func datelineTitle(p Paragraph) (Match, bool) {
	if !leadDateline.admits(p.Text) {
		return Match{}, false
	}
	loc := reDateline.FindStringSubmatchIndex(prefix(p.Text, 150))
	if loc == nil || !reTitleAfter.MatchString(p.Text[loc[1]:]) {
		return Match{}, false
	}
	d := p.Text[loc[2]:loc[3]]
	return whole(p, []Field{{Key: FieldDateline, Value: d}})
}

// otherLead finds the datelines that only the credits after them tell
// from the story's first words: "南都讯 记者王晓明 …", "华盛顿 — …".
func otherLead(s string) []int {
	if leadOutletLead.admits(s) {
		if loc := reOutletLead.FindStringSubmatchIndex(prefix(s, 60)); loc != nil && matchRole(s[loc[1]:]) != "" {
			loc[1] = loc[3] // the credits after the blank are read next
			return loc
		}
	}
	// 新华日报·交汇点讯（记者 王晓明）: a paper and its app before credits
	if loc := reAppLead.FindStringSubmatchIndex(prefix(s, 60)); loc != nil {
		if inner, _, ok := leadingBracket(s[loc[3]:]); ok {
			if _, _, ok := parseCredits(inner); ok {
				loc[1] = loc[3]
				return loc
			}
		}
	}
	// 深圳2024年5月16日 /美通社/ -- : a press release's dateline
	if strings.Contains(prefix(s, 60), "/ --") || strings.Contains(prefix(s, 60), "/ —") {
		if loc := rePressLead.FindStringSubmatchIndex(prefix(s, 90)); loc != nil {
			return loc
		}
	}
	if leadDashLead.admits(s) {
		if loc := reDashLead.FindStringSubmatchIndex(prefix(s, 60)); loc != nil {
			return loc
		}
	}
	return nil
}

// labelLine removes a label standing alone in the head, such as the
// flattened table of a government page (索引号：, 发布日期：, 内容概述：),
// when a header line or another label stands next to it.
func labelLine(p Paragraph) (Match, bool) {
	if !reLabelLine.MatchString(p.Text) || reShare.MatchString(p.Text) {
		return Match{}, false
	}
	for _, n := range [...]string{p.Prev, p.Next} {
		if n == "" {
			continue
		}
		if reLabelLine.MatchString(n) {
			return whole(p, nil)
		}
		if _, ok := parseHeader(n); ok {
			return whole(p, nil)
		}
	}
	return Match{}, false
}

// labelValue removes the value under a label standing alone in the head
// (发布日期： then 2024年05月16日 15:42) and reads it as the labelled line.
func labelValue(p Paragraph) (Match, bool) {
	if !reLabelLine.MatchString(p.Prev) || runes(p.Text) > 40 || isProse(p.Text) || reLabelLine.MatchString(p.Text) {
		return Match{}, false
	}
	if hs, ok := parseHeader(p.Prev + p.Text); ok {
		return whole(p, headerFields(hs))
	}
	// a value the header reader does not know: an index number, an office
	if containsAnyRune(p.Text, "，。！？；") {
		return Match{}, false
	}
	return whole(p, nil)
}

// accountLines removes the lines of a WeChat account card after the
// repost line: its name, then a line about it that starts with the name.
func accountLines(p Paragraph) (Match, bool) {
	if strings.HasPrefix(p.Prev, "以下文章来源于") || strings.HasPrefix(p.Prev, "以下文章來源於") {
		if m := reWechatCard.FindStringSubmatch(p.Prev); m != nil && p.Text == m[1] {
			return whole(p, nil)
		}
		return Match{}, false
	}
	if p.Prev != "" && runes(p.Prev) <= 16 && strings.HasPrefix(p.Text, p.Prev) &&
		containsAny(p.Text, "公众号", "公眾號", "官方", "账号", "帳號") {
		return whole(p, nil)
	}
	return Match{}, false
}

// masthead removes the publisher's name standing as a line in the head
// and records it as the source when nothing better names one.
func masthead(p Paragraph) (Match, bool) {
	if !reMasthead.MatchString(p.Text) {
		return Match{}, false
	}
	// 齐鲁晚报·齐鲁壹点: the paper and its app
	name := p.Text
	if i := indexAnyRune(name, "·・/／"); i > 0 {
		name = name[:i]
	}
	return whole(p, []Field{{Key: fieldOutlet, Value: name}})
}

// mastheadTime removes the publisher's name with the time, a line of its
// own over the story: 第一财经 2024-05-16 10:23:11.
func mastheadTime(p Paragraph) (Match, bool) {
	m := reMastheadTime.FindStringSubmatch(p.Text)
	if m == nil || !reOutletWord.MatchString(m[1]) {
		return Match{}, false
	}
	return whole(p, []Field{{Key: fieldOutlet, Value: m[1]}, {Key: FieldPublished, Value: m[2]}})
}

// creditLead cuts the credits that open the lead with no bracket or
// dateline: "文/羊城晚报全媒体记者 王晓明通讯员 李想记者从…获悉",
// "证券时报记者 王晓明本报讯 5月16日，…". The credits end at a blank, at
// the role word that begins the story (记者从…) or at 本报讯.
func creditLead(p Paragraph) (Match, bool) {
	t := prefix(p.Text, 60*3)
	if matchRole(t) == "" && outletPrefix(t) == 0 && !strings.HasPrefix(t, "文/") {
		return Match{}, false
	}
	// where the credits end without a blank (…李想记者从…), they must
	// name a publisher: "本报记者王晓明采写的报道" is the story's subject
	named := outletPrefix(strings.TrimPrefix(t, "文/")) > 0
	best, next := -1, 0
	var items []credit
	for k := 0; k < len(t); {
		r, size := utf8.DecodeRuneInString(t[k:])
		blank := isBlank(r) || strings.HasPrefix(t[k:], "本报讯") || strings.HasPrefix(t[k:], "本報訊")
		if k > 0 && (blank || named && matchRole(t[k:]) != "") {
			if its, _, ok := parseCredits(t[:k]); ok && hasRoleNames(its) {
				best, items = k, its
			}
		}
		k += size
	}
	if best < 0 {
		return Match{}, false
	}
	next = after(p.Text, best, isBlank)
	for _, w := range [...]string{"本报讯", "本報訊"} {
		if strings.HasPrefix(p.Text[next:], w) {
			next = after(p.Text, next+len(w), isBlank)
		}
	}
	if next >= len(p.Text) || next == 0 {
		return Match{}, false
	}
	return Match{Start: 0, End: next, Fields: creditFields(items)}, true
}

// hasRoleNames reports credits that name a reporter or an editor.
func hasRoleNames(items []credit) bool {
	for _, it := range items {
		if (it.kind == roleReporter || it.kind == roleEditor) && len(it.names) > 0 {
			return true
		}
	}
	return false
}

// latinCaption removes a caption credited in Latin letters:
// "…包装奶制品。 Zhang Wei for The New York Times".
func latinCaption(p Paragraph) (Match, bool) {
	// the credit ends in a Latin name: nothing else can match
	if n := len(p.Text); n == 0 || !('a' <= p.Text[n-1] && p.Text[n-1] <= 'z' || 'A' <= p.Text[n-1] && p.Text[n-1] <= 'Z') {
		return Match{}, false
	}
	m := reLatinCredit.FindStringSubmatch(p.Text)
	if m == nil {
		return Match{}, false
	}
	return whole(p, []Field{{Key: FieldPhotographer, Value: m[1]}})
}

// bulletHeadline removes a headline in a list after the story that has no
// heading: "►河口濕地復育有成 候鳥種類創新高".
func bulletHeadline(p Paragraph) (Match, bool) {
	if !reBulletHeadline.MatchString(p.Text) || !isTitleLike(p.Text) {
		return Match{}, false
	}
	return whole(p, nil)
}

func containsAny(s string, words ...string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// slashDateline splits "記者王曉明、李振華/台中報導聯合報" into the
// credits and what follows them: the place the story was filed from and
// the publisher's name after it.
func slashDateline(s string) (credits, place, outlet string) {
	i, size := strings.LastIndexByte(s, '/'), 1
	if strings.Contains(s, "／") {
		if j := strings.LastIndex(s, "／"); j > i {
			i, size = j, len("／")
		}
	}
	if i <= 0 {
		return s, "", ""
	}
	rest := s[i+size:]
	for _, w := range [...]string{"報導", "报道", "電", "电", "訊", "讯"} {
		if k := strings.Index(rest, w); k > 0 && k <= 6*3 {
			place, outlet = rest[:k], rest[k+len(w):]
			if !reHanWord.MatchString(place) {
				return s, "", ""
			}
			if outlet != "" && !reMasthead.MatchString(outlet) {
				return s, "", ""
			}
			return s[:i], place, outlet
		}
	}
	return s, "", ""
}

// looksMeta reports a short line beyond the story that reads as page
// furniture though no rule knows it: a date with a time or in figures
// (2024-05-16 20:45, 星期四 2024年 5月 16日), a credit's role word before a
// name (财联社记者 王晓明), hashtags, a line with no Chinese at all (A A A,
// - Advertisement -), or a word or two (主頁, 关注, 网站声明). A
// headline-like line (老街换了新模样), a subhead (记者从省统计局获悉), a
// signature's date (2024年5月20日) and a misread line (U+FFFD) are none of
// these.
func looksMeta(s string) bool {
	if strongMeta(s) {
		return true
	}
	if strings.ContainsRune(s, utf8.RuneError) {
		return false
	}
	han := 0
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			han++
		}
	}
	return han == 0 || runes(s) <= 4
}

// strongMeta reports the surer half of looksMeta: a date and time, a
// credit, hashtags, counters, navigation or share buttons. Only these
// make a line long enough to be a story's count as furniture.
func strongMeta(s string) bool {
	if strings.ContainsRune(s, utf8.RuneError) {
		return false
	}
	return reMetaDate.MatchString(s) || reMetaRole.MatchString(s) || reCountLine.MatchString(s) || reMetaNav.MatchString(s) && (runes(s) <= 20 || !reNetworks.MatchString(s)) || strings.HasPrefix(s, "#") ||
		strings.Count(s, "#") >= 2 || strings.Contains(s, "IP属地") || strings.Contains(s, "IP屬地") ||
		len(reFooterLabel.FindAllStringIndex(s, 3)) >= 2 || isMenu(s)
}

// isMenu reports a line of a site's menu: three or more items between
// bars (关于中工网 | 版权声明 | …), or six or more words of a few
// characters (荆楚网首页 新闻 政务 评论 问政 …).
func isMenu(s string) bool {
	if strings.Count(s, "|")+strings.Count(s, "｜") >= 2 {
		return true
	}
	words := strings.Fields(s)
	if len(words) < 6 {
		return false
	}
	for _, w := range words {
		if runes(w) > 5 {
			return false
		}
	}
	return true
}

// reFooterLabel is a label of a site's footer: a line with two of them
// (通信地址:… 邮编:… E-mail:…) is the site's, not a story's (报名地点：…).
var reFooterLabel = rx(`(?:通信地址|地址|邮编|郵編|E-mail|Email|email|电子邮箱|電子郵箱|传真|傳真|总机|總機){s}[:：]`)

var (
	reMetaDate = rx(`\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}:\d{2}|星期[一二三四五六日天]|週[一二三四五六日]|礼拜[一二三四五六日天]`)
	// 主页 北马新闻, 分享工具 facebook: navigation and share buttons
	reMetaNav = rx(`^(?:主页|首页|主頁|首頁)|^[-—–]{1,2} |(?i)\.(?:jpe?g|png|gif|webp)$|字号|字號|字体|字體|背景色|上一篇|下一篇|上一頁|下一頁|放大|缩小|縮小|打印本页|打印本頁|关闭窗口|關閉窗口|返回顶部|返回頂部|(?i:facebook|twitter|whatsapp|telegram|instagram|weibo|wechat)|\bLINE\b|微博|微信`)
	// 点赞 88, 阅读数：5.6万, 转发 56: a page's counters
	reCountLine = rx(`^(?:点赞|點讚|點贊|赞|讚|评论|評論|转发|轉發|阅读|閱讀|阅读数|閱讀數|阅读量|閱讀量|收藏|分享|浏览|瀏覽)(?:{s}[:：]?{s}[\d.,]+(?:万|萬|k|w)?|{s}[:：])$|阅读{s}[:：]?$`)
	// 夜校报名现场.jpg (160.33 KB, 下载次数: 4): an image's file name
	reImageFile = rx(`^\S{1,40}\.(?i:jpe?g|png|gif|webp|bmp)(?:{s}\(.{0,40}\))?$`)
	// （东岭区纪委监委 李四 王晓明）: a unit and the writers' names
	reUnitByline = rx(`^{(}(?P<unit>[\p{Han}]{2,12}) (?P<names>[\p{Han}·]{2,3}(?: [\p{Han}·]{2,3}){0,3}){)}$`)
	reNetworks   = rx(`(?i:facebook|twitter|whatsapp|telegram|instagram|weibo|wechat)|\bLINE\b|微博|微信`)
	reMetaRole   = rx(`(?:记者|記者|编辑|編輯|责编|責編|作者|通讯员|通訊員|摄影|攝影|校对|校對|审核|審核|撰稿|监制|監製)(?:{s}[:：|/／]|[ \x{3000}]|$)|出品$`)
)

// bracketCredits cuts a bracketed opening from the lead that names the
// publisher or the reporters: （观察者网讯）, 【环球网报道 记者 王晓明】,
// 新民晚报讯（通讯员刘欢记者王晓明）is the dateline rule's.
func bracketCredits(p Paragraph) (Match, bool) {
	inner, end, ok := leadingBracket(p.Text)
	if !ok || end >= len(p.Text) {
		return Match{}, false
	}
	if m := reOutletNews.FindStringSubmatch(inner); m != nil {
		return Match{Start: 0, End: end, Fields: []Field{{Key: FieldDateline, Value: p.Text[:end]}, {Key: fieldOutlet, Value: m[1]}}}, true
	}
	items, _, ok := parseCredits(inner)
	if !ok {
		return Match{}, false
	}
	return Match{Start: 0, End: end, Fields: creditFields(items)}, true
}

// leadingBracket returns the text inside a bracket that opens s, at most
// 40 characters, and where the bracket and the blanks after it end.
func leadingBracket(s string) (inner string, end int, ok bool) {
	open, size := utf8.DecodeRuneInString(s)
	var closeWith string
	switch open {
	case '（':
		closeWith = "）"
	case '(':
		closeWith = ")"
	case '【':
		closeWith = "】"
	case '〔':
		closeWith = "〕"
	case '［':
		closeWith = "］"
	case '[':
		closeWith = "]"
	default:
		return "", 0, false
	}
	k := strings.Index(s[size:], closeWith)
	if k <= 0 || k > 40*3 {
		return "", 0, false
	}
	end = size + k + len(closeWith)
	for end < len(s) && (s[end] == ' ' || strings.HasPrefix(s[end:], "\u3000")) {
		if s[end] == ' ' {
			end++
		} else {
			end += len("\u3000")
		}
	}
	return s[size : size+k], end, true
}

// bylineGlued cuts a byline glued to the last sentence, bracketed or not:
// "…秩序。（封面新闻记者 王晓明 陈晨 成都报道）", "…热热闹闹的。 紫牛新闻记者 王晓明".
func bylineGlued(p Paragraph) (Match, bool) {
	t := p.Text
	// the last sentence's end, within the last 40 characters
	at := glueAt(t, 40, func(r rune) bool { return isSentenceEnd(r) || r == '”' || r == '」' })
	if at <= 0 {
		return Match{}, false
	}
	rest := strings.TrimLeft(t[at:], " \u3000")
	// a credit that names a reporter, an editor or a photographer
	items, _, ok := parseCredits(rest)
	if !ok || !hasRoleNames(items) && !slices.ContainsFunc(items, func(it credit) bool { return it.kind == rolePhoto }) {
		return Match{}, false
	}
	return Match{Start: at, End: len(t), Fields: creditFields(items)}, true
}

// bareCredit removes a photographer's credit on a line of its own
// (儿基会/Ali Haddad) and the caption just above it.
func bareCredit(p Paragraph) (Match, bool) {
	if isBareCredit(p.Text) {
		m := reBareCredit.FindStringSubmatch(p.Text)
		return whole(p, []Field{{Key: FieldPhotographer, Value: m[1]}})
	}
	if runes(p.Text) <= 40 && isBareCredit(p.Next) {
		return whole(p, nil)
	}
	return Match{}, false
}

func isBareCredit(s string) bool {
	return len(s) <= 60 && containsAnyRune(s, "/／") && leadBareCredit.admits(s) && reBareCredit.MatchString(s)
}

// looseCredits reads the credits in a line that goes with a block of
// furniture though no rule could read it whole — "每经记者|王晓明 李想
// 每经编辑|张三", "栏目主编：张三 文字编辑：李四 题图来源：视觉中国": each
// role word and the names right after it, up to the next label.
func looseCredits(s string) []Field {
	var fs []Field
	for _, m := range reLooseCredit.FindAllStringSubmatchIndex(s, -1) {
		role := s[m[2]:m[3]]
		key := FieldCredit
		switch {
		case strings.HasSuffix(role, "编辑") || strings.HasSuffix(role, "編輯") || role == "责编" || role == "責編":
			key = FieldEditor
		case role == "摄影" || role == "攝影":
			key = FieldPhotographer
		default:
			key = FieldReporter
		}
		rest := s[m[1]:]
		// the names end at the next label (题图来源：) or a figure
		if k := indexAnyRune(rest, "：:|｜0123456789"); k >= 0 {
			label := strings.LastIndexAny(rest[:k], " \u3000")
			if k < len(rest) && (rest[k] == '0' || rest[k] >= '1' && rest[k] <= '9') || label < 0 {
				rest = rest[:k]
			} else {
				rest = rest[:label]
			}
		}
		for _, n := range splitNames(rest) {
			// 王晓明责编: a role glued to the name ends it and the names
			w := matchRoleIn(n)
			if w != "" {
				n = n[:strings.Index(n, w)]
			}
			if !isHanName(n) {
				break
			}
			fs = append(fs, Field{Key: key, Role: role, Value: n})
			if w != "" {
				break
			}
		}
	}
	// 新闻来源:欧洲时报: a source among the labels
	if m := reLooseSource.FindStringSubmatch(s); m != nil {
		fs = append(fs, Field{Key: FieldSource, Value: m[1]})
	}
	// 三立新聞網 setn.com ・ 2024年5月16日, 2024-05-16 18:42 红星新闻: the
	// publisher before or after the time
	if m := reLooseOutlet.FindStringSubmatch(s); m != nil {
		fs = append(fs, Field{Key: fieldOutlet, Value: m[1] + m[2]})
	}
	return fs
}

var reLooseOutlet = rx(`^([\p{Han}A-Za-z]{2,10}?(?:网|網|报|報|新闻|新聞|社|台))\s|\d{1,2}:\d{2}(?::\d{2})?\s+([\p{Han}]{2,10}?(?:网|網|报|報|新闻|新聞|社|台))$`)

var reLooseSource = rx(`(?:^|[\s|｜•·])(?:新闻来源|新聞來源|文章来源|文章來源|来源|來源|稿源){s}[:：]{s}([^\s|｜：:，,。]{2,20})`)

// matchRoleIn returns a role word of two characters or more inside s
// after its first character, or "".
func matchRoleIn(s string) string {
	for i := range s {
		if w := matchRole(s[i:]); i > 0 && w != "" && len(w) > 3 {
			return w
		}
	}
	return ""
}

var reLooseCredit = rx(`(责任编辑|責任編輯|文字编辑|文字編輯|图片编辑|圖片編輯|编辑|編輯|责编|責編|记者|記者|通讯员|通訊員|实习生|實習生|作者|摄影|攝影){s}[:：|｜/／]?{s}`)

// markedByline removes a byline set off by a mark inside the body, as
// Hong Kong papers print one under the first paragraph: ◆香港文匯報記者
// 王曉明、李振華.
func markedByline(p Paragraph) (Match, bool) {
	r, _ := utf8.DecodeRuneInString(p.Text)
	if !strings.ContainsRune("◆□■●", r) {
		return Match{}, false
	}
	items, _, ok := p.credits()
	if !ok || !hasRoleNames(items) {
		return Match{}, false
	}
	return whole(p, creditFields(items))
}

// accountName removes the account's name over a post on a platform,
// followed by its 关注 button: 临江同城资讯 / 关注.
func accountName(p Paragraph) (Match, bool) {
	switch strings.TrimLeft(p.Next, "+＋ ") {
	case "关注", "關注", "已关注", "已關注", "订阅", "訂閱":
		return whole(p, []Field{{Key: fieldOutlet, Value: p.Text}})
	}
	return Match{}, false
}

// deskLead cuts a desk's byline from the lead: "生活中心/王曉明、李四
// 新竹報導新竹縣政府…" keeps "新竹縣政府…".
func deskLead(p Paragraph) (Match, bool) {
	m := reDeskLead.FindStringSubmatchIndex(prefix(p.Text, 90))
	if m == nil {
		return Match{}, false
	}
	end := after(p.Text, m[1], func(r rune) bool { return isBlank(r) || r == ':' || r == '：' })
	if end >= len(p.Text) {
		return Match{}, false
	}
	var fs []Field
	for _, n := range splitNames(p.Text[m[2]:m[3]]) {
		fs = append(fs, Field{Key: FieldReporter, Role: "記者", Value: n})
	}
	return Match{Start: 0, End: end, Fields: fs}, true
}

// headlineFirst reports a headline as the first line: short, Chinese,
// ending no sentence, over a line of furniture (a time, a byline). A
// subhead over the story (老街换了新模样) stands over prose.
func headlineFirst(p Paragraph) bool {
	if p.Prev != "" || runes(p.Text) < 8 || runes(p.Text) > 40 || containsAnyRune(p.Text, "，,。") || strongMeta(p.Text) ||
		reDatelineDate.MatchString(p.Text) || !reHanRun.MatchString(p.Text) {
		return false // TNW中文站 10月14日报道 is a dateline; a headline is Chinese
	}
	if _, _, credits := p.credits(); credits {
		return false // 澎湃新闻记者 王晓明
	}
	return p.Next != "" && strongMeta(p.Next)
}

// namesLine removes a line of names alone in the head, each starting with
// a surname (王晓明 李四), perhaps with the place after a slash.
func namesLine(p Paragraph) (Match, bool) {
	m := reNamesLine.FindStringSubmatch(p.Text)
	if m == nil {
		return Match{}, false
	}
	var fs []Field
	names := splitNames(m[1])
	if len(names) == 1 && runes(names[0]) < 3 {
		return Match{}, false // 楼主: one word of two characters is no byline
	}
	for _, n := range names {
		if !hasSurname(n) {
			return Match{}, false
		}
		fs = append(fs, Field{Key: FieldReporter, Value: n})
	}
	return whole(p, fs)
}

// unitByline removes a bracketed unit with its writers' names, as
// government and party sites print them: （东岭区纪委监委 李四 王晓明）.
func unitByline(p Paragraph) (Match, bool) {
	m := reUnitByline.FindStringSubmatch(p.Text)
	if m == nil {
		return Match{}, false
	}
	var fs []Field
	for _, n := range splitNames(m[2]) {
		if !hasSurname(n) {
			return Match{}, false
		}
		fs = append(fs, Field{Key: FieldReporter, Value: n})
	}
	return whole(p, fs)
}

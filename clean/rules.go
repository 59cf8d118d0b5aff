package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// whole matches the whole paragraph with the given fields.
func whole(p Paragraph, fs []Field) (Match, bool) {
	return Match{Start: 0, End: len(p.Text), Fields: fs}, true
}

func runes(s string) int { return utf8.RuneCountInString(s) }

// short wraps a match function so that it only sees paragraphs of at most
// n characters: boilerplate lines are short, and long body paragraphs then
// cost no regular-expression work.
func short(n int, f func(Paragraph) (Match, bool)) func(Paragraph) (Match, bool) {
	return func(p Paragraph) (Match, bool) {
		if len(p.Text) > n && (len(p.Text) > 4*n || p.Runes() > n) {
			return Match{}, false
		}
		return f(p)
	}
}

// when wraps a match function so that it only runs on paragraphs for which
// test(text, lit) holds for one of the literals: a cheap test before a
// regular expression.
func when(test func(s, lit string) bool, lits []string, f func(Paragraph) (Match, bool)) func(Paragraph) (Match, bool) {
	return func(p Paragraph) (Match, bool) {
		for _, l := range lits {
			if test(p.Text, l) {
				return f(p)
			}
		}
		return Match{}, false
	}
}

// prefix returns the start of s, at most n bytes cut at a character
// boundary: what a pattern anchored at the start of a paragraph and
// shorter than that needs to see. Searching a long paragraph costs in
// proportion to its length even when the pattern is anchored.
func prefix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// needs runs f on paragraphs holding one of the literals.
func needs(lits []string, f func(Paragraph) (Match, bool)) func(Paragraph) (Match, bool) {
	masks := make([]sparseMask, len(lits))
	for i, l := range lits {
		m, _ := maskOf(l)
		masks[i] = sparseOf(&m)
	}
	any := someOf(lits)
	return func(p Paragraph) (Match, bool) {
		m := p.charMask()
		if m != nil && !m.meets(any) {
			return Match{}, false // the text holds no literal's character
		}
		for i, l := range lits {
			if (m == nil || m.holdsSparse(masks[i])) && strings.Contains(p.Text, l) {
				return f(p)
			}
		}
		return Match{}, false
	}
}

// firstsOf is the set of the literals' first characters.
func firstsOf(lits []string) *leadSet {
	var rs []rune
	for _, l := range lits {
		r, _ := utf8.DecodeRuneInString(l)
		rs = append(rs, r, r)
	}
	return newLeadSet(rs)
}

// startsRule is r matching with starts(lits, f), and short(r.max, …) when
// r.max is set, with the literals' first characters kept in r.lead: the
// engine asks them before it calls Match, saving the call on most
// paragraphs.
func startsRule(r Rule, lits []string, f func(Paragraph) (Match, bool)) Rule {
	r.lead = firstsOf(lits)
	return withMatch(r, starts(lits, f))
}

// withMatch is r matching with m, and short(r.max, m) when r.max is set.
func withMatch(r Rule, m func(Paragraph) (Match, bool)) Rule {
	r.Match = m
	if r.max > 0 {
		r.Match = short(r.max, m)
	}
	return r
}

// someOf is the mask of one character of each literal.
func someOf(lits []string) sparseMask {
	var some charMask
	for _, l := range lits {
		m, _ := maskOf(l)
		if w := sparseOf(&m); len(w) > 0 {
			some[w[0].i] |= w[0].bits & -w[0].bits
		}
	}
	return sparseOf(&some)
}

// needsRule is r matching with needs(lits, f), and short(r.max, …) when
// r.max is set, with a character of each literal kept in r.some: the
// engine asks the paragraph's mask for one before it calls Match.
func needsRule(r Rule, lits []string, f func(Paragraph) (Match, bool)) Rule {
	r.some = someOf(lits)
	return withMatch(r, needs(lits, f))
}

// starts runs f on paragraphs starting with one of the literals.
func starts(lits []string, f func(Paragraph) (Match, bool)) func(Paragraph) (Match, bool) {
	// the literals' first characters turn most paragraphs away at once
	first := firstsOf(lits)
	test := when(strings.HasPrefix, lits, f)
	return func(p Paragraph) (Match, bool) {
		if !first.admits(p.Text) {
			return Match{}, false
		}
		return test(p)
	}
}

// suffix runs f, a match function for text at the end of a paragraph, on
// paragraphs ending with one of ends, showing it at most their last 64
// characters, whatever their length.
func suffix(ends []string, f func(Paragraph) (Match, bool)) func(Paragraph) (Match, bool) {
	const max = 64 * 3
	return when(strings.HasSuffix, ends, func(p Paragraph) (Match, bool) {
		cut := 0
		if len(p.Text) > max {
			cut = len(p.Text) - max
			for cut < len(p.Text) && !utf8.RuneStart(p.Text[cut]) {
				cut++
			}
			p.Text, p.runes, p.src = p.Text[cut:], 0, nil
		}
		m, ok := f(p)
		m.Start += cut
		m.End += cut
		return m, ok
	})
}

// or tries match functions in turn.
func or(fs ...func(Paragraph) (Match, bool)) func(Paragraph) (Match, bool) {
	return func(p Paragraph) (Match, bool) {
		for _, f := range fs {
			if m, ok := f(p); ok {
				return m, ok
			}
		}
		return Match{}, false
	}
}

// words splits a space-separated list of literals.
func words(s string) []string { return strings.Fields(s) }

// lineIs matches the whole paragraph when is holds for its text.
func lineIs(is func(string) bool) func(Paragraph) (Match, bool) {
	return func(p Paragraph) (Match, bool) {
		if is(p.Text) {
			return whole(p, nil)
		}
		return Match{}, false
	}
}

// anyOf matches the whole paragraph when re finds anything in it.
func anyOf(re *pattern) func(Paragraph) (Match, bool) {
	lead := leadOf(re)
	return func(p Paragraph) (Match, bool) {
		if lead.admits(p.Text) && re.MatchString(p.Text) {
			return whole(p, nil)
		}
		return Match{}, false
	}
}

func isSentenceEnd(r rune) bool {
	switch r {
	case '。', '！', '？', '!', '?', '；', ';', '…':
		return true
	}
	return false
}

var (
	reEditNotice = rx(`^本(?:帖|貼)最后由{s}.{1,30}?{s}于{s}\d{4}-\d{1,2}-\d{1,2}{s}\d{1,2}:\d{2}(?::\d{2})?{s}(?:编辑|編輯)$`)
	reTools      = rx(`^(?:{s}{[}{s}(?:纠错|糾錯|打印(?:本页|本頁)?|关闭(?:窗口)?|關閉(?:窗口)?|收藏(?:本页|本頁)?|字号|字號|大|中|小|推荐|推薦|评论|評論|举报|舉報|复制链接|複製鏈接|返回顶部|返回頂部|分享|打印此文|关闭本页|關閉本頁){s}{]}{s})+$`)

	reSourceParen = rx(`^[(（【\[]{s}(?:文章|本文|信息|稿件|新闻|新聞)?(?:来源|來源|稿源|出处|出處){s}{:}{s}(?P<source>[^()（）【】\[\]]{1,40}?){s}[)）】\]]$`)
	reOrigTitle   = rx(`^[(（【\[]?{s}原(?:标题|標題|题目|題目){s}{:}{s}(?P<original_title>.{1,100}?){s}[)）】\]]?$`)
	reAppSource   = rx(`^(?:本文|此文|本篇)(?:来自|來自|转自|轉自|转载自|轉載自|首发于|首發於|分享自)(?:微信公众号|微信公眾號|公众号|公眾號)?{s}{:}?{s}{[}?(?P<source>[^，。,\s（(:：【】\[\]]{1,30}?){]}?{s}(?:客户端|客戶端|APP|App|app|公众号|公眾號)?(?:{s}[（(](?:ID|id|微信号|微信號){s}{:}{s}[A-Za-z0-9_-]{1,30}[）)])?(?:[，,]{s}(?:作者|作者为|作者為){s}{:}?{s}(?P<reporter>{name}))?(?:[，,].{0,60})?{end}$`)

	reDisclaimer = rx(`^{[}?(?:[\p{Han}A-Za-z]{2,10}(?:网|網|报|報|社|台)(?:声明|聲明)|广告声明|廣告聲明|免责声明|免責聲明|作者声明|作者聲明|平台声明|平台聲明|特别声明|特別聲明|郑重声明|鄭重聲明|法律声明|法律聲明|版权及免责声明|版權及免責聲明|风险提示|風險提示){]}?{s}{:}|^{[}?(?:声明|聲明){]}?{s}{:}.{0,80}(?:观点|觀點|仅代表|僅代表|不代表|侵权|侵權|转载|轉載|信息发布平台|信息發布平台|存储空间|存儲空間)`)
	rePlatform   = rx(`(?i)^本文参与.{0,24}(?:计划|計劃)|^本文由.{1,16}(?:上传|上傳|发布|發布).{0,8}(?:不代表|仅代表|僅代表)|(?:使用了您的|使用了你的)(?:图片|圖片|作品|文章).{0,20}(?:联系|聯繫|稿酬|撤下)|(?:索取稿酬|要求撤下)|仅提供信息存储空间服务|僅提供信息存儲空間服務|仅提供信息存储服务|僅提供信息存儲服務|仅提供信息发布平台|僅提供信息發布平台|系信息发布平台|係信息發布平台|申请澎湃号请用电脑访问|申請澎湃號請用電腦訪問|^notice\s*:\s*the content above|(?:网易号|網易號|头条号|頭條號|百家号|百家號|搜狐号|搜狐號|企鹅号|大鱼号).{0,12}(?:用户上传|用戶上傳|作者上传|作者上傳|授权发布|授權發布|不代表)|^举报/反馈$|^舉報/反饋$`)

	reCopyright = rx(`(?i)^{[}?(?:版权声明|版權聲明|版权说明|版權說明|版权所有|版權所有|著作权声明|著作權聲明|版权申明|版權申明){]}?|(?:版权所有|版權所有).{0,60}(?:未经|未經|不得|禁止|严禁|嚴禁|转载|轉載)|(?:未经|未經)(?:本网|本網|本站)?(?:书面)?(?:授权|授權|许可|許可|同意).{0,10}(?:不得|禁止|严禁|嚴禁|请勿|請勿)(?:转载|轉載|复制|複製|使用|镜像|鏡像)|copyright\s*(?:©|\(c\))|©\s*(?:\d{4}|copyright)|all\s+rights\s+reserved|^凡(?:本网|本網|本站)?注明|(?:著作权|著作權|版权|版權)(?:归|歸).{0,12}所有|转载请注明(?:出处|来源)|轉載請註明(?:出處|來源)|如需转载|如需轉載|(?:原创|原創|独家|獨家)稿件.{0,12}(?:转载|轉載)|(?:未经|未經).{1,20}?(?:授权|授權|许可|許可|同意).{0,10}(?:不得|禁止|严禁|嚴禁|请勿|請勿)(?:转载|轉載|复制|複製|使用|镜像|鏡像|摘编|摘編)`)
	// reCopyrightHead is the part of reCopyright anchored at the start.
	reCopyrightHead = rx(`(?i)^{[}?(?:版权声明|版權聲明|版权说明|版權說明|版权所有|版權所有|著作权声明|著作權聲明|版权申明|版權申明){]}?`)
	reICP           = rx(`(?i)icp\s*(?:备|備|证|證)?\s*[0-9０-９]{6,}|公网安备|公網安備|网络文化经营许可证|網絡文化經營許可證|互联网新闻信息服务许可证|互聯網新聞信息服務許可證`)

	reShare = rx(`^[^\p{Han}A-Za-z0-9]*(?:欢迎|歡迎|请|請|记得|記得|戳|↓)*(?:{[}?(?:分享到|分享至|分享){]}?{s}{:}?{s}$|(?:分享到|分享至){s}{:}|分享让更多人看到|分享讓更多人看到|扫一扫在手机(?:上)?打开(?:当前页|本页)|掃一掃在手機(?:上)?打開(?:當前頁|本頁)|(?:点击|點擊)(?:上方|下方|顶部|頂部|蓝字|藍字).{0,8}(?:关注|關注|订阅|訂閱)|(?:长按|長按)(?:识别|識別)?(?:图中|圖中)?(?:二维码|二維碼)|(?:打开|打開).{1,15}[，,]?{s}(?:查看更多|查看全文|阅读全文|閱讀全文)|(?:点|點)(?:个|個)?在看|(?:微信)?(?:扫一扫|掃一掃)|扫描二维码|掃描二維碼|(?:关注|關注)(?:我们|我們)|(?:下载|下載).{0,10}(?:客户端|客戶端|APP|App)|(?:分享|转发|轉發)到(?:微信|朋友圈|微博|QQ)|(?:扫码|掃碼)(?:关注|關注|下载|下載|阅读|閱讀)|(?:阅读原文|閱讀原文)$|喜欢此内容的人还喜欢)`)

	reNavLink  = rx(`^{[}?{s}(?:返回|回到)(?:首页|首頁|顶部|頂部|列表|目录|目錄|上页|上頁|.{1,12}?(?:首页|首頁|频道|頻道|新闻|新聞|网|網))(?:[，,]{s}(?:查看更多|看更多))?{s}{]}?(?:{s}{|}{s}.*)?$|^{[}?(?:返回|回到)(?:搜狐|网易|網易|新浪|腾讯|騰訊)[，,]{s}查看更多{]}?$`)
	rePrevNext = rx(`^(?:上一篇|下一篇|上一條|下一條|上一条|下一条|上一页|下一页|上一頁|下一頁)(?:文章)?{s}{:}?`)
	reMdLinks  = rx(`^(?:{s}!?\[[^\]\n]*\]\([^)\s]*\){s}[|｜丨︱│/·•]?{s})+$`)
	reBareURL  = rx(`^(?:(?:原文链接|原文鏈接|本文链接|本文鏈接|文章链接|文章鏈接|原文地址|链接|鏈接|网址|網址){s}{:}{s})?<?(?:https?://|www\.|//)[^\s<>]+>?$`)
	reLocation = rx(`^(?:您当前的位置|您當前的位置|当前的位置|當前的位置|当前位置|當前位置|您的位置|您现在的位置|您現在的位置|所在位置|位置|现在位置){s}{:}`)

	reEndMark         = rx(`^(?:{(}{s}(?:完|全文完|本文完|结束|結束){s}{)}|{[}{s}完{s}{]}|[-—－─=]*{s}(?:END|End|end){s}[-—－─=]*|[-—－─]+{s}(?:完|全文完){s}[-—－─]+)$`)
	reEndGlued        = rx(`(?:{(}(?:完|全文完|本文完){)}|【完】|[-—－]*{s}(?:END|End){s}[-—－]*)$`)
	reEditorGlued     = rx(`[(（【\[]{s}(?:责任编辑|責任編輯|责编|責編|编辑|編輯){s}{:}{s}(?P<editor>[^()（）【】\[\]]{1,20}?){s}[)）】\]]$`)
	reSourceGlued     = rx(`[(（【\[]{s}(?:文章|本文|信息|稿件)?(?:来源|來源|稿源|出处|出處){s}{:}{s}(?P<source>[^()（）【】\[\]]{1,40}?){s}[)）】\]]$`)
	reBylineGlued     = rx(`[(（]{s}(?:本报|本報)?(?:记者|記者|通讯员|通訊員|作者){s}{:}?{s}(?P<reporter>[\p{Han}·]{2,5}(?:[、 ,，][\p{Han}·]{2,5})*){s}[)）]$`)
	reCaption         = rx(captionStart + captionCredits)
	reImageCredit     = rx(`^{(}?(?:图片来源|圖片來源|图片|圖片|图|圖|视频来源|視頻來源|图源|圖源|题图|題圖|配图|配圖){s}(?:{:}|/|／){s}[^。！？]{1,30}{)}?$`)
	reDateline        = rx(`^(?P<dateline>(?:新华社|新華社|中新社|中新网|中新網|人民网|人民網|央视网|央視網|新华网|新華網|光明网|光明網|中国新闻网|中國新聞網|澎湃新闻|澎湃新聞|本报|本報|[\p{Han}]{2,8}?(?:网|網|社|报|報|台))[\p{Han}]{0,8}?(?:\d{1,2}月\d{1,2}日|[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日)(?:\d{1,2}时\d{1,2}分|\d{1,2}時\d{1,2}分)?(?:电|電|讯|訊|消息)|(?:本报讯|本報訊)|(?:央视网|央視網|新华网|新華網|人民网|人民網|中新网|中新網|环球网|環球網|中国网|中國網)消息|[\p{Han}A-Za-z]{2,12}?(?:网|網|在线|在線|台|社|频道|頻道)消息|[\p{Han}]{2,8}(?:[·・][\p{Han}]{2,8})?\d{1,2}月\d{1,2}日(?:\d{1,2}时\d{1,2}分)?(?:讯|訊)|[\p{Han}]{1,10}?(?:网|網|报|報|社|新闻|新聞|财经|財經|日报|日報)(?:讯|訊)|【[\p{Han}A-Za-z0-9.]{2,12}(?:专讯|專訊|讯|訊|消息)】|【[\p{Han}]{2,6}(?:网|網)】)`)
	reReporterLead    = rx(`^(?P<pre>[\p{Han}]{2,4}(?:[、 ][\p{Han}]{2,4}){0,3})?{s}(?:本报|本報)?(?:记者|記者)(?P<names>{s}[\p{Han}]{2,4}?(?:[、 ][\p{Han}]{2,4}?){0,3})(?:{s}(?:通讯员|通訊員){s}(?P<names2>[\p{Han}]{2,4}?(?:[、 ][\p{Han}]{2,4}?){0,3}))?{s}(?:报道|報道)`)
	reRelatedHead     = rx(`^{[}?{s}(?:更多[\p{Han}A-Za-z]{0,12}(?:報導|报道|新聞|新闻)|相关新闻|相關新聞|相关阅读|相關閱讀|延伸阅读|延伸閱讀|推荐阅读|推薦閱讀|相关文章|相關文章|相关报道|相關報道|相关链接|相關鏈接|热点推荐|熱點推薦|猜你喜欢|猜你喜歡|热门推荐|熱門推薦|更多新闻|更多新聞|往期回顾|往期回顧|精彩推荐|精彩推薦|今日推荐|今日推薦|往期推荐|往期推薦|其他人也在看|相关话题|相關話題|更多报道详见|更多報道詳見|延伸閱讀|你可能感兴趣|你可能感興趣|热门阅读|熱門閱讀){s}{]}?{s}{:}?{s}$`)
	reEditorGluedCode = rx(`[(（]{s}(?:责任编辑|責任編輯|责编|責編|编辑|編輯){s}{:}{s}(?P<editor>[\p{Han}·]{2,5}){s}[)）]\d{6,8}$`)
	reAuthorNote      = rx(`^{(}?(?:本文)?(?:作者单位|作者單位|作者简介|作者簡介|作者系|作者为|作者為|作者是){s}{:}?{s}[^。！？]{2,40}{)}?$`)
	reFollow          = rx(`(?:安装|安裝|下载|下載).{0,16}(?:客户端|客戶端|APP|App|app)|(?:订阅|訂閱|关注|關注|追踪|追蹤).{0,16}(?:频道|頻道|WhatsApp|Telegram|Instagram|Facebook|官方微信|公众号|公眾號|视频号|視頻號)|(?:扫描|掃描|扫码|掃碼|长按|長按).{0,12}(?:二维码|二維碼)|设为星标|設為星標|点个在看|點個在看|点赞|點讚|点亮在看|欢迎搜索|歡迎搜尋`)
	reWechatCard      = rx(`^以下文章来源于{s}(?P<source>[^，,\s]{2,20}){s}[，,]{s}作者.{0,20}$`)
	rePublishLine     = rx(`^(?:(\d{4}-\d{1,2}-\d{1,2}{s}\d{1,2}:\d{2}(?::\d{2})?){s}(?:发布于|發佈於|发表于|發表於|来自|來自|[·・])[^。，,]{0,30}|(?:发布|發佈|發布|更新|发表|發表){s}[/／]{s}(\d{4}年\d{1,2}月\d{1,2}日{s}\d{1,2}:\d{2})|(?:发表时间|發表時間|发布时间|發佈時間){s}{:}{s}\d{1,2}/\d{1,2}/\d{4}{s}-?{s}\d{1,2}:\d{2})$`)
	reKeywordLine     = rx(`^(?:(?:相關字詞|相关字词|关键词|關鍵詞|关键字|關鍵字|标签|標籤|相關標籤|相关标签){s}[:：﹕].{1,60}|(?:#[^#\s]{1,20}#{s})+|本文(?:收录|收錄)(?:于|於)?.{0,24})$`)
	reBracketByline   = compile(`^[（(]([\p{Han}]{2,8}?(?:网|網|报|報|社|台))[ \x{3000}]([\p{Han}]{2,4})[）)]$`)
	reMarker          = rx(`^(?:[-—–]*{s}(?:ADVERTISEMENT|Advertisement|广告|廣告){s}[-—–]*|[|｜丨]+|图片默认标题|圖片默認標題|展开阅读全文|展開閱讀全文|视频加载中\.{0,6}|視頻加載中\.{0,6}|(?:我是廣告|我是广告){s}(?:請繼續往下閱讀|请继续往下阅读)\.{0,6}…?|#|请继续往下阅读\.{0,6}…?|請繼續往下閱讀\.{0,6}…?|继续阅读|繼續閱讀|上/下一篇|详情>{1,3}|詳情>{1,3}|（?未完待续）?|（?未完待續）?|\d{1,2}{s}(?:分钟|分鐘)(?:阅读|閱讀)?)$`)
	reHotline         = rx(`(?:爆料|报料|報料|新闻线索|新聞線索|投稿|广告热线|廣告熱線|新闻热线|新聞熱線|读者热线|讀者熱線)`)
	reHotlineHow      = rx(`(?:\d{3,4}-?\d{7,8}|\d{5,}|[\w.]+@[\w-]+\.[\w.]+|https?://|微信号|微信號|公众号|公眾號)`)
	rePrintEdition    = rx(`^[（(]?(?:本文)?(?:首发于|首發於|刊于|刊於|原载于|原載於|原载|原載|来源于|來源於)?{s}\d{0,4}年?\d{0,2}月?\d{0,2}日?{s}《[^》]{2,14}》{s}[（(]?{s}(?:\d{4}年\d{1,2}月\d{1,2}日)?{s}(?:\d{1,3}{s}版|第{s}[\d一二三四五六七八九十]{1,3}{s}版)?{s}[）)]?{s}[）)]?$`)
	rePhotoLine       = rx(`^(?:[▲▼△▽]|图为|圖為)|[（(](?:资料照|資料照|资料图|資料圖|图/[^）)]{1,20}|圖／[^）)]{1,20}|圖/[^）)]{1,20})[）)]$|^(?:图片由|圖片由)[\p{Han}]{1,12}(?:提供|供图|供圖)$|^(?:图像来源|圖像來源|图像加注文字|圖像加註文字)[，,]`)
	reUpvotes         = rx(`^.{1,20}等{s}\d+{s}人(?:赞同|贊同)了(?:该|該)(?:文章|回答)$`)
	reGraphicNote     = rx(`{(}[\p{Han}]{0,6}(?:製圖|制图|圖表|图表|供圖|供图|發|发){)}$`)
	reListBullet      = compile(`^(?:[·•●○◆◇■□▪►▶>*\-—]+|\d{1,2}[.、)）]|[(（]\d{1,2}[)）])\s*`)
)

// A photo credit ends a caption: it starts at the caption's start or after
// the end of a sentence or a space (captionStart), and is one of the forms
// of captionCredits.
const (
	captionStart   = `(?:^|[。！？!?”」\s)）])`
	captionCredits = `(?:(?:[\p{Han}A-Za-z/]{1,12}?(?:记者|記者|通讯员|通訊員)|摄影|攝影)?{s}(?P<photographer>[\p{Han}·]{2,5}(?:[、 ][\p{Han}·]{2,5}){0,3}){s}(?:摄影|攝影|摄|攝)|[(（](?:(?:图|圖|图片|圖片)(?:来源|來源)?{s}[／/:：]?{s})?(?:[\p{Han}]{0,8}?(?:记者|記者|通讯员|通訊員))?{s}(?P<photographer2>[\p{Han}·]{2,5}(?:[、 ][\p{Han}·]{2,5}){0,3}){s}[／/]?{s}(?:摄影|攝影|摄|攝){)}|(?:特约|特約)?(?:摄影|攝影){s}(?P<photographer4>[\p{Han}·]{2,4}(?:[、 ][\p{Han}·]{2,4}){0,2})|(?:图|圖){s}[／/]{s}(?:[\p{Han}A-Za-z/]{0,12}?(?:记者|記者|通讯员|通訊員))?{s}(?P<photographer3>[\p{Han}·]{2,4}(?:[、 ][\p{Han}·]{2,4}){0,3}))$`
)

// reCaptionCredits is captionCredits anchored at the start: the match of
// reCaption that starts at a character of captionStart's class, looked for
// after that character.
var reCaptionCredits = rx(`^` + captionCredits)

// findCaption is reCaption.FindStringSubmatchIndex(s), trying only the
// places where a match can start instead of every byte of s.
func findCaption(s string) []int {
	// a credit runs to the end of s and holds only the characters of
	// creditRune: it starts after the last character that is not one,
	// which starts at last and ends at floor
	last, floor := 0, 0
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if !creditRune(r) {
			last, floor = i, i+size
		}
		i += size
	}
	// at the start, where ^ holds or a character of captionStart's
	// class begins s
	if r, size := utf8.DecodeRuneInString(s); len(s) > 0 && (floor == 0 || captionStartRune(r) && floor <= size) {
		if loc := reCaptionAt0.FindStringSubmatchIndex(s); loc != nil {
			return loc
		}
	}
	// after such a character, from the last one that is not a credit's
	for k := max(1, last); k < len(s); {
		r, size := utf8.DecodeRuneInString(s[k:])
		if captionStartRune(r) {
			if loc := reCaptionCredits.FindStringSubmatchIndex(s[k+size:]); loc != nil {
				for i := range loc {
					if loc[i] >= 0 {
						loc[i] += k + size
					}
				}
				loc[0] = k
				return loc
			}
		}
		k += size
	}
	return nil
}

// captionStartRune reports the characters of captionStart's class, after
// which a credit may start.
func captionStartRune(r rune) bool {
	switch r {
	case '。', '！', '？', '!', '?', '”', '」', '\t', '\n', '\f', '\r', ' ', ')', '）':
		return true
	}
	return false
}

// creditRune reports the characters captionCredits is made of: Han
// characters, Latin letters, spaces, and the marks · 、 / ／ : ： ( （ ) ）.
func creditRune(r rune) bool {
	switch {
	case r >= 0x4E00 && r <= 0x9FFF, r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
		return true
	}
	switch r {
	case ' ', '\u3000', '·', '、', '/', '／', ':', '：', '(', '（', ')', '）':
		return true
	}
	return r >= 0x2E80 && unicode.Is(unicode.Han, r)
}

// reCaptionAt0 is reCaption tried at the start of the text only.
var reCaptionAt0 = rx(`\A(?:` + captionStart + captionCredits + `)`)

// mdLinks is reMdLinks.MatchString(s): a line of nothing but Markdown
// links, [text](url) or ![alt](src), each perhaps followed by a bar, a
// slash or a dot. A link's text ends at its first "]" and its address at
// its first ")", so one pass decides.
func mdLinks(s string) bool {
	links := 0
	for i := 0; ; {
		i = after(s, i, isBlank)
		if i == len(s) {
			return links > 0
		}
		if s[i] == '!' {
			i++
		}
		if i == len(s) || s[i] != '[' {
			return false
		}
		j := strings.IndexByte(s[i+1:], ']')
		if j < 0 || strings.IndexByte(s[i+1:i+1+j], '\n') >= 0 {
			return false
		}
		i += j + 2
		if i == len(s) || s[i] != '(' {
			return false
		}
		k := strings.IndexByte(s[i+1:], ')')
		if k < 0 || strings.ContainsAny(s[i+1:i+1+k], " \t\n\f\r") {
			return false
		}
		i += k + 2
		links++
		i = after(s, i, isBlank)
		if r, size := utf8.DecodeRuneInString(s[i:]); i < len(s) && strings.ContainsRune("|｜丨︱│/·•", r) {
			i += size
		}
	}
}

// bareURL is reBareURL.MatchString(s): a line that is one address
// (http://…, https://…, www.…, //…), perhaps in angle brackets, perhaps
// after a label and a colon (原文链接：).
func bareURL(s string) bool {
	if urlOnly(s) {
		return true
	}
	for _, l := range [...]string{"原文链接", "原文鏈接", "本文链接", "本文鏈接", "文章链接", "文章鏈接", "原文地址", "链接", "鏈接", "网址", "網址"} {
		if rest, ok := strings.CutPrefix(s, l); ok {
			rest = rest[after(rest, 0, isBlank):]
			for _, colon := range [...]string{":", "：", "﹕"} {
				if r, ok := strings.CutPrefix(rest, colon); ok && urlOnly(r[after(r, 0, isBlank):]) {
					return true
				}
			}
		}
	}
	return false
}

// urlOnly is the address part of bareURL: the whole of s.
func urlOnly(s string) bool {
	s = strings.TrimPrefix(s, "<")
	for _, scheme := range [...]string{"http://", "https://", "www.", "//"} {
		if rest, ok := strings.CutPrefix(s, scheme); ok {
			// one or more characters that are not white space or angle
			// brackets, then perhaps ">"
			n := strings.IndexAny(rest, "\t\n\f\r <>")
			if n < 0 {
				return rest != ""
			}
			return n > 0 && rest[n:] == ">"
		}
	}
	return false
}

// closers end the glued credits of a last paragraph: "（责任编辑：X）".
var closers = words(") ） 】 ]")

// navWords are the link texts of site menus and footers.
var navWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`首页 首頁 网站地图 網站地圖 联系我们 聯繫我們 聯絡我們 关于我们 關於我們
		广告服务 廣告服務 法律声明 法律聲明 隐私政策 隱私政策 意见反馈 意見反饋 加入我们 加入我們 招聘信息
		版权声明 版權聲明 网站声明 網站聲明 设为首页 設為首頁 加入收藏 帮助中心 幫助中心 帮助 幫助 English
		手机版 手機版 客户端 客戶端 RSS 投稿 合作伙伴 友情链接 友情鏈接 新闻 新聞 财经 財經 体育 體育
		娱乐 娛樂 科技 汽车 汽車 房产 房產 教育 健康 旅游 旅遊 军事 軍事 国际 國際 国内 國內 社会 社會
		评论 評論 视频 視頻 图片 圖片 专题 專題 更多 登录 登錄 注册 註冊 时政 時政 文化 地方 滚动 滾動
		要闻 要聞 网站导航 網站導航 服务条款 服務條款 人才招聘 商务合作 商務合作 举报中心 舉報中心`) {
		navWords[w] = true
	}
}

// isBreadcrumb reads "首页 > 财经 > 正文" and "当前位置：…".
func isBreadcrumb(s string) bool {
	if leadLocation.admits(s) && reLocation.MatchString(s) {
		return true
	}
	if !containsAnyRune(s, ">＞›»→〉") {
		return false // one part: no path
	}
	parts := strings.FieldsFunc(s, func(r rune) bool {
		switch r {
		case '>', '＞', '›', '»', '→', '〉':
			return true
		}
		return false
	})
	if len(parts) < 2 || strings.Count(s, ">")+strings.Count(s, "＞")+strings.Count(s, "›")+strings.Count(s, "»")+strings.Count(s, "→")+strings.Count(s, "〉") < len(parts)-1 {
		return false
	}
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" || runes(p) > 14 || strings.ContainsFunc(p, func(r rune) bool { return isSentenceEnd(r) || r == '，' || r == ',' }) {
			return false
		}
	}
	first := strings.TrimSpace(parts[0])
	return len(parts) >= 3 || first == "首页" || first == "首頁" || first == "主页" || first == "網站首頁" || first == "网站首页"
}

// isSiteLinks reads footer and menu lines: "网站地图 | 联系我们 | 关于我们".
func isSiteLinks(s string) bool {
	sep := func(r rune) bool { return isItemSep(r) || r == '·' || r == '•' || r == '/' }
	// the fields strings.FieldsFunc would give, read one at a time: most
	// lines fail at the first
	n := 0
	for s != "" {
		tok := s
		if i := strings.IndexFunc(s, sep); i >= 0 {
			_, size := utf8.DecodeRuneInString(s[i:])
			tok, s = s[:i], s[i+size:]
		} else {
			s = ""
		}
		if tok == "" {
			continue
		}
		if !navWords[tok] {
			return false
		}
		n++
	}
	return n >= 2
}

func isRelatedHeading(s string) bool {
	return len(s) <= 60 && leadRelated.admits(s) && reRelatedHead.MatchString(s)
}

// isTitleLike reports a line that could be a headline in a list: short,
// with no sentence punctuation, perhaps a bullet or number before it.
func isTitleLike(s string) bool {
	if runes(s) > 60 {
		return false
	}
	s = reListBullet.ReplaceAllString(s, "")
	// a headline may exclaim or ask (速看！本周末天气有变), not state
	return s != "" && !strings.ContainsFunc(s, func(r rune) bool { return isSentenceEnd(r) && r != '！' && r != '？' && r != '!' && r != '?' })
}

// headerLine matches a whole line of labelled fields that names a source
// or an author: 本文来源：甬江晚报 作者：记者 陈晓岚.
func headerLine(p Paragraph) (Match, bool) {
	hs, ok := p.header()
	if !ok {
		return Match{}, false
	}
	named := false
	for _, h := range hs {
		named = named || h.kind == fkSource || h.kind == fkAuthor || h.kind == fkCredits
	}
	if !named {
		return Match{}, false
	}
	return whole(p, headerFields(hs))
}

// defaultRules is the default preset for Chinese news, in the order the
// rules are tried.
func defaultRules() []Rule {
	rules := []Rule{
		{Name: "html-container", Category: Markup, Zone: Anywhere, Match: func(p Paragraph) (Match, bool) {
			if p.Container == "" {
				return Match{}, false
			}
			return whole(p, nil)
		}},
		{Name: "editor-line", Category: Editor, Zone: Anywhere, max: 60, Match: short(60, func(p Paragraph) (Match, bool) {
			items, bracketed, ok := p.credits()
			if !ok {
				return Match{}, false
			}
			desk, allColon := false, true
			for _, it := range items {
				desk = desk || it.kind == roleEditor || it.kind == roleOther
				allColon = allColon && it.colon
			}
			if !desk || (p.Zone == Body && !bracketed && !allColon) {
				return Match{}, false
			}
			return whole(p, creditFields(items))
		})},
		{Name: "empty-credit", Category: Editor, Zone: Edges, max: 12, Match: short(12, anyOf(reEmptyCredit))},
		startsRule(Rule{Name: "edit-notice", Category: Editor, Zone: Anywhere, max: 60}, words("本帖 本貼"), anyOf(reEditNotice)),
		startsRule(Rule{Name: "tool-links", Category: Editor, Zone: Anywhere, max: 40}, words("【 [ ［ 〔"), anyOf(reTools)),
		startsRule(Rule{Name: "source-paren", Category: Source, Zone: Anywhere, max: 50}, words("( （ 【 ["), patternRule("", "", 0, reSourceParen).Match),
		startsRule(Rule{Name: "original-title", Category: Source, Zone: Anywhere, max: 110}, words("原 【原 [原 （原 (原"), patternRule("", "", 0, reOrigTitle).Match),
		startsRule(Rule{Name: "wechat-card", Category: Source, Zone: Head, max: 60}, words("以下文章"), patternRule("", "", 0, reWechatCard).Match),
		{Name: "account-card", Category: Source, Zone: Head, max: 80, Match: short(80, accountLines)},
		needsRule(Rule{Name: "dateline-title", Category: Byline, Zone: Head, max: 100}, words("题 題"), datelineTitle),
		{Name: "header-label", Category: Header, Zone: Head, max: 10, Match: short(10, labelLine)},
		{Name: "header-value", Category: Header, Zone: Head, max: 40, Match: short(40, labelValue)},
		startsRule(Rule{Name: "app-source", Category: Source, Zone: Anywhere, max: 100}, words("本文 此文 本篇"), or(headerLine, patternRule("", "", 0, reAppSource).Match)),
		{Name: "source-line", Category: Source, Zone: Edges, max: 120, Match: short(120, func(p Paragraph) (Match, bool) {
			hs, ok := p.header()
			if !ok {
				return Match{}, false
			}
			for _, h := range hs {
				if h.kind != fkSource {
					return Match{}, false
				}
			}
			return whole(p, headerFields(hs))
		})},
		startsRule(Rule{Name: "agencies", Category: Source, Zone: Edges, max: 40}, words("( （"), patternRule("", "", 0, reAgencies).Match),
		{Name: "compiled-from", Category: Source, Zone: Edges, max: 20, Match: short(20, suffix(words("综合 綜合 报道 報導 整理"), patternRule("", "", 0, reCompiled).Match))},
		{Name: "header-meta", Category: Header, Zone: Edges, max: 120, Match: short(120, func(p Paragraph) (Match, bool) {
			hs, ok := p.header()
			if !ok {
				return Match{}, false
			}
			hasTime := false
			for _, h := range hs {
				hasTime = hasTime || h.kind == fkTime
			}
			// a lone date closes letters and notices: only the head has them as meta
			if (len(hs) == 1 && hasTime && p.Zone != Head) || (!hasTime && len(hs) < 2) {
				return Match{}, false
			}
			return whole(p, headerFields(hs))
		})},
		{Name: "masthead", Category: Header, Zone: Head, max: 20, Match: short(20, masthead)},
		{Name: "account-name", Category: Header, Zone: Head, max: 20, Match: short(20, accountName)},
		{Name: "masthead-time", Category: Header, Zone: Edges, max: 40, Match: short(40, mastheadTime)},
		{Name: "title", Category: Header, Zone: Head, max: 60, Match: short(60, func(p Paragraph) (Match, bool) {
			last, _ := utf8.DecodeLastRuneInString(p.Text)
			if isSentenceEnd(last) || containsAnyRune(p.Text, "：:") || isBreadcrumb(p.Text) {
				return Match{}, false
			}
			if p.Element != "h1" && !headlineFirst(p) {
				hs, ok := parseHeader(p.Next)
				if !ok {
					return Match{}, false
				}
				meta := false
				for _, h := range hs {
					meta = meta || h.kind == fkTime || h.kind == fkSource
				}
				if !meta {
					return Match{}, false
				}
			}
			return whole(p, []Field{{Key: FieldTitle, Value: p.Text}})
		})},
		{Name: "names-line", Category: Byline, Zone: Head, max: 30, Match: short(30, namesLine)},
		{Name: "byline-date", Category: Byline, Zone: Head, max: 40, Match: short(40, patternRule("", "", 0, reBylineDate).Match)},
		{Name: "byline-comma", Category: Byline, Zone: Edges, max: 30, Match: short(30, patternRule("", "", 0, reRoleComma).Match)},
		{Name: "disclaimer", Category: Disclaimer, Zone: Edges, Match: or(starts(words("【 [ ［ 〔 免 特 郑 鄭 法 版 风 風 声 聲 作 平"), needs(words("声明 聲明 提示"), anyOf(reDisclaimer))),
			short(200, needs(words("声明 聲明"), anyOf(reDisclaimer))))},
		{Name: "platform-notice", Category: Disclaimer, Zone: Edges, Match: or(starts(words("Notice notice NOTICE"), anyOf(rePlatform)), short(160, needs(words("仅提供 僅提供 信息发布平台 信息發布平台 澎湃 otice 用户上传 用戶上傳 作者上传 作者上傳 授权发布 授權發布 不代表 举报/反馈 舉報/反饋 稿酬 撤下 计划 計劃"), anyOf(rePlatform))))},
		{Name: "copyright", Category: Copyright, Zone: Edges, Match: or(starts(words("【 [ 版权 版權 著作 凡 ©"), anyOf(reCopyrightHead)),
			short(160, needs(words("版权 版權 未经 未經 opyright OPYRIGHT © ights IGHTS 转载 轉載 著作"), anyOf(reCopyright))))},
		needsRule(Rule{Name: "icp-record", Category: Copyright, Zone: Edges, max: 120}, words("ICP icp Icp 公网安备 公網安備 许可证 許可證"), anyOf(reICP)),
		needsRule(Rule{Name: "follow-prompt", Category: Share, Zone: Tail, max: 160}, words("欢迎 歡迎 请 請 → 点击 點擊 更多 第一时间 第一時間 获取 獲取 建议 建議"), func(p Paragraph) (Match, bool) {
			// a sentence before the prompt is the story's: 会议召开。更多请下载客户端
			if i := strings.Index(p.Text, "。"); i >= 0 && i+len("。") < len(p.Text) {
				return Match{}, false
			}
			if reFollow.MatchString(p.Text) {
				return whole(p, nil)
			}
			return Match{}, false
		}),
		{Name: "promo-line", Category: Share, Zone: Edges, max: 80, Match: short(80, or(anyOf(rePromo), needs(words("點我 点我 點此 点此 按此 按我 LINE Line 鎖定 锁定 收看 粉絲 粉丝"), anyOf(reJoinPrompt))))},
		{Name: "read-more", Category: Navigation, Zone: Edges, max: 80, Match: short(80, anyOf(reReadMore))},
		{Name: "version-link", Category: Navigation, Zone: Edges, max: 20, Match: short(20, anyOf(reVersionLink))},
		needsRule(Rule{Name: "share-prompt", Category: Share, Zone: Anywhere, max: 40}, words("分享 扫 掃 点击 點擊 按 打开 打開 在看 关注 關注 下载 下載 转发 轉發 阅读原文 閱讀原文 喜欢"), anyOf(reShare)),
		needsRule(Rule{Name: "app-prompt", Category: Share, Zone: Edges, max: 80}, words("下载 下載 安装 安裝 APP App"), func(p Paragraph) (Match, bool) {
			// 不用抽 不用搶 現在用APP看新聞 點我下載APP: not a sentence of the
			// story, nor glued to one (会议召开。更多精彩请下载客户端)
			if isProse(p.Text) || strings.Contains(p.Text, "。") || !reFollow.MatchString(p.Text) {
				return Match{}, false
			}
			return whole(p, nil)
		}),
		needsRule(Rule{Name: "pin-prompt", Category: Share, Zone: Edges, max: 120}, words("星标 星標 置顶 置頂"), anyOf(rePinPrompt)),
		{Name: "breadcrumb", Category: Navigation, Zone: Edges, max: 80, Match: short(80, lineIs(isBreadcrumb))},
		needsRule(Rule{Name: "nav-link", Category: Navigation, Zone: Anywhere, max: 40}, words("返回 回到"), anyOf(reNavLink)),
		{Name: "prev-next", Category: Navigation, Zone: Edges, max: 80, Match: short(80, anyOf(rePrevNext))},
		startsRule(Rule{Name: "markdown-links", Category: Navigation, Zone: Anywhere}, words("[ ! 　 \t"), lineIs(mdLinks)),
		startsRule(Rule{Name: "bare-url", Category: Navigation, Zone: Anywhere, max: 300}, words("< http www // 原文 本文 文章 链接 鏈接 网址 網址"), lineIs(bareURL)),
		{Name: "site-links", Category: Navigation, Zone: Edges, max: 80, Match: short(80, lineIs(isSiteLinks))},
		{Name: "end-mark", Category: EndMark, Zone: Anywhere, max: 20, Match: short(20, anyOf(reEndMark))},
		{Name: "marker", Category: Navigation, Zone: Anywhere, Match: or(short(20, anyOf(reMarker)), short(30, needs(words("赞同 贊同"), anyOf(reUpvotes))))},
		needsRule(Rule{Name: "news-tips", Category: Share, Zone: Edges, max: 200}, words("爆料 报料 報料 线索 線索 投稿 热线 熱線"), func(p Paragraph) (Match, bool) {
			if reHotline.MatchString(p.Text) && reHotlineHow.MatchString(p.Text) {
				return whole(p, nil)
			}
			return Match{}, false
		}),
		{Name: "print-edition", Category: Source, Zone: Edges, max: 60, Match: short(60, func(p Paragraph) (Match, bool) {
			if !strings.Contains(p.Text, "《") || !leadPrintEdition.admits(p.Text) {
				return Match{}, false
			}
			if m := rePrintEdition.FindStringSubmatch(p.Text); m != nil {
				i, j := strings.Index(p.Text, "《"), strings.Index(p.Text, "》")
				return whole(p, []Field{{Key: FieldSource, Value: p.Text[i+len("《") : j]}})
			}
			return Match{}, false
		})},
		startsRule(Rule{Name: "author-note", Category: Byline, Zone: Edges, max: 60}, words("( （ 【 作者 本文作者"), anyOf(reAuthorNote)),
		{Name: "author-bio", Category: Byline, Zone: Edges, max: 60, Match: short(60, patternRule("", "", 0, reAuthorIs).Match)},
		{Name: "photo-line", Category: Caption, Zone: Anywhere, max: 160, Match: short(160, photoLine)},
		{Name: "publish-line", Category: Header, Zone: Edges, max: 60, Match: short(60, func(p Paragraph) (Match, bool) {
			if !leadPublishLine.admits(p.Text) {
				return Match{}, false
			}
			m := rePublishLine.FindStringSubmatch(p.Text)
			if m == nil {
				return Match{}, false
			}
			var fs []Field
			if m[1] != "" && !strings.HasPrefix(p.Text, "更新") {
				fs = append(fs, Field{Key: FieldPublished, Value: m[1]})
			}
			return whole(p, fs)
		})},
		{Name: "keyword-line", Category: Navigation, Zone: Edges, max: 80, Match: short(80, func(p Paragraph) (Match, bool) {
			if strings.HasSuffix(p.Prev, "：") {
				return Match{}, false // the topics a sentence introduces: …带上下面两个话题：
			}
			return keywordLine(p)
		})},
		startsRule(Rule{Name: "bracket-byline", Category: Byline, Zone: Edges, max: 30}, words("( （"), func(p Paragraph) (Match, bool) {
			m := reBracketByline.FindStringSubmatch(p.Text)
			if m == nil {
				return Match{}, false
			}
			return whole(p, []Field{{Key: fieldOutlet, Value: m[1]}, {Key: FieldReporter, Role: "记者", Value: m[2]}})
		}),
		{Name: "byline", Category: Byline, Zone: Edges, max: 60, Match: short(60, func(p Paragraph) (Match, bool) {
			items, _, ok := p.credits()
			if !ok {
				return Match{}, false
			}
			for _, it := range items {
				if it.kind == roleEditor || it.kind == roleOther {
					return Match{}, false // editor-line's
				}
			}
			return whole(p, creditFields(items))
		})},
		{Name: "byline-marked", Category: Byline, Zone: Body, max: 40, Match: short(40, markedByline)},
		{Name: "caption", Category: Caption, Zone: Anywhere, max: 200, Match: short(200, captionMatch)},
		{Name: "image-file", Category: Caption, Zone: Anywhere, max: 60, Match: short(60, func(p Paragraph) (Match, bool) {
			if !strings.Contains(p.Text, ".") || !containsAny(strings.ToLower(suffixOf(p.Text, 60)), ".jp", ".png", ".gif", ".webp", ".bmp") {
				return Match{}, false
			}
			return imageFile(p)
		})},
		startsRule(Rule{Name: "byline-unit", Category: Byline, Zone: Edges, max: 40}, words("( （"), unitByline),
		{Name: "caption-credit", Category: Caption, Zone: Anywhere, max: 40, Match: short(40, bareCredit)},
		needsRule(Rule{Name: "caption-latin", Category: Caption, Zone: Anywhere, max: 120}, words("for / ／"), latinCaption),
		{Name: "headline-bullet", Category: Related, Zone: Tail, max: 60, Match: short(60, bulletHeadline)},
		needsRule(Rule{Name: "image-credit", Category: Caption, Zone: Anywhere, max: 40}, words("图 圖 视频 視頻"), anyOf(reImageCredit)),
		{Name: "dateline", Category: Byline, Zone: Lead, Match: datelineMatch},
		{Name: "credit-lead", Category: Byline, Zone: Lead, Match: creditLead},
		needsRule(Rule{Name: "desk-lead", Category: Byline, Zone: Lead}, words("中心"), deskLead),
		{Name: "reporter-lead", Category: Byline, Zone: Lead, Match: reporterLeadMatch},
		{Name: "marker-glued", Category: Navigation, Zone: Last, Match: suffix(words("> # 更多 ① ② ③ ④ ⑤ ⑥ ⑦ ⑧ ⑨ ⑩ 0 1 2 3 4 5 6 7 8 9 报道 報道 報導 前"), patternRule("", "", 0, reGluedMarker).Match)},
		{Name: "end-mark-glued", Category: EndMark, Zone: Last, Match: suffix(words(") ） 】 END End - — －"), endGluedMatch)},
		{Name: "editor-glued", Category: Editor, Zone: Last, Match: or(suffix(closers, patternRule("", "", 0, reEditorGlued).Match),
			suffix(words("0 1 2 3 4 5 6 7 8 9"), patternRule("", "", 0, reEditorGluedCode).Match))},
		{Name: "source-glued", Category: Source, Zone: Last, Match: suffix(closers, patternRule("", "", 0, reSourceGlued).Match)},
		{Name: "byline-glued", Category: Byline, Zone: Last, Match: or(suffix(closers, patternRule("", "", 0, reBylineGlued).Match), bylineGlued)},
	}
	// a line made of several pieces the rules above know, or page tools:
	// 【我要纠错】 责任编辑：张三, 【字体：大 中 小】 打印本页 关闭窗口
	known := rules
	rules = append(rules, needsRule(Rule{Name: "combined-line", Category: Navigation, Zone: Edges, max: 100}, words("【 [ 打印 关闭 關閉 纠错 糾錯 字号 字號 字体 字體 编辑 編輯 责编 責編"), func(p Paragraph) (Match, bool) {
		return combinedLine(known, p)
	}))
	for i := range rules {
		rules[i].Description = builtinDescriptions[rules[i].Name]
	}
	return rules
}

// toolWords are page tools that stand alone on a line of them.
var toolWords = map[string]bool{
	"打印": true, "打印本页": true, "打印本頁": true, "关闭": true, "關閉": true, "关闭窗口": true, "關閉窗口": true,
	"收藏": true, "分享": true, "纠错": true, "糾錯": true, "我要纠错": true, "我要糾錯": true, "举报": true, "舉報": true,
	"返回顶部": true, "返回頂部": true, "大": true, "中": true, "小": true, "默认": true, "默認": true, "超大": true,
	"推荐": true, "推薦": true, "评论": true, "評論": true, "字号": true, "字號": true, "字体": true, "字體": true,
}

// combinedLine matches a line whose every piece (bracketed groups kept
// whole, others parted by blanks and bars) is a page tool or a line some
// rule removes whole, and gathers their metadata.
func combinedLine(rules []Rule, p Paragraph) (Match, bool) {
	pieces := linePieces(p.Text)
	if len(pieces) < 2 {
		return Match{}, false
	}
	var fs []Field
	for _, piece := range pieces {
		bare := strings.Trim(piece, "【】[]［］:：")
		if toolWords[bare] || strings.HasSuffix(bare, "：大") || strings.HasPrefix(bare, "字号") || strings.HasPrefix(bare, "字體") || strings.HasPrefix(bare, "字体") || strings.HasPrefix(bare, "字號") {
			continue
		}
		v := p
		v.Text, v.runes, v.src = piece, 0, nil
		ok := false
		for _, r := range rules {
			if r.Zone&p.Zone == 0 {
				continue
			}
			if m, matched := r.Match(v); matched && m.Start == 0 && m.End == len(piece) {
				fs = append(fs, m.Fields...)
				ok = true
				break
			}
		}
		if !ok {
			return Match{}, false
		}
	}
	return whole(p, fs)
}

// linePieces parts a line at blanks and bars, keeping bracketed groups
// whole.
func linePieces(s string) []string {
	var out []string
	start := -1
	depth := 0
	for i, r := range s {
		switch {
		case r == '【' || r == '[' || r == '［':
			if depth == 0 && start < 0 {
				start = i
			}
			depth++
		case r == '】' || r == ']' || r == '］':
			if depth > 0 {
				depth--
			}
		case depth == 0 && (isBlank(r) || r == '|' || r == '｜'):
			if start >= 0 {
				out = append(out, s[start:i])
				start = -1
			}
			continue
		}
		if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

// photoLine removes a photo line: ▲…, 图为…, …（资料图）, 图片由X提供.
func photoLine(p Paragraph) (Match, bool) {
	t := p.Text
	switch r, _ := utf8.DecodeRuneInString(t); r {
	case '▲', '▼', '△', '▽', '图', '圖', '资', '資':
	default:
		if !strings.HasSuffix(t, "）") && !strings.HasSuffix(t, ")") && !strings.Contains(t, "©") {
			return Match{}, false
		}
	}
	if rePhotoLine.MatchString(t) || reCopyrightCaption.MatchString(t) {
		fs, _ := captionCredit(t)
		return whole(p, fs)
	}
	return Match{}, false
}

// captionMatch removes a photo caption: a short paragraph ending with a
// photographer's credit, "…行程碼。高文武 攝" or "（记者 张三 摄）".
func captionMatch(p Paragraph) (Match, bool) {
	fs, ok := captionCredit(p.Text)
	if !ok {
		return Match{}, false
	}
	// the story's last paragraph with a photographer's credit glued to
	// it: "康文署表示，…安排。記者李四攝" loses the credit, not the paragraph
	if p.Zone != Head && (p.Next == "" || isCreditLine(p.Next)) {
		if at := glueAt(p.Text, 20, func(r rune) bool { return r == '。' || r == '！' || r == '？' }); at > 0 && runes(p.Text[:at]) > 40 && containsAnyRune(p.Text[:at], "，,") {
			return Match{Start: at, End: len(p.Text), Fields: fs}, true
		}
	}
	return whole(p, fs)
}

// glueAt returns where something glued after the last sentence begins:
// just after the last character for which end holds, within the last n
// characters; 0 when there is none or nothing follows it.
func glueAt(s string, n int, end func(rune) bool) int {
	for i, k := len(s), 0; i > 0 && k < n; k++ {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		if end(r) {
			if i < len(s) {
				return i
			}
			return 0
		}
		i -= size
	}
	return 0
}

// isCreditLine reports a line of credits: 责任编辑：赵五.
func isCreditLine(s string) bool {
	if len(s) > 60*3 {
		return false
	}
	_, _, ok := parseCredits(s)
	return ok
}

// the match functions of patterns used inside other rules, built once
var (
	keywordLine = anyOf(reKeywordLine)
	imageFile   = anyOf(reImageFile)
)

// pictureSlash reports "图/" or "圖／" in s.
func pictureSlash(s string) bool {
	if strings.IndexByte(s, '/') < 0 && !strings.Contains(s, "／") {
		return false
	}
	return containsAny(s, "图/", "圖/", "图／", "圖／")
}

// captionGroups are the groups of reCaption that hold the photographers.
var captionGroups = []int{reCaption.SubexpIndex("photographer"), reCaption.SubexpIndex("photographer2"), reCaption.SubexpIndex("photographer3"), reCaption.SubexpIndex("photographer4")}

// suffixOf returns the last n bytes of s or fewer, cut at a character
// boundary.
func suffixOf(s string, n int) string {
	if len(s) <= n {
		return s
	}
	at := len(s) - n
	for at < len(s) && !utf8.RuneStart(s[at]) {
		at++
	}
	return s[at:]
}

// captionCredit reads the photographers' credit that ends a caption,
// "…行程碼。高文武 攝", "（记者 张三 摄）", "(尹錦恩攝)(明報製圖)".
func captionCredit(t string) ([]Field, bool) {
	// 特约摄影 赵五 |: a bar after the credit
	for strings.HasSuffix(t, " ") || strings.HasSuffix(t, "|") || strings.HasSuffix(t, "｜") {
		t = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(t, " "), "|"), "｜")
	}
	// a graphics note after the credit: (明報製圖), （新华社发）
	if (strings.HasSuffix(t, "）") || strings.HasSuffix(t, ")")) && containsAny(suffixOf(t, 24), "製圖", "制图", "圖表", "图表", "供圖", "供图", "發", "发") {
		at := max(0, len(t)-48)
		for at > 0 && !utf8.RuneStart(t[at]) {
			at++
		}
		if loc := reGraphicNote.FindStringIndex(t[at:]); loc != nil && at+loc[0] > 0 {
			t = strings.TrimRight(t[:at+loc[0]], " ")
		}
	}
	// the credit ends the paragraph, perhaps in brackets: 王晓明 摄, （王晓明摄）
	end := strings.TrimRight(strings.TrimSuffix(strings.TrimSuffix(t, "）"), ")"), " ")
	if !strings.HasSuffix(end, "摄") && !strings.HasSuffix(end, "攝") &&
		!strings.HasSuffix(end, "摄影") && !strings.HasSuffix(end, "攝影") && !pictureSlash(suffixOf(t, 60)) &&
		!containsAny(suffixOf(t, 30), "摄影", "攝影") {
		return nil, false
	}
	// the credit is at the end: look at the last 32 characters only
	tail, cut := t, 0
	if len(tail) > 96 {
		cut = len(tail) - 96
		for !utf8.RuneStart(tail[cut]) {
			cut++
		}
		tail = tail[cut:]
	}
	loc := findCaption(tail)
	if loc == nil || (cut > 0 && loc[0] == 0) {
		return nil, false
	}
	var names string
	for _, g := range captionGroups {
		if loc[2*g] >= 0 {
			names = tail[loc[2*g]:loc[2*g+1]]
		}
	}
	var fs []Field
	for _, n := range splitNames(names) {
		if containsAnyRune(n, "拍航") || bylineTail[n] {
			return nil, false // 航拍, 拍摄, 摄影报道: not a name
		}
		fs = append(fs, Field{Key: FieldPhotographer, Role: "摄", Value: n})
	}
	return fs, true
}

// datelineMatch cuts a wire dateline and the byline after it from the lead:
// "新华社太原6月3日电（记者王晓明）记者从…" keeps "记者从…".
func datelineMatch(p Paragraph) (Match, bool) {
	if m, ok := bracketLead(p); ok {
		return m, true
	}
	if m, ok := bracketCredits(p); ok {
		return m, true
	}
	var loc []int
	// every form of reDateline ends with one of 电 電 讯 訊 息 】: a
	// paragraph whose first 150 bytes hold none is not run through it
	if head := prefix(p.Text, 150); leadDateline.admits(p.Text) && containsAnyRune(head, "电電讯訊息】") {
		loc = reDateline.FindStringSubmatchIndex(head)
	}
	if loc == nil {
		if loc = otherLead(p.Text); loc == nil {
			return Match{}, false
		}
	}
	fs := []Field{{Key: FieldDateline, Value: p.Text[loc[2]:loc[3]]}}
	end := after(p.Text, loc[1], isBlank)
	for _, pair := range [...][2]string{{"（", "）"}, {"(", ")"}} {
		if !strings.HasPrefix(p.Text[end:], pair[0]) {
			continue
		}
		if k := strings.Index(p.Text[end:], pair[1]); k > 0 && k < 120 {
			inner := p.Text[end+len(pair[0]) : end+k]
			if items, _, ok := parseCredits(inner); ok {
				fs = append(fs, creditFields(items)...)
				end += k + len(pair[1])
			}
		}
	}
	// 南都讯 记者王晓明 通讯员李想 5月16日，…: credits without brackets,
	// up to the last blank that ends a line of credits
	if e := after(p.Text, end, isBlank); matchRole(p.Text[e:]) != "" {
		best := -1
		var bestItems []credit
		for k := e; k < len(p.Text) && k-e < 90; {
			r, size := utf8.DecodeRuneInString(p.Text[k:])
			if isBlank(r) {
				if items, _, ok := parseCredits(p.Text[e:k]); ok {
					best, bestItems = k, items
				}
			}
			k += size
			// 【大公報訊】記者王曉明報道：康文署…: credits ending in a colon
			if r == '：' || r == ':' {
				if items, _, ok := parseCredits(p.Text[e:k]); ok {
					best, bestItems = k, items
				}
			}
		}
		if best > 0 {
			fs = append(fs, creditFields(bestItems)...)
			end = best
		}
	}
	end = after(p.Text, end, func(r rune) bool { return isBlank(r) || r == ':' || r == '：' })
	if end >= len(p.Text) {
		return Match{}, false // the lead is more than its dateline
	}
	return Match{Start: 0, End: end, Fields: fs}, true
}

// reBracketLead is a byline and dateline in brackets at the start of the
// lead: （中央社記者王曉明台北16日電）, 〔記者王曉明／台南報導〕,
// （吉隆坡16日讯）.
// the lead sets of the lead patterns
var (
	leadDateline     = leadOf(reDateline)
	leadBracket      = leadOf(reBracketLead)
	leadReporter     = leadOf(reReporterLead)
	leadRelated      = leadOf(reRelatedHead)
	leadLocation     = leadOf(reLocation)
	leadPrintEdition = leadOf(rePrintEdition)
	leadPublishLine  = leadOf(rePublishLine)
)

var reBracketLead = compile(`^[（(〔［\[]((?:(?P<outlet>[\p{Han}]{2,6}?)?(?:記者|记者)(?P<names>(?:[\p{Han}]{3}|[\p{Han}]{2}|[\p{Han}]{4})(?:[、，,](?:[\p{Han}]{3}|[\p{Han}]{2}|[\p{Han}]{4})){0,3})[／/]?[\p{Han}]{0,8}?(?:\d{1,2}日)?(?:電|电|報導|报道|讯|訊))|[\p{Han}]{2,6}\d{1,2}日(?:讯|訊|电|電))[）)〕］\]]\s*`)

// bracketLead cuts a bracketed byline and dateline from the lead.
func bracketLead(p Paragraph) (Match, bool) {
	if !leadBracket.admits(p.Text) {
		return Match{}, false
	}
	m := reBracketLead.FindStringSubmatchIndex(prefix(p.Text, 240))
	if m == nil || m[1] >= len(p.Text) {
		return Match{}, false
	}
	fs := []Field{{Key: FieldDateline, Value: p.Text[m[2]:m[3]]}}
	if m[4] >= 0 {
		fs = append(fs, Field{Key: fieldOutlet, Value: p.Text[m[4]:m[5]]})
	}
	if m[6] >= 0 {
		for _, n := range splitNames(p.Text[m[6]:m[7]]) {
			fs = append(fs, Field{Key: FieldReporter, Role: "记者", Value: n})
		}
	}
	return Match{Start: 0, End: m[1], Fields: fs}, true
}

// reporterLeadMatch cuts "赵晓娟记者郭建军报道" from the start of the lead.
func reporterLeadMatch(p Paragraph) (Match, bool) {
	if !leadReporter.admits(p.Text) {
		return Match{}, false
	}
	loc := reReporterLead.FindStringSubmatchIndex(prefix(p.Text, 300))
	if loc == nil || loc[1] == len(p.Text) {
		return Match{}, false
	}
	var fs []Field
	for g := 1; g <= 3; g++ {
		if loc[2*g] < 0 {
			continue
		}
		for _, n := range splitNames(p.Text[loc[2*g]:loc[2*g+1]]) {
			role := "记者"
			if g == 3 {
				role = "通讯员"
			}
			fs = append(fs, Field{Key: FieldReporter, Role: role, Value: n})
		}
	}
	// 記者王曉明報道：康文署…: the colon goes with the byline
	end := after(p.Text, loc[1], func(r rune) bool { return isBlank(r) || r == ':' || r == '：' })
	if end >= len(p.Text) {
		return Match{}, false
	}
	return Match{Start: 0, End: end, Fields: fs}, true
}

// endGluedMatch cuts an end mark glued to the last sentence: "…胜利。（完）",
// "…胜利。END". END counts only after sentence punctuation.
func endGluedMatch(p Paragraph) (Match, bool) {
	loc := reEndGlued.FindStringIndex(p.Text)
	if loc == nil || loc[0] == 0 {
		return Match{}, false
	}
	if strings.Contains(p.Text[loc[0]:], "END") || strings.Contains(p.Text[loc[0]:], "End") {
		before, _ := utf8.DecodeLastRuneInString(p.Text[:loc[0]])
		if !isSentenceEnd(before) && !strings.ContainsRune("”」』）)", before) {
			return Match{}, false
		}
	}
	return Match{Start: loc[0], End: loc[1]}, true
}

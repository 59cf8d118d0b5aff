package clean

import (
	"fmt"
	"strings"
)

// RuleInfo describes one rule a [Cleaner] runs, as [Cleaner.Rules] lists
// them: its name (for [Without] and in every [Removal]), its category,
// the zones it looks in and what it removes, in one line.
type RuleInfo struct {
	Name     string
	Category Category
	// Zone is where the rule looks; 0 for the rules that work on the
	// whole page or text before paragraphs are judged one by one (the
	// HTML page rules, inline glosses).
	Zone        Zone
	Description string
}

// String names the zones in z, joined by "|": "head", "lead", "body",
// "last", "tail", with "edges" for head|tail and "anywhere" for
// head|body|tail; "whole" for 0.
func (z Zone) String() string {
	switch z {
	case 0:
		return "whole"
	case Edges:
		return "edges"
	case Anywhere:
		return "anywhere"
	}
	var parts []string
	for i, name := range []string{"head", "lead", "body", "last", "tail"} {
		if z&(1<<i) != 0 {
			parts = append(parts, name)
		}
	}
	if rest := z &^ (Head | Lead | Body | Last | Tail); rest != 0 {
		parts = append(parts, fmt.Sprintf("Zone(%#x)", uint8(rest)))
	}
	return strings.Join(parts, "|")
}

// internalRuleZone is where the rules that work across paragraphs look.
var internalRuleZone = map[string]Zone{
	ruleGloss: 0, ruleRelated: Tail, ruleOutside: 0, ruleHidden: 0,
	ruleFurniture: 0, ruleLinks: 0, ruleForm: 0, ruleHeadBlock: Head, ruleTailBlock: Tail,
}

// builtinDescriptions says in one line what each built-in rule removes.
var builtinDescriptions = map[string]string{
	ruleOutside:   "page text outside the element that holds the article (menus, sidebars, footers), found by text and punctuation density",
	ruleHidden:    "hidden blocks inside the article's element (display:none, the hidden attribute)",
	ruleFurniture: "comment boxes, share bars, ads and related lists inside the article's element, by tag, class or id",
	ruleLinks:     "blocks inside the article's element that are mostly links: headline lists, menus, tag clouds",
	ruleForm:      "forms inside the article's element: search boxes, comment and login forms",
	ruleGloss:     "inline pinyin glosses after a character, 業(ye) 複產(chan), when the reading fits the character",
	ruleRelated:   "a related-stories list near the end: a heading such as 相关新闻 or 延伸閱讀 and the headlines under it",
	ruleHeadBlock: "short unknown lines caught between boilerplate lines at the head",
	ruleTailBlock: "short unknown lines caught between boilerplate lines at the tail",

	"html-container":  "paragraphs whose HTML ancestor is page furniture: nav, footer, share, comment and related containers",
	"editor-line":     "editor and desk credits: 责任编辑：王小明, （編輯：李文治）, 审核 校对 监制 lines",
	"empty-credit":    "a credit label with no name: 责任编辑：, 【来源：】",
	"edit-notice":     "forum edit notices: 本帖最后由 某人 于 2024-01-01 12:00 编辑",
	"tool-links":      "page tools in brackets: 【纠错】【打印本页】【关闭窗口】【字号 大 中 小】",
	"source-paren":    "a source in brackets: （来源：阳泉日报）, 【文章來源：中央社】",
	"original-title":  "the original headline of a reposted story: 原标题：…",
	"wechat-card":     "the account card of a reposted WeChat article: 以下文章来源于 某号 ，作者 某人",
	"account-card":    "the lines of a WeChat account card at the head: account name, 原创, author and time",
	"dateline-title":  "a title line with its dateline at the head: 题：… with an agency's dateline",
	"header-label":    "a lone field label at the head: 来源：, 发布时间：",
	"header-value":    "the value line under a lone label at the head",
	"app-source":      "an app's or account's source note: 本文来自微信公众号：某号, 本文转自…",
	"source-line":     "a line of sources only: 来源：新华网, 稿源：人民网-山西频道",
	"agencies":        "agencies in brackets at the edges: （新华社、美联社）, (Reuters)",
	"compiled-from":   "a compiled-from note: 综合报道, 本报综合",
	"header-meta":     "a header line of fields: 2024-01-09 10:00 来源：新华网 作者：王磊 阅读：1234",
	"masthead":        "a masthead at the head: 人民网, 阳泉日报",
	"account-name":    "an account or column name alone at the head",
	"masthead-time":   "an outlet with a publish time: 新华网 2024-01-09 10:00",
	"title":           "the headline at the head (an h1, or a line followed by a time or source line); kept as meta.title",
	"names-line":      "a line of names alone at the head, as bylines print them",
	"byline-date":     "a byline with a date: 王磊 2024年1月9日",
	"byline-comma":    "a role and names: 记者，王磊",
	"disclaimer":      "disclaimers: 免责声明, 特别声明, 本网声明, 風險提示",
	"platform-notice": "a platform's notice on reposted content: 本文由作者上传，不代表平台观点",
	"copyright":       "copyright notices: 版权声明, 版權所有, 未经授权不得转载, © lines",
	"icp-record":      "ICP and public-security registration numbers, licence numbers",
	"follow-prompt":   "prompts to follow or download at the tail: 欢迎关注, 更多资讯请下载客户端",
	"promo-line":      "promotions and subscribe prompts: 點我加入LINE好友, 请锁定…",
	"read-more":       "read-more links: 详情请浏览…, 全文：, 大家都在搜",
	"version-link":    "links to another version: 点击查看英文版, 閱讀繁體版",
	"share-prompt":    "share prompts: 分享到：, 扫一扫分享, 点击“在看”",
	"app-prompt":      "app download prompts standing alone: 下载APP看新闻",
	"pin-prompt":      "prompts to pin or star an account: 设为星标, 置顶公众号",
	"breadcrumb":      "breadcrumbs: 首页 > 新闻 > 正文, 您当前的位置：",
	"nav-link":        "back links: 返回首页, 回到顶部, 返回新闻频道",
	"prev-next":       "previous and next links: 上一篇：…, 下一页",
	"markdown-links":  "lines of Markdown links only: [首页](/) | [新闻](/news)",
	"bare-url":        "a bare URL or a link line: http://…, 原文链接：…",
	"site-links":      "a line of site section names: 首页 新闻 财经 体育",
	"end-mark":        "end marks: （完）, 【完】, -END-",
	"marker":          "page markers: 广告, ADVERTISEMENT, 展开阅读全文, 视频加载中",
	"news-tips":       "news-tip and hotline notices: 新闻热线：0353-1234567, 投稿邮箱",
	"print-edition":   "the print edition a story appeared in: 《人民日报》（2024年01月09日 第01版）; kept as the source",
	"author-note":     "notes on the author: 作者单位：…, （作者系…）",
	"author-bio":      "an author's bio line: 王磊是《某报》驻京记者",
	"photo-line":      "photo lines: ▲ …, 图为…, （资料图）, 圖／中央社",
	"publish-line":    "a publish line: 发布时间：2024-01-09, 2024-01-09 10:00 发布于北京",
	"keyword-line":    "keyword and tag lines: 关键词：…, #话题#",
	"bracket-byline":  "an outlet and reporter in brackets: （阳泉日报 王磊）",
	"byline":          "reporter and author bylines at the edges: 记者 王磊 通讯员 李明, 文/王磊",
	"byline-unit":     "a unit with its writers in brackets, as government sites print them: （东岭区纪委监委 李四 王晓明）",
	"byline-marked":   "a byline marked off in the body: 文｜王磊, ■ 本报记者 王磊",
	"caption":         "photo captions with a photographer: …。记者 王磊 摄",
	"image-file":      "an image file name standing alone: IMG_0001.jpg",
	"caption-credit":  "a bare photo credit: 路透社/John Smith",
	"caption-latin":   "a caption ending with a Latin credit: … John Smith for The Times",
	"headline-bullet": "bulleted headlines at the tail: · 某市召开会议",
	"image-credit":    "image credits: 图片来源：视觉中国, 图/IC",
	"dateline":        "an agency dateline opening the first paragraph: 新华社北京1月9日电（记者王磊）; kept as meta.dateline",
	"credit-lead":     "credits in brackets opening the first paragraph: （记者 王磊 通讯员 李明）",
	"desk-lead":       "a desk credit opening the first paragraph: 融媒体中心记者 王磊",
	"reporter-lead":   "reporters opening the first paragraph: 本报记者 王磊 报道",
	"marker-glued":    "a marker glued to the end of the last paragraph: …更多报道, ①②",
	"end-mark-glued":  "an end mark glued to the end of the last paragraph: …。（完）",
	"editor-glued":    "an editor credit glued to the end of the last paragraph: …。（责任编辑：王小明）",
	"source-glued":    "a source glued to the end of the last paragraph: …。（来源：阳泉日报）",
	"byline-glued":    "a byline glued to the end of the last paragraph: …。（记者 王磊）",
	"combined-line":   "a line made of pieces other rules know, or of page tools: 【我要纠错】 责任编辑：张三",
}

package clean

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// A labelled case: an article, the text that must come out, the rules that
// must fire (in input order, glosses included) and the metadata expected.
type labelled struct {
	name  string
	in    string
	want  string
	rules []string
	meta  Meta
}

const body1 = "山西省统计局9日发布数据显示，一季度全省地区生产总值同比增长6.0%，经济运行开局良好。"
const body2 = "从三次产业看，第一产业增加值增长5.1%，第二产业增加值增长7.2%，第三产业增加值增长4.9%。"
const tbody1 = "山西省統計局9日發布數據顯示，一季度全省地區生產總值同比增長6.0%，經濟運行開局良好。"
const tbody2 = "從三次產業看，第一產業增加值增長5.1%，第二產業增加值增長7.2%，第三產業增加值增長4.9%。"

var labelledCases = []labelled{
	// editor lines
	{name: "editor simplified full-width", in: body1 + "\n" + body2 + "\n责任编辑：王小明",
		want: body1 + "\n" + body2, rules: []string{"editor-line"}, meta: Meta{Editors: []string{"王小明"}}},
	{name: "editor traditional half-width parens", in: tbody1 + "\n(責編: 李文治)",
		want: tbody1, rules: []string{"editor-line"}, meta: Meta{Editors: []string{"李文治"}}},
	{name: "editor in lenticular brackets", in: body1 + "\n【责任编辑:张三】",
		want: body1, rules: []string{"editor-line"}, meta: Meta{Editors: []string{"张三"}}},
	{name: "editor reviewer proofreader", in: body1 + "\n编辑：李四 审核：王五 校对：赵六",
		want: body1, rules: []string{"editor-line"}, meta: Meta{Editors: []string{"李四"}}},
	{name: "editor separated by bars", in: body1 + "\n编辑：李四 | 审核：王五",
		want: body1, rules: []string{"editor-line"}, meta: Meta{Editors: []string{"李四"}}},
	{name: "editor line padded with NBSP and U+3000", in: "\u3000\u3000" + body1 + "\n\u00a0\u3000責任編輯：吉政\u00a0",
		want: body1, rules: []string{"editor-line"}, meta: Meta{Editors: []string{"吉政"}}},
	{name: "WeChat credits with vertical bars", in: "文丨张三 编辑丨李四\n" + body1 + "\n責任編輯︱吉政",
		want: body1, rules: []string{"editor-line", "editor-line"}, meta: Meta{Reporters: []string{"张三"}, Editors: []string{"李四", "吉政"}}},
	{name: "tool links", in: body1 + "\n【纠错】\n【打印】【关闭】",
		want: body1, rules: []string{"tool-links", "tool-links"}},
	{name: "editor line in the body with a colon", in: body1 + "\n编辑：张三\n" + body2,
		want: body1 + "\n" + body2, rules: []string{"editor-line"}, meta: Meta{Editors: []string{"张三"}}},

	// source lines
	{name: "source in parens at tail", in: body1 + "\n（文章来源：阳泉日报）",
		want: body1, rules: []string{"source-paren"}, meta: Meta{Source: "阳泉日报"}},
	{name: "source at head", in: "来源：新华社\n" + body1,
		want: body1, rules: []string{"source-line"}, meta: Meta{Source: "新华社"}},
	{name: "source traditional half-width at tail", in: tbody1 + "\n來源: 人民網",
		want: tbody1, rules: []string{"source-line"}, meta: Meta{Source: "人民網"}},
	{name: "original title", in: "原标题：山西经济开局良好\n" + body1,
		want: body1, rules: []string{"original-title"}, meta: Meta{OriginalTitle: "山西经济开局良好"}},
	{name: "client source", in: body1 + "\n本文来自澎湃新闻客户端",
		want: body1, rules: []string{"app-source"}, meta: Meta{Source: "澎湃新闻"}},
	{name: "source glued to the last sentence", in: body1 + "\n" + body2 + "（来源：新华网）",
		want: body1 + "\n" + body2, rules: []string{"source-glued"}, meta: Meta{Source: "新华网"}},

	// disclaimers and platform notices
	{name: "disclaimer half-width", in: body1 + "\n免责声明:本网转载自其它媒体的文章,并不代表本网赞同其观点和对其真实性负责。",
		want: body1, rules: []string{"disclaimer"}},
	{name: "special statement", in: body1 + "\n特别声明：本文仅代表作者观点，不代表本站立场。",
		want: body1, rules: []string{"disclaimer"}},
	{name: "NetEase notice", in: body1 + "\n特别声明：以上内容(包括在内的视频、图片或音频)为自媒体平台“网易号”用户上传并发布，本平台仅提供信息存储服务。\nNotice: The content above (including the pictures and videos if any) is uploaded and posted by a user of NetEase Hao, which is a social media platform and only provides information storage services.",
		want: body1, rules: []string{"disclaimer", "platform-notice"}},
	{name: "Sohu notice and return link", in: body1 + "\n返回搜狐，查看更多\n声明：该文观点仅代表作者本人，搜狐号系信息发布平台，搜狐仅提供信息存储空间服务。",
		want: body1, rules: []string{"nav-link", "disclaimer"}},
	{name: "The Paper notice", in: body1 + "\n澎湃新闻仅提供信息发布平台。申请澎湃号请用电脑访问http://renzheng.thepaper.cn。",
		want: body1, rules: []string{"platform-notice"}},
	{name: "Toutiao notice", in: body1 + "\n本文为头条号作者原创。未经授权，不得转载。\n举报/反馈",
		want: body1, rules: []string{"copyright", "platform-notice"}},

	// copyright
	{name: "copyright traditional", in: tbody1 + "\n版權聲明:凡注明“來源:本網”的所有作品,版權歸本網所有。",
		want: tbody1, rules: []string{"copyright"}},
	{name: "all rights reserved clause", in: body1 + "\n版权所有，未经授权不得转载",
		want: body1, rules: []string{"copyright"}},
	{name: "copyright English", in: body1 + "\nCopyright © 2022 Yangquan Daily. All Rights Reserved",
		want: body1, rules: []string{"copyright"}},
	{name: "ICP record", in: body1 + "\n晋ICP备12345678号-1 晋公网安备14030202000123号",
		want: body1, rules: []string{"icp-record"}},

	// share, app and follow prompts
	{name: "share to and share so more see", in: "分享到：\n" + body1 + "\n分享让更多人看到",
		want: body1, rules: []string{"share-prompt", "share-prompt"}},
	{name: "scan to open on phone", in: body1 + "\n扫一扫在手机打开当前页",
		want: body1, rules: []string{"share-prompt"}},
	{name: "WeChat follow prompts", in: "点击上方蓝字关注我们\n" + body1 + "\n长按二维码关注\n点个在看",
		want: body1, rules: []string{"share-prompt", "share-prompt", "share-prompt"}},
	{name: "open app to see more", in: body1 + "\n打开新浪新闻，查看更多精彩",
		want: body1, rules: []string{"share-prompt"}},

	// navigation
	{name: "breadcrumb", in: "首页 > 财经 > 正文\n" + body1,
		want: body1, rules: []string{"breadcrumb"}},
	{name: "current location", in: "当前位置：首页 > 新闻中心\n" + body1,
		want: body1, rules: []string{"breadcrumb"}},
	{name: "breadcrumb traditional NBSP", in: "新利平台\u00a0 >\u00a0 即時新聞\u00a0 >\u00a0 地方\n\n" + tbody1,
		want: tbody1, rules: []string{"breadcrumb"}},
	{name: "return home", in: body1 + "\n返回首页",
		want: body1, rules: []string{"nav-link"}},
	{name: "markdown link line", in: body1 + "\n[返回新闻频道](https://example.com/news/)｜[返回首页](https://example.com/)",
		want: body1, rules: []string{"markdown-links"}},
	{name: "bare URL lines", in: body1 + "\n<http://example.com/share?id=1>\nhttps://example.com/a/b.html",
		want: body1, rules: []string{"bare-url", "bare-url"}},
	{name: "site footer links", in: body1 + "\n网站地图 | 联系我们 | 关于我们",
		want: body1, rules: []string{"site-links"}},

	// header meta lines and titles
	{name: "dispatch time", in: "发稿时间：2022-05-09 10:20\n" + body1,
		want: body1, rules: []string{"header-meta"}, meta: Meta{Published: "2022-05-09 10:20"}},
	{name: "time source author", in: "2022-05-09 15:11 来源：新华网 作者：张三\n" + body1,
		want: body1, rules: []string{"header-meta"}, meta: Meta{Published: "2022-05-09 15:11", Source: "新华网", Reporters: []string{"张三"}}},
	{name: "title over header traditional", in: "山西經濟開局良好\n發稿時間：2022年5月9日 15:11 來源：山西日報\n" + tbody1,
		want: tbody1, rules: []string{"title", "header-meta"}, meta: Meta{Title: "山西經濟開局良好", Published: "2022年5月9日 15:11", Source: "山西日報"}},

	// related lists
	{name: "related news list", in: body1 + "\n" + body2 + "\n相关新闻：\n· 阳泉召开经济工作会议\n· 山西推进数字经济发展",
		want: body1 + "\n" + body2, rules: []string{"related-list", "related-list", "related-list"}},
	{name: "further reading traditional then editor", in: tbody1 + "\n延伸閱讀\n陽泉召開經濟工作會議\n山西推進數字經濟發展\n責任編輯：吉政",
		want: tbody1, rules: []string{"related-list", "related-list", "related-list", "editor-line"}, meta: Meta{Editors: []string{"吉政"}}},

	// end marks
	{name: "end mark line", in: body1 + "\n（完）",
		want: body1, rules: []string{"end-mark"}},
	{name: "end mark glued", in: body1 + "\n" + body2 + "（完）",
		want: body1 + "\n" + body2, rules: []string{"end-mark-glued"}},
	{name: "END glued", in: body1 + "END",
		want: body1, rules: []string{"end-mark-glued"}},
	{name: "END line with dashes", in: body1 + "\n-END-",
		want: body1, rules: []string{"end-mark"}},
	{name: "half-width end mark traditional", in: tbody1 + "(完)",
		want: tbody1, rules: []string{"end-mark-glued"}},

	// pinyin glosses
	{name: "glosses and nested gloss", in: "複工就是穩就業(ye) ,儀(yi) 式(主會(hui) 場)在朔州舉行。",
		want: "複工就是穩就業,儀式(主會場)在朔州舉行。", rules: []string{"pinyin-gloss", "pinyin-gloss", "pinyin-gloss"}},
	{name: "tone-marked gloss", in: "據(jù) 報道，項目進展順利。",
		want: "據報道，項目進展順利。", rules: []string{"pinyin-gloss"}},
	{name: "real parentheticals stay", in: "道新能源科技(朔州)有限公司采用LED(led)照明(1)(a)，中国(China)与(AI)合作。",
		want: "道新能源科技(朔州)有限公司采用LED(led)照明(1)(a)，中国(China)与(AI)合作。"},
	{name: "wrong reading stays", in: "中(ye) 国经济。",
		want: "中(ye) 国经济。"},

	// bylines
	{name: "wire dateline with reporter", in: "新华社太原6月3日电（记者王晓明）记者从山西省统计局获悉，一季度全省经济运行开局良好。\n" + body2,
		want: "记者从山西省统计局获悉，一季度全省经济运行开局良好。\n" + body2, rules: []string{"dateline"},
		meta: Meta{Source: "新华社", Dateline: "新华社太原6月3日电", Reporters: []string{"王晓明"}}},
	{name: "reporter glued to lead", in: "赵晓娟记者郭建军报道春天的阳泉，一派盎然生机。\n" + body2,
		want: "春天的阳泉，一派盎然生机。\n" + body2, rules: []string{"reporter-lead"}, meta: Meta{Reporters: []string{"赵晓娟", "郭建军"}}},
	{name: "local paper byline", in: "本报讯（记者 张三 通讯员 李四）近日，阳泉市召开经济工作会议。",
		want: "近日，阳泉市召开经济工作会议。", rules: []string{"dateline"}, meta: Meta{Dateline: "本报讯", Reporters: []string{"张三", "李四"}}},
	{name: "reporter lines at the tail", in: tbody1 + "\n記者郭強\n本报记者 张三 李四",
		want: tbody1, rules: []string{"byline", "byline"}, meta: Meta{Reporters: []string{"郭強", "张三", "李四"}}},
	{name: "byline glued at the end", in: body1 + "（记者 张三）",
		want: body1, rules: []string{"byline-glued"}, meta: Meta{Reporters: []string{"张三"}}},

	// captions
	{name: "caption traditional", in: tbody1 + "\n朔州東高速口，疫情防控人員查驗過往車輛健康碼。高文武 攝\n" + tbody2,
		want: tbody1 + "\n" + tbody2, rules: []string{"caption"}, meta: Meta{Photographers: []string{"高文武"}}},
	{name: "caption credit in parens", in: body1 + "\n工人在车间内生产。（新华社记者 李四 摄）\n" + body2,
		want: body1 + "\n" + body2, rules: []string{"caption"}, meta: Meta{Photographers: []string{"李四"}}},

	// HTML
	{name: "HTML whole page", in: `<!DOCTYPE html><html><head><title>标题</title>
<script>var s = "<p>不是正文</p>";</script></head><body>
<div class="nav"><a href="/">首页</a> <a href="/news">新闻</a></div>
<div class="breadcrumb">首页 &gt; 财经 &gt; 正文</div>
<h1>山西阳泉加快推进项目建设</h1>
<div class="info">2022-05-09 10:20 来源：阳泉日报</div>
<div class="content"><p>　　` + body1 + `</p><p>` + body2 + `</p>
<p><strong>加快推进项目建设</strong></p></div>
<div class="bdsharebuttonbox">分享到：<a>微信</a><a>微博</a></div>
<footer>Copyright © 2022 阳泉日报社</footer>
<script>track();</script></body></html>`,
		want: body1 + "\n" + body2 + "\n加快推进项目建设", rules: []string{"outside-article", "outside-article", "title", "header-meta", "share-prompt", "copyright"},
		meta: Meta{Title: "山西阳泉加快推进项目建设", Published: "2022-05-09 10:20", Source: "阳泉日报"}},
	{name: "HTML fragment with a share container", in: `<p>` + body1 + `</p><div class="share"><a>微信</a> <a>微博</a></div>`,
		want: body1, rules: []string{"html-container"}},
	{name: "HTML entities and zero-width", in: "<p>第一段&amp;nbsp;正文\u200b内容&nbsp;&nbsp;结束。</p><p>第二段&lt;正文&gt;。</p>",
		want: "第一段 正文内容 结束。\n第二段<正文>。"},
	{name: "HTML br paragraphs and source", in: "<div>" + body1 + "<br><br>" + body2 + "<br>（来源：山西日报）</div>",
		want: body1 + "\n" + body2, rules: []string{"source-paren"}, meta: Meta{Source: "山西日报"}},
	{name: "HTML line breaks between Han collapse", in: "<p>阳泉市\n召开会议，\n部署 AI\nwork。</p>",
		want: "阳泉市召开会议，部署 AI work。"},

	// head and tail as blocks
	{name: "tail ending in lines no rule knows", in: body1 + "\n" + body2 + "\n声明：该文观点仅代表作者本人，搜狐号系信息发布平台，搜狐仅提供信息存储空间服务。\n责任编辑：\n文章来源：大河网\n阅读 ()\n举报",
		want: body1 + "\n" + body2, rules: []string{"disclaimer", "empty-credit", "source-line", "tail-block", "tail-block"}, meta: Meta{Source: "大河网"}},
	{name: "tail block in Traditional", in: tbody1 + "\n" + tbody2 + "\n（編輯：謝佳珍）\n分享至 Facebook LINE WhatsApp\n本文為轉載，如有侵權請聯繫刪除",
		want: tbody1 + "\n" + tbody2, rules: []string{"editor-line", "tail-block", "tail-block"}, meta: Meta{Editors: []string{"謝佳珍"}}},
	{name: "head block before a breadcrumb", in: "字号：大 中 小\n打印本文\n首页 > 财经 > 正文\n" + body1 + "\n" + body2,
		want: body1 + "\n" + body2, rules: []string{"combined-line", "head-block", "breadcrumb"}},
	{name: "author note at the end", in: body1 + "\n" + body2 + "\n（作者单位：山西大学经济与管理学院）",
		want: body1 + "\n" + body2, rules: []string{"author-note"}},
	{name: "follow prompts at the end", in: body1 + "\n" + body2 + "\n還想看更多新聞嗎？歡迎下載自由時報APP，掌握第一手消息\n订阅东方日报WhatsApp频道，获取更多最新资讯。",
		want: body1 + "\n" + body2, rules: []string{"follow-prompt", "follow-prompt"}},
	{name: "WeChat repost card", in: "以下文章来源于江城晚报，作者江城晚报记者\n" + body1 + "\n" + body2,
		want: body1 + "\n" + body2, rules: []string{"wechat-card"}, meta: Meta{Source: "江城晚报"}},
	{name: "trap: an app named in the last sentence", in: body1 + "\n市民可下载“随申办”APP，在线办理相关业务。",
		want: body1 + "\n市民可下载“随申办”APP，在线办理相关业务。"},
	{name: "trap: a promotion glued to the story's only sentence", in: "阳泉市召开经济工作会议。更多精彩请下载客户端",
		want: "阳泉市召开经济工作会议。更多精彩请下载客户端"},
	{name: "publish lines at the head and tail", in: "2024-05-16 10:23发布于北京新京报社官方账号\n" + body1 + "\n" + body2 + "\n更新/2024年5月16日 12:05",
		want: body1 + "\n" + body2, rules: []string{"publish-line", "publish-line"}, meta: Meta{Published: "2024-05-16 10:23"}},
	{name: "keywords and hashtags at the tail", in: body1 + "\n" + body2 + "\n相關字詞﹕屯門公園 長者 康文署\n#乡村生活# #老物件#",
		want: body1 + "\n" + body2, rules: []string{"keyword-line", "keyword-line"}},
	{name: "bracketed outlet and reporter at the tail", in: body1 + "\n" + body2 + "\n（中国日报网 王晓明）",
		want: body1 + "\n" + body2, rules: []string{"bracket-byline"}, meta: Meta{Source: "中国日报网", Reporters: []string{"王晓明"}}},
	{name: "trap: a list just after the story", in: body1 + "\n一、加强组织领导\n二、强化督导检查\n（责任编辑：张三）",
		want: body1 + "\n一、加强组织领导\n二、强化督导检查", rules: []string{"editor-line"}, meta: Meta{Editors: []string{"张三"}}},
	{name: "trap: a short closing quote", in: body1 + "\n他说：“值了！”\n责任编辑：张三\n阅读 (12)",
		want: body1 + "\n他说：“值了！”", rules: []string{"editor-line", "tail-block"}, meta: Meta{Editors: []string{"张三"}}},
	{name: "trap: a notice's signature and date", in: body1 + "\n特此通知。\n某某市人民政府办公室\n2024年5月20日",
		want: body1 + "\n特此通知。\n某某市人民政府办公室\n2024年5月20日"},
	{name: "trap: a poem before the credits", in: body1 + "\n床前明月光\n疑是地上霜\n举头望明月\n低头思故乡\n责任编辑：张三",
		want: body1 + "\n床前明月光\n疑是地上霜\n举头望明月\n低头思故乡", rules: []string{"editor-line"}, meta: Meta{Editors: []string{"张三"}}},
	{name: "trap: an editor's note at the head", in: "编者按：今年是脱贫攻坚收官之年，本报今起推出系列报道。\n" + body1 + "\n" + body2,
		want: "编者按：今年是脱贫攻坚收官之年，本报今起推出系列报道。\n" + body1 + "\n" + body2},
	{name: "trap: a correction at the end", in: body1 + "\n更正：本报5月9日第2版报道中，“6.1%”应为“6.0%”，特此更正。",
		want: body1 + "\n更正：本报5月9日第2版报道中，“6.1%”应为“6.0%”，特此更正。"},
	{name: "trap: a subhead after the credits-like line", in: "记者从省统计局获悉\n" + body1 + "\n" + body2,
		want: "记者从省统计局获悉\n" + body1 + "\n" + body2},

	// must never happen
	{name: "trap: law article quoting disclaimers", in: body1 + "\n免责声明：格式条款中免除提供方责任的声明，依法无效。法院审理认为，该条款不能对抗消费者。\n版权声明是著作权人对作品权利的公开表示，并不创设新的权利。\n" + body2,
		want: body1 + "\n免责声明：格式条款中免除提供方责任的声明，依法无效。法院审理认为，该条款不能对抗消费者。\n版权声明是著作权人对作品权利的公开表示，并不创设新的权利。\n" + body2},
	{name: "trap: interview questions", in: "记者：今年的工作重点是什么？\n张局长：重点是项目建设。\n记者：谢谢！",
		want: "记者：今年的工作重点是什么？\n张局长：重点是项目建设。\n记者：谢谢！"},
	{name: "trap: funding source sentence", in: body1 + "\n资金来源：省级财政专项资金",
		want: body1 + "\n资金来源：省级财政专项资金"},
	{name: "trap: subheads without final punctuation", in: body1 + "\n在招商引资上再突破\n" + body2 + "\n在项目建设上再发力\n" + body1,
		want: body1 + "\n在招商引资上再突破\n" + body2 + "\n在项目建设上再发力\n" + body1},
	{name: "trap: related heading over body text", in: body1 + "\n相关阅读\n" + body2,
		want: body1 + "\n相关阅读\n" + body2},
	{name: "trap: reporter as subject of the lead", in: "记者从市统计局获悉，一季度全市经济运行开局良好。\n" + body2,
		want: "记者从市统计局获悉，一季度全市经济运行开局良好。\n" + body2},
	{name: "trap: date line closing a notice", in: body1 + "\n山西省统计局\n2022年5月9日",
		want: body1 + "\n山西省统计局\n2022年5月9日"},
	{name: "trap: short sentence mentioning an app", in: body1 + "\n他说，下载客户端办事很方便。\n" + body2,
		want: body1 + "\n他说，下载客户端办事很方便。\n" + body2},
	{name: "trap: source keyword mid-body", in: body1 + "\n来源：统计部门的数据显示增长明显\n" + body2,
		want: body1 + "\n来源：统计部门的数据显示增长明显\n" + body2},
	{name: "trap: a last sentence that starts with 记者", in: body1 + "\n记者今天获悉。",
		want: body1 + "\n记者今天获悉。"},
	{name: "trap: a last sentence with 记者 and 报道", in: body1 + "\n记者将跟进报道。",
		want: body1 + "\n记者将跟进报道。"},
	{name: "byline written as a sentence", in: body1 + "\n記者王曉明報道。",
		want: body1, rules: []string{"byline"}, meta: Meta{Reporters: []string{"王曉明"}}},
	{name: "head lines that read as furniture", in: "A A A\n2024-05-16 HKT 12:35\n分享工具 facebook\n" + body1 + "\n" + body2,
		want: body1 + "\n" + body2, rules: []string{"head-block", "head-block", "head-block"}},
	{name: "tail lines that read as furniture", in: body1 + "\n" + body2 + "\n#临江 #出行提示\n关于我们\n2024-05-16 20:45",
		want: body1 + "\n" + body2, rules: []string{"tail-block", "tail-block", "tail-block"}},
	{name: "trap: the paper's reporter as the lead's subject", in: "本报讯（记者 李四）本报记者王晓明采写的系列报道日前获得省新闻奖一等奖。\n" + body2,
		want: "本报记者王晓明采写的系列报道日前获得省新闻奖一等奖。\n" + body2, rules: []string{"dateline"}, meta: Meta{Reporters: []string{"李四"}, Dateline: "本报讯"}},
	{name: "trap: a subhead before the story", in: "老街换了新模样\n" + body1,
		want: "老街换了新模样\n" + body1},
	{name: "credits glued to names", in: "新民晚报讯（通讯员刘欢记者王晓明）" + body1 + "\n" + body2 + "（封面新闻记者 李想 成都报道）",
		want: body1 + "\n" + body2, rules: []string{"dateline", "byline-glued"}, meta: Meta{Source: "新民晚报", Dateline: "新民晚报讯", Reporters: []string{"刘欢", "王晓明", "李想"}}},
	{name: "bracketed lead naming the publisher", in: "（观察者网讯）" + body1 + "\n" + body2,
		want: body1 + "\n" + body2, rules: []string{"dateline"}, meta: Meta{Source: "观察者网", Dateline: "（观察者网讯）"}},
	{name: "a caption and its credit on the next line", in: body1 + "\n孩子们正在上课。\n儿基会/Ali Haddad\n" + body2,
		want: body1 + "\n" + body2, rules: []string{"caption-credit", "caption-credit"}, meta: Meta{Photographers: []string{"Ali Haddad"}}},
}

func TestLabelled(t *testing.T) {
	ignore := cmpopts.IgnoreFields(Meta{}, "Credits", "PublishedAt")
	for _, tc := range labelledCases {
		t.Run(tc.name, func(t *testing.T) {
			res := Default().CleanString(tc.in)
			checkInvariants(t, []byte(tc.in), res)
			if diff := cmp.Diff(tc.want, res.Text); diff != "" {
				t.Errorf("text (-want +got):\n%s", diff)
			}
			var rules []string
			for _, r := range res.Removed {
				rules = append(rules, r.Rule)
			}
			if diff := cmp.Diff(tc.rules, rules, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("rules (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.meta, res.Meta, ignore, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("meta (-want +got):\n%s", diff)
			}
			// cleaning again removes nothing more
			again := Default().CleanText([]byte(res.Text))
			if again.Text != res.Text || len(again.Removed) != 0 {
				t.Errorf("not idempotent: second pass removed %+v", again.Removed)
			}
		})
	}
	if len(labelledCases) < 40 {
		t.Errorf("%d labelled cases, want at least 40", len(labelledCases))
	}
}

func TestLabelledCategoriesCovered(t *testing.T) {
	byRule := map[string]Category{}
	for _, r := range defaultRules() {
		byRule[r.Name] = r.Category
	}
	for n, c := range internalRuleCategory {
		byRule[n] = c
	}
	seen := map[Category]bool{}
	for _, tc := range labelledCases {
		for _, r := range tc.rules {
			seen[byRule[r]] = true
		}
	}
	for _, c := range []Category{Editor, Source, Disclaimer, Copyright, Share, Navigation, Header, Related, EndMark, Byline, Caption, Gloss, Markup, Page, Block} {
		if !seen[c] {
			t.Errorf("no labelled case for category %s", c)
		}
	}
	if n := strings.Count(strings.Join(func() []string {
		var s []string
		for _, tc := range labelledCases {
			s = append(s, tc.name)
		}
		return s
	}(), "\n"), "trap:"); n < 8 {
		t.Errorf("%d trap cases, want at least 8", n)
	}
}

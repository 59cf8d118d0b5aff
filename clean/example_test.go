package clean_test

import (
	"fmt"
	"strings"

	"github.com/cnnews/cnnews/clean"
)

// The article of the package documentation: Traditional script, half-width
// punctuation, a breadcrumb padded with NBSP, pinyin glosses, a caption, an
// editor line and a copyright notice.
const article = "新利平台\u00a0 >\u00a0 即時新聞\u00a0 >\u00a0 地方\n" +
	"穩中求進看山西|統籌發展 朔州攻堅克難拓新局\n" +
	"發布時間:2022-05-09 15:11:00來源: 人民網-山西頻道\n" +
	"  複工就是穩就業(ye) ,複產(chan) 就是穩經濟。\n" +
	"朔州東(dong) 高速口,疫情防控人員查驗過往車輛健康碼。高文武 攝\n" +
	"  堅決切斷疫情傳(chuan) 播鏈條。\n" +
	"(責編: 李文治)\n" +
	"版權聲明:凡注明“來源:新利平台”的所有作品,版權歸本網所有。\n"

func ExampleDefault() {
	res := clean.Default().CleanString(article)
	fmt.Println(res.Text)
	fmt.Println("title:", res.Meta.Title)
	fmt.Println("source:", res.Meta.Source)
	fmt.Println("published:", res.Meta.PublishedAt)
	fmt.Println("editors:", res.Meta.Editors, "photographers:", res.Meta.Photographers)
	// Output:
	// 複工就是穩就業,複產就是穩經濟。
	// 堅決切斷疫情傳播鏈條。
	// title: 穩中求進看山西|統籌發展 朔州攻堅克難拓新局
	// source: 人民網-山西頻道
	// published: 2022-05-09 15:11:00 +0800 CST
	// editors: [李文治] photographers: [高文武]
}

func ExampleResult() {
	res := clean.Default().CleanString(article)
	for _, r := range res.Removed {
		fmt.Printf("line %d %-12s %-10s %q\n", r.Line, r.Rule, r.Category, r.Text)
	}
	// Output:
	// line 1 breadcrumb   navigation "新利平台\u00a0 >\u00a0 即時新聞\u00a0 >\u00a0 地方"
	// line 2 title        header     "穩中求進看山西|統籌發展 朔州攻堅克難拓新局"
	// line 3 header-meta  header     "發布時間:2022-05-09 15:11:00來源: 人民網-山西頻道"
	// line 4 pinyin-gloss gloss      "(ye) "
	// line 4 pinyin-gloss gloss      "(chan) "
	// line 5 caption      caption    "朔州東(dong) 高速口,疫情防控人員查驗過往車輛健康碼。高文武 攝"
	// line 6 pinyin-gloss gloss      "(chuan) "
	// line 7 editor-line  editor     "(責編: 李文治)"
	// line 8 copyright    copyright  "版權聲明:凡注明“來源:新利平台”的所有作品,版權歸本網所有。"
}

func ExampleRemoval() {
	input := "阳泉市召开经济工作会议。\n（文章来源：阳泉日报）"
	res := clean.Default().CleanString(input)
	r := res.Removed[0]
	fmt.Println(r.Rule, r.Category, r.Line, r.Start, r.End)
	fmt.Println(input[r.Start:r.End] == r.Text)
	// Output:
	// source-paren source 2 37 70
	// true
}

func ExampleMeta() {
	res := clean.Default().CleanString("新华社太原6月3日电（记者王晓明）记者从山西省统计局获悉，一季度经济开局良好。\n编辑：李四 审核：王五")
	fmt.Println(res.Text)
	fmt.Println(res.Meta.Dateline, res.Meta.Reporters, res.Meta.Editors)
	for _, c := range res.Meta.Credits {
		fmt.Println(c.Role, c.Name)
	}
	// Output:
	// 记者从山西省统计局获悉，一季度经济开局良好。
	// 新华社太原6月3日电 [王晓明] [李四]
	// 记者 王晓明
	// 编辑 李四
	// 审核 王五
}

func ExampleCredit() {
	res := clean.Default().CleanString("阳泉市召开经济工作会议。\n本报记者 张三 李四")
	fmt.Printf("%+v\n", res.Meta.Credits)
	// Output:
	// [{Role:本报记者 Name:张三} {Role:本报记者 Name:李四}]
}

func ExampleWarning() {
	// "中文" in GBK: not UTF-8
	res := clean.Default().Clean([]byte("阳泉\n\xd6\xd0\xce\xc4"))
	fmt.Println(res.Warnings[0])
	// Output:
	// line 2 (byte 7): 4 bytes are not valid UTF-8 and were replaced by U+FFFD (is the input GBK, GB18030 or Big5?)
}

func ExampleWarning_String() {
	w := clean.Warning{Line: 3, Offset: 120, Message: "<script> is never closed"}
	fmt.Println(w.String())
	// Output:
	// line 3 (byte 120): <script> is never closed
}

func ExampleNew() {
	c, err := clean.New(clean.Without("editor", "end-mark-glued"))
	if err != nil {
		panic(err)
	}
	fmt.Println(c.CleanString("阳泉市召开经济工作会议。（完）\n责任编辑：王小明").Text)
	_, err = clean.New(clean.Without("editr"))
	fmt.Println(err)
	// Output:
	// 阳泉市召开经济工作会议。（完）
	// 责任编辑：王小明
	// clean: no rule or category named editr
}

func ExampleWithout() {
	c, _ := clean.New(clean.Without("pinyin-gloss"))
	fmt.Println(c.CleanString("複工就是穩就業(ye) 。").Text)
	// Output:
	// 複工就是穩就業(ye) 。
}

func ExampleWith() {
	// a site that closes every article with its WeChat account
	c, err := clean.New(clean.With(clean.MustPattern("wechat-account", clean.Share, clean.Tail,
		`^微信公众号[:：]\s*(?P<source>\S+)$`)))
	if err != nil {
		panic(err)
	}
	res := c.CleanString("阳泉市召开经济工作会议。\n微信公众号：阳泉发布")
	fmt.Println(res.Text)
	fmt.Println(res.Removed[0].Rule, res.Meta.Source)
	// Output:
	// 阳泉市召开经济工作会议。
	// wechat-account 阳泉发布
}

func ExampleKeepCaptions() {
	c, _ := clean.New(clean.KeepCaptions())
	res := c.CleanString("工人在车间内生产。新华社记者 李四 摄\n阳泉市召开经济工作会议。")
	fmt.Println(res.Text)
	fmt.Println(res.Meta.Photographers)
	// Output:
	// 工人在车间内生产。新华社记者 李四 摄
	// 阳泉市召开经济工作会议。
	// [李四]
}

func ExamplePattern() {
	// cut a promotional suffix from the last paragraph: the "cut" group
	// narrows the removal
	r, err := clean.Pattern("promo", clean.Share, clean.Last, `(?P<cut>更多精彩请下载客户端)$`)
	if err != nil {
		panic(err)
	}
	c, _ := clean.New(clean.With(r))
	fmt.Println(c.CleanString("阳泉市召开经济工作会议。更多精彩请下载客户端").Text)
	// Output:
	// 阳泉市召开经济工作会议。
}

func ExampleMustPattern() {
	r := clean.MustPattern("hotline", clean.Share, clean.Edges, `^新闻热线[:：]\s*[\d-]+$`)
	c, _ := clean.New(clean.With(r))
	fmt.Println(c.CleanString("新闻热线：0353-1234567\n阳泉市召开经济工作会议。").Text)
	// Output:
	// 阳泉市召开经济工作会议。
}

func ExampleRule() {
	// a rule in Go: drop a tail line that only thanks the reader
	thanks := clean.Rule{
		Name:     "thanks",
		Category: clean.Share,
		Zone:     clean.Tail,
		Match: func(p clean.Paragraph) (clean.Match, bool) {
			if p.Text == "感谢阅读" || p.Text == "感謝閱讀" {
				return clean.Match{Start: 0, End: len(p.Text)}, true
			}
			return clean.Match{}, false
		},
	}
	c, _ := clean.New(clean.With(thanks))
	fmt.Println(c.CleanString("陽泉市召開經濟工作會議。\n感謝閱讀").Text)
	// Output:
	// 陽泉市召開經濟工作會議。
}

func ExampleMatch() {
	// a Match may cut part of a paragraph and report metadata
	signed := clean.Rule{
		Name: "signature", Category: clean.Byline, Zone: clean.Last,
		Match: func(p clean.Paragraph) (clean.Match, bool) {
			i := strings.LastIndex(p.Text, "——")
			if i < 0 {
				return clean.Match{}, false
			}
			return clean.Match{Start: i, End: len(p.Text), Fields: []clean.Field{
				{Key: clean.FieldReporter, Role: "作者", Value: p.Text[i+len("——"):]},
			}}, true
		},
	}
	c, _ := clean.New(clean.With(signed))
	res := c.CleanString("春天的阳泉，一派盎然生机。——赵晓娟")
	fmt.Println(res.Text, res.Meta.Reporters)
	// Output:
	// 春天的阳泉，一派盎然生机。 [赵晓娟]
}

func ExampleField() {
	f := clean.Field{Key: clean.FieldEditor, Role: "责任编辑", Value: "王小明"}
	fmt.Println(f.Key, f.Role, f.Value)
	// Output:
	// editor 责任编辑 王小明
}

func ExampleFieldKey() {
	// group names of a Pattern name the field they fill
	r := clean.MustPattern("author-line", clean.Byline, clean.Head, `^撰稿人[:：](?P<reporter>.+)$`)
	c, _ := clean.New(clean.With(r))
	res := c.CleanString("撰稿人：张三、李四\n阳泉市召开经济工作会议。")
	fmt.Println(clean.FieldReporter, res.Meta.Reporters)
	// Output:
	// reporter [张三 李四]
}

func ExampleZone() {
	// the same line is boilerplate at the tail and story in the body
	c := clean.Default()
	fmt.Println(c.CleanString("阳泉市召开经济工作会议。\n来源：阳泉日报").Text)
	body := "阳泉市召开经济工作会议。\n来源：统计部门的数据显示增长明显\n会议部署了全年工作。"
	fmt.Println(c.CleanString(body).Text == body)
	fmt.Println(clean.Edges == clean.Head|clean.Tail)
	// Output:
	// 阳泉市召开经济工作会议。
	// true
	// true
}

func ExampleCategory() {
	res := clean.Default().CleanString("阳泉市召开经济工作会议。\n分享让更多人看到\n返回首页")
	for _, r := range res.Removed {
		fmt.Println(r.Category)
	}
	// Output:
	// share
	// navigation
}

func ExampleParagraph() {
	// a rule sees one paragraph in its place
	var seen []string
	spy := clean.Rule{Name: "spy", Category: clean.Share, Zone: clean.Body,
		Match: func(p clean.Paragraph) (clean.Match, bool) {
			seen = append(seen, fmt.Sprintf("%d/%d %s next=%q", p.Index, p.Count, p.Text, p.Next))
			return clean.Match{}, false
		}}
	c, _ := clean.New(clean.With(spy))
	c.CleanString("　　第一段。\n　　第二段。")
	fmt.Println(strings.Join(seen, "\n"))
	// Output:
	// 0/2 第一段。 next="第二段。"
	// 1/2 第二段。 next=""
}

func ExampleParagraph_Runes() {
	p := clean.Paragraph{Text: "阳泉 2022"}
	fmt.Println(p.Runes(), len(p.Text))
	// Output:
	// 7 11
}

func ExampleCleaner_Clean() {
	res := clean.Default().Clean([]byte("　　阳泉市召开经济工作会议。\n\n（完）\n"))
	fmt.Printf("%q %s\n", res.Text, res.Format)
	// Output:
	// "阳泉市召开经济工作会议。" text
}

func ExampleCleaner_CleanString() {
	res := clean.Default().CleanString(`<p>阳泉市召开经济工作会议。</p><p class="em_media">（文章来源：阳泉日报）</p>`)
	fmt.Println(res.Text, res.Format, res.Meta.Source)
	fmt.Println(res.Removed[0].Text)
	// Output:
	// 阳泉市召开经济工作会议。 html 阳泉日报
	// <p class="em_media">（文章来源：阳泉日报）</p>
}

func ExampleCleaner_CleanText() {
	// read as text even though it holds a tag
	res := clean.Default().CleanText([]byte("公式 a<b> 成立。"))
	fmt.Println(res.Text)
	// Output:
	// 公式 a<b> 成立。
}

func ExampleCleaner_CleanHTML() {
	page := `<html><head><title>新闻</title><script>var x;</script></head><body>
<div class="breadcrumb">首页 &gt; 新闻</div>
<h1>阳泉召开经济工作会议</h1>
<div class="content"><p>&nbsp;&nbsp;阳泉市召开经济工作会议。</p></div>
<div class="bdsharebuttonbox">分享到：</div>
</body></html>`
	res := clean.Default().CleanHTML([]byte(page))
	fmt.Println(res.Text)
	fmt.Println(res.Meta.Title)
	// Output:
	// 阳泉市召开经济工作会议。
	// 阳泉召开经济工作会议
}

func ExampleCleaner_Rules() {
	c, _ := clean.New(clean.Without("gloss", "related", "markup", "editor", "source", "disclaimer",
		"copyright", "share", "navigation", "header", "byline", "caption", "page", "block"))
	for _, r := range c.Rules() {
		fmt.Printf("%s (%s, %s): %s\n", r.Name, r.Category, r.Zone, r.Description)
	}
	// Output:
	// end-mark (endmark, anywhere): end marks: （完）, 【完】, -END-
	// end-mark-glued (endmark, last): an end mark glued to the end of the last paragraph: …。（完）
}

// ExampleRuleInfo lists a rule added to the preset with what it says of
// itself.
func ExampleRuleInfo() {
	footer := clean.MustPattern("weibo-footer", clean.Share, clean.Tail, `^新浪微博：@\S+$`)
	footer.Description = "the paper's Weibo account: 新浪微博：@阳泉日报"
	c, _ := clean.New(clean.With(footer))
	rules := c.Rules()
	r := rules[len(rules)-1]
	fmt.Printf("%s | %s | %s | %s\n", r.Name, r.Category, r.Zone, r.Description)
	// Output:
	// weibo-footer | share | tail | the paper's Weibo account: 新浪微博：@阳泉日报
}

// ExampleZone_String names the zones a rule looks in.
func ExampleZone_String() {
	fmt.Println(clean.Head, clean.Edges, clean.Anywhere, clean.Lead|clean.Last)
	// Output:
	// head edges anywhere lead|last
}

func ExampleFormat() {
	fmt.Println(clean.Default().CleanString("阳泉<br>阳泉").Format, clean.Default().CleanString("阳泉").Format)
	// Output:
	// html text
}

func ExampleParseTime() {
	t, ok := clean.ParseTime("2022年5月9日 15:11")
	fmt.Println(t, ok)
	// Output:
	// 2022-05-09 15:11:00 +0800 CST true
}

func ExampleOption() {
	// options are values: collect them as a program's flags say
	keepCaptions, skipGlosses := true, false
	var opts []clean.Option
	if keepCaptions {
		opts = append(opts, clean.KeepCaptions())
	}
	if skipGlosses {
		opts = append(opts, clean.Without("gloss"))
	}
	c, err := clean.New(opts...)
	if err != nil {
		panic(err)
	}
	fmt.Println(c.CleanString("工人在车间内生产。李四 摄\n穩就業(ye) 。").Text)
	// Output:
	// 工人在车间内生产。李四 摄
	// 穩就業。
}

// ExampleCleaner_CleanHTML_page cleans a whole page: the text outside the
// article goes under the page category, the lines by the article give
// their metadata, and the page itself names its site and URL.
func ExampleCleaner_CleanHTML_page() {
	page := `<!DOCTYPE html><html><head><title>阳泉加快推进项目建设_新闻中心_某某网</title>
<link rel="canonical" href="https://news.example.cn/2022/05/09/yq.html"></head><body>
<div class="nav"><a href="/">首页</a> <a href="/news">新闻</a> <a href="/finance">财经</a></div>
<h1>阳泉加快推进项目建设</h1>
<div class="info">2022-05-09 10:20 来源：阳泉日报</div>
<div class="content"><p>今年以来，阳泉市扎实推进重点项目建设，一季度新开工项目四十二个。</p>
<p>在开发区的施工现场，塔吊林立，机器轰鸣，工人们正在紧张有序地作业。</p></div>
<div class="footer">关于我们 | 联系我们 | 网站地图</div></body></html>`
	res := clean.Default().CleanString(page)
	fmt.Println(res.Text)
	m := res.Meta
	fmt.Println(m.Title, "|", m.Source, "|", m.SiteName, "|", m.URL)
	for _, r := range res.Removed {
		fmt.Println(r.Category, r.Rule)
	}
	// Output:
	// 今年以来，阳泉市扎实推进重点项目建设，一季度新开工项目四十二个。
	// 在开发区的施工现场，塔吊林立，机器轰鸣，工人们正在紧张有序地作业。
	// 阳泉加快推进项目建设 | 阳泉日报 | 某某网 | https://news.example.cn/2022/05/09/yq.html
	// page outside-article
	// header title
	// header header-meta
	// navigation site-links
}

// ExampleCategory_block: short lines no rule knows go with the
// boilerplate after the story, in the block category.
func ExampleCategory_block() {
	res := clean.Default().CleanString("阳泉市召开经济工作会议，部署全年重点工作。\n责任编辑：张三\n阅读 (128)\n举报")
	fmt.Println(res.Text)
	for _, r := range res.Removed {
		fmt.Println(r.Category, r.Rule, r.Text)
	}
	// Output:
	// 阳泉市召开经济工作会议，部署全年重点工作。
	// editor editor-line 责任编辑：张三
	// block tail-block 阅读 (128)
	// block tail-block 举报
}

func ExampleCategory_all() {
	// every category of the default rules, each switched off by name
	for _, c := range []clean.Category{clean.Editor, clean.Source, clean.Disclaimer, clean.Copyright, clean.Share,
		clean.Navigation, clean.Header, clean.Related, clean.EndMark, clean.Byline, clean.Caption, clean.Gloss,
		clean.Markup, clean.Page, clean.Block} {
		if _, err := clean.New(clean.Without(string(c))); err != nil {
			fmt.Println(err)
		}
		fmt.Print(c, " ")
	}
	fmt.Println()
	// Output:
	// editor source disclaimer copyright share navigation header related endmark byline caption gloss markup page block
}

func ExampleZone_all() {
	// a rule for lines at either end, one for anywhere, one for the lead
	for _, z := range []clean.Zone{clean.Head, clean.Tail, clean.Edges, clean.Anywhere, clean.Lead, clean.Body, clean.Last} {
		fmt.Printf("%05b ", z)
	}
	fmt.Println()
	// Output:
	// 00001 10000 10001 10101 00010 00100 01000
}

func ExampleFieldKey_all() {
	// the group names a Pattern records as metadata
	fmt.Println([]clean.FieldKey{clean.FieldSource, clean.FieldEditor, clean.FieldReporter, clean.FieldPhotographer,
		clean.FieldPublished, clean.FieldTitle, clean.FieldOriginalTitle, clean.FieldDateline, clean.FieldCredit})
	r := clean.MustPattern("wire-source", clean.Source, clean.Tail, `^稿源[:：](?P<source>.+)$`)
	c, _ := clean.New(clean.With(r))
	res := c.CleanText([]byte("国务院新闻办公室今天举行发布会。\n稿源：新华网"))
	fmt.Println(res.Meta.Source)
	// Output:
	// [source editor reporter photographer published title original_title dateline credit]
	// 新华网
}

func ExampleFormat_detected() {
	for _, in := range []string{"<p>国务院新闻办公室今天举行发布会。</p>", "国务院新闻办公室今天举行发布会。"} {
		res := clean.Default().Clean([]byte(in))
		fmt.Println(res.Format == clean.HTML, res.Format == clean.Text, res.Text)
	}
	// Output:
	// true false 国务院新闻办公室今天举行发布会。
	// false true 国务院新闻办公室今天举行发布会。
}

func ExampleCleaner() {
	// one Cleaner, built once and shared by every goroutine
	c := clean.Default()
	res := c.CleanText([]byte("国务院新闻办公室今天举行发布会。\n（责任编辑：张三）"))
	fmt.Println(res.Text, res.Meta.Editors)
	// Output:
	// 国务院新闻办公室今天举行发布会。 [张三]
}

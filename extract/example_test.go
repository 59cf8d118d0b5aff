package extract_test

import (
	"fmt"
	"strings"

	"github.com/cnnews/cnnews/extract"
	"golang.org/x/net/html"
)

// page is a news page as a crawler saves it.
const page = `<!DOCTYPE html><html><head><meta charset="utf-8">
<title>山西阳泉加快推进项目建设_新闻中心_某某网</title>
<link rel="canonical" href="https://news.example.cn/2022/05/09/yq.html">
</head><body>
<div class="nav"><a href="/">首页</a> <a href="/news">新闻</a> <a href="/finance">财经</a></div>
<h1>山西阳泉加快推进项目建设</h1>
<div class="info">2022-05-09 10:20 来源：阳泉日报 作者：王晓明</div>
<div class="content">
  <p>今年以来，阳泉市紧紧围绕高质量发展目标，扎实推进重点项目建设，一季度新开工项目四十二个。</p>
  <p>在位于开发区的一处施工现场，塔吊林立，机器轰鸣，工人们正在紧张有序地作业。</p>
  <div class="share">分享到：<a>微信</a> <a>微博</a></div>
</div>
<div class="hot-rank"><h3>热门排行</h3><ol><li><a href="/1">一条热门新闻的标题</a></li></ol></div>
<div class="footer">Copyright © 2022 某某网 晋ICP备12345678号</div>
</body></html>`

func Example() {
	p, err := extract.ParseString(page)
	if err != nil {
		panic(err)
	}
	fmt.Println(p.Text())
	m := p.Meta
	fmt.Println(m.Title, "|", m.Source, "|", m.Authors, "|", m.SiteName)
	fmt.Println(m.PublishedAt)
	// Output:
	// 今年以来，阳泉市紧紧围绕高质量发展目标，扎实推进重点项目建设，一季度新开工项目四十二个。
	// 在位于开发区的一处施工现场，塔吊林立，机器轰鸣，工人们正在紧张有序地作业。
	// 山西阳泉加快推进项目建设 | 阳泉日报 | [王晓明] | 某某网
	// 2022-05-09 10:20:00 +0800 CST
}

func ExampleParse() {
	p, _ := extract.Parse([]byte(`<html><body><ul class="menu"><li><a href="/">首页</a></li></ul>
<article><p>国务院新闻办公室今天举行发布会，介绍一季度国民经济运行情况，并回答记者提问。</p></article></body></html>`))
	for _, n := range p.Article {
		fmt.Println(n.Data)
	}
	fmt.Println(p.Text())
	// Output:
	// article
	// 国务院新闻办公室今天举行发布会，介绍一季度国民经济运行情况，并回答记者提问。
}

func ExampleParseString() {
	// an unclosed <select> in the header: the parser reads the rest of
	// the page as browsers do, and the article is still found
	p, _ := extract.ParseString(`<html><body><form><select><option>新闻</option>
<div class="content"><p>阳泉市今年计划实施市级重点工程项目一百二十个，总投资超过八百亿元，涵盖新基建等领域。</p></div>`)
	fmt.Println(p.Text())
	// Output:
	// 阳泉市今年计划实施市级重点工程项目一百二十个，总投资超过八百亿元，涵盖新基建等领域。
}

func ExampleParseTime() {
	for _, s := range []string{"2022年5月9日 15:11", "2022-05-09T07:11:00Z", "2022/5/9"} {
		t, ok := extract.ParseTime(s)
		fmt.Println(t, ok)
	}
	// Output:
	// 2022-05-09 15:11:00 +0800 CST true
	// 2022-05-09 07:11:00 +0000 UTC true
	// 2022-05-09 00:00:00 +0800 CST true
}

func ExamplePage() {
	p, _ := extract.ParseString(page)
	fmt.Println(len(p.Article), p.Article[0].Data, p.Article[0].Attr)
	fmt.Println(p.Headline.Data, p.Lost)
	// Output:
	// 1 div [{ class content}]
	// h1 0
}

func ExamplePage_Text() {
	p, _ := extract.ParseString(`<html><body><div id="main"><p>第一段，正文写到这里，还有几句话。</p><p>第二段，正文接着写，内容更多一些。</p><p>第三段，正文结束，全文完。</p></div>
<div id="footer">关于我们 | 联系我们</div></body></html>`)
	fmt.Println(p.Text())
	// Output:
	// 第一段，正文写到这里，还有几句话。
	// 第二段，正文接着写，内容更多一些。
	// 第三段，正文结束，全文完。
}

func ExamplePage_Spans() {
	in := `<html><body><div class="content"><p>阳泉&amp;太原两地今日签约，推进区域协作。</p></div></body></html>`
	p, _ := extract.ParseString(in)
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for _, s := range p.Spans(n) {
			fmt.Printf("%q is input[%d:%d] = %q\n", n.Data, s.Start, s.End, in[s.Start:s.End])
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(p.Root)
	// Output:
	// "阳泉&太原两地今日签约，推进区域协作。" is input[36:95] = "阳泉&amp;太原两地今日签约，推进区域协作。"
}

func ExamplePage_Dropped() {
	p, _ := extract.ParseString(`<html><body><div class="article">
<p>阳泉市召开项目建设推进会，部署下一阶段重点工作，要求各部门密切配合。</p>
<p>会议强调，要坚持项目为王，全力以赴抓好项目建设，确保完成全年目标任务。</p>
<div class="comment-list"><p>网友：支持！</p></div>
<ul><li><a href="/1">阳泉召开项目建设推进会</a></li><li><a href="/2">太原地铁二号线开通</a></li></ul>
<p style="display:none">隐藏的统计代码说明文字，读者看不到。</p>
<form>订阅每日新闻：<input name="mail"></form>
</div></body></html>`)
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if why := p.Dropped(n); why != "" {
			switch why {
			case extract.Furniture, extract.Links, extract.Hidden, extract.Form:
				fmt.Println(n.Data, why)
			}
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(p.Root)
	// Output:
	// div furniture
	// ul links
	// p hidden
	// form form
}

func ExamplePage_InArticle() {
	p, _ := extract.ParseString(page)
	var names []string
	for c := p.Root.LastChild.LastChild.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			names = append(names, fmt.Sprintf("%s:%v", c.Data, p.InArticle(c)))
		}
	}
	fmt.Println(strings.Join(names, " "))
	// Output:
	// div:false h1:false div:false div:true div:false div:false
}

func ExampleMeta() {
	p, _ := extract.ParseString(`<html><head><title>台北捷運新線通車_中央社 CNA</title>
<meta property="og:site_name" content="中央社 CNA">
<meta property="article:published_time" content="2024-05-16T10:05:00+08:00">
<script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Person","name":"陳怡君"}}</script>
</head><body><h1>台北捷運新線通車</h1><div class="paragraph"><p>台北捷運新路線今天上午正式通車，沿線居民搭乘首班列車，交通部長出席典禮。</p></div></body></html>`)
	m := p.Meta
	fmt.Println(m.Title, "|", m.SiteName, "|", m.Authors)
	fmt.Println(m.Published, m.PublishedAt.UTC())
	// Output:
	// 台北捷運新線通車 | 中央社 CNA | [陳怡君]
	// 2024-05-16T10:05:00+08:00 2024-05-16 02:05:00 +0000 UTC
}

func ExampleSpan() {
	in := `<html><body><div class="content"><p>第一段，正文<b>加粗</b>结束。</p></div></body></html>`
	p, _ := extract.ParseString(in)
	var spans []extract.Span
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		spans = append(spans, p.Spans(n)...)
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(p.Root)
	for _, s := range spans {
		fmt.Println(in[s.Start:s.End])
	}
	// Output:
	// 第一段，正文
	// 加粗
	// 结束。
}

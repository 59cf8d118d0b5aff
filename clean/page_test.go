package clean

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"unicode"

	"github.com/cnnews/cnnews/decode"
	"github.com/cnnews/cnnews/extract"
	"golang.org/x/net/html"
)

// checkPage asserts, beside [checkInvariants], that no visible text of a
// whole page is lost: every Han character a reader sees is either in the
// output or inside a reported removal.
func checkPage(t *testing.T, in []byte, res Result) {
	t.Helper()
	checkInvariants(t, in, res)
	if res.Format != HTML || !isWholePage(string(in)) || strings.Contains(string(in), "&#") {
		return
	}
	pg, err := extract.Parse(in)
	if err != nil {
		return
	}
	var spans []extract.Span
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				spans = append(spans, pg.Spans(c)...)
			case c.Type == html.ElementNode && pageSkip(c.Data):
			default:
				walk(c)
			}
		}
	}
	walk(pg.Root)
	sort.Slice(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	visible, removed := 0, 0
	for _, sp := range spans {
		for i, r := range string(in[sp.Start:sp.End]) {
			if !unicode.Is(unicode.Han, r) {
				continue
			}
			visible++
			at := sp.Start + i
			k := sort.Search(len(res.Removed), func(k int) bool { return res.Removed[k].End > at })
			if k < len(res.Removed) && res.Removed[k].Start <= at {
				removed++
			}
		}
	}
	if kept := countHan(res.Text); kept+removed != visible {
		t.Errorf("visible Han characters: %d on the page, %d kept and %d inside removals", visible, kept, removed)
	}
}

// page builds a whole page around an article's paragraphs, with the
// furniture news sites put around it.
func page(paras ...string) string {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>山西阳泉加快推进项目建设_新闻中心_某某网</title>
<meta property="article:published_time" content="2022-05-09T10:20:00+08:00"><meta name="author" content="王晓明">
<script>var nav = "<p>不是正文</p>";</script></head><body>
<div class="top-nav"><ul><li><a href="/">首页</a></li><li><a href="/news">新闻</a></li><li><a href="/finance">财经</a></li><li><a href="/sports">体育</a></li></ul></div>
<div class="breadcrumb"><a href="/">首页</a> &gt; <a href="/news">新闻中心</a> &gt; 正文</div>
<div class="main"><div class="left">
<h1>山西阳泉加快推进项目建设</h1>
<div class="info"><span>2022-05-09 10:20</span> <span>来源：阳泉日报</span></div>
<div class="article-content">`)
	for _, p := range paras {
		b.WriteString("<p>" + p + "</p>\n")
	}
	b.WriteString(`<p class="editor">（责任编辑：李文治）</p>
<div class="share-box">分享到：<a>微信</a> <a>微博</a> <a>QQ空间</a></div>
</div>
<div class="related"><h3>相关新闻</h3><ul><li><a href="/1">阳泉召开项目建设推进会</a></li><li><a href="/2">山西一季度经济运行稳中有进</a></li><li><a href="/3">太原地铁二号线开通运营</a></li></ul></div>
<div class="comment-box"><div class="comment"><span>网友甲</span><p>说得好，支持家乡建设！</p></div><div class="comment"><span>网友乙</span><p>希望项目早日建成投产。</p></div></div>
</div>
<div class="right"><div class="hot-rank"><h3>热门排行</h3><ol><li><a href="/4">一条热门新闻的标题在这里</a></li><li><a href="/5">另一条热门新闻的标题在这里</a></li></ol></div></div>
</div>
<div class="footer"><p>关于我们 | 联系我们 | 网站地图</p><p>Copyright © 2022 某某网 版权所有 晋ICP备12345678号</p></div>
</body></html>`)
	return b.String()
}

var storyParas = []string{
	"　　本报讯 今年以来，阳泉市紧紧围绕高质量发展目标，扎实推进重点项目建设，一季度全市新开工项目四十二个，完成投资同比增长百分之十八。",
	"在位于开发区的一处施工现场，塔吊林立，机器轰鸣，工人们正在紧张有序地作业。项目负责人介绍，这里将建成一座年产十万吨的新材料工厂。",
	"“我们实行挂图作战，每周调度一次，确保项目按期投产。”市发展改革委有关负责人说，全市还将推出一批营商环境改革举措。",
	"据了解，阳泉市今年计划实施市级重点工程项目一百二十个，总投资超过八百亿元，涵盖新基建、新材料、文旅康养等领域。",
}

func TestWholePage(t *testing.T) {
	in := page(storyParas...)
	res := Default().CleanString(in)
	checkPage(t, []byte(in), res)
	want := strings.TrimSpace(strings.ReplaceAll(strings.Join(storyParas, "\n"), "　　本报讯 ", ""))
	if res.Text != want {
		t.Errorf("text:\n%s\nwant:\n%s", res.Text, want)
	}
	m := res.Meta
	if m.Title != "山西阳泉加快推进项目建设" || m.Source != "阳泉日报" || m.SiteName != "某某网" ||
		m.PublishedAt.Format("2006-01-02T15:04:05-07:00") != "2022-05-09T10:20:00+08:00" ||
		len(m.Editors) != 1 || m.Editors[0] != "李文治" || len(m.Reporters) == 0 || m.Reporters[len(m.Reporters)-1] != "王晓明" {
		t.Errorf("meta: %+v", m)
	}
	cats := map[Category]int{}
	for _, r := range res.Removed {
		cats[r.Category]++
	}
	if cats[Page] == 0 || cats[Editor] == 0 {
		t.Errorf("removals by category: %v", cats)
	}
}

// TestWholePageWithout: switching the page category off keeps the whole
// page's text for the paragraph rules alone.
func TestWholePageWithout(t *testing.T) {
	c, err := New(Without("page"))
	if err != nil {
		t.Fatal(err)
	}
	in := page(storyParas...)
	res := c.CleanString(in)
	checkPage(t, []byte(in), res)
	if !strings.Contains(res.Text, storyParas[1]) {
		t.Errorf("without the page rules the story is lost:\n%s", res.Text)
	}
	for _, r := range res.Removed {
		if r.Category == Page {
			t.Errorf("page removal with the page rules off: %+v", r)
		}
	}
}

// The known ways whole pages were lost: an article removed for a class
// name on an element that holds it, and unclosed elements that swallow
// the rest of the page.
func TestPageBugs(t *testing.T) {
	story := strings.Join(func() []string {
		var out []string
		for _, p := range storyParas {
			out = append(out, "<p>"+p+"</p>")
		}
		return out
	}(), "\n")
	nav := `<div class="nav"><a href="/">首页</a> <a href="/a">新闻</a> <a href="/b">财经</a></div>`
	cases := map[string]string{
		"body class with nav": `<!DOCTYPE html><html><head><title>阳泉项目建设</title></head><body class="u-header-sticky u-has-nav-bar">` + nav + story + `</body></html>`,
		"wrapper class nav":   `<html><body><div id="blq-container" class="blq-int-nav">` + nav + `<div id="main">` + story + `</div></div></body></html>`,
		"unclosed select":     `<html><body><form><select name="s"><option>新闻</option><option>财经</option>` + nav + story + `</body></html>`,
		"unclosed head":       `<html><head><title>阳泉项目建设</title><meta charset="utf-8">` + nav + story,
		"unclosed divs":       `<html><body><div class="wrap"><div class="content">` + story + `<div class="footer">版权所有 某某网`,
		"table layout":        `<html><body><table><tr><td>` + nav + `</td></tr><tr><td class="content">` + story + `</td></tr></table></body></html>`,
		"text in table":       `<html><body><table>` + storyParas[0] + `<tr><td>` + storyParas[1] + `</td></tr></table></body></html>`,
	}
	for name, in := range cases {
		t.Run(name, func(t *testing.T) {
			res := Default().CleanString(in)
			checkPage(t, []byte(in), res)
			if name == "text in table" {
				return // the parser moves the loose text out of the table: nothing may be lost
			}
			for _, p := range storyParas {
				p = strings.TrimPrefix(p, "　　本报讯 ")
				if !strings.Contains(res.Text, p) {
					t.Errorf("lost %q\nout:\n%s", p, res.Text)
				}
			}
			if strings.Contains(res.Text, "首页") {
				t.Errorf("navigation kept:\n%s", res.Text)
			}
		})
	}
}

// TestPageConcurrent cleans pages from many goroutines with one Cleaner.
func TestPageConcurrent(t *testing.T) {
	in := page(storyParas...)
	want := Default().CleanString(in).Text
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 20 {
				if got := Default().CleanString(in).Text; got != want {
					t.Errorf("concurrent result differs:\n%s", got)
					return
				}
			}
		}()
	}
	wg.Wait()
}

// benchPages is the folder of real pages kept beside the project for
// measuring (../shared/bench/pages); tests that read it skip without it.
func benchPages(tb testing.TB) []string {
	dir := filepath.Join("..", "..", "shared", "bench", "pages")
	names, _ := filepath.Glob(filepath.Join(dir, "*.html"))
	if len(names) == 0 {
		tb.Skipf("no pages in %s: the measuring set is kept beside the project, not in it", dir)
	}
	return names
}

// TestBenchPagesInvariants runs the invariants over the measuring set,
// decoded as cnnews would: no panic, nothing visible lost, removals
// verbatim, and cleaning the output again removes nothing from it.
func TestBenchPagesInvariants(t *testing.T) {
	for _, name := range benchPages(t) {
		raw, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		in := decodeForTest(raw)
		res := Default().CleanString(in)
		checkPage(t, []byte(in), res)
		if res.Text == "" {
			t.Errorf("%s: no text", name)
		}
		if again := Default().CleanText([]byte(res.Text)); again.Text != res.Text {
			t.Errorf("%s: cleaning the output again removed %d pieces: %+v", name, len(again.Removed), again.Removed)
		}
	}
}

func decodeForTest(raw []byte) string {
	s, _, _ := decode.Bytes(raw, decode.Lossy())
	return string(s)
}

// BenchmarkPages cleans the measuring set's whole pages, decoded
// beforehand: article finding, page metadata and the paragraph rules.
func BenchmarkPages(b *testing.B) {
	var pages []string
	size := 0
	for _, name := range benchPages(b) {
		raw, err := os.ReadFile(name)
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, decodeForTest(raw))
		size += len(pages[len(pages)-1])
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range pages {
			Default().CleanString(p)
		}
	}
}

// TestPageSpaces: white space between inline elements stays a space
// between Latin words and goes between Han characters across lines.
func TestPageSpaces(t *testing.T) {
	in := `<html><body><div class="content"><p><span>Apple</span> <span>Inc.</span> 发布了新款手机，售价<b>5999</b> 元，引起关注。</p>
<p>阳泉市
召开会议，部署<a href="/x">项目</a>建设工作，推进高质量发展。</p></div></body></html>`
	res := Default().CleanString(in)
	want := "Apple Inc. 发布了新款手机，售价5999 元，引起关注。\n阳泉市召开会议，部署项目建设工作，推进高质量发展。"
	if res.Text != want {
		t.Errorf("got\n%q\nwant\n%q", res.Text, want)
	}
}

// TestPageWithoutArticle: a page with nothing that reads as a story keeps
// all its visible text, says so in a warning and drops its hidden blocks
// as reported removals.
func TestPageWithoutArticle(t *testing.T) {
	in := `<html><body><div class="nav"><a href="/">首页</a></div><p>网站维护中</p>` +
		`<div style="display:none">隐藏的提示文字</div></body></html>`
	res := Default().CleanString(in)
	checkPage(t, []byte(in), res)
	if !strings.Contains(res.Text, "网站维护中") || strings.Contains(res.Text, "隐藏") {
		t.Errorf("text %q", res.Text)
	}
	warned := false
	for _, w := range res.Warnings {
		warned = warned || strings.Contains(w.Message, "reads as an article")
	}
	hidden := false
	for _, r := range res.Removed {
		hidden = hidden || r.Rule == ruleHidden && strings.Contains(r.Text, "隐藏的提示文字")
	}
	if !warned || !hidden {
		t.Errorf("warnings %+v, removals %+v", res.Warnings, res.Removed)
	}
}

package sitelines_test

import (
	"fmt"
	"strings"

	"github.com/cnnews/cnnews/clean"
	"github.com/cnnews/cnnews/sitelines"
)

// Three articles of one site, as in the package documentation.
var chenguang = []string{
	"晨光新闻网——传递正能量，服务千万家\n【民生栏目】\n阅读 (1234)\n本市新开通三条公交线路。\n线路覆盖城东新区的五个小区。\n本栏目由晨光银行特约支持\n晨光融媒 第12期\n",
	"晨光新闻网——传递正能量，服务千万家\n【民生栏目】\n阅读 (87)\n一季度全市经济运行平稳。\n工业增加值同比增长百分之五。\n本栏目由晨光银行特约支持\n晨光融媒 第13期\n",
	"晨光新闻网——传递正能量，服务千万家\n【民生栏目】\n阅读 (56012)\n今年夏粮收购工作全面展开。\n各收购点秩序井然。\n本栏目由晨光银行特约支持\n晨光融媒 第14期\n",
}

// learned returns what a Learner learns from the three articles.
func learned() *sitelines.Site {
	l, err := sitelines.New(sitelines.Config{})
	if err != nil {
		panic(err)
	}
	for _, a := range chenguang {
		l.Add("chenguang.cn", clean.Default().CleanString(a).Text)
	}
	return l.Site("chenguang.cn")
}

// Learn a site's lines from its articles, then clean each article with the
// site's rule.
func Example() {
	l, err := sitelines.New(sitelines.Config{})
	if err != nil {
		panic(err)
	}
	for _, a := range chenguang {
		l.Add("chenguang.cn", clean.Default().CleanString(a).Text)
	}
	site := l.Site("chenguang.cn")
	c, err := clean.New(clean.With(site.Rule()))
	if err != nil {
		panic(err)
	}
	res := c.CleanString(chenguang[0])
	fmt.Println(res.Text)
	for _, r := range res.Removed {
		fmt.Println(r.Rule, r.Category, r.Text)
	}
	// Output:
	// 本市新开通三条公交线路。
	// 线路覆盖城东新区的五个小区。
	// site-line site 晨光新闻网——传递正能量，服务千万家
	// site-line site 【民生栏目】
	// site-line site 阅读 (1234)
	// site-line site 本栏目由晨光银行特约支持
	// site-line site 晨光融媒 第12期
}

func ExampleNew() {
	// Zero fields take the defaults; a value out of range is an error.
	l, err := sitelines.New(sitelines.Config{MinShare: 0.5})
	fmt.Println(l.Config(), err)
	_, err = sitelines.New(sitelines.Config{MinArticles: 1})
	fmt.Println(err)
	// Output:
	// {5 3 0.5 256} <nil>
	// sitelines: MinArticles 1: must be at least 2
}

func ExampleConfig() {
	// Learn from the first and last two paragraphs only (the read count
	// is the third), and only lines in every one of a site's articles.
	l, _ := sitelines.New(sitelines.Config{Edge: 2, MinShare: 1})
	for _, a := range chenguang {
		l.Add("chenguang.cn", a)
	}
	for _, ln := range l.Site("chenguang.cn").Lines() {
		fmt.Println(ln.Text)
	}
	fmt.Println(sitelines.DefaultEdge, sitelines.DefaultMinArticles, sitelines.DefaultMinShare, sitelines.DefaultCounters)
	// Output:
	// 【民生栏目】
	// 晨光新闻网——传递正能量,服务千万家
	// 晨光融媒第0期
	// 本栏目由晨光银行特约支持
	// 5 3 0.2 256
}

func ExampleLearner() {
	// A Learner keeps a table per site: what one site repeats says
	// nothing about another.
	l, _ := sitelines.New(sitelines.Config{})
	for _, story := range []string{"甲事发生了。", "乙事发生了。", "丙事发生了。"} {
		l.Add("a.cn", "甲网欢迎您\n"+story)
		l.Add("b.cn", story+"\n乙网热线：12345")
	}
	fmt.Println(l.Site("a.cn").Lines())
	fmt.Println(l.Site("b.cn").Lines())
	// Output:
	// [{甲网欢迎您 3}]
	// [{乙网热线:0 3}]
}

func ExampleLearner_Add() {
	l, _ := sitelines.New(sitelines.Config{})
	// The text the cleaner leaves, one paragraph a line. A line twice in
	// one article counts once; blank lines do not count.
	l.Add("site", "本网讯\n\n甲事发生了。\n本网讯")
	l.Add("site", "本网讯\n乙事发生了。")
	l.Add("site", "本网讯\n丙事发生了。")
	fmt.Println(l.Site("site").Lines())
	// Output:
	// [{本网讯 3}]
}

func ExampleLearner_Site() {
	l, _ := sitelines.New(sitelines.Config{})
	l.Add("site", "本网讯\n甲事发生了。")
	l.Add("site", "本网讯\n乙事发生了。")
	// Two articles are fewer than MinArticles: nothing is learned yet.
	fmt.Println(l.Site("site").Articles(), l.Site("site").Lines())
	l.Add("site", "本网讯\n丙事发生了。")
	fmt.Println(l.Site("site").Articles(), l.Site("site").Lines())
	// A site never seen is empty.
	fmt.Println(l.Site("other").Articles(), l.Site("other").Lines())
	// Output:
	// 2 []
	// 3 [{本网讯 3}]
	// 0 []
}

func ExampleLearner_Sites() {
	l, _ := sitelines.New(sitelines.Config{})
	l.Add("b.cn", "乙网报道。")
	l.Add("a.cn", "甲网报道。")
	fmt.Println(l.Sites())
	// Output:
	// [a.cn b.cn]
}

func ExampleLearner_Bytes() {
	l, _ := sitelines.New(sitelines.Config{})
	fmt.Println(l.Bytes())
	for i := range 1000 {
		story := string(rune(0x4E00+i)) + strings.Repeat("字", 100)
		l.Add("site", "本网讯\n"+story)
	}
	// However many articles, a site's table has room for 256 lines.
	fmt.Println(l.Bytes() <= sitelines.SiteBytes+len("site")+256*(sitelines.LineBytes+4*sitelines.MaxRunes))
	fmt.Println(sitelines.SiteBytes, sitelines.LineBytes, sitelines.MaxRunes)
	// Output:
	// 0
	// true
	// 128 32 200
}

func ExampleLearner_Config() {
	l, _ := sitelines.New(sitelines.Config{Edge: 3})
	c := l.Config()
	fmt.Println(c.Edge, c.MinArticles, c.MinShare, c.Counters)
	// Output:
	// 3 3 0.2 256
}

func ExampleSite() {
	site := learned()
	fmt.Println(site.Name(), site.Articles(), len(site.Lines()))
	// Output:
	// chenguang.cn 3 5
}

func ExampleSite_Name() {
	fmt.Println(learned().Name())
	// Output:
	// chenguang.cn
}

func ExampleSite_Articles() {
	fmt.Println(learned().Articles())
	// Output:
	// 3
}

func ExampleSite_Lines() {
	// Normalised, the most frequent first.
	for _, ln := range learned().Lines() {
		fmt.Println(ln.Articles, ln.Text)
	}
	// Output:
	// 3 【民生栏目】
	// 3 晨光新闻网——传递正能量,服务千万家
	// 3 晨光融媒第0期
	// 3 本栏目由晨光银行特约支持
	// 3 阅读(0)
}

func ExampleLine() {
	ln := learned().Lines()[2]
	fmt.Printf("%q in %d articles\n", ln.Text, ln.Articles)
	// Output:
	// "晨光融媒第0期" in 3 articles
}

func ExampleSite_Has() {
	site := learned()
	fmt.Println(site.Has("阅读（99）"))
	fmt.Println(site.Has("  晨光融媒　第 100 期"))
	fmt.Println(site.Has("本市新开通三条公交线路。"))
	// Output:
	// true
	// true
	// false
}

func ExampleSite_Rule() {
	site := learned()
	r := site.Rule()
	fmt.Println(r.Name == sitelines.RuleName, r.Category == sitelines.Category, r.Zone == clean.Head|clean.Tail)
	c, _ := clean.New(clean.With(r))
	// A learned line in the middle of an article stays.
	res := c.CleanString("阅读 (5)\n晨光融媒 第15期\n本期报道三件事。\n本栏目由晨光银行特约支持\n记者将跟进报道。\n晨光融媒 第15期")
	fmt.Println(res.Text)
	// The rule can be switched off by its name or its category.
	c, _ = clean.New(clean.With(r), clean.Without("site"))
	fmt.Println(len(c.CleanString(chenguang[1]).Removed))
	// Output:
	// true true true
	// 本期报道三件事。
	// 本栏目由晨光银行特约支持
	// 记者将跟进报道。
	// 0
}

func ExampleNormalize() {
	fmt.Println(sitelines.Normalize("阅读 （１２３） "))
	fmt.Println(sitelines.Normalize("阅读 (4567)"))
	fmt.Println(sitelines.Normalize("投稿邮箱： TouGao@Example.CN"))
	// Output:
	// 阅读(0)
	// 阅读(0)
	// 投稿邮箱:tougao@example.cn
}

func ExampleKey() {
	fmt.Println(sitelines.Key("晨光新闻网", "https://www.chenguang.cn/a/1.html", "corpus/a.jsonl"))
	fmt.Println(sitelines.Key("", "https://WWW.Chenguang.cn:8080/a/1.html", "corpus/a.jsonl"))
	fmt.Println(sitelines.Key("", "news.chenguang.cn/a/1.html", "corpus/a.jsonl"))
	fmt.Println(sitelines.Key("", "", "corpus/chenguang/001.txt"))
	fmt.Println(sitelines.Key("", "", "001.txt"))
	// Output:
	// 晨光新闻网
	// chenguang.cn
	// news.chenguang.cn
	// corpus/chenguang
	// .
}

// Package sitelinestest generates corpora for testing package sitelines:
// sites with lines of their own at the head and tail of their articles
// (slogans, column names, read counts, sponsor lines, hotlines, 投稿邮箱,
// issue numbers, some with digits that change from article to article),
// and bodies of random sentences among which a few sentences recur in the
// middle of many articles, as a standard policy quote does.
package sitelinestest

import (
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"strings"
)

// pool is the characters generated text is drawn from.
const pool = "的一是在不了有和人这中大上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近千周委素技备半办青省列习响约支般史感劳便团往历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严"

// Quotes are sentences that recur in the middle of many articles of every
// site: body text that must stay.
var Quotes = []string{
	"坚持以人民为中心的发展思想，把增进民生福祉作为发展的根本目的。",
	"要完整准确全面贯彻新发展理念，加快构建新发展格局，着力推动高质量发展。",
	"各地区各部门要压实责任，确保各项政策措施落地见效。",
}

// Article is one generated article.
type Article struct {
	Site string // the site's name, also its "site" field
	URL  string // the article's address on the site's host
	Seq  int    // its number within the site, from 0
	Text string // the article: head lines, body, tail lines, one a line
	// Own are the site's lines in it, at its head and tail; Body its body
	// paragraphs, recurring quotes included.
	Own  []string
	Body []string
}

// Site is a generated site and the lines it puts around its articles.
type Site struct {
	Name, Host string
	Slogan     string
	Columns    []string // one per article, in turn
	ReadCount  bool     // a head line with a read count that changes
	Sponsor    string   // in three articles of five
	Hotline    string
	Mail       string
	Issue      bool   // a tail line with an issue number that changes
	Quote      string // the site's own recurring body sentence
}

// NewSite invents site i of a corpus made with seed.
func NewSite(seed uint64, i int) Site {
	r := rand.New(rand.NewPCG(seed, uint64(i)))
	name := words(r, 2) + []string{"新闻网", "日报", "融媒", "在线", "观察"}[i%5]
	s := Site{
		Name:      name,
		Host:      fmt.Sprintf("news%02d.example.cn", i),
		Slogan:    fmt.Sprintf("%s——%s，%s", name, words(r, 4), words(r, 4)),
		ReadCount: i%2 == 0,
		Sponsor:   fmt.Sprintf("本栏目由%s特约支持", words(r, 4)),
		Hotline:   fmt.Sprintf("新闻热线：0%d-%d", 100+r.IntN(900), 10000000+r.IntN(90000000)),
		Mail:      fmt.Sprintf("投稿邮箱：tougao%d@news%02d.example.cn", r.IntN(100), i),
		Issue:     i%3 != 0,
		Quote:     words(r, 6) + "，" + words(r, 8) + "。",
	}
	for range 3 {
		s.Columns = append(s.Columns, "【"+words(r, 2)+"栏目】")
	}
	return s
}

// Article generates the site's article number n.
func (s Site) Article(seed uint64, n int) Article {
	h := fnv.New64a()
	h.Write([]byte(s.Host))
	r := rand.New(rand.NewPCG(seed^h.Sum64(), uint64(n)))
	a := Article{Site: s.Name, URL: fmt.Sprintf("https://www.%s/a/%d.html", s.Host, n), Seq: n}
	a.Own = append(a.Own, s.Slogan, s.Columns[n%len(s.Columns)])
	if s.ReadCount {
		a.Own = append(a.Own, fmt.Sprintf("阅读 (%d)", 1+r.IntN(99999)))
	}
	head := len(a.Own)
	nb := 3 + r.IntN(4)
	for range nb {
		var p strings.Builder
		for range 2 + r.IntN(3) {
			p.WriteString(sentence(r))
		}
		a.Body = append(a.Body, p.String())
	}
	// recurring sentences, never the first or last body paragraph
	if n%2 == 0 {
		a.Body = insert(a.Body, 1+r.IntN(len(a.Body)-1), Quotes[r.IntN(len(Quotes))])
	}
	if n%5 < 2 {
		a.Body = insert(a.Body, 1+r.IntN(len(a.Body)-1), s.Quote)
	}
	if n%5 < 3 {
		a.Own = append(a.Own, s.Sponsor)
	}
	a.Own = append(a.Own, s.Hotline, s.Mail)
	if s.Issue {
		a.Own = append(a.Own, fmt.Sprintf("第%d期 总第%d期", 1+n%52, 1000+n))
	}
	lines := append(append(append([]string{}, a.Own[:head]...), a.Body...), a.Own[head:]...)
	a.Text = strings.Join(lines, "\n") + "\n"
	return a
}

// Corpus generates the given number of articles of each of sites sites,
// site by site.
func Corpus(seed uint64, sites, articles int) []Article {
	var as []Article
	for i := range sites {
		s := NewSite(seed, i)
		for n := range articles {
			as = append(as, s.Article(seed, n))
		}
	}
	return as
}

func insert(ps []string, i int, p string) []string {
	ps = append(ps, "")
	copy(ps[i+1:], ps[i:])
	ps[i] = p
	return ps
}

func words(r *rand.Rand, n int) string {
	rs := []rune(pool)
	var b strings.Builder
	for range n {
		b.WriteRune(rs[r.IntN(len(rs))])
	}
	return b.String()
}

func sentence(r *rand.Rand) string {
	return words(r, 12+r.IntN(19)) + "。"
}

package sitelines_test

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/cnnews/cnnews/clean"
	"github.com/cnnews/cnnews/sitelines"
	"github.com/cnnews/cnnews/sitelines/sitelinestest"
)

// rates cleans each article with its site's rule and counts the site's own
// lines removed and the body lines kept.
type rates struct {
	own, removed, body, kept int
	site                     int      // removals by the site rule
	lost                     []string // body lines removed
	left                     []string // own lines kept
}

func (r rates) String() string {
	return fmt.Sprintf("own lines removed %d of %d (%.2f%%), body lines kept %d of %d (%.2f%%)",
		r.removed, r.own, 100*float64(r.removed)/float64(max(r.own, 1)), r.kept, r.body, 100*float64(r.kept)/float64(max(r.body, 1)))
}

func measure(t *testing.T, l *sitelines.Learner, as []sitelinestest.Article) rates {
	t.Helper()
	cleaners := map[string]*clean.Cleaner{}
	var r rates
	for _, a := range as {
		c := cleaners[a.Site]
		if c == nil {
			var err error
			if c, err = clean.New(clean.With(l.Site(a.Site).Rule())); err != nil {
				t.Fatal(err)
			}
			cleaners[a.Site] = c
		}
		res := c.CleanString(a.Text)
		out := map[string]bool{}
		for p := range strings.SplitSeq(res.Text, "\n") {
			out[p] = true
		}
		for _, x := range res.Removed {
			if x.Category == sitelines.Category {
				r.site++
			}
		}
		for _, p := range a.Own {
			r.own++
			if out[p] {
				r.left = append(r.left, a.Site+": "+p)
			} else {
				r.removed++
			}
		}
		for _, p := range a.Body {
			r.body++
			if out[p] {
				r.kept++
			} else {
				r.lost = append(r.lost, a.Site+": "+p)
			}
		}
	}
	return r
}

func learn(t testing.TB, as []sitelinestest.Article) *sitelines.Learner {
	l, err := sitelines.New(sitelines.Config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range as {
		l.Add(a.Site, clean.Default().CleanString(a.Text).Text)
	}
	return l
}

// TestCorpus learns from 24 sites × 30 articles and 3 sites of 2 articles,
// and cleans the same articles (as cnnews run --site-lines does) and 30
// more of each site that the Learner never saw.
func TestCorpus(t *testing.T) {
	const seed, sites, n = 7, 24, 30
	var train, heldOut, small []sitelinestest.Article
	for i := range sites + 3 {
		s := sitelinestest.NewSite(seed, i)
		if i >= sites {
			s.Name += "（小站）"
			for k := range 2 {
				small = append(small, s.Article(seed, k))
			}
			continue
		}
		for k := range 2 * n {
			if k < n {
				train = append(train, s.Article(seed, k))
			} else {
				heldOut = append(heldOut, s.Article(seed, k))
			}
		}
	}
	empty, _ := sitelines.New(sitelines.Config{})
	t.Logf("clean alone: %v", measure(t, empty, train))
	l := learn(t, append(append([]sitelinestest.Article{}, train...), small...))
	if got := len(l.Sites()); got != sites+3 {
		t.Fatalf("%d sites, want %d", got, sites+3)
	}
	for name, as := range map[string][]sitelinestest.Article{"same articles": train, "held-out articles": heldOut} {
		r := measure(t, l, as)
		t.Logf("%s: %v", name, r)
		if r.own < 24*30*5 || r.body < 24*30*3 {
			t.Fatalf("%s: a corpus too small: %v", name, r)
		}
		if float64(r.removed) < 0.95*float64(r.own) {
			t.Errorf("%s: %v; left, for example: %q", name, r, r.left[:min(5, len(r.left))])
		}
		if r.kept != r.body {
			t.Errorf("%s: %v; lost: %q", name, r, r.lost[:min(5, len(r.lost))])
		}
	}
	// the recurring quotes are in the middle of many articles and stay
	quoted := 0
	for _, a := range train {
		for _, p := range a.Body {
			if slices.Contains(sitelinestest.Quotes, p) {
				quoted++
			}
		}
	}
	if quoted < len(train)/2 {
		t.Errorf("quotes in %d articles", quoted)
	}
	// sites with fewer articles than MinArticles learn nothing
	for _, a := range small {
		if s := l.Site(a.Site); len(s.Lines()) != 0 || s.Articles() != 2 {
			t.Errorf("%s: %d articles, learned %v", a.Site, s.Articles(), s.Lines())
		}
	}
	if r := measure(t, l, small); r.site != 0 {
		t.Errorf("small sites: %v", r)
	}
	t.Logf("learner holds %d bytes for %d sites", l.Bytes(), len(l.Sites()))
}

// TestThresholds checks MinArticles and MinShare at their bounds.
func TestThresholds(t *testing.T) {
	body := func(i int) string { return string(rune(0x4E00+i)) + "地发生了一件事。" }
	for _, c := range []struct {
		articles, with int
		learned        bool
	}{
		{2, 2, false},   // fewer than MinArticles
		{3, 3, true},    // MinArticles
		{10, 3, true},   // 30%
		{15, 3, true},   // 20%
		{16, 3, false},  // under 20%
		{100, 20, true}, // 20%
		{100, 19, false},
	} {
		l, _ := sitelines.New(sitelines.Config{})
		for i := range c.articles {
			text := body(i)
			if i < c.with {
				text = "本站热线：12345\n" + text
			}
			l.Add("s", text)
		}
		if got := l.Site("s").Has("本站热线：12345"); got != c.learned {
			t.Errorf("in %d of %d articles: learned %v, want %v", c.with, c.articles, got, c.learned)
		}
	}
}

// TestMiddle checks that a line found in the middle of articles as often
// as at their edges is not learned, and that a learned line in the middle
// of an article stays.
func TestMiddle(t *testing.T) {
	l, _ := sitelines.New(sitelines.Config{})
	para := func(k, i int) string {
		return string(rune(0x4E00+k)) + string(rune(0x5E00+i)) + "的情况说明如下。"
	}
	for k := range 20 {
		var ps []string
		for i := range 14 {
			ps = append(ps, para(k, i))
		}
		ps[0] = "欢迎访问本站" // at the head of every article
		if k%2 == 0 {
			ps[7] = "坚持稳中求进工作总基调。" // in the middle of ten
		}
		if k < 5 {
			ps[1] = "坚持稳中求进工作总基调。" // and at the head of five
		}
		l.Add("s", strings.Join(ps, "\n"))
	}
	s := l.Site("s")
	if !s.Has("欢迎访问本站") || s.Has("坚持稳中求进工作总基调。") {
		t.Fatalf("learned %v", s.Lines())
	}
	c, err := clean.New(clean.With(s.Rule()))
	if err != nil {
		t.Fatal(err)
	}
	res := c.CleanString("欢迎访问本站\n甲地的情况说明如下。\n欢迎访问本站\n乙地的情况说明如下。\n欢迎访问本站")
	if res.Text != "甲地的情况说明如下。\n欢迎访问本站\n乙地的情况说明如下。" || len(res.Removed) != 2 {
		t.Errorf("%q %v", res.Text, res.Removed)
	}
}

// TestSwitchOff checks that the rule is known to clean.New by its name
// and its category.
func TestSwitchOff(t *testing.T) {
	l, _ := sitelines.New(sitelines.Config{})
	for i := range 3 {
		l.Add("s", "欢迎访问本站\n"+string(rune(0x4E00+i))+"地的情况说明如下。")
	}
	r := l.Site("s").Rule()
	c, err := clean.New(clean.With(r))
	if err != nil || !slices.ContainsFunc(c.Rules(), func(r clean.RuleInfo) bool {
		return r.Name == "site-line" && r.Category == "site" && r.Description != ""
	}) {
		t.Fatal(err, c.Rules())
	}
	for _, name := range []string{"site", "site-line"} {
		c, err := clean.New(clean.With(r), clean.Without(name))
		if err != nil {
			t.Fatal(err)
		}
		if res := c.CleanString("欢迎访问本站\n丁地的情况说明如下。"); len(res.Removed) != 0 {
			t.Errorf("Without(%q): %v", name, res.Removed)
		}
	}
	// an empty Site's rule removes nothing
	c, _ = clean.New(clean.With(l.Site("other").Rule()))
	if res := c.CleanString("欢迎访问本站\n丁地的情况说明如下。"); len(res.Removed) != 0 {
		t.Errorf("empty site: %v", res.Removed)
	}
}

func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{
		"阅读 （１２３） ":         "阅读(0)",
		"阅读\u3000(4,567)":   "阅读(0,0)",
		"ＡＢＣ abc\u200b":     "abcabc",
		"第12期\t总第1024期":     "第0期总第0期",
		"新闻热线：0351-4567890": "新闻热线:0-0",
		"  \u3000 ":         "",
		"٣٤ 阿拉伯数字":          "0阿拉伯数字",
		"\xff":              "\uFFFD",
	} {
		if got := sitelines.Normalize(in); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
		if got := sitelines.Normalize(want); got != want {
			t.Errorf("Normalize(%q) = %q: not idempotent", want, got)
		}
	}
}

func TestKey(t *testing.T) {
	for _, c := range [][4]string{
		{" 晨光 ", "https://a.cn/", "x/y.jsonl", "晨光"},
		{"", "https://www.A.cn:443/x", "x/y.jsonl", "a.cn"},
		{"", "http://a.cn./x", "x/y.jsonl", "a.cn"},
		{"", "//b.cn/x", "x/y.jsonl", "b.cn"},
		{"", "/relative/path.html", "x/y.jsonl", "x"},
		{"", "%zz", "x/y.jsonl", "x"},
		{"", "", "a/b/c.txt", "a/b"},
		{"", "", "c.txt", "."},
	} {
		if got := sitelines.Key(c[0], c[1], c[2]); got != c[3] {
			t.Errorf("Key(%q, %q, %q) = %q, want %q", c[0], c[1], c[2], got, c[3])
		}
	}
}

func TestConfigErrors(t *testing.T) {
	for _, c := range []sitelines.Config{
		{Edge: -1}, {MinArticles: 1}, {MinShare: 1.5}, {MinShare: -0.1}, {Counters: 10}, {Edge: 10, Counters: 39}, {Counters: 1<<20 + 1},
	} {
		if _, err := sitelines.New(c); err == nil {
			t.Errorf("New(%+v): no error", c)
		}
	}
	l, err := sitelines.New(sitelines.Config{Edge: 10})
	if err != nil || l.Config().Counters != 256 {
		t.Fatal(err, l.Config())
	}
}

// TestCountsBound checks the Misra–Gries bounds: a count is never above
// the true number of articles, and below it by at most the lines counted
// over Counters+1.
func TestCountsBound(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	const edge, k = 2, 16
	l, _ := sitelines.New(sitelines.Config{Edge: edge, Counters: k, MinArticles: 2, MinShare: 1e-9})
	exact := map[string]int{}
	articles := 3000
	for range articles {
		// lines drawn with a skewed frequency: a few common, many rare
		var ps []string
		seen := map[string]bool{}
		for range 2 * edge {
			p := fmt.Sprintf("第%c行", rune(0x4E00+int(r.ExpFloat64()*8)))
			ps = append(ps, p)
			if !seen[p] {
				seen[p] = true
				exact[p]++
			}
		}
		l.Add("s", strings.Join(ps, "\n"))
	}
	slack := 2 * edge * articles / (k + 1)
	got := map[string]int{}
	for _, ln := range l.Site("s").Lines() {
		got[ln.Text] = ln.Articles
	}
	for p, n := range exact {
		g, ok := got[sitelines.Normalize(p)]
		if g > n {
			t.Errorf("%s: counted %d, in %d", p, g, n)
		}
		if n > slack && (!ok || g < n-slack) {
			t.Errorf("%s: counted %d (learned %v), in %d, slack %d", p, g, ok, n, slack)
		}
	}
}

// TestBytes checks the memory bound: per site SiteBytes, per counter
// LineBytes, plus text, whatever the input; and that the count is close
// to what the heap holds.
func TestBytes(t *testing.T) {
	long := strings.Repeat("长", sitelines.MaxRunes-4)
	l, _ := sitelines.New(sitelines.Config{})
	for i := range 3000 {
		// ten distinct lines of the longest length, each in two articles
		var ps []string
		for j := range 10 {
			ps = append(ps, fmt.Sprintf("%c%c%s", rune(0x4E00+i/2), rune(0x4E00+j), long))
		}
		ps = append(ps, strings.Repeat("超", sitelines.MaxRunes+1)) // too long to count
		l.Add("worst", strings.Join(ps, "\n"))
	}
	text := 6 + len(long) // a normalised line's bytes
	bound := sitelines.SiteBytes + len("worst") + 256*sitelines.LineBytes + 2*256*text
	if b := l.Bytes(); b > bound || b < 256*sitelines.LineBytes {
		t.Errorf("worst case: %d bytes, bound %d", b, bound)
	}
	t.Logf("worst case: %d bytes for one site", l.Bytes())

	// the heap: many sites of typical lines
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	l, _ = sitelines.New(sitelines.Config{})
	for i := range 200 {
		site := fmt.Sprintf("site%03d.example.cn", i)
		for k := range 100 {
			l.Add(site, fmt.Sprintf("%s欢迎您\n%c%c的情况说明如下。\n%c%c的另一个情况说明。\n热线：12345\n%c%c报道",
				site, rune(0x4E00+k), rune(0x5E00+i), rune(0x4E00+k), rune(0x6E00+i), rune(0x4E00+k), rune(0x7E00+i)))
		}
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	held := int(after.HeapAlloc) - int(before.HeapAlloc)
	counted := l.Bytes()
	t.Logf("200 sites: counted %d bytes (%d a site), heap grew %d", counted, counted/200, held)
	if held > counted*5/4+64<<10 {
		t.Errorf("heap grew %d bytes, Bytes says %d", held, counted)
	}
	runtime.KeepAlive(l)
}

// TestConcurrent feeds a Learner from many goroutines while others ask it
// what it learned; with room for every line, the result is the same as
// fed in order. Run with -race.
func TestConcurrent(t *testing.T) {
	as := sitelinestest.Corpus(3, 6, 30)
	cfg := sitelines.Config{Counters: 4096}
	serial, _ := sitelines.New(cfg)
	for _, a := range as {
		serial.Add(a.Site, a.Text)
	}
	// what a site learns depends on the order of its articles, so each
	// goroutine feeds whole sites, in order, while the others feed theirs
	l, _ := sitelines.New(cfg)
	siteOf := map[string]int{}
	for _, a := range as {
		if _, ok := siteOf[a.Site]; !ok {
			siteOf[a.Site] = len(siteOf)
		}
	}
	var wg sync.WaitGroup
	for w := range 8 {
		wg.Go(func() {
			for i := range as {
				if siteOf[as[i].Site]%8 != w {
					continue
				}
				l.Add(as[i].Site, as[i].Text)
				if i%7 == 0 {
					s := l.Site(as[i].Site)
					s.Has(as[i].Own[0])
					_ = l.Bytes()
					_ = l.Sites()
				}
			}
		})
	}
	wg.Wait()
	for _, name := range serial.Sites() {
		want, got := serial.Site(name), l.Site(name)
		if fmt.Sprint(want.Lines()) != fmt.Sprint(got.Lines()) || want.Articles() != got.Articles() {
			t.Errorf("%s: %v, want %v", name, got.Lines(), want.Lines())
		}
	}
	// a Site and its rule are used by many goroutines at once
	s := l.Site(as[0].Site)
	c, _ := clean.New(clean.With(s.Rule()))
	for range 8 {
		wg.Go(func() {
			for _, a := range as[:30] {
				c.CleanString(a.Text)
			}
		})
	}
	wg.Wait()
}

// FuzzLearner checks the invariants of learning on any input: no panic,
// every learned line is normalised, Has finds it, the rule removes only
// whole paragraphs, and memory stays within the bound.
func FuzzLearner(f *testing.F) {
	f.Add("晨光新闻网\n【民生栏目】\n阅读 (1234)\n本市新开通三条公交线路。\n新闻热线：0351-4567890", uint8(3))
	f.Add("阅读 (1)\n\n\xff\n"+strings.Repeat("长", 201), uint8(1))
	f.Fuzz(func(t *testing.T, text string, sites uint8) {
		l, _ := sitelines.New(sitelines.Config{Edge: 2, Counters: 8})
		n := int(sites%4) + 1
		for i := range 3 * n {
			// each site sees the text with its lines turned round once
			if i == n {
				text = reverse(text)
			}
			l.Add(fmt.Sprint(i%n), text)
		}
		if b := l.Bytes(); b > n*(sitelines.SiteBytes+1+8*sitelines.LineBytes+max(256, 2*8*3*len(text))) {
			t.Fatalf("%d bytes", b)
		}
		for i := range n {
			s := l.Site(fmt.Sprint(i))
			if s.Articles() != 3 {
				t.Fatalf("%d articles", s.Articles())
			}
			for _, ln := range s.Lines() {
				if sitelines.Normalize(ln.Text) != ln.Text || !s.Has(ln.Text) || ln.Articles != 3 {
					t.Fatalf("%+v", ln)
				}
			}
		}
		s := l.Site("0")
		c, err := clean.New(clean.With(s.Rule()))
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range c.CleanString(text).Removed {
			if r.Category == sitelines.Category && !s.Has(r.Text) {
				t.Fatalf("removed %q", r.Text)
			}
		}
	})
}

func reverse(text string) string {
	ps := strings.Split(text, "\n")
	slices.Reverse(ps)
	return strings.Join(ps, "\n")
}

// BenchmarkLearn measures learning: Add for every article of a corpus.
func BenchmarkLearn(b *testing.B) {
	as := sitelinestest.Corpus(1, 20, 30)
	texts := make([]string, len(as))
	size := 0
	for i, a := range as {
		texts[i] = clean.Default().CleanString(a.Text).Text
		size += len(texts[i])
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		l, _ := sitelines.New(sitelines.Config{})
		for i, a := range as {
			l.Add(a.Site, texts[i])
		}
	}
}

// BenchmarkClean measures cleaning with a site's rule added, against
// BenchmarkCleanDefault without it.
func BenchmarkClean(b *testing.B) {
	as := sitelinestest.Corpus(1, 1, 30)
	l := learn(b, as)
	c, err := clean.New(clean.With(l.Site(as[0].Site).Rule()))
	if err != nil {
		b.Fatal(err)
	}
	benchClean(b, c, as)
}

func BenchmarkCleanDefault(b *testing.B) {
	benchClean(b, clean.Default(), sitelinestest.Corpus(1, 1, 30))
}

func benchClean(b *testing.B, c *clean.Cleaner, as []sitelinestest.Article) {
	size := 0
	for _, a := range as {
		size += len(a.Text)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, a := range as {
			c.CleanString(a.Text)
		}
	}
}

// BenchmarkHas measures the rule's test on one paragraph.
func BenchmarkHas(b *testing.B) {
	s := learned()
	p := "  新闻热线： 0351-4567890"
	b.SetBytes(int64(len(p)))
	b.ReportAllocs()
	for b.Loop() {
		s.Has(p)
	}
}

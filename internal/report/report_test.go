package report

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/cnnews/cnnews"
	"github.com/cnnews/cnnews/clean"
	"github.com/cnnews/cnnews/internal/seeds"
)

// TestReportOfSeeds reports the reference articles and one whose text
// holds markup: every removal of a sample is marked, every article's
// text escaped, and the summary counts what it was given.
func TestReportOfSeeds(t *testing.T) {
	p, _ := cnnews.New()
	r := New("seeds <&>", 7)
	ins := seeds.Load(t)
	ins["evil"] = "<script>alert(1)</script>\n国务院新闻办公室今天举行发布会，介绍经济运行情况。\n（责任编辑：王小明）\n"
	marks := 0
	for name, in := range ins {
		a, err := p.ProcessString(name, in, clean.Text)
		if err != nil {
			t.Fatal(err)
		}
		r.Article(name, name+".txt", "seeds", len(in), func() string { return in }, a)
		marks += len(a.Removed)
	}
	r.Rejected("encoding")
	r.Duplicate("copy-1", "000", 0.93)
	r.Warn("a warning <b>")
	var buf bytes.Buffer
	if err := r.WriteHTML(&buf, 2*time.Second); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	for _, want := range []string{"<title>seeds &lt;&amp;&gt;</title>", "read<b>8</b>", "written<b>6</b>", "duplicates dropped<b>1</b>", "rejected<b>1</b>",
		"&lt;script&gt;alert(1)&lt;/script&gt;", "a warning &lt;b&gt;", "copy-1 (0.93)", `title="pinyin-gloss (gloss), bytes `, "<svg"} {
		if !strings.Contains(page, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	if strings.Contains(page, "<script>alert") {
		t.Error("an article's markup reached the page unescaped")
	}
	// nested removals (a gloss inside a removed caption) show once
	if got := strings.Count(page, "<mark "); got == 0 || got > marks {
		t.Errorf("%d marked spans for %d removals", got, marks)
	}
	if n := strings.Count(page, `<div class="article `); n != 6 {
		t.Errorf("%d articles shown, want the 6 with removals", n)
	}
}

// TestReportBounded feeds 200,000 articles: the page keeps to its bounds.
func TestReportBounded(t *testing.T) {
	r := New("big", 1)
	text := strings.Repeat("国务院新闻办公室今天举行发布会，介绍经济运行情况。", 40)
	for i := range 200000 {
		line := fmt.Sprintf("（责任编辑：编辑%d）", i%5000)
		in := text + "\n" + line
		a := &cnnews.Article{Text: text, Removed: []clean.Removal{{Rule: "editor-line", Category: clean.Editor, Text: line, Start: len(text) + 1, End: len(in)}}}
		r.Article(fmt.Sprint(i), "in.jsonl", fmt.Sprint("site", i%50), len(in), func() string { return in }, a)
		if i%3 == 0 {
			r.Duplicate(fmt.Sprint("d", i), fmt.Sprint(i), 0.9)
		}
	}
	var buf bytes.Buffer
	if err := r.WriteHTML(&buf, time.Minute); err != nil {
		t.Fatal(err)
	}
	if buf.Len() > 3<<20 || len(r.lines) > maxLines || len(r.samples) != Samples || len(r.clusters) > maxClusters || len(r.bySite) != maxSites {
		t.Errorf("page %d bytes, %d lines, %d samples, %d clusters", buf.Len(), len(r.lines), len(r.samples), len(r.clusters))
	}
	t.Logf("200,000 articles: a page of %d bytes", buf.Len())

	// the worst case: every article longer than a sample shows, with
	// markup to escape, and more sites and categories than are sampled
	r = New("long", 2)
	long := strings.Repeat("<p>国务院新闻办公室今天举行发布会，介绍经济运行情况。</p>", 1000)
	for i := range 20000 {
		cat := clean.Category(fmt.Sprint("category", i%30))
		a := &cnnews.Article{Text: "正文", Removed: []clean.Removal{{Rule: string(cat), Category: cat, Text: long[:90], Start: 0, End: 90}}}
		r.Article(fmt.Sprint(i), "in.jsonl", fmt.Sprint("site", i%100), len(long), func() string { return long }, a)
	}
	buf.Reset()
	if err := r.WriteHTML(&buf, time.Minute); err != nil {
		t.Fatal(err)
	}
	if buf.Len() > 4<<20 {
		t.Errorf("worst case: a page of %d bytes", buf.Len())
	}
	t.Logf("worst case (samples cut at %d bytes, markup escaped): a page of %d bytes", maxText, buf.Len())
}

func BenchmarkArticle(b *testing.B) {
	p, _ := cnnews.New()
	var arts []*cnnews.Article
	var ins []string
	for name, in := range seeds.Load(b) {
		a, _ := p.ProcessString(name, in, "")
		arts, ins = append(arts, a), append(ins, in)
	}
	r := New("bench", 1)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		in := ins[i%len(ins)]
		r.Article("x", "y", "z", len(in), func() string { return in }, arts[i%len(arts)])
		i++
	}
}

package extract

import (
	"bufio"
	"html"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/cnnews/cnnews/decode"
	xhtml "golang.org/x/net/html"
)

// fixtures returns the page fixtures in testdata/pages, decoded.
func fixtures(tb testing.TB) map[string]string {
	tb.Helper()
	files, _ := filepath.Glob("testdata/pages/*.html")
	if len(files) < 20 {
		tb.Fatalf("want the page fixtures in testdata/pages, found %d", len(files))
	}
	out := map[string]string{}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		s, _, err := decode.Bytes(raw)
		if err != nil {
			tb.Fatalf("%s: %v", f, err)
		}
		out[strings.TrimSuffix(f, ".html")] = string(s)
	}
	return out
}

func squeeze2(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// TestFixtures finds the article of every page fixture: each body snippet
// of its .expect file is in Page.Text, the title and site agree, and the
// publish time where the page names it in a tag or by the headline.
// Credits and furniture inside the article are the cleaner's part
// (package clean tests them on the same pages).
func TestFixtures(t *testing.T) {
	for name, in := range fixtures(t) {
		t.Run(filepath.Base(name), func(t *testing.T) {
			p, err := ParseString(in)
			if err != nil {
				t.Fatal(err)
			}
			checkSpans(t, in, p)
			text := squeeze2(p.Text())
			f, err := os.Open(name + ".expect")
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			sc := bufio.NewScanner(f)
			for sc.Scan() {
				line := sc.Text()
				switch {
				case strings.HasPrefix(line, "+"):
					if !strings.Contains(text, squeeze2(line[1:])) {
						t.Errorf("lost body: %s", line[1:])
					}
				case strings.HasPrefix(line, "title: "):
					if want := strings.TrimPrefix(line, "title: "); p.Meta.Title != want {
						t.Errorf("title %q, want %q", p.Meta.Title, want)
					}
				case strings.HasPrefix(line, "site: "):
					if want := strings.TrimPrefix(line, "site: "); p.Meta.SiteName != want {
						t.Errorf("site %q, want %q", p.Meta.SiteName, want)
					}
				case strings.HasPrefix(line, "published: "):
					want := strings.TrimPrefix(line, "published: ")
					if got := p.Meta.PublishedAt.Format("2006-01-02 15:04"); got != want {
						t.Errorf("published %q (%s), want %s", p.Meta.Published, got, want)
					}
				}
			}
		})
	}
}

// checkSpans asserts that every text node's spans lie in the input, in
// order, and hold the node's text: the spans' raw HTML, entities decoded
// and white space folded, is the node's text.
func checkSpans(t *testing.T, in string, p *Page) {
	t.Helper()
	var walk func(n *xhtml.Node)
	walk = func(n *xhtml.Node) {
		if n.Type == xhtml.TextNode {
			if strings.Contains(n.Data, markOpen) {
				t.Errorf("a marker is left in the tree's text %q", n.Data)
			}
			var raw strings.Builder
			prev := 0
			for _, s := range p.Spans(n) {
				if s.Start < prev || s.End < s.Start || s.End > len(in) {
					t.Fatalf("span %+v out of order or out of bounds (input %d bytes)", s, len(in))
				}
				prev = s.End
				raw.WriteString(in[s.Start:s.End])
				raw.WriteByte(' ')
			}
			if len(p.Spans(n)) > 0 && utf8.ValidString(in) && !strings.ContainsAny(in, "\x00\r") {
				got := strings.Join(strings.Fields(n.Data), "")
				want := strings.Join(strings.Fields(html.UnescapeString(raw.String())), "")
				if got != want {
					t.Errorf("text node %q, its spans read %q", got, want)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(p.Root)
}

// TestBrokenMarkup: the pages that lost their article to a hand-kept
// element stack, and other broken markup a browser still shows.
func TestBrokenMarkup(t *testing.T) {
	story := "<p>今年以来，阳泉市紧紧围绕高质量发展目标，扎实推进重点项目建设，一季度新开工项目四十二个。</p>" +
		"<p>在位于开发区的一处施工现场，塔吊林立，机器轰鸣，工人们正在紧张有序地作业。</p>"
	nav := `<div class="nav"><a href="/">首页</a> <a href="/a">新闻</a></div>`
	for name, in := range map[string]string{
		"body class nav":  `<html><body class="u-header-sticky u-has-nav-bar">` + nav + story + `</body></html>`,
		"wrapper nav":     `<html><body><div id="blq-container" class="blq-int-nav">` + nav + `<div>` + story + `</div></div></body></html>`,
		"unclosed select": `<html><body><select><option>新闻</option>` + nav + story,
		"unclosed head":   `<html><head><title>阳泉</title>` + nav + story,
		"unclosed div":    `<html><body><div><div class="content">` + story,
		"stray end tags":  `<html><body></div></span></p><div class="content">` + story + `</td></tr></table></body></html>`,
		"comment open":    `<html><body><div class="content">` + story + `<!-- 广告`,
		"tag cut off":     `<html><body><div class="content">` + story + `<a href="`,
		"svg title":       `<html><body><svg><title>图标</title><style>a<b>c</b></style></svg><div class="content">` + story + `</div></body></html>`,
	} {
		t.Run(name, func(t *testing.T) {
			p, err := ParseString(in)
			if err != nil {
				t.Fatal(err)
			}
			checkSpans(t, in, p)
			text := p.Text()
			for _, want := range []string{"阳泉市紧紧围绕高质量发展目标", "塔吊林立，机器轰鸣"} {
				if !strings.Contains(text, want) {
					t.Errorf("lost %q:\n%s", want, text)
				}
			}
			if strings.Contains(text, "首页") {
				t.Errorf("navigation kept:\n%s", text)
			}
		})
	}
}

func TestParseTime(t *testing.T) {
	cst := time.FixedZone("CST", 8*3600)
	for _, tc := range []struct {
		in   string
		want time.Time
		ok   bool
	}{
		{"2022-05-09 15:11:00", time.Date(2022, 5, 9, 15, 11, 0, 0, cst), true},
		{"2022年5月9日 15:11", time.Date(2022, 5, 9, 15, 11, 0, 0, cst), true},
		{"2022年05月09日15:11", time.Date(2022, 5, 9, 15, 11, 0, 0, cst), true},
		{"2022.05.09", time.Date(2022, 5, 9, 0, 0, 0, 0, cst), true},
		{"2022-05-09T15:11:00+08:00", time.Date(2022, 5, 9, 15, 11, 0, 0, cst), true},
		{"2022-05-09T07:11:00.000Z", time.Date(2022, 5, 9, 7, 11, 0, 0, time.UTC), true},
		{"2022-05-09 15:11:00+0800", time.Date(2022, 5, 9, 15, 11, 0, 0, cst), true},
		{"2022-02-30", time.Time{}, false},
		{"2022-13-01", time.Time{}, false},
		{"明天下午", time.Time{}, false},
		{"", time.Time{}, false},
	} {
		got, ok := ParseTime(tc.in)
		if ok != tc.ok || ok && !got.Equal(tc.want) {
			t.Errorf("ParseTime(%q) = %v, %v; want %v, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

// TestConcurrentParse parses pages from many goroutines at once; run
// under -race it shows that Parse shares no state.
func TestConcurrentParse(t *testing.T) {
	pages := fixtures(t)
	want := map[string]string{}
	for name, in := range pages {
		p, _ := ParseString(in)
		want[name] = p.Text()
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for name, in := range pages {
				p, err := ParseString(in)
				if err != nil || p.Text() != want[name] {
					t.Errorf("%s: concurrent result differs", name)
				}
			}
		}()
	}
	wg.Wait()
}

// FuzzParse checks any input: no panic, spans inside the input and
// holding their node's text, and valid UTF-8 text out of valid input.
func FuzzParse(f *testing.F) {
	for _, in := range fixtures(f) {
		f.Add(in)
	}
	f.Add(`<html><table>文字<tr><td>单元格</td></tr></table><select><p>正文，内容。</p>`)
	f.Add(`<p>a<b>b<i>c</b>d</i>e</p><![CDATA[x]]><svg><![CDATA[图]]></svg><!--->正文<?php ?></ p>`)
	f.Fuzz(func(t *testing.T, in string) {
		p, err := ParseString(in)
		if err != nil {
			t.Fatal(err)
		}
		checkSpans(t, in, p)
		if utf8.ValidString(in) && !utf8.ValidString(p.Text()) {
			t.Errorf("invalid UTF-8 out of valid input")
		}
	})
}

// BenchmarkParse parses the page fixtures: the HTML5 tree, the article
// and the metadata.
func BenchmarkParse(b *testing.B) {
	pages := fixtures(b)
	n := 0
	for _, in := range pages {
		n += len(in)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, in := range pages {
			if _, err := ParseString(in); err != nil {
				b.Fatal(err)
			}
		}
	}
}

package main

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cnnews/cnnews/convert"
	"github.com/cnnews/cnnews/internal/seeds"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// pool is the characters generated sentences are drawn from: common
// Simplified characters whose Traditional forms Big5 holds.
const pool = "的一是在不了有和人这中大上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近千周委素技备半办青省列习响约支般史感劳便团往历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严"

// corpusSpec is what a generated corpus holds, for the exact counts a run
// must report.
type corpusSpec struct {
	dir        string
	read       int
	rejected   map[string]int
	duplicates int
	encodings  map[string]int // of the written articles
	written    int
	fronts     int // written articles whose front matter gives a title and tags
}

// sentence is a generated sentence of 12 to 30 characters.
func sentence(r *rand.Rand) string {
	var b strings.Builder
	n := 12 + r.IntN(19)
	for range n {
		b.WriteString(string([]rune(pool)[r.IntN(len([]rune(pool)))]))
	}
	b.WriteString("。")
	return b.String()
}

// body is a generated story of three to six paragraphs.
func body(r *rand.Rand) string {
	var paras []string
	for range 3 + r.IntN(4) {
		var p strings.Builder
		for range 2 + r.IntN(3) {
			p.WriteString(sentence(r))
		}
		paras = append(paras, p.String())
	}
	return strings.Join(paras, "\n")
}

// wrap puts publisher boilerplate of one of several kinds around a body:
// header lines, editor lines, share prompts, disclaimers, end marks.
func wrap(r *rand.Rand, text string, traditional bool) string {
	head := []string{
		"来源：新华网 2024-03-%02d 08:%02d:00\n",
		"发布时间：2024-03-%02d 10:%02d 来源：人民网\n",
		"首页 > 新闻 > 国内%[3]s\n",
		"",
	}[r.IntN(4)]
	tail := []string{
		"（责任编辑：王磊）\n",
		"分享到：微信 微博 QQ空间\n",
		"免责声明：本文仅代表作者个人观点，与本网无关。\n",
		"【编辑：张伟】\n",
		"",
	}[r.IntN(5)]
	if strings.Contains(head, "%") {
		head = fmt.Sprintf(head, 1+r.IntN(28), r.IntN(60), "")
	}
	if traditional {
		t2 := convert.MustNew("s2t")
		head, tail = t2.String(head), t2.String(tail)
	}
	return head + text + "\n" + tail
}

func encode(t testing.TB, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("cannot encode a fixture: %v", err)
	}
	return b
}

// makeCorpus writes a corpus of over 2,000 articles under dir: UTF-8 files
// (some with a BOM, some with front matter, some HTML), GBK files (some
// HTML declaring gb2312), Big5 files, a JSONL file of text and HTML
// records with bad lines among them, the reference articles, unreadable
// and empty files, and planted copies: exact, in another encoding, and in
// the other script.
func makeCorpus(t testing.TB, dir string) corpusSpec {
	t.Helper()
	r := rand.New(rand.NewPCG(1, 2))
	spec := corpusSpec{dir: dir, rejected: map[string]int{}, encodings: map[string]int{}}
	write := func(rel string, data []byte) {
		path := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		spec.read++
	}
	s2t := convert.MustNew("s2t")
	var utf8Bodies, big5Bodies []string

	// a/big5: Traditional stories in Big5
	for i := range 300 {
		simp := body(r)
		big5Bodies = append(big5Bodies, simp)
		write(fmt.Sprintf("a-big5/%04d.txt", i), encode(t, traditionalchinese.Big5, wrap(r, s2t.String(simp), true)))
		spec.encodings["Big5"]++
	}
	// b-gbk: Simplified stories in GBK, every third an HTML page that
	// declares its charset
	for i := range 300 {
		text := wrap(r, body(r), false)
		if i%3 == 0 {
			html := `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>新闻</title></head><body>`
			for _, p := range strings.Split(strings.TrimSpace(text), "\n") {
				html += "<p>" + p + "</p>"
			}
			write(fmt.Sprintf("b-gbk/%04d.html", i), encode(t, simplifiedchinese.GBK, html+"</body></html>"))
		} else {
			write(fmt.Sprintf("b-gbk/%04d.txt", i), encode(t, simplifiedchinese.GBK, text))
		}
		spec.encodings["GB18030"]++
	}
	// c-records.jsonl: 800 records, text and HTML, with bad lines
	var jl strings.Builder
	for i := range 800 {
		b := body(r)
		if i%2 == 0 {
			fmt.Fprintf(&jl, "{\"id\":\"rec-%d\",\"text\":%q}\n", i, wrap(r, b, false))
		} else {
			fmt.Fprintf(&jl, "{\"id\":\"rec-%d\",\"html\":%q}\n", i, "<p>"+strings.ReplaceAll(b, "\n", "</p><p>")+"</p><p>（责任编辑：王磊）</p>")
		}
		spec.encodings["UTF-8"]++
		spec.read++
		switch {
		case i%80 == 7:
			jl.WriteString("{\"id\": \"broken\", \"text\": \"没有结束\n")
			spec.read++
			spec.rejected["json"]++
		case i%200 == 11:
			fmt.Fprintf(&jl, "{\"id\":\"no-text-%d\",\"title\":\"只有标题\"}\n", i)
			spec.read++
			spec.rejected["json"]++
		case i%400 == 13:
			jl.WriteString("{\"id\":\"bad-utf8\",\"text\":\"正文\xff\xfe\"}\n")
			spec.read++
			spec.rejected["encoding"]++
		case i == 500:
			fmt.Fprintf(&jl, "{\"id\":\"huge\",\"text\":%q}\n", strings.Repeat("很长的一段话。", 30000)) // 630 KB
			spec.read++
			spec.rejected["too-large"]++
		}
		if i == 300 {
			jl.WriteString("\n   \n") // blank lines are not records
		}
	}
	write("c-records.jsonl", []byte(jl.String()))
	spec.read-- // the JSONL file counts by its records
	// d-seeds: the reference articles
	for name, s := range seeds.Load(t) {
		write("d-seeds/"+name+".txt", []byte(s))
		spec.encodings["UTF-8"]++
	}
	// e-utf8: UTF-8 stories, every fifth with a BOM, every seventh with
	// front matter, every eleventh HTML
	for i := range 600 {
		b := body(r)
		utf8Bodies = append(utf8Bodies, b)
		text := wrap(r, b, false)
		name := fmt.Sprintf("e-utf8/%04d.txt", i)
		switch {
		case i%11 == 0:
			name = fmt.Sprintf("e-utf8/%04d.html", i)
			text = "<div class=\"article\"><p>" + strings.ReplaceAll(strings.TrimSpace(text), "\n", "</p><p>") + "</p></div>"
		case i%7 == 0:
			spec.fronts++
			text = fmt.Sprintf("---\ntitle: 第%d篇\ndate: 2024-03-01\ntags: [新闻]\n---\n", i) + text
		}
		data := []byte(text)
		if i%5 == 0 {
			data = append([]byte("\xef\xbb\xbf"), data...)
		}
		write(name, data)
		spec.encodings["UTF-8"]++
	}
	// f-bad: files the pipeline rejects
	for i := range 5 {
		write(fmt.Sprintf("f-bad/empty-%d.txt", i), nil)
		write(fmt.Sprintf("f-bad/blank-%d.txt", i), []byte(" \n\n\t\n"))
		spec.rejected["empty"] += 2
	}
	for i := range 6 {
		write(fmt.Sprintf("f-bad/garbled-%d.txt", i), append([]byte("标题\n正文"), 0x80, 0xFF, 0x80, byte(i)))
		spec.rejected["encoding"]++
	}
	for i := range 2 {
		write(fmt.Sprintf("f-bad/boilerplate-%d.txt", i), []byte("（责任编辑：王磊）\n分享到：微信 微博\n"))
		spec.rejected["no-text"]++
	}
	write("f-bad/huge.txt", []byte(strings.Repeat("很长的一段话。\n", 40000))) // 880 KB
	spec.rejected["too-large"]++
	write("f-bad/open-front-matter.md", []byte("---\ntitle: 没有结束\n正文第一段。\n"))
	spec.rejected["front-matter"]++
	// g-copies: planted copies of earlier stories, after them in input
	// order: exact copies with other boilerplate, GBK copies of UTF-8
	// stories, and Simplified copies of the Big5 stories
	for i := range 50 {
		write(fmt.Sprintf("g-copies/exact-%02d.txt", i), []byte(wrap(r, utf8Bodies[i*7], false)))
		spec.duplicates++
	}
	for i := range 30 {
		write(fmt.Sprintf("g-copies/gbk-%02d.txt", i), encode(t, simplifiedchinese.GBK, wrap(r, utf8Bodies[i*11+3], false)))
		spec.duplicates++
	}
	for i := range 50 {
		write(fmt.Sprintf("g-copies/script-%02d.txt", i), []byte(wrap(r, big5Bodies[i*5], false)))
		spec.duplicates++
	}
	for _, n := range spec.rejected {
		spec.written -= n
	}
	spec.written += spec.read - spec.duplicates
	return spec
}

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
	"github.com/cnnews/cnnews/internal/testcorpus"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

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
		simp := testcorpus.Body(r)
		big5Bodies = append(big5Bodies, simp)
		write(fmt.Sprintf("a-big5/%04d.txt", i), encode(t, traditionalchinese.Big5, testcorpus.Wrap(r, s2t.String(simp), true)))
		spec.encodings["Big5"]++
	}
	// b-gbk: Simplified stories in GBK, every third an HTML page that
	// declares its charset
	for i := range 300 {
		text := testcorpus.Wrap(r, testcorpus.Body(r), false)
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
		b := testcorpus.Body(r)
		if i%2 == 0 {
			fmt.Fprintf(&jl, "{\"id\":\"rec-%d\",\"text\":%q}\n", i, testcorpus.Wrap(r, b, false))
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
		b := testcorpus.Body(r)
		utf8Bodies = append(utf8Bodies, b)
		text := testcorpus.Wrap(r, b, false)
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
		write(fmt.Sprintf("g-copies/exact-%02d.txt", i), []byte(testcorpus.Wrap(r, utf8Bodies[i*7], false)))
		spec.duplicates++
	}
	for i := range 30 {
		write(fmt.Sprintf("g-copies/gbk-%02d.txt", i), encode(t, simplifiedchinese.GBK, testcorpus.Wrap(r, utf8Bodies[i*11+3], false)))
		spec.duplicates++
	}
	for i := range 50 {
		write(fmt.Sprintf("g-copies/script-%02d.txt", i), []byte(testcorpus.Wrap(r, big5Bodies[i*5], false)))
		spec.duplicates++
	}
	for _, n := range spec.rejected {
		spec.written -= n
	}
	spec.written += spec.read - spec.duplicates
	return spec
}

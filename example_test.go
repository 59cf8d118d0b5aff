package cnnews_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/cnnews/cnnews"
	"github.com/cnnews/cnnews/clean"
	"github.com/cnnews/cnnews/convert"
	"github.com/cnnews/cnnews/decode"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// Example is the article of the tour, cleaned.
func Example() {
	article := "新利平台\u00a0>\u00a0即時新聞\u00a0>\u00a0地方\n" +
		"發布時間:2022-05-09 15:11:00來源: 人民網-山西頻道\n" +
		"  複工就是穩就業(ye) ,複產(chan) 就是穩經濟。\n" +
		"(責編: 李文治)\n"
	res := clean.Default().CleanString(article)
	fmt.Println(res.Text)
	fmt.Println(res.Meta.Source, res.Meta.Editors, res.Meta.PublishedAt)
	for _, r := range res.Removed {
		fmt.Println(r.Rule, article[r.Start:r.End] == r.Text)
	}
	// Output:
	// 複工就是穩就業,複產就是穩經濟。
	// 人民網-山西頻道 [李文治] 2022-05-09 15:11:00 +0800 CST
	// breadcrumb true
	// header-meta true
	// pinyin-gloss true
	// pinyin-gloss true
	// editor-line true
}

// Example_simplified cleans a Traditional article and normalises it to
// Simplified script.
func Example_simplified() {
	res := clean.Default().CleanString("  複工就是穩就業(ye) ,複產(chan) 就是穩經濟。\n(責編: 李文治)")
	if convert.Detect(res.Text).Script == convert.Traditional {
		fmt.Println(convert.MustNew("t2s").String(convert.RepairPunctuation(res.Text)))
	}
	// Output:
	// 复工就是稳就业，复产就是稳经济。
}

// ExampleNew runs a whole article, as a scraper saved it, through one
// pipeline: GBK bytes, YAML front matter, boilerplate, Traditional script.
func ExampleNew() {
	p, err := cnnews.New(cnnews.Convert("t2s"), cnnews.RepairPunctuation())
	if err != nil {
		panic(err)
	}
	saved := "---\ntitle: 山西復工復產\ntags: [經濟, 山西]\n---\n" +
		"發布時間:2022-05-09 15:11:00來源: 人民網-山西頻道\n" +
		"複工就是穩就業(ye) ,複產(chan) 就是穩經濟。\n" +
		"(責編: 李文治)\n"
	raw, _ := traditionalchinese.Big5.NewEncoder().String(saved)
	a, err := p.Process("shanxi.txt", []byte(raw))
	if err != nil {
		panic(err)
	}
	fmt.Println(a.Text)
	fmt.Println(a.Encoding.Encoding, a.Script, a.Converted)
	fmt.Println(a.Meta.Title, a.Meta.Tags, a.Meta.Source, a.Meta.Editors)
	fmt.Println(len(a.Removed), a.Removed[0].Rule)
	// Output:
	// 复工就是稳就业，复产就是稳经济。
	// Big5 traditional t2s
	// 山西复工复产 [经济 山西] 人民网-山西频道 [李文治]
	// 5 front-matter
}

// ExamplePipeline_ProcessString reads a JSONL record's HTML, already
// decoded.
func ExamplePipeline_ProcessString() {
	p, _ := cnnews.New()
	a, _ := p.ProcessString("rec-1", `<p>国务院新闻办公室今天举行发布会。</p><p>（责任编辑：张三）</p>`, clean.HTML)
	fmt.Println(a.Text, a.Meta.Editors, a.Format)
	// Output:
	// 国务院新闻办公室今天举行发布会。 [张三] html
}

// ExampleInputError shows a rejected input: its name, the reason and
// the position.
func ExampleInputError() {
	p, _ := cnnews.New()
	_, err := p.Process("bad.txt", []byte("标题\n正文\x80\x80\x80"))
	fmt.Println(err)
	var ie *cnnews.InputError
	if errors.As(err, &ie) {
		fmt.Println(ie.Reason)
	}
	// Output:
	// bad.txt: encoding: byte 13 (line 2): not valid UTF-8
	// encoding
}

// ExampleLossy reads bytes in no known encoding with replacements, and
// says how many.
func ExampleLossy() {
	p, _ := cnnews.New(cnnews.Lossy())
	a, _ := p.Process("bad.txt", []byte("标题\n正文\x80\x80\x80坏了"))
	fmt.Println(a.Text)
	fmt.Println(a.Encoding.Replaced, a.Encoding.FirstInvalid)
	// Output:
	// 标题
	// 正文���坏了
	// 3 13
}

// ExampleClean switches a category of rules off for the whole pipeline.
func ExampleClean() {
	p, _ := cnnews.New(cnnews.Clean(clean.Without("editor")))
	a, _ := p.ProcessString("a", "新闻正文第一段。\n（责任编辑：张三）", clean.Text)
	fmt.Println(a.Text)
	// Output:
	// 新闻正文第一段。
	// （责任编辑：张三）
}

// ExampleMaxSize rejects inputs larger than a limit.
func ExampleMaxSize() {
	p, _ := cnnews.New(cnnews.MaxSize(10))
	_, err := p.Process("big.txt", []byte("一篇很长很长的文章"))
	fmt.Println(err)
	// Output:
	// big.txt: too-large: 27 bytes, more than the maximum 10
}

// ExampleConvert leaves articles already in the target script alone.
func ExampleConvert() {
	p, _ := cnnews.New(cnnews.Convert("t2s"))
	for _, s := range []string{"經濟穩定發展。", "经济稳定发展。"} {
		a, _ := p.ProcessString("a", s, clean.Text)
		fmt.Printf("%s %s %q\n", a.Text, a.Script, a.Converted)
	}
	// Output:
	// 经济稳定发展。 traditional "t2s"
	// 经济稳定发展。 simplified ""
}

// ExampleRepairPunctuation restores full-width punctuation a width fold
// turned to ASCII.
func ExampleRepairPunctuation() {
	p, _ := cnnews.New(cnnews.RepairPunctuation())
	a, _ := p.ProcessString("a", "歲暮天寒,望春則暖(朔州)。時間15:11:00", clean.Text)
	fmt.Println(a.Text)
	// Output:
	// 歲暮天寒，望春則暖（朔州）。時間15:11:00
}

// ExampleRepairConversion fixes the characters a character-by-character
// conversion got wrong in a Traditional article.
func ExampleRepairConversion() {
	p, _ := cnnews.New(cnnews.RepairConversion())
	a, _ := p.ProcessString("a", "朔州市提前製定了物資的全麵保障方案，聯係各方，反複核實，確保複工。", clean.Text)
	fmt.Println(a.Text, a.Repaired)
	// Output:
	// 朔州市提前制定了物資的全面保障方案，聯繫各方，反覆核實，確保復工。 5
}

// ExamplePipeline_Process reads a GBK page that declares its charset.
func ExamplePipeline_Process() {
	p, _ := cnnews.New()
	page, _ := simplifiedchinese.GBK.NewEncoder().String(`<html><head><meta charset="gb2312"></head><body>` +
		`<div class="breadcrumb">首页 &gt; 新闻</div><p>国务院新闻办公室今天举行发布会。</p>` +
		`<p>（责任编辑：张三）</p></body></html>`)
	a, err := p.Process("page.html", []byte(page))
	if err != nil {
		panic(err)
	}
	fmt.Println(a.Text)
	fmt.Println(a.Encoding.Encoding, a.Encoding.Declared, a.Format, a.Meta.Editors)
	for _, r := range a.Removed {
		fmt.Println(r.Rule, r.Category)
	}
	// Output:
	// 国务院新闻办公室今天举行发布会。
	// GB18030 gbk html [张三]
	// breadcrumb navigation
	// editor-line editor
}

// ExamplePipeline shares one pipeline between goroutines: it is immutable.
func ExamplePipeline() {
	p, _ := cnnews.New(cnnews.Convert("s2t"))
	texts := []string{"经济稳定发展。", "记者今天获悉。", "新闻发布会举行。"}
	out := make([]string, len(texts))
	done := make(chan int)
	for i, s := range texts {
		go func() {
			a, _ := p.ProcessString(fmt.Sprint(i), s, clean.Text)
			out[i] = a.Text
			done <- i
		}()
	}
	for range texts {
		<-done
	}
	fmt.Println(out)
	// Output:
	// [經濟穩定發展。 記者今天獲悉。 新聞發佈會舉行。]
}

// ExampleArticle shows what an article carries besides its text.
func ExampleArticle() {
	p, _ := cnnews.New()
	a, _ := p.Process("a.txt", []byte("\xef\xbb\xbf来源：新华网\n正文第一段。\n（完）\n"))
	fmt.Printf("%q %s %s BOM=%v\n", a.Text, a.Format, a.Encoding.Encoding, a.Encoding.BOM)
	for _, r := range a.Removed {
		fmt.Printf("%s %q %d-%d\n", r.Rule, r.Text, r.Start, r.End)
	}
	// Output:
	// "正文第一段。" text UTF-8 BOM=true
	// source-line "来源：新华网" 0-18
	// end-mark "（完）" 38-47
}

// ExampleArticle_json shows an article's JSON: the one definition that
// cnnews clean --json prints and each line of cnnews run carries.
// Enumerations are written by name.
func ExampleArticle_json() {
	p, _ := cnnews.New(cnnews.Convert("t2s"))
	a, _ := p.Process("a.txt", []byte("中央社記者報導。\n（責任編輯：李文治）\n"))
	b, _ := json.Marshal(a)
	fmt.Println(string(b))
	// Output:
	// {"name":"a.txt","text":"中央社记者报导。","meta":{"editors":["李文治"],"credits":[{"role":"责任编辑","name":"李文治"}]},"removed":[{"rule":"editor-line","category":"editor","text":"（責任編輯：李文治）","line":2,"start":25,"end":55}],"encoding":{"encoding":"UTF-8"},"format":"text","script":"traditional","converted":"t2s"}
}

// ExampleMeta merges the front matter with what cleaning found.
func ExampleMeta() {
	p, _ := cnnews.New()
	a, _ := p.Process("post.md", []byte("---\ntitle: 春耕\nauthor: 王磊\ntags: 农业 山西\nweather: 晴\n---\n来源：山西日报\n春分时节，各地开展春耕备耕。\n"))
	m := a.Meta
	fmt.Println(m.Title, m.Authors, m.Tags, m.Source, m.Front["weather"])
	// Output:
	// 春耕 [王磊] [农业 山西] 山西日报 晴
}

// ExampleReason lists why inputs are rejected.
func ExampleReason() {
	p, _ := cnnews.New(cnnews.MaxSize(100))
	for _, in := range []string{"", "正文\xff\xfe", "---\ntitle: x\n", "（责任编辑：张三）", strings.Repeat("长", 50)} {
		_, err := p.Process("in", []byte(in))
		var ie *cnnews.InputError
		if errors.As(err, &ie) {
			fmt.Println(ie.Reason)
		}
	}
	// Output:
	// empty
	// encoding
	// front-matter
	// no-text
	// too-large
}

// ExampleOption collects options, as a command line would.
func ExampleOption() {
	opts := []cnnews.Option{cnnews.MaxSize(cnnews.DefaultMaxSize)}
	if toSimplified := true; toSimplified {
		opts = append(opts, cnnews.Convert("t2s"))
	}
	p, err := cnnews.New(opts...)
	fmt.Println(p != nil, err)
	_, err = cnnews.New(cnnews.Convert("s2x"))
	fmt.Println(err != nil)
	// Output:
	// true <nil>
	// true
}

// ExampleReason_all lists the reasons an input is rejected for.
func ExampleReason_all() {
	p, _ := cnnews.New(cnnews.MaxSize(1000))
	for _, in := range []string{"", strings.Repeat("长", 400), "（责任编辑：张三）", "---\ntitle: x\n正文"} {
		_, err := p.Process("a.txt", []byte(in))
		var ie *cnnews.InputError
		errors.As(err, &ie)
		fmt.Println(ie.Reason == cnnews.Empty, ie.Reason == cnnews.TooLarge, ie.Reason == cnnews.NoText, ie.Reason == cnnews.BadFrontMatter, ie.Reason)
	}
	_, err := p.Process("b.txt", []byte("\xff\xfe\xfd\x00\x81"))
	var ie *cnnews.InputError
	errors.As(err, &ie)
	fmt.Println(ie.Reason == cnnews.BadEncoding)
	// Output:
	// true false false false empty
	// false true false false too-large
	// false false true false no-text
	// false false false true front-matter
	// true
}

func ExampleInputError_Error() {
	p, _ := cnnews.New()
	_, err := p.Process("empty.txt", nil)
	fmt.Println(err)
	// Output:
	// empty.txt: empty: no text
}

func ExampleInputError_Unwrap() {
	p, _ := cnnews.New()
	_, err := p.Process("bad.txt", []byte("阳泉\n\xff\xfe\xfd\x81"))
	var de *decode.Error
	fmt.Println(errors.As(err, &de), de.Line)
	// Output:
	// true 2
}

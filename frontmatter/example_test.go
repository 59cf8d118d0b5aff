package frontmatter_test

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/cnnews/cnnews/frontmatter"
)

const post = `---
layout: post
title: "踔厉奋发 阳泉“双战双赢”谋新篇"
date: 2022-05-13 05:46:47 +0800
categories: yangquanribao
tags: [阳泉日报新闻]
---
<p>春风拂过，山城大地万物复苏。</p>
`

func ExampleSplit() {
	doc, err := frontmatter.Split([]byte(post))
	if err != nil {
		panic(err)
	}
	fmt.Println(doc.Format)
	fmt.Printf("%q\n", doc.Body())
	// Output:
	// yaml
	// "<p>春风拂过，山城大地万物复苏。</p>\n"
}

func ExampleDocument_Fields() {
	doc, _ := frontmatter.Split([]byte(post))
	fields, _ := doc.Fields()
	for _, f := range fields {
		fmt.Println(f.Line, f.Key, f.Value)
	}
	// Output:
	// 2 layout post
	// 3 title 踔厉奋发 阳泉“双战双赢”谋新篇
	// 4 date 2022-05-13 05:46:47 +0800
	// 5 categories yangquanribao
	// 6 tags [阳泉日报新闻]
}

func ExampleField() {
	doc, _ := frontmatter.Split([]byte("+++\ntitle = \"标题\"\n+++\n正文"))
	fields, _ := doc.Fields()
	fmt.Printf("%+v\n", fields[0])
	// Output:
	// {Key:title Value:标题 Line:2}
}

func ExampleDocument_Decode() {
	var meta struct {
		Title string           `yaml:"title"`
		Date  frontmatter.Date `yaml:"date"`
		Tags  []string         `yaml:"tags"`
	}
	doc, _ := frontmatter.Split([]byte(post))
	if err := doc.Decode(&meta); err != nil {
		panic(err)
	}
	fmt.Println(meta.Title, meta.Date.Time.Format(time.RFC3339), meta.Tags)
	// Output:
	// 踔厉奋发 阳泉“双战双赢”谋新篇 2022-05-13T05:46:47+08:00 [阳泉日报新闻]
}

func ExampleDocument_Map() {
	doc, _ := frontmatter.Split([]byte("{\"title\": \"标题\", \"draft\": false}\n正文"))
	m, _ := doc.Map()
	fmt.Println(doc.Format, m["title"], m["draft"])
	// Output:
	// json 标题 false
}

func ExampleDocument_Date() {
	doc, _ := frontmatter.Split([]byte(post))
	d, ok, err := doc.Date("date")
	fmt.Println(d.Time.Format(time.RFC3339), d.Raw, ok, err)
	// Output:
	// 2022-05-13T05:46:47+08:00 2022-05-13 05:46:47 +0800 true <nil>
}

func ExampleParseDate() {
	for _, s := range []string{"2022-05-13 05:46:47 +0800", "2022年5月13日 15:04", "2022/05/13 15:04"} {
		d, _ := frontmatter.ParseDate(s, nil)
		fmt.Println(d.Time.Format(time.RFC3339))
	}
	d, _ := frontmatter.ParseDate("2022-05-13 15:04", time.UTC)
	fmt.Println(d.Time.Format(time.RFC3339))
	// Output:
	// 2022-05-13T05:46:47+08:00
	// 2022-05-13T15:04:00+08:00
	// 2022-05-13T15:04:00+08:00
	// 2022-05-13T15:04:00Z
}

func ExampleDate() {
	d := frontmatter.Date{}
	err := d.UnmarshalText([]byte("2022年5月13日"))
	fmt.Println(d.Time, err)
	// Output:
	// 2022-05-13 00:00:00 +0800 CST <nil>
}

func ExampleDate_UnmarshalText() {
	var d frontmatter.Date
	fmt.Println(d.UnmarshalText([]byte("昨天")))
	// Output:
	// frontmatter: "昨天" is not a date in a known layout
}

func ExampleDate_UnmarshalJSON() {
	var d frontmatter.Date
	d.UnmarshalJSON([]byte(`"2022-05-13T05:46:47+08:00"`))
	fmt.Println(d.Time.Format(time.RFC3339))
	// Output:
	// 2022-05-13T05:46:47+08:00
}

func ExampleDate_MarshalText() {
	d, _ := frontmatter.ParseDate("2022-05-13 05:46:47 +0800", nil)
	b, _ := d.MarshalText()
	fmt.Println(string(b))
	// Output:
	// 2022-05-13 05:46:47 +0800
}

func ExampleTimeZone() {
	doc, _ := frontmatter.Split([]byte("---\ndate: 2022-05-13 05:46\n---\n"), frontmatter.TimeZone(time.UTC))
	d, _, _ := doc.Date("date")
	fmt.Println(d.Time)
	// Output:
	// 2022-05-13 05:46:00 +0000 UTC
}

func ExampleMaxSize() {
	_, err := frontmatter.Split([]byte(post), frontmatter.MaxSize(64))
	fmt.Println(err)
	// Output:
	// line 1: front matter is larger than the limit of 64 bytes
}

func ExampleError() {
	_, err := frontmatter.Split([]byte("---\ntitle: a\ntitle: b\n---\n"))
	if fe, ok := err.(*frontmatter.Error); ok {
		fmt.Println(fe.Line, fe.Column, fe.Msg)
	}
	// Output:
	// 3 1 key "title" given twice (first on line 2)
}

func ExampleError_Error() {
	_, err := frontmatter.Split([]byte("---\ntitle: x\n\n正文"))
	fmt.Println(err)
	// Output:
	// line 1: yaml front matter opened here is never closed
}

func ExampleFormat() {
	for _, s := range []string{"---\na: 1\n---\n", "+++\na = 1\n+++\n", "{\"a\":1}\n", "正文"} {
		doc, _ := frontmatter.Split([]byte(s))
		switch doc.Format {
		case frontmatter.YAML, frontmatter.TOML, frontmatter.JSON:
			fmt.Printf("%q\n", doc.Format)
		case frontmatter.None:
			fmt.Println("no front matter")
		}
	}
	// Output:
	// "yaml"
	// "toml"
	// "json"
	// no front matter
}

func ExampleDocument() {
	// a Markdown horizontal rule at the top is not front matter
	doc, _ := frontmatter.Split([]byte("---\n\n导语\n\n---\n正文"))
	fmt.Printf("%q %q\n", doc.Format, doc.Body())
	// Output:
	// "" "---\n\n导语\n\n---\n正文"
}

func ExampleDocument_Front() {
	doc, _ := frontmatter.Split([]byte("+++\ntitle = \"标题\"\n+++\n正文"))
	fmt.Printf("%q line %d\n", doc.Front(), doc.FrontLine())
	// Output:
	// "title = \"标题\"\n" line 2
}

func ExampleDocument_FrontLine() {
	doc, _ := frontmatter.Split([]byte("\n\n---\na: 1\n---\n"))
	fmt.Println(doc.FrontLine())
	// Output:
	// 4
}

func ExampleDocument_Body() {
	doc, _ := frontmatter.Split([]byte("---\na: 1\n---\n---\n分隔线之后"))
	fmt.Printf("%q\n", doc.Body())
	// Output:
	// "---\n分隔线之后"
}

func ExampleDocument_Set() {
	doc, _ := frontmatter.Split([]byte("---\n# 来源信息\ntitle: 旧 # 待改\n---\n正文\n"))
	doc.Set("title", "新标题")
	doc.Set("source", "阳泉日报")
	out, _ := doc.Bytes()
	fmt.Print(string(out))
	// Output:
	// ---
	// # 来源信息
	// title: 新标题 # 待改
	// source: 阳泉日报
	// ---
	// 正文
}

func ExampleDocument_Bytes() {
	in := "\ufeff---\r\ntitle: 标题\r\n---\r\n正文\r\n"
	doc, _ := frontmatter.Split([]byte(in))
	out, _ := doc.Bytes()
	fmt.Println(string(out) == in)
	// Output:
	// true
}

func ExampleRead() {
	r := strings.NewReader("---\ntitle: 标题\n---\n很长的正文……")
	doc, body, err := frontmatter.Read(r)
	if err != nil {
		panic(err)
	}
	fields, _ := doc.Fields()
	rest, _ := io.ReadAll(body)
	fmt.Println(fields[0].Value, string(rest))
	// Output:
	// 标题 很长的正文……
}

func ExampleOption() {
	opts := []frontmatter.Option{frontmatter.MaxSize(4 << 10), frontmatter.TimeZone(time.UTC)}
	doc, err := frontmatter.Split([]byte("---\ndate: 2022-05-13 05:46\n---\n"), opts...)
	d, _, _ := doc.Date("date")
	fmt.Println(d.Time, err, frontmatter.DefaultMaxSize)
	// Output:
	// 2022-05-13 05:46:00 +0000 UTC <nil> 1048576
}

func ExampleDate_String() {
	d, _ := frontmatter.ParseDate("2022年5月13日 15:04", nil)
	fmt.Println(d)
	fmt.Println(d.Time)
	// Output:
	// 2022-05-13 15:04:00 +0800
	// 2022-05-13 15:04:00 +0800 CST
}

// MayStart tells, without copying a string into bytes, whether Split
// could find front matter in it.
func ExampleMayStart() {
	fmt.Println(frontmatter.MayStart(post))
	fmt.Println(frontmatter.MayStart("\n春风拂过，山城大地万物复苏。"))
	// Output:
	// true
	// false
}

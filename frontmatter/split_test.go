package frontmatter

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

type splitCase struct {
	name   string
	in     string
	format Format
	fields []Field // nil: not checked
	body   string
	err    string // part of the error, "" for none
}

var splitCases = []splitCase{
	{name: "jekyll", in: "---\nlayout: post\ntitle: 标题\n---\n正文", format: YAML,
		fields: []Field{{"layout", "post", 2}, {"title", "标题", 3}}, body: "正文"},
	{name: "closing dots", in: "---\na: 1\n...\nbody", format: YAML, fields: []Field{{"a", 1, 2}}, body: "body"},
	{name: "BOM", in: "\ufeff---\na: 1\n---\nbody", format: YAML, fields: []Field{{"a", 1, 2}}, body: "body"},
	{name: "CRLF", in: "---\r\na: 1\r\nb: x\r\n---\r\nbody\r\n", format: YAML, fields: []Field{{"a", 1, 2}, {"b", "x", 3}}, body: "body\r\n"},
	{name: "leading blank lines", in: "\n  \n---\na: 1\n---\nbody", format: YAML, fields: []Field{{"a", 1, 4}}, body: "body"},
	{name: "trailing spaces on delimiters", in: "---  \na: 1\n--- \t\nbody", format: YAML, body: "body"},
	{name: "empty block", in: "---\n---\nbody", format: YAML, fields: []Field{}, body: "body"},
	{name: "comment-only block", in: "---\n# nothing yet\n---\nbody", format: YAML, fields: []Field{}, body: "body"},
	{name: "indented --- inside a block scalar", in: "---\ntext: |\n  line one\n  ---\n  line three\n---\nbody", format: YAML,
		fields: []Field{{"text", "line one\n---\nline three\n", 2}}, body: "body"},
	{name: "---- is not a delimiter", in: "----\na: 1\n----\nbody", format: None, body: "----\na: 1\n----\nbody"},
	{name: "---more does not close", in: "---\na: 1\n---more\nb: 2\n---\nbody", err: "line"},
	{name: "duplicate keys", in: "---\ntitle: a\ndate: 2022-05-13\ntitle: b\n---\n", err: `line 4, column 1: key "title" given twice (first on line 2)`},
	{name: "tabs in values", in: "---\ntitle: \"a\\tb\"\n---\n", format: YAML, fields: []Field{{"title", "a\tb", 2}}},
	{name: "tab indentation is an error", in: "---\nmap:\n\tkey: 1\n---\n", err: "line 3"},
	{name: "Chinese keys and values", in: "---\n標題: 穩中求進看山西\n分類: [地方, 即時新聞]\n---\n正文", format: YAML,
		fields: []Field{{"標題", "穩中求進看山西", 2}, {"分類", []any{"地方", "即時新聞"}, 3}}, body: "正文"},
	{name: "horizontal rule at the top", in: "---\n\nIntro\n\n---\nMore text", format: None, body: "---\n\nIntro\n\n---\nMore text"},
	{name: "horizontal rule never closed", in: "---\n\nIntro paragraph.\n", format: None, body: "---\n\nIntro paragraph.\n"},
	{name: "body starting with ---", in: "---\na: 1\n---\n---\nnot front matter\n", format: YAML, body: "---\nnot front matter\n"},
	{name: "unterminated YAML", in: "---\ntitle: x\ndate: 2022\n\nbody text", err: "line 1: yaml front matter opened here is never closed"},
	{name: "unterminated TOML", in: "+++\ntitle = \"x\"\nbody", err: "line 1: toml front matter opened here is never closed"},
	{name: "no front matter", in: "正文第一段。\n正文第二段。", format: None, body: "正文第一段。\n正文第二段。"},
	{name: "empty input", in: "", format: None, body: ""},
	{name: "TOML", in: "+++\ntitle = \"标题\"\ndate = 2022-05-13T05:46:47+08:00\n+++\n正文", format: TOML,
		fields: []Field{{"title", "标题", 2}, {"date", time.Date(2022, 5, 13, 5, 46, 47, 0, time.FixedZone("", 8*3600)), 3}}, body: "正文"},
	{name: "TOML Chinese bare key", in: "+++\n标题 = \"x\"\n+++\n", err: "line 2"},
	{name: "TOML quoted Chinese key", in: "+++\n\"标题\" = \"x\"\n+++\n", format: TOML, fields: []Field{{"标题", "x", 2}}},
	{name: "JSON then Markdown", in: "{\n  \"title\": \"标题\",\n  \"tags\": [\"a\"]\n}\n# 正文\n", format: JSON,
		fields: []Field{{"title", "标题", 2}, {"tags", []any{"a"}, 3}}, body: "# 正文\n"},
	{name: "broken JSON", in: "{\n  \"title\": \"x\",\n  oops\n}\n", err: "line 3"},
	{name: "YAML syntax error line in file", in: "---\na: 1\nb: [1, 2\nc: 3\n---\n", err: "line 4"},
	{name: "alias bomb", in: "---\n" + billionLaughs + "---\n", err: "alias"},
	{name: "nesting thousands deep", in: "---\na: " + strings.Repeat("[", 5000) + strings.Repeat("]", 5000) + "\n---\n", err: "nested deeper than 100"},
	{name: "indentation thousands deep", in: "---\na:\n" + strings.Repeat(" ", 1000) + "b: 1\n---\n", err: "nested deeper than 100"},
}

const billionLaughs = `a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
`

func TestSplit(t *testing.T) {
	for _, tc := range splitCases {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			doc, err := Split([]byte(tc.in))
			if err == nil && tc.err != "" {
				// some errors only show when the block is decoded
				_, err = doc.Fields()
			}
			if time.Since(start) > 5*time.Second {
				t.Errorf("took %v", time.Since(start))
			}
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error %v, want one containing %q", err, tc.err)
				}
				var fe *Error
				if !errors.As(err, &fe) {
					t.Errorf("error %T is not an *Error", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if doc.Format != tc.format {
				t.Errorf("format %q, want %q", doc.Format, tc.format)
			}
			if string(doc.Body()) != tc.body && tc.body != "" {
				t.Errorf("body %q, want %q", doc.Body(), tc.body)
			}
			if tc.fields != nil {
				fields, err := doc.Fields()
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(tc.fields, fields, cmp.Comparer(func(a, b time.Time) bool { return a.Equal(b) })); diff != "" && !(len(tc.fields) == 0 && len(fields) == 0) {
					t.Errorf("fields (-want +got):\n%s", diff)
				}
			}
			joined, err := doc.Bytes()
			if err != nil || !bytes.Equal(joined, []byte(tc.in)) {
				t.Errorf("split then join: %q, %v", joined, err)
			}
		})
	}
}

func TestLargeBlock(t *testing.T) {
	var b strings.Builder
	b.WriteString("---\n")
	for i := 0; b.Len() < 100<<10; i++ {
		b.WriteString("key")
		b.WriteString(strings.Repeat("x", i%7))
		b.WriteString(string(rune('a'+i%26)) + strings.Repeat("k", i/26) + ": 阳泉市召开经济工作会议\n")
	}
	b.WriteString("---\nbody")
	doc, err := Split([]byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	fields, err := doc.Fields()
	if err != nil || len(fields) < 1000 {
		t.Fatalf("%d fields, %v", len(fields), err)
	}
	if _, err := Split([]byte(b.String()), MaxSize(50<<10)); err == nil || !strings.Contains(err.Error(), "limit of 51200") {
		t.Errorf("MaxSize: error %v", err)
	}
}

func TestDecodeStruct(t *testing.T) {
	doc, err := Split([]byte("---\ntitle: 阳泉\ndate: 2022-05-13 05:46:47 +0800\ntags: [a, b]\n---\n"))
	if err != nil {
		t.Fatal(err)
	}
	var post struct {
		Title string   `yaml:"title"`
		Date  Date     `yaml:"date"`
		Tags  []string `yaml:"tags"`
	}
	if err := doc.Decode(&post); err != nil {
		t.Fatal(err)
	}
	want := time.Date(2022, 5, 12, 21, 46, 47, 0, time.UTC)
	if post.Title != "阳泉" || !post.Date.Time.Equal(want) || post.Date.Raw != "2022-05-13 05:46:47 +0800" || len(post.Tags) != 2 {
		t.Errorf("%+v", post)
	}
	var bad struct {
		Title int `yaml:"title"`
	}
	if err := doc.Decode(&bad); err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("type error: %v, want one naming line 2", err)
	}
}

func TestParseDate(t *testing.T) {
	shanghai := time.FixedZone("CST", 8*3600)
	utc := time.UTC
	for in, want := range map[string]time.Time{
		"2022-05-13 05:46:47 +0800": time.Date(2022, 5, 13, 5, 46, 47, 0, shanghai),
		"2022-05-13T05:46:47+08:00": time.Date(2022, 5, 13, 5, 46, 47, 0, shanghai),
		"2022-05-13T05:46:47Z":      time.Date(2022, 5, 13, 5, 46, 47, 0, utc),
		"2022-05-13T05:46:47":       time.Date(2022, 5, 13, 5, 46, 47, 0, shanghai),
		"2022-05-13 05:46":          time.Date(2022, 5, 13, 5, 46, 0, 0, shanghai),
		"2022-05-13 05:46:47":       time.Date(2022, 5, 13, 5, 46, 47, 0, shanghai),
		"2022-05-13":                time.Date(2022, 5, 13, 0, 0, 0, 0, shanghai),
		"2022/05/13 05:46":          time.Date(2022, 5, 13, 5, 46, 0, 0, shanghai),
		"2022年5月13日":                time.Date(2022, 5, 13, 0, 0, 0, 0, shanghai),
		"2022年5月13日 15:04":          time.Date(2022, 5, 13, 15, 4, 0, 0, shanghai),
	} {
		d, err := ParseDate(in, nil)
		if err != nil || !d.Time.Equal(want) || d.Raw != in {
			t.Errorf("ParseDate(%q) = %v %q, %v; want %v", in, d.Time, d.Raw, err, want)
		}
	}
	d, err := ParseDate("2022-05-13 05:46", time.UTC)
	if err != nil || !d.Time.Equal(time.Date(2022, 5, 13, 5, 46, 0, 0, time.UTC)) {
		t.Errorf("caller's zone: %v %v", d.Time, err)
	}
	for _, bad := range []string{"", "昨天", "2022-13-01", "13/05/2022"} {
		if _, err := ParseDate(bad, nil); err == nil {
			t.Errorf("ParseDate(%q) succeeded", bad)
		}
	}
	doc, _ := Split([]byte("---\ndate: 2022-05-13 05:46\n---\n"), TimeZone(time.UTC))
	if got, ok, err := doc.Date("date"); !ok || err != nil || !got.Time.Equal(time.Date(2022, 5, 13, 5, 46, 0, 0, time.UTC)) {
		t.Errorf("TimeZone option: %v %v %v", got, ok, err)
	}
}

func TestSet(t *testing.T) {
	in := "---\n# 文章信息\nlayout: post\ntitle: 旧标题 # 待改\ndate: 2022-05-13 05:46:47 +0800\n---\n<p>正文</p>\n"
	doc, err := Split([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if err := doc.Set("title", "新标题"); err != nil {
		t.Fatal(err)
	}
	if err := doc.Set("source", "阳泉日报"); err != nil {
		t.Fatal(err)
	}
	out, err := doc.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	want := "---\n# 文章信息\nlayout: post\ntitle: 新标题 # 待改\ndate: 2022-05-13 05:46:47 +0800\nsource: 阳泉日报\n---\n<p>正文</p>\n"
	if string(out) != want {
		t.Errorf("got:\n%s\nwant:\n%s", out, want)
	}
	// a document without front matter gets a block
	doc, _ = Split([]byte("正文"))
	doc.Set("title", "标题")
	if out, _ := doc.Bytes(); string(out) != "---\ntitle: 标题\n---\n正文" {
		t.Errorf("new block: %q", out)
	}
	// TOML: the line is rewritten, comments and tables stay
	doc, _ = Split([]byte("+++\n# 文章\ntitle = \"旧\"\n\n[extra]\nx = 1\n+++\n正文"))
	doc.Set("title", "新")
	doc.Set("source", "阳泉日报")
	if out, _ := doc.Bytes(); string(out) != "+++\n# 文章\ntitle = '新'\n\nsource = '阳泉日报'\n[extra]\nx = 1\n+++\n正文" {
		t.Errorf("TOML: %q", out)
	} else if d2, err := Split(out); err != nil {
		t.Error(err)
	} else if m, err := d2.Map(); err != nil || m["title"] != "新" || m["source"] != "阳泉日报" {
		t.Errorf("TOML written back reads %v, %v", m, err)
	}
	// JSON: written again in the same key order
	doc, _ = Split([]byte("{\"title\": \"旧\", \"tags\": [\"a\"]}\n正文"))
	doc.Set("title", "新")
	doc.Set("draft", false)
	if out, _ := doc.Bytes(); string(out) != "{\n  \"title\": \"新\",\n  \"tags\": [\n    \"a\"\n  ],\n  \"draft\": false\n}\n正文" {
		t.Errorf("JSON: %q", out)
	}
}

func TestRead(t *testing.T) {
	in := "---\ntitle: 阳泉\n---\n" + strings.Repeat("正文。", 1000)
	r := &countingReader{r: strings.NewReader(in)}
	doc, body, err := Read(r)
	if err != nil {
		t.Fatal(err)
	}
	if fields, _ := doc.Fields(); len(fields) != 1 || fields[0].Value != "阳泉" {
		t.Errorf("fields %+v", fields)
	}
	if r.n > 4096+64 {
		t.Errorf("read %d bytes to get the front matter", r.n)
	}
	rest := new(bytes.Buffer)
	rest.ReadFrom(body)
	if rest.String() != strings.Repeat("正文。", 1000) {
		t.Errorf("body reader gave %d bytes", rest.Len())
	}
	for _, s := range []string{"正文", "---\n\nIntro\n\n---\nMore", "{\"a\": 1}\nbody", "+++\na = 1\n+++\nbody"} {
		d, body, err := Read(strings.NewReader(s))
		if err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		one, _ := Split([]byte(s))
		b := new(bytes.Buffer)
		b.ReadFrom(body)
		if d.Format != one.Format || b.String() != string(one.Body()) {
			t.Errorf("%q: Read gives %s %q, Split %s %q", s, d.Format, b.String(), one.Format, one.Body())
		}
	}
	if _, _, err := Read(strings.NewReader("---\na: 1\n")); err == nil {
		t.Error("unterminated block: no error")
	}
}

type countingReader struct {
	r *strings.Reader
	n int
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}

// TestYAMLTimestampZone reads YAML timestamps without a zone (as Hexo and
// Jekyll write them unquoted) in the document's zone, UTC+8 by default,
// and keeps the zone of those that give one.
func TestYAMLTimestampZone(t *testing.T) {
	for front, want := range map[string]string{
		"date: 2022-05-13 22:10:31":        "2022-05-13T22:10:31+08:00",
		"date: 2022-05-13":                 "2022-05-13T00:00:00+08:00",
		"date: 2022-05-13T22:10:31":        "2022-05-13T22:10:31+08:00",
		"date: 2022-05-13 22:10:31.5":      "2022-05-13T22:10:31.5+08:00",
		"date: 2022-05-13T22:10:31Z":       "2022-05-13T22:10:31Z",
		"date: 2022-05-13 22:10:31 +08:00": "2022-05-13T22:10:31+08:00",
		"date: 2022-05-13T22:10:31-05:00":  "2022-05-13T22:10:31-05:00",
		`date: "2022-05-13 22:10:31"`:      "2022-05-13T22:10:31+08:00",
	} {
		doc, err := Split([]byte("---\n" + front + "\n---\n正文"))
		if err != nil {
			t.Fatal(err)
		}
		d, ok, err := doc.Date("date")
		if got := d.Time.Format(time.RFC3339Nano); err != nil || !ok || got != want {
			t.Errorf("%s: %s, %v, %v; want %s", front, got, ok, err, want)
		}
	}
	doc, _ := Split([]byte("---\ndate: 2022-05-13 22:10:31\n---\n"), TimeZone(time.UTC))
	if d, _, _ := doc.Date("date"); d.Time.Format(time.RFC3339) != "2022-05-13T22:10:31Z" {
		t.Errorf("with TimeZone(UTC): %v", d.Time)
	}
}

func TestMayStart(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want bool
	}{{"正文。", false}, {"\uFEFF \n\u3000\n{", true}, {"\n---\n", true}, {"+++", true}, {"-- 正文", false}, {"", false}} {
		if got := MayStart(tc.in); got != tc.want {
			t.Errorf("MayStart(%q) = %v", tc.in, got)
		}
	}
	for _, tc := range splitCases {
		if doc, err := Split([]byte(tc.in)); !MayStart(tc.in) && (err != nil || doc.Format != None) {
			t.Errorf("MayStart(%q) is false but Split finds front matter", tc.in)
		}
	}
}

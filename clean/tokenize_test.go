package clean

import (
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// tokRecord is one token as splitHTML sees it: its type, raw bytes, tag name,
// attributes (key, value, key, value, …) and, for the ErrorToken, the error.
type tokRecord struct {
	tt    html.TokenType
	raw   string
	name  string
	attrs []string
	err   error
}

// String formats a token for failure messages.
func (r tokRecord) String() string {
	return fmt.Sprintf("%v %q name=%q attrs=%q err=%v", r.tt, r.raw, r.name, r.attrs, r.err)
}

// tokWant returns the tokens of x/net/html's Tokenizer for in, read the way
// splitHTML reads them, up to and including the ErrorToken.
func tokWant(in string) []tokRecord {
	z := html.NewTokenizer(strings.NewReader(in))
	z.SetMaxBuf(0)
	var out []tokRecord
	for {
		tt := z.Next()
		r := tokRecord{tt: tt, raw: string(z.Raw())}
		switch tt {
		case html.ErrorToken:
			r.err = z.Err()
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			name, more := z.TagName()
			r.name = string(name)
			for more {
				var k, v []byte
				k, v, more = z.TagAttr()
				r.attrs = append(r.attrs, string(k), string(v))
			}
		}
		out = append(out, r)
		if tt == html.ErrorToken {
			return out
		}
	}
}

// tokGot returns the tokens of htmlTokenizer for in, like tokWant.
func tokGot(in string) []tokRecord {
	z := newHTMLTokenizer(in)
	var out []tokRecord
	for {
		tt := z.next()
		r := tokRecord{tt: tt, raw: z.raw()}
		switch tt {
		case html.ErrorToken:
			r.err = z.err()
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			r.name = z.tagName()
			for i := range z.attrCount() {
				k, v := z.attr(i)
				r.attrs = append(r.attrs, k, v)
			}
		}
		out = append(out, r)
		if tt == html.ErrorToken {
			return out
		}
	}
}

// tokCompare reports the first token where htmlTokenizer and x/net/html
// disagree on in, and checks that the raw bytes, the ErrorToken's included,
// cover the whole input, so that splitHTML's offset always ends at len(in).
func tokCompare(t testing.TB, label, in string) {
	t.Helper()
	want, got := tokWant(in), tokGot(in)
	for i := 0; i < len(want) || i < len(got); i++ {
		var w, g tokRecord
		if i < len(want) {
			w = want[i]
		}
		if i < len(got) {
			g = got[i]
		}
		if w.String() != g.String() {
			t.Fatalf("%s: input %q: token %d:\n got  %v\n want %v", label, tokShort(in), i, g, w)
		}
	}
	n := 0
	for _, r := range got {
		n += len(r.raw)
	}
	if n != len(in) {
		t.Fatalf("%s: input %q: tokens cover %d of %d bytes", label, tokShort(in), n, len(in))
	}
}

// tokShort shortens long inputs in failure messages.
func tokShort(s string) string {
	if len(s) > 300 {
		return s[:300] + "…"
	}
	return s
}

// tokCases are hand-written inputs for every state of the tokenizer.
var tokCases = []string{
	"", "plain text", "中文正文。", "a\x00b", "<", "a<", "<<", "<<p>", "< p>", "<1>", "<\x00>", "a<b", "<a",
	"<a ", "<a b", "<a b ", "<a b=", "<a b= ", "<a b='", "<a b='x", "<a b=\"x", "<a b=x", "<a b=x ",
	"<a/", "<a/>", "<br/>", "<br />", "<br/ >", "<a b/>", "<a b=/>", "<a b='/'/>", "<a b=\"\"/>",
	"<a b=x/>", "<a b=x/ >", "<a b=/ />", "<a b c=/ />", "<a b=1 b=/>", "<a b=1 c=2 b=/>", "<a =/>",
	"<a b= c>", "<a =b>", "<a ==b>", "<a b==c>", "<a b=c=d>", "<a b c d>", "<a B=1 b=2 C=3 c>", "<a b=1 b=2>",
	"<A HREF=X>", "<DiV ClAsS=Y>", "<a\x00b c\x00=d\x00 \x00=1 \ufffd=2>", "<a b='x\r\ny\rz\r'>", "<a b=\"\r\r\n\">",
	"<a/b/c>", "<a b/c>", "<a b =c>", "<a b= 'c'>", "<a b = \"c\" >", "<a\tb\nc\fd\re>", "<a\vb>",
	"<a b=c\"d'e>", "<a b='c\"d'>", "<a b=\"c'd\">", "<a b=>", "<a b= >", "<a b=''>", "<a '=x>", "<a b\"c=d>",
	"<a =>", "<a = >", "<a / >", "<a //>", "<a/ b>", "<a b//>", "<a b='c'd>", "<a b='c'/d>", "<p\n>x</p\n>",
	"<a href=/x/>", "<a href='/x/'>", "<img src=x.jpg/>", "<x:y>", "<http://example.com/a>", "<a:b c:d=e>",
	"</", "</>", "</a", "</a ", "</a>", "</A>", "</a b=c>", "</a b='>'>", "</a b='c", "</ a>", "</1>", "</\x00>",
	"</a/>", "</ >", "</-->", "<//>", "</a\x00>",
	"<!", "<!>", "<!-", "<!->", "<!--", "<!-->", "<!--->", "<!---->", "<!----->", "<!-- x -->", "<!-- x --!>",
	"<!-- x --!-->", "<!-- x --!x>", "<!-- x --!->", "<!-- x -- >", "<!-- a -> b -->", "<!--!>", "<!---!>",
	"<!-- x --", "<!-- x --!", "<!-- x -", "<!--x--!", "<!--<!-- x -->", "<!--->-->", "<!---x->-->", "<!-- - -->",
	"<!--\x00-->", "<!-- --!--!> -->", "<!-- --!!> -->", "<!-- ->->", "<!--->",
	"<!DOCTYPE html>", "<!doctype html>", "<!DocType html>", "<!DocType", "<!DOCTYPE", "<!DOCTYP", "<!DOCTYPE ",
	"<!DOCTYPEhtml>", "<!DOCTYPE  >", "<!DOCTYPE>", "<!DOCTYPE html", "<!doctyp>", "<!D>", "<!d", "<!DOCTYPE<p>",
	"<![CDATA[x]]>", "<![CDATA[x", "<!x>", "<!x", "<!x>y",
	"<?xml version='1.0'?>", "<?", "<?>", "<? >", "<?x", "<?x>y",
	"<script>a<b</script>", "<script>x</SCRIPT>", "<script>x</ScRiPt>", "<script>x</scripty></script >",
	"<script>x</script/>", "<script>x</script\t>", "<script>x</script\x00>", "<script></script>", "<script>",
	"<script>x", "<script>x<", "<script>x</", "<script>x</s", "<script>x</script", "<script>x</scrip",
	"<script/>x</script>", "<script a=b>x</script>", "<SCRIPT>x</script>", "<scriptx>y</scriptx>",
	"<script><!--<script>x</script>y-->z</script>", "<script><!-- </script> -->", "<script><!--<script></script></script>-->",
	"<script><!--x--></script>", "<script><!-->x</script>", "<script><!---->", "<script><!-<</script>",
	"<script><!--<a</script>", "<script><!--<1</script>", "<script><!--<script x</script></script>",
	"<script><!--<script>--></script>", "<script><!--<script>--!></script>", "<script><!--<script>-></script>--></script>",
	"<script><!--<script>x</scriptx</script>--></script>", "<script><!--<script>x</SCRIPT>y</script>",
	"<script><!--<SCRIPT/>x</script>--></script>", "<script><!--<scrip</script>", "<script><!--<script",
	"<script><!--<script>", "<script><!--<script>-", "<script><!--<script>--", "<script><!--<script><", "<script><!--<script></",
	"<script><!--<script></scr", "<script><!--<script></script", "<script><!--<script>x<y</script>",
	"<script><!--<script>--<!--></script>", "<script><!--", "<script><!-", "<script><!", "<script><!-x</script>",
	"<script><!--x-</script>", "<script><!--x--x</script>", "<script><!--x--->y</script>", "<script><!--x<>y</script>",
	"<script><!--x<!</script>", "<script><!--x</s</script>", "<script><!--x<</script>", "<script><!--x<-</script>",
	"<script><!--<script>x<-</script>", "<script><!--<script>x</</script>", "<script>if(a<b&&c>d)x()</script>",
	"<style>p<b>{}</style>", "<style>x</style >y", "<title>a &amp; <b></title>", "<textarea></textarea >",
	"<TEXTAREA>x</TextArea>", "<xmp><p></xmp>", "<iframe>x</iframe/>", "<noscript><p>x</p></noscript>",
	"<noembed><b></noembed>", "<noframes><b></noframes>", "<plaintext>x</plaintext><p>", "<plaintext>",
	"<PlainText/>x", "<title>", "<title>x</titl", "<title>x</title", "<title><</title>", "<title></</title>",
	"<title>x</title\x00>", "<title>x</titlex></title>", "<title><!--</title>-->", "<title>x</t", "<title>x<",
	"<title/>x</title>", "<title a='</title>'>x</title>", "<Title>x</TITLE>", "<title></title>", "<title>",
	"<style><!--</style>-->", "<iframe><script></iframe>", "<textarea><script>x</textarea>",
	"<a>\x00b</a>", "&amp; &lt;p&gt;", "a&b", "&#60;p&#62;",
	"<a href='?a=1&amp;b=2&c=3&copy=4&copy;&not&notit;&notin;&amp=&ampx&#65;&#x41;&#0;&#x110000;&#128;&#xZ;&#;&;&'>",
	"<a b='&fjlig;&nvlt;&nvgt;&NotEqualTilde;&ThickSpace;&acE;&bne;&lt=&lt;=&ltx&LT&LTx&lt&gt&AMP;&Amp;'>",
	"<a b='&quot&quot;&quotx&#x&#X41&#x41x&#65x&#9999999999;&#xD800;&#x80;&#x9F;&#13;&#x0d;&Aacute&Aacutex&aacute;'>",
	"<a b='&times&timesb;&timesbar;&timesx&nbsp&nbsp;&nbspx&nbsp=&sup1&sup1x&sup2;&supe;&supx&yuml&yumlx&yumlz;'>",
	"<a b=&amp;&lt>", "<a b='x&amp\x00;y\r&lt;'>", "<a b='&#x0;&#0&#1;'>", "<a b='&\x00amp;'>",
}

// tokDocs are tricky documents whose every prefix is tested, so that the
// input ends in every state.
var tokDocs = []string{
	"<!DOCTYPE html><html><head><meta charset=utf-8><title>新闻 &amp; <b>x</b></title>" +
		"<style>p<b>{}</style><script type='text/javascript'>if (a<b && c>d) { x('</scr' + 'ipt>') }</script>" +
		"</head><body class=\"a b\" data-x='1' data-X=2 hidden><!-- comment --><!---x--!><!-->" +
		"<div id=main><p>正文<br/>第二行&nbsp;</p><img src=/a.jpg alt=\"a&quot;b\"/><a href=/x/ title=t>链接</a>" +
		"<?php echo 1 ?></ div></div><p class= x>a < b <= c</p><TEXTAREA>x</textarea ></body></html>",
	"<script><!--<script>x</script>--></script><script><!-- a -- b --></script><script>x</script\t>" +
		"<script><!--<script>--!></script>y</script><p>z</p>",
	"<a b=c d='e' f=\"g\" h i=j/ k = 'l'/><br /><x y=/><!--x--!x--!>y<!D><!DOCTYPEx><![CDATA[z]]></ a></a x>",
	"<plaintext a=b></plaintext><p>x",
}

// tokFiles returns the .txt and .html files under testdata, keyed by path.
func tokFiles(t testing.TB) map[string]string {
	files := map[string]string{}
	err := filepath.WalkDir("testdata", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if ext := filepath.Ext(path); ext == ".txt" || ext == ".html" {
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			files[path] = string(b)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestTokenizerMatchesXNetHTML compares htmlTokenizer with x/net/html's
// Tokenizer on the test data, the hand-written cases, every prefix of the
// tricky documents and the fuzz corpus.
func TestTokenizerMatchesXNetHTML(t *testing.T) {
	files := tokFiles(t)
	if len(files) == 0 {
		t.Fatal("no test data")
	}
	for path, in := range files {
		tokCompare(t, path, in)
	}
	for i, in := range tokCases {
		tokCompare(t, fmt.Sprintf("case %d", i), in)
		// The same case after text and followed by text and a tag.
		tokCompare(t, fmt.Sprintf("case %d in text", i), "x"+in+"y<p>z")
	}
	for i, doc := range tokDocs {
		for n := 0; n <= len(doc); n++ {
			tokCompare(t, fmt.Sprintf("doc %d prefix %d", i, n), doc[:n])
		}
	}
}

// tokFragments are pieces of markup that TestTokenizerFragments strings
// together at random.
var tokFragments = []string{
	"<", ">", "/", "!", "?", "-", "--", "=", "'", "\"", " ", "\t", "\r", "\x00", "a", "B", "1", "x y",
	"&", "amp;", "&lt", "&notin;", "#", "<!--", "-->", "--!>", "<!", "<!-", "<?", "</", "</ ", "<p", "</p>",
	"<P ", "<br/>", "/>", "<a b=", "c=d", "e='f'", "doctype", "<!DOCTYPE", "script", "SCRIPT", "<script>",
	"</script>", "</script", "<script", "<!--<script>", "style", "<style>", "</style", "<title>", "</TITLE>",
	"<textarea>", "</textarea ", "<xmp>", "<plaintext>", "<iframe>", "</iframe>", "<noscript>", "中文",
}

// TestTokenizerFragments compares htmlTokenizer with x/net/html's Tokenizer
// on random strings of markup fragments (with a fixed seed).
func TestTokenizerFragments(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	n := 20000
	if testing.Short() {
		n = 2000
	}
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.Reset()
		for k := r.IntN(16); k >= 0; k-- {
			b.WriteString(tokFragments[r.IntN(len(tokFragments))])
		}
		tokCompare(t, "fragments", b.String())
	}
}

// TestTokenizerAPI checks the accessors around the token stream.
func TestTokenizerAPI(t *testing.T) {
	z := newHTMLTokenizer(`a<P Class="x" ID=y>b</P>`)
	if z.err() != nil {
		t.Errorf("err before next: %v", z.err())
	}
	type tok struct {
		tt         html.TokenType
		start, end int
		name       string
		attrs      int
	}
	want := []tok{
		{html.TextToken, 0, 1, "", 0},
		{html.StartTagToken, 1, 19, "p", 2},
		{html.TextToken, 19, 20, "", 0},
		{html.EndTagToken, 20, 24, "p", 0},
		{html.ErrorToken, 24, 24, "", 0},
	}
	for i, w := range want {
		tt := z.next()
		start, end := z.span()
		g := tok{tt, start, end, z.tagName(), z.attrCount()}
		if g != w {
			t.Errorf("token %d: got %+v, want %+v", i, g, w)
		}
	}
	if z.err() == nil || z.next() != html.ErrorToken {
		t.Errorf("no EOF at the end")
	}
}

// FuzzTokenizer compares htmlTokenizer with x/net/html's Tokenizer on
// arbitrary input.
func FuzzTokenizer(f *testing.F) {
	for _, in := range tokCases {
		f.Add(in)
	}
	for _, in := range tokDocs {
		f.Add(in)
	}
	f.Fuzz(func(t *testing.T, in string) {
		tokCompare(t, "fuzz", in)
	})
}

// tokSink keeps the benchmark loops from being optimized away.
var tokSink int

// BenchmarkTokenizer reads the HTML seeds the way splitHTML does, with
// x/net/html's Tokenizer and with htmlTokenizer.
func BenchmarkTokenizer(b *testing.B) {
	var docs []string
	size := 0
	for _, name := range []string{"000.txt", "003.txt"} {
		in, err := os.ReadFile(filepath.Join("testdata", "seeds", name))
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, string(in))
		size += len(in)
	}
	b.Run("x-net-html", func(b *testing.B) {
		b.SetBytes(int64(size))
		b.ReportAllocs()
		for b.Loop() {
			for _, in := range docs {
				z := html.NewTokenizer(strings.NewReader(in))
				z.SetMaxBuf(0)
				for {
					tt := z.Next()
					tokSink += len(z.Raw())
					if tt == html.ErrorToken {
						break
					}
					if tt == html.StartTagToken || tt == html.SelfClosingTagToken || tt == html.EndTagToken {
						name, more := z.TagName()
						tokSink += len(name)
						for more {
							var k, v []byte
							k, v, more = z.TagAttr()
							tokSink += len(k) + len(v)
						}
					}
				}
			}
		}
	})
	b.Run("clean", func(b *testing.B) {
		b.SetBytes(int64(size))
		b.ReportAllocs()
		for b.Loop() {
			for _, in := range docs {
				z := newHTMLTokenizer(in)
				for {
					tt := z.next()
					tokSink += len(z.raw())
					if tt == html.ErrorToken {
						break
					}
					if tt == html.StartTagToken || tt == html.SelfClosingTagToken || tt == html.EndTagToken {
						tokSink += len(z.tagName())
						for i := range z.attrCount() {
							k, v := z.attr(i)
							tokSink += len(k) + len(v)
						}
					}
				}
			}
		}
	})
}

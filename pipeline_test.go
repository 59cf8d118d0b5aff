package cnnews

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/cnnews/cnnews/clean"
	"github.com/cnnews/cnnews/frontmatter"
	"github.com/cnnews/cnnews/internal/seeds"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// TestComposes checks that the pipeline gives what the packages give
// when called by hand: front matter split off, the body cleaned, offsets
// moved to the whole input.
func TestComposes(t *testing.T) {
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for name, s := range seeds.Load(t) {
		a, err := p.Process(name, []byte(s))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		doc, err := frontmatter.Split([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		want := clean.Default().Clean(doc.Body())
		if a.Text != want.Text {
			t.Errorf("%s: text differs from clean.Default on the body", name)
		}
		for _, r := range a.Removed {
			if s[r.Start:r.End] != r.Text {
				t.Errorf("%s: removal %s at %d–%d is not the input there", name, r.Rule, r.Start, r.End)
			}
		}
		if hasFront := len(doc.Front()) > 0; hasFront != (a.Removed[0].Rule == "front-matter") {
			t.Errorf("%s: front matter %v, first removal %s", name, hasFront, a.Removed[0].Rule)
		}
	}
}

// TestProcessStringEqualsProcess checks that text cleaned as a string,
// without a copy as bytes, gives the article its bytes give through
// frontmatter.Split, with and without front matter.
func TestProcessStringEqualsProcess(t *testing.T) {
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	inputs := []string{"", " \n\u3000", "---", "\uFEFF\n\n{\"title\": \"标题\"}\n正文第一段。\n",
		"---\ntitle: 标题\n---\n正文第一段。\n", "+++\ntitle = \"标题\"\n+++\n正文。", "  ---\n正文。", "---- 分隔 ----\n正文。"}
	for _, s := range seeds.Load(t) {
		inputs = append(inputs, s, "\n\n"+s, "---\nsource: 新华社\n---\n"+s)
	}
	for i, s := range inputs {
		a, errA := p.ProcessString("x", s, "")
		b, errB := p.process("x", []byte(s), "") // through frontmatter.Split, as bytes
		if (errA == nil) != (errB == nil) || errA != nil && errA.Error() != errB.Error() {
			t.Fatalf("input %d: errors %v and %v", i, errA, errB)
		}
		if errA != nil {
			continue
		}
		b.Encoding = a.Encoding
		ja, _ := json.Marshal(a)
		jb, _ := json.Marshal(b)
		if string(ja) != string(jb) {
			t.Errorf("input %d: ProcessString gives\n%s\nProcess gives\n%s", i, ja, jb)
		}
	}
}

func TestFrontMatterMeta(t *testing.T) {
	p, _ := New()
	in := "---\ntitle: 标题甲\ndate: 2024-03-01 08:00:00\nauthor: 王磊\ncategories: 国内 时政\ntags: [经济, 民生]\nextra:\n  a: 1\n---\n来源：新华网\n正文第一段。\n"
	a, err := p.Process("x.md", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	m := a.Meta
	if m.Title != "标题甲" || m.Source != "新华网" || strings.Join(m.Authors, ",") != "王磊" ||
		strings.Join(m.Categories, ",") != "国内,时政" || strings.Join(m.Tags, ",") != "经济,民生" ||
		m.PublishedAt.IsZero() || m.Front["extra"] == nil {
		t.Errorf("meta %+v", m)
	}
	if a.Text != "正文第一段。" {
		t.Errorf("text %q", a.Text)
	}
}

func TestRejects(t *testing.T) {
	p, _ := New(MaxSize(1000))
	gbk, _ := simplifiedchinese.GBK.NewEncoder().String("正文")
	for _, tc := range []struct {
		in   string
		want Reason
	}{
		{"", Empty},
		{" \n\t\n", Empty},
		{strings.Repeat("长", 400), TooLarge},
		{"正文\xff\xfe\xfd", BadEncoding},
		{"---\ntitle: x\n正文没有结束", BadFrontMatter},
		{"（责任编辑：张三）", NoText},
	} {
		_, err := p.Process("in.txt", []byte(tc.in))
		var ie *InputError
		if !errors.As(err, &ie) || ie.Reason != tc.want || ie.Name != "in.txt" || !strings.HasPrefix(err.Error(), "in.txt: ") {
			t.Errorf("%q: got %v, want reason %s", tc.in, err, tc.want)
		}
	}
	if a, err := p.Process("gbk.txt", []byte(gbk)); err != nil || a.Text != "正文" {
		t.Errorf("short GBK: %v", err)
	}
}

func TestConcurrentUse(t *testing.T) {
	p, _ := New(Convert("t2s"), RepairPunctuation())
	m := seeds.Load(t)
	want := map[string]string{}
	for name, s := range m {
		a, err := p.Process(name, []byte(s))
		if err != nil {
			t.Fatal(err)
		}
		want[name] = a.Text
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for name, s := range m {
				a, err := p.Process(name, []byte(s))
				if err != nil || a.Text != want[name] {
					t.Errorf("%s: differs under concurrent use", name)
				}
			}
		})
	}
	wg.Wait()
}

// FuzzProcess checks that any bytes give an article of valid UTF-8 text
// or an *InputError, never a panic.
func FuzzProcess(f *testing.F) {
	for _, s := range []string{"正文。", "---\ntitle: a\n---\n正文", "<p>正文</p><p>（责任编辑：张三）</p>", "\xc4\xe3\xba\xc3", "+++\n", "\xef\xbb\xbf來源：中央社\n經濟"} {
		f.Add([]byte(s))
	}
	p, _ := New(Convert("t2s"), RepairPunctuation())
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := p.Process("f", data)
		if err != nil {
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Fatalf("error %v is not an *InputError", err)
			}
			return
		}
		if !utf8.ValidString(a.Text) || strings.TrimSpace(a.Text) == "" {
			t.Fatalf("text %q", a.Text)
		}
	})
}

// TestProcessFewInvalid checks that a GBK page with a damaged character
// (A3 7C, which GB18030 does not define) is read with U+FFFD in its place
// and a warning that says so, not rejected.
func TestProcessFewInvalid(t *testing.T) {
	body := "<p>本报讯 近日，省农业农村厅发布消息，今年全省夏粮收购工作已全面展开，各地粮食部门提前做好仓容准备，" +
		"组织收购网点开门收粮，确保农民种粮有收益、卖粮不发愁。</p>\n" +
		"<p>据介绍，今年夏粮长势总体良好，小麦单产和品质均好于上年。为方便群众售粮，多地延长了收购时间，" +
		"推行预约收购和上门服务，并通过手机平台实时发布收购价格和库点信息，减少农民排队等候时间。</p>\n" +
		"<p>省农业农村厅有关负责人表示，将加强对收购工作的监督检查，严厉打击压级压价、拖欠售粮款等坑农害农行为，" +
		"切实保护种粮农民的合法权益，同时做好粮食烘干、仓储和运输等环节的服务保障，守住粮食安全底线。</p>\n"
	page, err := simplifiedchinese.GBK.NewEncoder().String(`<html><head><meta charset="gb2312"><title>夏粮收购</title></head><body>` + "\n" + body + "</body></html>\n")
	if err != nil {
		t.Fatal(err)
	}
	at := strings.Index(page, "\xa1\xa3") + 2 // after the first 。 (A1 A3)
	raw := page[:at] + "\xa3\x7c" + page[at:]
	p, _ := New()
	a, err := p.Process("page.html", []byte(raw))
	if err != nil {
		t.Fatalf("a page with one bad pair: %v", err)
	}
	if a.Encoding.Encoding != "GB18030" || a.Encoding.Replaced != 1 || a.Encoding.FirstInvalid != at || len(a.Encoding.Invalid) != 1 {
		t.Errorf("report %+v, want GB18030 with 1 replaced at %d", a.Encoding, at)
	}
	if !strings.Contains(a.Text, "确保农民种粮有收益、卖粮不发愁。\uFFFD") || !strings.Contains(a.Text, "守住粮食安全底线") {
		t.Errorf("text %q", a.Text)
	}
	if len(a.Warnings) == 0 || !strings.Contains(a.Warnings[0].Message, "1 invalid GB18030 sequence replaced by U+FFFD") ||
		!strings.Contains(a.Warnings[0].Message, fmt.Sprintf("byte %d", at)) || a.Warnings[0].Line != 2 {
		t.Errorf("warnings %v", a.Warnings)
	}
	// too many bad pairs for the text: still rejected
	bad := strings.ReplaceAll(page, "\xa3\xac", "\xa3\x7c") // every ，
	var ie *InputError
	if _, err := p.Process("bad.html", []byte(bad)); !errors.As(err, &ie) || ie.Reason != BadEncoding {
		t.Errorf("a page with many bad pairs: %v", err)
	}
}

// TestConvertMeta converts the metadata with the text: after t2s on the
// Traditional reference article 004, the title, source, names and credits
// are Simplified too.
func TestConvertMeta(t *testing.T) {
	p, err := New(Convert("t2s"))
	if err != nil {
		t.Fatal(err)
	}
	in := "---\ntitle: 陽泉經濟發展\ncategories: [陽泉日報]\n---\n來源：陽泉日報\n國務院新聞辦公室今天舉行發布會，介紹經濟運行情況。\n記者 王曉東 攝\n（責任編輯：張麗華）\n"
	a, err := p.ProcessString("a", in, clean.Text)
	if err != nil {
		t.Fatal(err)
	}
	got := fmt.Sprint(a.Meta.Title, a.Meta.Source, a.Meta.Editors, a.Meta.Photographers, a.Meta.Categories, a.Meta.Credits)
	if strings.ContainsAny(got, "陽經發濟來報責輯張麗華曉東") || !strings.Contains(got, "阳泉经济发展") || !strings.Contains(got, "张丽华") {
		t.Errorf("metadata not converted: %s", got)
	}
	if a.Text != "国务院新闻办公室今天举行发布会，介绍经济运行情况。" {
		t.Errorf("text %q", a.Text)
	}
}

// TestArticleJSON: an Article and a clean.Result marshal with the command
// line's field names, enumerations by name, and no first_invalid when
// nothing was replaced.
func TestArticleJSON(t *testing.T) {
	p, _ := New()
	a, err := p.ProcessString("a", "国务院新闻办公室今天举行发布会。\n（责任编辑：张三）\n", clean.Text)
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"name":"a"`, `"text":"国务院新闻办公室今天举行发布会。"`, `"script":"simplified"`, `"encoding":{"encoding":"UTF-8"}`, `"format":"text"`, `"editors":["张三"]`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("%s: no %s", b, want)
		}
	}
	if strings.Contains(string(b), "first_invalid") || strings.Contains(string(b), `"Text"`) {
		t.Errorf("%s", b)
	}
	r, _ := json.Marshal(clean.Default().CleanText([]byte("国务院新闻办公室今天举行发布会。")))
	if !strings.HasPrefix(string(r), `{"text":"国务院新闻办公室今天举行发布会。","meta":{},"removed":[],"format":"text"`) {
		t.Errorf("clean.Result: %s", r)
	}
}

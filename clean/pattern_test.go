package clean

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// unanchored returns the expression p was built from.
func unanchored(p *pattern) *regexp.Regexp {
	s := p.String()
	if t, ok := strings.CutPrefix(s, `\A(?:`); ok {
		s = strings.TrimSuffix(t, ")")
	}
	return regexp.MustCompile(s)
}

func TestNewPattern(t *testing.T) {
	for _, tc := range []struct {
		expr     string
		anchored bool // compiled anchored, so tried at the start only
		bound    int
	}{
		{`^(?:记者|编辑)：`, false, 3},
		{`^记者|^编辑`, true, 2},
		{`(?i)^end$|^（完）$`, true, 3},
		{`^[ \x{3000}]*完[ \x{3000}]*$`, false, 1},
		{`^.{1,30}?摄$`, false, 31},
		{`^\s*[:：]\s*\p{Han}{2,4}`, false, 5},
		{`^a+`, false, -1},
		{`^.*完`, false, -1},
		{`完$`, false, -1},
		{`^完|尾`, false, -1},
	} {
		p := newPattern(regexp.MustCompile(tc.expr))
		if got := strings.HasPrefix(p.String(), `\A`); got != tc.anchored {
			t.Errorf("%s: compiled as %s", tc.expr, p)
		}
		if p.bound != tc.bound {
			t.Errorf("%s: bound %d, want %d", tc.expr, p.bound, tc.bound)
		}
	}
	p := newPattern(regexp.MustCompile(`^责任编辑：\p{Han}{2}`))
	for _, tc := range []struct{ in, want string }{
		{"责任编辑：王晓明说了", "责任编辑：王晓明"},
		{"责任编辑　 ：王晓明说了", "责任编辑　 ：王晓明"},
		{"短", "短"},
	} {
		if got := p.reach(tc.in); got != tc.want {
			t.Errorf("reach(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestRequired(t *testing.T) {
	for _, tc := range []struct {
		expr string
		want []string // nil: none
	}{
		{`^(?:记者|編輯)：`, []string{"："}},
		{`(?:记者|編輯)\p{Han}+`, []string{"记者", "編輯"}},
		{`(?:责任编辑|编辑)[:：]`, []string{"责任编辑", "编辑"}},
		{`(?:来源)?[:：]\S+`, []string{":", "："}},
		{`(?:来源)?\S+`, nil},
		{`[\p{Han}]{2}`, nil},
		{`a{2,3}b*`, []string{"a"}},
		{`(?i)end`, nil},
		{`x*`, nil},
		{`完|尾`, []string{"完", "尾"}},
		{`^\p{Han}{1,3}?(?:社|网|報|\+|台|之音)`, []string{"社", "网", "報", "+", "台", "之音"}},
		{`[a-z]x`, []string{"x"}},
		{`[^a]`, nil},
	} {
		t0, err := syntax.Parse(tc.expr, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		got, ok := required(t0.Simplify())
		if !ok {
			got = nil
		}
		slices.Sort(got)
		slices.Sort(tc.want)
		if !slices.Equal(got, tc.want) {
			t.Errorf("required(%s) = %q, want %q", tc.expr, got, tc.want)
		}
	}
}

// patternTexts are paragraphs for checking patterns against their
// expressions: the seeds' and fixtures' lines, and lines built to sit at a
// pattern's bound.
func patternTexts(t testing.TB) []string {
	var texts []string
	for _, b := range testdataTexts(t) {
		for _, l := range strings.Split(b, "\n") {
			texts = append(texts, strings.TrimSpace(l))
		}
	}
	if len(texts) < 100 {
		t.Fatalf("only %d lines of test data", len(texts))
	}
	for _, s := range []string{"免责声明：本文仅代表作者本人观点", "【特别声明】", "声明：" + strings.Repeat("正文", 40) + "不代表本站观点",
		"责任编辑：" + strings.Repeat("　", 30) + "王晓明", "新华社北京6月3日电（记者 王晓明）", "来源：" + strings.Repeat(" 　", 50) + "新华网",
		"（完）", "END", strings.Repeat("长", 300) + "（完）"} {
		texts = append(texts, s)
	}
	return texts
}

// TestPatternEqualsRegexp checks that every built-in pattern finds what its
// expression finds on the whole text.
func TestPatternEqualsRegexp(t *testing.T) {
	texts := patternTexts(t)
	reached := 0
	for _, p := range builtinPatterns {
		re := unanchored(p)
		for _, s := range texts {
			if p.reach(s) != s {
				reached++
			}
			if got, want := p.FindStringSubmatchIndex(s), re.FindStringSubmatchIndex(s); !slices.Equal(got, want) {
				t.Errorf("%.40s on %q: %v, want %v", re, s, got, want)
			}
		}
	}
	if reached == 0 {
		t.Error("no pattern was shown less than a whole text")
	}
	found := 0
	for _, s := range append(texts, "图为会场。王晓明 摄", "（新华社记者 李四 摄）", "特约摄影 赵五", "会议召开。 图/本报记者 王五") {
		if len(s) > 300 {
			s = s[len(s)-300:] // a credit ends its line
		}
		for i := range s {
			want := reCaption.FindStringSubmatchIndex(s[i:])
			if got := findCaption(s[i:]); !slices.Equal(got, want) {
				t.Fatalf("findCaption(%q) = %v, want %v", s[i:], got, want)
			}
			if want != nil {
				found++
			}
		}
	}
	if found == 0 {
		t.Error("no caption found")
	}
}

// FuzzPattern checks that a pattern finds what its expression finds.
func FuzzPattern(f *testing.F) {
	for _, s := range []string{"免责声明：本文仅代表作者观点", "责任编辑：　　王晓明", "新华社北京6月3日电（记者王晓明）", "（完）",
		"版权所有 未经授权不得转载", "【特别声明】 　 ：本网站", "http://example.com/a b"} {
		f.Add(s)
	}
	res := make([]*regexp.Regexp, len(builtinPatterns))
	for i, p := range builtinPatterns {
		res[i] = unanchored(p)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := findCaption(s), reCaption.FindStringSubmatchIndex(s); !slices.Equal(got, want) {
			t.Fatalf("findCaption(%q) = %v, want %v", s, got, want)
		}
		for i, p := range builtinPatterns {
			if got, want := p.FindStringSubmatchIndex(s), res[i].FindStringSubmatchIndex(s); !slices.Equal(got, want) {
				t.Fatalf("%.40s on %q: %v, want %v", res[i], s, got, want)
			}
		}
	})
}

// FuzzFindCaption checks findCaption alone against reCaption, faster
// than FuzzPattern, which tries every pattern on each input.
func FuzzFindCaption(f *testing.F) {
	for _, s := range []string{"图为会场。王晓明 摄", "（新华社记者 李四 摄）", "特约摄影 赵五", "会议召开。 图/本报记者 王五",
		"。新华社记者 赵宇 摄", "播種作業。高文武 攝", "儀式(主會場)開工儀式。李小龍 攝", "春风拂过，山城 (图/张三)", "ab cd 摄影 王五、李四"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := findCaption(s), reCaption.FindStringSubmatchIndex(s); !slices.Equal(got, want) {
			t.Fatalf("findCaption(%q) = %v, want %v", s, got, want)
		}
	})
}

// TestRuneSet checks a runeSet against the characters of its words, on
// text of every script and on invalid UTF-8.
func TestRuneSet(t *testing.T) {
	words := []string{"日报", "網", "社", "+", "·", "之音", "▶"}
	rs := newRuneSet(words)
	in := func(r rune) bool {
		for _, w := range words {
			if l, _ := utf8.DecodeLastRuneInString(w); l == r {
				return true
			}
		}
		return false
	}
	for _, s := range []string{"", "abc", "新华社", "中国日报", "網", "a+b", "王·李", "▶ 更多", "日本", "音乐会", "\xe7\xa4", "\xe7\xa4\xbe", "\xed\xa0\x80社", "😀音"} {
		want := strings.ContainsFunc(s, in)
		if got := rs.any(s); got != want {
			t.Errorf("any(%q) = %v, want %v", s, got, want)
		}
	}
}

// FuzzMdLinks checks mdLinks against the expression it stands for.
func FuzzMdLinks(f *testing.F) {
	for _, s := range []string{"[返回阳泉日报新闻](//finews.example.com/category/1)", "![图](a.png) | [更多](b)", "[a](b)[c](d)",
		"　[首页](/) / [新闻](/n) ·", "[a](b c)", "[a\nb](c)", "!(a)", "[a](b) |", "[[x]](y)", "[a](b)\t", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := mdLinks(s), reMdLinks.MatchString(s); got != want {
			t.Fatalf("mdLinks(%q) = %v, reMdLinks says %v", s, got, want)
		}
	})
}

// FuzzBareURL checks bareURL against the expression it stands for.
func FuzzBareURL(f *testing.F) {
	for _, s := range []string{"<http://finews.example.com/html_News/1.html>", "原文链接：https://a.b/c", "网址 ： www.x.cn", "//cdn.x/y",
		"http://", "http://a b", "<http://a>>", "链接:<//a>", "https://a<b", "文章鏈接﹕ http://x", "www.", "<>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := bareURL(s), reBareURL.MatchString(s); got != want {
			t.Fatalf("bareURL(%q) = %v, reBareURL says %v", s, got, want)
		}
	})
}

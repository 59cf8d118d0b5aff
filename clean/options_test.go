package clean

import (
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

func TestWithoutRuleAndCategory(t *testing.T) {
	in := body1 + "\n责任编辑：王小明\n（完）"
	for _, tc := range []struct {
		off  []string
		want string
	}{
		{nil, body1},
		{[]string{"editor-line"}, body1 + "\n责任编辑：王小明"},
		{[]string{"editor"}, body1 + "\n责任编辑：王小明"},
		{[]string{"endmark", "editor"}, in},
	} {
		c, err := New(Without(tc.off...))
		if err != nil {
			t.Fatal(err)
		}
		if got := c.CleanString(in).Text; got != tc.want {
			t.Errorf("Without(%v): got %q, want %q", tc.off, got, tc.want)
		}
		for _, r := range c.Rules() {
			for _, off := range tc.off {
				if r.Name == off || string(r.Category) == off {
					t.Errorf("Without(%v): Rules() still lists %s (%s)", tc.off, r.Name, r.Category)
				}
			}
		}
	}
}

func TestWithoutGlossAndRelated(t *testing.T) {
	c, err := New(Without("pinyin-gloss", "related"))
	if err != nil {
		t.Fatal(err)
	}
	in := "穩就業(ye) 。\n相关新闻\n· 标题一\n· 标题二"
	if got := c.CleanString(in).Text; got != in {
		t.Errorf("got %q, want input unchanged", got)
	}
}

func TestNewErrors(t *testing.T) {
	for _, tc := range []struct {
		opts []Option
		want string
	}{
		{[]Option{Without("editr-line")}, `no rule or category named editr-line`},
		{[]Option{With(Rule{Name: "x", Zone: Tail})}, `rule "x" has no Match`},
		{[]Option{With(Rule{Match: func(Paragraph) (Match, bool) { return Match{}, false }, Zone: Tail})}, `has no name`},
		{[]Option{With(MustPattern("caption", Caption, Tail, `^x$`))}, `already taken`},
		{[]Option{With(Rule{Name: "y", Match: func(Paragraph) (Match, bool) { return Match{}, false }})}, `has no Zone`},
	} {
		_, err := New(tc.opts...)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("New: error %v, want one containing %q", err, tc.want)
		}
	}
	if _, err := Pattern("bad", Share, Tail, `(`); err == nil || !strings.Contains(err.Error(), `rule "bad"`) {
		t.Errorf("Pattern with a bad expression: error %v", err)
	}
}

func TestWithCustomRule(t *testing.T) {
	c, err := New(With(MustPattern("wechat-account", Share, Edges, `^微信公众号{0,1}[:：]\s*(?P<source>\S+)$`)))
	if err != nil {
		t.Fatal(err)
	}
	res := c.CleanString(body1 + "\n微信公众号：阳泉发布")
	if res.Text != body1 {
		t.Errorf("text %q", res.Text)
	}
	if len(res.Removed) != 1 || res.Removed[0].Rule != "wechat-account" || res.Removed[0].Category != Share {
		t.Errorf("removed %+v", res.Removed)
	}
	if res.Meta.Source != "阳泉发布" {
		t.Errorf("source %q, want 阳泉发布", res.Meta.Source)
	}
	// a "cut" group removes only part of a paragraph
	c, err = New(With(MustPattern("promo-suffix", Share, Last, `(?P<cut>更多精彩请下载客户端)$`)))
	if err != nil {
		t.Fatal(err)
	}
	if got := c.CleanString(body1 + "更多精彩请下载客户端").Text; got != body1 {
		t.Errorf("cut group: got %q", got)
	}
}

func TestCustomRuleBadMatchIgnored(t *testing.T) {
	// a rule returning a span outside the text or inside a character is ignored
	c, err := New(With(Rule{Name: "broken", Category: Share, Zone: Anywhere, Match: func(p Paragraph) (Match, bool) {
		return Match{Start: 1, End: len(p.Text) + 5}, true
	}}, Rule{Name: "mid-rune", Category: Share, Zone: Anywhere, Match: func(p Paragraph) (Match, bool) {
		return Match{Start: 1, End: 2}, true
	}}))
	if err != nil {
		t.Fatal(err)
	}
	res := c.CleanString(body1)
	if res.Text != body1 || len(res.Removed) != 0 {
		t.Errorf("bad matches applied: %q %+v", res.Text, res.Removed)
	}
}

func TestKeepCaptions(t *testing.T) {
	in := tbody1 + "\n朔州東高速口，疫情防控人員查驗過往車輛健康碼。高文武 攝\n" + tbody2
	c, err := New(KeepCaptions())
	if err != nil {
		t.Fatal(err)
	}
	res := c.CleanString(in)
	if res.Text != in {
		t.Errorf("KeepCaptions changed the text: %q", res.Text)
	}
	if !cmp.Equal(res.Meta.Photographers, []string{"高文武"}) {
		t.Errorf("photographers %v", res.Meta.Photographers)
	}
	if len(res.Removed) != 0 {
		t.Errorf("removed %+v", res.Removed)
	}
}

// TestConcurrentUse runs one default Cleaner from many goroutines; run with
// -race.
func TestConcurrentUse(t *testing.T) {
	inputs := make([]string, 0, len(labelledCases))
	wants := make([]string, 0, len(labelledCases))
	for _, tc := range labelledCases {
		inputs = append(inputs, tc.in)
		wants = append(wants, tc.want)
	}
	c := Default()
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := range 3 * len(inputs) {
				k := (i + g) % len(inputs)
				if got := c.CleanString(inputs[k]).Text; got != wants[k] {
					t.Errorf("goroutine %d: case %d: got %q", g, k, got)
					return
				}
			}
		}(g)
	}
	wg.Wait()
	if Default() != c {
		t.Error("Default returned a different Cleaner")
	}
}

// TestPatternGroupNames rejects a group named after no metadata field, so
// that a misspelt field does not remove its line and lose the name.
func TestPatternGroupNames(t *testing.T) {
	_, err := Pattern("x", Byline, Head, `^作者[:：](?P<auther>.+)$`)
	if err == nil || !strings.Contains(err.Error(), `group "auther" names no metadata field`) || !strings.Contains(err.Error(), "reporter") {
		t.Errorf("misspelt group: error %v", err)
	}
	for _, expr := range []string{`^作者[:：](?P<reporter>.+)$`, `(?P<cut>更多)$`, `^(审核)[:：](?P<credit>.+)$`} {
		if _, err := Pattern("x", Byline, Head, expr); err != nil {
			t.Errorf("%s: %v", expr, err)
		}
	}
}

// TestRulesDescribed checks that every rule of the default preset, and
// every rule added with a Description, is listed with its category, zone
// and a one-line description, and that a pattern describes itself.
func TestRulesDescribed(t *testing.T) {
	rules := Default().Rules()
	if len(rules) < 70 {
		t.Fatalf("%d rules", len(rules))
	}
	seen := map[string]bool{}
	for _, r := range rules {
		if seen[r.Name] {
			t.Errorf("%s listed twice", r.Name)
		}
		seen[r.Name] = true
		if r.Category == "" || r.Description == "" || strings.Contains(r.Description, "\n") || utf8.RuneCountInString(r.Description) > 130 {
			t.Errorf("%s: category %q, description %q", r.Name, r.Category, r.Description)
		}
		if r.Zone == 0 && internalRuleZone[r.Name] != 0 {
			t.Errorf("%s: no zone", r.Name)
		}
	}
	for name := range builtinDescriptions {
		if !seen[name] {
			t.Errorf("description of %q, a rule the default preset does not run", name)
		}
	}
	p := MustPattern("my-footer", Share, Tail, `^本报微信：\S+$`)
	c, _ := New(With(p), Without("gloss"))
	last := c.Rules()[len(c.Rules())-1]
	if last.Name != "my-footer" || last.Zone != Tail || last.Description != "matches ^本报微信：\\S+$" {
		t.Errorf("%+v", last)
	}
	if slices.ContainsFunc(c.Rules(), func(r RuleInfo) bool { return r.Name == "pinyin-gloss" }) {
		t.Error("Without(gloss): pinyin-gloss still listed")
	}
	for z, want := range map[Zone]string{0: "whole", Head: "head", Edges: "edges", Anywhere: "anywhere", Lead | Last: "lead|last", Head | Body: "head|body", 1 << 7: "Zone(0x80)"} {
		if z.String() != want {
			t.Errorf("Zone %d: %q, want %q", z, z.String(), want)
		}
	}
}

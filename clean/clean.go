package clean

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
)

// Category groups rules by the kind of boilerplate they remove. Every
// category can be switched off by name with [Without].
type Category string

// The categories of the default rules.
const (
	Editor     Category = "editor"     // 责任编辑：X, (責編: X), 审核/校对 lines, 【纠错】【打印】
	Source     Category = "source"     // （文章来源：X）, 来源：X, 原标题：…, 本文来自X客户端
	Disclaimer Category = "disclaimer" // 免责声明：…, 特别声明：…, platform notices
	Copyright  Category = "copyright"  // 版權聲明：…, 版权所有…, Copyright ©, ICP numbers
	Share      Category = "share"      // 分享到：, 扫一扫在手机打开当前页, 点击上方蓝字关注我们
	Navigation Category = "navigation" // breadcrumbs, 返回首页, link lines, bare URLs
	Header     Category = "header"     // 發布時間:… 來源:…, title line above it
	Related    Category = "related"    // 相关新闻 / 延伸閱讀 and the titles under it
	EndMark    Category = "endmark"    // （完）, (完), END
	Byline     Category = "byline"     // 记者 X, 新华社太原6月3日电（记者王晓明）
	Caption    Category = "caption"    // photo captions ending "X 摄"
	Gloss      Category = "gloss"      // inline pinyin glosses: 業(ye)
	Markup     Category = "markup"     // HTML navigation, footer and share containers
	Page       Category = "page"       // a whole page's text outside the article, furniture inside it
	Block      Category = "block"      // unknown lines among head or tail boilerplate or that read as furniture: 阅读 (), 举报, 2024-05-16 20:45
)

// Removal is one piece of the input that cleaning took out.
type Removal struct {
	Rule     string   `json:"rule"`     // name of the rule that removed it
	Category Category `json:"category"` // its category
	// Text is the removed input, verbatim: Text == input[Start:End]. For
	// HTML input it includes the markup of the removed element.
	Text  string `json:"text"`
	Line  int    `json:"line"`  // 1-based line of Start in the input
	Start int    `json:"start"` // byte offset into the input
	End   int    `json:"end"`   // byte offset just past the removed text
}

// Warning reports a fallback taken on bad input. Cleaning never fails:
// whatever it cannot read as intended is replaced or passed through and
// reported here.
type Warning struct {
	Line    int    `json:"line"`   // 1-based line where the problem starts
	Offset  int    `json:"offset"` // byte offset into the input
	Message string `json:"message"`
}

// String formats the warning as "line L (byte O): message".
func (w Warning) String() string {
	return fmt.Sprintf("line %d (byte %d): %s", w.Line, w.Offset, w.Message)
}

// Credit is one person named by a credit or byline line, with the role the
// line gives them as written (责任编辑, 審核, 记者, 摄 …).
type Credit struct {
	Role string `json:"role"`
	Name string `json:"name"`
}

// Meta is what cleaning learned about the article from the lines it
// removed and, for a whole page, from the page itself ([extract.Meta]):
// there the page's headline, publish time, site name and URL come first,
// its author tags add to Reporters and its source fills Source when no
// line names one.
type Meta struct {
	Title         string    `json:"title,omitempty"`          // the page's headline, else a title line found above a header line
	OriginalTitle string    `json:"original_title,omitempty"` // 原标题
	Source        string    `json:"source,omitempty"`         // 来源 / 文章来源 / 來源
	Editors       []string  `json:"editors,omitempty"`        // 责任编辑, 责编, 编辑, 編輯
	Reporters     []string  `json:"reporters,omitempty"`      // 记者 and authors named by bylines
	Photographers []string  `json:"photographers,omitempty"`  // names credited with 摄/攝
	Published     string    `json:"published,omitempty"`      // publish time as the header wrote it
	PublishedAt   time.Time `json:"published_at,omitzero"`    // Published parsed, China time when no zone
	Dateline      string    `json:"dateline,omitempty"`       // 新华社太原6月3日电
	Credits       []Credit  `json:"credits,omitempty"`        // every role and name found, in order
	SiteName      string    `json:"site_name,omitempty"`      // a whole page's og:site_name or <title> suffix
	URL           string    `json:"url,omitempty"`            // a whole page's canonical URL
}

// Format is the kind of input an article was read as.
type Format string

// The formats [Cleaner.Clean] recognises.
const (
	Text Format = "text" // one paragraph per line
	HTML Format = "html" // markup: <p> fragments or whole pages
)

// Result is a cleaned article with everything cleaning did to it.
type Result struct {
	Text     string    `json:"text"`               // cleaned paragraphs joined by "\n"
	Meta     Meta      `json:"meta"`               // metadata found in the removed lines
	Removed  []Removal `json:"removed"`            // every removal, in input order, none overlapping
	Warnings []Warning `json:"warnings,omitempty"` // fallbacks taken on bad input
	Format   Format    `json:"format"`             // how the input was read
}

// Cleaner removes boilerplate from Chinese news articles. Build one with
// [New] or take the shared [Default]; it is immutable and safe for
// concurrent use by any number of goroutines.
type Cleaner struct {
	rules        []Rule
	zones        [5][]Rule // the rules of each zone, by the zone's bit: Head, Lead, Body, Last, Tail
	switched     []Rule    // the built-in rules switched off, whose lines no block takes
	off          map[string]bool
	keepCaptions bool
}

// Option configures a [Cleaner] built by [New].
type Option interface{ apply(*config) error }

type config struct {
	off          map[string]bool
	extra        []Rule
	keepCaptions bool
}

type optionFunc func(*config) error

func (f optionFunc) apply(c *config) error { return f(c) }

// Without switches off rules or whole categories, by rule or category name
// ("editor-line", "gloss", "related", …). [New] rejects names it does not
// know, so a typo cannot silently leave a rule on.
func Without(names ...string) Option {
	return optionFunc(func(c *config) error {
		for _, n := range names {
			c.off[n] = true
		}
		return nil
	})
}

// With adds rules after the built-in ones. A rule's name must be unique.
func With(rules ...Rule) Option {
	return optionFunc(func(c *config) error {
		c.extra = append(c.extra, rules...)
		return nil
	})
}

// KeepCaptions keeps photo captions in the text. Photographers are still
// recorded in [Meta].
func KeepCaptions() Option {
	return optionFunc(func(c *config) error {
		c.keepCaptions = true
		return nil
	})
}

// builtinRules is the default preset, built once: its rules hold no state,
// so every Cleaner can share them.
var builtinRules = sync.OnceValue(defaultRules)

// New builds a Cleaner with the default rules for Chinese news, changed by
// opts. It returns an error for an unknown name given to [Without] and for
// an added rule without a name, a match function, a zone, or with a name
// already taken.
func New(opts ...Option) (*Cleaner, error) {
	cfg := config{off: map[string]bool{}}
	for _, o := range opts {
		if err := o.apply(&cfg); err != nil {
			return nil, err
		}
	}
	builtin := builtinRules()
	known := map[string]bool{}
	for _, r := range builtin {
		known[r.Name] = true
		known[string(r.Category)] = true
	}
	for _, n := range internalRuleNames {
		known[n] = true
		known[string(internalRuleCategory[n])] = true
	}
	for _, r := range cfg.extra {
		switch {
		case r.Name == "":
			return nil, fmt.Errorf("clean: a rule added with With has no name")
		case r.Match == nil:
			return nil, fmt.Errorf("clean: rule %q has no Match function", r.Name)
		case r.Zone == 0:
			return nil, fmt.Errorf("clean: rule %q has no Zone", r.Name)
		case known[r.Name]:
			return nil, fmt.Errorf("clean: rule name %q is already taken", r.Name)
		}
		known[r.Name] = true
		if r.Category != "" {
			known[string(r.Category)] = true
		}
	}
	var unknown []string
	for n := range cfg.off {
		if !known[n] {
			unknown = append(unknown, n)
		}
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		return nil, fmt.Errorf("clean: no rule or category named %s", strings.Join(unknown, ", "))
	}
	c := &Cleaner{off: cfg.off, keepCaptions: cfg.keepCaptions}
	for _, r := range slices.Concat(builtin, cfg.extra) {
		if r.Category == Caption && cfg.keepCaptions {
			c.switched = append(c.switched, r) // kept, so no block takes it
			r.Match = recordOnly(r.Match)
		}
		if c.enabled(r.Name, r.Category) {
			c.rules = append(c.rules, r)
		} else {
			c.switched = append(c.switched, r)
		}
	}
	for k := range c.zones {
		for _, r := range c.rules {
			if r.Zone&(1<<k) != 0 {
				c.zones[k] = append(c.zones[k], r)
			}
		}
	}
	return c, nil
}

func (c *Cleaner) enabled(name string, cat Category) bool {
	return !c.off[name] && !c.off[string(cat)]
}

var defaultCleaner = sync.OnceValue(func() *Cleaner {
	c, err := New()
	if err != nil {
		panic(err) // the built-in rules are known to be valid
	}
	return c
})

// Default returns the shared Cleaner with the default rules for Chinese
// news. It is built on first use and safe for concurrent use.
func Default() *Cleaner { return defaultCleaner() }

// Rules describes the rules this Cleaner runs, in order, with the
// built-in rules that work across paragraphs (the HTML page rules, gloss
// removal, related lists, blocks) first: name, category, zone and what
// each removes.
func (c *Cleaner) Rules() []RuleInfo {
	var out []RuleInfo
	for _, n := range internalRuleNames {
		if c.enabled(n, internalRuleCategory[n]) {
			out = append(out, RuleInfo{Name: n, Category: internalRuleCategory[n], Zone: internalRuleZone[n], Description: builtinDescriptions[n]})
		}
	}
	for _, r := range c.rules {
		out = append(out, RuleInfo{Name: r.Name, Category: r.Category, Zone: r.Zone, Description: r.Description})
	}
	return out
}

// Clean cleans one article, reading it as HTML when it holds HTML markup
// and as plain text otherwise.
func (c *Cleaner) Clean(input []byte) Result {
	return c.CleanString(string(input))
}

// CleanString is [Cleaner.Clean] for a string.
func (c *Cleaner) CleanString(input string) Result {
	if looksLikeHTML(input) {
		return c.cleanHTML(input)
	}
	return c.cleanText(input)
}

// CleanText cleans a plain-text article: one paragraph per line.
func (c *Cleaner) CleanText(input []byte) Result {
	return c.cleanText(string(input))
}

// CleanHTML cleans an HTML article: a fragment of <p> elements or a whole
// page. Text in <script>, <style>, <head> and similar elements is not
// article text and is skipped; an element left open at the end is reported
// as a [Warning].
func (c *Cleaner) CleanHTML(input []byte) Result {
	return c.cleanHTML(string(input))
}

func (c *Cleaner) cleanText(input string) Result {
	d := newDoc(input, Text)
	d.paras = splitText(input, &d.norm)
	return c.finish(d)
}

func (c *Cleaner) cleanHTML(input string) Result {
	if isWholePage(input) {
		return c.cleanPage(input)
	}
	d := newDoc(input, HTML)
	d.norm.html = true
	d.paras = splitHTML(input, &d.norm, &d.warnings)
	return c.finish(d)
}

// recordOnly turns a rule into one that keeps what it matches but still
// records the metadata it found.
func recordOnly(f func(Paragraph) (Match, bool)) func(Paragraph) (Match, bool) {
	return func(p Paragraph) (Match, bool) {
		m, ok := f(p)
		if !ok || len(m.Fields) == 0 {
			return Match{}, false
		}
		return Match{Fields: m.Fields}, true
	}
}

package clean

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// Zone names the parts of an article a rule may act on. An article is read
// as a head (paragraphs before the story), a body and a tail (paragraphs
// after it). The head is the longest run of leading paragraphs that Head
// rules remove whole; the tail is the longest such run at the end for Tail
// rules. Body rules see every paragraph in between and should match only
// strongly shaped lines. Lead and Last rules cut a prefix of the first body
// paragraph or a suffix of the last one: a byline glued to the lead, an end
// mark glued to the last sentence.
type Zone uint8

// The zones. Combine them with |.
const (
	Head Zone = 1 << iota
	Lead
	Body
	Last
	Tail

	Edges    = Head | Tail        // head and tail runs
	Anywhere = Head | Body | Tail // any whole paragraph
)

// Paragraph is what a [Rule] sees: one normalised paragraph and its place.
type Paragraph struct {
	Text  string // normalised text, glosses already removed
	Index int    // position among the article's paragraphs, from 0
	Count int    // number of paragraphs in the article
	// Zone is the zone being cleaned: Head, Body, Tail, Lead or Last.
	Zone Zone
	// Prev and Next are the texts of the neighbouring paragraphs, "" at
	// the ends of the article.
	Prev, Next string
	// Element is the HTML element the paragraph came from ("p", "h1",
	// "li", …), "" for plain text.
	Element string
	// Container is "nav", "footer", "share", "related", "comment", … when
	// an HTML ancestor's tag, class or id marks it as page furniture, "".
	Container string

	runes int   // characters in Text, 0 when not counted
	src   *para // the paragraph Text is, filtered on demand, or nil
}

// Runes returns the number of characters in p.Text.
func (p Paragraph) Runes() int {
	if p.runes == 0 {
		return utf8.RuneCountInString(p.Text)
	}
	return p.runes
}

// charMask returns the filter of p.Text's characters, or nil when p is
// not a paragraph of a document.
func (p Paragraph) charMask() *charMask {
	if p.src == nil {
		return nil
	}
	if !p.src.maskOK {
		p.src.mask, _ = maskOf(p.src.m.s)
		p.src.maskOK = true
	}
	return &p.src.mask
}

// memo returns what has been parsed of p's text, or nil when p is not a
// paragraph of a document as it stands.
func (p Paragraph) memo() *parsed {
	if p.src == nil || p.src.m.s != p.Text {
		return nil
	}
	c := &p.src.parsed
	if !c.set || c.text != p.Text {
		*c = parsed{text: p.Text, set: true}
	}
	return c
}

// credits is parseCredits(p.Text), parsed once for a paragraph of a
// document. The items must not be changed.
func (p Paragraph) credits() (items []credit, bracketed, ok bool) {
	c := p.memo()
	if c == nil {
		return parseCredits(p.Text)
	}
	if !c.creditsSet {
		c.credits, c.bracketed, c.creditsOK = parseCredits(p.Text)
		c.creditsSet = true
	}
	return c.credits, c.bracketed, c.creditsOK
}

// header is parseHeader(p.Text), parsed once for a paragraph of a
// document. The fields must not be changed.
func (p Paragraph) header() ([]headerField, bool) {
	c := p.memo()
	if c == nil {
		return parseHeader(p.Text)
	}
	if !c.headerSet {
		c.header, c.headerOK = parseHeader(p.Text)
		c.headerSet = true
	}
	return c.header, c.headerOK
}

// FieldKey names a piece of metadata a rule found.
type FieldKey string

// The metadata keys that fill [Meta].
const (
	FieldSource        FieldKey = "source"
	FieldEditor        FieldKey = "editor"
	FieldReporter      FieldKey = "reporter"
	FieldPhotographer  FieldKey = "photographer"
	FieldPublished     FieldKey = "published"
	FieldTitle         FieldKey = "title"
	FieldOriginalTitle FieldKey = "original_title"
	FieldDateline      FieldKey = "dateline"
	FieldCredit        FieldKey = "credit" // another role, such as 审核 or 校对
)

// Field is one piece of metadata. Role is the word the article used for a
// person's role (责任编辑, 记者, 审核); it is empty for other keys.
type Field struct {
	Key   FieldKey
	Role  string
	Value string
}

// Match is what a rule removes from a paragraph: Text[Start:End], the whole
// paragraph when Start is 0 and End is len(Text), plus metadata found.
type Match struct {
	Start, End int
	Fields     []Field
}

// Rule is a named test that removes all or part of a paragraph. Match must
// be safe for concurrent use and must not keep the Paragraph. Its answer
// must depend only on the Paragraph's Text, Zone, Prev, Next, Element and
// Container: a Cleaner does not ask a rule again about a paragraph whose
// text and neighbours have not changed.
type Rule struct {
	Name     string
	Category Category
	Zone     Zone
	Match    func(p Paragraph) (Match, bool)
	// Description says in one line what the rule removes, for
	// [Cleaner.Rules] and cnnews clean --rules.
	Description string

	max  int        // the longest paragraph, in characters, Match can match; 0 for any
	lead *leadSet   // when set, the characters a paragraph Match can match starts with
	some sparseMask // when set, a paragraph Match can match holds one of these characters
}

// Pattern builds a rule from a regular expression (RE2 syntax, as in package
// regexp). Where the expression matches, the match is removed; a group named
// "cut" narrows the removal to that group. Groups named after a [FieldKey]
// ("source", "editor", "reporter", "photographer", "published", "title",
// "original_title", "dateline", "credit") record metadata; a group of any
// other name is an error, so that a misspelt field is not lost. Anchor the
// expression with ^ and $ to remove only whole paragraphs. The rule's
// Description is "matches " and the expression; set it to say more.
func Pattern(name string, cat Category, zone Zone, expr string) (Rule, error) {
	re, err := regexp.Compile(expr)
	if err != nil {
		return Rule{}, fmt.Errorf("clean: rule %q: %w", name, err)
	}
	for _, n := range re.SubexpNames() {
		if n != "" && n != "cut" && !slices.Contains(patternFields, FieldKey(n)) {
			var valid []string
			for _, k := range patternFields {
				valid = append(valid, string(k))
			}
			return Rule{}, fmt.Errorf("clean: rule %q: group %q names no metadata field; valid: %s, or cut", name, n, strings.Join(valid, ", "))
		}
	}
	r := patternRule(name, cat, zone, newPattern(re))
	r.Description = "matches " + expr
	return r, nil
}

// patternFields are the group names Pattern records as metadata.
var patternFields = []FieldKey{FieldSource, FieldEditor, FieldReporter, FieldPhotographer, FieldPublished, FieldTitle, FieldOriginalTitle, FieldDateline, FieldCredit}

// MustPattern is like [Pattern] but panics if the expression does not
// compile. It is meant for rules written in the program's source.
func MustPattern(name string, cat Category, zone Zone, expr string) Rule {
	r, err := Pattern(name, cat, zone, expr)
	if err != nil {
		panic(err)
	}
	return r
}

func patternRule(name string, cat Category, zone Zone, re *pattern) Rule {
	names := re.SubexpNames()
	cut := re.SubexpIndex("cut")
	lead := leadOf(re)
	return Rule{Name: name, Category: cat, Zone: zone, Match: func(p Paragraph) (Match, bool) {
		if !lead.admits(p.Text) {
			return Match{}, false
		}
		loc := re.FindStringSubmatchIndex(p.Text)
		if loc == nil {
			return Match{}, false
		}
		m := Match{Start: loc[0], End: loc[1]}
		if cut > 0 && loc[2*cut] >= 0 {
			m.Start, m.End = loc[2*cut], loc[2*cut+1]
		}
		for i, n := range names {
			if i == 0 || n == "" || n == "cut" || loc[2*i] < 0 {
				continue
			}
			v := strings.TrimSpace(p.Text[loc[2*i]:loc[2*i+1]])
			if v == "" {
				continue
			}
			key := FieldKey(n)
			if key == FieldReporter || key == FieldEditor || key == FieldPhotographer {
				for _, name := range splitNames(v) {
					m.Fields = append(m.Fields, Field{Key: key, Value: name})
				}
				continue
			}
			m.Fields = append(m.Fields, Field{Key: key, Value: v})
		}
		return m, true
	}}
}

// rx compiles a built-in pattern after expanding its shorthands for the
// full-width and half-width forms Chinese news mixes freely.
func rx(expr string) *pattern {
	return lazyPattern(shorthand.Replace(expr))
}

var shorthand = strings.NewReplacer(
	"{:}", `[:：﹕]`,
	"{(}", `[(（]`,
	"{)}", `[)）]`,
	"{[}", `[【\[［〔]`,
	"{]}", `[】\]］〕]`,
	"{|}", `[|｜丨︱│]`,
	"{s}", `[ \x{3000}]*`,
	"{end}", `[。.！!]?`,
	"{name}", `[\p{Han}·•]{2,5}`,
)

// splitNames splits "张三、李四 王五" into names.
func splitNames(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		switch r {
		case ' ', '\u3000', '、', ',', '，', '/', '／', '|', '｜', ';', '；':
			return true
		}
		return false
	})
}

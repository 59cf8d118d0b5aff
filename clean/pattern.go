package clean

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"
)

// pattern is a compiled regular expression that does no more work than its
// matches need. Go's matcher tries an expression at every position of the
// text unless it can see that every match starts at the beginning, which
// it cannot when the anchor sits inside each alternative (^A|^B); and its
// backtracker clears a bit per instruction and input byte on every call,
// however early the expression fails. So a pattern
//
//   - is compiled anchored (\A(?:^A|^B)) when each alternative is, and
//   - when anchored, is shown only as much of the text as a match can
//     reach: a match spans at most bound characters other than spaces
//     (runs of spaces, which the normaliser leaves only as ASCII and
//     ideographic spaces, cost nothing), so the text past the (bound+1)th
//     such character can change neither what matches nor what the
//     assertions at its end (\b, $) see, and
//   - is not run on text that lacks every word its matches must hold one
//     of (need).
//
// Its methods return what the regexp's own would on the whole text. A
// built-in pattern is compiled on its first use: many rules run their
// pattern only on the rare lines that pass their cheaper tests first.
// A pattern is safe for concurrent use.
type pattern struct {
	expr  string                        // the expression as written
	re    atomic.Pointer[regexp.Regexp] // compiled, once set
	mu    sync.Mutex                    // held while compiling
	bound int                           // characters other than spaces a match can span; -1 for any; set before re
	// need holds words of which every match holds one: a text without
	// any is turned away without running the expression. needAny holds
	// instead their last characters when they are too many to look for
	// one by one. Set before re.
	need    []string
	needAny *runeSet
}

// newPattern wraps re.
func newPattern(re *regexp.Regexp) *pattern {
	p := &pattern{expr: re.String()}
	p.set(re)
	return p
}

// lazyPattern is a pattern for expr, compiled on first use. It panics
// then if expr does not compile: the built-in patterns are tested.
func lazyPattern(expr string) *pattern { return &pattern{expr: expr} }

// get returns the compiled expression.
func (p *pattern) get() *regexp.Regexp {
	if re := p.re.Load(); re != nil {
		return re
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if re := p.re.Load(); re != nil {
		return re
	}
	p.set(regexp.MustCompile(p.expr))
	return p.re.Load()
}

// set sets the compiled expression from re, anchored where it should be,
// and the bound.
func (p *pattern) set(re *regexp.Regexp) {
	p.bound = -1
	t, err := syntax.Parse(re.String(), syntax.Perl)
	if err == nil {
		if need, ok := required(t.Simplify()); ok {
			if len(need) > maxNeed {
				need = endings(need)
			}
			switch {
			case len(need) <= maxRunes:
				p.need = need
			case len(need) <= maxSet:
				p.needAny = newRuneSet(need)
			}
		}
	}
	if err == nil && allAnchored(t) {
		if !(t.Op == syntax.OpBeginText || t.Op == syntax.OpConcat && t.Sub[0].Op == syntax.OpBeginText) {
			// the anchor is inside: ^A|^B, (^A)
			re = regexp.MustCompile(`\A(?:` + re.String() + `)`)
		}
		if n, ok := maxSpan(t); ok {
			p.bound = n
		}
	}
	p.re.Store(re)
}

// maxNeed is the most words a pattern looks for before it runs; more
// words are cut to their distinct last characters, of which a pattern
// looks for at most maxRunes. More searches would cost more than the
// expression they save.
const (
	maxNeed  = 8
	maxRunes = 16
	maxSet   = 256 // characters looked for in one pass over the text
)

// endings returns the distinct last characters of words: a text that
// holds one of the words holds one of them.
func endings(words []string) []string {
	var out []string
	for _, w := range words {
		_, size := utf8.DecodeLastRuneInString(w)
		if r := w[len(w)-size:]; !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	return out
}

// required returns words of which every match of t holds one, or false
// when there are none to tell.
func required(t *syntax.Regexp) ([]string, bool) {
	switch t.Op {
	case syntax.OpLiteral:
		if t.Flags&syntax.FoldCase != 0 || len(t.Rune) == 0 {
			return nil, false
		}
		return []string{string(t.Rune)}, true
	case syntax.OpCharClass:
		// some characters: 完|尾 is parsed as [完尾]
		var ws []string
		for i := 0; i+1 < len(t.Rune); i += 2 {
			if t.Rune[i+1]-t.Rune[i] >= maxClass || len(ws) > maxClass {
				return nil, false
			}
			for r := t.Rune[i]; r <= t.Rune[i+1]; r++ {
				ws = append(ws, string(r))
			}
		}
		return ws, len(ws) > 0 && len(ws) <= maxClass
	case syntax.OpCapture, syntax.OpPlus:
		return required(t.Sub[0])
	case syntax.OpRepeat:
		if t.Min == 0 {
			return nil, false
		}
		return required(t.Sub[0])
	case syntax.OpConcat:
		// the sub-expression whose words are fewest, then longest
		var best []string
		found := false
		for _, sub := range t.Sub {
			ws, ok := required(sub)
			if ok && (!found || len(ws) < len(best) || len(ws) == len(best) && shortest(ws) > shortest(best)) {
				best, found = ws, true
			}
		}
		return best, found
	case syntax.OpAlternate:
		var all []string
		for _, sub := range t.Sub {
			ws, ok := required(sub)
			if !ok {
				return nil, false
			}
			all = append(all, ws...)
		}
		return all, true
	}
	return nil, false
}

func shortest(ws []string) int {
	n := -1
	for _, w := range ws {
		if n < 0 || len(w) < n {
			n = len(w)
		}
	}
	return n
}

// maxClass is the most characters of a class required takes as words.
const maxClass = 32

// admits reports whether s holds one of the words every match holds.
func (p *pattern) admits(s string) bool {
	if p.needAny != nil {
		return p.needAny.any(s)
	}
	if p.need == nil {
		return true
	}
	for _, w := range p.need {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// runeSet is a set of characters: bits for ASCII and for the Han
// characters U+4E00 to U+9FFF (hanSet), a list for the others.
type runeSet struct {
	ascii [2]uint64
	han   *hanSet
	other []rune
}

// newRuneSet is the set of the characters that end words.
func newRuneSet(words []string) *runeSet {
	rs := &runeSet{}
	var han strings.Builder
	for _, w := range words {
		r, _ := utf8.DecodeLastRuneInString(w)
		switch {
		case r < utf8.RuneSelf:
			rs.ascii[r/64] |= 1 << (r % 64)
		case r >= 0x4E00 && r < 0xA000:
			han.WriteRune(r)
		case !slices.Contains(rs.other, r):
			rs.other = append(rs.other, r)
		}
	}
	rs.han = newHanSet(han.String())
	return rs
}

// any reports whether s holds a character of the set.
func (rs *runeSet) any(s string) bool {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if rs.ascii[c/64]&(1<<(c%64)) != 0 {
				return true
			}
			i++
			continue
		}
		r, size := rune(0), 3
		if i+2 < len(s) && s[i] >= 0xE1 && s[i] <= 0xEC && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			r = rune(s[i]&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
		} else {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		i += size
		if rs.han.has(r) || len(rs.other) > 0 && slices.Contains(rs.other, r) {
			return true
		}
	}
	return false
}

// allAnchored reports whether every match of t starts with ^ (the start of
// the text).
func allAnchored(t *syntax.Regexp) bool {
	switch t.Op {
	case syntax.OpBeginText:
		return true
	case syntax.OpCapture:
		return allAnchored(t.Sub[0])
	case syntax.OpConcat:
		return len(t.Sub) > 0 && allAnchored(t.Sub[0])
	case syntax.OpAlternate:
		for _, s := range t.Sub {
			if !allAnchored(s) {
				return false
			}
		}
		return true
	}
	return false
}

// maxSpan returns the most characters other than spaces a match of t can
// span, or false when that has no bound.
func maxSpan(t *syntax.Regexp) (int, bool) {
	switch t.Op {
	case syntax.OpNoMatch, syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine,
		syntax.OpBeginText, syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return 0, true
	case syntax.OpLiteral:
		return len(t.Rune), true
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return 1, true
	case syntax.OpCapture, syntax.OpQuest:
		return maxSpan(t.Sub[0])
	case syntax.OpStar, syntax.OpPlus:
		return 0, onlySpaces(t.Sub[0])
	case syntax.OpRepeat:
		if t.Max < 0 {
			return 0, onlySpaces(t.Sub[0])
		}
		n, ok := maxSpan(t.Sub[0])
		return n * t.Max, ok
	case syntax.OpConcat, syntax.OpAlternate:
		total := 0
		for _, s := range t.Sub {
			n, ok := maxSpan(s)
			if !ok {
				return 0, false
			}
			if t.Op == syntax.OpConcat {
				total += n
			} else {
				total = max(total, n)
			}
		}
		return total, true
	}
	return 0, false
}

// onlySpaces reports an expression that matches one space character.
func onlySpaces(t *syntax.Regexp) bool {
	var rs []rune
	switch t.Op {
	case syntax.OpLiteral:
		if len(t.Rune) != 1 {
			return false
		}
		rs = []rune{t.Rune[0], t.Rune[0]}
	case syntax.OpCharClass:
		rs = t.Rune
	default:
		return false
	}
	for i := 0; i+1 < len(rs); i += 2 {
		if rs[i+1]-rs[i] > 4 { // \t–\r is the widest range of spaces
			return false
		}
		for r := rs[i]; r <= rs[i+1]; r++ {
			if !isPatternSpace(r) {
				return false
			}
		}
	}
	return true
}

func isPatternSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\v', '\f', '\r', '\u3000':
		return true
	}
	return false
}

// reach returns the start of s a match can see: all of s, or s up to and
// including its (bound+1)th character other than a space.
func (p *pattern) reach(s string) string {
	if p.bound < 0 || len(s) <= p.bound+1 {
		return s
	}
	n := 0
	for i := 0; i < len(s); {
		c := s[i]
		size := 1
		switch {
		case c < 0x80:
			if isPatternSpace(rune(c)) {
				i++
				continue
			}
		case c < 0xE0:
			size = 2
		case c < 0xF0:
			if c == 0xE3 && i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0x80 { // U+3000
				i += 3
				continue
			}
			size = 3
		default:
			size = 4
		}
		i += size
		if n++; n > p.bound {
			return s[:min(i, len(s))]
		}
	}
	return s
}

// String returns the expression as compiled.
func (p *pattern) String() string { return p.get().String() }

// text returns the compiled expression and the part of s it needs to
// see, or nil when s cannot hold a match.
func (p *pattern) text(s string) (*regexp.Regexp, string) {
	re := p.get()
	if s = p.reach(s); !p.admits(s) {
		return nil, ""
	}
	return re, s
}

// MatchString is regexp.Regexp.MatchString.
func (p *pattern) MatchString(s string) bool {
	re, s := p.text(s)
	if re == nil {
		return false
	}
	return re.MatchString(s)
}

// FindString is regexp.Regexp.FindString.
func (p *pattern) FindString(s string) string {
	re, s := p.text(s)
	if re == nil {
		return ""
	}
	return re.FindString(s)
}

// FindStringIndex is regexp.Regexp.FindStringIndex.
func (p *pattern) FindStringIndex(s string) []int {
	re, s := p.text(s)
	if re == nil {
		return nil
	}
	return re.FindStringIndex(s)
}

// FindStringSubmatch is regexp.Regexp.FindStringSubmatch.
func (p *pattern) FindStringSubmatch(s string) []string {
	re, s := p.text(s)
	if re == nil {
		return nil
	}
	return re.FindStringSubmatch(s)
}

// FindStringSubmatchIndex is regexp.Regexp.FindStringSubmatchIndex.
func (p *pattern) FindStringSubmatchIndex(s string) []int {
	re, s := p.text(s)
	if re == nil {
		return nil
	}
	return re.FindStringSubmatchIndex(s)
}

// FindAllStringIndex is regexp.Regexp.FindAllStringIndex.
func (p *pattern) FindAllStringIndex(s string, n int) [][]int {
	return p.get().FindAllStringIndex(s, n)
}

// FindAllStringSubmatchIndex is regexp.Regexp.FindAllStringSubmatchIndex.
func (p *pattern) FindAllStringSubmatchIndex(s string, n int) [][]int {
	return p.get().FindAllStringSubmatchIndex(s, n)
}

// ReplaceAllString is regexp.Regexp.ReplaceAllString.
func (p *pattern) ReplaceAllString(src, repl string) string {
	return p.get().ReplaceAllString(src, repl)
}

// SubexpIndex is regexp.Regexp.SubexpIndex.
func (p *pattern) SubexpIndex(name string) int { return p.get().SubexpIndex(name) }

// SubexpNames is regexp.Regexp.SubexpNames.
func (p *pattern) SubexpNames() []string { return p.get().SubexpNames() }

// compile compiles a built-in pattern written without shorthands.
func compile(expr string) *pattern { return lazyPattern(expr) }

package clean

import (
	"regexp/syntax"
	"slices"
	"unicode"
)

// leadSet is the set of characters every match of a pattern anchored at the
// start of the text begins with. A paragraph whose first character is not
// in it cannot match, so the pattern need not run: most paragraphs are
// turned away at the cost of one lookup instead of a search.
type leadSet struct {
	ranges []rune // sorted, disjoint lo, hi pairs
	// low has bit r%64 set for every r in the set: a first character
	// whose bit is clear is turned away without a search
	low uint64
}

// newLeadSet returns the set of the lo, hi pairs rs.
func newLeadSet(rs []rune) *leadSet {
	l := &leadSet{ranges: mergeRanges(rs)}
	for i := 0; i+1 < len(l.ranges); i += 2 {
		if l.ranges[i+1]-l.ranges[i] >= 63 {
			l.low = ^uint64(0)
			break
		}
		for r := l.ranges[i]; r <= l.ranges[i+1]; r++ {
			l.low |= 1 << (r % 64)
		}
	}
	return l
}

// leadOf returns the lead set of re, or nil when re may match elsewhere
// than at the start, may match the empty text, or may begin with any
// character.
func leadOf(re *pattern) *leadSet {
	t, err := syntax.Parse(re.expr, syntax.Perl)
	if err != nil {
		return nil
	}
	rs, ok := anchoredFirst(t)
	if !ok {
		return nil
	}
	return newLeadSet(rs)
}

// admits reports whether s may begin a match.
func (l *leadSet) admits(s string) bool {
	if l == nil {
		return true
	}
	if s == "" {
		return false
	}
	r := firstRune(s)
	if l.low&(1<<(r%64)) == 0 {
		return false
	}
	// the first pair whose hi is at least r
	lo, hi := 0, len(l.ranges)/2
	for lo < hi {
		m := (lo + hi) / 2
		if l.ranges[2*m+1] < r {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo < len(l.ranges)/2 && l.ranges[2*lo] <= r
}

// anchoredFirst returns the first characters of t when every match of t
// starts at the beginning of the text and is not empty.
func anchoredFirst(t *syntax.Regexp) ([]rune, bool) {
	switch t.Op {
	case syntax.OpCapture:
		return anchoredFirst(t.Sub[0])
	case syntax.OpAlternate:
		var all []rune
		for _, s := range t.Sub {
			rs, ok := anchoredFirst(s)
			if !ok {
				return nil, false
			}
			all = append(all, rs...)
		}
		return all, true
	case syntax.OpConcat:
		if len(t.Sub) == 0 || t.Sub[0].Op != syntax.OpBeginText {
			return nil, false
		}
		rs, nullable, ok := firstOf(t.Sub[1:])
		return rs, ok && !nullable
	}
	return nil, false
}

// firstOf returns the characters a match of the sequence ts can begin with,
// and whether the sequence can match the empty text. ok is false when any
// character can begin it.
func firstOf(ts []*syntax.Regexp) (rs []rune, nullable, ok bool) {
	for _, t := range ts {
		f, n, o := first(t)
		if !o {
			return nil, false, false
		}
		rs = append(rs, f...)
		if !n {
			return rs, false, true
		}
	}
	return rs, true, true
}

func first(t *syntax.Regexp) (rs []rune, nullable, ok bool) {
	switch t.Op {
	case syntax.OpNoMatch:
		return nil, false, true
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return nil, true, true
	case syntax.OpLiteral:
		if len(t.Rune) == 0 {
			return nil, true, true
		}
		r := t.Rune[0]
		rs = []rune{r, r}
		if t.Flags&syntax.FoldCase != 0 {
			for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
				rs = append(rs, f, f)
			}
		}
		return rs, false, true
	case syntax.OpCharClass:
		return slices.Clone(t.Rune), false, true
	case syntax.OpCapture, syntax.OpPlus:
		return first(t.Sub[0])
	case syntax.OpStar, syntax.OpQuest:
		rs, _, ok := first(t.Sub[0])
		return rs, true, ok
	case syntax.OpRepeat:
		rs, n, ok := first(t.Sub[0])
		return rs, n || t.Min == 0, ok
	case syntax.OpConcat:
		return firstOf(t.Sub)
	case syntax.OpAlternate:
		for _, s := range t.Sub {
			f, n, o := first(s)
			if !o {
				return nil, false, false
			}
			rs, nullable = append(rs, f...), nullable || n
		}
		return rs, nullable, true
	}
	return nil, false, false // any character
}

// mergeRanges sorts lo, hi pairs and joins those that overlap or touch.
func mergeRanges(rs []rune) []rune {
	type pair struct{ lo, hi rune }
	ps := make([]pair, 0, len(rs)/2)
	for i := 0; i+1 < len(rs); i += 2 {
		ps = append(ps, pair{rs[i], rs[i+1]})
	}
	slices.SortFunc(ps, func(a, b pair) int { return int(a.lo - b.lo) })
	out := make([]rune, 0, len(rs))
	for _, p := range ps {
		if n := len(out); n > 0 && p.lo <= out[n-1]+1 {
			out[n-1] = max(out[n-1], p.hi)
			continue
		}
		out = append(out, p.lo, p.hi)
	}
	return out
}

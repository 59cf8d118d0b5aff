package convert

import (
	"slices"
	"sync"
	"unicode/utf8"
)

// Repair fixes the wrong choices left in Traditional text that was
// converted from Simplified one character at a time. A Simplified
// character can stand for several Traditional ones (面 for 面 "face" and 麵
// "noodles", 制 for 制 and 製, 系 for 系, 係 and 繫), and such a converter
// picks one whatever the word: 全麵, 機製, 聯係, 反複. Repair reads the
// text back to Simplified character by character, converts it again as
// OpenCC does (s2t, whose phrases know 全面, 機制, 聯繫, 反覆), and takes
// the new character where the two disagree about a Simplified character
// of several forms and the text's own choice is not to be trusted: a
// form other than the Simplified character itself, not a variant of the
// new one, and not part of a Traditional phrase the text spells out.
//
// Nothing else changes: characters of one Traditional form, punctuation,
// Latin text, characters written in both scripts (于, 台, and 布, 注,
// which Taiwan writes where OpenCC writes 佈, 註), the variants a text
// chose (台 stays 台, 裡 stays 裡, 為 stays 為, as Taiwan and Hong Kong
// write them) and correct uses of the rarer form (米麵, 製品, which
// OpenCC's phrases spell too). Text in Simplified script is left alone as
// well.
//
// Repair returns the repaired text and the number of characters changed.
// It is safe for concurrent use.
func Repair(s string) (string, int) {
	if s == "" {
		return s, 0
	}
	tables := repairTables()
	rs := []rune(s)
	// the text read back to Simplified, character by character
	sr := make([]rune, len(rs))
	ambiguous := false
	for i, r := range rs {
		sr[i] = ToSimplified(r)
		if sr[i] != r && len(tables.cands[sr[i]]) > 1 {
			ambiguous = true
		}
	}
	if !ambiguous {
		return s, 0
	}
	// convert it again: the whole text at once when no phrase changed
	// its length, as is usual, else piece by piece
	type fix struct {
		at int
		to rune
	}
	var fixes []fix
	pairs := map[[2]rune]bool{}
	check := func(k int, a rune) {
		if a != rs[k] && tables.wrong(rs, k, a) {
			fixes = append(fixes, fix{k, a})
			pairs[[2]rune{rs[k], a}] = true
		}
	}
	if again := []rune(tables.s2t.String(string(sr))); len(again) == len(sr) {
		for k, a := range again {
			check(k, a)
		}
	} else {
		tables.checkPieces(sr, check)
	}
	// a text converted character by character gets many characters
	// wrong; a text written in Traditional disagrees with OpenCC here and
	// there, in one or two characters of its own usage (舖 for 鋪, 鬆 in
	// Cantonese 鬆晒): it is left as it is
	if len(pairs) < minRepairPairs {
		return s, 0
	}
	out := slices.Clone(rs)
	for _, f := range fixes {
		out[f.at] = f.to
	}
	return string(out), len(fixes)
}

// minRepairPairs is the number of different wrong choices (character and
// its fix) a text must show before Repair changes it.
const minRepairPairs = 3

// checkPieces converts sr again piece by piece (between punctuation,
// spaces and Latin text, where no phrase goes on) and calls check with
// each character of the pieces whose length no phrase changed.
func (d *repairData) checkPieces(sr []rune, check func(k int, a rune)) {
	for i := 0; i < len(sr); {
		j := i
		for j < len(sr) && !pieceEnd(sr[j]) {
			j++
		}
		if j == i {
			i++
			continue
		}
		if again := []rune(d.s2t.String(string(sr[i:j]))); len(again) == j-i {
			for k := i; k < j; k++ {
				check(k, again[k-i])
			}
		}
		i = j
	}
}

// pieceEnd reports characters no phrase holds, where Repair cuts the
// text into pieces.
func pieceEnd(r rune) bool {
	return r < 0x2E80 || r >= 0x3000 && r < 0x3040 || r >= 0xFF00 && r < 0xFF65
}

// repairData holds what Repair looks up.
type repairData struct {
	s2t *Converter
	// cands gives a Simplified character's Traditional forms:
	// STCharacters' (its first is OpenCC's choice), then every other
	// character that reads back to it (麵 for 面, 麽 for 么)
	cands map[rune][]rune
	// variant maps a Traditional character to OpenCC's form of it, as
	// Taiwan's and Hong Kong's variant tables read back give it (台 → 臺,
	// 為 → 爲)
	variant map[rune]rune
	// phrases holds the Traditional values of STPhrases of two
	// characters or more, the longest of maxPhrase characters
	phrases   map[string]bool
	maxPhrase int
}

var repairTables = sync.OnceValue(func() *repairData {
	d := &repairData{s2t: MustNew("s2t"), cands: decodeCandidates(candidatesData), variant: map[rune]rune{}}
	for _, name := range []string{"TWVariantsRev", "HKVariantsRev"} {
		v, err := builtinDicts.get(name)
		if err != nil {
			panic(err) // the package's own data
		}
		v.walk(func(key []byte, i int32) {
			k, _ := utf8.DecodeRune(key)
			to, _ := utf8.DecodeRuneInString(v.out[i])
			if _, ok := d.variant[k]; !ok && to != k {
				d.variant[k] = to
			}
		})
	}
	st, err := builtinDicts.get("STPhrases+STPhrases_GeneratedFromRegionalPhrases")
	if err != nil {
		panic(err) // the package's own data
	}
	d.phrases = make(map[string]bool, len(st.out))
	for _, v := range st.out {
		if _, size := utf8.DecodeRuneInString(v); size == len(v) {
			continue // one character, or none
		}
		d.phrases[v] = true
		// a phrase has at most as many characters as bytes: only one
		// longer than the longest so far is counted
		if len(v) > d.maxPhrase {
			d.maxPhrase = min(max(d.maxPhrase, utf8.RuneCountInString(v)), 31) // inPhrase's window
		}
	}
	return d
})

// std returns OpenCC's form of the Traditional character r.
func (d *repairData) std(r rune) rune {
	if v, ok := d.variant[r]; ok {
		return v
	}
	return r
}

// wrong reports whether the text's character rs[k], where converting its
// Simplified reading again gives a, is a wrong choice to replace by a.
func (d *repairData) wrong(rs []rune, k int, a rune) bool {
	r := rs[k]
	s := ToSimplified(r)
	forms := d.cands[s]
	switch {
	case r == s || len(forms) < 2 || r == forms[0] || !slices.Contains(forms, r) || !slices.Contains(forms, a) && a != s:
		// not a character of several forms, or OpenCC's own choice for
		// it, which only a phrase overrides (盡快, 儘快 are both written)
		return false
	case d.std(r) == d.std(a):
		return false // a variant the text chose
	}
	return !d.inPhrase(rs, k)
}

// inPhrase reports whether a Traditional phrase of OpenCC's (a value of
// STPhrases of two characters or more) covers rs[k] in the text.
func (d *repairData) inPhrase(rs []rune, k int) bool {
	lo, hi := max(0, k-d.maxPhrase+1), min(len(rs), k+d.maxPhrase)
	var buf [256]byte
	var off [64]int
	b := buf[:0]
	for i, r := range rs[lo:hi] {
		off[i] = len(b)
		b = utf8.AppendRune(b, r)
	}
	off[hi-lo] = len(b)
	for start := lo; start <= k; start++ {
		for end := max(k+1, start+2); end <= min(hi, start+d.maxPhrase); end++ {
			if d.phrases[string(b[off[start-lo]:off[end-lo]])] {
				return true
			}
		}
	}
	return false
}

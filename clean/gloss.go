package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A pinyin gloss is a reading that a converter or an input tool left behind
// a character: 業(ye) , 會(hui) , 據(jù) . It is a Han character, an opening
// parenthesis, one syllable in lower case (with or without tone marks, or
// with a tone number), a closing parenthesis and at most one space. It is
// removed only when the syllable is one of the character's readings, so
// 朔州(shuo) would go but (朔州), LED(led), (1), (a) and 中国(China) stay.

// findGlosses returns deletions for every gloss in s.
func findGlosses(s string) []edit { return appendGlosses(nil, s) }

// appendGlosses appends deletions for every gloss in s to edits.
func appendGlosses(edits []edit, s string) []edit {
	full := indexFullParen(s) // rare: looked for once, then only past it
	for i := 0; i < len(s); {
		p := strings.IndexByte(s[i:], '(')
		if p >= 0 {
			p += i
		}
		if full >= 0 && full < i {
			if full = indexFullParen(s[i:]); full >= 0 {
				full += i
			}
		}
		open := 1
		if full >= 0 && (p < 0 || full < p) {
			p, open = full, len("（")
		}
		if p < 0 {
			break
		}
		i = p + open
		if p == 0 {
			continue
		}
		h := lastRune(s[:p])
		if h < 0x2E80 || !unicode.Is(unicode.Han, h) {
			continue
		}
		end, syl, ok := glossBody(s, i)
		if !ok || !isReading(h, syl) {
			continue
		}
		edits = append(edits, edit{a: p, b: end})
		i = end
	}
	return edits
}

// indexFullParen is strings.Index(s, "（"). It looks for the last byte of
// （ (EF BC 88), rarer in Chinese text than its first, which every
// full-width punctuation mark shares.
func indexFullParen(s string) int {
	for i := 2; i < len(s); {
		k := strings.IndexByte(s[i:], 0x88)
		if k < 0 {
			return -1
		}
		i += k
		if s[i-2] == 0xEF && s[i-1] == 0xBC {
			return i - 2
		}
		i++
	}
	return -1
}

// glossBody reads "syllable)" and one optional space starting at s[i:]. It
// returns the end of the gloss and the syllable.
func glossBody(s string, i int) (end int, syl string, ok bool) {
	j := i
	letters := 0
	for j < len(s) && letters <= 7 {
		r, size := rune(s[j]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[j:])
		}
		if (r >= 'a' && r <= 'z') || r >= utf8.RuneSelf && r < rune(len(tonelessTable)) && tonelessTable[r] != 0 {
			letters++
			j += size
			continue
		}
		break
	}
	if letters == 0 || letters > 6 {
		return 0, "", false
	}
	k := j
	if k < len(s) && s[k] >= '1' && s[k] <= '5' {
		k++
	}
	switch {
	case strings.HasPrefix(s[k:], ")"):
		k++
	case strings.HasPrefix(s[k:], "）"):
		k += len("）")
	default:
		return 0, "", false
	}
	// A letter right after the parenthesis means it is not a gloss.
	if k < len(s) {
		if r, _ := utf8.DecodeRuneInString(s[k:]); unicode.IsLetter(r) && r < 0x2E80 {
			return 0, "", false
		}
	}
	if k < len(s) && s[k] == ' ' {
		k++
	}
	return k, s[i:j] + tone(s[j:k]), true
}

// tone returns the tone digit in the tail "3) " of a gloss, or "".
func tone(tail string) string {
	if tail != "" && tail[0] >= '1' && tail[0] <= '5' {
		return tail[:1]
	}
	return ""
}

// toneless maps tone-marked and umlauted vowels to their base letter.
var toneless = map[rune]rune{
	'ā': 'a', 'á': 'a', 'ǎ': 'a', 'à': 'a',
	'ē': 'e', 'é': 'e', 'ě': 'e', 'è': 'e', 'ê': 'e',
	'ī': 'i', 'í': 'i', 'ǐ': 'i', 'ì': 'i',
	'ō': 'o', 'ó': 'o', 'ǒ': 'o', 'ò': 'o',
	'ū': 'u', 'ú': 'u', 'ǔ': 'u', 'ù': 'u',
	'ü': 'v', 'ǖ': 'v', 'ǘ': 'v', 'ǚ': 'v', 'ǜ': 'v',
	'ń': 'n', 'ň': 'n', 'ǹ': 'n', 'ḿ': 'm',
}

// toneOf maps tone-marked vowels to their tone number.
var toneOf = map[rune]byte{
	'ā': 1, 'ē': 1, 'ī': 1, 'ō': 1, 'ū': 1, 'ǖ': 1,
	'á': 2, 'é': 2, 'í': 2, 'ó': 2, 'ú': 2, 'ǘ': 2, 'ń': 2, 'ḿ': 2,
	'ǎ': 3, 'ě': 3, 'ǐ': 3, 'ǒ': 3, 'ǔ': 3, 'ǚ': 3, 'ň': 3,
	'à': 4, 'è': 4, 'ì': 4, 'ò': 4, 'ù': 4, 'ǜ': 4, 'ǹ': 4,
}

// tonelessTable and toneTable are toneless and toneOf as arrays, for the
// readings' letters compared one by one.
var tonelessTable, toneTable = func() (base, tone [0x1E40]byte) {
	for r, b := range toneless {
		base[r] = byte(b)
	}
	for r, t := range toneOf {
		tone[r] = t
	}
	return base, tone
}()

// isReading reports whether syl is one of the readings of h. A syllable
// without tone matches any tone; one with a tone must match it (tone 5, the
// neutral tone, matches a reading written without a mark).
func isReading(h rune, syl string) bool {
	readings, ok := readingsOf(h)
	if !ok {
		return false
	}
	for readings != "" {
		var rd string
		rd, readings, _ = strings.Cut(readings, ",")
		if same, rt, t := sameSyllable(syl, rd); same && (t == 0 || t == rt || (t == 5 && rt == 0)) {
			return true
		}
	}
	return false
}

// sameSyllable compares a gloss with a reading letter by letter, ignoring
// tone marks (ü and v are one letter). It also returns the reading's tone
// and the gloss's, 0 where none is written.
func sameSyllable(gloss, reading string) (same bool, rt, gt byte) {
	i, j := 0, 0
	for {
		g, gs := nextLetter(gloss, &i, &gt)
		r, _ := nextLetter(reading, &j, &rt)
		if g != r {
			return false, 0, 0
		}
		if gs == 0 {
			return true, rt, gt
		}
	}
}

// nextLetter returns the base letter at s[*i:], advancing *i and noting a
// tone mark or tone digit in *tone; 0 and size 0 at the end.
func nextLetter(s string, i *int, tone *byte) (rune, int) {
	for *i < len(s) {
		r, size := rune(s[*i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[*i:])
		}
		*i += size
		switch {
		case r >= '1' && r <= '5':
			*tone = byte(r - '0')
			continue
		case r >= utf8.RuneSelf && r < rune(len(tonelessTable)) && tonelessTable[r] != 0:
			if t := toneTable[r]; t != 0 {
				*tone = t
			}
			r = rune(tonelessTable[r])
		}
		return r, size
	}
	return 0, 0
}

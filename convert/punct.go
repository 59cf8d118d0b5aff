package convert

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/transform"
)

// Punctuation returns a Transformer that repairs Chinese punctuation
// folded to ASCII: it turns , ; : ? ! after a Han character (or Chinese
// punctuation) into ，；：？！ (dropping a space the fold left between it
// and the next Han character), and a pair of parentheses around Han text,
// (朔州), into （朔州）. Numbers, times, URLs and Latin text keep their
// ASCII: 1,000, 15:11:00, https://…, LED(led), (2022-2024年), (AI).
// Everything else passes through unchanged.
//
// The Transformer keeps the last character and the open parentheses it
// has seen, so use one per stream; Reset makes it reusable.
func Punctuation() transform.Transformer { return &punct{} }

// RepairPunctuation is [Punctuation] applied to a string.
func RepairPunctuation(s string) string {
	out, _, err := transform.String(Punctuation(), s)
	if err != nil {
		return s
	}
	return out
}

type punct struct {
	prev  rune
	open  [8]bool // for each open parenthesis: was it made full-width?
	depth int
}

func (p *punct) Reset() { *p = punct{} }

// chinese reports characters after which ASCII punctuation belongs to
// Chinese text: Han, Chinese punctuation and full-width forms, and the
// curly quotes Chinese uses.
func chinese(r rune) bool {
	return unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF) ||
		r == '“' || r == '”' || r == '‘' || r == '’'
}

var fullWidth = map[byte]string{',': "，", ';': "；", ':': "：", '?': "？", '!': "！", '(': "（", ')': "）"}

func (p *punct) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	for nSrc < len(src) {
		c := src[nSrc]
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRune(src[nSrc:])
			if r == utf8.RuneError && size == 1 && !atEOF && !utf8.FullRune(src[nSrc:]) {
				return nDst, nSrc, transform.ErrShortSrc
			}
			if nDst+size > len(dst) {
				return nDst, nSrc, transform.ErrShortDst
			}
			copy(dst[nDst:], src[nSrc:nSrc+size])
			nDst += size
			nSrc += size
			p.prev = r
			continue
		}
		out, push, pop, skip := "", false, false, false
		full := false
		switch c {
		case ',', ';', ':', '?', '!':
			if chinese(p.prev) {
				out = fullWidth[c]
				// "來源: 人民網": the space the fold left goes too
				if nSrc+1 < len(src) && src[nSrc+1] == ' ' {
					next, size := utf8.DecodeRune(src[nSrc+2:])
					if !atEOF && (size == 0 || (next == utf8.RuneError && !utf8.FullRune(src[nSrc+2:]))) {
						return nDst, nSrc, transform.ErrShortSrc
					}
					skip = chinese(next)
				} else if nSrc+1 == len(src) && !atEOF {
					return nDst, nSrc, transform.ErrShortSrc
				}
			}
		case '(':
			next, size := utf8.DecodeRune(src[nSrc+1:])
			if !atEOF && (size == 0 || (next == utf8.RuneError && !utf8.FullRune(src[nSrc+1:]))) {
				return nDst, nSrc, transform.ErrShortSrc
			}
			full = chinese(next) && !(p.prev < utf8.RuneSelf && (unicode.IsLetter(p.prev) || unicode.IsDigit(p.prev)))
			push = true
			if full {
				out = fullWidth[c]
			}
		case ')':
			if p.depth > 0 {
				pop = true
				if p.depth <= len(p.open) && p.open[p.depth-1] {
					out = fullWidth[c]
				}
			}
		}
		n := len(out)
		if n == 0 {
			n = 1
		}
		if nDst+n > len(dst) {
			return nDst, nSrc, transform.ErrShortDst
		}
		if out == "" {
			dst[nDst] = c
			nDst++
			p.prev = rune(c)
		} else {
			nDst += copy(dst[nDst:], out)
			p.prev, _ = utf8.DecodeRuneInString(out)
		}
		nSrc++
		if skip {
			nSrc++
		}
		switch {
		case push:
			if p.depth < len(p.open) {
				p.open[p.depth] = full
			}
			p.depth++
		case pop:
			p.depth--
		case c == '\n':
			p.depth = 0
		}
	}
	return nDst, nSrc, nil
}

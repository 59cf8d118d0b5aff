package clean

import (
	"html"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// normalizer turns raw input bytes into one paragraph of normalised text:
// indentation and trailing space trimmed, runs of spaces (ASCII, NBSP and the
// other Unicode spaces) folded to one ASCII space, zero-width characters
// dropped, HTML entities decoded (also when escaped twice, as in &amp;nbsp;),
// invalid UTF-8 replaced by U+FFFD and counted, and the result put in NFC.
// An ideographic space (U+3000) inside a paragraph is kept as it is.
//
// In HTML mode a run of white space that holds a line break and stands
// between two CJK characters is dropped, as a browser would render it.
type normalizer struct {
	w        mbuilder
	html     bool
	keepLen  int // length of buf up to the last non-space unit
	keepEnd  int // input offset just past that unit
	start    int // input offset of the first visible unit, -1 when none
	pend     bool
	pendIn   int
	pendNL   bool
	prev     rune
	nfc      bool     // the paragraph holds a rune NFC might change
	invalid  int      // invalid UTF-8 bytes replaced
	firstBad int      // input offset of the first one
	anchors  []anchor // a block the paragraphs' anchors are carved from
	paras    []para   // a block paragraphs are allocated from
	ptrs     []*para  // a list for the split to fill
}

func (n *normalizer) reset() {
	n.w.reset()
	n.keepLen, n.keepEnd, n.start = 0, 0, -1
	n.pend, n.pendNL, n.prev, n.nfc = false, false, 0, false
}

// nfcStable reports runes that NFC leaves alone whatever surrounds them:
// Latin-1, general punctuation, CJK symbols, kana, ideographs and the
// full-width forms. Other runes send the paragraph through an NFC check.
func nfcStable(r rune) bool {
	return r < 0x300 || (r >= 0x2010 && r <= 0x206F) || (r >= 0x3000 && r <= 0x3098) ||
		(r >= 0x309B && r <= 0x9FFF) || (r >= 0xFF00 && r <= 0xFFEF) || (r >= 0x20000 && r <= 0x2A6DF)
}

func isCJK(r rune) bool {
	return r >= 0x2E80 && (unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF))
}

// isSpace reports runes folded to one ASCII space.
func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\r', '\n', '\f', '\v', 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F:
		return true
	}
	return (r >= 0x2000 && r <= 0x200A) || r < 0x20 || r == 0x7F || (r >= 0x80 && r < 0xA0)
}

// isZeroWidth reports invisible characters that are dropped.
func isZeroWidth(r rune) bool {
	switch r {
	case 0x200B, 0x2060, 0xFEFF, 0x00AD, 0x180E:
		return true
	}
	return false
}

func (n *normalizer) space(in int, nl bool) {
	if n.w.length() == 0 {
		return
	}
	if !n.pend {
		n.pend, n.pendIn, n.pendNL = true, in, nl
	} else if nl {
		n.pendNL = true
	}
}

// emitPending writes a pending space before a visible rune r.
func (n *normalizer) emitPending(r rune) {
	if !n.pend {
		return
	}
	n.pend = false
	if n.html && n.pendNL && isCJK(n.prev) && isCJK(r) {
		return
	}
	n.w.appendByte(n.pendIn, ' ')
}

// run appends input[in:end], a run of ordinary runes copied unchanged.
func (n *normalizer) run(input string, in, end int, first, last rune) {
	if in >= end {
		return
	}
	n.emitPending(first)
	if n.start < 0 {
		n.start = in
	}
	n.w.appendVerbatim(input, in, end)
	n.keepLen, n.keepEnd, n.prev = n.w.length(), end, last
}

// rune1 appends r produced by input[in:end].
func (n *normalizer) rune1(in, end int, r rune) {
	n.emitPending(r)
	if n.start < 0 {
		n.start = in
	}
	n.w.appendRune(in, r)
	n.keepLen, n.keepEnd, n.prev = n.w.length(), end, r
}

// ideographic appends a U+3000 that is kept inside a paragraph but trimmed
// at its ends.
func (n *normalizer) ideographic(input string, in, end int) {
	if n.w.length() == 0 {
		return
	}
	n.emitPending(0x3000)
	n.w.appendVerbatim(input, in, end)
	n.prev = 0x3000
}

// feed normalises input[from:to] onto the current paragraph.
func (n *normalizer) feed(input string, from, to int) {
	s := input[:to]
	i := from
	runStart := -1 // the start of a run of ordinary runes copied unchanged
	var first, last rune
	for i < len(s) {
		c := s[i]
		// fast path: a three-byte character that is never special and
		// never changed by NFC, such as the ideographs, the CJK and
		// full-width punctuation and the quotation marks (U+2010–U+205E)
		if c >= 0xE2 && c <= 0xEF {
			j := i
			for {
				// two ideographs at a time: lead bytes E4–E9
				// (U+4000–U+9FFF) and continuation bytes, read
				// in one word
				for j+8 <= len(s) {
					b := s[j : j+8]
					x := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
						uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
					if x&0x0000C0C000C0C000 != 0x0000808000808000 || uint8(x)-0xE4 > 5 || uint8(x>>24)-0xE4 > 5 {
						break
					}
					j += 6
				}
				if j+3 > len(s) {
					break
				}
				t := s[j : j+3]
				if t[0] < 0xE2 || t[0] > 0xEF || t[1]&0xC0 != 0x80 || t[2]&0xC0 != 0x80 {
					break
				}
				r := rune(t[0]&0x0F)<<12 | rune(t[1]&0x3F)<<6 | rune(t[2]&0x3F)
				if plain3Table[uint16(r)>>6]&(1<<(r&63)) == 0 {
					break
				}
				j += 3
			}
			if j > i {
				if runStart < 0 {
					runStart, first = i, firstRune(s[i:])
				}
				t := s[j-3 : j]
				last = rune(t[0]&0x0F)<<12 | rune(t[1]&0x3F)<<6 | rune(t[2]&0x3F)
				i = j
				continue
			}
		}
		// a run of visible ASCII other than &, copied as it is
		if c > ' ' && c < 0x7F && c != '&' {
			j := i + 1
			for j < len(s) && s[j] > ' ' && s[j] < 0x7F && s[j] != '&' {
				j++
			}
			if runStart < 0 {
				runStart, first = i, rune(c)
			}
			last = rune(s[j-1])
			i = j
			continue
		}
		var r rune
		size := 1
		if c < utf8.RuneSelf {
			r = rune(c)
		} else {
			r, size = utf8.DecodeRuneInString(s[i:])
			if !nfcStable(r) {
				n.nfc = true
			}
		}
		special := c == '&' || isSpace(r) || r == 0x3000 || isZeroWidth(r) || (r == utf8.RuneError && size == 1)
		if !special {
			if runStart < 0 {
				runStart, first = i, r
			}
			last = r
			i += size
			continue
		}
		if runStart >= 0 {
			n.run(input, runStart, i, first, last)
			runStart = -1
		}
		i = n.special(input, s, i, r, size)
	}
	if runStart >= 0 {
		n.run(input, runStart, i, first, last)
	}
}

// special handles the character r of size bytes at s[i:], one feed does
// not copy as it is (a space, an entity, an invisible character, the
// ideographic space, an invalid byte), and returns where the next
// character starts. s is input up to the end of the feed.
func (n *normalizer) special(input, s string, i int, r rune, size int) int {
	switch {
	case r == utf8.RuneError && size == 1:
		if n.invalid == 0 {
			n.firstBad = i
		}
		n.invalid++
		n.rune1(i, i+1, utf8.RuneError)
	case s[i] == '&':
		ent, k := decodeEntity(s[i:])
		if k == 0 {
			n.rune1(i, i+1, '&')
			return i + 1
		}
		for _, dr := range ent {
			switch {
			case isSpace(dr):
				n.space(i, dr == '\n')
			case isZeroWidth(dr):
			case dr == 0x3000:
				if n.w.length() > 0 {
					n.emitPending(dr)
					n.w.appendRune(i, dr)
					n.prev = dr
				}
			default:
				if !nfcStable(dr) {
					n.nfc = true
				}
				n.rune1(i, i+k, dr)
			}
		}
		return i + k
	case r == 0x3000:
		n.ideographic(input, i, i+size)
	case isZeroWidth(r):
	default:
		n.space(i, r == '\n' || r == 0x2028 || r == 0x2029)
	}
	return i + size
}

// plain3 reports a three-byte character that feed copies as it is: not a
// space, not invisible, not the ideographic space, left alone by NFC
// whatever surrounds it, and not a surrogate or an overlong form.
func plain3(r rune) bool {
	return (r >= 0x309B && r <= 0x9FFF) || (r >= 0x3001 && r <= 0x3098) || (r >= 0xFF00 && r <= 0xFFEF) ||
		(r >= 0x2010 && r <= 0x2027) || (r >= 0x2030 && r <= 0x205E)
}

// plain3Table holds plain3 for the Basic Multilingual Plane, a bit each:
// feed asks it of every character.
var plain3Table = func() *[0x10000 / 64]uint64 {
	var t [0x10000 / 64]uint64
	// plain3's ranges, set a word at a time where a range covers one
	for _, rg := range [...][2]rune{{0x309B, 0x9FFF}, {0x3001, 0x3098}, {0xFF00, 0xFFEF}, {0x2010, 0x2027}, {0x2030, 0x205E}} {
		for r := rg[0]; r <= rg[1]; {
			if r%64 == 0 && r+63 <= rg[1] {
				t[r/64] = ^uint64(0)
				r += 64
				continue
			}
			t[r/64] |= 1 << (r % 64)
			r++
		}
	}
	return &t
}()

// flush ends the paragraph, returning its text and whether it has any.
// Text copied unchanged from one stretch of input shares input's memory.
func (n *normalizer) flush(input string) (mtext, bool) {
	if n.keepLen == 0 {
		n.reset()
		return mtext{}, false
	}
	var s string
	if t, from, ok := n.w.copied(); ok && t[:n.keepLen] == input[from:from+n.keepLen] {
		s = t[:n.keepLen] // never copied
	} else if a := n.w.a; !ok && len(a) == 1 && n.keepEnd-a[0].in == n.keepLen && string(n.w.buf[:n.keepLen]) == input[a[0].in:n.keepEnd] {
		s = input[a[0].in:n.keepEnd]
	} else {
		n.w.materialize()
		s = string(n.w.buf[:n.keepLen])
	}
	// the anchors are carved from a block shared by the document's
	// paragraphs, capped so that appending to one copies it
	k := 0
	for _, x := range n.w.a {
		if x.t < n.keepLen || k == 0 {
			k++
		}
	}
	if cap(n.anchors)-len(n.anchors) < k {
		n.anchors = make([]anchor, 0, max(256, k))
	}
	from := len(n.anchors)
	for _, x := range n.w.a {
		if x.t < n.keepLen || len(n.anchors) == from {
			n.anchors = append(n.anchors, x)
		}
	}
	a := n.anchors[from:len(n.anchors):len(n.anchors)]
	m := mtext{s: s, a: a, end: n.keepEnd}
	check := n.nfc
	n.reset()
	if check && !norm.NFC.IsNormalString(m.s) {
		m = toNFC(m)
	}
	return m, true
}

// toNFC rewrites each normalisation segment that NFC changes.
func toNFC(m mtext) mtext {
	var it norm.Iter
	it.InitString(norm.NFC, m.s)
	var edits []edit
	for !it.Done() {
		a := it.Pos()
		out := it.Next()
		b := it.Pos()
		if string(out) != m.s[a:b] {
			edits = append(edits, edit{a, b, string(out)})
		}
	}
	return m.rewrite(edits)
}

// decodeEntity decodes the HTML character reference at the start of b. A
// reference that decodes to "&" and is followed by another ("&amp;nbsp;",
// "&amp;amp;lt;", "&#38;quot;") was escaped more than once and is decoded
// through, so that decoding the output again changes nothing. It returns the
// decoded text and the number of bytes consumed, or 0 when b holds no
// reference.
func decodeEntity(b string) (string, int) {
	if len(b) < 3 || b[0] != '&' {
		return "", 0
	}
	k := refLen(b[1:])
	if k == 0 {
		return "", 0
	}
	ent := b[:1+k]
	if strings.HasSuffix(ent, greekQuestion) {
		ent = strings.TrimSuffix(ent, greekQuestion) + ";"
	}
	s := unescape(ent)
	if s == "" {
		return "", 0
	}
	n := 1 + k
	for s == "&" {
		k2 := refLen(b[n:])
		if k2 == 0 {
			break
		}
		ref := b[n : n+k2]
		if strings.HasSuffix(ref, greekQuestion) {
			ref = strings.TrimSuffix(ref, greekQuestion) + ";"
		}
		s2 := unescape("&" + ref)
		if s2 == "" {
			break
		}
		s, n = s2, n+k2
	}
	return s, n
}

// unescape decodes one whole character reference, or returns "". It does
// not take a known name as a prefix of an unknown one, as browsers do with
// "&ampac;" → "&ac;": decoding that output again would change it.
func unescape(ref string) string {
	s := html.UnescapeString(ref)
	if s == ref || strings.ContainsRune(s, ';') {
		return ""
	}
	return s
}

// greekQuestion is U+037E, which NFC turns into ";": a reference it ends
// is one once the text is normalised, so it is decoded now.
const greekQuestion = "\u037e"

// refLen returns the length of "name;", "#123;" or "#x1F;" at the start of
// b, or 0. U+037E counts as the semicolon.
func refLen(b string) int {
	for i := 0; i < len(b) && i < 33; i++ {
		c := b[i]
		switch {
		case c == ';' || strings.HasPrefix(b[i:], greekQuestion):
			if i == 0 {
				return 0
			}
			if c != ';' {
				return i + len(greekQuestion)
			}
			return i + 1
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '#' && i == 0:
		default:
			return 0
		}
	}
	return 0
}

package decode

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/transform"
)

// The encodings [Bytes] reports. A declared encoding other than these is
// reported by its WHATWG name, such as "shift_jis".
const (
	UTF8    = "UTF-8"
	UTF16LE = "UTF-16LE"
	UTF16BE = "UTF-16BE"
	GB18030 = "GB18030" // also GBK and GB2312, which it contains
	Big5    = "Big5"
)

// Report says how bytes were decoded. It is a plain value.
type Report struct {
	// Encoding is the encoding the bytes were read as: one of the
	// constants, or a declared encoding's name.
	Encoding string `json:"encoding"`
	// BOM is set when the input started with a byte order mark, which is
	// not part of the text.
	BOM bool `json:"bom,omitempty"`
	// Declared is the charset an HTML <meta> tag declared, when it
	// declared one other than UTF-8, whether or not it was used.
	Declared string `json:"declared,omitempty"`
	// Replaced counts the invalid sequences replaced by U+FFFD:
	// the few a GB18030 or Big5 text may hold (see [Bytes]), or, with
	// [Lossy], the bytes of input in no known encoding (each a sequence
	// of its own) and the bad code units of UTF-16. It is 0 when nothing
	// was replaced.
	Replaced int `json:"replaced,omitempty"`
	// FirstInvalid is the byte offset in the input of the first
	// replaced sequence, -1 when there is none.
	FirstInvalid int `json:"first_invalid,omitempty"`
	// Invalid lists the byte offsets in the input of the replaced
	// sequences, in order: all of them when there are at most 100, as
	// there always are without [Lossy]; the first 100 otherwise, so that
	// len(Invalid) < Replaced says the list was cut.
	Invalid []int `json:"invalid,omitempty"`
}

// Error is input that is none of the encodings tried. Offset is the byte
// offset of the first byte that is not UTF-8, Line its line (from 1).
type Error struct {
	Offset int
	Line   int
	Tried  []string // the encodings that were tried, in order
}

// MarshalJSON writes the report with first_invalid only when something
// was replaced (FirstInvalid is -1 otherwise).
func (r Report) MarshalJSON() ([]byte, error) {
	type plain Report
	out := struct {
		plain
		FirstInvalid *int `json:"first_invalid,omitempty"`
	}{plain: plain(r)}
	if r.Replaced > 0 {
		out.FirstInvalid = &r.FirstInvalid
	}
	return json.Marshal(out)
}

// Error formats the error as "byte N (line L): not valid UTF-8, GB18030 or
// Big5".
func (e *Error) Error() string {
	return fmt.Sprintf("byte %d (line %d): not valid %s", e.Offset, e.Line, joinOr(e.Tried))
}

func joinOr(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	s := ""
	for i, n := range names {
		switch {
		case i == len(names)-1:
			s += " or " + n
		case i > 0:
			s += ", " + n
		default:
			s += n
		}
	}
	return s
}

// Option changes how [Bytes] decodes.
type Option func(*config)

type config struct{ lossy bool }

// Lossy makes input that is none of the encodings, not even GB18030 or
// Big5 with a few invalid sequences, decode as UTF-8 with each invalid
// byte replaced by U+FFFD, counted in [Report.Replaced] and listed in
// [Report.Invalid], instead of being an [*Error].
func Lossy() Option { return func(c *config) { c.lossy = true } }

var (
	utf8BOM    = []byte{0xEF, 0xBB, 0xBF}
	utf16LEBOM = []byte{0xFF, 0xFE}
	utf16BEBOM = []byte{0xFE, 0xFF}
)

// Bytes returns data as UTF-8 text and how it was read. It tries, in
// order: a byte order mark (UTF-8, UTF-16LE, UTF-16BE); valid UTF-8; the
// charset an HTML <meta> tag declares; GB18030 and Big5, of which the one
// whose text is made of common Chinese characters wins; then, when none
// of these decodes without error, GB18030 and Big5 (the declared one
// first) with a few invalid sequences. Input that is none of them is an
// [*Error] naming the first byte that is not UTF-8, or, with [Lossy],
// UTF-8 with replacements.
//
// A few invalid sequences: a page saved in GBK or Big5 may hold some
// damaged characters, which browsers show as U+FFFD. Bytes reads such a
// text with U+FFFD for each invalid sequence (a lead byte and the byte
// after it that map to no character, or a byte that starts none) when
//
//   - there are at most 50 of them,
//   - and at most one per 200 Han characters of the decoded text,
//   - and the decoded text is made of common Chinese characters, as a
//     GB18030 or Big5 text must be to be detected.
//
// The [Report] then counts them in Replaced and gives their byte offsets
// in FirstInvalid and Invalid. A declared GB18030 (GBK, GB2312) or Big5
// is preferred when it qualifies; another declared charset must decode
// without error. The bounds leave room for a handful of damaged
// characters in a page and keep out bytes that are not in the encoding
// at all: binary data, UTF-8 with a few bad bytes (see above), text in
// the other legacy encoding. Read as the wrong one, the reference
// articles have one invalid sequence per 2 to 49 Han characters and score
// at most 0.08 of the 0.3 required. A short text, of fewer than 200 Han
// characters, must decode without error, unless it is an HTML page that
// declares that encoding and holds at least 20 Han characters: it may have
// one invalid sequence.
//
// Bytes is a function of its arguments only and safe for concurrent use.
func Bytes(data []byte, opts ...Option) ([]byte, Report, error) {
	var c config
	for _, o := range opts {
		o(&c)
	}
	rep := Report{Encoding: UTF8, FirstInvalid: -1}
	switch {
	case bytes.HasPrefix(data, utf8BOM):
		rep.BOM = true
		body := data[len(utf8BOM):]
		if validUTF8(body) {
			return body, rep, nil
		}
		return invalid(body, rep, len(utf8BOM), []string{UTF8}, c)
	case bytes.HasPrefix(data, utf16LEBOM), bytes.HasPrefix(data, utf16BEBOM):
		rep.BOM = true
		name, little := UTF16LE, true
		if data[0] == 0xFE {
			name, little = UTF16BE, false
		}
		rep.Encoding = name
		// an unpaired surrogate or an odd last byte decodes as U+FFFD
		out, offsets, n := utf16Text(data, little)
		if n > 0 {
			if !c.lossy {
				return nil, rep, &Error{Offset: offsets[0], Line: lineOfUTF16(data, offsets[0], little), Tried: []string{name}}
			}
			rep.Replaced, rep.FirstInvalid, rep.Invalid = n, offsets[0], offsets
		}
		return out, rep, nil
	case validUTF8(data):
		if d := declared(data); d != "" {
			rep.Declared = d
		}
		return data, rep, nil
	}
	tried := []string{UTF8}
	if mostlyUTF8(data) {
		// UTF-8 with some bytes of another encoding mixed in (a
		// concatenation, a bad scrape): decoding it all as GBK or Big5
		// would turn the UTF-8 part into nonsense
		return invalid(data, rep, 0, tried, c)
	}
	declaredLabel := "" // GB18030 or Big5 when the page declares one
	if d := declared(data); d != "" {
		rep.Declared = d
		if e, name := charset.Lookup(d); e != nil {
			enc, label := e, name
			if name == "gbk" || name == "gb18030" {
				enc, label = simplifiedchinese.GB18030, GB18030
				declaredLabel = label
			} else if name == "big5" {
				label = Big5
				declaredLabel = label
			}
			if out, ok := strict(enc, data); ok {
				rep.Encoding = label
				return out, rep, nil
			}
			tried = append(tried, label)
		}
	}
	best, bestScore, bestName := []byte(nil), -1.0, ""
	for _, cand := range []struct {
		name string
		enc  encoding.Encoding
	}{{GB18030, simplifiedchinese.GB18030}, {Big5, traditionalchinese.Big5}} {
		if slices.Contains(tried, cand.name) {
			continue // the declared charset, already tried
		}
		tried = append(tried, cand.name)
		out, ok := strict(cand.enc, data)
		if !ok {
			continue
		}
		if s := score(out); s > bestScore {
			best, bestScore, bestName = out, s, cand.name
		}
	}
	if bestScore >= minScore {
		rep.Encoding = bestName
		return best, rep, nil
	}
	if out, name, offsets, n, ok := fewInvalid(data, declaredLabel); ok {
		rep.Encoding, rep.Replaced, rep.Invalid = name, n, offsets
		if n > 0 {
			rep.FirstInvalid = offsets[0]
		}
		return out, rep, nil
	}
	return invalid(data, rep, 0, tried, c)
}

// The bounds on the invalid sequences of a GB18030 or Big5 text that
// [Bytes] reads with replacements (its doc comment says why). maxInvalid
// is at most maxListed, so that without [Lossy] every replaced sequence
// is listed.
const (
	maxInvalid    = 50
	hanPerInvalid = 200
)

// fewInvalid reads data as GB18030 or Big5 with a few invalid sequences
// replaced by U+FFFD, within the bounds above. The declared encoding,
// GB18030 or Big5 (or ""), is taken when it qualifies; otherwise the one
// of the two that qualifies with the higher score. It returns the text,
// the encoding's name, the offsets of the invalid sequences and their
// number.
func fewInvalid(data []byte, declared string) ([]byte, string, []int, int, bool) {
	cands := []struct {
		name string
		enc  encoding.Encoding
	}{{GB18030, simplifiedchinese.GB18030}, {Big5, traditionalchinese.Big5}}
	if declared == Big5 {
		cands[0], cands[1] = cands[1], cands[0]
	}
	var best []byte
	var bestOffsets []int
	bestN, bestScore, bestName := 0, -1.0, ""
	for _, cand := range cands {
		out, offsets, n := lenient(cand.enc, data, maxInvalid)
		limit := hanCount(out) / hanPerInvalid
		if cand.name == declared && limit < 1 && hanCount(out) >= 20 {
			limit = 1 // a short page that declares its encoding may have one
		}
		if n > maxInvalid || n > limit {
			continue
		}
		s := score(out)
		if s < minScore {
			continue
		}
		if cand.name == declared {
			return out, cand.name, offsets, n, true
		}
		if s > bestScore {
			best, bestOffsets, bestN, bestScore, bestName = out, offsets, n, s, cand.name
		}
	}
	return best, bestName, bestOffsets, bestN, bestScore >= minScore
}

// mostlyUTF8 reports whether at least half of the bytes of data above
// ASCII belong to multi-byte UTF-8 sequences. In GBK or Big5 text they do
// only by chance, in a small share. A sequence is judged by the shape of
// its bytes alone (a lead byte and its continuation bytes), which is all
// the verdict needs. The first 4,096 bytes above ASCII decide it.
func mostlyUTF8(data []byte) bool {
	valid, high := 0, 0
	for i := 0; i < len(data) && high < 4096; {
		b := data[i]
		n := 0 // the length of a well-shaped sequence starting at i
		switch {
		case b < utf8.RuneSelf:
			i++
			continue
		case b >= 0xC2 && b <= 0xDF:
			n = 2
		case b >= 0xE0 && b <= 0xEF:
			n = 3
		case b >= 0xF0 && b <= 0xF4:
			n = 4
		}
		for k := 1; k < n; k++ {
			if i+k >= len(data) || data[i+k]&0xC0 != 0x80 {
				n = 0
				break
			}
		}
		if n == 0 {
			high++
			i++
			// decided: even if every byte left were UTF-8, the share
			// would stay under half
			if high-valid > valid+len(data)-i {
				return false
			}
			continue
		}
		valid += n
		high += n
		i += n
	}
	return high > 0 && 2*valid >= high
}

// minScore is the share of common characters among the Han characters
// (and of letters among the rest) a legacy decoding must reach. The
// reference articles score 0.73–0.77 read in their encoding and 0.00–0.08
// read in the wrong one (TestScoreSeparates).
const minScore = 0.3

const maxListed = 100

// score is the share of the decoded text's Han characters that are
// common ones.
func score(text []byte) float64 {
	han, hits := 0, 0
	if len(text) > 64<<10 {
		text = text[:64<<10] // the verdict is settled long before
	}
	for _, r := range string(text) {
		if r < utf8.RuneSelf {
			continue
		}
		if unicode.Is(unicode.Han, r) {
			han++
			if commonSet[r] {
				hits++
			}
		} else if !unicode.IsPunct(r) && !unicode.IsSpace(r) && !unicode.IsSymbol(r) {
			han++ // a non-Han letter in Chinese text is a sign of a wrong guess
		}
	}
	if han == 0 {
		return 0
	}
	return float64(hits) / float64(han)
}

// lenient decodes data with e, which must be GB18030 or Big5, replacing
// each invalid sequence with U+FFFD. It returns the text, the byte
// offsets of the first maxListed invalid sequences and their number; it
// gives up, with a nil text, at the (limit+1)th.
//
// A sequence is what the decoder reads as one character: a lead byte and
// a trail byte that map to no character are one sequence, one U+FFFD (a
// damaged character, such as GBK A3 FC "｜" whose trail byte lost its top
// bit: A3 7C). A byte that cannot start or continue a character is one on
// its own.
func lenient(e encoding.Encoding, data []byte, limit int) ([]byte, []int, int) {
	dec := e.NewDecoder()
	out := make([]byte, 0, len(data)+len(data)/2)
	var offsets []int
	n := 0
	var buf [utf8.UTFMax]byte
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf { // ASCII is itself in GB18030 and Big5
			j := i + 1
			for j < len(data) && data[j] < utf8.RuneSelf {
				j++
			}
			out = append(out, data[i:j]...)
			i = j
			continue
		}
		// Room for U+FFFD and no more: the decoder stops after one
		// character when it is U+FFFD (its sequence is then known), or
		// after what it can fit. A 4-byte character needs a 4-byte buffer.
		nDst, nSrc, err := dec.Transform(buf[:3], data[i:], true)
		if err == transform.ErrShortDst && nDst == 0 {
			nDst, nSrc, err = dec.Transform(buf[:4], data[i:], true)
		}
		if nSrc == 0 || (err != nil && err != transform.ErrShortDst) {
			nDst, nSrc = 0, 1 // cannot happen with these decoders; stay safe
		}
		r, _ := utf8.DecodeRune(buf[:nDst])
		if nDst > 0 && (r != utf8.RuneError || nSrc == 4) {
			// a character, or U+FFFD itself as GB18030 encodes it
			out = append(out, buf[:nDst]...)
			i += nSrc
			continue
		}
		out = append(out, "\uFFFD"...)
		if n < maxListed {
			offsets = append(offsets, i)
		}
		n++
		if n > limit {
			return nil, offsets, n
		}
		i += nSrc
	}
	return out, offsets, n
}

// strict decodes data with e and reports whether no byte was invalid.
func strict(e encoding.Encoding, data []byte) ([]byte, bool) {
	out, _, err := transform.Bytes(e.NewDecoder(), data)
	if err != nil {
		return nil, false
	}
	return out, !bytes.Contains(out, []byte("\uFFFD"))
}

// declared returns the charset an HTML <meta> tag declares in the first
// 1024 bytes, "" when there is none or it is UTF-8.
func declared(data []byte) string {
	head := data[:min(len(data), 1024)]
	if !containsCharset(head) {
		return ""
	}
	// DetermineEncoding falls back to sniffing when no tag declares a
	// charset: windows-1252 or utf-8, neither of which is a declaration
	// that matters here.
	_, name, _ := charset.DetermineEncoding(head, "text/html")
	switch name {
	case "windows-1252", "utf-8", "":
		return ""
	}
	return name
}

// invalid handles input that is none of the encodings: an error naming
// the first byte that is not UTF-8, or lossy UTF-8.
func invalid(data []byte, rep Report, base int, tried []string, c config) ([]byte, Report, error) {
	first := firstInvalid(data)
	if !c.lossy {
		return nil, rep, &Error{Offset: base + first, Line: lineOf(data, first), Tried: tried}
	}
	rep.Encoding = UTF8
	out := make([]byte, 0, len(data)+16)
	for i := 0; i < len(data); {
		// the valid sequences up to the next invalid byte, at once
		n := validPrefix(data[i:])
		out = append(out, data[i:i+n]...)
		i += n
		if i == len(data) {
			break
		}
		out = append(out, "\uFFFD"...)
		if rep.Replaced < maxListed {
			rep.Invalid = append(rep.Invalid, base+i)
		}
		rep.Replaced++
		i++
	}
	rep.FirstInvalid = base + first
	return out, rep, nil
}

// firstInvalid is the offset of the first byte of data that does not
// start a valid UTF-8 sequence.
func firstInvalid(data []byte) int { return validPrefix(data) }

// utf16Text decodes UTF-16 data with a byte order mark, replacing each
// unpaired surrogate and an odd last byte with U+FFFD. It returns the
// text, the byte offsets of the first maxListed replaced ones and how
// many there are in all.
func utf16Text(data []byte, little bool) ([]byte, []int, int) {
	out := make([]byte, 0, len(data)+len(data)/2)
	var offsets []int
	n := 0
	bad := func(i int) {
		out = append(out, "\uFFFD"...)
		if n < maxListed {
			offsets = append(offsets, i)
		}
		n++
	}
	unit := func(i int) uint16 {
		if little {
			return uint16(data[i+1])<<8 | uint16(data[i])
		}
		return uint16(data[i])<<8 | uint16(data[i+1])
	}
	i := 2
	for ; i+1 < len(data); i += 2 {
		switch u := unit(i); {
		case u >= 0xD800 && u < 0xDC00:
			if i+3 < len(data) {
				if v := unit(i + 2); v >= 0xDC00 && v <= 0xDFFF {
					out = utf8.AppendRune(out, utf16.DecodeRune(rune(u), rune(v)))
					i += 2
					continue
				}
			}
			bad(i)
		case u >= 0xDC00 && u <= 0xDFFF:
			bad(i)
		default:
			out = utf8.AppendRune(out, rune(u))
		}
	}
	if i < len(data) {
		bad(i)
	}
	return out, offsets, n
}

// lineOfUTF16 is the line, from 1, of byte offset off of UTF-16 data
// with a byte order mark.
func lineOfUTF16(data []byte, off int, little bool) int {
	line := 1
	for i := 2; i+1 < off && i+1 < len(data); i += 2 {
		if (little && data[i] == '\n' && data[i+1] == 0) || (!little && data[i] == 0 && data[i+1] == '\n') {
			line++
		}
	}
	return line
}

// lineOf is the line, from 1, of byte offset off.
func lineOf(data []byte, off int) int {
	return bytes.Count(data[:min(off, len(data))], []byte{'\n'}) + 1
}

// containsCharset reports whether b holds "charset" in any case.
func containsCharset(b []byte) bool {
	const word = "charset"
	// the word's first letter, in either case, found by a fast search
	for _, c := range [...]byte{'c', 'C'} {
		for i := 0; i+len(word) <= len(b); i++ {
			k := bytes.IndexByte(b[i:len(b)-len(word)+1], c)
			if k < 0 {
				break
			}
			i += k
			j := 1
			for j < len(word) && b[i+j]|0x20 == word[j] {
				j++
			}
			if j == len(word) {
				return true
			}
		}
	}
	return false
}

// hanCount is the number of Han characters in text.
func hanCount(text []byte) int {
	n := 0
	for _, r := range string(text) {
		if r >= 0x2E80 && unicode.Is(unicode.Han, r) {
			n++
		}
	}
	return n
}

package convert

import (
	"bytes"
	"unicode/utf8"
)

// normFilter finds, fast, text a normalization may change: OpenCC's
// configurations normalize the CJK compatibility ideographs (U+F900–U+FAFF,
// U+2F800–U+2FA1F), which ordinary text does not hold, and the whole text
// is not rewritten when it has none.
type normFilter struct {
	lead  []byte // the bytes some key starts with, beyond ASCII
	ascii bool   // some key starts with an ASCII byte
	g     *group
}

func newNormFilter(norm []*group) *normFilter {
	f := &normFilter{g: norm[0]}
	for _, g := range norm {
		for b, ok := range g.starts {
			switch {
			case !ok:
			case b < utf8.RuneSelf:
				f.ascii = true
			case bytes.IndexByte(f.lead, byte(b)) < 0:
				f.lead = append(f.lead, byte(b))
			}
		}
	}
	if len(norm) > 1 || len(f.lead) > 4 {
		f.ascii = true // not worth filtering: always normalize
	}
	return f
}

// may reports whether normalizing s may change it.
func (f *normFilter) may(s []byte) bool {
	if f.ascii {
		return true
	}
	for _, b := range f.lead {
		for i := 0; i < len(s); {
			j := bytes.IndexByte(s[i:], b)
			if j < 0 {
				break
			}
			i += j
			if n, _, open := f.g.match(s, i, len(s), -2); n > 0 || open {
				return true
			}
			i++
		}
	}
	return false
}

// normalize returns src normalized, or src itself when normalizing cannot
// change it.
func (c *Converter) normalize(src []byte) []byte {
	if c.norm == nil || !c.filter.may(src) {
		return src
	}
	return c.norm.Append(make([]byte, 0, len(src)+len(src)/8), src)
}

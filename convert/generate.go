package convert

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// The dictionaries OpenCC makes when it is built, by the rules of its
// data/scripts, written again here: Load makes them when only their
// sources are there, and the built-in tables are made with them.

// reverseText reverses a dictionary of variants (OpenCC's reverse.py): each
// value becomes a key whose values are the keys that gave it, in the order
// they come in the file, then every "@reverse-prefer: KEY [VALUE]"
// annotation moves VALUE to the front of KEY's values. The entries come
// sorted by key.
func reverseText(td *textDict) ([]textEntry, error) {
	index := map[string]int{}
	var rev []textEntry
	for _, e := range td.entries {
		for _, v := range e.values {
			i, ok := index[v]
			if !ok {
				i = len(rev)
				index[v] = i
				rev = append(rev, textEntry{key: v})
			}
			rev[i].values = append(rev[i].values, e.key)
		}
	}
	for _, p := range td.prefer {
		i, ok := index[p.key]
		if !ok {
			return nil, fmt.Errorf("convert: %s:%d: @reverse-prefer: %q is no value of the dictionary", td.name, p.line, p.key)
		}
		at := slices.Index(rev[i].values, p.value)
		if at < 0 {
			return nil, fmt.Errorf("convert: %s:%d: @reverse-prefer: %q is not among the keys that give %q", td.name, p.line, p.value, p.key)
		}
		vs := rev[i].values
		rev[i].values = append([]string{p.value}, append(vs[:at:at], vs[at+1:]...)...)
	}
	slices.SortStableFunc(rev, func(a, b textEntry) int { return strings.Compare(a.key, b.key) })
	return rev, nil
}

// tofuRiskOf extracts the entries a "@tofu-risk" comment marks
// (OpenCC's extract_tofu_risk.py), without the key among their values: the
// character conversions whose results common fonts may lack.
func tofuRiskOf(td *textDict) ([]textEntry, error) {
	var out []textEntry
	for _, e := range td.entries {
		if !e.tofuRisk {
			continue
		}
		values := e.values
		if values[0] == e.key {
			values = values[1:]
		}
		if len(values) == 0 {
			return nil, fmt.Errorf("convert: %s:%d: @tofu-risk entry %q has no value but itself", td.name, e.line, e.key)
		}
		out = append(out, textEntry{key: e.key, values: values})
	}
	return out, nil
}

// regionalPhrases makes OpenCC's STPhrases_GeneratedFromRegionalPhrases
// (generate_st_phrases_from_regional_phrases.py): the keys of the regional
// phrase dictionaries (Hong Kong's, then Taiwan's), converted to Simplified
// with t2s, each mapped back to the key it came from, so that Simplified
// input spans a regional phrase whole. Conversions shorter than three
// characters are left out: they could split longer words. Two keys that
// convert alike are an error.
func regionalPhrases(t2s *Converter, sources ...*textDict) ([]textEntry, error) {
	index := map[string]int{}
	var out []textEntry
	for _, td := range sources {
		for _, e := range td.entries {
			s := t2s.String(e.key)
			if utf8.RuneCountInString(s) < 3 {
				continue
			}
			i, ok := index[s]
			if !ok {
				index[s] = len(out)
				out = append(out, textEntry{key: s, values: []string{e.key}})
				continue
			}
			if prev := out[i].values[0]; prev != e.key {
				return nil, fmt.Errorf("convert: %s:%d: %q and %q both convert to %q", td.name, e.line, prev, e.key, s)
			}
		}
	}
	slices.SortFunc(out, func(a, b textEntry) int { return strings.Compare(a.key, b.key) })
	return out, nil
}

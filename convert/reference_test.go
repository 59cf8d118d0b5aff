package convert

import (
	"os"
	"path"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

// The reference is OpenCC 1.4's algorithm written plainly, over maps read
// from the OpenCC sources in opencc/: normalization over the whole text,
// then maximum-match segmentation, then each segment through every step;
// at each position the longest key (a union group takes the longest over
// its members, the earlier winning a tie; a short-circuit group the first
// member that matches), else a whole ideographic description sequence,
// else one character. The package's tables, filters and shortcuts must
// give exactly what it gives.

type refNode struct {
	m      map[string]string // a dictionary
	maxLen int
	union  bool
	kids   []*refNode // a group
}

func (n *refNode) match(s string) (int, string) {
	if n.m != nil {
		for l := min(n.maxLen, len(s)); l > 0; l-- {
			if v, ok := n.m[s[:l]]; ok && (l == len(s) || utf8.RuneStart(s[l])) {
				return l, v
			}
		}
		return 0, ""
	}
	best, val := 0, ""
	for _, k := range n.kids {
		l, v := k.match(s)
		if !n.union && l > 0 {
			return l, v
		}
		if l > best {
			best, val = l, v
		}
	}
	return best, val
}

type reference struct {
	norm, chain []*refNode
	seg         *refNode
}

var refSources = struct {
	sync.Mutex
	m map[string]map[string]string
}{m: map[string]map[string]string{}}

// refDict reads a source dictionary (or makes a generated one) as a map.
func refDict(t testing.TB, name string) map[string]string {
	refSources.Lock()
	defer refSources.Unlock()
	if m, ok := refSources.m[name]; ok {
		return m
	}
	var entries []textEntry
	if rule := generated(name); rule != nil {
		l := &loader{fsys: os.DirFS("opencc"), dir: "config", cfg: &config{file: "config/x.json"}, files: map[string]*dict{}, unions: map[string]*dict{}}
		var err error
		refSources.Unlock()
		entries, err = rule(l, &cfgDict{file: name + ".ocd2"})
		refSources.Lock()
		if err != nil {
			t.Fatal(err)
		}
	} else {
		data, err := os.ReadFile(path.Join("opencc/dictionary", name+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		td, err := parseText(name, data)
		if err != nil {
			t.Fatal(err)
		}
		entries = td.entries
	}
	m := map[string]string{}
	for _, e := range entries {
		m[e.key] = e.values[0]
	}
	refSources.m[name] = m
	return m
}

func newReference(t testing.TB, config string, tofu bool) *reference {
	t.Helper()
	data, err := os.ReadFile("opencc/config/" + config + ".json")
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := parseConfig(config, data)
	if err != nil {
		t.Fatal(err)
	}
	var node func(cd *cfgDict, tofu bool) *refNode
	node = func(cd *cfgDict, tofu bool) *refNode {
		if cd.tofu && !tofu {
			return nil
		}
		if cd.typ == "group" {
			g := &refNode{union: cd.union}
			for _, k := range cd.dicts {
				if n := node(k, tofu); n != nil {
					g.kids = append(g.kids, n)
				}
			}
			if len(g.kids) == 0 {
				return nil
			}
			return g
		}
		m := refDict(t, strings.TrimSuffix(cd.file, path.Ext(cd.file)))
		n := &refNode{m: m}
		for k := range m {
			n.maxLen = max(n.maxLen, len(k))
		}
		return n
	}
	r := &reference{}
	for _, cd := range cfg.norm {
		if n := node(cd, tofu); n != nil {
			r.norm = append(r.norm, n)
		}
	}
	for _, cd := range cfg.chain {
		if n := node(cd, tofu); n != nil {
			r.chain = append(r.chain, n)
		}
	}
	if cfg.seg != nil {
		r.seg = node(cfg.seg, true)
	}
	return r
}

// unit is the length of what an unmatched position copies: a whole
// ideographic description sequence or one character.
func unit(s string) int {
	if n, _ := idsLen([]byte(s), 0); n > 0 {
		return n
	}
	_, size := utf8.DecodeRuneInString(s)
	return size
}

func refStep(s string, n *refNode) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		if l, v := n.match(s[i:]); l > 0 {
			b.WriteString(v)
			i += l
			continue
		}
		u := unit(s[i:])
		b.WriteString(s[i : i+u])
		i += u
	}
	return b.String()
}

func (r *reference) convert(s string) string {
	// invalid bytes become U+FFFD one by one, as the package writes them
	var clean strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size <= 1 {
			clean.WriteString("\uFFFD")
		} else {
			clean.WriteString(s[i : i+size])
		}
		i += max(size, 1)
	}
	s = clean.String()
	for _, n := range r.norm {
		s = refStep(s, n)
	}
	var segs []string
	if r.seg == nil {
		segs = []string{s}
	} else {
		run := 0
		for i := 0; i < len(s); {
			if l, _ := r.seg.match(s[i:]); l > 0 {
				if run < i {
					segs = append(segs, s[run:i])
				}
				segs = append(segs, s[i:i+l])
				i += l
				run = i
				continue
			}
			i += unit(s[i:])
		}
		if run < len(s) {
			segs = append(segs, s[run:])
		}
	}
	var out strings.Builder
	for _, seg := range segs {
		for _, n := range r.chain {
			seg = refStep(seg, n)
		}
		out.WriteString(seg)
	}
	return out.String()
}

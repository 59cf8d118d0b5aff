package convert

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"

	"github.com/liuzl/da"
	"github.com/liuzl/gocc"

	testseeds "github.com/cnnews/cnnews/internal/seeds"
)

// reference is OpenCC's algorithm written plainly over gocc's own
// dictionaries and their PrefixMatch: segment by longest match of the
// segmentation dictionary, then convert each segment through every step,
// the first dictionary of a group with any match winning with its longest
// key.
type reference struct {
	seg   []*da.Dict
	chain [][]*da.Dict
}

func newReference(t testing.TB, config string) *reference {
	t.Helper()
	cc, err := gocc.New(config)
	if err != nil {
		t.Fatal(err)
	}
	ref := &reference{}
	for _, g := range cc.DictChains {
		ref.chain = append(ref.chain, g.Dicts)
		for i, f := range g.Files {
			if f == builtinSeg[config] && ref.seg == nil {
				ref.seg = []*da.Dict{g.Dicts[i]}
			}
		}
	}
	return ref
}

func longestRef(t testing.TB, dicts []*da.Dict, s string) (int, string) {
	for _, d := range dicts {
		m, err := d.PrefixMatch(s)
		if err != nil {
			t.Fatal(err)
		}
		best, out := 0, ""
		for k, v := range m {
			if len(k) > best {
				best, out = len(k), v[0]
			}
		}
		if best > 0 {
			return best, out
		}
	}
	return 0, ""
}

func (r *reference) convert(t testing.TB, s string) string {
	var segs []string
	run := 0
	for i := 0; i < len(s); {
		n, _ := longestRef(t, r.seg, s[i:])
		if n == 0 {
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
			continue
		}
		if run < i {
			segs = append(segs, s[run:i])
		}
		segs = append(segs, s[i:i+n])
		i += n
		run = i
	}
	if run < len(s) {
		segs = append(segs, s[run:])
	}
	var out strings.Builder
	for _, seg := range segs {
		for _, g := range r.chain {
			var b strings.Builder
			for i := 0; i < len(seg); {
				if n, v := longestRef(t, g, seg[i:]); n > 0 {
					b.WriteString(v)
					i += n
					continue
				}
				_, size := utf8.DecodeRuneInString(seg[i:])
				b.WriteString(seg[i : i+size])
				i += size
			}
			seg = b.String()
		}
		out.WriteString(seg)
	}
	return out.String()
}

// segmentationIrrelevant reports configurations where gocc's Convert, which
// does not segment, must agree with OpenCC: the first step's first
// dictionary is the segmentation dictionary and every later dictionary
// holds single characters only.
func segmentationIrrelevant(c *Converter) bool {
	if c.chain[0].dicts[0] != c.seg.dicts[0] {
		return false
	}
	for k, g := range c.chain {
		for j, d := range g.dicts {
			if (k > 0 || j > 0) && d.maxRunes() != 1 {
				return false
			}
		}
	}
	return true
}

// seeds returns the reference articles by file name ("000.txt" …).
func seeds(t testing.TB) map[string]string {
	m := map[string]string{}
	for k, v := range testseeds.Load(t) {
		m[k+".txt"] = v
	}
	return m
}

// keysOf returns some keys of a gocc dictionary, for generated text.
func keysOf(d *da.Dict, limit int) []string {
	var keys []string
	for _, id := range d.Trie.PrefixPredict(nil, limit) {
		if k, err := d.Trie.Key(id); err == nil && utf8.Valid(k) {
			keys = append(keys, string(k))
		}
	}
	return keys
}

// generated returns random mixes of dictionary keys, Han characters, ASCII
// and punctuation.
func generated(t testing.TB, config string, n int) []string {
	cc, err := gocc.New(config)
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, g := range cc.DictChains {
		for _, d := range g.Dicts {
			keys = append(keys, keysOf(d, 3000)...)
		}
	}
	pieces := []string{"，", "。", " ", "\n", "abc", "2022", "(", ")", "“", "”", "中", "国", "發", "后", "里", "面", "干", "了"}
	rng := rand.New(rand.NewPCG(1, uint64(len(config))))
	var out []string
	for range n {
		var b strings.Builder
		for range 5 + rng.IntN(60) {
			if rng.IntN(3) > 0 {
				b.WriteString(keys[rng.IntN(len(keys))])
			} else {
				b.WriteString(pieces[rng.IntN(len(pieces))])
			}
		}
		out = append(out, b.String())
	}
	return out
}

func TestEqualsReference(t *testing.T) {
	articles := seeds(t)
	for _, name := range Configs() {
		t.Run(name, func(t *testing.T) {
			c := MustNew(name)
			ref := newReference(t, name)
			for file, s := range articles {
				if got, want := c.String(s), ref.convert(t, s); got != want {
					t.Errorf("%s: differs from the reference at byte %d", file, firstDiff(got, want))
				}
			}
			for _, s := range generated(t, name, 300) {
				if got, want := c.String(s), ref.convert(t, s); got != want {
					t.Fatalf("%q:\ngot  %q\nwant %q", s, got, want)
				}
			}
		})
	}
}

func TestEqualsGocc(t *testing.T) {
	articles := seeds(t)
	compared := 0
	for _, name := range Configs() {
		c := MustNew(name)
		if !segmentationIrrelevant(c) {
			continue
		}
		compared++
		cc, err := gocc.New(name)
		if err != nil {
			t.Fatal(err)
		}
		inputs := generated(t, name, 300)
		for _, s := range articles {
			inputs = append(inputs, s)
		}
		for _, s := range inputs {
			want, err := cc.Convert(s)
			if err != nil {
				t.Fatal(err)
			}
			if got := c.String(s); got != want {
				t.Fatalf("%s: %.80q…: differs from gocc at byte %d", name, s, firstDiff(got, want))
			}
		}
	}
	if compared < 5 {
		t.Errorf("compared %d configurations with gocc, want s2t, t2s, s2tw, t2tw, t2hk", compared)
	}
}

// TestSegmentation shows where OpenCC's segmentation changes the result
// of a multi-step configuration, and that the converter follows it.
func TestSegmentation(t *testing.T) {
	for _, tc := range []struct{ config, in, want string }{
		{"s2twp", "较低级别的软件", "較低級別的軟體"},
		{"s2twp", "鼠标和内存", "滑鼠和記憶體"},
		{"tw2sp", "滑鼠和記憶體", "鼠标和内存"},
		{"s2t", "了解一下", "瞭解一下"},
		{"t2s", "瞭解一下", "了解一下"},
	} {
		if got := MustNew(tc.config).String(tc.in); got != tc.want {
			t.Errorf("%s(%q) = %q, want %q", tc.config, tc.in, got, tc.want)
		}
	}
}

// TestDirect checks which configurations skip segmentation: those of one
// step that starts with the segmentation dictionary, s2tw among them once
// its Taiwan variants are folded into its first step.
func TestDirect(t *testing.T) {
	for name, want := range map[string]bool{"s2t": true, "t2s": true, "s2tw": true, "t2tw": true, "t2hk": true, "s2twp": false, "tw2sp": false, "s2hk": false} {
		if got := MustNew(name).direct; got != want {
			t.Errorf("%s: direct %v, want %v", name, got, want)
		}
	}
}

func TestUnknownConfig(t *testing.T) {
	_, err := New("s2x")
	if err == nil || !strings.Contains(err.Error(), `"s2x"`) || !strings.Contains(err.Error(), "s2twp") {
		t.Errorf("error %v: want one naming s2x and listing the valid names", err)
	}
}

func TestInvalidUTF8(t *testing.T) {
	got := MustNew("s2t").String("发\xff财\xe4\xb8")
	if got != "發\uFFFD財\uFFFD\uFFFD" {
		t.Errorf("got %q", got)
	}
	if !utf8.ValidString(got) {
		t.Errorf("invalid UTF-8 out: %q", got)
	}
}

func TestStreamEqualsOneShot(t *testing.T) {
	articles := seeds(t)
	big := strings.Repeat(articles["002.txt"], 40) // ~340 KB, several chunks
	for _, name := range []string{"s2t", "s2tw", "s2twp", "tw2sp", "hk2s"} {
		c := MustNew(name)
		for _, s := range []string{big, articles["004.txt"], strings.Repeat("较低级别的软件鼠标", 30000)} {
			want := c.String(s)
			for _, r := range []func() *strings.Reader{func() *strings.Reader { return strings.NewReader(s) }} {
				var out bytes.Buffer
				if _, err := c.Convert(&out, iotest.HalfReader(r())); err != nil {
					t.Fatal(err)
				}
				if out.String() != want {
					t.Errorf("%s: stream differs from one-shot at byte %d", name, firstDiff(out.String(), want))
				}
			}
			var out bytes.Buffer
			if _, err := c.Convert(&out, iotest.OneByteReader(strings.NewReader(s[:min(len(s), 20000)]))); err != nil {
				t.Fatal(err)
			}
			if out.String() != c.String(s[:min(len(s), 20000)]) {
				t.Errorf("%s: one-byte reads differ", name)
			}
		}
	}
}

func TestConcurrentUse(t *testing.T) {
	s := seeds(t)["000.txt"]
	c := MustNew("s2twp")
	want := c.String(s)
	done := make(chan bool)
	for range 8 {
		go func() {
			ok := true
			for range 20 {
				ok = ok && MustNew("s2twp").String(s) == want
			}
			done <- ok
		}()
	}
	for range 8 {
		if !<-done {
			t.Error("concurrent conversions differ")
		}
	}
}

// TestSharedDictionaries builds every configuration at once from one
// fresh dictionary cache, as concurrent first calls of New do (run it
// with -race), and checks each against the process's own.
func TestSharedDictionaries(t *testing.T) {
	var cache dictCache
	s := seeds(t)["000.txt"] + seeds(t)["001.txt"]
	names := Configs()
	errs := make(chan error, 2*len(names))
	for range 2 {
		for _, name := range names {
			go func() {
				c, err := build(name, cache.get)
				if err == nil && c.String(s) != MustNew(name).String(s) {
					err = fmt.Errorf("%s: differs from New's", name)
				}
				errs <- err
			}()
		}
	}
	for range 2 * len(names) {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
	st, _ := cache.get("STPhrases.txt")
	if c, _ := build("s2t", cache.get); &c.seg.dicts[0].n[0] != &st.n[0] {
		t.Error("s2t does not share the cached STPhrases trie")
	}
}

func firstDiff(a, b string) int {
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

// TestBeyondThePlane converts the keys that start beyond the Basic
// Multilingual Plane (STCharacters has about a thousand, such as 𫍯),
// which the per-character tables and first-character filters leave to
// the full lookup, next to characters and keys inside the plane.
func TestBeyondThePlane(t *testing.T) {
	for _, name := range Configs() {
		t.Run(name, func(t *testing.T) {
			c := MustNew(name)
			var hi, lo []string
			seen := map[*dict]bool{}
			for _, g := range append([]*group{c.seg}, c.chain...) {
				for _, d := range g.dicts {
					if seen[d] {
						continue
					}
					seen[d] = true
					d.walk(func(key []byte, _ int32) {
						if r, _ := utf8.DecodeRune(key); r >= 0x10000 {
							hi = append(hi, string(key))
						} else if len(lo) < 2000 {
							lo = append(lo, string(key))
						}
					})
				}
			}
			if name == "s2t" && len(hi) < 500 {
				t.Fatalf("s2t has %d keys beyond the plane, want STCharacters' ~1000", len(hi))
			}
			ref := newReference(t, name)
			var b strings.Builder
			for i, k := range hi {
				b.WriteString(k)
				if len(lo) > 0 && i%3 == 0 {
					b.WriteString(lo[i%len(lo)])
				}
				if i%50 == 49 {
					s := b.String()
					if got, want := c.String(s), ref.convert(t, s); got != want {
						t.Fatalf("%q:\ngot  %q\nwant %q", s, got, want)
					}
					b.Reset()
				}
			}
			s := b.String()
			if got, want := c.String(s), ref.convert(t, s); got != want {
				t.Fatalf("%q:\ngot  %q\nwant %q", s, got, want)
			}
		})
	}
}

// TestControlBytes keeps control bytes where they are, as OpenCC does
// (gocc's trie reads "\x01臏" as the key 臏 and drops the byte).
func TestControlBytes(t *testing.T) {
	if got, want := MustNew("t2s").String("瀂\x01臏\x00發"), "澛\x01膑\x00发"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

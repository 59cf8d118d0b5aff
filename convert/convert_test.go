package convert

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"

	testseeds "github.com/cnnews/cnnews/internal/seeds"
)

// seeds returns the reference articles by file name ("000.txt" …).
func seeds(t testing.TB) map[string]string {
	m := map[string]string{}
	for k, v := range testseeds.Load(t) {
		m[k+".txt"] = v
	}
	return m
}

// keysOf returns the keys of the dictionaries a configuration names,
// for generated text: every key of the small ones, a sample of the large.
func keysOf(t testing.TB, config string) []string {
	data, err := builtinFS.ReadFile("opencc/config/" + config + ".json")
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := parseConfig(config, data)
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	var walk func(cd *cfgDict)
	walk = func(cd *cfgDict) {
		for _, k := range cd.dicts {
			walk(k)
		}
		if cd.typ != "group" {
			m := refDict(t, strings.TrimSuffix(cd.file, ".ocd2"))
			var ks []string
			for k := range m {
				ks = append(ks, k)
			}
			slices.Sort(ks)
			step := max(1, len(ks)/3000)
			for i := 0; i < len(ks); i += step {
				keys = append(keys, ks[i])
			}
		}
	}
	for _, cd := range append(append(cfg.norm, cfg.chain...), cfg.seg) {
		if cd != nil {
			walk(cd)
		}
	}
	return keys
}

// mixes returns random mixes of dictionary keys, Han characters, ASCII
// and punctuation.
func mixes(t testing.TB, config string, n int) []string {
	keys := keysOf(t, config)
	pieces := []string{"，", "。", " ", "\n", "abc", "2022", "(", ")", "“", "”", "中", "国", "發", "后", "里", "面", "干", "了", "⿰", "⿱氵", "\uF900", "\U0002F800", "㑮"}
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
		for _, tofu := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/tofu=%v", name, tofu), func(t *testing.T) {
				var opts []Option
				if tofu {
					opts = append(opts, IncludeTofuRisk())
				}
				c := MustNew(name, opts...)
				ref := newReference(t, name, tofu)
				for file, s := range articles {
					if got, want := c.String(s), ref.convert(s); got != want {
						t.Errorf("%s: differs from the reference at byte %d", file, firstDiff(got, want))
					}
				}
				for _, s := range mixes(t, name, 300) {
					if got, want := c.String(s), ref.convert(s); got != want {
						t.Fatalf("%q:\ngot  %q\nwant %q", s, got, want)
					}
				}
			})
		}
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
		{"s2twp", "调制解调器", "數據機"},
		{"s2t", "抑制胚胎发育", "抑制胚胎發育"},
		{"s2twp", "海内存知己", "海內存知己"},
		{"t2s", "乾安縣", "乾安县"},
		{"tw2s", "什麼", "什么"},
		{"s2t", "口吃", "口吃"},
	} {
		if got := MustNew(tc.config).String(tc.in); got != tc.want {
			t.Errorf("%s(%q) = %q, want %q", tc.config, tc.in, got, tc.want)
		}
	}
}

// TestDirect checks which configurations convert in one pass: those
// without segmentation and one step, and those of one step that starts
// with the segmentation dictionary, s2tw among them once its Taiwan
// variants are folded into its first step.
func TestDirect(t *testing.T) {
	for name, want := range map[string]bool{"s2t": true, "t2s": true, "s2tw": false, "t2tw": true, "t2hk": true, "jp2t": true, "s2twp": false, "tw2sp": false, "s2hk": false} {
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
				c, err := loadBuiltin(name, options{}, cache.get)
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
	st, _ := cache.get("STCharacters")
	if c, _ := loadBuiltin("s2t", options{}, cache.get); !slices.ContainsFunc(c.chain[0].dicts, func(d *dict) bool { return &d.n[0] == &st.n[0] }) {
		t.Error("s2t does not share the cached STCharacters trie")
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
			groups := c.chain
			if c.seg != nil {
				groups = append([]*group{c.seg}, groups...)
			}
			for _, g := range groups {
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
			ref := newReference(t, name, false)
			var b strings.Builder
			for i, k := range hi {
				b.WriteString(k)
				if len(lo) > 0 && i%3 == 0 {
					b.WriteString(lo[i%len(lo)])
				}
				if i%50 == 49 {
					s := b.String()
					if got, want := c.String(s), ref.convert(s); got != want {
						t.Fatalf("%q:\ngot  %q\nwant %q", s, got, want)
					}
					b.Reset()
				}
			}
			s := b.String()
			if got, want := c.String(s), ref.convert(s); got != want {
				t.Fatalf("%q:\ngot  %q\nwant %q", s, got, want)
			}
		})
	}
}

// TestControlBytes keeps control bytes where they are, as OpenCC does.
func TestControlBytes(t *testing.T) {
	if got, want := MustNew("t2s").String("瀂\x01臏\x00發"), "澛\x01膑\x00发"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestConvertParallel converts several MiB, with and without line
// breaks, with ideographic description sequences and compatibility
// ideographs, on several goroutines (run it with -race): the output is
// Convert's, for every configuration shape.
func TestConvertParallel(t *testing.T) {
	articles := seeds(t)
	var b strings.Builder
	for b.Len() < 5<<20 {
		for _, name := range []string{"000.txt", "001.txt", "002.txt", "004.txt"} {
			b.WriteString(articles[name])
		}
		b.WriteString("⿰讠\n吾\uF900调制解调器")
	}
	long := strings.ReplaceAll(b.String(), "\n", "") // few places to cut
	for _, name := range []string{"s2t", "s2twp", "tw2sp", "t2s", "hk2s"} {
		c := MustNew(name)
		for _, s := range []string{b.String(), long, "", "发"} {
			var want, got bytes.Buffer
			if _, err := c.Convert(&want, strings.NewReader(s)); err != nil {
				t.Fatal(err)
			}
			n, err := c.ConvertParallel(&got, iotest.HalfReader(strings.NewReader(s)), 4)
			if err != nil || n != int64(got.Len()) {
				t.Fatalf("%s: %d bytes, %v", name, n, err)
			}
			if got.String() != want.String() {
				t.Errorf("%s: %d bytes in: differs from Convert at byte %d", name, len(s), firstDiff(got.String(), want.String()))
			}
		}
	}
}

type failWriter struct{ n int }

func (f *failWriter) Write(p []byte) (int, error) {
	if f.n++; f.n > 1 {
		return 0, fmt.Errorf("disk full")
	}
	return len(p), nil
}

// TestConvertParallelWriteError stops at the first failed write and
// reports it.
func TestConvertParallelWriteError(t *testing.T) {
	s := strings.Repeat(seeds(t)["000.txt"], 400) // several pieces
	n, err := MustNew("s2t").ConvertParallel(&failWriter{}, strings.NewReader(s), 3)
	if err == nil || err.Error() != "disk full" || n == 0 || n >= int64(len(s)) {
		t.Errorf("wrote %d bytes, error %v: want the first piece and the write error", n, err)
	}
}

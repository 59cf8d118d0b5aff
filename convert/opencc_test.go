package convert

import (
	"bytes"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// openccData finds Debian's opencc and libopencc-data, or skips the test
// saying why.
func openccData(t *testing.T) (opencc, dataDir string) {
	t.Helper()
	opencc, err := exec.LookPath("opencc")
	if err != nil {
		t.Skip("opencc is not installed (apt-get install opencc; .ci/run installs it): differential test skipped")
	}
	if _, err := exec.LookPath("opencc_dict"); err != nil {
		t.Skip("opencc_dict is not installed (apt-get install opencc): differential test skipped")
	}
	for _, dir := range []string{"/usr/share/opencc", "/usr/local/share/opencc"} {
		if _, err := os.Stat(filepath.Join(dir, "s2t.json")); err == nil {
			return opencc, dir
		}
	}
	t.Skip("OpenCC's data (libopencc-data) is not installed: differential test skipped")
	return "", ""
}

// exportData turns OpenCC's binary dictionaries into text beside copies of
// its configurations, the layout Load reads, and returns that directory
// and the names of the configurations (the ten built in and OpenCC's
// others, such as hk2t and jp2t).
func exportData(t *testing.T, dataDir string) (string, []string) {
	t.Helper()
	tmp := t.TempDir()
	ocd2, _ := filepath.Glob(filepath.Join(dataDir, "*.ocd2"))
	if len(ocd2) == 0 {
		t.Fatalf("no .ocd2 dictionaries in %s", dataDir)
	}
	for _, f := range ocd2 {
		out := filepath.Join(tmp, strings.TrimSuffix(filepath.Base(f), ".ocd2")+".txt")
		if b, err := exec.Command("opencc_dict", "-i", f, "-o", out, "-f", "ocd2", "-t", "text").CombinedOutput(); err != nil {
			t.Fatalf("opencc_dict %s: %v\n%s", f, err, b)
		}
	}
	var names []string
	configs, _ := filepath.Glob(filepath.Join(dataDir, "*.json"))
	for _, f := range configs {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(tmp, filepath.Base(f)), b, 0o644); err != nil {
			t.Fatal(err)
		}
		names = append(names, strings.TrimSuffix(filepath.Base(f), ".json"))
	}
	return tmp, names
}

// debianKeysText returns text made of the keys and first values of every
// exported dictionary in textDir, in a fixed shuffled order, with
// punctuation, spaces, line breaks and common characters between some of
// them, just under OpenCC's 1 MiB block: every phrase of the current data
// is met, next to others it may overlap.
func debianKeysText(t *testing.T, textDir string) string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(textDir, "*.txt"))
	var words []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(b), "\n") {
			key, values, ok := strings.Cut(line, "\t")
			if !ok {
				continue
			}
			first, _, _ := strings.Cut(values, " ")
			words = append(words, key, first)
		}
	}
	return shuffled(words, 11)
}

// shuffled joins words in a fixed shuffled order (seeded by seed), with
// punctuation, spaces, line breaks and common characters between some of
// them, up to just under OpenCC's 1 MiB block.
func shuffled(words []string, seed uint64) string {
	rng := rand.New(rand.NewPCG(seed, 11))
	rng.Shuffle(len(words), func(i, j int) { words[i], words[j] = words[j], words[i] })
	seps := []string{"", "", "", "，", "。", " ", "\n", "的", "了", "a1", "“", "”"}
	var b strings.Builder
	for _, w := range words {
		if b.Len()+len(w)+8 > 1000<<10 {
			break
		}
		b.WriteString(w)
		b.WriteString(seps[rng.IntN(len(seps))])
	}
	return b.String()
}

// corpus returns the reference articles and one generated file of more
// than 500 KB (under OpenCC's 1 MiB block).
func corpus(t *testing.T) map[string]string {
	inputs := seeds(t)
	var b strings.Builder
	for b.Len() < 600<<10 {
		for _, s := range inputs {
			b.WriteString(s)
			b.WriteByte('\n')
		}
		for _, cfg := range []string{"s2t", "t2s", "s2twp", "tw2sp"} {
			for _, s := range mixes(t, cfg, 60) {
				b.WriteString(s)
				b.WriteByte('\n')
			}
		}
	}
	if b.Len() >= 1<<20 {
		t.Fatalf("corpus of %d bytes: must stay under OpenCC's 1 MiB block", b.Len())
	}
	inputs["corpus.txt"] = b.String()
	return inputs
}

// TestOpenCC converts the reference articles, a generated corpus and a
// text of every key of Debian's dictionaries (OpenCC 1.1) with Debian's
// opencc and with Load on the same data, read both as shipped (.ocd2)
// and exported to text, for every configuration Debian ships: the outputs
// must be identical.
func TestOpenCC(t *testing.T) {
	opencc, dataDir := openccData(t)
	textDir, configs := exportData(t, dataDir)
	inputs := corpus(t)
	inputs["keys.txt"] = debianKeysText(t, textDir)
	for name, s := range inputs {
		// OpenCC 1.1 splits ideographic description sequences (⿰讠吾),
		// which OpenCC 1.4 keeps whole, as this package does
		inputs[name] = strings.Map(func(r rune) rune {
			if r >= 0x2FF0 && r <= 0x2FFF {
				return -1
			}
			return r
		}, s)
	}
	work := t.TempDir()
	total := 0
	for name, s := range inputs {
		if err := os.WriteFile(filepath.Join(work, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		total += len(s)
	}
	if total < 500<<10 {
		t.Fatalf("differential corpus is %d bytes, want at least 500 KB", total)
	}
	for _, cfg := range configs {
		t.Run(cfg, func(t *testing.T) {
			c, err := LoadDir(textDir, cfg)
			if err != nil {
				t.Fatal(err)
			}
			shipped, err := LoadDir(dataDir, cfg)
			if err != nil {
				t.Fatal(err)
			}
			for name, s := range inputs {
				out := filepath.Join(work, cfg+"-"+name)
				cmd := exec.Command(opencc, "-c", filepath.Join(dataDir, cfg+".json"), "-i", filepath.Join(work, name), "-o", out)
				if b, err := cmd.CombinedOutput(); err != nil {
					t.Fatalf("opencc: %v\n%s", err, b)
				}
				want, err := os.ReadFile(out)
				if err != nil {
					t.Fatal(err)
				}
				if got := shipped.String(s); got != string(want) {
					t.Errorf("%s: the .ocd2 data differs from opencc at byte %d", name, firstDiff(got, string(want)))
				}
				if got := c.String(s); got != string(want) {
					i := firstDiff(got, string(want))
					t.Errorf("%s: differs from opencc at byte %d: got %q, opencc %q", name, i,
						got[max(0, i-30):min(len(got), i+30)], want[max(0, i-30):min(len(want), i+30)])
				}
				var streamed bytes.Buffer
				if _, err := c.Convert(&streamed, strings.NewReader(s)); err != nil || streamed.String() != string(want) {
					t.Errorf("%s: streamed output differs from opencc (%v)", name, err)
				}
			}
		})
	}
}

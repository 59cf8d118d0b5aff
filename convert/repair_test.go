package convert

import (
	"hash/fnv"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

// TestRepairSeed repairs the reference article that a converter turned
// into Traditional character by character (004): every wrong choice in it
// that OpenCC's s2t gets right is fixed, and nothing else changes.
func TestRepairSeed(t *testing.T) {
	in := seeds(t)["004.txt"]
	out, n := Repair(in)
	for _, bad := range []string{"全麵", "麵臨", "機製", "製定", "薑四清", "複工", "反複", "淩晨", "眾誌成城", "聯係", "什麽", "麵對麵", "路麵", "麵前", "一麵"} {
		if strings.Contains(out, bad) {
			t.Errorf("%s is still there", bad)
		}
	}
	// every change is one of those words' characters, fixed
	fixed := map[[2]rune]bool{}
	for _, p := range []string{"麵面", "製制", "薑姜", "複復", "複覆", "淩凌", "誌志", "係繫", "麽麼"} {
		r := []rune(p)
		fixed[[2]rune{r[0], r[1]}] = true
	}
	a, b := []rune(in), []rune(out)
	if len(a) != len(b) {
		t.Fatalf("%d characters in, %d out", len(a), len(b))
	}
	changes := 0
	for i := range a {
		if a[i] != b[i] {
			changes++
			if !fixed[[2]rune{a[i], b[i]}] {
				t.Errorf("%s → %s: not a fix", string(a[max(0, i-3):min(len(a), i+3)]), string(b[max(0, i-3):min(len(b), i+3)]))
			}
		}
	}
	if changes != n || n != 27 {
		t.Errorf("Repair reported %d changes, made %d; want the 27 fixes", n, changes)
	}
	t.Logf("seed 004: %d characters fixed, 青鍾村 kept (OpenCC's s2t writes 鍾 there too)", n)
}

// TestRepairKeeps shows text Repair must leave alone.
func TestRepairKeeps(t *testing.T) {
	for _, s := range []string{
		"",
		"台灣的米麵製品，裡面為什麼這麼好吃？",         // variants and correct rarer forms
		"香港的發展：於是他說，「這是對的」。",         // Hong Kong text
		"于是他说，发展是硬道理。",               // Simplified text
		"臺灣、台灣都對；發布、發佈也都常見。",         // variants either way
		"他在頭髮上打了結,(朔州)15:11 LED ok!", // ASCII punctuation and Latin
		"乾隆皇帝吃了一碗麵條，又吃了乾麵。",
	} {
		if got, n := Repair(s); got != s || n != 0 {
			t.Errorf("Repair(%q) = %q, %d changes", s, got, n)
		}
	}
}

// badConverter converts Simplified text character by character, as
// careless converters do, with a table made by reversing a Traditional to
// Simplified one (OpenCC's): a character of several Traditional forms
// other than itself takes one of them, chosen by a hash of the character
// (a fixed table, as most such converters have) or at random at each
// occurrence. Seed 004's mistakes are of this kind: 面 → 麵, 制 → 製,
// 系 → 係, 么 → 麽.
func badConverter(s string, perOccurrence bool, rng *rand.Rand) string {
	var b strings.Builder
	for _, r := range s {
		forms := reverseTS()[r]
		switch {
		case len(forms) == 0:
			b.WriteRune(r)
		case perOccurrence:
			b.WriteRune(forms[rng.IntN(len(forms))])
		default:
			h := fnv.New32a()
			h.Write([]byte(string(r)))
			b.WriteRune(forms[int(h.Sum32())%len(forms)])
		}
	}
	return b.String()
}

// reverseTS maps a Simplified character to the Traditional ones OpenCC's
// character table simplifies to it, other than itself.
var reverseTS = sync.OnceValue(func() map[rune][]rune {
	m := map[rune][]rune{}
	for r, s := range simplifiedOf() {
		if s != 0 && s != rune(r) {
			m[s] = append(m[s], rune(r))
		}
	}
	return m
})

// simplifiedTexts returns Simplified text to convert: the Simplified
// reference articles and the publishers' cases of package clean.
func simplifiedTexts(t testing.TB) []string {
	var texts []string
	for _, s := range seeds(t) {
		if Detect(s).Script == Simplified {
			texts = append(texts, s)
		}
	}
	files, _ := filepath.Glob(filepath.Join("..", "clean", "testdata", "publishers", "*.txt"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if Detect(string(b)).Script == Simplified {
			texts = append(texts, string(b))
		}
	}
	if len(texts) < 50 {
		t.Fatalf("%d Simplified texts, want the seeds and the publishers' cases", len(texts))
	}
	return texts
}

// repairScore compares the repair of bad (a bad conversion of text whose
// right conversion is want) with want, position by position, over the
// characters of several Traditional forms: how many of the wrong ones it
// fixed, and how many right ones it broke.
func repairScore(bad, want string) (wrong, fixed, ambiguous, broken int) {
	got, _ := Repair(bad)
	b, g, w := []rune(bad), []rune(got), []rune(want)
	if len(b) != len(w) || len(g) != len(w) {
		return -1, 0, 0, 0
	}
	d := repairTables()
	// a variant of the right character is right (台 for 臺)
	same := func(x, y rune) bool { return d.std(x) == d.std(y) }
	for i := range w {
		if len(d.cands[ToSimplified(w[i])]) < 2 {
			continue
		}
		ambiguous++
		switch {
		case !same(b[i], w[i]):
			wrong++
			if same(g[i], w[i]) {
				fixed++
			}
		case !same(g[i], w[i]):
			broken++
		}
	}
	return wrong, fixed, ambiguous, broken
}

// TestRepairMeasure converts Simplified text with a bad converter and
// repairs it, against OpenCC's own s2t of the same text: at least 95% of
// the wrong choices are fixed, and at most 0.1% of the characters of
// several forms it had right are broken. Text converted well (s2t, and
// Taiwan's and Hong Kong's s2tw, s2hk) comes out of Repair all but
// unchanged.
func TestRepairMeasure(t *testing.T) {
	texts := simplifiedTexts(t)
	s2t := MustNew("s2t")
	rng := rand.New(rand.NewPCG(3, 5))
	for _, perOccurrence := range []bool{false, true} {
		var wrong, fixed, ambiguous, broken, skipped int
		for _, s := range texts {
			want := s2t.String(s)
			if utf8.RuneCountInString(want) != utf8.RuneCountInString(s) {
				skipped++
				continue
			}
			w, f, a, b := repairScore(badConverter(s, perOccurrence, rng), want)
			if w < 0 {
				t.Fatal("Repair changed the text's length")
			}
			wrong, fixed, ambiguous, broken = wrong+w, fixed+f, ambiguous+a, broken+b
		}
		fixedShare := float64(fixed) / float64(wrong)
		brokenShare := float64(broken) / float64(ambiguous)
		t.Logf("bad converter (per occurrence %v), %d texts (%d skipped): %d of %d wrong choices fixed (%.1f%%); %d of %d positions of several forms broken (%.3f%%)",
			perOccurrence, len(texts)-skipped, skipped, fixed, wrong, 100*fixedShare, broken, ambiguous, 100*brokenShare)
		if fixedShare < 0.95 || brokenShare > 0.001 {
			t.Errorf("fixed %.1f%% (want ≥ 95%%), broken %.3f%% (want ≤ 0.1%%)", 100*fixedShare, 100*brokenShare)
		}
	}
	for _, config := range []string{"s2t", "s2tw", "s2hk", "s2twp"} {
		c := MustNew(config)
		changed, ambiguous := 0, 0
		d := repairTables()
		for _, s := range texts {
			good := c.String(s)
			for _, r := range good {
				if len(d.cands[ToSimplified(r)]) > 1 {
					ambiguous++
				}
			}
			_, n := Repair(good)
			changed += n
		}
		share := float64(changed) / float64(ambiguous)
		t.Logf("%s output: %d of %d positions of several forms changed (%.3f%%)", config, changed, ambiguous, 100*share)
		if share > 0.001 {
			t.Errorf("%s output: %.3f%% changed, want ≤ 0.1%%", config, 100*share)
		}
	}
}

// TestRepairWrittenTraditional repairs text written in Traditional
// script by its publishers (Hong Kong, Taiwan and overseas cases of
// package clean, and reference article 001), where each disagreement
// with OpenCC is the publisher's own usage: Repair must leave at most
// 0.1% of the characters of several forms changed.
func TestRepairWrittenTraditional(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "clean", "testdata", "publishers", "*.txt"))
	texts := []string{seeds(t)["001.txt"]}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if Detect(string(b)).Script == Traditional {
			texts = append(texts, string(b))
		}
	}
	d := repairTables()
	changed, ambiguous := 0, 0
	for _, s := range texts {
		for _, r := range s {
			if len(d.cands[ToSimplified(r)]) > 1 {
				ambiguous++
			}
		}
		_, n := Repair(s)
		changed += n
	}
	t.Logf("%d Traditional texts: %d of %d characters of several forms changed", len(texts), changed, ambiguous)
	if len(texts) < 20 || float64(changed) > 0.001*float64(ambiguous) {
		t.Errorf("%d texts, %d of %d changed: want at least 20 texts and at most 0.1%% changed", len(texts), changed, ambiguous)
	}
}

func TestRepairConcurrent(t *testing.T) {
	in := seeds(t)["004.txt"]
	want, _ := Repair(in)
	done := make(chan bool)
	for range 4 {
		go func() {
			got, _ := Repair(in)
			done <- got == want
		}()
	}
	for range 4 {
		if !<-done {
			t.Error("concurrent repairs differ")
		}
	}
}

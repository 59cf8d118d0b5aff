package clean

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// golden is the reviewed report for one reference article.
type golden struct {
	Format   Format    `json:"format"`
	Meta     Meta      `json:"meta"`
	Removed  []Removal `json:"removed"`
	Warnings []Warning `json:"warnings"`
}

// TestGolden cleans the five reference articles and compares the text and
// the report with the reviewed files in testdata/golden. Run
// go test ./clean -run TestGolden -update to rewrite them after a reviewed
// change.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/seeds/*.txt")
	if err != nil || len(files) != 5 {
		t.Fatalf("want the 5 reference articles in testdata/seeds, got %d (%v)", len(files), err)
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		t.Run(name, func(t *testing.T) {
			in, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			res := Default().Clean(in)
			checkInvariants(t, in, res)
			report, err := json.MarshalIndent(golden{res.Format, res.Meta, res.Removed, res.Warnings}, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			textFile := filepath.Join("testdata", "golden", name+".txt")
			reportFile := filepath.Join("testdata", "golden", name+".json")
			if *update {
				os.MkdirAll(filepath.Dir(textFile), 0o755)
				if err := os.WriteFile(textFile, []byte(res.Text+"\n"), 0o644); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(reportFile, append(report, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			wantText, err := os.ReadFile(textFile)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if diff := cmp.Diff(string(wantText), res.Text+"\n"); diff != "" {
				t.Errorf("cleaned text differs from %s (-want +got):\n%s", textFile, diff)
			}
			wantReport, err := os.ReadFile(reportFile)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(string(wantReport), string(report)+"\n"); diff != "" {
				t.Errorf("report differs from %s (-want +got):\n%s", reportFile, diff)
			}
		})
	}
}

// TestSeedGlosses checks seed 004 in detail: all 179 glosses gone (those in
// removed lines go with their line), real parentheticals kept.
func TestSeedGlosses(t *testing.T) {
	in, err := os.ReadFile("testdata/seeds/004.txt")
	if err != nil {
		t.Fatal(err)
	}
	res := Default().Clean(in)
	if hasGloss(res.Text) {
		t.Errorf("a gloss is left in the text")
	}
	total := 0
	for _, r := range res.Removed {
		if r.Category == Gloss {
			total++
		} else {
			total += len(findGlosses(r.Text))
		}
	}
	if total != 179 {
		t.Errorf("glosses removed = %d, want 179", total)
	}
	for _, keep := range []string{"(朔州)", "縣(市、區)", "科技(朔州)有限公司"} {
		if !strings.Contains(res.Text, keep) {
			t.Errorf("text lost %q", keep)
		}
	}
	// with captions kept, the nested gloss in one shows: (主會(hui) 場) → (主會場)
	c, err := New(KeepCaptions())
	if err != nil {
		t.Fatal(err)
	}
	kept := c.Clean(in)
	const caption = "朔州市2022年項目集中開複工儀式(主會場)朔州低碳矽芯產業園開工儀式。李小龍 攝"
	if !strings.Contains(kept.Text, "\n"+caption+"\n") {
		t.Errorf("KeepCaptions: caption %q not kept whole", caption)
	}
	if want := []string{"高文武", "薛禮偉", "李小龍"}; !cmp.Equal(kept.Meta.Photographers, want) {
		t.Errorf("KeepCaptions: photographers %v, want %v", kept.Meta.Photographers, want)
	}
}

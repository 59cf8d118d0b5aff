package convert

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cnnews/cnnews/convert/internal/ocd2"
)

// openccNPM finds the unpacked npm package opencc@1.4.2 (OPENCC_NPM names
// its "package" directory; .ci/run fetches it with npm pack), or skips the
// test saying why.
func openccNPM(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("OPENCC_NPM")
	if dir == "" {
		t.Skip("OPENCC_NPM is not set (npm pack opencc@1.4.2, unpack it, OPENCC_NPM=…/package; .ci/run does this): skipped")
	}
	if _, err := os.Stat(filepath.Join(dir, "prebuilds", "assets", "s2t.json")); err != nil {
		t.Fatalf("OPENCC_NPM=%s: not the opencc npm package: %v", dir, err)
	}
	return dir
}

// TestGeneratedEqualOpenCCs makes the five dictionaries OpenCC generates
// when it is built, by this package's rules, and compares each, entry by
// entry with every value, with the .ocd2 OpenCC's build made and its npm
// package ships.
func TestGeneratedEqualOpenCCs(t *testing.T) {
	dir := openccNPM(t)
	for _, name := range []string{"TWVariantsRev", "HKVariantsRev", "JPShinjitaiCharactersRev", "TSCharactersExt", "STPhrases_GeneratedFromRegionalPhrases"} {
		l := &loader{fsys: os.DirFS("opencc"), dir: "config", cfg: &config{file: "config/x.json"}, files: map[string]*dict{}, unions: map[string]*dict{}}
		entries, err := generated(name)(l, &cfgDict{file: name + ".ocd2"})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range entries {
			got = append(got, e.key+"\t"+strings.Join(e.values, " "))
		}
		data, err := os.ReadFile(filepath.Join(dir, "prebuilds", "assets", name+".ocd2"))
		if err != nil {
			t.Fatal(err)
		}
		shipped, err := ocd2.Read(data)
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		for _, e := range shipped {
			want = append(want, e.Key+"\t"+strings.Join(e.Values, " "))
		}
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("%s differs from OpenCC's (-OpenCC +here):\n%s", name, d)
		}
		t.Logf("%s: %d entries, equal", name, len(got))
	}
}

// TestLoadNPMPackage loads every configuration of the npm package as it
// ships, both its prebuilt .ocd2 data (prebuilds/assets) and its sources
// (data/config, data/dictionary), with and without the tofu-risk
// dictionaries: each converts as the built-in one does.
func TestLoadNPMPackage(t *testing.T) {
	dir := openccNPM(t)
	s := seeds(t)["000.txt"] + seeds(t)["001.txt"] + "㑮\uF900⿰讠吾调制解调器"
	for _, name := range Configs() {
		for _, opts := range [][]Option{nil, {IncludeTofuRisk()}} {
			want := MustNew(name, opts...).String(s)
			for _, at := range [][2]string{{"prebuilds/assets", name}, {"data", "config/" + name}} {
				c, err := LoadDir(filepath.Join(dir, at[0]), at[1], opts...)
				if err != nil {
					t.Fatal(err)
				}
				if got := c.String(s); got != want {
					t.Errorf("%s from %s (%d options): differs from the built-in at byte %d", name, at[0], len(opts), firstDiff(got, want))
				}
			}
		}
	}
}

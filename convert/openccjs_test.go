package convert

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"
)

// openccJS finds node and opencc-js@1.4.2 (OpenCC 1.4.2's data in
// JavaScript), or skips the test saying why. OPENCC_JS names the package's
// directory; .ci/run installs it with npm.
func openccJS(t *testing.T) (node, dir string) {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed: the opencc-js oracle test is skipped")
	}
	dir = os.Getenv("OPENCC_JS")
	if dir == "" {
		t.Skip("OPENCC_JS is not set (npm install opencc-js@1.4.2, then OPENCC_JS=…/node_modules/opencc-js; .ci/run does this): the oracle test is skipped")
	}
	b, err := os.ReadFile(filepath.Join(dir, "package.json"))
	if err != nil {
		t.Fatalf("OPENCC_JS=%s: %v", dir, err)
	}
	var pkg struct{ Name, Version string }
	if err := json.Unmarshal(b, &pkg); err != nil || pkg.Name != "opencc-js" || pkg.Version != "1.4.2" {
		t.Fatalf("OPENCC_JS=%s holds %s@%s, want opencc-js@1.4.2 (%v)", dir, pkg.Name, pkg.Version, err)
	}
	return node, dir
}

// keysText returns text made of every key and first value of every
// dictionary in opencc/ (and of the ones OpenCC generates), in a fixed
// shuffled order, with punctuation, spaces and common characters between
// some of them: every phrase of the data is met, next to others it may
// overlap.
func keysText(t *testing.T) string {
	t.Helper()
	files, _ := filepath.Glob("opencc/dictionary/*.txt")
	names := []string{"TWVariantsRev", "HKVariantsRev", "JPShinjitaiCharactersRev", "TSCharactersExt", "STPhrases_GeneratedFromRegionalPhrases"}
	for _, f := range files {
		names = append(names, strings.TrimSuffix(filepath.Base(f), ".txt"))
	}
	var words []string
	for _, name := range names {
		for k, v := range refDict(t, name) {
			words = append(words, k, v)
		}
	}
	return shuffled(words, 7)
}

// TestOpenCCJS converts the reference articles, a generated corpus and a
// text of every dictionary key with opencc-js@1.4.2 and with the built-in
// configurations, one-shot and streamed: for all 16 configurations the
// outputs must be byte for byte the same. opencc-js leaves out the
// tofu-risk dictionaries, as New does by default.
func TestOpenCCJS(t *testing.T) {
	node, dir := openccJS(t)
	inputs := corpus(t)
	inputs["keys.txt"] = keysText(t)
	var names []string
	var texts []string
	for name, s := range inputs {
		names, texts = append(names, name), append(texts, s)
	}
	in, err := json.Marshal(texts)
	if err != nil {
		t.Fatal(err)
	}
	for _, config := range Configs() {
		t.Run(config, func(t *testing.T) {
			t.Parallel()
			cmd := exec.Command(node, "testdata/openccjs/convert.cjs", dir, config)
			cmd.Stdin = bytes.NewReader(in)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			out, err := cmd.Output()
			if err != nil {
				t.Fatalf("node: %v\n%s", err, stderr.Bytes())
			}
			var want []string
			if err := json.Unmarshal(out, &want); err != nil || len(want) != len(texts) {
				t.Fatalf("opencc-js gave %d outputs for %d inputs (%v)", len(want), len(texts), err)
			}
			c := MustNew(config)
			for i, s := range texts {
				if got := c.String(s); got != want[i] {
					k := firstDiff(got, want[i])
					t.Errorf("%s: differs from opencc-js at byte %d: got %q, opencc-js %q", names[i], k,
						got[max(0, k-30):min(len(got), k+30)], want[i][max(0, k-30):min(len(want[i]), k+30)])
					continue
				}
				var streamed bytes.Buffer
				if _, err := c.Convert(&streamed, iotest.HalfReader(strings.NewReader(s))); err != nil || streamed.String() != want[i] {
					t.Errorf("%s: streamed output differs from opencc-js (%v)", names[i], err)
				}
			}
		})
	}
}

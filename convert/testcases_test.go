package convert

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// TestUpstreamCases runs OpenCC's own test cases (its
// test/testcases/testcases.json, kept outside the project as reference
// data in ../shared/opencc): every case passes with the tofu-risk
// dictionaries, as OpenCC's library runs them; without them, the three
// cases that need them fail, as with OpenCC's command line and opencc-js.
func TestUpstreamCases(t *testing.T) {
	file := filepath.Join("..", "..", "shared", "opencc", "testcases.json")
	data, err := os.ReadFile(file)
	if err != nil {
		t.Skipf("OpenCC's test cases are not here (%v): reference data outside the project", err)
	}
	// OpenCC reads the file with trailing commas allowed
	data = regexp.MustCompile(`,(\s*[\]}])`).ReplaceAll(data, []byte("$1"))
	var cases struct {
		Cases []struct {
			ID       string            `json:"id"`
			Input    string            `json:"input"`
			Expected map[string]string `json:"expected"`
		} `json:"cases"`
	}
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	for _, tofu := range []bool{true, false} {
		pairs, passed := 0, 0
		var failed []string
		for _, c := range cases.Cases {
			for config, want := range c.Expected {
				var opts []Option
				if tofu {
					opts = append(opts, IncludeTofuRisk())
				}
				conv, err := New(config, opts...)
				if err != nil {
					t.Fatal(err)
				}
				pairs++
				if got := conv.String(c.Input); got == want {
					passed++
				} else {
					failed = append(failed, c.ID+" "+config)
					if tofu {
						t.Errorf("%s %s: %q → %q, want %q", c.ID, config, c.Input, got, want)
					}
				}
			}
		}
		t.Logf("tofu-risk dictionaries %v: %d/%d pairs pass; failing: %q", tofu, passed, pairs, failed)
		if pairs < 500 {
			t.Errorf("%d case × configuration pairs, want OpenCC's 543", pairs)
		}
		if !tofu && pairs-passed > 3 {
			t.Errorf("without tofu-risk dictionaries %d pairs fail, want at most the 3 that need them", pairs-passed)
		}
	}
}

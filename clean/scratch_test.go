package clean

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestScratchReuse checks that the memory one document is cleaned in,
// kept for the next, changes no result: every input of the tests, cleaned
// in one order, in the other and from several goroutines at once, gives
// the same Result each time.
func TestScratchReuse(t *testing.T) {
	var inputs []string
	files, _ := filepath.Glob("testdata/*/*.txt")
	pages, _ := filepath.Glob("../extract/testdata/pages/*.html") // whole pages
	files = append(files, pages...)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, string(b))
	}
	for _, tc := range labelledCases {
		inputs = append(inputs, tc.in)
	}
	c := Default()
	want := make([]Result, len(inputs))
	for i, in := range inputs {
		want[i] = c.CleanString(in)
	}
	check := func(how string, i int, got Result) {
		if diff := cmp.Diff(want[i], got); diff != "" {
			t.Errorf("%s, input %d: the result differs (-first +now):\n%s", how, i, diff)
		}
	}
	for i := len(inputs) - 1; i >= 0; i-- {
		check("in the other order", i, c.CleanString(inputs[i]))
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for k := range inputs {
				i := (k*7 + g) % len(inputs)
				check("at once", i, c.CleanString(inputs[i]))
			}
		})
	}
	wg.Wait()
}

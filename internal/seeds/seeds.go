// Package seeds gives tests the five reference articles kept in
// clean/testdata/seeds, by name ("000" … "004").
package seeds

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// Load returns the reference articles by name, failing tb when they are
// not all there.
func Load(tb testing.TB) map[string]string {
	tb.Helper()
	_, file, _, _ := runtime.Caller(0)
	dir := filepath.Join(filepath.Dir(file), "..", "..", "clean", "testdata", "seeds")
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) != 5 {
		tb.Fatalf("reference articles in %s: %v %v", dir, files, err)
	}
	m := map[string]string{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		m[strings.TrimSuffix(filepath.Base(f), ".txt")] = string(b)
	}
	return m
}

// Command finddups finds copies of the same story in a directory: each
// file is cleaned (so that different boilerplate does not hide a copy),
// then added to a dedupe.Index, which reports the earlier files it
// copies, exactly or nearly, in either script.
//
//	go run ./examples/finddups examples/finddups/testdata/corpus
package main

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/cnnews/cnnews/clean"
	"github.com/cnnews/cnnews/dedupe"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: finddups DIR")
		os.Exit(2)
	}
	if err := run(os.Args[1], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(dir string, w io.Writer) error {
	idx, err := dedupe.NewIndex() // defaults: 5-gram shingles, Jaccard ≥ 0.7 or containment ≥ 0.8
	if err != nil {
		return err
	}
	cleaner := clean.Default()
	return filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		name, err := filepath.Rel(dir, path) // unique, as an ID must be
		if err != nil {
			return err
		}
		text := cleaner.Clean(data).Text
		// Add compares with every earlier document and indexes this one.
		// Matching folds Traditional to Simplified, so a copy in the other
		// script is found too.
		matches, err := idx.Add(name, text)
		if err != nil {
			return err
		}
		if len(matches) == 0 {
			fmt.Fprintf(w, "%s: new story\n", name)
			return nil
		}
		m := matches[0] // most similar first
		kind := "near copy"
		if m.Exact {
			kind = "exact copy"
		}
		fmt.Fprintf(w, "%s: %s of %s (similarity %.2f)\n", name, kind, m.ID, m.Similarity)
		return nil
	})
}

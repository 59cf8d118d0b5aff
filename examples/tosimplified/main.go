// Command tosimplified converts a corpus to Simplified script: every file
// under IN that convert.Detect finds Traditional or mixed is streamed
// through OpenCC's t2s into the same name under OUT; the others are
// copied as they are. It prints what it did with each file.
//
//	go run ./examples/tosimplified IN OUT
package main

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/cnnews/cnnews/convert"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: tosimplified IN OUT")
		os.Exit(2)
	}
	if err := run(os.Args[1], os.Args[2], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(in, out string, log io.Writer) error {
	// Built once from the stored dictionaries; safe to share between
	// goroutines.
	t2s := convert.MustNew("t2s")
	return filepath.WalkDir(in, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(in, path)
		dst := filepath.Join(out, rel)
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		// Detection reads the whole file, one table lookup a character,
		// allocating nothing: faster than converting it.
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		det := convert.Detect(string(data))
		f, err := os.Create(dst)
		if err != nil {
			return err
		}
		defer f.Close()
		if det.Script == convert.Traditional || det.Script == convert.Mixed {
			// Convert streams in constant memory and never cuts a phrase
			// at a buffer boundary; here the input is already in memory,
			// so t2s.String would do as well.
			if _, err := t2s.Convert(f, bytes.NewReader(data)); err != nil {
				return fmt.Errorf("%s: %w", path, err)
			}
			fmt.Fprintf(log, "%s: %s (%d Traditional characters) → converted\n", filepath.ToSlash(rel), det.Script, det.Traditional)
		} else {
			if _, err := f.Write(data); err != nil {
				return err
			}
			fmt.Fprintf(log, "%s: %s → copied\n", filepath.ToSlash(rel), det.Script)
		}
		return f.Close()
	})
}

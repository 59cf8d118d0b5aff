// Command dirtojsonl cleans every article in a directory and writes one
// JSON object a line: the file, the cleaned text and the metadata found.
// Files that cannot be used are listed on standard error with the reason,
// and the others are still written.
//
//	go run ./examples/dirtojsonl examples/dirtojsonl/testdata/articles > out.jsonl
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/cnnews/cnnews"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: dirtojsonl DIR")
		os.Exit(2)
	}
	os.Exit(run(os.Args[1], os.Stdout, os.Stderr))
}

// line is what is written for each article.
type line struct {
	File     string      `json:"file"`
	Text     string      `json:"text"`
	Meta     cnnews.Meta `json:"meta"`
	Encoding string      `json:"encoding"`
}

func run(dir string, stdout, stderr io.Writer) int {
	// One pipeline for the whole run: it is immutable and could be shared
	// by many goroutines.
	p, err := cnnews.New()
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false) // keep < > & readable in Chinese text
	status := 0
	err = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		// Process decodes (UTF-8, GBK, Big5), sets front matter aside,
		// reads HTML or text and removes boilerplate.
		a, err := p.Process(path, data)
		if err != nil {
			fmt.Fprintln(stderr, err) // e.g. "…/empty.txt: empty: no text"
			status = 1
			return nil
		}
		return enc.Encode(line{File: filepath.ToSlash(path), Text: a.Text, Meta: a.Meta, Encoding: a.Encoding.Encoding})
	})
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	return status
}

package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/cnnews/cnnews/dedupe"
)

func runDedupe(args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	fset := flag.NewFlagSet("dedupe", flag.ContinueOnError)
	fset.SetOutput(stderr)
	prof := profileFlags(fset)
	threshold := fset.Float64("threshold", 0.7, "Jaccard similarity at or above which two documents are copies (an excerpt counts at containment 0.8 or the threshold, whichever is higher)")
	lossy := lossyFlag(fset)
	keep := fset.String("keep", "longest", "which copy to keep: longest, earliest (JSONL \"date\"), or first")
	fset.Usage = func() {
		fmt.Fprintf(fset.Output(), "Usage: cnnews dedupe [flags] PATH...\n\n"+
			"PATH is a file, a directory (every regular file below it) or a .jsonl file of\n"+
			"{\"id\": \"...\", \"text\": \"...\"} lines. Prints one JSON object per cluster of two or more:\n"+
			"{\"keep\": ID, \"duplicates\": [{\"id\": ID, \"similarity\": F}, ...]}\n\nFlags:\n")
		fset.PrintDefaults()
	}
	if code, ok := parseFlags(fset, args); !ok {
		return code
	}
	if err := prof.start(); err != nil {
		fmt.Fprintf(stderr, "cnnews: %v\n", err)
		return 2
	}
	defer func() { code = prof.stop(stderr, code) }()
	policy, ok := map[string]dedupe.Policy{"longest": dedupe.Longest, "earliest": dedupe.Earliest, "first": dedupe.First}[*keep]
	if !ok {
		fmt.Fprintf(stderr, "cnnews: --keep %q: want longest, earliest or first\n", *keep)
		return 2
	}
	if fset.NArg() == 0 {
		fmt.Fprintln(stderr, "cnnews dedupe: at least one PATH is required")
		return 2
	}
	status := 0
	var docs []dedupe.Doc
	at := map[string]string{} // a document's ID → where it was read
	fail := func(err error) {
		fmt.Fprintf(stderr, "cnnews: %v\n", err)
		status = 1
	}
	for _, root := range fset.Args() {
		st, err := os.Stat(root)
		if err != nil {
			fail(err)
			continue
		}
		if !st.IsDir() {
			docs = appendPath(docs, at, root, *lossy, stderr, fail)
			continue
		}
		filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				fail(err)
				return nil
			}
			if d.Type().IsRegular() {
				docs = appendPath(docs, at, p, *lossy, stderr, fail)
			}
			return nil
		})
		if len(docs) > 5000 {
			fmt.Fprintf(stderr, "cnnews dedupe: %d documents read\n", len(docs))
		}
	}
	if len(docs) > 5000 {
		fmt.Fprintf(stderr, "cnnews dedupe: finding copies among %d documents\n", len(docs))
	}
	clusters, err := dedupe.Clusters(docs, policy, dedupe.Threshold(*threshold, max(*threshold, 0.8)))
	if err != nil {
		fmt.Fprintf(stderr, "cnnews: %v\n", err)
		return 2
	}
	type dup struct {
		ID         string  `json:"id"`
		Similarity float64 `json:"similarity"`
	}
	for _, c := range clusters {
		out := struct {
			Keep       string `json:"keep"`
			Duplicates []dup  `json:"duplicates"`
		}{Keep: c.Keep}
		for _, d := range c.Duplicates {
			out.Duplicates = append(out.Duplicates, dup{d.ID, float64(int(d.Similarity*1000+0.5)) / 1000})
		}
		b, err := marshal(out)
		if err != nil {
			fail(err)
			continue
		}
		fmt.Fprintf(stdout, "%s\n", b)
	}
	return status
}

// appendPath reads one file into docs: a .jsonl file gives a document per
// line, any other file is one document whose ID is its path. A JSONL
// record whose ID was read before is an error naming both places, and is
// left out; at records where each ID was read.
func appendPath(docs []dedupe.Doc, at map[string]string, path string, lossy bool, stderr io.Writer, fail func(error)) []dedupe.Doc {
	err := openFile(path, func(r io.Reader) error {
		if !strings.HasSuffix(path, ".jsonl") {
			// decoded as cnnews run decodes, so that a GBK copy is
			// found; an empty file is nothing to compare
			b, _, err := readInput(path, r, lossy, stderr)
			if err != nil {
				return err
			}
			if where, taken := at[path]; taken {
				return fmt.Errorf("%s: id already read at %s", path, where)
			}
			at[path] = path
			docs = append(docs, dedupe.Doc{ID: path, Text: string(b)})
			return nil
		}
		br := bufio.NewReader(r)
		for n := 1; ; n++ {
			line, err := br.ReadBytes('\n')
			if len(strings.TrimSpace(string(line))) > 0 {
				var rec struct {
					ID   string `json:"id"`
					Text string `json:"text"`
					Date string `json:"date"`
				}
				if jerr := json.Unmarshal(line, &rec); jerr != nil || rec.ID == "" {
					if jerr == nil {
						jerr = fmt.Errorf("no \"id\"")
					}
					fail(fmt.Errorf("%s:%d: %v", path, n, jerr))
				} else if where, taken := at[rec.ID]; taken {
					fail(fmt.Errorf("%s:%d: id %q already read at %s", path, n, rec.ID, where))
				} else {
					at[rec.ID] = fmt.Sprintf("%s:%d", path, n)
					d := dedupe.Doc{ID: rec.ID, Text: rec.Text}
					if rec.Date != "" {
						if t, ok := parseDate(rec.Date); ok {
							d.Date = t
						}
					}
					docs = append(docs, d)
				}
			}
			if err == io.EOF {
				return nil
			}
			if err != nil {
				return err
			}
		}
	})
	if err != nil {
		fail(err)
	}
	return docs
}

package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/cnnews/cnnews/dedupe"
	"github.com/cnnews/cnnews/internal/jsonobj"
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
	fail := func(err error) {
		fmt.Fprintf(stderr, "cnnews: %v\n", err)
		status = 1
	}
	rd := &dedupeReader{at: map[string]int{}, files: map[string]*os.File{}, lossy: *lossy, stderr: stderr, fail: fail}
	defer rd.close()
	c, err := dedupe.NewClusterer(policy, rd.text, dedupe.Threshold(*threshold, max(*threshold, 0.8)))
	if err != nil {
		fmt.Fprintf(stderr, "cnnews: %v\n", err)
		return 2
	}
	rd.c = c
	for _, root := range fset.Args() {
		st, err := os.Stat(root)
		if err != nil {
			fail(err)
			continue
		}
		if !st.IsDir() {
			rd.addPath(root)
			continue
		}
		filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				fail(err)
				return nil
			}
			if d.Type().IsRegular() {
				rd.addPath(p)
			}
			return nil
		})
	}
	if len(rd.locs) > 5000 {
		fmt.Fprintf(stderr, "cnnews dedupe: %d documents compared\n", len(rd.locs))
	}
	clusters := c.Clusters()
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

// dedupeReader feeds the documents under the paths to a Clusterer in
// order, keeping of each only where it was read, so that the Clusterer
// can have an earlier text read again when a pair needs checking: memory
// does not grow with the texts.
type dedupeReader struct {
	c      *dedupe.Clusterer
	locs   []docLoc
	at     map[string]int // a document's ID → its place in locs
	files  map[string]*os.File
	lossy  bool
	stderr io.Writer
	fail   func(error)
}

// docLoc is where a document was read: a JSONL line (its byte offset,
// length and number), or a whole file (off -1).
type docLoc struct {
	path       string
	off        int64
	size, line int
}

func (l docLoc) String() string {
	if l.off < 0 {
		return l.path
	}
	return fmt.Sprintf("%s:%d", l.path, l.line)
}

// add gives a document to the Clusterer; an ID read before is an error
// naming both places, and the document is left out.
func (r *dedupeReader) add(d dedupe.Doc, l docLoc) {
	if i, taken := r.at[d.ID]; taken {
		if l.off < 0 {
			r.fail(fmt.Errorf("%s: id already read at %s", l, r.locs[i]))
		} else {
			r.fail(fmt.Errorf("%s: id %q already read at %s", l, d.ID, r.locs[i]))
		}
		return
	}
	r.at[d.ID] = len(r.locs)
	r.locs = append(r.locs, l)
	if err := r.c.Add(d); err != nil {
		r.fail(err)
	}
}

// addPath reads one file: a .jsonl file gives a document per line, any
// other file is one document whose ID is its path.
func (r *dedupeReader) addPath(path string) {
	err := openFile(path, func(f io.Reader) error {
		if !strings.HasSuffix(path, ".jsonl") {
			// decoded as cnnews run decodes, so that a GBK copy is
			// found; an empty file is nothing to compare
			b, _, err := readInput(path, f, r.lossy, r.stderr, nil)
			if err != nil {
				return err
			}
			r.add(dedupe.Doc{ID: path, Text: string(b)}, docLoc{path: path, off: -1})
			return nil
		}
		br := bufio.NewReaderSize(f, 1<<20)
		var line []byte // reused: the record's strings are copies
		off := int64(0)
		for n := 1; ; n++ {
			line = line[:0]
			var err error
			for {
				chunk, cerr := br.ReadSlice('\n')
				line = append(line, chunk...)
				if cerr != bufio.ErrBufferFull {
					err = cerr
					break
				}
			}
			if len(bytes.TrimSpace(line)) > 0 {
				rec, jerr := parseDedupeRecord(line)
				if jerr != nil {
					r.fail(fmt.Errorf("%s:%d: %v", path, n, jerr))
				} else {
					d := dedupe.Doc{ID: rec.ID, Text: rec.Text}
					if rec.Date != "" {
						if t, ok := parseDate(rec.Date); ok {
							d.Date = t
						}
					}
					r.add(d, docLoc{path: path, off: off, size: len(line), line: n})
				}
			}
			off += int64(len(line))
			if err == io.EOF {
				return nil
			}
			if err != nil {
				return err
			}
		}
	})
	if err != nil {
		r.fail(err)
	}
}

// text reads the text of document i again, for the Clusterer.
func (r *dedupeReader) text(i int) (string, error) {
	l := r.locs[i]
	if l.off < 0 {
		f, err := os.Open(l.path)
		if err != nil {
			return "", err
		}
		defer f.Close()
		b, _, err := readInput(l.path, f, r.lossy, io.Discard, nil)
		return string(b), err
	}
	f := r.files[l.path]
	if f == nil {
		var err error
		if f, err = os.Open(l.path); err != nil {
			return "", err
		}
		r.files[l.path] = f
	}
	line := make([]byte, l.size)
	if _, err := f.ReadAt(line, l.off); err != nil {
		return "", fmt.Errorf("%s: %w", l, err)
	}
	rec, err := parseDedupeRecord(line)
	if err != nil {
		return "", fmt.Errorf("%s: %w", l, err)
	}
	return rec.Text, nil
}

func (r *dedupeReader) close() {
	for _, f := range r.files {
		f.Close()
	}
}

// dedupeRecord is a JSONL line of cnnews dedupe.
type dedupeRecord struct {
	ID   string `json:"id"`
	Text string `json:"text"`
	Date string `json:"date"`
}

// parseDedupeRecord reads a JSONL line, fast when it can; a line without
// an id is an error.
func parseDedupeRecord(line []byte) (dedupeRecord, error) {
	var rec dedupeRecord
	if !fastRecord(line, &rec.ID, &rec.Text, &rec.Date) {
		rec = dedupeRecord{}
		if err := json.Unmarshal(line, &rec); err != nil {
			return rec, err
		}
	}
	if rec.ID == "" {
		return rec, errors.New(`no "id"`)
	}
	return rec, nil
}

var dedupeKeys = []string{"id", "text", "date"}

// fastRecord reads the id, text and date of a JSONL line without
// reflection, and reports whether it could: false leaves the line to
// encoding/json, which then decodes it or gives the error.
func fastRecord(line []byte, dst ...*string) bool {
	var vals [3][]byte
	if !utf8.Valid(line) || !jsonobj.Members(line, dedupeKeys, vals[:]) {
		return false
	}
	for i, v := range vals {
		if v == nil || string(v) == "null" {
			continue
		}
		s, ok := jsonobj.String(v)
		if !ok {
			return false
		}
		*dst[i] = s
	}
	return true
}

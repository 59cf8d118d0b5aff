package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/cnnews/cnnews/frontmatter"
	"github.com/cnnews/cnnews/internal/corpus"
	"github.com/cnnews/cnnews/internal/frontmeta"
)

// orderedFields marshals front matter fields as a JSON object in the
// order the block gives them.
type orderedFields []frontmatter.Field

func (fs orderedFields) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, f := range fs {
		if i > 0 {
			b.WriteByte(',')
		}
		k, err := json.Marshal(f.Key)
		if err != nil {
			return nil, err
		}
		v, err := marshal(frontmeta.JSONable(f.Value))
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// marshal is corpus.Marshal without the line end.
func marshal(v any) ([]byte, error) {
	b, err := corpus.Marshal(v)
	return bytes.TrimRight(b, "\n"), err
}

func runFrontMatter(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("frontmatter", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: cnnews frontmatter [FILE...]\n\n"+
			"Prints, for each FILE (standard input when none), one JSON object on a line:\n"+
			"{\"file\", \"format\": yaml|toml|json|\"\", \"fields\": {…in the file's order}, \"date\": RFC 3339 of the date field, \"body\"}.\n"+
			"Malformed front matter is reported on standard error with the file and line.\n")
		fs.PrintDefaults()
	}
	lossy := lossyFlag(fs)
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	return eachInput(fs.Args(), stdin, stderr, func(name string, r io.Reader) error {
		data, _, err := readInput(name, r, *lossy, stderr, nil)
		if err != nil {
			return err
		}
		doc, err := frontmatter.Split(data)
		if err != nil {
			return err
		}
		fields, err := doc.Fields()
		if err != nil {
			return err
		}
		out := struct {
			File   string        `json:"file"`
			Format string        `json:"format"`
			Fields orderedFields `json:"fields"`
			Date   string        `json:"date,omitempty"`
			Body   string        `json:"body"`
		}{File: name, Format: string(doc.Format), Fields: orderedFields(fields), Body: string(doc.Body())}
		if out.Fields == nil {
			out.Fields = orderedFields{}
		}
		if d, ok, err := doc.Date("date"); ok {
			if err != nil {
				return err
			}
			out.Date = d.Time.Format(time.RFC3339)
		}
		b, err := marshal(out)
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(stdout, "%s\n", b)
		return err
	})
}

// parseDate reads a date as front matter and JSONL records write it.
func parseDate(s string) (time.Time, bool) {
	d, err := frontmatter.ParseDate(s, nil)
	return d.Time, err == nil
}

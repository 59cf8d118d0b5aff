// Command gencorpus writes a JSONL corpus of generated stories wrapped in
// publisher boilerplate, every tenth a copy of an earlier story, for the
// measured runs in the README:
//
//	go run ./internal/testcorpus/gencorpus -n 100000 -shards 16 -o /tmp/c100k
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"

	"github.com/cnnews/cnnews/internal/testcorpus"
)

func main() {
	n := flag.Int("n", 10000, "number of records")
	shards := flag.Int("shards", 8, "number of JSONL files")
	out := flag.String("o", "", "output directory (required)")
	flag.Parse()
	if *out == "" || *n < 1 || *shards < 1 {
		flag.Usage()
		os.Exit(2)
	}
	if err := write(*out, *n, *shards); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func write(dir string, n, shards int) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	r := rand.New(rand.NewPCG(42, 42))
	var recent []string // stories copies are drawn from
	for s := range shards {
		f, err := os.Create(filepath.Join(dir, fmt.Sprintf("part-%03d.jsonl", s)))
		if err != nil {
			return err
		}
		w := bufio.NewWriter(f)
		for i := s * n / shards; i < (s+1)*n/shards; i++ {
			var body string
			if len(recent) > 0 && i%10 == 9 {
				body = recent[r.IntN(len(recent))]
			} else {
				body = testcorpus.Body(r)
				if recent = append(recent, body); len(recent) > 5000 {
					recent = recent[1:]
				}
			}
			line, _ := json.Marshal(map[string]string{"id": fmt.Sprintf("a%07d", i), "text": testcorpus.Wrap(r, body, false)})
			w.Write(append(line, '\n'))
		}
		if err := w.Flush(); err != nil {
			return err
		}
		if err := f.Close(); err != nil {
			return err
		}
	}
	return nil
}

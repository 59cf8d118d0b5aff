// Command gencorpus writes a JSONL corpus of generated stories wrapped in
// publisher boilerplate, every tenth (-every) a copy of an earlier story,
// for the measured runs in the README:
//
//	go run ./internal/testcorpus/gencorpus -n 100000 -shards 16 -o /tmp/c100k
//	go run ./internal/testcorpus/gencorpus -n 21000 -every 21 -size 3 -shards 1 -o /tmp/dedupe21k
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
	size := flag.Int("size", 1, "bodies per story: 1 gives about 1 KB of text, 3 about 3 KB")
	every := flag.Int("every", 10, "every `K`th record is a copy of an earlier story (ids a…, the copy's index ≡ K-1 mod K)")
	flag.Parse()
	if *out == "" || *n < 1 || *shards < 1 || *every < 2 {
		flag.Usage()
		os.Exit(2)
	}
	if err := write(*out, *n, *shards, *every, max(*size, 1)); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func write(dir string, n, shards, every, size int) error {
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
			if len(recent) > 0 && i%every == every-1 {
				body = recent[r.IntN(len(recent))]
			} else {
				body = testcorpus.Body(r)
				for range size - 1 {
					body += "\n" + testcorpus.Body(r)
				}
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

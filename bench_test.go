package cnnews

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/cnnews/cnnews/internal/seeds"
)

// BenchmarkProcess runs the five reference articles through the default
// pipeline and through one that also converts to Simplified and repairs
// punctuation.
func BenchmarkProcess(b *testing.B) {
	m := seeds.Load(b)
	var n int64
	for _, s := range m {
		n += int64(len(s))
	}
	for _, bc := range []struct {
		name string
		opts []Option
	}{{"default", nil}, {"t2s+punct", []Option{Convert("t2s"), RepairPunctuation()}}} {
		p, err := New(bc.opts...)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(n)
			b.ReportAllocs()
			for b.Loop() {
				for name, s := range m {
					if _, err := p.Process(name, []byte(s)); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}

// BenchmarkProcessPages runs the measuring set's whole pages, raw bytes
// in any encoding, through the default pipeline: decoding, article
// finding, page metadata and cleaning. It skips when the set is absent.
func BenchmarkProcessPages(b *testing.B) {
	dir := filepath.Join("..", "shared", "bench", "pages")
	names, _ := filepath.Glob(filepath.Join(dir, "*.html"))
	if len(names) == 0 {
		b.Skipf("no pages in %s: the measuring set is kept beside the project, not in it", dir)
	}
	var pages [][]byte
	var n int64
	for _, name := range names {
		raw, err := os.ReadFile(name)
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, raw)
		n += int64(len(raw))
	}
	p, err := New()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for i, raw := range pages {
			if _, err := p.Process(names[i], raw); err != nil {
				b.Fatal(err)
			}
		}
	}
}

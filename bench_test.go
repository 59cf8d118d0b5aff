package cnnews

import (
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

package dedupe

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"
)

// articles3K cuts the reference articles into 3 KB articles.
func articles3K(b *testing.B) []string {
	var out []string
	for _, s := range seedArticles(b) {
		for len(s) > 3000 {
			cut := 3000
			for cut < len(s) && s[cut]&0xC0 == 0x80 {
				cut++
			}
			out = append(out, s[:cut])
			s = s[cut:]
		}
	}
	return out
}

// distinctArticles makes 3 KB articles of sentences drawn at random from
// the reference articles: like a corpus, mostly different stories.
func distinctArticles(b *testing.B, n int) []string {
	var sentences []string
	for _, s := range seedArticles(b) {
		for _, x := range strings.SplitAfter(s, "。") {
			if len(x) > 20 {
				sentences = append(sentences, x)
			}
		}
	}
	rng := rand.New(rand.NewPCG(3, 5))
	out := make([]string, n)
	for i := range out {
		var a strings.Builder
		for a.Len() < 3000 {
			a.WriteString(sentences[rng.IntN(len(sentences))])
		}
		out[i] = a.String()
	}
	return out
}

// BenchmarkAdd normalises, shingles, signs and indexes 3 KB articles, one
// after another on one core; docs/s is the figure to read.
func BenchmarkAdd(b *testing.B) {
	arts := distinctArticles(b, 2000)
	x, _ := NewIndex()
	var n int64
	for _, a := range arts {
		n += int64(len(a))
	}
	b.SetBytes(n / int64(len(arts)))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		x.Add(fmt.Sprint(i), arts[i%len(arts)])
		i++
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkIndexMemory indexes 100,000 synthetic documents and reports the
// heap they hold, per document.
func BenchmarkIndexMemory(b *testing.B) {
	const n = 100000
	ids := make([]string, n)
	for i := range ids {
		ids[i] = fmt.Sprintf("doc-%06d", i)
	}
	for b.Loop() {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		x, _ := NewIndex()
		for i := 0; i < n; i++ {
			x.AddSignature(ids[i], synthetic(i))
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/n, "heap-B/doc")
		b.ReportMetric(float64(x.Bytes())/n, "Bytes()/doc")
		runtime.KeepAlive(x)
	}
}

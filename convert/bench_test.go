package convert

import (
	"testing"
)

func benchConfig(b *testing.B, config string, pick func(map[string]string) []string) {
	c := MustNew(config)
	var in [][]byte
	var n int64
	for _, s := range pick(seeds(b)) {
		in = append(in, []byte(s))
		n += int64(len(s))
	}
	dst := make([]byte, 0, 64<<10)
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range in {
			dst = c.Append(dst[:0], s)
		}
	}
}

func simplified(m map[string]string) []string {
	return []string{m["000.txt"], m["002.txt"], m["003.txt"]}
}

func traditional(m map[string]string) []string {
	return []string{m["001.txt"], m["004.txt"]}
}

// BenchmarkS2T converts the three Simplified reference articles.
func BenchmarkS2T(b *testing.B) { benchConfig(b, "s2t", simplified) }

// BenchmarkT2S converts the two Traditional reference articles.
func BenchmarkT2S(b *testing.B) { benchConfig(b, "t2s", traditional) }

// BenchmarkS2TWP converts the three Simplified reference articles with
// Taiwan phrases (segmentation and three steps).
func BenchmarkS2TWP(b *testing.B) { benchConfig(b, "s2twp", simplified) }

// BenchmarkTW2SP converts the two Traditional reference articles with
// mainland phrases.
func BenchmarkTW2SP(b *testing.B) { benchConfig(b, "tw2sp", traditional) }

package convert

import (
	"runtime"
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

// BenchmarkFirstUse builds a configuration from the stored
// dictionaries, as the first New of a process does, and reports the heap
// one built Converter keeps (MB-kept); "all" builds the sixteen from one
// dictionary cache, as a process using every configuration does.
func BenchmarkFirstUse(b *testing.B) {
	for _, config := range Configs() {
		b.Run(config, func(b *testing.B) {
			for b.Loop() {
				if _, err := loadBuiltin(config, options{}, builtinDict); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(kept(b, func() (any, error) { return loadBuiltin(config, options{}, builtinDict) })/1e6, "MB-kept")
		})
	}
	all := func() (any, error) {
		var cache dictCache
		var cs []*Converter
		for _, config := range Configs() {
			c, err := loadBuiltin(config, options{}, cache.get)
			if err != nil {
				return nil, err
			}
			cs = append(cs, c)
		}
		return cs, nil
	}
	b.Run("all", func(b *testing.B) {
		for b.Loop() {
			if _, err := all(); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(kept(b, all)/1e6, "MB-kept")
	})
}

// kept returns the bytes of live heap what f builds holds.
func kept(b *testing.B, f func() (any, error)) float64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	v, err := f()
	if err != nil {
		b.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(v)
	return float64(after.HeapAlloc) - float64(before.HeapAlloc)
}

// BenchmarkDetect runs script detection over the five reference articles.
func BenchmarkDetect(b *testing.B) {
	m := seeds(b)
	var n int64
	for _, s := range m {
		n += int64(len(s))
	}
	Detect("")
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range m {
			Detect(s)
		}
	}
}

// BenchmarkPunctuation repairs the punctuation of the two reference
// articles that lost it (001 and 004).
func BenchmarkPunctuation(b *testing.B) {
	m := seeds(b)
	in := []string{m["001.txt"], m["004.txt"]}
	t := Punctuation()
	dst := make([]byte, 64<<10)
	b.SetBytes(int64(len(in[0]) + len(in[1])))
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range in {
			t.Reset()
			t.Transform(dst, []byte(s), true)
		}
	}
}

// BenchmarkRepair repairs the reference article a character-by-character
// converter left (004) and the one written in Traditional (001).
func BenchmarkRepair(b *testing.B) {
	m := seeds(b)
	in := []string{m["004.txt"], m["001.txt"]}
	var n int64
	for _, s := range in {
		n += int64(len(s))
	}
	Repair(in[0]) // tables built once, outside the timing
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range in {
			Repair(s)
		}
	}
}

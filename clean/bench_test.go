package clean

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func loadSeeds(b *testing.B) (names []string, data [][]byte) {
	files, err := filepath.Glob("testdata/seeds/*.txt")
	if err != nil || len(files) == 0 {
		b.Fatal("no seeds")
	}
	for _, f := range files {
		d, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		names = append(names, strings.TrimSuffix(filepath.Base(f), ".txt"))
		data = append(data, d)
	}
	return names, data
}

// BenchmarkClean cleans each reference article; MB/s is input bytes.
func BenchmarkClean(b *testing.B) {
	names, data := loadSeeds(b)
	c := Default()
	for i, name := range names {
		in := data[i]
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(in)))
			b.ReportAllocs()
			for b.Loop() {
				c.Clean(in)
			}
		})
	}
}

// BenchmarkCleanAll cleans the five reference articles in turn, as a
// corpus run would; allocs/op is per five articles.
func BenchmarkCleanAll(b *testing.B) {
	_, data := loadSeeds(b)
	benchCorpus(b, data)
}

// BenchmarkCleanPlainText cleans the three plain-text reference articles
// (001, 002, 004) in turn.
func BenchmarkCleanPlainText(b *testing.B) {
	_, data := loadSeeds(b)
	var plain [][]byte
	for _, d := range data {
		if !looksLikeHTML(string(d)) {
			plain = append(plain, d)
		}
	}
	benchCorpus(b, plain)
}

func benchCorpus(b *testing.B, data [][]byte) {
	c := Default()
	var n int64
	for _, d := range data {
		n += int64(len(d))
	}
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range data {
			c.Clean(d)
		}
	}
}

// BenchmarkNew builds a Cleaner with one option, as a program does at start.
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := New(Without("caption")); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkGlosses finds and removes the glosses of seed 004.
func BenchmarkGlosses(b *testing.B) {
	in, err := os.ReadFile("testdata/seeds/004.txt")
	if err != nil {
		b.Fatal(err)
	}
	s := string(in)
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		findGlosses(s)
	}
}

package frontmatter

import (
	"os"
	"testing"
)

// BenchmarkFrontMatter splits the two reference Jekyll posts and decodes
// their fields and date, as a corpus run does for every file.
func BenchmarkFrontMatter(b *testing.B) {
	var in [][]byte
	var n int64
	for _, name := range []string{"testdata/000.txt", "testdata/003.txt"} {
		data, err := os.ReadFile(name)
		if err != nil {
			b.Fatal(err)
		}
		in = append(in, data)
		n += int64(len(data))
	}
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for _, data := range in {
			doc, err := Split(data)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := doc.Fields(); err != nil {
				b.Fatal(err)
			}
			if _, _, err := doc.Date("date"); err != nil {
				b.Fatal(err)
			}
		}
	}
}

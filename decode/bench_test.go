package decode

import (
	"strings"
	"testing"

	"github.com/cnnews/cnnews/internal/seeds"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// BenchmarkUTF8 decodes the five reference articles as saved (UTF-8):
// the common case, a validity check.
func BenchmarkUTF8(b *testing.B) {
	var all strings.Builder
	for _, s := range seeds.Load(b) {
		all.WriteString(s)
	}
	data := []byte(all.String())
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := Bytes(data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLegacy decodes a Simplified article in GBK and a Traditional
// one in Big5, each tried in both encodings and scored.
func BenchmarkLegacy(b *testing.B) {
	m := seeds.Load(b)
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(m["000"])
	if err != nil {
		b.Fatal(err)
	}
	var keep []string
	for _, line := range strings.Split(m["004"], "\n") {
		if _, err := traditionalchinese.Big5.NewEncoder().String(line); err == nil {
			keep = append(keep, line)
		}
	}
	big5, _ := traditionalchinese.Big5.NewEncoder().String(strings.Join(keep, "\n"))
	inputs := [][]byte{[]byte(gbk), []byte(big5)}
	b.SetBytes(int64(len(gbk) + len(big5)))
	b.ReportAllocs()
	for b.Loop() {
		for _, in := range inputs {
			if _, _, err := Bytes(in); err != nil {
				b.Fatal(err)
			}
		}
	}
}

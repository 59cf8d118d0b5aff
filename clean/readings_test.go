package clean

import (
	"encoding/binary"
	"os"
	"slices"
	"testing"

	"github.com/mozillazg/go-pinyin"
)

// makeReadingsTable encodes go-pinyin's PinyinDict as readingsTable holds
// it.
func makeReadingsTable() []byte {
	var rs []rune
	for k := range pinyin.PinyinDict {
		rs = append(rs, rune(k))
	}
	slices.Sort(rs)
	out := binary.LittleEndian.AppendUint32(nil, uint32(len(rs)))
	var text []byte
	for _, r := range rs {
		text = append(text, pinyin.PinyinDict[int(r)]...)
		out = binary.LittleEndian.AppendUint32(out, uint32(r))
		out = binary.LittleEndian.AppendUint32(out, uint32(len(text)))
	}
	return append(out, text...)
}

// TestReadingsTable checks that the embedded readings are go-pinyin's,
// every character's, and nothing else's. With -update it rewrites them.
func TestReadingsTable(t *testing.T) {
	want := makeReadingsTable()
	if *update {
		if err := os.WriteFile("readings.bin", want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if readingsTable != string(want) {
		t.Fatal("readings.bin is not go-pinyin's PinyinDict: run go test ./clean -run TestReadingsTable -update")
	}
	for k, v := range pinyin.PinyinDict {
		if got, ok := readingsOf(rune(k)); !ok || got != v {
			t.Fatalf("readingsOf(%c) = %q, %v; want %q", rune(k), got, ok, v)
		}
	}
	others := []rune{0, 'a', '。', 0x10FFFF, 0x4DFF}
	for r := rune(indexFrom); r < indexTo; r++ {
		others = append(others, r) // the index's characters without readings
	}
	for _, r := range others {
		if _, in := pinyin.PinyinDict[int(r)]; in {
			continue
		}
		if got, ok := readingsOf(r); ok {
			t.Errorf("readingsOf(%U) = %q, want none", r, got)
		}
	}
}

package clean

import (
	_ "embed"
	"encoding/binary"
	"sort"
	"sync"
)

// readingsTable holds the readings of github.com/mozillazg/go-pinyin's
// PinyinDict, made by TestReadingsTable (go test ./clean -run
// TestReadingsTable -update), which checks that it holds them all: a
// little-endian count n, then n pairs of a character and the end of its
// readings in the text that follows, sorted by character, then the
// readings ("yè,xié") one after another. Reading it costs nothing at
// start-up, where building go-pinyin's map of 41,000 characters took 6 ms
// of every run of the command.
//
//go:embed readings.bin
var readingsTable string

// readingsOf returns the readings of the character h as go-pinyin gives
// them, comma-separated with tone marks, and whether it has any.
func readingsOf(h rune) (string, bool) {
	t := readingsTable
	if len(t) < 4 {
		return "", false
	}
	n := int(binary.LittleEndian.Uint32([]byte(t[:4])))
	var i int
	if h >= indexFrom && h < indexTo {
		// the common characters, through the index
		if i = int(readingIndex()[h-indexFrom]) - 1; i < 0 {
			return "", false
		}
	} else {
		i = sort.Search(n, func(i int) bool { return readingEntry(t, i).r >= h })
		if i == n || readingEntry(t, i).r != h {
			return "", false
		}
	}
	start := 0
	if i > 0 {
		start = readingEntry(t, i-1).end
	}
	return t[4+8*n+start : 4+8*n+readingEntry(t, i).end], true
}

// readingEntry is entry i of the table t: a character and the end of its
// readings.
func readingEntry(t string, i int) (e struct {
	r   rune
	end int
}) {
	b := t[4+8*i : 4+8*i+8]
	e.r = rune(binary.LittleEndian.Uint32([]byte(b[:4])))
	e.end = int(binary.LittleEndian.Uint32([]byte(b[4:])))
	return e
}

// The index covers the CJK ideographs U+3400 to U+9FFF, where the
// characters glossed in text are.
const indexFrom, indexTo = 0x3400, 0xA000

// readingIndex gives for each character from indexFrom to indexTo 1 + the
// number of its entry in readingsTable, or 0 when it has none. It is made
// on first use (55 KB, from the table's 41,923 entries).
var readingIndex = sync.OnceValue(func() *[indexTo - indexFrom]uint16 {
	var x [indexTo - indexFrom]uint16
	t := readingsTable
	if len(t) < 4 {
		return &x
	}
	for i := range int(binary.LittleEndian.Uint32([]byte(t[:4]))) {
		if r := readingEntry(t, i).r; r >= indexFrom && r < indexTo {
			x[r-indexFrom] = uint16(i + 1)
		}
	}
	return &x
})

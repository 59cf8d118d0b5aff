package clean

import (
	_ "embed"
	"encoding/binary"
	"sort"
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
	entries, text := t[4:4+8*n], t[4+8*n:]
	entry := func(i int) (rune, int) {
		e := entries[8*i : 8*i+8]
		return rune(binary.LittleEndian.Uint32([]byte(e[:4]))), int(binary.LittleEndian.Uint32([]byte(e[4:])))
	}
	i := sort.Search(n, func(i int) bool { r, _ := entry(i); return r >= h })
	if i == n {
		return "", false
	}
	r, end := entry(i)
	if r != h {
		return "", false
	}
	start := 0
	if i > 0 {
		_, start = entry(i - 1)
	}
	return text[start:end], true
}

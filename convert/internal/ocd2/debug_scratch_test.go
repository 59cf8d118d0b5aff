package ocd2

import (
	"os"
	"slices"
	"testing"
	"time"
)

func TestScratchTime(t *testing.T) {
	data, _ := os.ReadFile("/usr/share/opencc/STPhrases.ocd2")
	var ds []time.Duration
	for range 60 {
		t0 := time.Now()
		Read(data)
		ds = append(ds, time.Since(t0))
	}
	slices.Sort(ds)
	t.Logf("min %v p25 %v median %v", ds[0], ds[15], ds[30])
}

func TestScratchShape(t *testing.T) {
	data, _ := os.ReadFile("/usr/share/opencc/STPhrases.ocd2")
	r := &reader{data: data, off: 35}
	tr := readTrie(r, 1)
	for l := tr; l != nil; l = l.next {
		t.Logf("tries %d nodes %d links %d tail %d l1 %d terminals %d", l.numTries, len(l.bases), l.links.ones, len(l.tail), l.numL1, l.terminal.ones)
	}
	b := &budget{left: 1 << 40}
	v := readValues(r, tr.terminal.ones)
	tr.entries(b, v)
	t.Log("spent", 1<<40-b.left)
}

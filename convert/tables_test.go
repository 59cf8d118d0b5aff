package convert

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/liuzl/gocc"
)

var update = flag.Bool("update", false, "rewrite the stored dictionary tables from gocc")

// TestBuiltinTables rebuilds every built-in dictionary from gocc's embedded
// text and checks that the stored table is byte for byte what that gives,
// and that every configuration's chain is gocc's.
func TestBuiltinTables(t *testing.T) {
	written := map[string]bool{}
	for _, config := range Configs() {
		cc, err := gocc.New(config)
		if err != nil {
			t.Fatal(err)
		}
		var chain [][]string
		for _, g := range cc.DictChains {
			chain = append(chain, g.Files)
			for i, d := range g.Dicts {
				name := g.Files[i]
				if written[name] {
					continue
				}
				written[name] = true
				want := encodeTable(newDict(name, d))
				file := filepath.FromSlash(tablePath(name))
				if *update {
					if err := os.WriteFile(file, want, 0o644); err != nil {
						t.Fatal(err)
					}
					continue
				}
				got, err := os.ReadFile(file)
				if err != nil {
					t.Fatalf("%v (run go test ./convert -run TestBuiltinTables -update)", err)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("%s: stored table differs from gocc's dictionary (run go test ./convert -run TestBuiltinTables -update)", file)
				}
			}
		}
		if !reflect.DeepEqual(chain, builtinChains[config]) {
			t.Errorf("%s: chain %q, gocc's is %q", config, builtinChains[config], chain)
		}
	}
	entries, err := os.ReadDir("tables")
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != len(written) {
		t.Errorf("tables/ holds %d files, the configurations use %d dictionaries", len(entries), len(written))
	}
}

// TestDecodeTable checks that a stored table reads back into the same
// trie and values, and that damaged tables are errors, not panics.
func TestDecodeTable(t *testing.T) {
	cc, err := gocc.New("t2s")
	if err != nil {
		t.Fatal(err)
	}
	want := newDict("TSPhrases.txt", cc.DictChains[0].Dicts[0])
	b := encodeTable(want)
	got, err := decodeTable("TSPhrases.txt", b)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.n, want.n) || !reflect.DeepEqual(got.out, want.out) || got.root != want.root {
		t.Fatal("decoded table differs from the dictionary it was written from")
	}
	for _, cut := range []int{0, 5, len(tableMagic) + 4, len(tableMagic) + 8, len(b) / 2, len(b) - 1} {
		if _, err := decodeTable("x.txt", b[:cut]); err == nil {
			t.Errorf("table cut at %d of %d bytes: no error", cut, len(b))
		}
	}
	bad := bytes.Clone(b)
	bad[len(tableMagic)-2] = '9'
	if _, err := decodeTable("x.txt", bad); err == nil {
		t.Error("table of another version: no error")
	}
}

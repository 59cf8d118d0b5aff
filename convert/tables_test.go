package convert

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the stored dictionary tables from opencc/")

// sourceTables builds every dictionary the built-in configurations use
// from the OpenCC sources in opencc/, through Load, as it builds them from
// any OpenCC data: text dictionaries, the dictionaries OpenCC generates,
// and the merged dictionaries of union groups.
func sourceTables(t testing.TB) map[string]*dict {
	t.Helper()
	built := map[string]*dict{}
	for _, config := range Configs() {
		l := &loader{fsys: os.DirFS("opencc"), opts: options{tofu: true}, files: map[string]*dict{}, unions: map[string]*dict{},
			record: func(name string, d *dict) { built[name] = d }}
		if _, err := l.load("config/" + config + ".json"); err != nil {
			t.Fatal(err)
		}
	}
	return built
}

// TestBuiltinTables rebuilds every built-in table from the OpenCC sources
// and checks that the stored table is byte for byte what that gives, and
// that tables/ holds no other file. With -update it writes them.
func TestBuiltinTables(t *testing.T) {
	built := sourceTables(t)
	if *update {
		old, _ := filepath.Glob("tables/*.dat")
		for _, f := range old {
			if err := os.Remove(f); err != nil {
				t.Fatal(err)
			}
		}
	}
	var names []string
	for name, d := range built {
		names = append(names, name)
		want := encodeTable(d)
		file := filepath.FromSlash(tablePath(name))
		if *update {
			if err := os.WriteFile(file, want, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(file)
		if err != nil {
			t.Fatalf("%v (run go generate ./convert, or go test ./convert -run TestBuiltinTables -update)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: stored table differs from the one built from opencc/ (run go test ./convert -run TestBuiltinTables -update)", file)
		}
	}
	files, err := filepath.Glob("tables/*.dat")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != len(names) {
		slices.Sort(names)
		t.Errorf("tables/ holds %d files, the configurations use %d tables: %q", len(files), len(names), names)
	}
}

// TestDecodeTable checks that a stored table reads back into the same
// trie and values, and that damaged tables are errors, not panics.
func TestDecodeTable(t *testing.T) {
	want := buildDict("x", []string{"頭髮", "頭", "乾淨", "乾隆", "𠀾"}, []string{"头发", "头", "干净", "乾隆", "𠀾"})
	b := encodeTable(want)
	got, err := decodeTable("x", b)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.n, want.n) || !reflect.DeepEqual(got.out, want.out) || got.root != want.root {
		t.Fatal("decoded table differs from the dictionary it was written from")
	}
	for _, cut := range []int{0, 5, len(tableMagic) + 4, len(tableMagic) + 8, len(b) / 2, len(b) - 1} {
		if _, err := decodeTable("x", b[:cut]); err == nil {
			t.Errorf("table cut at %d of %d bytes: no error", cut, len(b))
		}
	}
	bad := bytes.Clone(b)
	bad[len(tableMagic)-2] = '9'
	if _, err := decodeTable("x", bad); err == nil {
		t.Error("table of another version: no error")
	}
}

// TestDataVersion checks that DataVersion is the version go generate
// fetches.
func TestDataVersion(t *testing.T) {
	src, err := os.ReadFile("tables.go")
	if err != nil {
		t.Fatal(err)
	}
	if want := "fetchopencc -version " + DataVersion() + " "; !bytes.Contains(src, []byte(want)) {
		t.Errorf("tables.go's go:generate line does not fetch %s", DataVersion())
	}
}

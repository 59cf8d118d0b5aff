package convert

import (
	"bytes"
	"encoding/binary"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The character tables as they were built on first use before they were
// stored, from the dictionaries: TestCharacterTables builds them so and
// compares them with the stored ones.

// candidatesOfDict maps each key of a dictionary of every value of
// STCharacters (allValues) to its Traditional forms, the first being
// OpenCC's choice.
func candidatesOfDict(d *dict) map[rune][]rune {
	m := map[rune][]rune{}
	d.walk(func(key []byte, v int32) {
		r, _ := utf8.DecodeRune(key)
		for _, f := range strings.Fields(d.out[v]) {
			c, _ := utf8.DecodeRuneInString(f)
			m[r] = append(m[r], c)
		}
	})
	return m
}

// allValues builds a dictionary of every value of td's entries, joined by
// spaces (发 → "發 髮").
func allValues(name string, td *textDict) *dict {
	keys := make([]string, len(td.entries))
	values := make([]string, len(td.entries))
	for i, e := range td.entries {
		keys[i], values[i] = e.key, strings.Join(e.values, " ")
	}
	return buildDict(name, keys, values)
}

// classesOf builds Detect's table from t2s and the forms STCharacters
// gives each Simplified character (st).
func classesOf(t2s *Converter, st map[rune][]rune) *[0x10000]uint8 {
	t := new([0x10000]uint8)
	// TSCharacters maps each Traditional-only character to its Simplified
	// forms: its keys that change are Traditional, and the forms they
	// change to, where not Traditional characters themselves, are
	// Simplified. A character STCharacters keeps among its own
	// Traditional forms (于 → 於 于) is written in both scripts.
	for _, g := range t2s.chain {
		for _, d := range g.dicts {
			if d.single == nil {
				continue
			}
			for r, v := range d.single {
				if v == 0 {
					continue
				}
				out := d.out[v-1]
				if s, n := utf8.DecodeRuneInString(out); n == len(out) && s != rune(r) {
					t[r] = 2
				}
			}
			for r, v := range d.single {
				if v == 0 {
					continue
				}
				if s, n := utf8.DecodeRuneInString(d.out[v-1]); n > 0 && s != rune(r) && s < 0x10000 && t[s] == 0 && d.single[s] == 0 && !slices.Contains(st[s], s) {
					t[s] = 1
				}
			}
		}
	}
	for r := range t {
		if unicode.Is(unicode.Han, rune(r)) {
			t[r] |= han
		}
	}
	clear(t[:0x2E80])
	return t
}

// simplifiedOfConverter maps the characters of the Basic Multilingual
// Plane that t2s's character tables change to their first form.
func simplifiedOfConverter(t2s *Converter) []rune {
	t := make([]rune, 0x10000)
	for _, g := range t2s.chain {
		for _, d := range g.dicts {
			for r, v := range d.single {
				if v == 0 {
					continue
				}
				if s, n := utf8.DecodeRuneInString(d.out[v-1]); n > 0 && s != rune(r) {
					t[r] = s
				}
			}
		}
	}
	return t
}

// candidatesOf gives Repair's forms of each Simplified character: st's,
// then every other character simplified reads back to it.
func candidatesOf(st map[rune][]rune, simplified []rune) map[rune][]rune {
	cands := map[rune][]rune{}
	for r, forms := range st {
		cands[r] = slices.Clone(forms)
	}
	for r, sr := range simplified {
		if sr != 0 && !slices.Contains(cands[sr], rune(r)) {
			cands[sr] = append(cands[sr], rune(r))
		}
	}
	return cands
}

// encodeClasses writes scripts.bin from Detect's table.
func encodeClasses(t *[0x10000]uint8) []byte {
	var b []byte
	for _, class := range []uint8{1, 2} {
		var rs []rune
		for r, c := range t {
			if c&^han == class {
				rs = append(rs, rune(r))
			}
		}
		b = appendRunes(b, rs)
	}
	return b
}

// appendRunes appends the number of rs, sorted, and each as its distance
// from the one before.
func appendRunes(b []byte, rs []rune) []byte {
	b = binary.AppendUvarint(b, uint64(len(rs)))
	prev := rune(0)
	for _, r := range rs {
		b = binary.AppendUvarint(b, uint64(r-prev))
		prev = r
	}
	return b
}

// encodeSimplified writes simplified.bin from simplifiedOf's table.
func encodeSimplified(t []rune) []byte {
	n := 0
	for _, s := range t {
		if s != 0 {
			n++
		}
	}
	b := binary.AppendUvarint(nil, uint64(n))
	prev := rune(0)
	for r, s := range t {
		if s != 0 {
			b = binary.AppendUvarint(b, uint64(rune(r)-prev))
			b = binary.AppendUvarint(b, uint64(s))
			prev = rune(r)
		}
	}
	return b
}

// encodeCandidates writes candidates.bin from Repair's forms.
func encodeCandidates(m map[rune][]rune) []byte {
	b := binary.AppendUvarint(nil, uint64(len(m)))
	prev := rune(0)
	for _, r := range slices.Sorted(maps.Keys(m)) {
		b = binary.AppendUvarint(b, uint64(r-prev))
		b = binary.AppendUvarint(b, uint64(len(m[r])))
		for _, f := range m[r] {
			b = binary.AppendUvarint(b, uint64(f))
		}
		prev = r
	}
	return b
}

// charTables are the character tables as they are built from a t2s
// Converter and STCharacters.
type charTables struct {
	classes    *[0x10000]uint8
	simplified []rune
	candidates map[rune][]rune
}

func buildCharTables(t2s *Converter, stAll *dict) charTables {
	st := candidatesOfDict(stAll)
	simplified := simplifiedOfConverter(t2s)
	return charTables{classesOf(t2s, st), simplified, candidatesOf(st, simplified)}
}

// sourceCharacters reads, from the OpenCC sources in opencc/, the t2s
// Converter and every value of STCharacters (allValues), which the
// character tables are built from.
func sourceCharacters(t testing.TB) (*Converter, *dict) {
	t.Helper()
	t2s, err := LoadDir("opencc", "config/t2s")
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join("opencc", "dictionary", "STCharacters.txt"))
	if err != nil {
		t.Fatal(err)
	}
	td, err := parseText("STCharacters.txt", data)
	if err != nil {
		t.Fatal(err)
	}
	return t2s, allValues("STCharactersAll", td)
}

// TestCharacterTables builds the character tables from the OpenCC sources
// and checks that the stored ones are byte for byte what that gives, and
// that they read back into the tables Detect, ToSimplified and Repair
// used to build from the built-in dictionaries. With -update it writes
// them.
func TestCharacterTables(t *testing.T) {
	t2s, stAll := sourceCharacters(t)
	src := buildCharTables(t2s, stAll)
	files := []struct {
		name         string
		stored, want []byte
	}{
		{"scripts.bin", scriptsData, encodeClasses(src.classes)},
		{"simplified.bin", simplifiedData, encodeSimplified(src.simplified)},
		{"candidates.bin", candidatesData, encodeCandidates(src.candidates)},
	}
	for _, f := range files {
		path := filepath.Join("tables", f.name)
		if *update {
			if err := os.WriteFile(path, f.want, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if !bytes.Equal(f.stored, f.want) {
			t.Errorf("%s differs from the table built from opencc/ (run go generate ./convert, or go test ./convert -run TestCharacterTables -update)", path)
		}
	}
	if *update || t.Failed() {
		return
	}
	// the built-in t2s gives the same tables as the sources, and the
	// stored ones read back into them
	builtin := buildCharTables(MustNew("t2s"), stAll)
	for _, want := range []charTables{src, builtin} {
		if *classes() != *want.classes {
			t.Error("classes: the stored table reads back differently")
		}
		if !slices.Equal(simplifiedOf(), want.simplified) {
			t.Error("simplifiedOf: the stored table reads back differently")
		}
		if !maps.EqualFunc(repairTables().cands, want.candidates, slices.Equal) {
			t.Error("Repair's forms: the stored table reads back differently")
		}
	}
}

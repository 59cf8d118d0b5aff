package ocd2

import (
	"bytes"
	"encoding/binary"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

const systemDir = "/usr/share/opencc"

// ocd2Files lists the .ocd2 files of dir, or skips t saying why there are none.
func ocd2Files(t testing.TB, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.ocd2"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Skipf("no .ocd2 files in %s", dir)
	}
	return files
}

// dump runs OpenCC's opencc_dict to convert file to text and parses the result.
func dump(t *testing.T, tool, file string) []Entry {
	t.Helper()
	out := filepath.Join(t.TempDir(), "dump.txt")
	cmd := exec.Command(tool, "-i", file, "-o", out, "-f", "ocd2", "-t", "text")
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s: %v\n%s", cmd, err, msg)
	}
	text, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var entries []Entry
	for line := range strings.Lines(string(text)) {
		key, values, ok := strings.Cut(strings.TrimSuffix(line, "\n"), "\t")
		if !ok {
			t.Fatalf("%s: bad dump line %q", file, line)
		}
		entries = append(entries, Entry{Key: key, Values: strings.Split(values, " ")})
	}
	slices.SortFunc(entries, func(a, b Entry) int { return strings.Compare(a.Key, b.Key) })
	return entries
}

func TestReadMatchesOpenCC(t *testing.T) {
	tool, err := exec.LookPath("opencc_dict")
	if err != nil {
		t.Skip("opencc_dict not installed: apt-get install opencc")
	}
	for _, set := range []struct{ name, dir string }{
		{"system", systemDir}, {"OCD2_DIR", os.Getenv("OCD2_DIR")}, {"testdata", "testdata"},
	} {
		t.Run(set.name, func(t *testing.T) {
			if set.dir == "" {
				t.Skip("OCD2_DIR not set")
			}
			for _, file := range ocd2Files(t, set.dir) {
				t.Run(filepath.Base(file), func(t *testing.T) {
					data, err := os.ReadFile(file)
					if err != nil {
						t.Fatal(err)
					}
					got, err := Read(data)
					if err != nil {
						t.Fatal(err)
					}
					if diff := cmp.Diff(dump(t, tool, file), got); diff != "" {
						t.Fatalf("Read differs from opencc_dict (-want +got):\n%s", diff)
					}
					t.Logf("%d entries", len(got))
				})
			}
		})
	}
}

// TestReadGolden checks the files in testdata, built with marisa options
// OpenCC does not use (binary tail, many tries, label order), against their
// text dumps, so it runs without OpenCC installed.
func TestReadGolden(t *testing.T) {
	for _, file := range ocd2Files(t, "testdata") {
		t.Run(filepath.Base(file), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			text, err := os.ReadFile(strings.TrimSuffix(file, ".ocd2") + ".txt")
			if err != nil {
				t.Fatal(err)
			}
			got, err := Read(data)
			if err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			for _, e := range got {
				b.WriteString(e.Key + "\t" + strings.Join(e.Values, " ") + "\n")
			}
			if diff := cmp.Diff(string(text), b.String()); diff != "" {
				t.Fatalf("Read differs from %s.txt (-want +got):\n%s", file, diff)
			}
		})
	}
}

// valuesOffset returns where the values block of a valid file starts,
// computed from the end of the file and its entries.
func valuesOffset(t testing.TB, data []byte, entries []Entry) int {
	t.Helper()
	size := 8 + 2*len(entries)
	for _, e := range entries {
		for _, v := range e.Values {
			size += 2 + len(v) + 1
		}
	}
	off := len(data) - size
	if off < 0 || int(binary.LittleEndian.Uint32(data[off:])) != len(entries) {
		t.Fatalf("values block of %d entries not found", len(entries))
	}
	return off
}

// withoutCache returns data with the first trie's cache (12-byte entries that
// speed up marisa's lookups, skipped by Read) cut out, which turns a real
// file into a small seed for fuzzing, or data itself if that fails.
func withoutCache(t testing.TB, data []byte) []byte {
	entries, err := Read(data)
	if err != nil {
		return data
	}
	end := valuesOffset(t, data, entries) - 8 // before num_l1_nodes and the config flags
	for n := 12 * 256; n+8 <= end; n *= 2 {   // the cache has 2^k >= 256 entries
		if binary.LittleEndian.Uint64(data[end-n-8:]) == uint64(n) {
			small := slices.Concat(data[:end-n-8], make([]byte, 8), data[end:])
			if got, err := Read(small); err == nil && cmp.Equal(got, entries) {
				return small
			}
		}
	}
	return data
}

func TestReadErrors(t *testing.T) {
	valid, err := os.ReadFile("testdata/small.ocd2")
	if err != nil {
		t.Fatal(err)
	}
	entries, err := Read(valid)
	if err != nil {
		t.Fatal(err)
	}
	valuesOff := valuesOffset(t, valid, entries)
	with := func(off int, b ...byte) []byte {
		d := bytes.Clone(valid)
		copy(d[off:], b)
		return d
	}
	for _, tc := range []struct {
		name, want string
		data       []byte
	}{
		{"empty", `byte offset 0: not an OpenCC .ocd2 file`, nil},
		{"wrong header", `byte offset 0: not an OpenCC .ocd2 file: want header "OPENCC_MARISA_0.2.5", have "OPENCC_MARISA_0.2.4"`,
			with(18, '4')},
		{"wrong marisa header", `byte offset 19: want marisa header`, with(19, 'w')},
		{"only header", `byte offset 19: truncated marisa header`, valid[:19]},
		{"truncated trie", `byte offset 43: truncated LOUDS bits: need`, valid[:50]},
		{"truncated trie end", `truncated config flags: need 4 bytes, 2 left`, valid[:valuesOff-2]},
		{"no values", `truncated value list count`, valid[:valuesOff]},
		{"truncated values", `truncated value length`, valid[:len(valid)-1]},
		{"trailing bytes", `1 unexpected bytes after the values`, append(bytes.Clone(valid), 0)},
		{"value count", "value lists for", with(valuesOff, 0xff)},
		{"odd louds size", "byte offset 35: LOUDS bits: size 255 is not a multiple of 8", with(35, 0xff)},
		{"huge louds", "byte offset 43: truncated LOUDS bits: need 4294967552 bytes", with(35, 0, 1, 0, 0, 1)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Read(tc.data)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Read = %d entries, error %v; want error containing %q", len(got), err, tc.want)
			}
			if !strings.HasPrefix(err.Error(), "ocd2: byte offset ") {
				t.Errorf("error %q does not start with the offset", err)
			}
		})
	}
}

// TestBudget checks the cap on the bytes that keys may expand to, which only
// crafted files reach.
func TestBudget(t *testing.T) {
	data, err := os.ReadFile("testdata/deep.ocd2")
	if err != nil {
		t.Fatal(err)
	}
	r := &reader{data: data, off: len(ocd2Header) + len(marisaHeader)}
	tr := readTrie(r, 1)
	values := readValues(r, tr.terminal.ones)
	if r.err != nil {
		t.Fatal(r.err)
	}
	const want = "keys expand to too many bytes for the file size"
	if _, err := tr.entries(&budget{left: 100}, values); err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("entries with a budget of 100 bytes: error %v, want %q", err, want)
	}
}

func FuzzRead(f *testing.F) {
	// Small valid files: testdata's, built with opencc_dict from entries of
	// OpenCC's dictionaries, and the installed ones of under 8 KiB, each
	// without its cache, which shrinks it to a few KiB.
	var seeds [][]byte
	testdata, _ := filepath.Glob("testdata/*.ocd2")
	installed, _ := filepath.Glob(filepath.Join(systemDir, "*.ocd2"))
	for _, file := range append(testdata, installed...) {
		if data, err := os.ReadFile(file); err == nil && len(data) < 8<<10 {
			seeds = append(seeds, withoutCache(f, data))
		}
	}
	for _, s := range seeds {
		f.Add(s)
		for _, n := range []int{0, 19, 35, len(s) / 2, len(s) - 1} {
			f.Add(s[:n])
		}
		for _, i := range []int{20, 43, 60, 100, len(s) / 3, len(s) - 5} {
			d := bytes.Clone(s)
			d[i] ^= 0x10
			f.Add(d)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		entries, err := Read(data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "ocd2: byte offset ") {
				t.Fatalf("error without offset: %v", err)
			}
			return
		}
		for i, e := range entries {
			if e.Key == "" || !utf8.ValidString(e.Key) {
				t.Fatalf("bad key %q", e.Key)
			}
			if i > 0 && entries[i-1].Key >= e.Key {
				t.Fatalf("keys out of order: %q, %q", entries[i-1].Key, e.Key)
			}
			if len(e.Values) == 0 {
				t.Fatalf("key %q has no values", e.Key)
			}
			for _, v := range e.Values {
				if !utf8.ValidString(v) {
					t.Fatalf("key %q: bad value %q", e.Key, v)
				}
			}
		}
	})
}

func BenchmarkRead(b *testing.B) {
	var largest []byte
	for _, dir := range []string{systemDir, os.Getenv("OCD2_DIR")} {
		if dir == "" {
			continue
		}
		files, _ := filepath.Glob(filepath.Join(dir, "*.ocd2"))
		for _, file := range files {
			if data, err := os.ReadFile(file); err == nil && len(data) > len(largest) {
				largest = data
			}
		}
	}
	if largest == nil {
		b.Skip("no .ocd2 files: apt-get install opencc or set OCD2_DIR")
	}
	b.SetBytes(int64(len(largest)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Read(largest); err != nil {
			b.Fatal(err)
		}
	}
}

package convert

import (
	"bytes"
	"io"
	"testing"
	"unicode/utf8"
)

// chunked reads its data in pieces whose sizes the fuzzer chooses.
type chunked struct {
	data  []byte
	sizes []byte
}

func (c *chunked) Read(p []byte) (int, error) {
	if len(c.data) == 0 {
		return 0, io.EOF
	}
	n := 1
	if len(c.sizes) > 0 {
		n = 1 + int(c.sizes[0])
		c.sizes = c.sizes[1:]
	}
	n = min(n, len(p), len(c.data))
	copy(p, c.data[:n])
	c.data = c.data[n:]
	return n, nil
}

// FuzzConvert checks for any input: no panic, valid UTF-8 out, and the
// streamed output equal to the one-shot output for any chunking.
func FuzzConvert(f *testing.F) {
	// short seeds: the fuzzer minimises every input that finds new code,
	// and long ones make that slow
	for _, s := range seeds(f) {
		r := []rune(s)
		f.Add([]byte(string(r[:min(len(r), 80)])), []byte{3, 7, 200})
	}
	f.Add([]byte("较低级别的软件\xe4\xb8鼠标 和内存\n(朔州)"), []byte{0, 1, 2})
	f.Add([]byte("⿰讠吾 ⿱氵\n发 \uF900\U0002F800 调制解调器"), []byte{1, 2, 5})
	var configs []*Converter
	for _, name := range Configs() {
		configs = append(configs, MustNew(name))
	}
	f.Fuzz(func(t *testing.T, in, sizes []byte) {
		for _, c := range configs {
			want := c.Bytes(in)
			if !utf8.Valid(want) {
				t.Fatalf("%s: invalid UTF-8 out: %q", c.Name(), want)
			}
			var out bytes.Buffer
			if _, err := c.Convert(&out, &chunked{data: in, sizes: sizes}); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(out.Bytes(), want) {
				t.Fatalf("%s: streamed %q, one-shot %q", c.Name(), out.Bytes(), want)
			}
		}
		if got := RepairPunctuation(string(in)); utf8.Valid(in) && !utf8.ValidString(got) {
			t.Fatalf("punctuation repair: invalid UTF-8 out")
		}
		Detect(string(in))
	})
}

// FuzzEqualsReference checks that for any input the converter gives the
// output of the plain implementation of OpenCC's algorithm over the
// source dictionaries (reference), for every configuration: phrase
// dictionaries with pair filters, union groups, folded steps,
// segmentation with three steps, normalization, description sequences.
func FuzzEqualsReference(f *testing.F) {
	for _, s := range seeds(f) {
		r := []rune(s)
		f.Add(string(r[:min(len(r), 60)]))
	}
	for _, s := range mixes(f, "s2twp", 20) {
		f.Add(s)
	}
	f.Add("较低级别的软件鼠标和内存了解一下𫍯𫟹⿰讠吾\uF900")
	names := Configs()
	var convs []*Converter
	var refs []*reference
	for _, n := range names {
		convs = append(convs, MustNew(n))
		refs = append(refs, newReference(f, n, false))
	}
	f.Fuzz(func(t *testing.T, in string) {
		for k, c := range convs {
			if got, want := c.String(in), refs[k].convert(in); got != want {
				t.Fatalf("%s(%q):\ngot  %q\nwant %q", names[k], in, got, want)
			}
		}
	})
}

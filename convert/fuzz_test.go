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
	configs := []*Converter{MustNew("s2t"), MustNew("s2twp"), MustNew("tw2sp"), MustNew("hk2s")}
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

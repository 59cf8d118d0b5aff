package frontmatter

import (
	"bytes"
	"os"
	"testing"
)

// FuzzSplit checks for any input: no panic; split then join gives back the
// input; an unchanged document is written back byte for byte; decoding
// and Read agree with Split.
func FuzzSplit(f *testing.F) {
	for _, name := range []string{"testdata/000.txt", "testdata/003.txt"} {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b)
		}
	}
	for _, tc := range splitCases {
		if len(tc.in) < 4096 {
			f.Add([]byte(tc.in))
		}
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		doc, err := Split(in)
		if !MayStart(string(in)) && (err != nil || doc.Format != None) {
			t.Fatalf("MayStart is false but Split gives %v, %v", doc, err)
		}
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("error %T is not an *Error: %v", err, err)
			}
			return
		}
		out, err := doc.Bytes()
		if err != nil || !bytes.Equal(out, in) {
			t.Fatalf("join differs from input: %q, %v", out, err)
		}
		doc.Fields()
		var m map[string]any
		doc.Decode(&m)
		rd, body, err := Read(bytes.NewReader(in))
		if err != nil {
			return // Read may refuse what Split refuses on decoding
		}
		var b bytes.Buffer
		b.ReadFrom(body)
		if rd.Format != doc.Format || !bytes.Equal(b.Bytes(), doc.Body()) {
			t.Fatalf("Read: %s %q, Split: %s %q", rd.Format, b.Bytes(), doc.Format, doc.Body())
		}
	})
}

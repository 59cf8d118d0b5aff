package decode

import (
	"errors"
	"testing"
	"unicode/utf8"
)

// FuzzBytes checks that any input decodes to valid UTF-8 or is an *Error
// inside the input, that Lossy never fails, that valid UTF-8 comes back
// unchanged, and that the report of replaced sequences holds together.
func FuzzBytes(f *testing.F) {
	for _, s := range []string{"", "新闻", "\xef\xbb\xbf新闻", "\xff\xfe}Y", "\xc4\xe3\xba\xc3", "\xa7A\xa6n", "好\xff", "<meta charset=gbk>\xc4\xe3", "\xc4\xe3\xa3\x7c\xba\xc3", "\xa7A\xff\xa6n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		out, rep, err := Bytes(data)
		if err != nil {
			var de *Error
			if !errors.As(err, &de) || de.Offset < 0 || de.Offset > len(data) || de.Line < 1 {
				t.Fatalf("error %v", err)
			}
		} else if !utf8.Valid(out) || rep.Encoding == "" {
			t.Fatalf("%q → %q %+v", data, out, rep)
		} else if rep.Replaced > maxInvalid {
			t.Fatalf("%q: %d replaced without Lossy", data, rep.Replaced)
		}
		checkReplaced(t, data, rep)
		if utf8.Valid(data) && (len(data) < 3 || string(data[:3]) != "\xef\xbb\xbf") && err == nil && string(out) != string(data) {
			t.Fatalf("valid UTF-8 changed: %q → %q", data, out)
		}
		lossy, rep2, err := Bytes(data, Lossy())
		if err != nil || !utf8.Valid(lossy) {
			t.Fatalf("lossy %q: %v %q", data, err, lossy)
		}
		if rep2.Replaced > 0 && (rep2.FirstInvalid < 0 || rep2.FirstInvalid > len(data)) {
			t.Fatalf("lossy %q: first invalid %d", data, rep2.FirstInvalid)
		}
		checkReplaced(t, data, rep2)
	})
}

// checkReplaced checks that rep lists min(Replaced, maxListed) offsets,
// increasing, inside data, the first of them FirstInvalid.
func checkReplaced(t *testing.T, data []byte, rep Report) {
	t.Helper()
	if len(rep.Invalid) != min(rep.Replaced, maxListed) {
		t.Fatalf("%q: %d replaced, %d listed", data, rep.Replaced, len(rep.Invalid))
	}
	if rep.Replaced == 0 {
		if rep.FirstInvalid != -1 {
			t.Fatalf("%q: none replaced, first at %d", data, rep.FirstInvalid)
		}
		return
	}
	if rep.FirstInvalid != rep.Invalid[0] {
		t.Fatalf("%q: first at %d, listed %v", data, rep.FirstInvalid, rep.Invalid)
	}
	for i, off := range rep.Invalid {
		if off < 0 || off >= len(data) || (i > 0 && off <= rep.Invalid[i-1]) {
			t.Fatalf("%q: offsets %v", data, rep.Invalid)
		}
	}
}

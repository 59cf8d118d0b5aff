package articlejson

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/cnnews/cnnews"
	"github.com/cnnews/cnnews/clean"
	"github.com/cnnews/cnnews/decode"
	"github.com/cnnews/cnnews/internal/seeds"
	"github.com/google/go-cmp/cmp"
)

// reference is the article's JSON as encoding/json writes it, HTML
// escaping off: the definition Append must equal.
func reference(t testing.TB, a *cnnews.Article) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(a); err != nil {
		t.Fatal(err)
	}
	return bytes.TrimRight(buf.Bytes(), "\n")
}

func same(t *testing.T, name string, a *cnnews.Article) {
	t.Helper()
	got, err := Append(nil, a)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if diff := cmp.Diff(string(reference(t, a)), string(got)); diff != "" {
		t.Fatalf("%s: differs from encoding/json (-want +got):\n%s", name, diff)
	}
}

// TestEqualsEncodingJSON writes the articles of the reference set and the
// publishers' cases, converted or not, through both encoders.
func TestEqualsEncodingJSON(t *testing.T) {
	plain, _ := cnnews.New()
	conv, _ := cnnews.New(cnnews.Convert("t2s"), cnnews.RepairPunctuation(), cnnews.RepairConversion(), cnnews.Lossy())
	inputs := map[string][]byte{}
	for name, s := range seeds.Load(t) {
		inputs[name] = []byte(s)
	}
	files, _ := filepath.Glob(filepath.Join("..", "..", "clean", "testdata", "publishers", "*"))
	if len(files) < 100 {
		t.Fatalf("publishers' cases: %d files", len(files))
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		inputs[filepath.Base(f)] = b
	}
	inputs["front"] = []byte("---\ntitle: 春耕 <b>&</b>\ndate: 2022-05-13 22:10:31\ntags: [农业, 山西]\nextra:\n  n: 1.5\n  list: [1, \"二\", null, true]\n---\n来源：山西日报\n春分时节，\"各地\"开展春耕备耕。\t\u2028\u2029\x01\n（完）\n")
	inputs["gbk-bad"] = []byte("\xc9\xbd\xce\xf7\xff\xd0\xc2\xce\xc5\xa1\xa3")
	for name, in := range inputs {
		for _, p := range []*cnnews.Pipeline{plain, conv} {
			a, err := p.Process(name, in)
			if err != nil {
				continue
			}
			same(t, name, a)
		}
	}
	// every field set, and the zero article
	full := &cnnews.Article{Name: "a\"b", Text: "正文\n\x00\x7f\xff<>&", Removed: []clean.Removal{{Rule: "r", Category: "c", Text: "t", Line: 1, Start: 2, End: 3}},
		Warnings: []clean.Warning{{Line: 1, Offset: 2, Message: "m"}}, Encoding: decode.Report{Encoding: "GB18030", BOM: true, Declared: "gbk", Replaced: 2, FirstInvalid: 5, Invalid: []int{5, 9}},
		Format: clean.HTML, Converted: "t2s", Repaired: 3}
	full.Meta.Title, full.Meta.Editors, full.Meta.PublishedAt = "标题", []string{"王", "李"}, time.Date(2024, 1, 9, 10, 0, 0, 0, time.FixedZone("", 8*3600))
	full.Meta.Credits = []clean.Credit{{Role: "责任编辑", Name: "王"}}
	full.Meta.Authors, full.Meta.Categories, full.Meta.Tags = []string{"甲"}, []string{"乙"}, []string{"丙"}
	full.Meta.Front = map[string]any{"z": 1, "a": []any{"x", map[string]any{"k": nil}}}
	same(t, "full", full)
	same(t, "zero", &cnnews.Article{})
}

// FuzzAppendString checks the string escaper against encoding/json on
// any bytes.
func FuzzAppendString(f *testing.F) {
	for _, s := range []string{"", "正文", "a\"b\\c\n\r\t\b\f\x00\x1f\x7f", "\u2028\u2029", "\xff\xe4\xb8", "<>&", "\xe2\x80", "\xe2\x80\xa8x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		enc.Encode(s)
		if got, want := string(AppendString(nil, s)), string(bytes.TrimRight(buf.Bytes(), "\n")); got != want {
			t.Fatalf("AppendString(%q) = %s, encoding/json %s", s, got, want)
		}
	})
}

func BenchmarkAppend(b *testing.B) {
	p, _ := cnnews.New()
	var arts []*cnnews.Article
	n := 0
	for _, s := range seeds.Load(b) {
		a, err := p.ProcessString("x", s, "")
		if err != nil {
			b.Fatal(err)
		}
		arts = append(arts, a)
		n += len(reference(b, a))
	}
	b.Run("articlejson", func(b *testing.B) {
		b.SetBytes(int64(n))
		b.ReportAllocs()
		var dst []byte
		for b.Loop() {
			for _, a := range arts {
				dst, _ = Append(dst[:0], a)
			}
		}
	})
	b.Run("encoding-json", func(b *testing.B) {
		b.SetBytes(int64(n))
		b.ReportAllocs()
		for b.Loop() {
			for _, a := range arts {
				reference(b, a)
			}
		}
	})
}

// TestAppendReportEqualsMarshal checks the report written without
// reflection against its MarshalJSON, and that odd names are left to it.
func TestAppendReportEqualsMarshal(t *testing.T) {
	written := 0
	for _, r := range []decode.Report{
		{Encoding: decode.UTF8, FirstInvalid: -1},
		{Encoding: decode.UTF8, BOM: true, FirstInvalid: -1},
		{Encoding: "GB18030", Declared: "gbk", Replaced: 2, FirstInvalid: 0, Invalid: []int{0, 5}},
		{Encoding: "Big5", Replaced: 101, FirstInvalid: 7, Invalid: []int{7}},
		{Encoding: "windows-1252", Declared: "x<y>&z", FirstInvalid: -1},
		{Encoding: "\"é\"", FirstInvalid: -1},
	} {
		want, err := r.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		got, ok := appendReport(nil, r)
		if !ok {
			continue
		}
		written++
		if string(got) != string(want) {
			t.Errorf("%+v: wrote %s, MarshalJSON %s", r, got, want)
		}
	}
	if written != 4 {
		t.Errorf("%d reports written without reflection, want 4", written)
	}
}

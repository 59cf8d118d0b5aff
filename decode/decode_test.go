package decode

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/cnnews/cnnews/internal/seeds"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	xunicode "golang.org/x/text/encoding/unicode"
)

// encodable returns the lines of s that e can encode, and their encoding.
func encodable(t *testing.T, e encoding.Encoding, s string) (string, []byte) {
	t.Helper()
	var keep []string
	for _, line := range strings.Split(s, "\n") {
		if _, err := e.NewEncoder().String(line); err == nil {
			keep = append(keep, line)
		}
	}
	text := strings.Join(keep, "\n")
	b, err := e.NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return text, b
}

func TestReferenceArticlesInEveryEncoding(t *testing.T) {
	m := seeds.Load(t)
	tested := map[string]int{}
	for name, s := range m {
		for _, enc := range []struct {
			name string
			e    encoding.Encoding
		}{{GB18030, simplifiedchinese.GB18030}, {GB18030, simplifiedchinese.GBK}, {Big5, traditionalchinese.Big5}} {
			text, raw := encodable(t, enc.e, s)
			if len(text) < len(s)/2 {
				continue // the article's script is mostly outside this encoding
			}
			tested[enc.name]++
			got, rep, err := Bytes(raw)
			if err != nil {
				t.Errorf("%s as %s: %v", name, enc.name, err)
				continue
			}
			if rep.Encoding != enc.name || string(got) != text {
				t.Errorf("%s as %s: read as %s, same text %v", name, enc.name, rep.Encoding, string(got) == text)
			}
		}
		for _, bom := range []struct {
			name string
			e    encoding.Encoding
		}{{UTF8, xunicode.UTF8BOM}, {UTF16LE, xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM)}, {UTF16BE, xunicode.UTF16(xunicode.BigEndian, xunicode.UseBOM)}} {
			raw, err := bom.e.NewEncoder().Bytes([]byte(s))
			if err != nil {
				t.Fatal(err)
			}
			got, rep, err := Bytes(raw)
			if err != nil || rep.Encoding != bom.name || !rep.BOM || string(got) != s {
				t.Errorf("%s with a %s BOM: %v %+v, same text %v", name, bom.name, err, rep, string(got) == s)
			}
		}
		got, rep, err := Bytes([]byte(s))
		if err != nil || rep.Encoding != UTF8 || rep.BOM || string(got) != s {
			t.Errorf("%s as UTF-8: %v %+v", name, err, rep)
		}
	}
	// three Simplified articles in GBK and GB18030, two Traditional ones
	// in Big5 (and in GBK, which holds Traditional characters too)
	if tested[GB18030] < 6 || tested[Big5] < 2 {
		t.Errorf("articles tried per encoding: %v", tested)
	}
}

func TestShortLegacyText(t *testing.T) {
	for _, tc := range []struct {
		text string
		enc  encoding.Encoding
		want string
	}{
		{"新华社北京电 记者王磊报道", simplifiedchinese.GBK, GB18030},
		{"中央社記者台北報導", traditionalchinese.Big5, Big5},
		{"責任編輯：李文治", traditionalchinese.Big5, Big5},
		{"（责任编辑：张三）", simplifiedchinese.GBK, GB18030},
		{"经济", simplifiedchinese.GBK, GB18030},
		{"經濟發展", traditionalchinese.Big5, Big5},
	} {
		raw, err := tc.enc.NewEncoder().Bytes([]byte(tc.text))
		if err != nil {
			t.Fatal(err)
		}
		got, rep, err := Bytes(raw)
		if err != nil || rep.Encoding != tc.want || string(got) != tc.text {
			t.Errorf("%s: got %q as %s, %v; want %s", tc.text, got, rep.Encoding, err, tc.want)
		}
	}
}

func TestDeclaredCharset(t *testing.T) {
	page := `<html><head><meta charset="gb2312"><title>新闻</title></head><body><p>国务院新闻办公室举行发布会。</p></body></html>`
	raw, _ := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(page))
	got, rep, err := Bytes(raw)
	if err != nil || string(got) != page || rep.Encoding != GB18030 || rep.Declared != "gbk" {
		t.Errorf("declared gb2312: %v %+v", err, rep)
	}
	// a page that declares GBK but is UTF-8: the bytes win, the
	// declaration is still reported
	utf := strings.Replace(page, "gb2312", "gbk", 1)
	got, rep, err = Bytes([]byte(utf))
	if err != nil || string(got) != utf || rep.Encoding != UTF8 || rep.Declared != "gbk" {
		t.Errorf("declared gbk, UTF-8 bytes: %v %+v", err, rep)
	}
	// declared Big5, but written in GBK: the declaration does not decode
	// cleanly or scores low, and detection finds GBK
	wrong := strings.Replace(page, "gb2312", "big5", 1)
	raw, _ = simplifiedchinese.GBK.NewEncoder().Bytes([]byte(wrong))
	got, rep, err = Bytes(raw)
	if err != nil {
		t.Fatalf("declared big5, GBK bytes: %v", err)
	}
	if rep.Declared != "big5" {
		t.Errorf("declared big5: reported %q", rep.Declared)
	}
	if rep.Encoding == Big5 && string(got) == wrong {
		t.Errorf("declared big5 over GBK bytes: read as Big5 yet equal the GBK text")
	}
}

func TestInvalid(t *testing.T) {
	in := []byte("第一行正常。\n第二行有坏字节\xff\xfe在这里。\n")
	_, _, err := Bytes(in)
	var de *Error
	if !errors.As(err, &de) {
		t.Fatalf("got %v, want *Error", err)
	}
	want := strings.Index(string(in), "\xff")
	if de.Offset != want || de.Line != 2 {
		t.Errorf("error at byte %d line %d, want byte %d line 2", de.Offset, de.Line, want)
	}
	if msg := err.Error(); !strings.Contains(msg, "byte 40") || !strings.Contains(msg, "line 2") || !strings.Contains(msg, "not valid UTF-8") {
		t.Errorf("message %q does not name the byte, the line and the encoding tried", msg)
	}
	// bytes that are mostly not UTF-8 are tried as GB18030 and Big5 too,
	// and the message says so
	_, _, err = Bytes([]byte("标题\n\xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8"))
	if !errors.As(err, &de) || de.Offset != 7 || de.Line != 2 || len(de.Tried) != 3 || !strings.HasSuffix(err.Error(), "not valid UTF-8, GB18030 or Big5") {
		t.Errorf("garbage: %v", err)
	}
	got, rep, err := Bytes(in, Lossy())
	if err != nil || !utf8.Valid(got) || rep.Replaced != 2 || rep.FirstInvalid != want {
		t.Errorf("lossy: %v %+v %q", err, rep, got)
	}
	if !bytes.HasPrefix(got, []byte("第一行正常。\n第二行有坏字节\uFFFD\uFFFD在这里")) {
		t.Errorf("lossy text %q", got)
	}
	// a UTF-8 BOM followed by bad bytes: offsets count the BOM
	_, _, err = Bytes(append([]byte("\xef\xbb\xbf好"), 0xC0))
	if !errors.As(err, &de) || de.Offset != 6 {
		t.Errorf("BOM then bad byte: %v", err)
	}
	// UTF-16 with an unpaired surrogate on its second line
	bad16 := []byte{0xFF, 0xFE, 0x7D, 0x59, 0x0A, 0x00, 0x00, 0xD8, 0x7D, 0x59}
	if _, _, err := Bytes(bad16); !errors.As(err, &de) || de.Offset != 6 || de.Line != 2 {
		t.Errorf("unpaired surrogate: %v", err)
	}
	// a page declaring Big5 whose bytes are neither Big5 nor GB18030: each
	// encoding is tried, and named, once
	_, _, err = Bytes([]byte("<meta charset=big5>\xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8\xf7"))
	if !errors.As(err, &de) || !slices.Equal(de.Tried, []string{UTF8, Big5, GB18030}) {
		t.Errorf("declared Big5, garbage: %v", err)
	}
	// UTF-16 with an odd byte count
	_, _, err = Bytes([]byte{0xFF, 0xFE, 0x7D, 0x59, 0x00})
	if !errors.As(err, &de) || de.Offset != 4 {
		t.Errorf("odd UTF-16: %v", err)
	}
	if got, rep, err := Bytes([]byte{0xFF, 0xFE, 0x7D, 0x59, 0x00}, Lossy()); err != nil || !utf8.Valid(got) || rep.Replaced == 0 {
		t.Errorf("odd UTF-16, lossy: %q %+v %v", got, rep, err)
	}
}

// TestMixedIsNotLegacy checks that UTF-8 text with a few bytes of GBK in
// it is reported as bad UTF-8, not read as GBK from end to end.
func TestMixedIsNotLegacy(t *testing.T) {
	gbk, _ := simplifiedchinese.GBK.NewEncoder().String("中文")
	in := "阳泉市召开经济工作会议。\n" + gbk + "\n"
	_, _, err := Bytes([]byte(in))
	var de *Error
	if !errors.As(err, &de) || de.Line != 2 || de.Offset != strings.Index(in, gbk) {
		t.Errorf("got %v, want an error at line 2", err)
	}
	// the other way round: GBK text is still GBK, whatever valid UTF-8
	// its bytes happen to contain
	for _, s := range []string{"阳泉市召开经济工作会议", "中国共产党山西省委员会", "经济运行总体平稳，稳中有进。"} {
		raw, _ := simplifiedchinese.GBK.NewEncoder().String(s)
		if got, rep, err := Bytes([]byte(raw)); err != nil || string(got) != s || rep.Encoding != GB18030 {
			t.Errorf("%s in GBK: %q %+v %v", s, got, rep, err)
		}
	}
}

func TestEmptyAndASCII(t *testing.T) {
	for _, in := range []string{"", "plain ASCII text\n"} {
		got, rep, err := Bytes([]byte(in))
		if err != nil || string(got) != in || rep.Encoding != UTF8 {
			t.Errorf("%q: %q %+v %v", in, got, rep, err)
		}
	}
}

// TestScoreSeparates checks the margin the legacy verdict rests on: the
// reference articles read in the right encoding score well above
// minScore, read in the wrong one well below. go test -v prints the
// scores.
func TestScoreSeparates(t *testing.T) {
	for name, s := range seeds.Load(t) {
		gbk, _ := simplifiedchinese.GB18030.NewEncoder().String(s)
		_, big5 := encodable(t, traditionalchinese.Big5, s)
		asBig5, _ := traditionalchinese.Big5.NewDecoder().String(gbk)
		asGBK, _ := simplifiedchinese.GB18030.NewDecoder().Bytes(big5)
		right, wrong1, wrong2 := score([]byte(s)), score([]byte(asBig5)), score(asGBK)
		t.Logf("%s: right %.2f, GB18030 bytes read as Big5 %.2f, Big5 bytes read as GB18030 %.2f", name, right, wrong1, wrong2)
		if right < 2*minScore || wrong1 > minScore/2 || wrong2 > minScore/2 {
			t.Errorf("%s: scores %.2f / %.2f / %.2f leave no margin around %.2f", name, right, wrong1, wrong2, minScore)
		}
	}
}

package convert

import (
	"bytes"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
	"testing/iotest"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/transform"
)

var punctCases = []struct{ in, want string }{
	{"歲暮天寒,望春則暖。", "歲暮天寒，望春則暖。"},
	{"1-11月,該市高質量發展", "1-11月，該市高質量發展"},
	{"發布時間:2022-05-09 15:11:00來源: 人民網", "發布時間：2022-05-09 15:11:00來源：人民網"},
	{"責任編輯: 吉政", "責任編輯：吉政"},
	{"準備怎麼幹?目標是什麼!", "準備怎麼幹？目標是什麼！"},
	{"要穩定煤炭產量;分類推進", "要穩定煤炭產量；分類推進"},
	{"其他5個縣(市、區)韻達", "其他5個縣（市、區）韻達"},
	{"儀式(主會場)朔州", "儀式（主會場）朔州"},
	{"“壓艙石”,我們", "“壓艙石”，我們"},
	// left alone: numbers, times, URLs, Latin text, parentheses around them
	{"增長1,000元", "增長1,000元"},
	{"15:11:00", "15:11:00"},
	{"LED(led)照明", "LED(led)照明"},
	{"計劃(2022-2024年)實施", "計劃(2022-2024年)實施"},
	{"人工智能(AI)", "人工智能(AI)"},
	{"網址:https://example.com/a?b=1,2", "網址：https://example.com/a?b=1,2"},
	{"Hello, world! (ok)", "Hello, world! (ok)"},
	{"中文, English", "中文， English"},
	{"((嵌套)結構)", "(（嵌套）結構)"}, // an opening parenthesis is judged by the character after it
	{"(朔州)\n(2022)", "（朔州）\n(2022)"},
	{"", ""},
}

func TestPunctuation(t *testing.T) {
	for _, tc := range punctCases {
		if got := RepairPunctuation(tc.in); got != tc.want {
			t.Errorf("RepairPunctuation(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestPunctuationStreaming feeds the transformer one byte at a time and
// through a tiny destination buffer: the lookahead and the state across
// calls must give the same result.
func TestPunctuationStreaming(t *testing.T) {
	var all strings.Builder
	for _, tc := range punctCases {
		all.WriteString(tc.in)
		all.WriteString("\n")
	}
	want := RepairPunctuation(all.String())
	r := transform.NewReader(iotest.OneByteReader(strings.NewReader(all.String())), Punctuation())
	got, err := io.ReadAll(iotest.OneByteReader(r))
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf("streamed:\n%s\nwant:\n%s", got, want)
	}
	// a destination too small for one full-width character
	p := Punctuation()
	dst := make([]byte, 2)
	nDst, nSrc, err := p.Transform(dst, []byte("中,"), true)
	if err != transform.ErrShortDst || nSrc != 0 || nDst != 0 {
		t.Errorf("short dst: %d %d %v", nDst, nSrc, err)
	}
	var buf bytes.Buffer
	w := transform.NewWriter(&buf, Punctuation())
	for _, b := range []byte(all.String()) {
		w.Write([]byte{b})
	}
	w.Close()
	if buf.String() != want {
		t.Errorf("writer output differs")
	}
}

func TestDetect(t *testing.T) {
	want := map[string]Script{"000.txt": Simplified, "001.txt": Traditional, "002.txt": Simplified, "003.txt": Simplified, "004.txt": Traditional}
	for name, s := range seeds(t) {
		d := Detect(s)
		if d.Script != want[name] {
			t.Errorf("%s: %+v, want %s", name, d, want[name])
		}
		if d.Han < d.Simplified+d.Traditional || d.Han < 1000 {
			t.Errorf("%s: counts do not add up: %+v", name, d)
		}
	}
	for s, want := range map[string]Script{
		"":           Neither,
		"hello 2022": Neither,
		"中国人":        Simplified, // 国 is Simplified
		"人大":         Neither,
		"經濟發展，这是我们的": Mixed,
		"经济发展经济发展经济发展经济发展經": Simplified,
	} {
		if got := Detect(s).Script; got != want {
			t.Errorf("Detect(%q) = %s, want %s", s, got, want)
		}
	}
	// converting flips the verdict
	s := seeds(t)["002.txt"]
	if got := Detect(MustNew("s2t").String(s)).Script; got != Traditional {
		t.Errorf("s2t output detected as %s", got)
	}
}

// TestDetectCountsHan checks the Han count against unicode.Han over every
// character of the Basic Multilingual Plane from U+2E80 on, some beyond
// it, and the reference articles.
func TestDetectCountsHan(t *testing.T) {
	var b strings.Builder
	for r := rune(0x2E00); r < 0x10000; r++ {
		if utf8.ValidRune(r) {
			b.WriteRune(r)
		}
	}
	b.WriteString("𠀀𫍯𰀀😀")
	inputs := []string{b.String()}
	for _, s := range seeds(t) {
		inputs = append(inputs, s)
	}
	for _, s := range inputs {
		want := 0
		for _, r := range s {
			if unicode.Is(unicode.Han, r) {
				want++
			}
		}
		if got := Detect(s).Han; got != want {
			t.Errorf("Han = %d, want %d", got, want)
		}
	}
}

// TestDetectFastPath checks Detect's byte loop against a plain loop over
// the characters, on valid and invalid text.
func TestDetectFastPath(t *testing.T) {
	plain := func(s string) (hans, simp, trad int) {
		tab := classes()
		for _, r := range s {
			if r < 0x2E80 {
				continue
			}
			if r >= 0x10000 {
				if unicode.Is(unicode.Han, r) {
					hans++
				}
				continue
			}
			c := tab[r]
			if c&han != 0 {
				hans++
			}
			switch c &^ han {
			case 1:
				simp++
			case 2:
				trad++
			}
		}
		return
	}
	r := rand.New(rand.NewPCG(7, 8))
	alphabet := []rune("经济發展们們中国人，。「」abc\u00e9\U00020000\U0002A6A5\uFFFD\u2E80\u3000")
	texts := []string{"\xed\xa0\x80發", "\xe0\x80\x80们", "\xef\xbf\xbd", "發\xe5\x8f", "们\xe4"}
	for range 5000 {
		var b []byte
		for range r.IntN(30) {
			if r.IntN(8) == 0 {
				b = append(b, byte(r.IntN(256)))
				continue
			}
			b = utf8.AppendRune(b, alphabet[r.IntN(len(alphabet))])
		}
		texts = append(texts, string(b))
	}
	for _, s := range texts {
		d := Detect(s)
		if h, si, tr := plain(s); d.Han != h || d.Simplified != si || d.Traditional != tr {
			t.Fatalf("Detect(%q) = %+v, plain loop %d %d %d", s, d, h, si, tr)
		}
	}
}

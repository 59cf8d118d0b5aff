package clean

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestEmptyInput(t *testing.T) {
	for _, in := range []string{"", "\n\n", "  \u3000\u00a0\n\t", "<p></p>", "\u200b"} {
		res := Default().CleanString(in)
		if res.Text != "" || len(res.Removed) != 0 || len(res.Warnings) != 0 {
			t.Errorf("%q: got %+v", in, res)
		}
	}
}

func TestInvalidUTF8Reported(t *testing.T) {
	// "中文" in GBK, after a valid first line
	in := []byte(body1 + "\n\xd6\xd0\xce\xc4\n")
	res := Default().Clean(in)
	checkInvariants(t, in, res)
	if !utf8.ValidString(res.Text) || !strings.Contains(res.Text, "\uFFFD") {
		t.Errorf("text %q: want U+FFFD replacements", res.Text)
	}
	if len(res.Warnings) != 1 {
		t.Fatalf("warnings %+v, want 1", res.Warnings)
	}
	w := res.Warnings[0]
	if w.Line != 2 || w.Offset != len(body1)+1 || !strings.Contains(w.Message, "4 bytes") || !strings.Contains(w.Message, "GBK") {
		t.Errorf("warning %+v", w)
	}
}

func TestTruncatedHTML(t *testing.T) {
	res := Default().CleanString("<p>" + body1 + "</p><p>" + body2)
	if res.Text != body1+"\n"+body2 {
		t.Errorf("unclosed <p>: got %q", res.Text)
	}
	in := "<p>" + body1 + "</p>\n<script>var a = 1;\n<p>" + body2 + "</p>"
	res = Default().CleanString(in)
	if res.Text != body1 {
		t.Errorf("unclosed <script>: got %q", res.Text)
	}
	if len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0].Message, "<script> is never closed") || res.Warnings[0].Line != 2 {
		t.Errorf("warnings %+v", res.Warnings)
	}
	in = "<p>" + body1 + "</p><p class=\"a"
	res = Default().CleanString(in)
	if res.Text != body1 {
		t.Errorf("cut inside a tag: got %q", res.Text)
	}
	at := strings.Index(in, "<p class")
	if len(res.Warnings) != 1 || res.Warnings[0].Offset != at || !strings.Contains(res.Warnings[0].Message, fmt.Sprintf("ends inside markup: the last %d bytes", len(in)-at)) {
		t.Errorf("cut inside a tag: warnings %+v", res.Warnings)
	}
	// a tag closed at the very end is no truncation
	if res := Default().CleanString("<p>" + body1 + "</p>"); len(res.Warnings) != 0 {
		t.Errorf("whole HTML: warnings %+v", res.Warnings)
	}
}

func TestHTMLOffsets(t *testing.T) {
	in := "<div>\n<p class=\"x\">" + body1 + "</p>\n<p>（文章来源：阳泉日报）</p>\n</div>"
	res := Default().CleanString(in)
	checkInvariants(t, []byte(in), res)
	if len(res.Removed) != 1 || res.Removed[0].Text != "<p>（文章来源：阳泉日报）</p>" || res.Removed[0].Line != 3 {
		t.Errorf("removed %+v", res.Removed)
	}
}

func TestGlossOffsets(t *testing.T) {
	in := "　　複工就是穩就業(ye) ，儀(yi) 式舉行。"
	res := Default().CleanString(in)
	checkInvariants(t, []byte(in), res)
	var got []string
	for _, r := range res.Removed {
		got = append(got, r.Text)
	}
	if strings.Join(got, "|") != "(ye) |(yi) " {
		t.Errorf("removed %q", got)
	}
}

func TestCRLF(t *testing.T) {
	in := body1 + "\r\n责任编辑：王小明\r\n"
	res := Default().CleanString(in)
	checkInvariants(t, []byte(in), res)
	if res.Text != body1 || len(res.Removed) != 1 || res.Removed[0].Text != "责任编辑：王小明" {
		t.Errorf("got %q %+v", res.Text, res.Removed)
	}
}

func TestHugeParagraph(t *testing.T) {
	in := strings.Repeat(body1, 20000) + "\n责任编辑：王小明"
	res := Default().CleanString(in)
	if res.Text != strings.Repeat(body1, 20000) || len(res.Removed) != 1 {
		t.Errorf("huge paragraph: %d bytes out, %d removals", len(res.Text), len(res.Removed))
	}
}

func TestParseTime(t *testing.T) {
	for in, want := range map[string]string{
		"2022-05-09 15:11:00":  "2022-05-09T15:11:00+08:00",
		"2022/5/9 15:11":       "2022-05-09T15:11:00+08:00",
		"2022年5月9日 15:11":      "2022-05-09T15:11:00+08:00",
		"2022年05月09日":          "2022-05-09T00:00:00+08:00",
		"2022.05.09":           "2022-05-09T00:00:00+08:00",
		"2022-05-09T15:11:00Z": "2022-05-09T15:11:00Z",
	} {
		got, ok := ParseTime(in)
		if !ok || got.Format("2006-01-02T15:04:05Z07:00") != want {
			t.Errorf("ParseTime(%q) = %v, %v; want %s", in, got, ok, want)
		}
	}
	for _, bad := range []string{"", "2022-13-01", "2022-02-30", "昨天", "2022-05-09 25:00"} {
		if _, ok := ParseTime(bad); ok {
			t.Errorf("ParseTime(%q) succeeded", bad)
		}
	}
}

func TestNFC(t *testing.T) {
	// "e" + combining acute, and a CJK compatibility ideograph (U+F900)
	in := "Cafe\u0301 \uF900。\n责任编辑：王小明"
	res := Default().CleanString(in)
	checkInvariants(t, []byte(in), res)
	if res.Text != "Caf\u00e9 \u8C48。" {
		t.Errorf("got %q", res.Text)
	}
	if len(res.Removed) != 1 || res.Removed[0].Text != "责任编辑：王小明" {
		t.Errorf("removed %+v", res.Removed)
	}
	// the full-width punctuation is not folded
	if got := Default().CleanString("（一）成立，完成！").Text; got != "（一）成立，完成！" {
		t.Errorf("punctuation changed: %q", got)
	}
}

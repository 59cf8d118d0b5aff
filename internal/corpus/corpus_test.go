package corpus

import (
	"bufio"
	"strings"
	"testing"

	"github.com/cnnews/cnnews"
	"github.com/cnnews/cnnews/clean"
)

func TestParseLine(t *testing.T) {
	for _, tc := range []struct {
		line   string
		id     string
		format clean.Format
		reason cnnews.Reason
	}{
		{`{"id":"a","text":"正文"}`, "a", "", ""},
		{`{"id":7,"html":"<p>正文</p>"}`, "7", clean.HTML, ""},
		{`{"text":"正文"}`, "f.jsonl:3", "", ""},
		{`{"id":"a","title":"x"}`, "f.jsonl:3", "", JSON},
		{`{"id":"a","text":`, "f.jsonl:3", "", JSON},
		{"{\"id\":\"a\",\"text\":\"\xff\"}", "f.jsonl:3", "", cnnews.BadEncoding},
	} {
		in, rej := ParseLine("f.jsonl", 3, []byte(tc.line), false, 1000)
		got := cnnews.Reason("")
		if rej != nil {
			got = rej.Reason
			if rej.Line != 3 || rej.Input != "f.jsonl" || !strings.Contains(rej.Error, "line 3") {
				t.Errorf("%s: rejection %+v does not name the file and line", tc.line, rej)
			}
		} else if in.ID != tc.id || in.Format != tc.format || in.Line != 3 {
			t.Errorf("%s: %+v", tc.line, in)
		}
		if got != tc.reason {
			t.Errorf("%s: reason %q, want %q", tc.line, got, tc.reason)
		}
	}
	if _, rej := ParseLine("f.jsonl", 9, nil, true, 10); rej == nil || rej.Reason != cnnews.TooLarge {
		t.Errorf("too long: %+v", rej)
	}
}

func TestReadLine(t *testing.T) {
	long := strings.Repeat("长", 100) // 300 bytes
	br := bufio.NewReaderSize(strings.NewReader("短\r\n"+long+"\n"+"末行"), 16)
	var got []string
	var tooLong []bool
	for {
		line, tl, err := ReadLine(br, 200)
		got, tooLong = append(got, string(line)), append(tooLong, tl)
		if err != nil {
			break
		}
	}
	if len(got) != 3 || got[0] != "短" || !tooLong[1] || got[1] != "" || got[2] != "末行" || tooLong[0] || tooLong[2] {
		t.Errorf("lines %q, too long %v", got, tooLong)
	}
}

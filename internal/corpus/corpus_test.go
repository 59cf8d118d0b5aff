package corpus

import (
	"bufio"
	"encoding/json"
	"strings"
	"testing"

	"github.com/cnnews/cnnews"
	"github.com/cnnews/cnnews/clean"
	"github.com/cnnews/cnnews/internal/seeds"
	"github.com/google/go-cmp/cmp"
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

// TestRecordIsTheArticle checks that an output line is the library's
// Article as encoding/json writes it, with the record's id, input and line
// in place of the name: one definition for both.
func TestRecordIsTheArticle(t *testing.T) {
	p, err := cnnews.New(cnnews.Convert("t2s"))
	if err != nil {
		t.Fatal(err)
	}
	in := Input{ID: "rec-1", Input: "a.jsonl", Line: 4, Text: "---\ntitle: 穩中求進\n---\n朔州市舉辦農產品產銷對接會。\n（責任編輯：李文治）\n"}
	for _, removed := range []bool{true, false} {
		a, line, rej := Process(p, in, removed)
		if rej != nil {
			t.Fatal(rej.Error)
		}
		var got, want map[string]any
		if err := json.Unmarshal(line, &got); err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(a)
		json.Unmarshal(b, &want)
		if want["name"] != "rec-1" || got["id"] != "rec-1" || got["input"] != "a.jsonl" || got["line"] != 4.0 {
			t.Errorf("name %v, id %v, input %v, line %v", want["name"], got["id"], got["input"], got["line"])
		}
		delete(want, "name")
		for _, k := range []string{"id", "input", "line"} {
			delete(got, k)
		}
		if !removed {
			delete(want, "removed")
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("removed %v: record differs from the article's JSON (-article +record):\n%s", removed, diff)
		}
		art := *a
		art.Name = ""
		if !removed {
			art.Removed = nil
		}
		if want, _ := Marshal(Record{ID: in.ID, Article: &art, Input: in.Input, Line: in.Line}); string(want) != string(line) {
			t.Errorf("removed %v: the line is not Record's JSON:\n%s\n%s", removed, line, want)
		}
		if got["script"] != "traditional" || got["converted"] != "t2s" || got["meta"].(map[string]any)["title"] != "稳中求进" {
			t.Errorf("record %v", got)
		}
	}
}

// TestRecordLineEqualsMarshal checks the reflection-free output line
// against Marshal(Record) on inputs with and without a line number, ids
// that need escaping, and every reference article.
func TestRecordLineEqualsMarshal(t *testing.T) {
	p, _ := cnnews.New()
	inputs := []Input{{ID: "a\"b\\<c>.txt", Input: "dir/a\"b\\<c>.txt", Data: []byte("国务院新闻办公室今天举行发布会。\n（责任编辑：王小明）\n")}}
	for name, s := range seeds.Load(t) {
		inputs = append(inputs, Input{ID: name, Input: "seeds.jsonl", Line: len(inputs) + 1, Text: s})
	}
	for _, in := range inputs {
		for _, removed := range []bool{false, true} {
			a, line, rej := Process(p, in, removed)
			if rej != nil {
				t.Fatal(rej.Error)
			}
			art := *a
			art.Name = ""
			if !removed {
				art.Removed = nil
			}
			want, _ := Marshal(Record{ID: in.ID, Article: &art, Input: in.Input, Line: in.Line})
			if diff := cmp.Diff(string(want), string(line)); diff != "" {
				t.Errorf("%s, removed %v (-Marshal +line):\n%s", in.ID, removed, diff)
			}
		}
	}
}

package jsonobj

import (
	"encoding/json"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// record is decoded by encoding/json as the callers' records are.
type record struct {
	ID   json.RawMessage `json:"id"`
	Text *string         `json:"text"`
	Site json.RawMessage `json:"site"`
}

var keys = []string{"id", "text", "site"}

// check compares Members and String with encoding/json on one input:
// where Members accepts, encoding/json must accept and agree.
func check(t *testing.T, data []byte) {
	if !utf8.Valid(data) {
		return
	}
	vals := make([][]byte, len(keys))
	ok := Members(data, keys, vals)
	var rec record
	err := json.Unmarshal(data, &rec)
	if !ok {
		return // left to encoding/json
	}
	if err != nil {
		// a text of the wrong type is encoding/json's error to give
		if _, isType := err.(*json.UnmarshalTypeError); isType {
			if _, s := String(vals[1]); !s && string(vals[1]) != "null" {
				return
			}
		}
		t.Fatalf("%q: accepted, but encoding/json: %v", data, err)
	}
	if diff := cmp.Diff([]byte(rec.ID), vals[0]); diff != "" && !(rec.ID == nil && vals[0] == nil) {
		t.Fatalf("%q: id %s", data, diff)
	}
	if diff := cmp.Diff([]byte(rec.Site), vals[2]); diff != "" && !(rec.Site == nil && vals[2] == nil) {
		t.Fatalf("%q: site %s", data, diff)
	}
	text, isString := String(vals[1])
	switch {
	case rec.Text == nil:
		if vals[1] != nil && string(vals[1]) != "null" {
			t.Fatalf("%q: text %q, encoding/json none", data, vals[1])
		}
	case !isString || text != *rec.Text:
		t.Fatalf("%q: text %q (%v), encoding/json %q", data, text, isString, *rec.Text)
	}
	if len(vals[0]) > 0 && vals[0][0] == '"' {
		var want string
		json.Unmarshal(vals[0], &want)
		if got, _ := String(vals[0]); got != want {
			t.Fatalf("%q: id %q, encoding/json %q", data, got, want)
		}
	}
}

var cases = []string{
	`{"id":"a1","text":"阳泉市召开经济工作会议。"}`,
	` { "id" : 7 , "text" : "x\"y\\z\/\b\f\n\r\t\u4e2d\ud83d\ude00\ud800\u0041" , "site":null } `,
	`{"id":"a","text":"1","text":"2"}`,
	`{"id":-1.5e+3,"nested":{"a":[1,2,{"b":null}],"c":true},"text":""}`,
	`{"ID":"a","text":"x"}`,
	`{"t\u0065xt":"x"}`,
	`{"id":"a","text":"x"} trailing`,
	`{"id":"a","text":"x",}`,
	`{"id":01,"text":"x"}`,
	`{"text":"x","html":"<p>y</p>","url":"http://a.cn/x"}`,
	`{"text":12}`,
	`{"text":null}`,
	"{\"text\":\"a\x01b\"}",
	`[]`, `{}`, ``, `{"a":[}`, `{"text":"\u12"}`, `{"text":"\x"}`,
	`{"site":{"name":"人民网"},"text":"x"}`,
}

func TestMembersEqualsEncodingJSON(t *testing.T) {
	for _, c := range cases {
		check(t, []byte(c))
	}
	vals := make([][]byte, len(keys))
	if !Members([]byte(cases[0]), keys, vals) || string(vals[0]) != `"a1"` || vals[2] != nil {
		t.Errorf("vals %q", vals)
	}
	for _, bad := range []string{`{"ID":"a","text":"x"}`, `{"t\u0065xt":"x"}`, `{"id":01}`, `{"id":"a"} x`} {
		if Members([]byte(bad), keys, vals) {
			t.Errorf("%s: accepted", bad)
		}
	}
	if s, ok := String([]byte(`"\ud83d\ude00\ud800x"`)); !ok || s != "😀\uFFFDx" {
		t.Errorf("surrogates: %q", s)
	}
}

func FuzzMembers(f *testing.F) {
	for _, c := range cases {
		f.Add([]byte(c))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		check(t, data)
	})
}

func BenchmarkMembers(b *testing.B) {
	line, _ := json.Marshal(map[string]string{"id": "a0000001", "text": string(make([]rune, 0)) + "国务院新闻办公室今天举行发布会，介绍经济运行情况。“发展是硬道理”，他说。\n第二段。"})
	for len(line) < 3000 {
		line = append(line[:len(line)-2], []byte(`又一句话。"}`)...)
	}
	vals := make([][]byte, len(keys))
	b.SetBytes(int64(len(line)))
	b.ReportAllocs()
	for b.Loop() {
		if !Members(line, keys, vals) {
			b.Fatal("rejected")
		}
		String(vals[1])
	}
}

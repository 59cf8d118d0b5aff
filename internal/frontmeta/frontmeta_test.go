package frontmeta

import (
	"reflect"
	"testing"
	"unicode"

	"github.com/cnnews/cnnews/clean"
)

func TestAttach(t *testing.T) {
	data := []byte("---\ntitle: x\n---\n正文。\n（责任编辑：张三）\n")
	n := len("---\ntitle: x\n---\n")
	res := clean.Default().Clean(data[n:])
	Attach(&res, data, n)
	if res.Removed[0].Rule != "front-matter" || res.Removed[0].End != n {
		t.Fatalf("first removal %+v", res.Removed[0])
	}
	for _, r := range res.Removed {
		if string(data[r.Start:r.End]) != r.Text {
			t.Errorf("%s at %d–%d is not the input there", r.Rule, r.Start, r.End)
		}
	}
	if last := res.Removed[len(res.Removed)-1]; last.Line != 5 {
		t.Errorf("editor line on line %d, want 5", last.Line)
	}
	before := len(res.Removed)
	Attach(&res, data, 0)
	if len(res.Removed) != before {
		t.Error("Attach with no front matter changed the report")
	}
}

func TestListAndJSONable(t *testing.T) {
	if got := List("经济 民生", unicode.IsSpace); !reflect.DeepEqual(got, []string{"经济", "民生"}) {
		t.Errorf("List string: %q", got)
	}
	if got := List([]any{"a", 2}, unicode.IsSpace); !reflect.DeepEqual(got, []string{"a", "2"}) {
		t.Errorf("List slice: %q", got)
	}
	in := map[string]any{"a": map[any]any{1: []any{map[any]any{"b": true}}}}
	want := map[string]any{"a": map[string]any{"1": []any{map[string]any{"b": true}}}}
	if got := JSONable(in); !reflect.DeepEqual(got, want) {
		t.Errorf("JSONable: %#v", got)
	}
	if _, ok := in["a"].(map[any]any); !ok {
		t.Error("JSONable changed its input")
	}
}

// Package frontmeta holds what the root pipeline and the cnnews command
// both do with front matter set aside before cleaning: report it as a
// removal with the cleaning report moved to offsets in the whole file,
// and read its values for metadata and JSON.
package frontmeta

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/cnnews/cnnews/clean"
)

// Attach makes res, the cleaning of the body that follows n bytes of
// front matter in data, a report against the whole of data: every offset
// and line moves past the front matter, which becomes the first removal
// (rule "front-matter"). With n == 0 it changes nothing.
func Attach(res *clean.Result, data []byte, n int) {
	if n <= 0 {
		return
	}
	lines := bytes.Count(data[:n], []byte{'\n'})
	for i := range res.Removed {
		res.Removed[i].Start += n
		res.Removed[i].End += n
		res.Removed[i].Line += lines
	}
	for i := range res.Warnings {
		res.Warnings[i].Offset += n
		res.Warnings[i].Line += lines
	}
	fm := clean.Removal{Rule: "front-matter", Category: "frontmatter", Text: string(data[:n]), Line: 1, Start: 0, End: n}
	res.Removed = append([]clean.Removal{fm}, res.Removed...)
}

// List reads a front matter list as strings; a single string is split
// into fields where sep says, as Jekyll does for tags.
func List(v any, sep func(rune) bool) []string {
	switch x := v.(type) {
	case string:
		return strings.FieldsFunc(x, sep)
	case []any:
		var out []string
		for _, e := range x {
			out = append(out, fmt.Sprint(e))
		}
		return out
	}
	return nil
}

// JSONable returns a copy of a decoded front matter value that
// encoding/json can write: maps with keys of any type become maps with
// string keys, at any depth.
func JSONable(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = JSONable(e)
		}
		return out
	case map[any]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[fmt.Sprint(k)] = JSONable(e)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = JSONable(e)
		}
		return out
	}
	return v
}

package frontmatter

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/pelletier/go-toml/v2"
	"go.yaml.in/yaml/v4"
)

type locationOption struct{ loc *time.Location }

// TimeZone sets the time zone of dates written without one (default China
// Standard Time, UTC+8, as Asia/Shanghai has kept since 1991).
func TimeZone(loc *time.Location) Option {
	return func(c *config) { c.zone = &locationOption{loc} }
}

// maxDepth is the deepest nesting of collections a block may have.
const maxDepth = 100

// checkNesting refuses a block nested deeper than maxDepth, before any
// parser sees it: flow collections by their brackets, block collections by
// their indentation.
func checkNesting(front []byte, line int) error {
	depth := 0
	quote := byte(0)
	ln := line
	for i, c := range front {
		switch {
		case c == '\n':
			ln++
			quote = 0
			indent := 0
			for j := i + 1; j < len(front) && (front[j] == ' ' || front[j] == '\t'); j++ {
				indent++
			}
			if indent > 2*maxDepth {
				return &Error{Line: ln + 1, Msg: fmt.Sprintf("indented %d columns: nested deeper than %d levels", indent, maxDepth)}
			}
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '[' || c == '{':
			depth++
			if depth > maxDepth {
				return &Error{Line: ln, Msg: fmt.Sprintf("nested deeper than %d levels", maxDepth)}
			}
		case c == ']' || c == '}':
			if depth > 0 {
				depth--
			}
		}
	}
	return nil
}

// yamlNode parses a YAML block into its document node.
func (d *Document) yamlNode() (*yaml.Node, error) {
	if d.parsed != nil && bytes.Equal(d.parsedFrom, d.front) {
		return d.parsed, nil
	}
	if err := checkNesting(d.front, d.line); err != nil {
		return nil, err
	}
	var n yaml.Node
	if err := yaml.Unmarshal(d.front, &n); err != nil {
		return nil, d.yamlError(err)
	}
	if err := d.duplicates(&n); err != nil {
		return nil, err
	}
	d.parsed, d.parsedFrom = &n, d.front
	return &n, nil
}

// duplicates refuses a mapping that gives a key twice.
func (d *Document) duplicates(n *yaml.Node) error {
	if n.Kind == yaml.MappingNode {
		seen := map[string]int{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if first, ok := seen[k.Value]; ok && k.Kind == yaml.ScalarNode {
				return &Error{Line: k.Line + d.line - 1, Column: k.Column, Msg: fmt.Sprintf("key %q given twice (first on line %d)", k.Value, first)}
			}
			seen[k.Value] = k.Line + d.line - 1
		}
	}
	for _, c := range n.Content {
		if err := d.duplicates(c); err != nil {
			return err
		}
	}
	return nil
}

// isMapping reports whether a YAML block holds a mapping (or nothing).
func isMapping(d *Document) (bool, error) {
	if len(bytes.TrimSpace(d.front)) == 0 {
		return true, nil
	}
	n, err := d.yamlNode()
	if err != nil {
		var fe *Error
		if errors.As(err, &fe) && strings.Contains(fe.Msg, "nested deeper") {
			return false, err
		}
		if strings.Contains(err.Error(), "excessive aliasing") {
			return false, err
		}
		// not YAML at all: a horizontal rule and prose, most likely, or
		// broken front matter; both are decided by the caller
		return looksLikeMapping(d.front), err
	}
	if n.Kind == 0 || len(n.Content) == 0 {
		return true, nil // comments only
	}
	return n.Content[0].Kind == yaml.MappingNode, nil
}

// looksLikeMapping reports whether the first line with text of a block
// that does not parse is shaped like a "key: value" line, so that broken
// front matter is reported instead of being read as body text.
func looksLikeMapping(front []byte) bool {
	for _, l := range bytes.Split(front, []byte{'\n'}) {
		t := bytes.TrimSpace(l)
		if len(t) == 0 || t[0] == '#' {
			continue
		}
		i := bytes.IndexByte(t, ':')
		return i > 0 && (i == len(t)-1 || t[i+1] == ' ' || t[i+1] == '\t')
	}
	return false
}

// yamlError turns a YAML parser error into one with file lines.
func (d *Document) yamlError(err error) error {
	var le *yaml.LoadError
	if errors.As(err, &le) {
		line := 0
		if le.Mark.Line > 0 {
			line = le.Mark.Line + d.line - 1
		}
		return &Error{Line: line, Column: le.Mark.Column, Msg: "yaml: " + le.Message}
	}
	var les *yaml.LoadErrors
	if errors.As(err, &les) && len(les.Errors) > 0 {
		return d.yamlError(les.Errors[0])
	}
	msg := err.Error()
	// "yaml: line 3: …" counts in the block
	var n int
	if _, e := fmt.Sscanf(msg, "yaml: line %d:", &n); e == nil {
		rest := msg[strings.Index(msg, ":")+1:]
		rest = rest[strings.Index(rest, ":")+1:]
		return &Error{Line: n + d.line - 1, Msg: "yaml:" + rest}
	}
	return &Error{Line: d.line, Msg: msg}
}

// Decode decodes the front matter into v: a pointer to a struct (with
// yaml, toml or json field tags as the format requires) or to a map. A
// document without front matter leaves v alone. Errors carry the line in
// the file.
func (d *Document) Decode(v any) error {
	switch d.Format {
	case YAML:
		if err := checkNesting(d.front, d.line); err != nil {
			return err
		}
		if len(bytes.TrimSpace(d.front)) == 0 {
			return nil
		}
		n, err := d.yamlNode()
		if err != nil {
			return err
		}
		if err := n.Decode(v); err != nil {
			return d.yamlError(err)
		}
	case TOML:
		if err := checkNesting(d.front, d.line); err != nil {
			return err
		}
		if err := toml.Unmarshal(d.front, v); err != nil {
			var de *toml.DecodeError
			if errors.As(err, &de) {
				row, col := de.Position()
				return &Error{Line: row + d.line - 1, Column: col, Msg: "toml: " + de.Error()}
			}
			var sm *toml.StrictMissingError
			if errors.As(err, &sm) {
				return &Error{Line: d.line, Msg: "toml: " + sm.Error()}
			}
			return &Error{Line: d.line, Msg: "toml: " + err.Error()}
		}
	case JSON:
		if err := checkNesting(d.front, d.line); err != nil {
			return err
		}
		if err := json.Unmarshal(d.front, v); err != nil {
			return jsonError(err, d.front, d.line)
		}
	}
	return nil
}

// jsonError turns a JSON error into one with file lines.
func jsonError(err error, data []byte, line int) error {
	var off int64 = -1
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		off = se.Offset
	case errors.As(err, &te):
		off = te.Offset
	}
	if off < 0 || off > int64(len(data)) {
		return &Error{Line: line, Msg: "json: " + err.Error()}
	}
	return &Error{Line: line + bytes.Count(data[:off], []byte{'\n'}), Msg: "json: " + err.Error()}
}

// Field is one top-level field of a front matter block, in the order the
// block gives them. A YAML timestamp without a zone (date: 2022-05-13
// 22:10:31, as Hexo and Jekyll write it) is a time in the document's zone
// ([TimeZone], China Standard Time by default), not UTC.
type Field struct {
	Key   string
	Value any // as the format's decoder gives it: string, int, float64, bool, []any, map[string]any, time.Time
	Line  int // line of the key in the file
}

// Fields returns the top-level fields in the order the block writes them.
func (d *Document) Fields() ([]Field, error) {
	switch d.Format {
	case YAML:
		n, err := d.yamlNode()
		if err != nil || n.Kind == 0 || len(n.Content) == 0 {
			return nil, err
		}
		m := n.Content[0]
		if m.Kind != yaml.MappingNode {
			return nil, &Error{Line: d.line, Msg: "front matter is not a mapping"}
		}
		var out []Field
		for i := 0; i+1 < len(m.Content); i += 2 {
			var v any
			if err := m.Content[i+1].Decode(&v); err != nil {
				return nil, d.yamlError(err)
			}
			if t, ok := v.(time.Time); ok && zoneless(m.Content[i+1].Value) {
				// YAML reads a timestamp without a zone as UTC; it is
				// in the document's zone, as every date without one
				v = time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), d.zone())
			}
			out = append(out, Field{Key: m.Content[i].Value, Value: v, Line: m.Content[i].Line + d.line - 1})
		}
		return out, nil
	case TOML:
		var m map[string]any
		if err := d.Decode(&m); err != nil {
			return nil, err
		}
		return orderedByLine(m, d.front, d.line, func(l string) string {
			k, _, ok := strings.Cut(l, "=")
			if !ok {
				return ""
			}
			return strings.Trim(strings.TrimSpace(k), `"'`)
		}), nil
	case JSON:
		dec := json.NewDecoder(bytes.NewReader(d.front))
		if _, err := dec.Token(); err != nil {
			return nil, jsonError(err, d.front, d.line)
		}
		var out []Field
		for dec.More() {
			off := dec.InputOffset()
			tok, err := dec.Token()
			if err != nil {
				return nil, jsonError(err, d.front, d.line)
			}
			var v any
			if err := dec.Decode(&v); err != nil {
				return nil, jsonError(err, d.front, d.line)
			}
			key, _ := tok.(string)
			// the key's quote, after the comma and line break before it
			if q := bytes.IndexByte(d.front[off:], '"'); q >= 0 {
				off += int64(q)
			}
			out = append(out, Field{Key: key, Value: v, Line: d.line + bytes.Count(d.front[:off], []byte{'\n'})})
		}
		return out, nil
	}
	return nil, nil
}

// orderedByLine orders a decoded map by where each key first appears as a
// "key =" line of the block; keys of tables follow in map order.
func orderedByLine(m map[string]any, front []byte, first int, keyOf func(string) string) []Field {
	var out []Field
	seen := map[string]bool{}
	for i, l := range strings.Split(string(front), "\n") {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "[") {
			k := strings.Trim(strings.Trim(t, "[]"), `"' `)
			if k, _, _ = strings.Cut(k, "."); !seen[k] {
				if v, ok := m[k]; ok {
					seen[k] = true
					out = append(out, Field{Key: k, Value: v, Line: first + i})
				}
			}
			break // keys after a table header belong to the table
		}
		if k := keyOf(t); k != "" && !seen[k] {
			if v, ok := m[k]; ok {
				seen[k] = true
				out = append(out, Field{Key: k, Value: v, Line: first + i})
			}
		}
	}
	for k, v := range m {
		if !seen[k] {
			out = append(out, Field{Key: k, Value: v, Line: first})
		}
	}
	return out
}

// Map returns the front matter as a map.
func (d *Document) Map() (map[string]any, error) {
	m := map[string]any{}
	if err := d.Decode(&m); err != nil {
		return nil, err
	}
	return m, nil
}

// zone returns the zone of dates written without one.
func (d *Document) zone() *time.Location {
	if d.cfg.zone != nil && d.cfg.zone.loc != nil {
		return d.cfg.zone.loc
	}
	return chinaTime
}

// zoneless reports whether a YAML timestamp's text gives no zone: a date
// alone, or a time without Z or a ±hh[:mm] offset.
func zoneless(s string) bool {
	s = strings.TrimSpace(s)
	if len(s) <= len("2006-01-02") {
		return true
	}
	if c := s[len(s)-1]; c == 'Z' || c == 'z' {
		return false
	}
	t := s[len("2006-01-02"):] // the time and any zone
	i := strings.LastIndexAny(t, "+-")
	if i < 0 {
		return true
	}
	for _, c := range t[i+1:] {
		if (c < '0' || c > '9') && c != ':' {
			return true
		}
	}
	return false
}

package frontmatter

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/pelletier/go-toml/v2"
	"go.yaml.in/yaml/v4"
)

type editState struct {
	root    *yaml.Node // YAML: the document node being edited
	front   []byte     // TOML and JSON: the block rewritten so far
	changed bool
}

// Set changes the top-level field key to value, or adds it after the
// others, keeping the other fields, their order and the comments.
// [Document.Bytes] then writes the document again; the body is not
// touched. A document without front matter gets a YAML block. In TOML the
// field's line is rewritten (a new field goes before the first table); a
// JSON object is written again with two-space indentation.
func (d *Document) Set(key string, value any) error {
	switch d.Format {
	case TOML:
		return d.setTOML(key, value)
	case JSON:
		return d.setJSON(key, value)
	case None:
		d.Format, d.head, d.front, d.tail, d.line = YAML, []byte("---\n"), nil, []byte("---\n"), 2
	}
	if d.edit == nil {
		n, err := d.yamlNode()
		if err != nil {
			return err
		}
		if n.Kind == 0 || len(n.Content) == 0 {
			n = &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{{Kind: yaml.MappingNode, Tag: "!!map"}}}
		}
		d.edit = &editState{root: n}
	}
	m := d.edit.root.Content[0]
	var v yaml.Node
	if err := v.Encode(value); err != nil {
		return fmt.Errorf("frontmatter: %s: %w", key, err)
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			old := m.Content[i+1]
			v.LineComment, v.HeadComment, v.FootComment = old.LineComment, old.HeadComment, old.FootComment
			m.Content[i+1] = &v
			d.edit.changed = true
			return nil
		}
	}
	m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key}, &v)
	d.edit.changed = true
	return nil
}

// setTOML rewrites the line of a top-level TOML key, or adds one before
// the first table header.
func (d *Document) setTOML(key string, value any) error {
	if d.edit == nil {
		if _, err := d.Map(); err != nil {
			return err
		}
		d.edit = &editState{front: append([]byte(nil), d.front...)}
	}
	enc, err := toml.Marshal(map[string]any{key: value})
	if err != nil {
		return fmt.Errorf("frontmatter: %s: %w", key, err)
	}
	line := bytes.TrimRight(enc, "\n")
	lines := bytes.SplitAfter(d.edit.front, []byte{'\n'})
	insert := len(lines)
	for i, l := range lines {
		t := bytes.TrimSpace(l)
		if bytes.HasPrefix(t, []byte("[")) {
			insert = i
			break
		}
		k, _, ok := bytes.Cut(t, []byte("="))
		if ok && string(bytes.Trim(bytes.TrimSpace(k), `"'`)) == key {
			eol := l[len(bytes.TrimRight(l, "\r\n")):]
			lines[i] = append(append([]byte(nil), line...), eol...)
			d.edit.front, d.edit.changed = bytes.Join(lines, nil), true
			return nil
		}
	}
	added := append(append([]byte(nil), line...), '\n')
	lines = append(lines[:insert], append([][]byte{added}, lines[insert:]...)...)
	d.edit.front, d.edit.changed = bytes.Join(lines, nil), true
	return nil
}

// setJSON writes the JSON object again with key changed or added, the
// other keys in their order.
func (d *Document) setJSON(key string, value any) error {
	fields, err := d.Fields()
	if err != nil {
		return err
	}
	if d.edit != nil {
		// fields as edited so far
		saved := d.front
		d.front = d.edit.front
		fields, err = d.Fields()
		d.front = saved
		if err != nil {
			return err
		}
	}
	found := false
	for i := range fields {
		if fields[i].Key == key {
			fields[i].Value, found = value, true
		}
	}
	if !found {
		fields = append(fields, Field{Key: key, Value: value})
	}
	var b bytes.Buffer
	b.WriteString("{")
	for i, f := range fields {
		k, _ := json.Marshal(f.Key)
		v, err := json.MarshalIndent(f.Value, "  ", "  ")
		if err != nil {
			return fmt.Errorf("frontmatter: %s: %w", f.Key, err)
		}
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, "\n  %s: %s", k, v)
	}
	b.WriteString("\n}")
	d.edit = &editState{front: b.Bytes(), changed: true}
	return nil
}

// encodeEdited writes the edited block, with the line ends the document
// used.
func (d *Document) encodeEdited() ([]byte, error) {
	if d.edit.root == nil {
		return d.edit.front, nil
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(d.edit.root); err != nil {
		return nil, err
	}
	enc.Close()
	out := buf.Bytes()
	if bytes.HasSuffix(d.head, []byte("\r\n")) {
		out = bytes.ReplaceAll(out, []byte("\n"), []byte("\r\n"))
	}
	return out, nil
}

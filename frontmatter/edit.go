package frontmatter

import (
	"bytes"
	"fmt"

	"go.yaml.in/yaml/v4"
)

type editState struct {
	root    *yaml.Node
	changed bool
}

// Set changes the field key to value, or adds it after the others, keeping
// the other fields, their order and the comments. [Document.Bytes] then
// writes the document again; the body is not touched. A document without
// front matter gets a YAML block. TOML and JSON front matter cannot be
// written back yet: Set returns an error for them.
func (d *Document) Set(key string, value any) error {
	switch d.Format {
	case TOML, JSON:
		return fmt.Errorf("frontmatter: writing %s front matter back is not supported", d.Format)
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

// encodeEdited writes the edited YAML block, with the line ends the
// document used.
func (d *Document) encodeEdited() ([]byte, error) {
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

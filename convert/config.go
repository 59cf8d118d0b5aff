package convert

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// config is an OpenCC configuration (OpenCC's opencc_config.schema.json):
// an optional normalization chain run over the whole text first, an
// optional segmentation, and the conversion chain run over each segment.
type config struct {
	file  string
	name  string
	norm  []*cfgDict
	seg   *cfgDict // nil: the whole text is one segment
	chain []*cfgDict
}

// cfgDict is one dictionary of a configuration, with the line it starts on.
type cfgDict struct {
	line    int
	typ     string // "text", "ocd2", "ocd", "inline" or "group"
	file    string
	tofu    bool // may_output_tofu
	union   bool // a group whose match_policy is "union"
	dicts   []*cfgDict
	entries [][2]string // an inline dictionary's, in the file's order
}

// parseConfig reads a configuration. OpenCC reads its JSON with comments
// and trailing commas allowed, and so does this. Every key of the schema is
// understood; any other key, a wrong type or a value out of the schema is
// an error naming the file and line.
func parseConfig(file string, data []byte) (*config, error) {
	p := &jsonParser{file: file, data: data, line: 1}
	root, err := p.document()
	if err != nil {
		return nil, err
	}
	c := &config{file: file}
	err = p.object(root, "configuration", map[string]func(*jval) error{
		"name": func(v *jval) error { return p.str(v, &c.name) },
		"normalization": func(v *jval) error {
			c.norm, err = p.conversions(v, "normalization")
			return err
		},
		"segmentation": func(v *jval) error {
			var typ string
			var d *cfgDict
			err := p.object(v, "segmentation", map[string]func(*jval) error{
				"type": func(v *jval) error { return p.str(v, &typ) },
				"dict": func(v *jval) (err error) { d, err = p.dict(v); return err },
				"resources": func(v *jval) error {
					return p.errorf(v, "segmentation resources belong to plugin segmentations, which are not supported")
				},
			})
			switch {
			case err != nil:
				return err
			case typ != "mmseg":
				return p.errorf(v, "segmentation type %q: only mmseg is supported (other types are plugins)", typ)
			case d == nil:
				return p.errorf(v, "segmentation has no dict")
			}
			c.seg = d
			return nil
		},
		"conversion_chain": func(v *jval) error {
			c.chain, err = p.conversions(v, "conversion_chain")
			return err
		},
	})
	if err != nil {
		return nil, err
	}
	if c.chain == nil {
		return nil, p.errorf(root, "no conversion_chain")
	}
	return c, nil
}

// conversions reads an array of {"dict": …} objects.
func (p *jsonParser) conversions(v *jval, what string) ([]*cfgDict, error) {
	if v.kind != '[' {
		return nil, p.errorf(v, "%s: want an array", what)
	}
	if len(v.arr) == 0 {
		return nil, p.errorf(v, "%s is empty", what)
	}
	var out []*cfgDict
	for _, step := range v.arr {
		var d *cfgDict
		err := p.object(step, what+" step", map[string]func(*jval) error{
			"dict": func(v *jval) (err error) { d, err = p.dict(v); return err },
		})
		if err != nil {
			return nil, err
		}
		if d == nil {
			return nil, p.errorf(step, "%s step has no dict", what)
		}
		out = append(out, d)
	}
	return out, nil
}

// dict reads a dictionary object.
func (p *jsonParser) dict(v *jval) (*cfgDict, error) {
	d := &cfgDict{line: v.line}
	var policy *jval
	var entries, dicts *jval
	seen := map[string]*jval{}
	err := p.object(v, "dict", map[string]func(*jval) error{
		"type":            func(v *jval) error { return p.str(v, &d.typ) },
		"file":            func(v *jval) error { seen["file"] = v; return p.str(v, &d.file) },
		"may_output_tofu": func(v *jval) error { seen["may_output_tofu"] = v; return p.boolean(v, &d.tofu) },
		"match_policy":    func(v *jval) error { policy = v; return nil },
		"entries":         func(v *jval) error { entries = v; return nil },
		"dicts":           func(v *jval) error { dicts = v; return nil },
	})
	if err != nil {
		return nil, err
	}
	only := func(allowed ...string) error {
		for key, at := range map[string]*jval{"file": seen["file"], "match_policy": policy, "entries": entries, "dicts": dicts} {
			if at != nil && !slices.Contains(allowed, key) {
				return p.errorf(at, "%q does not belong in a dictionary of type %q", key, d.typ)
			}
		}
		return nil
	}
	switch d.typ {
	case "text", "txt", "ocd2", "ocd":
		if d.typ == "txt" {
			d.typ = "text"
		}
		if err := only("file"); err != nil {
			return nil, err
		}
		if d.file == "" {
			return nil, p.errorf(v, "dictionary of type %q has no file", d.typ)
		}
	case "inline":
		if err := only("entries"); err != nil {
			return nil, err
		}
		if at := seen["may_output_tofu"]; at != nil {
			return nil, p.errorf(at, "may_output_tofu is not allowed on an inline dictionary")
		}
		if entries == nil || entries.kind != '{' || len(entries.keys) == 0 {
			return nil, p.errorf(v, "an inline dictionary wants a non-empty object of entries")
		}
		for i, k := range entries.keys {
			val := entries.obj[i]
			if val.kind != 's' || val.str == "" || k == "" {
				return nil, p.errorf(val, "inline entry %q: want a non-empty key and a non-empty string value", k)
			}
			d.entries = append(d.entries, [2]string{k, val.str})
		}
	case "group":
		if err := only("match_policy", "dicts"); err != nil {
			return nil, err
		}
		if policy != nil {
			var s string
			if err := p.str(policy, &s); err != nil {
				return nil, err
			}
			switch s {
			case "union":
				d.union = true
			case "short_circuit":
			default:
				return nil, p.errorf(policy, "match_policy %q: want \"short_circuit\" or \"union\"", s)
			}
		}
		if dicts == nil || dicts.kind != '[' || len(dicts.arr) == 0 {
			return nil, p.errorf(v, "a group wants a non-empty array of dicts")
		}
		for _, sub := range dicts.arr {
			sd, err := p.dict(sub)
			if err != nil {
				return nil, err
			}
			d.dicts = append(d.dicts, sd)
		}
	case "":
		return nil, p.errorf(v, "dictionary without a type")
	default:
		return nil, p.errorf(v, "dictionary type %q: want text, ocd2, ocd, inline or group", d.typ)
	}
	return d, nil
}

// jval is a JSON value with the line it starts on.
type jval struct {
	kind byte // '{', '[', 's' string, 'n' number, 'b' boolean, '0' null
	line int
	str  string
	b    bool
	keys []string // an object's keys, in order
	obj  []*jval  // and their values
	arr  []*jval
}

// jsonParser reads JSON with comments (// and /* */) and trailing commas.
type jsonParser struct {
	file string
	data []byte
	pos  int
	line int
}

func (p *jsonParser) errorf(v *jval, format string, args ...any) error {
	line := p.line
	if v != nil {
		line = v.line
	}
	return fmt.Errorf("convert: %s:%d: %s", p.file, line, fmt.Sprintf(format, args...))
}

// object checks that v is an object and calls the handler of each key; a
// key without a handler, or given twice, is an error.
func (p *jsonParser) object(v *jval, what string, handlers map[string]func(*jval) error) error {
	if v.kind != '{' {
		return p.errorf(v, "%s: want an object", what)
	}
	for i, k := range v.keys {
		h, ok := handlers[k]
		if !ok {
			return p.errorf(v.obj[i], "%s: unknown key %q", what, k)
		}
		if err := h(v.obj[i]); err != nil {
			return err
		}
	}
	return nil
}

func (p *jsonParser) str(v *jval, to *string) error {
	if v.kind != 's' {
		return p.errorf(v, "want a string")
	}
	*to = v.str
	return nil
}

func (p *jsonParser) boolean(v *jval, to *bool) error {
	if v.kind != 'b' {
		return p.errorf(v, "want true or false")
	}
	*to = v.b
	return nil
}

func (p *jsonParser) document() (*jval, error) {
	p.data = []byte(strings.TrimPrefix(string(p.data), "\uFEFF"))
	v, err := p.value(0)
	if err != nil {
		return nil, err
	}
	if err := p.space(); err != nil {
		return nil, err
	}
	if p.pos < len(p.data) {
		return nil, p.errorf(nil, "text after the JSON value")
	}
	return v, nil
}

// space skips white space and comments.
func (p *jsonParser) space() error {
	for p.pos < len(p.data) {
		switch c := p.data[p.pos]; {
		case c == '\n':
			p.line++
			p.pos++
		case c == ' ' || c == '\t' || c == '\r':
			p.pos++
		case c == '/' && p.pos+1 < len(p.data) && p.data[p.pos+1] == '/':
			for p.pos < len(p.data) && p.data[p.pos] != '\n' {
				p.pos++
			}
		case c == '/' && p.pos+1 < len(p.data) && p.data[p.pos+1] == '*':
			start := p.line
			p.pos += 2
			for {
				if p.pos+1 >= len(p.data) {
					return fmt.Errorf("convert: %s:%d: comment not closed", p.file, start)
				}
				if p.data[p.pos] == '*' && p.data[p.pos+1] == '/' {
					p.pos += 2
					break
				}
				if p.data[p.pos] == '\n' {
					p.line++
				}
				p.pos++
			}
		default:
			return nil
		}
	}
	return nil
}

func (p *jsonParser) value(depth int) (*jval, error) {
	if err := p.space(); err != nil {
		return nil, err
	}
	if depth > 64 {
		return nil, p.errorf(nil, "nested too deeply")
	}
	if p.pos >= len(p.data) {
		return nil, p.errorf(nil, "unexpected end of the file")
	}
	v := &jval{line: p.line}
	switch c := p.data[p.pos]; {
	case c == '{' || c == '[':
		v.kind = c
		closer := byte('}')
		if c == '[' {
			closer = ']'
		}
		p.pos++
		for {
			if err := p.space(); err != nil {
				return nil, err
			}
			if p.pos < len(p.data) && p.data[p.pos] == closer {
				p.pos++
				return v, nil
			}
			if c == '{' {
				k, err := p.value(depth + 1)
				if err != nil {
					return nil, err
				}
				if k.kind != 's' {
					return nil, p.errorf(k, "an object key must be a string")
				}
				for _, seen := range v.keys {
					if seen == k.str {
						return nil, p.errorf(k, "key %q given twice", k.str)
					}
				}
				if err := p.space(); err != nil {
					return nil, err
				}
				if p.pos >= len(p.data) || p.data[p.pos] != ':' {
					return nil, p.errorf(nil, "want ':' after key %q", k.str)
				}
				p.pos++
				val, err := p.value(depth + 1)
				if err != nil {
					return nil, err
				}
				v.keys, v.obj = append(v.keys, k.str), append(v.obj, val)
			} else {
				val, err := p.value(depth + 1)
				if err != nil {
					return nil, err
				}
				v.arr = append(v.arr, val)
			}
			if err := p.space(); err != nil {
				return nil, err
			}
			switch {
			case p.pos < len(p.data) && p.data[p.pos] == ',':
				p.pos++
			case p.pos < len(p.data) && p.data[p.pos] == closer:
			default:
				return nil, p.errorf(nil, "want ',' or '%c'", closer)
			}
		}
	case c == '"':
		end := p.pos + 1
		for end < len(p.data) && p.data[end] != '"' {
			if p.data[end] == '\\' {
				end++
			}
			if end < len(p.data) && p.data[end] == '\n' {
				return nil, p.errorf(nil, "string not closed on its line")
			}
			end++
		}
		if end >= len(p.data) {
			return nil, p.errorf(nil, "string not closed")
		}
		if err := json.Unmarshal(p.data[p.pos:end+1], &v.str); err != nil {
			return nil, p.errorf(nil, "bad string: %v", err)
		}
		v.kind = 's'
		p.pos = end + 1
	case c == 't' || c == 'f' || c == 'n':
		for _, lit := range []string{"true", "false", "null"} {
			if strings.HasPrefix(string(p.data[p.pos:min(len(p.data), p.pos+5)]), lit) {
				p.pos += len(lit)
				v.kind, v.b = 'b', lit == "true"
				if lit == "null" {
					v.kind = '0'
				}
				return v, nil
			}
		}
		return nil, p.errorf(nil, "unexpected %q", c)
	case c == '-' || c >= '0' && c <= '9':
		end := p.pos
		for end < len(p.data) && strings.IndexByte("+-.0123456789eE", p.data[end]) >= 0 {
			end++
		}
		var f float64
		if err := json.Unmarshal(p.data[p.pos:end], &f); err != nil {
			return nil, p.errorf(nil, "bad number %q", p.data[p.pos:end])
		}
		v.kind, v.str = 'n', string(p.data[p.pos:end])
		p.pos = end
	default:
		return nil, p.errorf(nil, "unexpected %q", c)
	}
	return v, nil
}

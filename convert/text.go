package convert

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"
)

// textDict is a dictionary in OpenCC's text format as read: its entries in
// file order and the annotations OpenCC's build scripts read from its
// comments.
type textDict struct {
	name    string
	entries []textEntry
	prefer  []textPrefer // "# @reverse-prefer: KEY [VALUE]" lines
}

// textEntry is one line "key<TAB>value value…" of a text dictionary.
type textEntry struct {
	key    string
	values []string // the first is the conversion
	line   int
	// tofuRisk is set when the line follows a "# @tofu-risk:" comment:
	// one of its values is a character common fonts may lack.
	tofuRisk bool
}

// textPrefer is a "# @reverse-prefer:" annotation: in the reversed
// dictionary, key's first value is to be value.
type textPrefer struct {
	key, value string
	line       int
}

// parseText reads a dictionary in OpenCC's text format: UTF-8 lines of a
// key, a tab and values separated by single spaces. A UTF-8 byte order
// mark, carriage returns before line feeds, blank lines and lines starting
// with "#" are allowed, as OpenCC allows them. Anything else — a line
// without a tab, an empty key or value, a key holding a NUL, invalid UTF-8,
// a key given twice — is an error naming the file and line.
func parseText(name string, data []byte) (*textDict, error) {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	td := &textDict{name: name}
	bad := func(line int, format string, args ...any) error {
		return fmt.Errorf("convert: %s:%d: %s", name, line, fmt.Sprintf(format, args...))
	}
	seen := map[string]int{}
	tofuNext := 0 // the line of a pending @tofu-risk annotation
	for n := 1; len(data) > 0; n++ {
		var line []byte
		line, data, _ = bytes.Cut(data, []byte{'\n'})
		line = bytes.TrimSuffix(line, []byte{'\r'})
		if !utf8.Valid(line) {
			return nil, bad(n, "not valid UTF-8")
		}
		if len(line) > 0 && line[0] == '#' {
			if tofuNext > 0 {
				return nil, bad(tofuNext, "@tofu-risk is not followed by an entry")
			}
			switch text := string(line); {
			case strings.HasPrefix(text, "# @tofu-risk:"):
				tofuNext = n
			case strings.HasPrefix(text, "# @reverse-prefer:"):
				f := strings.Fields(strings.TrimPrefix(text, "# @reverse-prefer:"))
				if len(f) < 1 || len(f) > 2 {
					return nil, bad(n, "@reverse-prefer wants a key and an optional value: %q", text)
				}
				td.prefer = append(td.prefer, textPrefer{key: f[0], value: f[len(f)-1], line: n})
			}
			continue
		}
		if len(bytes.TrimSpace(line)) == 0 {
			if tofuNext > 0 {
				return nil, bad(tofuNext, "@tofu-risk is not followed by an entry")
			}
			continue
		}
		key, value, ok := bytes.Cut(line, []byte{'\t'})
		switch {
		case !ok:
			return nil, bad(n, "no tab between key and values: %q", line)
		case len(key) == 0:
			return nil, bad(n, "empty key")
		case bytes.IndexByte(key, 0) >= 0:
			return nil, bad(n, "key holds a NUL byte")
		}
		values := strings.Split(string(value), " ")
		for _, v := range values {
			if v == "" {
				return nil, bad(n, "empty value (values are separated by single spaces): %q", line)
			}
		}
		k := string(key)
		if first, dup := seen[k]; dup {
			return nil, bad(n, "key %q already given on line %d", k, first)
		}
		seen[k] = n
		td.entries = append(td.entries, textEntry{key: k, values: values, line: n, tofuRisk: tofuNext > 0})
		tofuNext = 0
	}
	if tofuNext > 0 {
		return nil, bad(tofuNext, "@tofu-risk is not followed by an entry")
	}
	return td, nil
}

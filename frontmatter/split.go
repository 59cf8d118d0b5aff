package frontmatter

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v4"
)

// Format is the language of a front matter block.
type Format string

// The formats [Split] recognises; None means the document has no front
// matter.
const (
	None Format = ""
	YAML Format = "yaml" // between --- lines, closed by --- or ...
	TOML Format = "toml" // between +++ lines
	JSON Format = "json" // a leading {…} object
)

// DefaultMaxSize is the largest front matter block accepted unless
// [MaxSize] says otherwise.
const DefaultMaxSize = 1 << 20

// Error is a malformed front matter block. Line and Column count in the
// whole file, from 1 (0 when not known).
type Error struct {
	Line, Column int
	Msg          string
}

// Error formats the error as "line L, column C: message", leaving out
// what is not known.
func (e *Error) Error() string {
	if e.Column > 0 {
		return fmt.Sprintf("line %d, column %d: %s", e.Line, e.Column, e.Msg)
	}
	if e.Line > 0 {
		return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
	}
	return e.Msg
}

// Option configures [Split], [Read] and decoding.
type Option func(*config)

type config struct {
	maxSize int
	zone    *locationOption
}

// MaxSize sets the largest front matter block accepted, in bytes (default
// [DefaultMaxSize]); a larger one is an error naming its opening line.
func MaxSize(n int) Option { return func(c *config) { c.maxSize = n } }

func newConfig(opts []Option) config {
	c := config{maxSize: DefaultMaxSize}
	for _, o := range opts {
		o(&c)
	}
	return c
}

// Document is a file split into its front matter and its body. The parts
// joined again ([Document.Bytes], while nothing was changed) give back the
// input byte for byte. A Document keeps what it parsed and is changed by
// [Document.Set]: it is not safe for concurrent use; give each goroutine
// its own (Split is cheap).
type Document struct {
	Format Format
	head   []byte // BOM, leading blank lines and the opening delimiter line
	front  []byte // the block between the delimiters
	tail   []byte // the closing delimiter line
	body   []byte
	line   int // line of the file the block starts on
	cfg    config
	edit   *editState
	// the YAML block parsed, and the bytes it was parsed from
	parsed     *yaml.Node
	parsedFrom []byte
}

// Front returns the front matter block without its delimiters.
func (d *Document) Front() []byte { return d.front }

// Body returns the document after the front matter, untouched.
func (d *Document) Body() []byte { return d.body }

// FrontLine returns the line of the file the block's first line is on.
func (d *Document) FrontLine() int { return d.line }

// MayStart reports whether text may open with front matter: after a byte
// order mark and blank lines, a { or a line of --- or +++. When it
// reports false, [Split] finds no front matter in text, so a caller
// holding a string need not copy it into bytes to find out.
func MayStart(text string) bool {
	t := strings.TrimLeftFunc(strings.TrimPrefix(text, "\uFEFF"), unicode.IsSpace)
	return strings.HasPrefix(t, "{") || strings.HasPrefix(t, "---") || strings.HasPrefix(t, "+++")
}

// Split separates front matter from the body. A UTF-8 BOM, blank lines
// before the opening delimiter and CRLF line ends are accepted. Delimiter
// lines are exactly ---, +++ or ... (trailing spaces allowed): "----",
// "---more" and an indented "  ---" are not delimiters. A YAML block that
// is not a mapping (a Markdown horizontal rule at the top, say) means no
// front matter, and the body is the whole input. No front matter is not
// an error; a block opened and never closed is, naming its line, and so is
// one larger than [MaxSize].
func Split(data []byte, opts ...Option) (*Document, error) {
	cfg := newConfig(opts)
	doc := &Document{cfg: cfg}
	noFront := func() (*Document, error) {
		*doc = Document{Format: None, body: data, cfg: cfg}
		return doc, nil
	}
	pos := 0
	if bytes.HasPrefix(data, []byte("\xEF\xBB\xBF")) {
		pos = 3
	}
	line := 1
	// blank lines before the opening delimiter
	for {
		l, next := nextLine(data, pos)
		if len(bytes.TrimSpace(l)) != 0 || next == pos {
			break
		}
		pos, line = next, line+1
	}
	if pos < len(data) && data[pos] == '{' {
		return splitJSON(doc, data, pos, line)
	}
	open, next := nextLine(data, pos)
	delim := trimEOL(open)
	var format Format
	switch string(bytes.TrimRight(delim, " \t")) {
	case "---":
		format = YAML
	case "+++":
		format = TOML
	default:
		return noFront()
	}
	openLine := line
	start := next
	for p, l := next, line+1; p < len(data); l++ {
		ln, after := nextLine(data, p)
		t := string(bytes.TrimRight(trimEOL(ln), " \t"))
		if (format == YAML && (t == "---" || t == "...")) || (format == TOML && t == "+++") {
			if p-start > cfg.maxSize {
				return nil, &Error{Line: openLine, Msg: fmt.Sprintf("front matter of %d bytes is larger than the limit of %d", p-start, cfg.maxSize)}
			}
			*doc = Document{Format: format, head: data[:start], front: data[start:p], tail: data[p:after], body: data[after:], line: openLine + 1, cfg: cfg}
			if format == YAML {
				if ok, err := isMapping(doc); err != nil {
					return nil, err
				} else if !ok {
					return noFront()
				}
			}
			return doc, nil
		}
		if p-start > cfg.maxSize {
			return nil, &Error{Line: openLine, Msg: fmt.Sprintf("front matter is larger than the limit of %d bytes", cfg.maxSize)}
		}
		p = after
	}
	if format == YAML {
		// an unclosed --- that would not parse as a mapping is a
		// horizontal rule, not front matter
		probe := &Document{Format: YAML, front: data[start:], line: openLine + 1, cfg: cfg}
		if ok, _ := isMapping(probe); !ok {
			return noFront()
		}
	}
	return nil, &Error{Line: openLine, Msg: fmt.Sprintf("%s front matter opened here is never closed", format)}
}

// splitJSON reads a leading JSON object as front matter.
func splitJSON(doc *Document, data []byte, pos, line int) (*Document, error) {
	dec := json.NewDecoder(bytes.NewReader(data[pos:]))
	var raw json.RawMessage
	if err := dec.Decode(&raw); err != nil {
		return nil, jsonError(err, data[pos:], line)
	}
	end := pos + int(dec.InputOffset())
	if end-pos > doc.cfg.maxSize {
		return nil, &Error{Line: line, Msg: fmt.Sprintf("front matter of %d bytes is larger than the limit of %d", end-pos, doc.cfg.maxSize)}
	}
	// the rest of the closing line belongs to the front matter
	l, after := nextLine(data, end)
	if len(bytes.TrimSpace(l)) != 0 {
		after = end
	}
	*doc = Document{Format: JSON, head: data[:pos], front: data[pos:end], tail: data[end:after], body: data[after:], line: line, cfg: doc.cfg}
	return doc, nil
}

// nextLine returns the line at data[pos:] with its line end, and the
// offset after it.
func nextLine(data []byte, pos int) ([]byte, int) {
	if pos >= len(data) {
		return nil, pos
	}
	if i := bytes.IndexByte(data[pos:], '\n'); i >= 0 {
		return data[pos : pos+i+1], pos + i + 1
	}
	return data[pos:], len(data)
}

func trimEOL(l []byte) []byte {
	l = bytes.TrimSuffix(l, []byte{'\n'})
	return bytes.TrimSuffix(l, []byte{'\r'})
}

// Bytes returns the document: unchanged, the input byte for byte; after
// [Document.Set], the front matter written again with its key order and
// comments, and the body untouched.
func (d *Document) Bytes() ([]byte, error) {
	front := d.front
	if d.edit != nil && d.edit.changed {
		var err error
		if front, err = d.encodeEdited(); err != nil {
			return nil, err
		}
	}
	out := make([]byte, 0, len(d.head)+len(front)+len(d.tail)+len(d.body))
	out = append(out, d.head...)
	out = append(out, front...)
	out = append(out, d.tail...)
	return append(out, d.body...), nil
}

// Read reads front matter from r without reading the body: it stops after
// the closing delimiter line and returns a reader positioned at the start
// of the body. With no front matter, the returned Document has Format None
// and the reader yields the whole input. A JSON block is read to its
// closing brace.
func Read(r io.Reader, opts ...Option) (*Document, io.Reader, error) {
	cfg := newConfig(opts)
	br := bufio.NewReader(r)
	var buf []byte
	readLine := func() ([]byte, error) {
		var line []byte
		for {
			l, err := br.ReadSlice('\n')
			line = append(line, l...)
			if len(buf)+len(line) > cfg.maxSize+64 {
				return line, &Error{Line: 1, Msg: fmt.Sprintf("front matter is larger than the limit of %d bytes", cfg.maxSize)}
			}
			if !errors.Is(err, bufio.ErrBufferFull) {
				return line, err
			}
		}
	}
	// the BOM, blank lines, then the first line with text
	var first []byte
	for {
		l, err := readLine()
		buf = append(buf, l...)
		if err != nil && !errors.Is(err, io.EOF) {
			return nil, nil, err
		}
		if len(bytes.TrimSpace(bytes.TrimPrefix(l, []byte("\xEF\xBB\xBF")))) != 0 || err != nil {
			first = bytes.TrimPrefix(l, []byte("\xEF\xBB\xBF"))
			break
		}
	}
	rest := func(doc *Document) (*Document, io.Reader, error) {
		body := doc.body
		if doc.Format != None {
			doc.body = nil
		}
		return doc, io.MultiReader(bytes.NewReader(body), br), nil
	}
	t := string(bytes.TrimRight(trimEOL(first), " \t"))
	if bytes.HasPrefix(bytes.TrimSpace(first), []byte("{")) {
		// JSON: read up to the size limit and let Split find the end
		more, err := io.ReadAll(io.LimitReader(br, int64(cfg.maxSize)))
		if err != nil {
			return nil, nil, err
		}
		doc, err := Split(append(buf, more...), opts...)
		if err != nil {
			return nil, nil, err
		}
		return rest(doc)
	}
	if t != "---" && t != "+++" {
		return rest(&Document{Format: None, body: buf, cfg: cfg})
	}
	for {
		l, err := readLine()
		buf = append(buf, l...)
		if err != nil && !errors.Is(err, io.EOF) {
			return nil, nil, err
		}
		c := string(bytes.TrimRight(trimEOL(l), " \t"))
		closed := (t == "---" && (c == "---" || c == "...")) || (t == "+++" && c == "+++")
		if closed || err != nil {
			doc, serr := Split(buf, opts...)
			if serr != nil {
				return nil, nil, serr
			}
			return rest(doc)
		}
	}
}

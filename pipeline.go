package cnnews

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/cnnews/cnnews/clean"
	"github.com/cnnews/cnnews/convert"
	"github.com/cnnews/cnnews/decode"
	"github.com/cnnews/cnnews/frontmatter"
	"github.com/cnnews/cnnews/internal/frontmeta"
)

// Pipeline turns one article as a scraper saved it into clean text with
// its metadata: decode the bytes, set front matter aside, read HTML or
// text into paragraphs and remove boilerplate, then, when asked, convert
// the script and repair punctuation. A Pipeline is immutable once built
// and safe for concurrent use.
type Pipeline struct {
	cleaner *clean.Cleaner
	conv    *convert.Converter
	from    convert.Script // the script conv converts from; Neither: any
	punct   bool
	repair  bool
	lossy   bool
	maxSize int
}

// Option configures a [Pipeline].
type Option func(*config) error

type config struct {
	clean   []clean.Option
	conv    string
	punct   bool
	repair  bool
	lossy   bool
	maxSize int
}

// DefaultMaxSize is the largest input [New] accepts unless [MaxSize]
// says otherwise: 64 MiB.
const DefaultMaxSize = 64 << 20

// Convert converts each article with an OpenCC configuration (see
// [convert.Configs]) after cleaning: its text and the metadata that is text
// (title, original title, source, editors, reporters, photographers,
// credits, dateline, site name, and the front matter's authors, categories
// and tags; not the publish time as written, the URL, the raw front matter
// or the removals, which quote the input). Configurations from one script
// to the other (s2t, t2s, s2twp, tw2s, …) are applied only to articles in
// the script they convert from, or mixed: "t2s" leaves Simplified articles
// as they are. The others (t2tw, t2hk) are applied to every article.
func Convert(name string) Option {
	return func(c *config) error {
		if _, err := convert.New(name); err != nil {
			return err
		}
		c.conv = name
		return nil
	}
}

// RepairPunctuation restores full-width punctuation between Chinese
// characters where a width fold turned it to ASCII (see
// [convert.Punctuation]).
func RepairPunctuation() Option {
	return func(c *config) error { c.punct = true; return nil }
}

// RepairConversion fixes, in articles in Traditional or mixed script, the
// wrong choices a character-by-character converter left (全麵 → 全面,
// 機製 → 機制; see [convert.Repair]), before any conversion. The number
// of characters fixed is in [Article.Repaired].
func RepairConversion() Option {
	return func(c *config) error { c.repair = true; return nil }
}

// Clean passes options to the cleaner: rules switched off with
// [clean.Without], rules added with [clean.With], [clean.KeepCaptions].
func Clean(opts ...clean.Option) Option {
	return func(c *config) error { c.clean = append(c.clean, opts...); return nil }
}

// Lossy reads bytes that are in no known encoding as UTF-8 with each bad
// byte replaced by U+FFFD, reported in [Article.Encoding], instead of
// failing with a [*decode.Error].
func Lossy() Option {
	return func(c *config) error { c.lossy = true; return nil }
}

// MaxSize sets the largest input in bytes; larger ones are an
// [*InputError] with Reason TooLarge. The default is [DefaultMaxSize].
// The front matter block has a limit of its own, checked by package
// frontmatter ([frontmatter.DefaultMaxSize]); a larger block is an
// [*InputError] with Reason BadFrontMatter.
func MaxSize(n int) Option {
	return func(c *config) error {
		if n <= 0 {
			return fmt.Errorf("cnnews: MaxSize %d: must be positive", n)
		}
		c.maxSize = n
		return nil
	}
}

// New builds a Pipeline. With no options it cleans with
// [clean.Default]'s rules and converts nothing.
func New(opts ...Option) (*Pipeline, error) {
	c := config{maxSize: DefaultMaxSize}
	for _, o := range opts {
		if err := o(&c); err != nil {
			return nil, err
		}
	}
	cl := clean.Default()
	if len(c.clean) > 0 {
		var err error
		if cl, err = clean.New(c.clean...); err != nil {
			return nil, err
		}
	}
	p := &Pipeline{cleaner: cl, punct: c.punct, repair: c.repair, lossy: c.lossy, maxSize: c.maxSize}
	if c.conv != "" {
		p.conv = convert.MustNew(c.conv) // checked by the option
		switch {
		case strings.HasPrefix(c.conv, "s2"):
			p.from = convert.Simplified
		case strings.HasPrefix(c.conv, "t2s"), strings.HasPrefix(c.conv, "tw2s"), strings.HasPrefix(c.conv, "hk2s"):
			p.from = convert.Traditional
		}
	}
	return p, nil
}

// Meta is an article's metadata: what cleaning found in the text (source,
// editors, reporters, publish time, …) and what its front matter said.
// Where both give a title or a publish time, the front matter's wins: it
// is what the publisher's system recorded.
type Meta struct {
	clean.Meta
	Authors    []string       `json:"authors,omitempty"`    // front matter author / authors
	Categories []string       `json:"categories,omitempty"` // front matter categories
	Tags       []string       `json:"tags,omitempty"`       // front matter tags
	Front      map[string]any `json:"front,omitempty"`      // every front matter field, as decoded
}

// Article is one processed article. It is a plain value owned by the
// caller: nothing else refers to it or changes it.
//
// Its JSON is the one definition of an article that every output shares:
// cnnews clean --json prints it, and each line cnnews run writes is it
// with the record's id, input and line.
type Article struct {
	Name string `json:"name,omitempty"` // as passed to Process
	// Text is the cleaned text, one paragraph per line, converted when
	// the pipeline converts.
	Text string `json:"text"`
	Meta Meta   `json:"meta"`
	// Removed lists every removal. Offsets are into the decoded text
	// (for UTF-8 input without a byte order mark, the input itself);
	// front matter is the first removal when there is some.
	Removed  []clean.Removal `json:"removed,omitempty"`
	Warnings []clean.Warning `json:"warnings,omitempty"`
	// Encoding says how the bytes were decoded.
	Encoding decode.Report `json:"encoding"`
	Format   clean.Format  `json:"format"`
	// Script is the script detected in the cleaned text before any
	// conversion; Converted names the configuration applied, "" for none.
	Script    convert.Script `json:"script"`
	Converted string         `json:"converted,omitempty"`
	// Repaired counts the characters [RepairConversion] fixed.
	Repaired int `json:"repaired,omitempty"`
}

// Reason classifies why an input was rejected.
type Reason string

// The reasons of an [InputError].
const (
	Empty          Reason = "empty"        // no bytes, or only white space
	TooLarge       Reason = "too-large"    // more than the pipeline's MaxSize
	BadEncoding    Reason = "encoding"     // none of the encodings decode tries
	BadFrontMatter Reason = "front-matter" // front matter opened and never closed, not parsing, or too large
	NoText         Reason = "no-text"      // nothing left after cleaning
)

// InputError is an input the pipeline rejects, with the reason and the
// name it was given.
type InputError struct {
	Name   string
	Reason Reason
	Err    error
}

// Error formats the error as "NAME: REASON: cause".
func (e *InputError) Error() string {
	return fmt.Sprintf("%s: %s: %v", e.Name, e.Reason, e.Err)
}

// Unwrap returns the cause, such as a [*decode.Error] or a
// [*frontmatter.Error].
func (e *InputError) Unwrap() error { return e.Err }

// Process runs one article through the pipeline. name is used in errors
// and kept in the result. Rejected input is an [*InputError]; nothing is
// dropped silently. Invalid sequences that decoding replaced by U+FFFD (a
// few in a GBK or Big5 page, or any with [Lossy]) are counted in
// [Article.Encoding] and make the first of the warnings.
func (p *Pipeline) Process(name string, data []byte) (*Article, error) {
	if len(data) > p.maxSize {
		return nil, &InputError{name, TooLarge, fmt.Errorf("%d bytes, more than the maximum %d", len(data), p.maxSize)}
	}
	var dopts []decode.Option
	if p.lossy {
		dopts = append(dopts, decode.Lossy())
	}
	text, rep, err := decode.Bytes(data, dopts...)
	if err != nil {
		return nil, &InputError{name, BadEncoding, err}
	}
	a, err := p.process(name, text, "")
	if a != nil {
		a.Encoding = rep
		if rep.Replaced > 0 {
			a.Warnings = append([]clean.Warning{replacedWarning(text, rep)}, a.Warnings...)
		}
	}
	return a, err
}

// replacedWarning says that decoding replaced invalid sequences by
// U+FFFD: how many, and where the first was in the input. Its Line and
// Offset are those of the first U+FFFD in the decoded text.
func replacedWarning(text []byte, rep decode.Report) clean.Warning {
	off := max(bytes.Index(text, []byte("\uFFFD")), 0)
	seq := "sequences"
	if rep.Replaced == 1 {
		seq = "sequence"
	}
	return clean.Warning{
		Line:   bytes.Count(text[:off], []byte{'\n'}) + 1,
		Offset: off,
		Message: fmt.Sprintf("decode: %d invalid %s %s replaced by U+FFFD, the first at input byte %d",
			rep.Replaced, rep.Encoding, seq, rep.FirstInvalid),
	}
}

// ProcessString runs text that is already decoded, such as a JSONL
// record's field, through the pipeline. format says how to read it:
// clean.Text, clean.HTML, or "" to tell from the text.
func (p *Pipeline) ProcessString(name, text string, format clean.Format) (*Article, error) {
	if len(text) > p.maxSize {
		return nil, &InputError{name, TooLarge, fmt.Errorf("%d bytes, more than the maximum %d", len(text), p.maxSize)}
	}
	var a *Article
	var err error
	if format == "" && !frontmatter.MayStart(text) {
		// the text is cleaned as it is, without a copy as bytes
		if strings.TrimSpace(text) == "" {
			return nil, &InputError{name, Empty, errors.New("no text")}
		}
		a, err = p.article(name, p.cleaner.CleanString(text), nil, nil, 0)
	} else {
		a, err = p.process(name, []byte(text), format)
	}
	if a != nil {
		a.Encoding = decode.Report{Encoding: decode.UTF8, FirstInvalid: -1}
	}
	return a, err
}

func (p *Pipeline) process(name string, data []byte, format clean.Format) (*Article, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, &InputError{name, Empty, errors.New("no text")}
	}
	doc, err := frontmatter.Split(data)
	if err != nil {
		return nil, &InputError{name, BadFrontMatter, err}
	}
	body := doc.Body()
	var res clean.Result
	switch format {
	case clean.HTML:
		res = p.cleaner.CleanHTML(body)
	case clean.Text:
		res = p.cleaner.CleanText(body)
	default:
		res = p.cleaner.Clean(body)
	}
	return p.article(name, res, doc, data, len(data)-len(body))
}

// article makes the Article of res, the cleaning of data's body after n
// bytes of front matter (doc; none when n is 0).
func (p *Pipeline) article(name string, res clean.Result, doc *frontmatter.Document, data []byte, n int) (*Article, error) {
	frontmeta.Attach(&res, data, n)
	a := &Article{Name: name, Meta: Meta{Meta: res.Meta}, Removed: res.Removed, Warnings: res.Warnings, Format: res.Format}
	if n > 0 {
		if err := mergeFront(&a.Meta, doc); err != nil {
			a.Warnings = append(a.Warnings, clean.Warning{Line: doc.FrontLine(), Message: "front matter: " + err.Error()})
		}
	}
	text := res.Text
	if strings.TrimSpace(text) == "" {
		return nil, &InputError{name, NoText, fmt.Errorf("nothing left after %d removals", len(a.Removed))}
	}
	a.Script = convert.Detect(text).Script
	if p.repair && (a.Script == convert.Traditional || a.Script == convert.Mixed) {
		text, a.Repaired = convert.Repair(text)
	}
	if p.conv != nil && (p.from == convert.Neither || a.Script == p.from || a.Script == convert.Mixed) {
		text = p.conv.String(text)
		a.Converted = p.conv.Name()
		convertMeta(&a.Meta, p.conv)
	}
	if p.punct {
		text = convert.RepairPunctuation(text)
	}
	a.Text = text
	return a, nil
}

// convertMeta converts the metadata that is text, as the article's text
// is converted: the title and original title, source, names and roles,
// dateline, site name, and the front matter's authors, categories and
// tags. Published (as the page wrote it), URL, Front (the front matter as
// decoded) and the removals (the input's own text, with its offsets) are
// left as they are.
func convertMeta(m *Meta, c *convert.Converter) {
	for _, s := range []*string{&m.Title, &m.OriginalTitle, &m.Source, &m.Dateline, &m.SiteName} {
		*s = c.String(*s)
	}
	for _, list := range [][]string{m.Editors, m.Reporters, m.Photographers, m.Authors, m.Categories, m.Tags} {
		for i := range list {
			list[i] = c.String(list[i])
		}
	}
	for i := range m.Credits {
		m.Credits[i].Role = c.String(m.Credits[i].Role)
		m.Credits[i].Name = c.String(m.Credits[i].Name)
	}
}

// mergeFront fills m from the front matter of doc.
func mergeFront(m *Meta, doc *frontmatter.Document) error {
	fields, err := doc.Fields()
	if err != nil {
		return err
	}
	if len(fields) > 0 {
		m.Front = make(map[string]any, len(fields))
	}
	for _, f := range fields {
		m.Front[f.Key] = frontmeta.JSONable(f.Value)
		switch strings.ToLower(f.Key) {
		case "title":
			if s, ok := f.Value.(string); ok && s != "" {
				m.Title = s
			}
		case "author", "authors":
			m.Authors = append(m.Authors, frontmeta.List(f.Value, noSplit)...)
		case "source":
			if s, ok := f.Value.(string); ok && m.Source == "" {
				m.Source = s
			}
		case "categories", "category":
			m.Categories = append(m.Categories, frontmeta.List(f.Value, listSep)...)
		case "tags", "tag", "keywords":
			m.Tags = append(m.Tags, frontmeta.List(f.Value, listSep)...)
		}
	}
	if d, ok, err := doc.Date("date"); ok && err == nil {
		m.Published, m.PublishedAt = d.Raw, d.Time
	}
	return nil
}

// listSep separates the items of a front matter list written as one
// string; noSplit keeps such a string whole (an author's name).
func listSep(r rune) bool { return r == ' ' || r == ',' || r == '，' }

func noSplit(rune) bool { return false }

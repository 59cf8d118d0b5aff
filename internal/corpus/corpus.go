// Package corpus holds what cnnews run and its distributed counterpart
// share, so that both read the same records and write the same lines: the
// JSONL input record, the output record of a kept article, and the line
// of a rejected input.
package corpus

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"sync"
	"unicode/utf8"

	"github.com/cnnews/cnnews"
	"github.com/cnnews/cnnews/clean"
	"github.com/cnnews/cnnews/internal/articlejson"
	"github.com/cnnews/cnnews/internal/jsonobj"
	"github.com/cnnews/cnnews/sitelines"
)

// Reasons for rejecting an input that the pipeline never sees, and for
// dropping a copy.
const (
	Read        cnnews.Reason = "read"         // the file or directory could not be read
	JSON        cnnews.Reason = "json"         // a JSONL line that is not a record
	Duplicate   cnnews.Reason = "duplicate"    // a copy of an earlier article
	DuplicateID cnnews.Reason = "duplicate-id" // an id an earlier article has
	Failed      cnnews.Reason = "error"        // anything else
)

// Settings are the options of cnnews run that change what the pipeline
// gives, shared with the distributed runner so that both build the same
// pipeline.
type Settings struct {
	Convert      string   // an OpenCC configuration, "" for none
	Punct        bool     // repair punctuation
	Repair       bool     // repair character-by-character conversion
	Without      []string // rule or category names switched off
	KeepCaptions bool
	Lossy        bool
	MaxSize      int // the largest input in bytes; 0 for cnnews.DefaultMaxSize
	// Rules are added to the cleaner after the built-in ones: a site's
	// lines ([Sites]).
	Rules []clean.Rule
}

// Pipeline builds the root pipeline the settings describe.
func (s Settings) Pipeline() (*cnnews.Pipeline, error) {
	size := s.MaxSize
	if size <= 0 {
		size = cnnews.DefaultMaxSize
	}
	opts := []cnnews.Option{cnnews.MaxSize(size)}
	if s.Convert != "" {
		opts = append(opts, cnnews.Convert(s.Convert))
	}
	if s.Punct {
		opts = append(opts, cnnews.RepairPunctuation())
	}
	if s.Repair {
		opts = append(opts, cnnews.RepairConversion())
	}
	if s.Lossy {
		opts = append(opts, cnnews.Lossy())
	}
	var copts []clean.Option
	if len(s.Without) > 0 {
		copts = append(copts, clean.Without(s.Without...))
	}
	if s.KeepCaptions {
		copts = append(copts, clean.KeepCaptions())
	}
	if len(s.Rules) > 0 {
		copts = append(copts, clean.With(s.Rules...))
	}
	if len(copts) > 0 {
		opts = append(opts, cnnews.Clean(copts...))
	}
	return cnnews.New(opts...)
}

// Input is one article to process: a file's bytes (Data) or a JSONL
// record's text (Text, with Line > 0).
type Input struct {
	ID     string
	Input  string // the file it came from
	Line   int    // the JSONL line, 0 for a file
	Data   []byte
	Text   string
	Format clean.Format
	// Site and URL are a JSONL record's "site" and "url" fields, "" when
	// it has none or they are not strings. With Input they give the
	// article's site: [Input.SiteKey].
	Site string
	URL  string
}

// SiteKey returns the site the input belongs to for learning a site's
// lines: the record's "site" field, else the host of its "url" field, else
// the directory of the file it came from ([sitelines.Key]).
func (in Input) SiteKey() string { return sitelines.Key(in.Site, in.URL, in.Input) }

// Rejection is a line of the rejected output.
type Rejection struct {
	ID         string        `json:"id,omitempty"`
	Input      string        `json:"input"`
	Line       int           `json:"line,omitempty"`
	Reason     cnnews.Reason `json:"reason"`
	Error      string        `json:"error,omitempty"`
	Of         string        `json:"of,omitempty"`         // the kept article a duplicate copies
	Similarity float64       `json:"similarity,omitempty"` // with it
}

// Record is the output line of a kept article: the article's own JSON
// ([cnnews.Article], without its name, which is the id) with where it was
// read from and, with --duplicates, the ids of its dropped copies.
type Record struct {
	ID string `json:"id"`
	*cnnews.Article
	Input      string   `json:"input"`
	Line       int      `json:"line,omitempty"`
	Duplicates []string `json:"duplicates,omitempty"`
}

// appendRecord appends the output line of a kept article: the JSON of
// Record{ID: in.ID, Article: art, Input: in.Input, Line: in.Line} as
// Marshal writes it, without reflection.
func appendRecord(dst []byte, in Input, art *cnnews.Article) ([]byte, error) {
	dst = append(dst, `{"id":`...)
	dst = articlejson.AppendString(dst, in.ID)
	dst = append(dst, ',')
	dst, err := articlejson.AppendFields(dst, art)
	if err != nil {
		return nil, err
	}
	dst = append(dst, `,"input":`...)
	dst = articlejson.AppendString(dst, in.Input)
	if in.Line != 0 {
		dst = append(dst, `,"line":`...)
		dst = strconv.AppendInt(dst, int64(in.Line), 10)
	}
	return append(dst, "}\n"...), nil
}

// Marshal returns v as one line of JSON, HTML characters unescaped.
func Marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// process runs the input through p: a file's bytes, or a record's text in
// its format.
func (in Input) process(p *cnnews.Pipeline) (*cnnews.Article, error) {
	if in.Line == 0 {
		return p.Process(in.ID, in.Data)
	}
	return p.ProcessString(in.ID, in.Text, in.Format)
}

// Process runs an input through the pipeline and returns the article with
// its output line, or why it was rejected.
func Process(p *cnnews.Pipeline, in Input, withRemoved bool) (*cnnews.Article, []byte, *Rejection) {
	a, err := in.process(p)
	if err != nil {
		reason := Failed
		var ie *cnnews.InputError
		if errors.As(err, &ie) {
			reason, err = ie.Reason, ie.Err
		}
		return nil, nil, &Rejection{ID: in.ID, Input: in.Input, Line: in.Line, Reason: reason, Error: err.Error()}
	}
	art := *a
	art.Name = "" // the id
	if !withRemoved {
		art.Removed = nil
	}
	line, err := appendRecord(nil, in, &art)
	if err != nil {
		return nil, nil, &Rejection{ID: in.ID, Input: in.Input, Line: in.Line, Reason: Failed, Error: err.Error()}
	}
	return a, line, nil
}

// jsonRecord is a line of a JSONL input.
type jsonRecord struct {
	ID   json.RawMessage `json:"id"`
	Text *string         `json:"text"`
	HTML *string         `json:"html"`
	Site json.RawMessage `json:"site"`
	URL  json.RawMessage `json:"url"`
}

// recordKeys are the members of a record jsonRecord reads.
var recordKeys = []string{"id", "text", "html", "site", "url"}

// fast fills rec from line without reflection, and reports whether it
// could: false leaves the line to encoding/json, which then decodes it or
// gives the error.
func (rec *jsonRecord) fast(line []byte) bool {
	var vals [5][]byte
	if !jsonobj.Members(line, recordKeys, vals[:]) {
		return false
	}
	for i, dst := range []**string{&rec.Text, &rec.HTML} {
		switch v := vals[1+i]; {
		case v == nil || string(v) == "null":
		default:
			s, ok := jsonobj.String(v)
			if !ok {
				return false // not a string: encoding/json's error
			}
			*dst = &s
		}
	}
	rec.ID, rec.Site, rec.URL = vals[0], vals[3], vals[4]
	return true
}

// ParseLine turns line n of a JSONL file into an input: {"id", "text"} or
// {"id", "html"}. A number as id is kept as written; without an id the
// record is "INPUT:LINE". tooLong says the line was over limit bytes and
// not kept.
func ParseLine(input string, n int, line []byte, tooLong bool, limit int) (Input, *Rejection) {
	in := Input{ID: fmt.Sprintf("%s:%d", input, n), Input: input, Line: n}
	reject := func(reason cnnews.Reason, msg string) (Input, *Rejection) {
		return in, &Rejection{ID: in.ID, Input: input, Line: n, Reason: reason, Error: msg}
	}
	if tooLong {
		return reject(cnnews.TooLarge, fmt.Sprintf("line %d is longer than the maximum %d bytes", n, limit))
	}
	if !utf8.Valid(line) {
		off := 0
		for off < len(line) {
			r, size := utf8.DecodeRune(line[off:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			off += size
		}
		return reject(cnnews.BadEncoding, fmt.Sprintf("line %d, byte %d: not UTF-8 (JSON text must be)", n, off))
	}
	var rec jsonRecord
	if !rec.fast(line) {
		if err := json.Unmarshal(line, &rec); err != nil {
			return reject(JSON, fmt.Sprintf("line %d: %v", n, err))
		}
	}
	if len(rec.ID) > 0 && string(rec.ID) != "null" {
		if s, ok := jsonobj.String(rec.ID); ok {
			in.ID = s
		} else {
			in.ID = string(rec.ID) // a number
		}
	}
	in.Site, _ = jsonobj.String(rec.Site) // kept only when a string
	in.URL, _ = jsonobj.String(rec.URL)
	switch {
	case rec.Text != nil:
		in.Text = *rec.Text
	case rec.HTML != nil:
		in.Text, in.Format = *rec.HTML, clean.HTML
	default:
		return reject(JSON, fmt.Sprintf("line %d: no \"text\" or \"html\" field", n))
	}
	return in, nil
}

// ReadLine reads one line without its end. A line longer than limit is
// consumed to its end and reported as tooLong, without being kept, so
// that lines of any length up to the limit are read whole and memory
// stays bounded by it.
func ReadLine(br *bufio.Reader, limit int) (line []byte, tooLong bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if len(line)+len(chunk) > limit+2 { // room for "\r\n"
				tooLong, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		line = bytes.TrimRight(line, "\r\n")
		if !tooLong && len(line) > limit {
			tooLong, line = true, nil
		}
		return line, tooLong, err
	}
}

// The site rule's names, by which clean.Without switches it off.
var siteLineNames = []string{sitelines.RuleName, string(sitelines.Category)}

// StripSiteLines returns the settings without the site rule's names
// ("site-line", "site") in Without, and whether they held one. Those names
// switch off the lines learned with --site-lines; a cleaner built without
// the rule does not know them, so they must be taken out before building
// one.
func (s Settings) StripSiteLines() (Settings, bool) {
	if !slices.ContainsFunc(s.Without, func(n string) bool { return slices.Contains(siteLineNames, n) }) {
		return s, false
	}
	s.Without = slices.DeleteFunc(slices.Clone(s.Without), func(n string) bool { return slices.Contains(siteLineNames, n) })
	return s, true
}

// LearnPipeline builds the pipeline of the first pass of --site-lines: the
// settings' cleaning without script conversion or repairs, so
// that the text learned from is the text the site rule will see.
func (s Settings) LearnPipeline() (*cnnews.Pipeline, error) {
	s.Convert, s.Punct, s.Repair = "", false, false
	return s.Pipeline()
}

// LearnText runs an input through a pipeline from [Settings.LearnPipeline]
// and returns its site and cleaned text, to feed a [sitelines.Learner];
// ok is false when the pipeline rejects the input.
func LearnText(p *cnnews.Pipeline, in Input) (site, text string, ok bool) {
	a, err := in.process(p)
	if err != nil {
		return "", "", false
	}
	return in.SiteKey(), a.Text, true
}

// Sites gives each site its pipeline: the settings' pipeline with the
// site's rule added when the Learner learned lines of the site, else the
// settings' pipeline itself. A site's pipeline is built on first use and
// kept (a few kilobytes a site). Sites is safe for concurrent use.
type Sites struct {
	set     Settings
	base    *cnnews.Pipeline
	learned map[string]*sitelines.Site
	lines   int

	mu    sync.Mutex
	built map[string]*cnnews.Pipeline
}

// NewSites takes what l has learned. The settings must not name the site
// rule in Without ([Settings.StripSiteLines]).
func NewSites(s Settings, l *sitelines.Learner) (*Sites, error) {
	base, err := s.Pipeline()
	if err != nil {
		return nil, err
	}
	ss := &Sites{set: s, base: base, learned: map[string]*sitelines.Site{}, built: map[string]*cnnews.Pipeline{}}
	for _, name := range l.Sites() {
		if site := l.Site(name); len(site.Lines()) > 0 {
			ss.learned[name] = site
			ss.lines += len(site.Lines())
		}
	}
	return ss, nil
}

// Pipeline returns the pipeline for the articles of site.
func (ss *Sites) Pipeline(site string) (*cnnews.Pipeline, error) {
	s := ss.learned[site]
	if s == nil {
		return ss.base, nil
	}
	ss.mu.Lock()
	defer ss.mu.Unlock()
	if p := ss.built[site]; p != nil {
		return p, nil
	}
	set := ss.set
	set.Rules = append(slices.Clone(set.Rules), s.Rule())
	p, err := set.Pipeline()
	if err != nil {
		return nil, err
	}
	ss.built[site] = p
	return p, nil
}

// Learned returns the number of sites with lines learned and of lines.
func (ss *Sites) Learned() (sites, lines int) { return len(ss.learned), ss.lines }

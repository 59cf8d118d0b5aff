package sitelines

import (
	"cmp"
	"fmt"
	"math"
	"net/url"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/cnnews/cnnews/clean"
	"github.com/zeebo/xxh3"
)

// RuleName is the name of the rule [Site.Rule] returns, and Category its
// category: clean.Without("site") or clean.Without("site-line") switches it
// off, and its removals are reported under these names.
const (
	RuleName                = "site-line"
	Category clean.Category = "site"
)

// MaxRunes is the length in characters above which a line is never taken
// for a site's own line: slogans, column names, hotlines and sponsor lines
// are short, and a long paragraph that recurs is a quotation or a copy.
const MaxRunes = 200

// The defaults of [Config].
const (
	DefaultEdge        = 5
	DefaultMinArticles = 3
	DefaultMinShare    = 0.2
	DefaultCounters    = 256
)

// Config sets what a [Learner] counts and what it takes for a site's own
// line. A zero field takes its default.
type Config struct {
	// Edge is how many paragraphs at each end of an article count as its
	// head and tail (default 5). Lines further in are the middle.
	Edge int
	// MinArticles and MinShare: a line is learned when it is in the head
	// or tail of at least MinArticles of the site's articles (default 3,
	// at least 2) and of at least MinShare of them (default 0.2).
	MinArticles int
	MinShare    float64
	// Counters is how many lines a site's table holds (default 256, at
	// least 4 × Edge). It bounds memory and the error of the counts: a
	// line in more than MinShare + 2×Edge/(Counters+1) of the site's
	// articles is learned whatever the order of the articles.
	Counters int
}

func (c Config) withDefaults() (Config, error) {
	if c.Edge == 0 {
		c.Edge = DefaultEdge
	}
	if c.MinArticles == 0 {
		c.MinArticles = DefaultMinArticles
	}
	if c.MinShare == 0 {
		c.MinShare = DefaultMinShare
	}
	if c.Counters == 0 {
		c.Counters = max(DefaultCounters, 4*c.Edge)
	}
	switch {
	case c.Edge < 1:
		return c, fmt.Errorf("sitelines: Edge %d: must be at least 1", c.Edge)
	case c.MinArticles < 2:
		return c, fmt.Errorf("sitelines: MinArticles %d: must be at least 2", c.MinArticles)
	case !(c.MinShare > 0 && c.MinShare <= 1):
		return c, fmt.Errorf("sitelines: MinShare %v: must be above 0 and at most 1", c.MinShare)
	case c.Counters < 4*c.Edge || c.Counters > 1<<20:
		return c, fmt.Errorf("sitelines: Counters %d: must be from 4 × Edge (%d) to %d", c.Counters, 4*c.Edge, 1<<20)
	}
	return c, nil
}

// Learner counts, for each site, in how many of its articles each line
// sits in the head or the tail, and in how many only in the middle. Feed it
// articles with [Learner.Add]; ask it what it learned with [Learner.Site].
// Memory is bounded per site: see [Learner.Bytes]. Build one with [New];
// the zero value is not ready for use. A Learner is safe for
// concurrent use; what it learns depends on the order articles arrive in
// only for lines near the thresholds once a site's table has overflowed,
// so feed it in a fixed order when the result must be reproducible.
type Learner struct {
	cfg   Config
	mu    sync.Mutex
	sites map[string]*table
}

// New returns a Learner with the thresholds of c, or an error for a value
// out of range.
func New(c Config) (*Learner, error) {
	c, err := c.withDefaults()
	if err != nil {
		return nil, err
	}
	return &Learner{cfg: c, sites: map[string]*table{}}, nil
}

// Config returns the Learner's settings, defaults filled in.
func (l *Learner) Config() Config { return l.cfg }

// line is one candidate line of an article: its hash and where its
// normalised text is in the article's buffer.
type line struct {
	h      uint64
	off, n int
}

// Add counts one article of site. text is the article one paragraph a line,
// as [clean.Result.Text] and cnnews.Article.Text give it: feed the text the
// cleaner leaves (before any script conversion), so that the lines learned
// are those the site's rule will see. Blank lines are skipped; a line in
// the article twice counts once.
func (l *Learner) Add(site, text string) {
	n := 0
	for p := range strings.SplitSeq(text, "\n") {
		if !blank(p) {
			n++
		}
	}
	edge := make([]line, 0, 2*l.cfg.Edge)
	var middle []line
	buf := make([]byte, 0, len(text))
	i := -1
	for p := range strings.SplitSeq(text, "\n") {
		if blank(p) {
			continue
		}
		i++
		if !short(p) {
			continue
		}
		off := len(buf)
		buf, _ = appendNorm(buf, p, -1)
		if len(buf) == off {
			continue
		}
		ln := line{xxh3.Hash(buf[off:]), off, len(buf) - off}
		if i < l.cfg.Edge || i >= n-l.cfg.Edge {
			edge = appendNew(edge, ln)
		} else {
			middle = appendNew(middle, ln)
		}
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	t := l.sites[site]
	if t == nil {
		t = newTable(l.cfg.Counters)
		l.sites[strings.Clone(site)] = t
	}
	t.articles++
	for _, ln := range edge {
		t.add(ln.h, buf[ln.off:ln.off+ln.n])
	}
	for _, ln := range middle {
		if !slices.ContainsFunc(edge, func(e line) bool { return e.h == ln.h }) {
			t.addMiddle(ln.h)
		}
	}
}

func blank(p string) bool { return strings.TrimSpace(p) == "" }

func appendNew(ls []line, ln line) []line {
	for _, x := range ls {
		if x.h == ln.h {
			return ls
		}
	}
	return append(ls, ln)
}

// short reports whether p has at most MaxRunes characters.
func short(p string) bool {
	return len(p) <= MaxRunes || len(p) <= 4*MaxRunes && utf8.RuneCountInString(p) <= MaxRunes
}

// Sites returns the names of the sites the Learner has seen, sorted.
func (l *Learner) Sites() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	names := make([]string, 0, len(l.sites))
	for n := range l.sites {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// Bytes returns the memory the Learner holds, by its own count: per site
// [SiteBytes] plus the site's name and the arena of its texts, and per line
// its table has room for [LineBytes].
func (l *Learner) Bytes() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	n := 0
	for name, t := range l.sites {
		n += SiteBytes + len(name) + t.bytes()
	}
	return n
}

// The memory a [Learner] holds, in bytes: SiteBytes for each site (its
// entry in the Learner's map and its table's header) and LineBytes for
// each line its table has room for (a 24-byte counter and two 4-byte slots
// of the table's index, when Counters is a power of two as the default
// is), plus the site's name and its texts. A site's table has room for
// Counters lines at most, and grows to it by doubling; it keeps the text
// of a line (at most [MaxRunes] characters, white space dropped) once the
// line is in two articles, in an arena at most twice the size of the
// texts of the lines it counts. With the defaults a site holds at most
// 128 + 256 × 32 = 8,320 bytes plus its texts.
const (
	SiteBytes = 128
	LineBytes = 32
)

// Site returns what the Learner has learned about site so far: the lines
// in the head or tail of at least MinArticles and at least MinShare of the
// site's articles, and in the middle of articles less than a quarter as
// often. A site never seen gives an empty Site. The Site is a snapshot:
// articles added later do not change it.
func (l *Learner) Site(site string) *Site {
	l.mu.Lock()
	defer l.mu.Unlock()
	s := &Site{name: site}
	t := l.sites[site]
	if t == nil {
		return s
	}
	s.articles = t.articles
	need := uint32(max(float64(l.cfg.MinArticles), math.Ceil(l.cfg.MinShare*float64(t.articles)-1e-9)))
	for i := range t.entries {
		e := &t.entries[i]
		if e.edge >= need && 4*uint64(e.middle) < uint64(e.edge) && e.n > 0 {
			if s.lines == nil {
				s.lines = map[uint64]string{}
			}
			text := t.text(e)
			s.lines[e.hash] = text
			s.longest = max(s.longest, len(text))
			s.order = append(s.order, Line{Text: text, Articles: int(e.edge)})
		}
	}
	slices.SortFunc(s.order, func(a, b Line) int {
		return cmp.Or(cmp.Compare(b.Articles, a.Articles), strings.Compare(a.Text, b.Text))
	})
	return s
}

// Site is what a [Learner] learned about one site: the lines it repeats at
// the head and tail of its articles. It is immutable and safe for
// concurrent use. Its lines are held in normalised form ([Normalize]).
type Site struct {
	name     string
	articles int
	lines    map[uint64]string
	order    []Line
	longest  int // bytes of the longest line
}

// Line is a learned line: its normalised text and the number of the site's
// articles it was counted in (a lower bound once the site's table has
// overflowed).
type Line struct {
	Text     string
	Articles int
}

// Name returns the site's name, as given to [Learner.Site].
func (s *Site) Name() string { return s.name }

// Articles returns the number of the site's articles the Learner had seen.
func (s *Site) Articles() int { return s.articles }

// Lines returns the learned lines, the most frequent first.
func (s *Site) Lines() []Line { return slices.Clone(s.order) }

// Has reports whether paragraph, once normalised, is one of the site's
// lines.
func (s *Site) Has(paragraph string) bool {
	if len(s.lines) == 0 || !short(paragraph) {
		return false
	}
	var buf [4 * MaxRunes]byte
	b, ok := appendNorm(buf[:0], paragraph, s.longest)
	if !ok {
		return false
	}
	t, ok := s.lines[xxh3.Hash(b)]
	return ok && t == string(b)
}

// Rule returns the rule that removes the site's lines: named [RuleName], in
// [Category], for the head and tail of an article. Like every head and
// tail rule it runs on the lines before the story and after it, never
// between two of the story's paragraphs, so a learned line in the middle
// of an article stays. Add it to a cleaner with clean.With.
func (s *Site) Rule() clean.Rule {
	return clean.Rule{Name: RuleName, Category: Category, Zone: clean.Head | clean.Tail,
		Description: "lines this site prints on many of its articles, learned from the corpus",
		Match: func(p clean.Paragraph) (clean.Match, bool) {
			if s.Has(p.Text) {
				return clean.Match{Start: 0, End: len(p.Text)}, true
			}
			return clean.Match{}, false
		}}
}

// Normalize returns the form in which lines are compared: white space
// dropped (ASCII, ideographic and the other Unicode spaces, and zero-width
// characters), full-width ASCII folded to half-width, Latin letters
// lower-cased, and each run of digits replaced by one 0, so that
// “阅读（123）” and “阅读 (4567)” are one line.
func Normalize(s string) string {
	b, _ := appendNorm(make([]byte, 0, len(s)), s, -1)
	return string(b)
}

// appendNorm appends the normalised s to dst. With limit at 0 or above, it
// stops and returns false when it would append more than limit bytes.
func appendNorm(dst []byte, s string, limit int) ([]byte, bool) {
	end := len(dst) + limit
	digits := false
	for _, r := range s {
		if limit >= 0 && len(dst) > end {
			return dst, false
		}
		switch {
		case r >= 0x3001 && r <= 0x9FFF: // CJK: no spaces, no digits
			digits = false
			dst = utf8.AppendRune(dst, r)
			continue
		case r >= 0xFF01 && r <= 0xFF5E:
			r -= 0xFEE0
		case r == 0x200B || r == 0x200C || r == 0x200D || r == 0x2060 || r == 0xFEFF:
			continue
		}
		switch {
		case r >= '0' && r <= '9' || r > 0x7F && unicode.IsDigit(r):
			if !digits {
				dst = append(dst, '0')
			}
			digits = true
			continue
		case r == ' ' || r >= '\t' && r <= '\r' || r > 0x7F && unicode.IsSpace(r):
			continue
		case r >= 'A' && r <= 'Z':
			r += 'a' - 'A'
		}
		digits = false
		dst = utf8.AppendRune(dst, r)
	}
	return dst, limit < 0 || len(dst) <= end
}

// Key returns the site an article belongs to: site when it is not blank
// (a JSONL record's "site" field, as written), else the host of rawURL (a
// record's "url" field; lower-cased, without port or a leading "www."),
// else the directory of input, the file the article came from, with
// forward slashes ("." for a file in the current directory).
func Key(site, rawURL, input string) string {
	if s := strings.TrimSpace(site); s != "" {
		return s
	}
	if h := host(rawURL); h != "" {
		return h
	}
	return path.Dir(filepath.ToSlash(input))
}

func host(raw string) string {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return ""
	}
	if !strings.Contains(raw, "://") && !strings.HasPrefix(raw, "//") {
		raw = "//" + raw
	}
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	h := strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
	return strings.TrimPrefix(h, "www.")
}

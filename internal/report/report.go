// Package report makes the HTML report of a run or of one article: what
// was read, written, dropped and rejected, what cleaning removed by
// category and rule, the lines removed most often, article lengths before
// and after cleaning, and a sample of articles with every removed span
// marked in its category's colour. The page is one self-contained file
// (inline CSS, SVG and a few lines of script to filter by category or
// rule), written with html/template so that every article's text is
// escaped. Counters are kept as articles go by and samples are drawn by
// reservoir, so the report of a million articles stays a few megabytes.
package report

import (
	"cmp"
	"fmt"
	"io"
	"maps"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/cnnews/cnnews"
)

// Bounds on what a report holds, whatever the size of the run.
const (
	Samples      = 40    // articles drawn by reservoir
	maxText      = 30000 // bytes of an article's input shown
	maxLines     = 20000 // distinct removed lines counted before the rarest are pruned
	topLines     = 30    // removed lines listed
	maxClusters  = 50    // duplicate clusters listed
	maxWarnings  = 100   // warnings listed
	maxSites     = 10    // sites given an article of their own in the sample
	lengthBucket = 12    // length histogram buckets (powers of two from 64 bytes)
)

// Report gathers a run's figures. It is not safe for concurrent use:
// cnnews run feeds it from the goroutine that writes the output, in input
// order.
type Report struct {
	Title      string
	read       int
	written    int
	duplicates int
	rejected   map[string]int
	encodings  map[string]int
	scripts    map[string]int
	converted  map[string]int
	categories map[string]int
	rules      map[string]int
	ruleCat    map[string]string
	lines      map[string]int
	before     [lengthBucket]int
	after      [lengthBucket]int
	seen       int // articles offered for sampling
	samples    []Sample
	byCategory map[string]Sample // the first article with each category, so that rare ones show
	bySite     map[string]Sample // the first article of each of the first sites, so that small ones show
	clusters   []Cluster
	clusterOf  map[string]int
	warnings   []string
	rng        *rand.Rand
}

// Sample is an article shown whole, its removals marked.
type Sample struct {
	ID, Input, Site string
	Text            string // the input as decoded, cut at maxText bytes
	Cut             bool
	Spans           []Span
}

// Span is one removal in a sample.
type Span struct {
	Start, End     int
	Rule, Category string
}

// Cluster is a kept article and the copies dropped in its favour.
type Cluster struct {
	Keep   string
	Copies []Copy
}

// Copy is a dropped copy and its similarity to the kept article.
type Copy struct {
	ID         string
	Similarity float64
}

// New returns an empty report; seed fixes the sample drawn.
func New(title string, seed uint64) *Report {
	return &Report{Title: title, rejected: map[string]int{}, encodings: map[string]int{}, scripts: map[string]int{},
		converted: map[string]int{}, categories: map[string]int{}, rules: map[string]int{}, ruleCat: map[string]string{},
		lines: map[string]int{}, byCategory: map[string]Sample{}, bySite: map[string]Sample{}, clusterOf: map[string]int{}, rng: rand.New(rand.NewPCG(seed, 1))}
}

// Article counts a kept article of a site (its input's directory, or the
// site a record names) read from size bytes; input gives its decoded
// input, to which the removals' offsets point, and is called only when
// the article is drawn for the sample.
func (r *Report) Article(id, inputName, site string, size int, input func() string, a *cnnews.Article) {
	r.read++
	r.written++
	r.encodings[a.Encoding.Encoding]++
	r.scripts[a.Script.String()]++
	if a.Converted != "" {
		r.converted[a.Converted]++
	}
	r.before[bucket(size)]++
	r.after[bucket(len(a.Text))]++
	for _, x := range a.Removed {
		c := string(x.Category)
		r.categories[c]++
		r.rules[x.Rule]++
		r.ruleCat[x.Rule] = c
		if line := strings.TrimSpace(x.Text); line != "" && utf8.RuneCountInString(line) <= 200 && c != "gloss" && c != "page" {
			r.lines[line]++
			if len(r.lines) > maxLines {
				r.prune()
			}
		}
	}
	for _, w := range a.Warnings {
		if len(r.warnings) < maxWarnings {
			r.warnings = append(r.warnings, fmt.Sprintf("%s:%d: %s", inputName, w.Line, w.Message))
		}
	}
	if len(a.Removed) == 0 {
		return
	}
	var made *Sample // the article's sample, made once however many places keep it
	s := func() Sample {
		if made == nil {
			x := sample(id, inputName, site, input(), a)
			made = &x
		}
		return *made
	}
	if _, ok := r.bySite[site]; !ok && len(r.bySite) < maxSites {
		r.bySite[site] = s()
	}
	for _, x := range a.Removed {
		if _, ok := r.byCategory[string(x.Category)]; !ok {
			r.byCategory[string(x.Category)] = s()
		}
	}
	// reservoir sampling (Algorithm R) over the articles with removals
	r.seen++
	if len(r.samples) < Samples {
		r.samples = append(r.samples, s())
	} else if k := r.rng.IntN(r.seen); k < Samples {
		r.samples[k] = s()
	}
}

// prune drops the removed lines seen once, and then the rarer half,
// keeping the count bounded.
func (r *Report) prune() {
	for l, n := range r.lines {
		if n <= 1 {
			delete(r.lines, l)
		}
	}
	if len(r.lines) > maxLines/2 {
		counts := make([]int, 0, len(r.lines))
		for _, n := range r.lines {
			counts = append(counts, n)
		}
		slices.Sort(counts)
		cut := counts[len(counts)/2]
		for l, n := range r.lines {
			if n <= cut {
				delete(r.lines, l)
			}
		}
	}
}

func sample(id, inputName, site, input string, a *cnnews.Article) Sample {
	s := Sample{ID: id, Input: inputName, Site: site, Text: input}
	if len(s.Text) > maxText {
		cut := maxText
		for cut > 0 && !utf8.RuneStart(s.Text[cut]) {
			cut--
		}
		s.Text, s.Cut = s.Text[:cut], true
	}
	for _, x := range a.Removed {
		if x.End > x.Start && x.End <= len(s.Text) {
			s.Spans = append(s.Spans, Span{x.Start, x.End, x.Rule, string(x.Category)})
		}
	}
	return s
}

// Rejected counts an input rejected for reason.
func (r *Report) Rejected(reason string) {
	r.read++
	r.rejected[reason]++
}

// Duplicate counts a dropped copy of the kept article keep.
func (r *Report) Duplicate(id, keep string, similarity float64) {
	r.read++
	r.duplicates++
	i, ok := r.clusterOf[keep]
	if !ok {
		if len(r.clusters) >= maxClusters {
			return
		}
		i = len(r.clusters)
		r.clusterOf[keep] = i
		r.clusters = append(r.clusters, Cluster{Keep: keep})
	}
	if len(r.clusters[i].Copies) < 20 {
		r.clusters[i].Copies = append(r.clusters[i].Copies, Copy{id, similarity})
	}
}

// Warn records a warning shown on the page.
func (r *Report) Warn(msg string) {
	if len(r.warnings) < maxWarnings {
		r.warnings = append(r.warnings, msg)
	}
}

func bucket(n int) int {
	b := 0
	for n > 64 && b < lengthBucket-1 {
		n /= 2
		b++
	}
	return b
}

// WriteHTML writes the page; elapsed is the run's time.
func (r *Report) WriteHTML(w io.Writer, elapsed time.Duration) error {
	return page().Execute(w, r.view(elapsed))
}

// colours of the categories, with names in the legend (never colour alone)
var palette = []string{"#e41a1c", "#377eb8", "#4daf4a", "#984ea3", "#ff7f00", "#a65628", "#f781bf", "#999999",
	"#66c2a5", "#fc8d62", "#8da0cb", "#e78ac3", "#a6d854", "#ffd92f", "#e5c494", "#b3b3b3"}

type bar struct {
	Label, Short, Colour, Class string
	Count                       int
	Width                       float64 // of the longest bar, 0–100
}

type count struct {
	Name  string
	Count int
}

type view struct {
	Title                                string
	Generated                            string
	Read, Written, Duplicates, Rejected  int
	Seconds, Rate                        string
	RejectedBy, Encodings, Scripts, Conv []count
	Categories, Rules, Lines, Rejections []bar
	Legend                               []bar
	Lengths                              []lengthRow
	Samples                              []sampleView
	Clusters                             []Cluster
	Warnings                             []string
	Colour                               map[string]string
}

type lengthRow struct {
	Label           string
	Before, After   int
	WBefore, WAfter float64
}

type piece struct {
	Text           string
	Marked         bool
	Rule, Category string
	Colour, Title  string
}

type sampleView struct {
	ID, Input, Site string
	Cut             bool
	Pieces          []piece
	Classes         string // the categories and rules it shows, for filtering
}

func counts(m map[string]int) []count {
	var out []count
	for k, v := range m {
		out = append(out, count{k, v})
	}
	sort.Slice(out, func(i, j int) bool {
		return out[i].Count > out[j].Count || out[i].Count == out[j].Count && out[i].Name < out[j].Name
	})
	return out
}

func bars(cs []count, colour func(string) string, class func(string) string, limit int) []bar {
	if len(cs) > limit {
		cs = cs[:limit]
	}
	top := 1
	for _, c := range cs {
		top = max(top, c.Count)
	}
	var out []bar
	for _, c := range cs {
		short := c.Name
		if r := []rune(short); len(r) > 30 {
			short = string(r[:29]) + "…"
		}
		out = append(out, bar{Label: c.Name, Short: short, Count: c.Count, Colour: colour(c.Name), Class: class(c.Name), Width: 100 * float64(c.Count) / float64(top)})
	}
	return out
}

func (r *Report) view(elapsed time.Duration) view {
	v := view{Title: r.Title, Generated: time.Now().UTC().Format("2006-01-02 15:04 MST"), Read: r.read, Written: r.written,
		Duplicates: r.duplicates, Seconds: fmt.Sprintf("%.1f", elapsed.Seconds()), Warnings: r.warnings, Clusters: r.clusters}
	if s := elapsed.Seconds(); s > 0 {
		v.Rate = fmt.Sprintf("%.0f", float64(r.read)/s)
	}
	for _, n := range r.rejected {
		v.Rejected += n
	}
	v.RejectedBy, v.Encodings, v.Scripts, v.Conv = counts(r.rejected), counts(r.encodings), counts(r.scripts), counts(r.converted)
	cats := counts(r.categories)
	v.Colour = map[string]string{}
	for i, c := range slices.SortedFunc(slices.Values(cats), func(a, b count) int { return cmp.Compare(a.Name, b.Name) }) {
		v.Colour[c.Name] = palette[i%len(palette)]
	}
	colour := func(c string) string { return v.Colour[c] }
	catClass := func(c string) string { return "c-" + c }
	v.Categories = bars(cats, colour, catClass, 100)
	v.Legend = v.Categories
	v.Rules = bars(counts(r.rules), func(rule string) string { return v.Colour[r.ruleCat[rule]] },
		func(rule string) string { return "c-" + r.ruleCat[rule] + " r-" + rule }, 40)
	v.Lines = bars(counts(r.lines), func(string) string { return "#777" }, func(string) string { return "" }, topLines)
	v.Rejections = bars(counts(r.rejected), func(string) string { return "#555" }, func(string) string { return "" }, 20)
	top := 1
	for i := range lengthBucket {
		top = max(top, r.before[i], r.after[i])
	}
	for i := range lengthBucket {
		if r.before[i] == 0 && r.after[i] == 0 {
			continue
		}
		lo := 64 << i
		label := fmt.Sprintf("%s–%s", size(lo/2), size(lo))
		switch i {
		case 0:
			label = "≤ 64 B"
		case lengthBucket - 1:
			label = "> " + size(lo/2)
		}
		v.Lengths = append(v.Lengths, lengthRow{label, r.before[i], r.after[i], 100 * float64(r.before[i]) / float64(top), 100 * float64(r.after[i]) / float64(top)})
	}
	// the reservoir, then an article for each site and each category it
	// misses
	var all []Sample
	sites, shown := map[string]bool{}, map[string]bool{} // sites and categories in all
	add := func(s Sample) {
		all = append(all, s)
		sites[s.Site] = true
		for _, sp := range s.Spans {
			shown[sp.Category] = true
		}
	}
	for _, s := range r.samples {
		add(s)
	}
	for _, site := range slices.Sorted(maps.Keys(r.bySite)) {
		if !sites[site] {
			add(r.bySite[site])
		}
	}
	for _, c := range slices.Sorted(maps.Keys(r.byCategory)) {
		if !shown[c] {
			add(r.byCategory[c])
		}
	}
	for _, s := range all {
		v.Samples = append(v.Samples, sampleOf(s, v.Colour))
	}
	return v
}

func size(n int) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d B", n)
}

// sampleOf cuts a sample's text into plain and marked pieces; a removal
// inside another (a gloss in a removed caption) is shown as part of the
// outer one.
func sampleOf(s Sample, colour map[string]string) sampleView {
	v := sampleView{ID: s.ID, Input: s.Input, Site: s.Site, Cut: s.Cut}
	spans := slices.Clone(s.Spans)
	slices.SortFunc(spans, func(a, b Span) int { return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(b.End, a.End)) })
	classes := map[string]bool{}
	at := 0
	for _, sp := range spans {
		if sp.Start < at {
			continue
		}
		if sp.Start > at {
			v.Pieces = append(v.Pieces, piece{Text: s.Text[at:sp.Start]})
		}
		v.Pieces = append(v.Pieces, piece{Text: s.Text[sp.Start:sp.End], Marked: true, Rule: sp.Rule, Category: sp.Category,
			Colour: colour[sp.Category], Title: fmt.Sprintf("%s (%s), bytes %d–%d", sp.Rule, sp.Category, sp.Start, sp.End)})
		classes["c-"+sp.Category], classes["r-"+sp.Rule] = true, true
		at = sp.End
	}
	if at < len(s.Text) {
		v.Pieces = append(v.Pieces, piece{Text: s.Text[at:]})
	}
	v.Classes = strings.Join(slices.Sorted(maps.Keys(classes)), " ")
	return v
}

package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"math"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/cnnews/cnnews"
	"github.com/cnnews/cnnews/clean"
	"github.com/cnnews/cnnews/decode"
	"github.com/cnnews/cnnews/dedupe"
	"github.com/cnnews/cnnews/internal/corpus"
	"github.com/cnnews/cnnews/internal/report"
	"github.com/cnnews/cnnews/sitelines"
	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// runOptions are the settings of one corpus run.
type runOptions struct {
	inputs      []string
	out         string
	rejected    string
	summaryFile string
	reportFile  string // --report: the HTML report, "" for none
	lossy       bool
	jobs        int
	maxSize     int
	failFast    bool
	dedupe      bool
	withRemoved bool
	withDups    bool
	progress    string          // auto, bar, plain, none
	skip        map[string]bool // absolute paths of the run's own outputs
	every       time.Duration
	pipeline    *cnnews.Pipeline
	// with --site-lines: the settings, the pipeline of the first pass and,
	// in the second, each site's pipeline
	siteLines bool
	settings  corpus.Settings
	learn     *cnnews.Pipeline
	sites     *corpus.Sites
}

func runRun(args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	fs.SetOutput(stderr)
	prof := profileFlags(fs)
	var o runOptions
	fs.StringVar(&o.out, "o", "", "output `FILE` of kept articles, one JSON object a line (required)")
	fs.StringVar(&o.rejected, "rejected", "", "`FILE` for rejected inputs and dropped duplicates with reasons (default: OUT with .rejected.jsonl)")
	fs.StringVar(&o.summaryFile, "summary", "", "also write the summary as JSON to `FILE`")
	fs.StringVar(&o.reportFile, "report", "", "also write an HTML report of the run to `FILE`: the summary, removals by category and rule as charts, the lines removed most often, lengths before and after, a sample of articles with every removal marked, duplicate clusters")
	fs.IntVar(&o.jobs, "j", runtime.NumCPU(), "articles processed in parallel")
	fs.IntVar(&o.maxSize, "max-size", cnnews.DefaultMaxSize, "largest file or JSONL line in `BYTES`; larger ones are rejected")
	fs.BoolVar(&o.failFast, "fail-fast", false, "stop at the first rejected input (no output is written)")
	noDedupe := fs.Bool("no-dedupe", false, "keep duplicates")
	fs.BoolVar(&o.withRemoved, "removed", false, "include every removal (rule, category, text, offsets) in the output")
	fs.BoolVar(&o.withDups, "duplicates", false, "list on each kept article the ids of the copies dropped in its favour")
	fs.StringVar(&o.progress, "progress", "auto", "progress on standard error: auto (a bar on a terminal, else a line every --every), bar, plain, none")
	fs.DurationVar(&o.every, "every", 10*time.Second, "interval of plain progress lines")
	conv := fs.String("convert", "", "convert with an OpenCC `CONFIG` (t2s normalises to Simplified; see cnnews convert)")
	punct := fs.Bool("punct", false, "restore full-width punctuation between Chinese characters")
	repair := fs.Bool("repair", false, "fix the wrong characters a character-by-character conversion left in Traditional articles (全麵 → 全面), before --convert")
	without := fs.String("without", "", "comma-separated rule or category names to switch off")
	keepCaptions := fs.Bool("keep-captions", false, "keep photo captions")
	lossy := fs.Bool("lossy", false, "read text in no known encoding as UTF-8 with replacement characters (reported) instead of rejecting it")
	fs.BoolVar(&o.siteLines, "site-lines", false, "learn the lines each site repeats at the head and tail of its articles (slogans, column names, hotlines, 投稿邮箱) in a first pass over the inputs, and remove them in a second (category site)")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: cnnews run [flags] -o OUT.jsonl PATH...\n\n"+
			"Runs every article under PATH (files, directories walked recursively, and .jsonl files of\n"+
			"{\"id\",\"text\"} or {\"id\",\"html\"} records) through decoding, front matter, cleaning and\n"+
			"optional conversion, drops copies of earlier articles, and writes the kept ones to OUT in\n"+
			"input order. Rejected inputs go to the rejected file with their reasons. The exit status\n"+
			"is 0 when nothing was rejected, 1 when something was, 2 on a usage error, 130 when\n"+
			"interrupted; an interrupted or failed run leaves any earlier OUT as it was.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if err := prof.start(); err != nil {
		fmt.Fprintf(stderr, "cnnews: %v\n", err)
		return 2
	}
	defer func() { code = prof.stop(stderr, code) }()
	o.inputs, o.dedupe = fs.Args(), !*noDedupe
	if o.out == "" || len(o.inputs) == 0 {
		fmt.Fprintln(stderr, "cnnews run: need -o OUT and at least one PATH")
		fs.Usage()
		return 2
	}
	if o.jobs < 1 {
		o.jobs = 1
	}
	if o.rejected == "" {
		o.rejected = strings.TrimSuffix(o.out, ".jsonl") + ".rejected.jsonl"
	}
	// an output inside an input directory is not read back as input
	o.skip = map[string]bool{}
	o.lossy = *lossy
	for _, name := range []string{o.out, o.rejected, o.summaryFile, o.reportFile} {
		if abs, err := filepath.Abs(name); err == nil && name != "" {
			o.skip[abs] = true
		}
	}
	set := corpus.Settings{Convert: *conv, Punct: *punct, Repair: *repair, KeepCaptions: *keepCaptions, Lossy: *lossy, MaxSize: max(o.maxSize, 1)}
	if *without != "" {
		set.Without = strings.Split(*without, ",")
	}
	// --without site (or site-line) switches the site lines off
	set, off := set.StripSiteLines()
	o.siteLines = o.siteLines && !off
	p, err := set.Pipeline()
	if err != nil {
		fmt.Fprintf(stderr, "cnnews run: %v\n", err)
		return 2
	}
	o.pipeline, o.settings = p, set
	if o.siteLines {
		if o.learn, err = set.LearnPipeline(); err != nil {
			fmt.Fprintf(stderr, "cnnews run: %v\n", err)
			return 2
		}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	sum, err := runCorpus(ctx, o, stderr)
	if sum != nil {
		sum.print(stderr)
		if o.summaryFile != "" && err == nil {
			if werr := writeJSONFile(o.summaryFile, sum); werr != nil {
				fmt.Fprintf(stderr, "cnnews run: %v\n", werr)
				return 2
			}
		}
	}
	switch {
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(stderr, "cnnews run: interrupted; no output written")
		return 130
	case errors.Is(err, errFailFast):
		fmt.Fprintf(stderr, "cnnews run: %v\n", err)
		return 1
	case err != nil:
		fmt.Fprintf(stderr, "cnnews run: %v\n", err)
		return 2
	case sum.rejectedTotal() > 0:
		return 1
	}
	return 0
}

var errFailFast = errors.New("stopped at the first rejected input (--fail-fast); no output written")

// job is one input in input order, or an input rejected before
// processing.
type job struct {
	corpus.Input
	seq  int
	size int // bytes of input it was read from, for progress
	err  *corpus.Rejection
}

// result is a processed job.
type result struct {
	job
	out       []byte // the output JSON line of a kept article
	sig       dedupe.Signature
	removed   map[clean.Category]int
	encoding  string
	converted string
	repaired  int
	article   *cnnews.Article // kept for the report
}

// summary is what a run did.
type summary struct {
	Read       int                    `json:"read"`
	Written    int                    `json:"written"`
	Rejected   map[cnnews.Reason]int  `json:"rejected"`
	Duplicates int                    `json:"duplicates"`
	Removed    map[clean.Category]int `json:"removed"`
	Converted  map[string]int         `json:"converted"`
	Repaired   repairCounts           `json:"repaired"`
	Encodings  map[string]int         `json:"encodings"`
	Seconds    float64                `json:"seconds"`
	PerSecond  float64                `json:"articles_per_second"`
	IndexBytes int                    `json:"dedupe_index_bytes,omitempty"`
	SiteLines  *siteLinesSummary      `json:"site_lines,omitempty"`
	Output     string                 `json:"output"`
	RejectOut  string                 `json:"rejected_output"`
}

// repairCounts is what --repair fixed.
type repairCounts struct {
	Articles   int `json:"articles"`   // articles with characters fixed
	Characters int `json:"characters"` // characters fixed
}

// siteLinesSummary is what the first pass of --site-lines learned.
type siteLinesSummary struct {
	Sites        int     `json:"sites"`         // sites seen
	SitesLearned int     `json:"sites_learned"` // sites with lines learned
	Lines        int     `json:"lines"`         // lines learned, all sites
	Bytes        int     `json:"learner_bytes"` // memory the learner held
	Seconds      float64 `json:"seconds"`       // time of the first pass
}

func (s *summary) rejectedTotal() int {
	n := 0
	for _, c := range s.Rejected {
		n += c
	}
	return n
}

func (s *summary) print(w io.Writer) {
	fmt.Fprintf(w, "cnnews run: read %d, written %d, duplicates dropped %d, rejected %d", s.Read, s.Written, s.Duplicates, s.rejectedTotal())
	fmt.Fprintf(w, " in %.1fs (%.0f articles/s)\n", s.Seconds, s.PerSecond)
	printCounts(w, "rejected", s.Rejected)
	printCounts(w, "removed", s.Removed)
	printCounts(w, "converted", s.Converted)
	if s.Repaired.Articles > 0 {
		fmt.Fprintf(w, "  %-10s %d characters in %d articles\n", "repaired", s.Repaired.Characters, s.Repaired.Articles)
	}
	printCounts(w, "encodings", s.Encodings)
	if l := s.SiteLines; l != nil {
		fmt.Fprintf(w, "  %-10s %d lines learned on %d of %d sites (learner %d bytes, first pass %.1fs)\n",
			"site lines", l.Lines, l.SitesLearned, l.Sites, l.Bytes, l.Seconds)
	}
}

// printCounts prints one line of counts by name, names in order.
func printCounts[K ~string](w io.Writer, title string, m map[K]int) {
	if len(m) == 0 {
		return
	}
	var parts []string
	for _, k := range slices.Sorted(maps.Keys(m)) {
		parts = append(parts, fmt.Sprintf("%s %d", k, m[k]))
	}
	fmt.Fprintf(w, "  %-10s %s\n", title, strings.Join(parts, ", "))
}

// runCorpus runs the whole corpus. Output goes to temporary files beside
// the final ones, renamed into place only when the run completes.
func runCorpus(ctx context.Context, o runOptions, stderr io.Writer) (*summary, error) {
	start := time.Now()
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	sum := &summary{Rejected: map[cnnews.Reason]int{}, Removed: map[clean.Category]int{}, Converted: map[string]int{}, Encodings: map[string]int{}, Output: o.out, RejectOut: o.rejected}
	if o.siteLines {
		l, err := learnSites(ctx, o, stderr)
		if err != nil {
			return nil, err
		}
		if o.sites, err = corpus.NewSites(o.settings, l); err != nil {
			return nil, err
		}
		sites, lines := o.sites.Learned()
		sum.SiteLines = &siteLinesSummary{Sites: len(l.Sites()), SitesLearned: sites, Lines: lines, Bytes: l.Bytes(), Seconds: time.Since(start).Seconds()}
	}

	out, err := newAtomicFile(o.out)
	if err != nil {
		return nil, err
	}
	defer out.abort()
	rej, err := newAtomicFile(o.rejected)
	if err != nil {
		return nil, err
	}
	defer rej.abort()

	goal := newMemoryGoal()
	defer goal.release()
	var index *dedupe.Index
	if o.dedupe {
		if index, err = dedupe.NewIndex(); err != nil {
			return nil, err
		}
	}
	prog := newProgress(o, stderr)
	defer prog.finish()
	if prog.walking {
		go count(ctx, o.inputs, o.skip, prog)
	}

	var rp *report.Report
	var rpFile *atomicFile
	if o.reportFile != "" {
		rp = report.New("cnnews run: "+strings.Join(o.inputs, " "), 1)
		if rpFile, err = newAtomicFile(o.reportFile); err != nil {
			return nil, err
		}
		defer rpFile.abort()
	}
	keeperOf := map[string]string{} // a dropped duplicate's id → the kept article
	dups := map[string][]string{}   // a kept article's id → its dropped copies
	var failed error
	write := func(r result) error {
		sum.Read++
		prog.add(1, r.size)
		if index != nil {
			goal.update(sum.Read, index.Bytes)
		}
		if r.err != nil {
			sum.Rejected[r.err.Reason]++
			if rp != nil {
				rp.Rejected(string(r.err.Reason))
			}
			if r.err.Reason == corpus.Read {
				// an input that could not be read at all is named at once
				prog.println(fmt.Sprintf("cnnews run: cannot read %s: %s", r.err.Input, r.err.Error))
			}
			if o.failFast {
				return fmt.Errorf("%w: %s: %s", errFailFast, r.err.Input, r.err.Error)
			}
			return rej.writeJSON(r.err)
		}
		if index != nil {
			m, err := index.AddSignature(r.ID, r.sig)
			if err != nil {
				// the id of an earlier article: the copy index and the
				// duplicates' "of" name articles by id, so it must be unique
				sum.Rejected[corpus.DuplicateID]++
				if rp != nil {
					rp.Rejected(string(corpus.DuplicateID))
				}
				return rej.writeJSON(corpus.Rejection{ID: r.ID, Input: r.Input.Input, Line: r.Line, Reason: corpus.DuplicateID, Error: fmt.Sprintf("id %q is an earlier article's", r.ID)})
			}
			if len(m) > 0 {
				keeper := m[0].ID
				if k, ok := keeperOf[keeper]; ok {
					keeper = k
				}
				keeperOf[r.ID] = keeper
				if o.withDups {
					dups[keeper] = append(dups[keeper], r.ID)
				}
				sum.Duplicates++
				if rp != nil {
					rp.Duplicate(r.ID, keeper, m[0].Similarity)
				}
				return rej.writeJSON(corpus.Rejection{ID: r.ID, Input: r.Input.Input, Line: r.Line, Reason: corpus.Duplicate, Of: keeper, Similarity: m[0].Similarity})
			}
		}
		sum.Written++
		if rp != nil {
			rp.Article(r.ID, r.Input.Input, r.Input.SiteKey(), r.size, func() string { return decodedInput(o, r.Input) }, r.article)
		}
		for c, n := range r.removed {
			sum.Removed[c] += n
		}
		if r.converted != "" {
			sum.Converted[r.converted]++
		}
		if r.repaired > 0 {
			sum.Repaired.Articles++
			sum.Repaired.Characters += r.repaired
		}
		sum.Encodings[r.encoding]++
		return out.write(r.out)
	}
	failed = inOrder(ctx, o, prog, func(j job) result { return process(o, index, j) },
		func(r result) int { return r.seq }, write)
	if failed != nil {
		cancel(failed)
		return nil, failed
	}
	if err := context.Cause(ctx); err != nil {
		return sum, err
	}
	if o.withDups && len(dups) > 0 {
		if err := out.addDuplicates(dups); err != nil {
			return nil, err
		}
	}
	if index != nil {
		sum.IndexBytes = index.Bytes()
	}
	sum.Seconds = time.Since(start).Seconds()
	if sum.Seconds > 0 {
		sum.PerSecond = float64(sum.Read) / sum.Seconds
	}
	if err := out.commit(); err != nil {
		return nil, err
	}
	if err := rej.commit(); err != nil {
		return nil, err
	}
	if rp != nil {
		if err := rp.WriteHTML(rpFile.w, time.Since(start)); err != nil {
			return nil, err
		}
		if err := rpFile.commit(); err != nil {
			return nil, err
		}
	}
	return sum, nil
}

// decodedInput is the text an article's removal offsets point into: a
// record's text, or a file's bytes decoded as the pipeline decoded them.
func decodedInput(o runOptions, in corpus.Input) string {
	if in.Line > 0 {
		return in.Text
	}
	var opts []decode.Option
	if o.lossy {
		opts = append(opts, decode.Lossy())
	}
	text, _, err := decode.Bytes(in.Data, opts...)
	if err != nil {
		return string(in.Data)
	}
	return string(text)
}

// process runs one job through the pipeline and prepares its output line.
func process(o runOptions, index *dedupe.Index, j job) result {
	r := result{job: j}
	if j.err != nil {
		return r
	}
	p := o.pipeline
	if o.sites != nil {
		var err error
		if p, err = o.sites.Pipeline(j.SiteKey()); err != nil {
			r.err = &corpus.Rejection{ID: j.ID, Input: j.Input.Input, Line: j.Line, Reason: corpus.Failed, Error: err.Error()}
			return r
		}
	}
	a, line, rej := corpus.Process(p, j.Input, o.withRemoved)
	if o.reportFile != "" && rej == nil {
		r.article = a // the input stays too, for the report's sample
	} else {
		r.Data, r.Text = nil, ""
	}
	if rej != nil {
		r.err = rej
		return r
	}
	r.out = line
	if index != nil {
		r.sig = index.Sign(a.Text)
	}
	r.removed = map[clean.Category]int{}
	for _, x := range a.Removed {
		r.removed[x.Category]++
	}
	r.encoding, r.converted, r.repaired = a.Encoding.Encoding, a.Converted, a.Repaired
	return r
}

// learnSites is the first pass of --site-lines. It cleans every input as
// the run will (without conversion or punctuation repair), in parallel,
// and feeds each text to a Learner under its site in input order, so that
// what is learned is the same whatever -j is. Inputs the pipeline rejects
// are skipped here; the second pass reports them.
func learnSites(ctx context.Context, o runOptions, stderr io.Writer) (*sitelines.Learner, error) {
	l, err := sitelines.New(sitelines.Config{})
	if err != nil {
		return nil, err
	}
	prog := newProgress(o, stderr)
	prog.label = "learning site lines"
	defer prog.finish()
	if prog.walking {
		go count(ctx, o.inputs, o.skip, prog)
	}

	type text struct {
		seq, size  int
		site, text string
		ok         bool
	}
	work := func(j job) text {
		r := text{seq: j.seq, size: j.size}
		if j.err == nil {
			r.site, r.text, r.ok = corpus.LearnText(o.learn, j.Input)
		}
		return r
	}
	inOrder(ctx, o, prog, work, func(r text) int { return r.seq }, func(r text) error {
		prog.add(1, r.size)
		if r.ok {
			l.Add(r.site, r.text)
		}
		return nil
	})
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return l, nil
}

// inOrder reads the inputs, runs work on each job in o.jobs workers and
// hands the results to emit in input order. A window of 16 jobs per worker
// bounds the jobs between reading and emitting, so that memory does not
// grow with the corpus whatever order the workers finish in. An error
// from emit stops the run and is returned.
func inOrder[R any](ctx context.Context, o runOptions, prog *progress, work func(job) R, seq func(R) int, emit func(R) error) error {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	window := make(chan struct{}, 16*o.jobs)
	jobs := make(chan job, 2*o.jobs)
	results := make(chan R, 2*o.jobs)
	go func() {
		defer close(jobs)
		produce(ctx, o, func(j job) bool {
			select {
			case window <- struct{}{}:
			case <-ctx.Done():
				return false
			}
			select {
			case jobs <- j:
				return true
			case <-ctx.Done():
				return false
			}
		}, prog)
	}()
	var wg sync.WaitGroup
	for range o.jobs {
		wg.Go(func() {
			for j := range jobs {
				r := work(j)
				select {
				case results <- r:
				case <-ctx.Done():
				}
			}
		})
	}
	go func() { wg.Wait(); close(results) }()
	pending := map[int]R{}
	next := 0
	var failed error
	for r := range results {
		if failed != nil {
			continue
		}
		pending[seq(r)] = r
		for {
			q, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-window
			if err := emit(q); err != nil {
				failed = err
				cancel(err)
				break
			}
		}
	}
	return failed
}

// produce walks the inputs in order and emits a job for each article,
// record or unreadable input, as it goes: nothing is collected first. It
// stops when emit returns false.
func produce(ctx context.Context, o runOptions, emit func(job) bool, prog *progress) {
	seq := 0
	send := func(j job) bool {
		j.seq = seq
		seq++
		prog.seen(1)
		return emit(j)
	}
	errStop := errors.New("stop")
	for _, root := range o.inputs {
		err := walk(root, o.skip, func(path string, err error) error {
			if ctx.Err() != nil {
				return errStop
			}
			name := filepath.ToSlash(path)
			if err != nil {
				if !send(job{Input: corpus.Input{ID: name, Input: name}, err: &corpus.Rejection{Input: name, Reason: corpus.Read, Error: err.Error()}}) {
					return errStop
				}
				return nil
			}
			if isJSONL(path) {
				if !readJSONL(ctx, o, path, send) {
					return errStop
				}
				return nil
			}
			j := job{Input: corpus.Input{ID: name, Input: name}}
			data, err := readFile(path, o.maxSize)
			j.size = len(data)
			switch {
			case errors.Is(err, errTooLarge):
				j.err = &corpus.Rejection{ID: name, Input: name, Reason: cnnews.TooLarge, Error: err.Error()}
			case err != nil:
				j.err = &corpus.Rejection{ID: name, Input: name, Reason: corpus.Read, Error: err.Error()}
			default:
				j.Data = data
			}
			if !send(j) {
				return errStop
			}
			return nil
		})
		if err != nil {
			return
		}
	}
}

func isJSONL(path string) bool { return strings.HasSuffix(strings.ToLower(path), ".jsonl") }

// walk calls f for root if it is not a directory, or for every regular
// file under it in lexical order, with an error for what cannot be read.
// Hidden files and directories (names starting with ".") below root are
// skipped: they hold editor, version-control and system files. Symbolic
// links to files are followed; links to directories are not, and are
// reported, as are devices, pipes and sockets. Files in skip (the run's
// own outputs) are left out.
func walk(root string, skip map[string]bool, f func(path string, err error) error) error {
	if lst, err := os.Lstat(root); err == nil && lst.Mode()&fs.ModeSymlink != 0 {
		if st, err := os.Stat(root); err == nil && st.IsDir() {
			root += string(filepath.Separator) // a directory named on the command line is followed
		}
	}
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if ferr := f(path, err); ferr != nil {
				return ferr
			}
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if path != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if abs, err := filepath.Abs(path); err == nil && skip[abs] {
			return nil
		}
		switch {
		case d.Type().IsRegular():
			return f(path, nil)
		case d.Type()&fs.ModeSymlink != 0:
			st, err := os.Stat(path)
			switch {
			case err != nil:
				return f(path, err)
			case st.Mode().IsRegular():
				return f(path, nil)
			case st.IsDir():
				return f(path, errors.New("symbolic link to a directory: not followed"))
			}
		}
		return f(path, errors.New("not a regular file"))
	})
}

// count sums the sizes of the inputs under roots for a progress bar's
// total, from the directory entries alone (nothing is read), and tells the
// bar when it is done.
func count(ctx context.Context, roots []string, skip map[string]bool, prog *progress) {
	n := int64(0)
	for _, root := range roots {
		walk(root, skip, func(path string, err error) error {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			if err == nil {
				if st, err := os.Stat(path); err == nil {
					n += st.Size()
				}
			}
			return nil
		})
	}
	if ctx.Err() == nil {
		prog.counted(n)
	}
}

var errTooLarge = errors.New("too large")

// readFile reads a file of at most limit bytes.
func readFile(path string, limit int) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Size() > int64(limit) {
		return nil, fmt.Errorf("%w: %d bytes, more than the maximum %d", errTooLarge, st.Size(), limit)
	}
	data, err := io.ReadAll(io.LimitReader(f, int64(limit)+1))
	if err != nil {
		return nil, err
	}
	if len(data) > limit {
		return nil, fmt.Errorf("%w: more than the maximum %d bytes", errTooLarge, limit)
	}
	return data, nil
}

// readJSONL emits a job for each non-blank line of a JSONL file. Lines of
// any length up to the maximum are read whole; a longer one is rejected
// with its line number and skipped.
func readJSONL(ctx context.Context, o runOptions, path string, send func(job) bool) bool {
	name := filepath.ToSlash(path)
	f, err := os.Open(path)
	if err != nil {
		return send(job{Input: corpus.Input{ID: name, Input: name}, err: &corpus.Rejection{Input: name, Reason: corpus.Read, Error: err.Error()}})
	}
	defer f.Close()
	cr := &countingReader{r: f}
	br := bufio.NewReaderSize(cr, 1<<20)
	sent := int64(0) // bytes of the file the jobs sent so far came from
	for n := 1; ; n++ {
		if ctx.Err() != nil {
			return false
		}
		line, tooLong, err := corpus.ReadLine(br, o.maxSize)
		if err != nil && err != io.EOF {
			return send(job{Input: corpus.Input{ID: name, Input: name, Line: n}, err: &corpus.Rejection{Input: name, Line: n, Reason: corpus.Read, Error: err.Error()}})
		}
		if len(bytes.TrimSpace(line)) > 0 || tooLong {
			in, rej := corpus.ParseLine(name, n, line, tooLong, o.maxSize)
			pos := cr.n - int64(br.Buffered())
			size := int(pos - sent)
			sent = pos
			if !send(job{Input: in, size: size, err: rej}) {
				return false
			}
		}
		if err == io.EOF {
			return true
		}
	}
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// atomicFile is an output written to a temporary file beside its final
// name and renamed into place by commit; abort removes it.
type atomicFile struct {
	name string
	f    *os.File
	w    *bufio.Writer
	done bool
}

func newAtomicFile(name string) (*atomicFile, error) {
	dir, base := filepath.Split(name)
	if dir == "" {
		dir = "."
	}
	f, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err // the temporary name means nothing to the user
		}
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if err := f.Chmod(0o644); err != nil { // CreateTemp makes it 0600
		f.Close()
		os.Remove(f.Name())
		return nil, err
	}
	return &atomicFile{name: name, f: f, w: bufio.NewWriterSize(f, 1<<20)}, nil
}

func (a *atomicFile) write(b []byte) error {
	_, err := a.w.Write(b)
	return err
}

func (a *atomicFile) writeJSON(v any) error {
	b, err := corpus.Marshal(v)
	if err != nil {
		return err
	}
	return a.write(b)
}

// addDuplicates rewrites the file, adding to each kept article the ids of
// its dropped copies.
func (a *atomicFile) addDuplicates(dups map[string][]string) error {
	if err := a.w.Flush(); err != nil {
		return err
	}
	if _, err := a.f.Seek(0, io.SeekStart); err != nil {
		return err
	}
	next, err := newAtomicFile(a.name)
	if err != nil {
		return err
	}
	br := bufio.NewReaderSize(a.f, 1<<20)
	for {
		line, err := br.ReadBytes('\n')
		if len(line) > 0 {
			var head struct {
				ID string `json:"id"`
			}
			if jerr := json.Unmarshal(line, &head); jerr != nil {
				next.abort()
				return jerr
			}
			if ids := dups[head.ID]; len(ids) > 0 {
				list, _ := json.Marshal(ids)
				line = bytes.TrimRight(line, "\n")
				line = append(line[:len(line)-1], `,"duplicates":`...)
				line = append(append(line, list...), "}\n"...)
			}
			if werr := next.write(line); werr != nil {
				next.abort()
				return werr
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			next.abort()
			return err
		}
	}
	a.abort()
	*a = *next
	return nil
}

func (a *atomicFile) commit() error {
	if err := a.w.Flush(); err != nil {
		return err
	}
	if err := a.f.Sync(); err != nil {
		return err
	}
	if err := a.f.Close(); err != nil {
		return err
	}
	if err := os.Rename(a.f.Name(), a.name); err != nil {
		return err
	}
	a.done = true
	return nil
}

func (a *atomicFile) abort() {
	if a.done {
		return
	}
	a.done = true
	a.f.Close()
	os.Remove(a.f.Name())
}

// writeJSONFile writes v as indented JSON, atomically.
func writeJSONFile(name string, v any) error {
	a, err := newAtomicFile(name)
	if err != nil {
		return err
	}
	defer a.abort()
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	if err := a.write(append(b, '\n')); err != nil {
		return err
	}
	return a.commit()
}

// progress reports articles done on standard error: a bar on a terminal,
// otherwise a line at an interval. The bar measures bytes of input, so
// that its rate means something for a single large file as for many
// small ones; until a separate walk has summed the inputs' sizes it is a
// spinner, so that its total never climbs while it is shown.
type progress struct {
	mu    sync.Mutex
	bar   *progressbar.ProgressBar
	w     io.Writer
	every time.Duration
	last  time.Time
	start time.Time
	done  int   // articles (inputs and records) done
	bytes int64 // bytes of input they came from
	found int   // inputs and records read so far
	plain bool
	// walking is set while a separate walk sums the inputs' sizes for
	// the bar
	walking bool
	label   string    // what is being done; "" for the run itself
	drawn   time.Time // when the bar's description was last changed
}

func newProgress(o runOptions, w io.Writer) *progress {
	p := &progress{w: w, every: o.every, start: time.Now(), last: time.Now()}
	mode := o.progress
	if mode == "auto" {
		mode = "plain"
		if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
			mode = "bar"
		}
	}
	switch mode {
	case "bar":
		p.walking = true
		p.bar = progressbar.NewOptions64(-1,
			progressbar.OptionSetWriter(w),
			progressbar.OptionSetDescription("articles"),
			progressbar.OptionShowBytes(true),
			progressbar.OptionShowCount(),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionClearOnFinish(),
		)
	case "plain":
		p.plain = true
	}
	return p
}

// seen counts an input or record read.
func (p *progress) seen(n int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.found += n
}

// counted gives the bar its total, the sum of the inputs' sizes, once the
// walk that sums them is done.
func (p *progress) counted(total int64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.walking = false
	if p.bar != nil {
		p.bar.ChangeMax64(max(total, p.bytes, 1))
	}
}

// add counts n articles done, read from size bytes of input.
func (p *progress) add(n, size int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done += n
	p.bytes += int64(size)
	if p.bar != nil {
		if time.Since(p.drawn) >= 100*time.Millisecond {
			p.drawn = time.Now()
			label := "articles"
			if p.label != "" {
				label = p.label + ": articles"
			}
			p.bar.Describe(fmt.Sprintf("%s %d", label, p.done))
		}
		p.bar.Add64(int64(size))
		return
	}
	if p.plain && time.Since(p.last) >= p.every {
		p.last = time.Now()
		el := time.Since(p.start).Seconds()
		label := "cnnews run: "
		if p.label != "" {
			label += p.label + ": "
		}
		fmt.Fprintf(p.w, "%s%d done, %d inputs found so far, %.0f articles/s, %.1f MB/s, %s elapsed\n", label, p.done, p.found, float64(p.done)/el, float64(p.bytes)/1e6/el, time.Since(p.start).Round(time.Second))
	}
}

// println writes a line of its own on standard error, clearing the bar
// first (it draws itself again on its next update).
func (p *progress) println(line string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bar != nil {
		p.bar.Clear()
	}
	fmt.Fprintln(p.w, line)
}

func (p *progress) finish() {
	if p.bar != nil {
		p.bar.Finish()
	}
}

// memoryGoal keeps the heap near what a run needs: the duplicate index,
// which grows with the corpus, and an allowance for the articles in
// flight. Left alone, the collector lets the heap reach twice the live
// memory: about 2 GB for a million articles, whose index holds about
// 800 MB. A soft limit of the index's size plus the allowance, raised as
// the index grows, keeps it near 1.1 GB for the same CPU time (measured;
// see the README). GOMEMLIMIT, when set, is left as it is.
type memoryGoal struct {
	auto bool
	next int // the article count at which to look again
}

// memoryAllowance is the memory allowed beyond the index: the pipeline,
// the articles in flight and the output buffers.
const memoryAllowance = 128 << 20

func newMemoryGoal() *memoryGoal { return &memoryGoal{auto: os.Getenv("GOMEMLIMIT") == ""} }

// update sets the limit from the index's size every 10,000 articles.
func (m *memoryGoal) update(n int, indexBytes func() int) {
	if !m.auto || n < m.next {
		return
	}
	m.next = n + 10000
	debug.SetMemoryLimit(int64(max(512<<20, indexBytes()+memoryAllowance)))
}

// release lifts the limit at the end of the run.
func (m *memoryGoal) release() {
	if m.auto {
		debug.SetMemoryLimit(math.MaxInt64)
	}
}

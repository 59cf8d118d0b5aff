package main

import (
	"bufio"
	"bytes"
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"text/tabwriter"
	"time"
	"unsafe"

	"github.com/cnnews/cnnews"
	"github.com/cnnews/cnnews/clean"
	"github.com/cnnews/cnnews/convert"
	"github.com/cnnews/cnnews/decode"
	"github.com/cnnews/cnnews/internal/articlejson"
	"github.com/cnnews/cnnews/internal/corpus"
	"github.com/cnnews/cnnews/internal/report"
)

//go:embed sample.txt
var sample []byte

const usage = `cnnews turns Chinese news articles as scrapers leave them into clean text.

Usage:
  cnnews run [flags] -o OUT.jsonl PATH...   a whole corpus: decode, clean, convert, drop copies, write JSONL
  cnnews clean [flags] [FILE...]            clean articles (standard input when no FILE)
  cnnews convert -c CONFIG [flags] [FILE...] convert between Simplified and Traditional script
  cnnews detect [FILE...]                   tell each file's script
  cnnews frontmatter [FILE...]              print each file's front matter and body as JSON
  cnnews dedupe [flags] PATH...             find copies of the same story; keep one of each
  cnnews help [COMMAND]                     show help
  cnnews version                            print the version, the Go version and the OpenCC data

Run 'cnnews COMMAND --help' for the flags of a command.
`

// run is the whole program, with its streams passed in for tests.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	commands := map[string]func([]string, io.Reader, io.Writer, io.Writer) int{
		"clean": runClean, "convert": runConvert, "detect": runDetect, "frontmatter": runFrontMatter, "dedupe": runDedupe, "run": runRun,
	}
	switch args[0] {
	case "version", "-version", "--version":
		fmt.Fprintln(stdout, version())
		return 0
	case "help", "-h", "-help", "--help":
		if len(args) > 1 && commands[args[1]] != nil {
			return commands[args[1]]([]string{"--help"}, stdin, stdout, stderr)
		}
		fmt.Fprint(stdout, usage)
		return 0
	default:
		if cmd := commands[args[0]]; cmd != nil {
			return cmd(args[1:], stdin, stdout, stderr)
		}
		fmt.Fprintf(stderr, "cnnews: unknown command %q\n\n%s", args[0], usage)
		return 2
	}
}

// version describes the build: the module version (or the VCS revision of
// a build from a checkout, "(devel)" without one), the Go version, and the
// OpenCC data built into package convert.
func version() string {
	v, goVersion := "(unknown)", runtime.Version()
	if bi, ok := debug.ReadBuildInfo(); ok {
		v = bi.Main.Version
		var rev, dirty string
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				if s.Value == "true" {
					dirty = "+dirty"
				}
			}
		}
		if (v == "" || v == "(devel)") && rev != "" {
			v = rev[:min(12, len(rev))] + dirty
		}
		goVersion = bi.GoVersion
	}
	return fmt.Sprintf("cnnews %s (%s; OpenCC %s data)", v, goVersion, convert.DataVersion())
}

func runClean(args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	fs := flag.NewFlagSet("clean", flag.ContinueOnError)
	fs.SetOutput(stderr)
	prof := profileFlags(fs)
	asJSON := fs.Bool("json", false, "print one JSON object per input, the library's cnnews.Article: name, text, meta, removed (rule, category, text, line, start, end), warnings, encoding, format, script")
	useSample := fs.Bool("sample", false, "clean the bundled sample article and show it before and after")
	without := fs.String("without", "", "comma-separated rule or category names to switch off (see --rules)")
	keepCaptions := fs.Bool("keep-captions", false, "keep photo captions in the text")
	listRules := fs.Bool("rules", false, "list the rules (after --without) with their category, zone and what each removes, then exit")
	lossy := lossyFlag(fs)
	reportFile := fs.String("report", "", "also write an HTML report to `FILE`: each input with every removal marked in its category's colour, and the removals by category and rule")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: cnnews clean [flags] [FILE...]\n\n"+
			"Cleans each FILE (standard input when none) and prints the cleaned text.\n"+
			"A leading --- front matter block is set aside and reported.\n\nFlags:\n")
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
	var opts []clean.Option
	if *without != "" {
		opts = append(opts, clean.Without(strings.Split(*without, ",")...))
	}
	if *keepCaptions {
		opts = append(opts, clean.KeepCaptions())
	}
	if *listRules {
		c, err := clean.New(opts...)
		if err != nil {
			fmt.Fprintf(stderr, "cnnews: %v\n", err)
			return 2
		}
		tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "RULE\tCATEGORY\tZONE\tREMOVES")
		for _, r := range c.Rules() {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.Name, r.Category, r.Zone, r.Description)
		}
		if err := tw.Flush(); err != nil {
			fmt.Fprintf(stderr, "cnnews: %v\n", err)
			return 1
		}
		return 0
	}
	// the root pipeline without conversion: decoding, front matter and
	// cleaning as cnnews run does them, and its Article as the JSON
	p, err := cnnews.New(cnnews.Clean(opts...))
	if err != nil {
		fmt.Fprintf(stderr, "cnnews: %v\n", err)
		return 2
	}
	if *useSample {
		return showSample(p, stdout)
	}
	defer gcForArticles()()
	out := bufio.NewWriterSize(stdout, 64<<10) // one write a few articles, not one each
	defer func() {
		if err := out.Flush(); err != nil {
			fmt.Fprintf(stderr, "cnnews: %v\n", err)
			code = max(code, 1)
		}
	}()
	stdout = out
	var rp *report.Report
	reached := 0 // inputs opened
	if *reportFile != "" {
		names := strings.Join(fs.Args(), " ")
		if names == "" {
			names = "standard input"
		}
		rp = report.New("cnnews clean: "+names, 1)
		f, err := os.Create(*reportFile) // now, so that a bad path fails before the work
		if err != nil {
			fmt.Fprintf(stderr, "cnnews: %v\n", err)
			return 2
		}
		started := time.Now()
		defer func() {
			for range len(fs.Args()) - reached {
				rp.Rejected(string(corpus.Read)) // not found, a directory, unreadable
			}
			err := rp.WriteHTML(f, time.Since(started))
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				fmt.Fprintf(stderr, "cnnews: %s: %v\n", *reportFile, err)
				code = max(code, 1)
			}
		}()
	}
	var buf []byte // an article's JSON line, reused
	// the bytes of the last article read, read into again once its
	// output is written: nothing refers to them then, unless the report
	// keeps the article
	var spare []byte
	return eachInput(fs.Args(), stdin, stderr, func(name string, r io.Reader) error {
		reached++
		data, rep, err := readInput(name, r, *lossy, stderr, spare)
		if err != nil {
			if rp != nil {
				rp.Rejected(string(readReason(err)))
			}
			return err
		}
		// data is read for this article alone and never written again, so
		// the text is its bytes, not a copy of them
		a, err := p.ProcessString(name, unsafe.String(unsafe.SliceData(data), len(data)), "") // decoded once, by readInput
		if err != nil {
			if ie, ok := err.(*cnnews.InputError); ok {
				if rp != nil {
					rp.Rejected(string(ie.Reason))
				}
				return fmt.Errorf("%s: %w", ie.Reason, ie.Err) // the name is said once
			}
			return err
		}
		a.Encoding = rep // of the bytes read, not of their UTF-8
		if rp != nil {
			rp.Article(name, name, filepath.Dir(name), len(data), func() string { return string(data) }, a)
		}
		for _, w := range a.Warnings {
			fmt.Fprintf(stderr, "cnnews: %s:%d: %s\n", name, w.Line, w.Message)
		}
		if !*asJSON {
			_, err = fmt.Fprintln(stdout, a.Text)
		} else if buf, err = articlejson.Append(buf[:0], a); err == nil {
			_, err = stdout.Write(append(buf, '\n'))
		}
		if rp == nil {
			spare = data
		}
		return err
	})
}

// readInput reads an input whole and decodes it as cnnews run does (BOM,
// UTF-16, a declared charset, GB18030, Big5): an empty input, or one in no
// known encoding, is an error giving the byte and line, unless lossy
// replaces bad bytes by U+FFFD. How an input other than plain UTF-8 was
// read is said on stderr. It returns the text and how it was decoded.
func readInput(name string, r io.Reader, lossy bool, stderr io.Writer, into []byte) ([]byte, decode.Report, error) {
	data, err := readAll(r, into)
	if err != nil {
		return nil, decode.Report{}, err
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, decode.Report{}, errEmpty
	}
	var opts []decode.Option
	if lossy {
		opts = append(opts, decode.Lossy())
	}
	text, rep, err := decode.Bytes(data, opts...)
	if err != nil {
		return nil, rep, fmt.Errorf("%w (--lossy reads it anyway)", err)
	}
	if rep.BOM || rep.Encoding != decode.UTF8 || rep.Replaced > 0 {
		fmt.Fprintf(stderr, "cnnews: %s: read as %s\n", name, describe(rep))
	}
	return text, rep, nil
}

// lossyFlag adds the --lossy flag of the commands that read articles.
func lossyFlag(fs *flag.FlagSet) *bool {
	return fs.Bool("lossy", false, "read bytes in no known encoding as UTF-8 with each bad byte replaced by U+FFFD (reported) instead of rejecting the input")
}

// describe names how a file was decoded: "Big5", "UTF-8 with a byte order
// mark", "GB18030, 2 invalid sequences replaced by U+FFFD, the first at
// byte 1234".
func describe(rep decode.Report) string {
	s := rep.Encoding
	if rep.BOM {
		s += " with a byte order mark"
	}
	switch {
	case rep.Replaced == 1:
		s += fmt.Sprintf(", 1 invalid sequence replaced by U+FFFD, at byte %d", rep.FirstInvalid)
	case rep.Replaced > 1:
		s += fmt.Sprintf(", %d invalid sequences replaced by U+FFFD, the first at byte %d", rep.Replaced, rep.FirstInvalid)
	}
	return s
}

// parseFlags parses a command's flags. When it returns false the command
// ends with the exit status it gives: 0 after --help, 2 after a bad flag.
func parseFlags(fs *flag.FlagSet, args []string) (int, bool) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0, false
		}
		return 2, false
	}
	return 0, true
}

// eachInput calls f for each named file, or for standard input (named
// "-") when there is none. A file that cannot be opened or read is
// reported on stderr by name and the others are still processed; the exit
// status is 1 if any failed.
func eachInput(names []string, stdin io.Reader, stderr io.Writer, f func(name string, r io.Reader) error) int {
	if len(names) == 0 {
		if err := f("-", stdin); err != nil {
			fmt.Fprintf(stderr, "cnnews: standard input: %v\n", err)
			return 1
		}
		return 0
	}
	status := 0
	for _, name := range names {
		if err := openFile(name, func(r io.Reader) error { return f(name, r) }); err != nil {
			fmt.Fprintf(stderr, "cnnews: %v\n", err)
			status = 1
		}
	}
	return status
}

// openFile opens a regular file and hands it to f, naming the file in any
// error.
func openFile(name string, f func(io.Reader) error) error {
	file, err := openInput(name)
	if err != nil {
		return err
	}
	defer file.Close()
	st, err := file.stat()
	if err != nil {
		return err
	}
	if st.dir {
		return fmt.Errorf("%s: is a directory", name)
	}
	if err := f(statFile{file, st}); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// statFile is an open file with what stat said of it, so that reading it
// whole asks no more.
type statFile struct {
	*inputFile
	st fileStat
}

// fileStat is what the commands need to know of an input file.
type fileStat struct {
	size         int64
	dir, regular bool
}

// showSample prints the bundled sample before and after cleaning.
func showSample(p *cnnews.Pipeline, w io.Writer) int {
	res, err := p.Process("sample", sample)
	if err != nil {
		fmt.Fprintf(w, "cnnews: %v\n", err)
		return 1
	}
	fmt.Fprintf(w, "===== before (%d bytes) =====\n%s\n", len(sample), strings.TrimRight(string(sample), "\n"))
	fmt.Fprintf(w, "\n===== after (%d bytes) =====\n%s\n", len(res.Text), res.Text)
	counts := map[clean.Category]int{}
	var order []clean.Category
	for _, r := range res.Removed {
		if counts[r.Category] == 0 {
			order = append(order, r.Category)
		}
		counts[r.Category]++
	}
	fmt.Fprintf(w, "\n===== removed: %d pieces =====\n", len(res.Removed))
	for _, cat := range order {
		fmt.Fprintf(w, "%-11s %d\n", cat, counts[cat])
	}
	for _, r := range res.Removed {
		if r.Category != clean.Gloss {
			fmt.Fprintf(w, "  line %d %-14s %s\n", r.Line, r.Rule, strings.ReplaceAll(r.Text, "\u00a0", " "))
		}
	}
	m := res.Meta
	fmt.Fprintf(w, "\n===== metadata =====\ntitle: %s\nsource: %s\npublished: %s\neditors: %s\nphotographers: %s\n",
		m.Title, m.Source, m.Published, strings.Join(m.Editors, "、"), strings.Join(m.Photographers, "、"))
	return 0
}

// readAll is io.ReadAll reading a file of known size in one buffer of
// that size, rather than in buffers doubling from 512 bytes. The buffer is
// into's memory when that is large enough; the caller passes memory whose
// bytes it no longer needs, or nil. A regular file is read as it was when
// it was opened: a read that gives fewer bytes than asked for and brings
// the total to the size stat gave is its end, without one more read to
// see it.
func readAll(r io.Reader, into []byte) ([]byte, error) {
	size := int64(-1)
	switch f := r.(type) {
	case statFile:
		if f.st.regular {
			size = f.st.size
		}
	case *os.File:
		if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
			size = st.Size()
		}
	}
	if size <= 0 || size > 1<<30 {
		return io.ReadAll(r)
	}
	buf := into[:0]
	if int64(cap(buf)) < size+1 {
		buf = make([]byte, 0, size+1) // +1: the end is seen without growing
	}
	for {
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		switch {
		case err == io.EOF:
			return buf, nil
		case err != nil:
			return buf, err
		case int64(len(buf)) == size && len(buf) < cap(buf):
			return buf, nil
		case len(buf) == cap(buf): // the file grew
			buf = append(buf, 0)[:len(buf)]
		}
	}
}

// errEmpty is readInput's error for an input of no bytes or only white
// space.
var errEmpty = errors.New("empty")

// readReason classifies an error of readInput as a rejection reason.
func readReason(err error) cnnews.Reason {
	var de *decode.Error
	switch {
	case errors.Is(err, errEmpty):
		return cnnews.Empty
	case errors.As(err, &de):
		return cnnews.BadEncoding
	}
	return corpus.Read
}

// gcForArticles tunes the collector for a command that cleans one article
// after another, each freed before the next: a heap allowed to grow to
// five times what is live (GOGC=400) collects less often, for about a
// fifth less CPU time on many files (measured, see the README), and a
// soft limit of 512 MiB bounds it on a huge input. GOGC and GOMEMLIMIT,
// when set, are left as they are. It returns the function that puts the
// settings back.
func gcForArticles() (restore func()) {
	percent, limit := -2, int64(-1)
	if os.Getenv("GOGC") == "" {
		percent = debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		limit = debug.SetMemoryLimit(512 << 20)
	}
	return func() {
		if percent != -2 {
			debug.SetGCPercent(percent)
		}
		if limit >= 0 {
			debug.SetMemoryLimit(limit)
		}
	}
}

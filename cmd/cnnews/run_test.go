package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/cnnews/cnnews/internal/corpus"
	"github.com/cnnews/cnnews/sitelines/sitelinestest"
)

// TestMain lets tests run the command as a child process, for the
// interruption test.
func TestMain(m *testing.M) {
	if os.Getenv("CNNEWS_TEST_MAIN") == "1" {
		os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
	code := m.Run()
	if corpusDir != "" {
		os.RemoveAll(corpusDir)
	}
	os.Exit(code)
}

var (
	corpusDir  string
	corpusSpc  corpusSpec
	corpusOnce sync.Once
)

// testCorpus generates the test corpus once per test binary.
func testCorpus(t testing.TB) corpusSpec {
	t.Helper()
	corpusOnce.Do(func() {
		dir, err := os.MkdirTemp("", "cnnews-corpus-")
		if err != nil {
			t.Fatal(err)
		}
		corpusDir = dir
		corpusSpc = makeCorpus(t, filepath.Join(dir, "corpus"))
	})
	if corpusSpc.dir == "" {
		t.Fatal("the test corpus could not be made")
	}
	return corpusSpc
}

type runSummary struct {
	Read       int            `json:"read"`
	Written    int            `json:"written"`
	Rejected   map[string]int `json:"rejected"`
	Duplicates int            `json:"duplicates"`
	Encodings  map[string]int `json:"encodings"`
	Removed    map[string]int `json:"removed"`
}

func TestRunCorpus(t *testing.T) {
	spec := testCorpus(t)
	if spec.read-spec.duplicates < 2000 {
		t.Fatalf("corpus of %d inputs, want over 2,000 articles", spec.read)
	}
	out := t.TempDir()
	var outputs [2][]byte
	var rejects [2][]byte
	for k, j := range []string{"1", "8"} {
		o := filepath.Join(out, "out-"+j+".jsonl")
		sumFile := filepath.Join(out, "summary-"+j+".json")
		stdout, stderr, code := runCLI(t, "", "run", "-j", j, "--max-size", "524288", "--duplicates", "--progress", "none", "--summary", sumFile, "-o", o, spec.dir)
		if code != 1 || stdout != "" {
			t.Fatalf("-j %s: exit %d (want 1: some inputs rejected), stdout %q, stderr %s", j, code, stdout, stderr)
		}
		var sum runSummary
		b, err := os.ReadFile(sumFile)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, &sum); err != nil {
			t.Fatal(err)
		}
		if sum.Read != spec.read || sum.Written != spec.written || sum.Duplicates != spec.duplicates {
			t.Errorf("-j %s: read %d written %d duplicates %d, want %d %d %d", j, sum.Read, sum.Written, sum.Duplicates, spec.read, spec.written, spec.duplicates)
		}
		if fmt.Sprint(sum.Rejected) != fmt.Sprint(spec.rejected) {
			t.Errorf("-j %s: rejected %v, want %v", j, sum.Rejected, spec.rejected)
		}
		if fmt.Sprint(sum.Encodings) != fmt.Sprint(spec.encodings) {
			t.Errorf("-j %s: encodings %v, want %v", j, sum.Encodings, spec.encodings)
		}
		if sum.Removed["editor"] == 0 || sum.Removed["header"] == 0 || sum.Removed["share"] == 0 || sum.Removed["disclaimer"] == 0 {
			t.Errorf("-j %s: removed %v: a kind of planted boilerplate was not removed", j, sum.Removed)
		}
		if !strings.Contains(stderr, fmt.Sprintf("read %d, written %d, duplicates dropped %d", spec.read, spec.written, spec.duplicates)) {
			t.Errorf("-j %s: summary on stderr: %s", j, stderr)
		}
		outputs[k], _ = os.ReadFile(o)
		rejects[k], _ = os.ReadFile(strings.TrimSuffix(o, ".jsonl") + ".rejected.jsonl")
	}
	if !bytes.Equal(outputs[0], outputs[1]) || !bytes.Equal(rejects[0], rejects[1]) {
		t.Fatal("-j 1 and -j 8 wrote different output")
	}
	checkOutput(t, outputs[0], spec)
	checkRejected(t, rejects[0], spec)
}

// checkOutput checks that every line is a JSON article, in input order,
// with text free of the planted boilerplate.
func checkOutput(t *testing.T, out []byte, spec corpusSpec) {
	t.Helper()
	type rec struct {
		ID       string `json:"id"`
		Text     string `json:"text"`
		Input    string `json:"input"`
		Line     int    `json:"line"`
		Encoding struct {
			Encoding string `json:"encoding"`
		} `json:"encoding"` // cnnews.Article's decode.Report
		Duplicates []string `json:"duplicates"`
		Meta       struct {
			Title string   `json:"title"`
			Tags  []string `json:"tags"`
		} `json:"meta"`
	}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<20)
	var prevInput string
	prevLine, n, withDups, dupIDs, fronts := 0, 0, 0, 0, 0
	for sc.Scan() {
		var r rec
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("line %d: %v", n+1, err)
		}
		n++
		if r.Input < prevInput || (r.Input == prevInput && r.Line <= prevLine && r.Line != 0) {
			t.Errorf("line %d: %s:%d after %s:%d: not in input order", n, r.Input, r.Line, prevInput, prevLine)
		}
		prevInput, prevLine = r.Input, r.Line
		if r.ID == "" || r.Encoding.Encoding == "" {
			t.Errorf("line %d: no id or encoding: %.200s", n, sc.Bytes())
		}
		if r.Text == "" || strings.Contains(r.Text, "责任编辑") || strings.Contains(r.Text, "分享到") || strings.Contains(r.Text, "免责声明") || strings.Contains(r.Text, "來源：") {
			t.Errorf("%s: text %.80q", r.ID, r.Text)
		}
		if len(r.Duplicates) > 0 {
			withDups++
			dupIDs += len(r.Duplicates)
		}
		if strings.HasPrefix(r.Meta.Title, "第") && len(r.Meta.Tags) == 1 {
			fronts++
		}
	}
	if n != spec.written {
		t.Errorf("%d articles written, want %d", n, spec.written)
	}
	if dupIDs != spec.duplicates || withDups == 0 {
		t.Errorf("%d duplicate ids listed on %d articles, want %d", dupIDs, withDups, spec.duplicates)
	}
	if fronts != spec.fronts {
		t.Errorf("%d articles with their front matter title and tags, want %d", fronts, spec.fronts)
	}
}

// checkRejected checks that every rejection names its input and reason,
// and JSONL rejections their line.
func checkRejected(t *testing.T, rej []byte, spec corpusSpec) {
	t.Helper()
	counts := map[string]int{}
	for i, line := range bytes.Split(bytes.TrimSpace(rej), []byte("\n")) {
		var r corpus.Rejection
		if err := json.Unmarshal(line, &r); err != nil {
			t.Fatalf("rejected line %d: %v", i+1, err)
		}
		if r.Input == "" || r.Reason == "" {
			t.Errorf("rejected line %d: %s", i+1, line)
		}
		if strings.HasSuffix(r.Input, ".jsonl") && r.Line == 0 {
			t.Errorf("rejected line %d has no JSONL line number: %s", i+1, line)
		}
		if r.Reason == "duplicate" && r.Of == "" {
			t.Errorf("duplicate without its original: %s", line)
		}
		if r.Reason != "duplicate" && r.Error == "" {
			t.Errorf("rejection without an error: %s", line)
		}
		counts[string(r.Reason)]++
	}
	want := map[string]int{"duplicate": spec.duplicates}
	for k, v := range spec.rejected {
		want[k] = v
	}
	if fmt.Sprint(counts) != fmt.Sprint(want) {
		t.Errorf("rejected file: %v, want %v", counts, want)
	}
}

// earlierOutput makes a directory holding the output of an earlier run,
// which an interrupted run must leave as it was.
func earlierOutput(t *testing.T) (dir, out string, old []byte) {
	t.Helper()
	dir = t.TempDir()
	out = filepath.Join(dir, "out.jsonl")
	old = []byte("{\"id\":\"earlier run\"}\n")
	if err := os.WriteFile(out, old, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, out, old
}

// checkInterrupted checks an interrupted run: exit 130, the earlier output
// as it was, and no temporary file left beside it.
func checkInterrupted(t *testing.T, err error, stderr, dir, out string, old []byte) {
	t.Helper()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 130 {
		t.Fatalf("exit %v, want 130; stderr %s", err, stderr)
	}
	if got, _ := os.ReadFile(out); !bytes.Equal(got, old) {
		t.Errorf("output changed by an interrupted run: %.100q", got)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("files left behind: %v", names)
	}
}

// TestRunInterrupted interrupts a run with SIGINT while it writes: the
// earlier output must be left as it was, and no temporary file behind.
func TestRunInterrupted(t *testing.T) {
	spec := testCorpus(t)
	dir, out, old := earlierOutput(t)
	cmd := exec.Command(os.Args[0], "run", "-j", "1", "--progress", "none", "-o", out, spec.dir, spec.dir, spec.dir)
	cmd.Env = append(os.Environ(), "CNNEWS_TEST_MAIN=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// wait until the temporary output has content, then interrupt
	deadline := time.Now().Add(60 * time.Second)
	for {
		tmp, _ := filepath.Glob(filepath.Join(dir, ".out.jsonl.tmp-*"))
		if len(tmp) > 0 {
			if st, err := os.Stat(tmp[0]); err == nil && st.Size() > 0 {
				break
			}
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatal("the run never started writing")
		}
		time.Sleep(5 * time.Millisecond)
	}
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	checkInterrupted(t, cmd.Wait(), stderr.String(), dir, out, old)
	if !strings.Contains(stderr.String(), "interrupted") {
		t.Errorf("stderr %q does not say the run was interrupted", stderr.String())
	}
}

// TestRunFailFast stops at the first rejected input and writes nothing.
func TestRunFailFast(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("第一篇新闻的正文。"), 0o644)
	os.WriteFile(filepath.Join(dir, "b.txt"), nil, 0o644)
	os.WriteFile(filepath.Join(dir, "c.txt"), []byte("第三篇新闻的正文。"), 0o644)
	out := filepath.Join(t.TempDir(), "out.jsonl")
	_, stderr, code := runCLI(t, "", "run", "--fail-fast", "--progress", "none", "-o", out, dir)
	if code != 1 || !strings.Contains(stderr, "b.txt") || !strings.Contains(stderr, "fail-fast") {
		t.Errorf("exit %d, stderr %s", code, stderr)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("output written after a fail-fast stop: %v", err)
	}
	// without it, the same run writes two articles and exits 1
	_, stderr, code = runCLI(t, "", "run", "--progress", "none", "-o", out, dir)
	b, _ := os.ReadFile(out)
	if code != 1 || bytes.Count(b, []byte("\n")) != 2 {
		t.Errorf("exit %d, %d lines; stderr %s", code, bytes.Count(b, []byte("\n")), stderr)
	}
}

// TestRunLongRecords reads a JSONL line of 20 MB whole and rejects one
// over the maximum with its line number.
func TestRunLongRecords(t *testing.T) {
	dir := t.TempDir()
	long := strings.Repeat("这是一篇很长的文章里的一句话。", 20<<20/45)
	var b strings.Builder
	fmt.Fprintf(&b, "{\"id\":\"long\",\"text\":%q}\n", long)
	fmt.Fprintf(&b, "{\"id\":\"short\",\"text\":\"短新闻的正文。\"}\n")
	fmt.Fprintf(&b, "{\"id\":\"longer\",\"text\":%q}\n", long+long)
	in := filepath.Join(dir, "big.jsonl")
	os.WriteFile(in, []byte(b.String()), 0o644)
	out := filepath.Join(dir, "out.jsonl")
	_, stderr, code := runCLI(t, "", "run", "--max-size", "30000000", "--progress", "none", "-o", out, in)
	if code != 1 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	got, _ := os.ReadFile(out)
	lines := bytes.Split(bytes.TrimSpace(got), []byte("\n"))
	if len(lines) != 2 || !bytes.Contains(lines[0], []byte(`"id":"long"`)) || len(lines[0]) < 20<<20 {
		t.Errorf("%d lines written, first %d bytes", len(lines), len(lines[0]))
	}
	rej, _ := os.ReadFile(filepath.Join(dir, "out.rejected.jsonl"))
	if !bytes.Contains(rej, []byte(`"line":3,"reason":"too-large"`)) {
		t.Errorf("rejected: %.300s", rej)
	}
}

// TestRunRepair runs --repair over records: the Traditional article a
// character-by-character converter left gets its characters fixed, and
// the output line and the summary count them; the Simplified one and the
// correct Traditional one are left alone.
func TestRunRepair(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.jsonl")
	os.WriteFile(in, []byte(`{"id":"bad","text":"朔州市提前製定了物資的全麵保障方案，聯係各方，反複核實，確保複工。"}
{"id":"good","text":"台灣的米麵製品，裡面為什麼這麼好吃？"}
{"id":"simplified","text":"朔州市提前制定了物资的全面保障方案。"}
`), 0o644)
	out := filepath.Join(dir, "out.jsonl")
	summary := filepath.Join(dir, "summary.json")
	_, stderr, code := runCLI(t, "", "run", "--repair", "--no-dedupe", "--progress", "none", "--summary", summary, "-o", out, in)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	got, _ := os.ReadFile(out)
	lines := strings.Split(strings.TrimSpace(string(got)), "\n")
	if len(lines) != 3 || !strings.Contains(lines[0], `"text":"朔州市提前制定了物資的全面保障方案，聯繫各方，反覆核實，確保復工。"`) ||
		!strings.Contains(lines[0], `"repaired":5`) || strings.Contains(lines[1], "repaired") || strings.Contains(lines[2], "repaired") {
		t.Errorf("output:\n%s", got)
	}
	var sum struct {
		Repaired struct{ Articles, Characters int }
	}
	if b, _ := os.ReadFile(summary); json.Unmarshal(b, &sum) != nil || sum.Repaired.Articles != 1 || sum.Repaired.Characters != 5 {
		t.Errorf("summary: %+v", sum)
	}
	if !strings.Contains(stderr, "repaired   5 characters in 1 articles") {
		t.Errorf("stderr: %s", stderr)
	}
}

func TestRunUsage(t *testing.T) {
	_, stderr, code := runCLI(t, "", "run", "somewhere")
	if code != 2 || !strings.Contains(stderr, "-o OUT") {
		t.Errorf("exit %d, stderr %s", code, stderr)
	}
	_, stderr, code = runCLI(t, "", "run", "--convert", "x2y", "-o", filepath.Join(t.TempDir(), "o.jsonl"), ".")
	if code != 2 || !strings.Contains(stderr, "s2t") {
		t.Errorf("unknown config: exit %d, stderr %s", code, stderr)
	}
	missing := filepath.Join(t.TempDir(), "no-such-dir", "o.jsonl")
	_, stderr, code = runCLI(t, "", "run", "--progress", "none", "-o", missing, t.TempDir())
	if code != 2 || !strings.Contains(stderr, "no-such-dir") {
		t.Errorf("output in a missing directory: exit %d, stderr %s", code, stderr)
	}
}

// BenchmarkRun runs the generated corpus through cnnews run.
func BenchmarkRun(b *testing.B) {
	spec := testCorpus(b)
	for _, j := range []string{"1", "2"} {
		b.Run("j"+j, func(b *testing.B) {
			out := filepath.Join(b.TempDir(), "out.jsonl")
			b.ReportAllocs()
			for b.Loop() {
				var o, e bytes.Buffer
				if code := run([]string{"run", "-j", j, "--max-size", "524288", "--progress", "none", "-o", out, spec.dir}, nil, &o, &e); code != 1 {
					b.Fatalf("exit %d: %s", code, e.String())
				}
			}
			b.ReportMetric(float64(spec.read)*float64(b.N)/b.Elapsed().Seconds(), "articles/s")
		})
	}
}

// TestRunOwnOutputAndLinks writes the output inside the input directory
// (it must not be read back on the next run), and follows a symbolic link
// to a file but reports one to a directory.
func TestRunOwnOutputAndLinks(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("第一篇新闻的正文。"), 0o644)
	other := t.TempDir()
	os.WriteFile(filepath.Join(other, "b.txt"), []byte("第二篇新闻的正文。"), 0o644)
	if err := os.Symlink(filepath.Join(other, "b.txt"), filepath.Join(dir, "b-link.txt")); err != nil {
		t.Skipf("symbolic links: %v", err)
	}
	os.Symlink(other, filepath.Join(dir, "c-dir-link"))
	fifo := filepath.Join(t.TempDir(), "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatalf("mkfifo: %v", err)
	}
	os.Symlink(fifo, filepath.Join(dir, "d-fifo-link"))
	out := filepath.Join(dir, "out.jsonl")
	for range 2 { // the second run sees the first one's output in dir
		_, stderr, code := runCLI(t, "", "run", "--progress", "none", "-o", out, dir)
		if code != 1 || !strings.Contains(stderr, "read 4, written 2") {
			t.Fatalf("exit %d: %s", code, stderr)
		}
	}
	rej, _ := os.ReadFile(filepath.Join(dir, "out.rejected.jsonl"))
	if !bytes.Contains(rej, []byte("c-dir-link")) || !bytes.Contains(rej, []byte("not followed")) ||
		!bytes.Contains(rej, []byte("d-fifo-link")) || !bytes.Contains(rej, []byte("not a regular file")) {
		t.Errorf("rejected: %s", rej)
	}
	// a link to a directory named on the command line is followed
	_, stderr, code := runCLI(t, "", "run", "--progress", "none", "-o", filepath.Join(t.TempDir(), "o.jsonl"), filepath.Join(dir, "c-dir-link"))
	if code != 0 || !strings.Contains(stderr, "read 1, written 1") {
		t.Errorf("exit %d: %s", code, stderr)
	}
}

// TestRunPlainProgress checks the progress lines written when standard
// error is not a terminal, and that standard output stays empty.
func TestRunPlainProgress(t *testing.T) {
	dir := t.TempDir()
	for i := range 3 {
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("%d.txt", i)), []byte(fmt.Sprintf("第%d篇新闻的正文。", i)), 0o644)
	}
	stdout, stderr, code := runCLI(t, "", "run", "--progress", "plain", "--every", "1ns", "-o", filepath.Join(t.TempDir(), "o.jsonl"), dir)
	if code != 0 || stdout != "" || strings.Count(stderr, "inputs found so far") < 2 {
		t.Errorf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

// TestRunProgressBar checks the bar as a terminal would show it: it
// measures bytes, its total is the inputs' size from the first time it is
// shown, and it shows a rate.
func TestRunProgressBar(t *testing.T) {
	dir := t.TempDir()
	seed, err := os.ReadFile(filepath.Join("testdata", "000.txt"))
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for i := range 400 {
		b := fmt.Appendf(nil, "%s\n第%d篇。", seed, i)
		total += len(b)
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("%03d.txt", i)), b, 0o644)
	}
	_, stderr, code := runCLI(t, "", "run", "--progress", "bar", "-j", "1", "-o", filepath.Join(t.TempDir(), "o.jsonl"), dir)
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	totals := map[string]bool{}
	rate := false
	for _, frame := range strings.Split(stderr, "\r") {
		if m := regexp.MustCompile(`/([0-9.]+ [kMG]?B)[,)]`).FindStringSubmatch(frame); m != nil {
			totals[m[1]] = true
		}
		rate = rate || regexp.MustCompile(`[0-9.]+ [kMG]?B/s`).MatchString(frame)
	}
	want := fmt.Sprintf("%.1f MB", float64(total)/1e6)
	if len(totals) != 1 || !totals[want] || !rate {
		t.Errorf("totals shown %v (want only %s), a rate shown %v; stderr %q", totals, want, rate, stderr)
	}
}

// TestRunSiteLines runs --site-lines on 24 sites × 30 articles with lines
// of their own at the head and tail, and 3 sites of 2 articles: 8 sites
// as directories of files (keyed by directory), 8 in JSONL records with a
// "site" field, 8 with a "url" field only. It wants 95% of the sites' own
// lines removed, every body line kept, the same output for any -j, and
// --without site to switch the lines off.
func TestRunSiteLines(t *testing.T) {
	const seed, n = 11, 30
	dir := filepath.Join(t.TempDir(), "corpus")
	byID := map[string]sitelinestest.Article{}
	wantOwn := 0
	var siteRecs, urlRecs, smallRecs []byte
	for i := range 27 {
		s := sitelinestest.NewSite(seed, i)
		count := n
		if i >= 24 {
			s.Name += "（小站）"
			count = 2
		}
		for k := range count {
			a := s.Article(seed, k)
			id := fmt.Sprintf("%s-%02d", s.Host, k)
			switch {
			case i < 8:
				id = filepath.ToSlash(filepath.Join(dir, s.Host, fmt.Sprintf("%02d.txt", k)))
				if err := os.MkdirAll(filepath.Dir(id), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(id, []byte(a.Text), 0o644); err != nil {
					t.Fatal(err)
				}
			case i < 16:
				siteRecs = appendRecord(t, siteRecs, map[string]string{"id": id, "text": a.Text, "site": a.Site})
			case i < 24:
				urlRecs = appendRecord(t, urlRecs, map[string]string{"id": id, "text": a.Text, "url": a.URL})
			default:
				smallRecs = appendRecord(t, smallRecs, map[string]string{"id": id, "text": a.Text, "site": a.Site})
			}
			byID[id] = a
			if i < 24 {
				wantOwn += len(a.Own)
			}
		}
	}
	for name, b := range map[string][]byte{"site.jsonl": siteRecs, "url.jsonl": urlRecs, "small.jsonl": smallRecs} {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	type record struct {
		ID      string `json:"id"`
		Text    string `json:"text"`
		Removed []struct {
			Rule     string `json:"rule"`
			Category string `json:"category"`
		} `json:"removed"`
	}
	run := func(args ...string) ([]byte, map[string]any, string) {
		t.Helper()
		out := filepath.Join(t.TempDir(), "out.jsonl")
		sumFile := filepath.Join(t.TempDir(), "summary.json")
		args = append(append([]string{"run", "--summary", sumFile, "-o", out}, args...), dir)
		_, stderr, code := runCLI(t, "", args...)
		if code != 0 {
			t.Fatalf("%v: exit %d, %s", args, code, stderr)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		var sum map[string]any
		sb, _ := os.ReadFile(sumFile)
		if err := json.Unmarshal(sb, &sum); err != nil {
			t.Fatal(err)
		}
		return b, sum, stderr
	}
	rates := func(out []byte) (own, removed, body, kept, small int) {
		t.Helper()
		for line := range bytes.Lines(out) {
			var r record
			if err := json.Unmarshal(line, &r); err != nil {
				t.Fatal(err)
			}
			a, ok := byID[r.ID]
			if !ok {
				t.Fatalf("unknown id %q", r.ID)
			}
			if strings.HasSuffix(a.Site, "（小站）") {
				for _, x := range r.Removed {
					if x.Category == "site" {
						small++
					}
				}
				continue
			}
			lines := map[string]bool{}
			for p := range strings.SplitSeq(r.Text, "\n") {
				lines[p] = true
			}
			for _, p := range a.Own {
				own++
				if !lines[p] {
					removed++
				}
			}
			for _, p := range a.Body {
				body++
				if lines[p] {
					kept++
				} else {
					t.Errorf("%s: body line removed: %s", r.ID, p)
				}
			}
		}
		return
	}

	base, _, _ := run("--removed", "--progress", "none")
	own, removed, body, kept, _ := rates(base)
	t.Logf("without --site-lines: own lines removed %d of %d (%.2f%%), body lines kept %d of %d", removed, own, 100*float64(removed)/float64(own), kept, body)

	out1, sum, stderr := run("--site-lines", "--removed", "-j", "1", "--progress", "plain", "--every", "1ns")
	out8, _, _ := run("--site-lines", "--removed", "-j", "8", "--progress", "none")
	if !bytes.Equal(out1, out8) {
		t.Error("-j 1 and -j 8 wrote different output")
	}
	own, removed, body, kept, small := rates(out1)
	t.Logf("--site-lines: own lines removed %d of %d (%.2f%%), body lines kept %d of %d", removed, own, 100*float64(removed)/float64(own), kept, body)
	if own != wantOwn {
		t.Errorf("%d own lines, want %d: articles were dropped", own, wantOwn)
	}
	if float64(removed) < 0.95*float64(own) || kept != body || small != 0 {
		t.Errorf("own lines removed %d of %d, body lines kept %d of %d, small sites' lines removed by the site rule %d", removed, own, kept, body, small)
	}
	sl, _ := sum["site_lines"].(map[string]any)
	if sl["sites"] != float64(27) || sl["sites_learned"] != float64(24) || sl["lines"].(float64) < 24*4 {
		t.Errorf("summary: %v", sum["site_lines"])
	}
	if rm := sum["removed"].(map[string]any); rm["site"] == nil || rm["site"].(float64) < float64(24*n*3) {
		t.Errorf("removed %v", rm)
	}
	if sum["written"] != float64(24*n+6) {
		t.Errorf("written %v, want %d", sum["written"], 24*n+6)
	}
	if !strings.Contains(stderr, "cnnews run: learning site lines: ") || !strings.Contains(stderr, "site lines ") {
		t.Errorf("stderr: %s", stderr)
	}
	if !bytes.Contains(out1, []byte(`"rule":"site-line","category":"site"`)) {
		t.Error("removals of the site lines are not reported")
	}

	// with the rule switched off, the output is that of a run without it
	for _, args := range [][]string{{"--site-lines", "--without", "site"}, {"--without", "site-line"}} {
		out, sum, _ := run(append(args, "--removed", "--progress", "none")...)
		if !bytes.Equal(out, base) || sum["site_lines"] != nil {
			t.Errorf("%v: output differs from a run without --site-lines; %v", args, sum["site_lines"])
		}
	}
}

func appendRecord(t *testing.T, b []byte, rec map[string]string) []byte {
	line, err := json.Marshal(rec)
	if err != nil {
		t.Fatal(err)
	}
	return append(append(b, line...), '\n')
}

// TestRunSiteLinesInterrupted interrupts --site-lines in its first pass:
// exit 130, the earlier output as it was, nothing left behind.
func TestRunSiteLinesInterrupted(t *testing.T) {
	spec := testCorpus(t)
	dir, out, old := earlierOutput(t)
	cmd := exec.Command(os.Args[0], "run", "--site-lines", "-j", "1", "--progress", "plain", "--every", "1ns", "-o", out, spec.dir, spec.dir, spec.dir)
	cmd.Env = append(os.Environ(), "CNNEWS_TEST_MAIN=1")
	pipe, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	sc := bufio.NewScanner(pipe)
	for sc.Scan() {
		stderr.WriteString(sc.Text() + "\n")
		if strings.Contains(sc.Text(), "learning site lines: ") {
			if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
				t.Fatal(err)
			}
			break
		}
	}
	for sc.Scan() {
		stderr.WriteString(sc.Text() + "\n")
	}
	checkInterrupted(t, cmd.Wait(), stderr.String(), dir, out, old)
	if !strings.Contains(stderr.String(), "interrupted") || strings.Contains(stderr.String(), "cnnews run: read ") {
		t.Errorf("stderr: %s", stderr.String())
	}
}

// TestRunSiteKeys checks the site of a JSONL record: its "site" field,
// else the host of its "url" field, else the directory of the file; a
// field that is not a string is ignored, not a reason to reject.
func TestRunSiteKeys(t *testing.T) {
	for line, want := range map[string]string{
		`{"text":"正文","site":"晨光新闻网","url":"https://www.a.cn/1"}`: "晨光新闻网",
		`{"text":"正文","site":"","url":"https://www.A.cn:8080/1"}`: "a.cn",
		`{"text":"正文","site":7,"url":"news.b.cn/1.html"}`:         "news.b.cn",
		`{"text":"正文","url":{"href":"https://c.cn"}}`:             "data/x",
		`{"text":"正文"}`: "data/x",
	} {
		in, rej := corpus.ParseLine("data/x/part-0.jsonl", 1, []byte(line), false, 1000)
		if rej != nil {
			t.Errorf("%s: rejected: %v", line, rej.Error)
			continue
		}
		if got := in.SiteKey(); got != want {
			t.Errorf("%s: site %q, want %q", line, got, want)
		}
	}
	if got := (corpus.Input{Input: "corpus/晨光/001.txt"}).SiteKey(); got != "corpus/晨光" {
		t.Errorf("file: site %q", got)
	}
}

// TestRunNamesWhatFailed names on standard error an input that cannot be
// read, and an output that cannot be written by the path given.
func TestRunNamesWhatFailed(t *testing.T) {
	dir := t.TempDir()
	ok := filepath.Join(dir, "ok.txt")
	os.WriteFile(ok, []byte("国务院新闻办公室今天举行发布会，介绍经济运行情况。"), 0o644)
	missing := filepath.Join(dir, "missing.txt")
	_, stderr, code := runCLI(t, "", "run", "--progress", "none", "-o", filepath.Join(dir, "out.jsonl"), ok, missing)
	if code != 1 || !strings.Contains(stderr, "cnnews run: cannot read "+missing+": ") {
		t.Errorf("missing input: exit %d, stderr %q", code, stderr)
	}
	bad := filepath.Join(dir, "no", "such", "dir", "x.jsonl")
	_, stderr, code = runCLI(t, "", "run", "--progress", "none", "-o", bad, ok)
	if code == 0 || !strings.Contains(stderr, bad+": ") || strings.Contains(stderr, ".tmp-") {
		t.Errorf("unwritable output: exit %d, stderr %q", code, stderr)
	}
}

func TestRunDuplicateID(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.jsonl")
	os.WriteFile(in, []byte(`{"id":"a","text":"国务院新闻办公室今天举行发布会，介绍经济运行情况。"}
{"id":"b","text":"朔州市举办农产品产销对接会，八十余家企业参加，签约项目二十三个。"}
{"id":"a","text":"阳泉市召开经济工作会议，部署今年重点任务，强调坚持稳中求进。"}
`), 0o644)
	out := filepath.Join(dir, "out.jsonl")
	_, stderr, code := runCLI(t, "", "run", "--progress", "none", "-o", out, in)
	if code != 1 {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	rb, _ := os.ReadFile(filepath.Join(dir, "out.rejected.jsonl"))
	var rej []corpus.Rejection
	for _, line := range bytes.Split(bytes.TrimSpace(rb), []byte("\n")) {
		var r corpus.Rejection
		if err := json.Unmarshal(line, &r); err != nil {
			t.Fatalf("rejected: %v: %s", err, line)
		}
		rej = append(rej, r)
	}
	if !strings.Contains(stderr, "duplicate-id 1") {
		t.Errorf("summary does not count the duplicate id: %q", stderr)
	}
	if len(rej) != 1 || rej[0].Reason != "duplicate-id" || rej[0].ID != "a" || rej[0].Line != 3 || !strings.Contains(rej[0].Error, `"a"`) {
		t.Errorf("rejections: %+v", rej)
	}
	b, _ := os.ReadFile(out)
	if n := strings.Count(string(b), "\n"); n != 2 || strings.Contains(string(b), "阳泉") {
		t.Errorf("output: %s", b)
	}
}

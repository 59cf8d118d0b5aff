package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/cnnews/cnnews/internal/corpus"
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
		ID         string   `json:"id"`
		Text       string   `json:"text"`
		Input      string   `json:"input"`
		Line       int      `json:"line"`
		Encoding   string   `json:"encoding"`
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

// TestRunInterrupted interrupts a run with SIGINT while it writes: the
// earlier output must be left as it was, and no temporary file behind.
func TestRunInterrupted(t *testing.T) {
	spec := testCorpus(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "out.jsonl")
	old := []byte("{\"id\":\"earlier run\"}\n")
	if err := os.WriteFile(out, old, 0o644); err != nil {
		t.Fatal(err)
	}
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
	err := cmd.Wait()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 130 {
		t.Fatalf("exit %v, want 130; stderr %s", err, stderr.String())
	}
	got, _ := os.ReadFile(out)
	if !bytes.Equal(got, old) {
		t.Errorf("output changed by an interrupted run: %.100q", got)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("files left behind: %v", names)
	}
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
	if code != 0 || stdout != "" || strings.Count(stderr, "inputs so far") < 2 {
		t.Errorf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

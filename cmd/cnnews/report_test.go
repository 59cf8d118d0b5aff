package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// chromium finds Debian's chromium for the browser test, or says why the
// test cannot run.
func chromium(t *testing.T) string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("no chromium on PATH: the report is not checked in a browser (.ci/run installs Debian's chromium)")
	return ""
}

// headless runs the browser on a page with the given flags.
func headless(t *testing.T, browser, page string, flags ...string) (stdout, stderr string) {
	t.Helper()
	args := append([]string{"--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
		"--user-data-dir=" + t.TempDir(), "--enable-logging=stderr", "--v=1", "--virtual-time-budget=3000"}, flags...)
	cmd := exec.Command(browser, append(args, "file://"+page)...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	done := make(chan error, 1)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("%s: %v\n%s", browser, err, errb.String())
		}
	case <-time.After(90 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("%s did not finish in 90 s", browser)
	}
	return out.String(), errb.String()
}

// consoleError finds a script error in the browser's log.
var consoleError = regexp.MustCompile(`(?m)^.*CONSOLE.*(Uncaught|[Ee]rror).*$`)

// TestReportInBrowser writes the report of the five reference articles
// and of a run over them, opens each in headless chromium and checks that
// it renders: the script ran, the summary and the charts are there, the
// removed spans are marked, nothing went to the console as an error. A
// screenshot is kept in $CNNEWS_ARTIFACTS (or the test's directory).
func TestReportInBrowser(t *testing.T) {
	browser := chromium(t)
	dir := t.TempDir()
	seeds, _ := filepath.Glob(filepath.Join("..", "..", "clean", "testdata", "seeds", "*.txt"))
	if len(seeds) != 5 {
		t.Fatalf("reference articles: %v", seeds)
	}
	evil := filepath.Join(dir, "evil.txt")
	os.WriteFile(evil, []byte("<script>document.title='pwned'</script>国务院新闻办公室今天举行发布会。\n（责任编辑：王小明）\n"), 0o644)
	cleanReport := filepath.Join(dir, "clean.html")
	if _, stderr, code := runCLI(t, "", append([]string{"clean", "--report", cleanReport}, append(seeds, evil)...)...); code != 0 {
		t.Fatalf("clean --report: exit %d, %s", code, stderr)
	}
	runReport := filepath.Join(dir, "run.html")
	first, _ := os.ReadFile(seeds[0])
	copyOf := filepath.Join(dir, "copy.txt")
	os.WriteFile(copyOf, first, 0o644)
	if _, stderr, code := runCLI(t, "", append([]string{"run", "--progress", "none", "--report", runReport, "-o", filepath.Join(dir, "out.jsonl")}, append(seeds, copyOf)...)...); code != 0 {
		t.Fatalf("run --report: exit %d, %s", code, stderr)
	}
	artifacts := os.Getenv("CNNEWS_ARTIFACTS")
	if artifacts == "" {
		artifacts = dir
	}
	os.MkdirAll(artifacts, 0o755)
	for name, page := range map[string]string{"clean": cleanReport, "run": runReport} {
		dom, logs := headless(t, browser, page, "--dump-dom")
		for _, want := range []string{`data-ready="1"`, "<svg", "<mark ", "Removals by category", "pinyin-gloss", "articles shown"} {
			if !strings.Contains(dom, want) {
				t.Errorf("%s report, rendered: no %q", name, want)
			}
		}
		if strings.Contains(dom, "<title>pwned") {
			t.Errorf("%s report: an article's script ran", name)
		}
		if m := consoleError.FindString(logs); m != "" {
			t.Errorf("%s report: console error: %s", name, m)
		}
		shown := regexp.MustCompile(`(\d+) of (\d+) articles shown`).FindStringSubmatch(dom)
		if shown == nil || shown[1] != shown[2] || shown[1] == "0" {
			t.Errorf("%s report: the filter's count: %v", name, shown)
		}
		shot := filepath.Join(artifacts, "report-"+name+".png")
		headless(t, browser, page, "--window-size=1200,2000", "--screenshot="+shot)
		if b, err := os.ReadFile(shot); err != nil || len(b) < 20000 || !bytes.HasPrefix(b, []byte("\x89PNG")) {
			t.Errorf("%s report: screenshot %s: %d bytes, %v", name, shot, len(b), err)
		}
		t.Logf("screenshot of the %s report: %s", name, shot)
	}
	// the console check sees an error when there is one
	broken := filepath.Join(dir, "broken.html")
	page, _ := os.ReadFile(cleanReport)
	os.WriteFile(broken, bytes.Replace(page, []byte("</body>"), []byte("<script>undefinedFunction()</script></body>"), 1), 0o644)
	if _, logs := headless(t, browser, broken, "--dump-dom"); !consoleError.MatchString(logs) {
		t.Errorf("a page with a script error gave no console error in the browser's log:\n%s", logs)
	}
	if dom, _ := headless(t, browser, runReport, "--dump-dom"); !strings.Contains(dom, "Duplicate clusters") {
		t.Error("run report: no duplicate cluster, though a copy of the first article was given")
	}
}

// TestCleanReportCounts: inputs that cannot be read or are empty are
// counted as rejected on the page; a report that cannot be written fails
// before any article is cleaned.
func TestCleanReportCounts(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.txt")
	os.WriteFile(empty, nil, 0o644)
	page := filepath.Join(dir, "r.html")
	seed := filepath.Join("testdata", "000.txt")
	_, _, code := runCLI(t, "", "clean", "--report", page, empty, filepath.Join(dir, "missing.txt"), seed)
	b, err := os.ReadFile(page)
	if code != 1 || err != nil {
		t.Fatalf("exit %d, %v", code, err)
	}
	for _, want := range []string{"read<b>3</b>", "written<b>1</b>", "rejected<b>2</b>", "empty 1;", "read 1;"} {
		if !bytes.Contains(b, []byte(want)) {
			t.Errorf("report lacks %q", want)
		}
	}
	bad := filepath.Join(dir, "no", "such", "r.html")
	stdout, stderr, code := runCLI(t, "", "clean", "--report", bad, seed)
	if code != 2 || stdout != "" || !strings.Contains(stderr, bad) {
		t.Errorf("unwritable report: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

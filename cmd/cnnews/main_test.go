package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/cnnews/cnnews"
	"github.com/cnnews/cnnews/clean"
	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

func runCLI(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(args, strings.NewReader(stdin), &out, &errOut)
	return out.String(), errOut.String(), code
}

// TestJSONOffsetsIntoFile cleans a reference article with front matter:
// the front matter is reported as a removal of its own and every removal's
// offsets point into the whole file.
func TestJSONOffsetsIntoFile(t *testing.T) {
	path := filepath.Join("testdata", "000.txt")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	stdout, stderr, code := runCLI(t, "", "clean", "--json", path)
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	var got cnnews.Article
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatalf("%v in %q", err, stdout)
	}
	if got.Name != path || got.Meta.Source != "阳泉日报" || !strings.HasPrefix(got.Text, "春风拂过，山城大地万物复苏。\n") {
		t.Errorf("file %q source %q text %.60q", got.Name, got.Meta.Source, got.Text)
	}
	if strings.Contains(got.Text, "layout: post") || strings.Contains(got.Text, "返回首页") {
		t.Errorf("front matter or navigation left in the text")
	}
	wantRules := []string{"front-matter", "source-paren", "bare-url", "markdown-links"}
	if len(got.Removed) != len(wantRules) {
		t.Fatalf("removed %+v", got.Removed)
	}
	for i, r := range got.Removed {
		if r.Rule != wantRules[i] {
			t.Errorf("removal %d: rule %s, want %s", i, r.Rule, wantRules[i])
		}
		if string(data[r.Start:r.End]) != r.Text {
			t.Errorf("removal %d: file[%d:%d] = %q, report says %q", i, r.Start, r.End, data[r.Start:r.End], r.Text)
		}
		if line := 1 + bytes.Count(data[:r.Start], []byte{'\n'}); line != r.Line {
			t.Errorf("removal %d: line %d, want %d", i, r.Line, line)
		}
	}
	if got.Removed[0].Category != "frontmatter" || !strings.HasPrefix(got.Removed[0].Text, "---\nlayout: post\n") {
		t.Errorf("front matter removal %+v", got.Removed[0])
	}
}

func TestPlainOutputAndStdin(t *testing.T) {
	stdout, _, code := runCLI(t, "　　阳泉市召开经济工作会议。\n责任编辑：王小明\n", "clean")
	if code != 0 || stdout != "阳泉市召开经济工作会议。\n" {
		t.Errorf("exit %d, stdout %q", code, stdout)
	}
	stdout, _, code = runCLI(t, "阳(yang) 泉市。\n", "clean", "--json")
	var got cnnews.Article
	if err := json.Unmarshal([]byte(stdout), &got); err != nil || code != 0 {
		t.Fatalf("exit %d: %v in %q", code, err, stdout)
	}
	if got.Name != "-" || got.Text != "阳泉市。" || len(got.Removed) != 1 || got.Removed[0].Category != clean.Gloss {
		t.Errorf("got %+v", got)
	}
}

// TestBadFilesDoNotStopTheRun: a missing file and a directory are reported
// by name, the other files are still cleaned, and the exit status is 1.
func TestBadFilesDoNotStopTheRun(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	if err := os.WriteFile(good, []byte("阳泉市召开经济工作会议。\n（完）\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "missing.txt")
	stdout, stderr, code := runCLI(t, "", "clean", missing, dir, good)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if stdout != "阳泉市召开经济工作会议。\n" {
		t.Errorf("stdout %q", stdout)
	}
	for _, want := range []string{missing, dir + ": is a directory"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr %q does not name %q", stderr, want)
		}
	}
}

func TestWarningsNameTheFile(t *testing.T) {
	dir := t.TempDir()
	gbk := filepath.Join(dir, "gbk.txt")
	if err := os.WriteFile(gbk, []byte("阳泉\n\xd6\xd0\xce\xc4\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr, code := runCLI(t, "", "clean", gbk)
	if code != 1 || !strings.Contains(stderr, gbk+": byte 7 (line 2): not valid UTF-8") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	_, stderr, code = runCLI(t, "", "clean", "--lossy", gbk)
	if code != 0 || !strings.Contains(stderr, gbk+": read as UTF-8, ") || !strings.Contains(stderr, "the first at byte 7") {
		t.Errorf("--lossy: exit %d, stderr %q", code, stderr)
	}
}

func TestFlags(t *testing.T) {
	in := "工人在车间内生产。新华社记者 李四 摄\n阳泉市召开经济工作会议。\n责任编辑：王小明"
	stdout, _, _ := runCLI(t, in, "clean", "--keep-captions", "--without", "editor")
	if stdout != in+"\n" {
		t.Errorf("--keep-captions --without editor: %q", stdout)
	}
	_, stderr, code := runCLI(t, in, "clean", "--without", "nosuchrule")
	if code != 2 || !strings.Contains(stderr, "nosuchrule") {
		t.Errorf("unknown rule: exit %d, stderr %q", code, stderr)
	}
	stdout, _, code = runCLI(t, "", "clean", "--rules")
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if code != 0 || len(lines) != 1+len(clean.Default().Rules()) || !strings.HasPrefix(lines[0], "RULE") ||
		!regexp.MustCompile(`(?m)^editor-line +editor +anywhere +editor and desk credits: 责任编辑`).MatchString(stdout) ||
		!regexp.MustCompile(`(?m)^pinyin-gloss +gloss +whole +inline pinyin glosses`).MatchString(stdout) {
		t.Errorf("--rules: exit %d, %q", code, stdout)
	}
	stdout, _, _ = runCLI(t, "", "clean", "--rules", "--without", "editor")
	if strings.Contains(stdout, "editor-line") || !strings.Contains(stdout, "pinyin-gloss") {
		t.Errorf("--rules --without editor: %q", stdout)
	}
	_, stderr, code = runCLI(t, "", "clean", "--help")
	for _, flag := range []string{"-json", "-sample", "-without", "-keep-captions", "-rules"} {
		if !strings.Contains(stderr, flag) {
			t.Errorf("--help does not document %s: %q", flag, stderr)
		}
	}
	if code != 0 {
		t.Errorf("--help: exit %d", code)
	}
	if _, _, code := runCLI(t, "", "frobnicate"); code != 2 {
		t.Errorf("unknown command: exit %d", code)
	}
	if stdout, _, code := runCLI(t, "", "help"); code != 0 || !strings.Contains(stdout, "cnnews clean") {
		t.Errorf("help: exit %d %q", code, stdout)
	}
}

func TestSample(t *testing.T) {
	stdout, _, code := runCLI(t, "", "clean", "--sample")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"===== before", "===== after", "企業(ye) 車間", "企業車間", "gloss       165", "source: 人民網-山西頻道", "photographers: 高文武、薛禮偉、李小龍"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("--sample output lacks %q", want)
		}
	}
}

func TestCleanFrontMatter(t *testing.T) {
	path := filepath.Join("testdata", "000.txt")
	stdout, _, code := runCLI(t, "", "clean", "--json", path)
	var got struct {
		Meta struct {
			Title       string   `json:"title"`
			Published   string   `json:"published"`
			PublishedAt string   `json:"published_at"`
			Categories  []string `json:"categories"`
			Tags        []string `json:"tags"`
		} `json:"meta"`
	}
	if err := json.Unmarshal([]byte(stdout), &got); err != nil || code != 0 {
		t.Fatalf("exit %d: %v", code, err)
	}
	m := got.Meta
	if m.Title != "踔厉奋发 阳泉“双战双赢”谋新篇" || m.Published != "2022-05-13 05:46:47 +0800" || m.PublishedAt != "2022-05-13T05:46:47+08:00" ||
		strings.Join(m.Categories, ",") != "yangquanribao" || strings.Join(m.Tags, ",") != "阳泉日报新闻" {
		t.Errorf("meta %+v", m)
	}
	// malformed front matter: rejected as cnnews run rejects it, with the
	// file and line, and nothing on standard output
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.md")
	os.WriteFile(bad, []byte("---\ntitle: a\ntitle: b\n---\n阳泉市召开经济工作会议。\n"), 0o644)
	stdout, stderr, code := runCLI(t, "", "clean", bad)
	if code != 1 || !strings.Contains(stderr, bad+": front-matter: line 3, column 1: key \"title\" given twice") || stdout != "" {
		t.Errorf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

// TestCleanDecodesLegacyEncodings cleans a Big5 file: it is decoded, the
// encoding is said on standard error and in the JSON.
func TestCleanDecodesLegacyEncodings(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big5.txt")
	raw, _ := traditionalchinese.Big5.NewEncoder().String("中央社記者台北報導，經濟部今天表示出口成長。\n（責任編輯：李文治）\n")
	os.WriteFile(path, []byte(raw), 0o644)
	stdout, stderr, code := runCLI(t, "", "clean", "--json", path)
	var got cnnews.Article
	json.Unmarshal([]byte(stdout), &got)
	if code != 0 || got.Encoding.Encoding != "Big5" || !strings.HasPrefix(got.Text, "中央社記者台北報導") || len(got.Meta.Editors) != 1 || !strings.Contains(stderr, "read as Big5") {
		t.Errorf("exit %d, %+v, stderr %q", code, got, stderr)
	}
}

func TestVersion(t *testing.T) {
	for _, arg := range []string{"version", "--version"} {
		stdout, _, code := runCLI(t, "", arg)
		if code != 0 || !strings.HasPrefix(stdout, "cnnews ") || !strings.Contains(stdout, "; OpenCC 1.4.2 data)") || !strings.Contains(stdout, "go1.") {
			t.Errorf("%s: exit %d, %q", arg, code, stdout)
		}
	}
}

// TestCleanRejects: a file in no known encoding, an empty one and one
// with nothing left after cleaning are errors naming the file, with
// nothing on standard output for them; --lossy reads the first anyway.
func TestCleanRejects(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]byte{
		"binary.bin": append([]byte("\x7fELF\x02\x01\x01\x00"), bytes.Repeat([]byte{0xff, 0xfe, 0x00, 0x90}, 300)...),
		"empty.txt":  {},
		"blank.txt":  []byte(" \n\t\n"),
		"boiler.txt": []byte("（责任编辑：张三）\n"),
		"good.txt":   []byte("国务院新闻办公室今天举行发布会，介绍经济运行情况。\n"),
	}
	for name, data := range files {
		os.WriteFile(filepath.Join(dir, name), data, 0o644)
	}
	for name, want := range map[string]string{
		"binary.bin": "binary.bin: byte 8 (line 1): not valid UTF-8, GB18030 or Big5 (--lossy reads it anyway)",
		"empty.txt":  "empty.txt: empty",
		"blank.txt":  "blank.txt: empty",
		"boiler.txt": "boiler.txt: no-text: nothing left after 1 removals",
	} {
		stdout, stderr, code := runCLI(t, "", "clean", filepath.Join(dir, name), filepath.Join(dir, "good.txt"))
		if code != 1 || stdout != "国务院新闻办公室今天举行发布会，介绍经济运行情况。\n" || !strings.Contains(stderr, want) {
			t.Errorf("%s: exit %d, stdout %q, stderr %q", name, code, stdout, stderr)
		}
	}
	stdout, stderr, code := runCLI(t, "", "clean", "--lossy", filepath.Join(dir, "binary.bin"))
	if code != 0 || stdout == "" || !strings.Contains(stderr, "invalid sequences replaced by U+FFFD") {
		t.Errorf("--lossy: exit %d, %d bytes out, stderr %q", code, len(stdout), stderr)
	}
}

// TestEveryCommandDecodes gives every command that reads articles a GBK
// file: each reads it as cnnews run does and says so, and a file in no
// known encoding is an error naming the byte and line.
func TestEveryCommandDecodes(t *testing.T) {
	dir := t.TempDir()
	text := "---\ntitle: 阳泉经济\ndate: 2022-05-13 22:10:31\n---\n国务院新闻办公室今天举行发布会，介绍经济运行情况。发展是硬道理，经济稳定发展。\n"
	gbkText, err := simplifiedchinese.GBK.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	gbk := filepath.Join(dir, "gbk.txt")
	utf := filepath.Join(dir, "utf8.txt")
	bad := filepath.Join(dir, "bad.bin")
	os.WriteFile(gbk, []byte(gbkText), 0o644)
	os.WriteFile(utf, []byte(text), 0o644)
	os.WriteFile(bad, []byte("阳泉\n\xff\xfe\x00\x81\x81\x81"), 0o644)
	read := gbk + ": read as GB18030"
	stdout, stderr, code := runCLI(t, "", "convert", "-c", "s2t", gbk)
	if code != 0 || !strings.Contains(stdout, "國務院新聞辦公室") || !strings.Contains(stderr, read) {
		t.Errorf("convert: exit %d, stdout %.80q, stderr %q", code, stdout, stderr)
	}
	stdout, stderr, code = runCLI(t, "", "detect", gbk)
	if code != 0 || !strings.Contains(stdout, "\tsimplified\t") || !strings.Contains(stderr, read) {
		t.Errorf("detect: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	stdout, stderr, code = runCLI(t, "", "frontmatter", gbk)
	if code != 0 || !strings.Contains(stdout, `"title":"阳泉经济"`) || !strings.Contains(stdout, `"date":"2022-05-13T22:10:31+08:00"`) || !strings.Contains(stderr, read) {
		t.Errorf("frontmatter: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	stdout, _, code = runCLI(t, "", "dedupe", gbk, utf)
	if code != 0 || !strings.Contains(stdout, `"keep":`) || !strings.Contains(stdout, `"similarity":1`) {
		t.Errorf("dedupe: exit %d, stdout %q", code, stdout)
	}
	for _, cmd := range [][]string{{"convert", "-c", "t2s"}, {"detect"}, {"frontmatter"}, {"clean"}} {
		stdout, stderr, code = runCLI(t, "", append(cmd, bad)...)
		if code != 1 || stdout != "" || !strings.Contains(stderr, bad+": byte 7 (line 2): not valid") {
			t.Errorf("%s on bad bytes: exit %d, stdout %q, stderr %q", cmd[0], code, stdout, stderr)
		}
	}
	if _, stderr, code = runCLI(t, "", "dedupe", bad, utf); code != 1 || !strings.Contains(stderr, bad+": byte 7 (line 2)") {
		t.Errorf("dedupe on bad bytes: exit %d, stderr %q", code, stderr)
	}
}

// TestProfileFlags: run, clean and dedupe write CPU and memory profiles
// that go tool pprof reads (gzipped protocol buffers), and an unwritable
// profile is an error naming it.
func TestProfileFlags(t *testing.T) {
	dir := t.TempDir()
	seed := filepath.Join("testdata", "000.txt")
	for _, args := range [][]string{
		{"clean", seed},
		{"dedupe", seed},
		{"run", "--progress", "none", "-o", filepath.Join(dir, "out.jsonl"), seed},
	} {
		cpu, mem := filepath.Join(dir, args[0]+".cpu"), filepath.Join(dir, args[0]+".mem")
		full := append([]string{args[0], "--cpuprofile", cpu, "--memprofile", mem}, args[1:]...)
		if _, stderr, code := runCLI(t, "", full...); code != 0 {
			t.Fatalf("%v: exit %d, %s", full, code, stderr)
		}
		for _, name := range []string{cpu, mem} {
			b, err := os.ReadFile(name)
			if err != nil || len(b) < 20 || b[0] != 0x1f || b[1] != 0x8b {
				t.Errorf("%s: %d bytes, %v", name, len(b), err)
			}
		}
	}
	bad := filepath.Join(dir, "no", "such", "cpu.out")
	if _, stderr, code := runCLI(t, "", "clean", "--cpuprofile", bad, seed); code != 2 || !strings.Contains(stderr, bad) {
		t.Errorf("unwritable profile: exit %d, %q", code, stderr)
	}
}

// TestCleanFilesOneAfterAnother checks that clean, which reads each file
// into the memory of the one before once that one's line is written,
// prints for every file what it prints for that file alone: files long
// and short, in UTF-8 with and without a byte order mark and in GB18030,
// in turn.
func TestCleanFilesOneAfterAnother(t *testing.T) {
	dir := t.TempDir()
	seeds, _ := filepath.Glob("../../clean/testdata/seeds/*.txt")
	if len(seeds) < 5 {
		t.Fatalf("%d seeds", len(seeds))
	}
	var files []string
	write := func(name string, b []byte) {
		f := filepath.Join(dir, name)
		if err := os.WriteFile(f, b, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	for i, s := range seeds {
		b, err := os.ReadFile(s)
		if err != nil {
			t.Fatal(err)
		}
		write(fmt.Sprintf("%d.txt", i), b)
		write(fmt.Sprintf("%d-short.txt", i), []byte("阳泉市召开经济工作会议。\n（完）\n"))
	}
	write("bom.txt", []byte("\xef\xbb\xbf责任编辑：王晓明\n春风拂过，山城大地万物复苏。\n"))
	gbk, _ := simplifiedchinese.GB18030.NewEncoder().String("春风拂过，山城大地万物复苏。")
	write("gbk.txt", []byte(gbk))
	all, _, code := runCLI(t, "", append([]string{"clean", "--json"}, files...)...)
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	lines := strings.Split(strings.TrimSuffix(all, "\n"), "\n")
	if len(lines) != len(files) {
		t.Fatalf("%d lines for %d files", len(lines), len(files))
	}
	for i, f := range files {
		alone, _, _ := runCLI(t, "", "clean", "--json", f)
		if diff := cmp.Diff(strings.TrimSuffix(alone, "\n"), lines[i]); diff != "" {
			t.Errorf("%s differs when read after other files (-alone +after):\n%s", f, diff)
		}
	}
}

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestConvertCommand(t *testing.T) {
	stdout, stderr, code := runCLI(t, "较低级别的软件,鼠标和内存(朔州)\n", "convert", "-c", "s2twp", "--punct")
	if code != 0 || stdout != "較低級別的軟體，滑鼠和記憶體（朔州）\n" {
		t.Errorf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	dir := t.TempDir()
	a := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(a, []byte("發財了"), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, code = runCLI(t, "", "convert", "-c", "t2s", filepath.Join(dir, "missing.txt"), a)
	if code != 1 || stdout != "发财了" || !strings.Contains(stderr, "missing.txt") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	_, stderr, code = runCLI(t, "", "convert", "-c", "s2x")
	if code != 2 || !strings.Contains(stderr, `"s2x"`) || !strings.Contains(stderr, "s2twp") {
		t.Errorf("unknown config: exit %d, stderr %q", code, stderr)
	}
	if _, stderr, code = runCLI(t, "", "convert"); code != 2 || !strings.Contains(stderr, "-c CONFIG is required") {
		t.Errorf("no config: exit %d, stderr %q", code, stderr)
	}
	if _, stderr, code = runCLI(t, "", "convert", "-c", "mini", "--opencc-dir", dir); code != 2 || !strings.Contains(stderr, "mini.json") {
		t.Errorf("missing data: exit %d, stderr %q", code, stderr)
	}
	if _, stderr, _ := runCLI(t, "", "convert", "--help"); !strings.Contains(stderr, "-opencc-dir") || !strings.Contains(stderr, "-punct") {
		t.Errorf("--help: %q", stderr)
	}
}

func TestDetectCommand(t *testing.T) {
	stdout, _, code := runCLI(t, "", "detect", filepath.Join("testdata", "000.txt"))
	if code != 0 || !strings.HasPrefix(stdout, filepath.Join("testdata", "000.txt")+"\tsimplified\than=") {
		t.Errorf("exit %d, %q", code, stdout)
	}
	stdout, _, _ = runCLI(t, "發財了，這是們", "detect")
	if stdout != "-\ttraditional\than=6 simplified=0 traditional=4\n" {
		t.Errorf("stdin: %q", stdout)
	}
	_, stderr, code := runCLI(t, "", "detect", t.TempDir())
	if code != 1 || !strings.Contains(stderr, "is a directory") {
		t.Errorf("directory: exit %d, %q", code, stderr)
	}
}

func TestFrontMatterCommand(t *testing.T) {
	stdout, stderr, code := runCLI(t, "", "frontmatter", filepath.Join("testdata", "000.txt"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	want := `{"file":"testdata/000.txt","format":"yaml","fields":{"layout":"post","title":"踔厉奋发 阳泉“双战双赢”谋新篇","date":"2022-05-13 05:46:47 +0800","categories":"yangquanribao","tags":"阳泉日报新闻"},"date":"2022-05-13T05:46:47+08:00","body":"<p>春风拂过`
	if !strings.HasPrefix(stdout, want) {
		t.Errorf("got %.300s", stdout)
	}
	stdout, _, _ = runCLI(t, "正文", "frontmatter")
	if stdout != `{"file":"-","format":"","fields":{},"body":"正文"}`+"\n" {
		t.Errorf("no front matter: %q", stdout)
	}
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.md")
	os.WriteFile(bad, []byte("---\ntitle: x\n\n正文"), 0o644)
	_, stderr, code = runCLI(t, "", "frontmatter", bad, filepath.Join("testdata", "000.txt"))
	if code != 1 || !strings.Contains(stderr, bad+": line 1: yaml front matter opened here is never closed") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

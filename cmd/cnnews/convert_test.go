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
	if _, stderr, code = runCLI(t, "", "convert"); code != 2 || !strings.Contains(stderr, "-c CONFIG (or --repair) is required") {
		t.Errorf("no config: exit %d, stderr %q", code, stderr)
	}
	if _, stderr, code = runCLI(t, "", "convert", "-c", "mini", "--opencc-dir", dir); code != 2 || !strings.Contains(stderr, "mini.json") {
		t.Errorf("missing data: exit %d, stderr %q", code, stderr)
	}
	if _, stderr, _ := runCLI(t, "", "convert", "--help"); !strings.Contains(stderr, "-opencc-dir") || !strings.Contains(stderr, "-punct") {
		t.Errorf("--help: %q", stderr)
	}
}

// TestConvertRepair repairs text a character-by-character converter
// left, alone or before a conversion, and reports the count.
func TestConvertRepair(t *testing.T) {
	in := "提前製定了物資的全麵保障，聯係各方，複工複產，台灣的米麵製品\n"
	stdout, stderr, code := runCLI(t, in, "convert", "--repair")
	if code != 0 || stdout != "提前制定了物資的全面保障，聯繫各方，復工復產，台灣的米麵製品\n" || !strings.Contains(stderr, "-: 5 characters repaired") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	stdout, _, code = runCLI(t, in, "convert", "--repair", "-c", "t2s")
	if code != 0 || stdout != "提前制定了物资的全面保障，联系各方，复工复产，台湾的米面制品\n" {
		t.Errorf("with -c t2s: exit %d, stdout %q", code, stdout)
	}
	dir := t.TempDir()
	bad := filepath.Join(dir, "gbk.txt")
	if err := os.WriteFile(bad, []byte("全麵\xb0\xa1"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, stderr, code = runCLI(t, "", "convert", "--repair", bad); code != 1 || !strings.Contains(stderr, "gbk.txt: byte 6 (line 1): not valid UTF-8") {
		t.Errorf("invalid UTF-8: exit %d, stderr %q", code, stderr)
	}
	if stdout, _, code = runCLI(t, "㑮", "convert", "-c", "t2s", "--include-tofu-risk-dictionaries"); code != 0 || stdout != "𫝈" {
		t.Errorf("tofu-risk dictionaries: exit %d, stdout %q", code, stdout)
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

func TestDedupeCommand(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "sub"), 0o755)
	seed, err := os.ReadFile(filepath.Join("testdata", "000.txt"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "a.txt"), seed, 0o644)
	stdout, _, _ := runCLI(t, string(seed), "convert", "-c", "s2t")
	os.WriteFile(filepath.Join(dir, "sub", "a-trad.txt"), []byte(stdout+"\n責任編輯：吉政"), 0o644)
	os.WriteFile(filepath.Join(dir, "b.txt"), []byte("朔州市举办农产品产销对接会，八十余家企业参加。"), 0o644)
	jsonl := filepath.Join(dir, "c.jsonl")
	os.WriteFile(jsonl, []byte(`{"id":"x1","text":"阳泉市召开经济工作会议，部署重点任务。会议强调要坚持稳中求进。","date":"2024-01-09"}
{"id":"x2","text":"陽泉市召開經濟工作會議，部署重點任務。會議強調要堅持穩中求進。","date":"2024-01-08"}
not json
{"id":"x1","text":"朔州市举办农产品产销对接会，八十余家企业参加。"}
`), 0o644)
	stdout, stderr, code := runCLI(t, "", "dedupe", "--keep", "earliest", dir, filepath.Join(dir, "missing"))
	if code != 1 || !strings.Contains(stderr, "c.jsonl:3:") || !strings.Contains(stderr, "missing") ||
		!strings.Contains(stderr, `c.jsonl:4: id "x1" already read at `+jsonl+":1") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if len(lines) != 2 {
		t.Fatalf("clusters: %q", stdout)
	}
	if !strings.Contains(stdout, `{"keep":"x2","duplicates":[{"id":"x1","similarity":1}]}`) {
		t.Errorf("JSONL cluster: %q", stdout)
	}
	if !strings.Contains(stdout, `"keep":"`+filepath.Join(dir, "a.txt")+`"`) && !strings.Contains(stdout, `"keep":"`+filepath.Join(dir, "sub", "a-trad.txt")+`"`) {
		t.Errorf("file cluster: %q", stdout)
	}
	if _, stderr, code := runCLI(t, "", "dedupe", "--keep", "newest", dir); code != 2 || !strings.Contains(stderr, "newest") {
		t.Errorf("bad --keep: %d %q", code, stderr)
	}
}

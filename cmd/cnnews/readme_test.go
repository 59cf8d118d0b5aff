package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReadmeTryIt runs the cnnews commands of the README's "Try it"
// section as written (a glob expanded as the shell would, the output file
// put in a temporary directory) and checks what the section says of them.
func TestReadmeTryIt(t *testing.T) {
	root := filepath.Join("..", "..")
	b, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	readme := string(b)
	start := strings.Index(readme, "## Try it")
	end := strings.Index(readme[start+1:], "\n## ")
	if start < 0 || end < 0 {
		t.Fatal("no Try it section")
	}
	section := readme[start : start+1+end]
	ran := 0
	for _, line := range strings.Split(section, "\n") {
		cmd, ok := strings.CutPrefix(line, "go run ./cmd/cnnews ")
		if !ok {
			continue
		}
		cmd, _, _ = strings.Cut(cmd, "#")
		var args []string
		for _, a := range strings.Fields(cmd) {
			switch {
			case strings.HasPrefix(a, "/tmp/"):
				args = append(args, filepath.Join(t.TempDir(), filepath.Base(a)))
			case strings.ContainsAny(a, "*?"):
				matches, _ := filepath.Glob(filepath.Join(root, a))
				if len(matches) == 0 {
					t.Fatalf("%s matches nothing", a)
				}
				args = append(args, matches...)
			default:
				args = append(args, a)
			}
		}
		stdout, stderr, code := runCLI(t, "", args...)
		if code != 0 {
			t.Errorf("cnnews %s: exit %d: %s", cmd, code, stderr)
		}
		if args[0] == "clean" && !strings.Contains(stdout, "gloss       165") {
			t.Errorf("cnnews %s: the section says 165 glosses are removed one by one:\n%.2000s", cmd, stdout)
		}
		ran++
	}
	if ran < 2 || !strings.Contains(section, "165 glosses removed") {
		t.Errorf("ran %d commands of the section", ran)
	}
}

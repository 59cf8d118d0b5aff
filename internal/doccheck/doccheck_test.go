// Package doccheck holds a test of the project's documentation as
// pkg.go.dev renders it.
package doccheck

import (
	"go/ast"
	"go/doc"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// packages are the library's packages whose documentation users read.
var packages = []string{".", "clean", "convert", "decode", "dedupe", "extract", "frontmatter", "sitelines", "beam/cnbeam"}

// TestEveryExportedNameHasAnExample parses each package with its tests as
// go/doc (and so pkg.go.dev) does, and fails for every exported function,
// type and method without an example rendered under it, and every exported
// constant or variable that no example of its package uses.
func TestEveryExportedNameHasAnExample(t *testing.T) {
	root := filepath.Join("..", "..")
	var missing []string
	for _, dir := range packages {
		fset := token.NewFileSet()
		matches, err := filepath.Glob(filepath.Join(root, dir, "*.go"))
		if err != nil || len(matches) == 0 {
			t.Fatalf("%s: no Go files (%v)", dir, err)
		}
		var files []*ast.File
		for _, name := range matches {
			f, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
			if err != nil {
				t.Fatal(err)
			}
			files = append(files, f)
		}
		pkg, err := doc.NewFromFiles(fset, files, "github.com/cnnews/cnnews/"+dir)
		if err != nil {
			t.Fatal(err)
		}
		// the code of every example of the package, to find the
		// constants and variables they use
		var code strings.Builder
		for _, f := range files {
			for _, ex := range doc.Examples(f) {
				ast.Inspect(ex.Code, func(n ast.Node) bool {
					if id, ok := n.(*ast.Ident); ok {
						code.WriteString(" " + id.Name + " ")
					}
					return true
				})
			}
		}
		used := code.String()
		name := func(s string) string { return pkg.Name + "." + s }
		values := func(vs []*doc.Value) {
			for _, v := range vs {
				for _, n := range v.Names {
					if ast.IsExported(n) && !strings.Contains(used, " "+n+" ") {
						missing = append(missing, name(n)+" (used by no example)")
					}
				}
			}
		}
		funcs := func(prefix string, fs []*doc.Func) {
			for _, f := range fs {
				if ast.IsExported(f.Name) && len(f.Examples) == 0 {
					missing = append(missing, name(prefix+f.Name))
				}
			}
		}
		values(pkg.Consts)
		values(pkg.Vars)
		funcs("", pkg.Funcs)
		for _, ty := range pkg.Types {
			if !ast.IsExported(ty.Name) {
				continue
			}
			if len(ty.Examples) == 0 {
				missing = append(missing, name(ty.Name))
			}
			values(ty.Consts)
			values(ty.Vars)
			funcs("", ty.Funcs)
			funcs(ty.Name+".", ty.Methods)
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("%d exported names without a rendered example:\n%s", len(missing), strings.Join(missing, "\n"))
	}
}

// TestNoBrokenDocLinks fails for a doc link glued to a suffix ([Rule]s,
// [Normalize]d), which pkg.go.dev shows with its brackets.
func TestNoBrokenDocLinks(t *testing.T) {
	root := filepath.Join("..", "..")
	glued := regexp.MustCompile(`\[[A-Z][A-Za-z0-9_.]*\][a-z]`)
	for _, dir := range packages {
		files, _ := filepath.Glob(filepath.Join(root, dir, "*.go"))
		for _, name := range files {
			if strings.HasSuffix(name, "_test.go") {
				continue
			}
			b, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			for i, line := range strings.Split(string(b), "\n") {
				if c := strings.Index(line, "//"); c >= 0 && glued.MatchString(line[c:]) {
					t.Errorf("%s:%d: a doc link glued to a suffix: %s", name, i+1, strings.TrimSpace(line[c:]))
				}
			}
		}
	}
}

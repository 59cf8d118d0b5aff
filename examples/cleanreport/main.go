// Command cleanreport shows what package clean removes from articles and
// why: for each file named on the command line, the cleaned text, then
// every removal with its line, rule and category, then the metadata found.
//
//	go run ./examples/cleanreport clean/testdata/seeds/004.txt
package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/cnnews/cnnews/clean"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: cleanreport FILE...")
		os.Exit(2)
	}
	os.Exit(run(os.Args[1:], os.Stdout))
}

// run reports on each file and returns the exit status.
func run(files []string, w io.Writer) int {
	c := clean.Default()
	status := 0
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			status = 1
			continue
		}
		res := c.Clean(data)
		fmt.Fprintf(w, "== %s (%s, %d → %d bytes)\n%s\n\n", name, res.Format, len(data), len(res.Text), res.Text)
		byCategory := map[clean.Category]int{}
		for _, r := range res.Removed {
			byCategory[r.Category]++
			if r.Category == clean.Gloss {
				continue // there can be hundreds; counted below
			}
			fmt.Fprintf(w, "  line %-4d %-15s %-11s %s\n", r.Line, r.Rule, r.Category, oneLine(r.Text))
		}
		fmt.Fprintf(w, "  glosses removed: %d\n", byCategory[clean.Gloss])
		for _, warn := range res.Warnings {
			fmt.Fprintf(w, "  warning: %s\n", warn)
		}
		m := res.Meta
		fmt.Fprintf(w, "  title=%q source=%q published=%q editors=%v reporters=%v photographers=%v\n\n",
			m.Title, m.Source, m.Published, m.Editors, m.Reporters, m.Photographers)
	}
	return status
}

func oneLine(s string) string {
	s = strings.ReplaceAll(s, "\n", "⏎")
	if r := []rune(s); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}

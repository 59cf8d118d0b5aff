// Command cleanreport shows what package clean removes from articles and
// why: for each file named on the command line, the cleaned text, then
// every removal with its line, rule and category, then the metadata found.
//
//	go run ./examples/cleanreport clean/testdata/seeds/004.txt
package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/cnnews/cnnews/clean"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: cleanreport FILE...")
		os.Exit(2)
	}
	c := clean.Default()
	status := 0
	for _, name := range os.Args[1:] {
		data, err := os.ReadFile(name)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			status = 1
			continue
		}
		res := c.Clean(data)
		fmt.Printf("== %s (%s, %d → %d bytes)\n%s\n\n", name, res.Format, len(data), len(res.Text), res.Text)
		byCategory := map[clean.Category]int{}
		for _, r := range res.Removed {
			byCategory[r.Category]++
			if r.Category == clean.Gloss {
				continue // there can be hundreds; counted below
			}
			fmt.Printf("  line %-4d %-15s %-11s %s\n", r.Line, r.Rule, r.Category, oneLine(r.Text))
		}
		fmt.Printf("  glosses removed: %d\n", byCategory[clean.Gloss])
		for _, w := range res.Warnings {
			fmt.Printf("  warning: %s\n", w)
		}
		m := res.Meta
		fmt.Printf("  title=%q source=%q published=%q editors=%v reporters=%v photographers=%v\n\n",
			m.Title, m.Source, m.Published, m.Editors, m.Reporters, m.Photographers)
	}
	os.Exit(status)
}

func oneLine(s string) string {
	s = strings.ReplaceAll(s, "\n", "⏎")
	if r := []rune(s); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}

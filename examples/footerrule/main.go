// Command footerrule adds a rule for one site's footer to the default
// cleaner. The site ends every article with its slogan, a line no
// default rule knows (no keyword says it is boilerplate):
//
//	阳泉新闻网·权威发布　服务民生
//
// The rule is a regular expression anchored to the whole paragraph and
// applied only in the tail zone (the boilerplate run at the end of the
// article), so the same words inside the story are never touched.
//
//	go run ./examples/footerrule examples/footerrule/testdata/yqnews.txt
package main

import (
	"fmt"
	"io"
	"os"

	"github.com/cnnews/cnnews/clean"
)

// slogan is the site's footer: its name, a middle dot and its motto. In
// RE2, \s is ASCII white space only; the ideographic space U+3000 that
// Chinese pages put between words is written out.
var slogan = clean.MustPattern("yqnews-slogan", clean.Share, clean.Tail,
	`^阳泉新闻网[\s\x{3000}]*[·•][\s\x{3000}]*权威发布[\s\x{3000}]*服务民生$`)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: footerrule FILE")
		os.Exit(2)
	}
	if err := run(os.Args[1], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(file string, w io.Writer) error {
	// Build the cleaner once: the default rules plus the site's own.
	c, err := clean.New(clean.With(slogan))
	if err != nil {
		return err
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	res := c.Clean(data)
	fmt.Fprintln(w, res.Text)
	for _, r := range res.Removed {
		fmt.Fprintf(w, "removed by %s (%s): %s\n", r.Rule, r.Category, r.Text)
	}
	return nil
}

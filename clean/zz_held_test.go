package clean

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func heldMeasure(t *testing.T, dir string) {
	files, _ := filepath.Glob(dir + "/*.txt")
	pass, bodyKept, bodyAll, bpGone, bpAll, metaOK, metaAll := 0, 0, 0, 0, 0, 0, 0
	for _, f := range files {
		c := readPublisherCase(t, f)
		ps := publisherProblems(t, c)
		if len(ps) == 0 {
			pass++
		}
		res := Default().CleanString(c.in)
		out := strings.Split(res.Text, "\n")
		want := strings.Split(c.want, "\n")
		for _, w := range want {
			bodyAll++
			if slices.Contains(out, w) {
				bodyKept++
			} else if strings.Contains(res.Text, w) {
				if os.Getenv("ZZV") != "" {
					fmt.Printf("%s UNCUT %q\n", c.name, w)
				}
			} else if os.Getenv("ZZV") != "" {
				fmt.Printf("%s LOST BODY %q\n", c.name, w)
			}
		}
		for _, l := range strings.Split(c.in, "\n") {
			l = strings.Trim(l, " \u3000")
			if l == "" {
				continue
			}
			isBody := false
			for _, w := range want {
				if strings.Contains(l, w) {
					isBody = true
				}
			}
			if isBody {
				continue
			}
			bpAll++
			if !strings.Contains(res.Text, l) {
				bpGone++
			} else if os.Getenv("ZZV") != "" {
				fmt.Printf("%s KEPT %q\n", c.name, l)
			}
		}
		for _, p := range ps {
			if strings.HasPrefix(p, "meta") {
				if os.Getenv("ZZV") != "" {
					fmt.Printf("%s %s\n", c.name, p)
				}
			}
		}
		for _, vs := range c.meta {
			metaAll += len(vs)
		}
		for _, p := range ps {
			if strings.HasPrefix(p, "meta") {
				metaOK--
			}
		}
	}
	metaOK += metaAll
	fmt.Printf("%s: cases %d/%d, body %d/%d, boilerplate %d/%d, meta %d/%d\n", dir, pass, len(files), bodyKept, bodyAll, bpGone, bpAll, metaOK, metaAll)
}

func TestZZHeld(t *testing.T) {
	heldMeasure(t, "testdata/heldout")
	heldMeasure(t, "testdata/publishers")
}

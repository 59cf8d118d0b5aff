package clean

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// publisherCase is one file of testdata/publishers: an article as a
// publisher prints it, the body that must remain and the metadata.
type publisherCase struct {
	name, in, want string
	meta           map[string][]string
}

func readPublisherCase(t *testing.T, file string) publisherCase {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	c := publisherCase{name: filepath.Base(file), meta: map[string][]string{}}
	i, j := strings.Index(s, "=== input\n"), strings.Index(s, "=== want\n")
	if i < 0 || j < i {
		t.Fatalf("%s: no === input / === want", file)
	}
	for _, line := range strings.Split(s[:i], "\n") {
		if m, ok := strings.CutPrefix(line, "# meta:"); ok {
			for _, kv := range strings.Split(m, ";") {
				k, v, ok := strings.Cut(strings.TrimSpace(kv), "=")
				if !ok || strings.HasPrefix(k, "(") {
					continue
				}
				for _, x := range strings.Split(v, ",") {
					if x = strings.TrimSpace(x); x != "" {
						c.meta[strings.TrimSpace(k)] = append(c.meta[strings.TrimSpace(k)], x)
					}
				}
			}
		}
	}
	c.in = strings.TrimSuffix(s[i+len("=== input\n"):j], "\n")
	c.want = strings.TrimSpace(s[j+len("=== want\n"):])
	return c
}

// TestPublishers cleans an article of each of 152 publishers as it prints
// them (central, local, portals, WeChat accounts, 百家号 and 头条号,
// government sites, Hong Kong, Taiwan, Singapore and Malaysia, Chinese
// services of foreign media) and 34 traps whose bodies must stay whole:
// the body left must be exactly the expected one, and every credit and
// source named in the case must reach Meta. The cases the cleaner does
// not meet yet are listed in testdata/publishers/PENDING: each of them
// must still fail (so that the list shrinks as rules improve) and every
// other case must pass.
func TestPublishers(t *testing.T) {
	files, _ := filepath.Glob("testdata/publishers/*.txt")
	if len(files) < 60 {
		t.Fatalf("want the publisher cases in testdata/publishers, found %d", len(files))
	}
	pendingList, err := os.ReadFile("testdata/publishers/PENDING")
	if err != nil {
		t.Fatal(err)
	}
	pending := map[string]bool{}
	for _, l := range strings.Split(string(pendingList), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			pending[l] = true
		}
	}
	passed := 0
	for _, f := range files {
		c := readPublisherCase(t, f)
		problems := publisherProblems(t, c)
		switch {
		case pending[c.name] && len(problems) == 0:
			t.Errorf("%s passes now: take it off testdata/publishers/PENDING", c.name)
		case !pending[c.name] && len(problems) > 0:
			t.Errorf("%s:\n%s", c.name, strings.Join(problems, "\n"))
		case len(problems) == 0:
			passed++
		case testing.Verbose():
			t.Logf("pending %s:\n%s", c.name, strings.Join(problems, "\n"))
		}
	}
	t.Logf("%d of %d publisher and trap cases pass; %d are pending", passed, len(files), len(pending))
}

// publisherProblems cleans one case and says what is wrong with the result.
func publisherProblems(t *testing.T, c publisherCase) []string {
	var problems []string
	{
		{
			res := Default().CleanString(c.in)
			checkInvariants(t, []byte(c.in), res)
			if diff := cmp.Diff(c.want, res.Text); diff != "" {
				problems = append(problems, "text (-want +got):\n"+diff)
			}
			m := res.Meta
			for k, vs := range c.meta {
				var got []string
				switch k {
				case "source":
					got = []string{m.Source}
				case "reporters":
					got = m.Reporters
				case "editors":
					got = m.Editors
				case "photographers":
					got = m.Photographers
				case "original_title":
					got = []string{m.OriginalTitle}
				case "dateline":
					got = []string{m.Dateline}
				default:
					continue
				}
				for _, v := range vs {
					if !slices.Contains(got, v) {
						problems = append(problems, fmt.Sprintf("meta %s: %q not in %q", k, v, got))
					}
				}
			}
		}
	}
	return problems
}

// lineFigures counts, over publisher cases, the body lines kept, the
// boilerplate lines removed and the metadata values found, the figures
// the README quotes.
type lineFigures struct {
	cases, passed                int
	body, bodyKept, bodyLost     int
	boilerplate, boilerplateGone int
	meta, metaFound              int
	kept                         []string // boilerplate lines left, "file: line"
}

// measureLines cleans every case in dir. A body line counts as kept when
// it is a line of the output; an input line that holds no body line is
// boilerplate, gone when no output line starts or ends with it. Spaces are
// folded as the cleaner folds them.
func measureLines(t *testing.T, dir string) lineFigures {
	var f lineFigures
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	fold := func(s string) string { return strings.Join(strings.Fields(strings.ReplaceAll(s, "\u3000", " ")), " ") }
	for _, file := range files {
		c := readPublisherCase(t, file)
		f.cases++
		problems := publisherProblems(t, c)
		if len(problems) == 0 {
			f.passed++
		}
		res := Default().CleanString(c.in)
		outLines := map[string]bool{}
		for _, l := range strings.Split(res.Text, "\n") {
			outLines[fold(l)] = true
		}
		want := strings.Split(c.want, "\n")
		for _, w := range want {
			f.body++
			switch {
			case outLines[fold(w)]:
				f.bodyKept++
			case !strings.Contains(fold(res.Text), fold(w)):
				f.bodyLost++ // not even inside a line with furniture left on it
				f.kept = append(f.kept, c.name+": LOST "+w)
			}
		}
		for _, l := range strings.Split(c.in, "\n") {
			l = fold(l)
			if l == "" || slices.ContainsFunc(want, func(w string) bool { return strings.Contains(l, fold(w)) }) {
				continue
			}
			f.boilerplate++
			// left whole, or glued to a body line's start or end; the same
			// words inside a sentence of the story do not count
			left := false
			for o := range outLines {
				left = left || o == l || runes(l) > 4 && (strings.HasPrefix(o, l) || strings.HasSuffix(o, l))
			}
			if left {
				f.kept = append(f.kept, c.name+": "+l)
			} else {
				f.boilerplateGone++
			}
		}
		for _, vs := range c.meta {
			f.meta += len(vs)
		}
		f.metaFound += len(c.metaValues()) - metaMisses(problems)
	}
	return f
}

// metaValues lists the metadata values a case asks for.
func (c publisherCase) metaValues() []string {
	var vs []string
	for _, v := range c.meta {
		vs = append(vs, v...)
	}
	return vs
}

func metaMisses(problems []string) int {
	n := 0
	for _, p := range problems {
		if strings.HasPrefix(p, "meta ") {
			n++
		}
	}
	return n
}

// TestPublisherLines measures the publisher cases line by line: no body
// line may be lost (a lead whose byline stays is kept, not lost), and at
// least 95% of the boilerplate lines must go.
func TestPublisherLines(t *testing.T) {
	f := measureLines(t, "testdata/publishers")
	if f.bodyLost > 0 {
		t.Errorf("body lines lost %d of %d", f.bodyLost, f.body)
	}
	if f.boilerplateGone*100 < f.boilerplate*95 {
		t.Errorf("boilerplate lines removed %d of %d:\n%s", f.boilerplateGone, f.boilerplate, strings.Join(f.kept, "\n"))
	}
	t.Logf("%d cases, %d pass; body lines kept %d/%d; boilerplate lines removed %d/%d; metadata values found %d/%d",
		f.cases, f.passed, f.bodyKept, f.body, f.boilerplateGone, f.boilerplate, f.metaFound, f.meta)
	for _, k := range f.kept {
		t.Logf("kept: %s", k)
	}
}

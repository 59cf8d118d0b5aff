package clean

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"
)

// expectation is a page fixture's NAME.expect: body snippets that must be
// kept, furniture snippets that must go, and the metadata.
type expectation struct {
	keep, drop                     []string
	title, published, source, site string
	authors                        []string
}

func readExpect(t *testing.T, name string) expectation {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var e expectation
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "+"):
			e.keep = append(e.keep, line[1:])
		case strings.HasPrefix(line, "-"):
			e.drop = append(e.drop, line[1:])
		case strings.HasPrefix(line, "title: "):
			e.title = strings.TrimPrefix(line, "title: ")
		case strings.HasPrefix(line, "published: "):
			e.published = strings.TrimPrefix(line, "published: ")
		case strings.HasPrefix(line, "source: "):
			e.source = strings.TrimPrefix(line, "source: ")
		case strings.HasPrefix(line, "site: "):
			e.site = strings.TrimPrefix(line, "site: ")
		case strings.HasPrefix(line, "author: "):
			e.authors = append(e.authors, strings.TrimPrefix(line, "author: "))
		}
	}
	return e
}

// squeezeSpace removes all white space, as the expectations are matched.
func squeezeSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// pageGolden is the reviewed result for one page fixture.
type pageGolden struct {
	Text     string    `json:"text"`
	Meta     Meta      `json:"meta"`
	Removed  []string  `json:"removed"` // rule: text, markup left out
	Warnings []Warning `json:"warnings"`
}

// TestPageFixtures cleans the pages written for the project, modelled on
// the templates of portals, central and local media, a government site,
// Hong Kong and Taiwan sites, a blog, a forum and a news app (see
// ../extract/testdata/pages/README.md): every body snippet kept, every
// furniture snippet gone, the metadata found, nothing visible lost; and
// the whole result compared with testdata/golden/pages/NAME.json (go test
// ./clean -run TestPageFixtures -update rewrites them).
func TestPageFixtures(t *testing.T) {
	files, _ := filepath.Glob("../extract/testdata/pages/*.html")
	if len(files) < 20 {
		t.Fatalf("want the page fixtures in ../extract/testdata/pages, found %d", len(files))
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".html")
		t.Run(name, func(t *testing.T) {
			raw, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			in := decodeForTest(raw)
			res := Default().CleanString(in)
			checkPage(t, []byte(in), res)
			e := readExpect(t, strings.TrimSuffix(file, ".html")+".expect")
			text := squeezeSpace(res.Text)
			for _, k := range e.keep {
				if !strings.Contains(text, squeezeSpace(k)) {
					t.Errorf("lost body: %s", k)
				}
			}
			for _, d := range e.drop {
				if strings.Contains(text, squeezeSpace(d)) {
					t.Errorf("kept furniture: %s", d)
				}
			}
			m := res.Meta
			if m.Title != e.title {
				t.Errorf("title %q, want %q", m.Title, e.title)
			}
			if e.published != "" {
				if got := m.PublishedAt.Format("2006-01-02 15:04"); got != e.published {
					t.Errorf("published %q (%s), want %s", m.Published, got, e.published)
				}
			}
			if e.source != "" && m.Source != e.source {
				t.Errorf("source %q, want %q", m.Source, e.source)
			}
			if e.site != "" && m.SiteName != e.site {
				t.Errorf("site %q, want %q", m.SiteName, e.site)
			}
			for _, a := range e.authors {
				found := false
				for _, c := range m.Credits {
					found = found || c.Name == a
				}
				if !found {
					t.Errorf("author %s not among the credits %v", a, m.Credits)
				}
			}

			got := pageGolden{Text: res.Text, Meta: m, Warnings: res.Warnings}
			for _, r := range res.Removed {
				got.Removed = append(got.Removed, r.Rule+": "+visibleText(r.Text))
			}
			path := filepath.Join("testdata", "golden", "pages", name+".json")
			if *update {
				b, _ := json.MarshalIndent(got, "", "  ")
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			var want pageGolden
			if err := json.Unmarshal(b, &want); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("result differs from %s (-want +got):\n%s", path, diff)
			}
		})
	}
}

// visibleText is s without its markup, white space folded: what a
// removal took out as a reader saw it.
func visibleText(s string) string {
	var b strings.Builder
	in := false
	for _, r := range s {
		switch {
		case r == '<':
			in = true
		case r == '>' && in:
			in = false
			b.WriteByte(' ')
		case !in:
			b.WriteRune(r)
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

package frontmatter

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// TestGolden splits the two reference articles that are Jekyll posts and
// compares format, fields, parsed date and body with testdata/golden. Run
// go test ./frontmatter -run TestGolden -update to rewrite them after a
// reviewed change.
func TestGolden(t *testing.T) {
	for _, name := range []string{"000", "003"} {
		t.Run(name, func(t *testing.T) {
			in, err := os.ReadFile(filepath.Join("testdata", name+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			doc, err := Split(in)
			if err != nil {
				t.Fatal(err)
			}
			fields, err := doc.Fields()
			if err != nil {
				t.Fatal(err)
			}
			date, _, err := doc.Date("date")
			if err != nil {
				t.Fatal(err)
			}
			got, err := json.MarshalIndent(map[string]any{
				"format": doc.Format, "fields": fields, "front_line": doc.FrontLine(),
				"date": date.Time.Format("2006-01-02T15:04:05Z07:00"), "date_raw": date.Raw,
				"body_bytes": len(doc.Body()), "body_start": string(doc.Body()[:60]),
			}, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			file := filepath.Join("testdata", "golden", name+".json")
			if *update {
				os.MkdirAll(filepath.Dir(file), 0o755)
				if err := os.WriteFile(file, append(got, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(file)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), string(got)+"\n"); diff != "" {
				t.Errorf("%s (-want +got):\n%s", file, diff)
			}
			if out, err := doc.Bytes(); err != nil || string(out) != string(in) {
				t.Errorf("round trip differs")
			}
		})
	}
}

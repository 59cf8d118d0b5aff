package cnbeam_test

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
	"github.com/cnnews/cnnews/beam/cnbeam"
)

func init() {
	register.Function1x1[cnbeam.Item, cnbeam.Line](itemLine)
	register.Function1x1[cnbeam.Doc, cnbeam.Line](docSummary)
}

// itemLine describes an Item as a Line, in input order.
func itemLine(it cnbeam.Item) cnbeam.Line {
	if it.Reason != "" {
		return cnbeam.Line{Key: it.Key, JSON: fmt.Appendf(nil, "line %d rejected: %s\n", it.Line, it.Reason)}
	}
	return cnbeam.Line{Key: it.Key, JSON: fmt.Appendf(nil, "line %d %s: %s\n", it.Line, it.ID, it.Text)}
}

// docSummary describes a processed Doc as a Line.
func docSummary(d cnbeam.Doc) cnbeam.Line {
	return cnbeam.Line{Key: d.Key, JSON: fmt.Appendf(nil, "%s line %d: %d-byte signature, %s", d.ID, d.Line, len(d.Sig), d.JSON)}
}

// shard writes a JSONL file of records to a new directory and returns it.
func shard(records string) string {
	dir, _ := os.MkdirTemp("", "cnbeam-example-")
	os.WriteFile(filepath.Join(dir, "in.jsonl"), []byte(records), 0o644)
	return dir
}

// ExampleReadJSONL reads a shard into Items, one a line, in input order:
// a line too long is an Item that carries its reason.
func ExampleReadJSONL() {
	dir := shard(`{"id":"a1","text":"一季度经济运行总体平稳。"}` + "\n" + `{"id":"a2","text":"` + string(make([]byte, 200)) + `"}` + "\n")
	defer os.RemoveAll(dir)
	p, s := beam.NewPipelineWithRoot()
	items := cnbeam.ReadJSONL(s, filepath.Join(dir, "*.jsonl"), 100)
	cnbeam.WriteSharded(s, dir, "items", 1, beam.ParDo(s, itemLine, items))
	if err := ptest.Run(p); err != nil {
		fmt.Println(err)
		return
	}
	b, _ := os.ReadFile(filepath.Join(dir, "items-00000-of-00001.jsonl"))
	fmt.Print(string(b))
	// Output:
	// line 1 a1: 一季度经济运行总体平稳。
	// line 2 rejected: too-large
}

// ExampleItem shows the Item of a record that is not an article.
func ExampleItem() {
	dir := shard(`{"id":"a1","title":"只有标题"}` + "\n")
	defer os.RemoveAll(dir)
	p, s := beam.NewPipelineWithRoot()
	cnbeam.WriteSharded(s, dir, "items", 1, beam.ParDo(s, itemLine, cnbeam.ReadJSONL(s, filepath.Join(dir, "*.jsonl"), 1<<20)))
	if err := ptest.Run(p); err != nil {
		fmt.Println(err)
		return
	}
	b, _ := os.ReadFile(filepath.Join(dir, "items-00000-of-00001.jsonl"))
	fmt.Print(string(b))
	// Output:
	// line 1 rejected: json
}

// ExampleProcess cleans each Item into a Doc (its output line and its
// signature for deduplication) or a rejection Line; the counters count the
// rejections by reason.
func ExampleProcess() {
	dir := shard(`{"id":"a1","text":"来源：新华网\n一季度经济运行总体平稳。"}` + "\n" + `{"id":"a2","text":"（责任编辑：王磊）"}` + "\n")
	defer os.RemoveAll(dir)
	p, s := beam.NewPipelineWithRoot()
	docs, rejected := cnbeam.Process(s, cnbeam.ReadJSONL(s, filepath.Join(dir, "*.jsonl"), 1<<20), cnbeam.Options{})
	cnbeam.WriteSharded(s, dir, "docs", 1, beam.ParDo(s, docSummary, docs))
	cnbeam.WriteSharded(s, dir, "rejected", 1, rejected)
	res, err := ptest.RunWithMetrics(p)
	if err != nil {
		fmt.Println(err)
		return
	}
	counts := map[string]int64{}
	for _, c := range res.Metrics().AllMetrics().Counters() {
		counts[c.Name()] += c.Result()
	}
	b, _ := os.ReadFile(filepath.Join(dir, "docs-00000-of-00001.jsonl"))
	fmt.Printf("%.75s…\n", b)
	fmt.Println(counts[cnbeam.CounterRejected+"no-text"])
	// Output:
	// a1 line 1: 536-byte signature, {"id":"a1","text":"一季度经济运行总体平稳。","meta":{"so…
	// 1
}

// ExampleDoc shows what a Doc carries from Process to Dedupe.
func ExampleDoc() {
	d := cnbeam.Doc{ID: "a1", Input: "in.jsonl", Line: 1, JSON: []byte(`{"id":"a1","text":"一季度经济运行总体平稳。"}`)}
	fmt.Printf("%s (%s:%d): %s\n", d.ID, d.Input, d.Line, d.JSON)
	// Output:
	// a1 (in.jsonl:1): {"id":"a1","text":"一季度经济运行总体平稳。"}
}

// ExampleMember shows an article as Dedupe groups it: by exact hash or by
// one band of its signature, with its place in input order.
func ExampleMember() {
	m := cnbeam.Member{Key: "in.jsonl\x00000000000002", ID: "a2"}
	fmt.Printf("%s, %d signature bytes\n", m.ID, len(m.Sig))
	// Output:
	// a2, 0 signature bytes
}

// ExampleDup shows the verdict Dedupe joins back to a Doc: the article at
// Key copies the earlier one Of.
func ExampleDup() {
	d := cnbeam.Dup{Key: "in.jsonl\x00000000000002", Of: "a1", Similarity: 1}
	fmt.Printf("copies %s (similarity %.2f)\n", d.Of, d.Similarity)
	// Output:
	// copies a1 (similarity 1.00)
}

// ExampleLine writes Lines (each a JSON line with its newline) to one shard, in input order whatever the
// order they arrive in.
func ExampleLine() {
	dir := shard("")
	defer os.RemoveAll(dir)
	p, s := beam.NewPipelineWithRoot()
	lines := beam.Create(s, cnbeam.Line{Key: "b", JSON: []byte(`{"id":"第二"}` + "\n")}, cnbeam.Line{Key: "a", JSON: []byte(`{"id":"第一"}` + "\n")})
	cnbeam.WriteSharded(s, dir, "out", 1, lines)
	if err := ptest.Run(p); err != nil {
		fmt.Println(err)
		return
	}
	b, _ := os.ReadFile(filepath.Join(dir, "out-00000-of-00001.jsonl"))
	fmt.Print(string(b))
	// Output:
	// {"id":"第一"}
	// {"id":"第二"}
}

// ExampleWriteSharded writes kept lines to several shards, each in input
// order, and returns the names of the files written.
func ExampleWriteSharded() {
	dir := shard("")
	defer os.RemoveAll(dir)
	p, s := beam.NewPipelineWithRoot()
	var lines []any
	for i := range 20 {
		lines = append(lines, cnbeam.Line{Key: fmt.Sprintf("%03d", i), JSON: fmt.Appendf(nil, "{\"id\":\"稿件%d\"}\n", i)})
	}
	cnbeam.WriteSharded(s, dir, "kept", 4, beam.Create(s, lines...))
	if err := ptest.Run(p); err != nil {
		fmt.Println(err)
		return
	}
	files, _ := filepath.Glob(filepath.Join(dir, "kept-*-of-00004.jsonl"))
	n := 0
	for _, f := range files {
		b, _ := os.ReadFile(f)
		for _, c := range b {
			if c == '\n' {
				n++
			}
		}
	}
	fmt.Println(len(files) > 1, n)
	// Output:
	// true 20
}

// ExampleOptions sets the options cnnews run has, for every worker.
func ExampleOptions() {
	o := cnbeam.Options{Convert: "t2s", Punct: true, Repair: true, Without: []string{"share"}, Removed: true}
	fmt.Println(o.Check())
	// Output:
	// <nil>
}

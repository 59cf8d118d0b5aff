package cnbeam_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
	"github.com/cnnews/cnnews/beam/cnbeam"
)

// ExampleBuild runs the whole pipeline on one JSONL shard with the prism
// runner, in process.
func ExampleBuild() {
	dir, _ := os.MkdirTemp("", "cnbeam-example-")
	defer os.RemoveAll(dir)
	os.WriteFile(filepath.Join(dir, "in.jsonl"), []byte(
		`{"id":"a1","text":"来源：新华网\n一季度经济运行总体平稳。\n（责任编辑：王磊）"}`+"\n"+
			`{"id":"a2","text":"一季度經濟運行總體平穩。\n分享到：微信 微博"}`+"\n"+
			`{"id":"a3","title":"只有标题"}`+"\n"), 0o644)
	out := filepath.Join(dir, "out")
	p, s := beam.NewPipelineWithRoot()
	cnbeam.Build(s, filepath.Join(dir, "*.jsonl"), out, 1, cnbeam.Options{})
	if err := ptest.Run(p); err != nil {
		fmt.Println(err)
		return
	}
	kept, _ := os.ReadFile(filepath.Join(out, "kept-00000-of-00001.jsonl"))
	rejected, _ := os.ReadFile(filepath.Join(out, "rejected-00000-of-00001.jsonl"))
	fmt.Printf("%.70s…\n", kept)
	fmt.Print(strings.ReplaceAll(string(rejected), dir, "DIR"))
	// Output:
	// {"id":"a1","text":"一季度经济运行总体平稳。","meta":{"source":"新华网","editors":["王磊…
	// {"id":"a2","input":"DIR/in.jsonl","line":2,"reason":"duplicate","of":"a1","similarity":1}
	// {"id":"a3","input":"DIR/in.jsonl","line":3,"reason":"json","error":"line 3: no \"text\" or \"html\" field"}
}

// ExampleOptions_Check finds a bad option before a job is submitted.
func ExampleOptions_Check() {
	fmt.Println(cnbeam.Options{Convert: "t2s"}.Check())
	fmt.Println(cnbeam.Options{Convert: "x2y"}.Check() != nil)
	fmt.Println(cnbeam.Options{Without: []string{"no-such-rule"}}.Check() != nil)
	// Output:
	// <nil>
	// true
	// true
}

// ExampleDedupe reads a shard, processes its records and drops the copy
// of an earlier article written in the other script, with the transforms
// Build composes. The counters say what happened.
func ExampleDedupe() {
	dir, _ := os.MkdirTemp("", "cnbeam-example-")
	defer os.RemoveAll(dir)
	os.WriteFile(filepath.Join(dir, "in.jsonl"), []byte(
		`{"id":"a1","text":"一季度经济运行总体平稳，就业形势保持稳定。"}`+"\n"+
			`{"id":"a2","text":"一季度經濟運行總體平穩，就業形勢保持穩定。"}`+"\n"), 0o644)
	p, s := beam.NewPipelineWithRoot()
	items := cnbeam.ReadJSONL(s, filepath.Join(dir, "*.jsonl"), 1<<20)
	docs, _ := cnbeam.Process(s, items, cnbeam.Options{})
	kept, dropped := cnbeam.Dedupe(s, docs)
	cnbeam.WriteSharded(s, dir, "kept", 1, kept)
	cnbeam.WriteSharded(s, dir, "dropped", 1, dropped)
	res, err := ptest.RunWithMetrics(p)
	if err != nil {
		fmt.Println(err)
		return
	}
	counts := map[string]int64{}
	for _, c := range res.Metrics().AllMetrics().Counters() {
		if c.Namespace() == "cnnews" {
			counts[c.Name()] += c.Result()
		}
	}
	fmt.Println(counts[cnbeam.CounterRead], counts[cnbeam.CounterWritten], counts[cnbeam.CounterDuplicates])
	dropLine, _ := os.ReadFile(filepath.Join(dir, "dropped-00000-of-00001.jsonl"))
	fmt.Print(strings.ReplaceAll(string(dropLine), dir, "DIR"))
	// Output:
	// 2 1 1
	// {"id":"a2","input":"DIR/in.jsonl","line":2,"reason":"duplicate","of":"a1","similarity":1}
}

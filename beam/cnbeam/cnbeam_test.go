package cnbeam

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/passert"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
	"github.com/cnnews/cnnews/convert"
	"github.com/cnnews/cnnews/dedupe"
	"github.com/cnnews/cnnews/internal/corpus"
	"github.com/cnnews/cnnews/internal/seeds"
	"github.com/cnnews/cnnews/internal/testcorpus"
)

func TestMain(m *testing.M) {
	ptest.Main(m) // the prism runner, in process
}

func init() {
	register.Function1x1[Doc, string](docJSON)
	register.Function1x1[Line, string](lineJSON)
	register.Function1x1[Line, string](lineID)
}

func docJSON(d Doc) string   { return string(d.JSON) }
func lineJSON(l Line) string { return string(l.JSON) }
func lineID(l Line) string {
	var r struct {
		ID string `json:"id"`
	}
	json.Unmarshal(l.JSON, &r)
	return r.ID
}

func writeJSONL(t *testing.T, path string, records []map[string]string) {
	t.Helper()
	var b bytes.Buffer
	for _, r := range records {
		line, _ := json.Marshal(r)
		b.Write(line)
		b.WriteByte('\n')
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestProcessEqualsRootPipeline checks that the per-article transform
// gives, for the reference articles, the lines the root pipeline gives.
func TestProcessEqualsRootPipeline(t *testing.T) {
	dir := t.TempDir()
	var records []map[string]string
	names := slices.Sorted(func(yield func(string) bool) {
		for n := range seeds.Load(t) {
			if !yield(n) {
				return
			}
		}
	})
	m := seeds.Load(t)
	for _, n := range names {
		records = append(records, map[string]string{"id": n, "text": m[n]})
	}
	records = append(records, map[string]string{"id": "html", "html": "<p>国务院新闻办公室今天举行发布会。</p><p>（责任编辑：张三）</p>"})
	path := filepath.Join(dir, "seeds.jsonl")
	writeJSONL(t, path, records)

	o := Options{Convert: "t2s", Punct: true}
	p, err := o.pipeline()
	if err != nil {
		t.Fatal(err)
	}
	var want []any
	for i, r := range records {
		in := corpus.Input{ID: r["id"], Input: path, Line: i + 1, Text: r["text"]}
		if r["html"] != "" {
			in.Text, in.Format = r["html"], "html"
		}
		_, line, rej := corpus.Process(p, in, false)
		if rej != nil {
			t.Fatalf("%s: %v", r["id"], rej.Error)
		}
		want = append(want, string(line))
	}
	ptest.BuildAndRun(t, func(s beam.Scope) {
		docs, rejected := Process(s, ReadJSONL(s, filepath.Join(dir, "*.jsonl"), 1<<20), o)
		passert.Equals(s, beam.ParDo(s, docJSON, docs), want...)
		passert.Empty(s, rejected)
	})
}

// TestDedupeFindsPlantedCopies plants exact, edited-boilerplate and
// other-script copies among distinct stories: exactly the originals are
// kept, and no two different stories are merged.
func TestDedupeFindsPlantedCopies(t *testing.T) {
	dir := t.TempDir()
	r := rand.New(rand.NewPCG(7, 8))
	s2t := convert.MustNew("s2t")
	var records []map[string]string
	var bodies []string
	var want []any
	for i := range 300 {
		b := testcorpus.Body(r)
		bodies = append(bodies, b)
		id := fmt.Sprintf("story-%03d", i)
		records = append(records, map[string]string{"id": id, "text": testcorpus.Wrap(r, b, false)})
		want = append(want, id)
	}
	for i := range 60 {
		b := bodies[i*5]
		if i%2 == 0 {
			b = s2t.String(b)
		}
		records = append(records, map[string]string{"id": fmt.Sprintf("copy-%02d", i), "text": testcorpus.Wrap(r, b, i%2 == 0)})
	}
	writeJSONL(t, filepath.Join(dir, "a.jsonl"), records)
	ptest.BuildAndRun(t, func(s beam.Scope) {
		docs, _ := Process(s, ReadJSONL(s, filepath.Join(dir, "*.jsonl"), 1<<20), Options{})
		kept, dropped := Dedupe(s, docs)
		passert.Equals(s, beam.ParDo(s, lineID, kept), want...)
		passert.Count(s, dropped, "dropped", 60)
	})
}

// makeJSONLCorpus writes a corpus of over 2,000 records in four JSONL
// shards: stories as text and HTML, exact and re-wrapped copies, copies in
// the other script, records reusing an earlier record's id, and malformed,
// field-less, non-UTF-8 and over-long lines.
func makeJSONLCorpus(t *testing.T, dir string) {
	t.Helper()
	r := rand.New(rand.NewPCG(9, 10))
	s2t := convert.MustNew("s2t")
	var bodies []string
	for shard := range 4 {
		var b strings.Builder
		for i := range 560 {
			n := shard*560 + i
			id := fmt.Sprintf("s%d-%04d", shard, i)
			var rec map[string]string
			switch {
			case shard > 0 && i%9 == 0:
				rec = map[string]string{"id": id, "text": testcorpus.Wrap(r, bodies[r.IntN(len(bodies))], false)}
			case shard > 0 && i%9 == 1:
				rec = map[string]string{"id": id, "text": testcorpus.Wrap(r, s2t.String(bodies[r.IntN(len(bodies))]), true)}
			case n%3 == 0:
				body := testcorpus.Body(r)
				bodies = append(bodies, body)
				rec = map[string]string{"id": id, "html": "<p>" + strings.ReplaceAll(body, "\n", "</p><p>") + "</p><p>（责任编辑：王磊）</p>"}
			default:
				body := testcorpus.Body(r)
				bodies = append(bodies, body)
				rec = map[string]string{"id": id, "text": testcorpus.Wrap(r, body, false)}
			}
			line, _ := json.Marshal(rec)
			b.Write(line)
			b.WriteByte('\n')
			switch i {
			case 100:
				b.WriteString("{\"id\": \"broken\", \"text\": \"没有结束\n")
			case 200:
				b.WriteString("{\"id\":\"no-text\",\"title\":\"只有标题\"}\n")
			case 250:
				// an earlier article's id, on a new story and on a copy
				if shard > 0 {
					for _, text := range []string{testcorpus.Body(r), bodies[0]} {
						line, _ := json.Marshal(map[string]string{"id": fmt.Sprintf("s0-%04d", 10+shard), "text": text})
						b.Write(line)
						b.WriteByte('\n')
					}
				}
			case 300:
				b.WriteString("{\"id\":\"bad-utf8\",\"text\":\"正文\xff\"}\n")
			case 400:
				fmt.Fprintf(&b, "{\"id\":\"huge-%d\",\"text\":%q}\n", shard, strings.Repeat("很长的一段话。", 20000))
			case 500:
				b.WriteString("{\"id\":\"empty\",\"text\":\"  \"}\n")
			}
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("shard-%d.jsonl", shard)), []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// readLines reads every line of the files matching glob.
func readLines(t *testing.T, glob string) []string {
	t.Helper()
	files, _ := filepath.Glob(glob)
	var out []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(bytes.NewReader(data))
		sc.Buffer(nil, 64<<20)
		for sc.Scan() {
			out = append(out, sc.Text())
		}
	}
	return out
}

// keptTexts maps each kept article's id to its text.
func keptTexts(t *testing.T, lines []string) map[string]string {
	t.Helper()
	m := map[string]string{}
	for _, l := range lines {
		var r struct{ ID, Text string }
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatalf("%v: %.100s", err, l)
		}
		if _, dup := m[r.ID]; dup {
			t.Fatalf("id %s written twice", r.ID)
		}
		m[r.ID] = r.Text
	}
	return m
}

// reasons counts the rejected lines by reason.
func reasons(t *testing.T, lines []string) map[string]int {
	t.Helper()
	m := map[string]int{}
	for _, l := range lines {
		var r struct{ Reason string }
		json.Unmarshal([]byte(l), &r)
		m[r.Reason]++
	}
	return m
}

// TestBuildEqualsCnnewsRun runs the whole pipeline and cnnews run on the
// same generated corpus: the kept ids and texts, and the rejections by
// reason, must be the same.
func TestBuildEqualsCnnewsRun(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	os.Mkdir(in, 0o755)
	makeJSONLCorpus(t, in)
	out := filepath.Join(dir, "beam")
	os.Mkdir(out, 0o755)
	o := Options{Convert: "t2s", Punct: true, Repair: true, MaxSize: 100000}
	pr := ptest.BuildAndRun(t, func(s beam.Scope) {
		Build(s, filepath.Join(in, "*.jsonl"), out, 4, o)
	})
	counters := map[string]int64{}
	for _, c := range pr.Metrics().AllMetrics().Counters() {
		if c.Namespace() == "cnnews" {
			counters[c.Name()] += c.Result()
		}
	}

	bin := filepath.Join(dir, "cnnews")
	// built in the core module, with its own dependencies
	build := exec.Command("go", "build", "-o", bin, "./cmd/cnnews")
	build.Dir = filepath.Join("..", "..")
	if b, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build cnnews: %v\n%s", err, b)
	}
	runOut := filepath.Join(dir, "run.jsonl")
	cmd := exec.Command(bin, "run", "--convert", "t2s", "--punct", "--repair", "--max-size", "100000", "--progress", "none", "-o", runOut, in)
	if b, err := cmd.CombinedOutput(); err != nil {
		if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 {
			t.Fatalf("cnnews run: %v\n%s", err, b)
		}
	}

	beamKept := keptTexts(t, readLines(t, filepath.Join(out, "kept-*.jsonl")))
	runKept := keptTexts(t, readLines(t, runOut))
	if len(runKept) < 1800 {
		t.Fatalf("cnnews run kept %d articles; the corpus should give over 1,800", len(runKept))
	}
	for id, text := range runKept {
		if bt, ok := beamKept[id]; !ok {
			t.Errorf("%s kept by cnnews run, not by the Beam pipeline", id)
		} else if bt != text {
			t.Errorf("%s: texts differ", id)
		}
	}
	for id := range beamKept {
		if _, ok := runKept[id]; !ok {
			t.Errorf("%s kept by the Beam pipeline, not by cnnews run", id)
		}
	}
	beamRej := reasons(t, readLines(t, filepath.Join(out, "rejected-*.jsonl")))
	runRej := reasons(t, readLines(t, strings.TrimSuffix(runOut, ".jsonl")+".rejected.jsonl"))
	if fmt.Sprint(beamRej) != fmt.Sprint(runRej) || beamRej["duplicate"] < 300 || beamRej["duplicate-id"] != 6 {
		t.Errorf("rejections: Beam %v, cnnews run %v", beamRej, runRej)
	}
	t.Logf("kept %d by both; rejected %v", len(runKept), runRej)
	rejectedTotal := 0
	for reason, n := range runRej {
		if reason != "duplicate" {
			rejectedTotal += n
			if counters[CounterRejected+reason] != int64(n) {
				t.Errorf("counter %s%s = %d, want %d", CounterRejected, reason, counters[CounterRejected+reason], n)
			}
		}
	}
	if counters[CounterWritten] != int64(len(runKept)) || counters[CounterDuplicates] != int64(runRej["duplicate"]) ||
		counters[CounterRead] != int64(len(runKept)+runRej["duplicate"]+rejectedTotal) {
		t.Errorf("counters %v", counters)
	}
	shards, _ := filepath.Glob(filepath.Join(out, "kept-*-of-00004.jsonl"))
	if len(shards) != 4 {
		t.Errorf("kept shards: %v", shards)
	}
}

// TestCompactSignature checks that the compact form sent to band groups
// gives the same verdicts as the whole signature.
func TestCompactSignature(t *testing.T) {
	x, _ := dedupe.NewIndex()
	r := rand.New(rand.NewPCG(11, 12))
	var sigs []dedupe.Signature
	base := testcorpus.Body(r)
	for i := range 40 {
		text := testcorpus.Body(r)
		if i%2 == 0 {
			rs := []rune(base)
			text = string(rs[:len(rs)*(50+i)/100])
		}
		sigs = append(sigs, x.Sign(text))
	}
	same := 0
	for i := range sigs {
		for j := range sigs {
			m1, ok1 := x.Duplicates(sigs[i], sigs[j])
			m2, ok2 := x.Duplicates(expand(compact(sigs[i])), expand(compact(sigs[j])))
			if ok1 != ok2 || m1 != m2 {
				t.Fatalf("pair %d,%d: %v %v, compact %v %v", i, j, ok1, m1, ok2, m2)
			}
			if ok1 {
				same++
			}
		}
	}
	if same <= len(sigs) {
		t.Errorf("only %d duplicate pairs; the test needs near copies", same)
	}
}

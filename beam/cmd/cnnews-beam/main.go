// Command cnnews-beam runs the cnnews corpus pipeline on Apache Beam: the
// same decoding, cleaning, conversion and duplicate removal as cnnews run,
// spread over the workers of Flink, Spark or Dataflow, or run in process
// with Beam's prism runner.
//
// Usage:
//
//	cnnews-beam --input 'GLOB' --output DIR [--shards N] [options] [Beam runner flags]
//
// GLOB matches JSONL files of {"id","text"} or {"id","html"} records (local
// paths, gs:// or s3://). The kept articles go to DIR/kept-SSSSS-of-NNNNN.jsonl
// as the JSON lines cnnews run writes, each shard sorted in input order; the
// rejected records and dropped copies to DIR/rejected-SSSSS-of-NNNNN.jsonl.
//
// Runner flags are Beam's: --runner=prism (the default, in process),
// --runner=flink or --runner=spark with --endpoint=HOST:8099 (a Beam job
// server) and --environment_type=LOOPBACK, DOCKER or EXTERNAL,
// --runner=dataflow with --project, --region and --staging_location.
// --worker_binary names a prebuilt worker (GOOS=linux GOARCH=amd64) so that
// launching needs no Go toolchain.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/core/metrics"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/gcs"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/s3"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"
	"github.com/cnnews/cnnews/beam/cnbeam"
)

var (
	input        = flag.String("input", "", "glob of JSONL input files (required)")
	output       = flag.String("output", "", "directory for kept-*.jsonl and rejected-*.jsonl (required)")
	shards       = flag.Int("shards", 16, "number of output shards of each kind")
	convertCfg   = flag.String("convert", "", "convert with an OpenCC configuration, such as t2s")
	punct        = flag.Bool("punct", false, "restore full-width punctuation between Chinese characters")
	repair       = flag.Bool("repair", false, "fix the characters a character-by-character conversion got wrong in Traditional articles (全麵 → 全面), before --convert")
	without      = flag.String("without", "", "comma-separated rule or category names to switch off")
	keepCaptions = flag.Bool("keep-captions", false, "keep photo captions")
	lossy        = flag.Bool("lossy", false, "accepted for symmetry with cnnews run; JSONL text is always UTF-8")
	maxSize      = flag.Int("max-size", 64<<20, "largest JSONL line in bytes; longer ones are rejected")
	removed      = flag.Bool("removed", false, "include every removal in the output")
	noDedupe     = flag.Bool("no-dedupe", false, "keep duplicates")
)

// own names the flags of cnnews-beam itself, listed before Beam's.
var own = map[string]bool{"input": true, "output": true, "shards": true, "convert": true, "punct": true, "repair": true,
	"without": true, "keep-captions": true, "lossy": true, "max-size": true, "removed": true, "no-dedupe": true}

// usage lists cnnews-beam's own flags, then those of Beam and its runners.
func usage() {
	out := flag.CommandLine.Output()
	fmt.Fprintf(out, "Usage: cnnews-beam --input GLOB --output DIR [flags] [Beam flags]\n\ncnnews-beam's flags:\n")
	mine := flag.NewFlagSet("cnnews-beam", flag.ContinueOnError)
	theirs := flag.NewFlagSet("beam", flag.ContinueOnError)
	flag.VisitAll(func(f *flag.Flag) {
		set := theirs
		if own[f.Name] {
			set = mine
		}
		set.Var(f.Value, f.Name, f.Usage)
	})
	mine.SetOutput(out)
	mine.PrintDefaults()
	fmt.Fprintf(out, "\nApache Beam's flags (runner, job server, environment, …):\n")
	theirs.SetOutput(out)
	theirs.PrintDefaults()
}

func main() {
	flag.Usage = usage
	flag.Parse()
	beam.Init() // a worker process started by a runner never returns from here
	if *input == "" || *output == "" {
		var missing []string
		for name, v := range map[string]string{"--input GLOB": *input, "--output DIR": *output} {
			if v == "" {
				missing = append(missing, name)
			}
		}
		sort.Strings(missing)
		fmt.Fprintf(os.Stderr, "cnnews-beam: missing %s (cnnews-beam --help lists every flag)\n", strings.Join(missing, " and "))
		os.Exit(2)
	}
	o := cnbeam.Options{Convert: *convertCfg, Punct: *punct, Repair: *repair, KeepCaptions: *keepCaptions, Lossy: *lossy,
		MaxSize: *maxSize, Removed: *removed, NoDedupe: *noDedupe}
	if *without != "" {
		o.Without = strings.Split(*without, ",")
	}
	if err := o.Check(); err != nil {
		fmt.Fprintf(os.Stderr, "cnnews-beam: %v\n", err)
		os.Exit(2)
	}
	p, s := beam.NewPipelineWithRoot()
	cnbeam.Build(s, *input, *output, *shards, o)
	start := time.Now()
	res, err := beamx.RunWithMetrics(context.Background(), p)
	if err != nil {
		log.Fatalf("cnnews-beam: %v", err)
	}
	if res != nil {
		printSummary(os.Stderr, res.Metrics().AllMetrics().Counters(), time.Since(start))
	}
}

// printSummary prints the pipeline's counters as cnnews run prints its
// summary.
func printSummary(w io.Writer, counters []metrics.CounterResult, elapsed time.Duration) {
	sum := map[string]int64{}
	for _, c := range counters {
		if c.Namespace() == "cnnews" {
			sum[c.Name()] += c.Result()
		}
	}
	var rejected int64
	var reasons []string
	for name, n := range sum {
		if reason, ok := strings.CutPrefix(name, cnbeam.CounterRejected); ok {
			rejected += n
			reasons = append(reasons, fmt.Sprintf("%s %d", reason, n))
		}
	}
	sort.Strings(reasons)
	fmt.Fprintf(w, "cnnews-beam: read %d, written %d, duplicates dropped %d, rejected %d in %.1fs\n",
		sum[cnbeam.CounterRead], sum[cnbeam.CounterWritten], sum[cnbeam.CounterDuplicates], rejected, elapsed.Seconds())
	if len(reasons) > 0 {
		fmt.Fprintf(w, "  rejected   %s\n", strings.Join(reasons, ", "))
	}
}

package cnbeam

import (
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"io"
	"slices"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/cnnews/cnnews"
	"github.com/cnnews/cnnews/clean"
	"github.com/cnnews/cnnews/dedupe"
	"github.com/cnnews/cnnews/internal/corpus"
)

// Options are the settings of cnnews run that change results. They are
// plain values, copied into every worker.
type Options struct {
	Convert      string   // an OpenCC configuration, "" for none
	Punct        bool     // repair punctuation
	Repair       bool     // repair character-by-character conversion (cnnews run --repair)
	Without      []string // rule or category names switched off
	KeepCaptions bool
	Lossy        bool
	MaxSize      int  // the largest record in bytes; 0 for cnnews.DefaultMaxSize
	Removed      bool // include every removal in the output lines
	NoDedupe     bool // keep copies
}

func (o Options) maxSize() int {
	if o.MaxSize <= 0 {
		return cnnews.DefaultMaxSize
	}
	return o.MaxSize
}

// Check reports options the workers would reject, before a job starts.
func (o Options) Check() error {
	_, err := o.pipeline()
	return err
}

// pipeline builds the root pipeline the options describe, as cnnews run
// does.
func (o Options) pipeline() (*cnnews.Pipeline, error) {
	return corpus.Settings{Convert: o.Convert, Punct: o.Punct, Repair: o.Repair, Without: o.Without, KeepCaptions: o.KeepCaptions,
		Lossy: o.Lossy, MaxSize: o.MaxSize}.Pipeline()
}

// Item is one line of a JSONL input. Key orders items as cnnews run reads
// them: by file, then line.
type Item struct {
	Key    string
	ID     string
	File   string
	Line   int
	Text   string
	Format string
	Reason string // set when the line is rejected before processing
	Error  string
}

// Doc is a processed article: its JSON output line and its signature.
type Doc struct {
	Key   string
	ID    string
	Input string
	Line  int
	JSON  []byte
	Sig   []byte
}

// Member is an article in a band or exact-hash group.
type Member struct {
	Key string
	ID  string
	Sig []byte
}

// Dup says that the article at Key copies the earlier article Of.
type Dup struct {
	Key        string
	Of         string
	Similarity float64
}

// Line is an output line and its place in input order.
type Line struct {
	Key  string
	JSON []byte
}

func init() {
	register.DoFn3x1[context.Context, fileio.ReadableFile, func(Item), error](&readFn{})
	register.Emitter1[Item]()
	register.DoFn4x0[context.Context, Item, func(Doc), func(Line)](&processFn{})
	register.Emitter1[Doc]()
	register.Emitter1[Line]()
	register.DoFn2x0[Doc, func(string, Member)](&keysFn{})
	register.Emitter2[string, Member]()
	register.DoFn3x0[string, func(*Member) bool, func(string, Dup)](&groupFn{})
	register.Iter1[Member]()
	register.Emitter2[string, Dup]()
	register.Function1x2[Doc, string, Doc](keyDoc)
	register.Function1x2[Doc, string, string](idKey)
	register.Function3x0[string, func(*string) bool, func(string, string)](laterIDs)
	register.Iter1[string]()
	register.Emitter2[string, string]()
	register.DoFn6x0[context.Context, string, func(*Doc) bool, func(*string) bool, func(Doc), func(Line)](&idJoinFn{})
	register.DoFn6x0[context.Context, string, func(*Doc) bool, func(*Dup) bool, func(Line), func(Line)](&joinFn{})
	register.Iter1[Doc]()
	register.Iter1[Dup]()
	register.Function2x1[context.Context, Doc, Line](docLine)
	register.DoFn1x2[Line, int, Line](&shardFn{})
	register.DoFn4x1[context.Context, int, func(*Line) bool, func(string), error](&writeFn{})
	register.Iter1[Line]()
	register.Emitter1[string]()
}

// orderKey is the place of line n of file in input order.
func orderKey(file string, n int) string { return fmt.Sprintf("%s\x00%012d", file, n) }

// ReadJSONL reads every file the glob matches as JSONL, one Item per
// non-blank line. A line over maxSize bytes is an Item with Reason
// "too-large" and its line number; an unreadable file an Item with
// Reason "read".
func ReadJSONL(s beam.Scope, glob string, maxSize int) beam.PCollection {
	s = s.Scope("ReadJSONL")
	files := fileio.ReadMatches(s, fileio.MatchFiles(s, glob))
	return beam.ParDo(s, &readFn{MaxSize: maxSize}, files)
}

type readFn struct{ MaxSize int }

func (f *readFn) ProcessElement(ctx context.Context, file fileio.ReadableFile, emit func(Item)) error {
	name := file.Metadata.Path
	rc, err := file.Open(ctx)
	if err != nil {
		emit(Item{Key: orderKey(name, 0), ID: name, File: name, Reason: string(corpus.Read), Error: err.Error()})
		return nil
	}
	defer rc.Close()
	br := bufio.NewReaderSize(rc, 1<<20)
	for n := 1; ; n++ {
		line, tooLong, err := corpus.ReadLine(br, f.MaxSize)
		if err != nil && err != io.EOF {
			emit(Item{Key: orderKey(name, n), ID: name, File: name, Line: n, Reason: string(corpus.Read), Error: err.Error()})
			return nil
		}
		if len(bytes.TrimSpace(line)) > 0 || tooLong {
			in, rej := corpus.ParseLine(name, n, line, tooLong, f.MaxSize)
			it := Item{Key: orderKey(name, n), ID: in.ID, File: name, Line: n, Text: in.Text, Format: string(in.Format)}
			if rej != nil {
				it.Text, it.Reason, it.Error = "", string(rej.Reason), rej.Error
			}
			emit(it)
		}
		if err == io.EOF {
			return nil
		}
	}
}

// Process runs each Item through the root pipeline. It returns the
// processed articles (Doc) and the lines of rejected items (Line).
func Process(s beam.Scope, items beam.PCollection, o Options) (docs, rejected beam.PCollection) {
	s = s.Scope("Process")
	return beam.ParDo2(s, &processFn{O: o}, items)
}

type processFn struct {
	O   Options
	p   *cnnews.Pipeline
	idx *dedupe.Index
}

func (f *processFn) Setup() error {
	var err error
	if f.p, err = f.O.pipeline(); err != nil {
		return err
	}
	f.idx, err = dedupe.NewIndex()
	return err
}

func (f *processFn) ProcessElement(ctx context.Context, it Item, kept func(Doc), rejected func(Line)) {
	counter(CounterRead).Inc(ctx, 1)
	reject := func(r *corpus.Rejection) {
		counter(CounterRejected+string(r.Reason)).Inc(ctx, 1)
		b, _ := corpus.Marshal(r)
		rejected(Line{Key: it.Key, JSON: b})
	}
	if it.Reason != "" {
		reject(&corpus.Rejection{ID: it.ID, Input: it.File, Line: it.Line, Reason: cnnews.Reason(it.Reason), Error: it.Error})
		return
	}
	in := corpus.Input{ID: it.ID, Input: it.File, Line: it.Line, Text: it.Text, Format: clean.Format(it.Format)}
	a, line, rej := corpus.Process(f.p, in, f.O.Removed)
	if rej != nil {
		reject(rej)
		return
	}
	sig, _ := f.idx.Sign(a.Text).MarshalBinary()
	kept(Doc{Key: it.Key, ID: it.ID, Input: it.File, Line: it.Line, JSON: line, Sig: sig})
}

// Dedupe drops every article that copies an earlier one (in input order).
// It returns the kept articles' lines and the lines of the dropped copies,
// each naming an earlier article it copies. As in cnnews run, an article
// whose ID an earlier article has is dropped first, as "duplicate-id": IDs
// name the articles copies are of.
func Dedupe(s beam.Scope, docs beam.PCollection) (kept, dropped beam.PCollection) {
	s = s.Scope("Dedupe")
	keyed := beam.ParDo(s, keyDoc, docs)
	later := beam.ParDo(s, laterIDs, beam.GroupByKey(s, beam.ParDo(s, idKey, docs)))
	unique, idDropped := beam.ParDo2(s, &idJoinFn{}, beam.CoGroupByKey(s, keyed, later))
	members := beam.ParDo(s, &keysFn{}, unique)
	dups := beam.ParDo(s, &groupFn{}, beam.GroupByKey(s, members))
	kept, dropped = beam.ParDo2(s, &joinFn{}, beam.CoGroupByKey(s, beam.ParDo(s, keyDoc, unique), dups))
	return kept, beam.Flatten(s, dropped, idDropped)
}

// idKey keys an article's place in input order by its ID.
func idKey(d Doc) (string, string) { return d.ID, d.Key }

// laterIDs emits, for one ID, the places of every article after the first
// that has it.
func laterIDs(id string, keys func(*string) bool, emit func(string, string)) {
	var all []string
	var k string
	for keys(&k) {
		all = append(all, k)
	}
	slices.Sort(all)
	for _, k := range all[1:] {
		emit(k, id)
	}
}

type idJoinFn struct{}

// ProcessElement passes on an article unless an earlier one has its ID.
func (f *idJoinFn) ProcessElement(ctx context.Context, key string, docs func(*Doc) bool, taken func(*string) bool, unique func(Doc), dropped func(Line)) {
	var d Doc
	if !docs(&d) {
		return
	}
	var id string
	if !taken(&id) {
		unique(d)
		return
	}
	counter(CounterRejected+string(corpus.DuplicateID)).Inc(ctx, 1)
	b, _ := corpus.Marshal(corpus.Rejection{ID: d.ID, Input: d.Input, Line: d.Line, Reason: corpus.DuplicateID, Error: fmt.Sprintf("id %q is an earlier article's", d.ID)})
	dropped(Line{Key: d.Key, JSON: b})
}

type keysFn struct{ idx *dedupe.Index }

func (f *keysFn) Setup() error {
	var err error
	f.idx, err = dedupe.NewIndex()
	return err
}

// ProcessElement emits the article under each band key and its exact hash.
func (f *keysFn) ProcessElement(d Doc, emit func(string, Member)) {
	var sig dedupe.Signature
	if sig.UnmarshalBinary(d.Sig) != nil {
		return
	}
	m := Member{Key: d.Key, ID: d.ID, Sig: compact(sig)}
	for _, k := range f.idx.BandKeys(sig) {
		emit(fmt.Sprintf("b%016x", k), m)
	}
	emit(fmt.Sprintf("x%016x%016x", sig.Exact.Hi, sig.Exact.Lo), Member{Key: d.Key, ID: d.ID})
}

type groupFn struct{ idx *dedupe.Index }

func (f *groupFn) Setup() error {
	var err error
	f.idx, err = dedupe.NewIndex()
	return err
}

// ProcessElement compares the members of one group in input order: under
// an exact hash every member after the first is a copy; under a band key
// each member is compared with the Window members before it.
func (f *groupFn) ProcessElement(key string, members func(*Member) bool, emit func(string, Dup)) {
	var ms []Member
	var m Member
	for members(&m) {
		ms = append(ms, m)
	}
	if len(ms) < 2 {
		return
	}
	slices.SortFunc(ms, func(a, b Member) int { return strings.Compare(a.Key, b.Key) })
	if key[0] == 'x' {
		for _, c := range ms[1:] {
			emit(c.Key, Dup{Key: c.Key, Of: ms[0].ID, Similarity: 1})
		}
		return
	}
	sigs := make([]dedupe.Signature, len(ms))
	for i := range ms {
		sigs[i] = expand(ms[i].Sig)
	}
	for p := 1; p < len(ms); p++ {
		for q := p - 1; q >= 0 && q >= p-dedupe.Window; q-- {
			if match, ok := f.idx.Duplicates(sigs[q], sigs[p]); ok {
				emit(ms[p].Key, Dup{Key: ms[p].Key, Of: ms[q].ID, Similarity: match.Similarity})
				break
			}
		}
	}
}

// compact keeps what dedupe.Index.Duplicates reads of a signature: the
// exact hash, the shingle count and the low 16 bits of each MinHash value
// (276 bytes instead of 536), for the copies sent to every band group.
func compact(s dedupe.Signature) []byte {
	b := make([]byte, 0, 16+4+2*dedupe.K)
	b = binary.LittleEndian.AppendUint64(b, s.Exact.Hi)
	b = binary.LittleEndian.AppendUint64(b, s.Exact.Lo)
	b = binary.LittleEndian.AppendUint32(b, uint32(s.Shingles))
	for _, v := range s.Min {
		b = binary.LittleEndian.AppendUint16(b, uint16(v))
	}
	return b
}

// expand reads a compact signature back, with the high bits of each
// MinHash value zero.
func expand(b []byte) dedupe.Signature {
	var s dedupe.Signature
	if len(b) != 16+4+2*dedupe.K {
		return s
	}
	s.Exact.Hi, s.Exact.Lo = binary.LittleEndian.Uint64(b), binary.LittleEndian.Uint64(b[8:])
	s.Shingles = int(binary.LittleEndian.Uint32(b[16:]))
	for i := range s.Min {
		s.Min[i] = uint32(binary.LittleEndian.Uint16(b[20+2*i:]))
	}
	return s
}

func keyDoc(d Doc) (string, Doc) { return d.Key, d }

type joinFn struct{}

// ProcessElement keeps an article no group found a copy of an earlier one.
func (f *joinFn) ProcessElement(ctx context.Context, key string, docs func(*Doc) bool, dups func(*Dup) bool, kept, dropped func(Line)) {
	var d Doc
	if !docs(&d) {
		return
	}
	best, found := Dup{}, false
	var x Dup
	for dups(&x) {
		if !found || x.Similarity > best.Similarity || (x.Similarity == best.Similarity && x.Of < best.Of) {
			best, found = x, true
		}
	}
	if !found {
		counter(CounterWritten).Inc(ctx, 1)
		kept(Line{Key: d.Key, JSON: d.JSON})
		return
	}
	counter(CounterDuplicates).Inc(ctx, 1)
	b, _ := corpus.Marshal(corpus.Rejection{ID: d.ID, Input: d.Input, Line: d.Line, Reason: corpus.Duplicate, Of: best.Of, Similarity: best.Similarity})
	dropped(Line{Key: d.Key, JSON: b})
}

func docLine(ctx context.Context, d Doc) Line {
	counter(CounterWritten).Inc(ctx, 1)
	return Line{Key: d.Key, JSON: d.JSON}
}

// The counters the pipeline keeps, in namespace "cnnews": records read,
// articles written, copies dropped, and rejections by reason (the name
// CounterRejected followed by the reason, such as "rejected.json").
const (
	CounterRead       = "read"
	CounterWritten    = "written"
	CounterDuplicates = "duplicates"
	CounterRejected   = "rejected."
)

func counter(name string) beam.Counter { return beam.NewCounter("cnnews", name) }

// WriteSharded writes lines to DIR/PREFIX-SSSSS-of-NNNNN.jsonl: each line
// goes to a shard by a hash of its key, and each shard is written by one
// worker, sorted in input order. Shards that receive no line are not
// written. It returns the names of the files written.
func WriteSharded(s beam.Scope, dir, prefix string, shards int, lines beam.PCollection) beam.PCollection {
	s = s.Scope("WriteSharded." + prefix)
	keyed := beam.ParDo(s, &shardFn{Shards: shards}, lines)
	return beam.ParDo(s, &writeFn{Dir: dir, Prefix: prefix, Shards: shards}, beam.GroupByKey(s, keyed))
}

type shardFn struct{ Shards int }

func (f *shardFn) ProcessElement(l Line) (int, Line) {
	h := fnv.New32a()
	h.Write([]byte(l.Key))
	return int(h.Sum32() % uint32(max(f.Shards, 1))), l
}

type writeFn struct {
	Dir, Prefix string
	Shards      int
}

func (f *writeFn) ProcessElement(ctx context.Context, shard int, lines func(*Line) bool, emit func(string)) error {
	var all []Line
	var l Line
	for lines(&l) {
		all = append(all, l)
	}
	slices.SortFunc(all, func(a, b Line) int { return strings.Compare(a.Key, b.Key) })
	name := fmt.Sprintf("%s/%s-%05d-of-%05d.jsonl", strings.TrimRight(f.Dir, "/"), f.Prefix, shard, f.Shards)
	fs, err := filesystem.New(ctx, name)
	if err != nil {
		return err
	}
	defer fs.Close()
	w, err := fs.OpenWrite(ctx, name)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	for _, l := range all {
		if _, err := bw.Write(l.JSON); err != nil {
			w.Close()
			return err
		}
	}
	if err := bw.Flush(); err != nil {
		w.Close()
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	emit(name)
	return nil
}

// Build adds the whole corpus pipeline to s: read the JSONL shards glob
// matches, process, drop copies, and write DIR/kept-*.jsonl and
// DIR/rejected-*.jsonl in shards. It returns the names of the files
// written.
func Build(s beam.Scope, glob, dir string, shards int, o Options) beam.PCollection {
	items := ReadJSONL(s, glob, o.maxSize())
	docs, rejected := Process(s, items, o)
	var kept beam.PCollection
	if o.NoDedupe {
		kept = beam.ParDo(s, docLine, docs)
	} else {
		var dropped beam.PCollection
		kept, dropped = Dedupe(s, docs)
		rejected = beam.Flatten(s, rejected, dropped)
	}
	return beam.Flatten(s,
		WriteSharded(s, dir, "kept", shards, kept),
		WriteSharded(s, dir, "rejected", shards, rejected))
}

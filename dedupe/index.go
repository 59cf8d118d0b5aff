package dedupe

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
	"sync"
	"time"

	"github.com/zeebo/xxh3"
)

// Option configures an [Index].
type Option func(*config) error

type config struct {
	shingle     int
	bands, rows int
	jaccard     float64
	containment float64
}

func defaults() config {
	return config{shingle: 5, bands: 20, rows: 6, jaccard: 0.7, containment: 0.8}
}

// Shingle sets the length of the character n-grams compared (default 5).
func Shingle(n int) Option {
	return func(c *config) error {
		if n < 1 {
			return fmt.Errorf("dedupe: shingle length %d: want at least 1", n)
		}
		c.shingle = n
		return nil
	}
}

// Bands sets the LSH banding: bands of rows MinHash values each (default
// 20 × 6); bands × rows may not exceed 128. More bands or fewer rows find
// less similar copies, at the cost of more candidates to verify.
func Bands(bands, rows int) Option {
	return func(c *config) error {
		if bands < 1 || rows < 1 || bands*rows > K {
			return fmt.Errorf("dedupe: %d bands × %d rows: want both at least 1 and at most %d values", bands, rows, K)
		}
		c.bands, c.rows = bands, rows
		return nil
	}
}

// Threshold sets the similarities that make a candidate a duplicate:
// Jaccard similarity of the shingle sets at least jaccard (default 0.7),
// or containment of the smaller set in the larger at least containment
// (default 0.8, an excerpt of a longer copy).
func Threshold(jaccard, containment float64) Option {
	return func(c *config) error {
		if jaccard <= 0 || jaccard > 1 || containment <= 0 || containment > 1 {
			return fmt.Errorf("dedupe: thresholds %v and %v: want each in (0, 1]", jaccard, containment)
		}
		c.jaccard, c.containment = jaccard, containment
		return nil
	}
}

// ErrDuplicateID is the error [Index.Add], [Index.AddSignature] and
// [Clusters] wrap when a document's ID is already taken: IDs name
// documents in every [Match], so each must be unique.
var ErrDuplicateID = errors.New("ID already indexed")

// Match is an earlier document a new one duplicates.
type Match struct {
	ID         string
	Similarity float64 // Jaccard similarity (1 for an exact copy), or containment for an excerpt
	Exact      bool    // the normalised texts are identical
}

// Index finds near-duplicates among documents added one at a time. It is
// safe for concurrent use. For each document it keeps the low 16 bits of
// each MinHash value (256 bytes; two documents agree on a bin by chance
// once in 65,536), the exact hash, the shingle count, entries in the
// exact-hash and ID maps and one posting per band in an open-addressing
// table: about 800 bytes beyond the caller's ID ([Index.Bytes] gives the
// figure for an index).
type Index struct {
	cfg   config
	mu    sync.RWMutex
	docs  []entry  // pointer-free, so that the collector does not scan it
	names []string // the documents' IDs
	ids   map[string]struct{}
	exact map[xxh3.Uint128]int32
	// band postings: slots of (band key, last document with it), and for
	// each document and band the previous document with the same key
	keys  []uint32
	heads []int32
	used  int
	next  []int32
}

// Window is how many earlier documents with the same band key Add
// looks at, newest first: a story copied ten thousand times costs no more
// to add than one copied a hundred times, and a new copy still finds the
// latest members of its cluster.
const Window = 100

type entry struct {
	min      [K]uint16
	exact    xxh3.Uint128
	shingles int32
}

// NewIndex returns an empty Index.
func NewIndex(opts ...Option) (*Index, error) {
	cfg := defaults()
	for _, o := range opts {
		if err := o(&cfg); err != nil {
			return nil, err
		}
	}
	x := &Index{cfg: cfg, ids: map[string]struct{}{}, exact: map[xxh3.Uint128]int32{}, keys: make([]uint32, 1024), heads: make([]int32, 1024)}
	return x, nil
}

// slot finds the slot of a band key, or the empty slot it would take.
func (x *Index) slot(key uint32) int {
	mask := len(x.keys) - 1
	for i := int(key*0x9E3779B1) & mask; ; i = (i + 1) & mask {
		if x.keys[i] == key || x.keys[i] == 0 {
			return i
		}
	}
}

// grow doubles the postings table.
func (x *Index) grow() {
	keys, heads := x.keys, x.heads
	x.keys, x.heads = make([]uint32, 2*len(keys)), make([]int32, 2*len(keys))
	for i, k := range keys {
		if k != 0 {
			j := x.slot(k)
			x.keys[j], x.heads[j] = k, heads[i]
		}
	}
}

// bandKey is the 32-bit key of band b of a signature (never 0).
func bandKey(sig *[K]uint32, b, rows int) uint32 {
	var buf [4 * K]byte
	row := sig[b*rows : (b+1)*rows]
	for i, v := range row {
		binary.LittleEndian.PutUint32(buf[4*i:], v)
	}
	k := uint32(xxh3.HashSeed(buf[:4*len(row)], uint64(b)))
	if k == 0 {
		k = 1
	}
	return k
}

// Sign computes the signature of a text as this index compares it.
func (x *Index) Sign(text string) Signature {
	var s Signature
	g := signers.Get().(*signer)
	norm, chars := normalize(text)
	g.signNormalized(norm, chars, x.cfg.shingle, &s)
	signers.Put(g)
	return s
}

// estimate returns the Jaccard similarity the signatures estimate and the
// containment of the smaller set in the larger that follows from it and
// the sets' sizes.
func estimate(a *[K]uint32, na int, b *entry) (jaccard, containment float64) {
	same := 0
	for i := range a {
		if uint16(a[i]) == b.min[i] {
			same++
		}
	}
	j := float64(same) / K
	small := min(na, int(b.shingles))
	if small == 0 {
		return j, 0
	}
	inter := j / (1 + j) * float64(na+int(b.shingles))
	return j, min(1, inter/float64(small))
}

// Add indexes a document and returns the earlier documents it duplicates,
// most similar first: an exact copy of the normalised text, or a candidate
// from the LSH bands whose signatures estimate a Jaccard similarity or a
// containment at or above the thresholds. A text with nothing left once
// normalised (empty, or punctuation only) matches nothing. An ID already
// indexed is an error wrapping [ErrDuplicateID], and the document is not
// added.
func (x *Index) Add(id, text string) ([]Match, error) {
	return x.AddSignature(id, x.Sign(text))
}

// AddSignature is [Index.Add] for a signature computed with [Index.Sign],
// so that signing can run outside the index's lock, on many cores.
func (x *Index) AddSignature(id string, s Signature) ([]Match, error) {
	cs, err := x.add(id, s, true)
	if len(cs) == 0 {
		return nil, err
	}
	out := make([]Match, len(cs))
	for i, c := range cs {
		out[i] = c.Match
	}
	return out, err
}

// candidate is an earlier document add found, with its position.
type candidate struct {
	Match
	at int32
}

// add indexes s and returns the earlier documents it duplicates, most
// similar first; with filter, candidates must pass the estimated
// thresholds, without, every candidate the bands propose is returned for
// the caller to verify.
func (x *Index) add(id string, s Signature, filter bool) ([]candidate, error) {
	var keys [K]uint32
	for b := 0; b < x.cfg.bands; b++ {
		keys[b] = bandKey(&s.Min, b, x.cfg.rows)
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	if _, taken := x.ids[id]; taken {
		return nil, fmt.Errorf("dedupe: %q: %w", id, ErrDuplicateID)
	}
	x.ids[id] = struct{}{}
	n := int32(len(x.docs))
	if s.Shingles == 0 {
		// nothing to compare (the text is empty once normalised): no
		// copy of anything, and nothing is a copy of it
		for range x.cfg.bands {
			x.next = append(x.next, -1)
		}
		x.docs = append(x.docs, newEntry(s))
		x.names = append(x.names, id)
		return nil, nil
	}
	var out []candidate
	exactOf, isCopy := x.exact[s.Exact]
	if isCopy {
		out = append(out, candidate{Match{ID: x.names[exactOf], Similarity: 1, Exact: true}, exactOf})
	} else {
		x.exact[s.Exact] = n
	}
	seen := map[int32]bool{}
	if isCopy {
		seen[exactOf] = true
	}
	for b := 0; b < x.cfg.bands; b++ {
		if 4*(x.used+1) > 3*len(x.keys) {
			x.grow()
		}
		i := x.slot(keys[b])
		head := int32(-1)
		if x.keys[i] == 0 {
			x.keys[i] = keys[b]
			x.used++
		} else {
			head = x.heads[i]
		}
		walked := 0
		for j := head; j >= 0 && walked < Window; j = x.next[int(j)*x.cfg.bands+b] {
			walked++
			if seen[j] {
				continue
			}
			seen[j] = true
			e := &x.docs[j]
			m, ok, jac := x.judge(&s, e)
			switch {
			case ok:
				m.ID = x.names[j]
				out = append(out, candidate{m, j})
			case !filter:
				out = append(out, candidate{Match{ID: x.names[j], Similarity: jac}, j})
			}
		}
		x.next = append(x.next, head)
		x.heads[i] = n
	}
	x.docs = append(x.docs, newEntry(s))
	x.names = append(x.names, id)
	sort.SliceStable(out, func(a, b int) bool { return out[a].Similarity > out[b].Similarity })
	return out, nil
}

// judge applies the rule by which a new document s duplicates an indexed
// one e: the same exact hash, or an estimated Jaccard similarity or
// containment at or above the thresholds. It also returns the estimated
// Jaccard similarity. The Match has no ID.
func (x *Index) judge(s *Signature, e *entry) (m Match, ok bool, jaccard float64) {
	jac, con := estimate(&s.Min, s.Shingles, e)
	switch {
	case e.exact == s.Exact:
		return Match{Similarity: 1, Exact: true}, true, jac
	case jac >= x.cfg.jaccard:
		return Match{Similarity: jac}, true, jac
	case con >= x.cfg.containment:
		return Match{Similarity: con}, true, jac
	}
	return Match{}, false, jac
}

// Len returns the number of documents indexed.
func (x *Index) Len() int {
	x.mu.RLock()
	defer x.mu.RUnlock()
	return len(x.docs)
}

// Bytes estimates the memory the index holds beyond the documents' IDs:
// for each document its signature (2 × 128 bytes for the MinHash, 16 for
// the exact hash, 4 for the count), its entries in the exact and ID maps,
// and one posting in each band.
func (x *Index) Bytes() int {
	x.mu.RLock()
	defer x.mu.RUnlock()
	per := 2*K + 16 + 4 + 16 /* the ID's string header */ + 40 /* exact map entry */ + 40 /* ID map entry */ + 4*x.cfg.bands /* next */
	return len(x.docs)*per + 8*len(x.keys)
}

// Doc is a document for [Clusters] and [Clusterer.Add].
type Doc struct {
	ID   string
	Text string
	Date time.Time // for the Earliest policy; zero when unknown
}

// Policy chooses which copy of a cluster to keep.
type Policy int

// The keeper policies.
const (
	Longest  Policy = iota // the longest text; ties: first seen
	Earliest               // the earliest Date; undated documents last; ties: longest
	First                  // the first document given
)

// String returns the policy's name as cnnews dedupe --keep takes it:
// "longest", "earliest" or "first".
func (p Policy) String() string {
	switch p {
	case Longest:
		return "longest"
	case Earliest:
		return "earliest"
	case First:
		return "first"
	}
	return fmt.Sprintf("Policy(%d)", int(p))
}

// Cluster is a group of copies: the document to keep and the others, each
// with the similarity that joined it to the cluster.
type Cluster struct {
	Keep       string
	Duplicates []Match
}

// Clusters finds the clusters of copies among docs: every document is
// signed and indexed, each candidate pair the bands propose is verified
// exactly on the shingle sets (Jaccard or containment at or above the
// thresholds), and verified pairs are joined with union-find. Only
// clusters of two or more are returned, in the order of their first
// document; in each, the keeper is chosen by policy. It is a [Clusterer]
// fed docs in order; for a corpus too large to hold, use a Clusterer.
func Clusters(docs []Doc, policy Policy, opts ...Option) ([]Cluster, error) {
	c, err := NewClusterer(policy, func(i int) (string, error) { return docs[i].Text, nil }, opts...)
	if err != nil {
		return nil, err
	}
	for _, d := range docs {
		if err := c.Add(d); err != nil {
			return nil, err
		}
	}
	return c.Clusters(), nil
}

// Clusterer finds clusters of copies among documents added one at a time,
// as [Clusters] does, without holding their texts: when a candidate pair
// needs its earlier document's text for the exact check, it asks text
// for it by position (the first document added is 0). Beyond the index it
// keeps, for each document, its ID, text length, date and a few numbers
// (about 100 bytes). A Clusterer is not safe for concurrent use.
type Clusterer struct {
	x      *Index
	policy Policy
	text   func(i int) (string, error)
	docs   []docInfo
	parent []int
	sim    []float64 // similarity that joined a document to its cluster
	g      signer
	// shingle sets of the document being added and of an earlier one
	mine, theirs []uint64
}

// docInfo is what a Clusterer keeps of a document beside its ID, which
// the index keeps.
type docInfo struct {
	size  int // bytes of text, for the Longest policy
	date  time.Time
	exact xxh3.Uint128
}

// NewClusterer returns an empty Clusterer that keeps copies by policy
// and reads earlier texts through text.
func NewClusterer(policy Policy, text func(i int) (string, error), opts ...Option) (*Clusterer, error) {
	x, err := NewIndex(opts...)
	if err != nil {
		return nil, err
	}
	return &Clusterer{x: x, policy: policy, text: text}, nil
}

// Add signs and indexes d, checks exactly every earlier document the bands
// propose and joins d to the clusters of those it copies. An ID already
// added is an error wrapping [ErrDuplicateID], and d is not added. An
// error from the text function is returned naming the earlier document;
// d is then added, without the copies that check would have found.
func (c *Clusterer) Add(d Doc) error {
	i := len(c.docs)
	norm, chars := normalize(d.Text)
	var s Signature
	c.g.signNormalized(norm, chars, c.x.cfg.shingle, &s)
	ms, err := c.x.add(d.ID, s, false)
	if err != nil {
		return err // an ID already added
	}
	c.docs = append(c.docs, docInfo{size: len(d.Text), date: d.Date, exact: s.Exact})
	c.parent = append(c.parent, i)
	c.sim = append(c.sim, 0)
	c.mine = c.mine[:0]
	for _, m := range ms {
		j := int(m.at)
		score := m.Similarity
		if !m.Exact {
			if len(c.mine) == 0 {
				c.mine = shingles(norm, c.x.cfg.shingle, c.mine) // sorted, for the exact check
			}
			earlier, err := c.text(j)
			if err != nil {
				return fmt.Errorf("dedupe: text of %q: %w", m.ID, err)
			}
			c.theirs = shingles(Normalize(earlier), c.x.cfg.shingle, c.theirs)
			jac, con := exactSimilarity(c.mine, c.theirs)
			switch {
			case jac >= c.x.cfg.jaccard:
				score = jac
			case con >= c.x.cfg.containment:
				score = con
			default:
				continue
			}
		}
		if ri, rj := c.find(i), c.find(j); ri != rj {
			c.parent[ri] = rj
			if c.sim[i] == 0 {
				c.sim[i] = score
			}
		}
	}
	return nil
}

func (c *Clusterer) find(i int) int {
	for c.parent[i] != i {
		c.parent[i] = c.parent[c.parent[i]]
		i = c.parent[i]
	}
	return i
}

// Clusters returns the clusters of two or more documents found so far, in
// the order of their first document, each with its keeper chosen by the
// policy.
func (c *Clusterer) Clusters() []Cluster {
	groups := map[int][]int{}
	var order []int
	for i := range c.docs {
		r := c.find(i)
		if _, ok := groups[r]; !ok {
			order = append(order, r)
		}
		groups[r] = append(groups[r], i)
	}
	var out []Cluster
	for _, r := range order {
		members := groups[r]
		if len(members) < 2 {
			continue
		}
		keep := members[0]
		for _, m := range members[1:] {
			if better(c.docs[m], c.docs[keep], c.policy) {
				keep = m
			}
		}
		cl := Cluster{Keep: c.x.names[keep]}
		for _, m := range members {
			if m == keep {
				continue
			}
			s := c.sim[m]
			if s == 0 {
				s = c.sim[keep]
			}
			cl.Duplicates = append(cl.Duplicates, Match{ID: c.x.names[m], Similarity: s, Exact: c.docs[m].exact == c.docs[keep].exact})
		}
		out = append(out, cl)
	}
	return out
}

func better(a, b docInfo, p Policy) bool {
	switch p {
	case Earliest:
		switch {
		case !a.date.IsZero() && (b.date.IsZero() || a.date.Before(b.date)):
			return true
		case a.date.Equal(b.date):
			return a.size > b.size
		}
		return false
	case First:
		return false
	}
	return a.size > b.size
}

// exactSimilarity returns the Jaccard similarity of two sorted shingle
// sets and the containment of the smaller in the larger.
func exactSimilarity(a, b []uint64) (jaccard, containment float64) {
	inter := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			inter++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	union := len(a) + len(b) - inter
	if union == 0 {
		return 1, 1
	}
	return float64(inter) / float64(union), float64(inter) / float64(min(len(a), len(b)))
}

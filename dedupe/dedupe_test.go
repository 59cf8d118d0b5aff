package dedupe

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"
)

func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{
		"複工就是穩就業(ye) ，複產(chan) 就是穩經濟。": "复工就是稳就业复产就是稳经济",
		"ＡＢＣ　１２３，Hello World!":         "abc123helloworld",
		"“阳泉”（朔州）":                     "阳泉朔州",
		"":                             "",
		"Cafe\u0301，阳泉":                "caf\u00e9阳泉",
	} {
		if got := Normalize(in); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
	}
}

// mustAdd is Index.Add for IDs the test knows to be new.
func mustAdd(t testing.TB, x *Index, id, text string) []Match {
	t.Helper()
	m, err := x.Add(id, text)
	if err != nil {
		t.Fatalf("Add(%q): %v", id, err)
	}
	return m
}

func TestDuplicateID(t *testing.T) {
	x, _ := NewIndex()
	a := seedArticles(t)["002"]
	mustAdd(t, x, "a", a)
	m, err := x.Add("a", seedArticles(t)["000"])
	if !errors.Is(err, ErrDuplicateID) || m != nil || !strings.Contains(err.Error(), `"a"`) {
		t.Errorf("second document with ID a: %v, %+v", err, m)
	}
	if x.Len() != 1 {
		t.Errorf("the refused document was indexed: Len %d", x.Len())
	}
	// the refused document left no trace: its text matches nothing
	if m := mustAdd(t, x, "b", seedArticles(t)["000"]); len(m) != 0 {
		t.Errorf("refused document matched: %+v", m)
	}
	if _, err := x.AddSignature("b", x.Sign("")); !errors.Is(err, ErrDuplicateID) {
		t.Errorf("AddSignature with a taken ID, empty text: %v", err)
	}
	_, err = Clusters([]Doc{{ID: "x", Text: a}, {ID: "y", Text: a}, {ID: "x", Text: "另一篇"}}, First)
	if !errors.Is(err, ErrDuplicateID) || !strings.Contains(err.Error(), `"x"`) {
		t.Errorf("Clusters with a repeated ID: %v", err)
	}
}

func TestAddExactAndNear(t *testing.T) {
	x, err := NewIndex()
	if err != nil {
		t.Fatal(err)
	}
	a := seedArticles(t)["002"]
	if m := mustAdd(t, x, "a", a); len(m) != 0 {
		t.Errorf("first document matched %+v", m)
	}
	m := mustAdd(t, x, "a-again", "  "+a+"\n")
	if len(m) != 1 || m[0].ID != "a" || !m[0].Exact || m[0].Similarity != 1 {
		t.Errorf("exact copy: %+v", m)
	}
	m = mustAdd(t, x, "a-edited", strings.Replace(a, "开发区", "经开区", 3)+"\n责任编辑：王小明")
	if len(m) < 1 || m[0].Similarity < 0.7 || m[0].Exact {
		t.Errorf("near copy: %+v", m)
	}
	if m := mustAdd(t, x, "b", seedArticles(t)["000"]); len(m) != 0 {
		t.Errorf("a different story matched %+v", m)
	}
	if x.Len() != 4 || x.Bytes() <= 0 {
		t.Errorf("Len %d, Bytes %d", x.Len(), x.Bytes())
	}
}

func TestOptions(t *testing.T) {
	for _, o := range []Option{Shingle(0), Bands(30, 6), Bands(0, 1), Threshold(0, 0.5), Threshold(0.7, 1.5)} {
		if _, err := NewIndex(o); err == nil {
			t.Errorf("option accepted")
		}
	}
	x, err := NewIndex(Shingle(3), Bands(32, 4), Threshold(0.5, 0.6))
	if err != nil || x.cfg.shingle != 3 || x.cfg.bands != 32 || x.cfg.jaccard != 0.5 {
		t.Errorf("%v %+v", err, x.cfg)
	}
}

func TestPolicies(t *testing.T) {
	a := seedArticles(t)["001"]
	day := func(d int) time.Time { return time.Date(2024, 1, d, 0, 0, 0, 0, time.UTC) }
	docs := []Doc{
		{ID: "short", Text: a[:len(a)*3/4], Date: day(3)},
		{ID: "long", Text: a + "\n責任編輯：吉政", Date: day(2)},
		{ID: "plain", Text: a, Date: day(1)},
		{ID: "other", Text: seedArticles(t)["003"]},
	}
	for policy, want := range map[Policy]string{Longest: "long", Earliest: "plain", First: "short"} {
		cs, err := Clusters(docs, policy)
		if err != nil {
			t.Fatal(err)
		}
		if len(cs) != 1 || cs[0].Keep != want || len(cs[0].Duplicates) != 2 {
			t.Errorf("policy %d: %+v, want keeper %s", policy, cs, want)
		}
		for _, d := range cs[0].Duplicates {
			if d.Similarity < 0.7 || d.Similarity > 1 {
				t.Errorf("similarity %v", d.Similarity)
			}
		}
	}
}

func TestShortAndEmpty(t *testing.T) {
	x, _ := NewIndex()
	// texts empty once normalised have nothing to compare: no copies
	mustAdd(t, x, "e1", "")
	if m := mustAdd(t, x, "e2", "，。"); len(m) != 0 {
		t.Errorf("empty texts: %+v", m)
	}
	if c, _ := Clusters([]Doc{{ID: "a", Text: ""}, {ID: "b", Text: "  "}}, First); len(c) != 0 {
		t.Errorf("empty texts clustered: %+v", c)
	}
	mustAdd(t, x, "s1", "阳泉")
	if m := mustAdd(t, x, "s2", "陽泉"); len(m) != 1 || !m[0].Exact {
		t.Errorf("short texts in two scripts: %+v", m)
	}
}

// TestConcurrentAdd adds from many goroutines; run with -race.
func TestConcurrentAdd(t *testing.T) {
	x, _ := NewIndex()
	seeds := seedArticles(t)
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for _, k := range []string{"000", "001", "002", "003", "004"} {
				mustAdd(t, x, fmt.Sprint(g, k), seeds[k])
			}
		}(g)
	}
	wg.Wait()
	if x.Len() != 40 {
		t.Errorf("Len %d", x.Len())
	}
	// every article was added eight times: each later copy matched
	if m := mustAdd(t, x, "last", seeds["004"]); len(m) == 0 || !m[0].Exact {
		t.Errorf("last copy: %+v", m)
	}
}

// TestMemoryPerDocument indexes synthetic articles and measures the heap
// they hold: it must stay under 1 KB a document beyond the IDs.
func TestMemoryPerDocument(t *testing.T) {
	if testing.Short() {
		t.Skip("indexes 20,000 articles")
	}
	const n = 20000
	x, _ := NewIndex()
	ids := make([]string, n)
	for i := range ids {
		ids[i] = fmt.Sprintf("doc-%06d", i)
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	for i := 0; i < n; i++ {
		x.AddSignature(ids[i], synthetic(i))
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	per := float64(after.HeapAlloc-before.HeapAlloc) / n
	t.Logf("heap per indexed document: %.0f bytes (Bytes() says %d)", per, x.Bytes()/x.Len())
	if per >= 1024 || x.Bytes()/x.Len() >= 1024 {
		t.Errorf("%.0f bytes per document (Bytes %d), want under 1024", per, x.Bytes()/x.Len())
	}
	runtime.KeepAlive(x)
}

// synthetic returns the signature of a distinct random document.
func synthetic(i int) Signature {
	var s Signature
	h := uint64(i)*0x9E3779B97F4A7C15 + 1
	for k := range s.Min {
		h ^= h << 13
		h ^= h >> 7
		h ^= h << 17
		s.Min[k] = uint32(h)
	}
	s.Exact.Lo, s.Exact.Hi, s.Shingles = h, uint64(i), 3000
	return s
}

func FuzzAdd(f *testing.F) {
	// short seeds: the fuzzer minimises every input that finds new code,
	// and long ones make that slow
	for _, s := range seedArticles(f) {
		r := []rune(s)
		f.Add(string(r[:min(len(r), 60)]))
	}
	f.Add("複工(ye) 就是穩就業")
	f.Fuzz(func(t *testing.T, s string) {
		n := Normalize(s)
		if ref := normalizeRef(s); n != ref {
			t.Fatalf("Normalize(%q) = %q, the plain version gives %q", s, n, ref)
		}
		var g signer
		var sig Signature
		g.signNormalized(n, utf8.RuneCountInString(n), 5, &sig)
		if sh := shingles(n, 5, nil); sig.Shingles != len(sh) {
			t.Fatalf("%q: %d shingles counted, %d sorted", n, sig.Shingles, len(sh))
		} else if len(sh) > 0 {
			var want [K]uint32
			sign(sh, &want)
			if want != sig.Min {
				t.Fatalf("%q: MinHash differs from the sorted recipe", n)
			}
		}
		if !utf8.ValidString(n) {
			t.Fatalf("invalid UTF-8 from Normalize")
		}
		x, _ := NewIndex()
		mustAdd(t, x, "a", s)
		m := mustAdd(t, x, "b", s)
		if n == "" {
			// nothing to compare: no copy of anything, itself included
			if len(m) != 0 {
				t.Fatalf("a text empty once normalised matched: %+v", m)
			}
			return
		}
		if len(m) == 0 || m[0].ID != "a" || !m[0].Exact {
			t.Fatalf("a document is not an exact duplicate of itself: %+v", m)
		}
	})
}

// TestClusterExact marks as exact only the copies whose normalised text is
// the kept one's: a shortened copy contained whole has similarity 1 and is
// not exact.
func TestClusterExact(t *testing.T) {
	long := strings.Repeat("国务院新闻办公室今天举行发布会，介绍经济运行情况。", 3) + "记者会后，多家媒体追问了细节，发言人一一作答。"
	short := strings.Repeat("国务院新闻办公室今天举行发布会，介绍经济运行情况。", 3)
	c, err := Clusters([]Doc{{ID: "long", Text: long}, {ID: "copy", Text: long + "。"}, {ID: "short", Text: short}}, First)
	if err != nil || len(c) != 1 || c[0].Keep != "long" || len(c[0].Duplicates) != 2 {
		t.Fatalf("%+v, %v", c, err)
	}
	for _, d := range c[0].Duplicates {
		if want := d.ID == "copy"; d.Exact != want {
			t.Errorf("%s: Exact %v, want %v (similarity %.2f)", d.ID, d.Exact, want, d.Similarity)
		}
	}
}

// TestClustererTextError: when the earlier text of a pair cannot be read
// again, Add says which document, and the Clusterer goes on.
func TestClustererTextError(t *testing.T) {
	a := seedArticles(t)["002"]
	texts := []string{a, strings.Replace(a, "开发区", "经开区", 3), a}
	c, _ := NewClusterer(First, func(i int) (string, error) {
		if i == 0 {
			return "", errors.New("file gone") // only the first cannot be read again
		}
		return texts[i], nil
	})
	if err := c.Add(Doc{ID: "orig", Text: texts[0]}); err != nil {
		t.Fatal(err)
	}
	err := c.Add(Doc{ID: "edited", Text: texts[1]})
	if err == nil || !strings.Contains(err.Error(), `text of "orig": file gone`) {
		t.Fatalf("unreadable earlier text: %v", err)
	}
	// the Clusterer goes on: an exact copy needs no text, the edited one
	// is read again
	if err := c.Add(Doc{ID: "copy", Text: texts[2]}); err != nil {
		t.Fatalf("after the error: %v", err)
	}
	if cl := c.Clusters(); len(cl) != 1 || cl[0].Keep != "orig" || len(cl[0].Duplicates) != 2 {
		t.Errorf("clusters %+v", cl)
	}
}

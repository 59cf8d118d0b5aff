package dedupe

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// grouped finds duplicates the distributed way: group by band key and by
// exact hash, compare within a window in input order.
func grouped(x *Index, sigs []Signature) map[int]bool {
	dup := map[int]bool{}
	groups := map[uint64][]int{}
	var order []uint64
	for i, s := range sigs {
		for _, k := range x.BandKeys(s) {
			if groups[k] == nil {
				order = append(order, k)
			}
			groups[k] = append(groups[k], i)
		}
	}
	for _, k := range order {
		g := groups[k]
		for p := range g {
			for q := p - 1; q >= 0 && q >= p-Window; q-- {
				if _, ok := x.Duplicates(sigs[g[q]], sigs[g[p]]); ok {
					dup[g[p]] = true
					break
				}
			}
		}
	}
	first := map[[2]uint64]bool{}
	for i, s := range sigs {
		h := [2]uint64{s.Exact.Hi, s.Exact.Lo}
		if first[h] {
			dup[i] = true
		}
		first[h] = true
	}
	return dup
}

// TestGroupedEqualsAdd checks that the distributed recipe finds exactly
// the documents Add reports, on stories with exact copies, edited copies,
// excerpts, a story copied 250 times (past the window) and unrelated ones.
func TestGroupedEqualsAdd(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	pool := []rune("的一是在不了有和人这中大上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近")
	story := func() string {
		var b strings.Builder
		for range 150 + r.IntN(200) {
			b.WriteRune(pool[r.IntN(len(pool))])
		}
		return b.String()
	}
	edit := func(s string) string {
		rs := []rune(s)
		for range len(rs) / 40 {
			rs[r.IntN(len(rs))] = pool[r.IntN(len(pool))]
		}
		return string(rs)
	}
	var texts []string
	var bases []string
	for i := range 400 {
		switch {
		case i < 100 || len(bases) == 0:
			s := story()
			bases = append(bases, s)
			texts = append(texts, s)
		case i%5 == 0:
			texts = append(texts, bases[r.IntN(len(bases))])
		case i%5 == 1:
			texts = append(texts, edit(bases[r.IntN(len(bases))]))
		case i%5 == 2:
			b := []rune(bases[r.IntN(len(bases))])
			texts = append(texts, string(b[:len(b)*3/4]))
		default:
			s := story()
			bases = append(bases, s)
			texts = append(texts, s)
		}
	}
	viral := story()
	for range 250 {
		texts = append(texts, edit(viral))
	}
	x, _ := NewIndex()
	want := map[int]bool{}
	sigs := make([]Signature, len(texts))
	for i, s := range texts {
		sigs[i] = x.Sign(s)
		if len(mustAdd(t, x, fmt.Sprint(i), s)) > 0 {
			want[i] = true
		}
	}
	got := grouped(x, sigs)
	if len(want) < 300 {
		t.Fatalf("only %d duplicates planted and found; the test needs more", len(want))
	}
	var diff []int
	for i := range texts {
		if got[i] != want[i] {
			diff = append(diff, i)
		}
	}
	slices.Sort(diff)
	if len(diff) > 0 {
		t.Errorf("%d of %d documents differ between Add and the grouped recipe: %v", len(diff), len(texts), diff)
	}
}

func TestSignatureBinary(t *testing.T) {
	x, _ := NewIndex()
	s := x.Sign("国务院新闻办公室今天举行新闻发布会，介绍一季度经济运行情况。")
	b, _ := s.MarshalBinary()
	var u Signature
	if err := u.UnmarshalBinary(b); err != nil || u != s {
		t.Fatalf("round trip: %v", err)
	}
	if err := u.UnmarshalBinary(b[1:]); err == nil {
		t.Error("short input: no error")
	}
}

package dedupe_test

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/cnnews/cnnews/dedupe"
)

const story = "阳泉市召开经济工作会议，部署二〇二四年重点任务。会议强调，要坚持稳中求进，加快推动资源型经济转型。" +
	"会议指出，过去一年全市经济运行总体平稳，工业增加值增长明显，新兴产业发展势头良好。" +
	"会议要求，各级各部门要抓好项目建设，优化营商环境，扎实推进乡村振兴，切实保障和改善民生。"

// traditional is story as a Traditional site republished it, with glosses.
const traditional = "陽泉市召開經濟工作會(hui) 議,部署二〇二四年重點任務。會議強調,要堅持穩中求進,加快推動資源型經濟轉型。" +
	"會議指出,過去一年全市經濟運行總體平穩,工業增加值增長明顯,新興產業發展勢頭良好。" +
	"會議要求,各級各部門要抓好項目建設,優化營商環境,紮實推進鄉村振興,切實保障和改善民生。"

const other = "朔州市举办农产品产销对接会，八十余家企业参加。会上签约项目二十三个，金额达五亿元。" +
	"近年来，朔州市大力发展特色农业，杂粮、奶业等产业不断壮大，农民收入持续增长。"

func ExampleNormalize() {
	fmt.Println(dedupe.Normalize("複工就是穩就業(ye) ，ＡＢＣ 2024！"))
	// Output:
	// 复工就是稳就业abc2024
}

func ExampleIndex() {
	x, _ := dedupe.NewIndex()
	x.Add("xinhua", story)
	x.Add("shuozhou", other)
	matches, _ := x.Add("taiwan-site", traditional) // an error only for an ID already added
	for _, m := range matches {
		fmt.Println(m.ID, m.Exact, m.Similarity > 0.9)
	}
	// Output:
	// xinhua true true
}

func ExampleNewIndex() {
	x, err := dedupe.NewIndex(dedupe.Threshold(0.8, 0.9))
	fmt.Println(x.Len(), err)
	_, err = dedupe.NewIndex(dedupe.Bands(30, 6))
	fmt.Println(err)
	// Output:
	// 0 <nil>
	// dedupe: 30 bands × 6 rows: want both at least 1 and at most 128 values
}

func ExampleIndex_Add() {
	x, _ := dedupe.NewIndex()
	x.Add("a", story)
	m, err := x.Add("b", "　　"+story+"\n")
	fmt.Printf("%+v %v\n", m, err)
	// an ID already indexed is refused
	_, err = x.Add("a", other)
	fmt.Println(err, x.Len())
	// Output:
	// [{ID:a Similarity:1 Exact:true}] <nil>
	// dedupe: "a": ID already indexed 2
}

// ExampleErrDuplicateID shows the error for a document whose ID is
// taken: IDs name documents in every Match, so the second is refused.
func ExampleErrDuplicateID() {
	x, _ := dedupe.NewIndex()
	x.Add("新华社-20240101", story)
	_, err := x.Add("新华社-20240101", other)
	fmt.Println(errors.Is(err, dedupe.ErrDuplicateID))
	_, err = dedupe.Clusters([]dedupe.Doc{{ID: "a", Text: story}, {ID: "a", Text: other}}, dedupe.First)
	fmt.Println(err)
	// Output:
	// true
	// dedupe: "a": ID already indexed
}

func ExampleIndex_Sign() {
	x, _ := dedupe.NewIndex()
	s := x.Sign(story)
	t := x.Sign(traditional)
	fmt.Println(s.Shingles > 100, s.Exact == t.Exact) // one story in two scripts
	// Output:
	// true true
}

func ExampleIndex_AddSignature() {
	// sign on many goroutines, add under the index's lock
	x, _ := dedupe.NewIndex()
	sigs := make([]dedupe.Signature, 2)
	done := make(chan int)
	for i, text := range []string{story, traditional} {
		go func() { sigs[i] = x.Sign(text); done <- i }()
	}
	<-done
	<-done
	x.AddSignature("simplified", sigs[0])
	m, _ := x.AddSignature("traditional", sigs[1])
	fmt.Println(len(m))
	// Output:
	// 1
}

func ExampleIndex_Len() {
	x, _ := dedupe.NewIndex()
	x.Add("a", story)
	x.Add("b", other)
	fmt.Println(x.Len())
	// Output:
	// 2
}

func ExampleIndex_Bytes() {
	x, _ := dedupe.NewIndex()
	for i := 0; i < 1000; i++ {
		x.Add(fmt.Sprint(i), fmt.Sprint(story, i))
	}
	fmt.Println(x.Bytes()/x.Len() < 1024)
	// Output:
	// true
}

func ExampleSignature() {
	x, _ := dedupe.NewIndex()
	s := x.Sign("阳泉")
	fmt.Println(s.Shingles, len(s.Min) == dedupe.K)
	// Output:
	// 1 true
}

func ExampleClusters() {
	docs := []dedupe.Doc{
		{ID: "xinhua", Text: story, Date: time.Date(2024, 1, 8, 9, 0, 0, 0, time.UTC)},
		{ID: "shuozhou", Text: other},
		{ID: "taiwan-site", Text: traditional, Date: time.Date(2024, 1, 9, 9, 0, 0, 0, time.UTC)},
		{ID: "excerpt", Text: string([]rune(story)[:100])},
	}
	clusters, _ := dedupe.Clusters(docs, dedupe.Earliest)
	for _, c := range clusters {
		var dups []string
		for _, d := range c.Duplicates {
			dups = append(dups, d.ID)
		}
		fmt.Println("keep", c.Keep, "drop", strings.Join(dups, " "))
	}
	// Output:
	// keep xinhua drop taiwan-site excerpt
}

func ExamplePolicy() {
	docs := []dedupe.Doc{{ID: "short", Text: story}, {ID: "long", Text: story + "责任编辑：王小明"}}
	for _, p := range []dedupe.Policy{dedupe.Longest, dedupe.First} {
		c, _ := dedupe.Clusters(docs, p)
		fmt.Println(c[0].Keep)
	}
	// Output:
	// long
	// short
}

func ExampleCluster() {
	c, _ := dedupe.Clusters([]dedupe.Doc{{ID: "a", Text: story}, {ID: "b", Text: story}}, dedupe.First)
	fmt.Printf("%+v\n", c)
	// Output:
	// [{Keep:a Duplicates:[{ID:b Similarity:1 Exact:true}]}]
}

func ExampleMatch() {
	x, _ := dedupe.NewIndex()
	x.Add("full", story)
	r := []rune(story)
	m, _ := x.Add("excerpt", string(r[:len(r)*9/10]))
	fmt.Println(m[0].ID, m[0].Exact, m[0].Similarity >= 0.8)
	// Output:
	// full false true
}

func ExampleDoc() {
	d := dedupe.Doc{ID: "2024/01/08/a.html", Text: story, Date: time.Date(2024, 1, 8, 0, 0, 0, 0, time.UTC)}
	fmt.Println(d.ID, d.Date.Year())
	// Output:
	// 2024/01/08/a.html 2024
}

func ExampleShingle() {
	x, _ := dedupe.NewIndex(dedupe.Shingle(3))
	fmt.Println(x.Sign("阳泉市召开").Shingles)
	// Output:
	// 3
}

func ExampleBands() {
	// more, shorter bands propose less similar candidates
	_, err := dedupe.NewIndex(dedupe.Bands(32, 4))
	fmt.Println(err)
	// Output:
	// <nil>
}

func ExampleThreshold() {
	x, _ := dedupe.NewIndex(dedupe.Threshold(0.99, 0.99))
	x.Add("a", story)
	edited := strings.Replace(story, "过去一年全市经济运行总体平稳", "今年以来全市经济运行稳中向好", 1)
	m, _ := x.Add("b", edited)
	fmt.Println(len(m))
	// Output:
	// 0
}

func ExampleOption() {
	// options are values: a stricter index for a corpus of press releases
	opts := []dedupe.Option{dedupe.Shingle(5), dedupe.Bands(16, 8), dedupe.Threshold(0.85, 0.9)}
	x, err := dedupe.NewIndex(opts...)
	fmt.Println(x.Len(), err)
	// Output:
	// 0 <nil>
}

// ExampleIndex_Duplicates finds copies without a shared index, as a
// distributed runner does: sign anywhere, group by band key, compare
// within a group in input order.
func ExampleIndex_Duplicates() {
	x, _ := dedupe.NewIndex()
	a := x.Sign("国务院新闻办公室今天举行新闻发布会，介绍一季度国民经济运行情况。")
	b := x.Sign("國務院新聞辦公室今天舉行新聞發佈會，介紹一季度國民經濟運行情況。")
	m, ok := x.Duplicates(a, b)
	fmt.Println(ok, m.Exact)
	// Output:
	// true true
}

// ExampleIndex_BandKeys groups documents by band key: two copies share
// keys, other stories do not.
func ExampleIndex_BandKeys() {
	x, _ := dedupe.NewIndex()
	a := x.BandKeys(x.Sign("市气象台今天发布暴雨蓝色预警，预计未来六小时内部分地区降雨量将达五十毫米以上。"))
	b := x.BandKeys(x.Sign("市气象台今天发布暴雨蓝色预警，预计未来六小时内部分地区降雨量将达五十毫米以上。请注意防范。"))
	c := x.BandKeys(x.Sign("国家统计局今天发布数据，一季度国内生产总值同比增长百分之五。"))
	shared := func(p, q []uint64) int {
		n := 0
		for i := range p {
			if p[i] == q[i] {
				n++
			}
		}
		return n
	}
	fmt.Println(len(a), shared(a, b) > 0, shared(a, c))
	// Output:
	// 20 true 0
}

// ExampleSignature_MarshalBinary sends a signature between workers.
func ExampleSignature_MarshalBinary() {
	x, _ := dedupe.NewIndex()
	s := x.Sign("新华社北京电")
	b, _ := s.MarshalBinary()
	var t dedupe.Signature
	err := t.UnmarshalBinary(b)
	fmt.Println(len(b), err, t == s)
	// Output:
	// 536 <nil> true
}

// ExampleWindow shows the bound on the comparisons a new copy of a
// much-copied story costs: at most Window earlier documents per band.
func ExampleWindow() {
	x, _ := dedupe.NewIndex()
	story := "市气象台今天发布暴雨蓝色预警，预计未来六小时内部分地区降雨量将达五十毫米以上，请市民注意防范。"
	for i := range dedupe.Window + 20 {
		x.Add(fmt.Sprint(i), story)
	}
	m, _ := x.Add("last", story)
	fmt.Println(dedupe.Window, len(m) <= dedupe.Window+1, m[0].ID, m[0].Exact)
	// Output:
	// 100 true 0 true
}

func ExampleSignature_UnmarshalBinary() {
	// a signature made on one worker, read back on another; a damaged
	// one is an error
	x, _ := dedupe.NewIndex()
	b, _ := x.Sign("国务院新闻办公室今天举行发布会。").MarshalBinary()
	var s dedupe.Signature
	err := s.UnmarshalBinary(b)
	m, _ := x.AddSignature("a", s)
	fmt.Println(err, s.Shingles > 0, len(m))
	fmt.Println(s.UnmarshalBinary(b[:100]) != nil)
	// Output:
	// <nil> true 0
	// true
}

func ExamplePolicy_String() {
	docs := []dedupe.Doc{{ID: "短", Text: "国务院新闻办公室今天举行发布会，介绍经济运行情况。"}, {ID: "长", Text: "国务院新闻办公室今天举行发布会，介绍经济运行情况。记者会后答问。"}}
	for _, p := range []dedupe.Policy{dedupe.Longest, dedupe.First} {
		c, _ := dedupe.Clusters(docs, p)
		fmt.Println(p, c[0].Keep)
	}
	// Output:
	// longest 长
	// first 短
}

// Example finds copies of one story in a small corpus: one in the other
// script, one shortened, and keeps the longest.
func Example() {
	before := []dedupe.Doc{
		{ID: "xinhua", Text: "国务院新闻办公室今天举行发布会，介绍一季度经济运行情况。国家统计局新闻发言人回答记者提问。"},
		{ID: "cna", Text: "國務院新聞辦公室今天舉行發布會，介紹一季度經濟運行情況。國家統計局新聞發言人回答記者提問。"},
		{ID: "portal", Text: "国务院新闻办公室今天举行发布会，介绍一季度经济运行情况。"},
		{ID: "other", Text: "阳泉市召开项目建设推进会，部署下一阶段重点工作。"},
	}
	after, _ := dedupe.Clusters(before, dedupe.Longest)
	for _, c := range after {
		fmt.Print("keep ", c.Keep, ", drop")
		for _, d := range c.Duplicates {
			fmt.Printf(" %s (%.2f, exact %v)", d.ID, d.Similarity, d.Exact)
		}
		fmt.Println()
	}
	// Output:
	// keep xinhua, drop cna (1.00, exact true) portal (1.00, exact false)
}

// ExampleClusterer finds copies in a corpus without holding its texts:
// here they stay in a slice standing for the files they would be read
// back from, and only the earlier text of a pair the bands propose is
// read again.
func ExampleClusterer() {
	corpus := []dedupe.Doc{
		{ID: "xinhua", Text: story},
		{ID: "shuozhou", Text: other},
		{ID: "taiwan-site", Text: traditional},
		{ID: "excerpt", Text: string([]rune(story)[:len([]rune(story))*9/10])},
	}
	reads := 0
	c, _ := dedupe.NewClusterer(dedupe.Longest, func(i int) (string, error) {
		reads++
		return corpus[i].Text, nil
	})
	for _, d := range corpus {
		if err := c.Add(d); err != nil {
			fmt.Println(err)
		}
	}
	for _, cl := range c.Clusters() {
		fmt.Println("keep", cl.Keep)
		for _, m := range cl.Duplicates {
			fmt.Printf("  %s exact=%v\n", m.ID, m.Exact)
		}
	}
	fmt.Println("texts read again:", reads)
	// Output:
	// keep xinhua
	//   taiwan-site exact=true
	//   excerpt exact=false
	// texts read again: 2
}

// ExampleNewClusterer shows the options a Clusterer takes: those of an
// Index. Invalid ones are an error.
func ExampleNewClusterer() {
	_, err := dedupe.NewClusterer(dedupe.First, nil, dedupe.Shingle(0))
	fmt.Println(err)
	// Output:
	// dedupe: shingle length 0: want at least 1
}

// ExampleClusterer_Add shows that an ID may be added once.
func ExampleClusterer_Add() {
	c, _ := dedupe.NewClusterer(dedupe.First, func(int) (string, error) { return "", nil })
	fmt.Println(c.Add(dedupe.Doc{ID: "a", Text: story}))
	fmt.Println(c.Add(dedupe.Doc{ID: "a", Text: other}))
	// Output:
	// <nil>
	// dedupe: "a": ID already indexed
}

// ExampleClusterer_Clusters shows the keeper chosen by date with the
// Earliest policy.
func ExampleClusterer_Clusters() {
	c, _ := dedupe.NewClusterer(dedupe.Earliest, func(int) (string, error) { return story, nil })
	c.Add(dedupe.Doc{ID: "later", Text: story, Date: time.Date(2024, 1, 9, 0, 0, 0, 0, time.UTC)})
	c.Add(dedupe.Doc{ID: "earlier", Text: story, Date: time.Date(2024, 1, 8, 0, 0, 0, 0, time.UTC)})
	fmt.Printf("%+v\n", c.Clusters())
	// Output:
	// [{Keep:earlier Duplicates:[{ID:later Similarity:1 Exact:true}]}]
}

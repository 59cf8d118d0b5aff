package dedupe

import (
	"math/rand/v2"
	"sort"
	"strings"
	"testing"

	"github.com/cnnews/cnnews/convert"
	"github.com/cnnews/cnnews/internal/seeds"
)

// labelled is a document of the evaluation set: story says which story it
// tells, so two documents are copies exactly when their stories match.
type labelled struct {
	id, story, kind, text string
}

func seedArticles(t testing.TB) map[string]string { return seeds.Load(t) }

// ownStories are short articles of this package's own on the same city and
// topics as the reference articles: hard negatives for them and for each
// other.
var ownStories = map[string]string{
	"own-a": "阳泉市召开经济工作会议，部署二〇二四年重点任务。会议强调，要坚持稳中求进，加快推动资源型经济转型。\n会议指出，过去一年全市经济运行总体平稳，工业增加值增长明显，新兴产业发展势头良好。\n会议要求，各级各部门要抓好项目建设，优化营商环境，扎实推进乡村振兴，切实保障和改善民生。",
	"own-b": "阳泉市开展冬季安全生产大检查。检查组深入煤矿、化工企业和建筑工地，排查安全隐患一百二十余处。\n市应急管理局负责人表示，将对发现的问题建立台账，限期整改，确保不留死角。\n下一步，全市将持续加强安全监管，严防各类事故发生，为群众过好冬季提供坚实保障。",
	"own-c": "朔州市举办农产品产销对接会，八十余家企业参加。会上签约项目二十三个，金额达五亿元。\n近年来，朔州市大力发展特色农业，杂粮、奶业等产业不断壮大，农民收入持续增长。\n主办方表示，将搭建更多平台，帮助农产品走出山西、走向全国。",
	"own-d": "阳泉高新区举行数字经济项目集中签约仪式，十二个项目落户园区，总投资四十亿元。\n这些项目涵盖大数据、人工智能、自动驾驶等领域，将为阳泉数字经济发展注入新动能。\n高新区负责人介绍，园区将提供全程代办服务，推动项目早开工、早投产、早见效。",
}

// variants returns copies of a story as the web republishes them.
func variants(story, text string, rng *rand.Rand) []labelled {
	paras := strings.Split(strings.TrimSpace(text), "\n")
	var out []labelled
	add := func(kind, s string) { out = append(out, labelled{story + "/" + kind, story, kind, s}) }
	add("boilerplate", "首页 > 新闻 > 正文\n来源：阳泉日报 2022-05-09\n"+text+"\n责任编辑：王小明\n免责声明：本网转载自其它媒体的文章，并不代表本网赞同其观点。\n分享到：")
	add("trimmed", strings.Join(paras[:max(1, len(paras)-1)], "\n"))
	if convert.Detect(text).Script == convert.Traditional {
		add("to-simplified", convert.MustNew("t2s").String(text))
	} else {
		add("to-traditional", convert.MustNew("s2t").String(text))
		add("to-taiwan", convert.MustNew("s2twp").String(text))
	}
	// pinyin glosses after one Han character in eight
	var g strings.Builder
	for i, r := range text {
		g.WriteRune(r)
		if i%8 == 0 && r >= 0x4E00 && r <= 0x9FFF {
			g.WriteString("(ye) ")
		}
	}
	add("glossed", g.String())
	// an excerpt: the first 60–90% of the text
	cut := len(paras) * (60 + rng.IntN(30)) / 100
	if cut < len(paras) && cut > 0 {
		add("excerpt", strings.Join(paras[:cut], "\n"))
	}
	// paragraphs reordered
	re := append([]string(nil), paras...)
	rng.Shuffle(len(re), func(i, j int) { re[i], re[j] = re[j], re[i] })
	add("reordered", strings.Join(re, "\n"))
	// a few sentences edited
	ed := append([]string(nil), paras...)
	for k := 0; k < 3 && len(ed) > 0; k++ {
		i := rng.IntN(len(ed))
		ed[i] = strings.Replace(ed[i], "。", "，据悉相关工作正在推进。", 1)
	}
	add("edited", strings.Join(ed, "\n"))
	return out
}

func evaluationSet(t testing.TB) []labelled {
	rng := rand.New(rand.NewPCG(7, 11))
	var docs []labelled
	stories := seedArticles(t)
	for k, v := range ownStories {
		stories[k] = v
	}
	for _, story := range sortedKeys(stories) {
		text := stories[story]
		docs = append(docs, labelled{story, story, "original", text})
		docs = append(docs, variants(story, text, rng)...)
	}
	return docs
}

func sortedKeys(m map[string]string) []string {
	var k []string
	for x := range m {
		k = append(k, x)
	}
	sort.Strings(k)
	return k
}

// TestEvaluation clusters the labelled set and scores every pair: a pair
// is a true copy when both documents tell the same story.
func TestEvaluation(t *testing.T) {
	docs := evaluationSet(t)
	in := make([]Doc, len(docs))
	for i, d := range docs {
		in[i] = Doc{ID: d.id, Text: d.text}
	}
	clusters, err := Clusters(in, Longest)
	if err != nil {
		t.Fatal(err)
	}
	cluster := map[string]int{}
	for ci, c := range clusters {
		cluster[c.Keep] = ci + 1
		for _, m := range c.Duplicates {
			cluster[m.ID] = ci + 1
		}
	}
	var tp, fp, fn int
	missed := map[string]int{}
	for i := range docs {
		for j := i + 1; j < len(docs); j++ {
			same := docs[i].story == docs[j].story
			found := cluster[docs[i].id] != 0 && cluster[docs[i].id] == cluster[docs[j].id]
			switch {
			case same && found:
				tp++
			case same:
				fn++
				missed[docs[i].kind+"~"+docs[j].kind]++
			case found:
				fp++
				t.Logf("false positive: %s ~ %s", docs[i].id, docs[j].id)
			}
		}
	}
	precision := float64(tp) / float64(max(1, tp+fp))
	recall := float64(tp) / float64(max(1, tp+fn))
	f1 := 2 * precision * recall / max(1e-9, precision+recall)
	t.Logf("%d documents, %d stories: pairs tp=%d fp=%d fn=%d precision=%.3f recall=%.3f F1=%.3f", len(docs), len(seedArticles(t))+len(ownStories), tp, fp, fn, precision, recall, f1)
	if len(missed) > 0 {
		t.Logf("missed pairs by kind: %v", missed)
	}
	if f1 < 0.95 {
		t.Errorf("F1 %.3f below 0.95", f1)
	}
	if tp+fn < 200 || fp+tp == 0 {
		t.Errorf("evaluation too small: %d positive pairs", tp+fn)
	}
}

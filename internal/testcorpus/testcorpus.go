// Package testcorpus generates articles for tests: stories of random
// common characters (no two alike), wrapped in the boilerplate publishers
// put around them.
package testcorpus

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/cnnews/cnnews/convert"
)

// Pool is the characters generated sentences are drawn from: common
// Simplified characters whose Traditional forms Big5 holds.
const Pool = "的一是在不了有和人这中大上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近千周委素技备半办青省列习响约支般史感劳便团往历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严"

// Sentence is a generated sentence of 12 to 30 characters.
func Sentence(r *rand.Rand) string {
	var b strings.Builder
	n := 12 + r.IntN(19)
	for range n {
		b.WriteString(string([]rune(Pool)[r.IntN(len([]rune(Pool)))]))
	}
	b.WriteString("。")
	return b.String()
}

// Body is a generated story of three to six paragraphs.
func Body(r *rand.Rand) string {
	var paras []string
	for range 3 + r.IntN(4) {
		var p strings.Builder
		for range 2 + r.IntN(3) {
			p.WriteString(Sentence(r))
		}
		paras = append(paras, p.String())
	}
	return strings.Join(paras, "\n")
}

// Wrap puts publisher boilerplate of one of several kinds around a body:
// header lines, editor lines, share prompts, disclaimers, end marks.
func Wrap(r *rand.Rand, text string, traditional bool) string {
	head := []string{
		"来源：新华网 2024-03-%02d 08:%02d:00\n",
		"发布时间：2024-03-%02d 10:%02d 来源：人民网\n",
		"首页 > 新闻 > 国内%[3]s\n",
		"",
	}[r.IntN(4)]
	tail := []string{
		"（责任编辑：王磊）\n",
		"分享到：微信 微博 QQ空间\n",
		"免责声明：本文仅代表作者个人观点，与本网无关。\n",
		"【编辑：张伟】\n",
		"",
	}[r.IntN(5)]
	if strings.Contains(head, "%") {
		head = fmt.Sprintf(head, 1+r.IntN(28), r.IntN(60), "")
	}
	if traditional {
		t2 := convert.MustNew("s2t")
		head, tail = t2.String(head), t2.String(tail)
	}
	return head + text + "\n" + tail
}

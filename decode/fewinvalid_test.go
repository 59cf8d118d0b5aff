package decode

import (
	"bytes"
	"errors"
	"math/rand"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/cnnews/cnnews/internal/seeds"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// simplifiedNews and traditionalNews are the same report, written for
// these tests, in the two scripts: 689 Han characters each, room for
// three invalid sequences (one per 200).
const (
	simplifiedNews = "本报讯 今年以来，我市坚持以推动高质量发展为主题，统筹做好稳增长、促改革、调结构、惠民生、防风险各项工作，全市经济运行总体平稳、稳中有进。一季度，全市地区生产总值同比增长百分之五点六，规模以上工业增加值增长百分之七点一，社会消费品零售总额增长百分之六点三，固定资产投资增长百分之八点二，主要经济指标增速均高于全省平均水平。\n" +
		"市统计局有关负责人介绍，从产业看，农业生产形势较好，春耕备耕工作有序推进，粮食播种面积保持稳定；工业生产稳步回升，新能源、新材料、高端装备制造等新兴产业增势良好，对全市工业增长的贡献率超过四成；服务业持续恢复，交通运输、住宿餐饮、文化旅游等接触型服务行业明显回暖，节假日期间各大景区接待游客人数创下历史新高。\n" +
		"从需求看，项目建设加快推进，一批重大基础设施和产业项目相继开工，民间投资活力进一步增强；消费市场稳步复苏，汽车、家电、通讯器材等大宗商品销售增长较快，网上零售额保持两位数增长；对外贸易结构持续优化，机电产品和高新技术产品出口占比提高，与共建国家的经贸往来更加紧密。\n" +
		"这位负责人同时指出，当前外部环境依然复杂严峻，国内需求仍显不足，部分企业生产经营面临困难，经济持续回升向好的基础还需进一步巩固。下一步，全市将继续坚持稳中求进工作总基调，着力扩大有效需求，加快建设现代化产业体系，持续优化营商环境，切实保障和改善民生，推动经济实现质的有效提升和量的合理增长，为全面建设社会主义现代化国家贡献更大力量。\n" +
		"记者了解到，为帮助中小企业渡过难关，市政府近日出台了进一步支持企业发展的若干措施，从减税降费、融资服务、用工保障、市场开拓等方面提出具体政策，预计全年可为各类市场主体减轻负担超过十亿元。各区县也结合自身实际，制定了相应的配套办法，确保各项政策措施落地见效，让企业和群众有实实在在的获得感。"
	traditionalNews = "本報訊 今年以來，我市堅持以推動高質量發展為主題，統籌做好穩增長、促改革、調結構、惠民生、防風險各項工作，全市經濟運行總體平穩、穩中有進。一季度，全市地區生產總值同比增長百分之五點六，規模以上工業增加值增長百分之七點一，社會消費品零售總額增長百分之六點三，固定資產投資增長百分之八點二，主要經濟指標增速均高於全省平均水平。\n" +
		"市統計局有關負責人介紹，從產業看，農業生產形勢較好，春耕備耕工作有序推進，糧食播種面積保持穩定；工業生產穩步回升，新能源、新材料、高端裝備製造等新興產業增勢良好，對全市工業增長的貢獻率超過四成；服務業持續恢復，交通運輸、住宿餐飲、文化旅遊等接觸型服務行業明顯回暖，節假日期間各大景區接待遊客人數創下歷史新高。\n" +
		"從需求看，項目建設加快推進，一批重大基礎設施和產業項目相繼開工，民間投資活力進一步增強；消費市場穩步復甦，汽車、家電、通訊器材等大宗商品銷售增長較快，網上零售額保持兩位數增長；對外貿易結構持續優化，機電產品和高新技術產品出口佔比提高，與共建國家的經貿往來更加緊密。\n" +
		"這位負責人同時指出，當前外部環境依然複雜嚴峻，國內需求仍顯不足，部分企業生產經營面臨困難，經濟持續回升向好的基礎還需進一步鞏固。下一步，全市將繼續堅持穩中求進工作總基調，著力擴大有效需求，加快建設現代化產業體系，持續優化營商環境，切實保障和改善民生，推動經濟實現質的有效提升和量的合理增長，為全面建設社會主義現代化國家貢獻更大力量。\n" +
		"記者瞭解到，為幫助中小企業渡過難關，市政府近日出臺了進一步支持企業發展的若干措施，從減稅降費、融資服務、用工保障、市場開拓等方面提出具體政策，預計全年可為各類市場主體減輕負擔超過十億元。各區縣也結合自身實際，制定了相應的配套辦法，確保各項政策措施落地見效，讓企業和群眾有實實在在的獲得感。"
)

// splice encodes text with e and puts bad before the runes at the given
// indexes (in increasing order). It returns the bytes, the text a
// lenient decoding must give (U+FFFD in each place) and the byte offsets
// of the bad sequences.
func splice(t *testing.T, e encoding.Encoding, text string, bad string, at ...int) ([]byte, string, []int) {
	t.Helper()
	runes := []rune(text)
	var raw []byte
	var want strings.Builder
	var offsets []int
	prev := 0
	for _, i := range append(slices.Clone(at), len(runes)) {
		part := string(runes[prev:i])
		b, err := e.NewEncoder().Bytes([]byte(part))
		if err != nil {
			t.Fatal(err)
		}
		raw = append(raw, b...)
		want.WriteString(part)
		if i < len(runes) {
			offsets = append(offsets, len(raw))
			raw = append(raw, bad...)
			want.WriteString("\uFFFD")
		}
		prev = i
	}
	return raw, want.String(), offsets
}

// TestFewInvalid checks that GBK and Big5 text with one to three invalid
// sequences is read with U+FFFD for each, and that the report says how
// many and where.
func TestFewInvalid(t *testing.T) {
	for _, tc := range []struct {
		name string
		e    encoding.Encoding
		text string
		bad  string
		want string
	}{
		{"GBK A3 7C", simplifiedchinese.GBK, simplifiedNews, "\xa3\x7c", GB18030},
		{"GBK FF", simplifiedchinese.GBK, simplifiedNews, "\xff", GB18030},
		{"GB18030 A4 80", simplifiedchinese.GB18030, simplifiedNews, "\xa4\x80", GB18030},
		{"Big5 A4 80", traditionalchinese.Big5, traditionalNews, "\xa4\x80", Big5},
		{"Big5 FF", traditionalchinese.Big5, traditionalNews, "\xff", Big5},
	} {
		for _, at := range [][]int{{5}, {0, 300}, {40, 41, 700}} {
			raw, want, offsets := splice(t, tc.e, tc.text, tc.bad, at...)
			got, rep, err := Bytes(raw)
			if err != nil {
				t.Errorf("%s at %v: %v", tc.name, at, err)
				continue
			}
			if string(got) != want {
				t.Errorf("%s at %v: text differs", tc.name, at)
			}
			if rep.Encoding != tc.want || rep.Replaced != len(at) || rep.FirstInvalid != offsets[0] || !slices.Equal(rep.Invalid, offsets) {
				t.Errorf("%s at %v: %+v, want %s with %d replaced at %v", tc.name, at, rep, tc.want, len(at), offsets)
			}
			// Lossy changes nothing here: the text is in a known encoding
			if got2, rep2, err := Bytes(raw, Lossy()); err != nil || string(got2) != want || rep2.Encoding != tc.want || !slices.Equal(rep2.Invalid, offsets) {
				t.Errorf("%s at %v with Lossy: %v %+v", tc.name, at, err, rep2)
			}
		}
	}
}

// TestFewInvalidDeclared checks pages that declare their charset and hold
// a bad pair.
func TestFewInvalidDeclared(t *testing.T) {
	for _, tc := range []struct {
		charset, text string
		e             encoding.Encoding
		bad, want     string
		declared      string
	}{
		{"gb2312", simplifiedNews, simplifiedchinese.GBK, "\xa3\x7c", GB18030, "gbk"},
		{"GBK", simplifiedNews, simplifiedchinese.GBK, "\xa4\x80", GB18030, "gbk"},
		{"big5", traditionalNews, traditionalchinese.Big5, "\xa4\x80", Big5, "big5"},
	} {
		page := `<html><head><meta http-equiv="Content-Type" content="text/html; charset=` + tc.charset + `"><title>` + string([]rune(tc.text)[:3]) + `</title></head><body><p>` +
			strings.ReplaceAll(tc.text, "\n", "</p>\n<p>") + "</p></body></html>\n"
		at := strings.Index(page, "<p>") + len("<p>") + 10
		raw, want, offsets := splice(t, tc.e, page, tc.bad, utf8.RuneCountInString(page[:at]))
		got, rep, err := Bytes(raw)
		if err != nil {
			t.Errorf("%s: %v", tc.charset, err)
			continue
		}
		if string(got) != want || rep.Encoding != tc.want || rep.Declared != tc.declared || rep.Replaced != 1 || !slices.Equal(rep.Invalid, offsets) || rep.FirstInvalid != offsets[0] {
			t.Errorf("%s: %+v, want %s declared %s with 1 replaced at %v; same text %v", tc.charset, rep, tc.want, tc.declared, offsets, string(got) == want)
		}
	}
}

// TestTooManyInvalid checks the bounds: one invalid sequence per 200 Han
// characters, 50 in all.
func TestTooManyInvalid(t *testing.T) {
	var de *Error
	// four in 689 Han characters
	raw, _, _ := splice(t, simplifiedchinese.GBK, simplifiedNews, "\xa3\x7c", 10, 200, 400, 600)
	if _, _, err := Bytes(raw); !errors.As(err, &de) || !slices.Equal(de.Tried, []string{UTF8, GB18030, Big5}) {
		t.Errorf("four in 689 Han characters: %v", err)
	}
	raw, _, _ = splice(t, traditionalchinese.Big5, traditionalNews, "\xff", 10, 200, 400, 600)
	if _, _, err := Bytes(raw); !errors.As(err, &de) {
		t.Errorf("Big5, four in 689 Han characters: %v", err)
	}
	// a short text: one is too many
	raw, _, _ = splice(t, simplifiedchinese.GBK, "新华社北京电 记者王磊报道", "\xa3\x7c", 3)
	if _, _, err := Bytes(raw); !errors.As(err, &de) {
		t.Errorf("a short text with one: %v", err)
	}
	// 50 in a long text pass, 51 do not, however long the text
	long := strings.Repeat(simplifiedNews+"\n", 30)
	at := make([]int, 51)
	for i := range at {
		at[i] = 100 + i*300
	}
	raw, _, offsets := splice(t, simplifiedchinese.GBK, long, "\xa3\x7c", at[:50]...)
	if _, rep, err := Bytes(raw); err != nil || rep.Replaced != 50 || !slices.Equal(rep.Invalid, offsets) {
		t.Errorf("50 in %d Han characters: %v %d", 30*689, err, rep.Replaced)
	}
	raw, _, _ = splice(t, simplifiedchinese.GBK, long, "\xa3\x7c", at...)
	if _, _, err := Bytes(raw); !errors.As(err, &de) {
		t.Errorf("51: %v", err)
	}
	// with Lossy, too many is UTF-8 with replacements, as before
	if _, rep, err := Bytes(raw, Lossy()); err != nil || rep.Encoding != UTF8 || rep.Replaced < 51 || len(rep.Invalid) != maxListed || rep.Invalid[0] != rep.FirstInvalid {
		t.Errorf("51 with Lossy: %v %s %d %d", err, rep.Encoding, rep.Replaced, len(rep.Invalid))
	}
}

// TestBinaryIsNotLegacy checks that bytes in no encoding are still
// rejected, whatever share of them a legacy decoder reads.
func TestBinaryIsNotLegacy(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	var de *Error
	for _, n := range []int{16, 300, 4096, 100000} {
		data := make([]byte, n)
		rng.Read(data)
		if _, _, err := Bytes(data); !errors.As(err, &de) {
			t.Errorf("%d random bytes: %v", n, err)
		}
		// bytes all in the lead and trail ranges: valid GBK pairs
		// nearly all, made of rare characters
		for i := range data {
			data[i] = 0xA1 + byte(rng.Intn(0xFE-0xA1))
		}
		data[n/2] = 0xFF
		if _, _, err := Bytes(data); !errors.As(err, &de) {
			t.Errorf("%d random high bytes: %v", n, err)
		}
	}
	// an executable's shape: a header, zeros, code, strings
	var exe bytes.Buffer
	exe.WriteString("\x7fELF\x02\x01\x01\x00")
	for i := 0; i < 2000; i++ {
		switch i % 4 {
		case 0:
			exe.Write(make([]byte, 8))
		case 1:
			exe.WriteString("\x48\x89\xe5\x48\x83\xec\x10\xe8\xc4\xb1\xff\xff")
		case 2:
			exe.WriteString("GLIBC_2.2.5\x00__libc_start_main\x00")
		default:
			b := make([]byte, 6)
			rng.Read(b)
			exe.Write(b)
		}
	}
	if _, _, err := Bytes(exe.Bytes()); !errors.As(err, &de) {
		t.Errorf("an executable: %v", err)
	}
}

// TestFewInvalidSeparates checks the margin the bounds rest on with the
// reference articles: read in the wrong legacy encoding, each fails both
// the count of invalid sequences (by a factor of 2 at least) and the
// score (by the same factor). go test -v prints the figures.
func TestFewInvalidSeparates(t *testing.T) {
	tested := 0
	for name, s := range seeds.Load(t) {
		gbk, _ := simplifiedchinese.GB18030.NewEncoder().String(s)
		text, big5 := encodable(t, traditionalchinese.Big5, s)
		cases := []struct {
			what string
			e    encoding.Encoding
			raw  []byte
		}{{"GB18030 bytes read as Big5", traditionalchinese.Big5, []byte(gbk)}}
		if len(text) >= len(s)/2 { // a Traditional article
			cases = append(cases, struct {
				what string
				e    encoding.Encoding
				raw  []byte
			}{"Big5 bytes read as GB18030", simplifiedchinese.GB18030, big5})
		}
		for _, tc := range cases {
			tested++
			out, _, n := lenient(tc.e, tc.raw, 1<<30)
			han, sc := hanCount(out), score(out)
			t.Logf("%s, %s: %d invalid, %d Han characters (one per %.0f), score %.2f", name, tc.what, n, han, float64(han)/float64(max(n, 1)), sc)
			if n*hanPerInvalid < 2*han || sc >= minScore/2 {
				t.Errorf("%s, %s: %d invalid in %d Han characters, score %.2f: too close to passing", name, tc.what, n, han, sc)
			}
		}
	}
	if tested < 7 {
		t.Errorf("%d readings tried", tested)
	}
}

// TestInvalidListCapped checks that Lossy lists the first 100 replaced
// sequences and counts them all, in UTF-8 and in UTF-16.
func TestInvalidListCapped(t *testing.T) {
	in := []byte("标题\n" + strings.Repeat("正文\x80", 150))
	_, rep, err := Bytes(in, Lossy())
	if err != nil || rep.Replaced != 150 || len(rep.Invalid) != maxListed || rep.FirstInvalid != 13 || rep.Invalid[1] != 20 {
		t.Errorf("UTF-8: %v %d %d %v", err, rep.Replaced, len(rep.Invalid), rep.Invalid[:2])
	}
	// UTF-16LE 新 after a BOM, then a lone low surrogate, twice, and an odd byte
	bad16 := []byte{0xFF, 0xFE, 0xB0, 0x65, 0x00, 0xDC, 0xB0, 0x65, 0x00, 0xDC, 0x00, 0xDC, 0x41}
	got, rep, err := Bytes(bad16, Lossy())
	if err != nil || string(got) != "新\uFFFD新\uFFFD\uFFFD\uFFFD" || rep.Replaced != 4 || !slices.Equal(rep.Invalid, []int{4, 8, 10, 12}) {
		t.Errorf("UTF-16: %q %+v %v", got, rep, err)
	}
	if _, rep, err := Bytes([]byte("纯文本")); err != nil || rep.Replaced != 0 || rep.FirstInvalid != -1 || rep.Invalid != nil {
		t.Errorf("valid: %+v %v", rep, err)
	}
}

// TestShortDeclaredPage: a short page that declares GBK may hold one
// invalid sequence; the same text without the declaration may not.
func TestShortDeclaredPage(t *testing.T) {
	body := "<p>今年以来，阳泉市紧紧围绕高质量发展目标，扎实推进重点项目建设，一季度新开工项目四十二个。</p>"
	for _, declared := range []bool{true, false} {
		head := "<html><head><title>新闻</title></head><body>"
		if declared {
			head = `<html><head><meta charset="gbk"><title>新闻</title></head><body>`
		}
		enc, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(head + body + "</body></html>"))
		if err != nil {
			t.Fatal(err)
		}
		i := bytes.Index(enc, []byte("</body>"))
		enc = append(enc[:i:i], append([]byte{0xA3, 0x7C}, enc[i:]...)...)
		out, rep, err := Bytes(enc)
		if declared {
			if err != nil || rep.Replaced != 1 || rep.FirstInvalid != i || !bytes.Contains(out, []byte("四十二个。")) {
				t.Errorf("declared: %v %+v", err, rep)
			}
		} else if err == nil {
			t.Errorf("undeclared short text with a bad pair was read: %+v", rep)
		}
	}
}

package convert_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing/fstest"

	"golang.org/x/text/transform"

	"github.com/cnnews/cnnews/convert"
)

func ExampleNew() {
	c, err := convert.New("s2twp")
	if err != nil {
		panic(err)
	}
	fmt.Println(c.String("较低级别的软件，鼠标和内存"))
	_, err = convert.New("s2x")
	fmt.Println(err)
	// Output:
	// 較低級別的軟體，滑鼠和記憶體
	// convert: unknown configuration "s2x"; valid: hk2s, hk2sp, hk2t, jp2t, s2hk, s2hkp, s2t, s2tw, s2twp, t2hk, t2jp, t2s, t2tw, tw2s, tw2sp, tw2t
}

func ExampleMustNew() {
	fmt.Println(convert.MustNew("t2s").String("複工就是穩就業，複產就是穩經濟。"))
	// Output:
	// 复工就是稳就业，复产就是稳经济。
}

func ExampleConfigs() {
	for _, name := range convert.Configs() {
		fmt.Println(name, "—", convert.Describe(name))
	}
	// Output:
	// hk2s — Traditional Chinese (Hong Kong variant) to Simplified Chinese
	// hk2sp — Traditional Chinese (Hong Kong variant) to Simplified Chinese (with phrases)
	// hk2t — Traditional Chinese (Hong Kong variant) to Traditional Chinese (OpenCC Standard)
	// jp2t — New Japanese Kanji (Shinjitai) to Old Japanese Kanji (Kyūjitai)
	// s2hk — Simplified Chinese to Traditional Chinese (Hong Kong variant)
	// s2hkp — Simplified Chinese to Traditional Chinese (Hong Kong variant, with phrases)
	// s2t — Simplified Chinese to Traditional Chinese (OpenCC Standard)
	// s2tw — Simplified Chinese to Traditional Chinese (Taiwan Standard)
	// s2twp — Simplified Chinese to Traditional Chinese (Taiwan Standard, with Taiwan Phrases)
	// t2hk — Traditional Chinese (OpenCC Standard) to Traditional Chinese (Hong Kong variant)
	// t2jp — Old Japanese Kanji (Kyūjitai) to New Japanese Kanji (Shinjitai)
	// t2s — Traditional Chinese (OpenCC Standard) to Simplified Chinese
	// t2tw — Traditional Chinese (OpenCC Standard) to Traditional Chinese (Taiwan Standard)
	// tw2s — Traditional Chinese (Taiwan Standard) to Simplified Chinese
	// tw2sp — Traditional Chinese (Taiwan Standard) to Simplified Chinese (Mainland China Phrases)
	// tw2t — Traditional Chinese (Taiwan Standard) to Traditional Chinese (OpenCC Standard)
}

func ExampleDescribe() {
	fmt.Printf("%q %q\n", convert.Describe("tw2sp"), convert.Describe("x"))
	// Output:
	// "Traditional Chinese (Taiwan Standard) to Simplified Chinese (Mainland China Phrases)" ""
}

func ExampleIncludeTofuRisk() {
	// 㑮 has a Simplified form common fonts lack: OpenCC's command line
	// keeps 㑮, its library writes 𫝈
	fmt.Println(convert.MustNew("t2s").String("㑮"), convert.MustNew("t2s", convert.IncludeTofuRisk()).String("㑮"))
	// Output:
	// 㑮 𫝈
}

func ExampleConverter_Description() {
	fmt.Println(convert.MustNew("s2twp").Description())
	// Output:
	// Simplified Chinese to Traditional Chinese (Taiwan Standard, with Taiwan Phrases)
}

func ExampleConverter() {
	// one Converter, shared by every goroutine of a program
	c := convert.MustNew("s2t")
	fmt.Println(c.Name(), c.String("了解一下发展"))
	// Output:
	// s2t 瞭解一下發展
}

func ExampleConverter_Name() {
	fmt.Println(convert.MustNew("hk2s").Name())
	// Output:
	// hk2s
}

func ExampleConverter_String() {
	fmt.Println(convert.MustNew("tw2sp").String("滑鼠和記憶體"))
	// Output:
	// 鼠标和内存
}

func ExampleConverter_Bytes() {
	fmt.Printf("%s\n", convert.MustNew("s2hk").Bytes([]byte("香港的发展")))
	// Output:
	// 香港的發展
}

func ExampleConverter_Append() {
	// converting many articles into one reused buffer allocates nothing
	c := convert.MustNew("t2s")
	buf := make([]byte, 0, 1024)
	for _, article := range []string{"發財了", "這是們的"} {
		buf = c.Append(buf[:0], []byte(article))
		fmt.Println(string(buf))
	}
	// Output:
	// 发财了
	// 这是们的
}

func ExampleConverter_Convert() {
	c := convert.MustNew("s2t")
	var out bytes.Buffer
	n, err := c.Convert(&out, strings.NewReader("山西阳泉：经济发展\n"))
	fmt.Print(out.String())
	fmt.Println(n, err)
	// Output:
	// 山西陽泉：經濟發展
	// 28 <nil>
}

func ExampleLoad() {
	// OpenCC data as OpenCC's sources lay it out: a configuration, with
	// comments, and its dictionaries in text form
	fsys := fstest.MapFS{
		"config/mini.json": {Data: []byte(`{
	  // the configuration names the binary files OpenCC builds
	  "name": "mini",
	  "segmentation": {"type": "mmseg", "dict": {"type": "ocd2", "file": "Phrases.ocd2"}},
	  "conversion_chain": [{"dict": {"type": "group", "match_policy": "short_circuit", "dicts": [
	    {"type": "ocd2", "file": "Phrases.ocd2"}, {"type": "ocd2", "file": "Chars.ocd2"}]}}]}`)},
		"dictionary/Phrases.txt": {Data: []byte("# phrases\n鼠标\t鼠標\n")},
		"dictionary/Chars.txt":   {Data: []byte("内\t內\n")},
	}
	c, err := convert.Load(fsys, "config/mini.json")
	if err != nil {
		panic(err)
	}
	fmt.Println(c.String("鼠标和内存"))
	// a line without a tab is an error naming the file and line
	fsys["dictionary/Chars.txt"] = &fstest.MapFile{Data: []byte("内\t內\n存 存\n")}
	_, err = convert.Load(fsys, "config/mini.json")
	fmt.Println(err)
	// Output:
	// 鼠標和內存
	// convert: dictionary/Chars.txt:2: no tab between key and values: "存 存"
}

func ExampleLoadDir() {
	_, err := convert.LoadDir(os.TempDir(), "no-such-config")
	fmt.Println(err != nil)
	// Output:
	// true
}

func ExampleDetect() {
	for _, s := range []string{"经济发展", "經濟發展", "经济發展", "中国人", "hello"} {
		d := convert.Detect(s)
		fmt.Println(s, d.Script, d.Han, d.Simplified, d.Traditional)
	}
	// Output:
	// 经济发展 simplified 4 3 0
	// 經濟發展 traditional 4 0 3
	// 经济發展 mixed 4 2 1
	// 中国人 simplified 3 1 0
	// hello neither 0 0 0
}

func ExampleDetection() {
	d := convert.Detect("記者郭強。责任编辑：吉政")
	fmt.Printf("%+v\n", d)
	// Output:
	// {Script:mixed Han:10 Simplified:3 Traditional:2}
}

func ExampleScript() {
	fmt.Println(convert.Simplified, convert.Traditional, convert.Mixed, convert.Neither)
	// Output:
	// simplified traditional mixed neither
}

func ExampleScript_String() {
	fmt.Println(convert.Detect("發展").Script.String())
	// Output:
	// traditional
}

func ExampleMixedShare() {
	// one Traditional character among twenty Simplified ones is a slip
	d := convert.Detect(strings.Repeat("发", 20) + "發")
	fmt.Println(d.Script, float64(d.Traditional)/float64(d.Simplified+d.Traditional) <= convert.MixedShare)
	// Output:
	// simplified true
}

func ExamplePunctuation() {
	// compose with other transformers of golang.org/x/text
	t := transform.Chain(convert.Punctuation())
	out, _, _ := transform.String(t, "歲暮天寒,望春則暖。發布時間:2022-05-09 15:11:00")
	fmt.Println(out)
	// Output:
	// 歲暮天寒，望春則暖。發布時間：2022-05-09 15:11:00
}

func ExampleRepairPunctuation() {
	fmt.Println(convert.RepairPunctuation("其他5個縣(市、區)韻達,LED(led)照明1,000元(AI)"))
	// Output:
	// 其他5個縣（市、區）韻達，LED(led)照明1,000元(AI)
}

func ExampleToSimplified() {
	var b strings.Builder
	for _, r := range "發展經濟,abc" {
		b.WriteRune(convert.ToSimplified(r))
	}
	fmt.Println(b.String())
	// Output:
	// 发展经济,abc
}

func ExampleRepair() {
	// a character-by-character conversion picked 麵, 製, 係 and 複
	// whatever the word; 台, 米麵 and 製品 are right and stay
	fixed, n := convert.Repair("提前製定了物資的全麵保障，聯係各方，反複核實。台灣的米麵製品")
	fmt.Println(fixed, n)
	// Output:
	// 提前制定了物資的全面保障，聯繫各方，反覆核實。台灣的米麵製品 4
}

func ExampleConverter_ConvertParallel() {
	// a large input converted on four goroutines, written in order
	c := convert.MustNew("s2twp")
	in := strings.Repeat("鼠标和内存\n", 200000) // 3.2 MB
	var out bytes.Buffer
	n, err := c.ConvertParallel(&out, strings.NewReader(in), 4)
	fmt.Println(n, err, strings.Count(out.String(), "滑鼠和記憶體\n"))
	// Output:
	// 3800000 <nil> 200000
}

func ExampleOption() {
	// options are values passed to New or Load; the same options give
	// the same shared Converter
	opts := []convert.Option{convert.IncludeTofuRisk()}
	a, b := convert.MustNew("hk2s", opts...), convert.MustNew("hk2s", opts...)
	fmt.Println(a == b, a.String("㑮"))
	// Output:
	// true 𫝈
}

func ExampleDataVersion() {
	fmt.Println("OpenCC", convert.DataVersion(), "—", convert.MustNew("s2twp").String("调制解调器"))
	// Output:
	// OpenCC 1.4.2 — 數據機
}

func ExampleScript_MarshalText() {
	b, _ := json.Marshal(map[string]convert.Script{"script": convert.Detect("這是繁體中文").Script})
	fmt.Println(string(b))
	var s convert.Script
	err := json.Unmarshal([]byte(`"simplified"`), &s)
	fmt.Println(s, err)
	// Output:
	// {"script":"traditional"}
	// simplified <nil>
}

func ExampleScript_UnmarshalText() {
	var s convert.Script
	for _, name := range []string{"traditional", "klingon"} {
		err := s.UnmarshalText([]byte(name))
		fmt.Println(s, err)
	}
	// Output:
	// traditional <nil>
	// traditional convert: "klingon" is not a script: want simplified, traditional, mixed or neither
}

// Example converts a Simplified paragraph to Taiwan's script and phrases,
// repairs a character-by-character conversion, and restores punctuation a
// width fold turned to ASCII.
func Example() {
	before := "鼠标和内存的软件,(朔州)较低级别的服务器"
	after := convert.MustNew("s2twp").String(convert.RepairPunctuation(before))
	fmt.Println("before:", before)
	fmt.Println("after: ", after)
	bad := "提前製定了物資的全麵保障，聯係各方，反複核實。"
	fixed, _ := convert.Repair(bad)
	fmt.Println("before:", bad)
	fmt.Println("after: ", fixed)
	// Output:
	// before: 鼠标和内存的软件,(朔州)较低级别的服务器
	// after:  滑鼠和記憶體的軟體，（朔州）較低級別的伺服器
	// before: 提前製定了物資的全麵保障，聯係各方，反複核實。
	// after:  提前制定了物資的全面保障，聯繫各方，反覆核實。
}

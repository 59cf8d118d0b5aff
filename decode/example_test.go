package decode_test

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/cnnews/cnnews/decode"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

func ExampleBytes() {
	gbk, _ := simplifiedchinese.GBK.NewEncoder().String("新华社北京电")
	big5, _ := traditionalchinese.Big5.NewEncoder().String("中央社記者台北報導")
	for _, raw := range []string{"\xef\xbb\xbf人民网", gbk, big5} {
		text, rep, err := decode.Bytes([]byte(raw))
		fmt.Println(string(text), rep.Encoding, rep.BOM, err)
	}
	// Output:
	// 人民网 UTF-8 true <nil>
	// 新华社北京电 GB18030 false <nil>
	// 中央社記者台北報導 Big5 false <nil>
}

func ExampleBytes_declared() {
	page, _ := simplifiedchinese.GBK.NewEncoder().String(`<meta charset="gb2312"><p>记者王磊</p>`)
	text, rep, _ := decode.Bytes([]byte(page))
	fmt.Println(string(text))
	fmt.Println(rep.Encoding, rep.Declared)
	// Output:
	// <meta charset="gb2312"><p>记者王磊</p>
	// GB18030 gbk
}

// ExampleBytes_fewInvalid reads a GBK text with one damaged character,
// the pair A3 7C that GB18030 does not define: among 214 Han characters,
// it is replaced by U+FFFD and reported. In a short text it is an error
// (naming the first byte that is not UTF-8).
func ExampleBytes_fewInvalid() {
	body := strings.Repeat("全市经济运行总体平稳，稳中有进。", 15)
	gbk, _ := simplifiedchinese.GBK.NewEncoder().String("记者报道" + body)
	raw := []byte(gbk[:8] + "\xa3\x7c" + gbk[8:]) // after 记者报道
	text, rep, err := decode.Bytes(raw)
	fmt.Println(string([]rune(string(text))[:12]), err)
	fmt.Println(rep.Encoding, rep.Replaced, rep.FirstInvalid, rep.Invalid)
	_, _, err = decode.Bytes(raw[:20])
	fmt.Println(err)
	// Output:
	// 记者报道�全市经济运行总 <nil>
	// GB18030 1 8 [8]
	// byte 0 (line 1): not valid UTF-8, GB18030 or Big5
}

func ExampleLossy() {
	raw := []byte("第二段\xff坏了")
	_, _, err := decode.Bytes(raw)
	fmt.Println(err)
	text, rep, _ := decode.Bytes(raw, decode.Lossy())
	fmt.Println(string(text), rep.Replaced, rep.FirstInvalid, rep.Invalid)
	// Output:
	// byte 9 (line 1): not valid UTF-8
	// 第二段�坏了 1 9 [9]
}

func ExampleError() {
	// mostly UTF-8 with bad bytes: only UTF-8 is tried
	_, _, err := decode.Bytes([]byte("标题\n正文\x80\x80\x80"))
	if e, ok := err.(*decode.Error); ok {
		fmt.Println(e.Offset, e.Line, e.Tried)
	}
	// mostly not UTF-8: GB18030 and Big5 are tried too
	_, _, err = decode.Bytes([]byte("标题\n\xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8"))
	fmt.Println(err)
	// Output:
	// 13 2 [UTF-8]
	// byte 7 (line 2): not valid UTF-8, GB18030 or Big5
}

func ExampleReport() {
	_, rep, _ := decode.Bytes([]byte("\xff\xfe\x70\x65\x3b\x95")) // UTF-16LE 新闻 with a BOM
	fmt.Printf("%s BOM=%v\n", rep.Encoding, rep.BOM)
	// Output:
	// UTF-16LE BOM=true
}

func ExampleOption() {
	var opts []decode.Option
	if lossy := true; lossy {
		opts = append(opts, decode.Lossy())
	}
	text, rep, err := decode.Bytes([]byte("好\xff"), opts...)
	fmt.Printf("%+q %d %v\n", text, rep.Replaced, err)
	// Output:
	// "\u597d\ufffd" 1 <nil>
}

func ExampleReport_MarshalJSON() {
	gbk, _ := simplifiedchinese.GBK.NewEncoder().String("阳泉经济")
	_, rep, _ := decode.Bytes([]byte(gbk))
	b, _ := json.Marshal(rep)
	fmt.Println(string(b))
	_, rep, _ = decode.Bytes([]byte("阳泉\xff经济"), decode.Lossy())
	b, _ = json.Marshal(rep)
	fmt.Println(string(b))
	// Output:
	// {"encoding":"GB18030"}
	// {"encoding":"UTF-8","replaced":1,"invalid":[6],"first_invalid":6}
}

// ExampleBytes_encodings shows each encoding decode names.
func ExampleBytes_encodings() {
	gbk, _ := simplifiedchinese.GBK.NewEncoder().String("新华社北京电")
	big5, _ := traditionalchinese.Big5.NewEncoder().String("中央社記者台北報導")
	le := "\xff\xfe" + string([]byte{0xb0, 0x65, 0x3b, 0x53}) // 新华, UTF-16LE with its mark
	be := "\xfe\xff" + string([]byte{0x65, 0xb0, 0x53, 0x3b}) // 新华, UTF-16BE with its mark
	for _, raw := range []string{"新华社", gbk, big5, le, be} {
		_, rep, _ := decode.Bytes([]byte(raw))
		switch rep.Encoding {
		case decode.UTF8, decode.GB18030, decode.Big5, decode.UTF16LE, decode.UTF16BE:
			fmt.Println(rep.Encoding)
		}
	}
	// Output:
	// UTF-8
	// GB18030
	// Big5
	// UTF-16LE
	// UTF-16BE
}

func ExampleError_Error() {
	// UTF-8 text with a stray byte: no encoding reads it all
	_, _, err := decode.Bytes([]byte("阳泉\n\xff\xfe\xfd\x81"))
	fmt.Println(err)
	// Output:
	// byte 7 (line 2): not valid UTF-8
}

package convert

import (
	"strings"
	"testing"
	"testing/fstest"
)

// A small OpenCC data set: a phrase dictionary, a character dictionary and
// a Taiwan phrase step, in text form, the config naming the binary files.
var miniData = fstest.MapFS{
	"data/mini.json": {Data: []byte(`{
  "name": "mini s2twp",
  "segmentation": {"type": "mmseg", "dict": {"type": "ocd2", "file": "Phrases.ocd2"}},
  "conversion_chain": [
    {"dict": {"type": "group", "dicts": [{"type": "ocd2", "file": "Phrases.ocd2"}, {"type": "txt", "file": "Chars.txt"}]}},
    {"dict": {"type": "txt", "file": "TW.txt"}}
  ]
}`)},
	"data/Phrases.txt": {Data: []byte("鼠标\t鼠標\n级别\t級別\n")},
	"data/Chars.txt":   {Data: []byte("较\t較\n低\t低\n软\t軟\n件\t件\n内\t內\n存\t存")}, // no final newline
	"data/TW.txt":      {Data: []byte("鼠標\t滑鼠\n軟件\t軟體\n低級\t低階\n")},
}

func TestLoad(t *testing.T) {
	c, err := Load(miniData, "data/mini")
	if err != nil {
		t.Fatal(err)
	}
	if c.Name() != "mini" {
		t.Errorf("name %q", c.Name())
	}
	// 低級 is a TW key, but 级别 is one segment, so 低 and 級 never meet
	for in, want := range map[string]string{
		"较低级别的软件": "較低級別的軟體",
		"鼠标和内存":   "滑鼠和內存", // 存 is the last line, without a newline
	} {
		if got := c.String(in); got != want {
			t.Errorf("%q → %q, want %q", in, got, want)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	bad := fstest.MapFS{}
	for k, v := range miniData {
		bad[k] = v
	}
	bad["data/broken.json"] = &fstest.MapFile{Data: []byte("{\n  \"name\": \"x\",\n  \"segmentation\": {,\n}")}
	bad["data/nodict.json"] = &fstest.MapFile{Data: []byte(`{"segmentation": {"dict": {"type": "ocd2", "file": "Missing.ocd2"}}, "conversion_chain": [{"dict": {"type": "txt", "file": "Chars.txt"}}]}`)}
	bad["data/badline.json"] = &fstest.MapFile{Data: []byte(`{"segmentation": {"dict": {"type": "txt", "file": "Bad.txt"}}, "conversion_chain": [{"dict": {"type": "txt", "file": "Bad.txt"}}]}`)}
	bad["data/Bad.txt"] = &fstest.MapFile{Data: []byte("鼠标\t鼠標\n级别 級別\n")}
	bad["data/badtype.json"] = &fstest.MapFile{Data: []byte(`{"segmentation": {"dict": {"type": "marisa", "file": "x"}}, "conversion_chain": [{"dict": {"type": "txt", "file": "Chars.txt"}}]}`)}
	for config, want := range map[string]string{
		"data/absent":  "data/absent.json",
		"data/broken":  "data/broken.json:3:",
		"data/nodict":  "opencc_dict -i Missing.ocd2 -o Missing.txt",
		"data/badline": "data/Bad.txt:2: want a key, a tab",
		"data/badtype": `dictionary type "marisa"`,
	} {
		_, err := Load(bad, config)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Load(%s): error %v, want one containing %q", config, err, want)
		}
	}
}

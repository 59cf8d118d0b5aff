package convert

import (
	"strings"
	"testing"
	"testing/fstest"
)

// A small OpenCC data set in the layout of OpenCC's sources (config/ and
// dictionary/): a phrase dictionary, a character dictionary and a Taiwan
// phrase step, in text form with comments, the configuration naming the
// binary files as OpenCC's do.
var miniData = fstest.MapFS{
	"config/mini.json": {Data: []byte(`{
  // comments and trailing commas, as OpenCC reads its JSON
  "name": "mini s2twp",
  "segmentation": {"type": "mmseg", "dict": {"type": "ocd2", "file": "Phrases.ocd2"}},
  "conversion_chain": [
    {"dict": {"type": "group", "dicts": [{"type": "ocd2", "file": "Phrases.ocd2"}, {"type": "text", "file": "Chars.txt"}]}},
    {"dict": {"type": "txt", "file": "TW.txt"}}, /* a trailing comma */
  ]
}`)},
	"dictionary/Phrases.txt": {Data: []byte("# Open Chinese Convert (OpenCC) Dictionary\n# File: Phrases.txt\n\n鼠标\t鼠標\n级别\t級別\n")},
	"dictionary/Chars.txt":   {Data: []byte("\uFEFF较\t較\r\n低\t低\n软\t軟\n件\t件\n内\t內\n存\t存")}, // a BOM, a CR, no final newline
	"dictionary/TW.txt":      {Data: []byte("鼠標\t滑鼠\n軟件\t軟體\n低級\t低階\n")},
	// union and short-circuit groups, no segmentation, a normalization, an
	// inline dictionary and a tofu-risk one
	"config/policies.json": {Data: []byte(`{
  "name": "policies",
  "normalization": [{"dict": {"type": "inline", "entries": {"Ａ": "A"}}}],
  "conversion_chain": [{"dict": {"type": "group", "match_policy": "short_circuit", "dicts": [
    {"type": "group", "match_policy": "union", "dicts": [
      {"type": "text", "file": "Short.txt"}, {"type": "text", "file": "Long.txt"}]},
    {"type": "text", "file": "Risky.txt", "may_output_tofu": true},
    {"type": "text", "file": "Chars.txt"}]}}]
}`)},
	"dictionary/Short.txt": {Data: []byte("调制\t調變\nA\tα\n")},
	"dictionary/Long.txt":  {Data: []byte("调制解调器\t數據機\n调制\t調製\n")},
	"dictionary/Risky.txt": {Data: []byte("较\t𫝈\n")},
}

func TestLoad(t *testing.T) {
	c, err := Load(miniData, "config/mini")
	if err != nil {
		t.Fatal(err)
	}
	if c.Name() != "mini" || c.Description() != "mini s2twp" {
		t.Errorf("name %q, description %q", c.Name(), c.Description())
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

func TestLoadPolicies(t *testing.T) {
	for _, tc := range []struct {
		opts    []Option
		in, out string
	}{
		// union: the longest key of either member; a tie goes to the
		// first member; the normalization runs first (Ａ → A → α)
		{nil, "调制解调器，调制，Ａ较", "數據機，調變，α較"},
		{[]Option{IncludeTofuRisk()}, "调制，较", "調變，𫝈"},
	} {
		c, err := Load(miniData, "config/policies", tc.opts...)
		if err != nil {
			t.Fatal(err)
		}
		if got := c.String(tc.in); got != tc.out {
			t.Errorf("%q → %q, want %q", tc.in, got, tc.out)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	bad := fstest.MapFS{}
	for k, v := range miniData {
		bad[k] = v
	}
	cfg := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
	chars := `"conversion_chain": [{"dict": {"type": "text", "file": "Chars.txt"}}]`
	bad["config/broken.json"] = cfg("{\n  \"name\": \"x\",\n  \"segmentation\": {,\n}")
	bad["config/nodict.json"] = cfg(`{"segmentation": {"type": "mmseg", "dict": {"type": "ocd2", "file": "Missing.ocd2"}}, ` + chars + `}`)
	bad["config/badline.json"] = cfg(`{"conversion_chain": [{"dict": {"type": "text", "file": "Bad.txt"}}]}`)
	bad["dictionary/Bad.txt"] = cfg("鼠标\t鼠標\n级别 級別\n")
	bad["config/dupkey.json"] = cfg(`{"conversion_chain": [{"dict": {"type": "text", "file": "Dup.txt"}}]}`)
	bad["dictionary/Dup.txt"] = cfg("# x\n鼠标\t鼠標\n鼠标\t滑鼠\n")
	bad["config/badtype.json"] = cfg(`{` + "\n" + `"conversion_chain": [{"dict": {"type": "marisa", "file": "x"}}]}`)
	bad["config/unknown.json"] = cfg("{\n  \"name\": \"x\",\n  \"segmentaton\": {},\n" + chars + "}")
	bad["config/policy.json"] = cfg("{\n\"conversion_chain\": [{\"dict\": {\"type\": \"group\",\n \"match_policy\": \"longest\", \"dicts\": [{\"type\": \"text\", \"file\": \"Chars.txt\"}]}}]}")
	bad["config/jieba.json"] = cfg(`{"segmentation": {"type": "jieba", "resources": {"dict": "x"}}, ` + chars + `}`)
	bad["config/inlinetofu.json"] = cfg(`{"conversion_chain": [{"dict": {"type": "inline", "entries": {"a": "b"}, "may_output_tofu": true}}]}`)
	bad["config/nochain.json"] = cfg(`{"name": "x"}`)
	for config, want := range map[string]string{
		"config/absent":     "config/absent.json",
		"config/broken":     "config/broken.json:3:",
		"config/nodict":     "config/nodict.json:1: dictionary Missing.txt not found in config/Missing.txt or dictionary/Missing.txt",
		"config/badline":    "dictionary/Bad.txt:2: no tab",
		"config/dupkey":     `dictionary/Dup.txt:3: key "鼠标" already given on line 2`,
		"config/badtype":    `config/badtype.json:2: dictionary type "marisa"`,
		"config/unknown":    `config/unknown.json:3: configuration: unknown key "segmentaton"`,
		"config/policy":     `config/policy.json:3: match_policy "longest"`,
		"config/jieba":      `segmentation resources belong to plugin segmentations`,
		"config/inlinetofu": `may_output_tofu is not allowed on an inline dictionary`,
		"config/nochain":    `config/nochain.json:1: no conversion_chain`,
	} {
		_, err := Load(bad, config)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Load(%s): error %v, want one containing %q", config, err, want)
		}
	}
}

// TestLoadOpenCCSources loads OpenCC 1.4.2's sources as its package
// ships them (opencc/, the data the built-in tables are made from), where
// five dictionaries exist only as rules: Load makes them, and every
// configuration converts as the built-in one does.
func TestLoadOpenCCSources(t *testing.T) {
	s := seeds(t)["000.txt"] + seeds(t)["001.txt"] + "㑮\uF900"
	for _, name := range Configs() {
		c, err := LoadDir("opencc", "config/"+name, IncludeTofuRisk())
		if err != nil {
			t.Fatal(err)
		}
		if got, want := c.String(s), MustNew(name, IncludeTofuRisk()).String(s); got != want {
			t.Errorf("%s: differs from the built-in at byte %d", name, firstDiff(got, want))
		}
	}
}

package convert

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParseText checks the text dictionary reader on any input: no panic;
// an error names the file and line; otherwise every key and value is
// valid, non-empty UTF-8 and no key is given twice.
func FuzzParseText(f *testing.F) {
	for _, name := range []string{"TWVariants", "HKVariants", "TSPhrases"} {
		if b, err := os.ReadFile("opencc/dictionary/" + name + ".txt"); err == nil {
			f.Add(b[:min(len(b), 2000)])
		}
	}
	f.Add([]byte("\uFEFF# c\n# @tofu-risk: x\n㑮\t㑮 𫝈\r\n\n鼠标\t鼠標"))
	f.Add([]byte("# @reverse-prefer: 才 纔\n才\t才\n纔\t才 纔\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		td, err := parseText("x.txt", data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "convert: x.txt:") {
				t.Fatalf("error without file and line: %v", err)
			}
			return
		}
		seen := map[string]bool{}
		for _, e := range td.entries {
			if e.key == "" || !utf8.ValidString(e.key) || seen[e.key] || len(e.values) == 0 {
				t.Fatalf("bad entry %+v", e)
			}
			seen[e.key] = true
			for _, v := range e.values {
				if v == "" || !utf8.ValidString(v) {
					t.Fatalf("bad value in %+v", e)
				}
			}
		}
		// what reads back builds a trie that finds every key
		keys := make([]string, 0, len(td.entries))
		values := make([]string, 0, len(td.entries))
		for _, e := range td.entries {
			keys, values = append(keys, e.key), append(values, e.values[0])
		}
		d := buildDict("x", keys, values)
		for i, k := range keys {
			if n, out, _ := d.longest([]byte(k), 0, len(k), -2); n != len(k) || out != values[i] {
				if n, out, _ = newGroup(d).match([]byte(k), 0, len(k), -2); n != len(k) || out != values[i] {
					t.Fatalf("key %q: matched %d bytes → %q, want %q", k, n, out, values[i])
				}
			}
		}
		reverseText(td)
		tofuRiskOf(td)
	})
}

// FuzzParseConfig checks the configuration reader on any input: no
// panic, and an error names the file and line.
func FuzzParseConfig(f *testing.F) {
	for _, name := range []string{"s2twp", "t2s", "t2jp"} {
		if b, err := os.ReadFile("opencc/config/" + name + ".json"); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(`{/* c */ "conversion_chain": [{"dict": {"type": "inline", "entries": {"a": "b",},},},], // x
}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		if _, err := parseConfig("x.json", data); err != nil && !strings.HasPrefix(err.Error(), "convert: x.json:") {
			t.Fatalf("error without file and line: %v", err)
		}
	})
}

package convert

import (
	"embed"
	"encoding/binary"
	"fmt"
	"unsafe"
)

// The built-in dictionaries are gocc's, stored in the form the matcher
// walks so that a process's first conversion does not rebuild a trie from
// text. testdata is not where they live: they are part of the package.
// TestBuiltinTables rebuilds every one of them with gocc and checks that it
// equals the stored table byte for byte; `go test ./convert -run
// TestBuiltinTables -update` writes them again after gocc changes.
//
//go:embed tables/*.dat
var tableFiles embed.FS

// builtinChains lists, for each built-in configuration, the dictionaries
// of each conversion step, as gocc's config JSON gives them.
var builtinChains = map[string][][]string{
	"s2t":   {{"STPhrases.txt", "STCharacters.txt"}},
	"t2s":   {{"TSPhrases.txt", "TSCharacters.txt"}},
	"s2tw":  {{"STPhrases.txt", "STCharacters.txt"}, {"TWVariants.txt"}},
	"tw2s":  {{"TWVariantsRevPhrases.txt", "TWVariantsRev.txt"}, {"TSPhrases.txt", "TSCharacters.txt"}},
	"s2hk":  {{"STPhrases.txt", "STCharacters.txt"}, {"HKVariantsPhrases.txt", "HKVariants.txt"}},
	"hk2s":  {{"HKVariantsRevPhrases.txt", "HKVariantsRev.txt"}, {"TSPhrases.txt", "TSCharacters.txt"}},
	"s2twp": {{"STPhrases.txt", "STCharacters.txt"}, {"TWPhrases.txt"}, {"TWVariants.txt"}},
	"tw2sp": {{"TWVariantsRevPhrases.txt", "TWVariantsRev.txt"}, {"TWPhrasesRev.txt"}, {"TSPhrases.txt", "TSCharacters.txt"}},
	"t2tw":  {{"TWVariants.txt"}},
	"t2hk":  {{"HKVariants.txt"}},
}

// tableMagic starts every stored table; the digit is the format's version.
const tableMagic = "cnnews-da1\n"

// tablePath is where the table of dictionary file name lives in tableFiles.
func tablePath(name string) string { return "tables/" + name[:len(name)-len(".txt")] + ".dat" }

// encodeTable writes the trie and values of d: the magic, the node and
// value counts, each node's v and c, the end offset of each value, then
// the values' bytes. All numbers are 32-bit little-endian.
func encodeTable(d *dict) []byte {
	size := len(tableMagic) + 8 + 8*len(d.n) + 4*len(d.out)
	for _, v := range d.out {
		size += len(v)
	}
	b := make([]byte, 0, size)
	b = append(b, tableMagic...)
	b = binary.LittleEndian.AppendUint32(b, uint32(len(d.n)))
	b = binary.LittleEndian.AppendUint32(b, uint32(len(d.out)))
	for _, nd := range d.n {
		b = binary.LittleEndian.AppendUint32(b, uint32(nd.v))
		b = binary.LittleEndian.AppendUint32(b, uint32(nd.c))
	}
	end := 0
	for _, v := range d.out {
		end += len(v)
		b = binary.LittleEndian.AppendUint32(b, uint32(end))
	}
	for _, v := range d.out {
		b = append(b, v...)
	}
	return b
}

// decodeTable reads a table written by encodeTable. The values share one
// string; the nodes are copied.
func decodeTable(name string, b []byte) (*dict, error) {
	bad := func(what string) error { return fmt.Errorf("convert: table %s: %s", name, what) }
	if len(b) < len(tableMagic)+8 || string(b[:len(tableMagic)]) != tableMagic {
		return nil, bad("not a table of this version")
	}
	b = b[len(tableMagic):]
	nn, nv := int(binary.LittleEndian.Uint32(b)), int(binary.LittleEndian.Uint32(b[4:]))
	b = b[8:]
	if nn > len(b)/8 || nv > (len(b)-8*nn)/4 {
		return nil, bad("truncated")
	}
	d := &dict{name: name, n: make([]node, nn), out: make([]string, nv)}
	for i := range d.n {
		d.n[i] = node{int32(binary.LittleEndian.Uint32(b[8*i:])), int32(binary.LittleEndian.Uint32(b[8*i+4:]))}
	}
	ends := b[8*nn : 8*nn+4*nv]
	text := b[8*nn+4*nv:]
	all := unsafe.String(unsafe.SliceData(text), len(text)) // embedded, never written
	start := 0
	for i := range d.out {
		end := int(binary.LittleEndian.Uint32(ends[4*i:]))
		if end < start || end > len(all) {
			return nil, bad("value offsets out of order")
		}
		d.out[i] = all[start:end]
		start = end
	}
	if start != len(all) {
		return nil, bad("trailing bytes")
	}
	for _, nd := range d.n {
		if nd.c >= 0 && nd.v >= 0 && nd.v != noValue && int(nd.v) >= nv {
			return nil, bad("value index out of range")
		}
	}
	d.finish()
	return d, nil
}

// builtinDict returns the stored table of a built-in dictionary.
func builtinDict(name string) (*dict, error) {
	b, err := tableFiles.ReadFile(tablePath(name))
	if err != nil {
		return nil, fmt.Errorf("convert: built-in dictionary %s: %w", name, err)
	}
	return decodeTable(name, b)
}

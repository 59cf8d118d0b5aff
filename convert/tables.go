package convert

import (
	"embed"
	"encoding/binary"
	"fmt"
	"io/fs"
	"math/bits"
	"slices"
	"strings"
	"sync"
)

// The built-in data is OpenCC 1.4.2's (Apache-2.0; see opencc/LICENSE),
// as the npm package opencc@1.4.2 ships it: its configurations, embedded
// as they are, and its dictionaries, stored as the tries the matcher walks
// so that a first conversion does not build a trie from text. The
// dictionaries OpenCC makes when it is built, and the merged dictionaries
// of union groups, are stored made.
//
// opencc/ holds the sources (go run ./internal/fetchopencc fetches them
// again); TestBuiltinTables builds every table from them and checks that
// it equals the stored one byte for byte, TestCharacterTables does the
// same for the character tables derived from them (see chartables.go),
// and `go generate` (which runs both tests with -update) writes them
// again.
//
//go:generate go run ./internal/fetchopencc -version 1.4.2 -sha256 5b5e89fb0aeb98963892203f3665611816b4c2e22b1131ee74ccba2976de4515 -out opencc
//go:generate go test -run "^(TestBuiltinTables|TestCharacterTables)$" -update .
//go:embed tables/*.dat opencc/config/*.json
var builtinFS embed.FS

// openccVersion is the version of the npm package opencc the built-in data
// comes from (see the go:generate line above).
const openccVersion = "1.4.2"

// DataVersion returns the version of OpenCC whose configurations and
// dictionaries are built in.
func DataVersion() string { return openccVersion }

// builtinConfigs is the directory of the built-in configurations.
var builtinConfigs, _ = fs.Sub(builtinFS, "opencc/config")

var configNames = sync.OnceValue(func() []string {
	var names []string
	entries, _ := fs.ReadDir(builtinConfigs, ".")
	for _, e := range entries {
		if name, ok := strings.CutSuffix(e.Name(), ".json"); ok && !strings.Contains(name, "schema") {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	return names
})

// Configs returns the names of the built-in configurations, OpenCC's
// names, sorted: hk2s, hk2sp, hk2t, jp2t, s2hk, s2hkp, s2t, s2tw, s2twp,
// t2hk, t2jp, t2s, t2tw, tw2s, tw2sp, tw2t.
func Configs() []string { return slices.Clone(configNames()) }

var descriptions = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for _, name := range configNames() {
		data, _ := fs.ReadFile(builtinConfigs, name+".json")
		if cfg, err := parseConfig(name+".json", data); err == nil {
			m[name] = cfg.name
		}
	}
	return m
})

// Describe returns the description OpenCC gives a built-in configuration,
// or "" for a name that is not one.
func Describe(config string) string { return descriptions()[config] }

// loadBuiltin builds a built-in configuration from the stored tables that
// table returns.
func loadBuiltin(config string, o options, table func(string) (*dict, error)) (*Converter, error) {
	l := &loader{fsys: builtinConfigs, opts: o, table: table, files: map[string]*dict{}, unions: map[string]*dict{}}
	return l.load(config + ".json")
}

// tableMagic starts every stored table; the digit is the format's version.
const tableMagic = "cnnews-da2\n"

// tablePath is where the table of a dictionary (or union) lives in
// builtinFS.
func tablePath(name string) string { return "tables/" + name + ".dat" }

// encodeTable writes the trie and values of d: the magic, the node and
// value counts, each node's v and c, the end offset of each value, the
// values' bytes, then, for a dictionary of phrases, its filters (see
// dict.buildPairs): whether it has one-character keys, the pair bit set
// and the table of heads, so that a first use does not build them. All
// numbers are little-endian, 32-bit but for the bit set's 64-bit words.
func encodeTable(d *dict) []byte {
	size := len(tableMagic) + 8 + 8*len(d.n) + 4*len(d.out) + 4
	for _, v := range d.out {
		size += len(v)
	}
	if d.pairs != nil {
		size += 12 + 8*len(d.pairs) + 8 + 16*len(d.heads.slots)
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
	if d.pairs == nil {
		return binary.LittleEndian.AppendUint32(b, 0)
	}
	b = binary.LittleEndian.AppendUint32(b, 1)
	ones := uint32(0)
	if d.ones {
		ones = 1
	}
	b = binary.LittleEndian.AppendUint32(b, ones)
	b = binary.LittleEndian.AppendUint32(b, uint32(len(d.pairs)))
	for _, w := range d.pairs {
		b = binary.LittleEndian.AppendUint64(b, w)
	}
	b = binary.LittleEndian.AppendUint32(b, uint32(len(d.heads.slots)))
	b = binary.LittleEndian.AppendUint32(b, uint32(d.heads.shift))
	for _, e := range d.heads.slots {
		b = binary.LittleEndian.AppendUint32(b, e.k)
		b = binary.LittleEndian.AppendUint32(b, uint32(e.node))
		b = binary.LittleEndian.AppendUint32(b, uint32(e.v2))
		b = binary.LittleEndian.AppendUint32(b, e.more)
	}
	return b
}

// decodeTable reads a table written by encodeTable. The values share one
// string; nothing refers to b afterwards.
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
	rest := b[8*nn+4*nv:]
	total := 0
	if nv > 0 {
		total = int(binary.LittleEndian.Uint32(ends[4*(nv-1):]))
	}
	if total > len(rest) {
		return nil, bad("truncated values")
	}
	text := rest[:total]
	all := string(text) // a copy: the rest of b is not kept
	start := 0
	for i := range d.out {
		end := int(binary.LittleEndian.Uint32(ends[4*i:]))
		if end < start || end > len(all) {
			return nil, bad("value offsets out of order")
		}
		d.out[i] = all[start:end]
		start = end
	}
	for _, nd := range d.n {
		if nd.c >= 0 && nd.v >= 0 && nd.v != noValue && int(nd.v) >= nv {
			return nil, bad("value index out of range")
		}
	}
	if err := d.decodeFilters(rest[total:]); err != nil {
		return nil, bad(err.Error())
	}
	d.finish()
	return d, nil
}

// decodeFilters reads the filters encodeTable writes after the values.
func (d *dict) decodeFilters(b []byte) error {
	u32 := func() (uint32, bool) {
		if len(b) < 4 {
			return 0, false
		}
		v := binary.LittleEndian.Uint32(b)
		b = b[4:]
		return v, true
	}
	has, ok := u32()
	switch {
	case !ok:
		return fmt.Errorf("truncated")
	case has == 0:
		if len(b) > 0 {
			return fmt.Errorf("trailing bytes")
		}
		return nil
	}
	ones, _ := u32()
	words, ok := u32()
	if !ok || words == 0 || words&(words-1) != 0 || int(words) > len(b)/8 {
		return fmt.Errorf("bad pair filter")
	}
	d.ones = ones == 1
	d.pairs, d.pairMask = make([]uint64, words), uint32(64*words-1)
	for i := range d.pairs {
		d.pairs[i] = binary.LittleEndian.Uint64(b[8*i:])
	}
	b = b[8*words:]
	slots, _ := u32()
	shift, ok := u32()
	if !ok || slots == 0 || slots&(slots-1) != 0 || int(slots) != len(b)/16 || len(b)%16 != 0 || shift != uint32(64-bits.TrailingZeros32(slots)) {
		return fmt.Errorf("bad table of heads")
	}
	d.heads = headTable{slots: make([]headSlot, slots), shift: uint(shift)}
	for i := range d.heads.slots {
		e := b[16*i:]
		d.heads.slots[i] = headSlot{k: binary.LittleEndian.Uint32(e), node: int32(binary.LittleEndian.Uint32(e[4:])),
			v2: int32(binary.LittleEndian.Uint32(e[8:])), more: binary.LittleEndian.Uint32(e[12:])}
		if n := d.heads.slots[i].node; n < 0 || int(n) >= len(d.n) {
			return fmt.Errorf("bad table of heads")
		}
	}
	return nil
}

// builtinDict returns the stored table of a built-in dictionary.
func builtinDict(name string) (*dict, error) {
	b, err := builtinFS.ReadFile(tablePath(name))
	if err != nil {
		return nil, fmt.Errorf("built-in dictionary %s: %w", name, err)
	}
	return decodeTable(name, b)
}

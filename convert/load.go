package convert

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"strings"

	"github.com/cnnews/cnnews/convert/internal/ocd2"
)

// Option changes how [New] and [Load] build a Converter. Options are
// values: pass the same ones to get the same Converter.
type Option func(*options)

type options struct {
	tofu bool
}

// IncludeTofuRisk keeps the dictionaries an OpenCC configuration marks
// "may_output_tofu": they map characters to forms common fonts may lack,
// which print as empty boxes ("tofu"). OpenCC's command line leaves them
// out unless asked (--include-tofu-risk-dictionaries), and so does this
// package; OpenCC's library keeps them. Of the built-in configurations,
// t2s, tw2s, tw2sp, hk2s and hk2sp have one (TSCharactersExt), which
// turns 㑮 into 𫝈, for example.
func IncludeTofuRisk() Option { return func(o *options) { o.tofu = true } }

func optionsOf(opts []Option) options {
	var o options
	for _, f := range opts {
		if f != nil {
			f(&o)
		}
	}
	return o
}

// LoadDir is [Load] from a directory of the file system.
func LoadDir(dir, config string, opts ...Option) (*Converter, error) {
	return Load(os.DirFS(dir), config, opts...)
}

// Load builds a Converter from OpenCC data in fsys: a configuration (config
// is its path in fsys, with or without ".json") and the dictionaries it
// names. It reads OpenCC's data as OpenCC ships it, from 1.1 to 1.4:
//
//   - the configuration's JSON with comments and trailing commas, and every
//     key of OpenCC's schema: normalization, segmentation (mmseg) or none,
//     groups with match_policy "short_circuit" or "union", may_output_tofu
//     (see [IncludeTofuRisk]), and dictionaries of type text, ocd2, ocd,
//     inline and group;
//   - dictionaries in the text format ("key<TAB>value value…" lines, with
//     "#" comments) and in the binary .ocd2 format. A dictionary is looked
//     for beside the configuration, then in a "dictionary" directory beside
//     the configuration's directory, as in OpenCC's source tree; a binary
//     one that is missing is read from the text file of the same name;
//   - the dictionaries OpenCC makes when it is built, when only their
//     sources are there: TSCharactersExt, TWVariantsRev, HKVariantsRev,
//     JPShinjitaiCharactersRev and STPhrases_GeneratedFromRegionalPhrases
//     (which needs t2s.json beside the configuration), made by OpenCC's
//     rules.
//
// Anything it does not understand is an error naming the file and line;
// nothing is skipped. Plugin segmentations (jieba) and ".ocd" binaries are
// not supported. Each call builds a new Converter: keep it, it is safe for
// concurrent use.
func Load(fsys fs.FS, config string, opts ...Option) (*Converter, error) {
	if !strings.HasSuffix(config, ".json") {
		config += ".json"
	}
	l := &loader{fsys: fsys, opts: optionsOf(opts), files: map[string]*dict{}, unions: map[string]*dict{}}
	return l.load(config)
}

// loader builds the Converter of one configuration.
type loader struct {
	fsys fs.FS
	opts options
	dir  string // the configuration's directory
	cfg  *config
	// table, for the built-in data, returns the stored table of a
	// dictionary (by its base name) or of a union of them (their names
	// joined by "+"). Without it, dictionaries are read from fsys.
	table func(name string) (*dict, error)
	// record, when set, is told every dictionary built, by the same name
	// (see TestBuiltinTables, which stores them as tables).
	record func(name string, d *dict)
	files  map[string]*dict
	unions map[string]*dict
	texts  map[string]*textDict // by path
}

func (l *loader) load(config string) (*Converter, error) {
	data, err := fs.ReadFile(l.fsys, config)
	if err != nil {
		return nil, fmt.Errorf("convert: %w", err)
	}
	cfg, err := parseConfig(config, data)
	if err != nil {
		return nil, err
	}
	l.cfg, l.dir = cfg, path.Dir(config)
	steps := func(list []*cfgDict, tofu bool) ([]*group, error) {
		var out []*group
		for _, cd := range list {
			ds, err := l.resolve(cd, tofu)
			if err != nil {
				return nil, err
			}
			if len(ds) > 0 {
				out = append(out, newGroup(ds...))
			}
		}
		return out, nil
	}
	norm, err := steps(cfg.norm, l.opts.tofu)
	if err != nil {
		return nil, err
	}
	var seg *group
	if cfg.seg != nil {
		// OpenCC keeps tofu-risk dictionaries in segmentation
		ds, err := l.resolve(cfg.seg, true)
		if err != nil {
			return nil, err
		}
		seg = newGroup(ds...)
	}
	chain, err := steps(cfg.chain, l.opts.tofu)
	if err != nil {
		return nil, err
	}
	name := strings.TrimSuffix(path.Base(config), ".json")
	c := assemble(name, seg, chain)
	c.description = cfg.name
	if len(norm) > 0 {
		c.norm = assemble(name+" normalization", nil, norm)
		c.filter = newNormFilter(norm)
	}
	return c, nil
}

// resolve returns the dictionaries of a configuration's dictionary, tried
// in order with OpenCC's short-circuit policy: a union group is one merged
// dictionary, a short-circuit group its members in order. A dictionary
// marked may_output_tofu is left out unless tofu is set; so is a group
// left with none.
func (l *loader) resolve(cd *cfgDict, tofu bool) ([]*dict, error) {
	ds, err := l.resolve1(cd, tofu)
	if l.record != nil && err == nil && cd.typ != "inline" {
		for _, d := range ds {
			l.record(d.name, d)
		}
	}
	return ds, err
}

func (l *loader) resolve1(cd *cfgDict, tofu bool) ([]*dict, error) {
	if cd.tofu && !tofu {
		return nil, nil
	}
	switch cd.typ {
	case "inline":
		keys := make([]string, len(cd.entries))
		values := make([]string, len(cd.entries))
		for i, e := range cd.entries {
			keys[i], values[i] = e[0], e[1]
		}
		return []*dict{buildDict(fmt.Sprintf("%s:%d", l.cfg.file, cd.line), keys, values)}, nil
	case "group":
		if cd.union && l.table != nil {
			// the built-in data stores each union made
			var names []string
			for _, sub := range cd.dicts {
				if sub.typ == "group" || sub.typ == "inline" {
					return nil, fmt.Errorf("convert: %s:%d: no stored table for this union", l.cfg.file, sub.line)
				}
				if !sub.tofu || tofu {
					names = append(names, strings.TrimSuffix(path.Base(sub.file), path.Ext(sub.file)))
				}
			}
			if len(names) == 0 {
				return nil, nil
			}
			d, err := l.table(strings.Join(names, "+"))
			if err != nil {
				return nil, fmt.Errorf("convert: %s:%d: %w", l.cfg.file, cd.line, err)
			}
			return []*dict{d}, nil
		}
		var all []*dict
		for _, sub := range cd.dicts {
			ds, err := l.resolve1(sub, tofu)
			if err != nil {
				return nil, err
			}
			if cd.union && len(ds) > 1 {
				return nil, fmt.Errorf("convert: %s:%d: a union group holding a short_circuit group of several dictionaries is not supported", l.cfg.file, sub.line)
			}
			all = append(all, ds...)
		}
		if !cd.union || len(all) < 2 {
			return all, nil
		}
		var names []string
		for _, d := range all {
			names = append(names, d.name)
		}
		name := strings.Join(names, "+")
		d, ok := l.unions[name]
		if !ok {
			d = union(name, all...)
			l.unions[name] = d
		}
		return []*dict{d}, nil
	}
	d, err := l.file(cd)
	if err != nil {
		return nil, err
	}
	return []*dict{d}, nil
}

// generated returns, for a dictionary OpenCC makes when it is built, the
// rule that makes it, or nil.
func generated(name string) func(l *loader, at *cfgDict) ([]textEntry, error) {
	switch name {
	case "TWVariantsRev":
		return reverseOf("TWVariants")
	case "HKVariantsRev":
		return reverseOf("HKVariants")
	case "JPShinjitaiCharactersRev":
		return reverseOf("JPShinjitaiCharacters")
	case "TSCharactersExt":
		return func(l *loader, at *cfgDict) ([]textEntry, error) {
			td, err := l.text("TSCharacters", at)
			if err != nil {
				return nil, err
			}
			return tofuRiskOf(td)
		}
	case "STPhrases_GeneratedFromRegionalPhrases":
		return (*loader).regionalPhrases
	}
	return nil
}

// regionalPhrases makes STPhrases_GeneratedFromRegionalPhrases from
// HKPhrases and TWPhrases with the t2s configuration beside this one,
// tofu-risk dictionaries included, as OpenCC makes it.
func (l *loader) regionalPhrases(at *cfgDict) ([]textEntry, error) {
	sub := &loader{fsys: l.fsys, opts: options{tofu: true}, table: l.table, files: l.files, unions: map[string]*dict{}, texts: l.texts}
	t2s, err := sub.load(path.Join(l.dir, "t2s.json"))
	if err != nil {
		return nil, fmt.Errorf("convert: %s:%d: STPhrases_GeneratedFromRegionalPhrases is made with t2s: %w", l.cfg.file, at.line, err)
	}
	var sources []*textDict
	for _, name := range []string{"HKPhrases", "TWPhrases"} {
		td, err := l.text(name, at)
		if err != nil {
			return nil, err
		}
		sources = append(sources, td)
	}
	return regionalPhrases(t2s, sources...)
}

func reverseOf(source string) func(l *loader, at *cfgDict) ([]textEntry, error) {
	return func(l *loader, at *cfgDict) ([]textEntry, error) {
		td, err := l.text(source, at)
		if err != nil {
			return nil, err
		}
		return reverseText(td)
	}
}

// candidates returns the paths a dictionary file name may be found at.
func (l *loader) candidates(file string) []string {
	return []string{path.Join(l.dir, file), path.Join(path.Dir(l.dir), "dictionary", file)}
}

// file returns a file dictionary of the configuration.
func (l *loader) file(cd *cfgDict) (*dict, error) {
	base := strings.TrimSuffix(path.Base(cd.file), path.Ext(cd.file))
	if l.table != nil {
		d, err := l.table(base)
		if err != nil {
			return nil, fmt.Errorf("convert: %s:%d: %w", l.cfg.file, cd.line, err)
		}
		return d, nil
	}
	if cd.typ == "ocd2" || cd.typ == "ocd" {
		for _, p := range l.candidates(cd.file) {
			if d, ok := l.files[p]; ok {
				return d, nil
			}
			data, err := fs.ReadFile(l.fsys, p)
			if errors.Is(err, fs.ErrNotExist) {
				continue
			}
			if err != nil {
				return nil, fmt.Errorf("convert: %w", err)
			}
			if cd.typ == "ocd" {
				return nil, fmt.Errorf("convert: %s:%d: %s: the .ocd format of OpenCC 1.0 is not supported: give the text dictionary %s.txt instead", l.cfg.file, cd.line, p, base)
			}
			entries, err := ocd2.Read(data)
			if err != nil {
				return nil, fmt.Errorf("convert: %s: %w", p, err)
			}
			keys := make([]string, len(entries))
			values := make([]string, len(entries))
			for i, e := range entries {
				keys[i], values[i] = e.Key, e.Values[0]
			}
			d := buildDict(base, keys, values)
			l.files[p] = d
			return d, nil
		}
	} else if path.Ext(cd.file) != ".txt" {
		return l.dictOf(strings.TrimSuffix(cd.file, path.Ext(cd.file)), path.Ext(cd.file), cd)
	}
	return l.dictOf(strings.TrimSuffix(cd.file, path.Ext(cd.file)), ".txt", cd)
}

// dictOf builds the dictionary of the text file stem+ext, or makes it
// when OpenCC generates it and it is not there.
func (l *loader) dictOf(stem, ext string, cd *cfgDict) (*dict, error) {
	base := path.Base(stem)
	td, err := l.textFile(stem+ext, cd)
	if rule := generated(base); errors.Is(err, fs.ErrNotExist) && rule != nil {
		if d, ok := l.files["generated:"+base]; ok {
			return d, nil
		}
		entries, err := rule(l, cd)
		if err != nil {
			return nil, err
		}
		td = &textDict{name: base, entries: entries}
		d := dictOfText(base, td)
		l.files["generated:"+base] = d
		return d, nil
	}
	if err != nil {
		return nil, err
	}
	if d, ok := l.files[td.name]; ok {
		return d, nil
	}
	d := dictOfText(base, td)
	l.files[td.name] = d
	return d, nil
}

func dictOfText(name string, td *textDict) *dict {
	keys := make([]string, len(td.entries))
	values := make([]string, len(td.entries))
	for i, e := range td.entries {
		keys[i], values[i] = e.key, e.values[0]
	}
	return buildDict(name, keys, values)
}

// text reads the source dictionary name.txt a generated one is made from.
func (l *loader) text(name string, at *cfgDict) (*textDict, error) {
	td, err := l.textFile(name+".txt", at)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("convert: %s:%d: making %s needs %s.txt, not found in %s", l.cfg.file, at.line, path.Base(at.file), name, strings.Join(l.candidates(name+".txt"), " or "))
	}
	return td, err
}

// textFile reads a text dictionary from the first place it is found; its
// name in the result is the path it was read from.
func (l *loader) textFile(file string, at *cfgDict) (*textDict, error) {
	for _, p := range l.candidates(file) {
		if td, ok := l.texts[p]; ok {
			return td, nil
		}
		data, err := fs.ReadFile(l.fsys, p)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("convert: %w", err)
		}
		td, err := parseText(p, data)
		if err != nil {
			return nil, err
		}
		if l.texts == nil {
			l.texts = map[string]*textDict{}
		}
		l.texts[p] = td
		return td, nil
	}
	return nil, fmt.Errorf("convert: %s:%d: dictionary %s not found in %s: %w", l.cfg.file, at.line, file, strings.Join(l.candidates(file), " or "), fs.ErrNotExist)
}

package convert

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/liuzl/da"
)

// LoadDir is [Load] from a directory of the file system.
func LoadDir(dir, config string) (*Converter, error) {
	return Load(os.DirFS(dir), config)
}

// Load builds a Converter from OpenCC data in fsys: a configuration JSON
// (config is its path in fsys, with or without ".json") and the
// dictionaries it names, in OpenCC's text format ("key<TAB>value value…"
// a line). A dictionary of type "ocd2" or "ocd", OpenCC's binary format,
// is read from the text file of the same name ending in ".txt" beside it;
// make it with OpenCC's tool:
//
//	opencc_dict -i STPhrases.ocd2 -o STPhrases.txt -f ocd2 -t text
//
// Errors name the file and, where it applies, the line. Each call builds
// a new Converter: keep it, it is safe for concurrent use.
func Load(fsys fs.FS, config string) (*Converter, error) {
	if !strings.HasSuffix(config, ".json") {
		config += ".json"
	}
	data, err := fs.ReadFile(fsys, config)
	if err != nil {
		return nil, fmt.Errorf("convert: %w", err)
	}
	var cfg struct {
		Name         string `json:"name"`
		Segmentation struct {
			Type string     `json:"type"`
			Dict *dictEntry `json:"dict"`
		} `json:"segmentation"`
		Chain []struct {
			Dict *dictEntry `json:"dict"`
		} `json:"conversion_chain"`
	}
	if err := json.Unmarshal(data, &cfg); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return nil, fmt.Errorf("convert: %s:%d: %w", config, 1+bytes.Count(data[:se.Offset], []byte{'\n'}), err)
		}
		return nil, fmt.Errorf("convert: %s: %w", config, err)
	}
	l := &loader{fsys: fsys, dir: path.Dir(config), dicts: map[string]*dict{}}
	if cfg.Segmentation.Dict == nil {
		return nil, fmt.Errorf("convert: %s: no segmentation dictionary", config)
	}
	if t := cfg.Segmentation.Type; t != "" && t != "mmseg" {
		return nil, fmt.Errorf("convert: %s: segmentation type %q: only mmseg is supported", config, t)
	}
	if len(cfg.Chain) == 0 {
		return nil, fmt.Errorf("convert: %s: empty conversion_chain", config)
	}
	segDicts, err := l.entry(config, cfg.Segmentation.Dict)
	if err != nil {
		return nil, err
	}
	var chain []*group
	for i, step := range cfg.Chain {
		if step.Dict == nil {
			return nil, fmt.Errorf("convert: %s: conversion_chain[%d] has no dict", config, i)
		}
		ds, err := l.entry(config, step.Dict)
		if err != nil {
			return nil, err
		}
		chain = append(chain, newGroup(ds...))
	}
	name := strings.TrimSuffix(path.Base(config), ".json")
	c := assemble(name, newGroup(segDicts...), chain)
	return c, nil
}

type dictEntry struct {
	Type  string       `json:"type"`
	File  string       `json:"file"`
	Dicts []*dictEntry `json:"dicts"`
}

type loader struct {
	fsys  fs.FS
	dir   string
	dicts map[string]*dict // by path, so a dictionary used twice is read once
}

// entry loads a dictionary entry of a configuration: one file, or a group
// flattened in order.
func (l *loader) entry(config string, e *dictEntry) ([]*dict, error) {
	switch e.Type {
	case "group":
		var all []*dict
		for _, sub := range e.Dicts {
			if sub == nil {
				continue
			}
			ds, err := l.entry(config, sub)
			if err != nil {
				return nil, err
			}
			all = append(all, ds...)
		}
		if len(all) == 0 {
			return nil, fmt.Errorf("convert: %s: empty dictionary group", config)
		}
		return all, nil
	case "txt", "text", "ocd2", "ocd":
		file := e.File
		if e.Type == "ocd2" || e.Type == "ocd" {
			file = strings.TrimSuffix(strings.TrimSuffix(file, ".ocd2"), ".ocd") + ".txt"
		}
		d, err := l.file(path.Join(l.dir, file))
		if err != nil {
			if e.Type != "txt" && e.Type != "text" && errors.Is(err, fs.ErrNotExist) {
				return nil, fmt.Errorf("%w (%s is %s binary: convert it with opencc_dict -i %s -o %s -f ocd2 -t text)", err, e.File, e.Type, e.File, file)
			}
			return nil, err
		}
		return []*dict{d}, nil
	default:
		return nil, fmt.Errorf("convert: %s: dictionary type %q: want txt, ocd2, ocd or group", config, e.Type)
	}
}

// file reads one dictionary in OpenCC's text format, checking every line.
func (l *loader) file(name string) (*dict, error) {
	if d, ok := l.dicts[name]; ok {
		return d, nil
	}
	data, err := fs.ReadFile(l.fsys, name)
	if err != nil {
		return nil, fmt.Errorf("convert: %w", err)
	}
	for n, line := range bytes.Split(data, []byte{'\n'}) {
		line = bytes.TrimRight(line, "\r")
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		key, value, ok := bytes.Cut(line, []byte{'\t'})
		switch {
		case !utf8.Valid(line):
			return nil, fmt.Errorf("convert: %s:%d: not valid UTF-8", name, n+1)
		case !ok || len(bytes.TrimSpace(key)) == 0 || len(bytes.TrimSpace(value)) == 0:
			return nil, fmt.Errorf("convert: %s:%d: want a key, a tab and at least one value: %q", name, n+1, line)
		}
	}
	if len(data) > 0 && data[len(data)-1] != '\n' {
		data = append(data[:len(data):len(data)], '\n') // the builder skips a last line without one
	}
	raw, err := da.Build(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("convert: %s: %w", name, err)
	}
	d := newDict(path.Base(name), raw)
	l.dicts[name] = d
	return d, nil
}

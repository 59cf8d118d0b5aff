package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/transform"

	"github.com/cnnews/cnnews/convert"
)

func runConvert(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("convert", flag.ContinueOnError)
	fs.SetOutput(stderr)
	config := fs.String("c", "", "OpenCC configuration: "+strings.Join(convert.Configs(), ", "))
	dir := fs.String("opencc-dir", "", "read the configuration and its dictionaries (OpenCC text format) from this directory instead of the built-in ones")
	punct := fs.Bool("punct", false, "also turn ASCII , ; : ? ! ( ) in Chinese text into full-width punctuation")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: cnnews convert -c CONFIG [flags] [FILE...]\n\n"+
			"Converts each FILE (standard input when none) and writes it to standard output,\n"+
			"streaming in constant memory with the same result as converting it whole.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if *config == "" {
		fmt.Fprintf(stderr, "cnnews convert: -c CONFIG is required; one of %s\n", strings.Join(convert.Configs(), ", "))
		return 2
	}
	var c *convert.Converter
	var err error
	if *dir != "" {
		c, err = convert.LoadDir(*dir, *config)
	} else {
		c, err = convert.New(*config)
	}
	if err != nil {
		fmt.Fprintf(stderr, "cnnews: %v\n", err)
		return 2
	}
	return eachInput(fs.Args(), stdin, stderr, func(_ string, r io.Reader) error {
		if *punct {
			r = transform.NewReader(r, convert.Punctuation())
		}
		_, err := c.Convert(stdout, r)
		return err
	})
}

func runDetect(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("detect", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: cnnews detect [FILE...]\n\n"+
			"Prints, for each FILE (standard input when none), a line:\n"+
			"FILE<TAB>simplified|traditional|mixed|none<TAB>han=N simplified=N traditional=N\n")
		fs.PrintDefaults()
	}
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	return eachInput(fs.Args(), stdin, stderr, func(name string, r io.Reader) error {
		b, err := io.ReadAll(r)
		if err != nil {
			return err
		}
		d := convert.Detect(string(b))
		_, err = fmt.Fprintf(stdout, "%s\t%s\than=%d simplified=%d traditional=%d\n", name, d.Script, d.Han, d.Simplified, d.Traditional)
		return err
	})
}

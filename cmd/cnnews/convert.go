package main

import (
	"flag"
	"fmt"
	"io"
	"runtime"
	"strings"

	"golang.org/x/text/transform"

	"github.com/cnnews/cnnews/convert"
)

func runConvert(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("convert", flag.ContinueOnError)
	fs.SetOutput(stderr)
	config := fs.String("c", "", "OpenCC configuration: "+strings.Join(convert.Configs(), ", "))
	dir := fs.String("opencc-dir", "", "read the configuration and its dictionaries from OpenCC data in this directory (as OpenCC ships it: JSON configurations, text or .ocd2 dictionaries) instead of the built-in OpenCC 1.4.2")
	tofu := fs.Bool("include-tofu-risk-dictionaries", false, "also use the dictionaries OpenCC marks as risking tofu (characters common fonts lack), as OpenCC's library does; its command line leaves them out, and so does this one")
	repair := fs.Bool("repair", false, "first fix the wrong characters a character-by-character conversion left in Traditional text (全麵 → 全面, 機製 → 機制), reading each FILE whole; the count goes to standard error")
	punct := fs.Bool("punct", false, "also turn ASCII , ; : ? ! ( ) in Chinese text into full-width punctuation")
	lossy := lossyFlag(fs)
	jobs := fs.Int("j", runtime.NumCPU(), "goroutines converting pieces of a large input at once (the output is the same for any number)")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: cnnews convert -c CONFIG [flags] [FILE...]\n"+
			"       cnnews convert --repair [-c CONFIG] [flags] [FILE...]\n\n"+
			"Converts each FILE (standard input when none) and writes it to standard output.\n"+
			"Each input is read whole and decoded as cnnews run decodes (GBK, Big5, UTF-16, …).\n"+
			"With --repair, fixes what a bad conversion left first; -c is then optional.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if *config == "" && !*repair {
		fmt.Fprintf(stderr, "cnnews convert: -c CONFIG (or --repair) is required; CONFIG is one of %s\n", strings.Join(convert.Configs(), ", "))
		return 2
	}
	var c *convert.Converter
	if *config != "" {
		var opts []convert.Option
		if *tofu {
			opts = append(opts, convert.IncludeTofuRisk())
		}
		var err error
		if *dir != "" {
			c, err = convert.LoadDir(*dir, *config, opts...)
		} else {
			c, err = convert.New(*config, opts...)
		}
		if err != nil {
			fmt.Fprintf(stderr, "cnnews: %v\n", err)
			return 2
		}
	}
	return eachInput(fs.Args(), stdin, stderr, func(name string, r io.Reader) error {
		data, _, err := readInput(name, r, *lossy, stderr, nil)
		if err != nil {
			return err
		}
		text := string(data)
		if *repair {
			fixed, n := convert.Repair(text)
			fmt.Fprintf(stderr, "cnnews convert: %s: %d characters repaired\n", name, n)
			text = fixed
		}
		var in io.Reader = strings.NewReader(text)
		if *punct {
			in = transform.NewReader(in, convert.Punctuation())
		}
		if c == nil {
			_, err := io.Copy(stdout, in)
			return err
		}
		_, err = c.ConvertParallel(stdout, in, *jobs)
		return err
	})
}

func runDetect(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("detect", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: cnnews detect [FILE...]\n\n"+
			"Prints, for each FILE (standard input when none), a line:\n"+
			"FILE<TAB>simplified|traditional|mixed|neither<TAB>han=N simplified=N traditional=N\n")
		fs.PrintDefaults()
	}
	lossy := lossyFlag(fs)
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	return eachInput(fs.Args(), stdin, stderr, func(name string, r io.Reader) error {
		b, _, err := readInput(name, r, *lossy, stderr, nil)
		if err != nil {
			return err
		}
		d := convert.Detect(string(b))
		_, err = fmt.Fprintf(stdout, "%s\t%s\than=%d simplified=%d traditional=%d\n", name, d.Script, d.Han, d.Simplified, d.Traditional)
		return err
	})
}

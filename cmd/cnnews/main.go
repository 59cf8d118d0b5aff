// Command cnnews cleans Chinese news articles as scrapers leave them.
//
// Usage:
//
//	cnnews run [flags] -o OUT.jsonl PATH...
//	cnnews clean [flags] [FILE...]
//	cnnews convert -c CONFIG [flags] [FILE...]
//	cnnews detect [FILE...]
//	cnnews frontmatter [FILE...]
//	cnnews dedupe [flags] PATH...
//
// run takes a whole corpus — files, directories and JSONL files of
// {"id","text"} or {"id","html"} records — through decoding, front matter,
// cleaning and optional conversion on every core, drops copies of earlier
// articles, and writes the kept ones as JSON lines in input order, the
// rejected inputs with their reasons to a file beside them, and a summary
// to standard error. Output appears only when the run completes.
//
// clean removes publisher boilerplate (editor and source lines,
// disclaimers, copyright notices, share prompts, navigation, related lists,
// end marks) and inline pinyin glosses from each FILE, or from standard
// input when there is none, and prints the cleaned text; with --json, one
// JSON object per input with the metadata found and every removal with its
// byte offsets into the file.
//
// Run 'cnnews help COMMAND' for the flags of a command. A file that cannot
// be read is reported on standard error; the other files are still
// processed and the exit status is 1.
package main

import (
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

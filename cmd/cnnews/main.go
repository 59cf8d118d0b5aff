// Command cnnews cleans Chinese news articles as scrapers leave them.
//
// Usage:
//
//	cnnews clean [flags] [FILE...]
//
// clean removes publisher boilerplate (editor and source lines,
// disclaimers, copyright notices, share prompts, navigation, related lists,
// end marks) and inline pinyin glosses from each FILE, or from standard
// input when there is none, and prints the cleaned text. With --json it
// prints one JSON object per input instead, with the metadata found and
// every removal with its byte offsets into the file. A leading YAML front
// matter block (--- … ---) is set aside before cleaning and reported as a
// removal of its own.
//
// A file that cannot be read is reported on standard error; the other files
// are still cleaned and the exit status is 1.
package main

import (
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

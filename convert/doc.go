// Package convert converts Chinese text between Simplified and Traditional
// script with OpenCC's dictionaries and OpenCC's results, tells which
// script a text is in, and repairs punctuation folded to ASCII.
//
// Conversion:
//
//	c, _ := convert.New("s2twp")  // Simplified → Taiwan Traditional with Taiwanese phrases
//	c.String("较低级别的软件，鼠标和内存")
//	// 較低級別的軟體，滑鼠和記憶體
//
// Every configuration OpenCC names and gocc ships is built in: s2t, t2s,
// s2tw, tw2s, s2hk, hk2s, s2twp, tw2sp, t2tw and t2hk ([Configs]). A
// [Converter] is built once per process from the dictionaries
// github.com/liuzl/gocc embeds, shared, and safe for concurrent use. The
// package stores those dictionaries as the double-array tries gocc builds
// from them (checked equal to gocc's by its tests), so a first use takes
// milliseconds instead of rebuilding tries from text.
//
// # OpenCC's results
//
// OpenCC first cuts the text into segments by longest match in a phrase
// dictionary, then runs every segment through each step of the
// configuration's chain; within a step the first dictionary with any match
// wins, with its longest key. The segments matter for configurations of
// several steps: 较低级别 is one segment (级别 is a phrase), so Taiwan's
// phrase 低級 → 低階 cannot apply across it, and s2twp gives 較低級別 where
// a converter without segmentation gives 較低階別. This package segments
// as OpenCC does and, given the same dictionaries, its output is OpenCC's
// byte for byte: the tests compare it with Debian's opencc on every
// configuration OpenCC ships. [Load] reads current OpenCC data in its text
// format.
//
// # Speed
//
// The matcher walks the dictionaries' double-array tries in place and
// allocates nothing beyond the output ([Converter.Append] into a reused
// buffer allocates nothing at all). Most positions never reach a trie: text
// no key can start (ASCII, digits, punctuation) is copied in runs; a bit
// set over the first two characters of every phrase sends a position that
// begins none straight to a table of single characters; a table keyed by
// the first two characters knows the two-character phrase there and the
// third characters of the longer ones. A last step of single characters
// (s2tw's and s2twp's Taiwan variants) is folded into the step before it,
// and a segment that is one phrase takes its output, through every step,
// from a table built on first use. [Converter.Convert]
// streams from an io.Reader to an io.Writer in constant memory and, unlike
// the opencc command, which converts files in 1 MiB blocks, never cuts a
// phrase in two: it cuts only where no key can straddle the cut.
//
// # Script detection and punctuation
//
// [Detect] counts the characters only one script uses (发 or 發) and gives
// a verdict, [Simplified], [Traditional], [Mixed] or [None], with the
// counts behind it. [Punctuation] is a transform.Transformer that turns
// ASCII , ; : ? ! ( ) back into ，；：？！（） where they follow (or enclose)
// Chinese text, as scrapers' width folding leaves it:
//
//	歲暮天寒,望春則暖。(朔州)15:11:00 LED(led)
//	// 歲暮天寒，望春則暖。（朔州）15:11:00 LED(led)
package convert

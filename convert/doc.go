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
// OpenCC 1.4.2's sixteen configurations are built in ([Configs]), with its
// data (Apache-2.0, from the npm package opencc@1.4.2, kept in opencc/)
// and its semantics: the normalization of CJK compatibility ideographs,
// union and short-circuit groups, configurations without segmentation,
// ideographic description sequences (⿰讠吾) kept whole, and the
// dictionaries OpenCC marks as risking tofu (characters common fonts lack)
// left out as its command line leaves them, or kept with
// [IncludeTofuRisk]. The output is OpenCC's byte for byte: the tests
// compare it with opencc-js 1.4.2 on all sixteen configurations and pass
// all 543 of OpenCC's own test cases. A [Converter] is built once per
// process, shared, and safe for concurrent use. The package stores the
// dictionaries as the double-array tries the matcher walks, so a first use
// takes milliseconds instead of building tries from text.
//
// [Load] reads OpenCC's data as OpenCC ships it, any version from 1.1 on:
// configurations with comments, text and .ocd2 dictionaries, and the
// dictionaries OpenCC generates when it is built, made from their sources.
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
// byte for byte.
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
// # Repairing a bad conversion
//
// Text converted from Simplified one character at a time picks one
// Traditional form for each character whatever the word. [Repair] fixes
// those choices and leaves everything else, variants a text chose
// included:
//
//	提前製定了物資的全麵保障，聯係各方，反複核實。台灣的米麵製品
//	// 提前制定了物資的全面保障，聯繫各方，反覆核實。台灣的米麵製品
//
// # Script detection and punctuation
//
// [Detect] counts the characters only one script uses (发 or 發) and gives
// a verdict, [Simplified], [Traditional], [Mixed] or [Neither], with the
// counts behind it. [Punctuation] is a transform.Transformer that turns
// ASCII , ; : ? ! ( ) back into ，；：？！（） where they follow (or enclose)
// Chinese text, as scrapers' width folding leaves it:
//
//	歲暮天寒,望春則暖。(朔州)15:11:00 LED(led)
//	// 歲暮天寒，望春則暖。（朔州）15:11:00 LED(led)
package convert

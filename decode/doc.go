// Package decode reads the bytes scrapers save as UTF-8 text, whatever
// encoding Chinese pages arrived in: UTF-8 with or without a byte order
// mark, UTF-16 with one, GB18030 (and the GBK and GB2312 it contains), Big5,
// or the charset an HTML <meta> tag declares.
//
// Before, the bytes of a GBK page:
//
//	d0 c2 bb aa c9 e7 b1 b1 be a9 b5 e7
//
// After decode.Bytes:
//
//	新华社北京电   (Report{Encoding: "GB18030"})
//
// Valid UTF-8 is returned as it is. Text that is mostly UTF-8 (at least
// half of its first 4,096 bytes above ASCII in UTF-8 sequences) with some bad
// bytes is bad UTF-8, not another encoding: read as GBK, its UTF-8 part
// would turn into nonsense. Otherwise a declared charset is used if
// it decodes without error, and then GB18030 and Big5 are both tried: many
// byte sequences are valid in both, so the one whose text is made of common
// Chinese characters wins.
//
// A GBK or Big5 page with a few damaged characters, such as the pair
// A3 7C that GB18030 does not define, is read as browsers read it: with
// U+FFFD for each invalid sequence, when there are at most 50 of them, at
// most one per 200 Han characters, and the text read is made of common
// Chinese characters (see [Bytes]). The [Report] says how many were
// replaced (Replaced) and where, as byte offsets into the input
// (FirstInvalid, and Invalid, which lists up to 100).
//
// Bytes that are none of these are an [*Error] that names the first byte
// that is not UTF-8 and its line; with [Lossy] they are read as UTF-8 with
// each bad byte replaced by U+FFFD, and the [Report] says how many were
// replaced and where. Nothing is replaced without being reported.
package decode

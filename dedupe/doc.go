// Package dedupe finds copies of the same story across sites and scripts,
// at corpus scale, and says which copy to keep.
//
// The same story is republished with other headers and footers, cut to an
// excerpt, machine-converted to Traditional script and sprinkled with
// pinyin glosses:
//
//	复工就是稳就业，复产就是稳经济。……（文章来源：新华网）
//	複工就是穩就業(ye) ,複產(chan) 就是穩經濟。……責任編輯: 吉政
//
// Matching compares text as [Normalize] gives it — Traditional folded to Simplified
// character by character, glosses, punctuation and white space dropped,
// Latin in lower case, full width folded — so those two are one story; the
// stored text is never changed.
//
// Two stages find copies. An exact copy has the same 128-bit hash of its
// normalised text. A near copy shares character 5-gram shingles: each
// document gets a 128-value one-permutation MinHash with densification,
// cut into 20 bands of 6 values for locality-sensitive hashing, and each
// candidate a band proposes is verified: Jaccard similarity of at least
// 0.7, or containment of at least 0.8 (an excerpt of a longer copy). All
// of these are options ([Shingle], [Bands], [Threshold]).
//
// An [Index] takes documents one at a time, from any number of goroutines,
// and returns the earlier documents each one duplicates, with the
// similarity its signature estimates; it keeps about 800 bytes a document
// beyond the caller's IDs, and refuses an ID it already holds
// ([ErrDuplicateID]). [Clusters] takes a batch, verifies every candidate
// pair exactly on the shingle sets, joins copies with union-find and
// chooses the copy to keep by a [Policy]: the longest, the earliest, or
// the first seen. A [Clusterer] does the same one document at a time
// without holding the texts, asking for an earlier one again only when a
// pair needs the exact check: for corpora larger than memory.
package dedupe

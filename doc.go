// Package cnnews turns Chinese news articles as scrapers leave them into
// clean, well-described text. This package is the tour, and the one call
// that runs a whole article: [Pipeline.Process]. The work is done by small
// packages, each useful alone:
//
//   - [github.com/cnnews/cnnews/decode] reads bytes in the encodings
//     Chinese pages arrive in (UTF-8 with or without a byte order mark,
//     UTF-16, GB18030 and GBK, Big5, a charset a <meta> tag declares) and
//     names the byte where input is none of them.
//   - [github.com/cnnews/cnnews/frontmatter] splits and decodes the YAML,
//     TOML or JSON front matter of Jekyll and Hugo posts, with real dates
//     and errors that name the line.
//   - [github.com/cnnews/cnnews/clean] strips publisher boilerplate
//     (editor and source lines, disclaimers, copyright notices, share
//     prompts, breadcrumbs, related-news lists, end marks) and inline
//     pinyin glosses, turns HTML into paragraphs, and reports every removal
//     with its rule, category, text and byte offsets, plus the metadata it
//     found (source, editors, reporters, photographers, publish time).
//   - [github.com/cnnews/cnnews/convert] converts between Simplified and
//     Traditional script with OpenCC's results for all ten configurations,
//     detects a text's script, and restores full-width punctuation.
//   - [github.com/cnnews/cnnews/dedupe] finds exact and near copies of a
//     story across sites and scripts and says which copy to keep.
//
// # One article
//
// Before, as a scraper saved it — Big5 bytes, front matter, a header line,
// pinyin glosses, punctuation folded to ASCII, an editor line:
//
//	---
//	title: 山西復工復產
//	---
//	發布時間:2022-05-09 15:11:00來源: 人民網-山西頻道
//	複工就是穩就業(ye) ,複產(chan) 就是穩經濟。
//	(責編: 李文治)
//
// After p.Process with cnnews.New(cnnews.Convert("t2s"),
// cnnews.RepairPunctuation()):
//
//	复工就是稳就业，复产就是稳经济。
//
// with Encoding "Big5", Script traditional, Converted "t2s", Meta.Title
// 山西復工復產, Meta.Source 人民網-山西頻道, Meta.Editors [李文治],
// Meta.PublishedAt 2022-05-09 15:11:00 +0800, and five removals: the front
// matter, the header line, two glosses and the editor line, each with its
// rule, category and offsets. Input that cannot be used is an
// [*InputError] with a [Reason] — never a panic, never a silent loss.
//
// A [Pipeline] is built once and is safe for concurrent use; options choose
// the conversion ([Convert]), punctuation repair ([RepairPunctuation]), the
// cleaner's rules ([Clean] with [clean.Without], [clean.With]), lossy
// decoding ([Lossy]) and the size limit ([MaxSize]).
//
// # A whole corpus
//
// The command cnnews (in cmd/cnnews) runs the pipeline over folders and
// JSONL files on every core, drops copies with package dedupe, and writes
// the kept articles as JSON lines in input order, the rejected inputs with
// their reasons beside them, and a summary:
//
//	go run ./cmd/cnnews run -o out.jsonl --convert t2s corpus/ dump.jsonl
//
// Its other commands run one package each:
//
//	go run ./cmd/cnnews clean --sample
//	go run ./cmd/cnnews convert -c t2s article.txt
//	go run ./cmd/cnnews detect *.txt
//	go run ./cmd/cnnews frontmatter post.md
//	go run ./cmd/cnnews dedupe corpus/
//
// # Where to go next
//
// The package documentation of clean explains how rules read an article
// (head, body and tail zones), what each category removes, and how to
// switch rules off or add your own; examples/ holds small programs that
// clean a folder to JSONL, convert a corpus, find copies and add a rule for
// a site's footer. Every exported name has a runnable example.
package cnnews

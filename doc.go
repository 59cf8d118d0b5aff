// Package cnnews is the tour of a library that turns Chinese news articles
// as scrapers leave them into clean, well-described text. The work is done
// by small packages, each useful alone:
//
//   - [github.com/cnnews/cnnews/clean] strips publisher boilerplate
//     (editor and source lines, disclaimers, copyright notices, share
//     prompts, breadcrumbs, related-news lists, end marks) and inline
//     pinyin glosses, turns HTML into paragraphs, and reports every removal
//     with its rule, category, text and byte offsets, plus the metadata it
//     found (source, editors, reporters, photographers, publish time).
//   - [github.com/cnnews/cnnews/frontmatter] splits and decodes the YAML,
//     TOML or JSON front matter of Jekyll and Hugo posts, with real dates
//     and errors that name the line.
//   - [github.com/cnnews/cnnews/dedupe] finds exact and near copies of a
//     story across sites and scripts and says which copy to keep.
//   - [github.com/cnnews/cnnews/convert] converts between Simplified and
//     Traditional script with OpenCC's results for all ten configurations,
//     detects a text's script, and restores full-width punctuation.
//
// The command cnnews (in cmd/cnnews) runs them over files:
//
//	go run ./cmd/cnnews clean --sample
//	go run ./cmd/cnnews clean --json article.txt
//	go run ./cmd/cnnews convert -c t2s article.txt
//	go run ./cmd/cnnews detect *.txt
//	go run ./cmd/cnnews frontmatter post.md
//	go run ./cmd/cnnews dedupe corpus/
//
// # Cleaning an article
//
// Before, as a scraper left it, in Traditional script with pinyin glosses:
//
//	新利平台 > 即時新聞 > 地方
//	發布時間:2022-05-09 15:11:00來源: 人民網-山西頻道
//	  複工就是穩就業(ye) ,複產(chan) 就是穩經濟。
//	(責編: 李文治)
//
// After clean.Default().CleanString(article):
//
//	複工就是穩就業,複產就是穩經濟。
//
// with Meta.Source 人民網-山西頻道, Meta.Editors [李文治], Meta.PublishedAt
// 2022-05-09 15:11:00 +0800, and five removals (breadcrumb, header-meta,
// two pinyin-gloss, editor-line), each with input[Start:End] == Text.
//
// # Normalising the script
//
// Cleaned Traditional text goes to Simplified with
// convert.MustNew("t2s").String(res.Text): 複工就是穩就業 → 复工就是稳就业;
// convert.Detect tells which articles need it.
//
// # Where to go next
//
// The package documentation of clean explains how rules read an article
// (head, body and tail zones), what each category removes, and how to
// switch rules off or add your own. Every exported name has a runnable
// example.
package cnnews

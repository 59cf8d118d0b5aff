// Package frontmatter splits and decodes the front matter of Jekyll and
// Hugo posts — YAML between --- lines, TOML between +++ lines, or a leading
// JSON object — with real dates and errors that name the line of the file.
//
// A scraped article often arrives as a Jekyll post:
//
//	---
//	layout: post
//	title: "踔厉奋发 阳泉“双战双赢”谋新篇"
//	date: 2022-05-13 05:46:47 +0800
//	categories: yangquanribao
//	---
//	<p>春风拂过，山城大地万物复苏。</p>…
//
// [Split] gives the fields in order (layout, title, date, categories, each
// with its line), the body untouched (<p>春风拂过…), and [Document.Date]
// parses 2022-05-13 05:46:47 +0800 — which is not a YAML timestamp, its
// zone has no colon, so YAML decoders return it as a string — into
// 2022-05-13T05:46:47+08:00, keeping the text it was written as.
//
// Delimiters are strict: a line of exactly ---, +++ or ... (trailing
// spaces allowed), so "----", "---more" and an indented "  ---" inside a
// block scalar are text. A UTF-8 BOM, blank lines before the block and
// CRLF line ends are accepted. A --- block that is not a mapping — a
// Markdown horizontal rule at the top of a file — is not front matter, and
// the whole input is the body. A block opened and never closed is an
// error naming its line; so are a key given twice, a block larger than
// [MaxSize] (1 MiB by default), nesting deeper than 100 levels and YAML
// alias bombs, refused in bounded time and memory.
//
// [Document.Set] changes or adds fields of YAML front matter and
// [Document.Bytes] writes the document again with the key order, the
// comments and the body kept; an unchanged document comes back byte for
// byte. [Read] reads the front matter from an io.Reader without reading
// the body.
package frontmatter

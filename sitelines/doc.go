// Package sitelines learns the lines a site repeats at the head and tail of
// its articles — its slogan, column names, read counts, sponsor lines,
// hotlines, 投稿邮箱, issue numbers — and removes them. No keyword can know
// such lines, so package clean keeps them; what gives them away is that
// they recur across the site's articles, at the same ends. Repetition is
// the signal CCNet (paragraph hashes per shard) and Chinese-C4 (line
// hashes, “very well for duplicated header and footer”) found most
// general.
//
// Three articles of one site, after [clean.Default]:
//
//	晨光新闻网——传递正能量，服务千万家    晨光新闻网——传递正能量，服务千万家    晨光新闻网——传递正能量，服务千万家
//	【民生栏目】                          【民生栏目】                          【民生栏目】
//	阅读 (1234)                           阅读 (87)                             阅读 (56012)
//	本市新开通三条公交线路。              一季度全市经济运行平稳。              今年夏粮收购工作全面展开。
//	线路覆盖城东新区的五个小区。          工业增加值同比增长百分之五。          各收购点秩序井然。
//	本栏目由晨光银行特约支持              本栏目由晨光银行特约支持              本栏目由晨光银行特约支持
//	晨光融媒 第12期                       晨光融媒 第13期                       晨光融媒 第14期
//
// A [Learner] fed them learns the slogan, the column name, the read count
// and the issue line (digits are folded: [Normalize]) and the sponsor
// line; the rule of the [Site] then cleans each article to its story:
//
//	本市新开通三条公交线路。
//	线路覆盖城东新区的五个小区。
//
// with each line reported as a removal of rule "site-line" in category
// "site".
//
// # What is learned
//
// For each site the Learner counts, per article, the lines in its head and
// tail — the first and last Config.Edge (5) paragraphs of the cleaned text
// — and, for lines it already counts, the articles that hold them only in
// the middle. Lines are compared in normalised form ([Normalize]: white
// space dropped, full-width ASCII folded, digits folded to 0) and lines
// over [MaxRunes] (200) characters are never counted. A line is learned
// when it is in the head or tail of at least Config.MinArticles (3) and at
// least Config.MinShare (20%) of the site's articles, and in the middle of
// articles less than a quarter as often. Three articles, because two can
// share a line by chance (one story sent twice); 20%, because a column
// name is in only the articles of its column — a site with five columns
// shows each in a fifth of its articles — while a sentence that a handful
// of stories on one event share is in far fewer of a site's articles once
// it has a few dozen. A site with fewer than three articles learns nothing.
//
// The [Site.Rule] is a head and tail rule: package clean runs it on the
// lines before the story and after it, never between two of the story's
// paragraphs. A learned line in the middle of an article stays, and so
// does a sentence that recurs in the middle of many articles (a standard
// policy quote) even where it is learned. A sentence that opens or closes
// a fifth of a site's articles and is rarely anywhere else is taken for
// one of the site's lines. Whole copied articles are package dedupe's
// work, not this one's.
//
// # Memory
//
// Each site has a table of at most Config.Counters (256) counters, run by
// the Misra–Gries algorithm: a new line when every counter is taken
// decreases them all instead. Counts are never too high, so no line is
// learned below the thresholds; they are too low by at most 2×Edge/(Counters+1)
// of the site's articles (3.9%), so a line in more than 23.9% of them is
// learned whatever the order of the articles (when it is in the middle
// of them rarely). A site costs [SiteBytes] (128) bytes plus [LineBytes]
// (32) bytes for each counter its table has room for — at most 8,320
// bytes — plus its name and the texts of the lines it counts that are in
// two articles, in an arena at most twice their size (at most 256 lines
// of at most 200 characters; the learned ones are typically 10 to 40
// characters). [Learner.Bytes] says what a Learner holds. A [Site] holds
// its learned lines only: at most 2×Edge/MinShare (50) of them.
//
// # Use
//
// Learning needs the corpus before cleaning it: feed every article of a
// site to [Learner.Add] (the text the site's cleaner leaves without the
// site rule, before any script conversion), then clean each with a
// cleaner built with clean.With(site.Rule()). cnnews run --site-lines does
// so in two passes over its inputs, keying sites with [Key]. Package clean
// stays per-article: what the corpus teaches reaches a Cleaner as a rule.
package sitelines

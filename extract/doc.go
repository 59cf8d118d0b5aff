// Package extract finds the article in a whole HTML news page and reads
// what the page says about it: title, publish time, authors, source, site
// name and URL.
//
// A page that a crawler saved holds much more than the story: menus and
// channel bars, breadcrumbs, a headline and an info line, share bars,
// related-news lists, 热门排行 side bars, comment boxes, copyright and ICP
// footers:
//
//	<div class="nav"><a href="/">首页</a> <a href="/news">新闻</a> …</div>
//	<h1>山西阳泉加快推进项目建设</h1>
//	<div class="info">2022-05-09 10:20 来源：阳泉日报</div>
//	<div class="content">
//	  <p>今年以来，阳泉市紧紧围绕高质量发展目标，扎实推进重点项目建设……</p>
//	  <p>在位于开发区的一处施工现场，塔吊林立，机器轰鸣……</p>
//	  <div class="share">分享到：<a>微信</a> <a>微博</a></div>
//	</div>
//	<div class="hot-rank"><h3>热门排行</h3><ol><li><a>…</a></li></ol></div>
//	<div class="footer">Copyright © 2022 某某网 晋ICP备12345678号</div>
//
// [Parse] builds the page's tree with an HTML5 parser (the tree a browser
// builds, whatever the markup: unclosed elements, stray tags, text in
// tables), finds the element that holds the story (div.content), marks
// the furniture inside it (the share bar) and reads the metadata:
//
//	Text:      今年以来，阳泉市紧紧围绕高质量发展目标，扎实推进重点项目建设……
//	           在位于开发区的一处施工现场，塔吊林立，机器轰鸣……
//	Title:     山西阳泉加快推进项目建设
//	Published: 2022-05-09 10:20 (China Standard Time)
//	Source:    阳泉日报
//
// # How it decides
//
// Every block of text is scored as a paragraph: one point, one more for
// each mark of sentence punctuation (，。！？；：、“”: the insight of GNE,
// that Chinese prose is dense with punctuation and furniture is not), one
// for every forty characters up to three, all reduced by the share of the
// block that is link text. A paragraph's score goes to the element that
// holds it, half of it to the one above, less further up, as in
// readability. The element with the best score, less its share of link
// text and weighed by its class and id (article, content, detail, 正文's
// zhengwen raise it; nav, comment, share, related, footer lower it, but
// never remove an element for its name alone), is the article's container;
// siblings that read as more of the story join it. Inside it, blocks named
// as furniture, blocks that are mostly links, forms and hidden blocks are
// [Page.Dropped] — unless they hold a large part of the article, whatever
// their name says.
//
// The headline is the <h1> (or another short element) whose text agrees
// with <title> or og:title; the title is its text, else og:title, JSON-LD
// headline or <title> without its site suffix. The publish time comes from
// article:published_time and the other meta tags, JSON-LD datePublished,
// the lines around the headline, <time datetime> or the URL, in that order;
// a time written without a zone is China Standard Time (UTC+8).
//
// # Tracing the text to the input
//
// Every text node of the tree can be traced to the bytes of the input it
// came from ([Page.Spans]), even where the parser moved it: the cleaner in
// package clean reports what it removes from a page as spans of the input.
// Text the parser makes up has no spans and is counted in [Page.Lost].
//
// # Use
//
// A [Page] is a plain value built by [Parse]; Parse is safe for concurrent
// use. The input must be UTF-8: decode other encodings first (package
// decode). The cleaner in package clean runs Parse on every whole page
// it is given; use this package alone for the article element, its text
// or the metadata, as go-readability's users do.
package extract

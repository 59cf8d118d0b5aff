// Package clean removes publisher boilerplate and inline pinyin glosses from
// Chinese news articles as scrapers leave them, and reports every removal.
//
// An article arrives as plain text (one paragraph per line, often indented
// with U+3000, NBSP or spaces) or as HTML (a fragment of <p> elements or a
// whole page), in Simplified or Traditional script, with full-width and
// half-width punctuation mixed freely:
//
//	新利平台 > 即時新聞 > 地方
//	穩中求進看山西|統籌發展 朔州攻堅克難拓新局
//	發布時間:2022-05-09 15:11:00來源: 人民網-山西頻道
//	  複工就是穩就業(ye) ,複產(chan) 就是穩經濟。
//	朔州東(dong) 高速口,疫情防控人員查驗過往車輛健康碼。高文武 攝
//	  堅決切斷疫情傳(chuan) 播鏈條。
//	(責編: 李文治)
//	版權聲明:凡注明“來源:新利平台”的所有作品,版權歸本網所有。
//
// [Default] cleans it to the story alone:
//
//	複工就是穩就業,複產就是穩經濟。
//	堅決切斷疫情傳播鏈條。
//
// and returns, beside the text, the metadata found in what it removed
// (title 穩中求進看山西|…, source 人民網-山西頻道, published 2022-05-09
// 15:11:00, editor 李文治, photographer 高文武) and a [Removal] for each
// piece it took out: the rule, its [Category], the text and where it was,
// so that input[Start:End] is exactly the removed text.
//
// # How it decides
//
// Boilerplate removal needs the whole article, so a [Cleaner] is a list of
// named rules ([Rule]) over paragraphs, not a character stream transformer. An
// article is read as a head, a body and a tail ([Zone]): head rules remove
// leading paragraphs while they match (breadcrumbs, a title over its header
// line, 发布时间/来源 lines), tail rules remove trailing ones (editor lines,
// disclaimers, copyright notices, related-news lists, end marks), and only
// strongly shaped lines are removed from the body (【责任编辑:X】, bare URLs,
// photo captions ending "X 摄", share prompts). So an article about
// copyright law that quotes 免责声明 keeps its paragraphs, an interview
// keeps its 记者：questions, and a byline glued to the lead
// (新华社太原6月3日电（记者王晓明）记者从…) loses the byline, not the lead.
//
// Where the story starts and ends is read from what the lines are: a
// paragraph of prose ends a sentence and is not a line of credits. Every
// line beyond the first and last such paragraph is judged on its own, so a
// tail ending in a line no rule knows (阅读 (), 举报) still loses its
// 责任编辑 line; short unknown lines among known ones, and lines that read
// as furniture (a date and time, a role word before a name, hashtags, page
// buttons, a line with no Chinese), go with them under the [Block]
// category, and the credits they hold still reach [Meta]. A list, a poem,
// a short closing quote or a notice's signature and date stay.
//
// Inline pinyin glosses (業(ye) , 會(hui) , 據(jù) ) are removed before any rule
// runs, and only when the syllable is a reading of the character before it,
// checked against the readings of github.com/mozillazg/go-pinyin: (朔州),
// LED(led), (1) and 中国(China) stay.
//
// # Whole pages
//
// HTML that is a whole page (a doctype, an <html>, <head> or <body> tag, or
// the links and boxes of a page's furniture) is first read by package
// extract, which finds the article's container in the page's HTML5 tree.
// Text outside it and the furniture inside it (comment boxes, share bars,
// related lists, link lists, forms, hidden blocks) are removed under the
// rules of the [Page] category, and the paragraph rules run on the
// article's own paragraphs. The lines by the article (the info line under
// the headline, the editor line after the body) are read for their
// metadata and reported under the rule that recognises them. The page's
// own metadata fills [Meta]: its headline, publish time, authors, source,
// site name and canonical URL. Every removal is still a span of the input
// with input[Start:End] == Text, and every character a reader sees is
// either kept or inside a removal. Without("page") switches the finder off.
//
// # Normalisation
//
// Each paragraph is trimmed of indentation, runs of spaces (ASCII, NBSP and
// the other Unicode spaces) become one space, zero-width characters are
// dropped, HTML entities are decoded (also when escaped twice, as in
// &amp;nbsp;) and the text is put in NFC. Full-width punctuation stays as
// it is: no NFKC, no width folding. Invalid UTF-8 is replaced by U+FFFD and
// reported as a [Warning]; cleaning never fails and never panics.
//
// # Configuring
//
// [Default] is ready to use. [New] builds a Cleaner with rules or whole
// categories switched off by name ([Without]), rules of your own added
// ([With], [Pattern]) or photo captions kept ([KeepCaptions]). A Cleaner is
// immutable and safe for concurrent use: build it once and share it.
package clean

package main

import (
	"bytes"
	"encoding/json"
	"github.com/cnnews/cnnews"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// wholePage is a page as a crawler saves it, with its furniture.
const wholePage = `<!DOCTYPE html><html><head><meta charset="gbk"><title>阳泉加快推进项目建设_新闻中心_某某网</title>
<meta name="publishdate" content="2022-05-09 10:20:00"></head><body>
<div class="nav"><a href="/">首页</a> <a href="/news">新闻</a> <a href="/finance">财经</a> <a href="/sports">体育</a></div>
<h1>阳泉加快推进项目建设</h1><div class="info">2022-05-09 10:20 来源：阳泉日报</div>
<div class="content"><p>今年以来，阳泉市紧紧围绕高质量发展目标，扎实推进重点项目建设，一季度新开工项目四十二个。</p>
<p>在位于开发区的一处施工现场，塔吊林立，机器轰鸣，工人们正在紧张有序地作业。</p>
<p>（责任编辑：李文治）</p></div>
<div class="hot"><h3>热门排行</h3><ul><li><a href="/1">一条热门新闻</a></li><li><a href="/2">另一条热门新闻</a></li></ul></div>
<div class="footer">Copyright 2022 某某网 版权所有 晋ICP备12345678号</div></body></html>`

func checkPageArticle(t *testing.T, text string, title, source string, editors []string) {
	t.Helper()
	if !strings.HasPrefix(text, "今年以来，阳泉市") || !strings.HasSuffix(text, "紧张有序地作业。") {
		t.Errorf("text %q", text)
	}
	for _, junk := range []string{"首页", "热门", "ICP", "责任编辑", "来源"} {
		if strings.Contains(text, junk) {
			t.Errorf("%s kept: %q", junk, text)
		}
	}
	if title != "阳泉加快推进项目建设" || source != "阳泉日报" || len(editors) != 1 || editors[0] != "李文治" {
		t.Errorf("title %q source %q editors %v", title, source, editors)
	}
}

// TestWholePages: cnnews clean and cnnews run find the article in a whole
// page, a GBK file with a byte pair GBK does not define as much as a
// {"html"} record, and report the page's metadata.
func TestWholePages(t *testing.T) {
	dir := t.TempDir()
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(wholePage))
	if err != nil {
		t.Fatal(err)
	}
	// a pair GBK does not define, in the footer, as damaged pages have
	i := bytes.Index(gbk, []byte("Copyright"))
	gbk = append(gbk[:i:i], append([]byte{0xA3, 0x7C}, gbk[i:]...)...)
	page := filepath.Join(dir, "page.html")
	os.WriteFile(page, gbk, 0o644)
	rec, _ := json.Marshal(map[string]string{"id": "p1", "html": wholePage})
	records := filepath.Join(dir, "pages.jsonl")
	os.WriteFile(records, append(rec, '\n'), 0o644)

	stdout, stderr, code := runCLI(t, "", "clean", "--json", page)
	if code != 0 || !strings.Contains(stderr, "read as GB18030, 1 invalid sequence") {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	var got cnnews.Article
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatalf("%v in %q", err, stdout)
	}
	checkPageArticle(t, got.Text, got.Meta.Title, got.Meta.Source, got.Meta.Editors)
	if got.Meta.PublishedAt.Format("2006-01-02 15:04") != "2022-05-09 10:20" || got.Meta.SiteName != "某某网" {
		t.Errorf("meta %+v", got.Meta)
	}
	page0 := false
	for _, r := range got.Removed {
		page0 = page0 || r.Category == "page"
	}
	if !page0 {
		t.Errorf("no removal of the page category: %+v", got.Removed)
	}

	out := filepath.Join(dir, "out.jsonl")
	_, stderr, code = runCLI(t, "", "run", "--progress", "none", "-o", out, page, records)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	b, _ := os.ReadFile(out)
	lines := bytes.Split(bytes.TrimSpace(b), []byte("\n"))
	if len(lines) != 1 {
		// the two are the same article: the second is a copy
		t.Fatalf("%d lines written: %s", len(lines), b)
	}
	var rec2 struct {
		Text string `json:"text"`
		Meta struct {
			Title   string   `json:"title"`
			Source  string   `json:"source"`
			Editors []string `json:"editors"`
		} `json:"meta"`
	}
	if err := json.Unmarshal(lines[0], &rec2); err != nil {
		t.Fatal(err)
	}
	checkPageArticle(t, rec2.Text, rec2.Meta.Title, rec2.Meta.Source, rec2.Meta.Editors)
}

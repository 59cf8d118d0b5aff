package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

func TestFooterRule(t *testing.T) {
	var out bytes.Buffer
	if err := run(filepath.Join("testdata", "yqnews.txt"), &out); err != nil {
		t.Fatal(err)
	}
	want := "市政府召开常务会议，研究部署城市更新工作。\n" +
		"会议强调，要把老旧小区改造作为重点，今年计划改造老旧小区一百二十个。\n" +
		"removed by yqnews-slogan (share): 阳泉新闻网·权威发布　服务民生\n" +
		"removed by editor-line (editor): （责任编辑：王磊）\n"
	if out.String() != want {
		t.Errorf("got\n%s\nwant\n%s", out.String(), want)
	}
}

// TestFooterRuleLeavesTheStory checks that the words of the footer inside
// the story stay.
func TestFooterRuleLeavesTheStory(t *testing.T) {
	var out bytes.Buffer
	if err := run(filepath.Join("testdata", "letter.txt"), &out); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out.String(), "removed") {
		t.Errorf("story text removed:\n%s", out.String())
	}
}

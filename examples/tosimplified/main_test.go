package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestToSimplified(t *testing.T) {
	out := t.TempDir()
	var log bytes.Buffer
	if err := run(filepath.Join("testdata", "corpus"), out, &log); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"tw.txt": "经济日报讯　今年第一季，台湾出口总额较去年同期成长百分之十二。\n经济部表示，人工智慧相关产品的需求持续强劲。\n",
		"hk.txt": "香港特区政府公布最新失业率数字，整体失业率维持在百分之三。\n劳工及福利局局长表示，劳动市场保持稳定。\n",
		"cn.txt": "国家统计局今天发布数据，一季度国内生产总值同比增长百分之五。\n",
	}
	for name, w := range want {
		got, err := os.ReadFile(filepath.Join(out, name))
		if err != nil || string(got) != w {
			t.Errorf("%s: %q, %v\nwant %q", name, got, err, w)
		}
	}
	if !strings.Contains(log.String(), "cn.txt: simplified → copied") || strings.Count(log.String(), "converted") != 2 {
		t.Errorf("log:\n%s", log.String())
	}
}

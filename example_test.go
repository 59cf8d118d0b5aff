package cnnews_test

import (
	"fmt"

	"github.com/cnnews/cnnews/clean"
	"github.com/cnnews/cnnews/convert"
)

// Example is the article of the tour, cleaned.
func Example() {
	article := "新利平台\u00a0>\u00a0即時新聞\u00a0>\u00a0地方\n" +
		"發布時間:2022-05-09 15:11:00來源: 人民網-山西頻道\n" +
		"  複工就是穩就業(ye) ,複產(chan) 就是穩經濟。\n" +
		"(責編: 李文治)\n"
	res := clean.Default().CleanString(article)
	fmt.Println(res.Text)
	fmt.Println(res.Meta.Source, res.Meta.Editors, res.Meta.PublishedAt)
	for _, r := range res.Removed {
		fmt.Println(r.Rule, article[r.Start:r.End] == r.Text)
	}
	// Output:
	// 複工就是穩就業,複產就是穩經濟。
	// 人民網-山西頻道 [李文治] 2022-05-09 15:11:00 +0800 CST
	// breadcrumb true
	// header-meta true
	// pinyin-gloss true
	// pinyin-gloss true
	// editor-line true
}

// Example_simplified cleans a Traditional article and normalises it to
// Simplified script.
func Example_simplified() {
	res := clean.Default().CleanString("  複工就是穩就業(ye) ,複產(chan) 就是穩經濟。\n(責編: 李文治)")
	if convert.Detect(res.Text).Script == convert.Traditional {
		fmt.Println(convert.MustNew("t2s").String(convert.RepairPunctuation(res.Text)))
	}
	// Output:
	// 复工就是稳就业，复产就是稳经济。
}

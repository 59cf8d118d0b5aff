package clean

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// creditLines are credit lines of the shapes readCredits knows, some of
// which hold no role as written.
var creditLines = []string{
	"责任编辑：张三", "（責編: 李文治）", "编辑：张三 审核：李四", "記者郭強", "本报记者 张三 李四",
	"文/张三", "记者 张三 摄", "文 案:张三", "摄 像：李四", "报道：王晓明", "報導：王曉明",
	"記者王曉明報道。", "本报赴泰国特派记者 王欢", "（編輯：陳惠玲）1140516", "王晓明 实习生 李四",
	"記者王曉明／新北報導", "文/北京青年报记者 王晓明", "经济日报记者 王晓明", "环球网报道 记者 王晓明",
	"文丨张三 编辑丨李四", "王晓明李想文/摄", "图/王晓明", "撰文：李四 | 攝影：王五",
}

// TestMayHoldCredits checks that the test before parseCredits turns away
// no line readCredits accepts: the lines above, and every line of the
// labelled cases, the publishers' fixtures and the seeds.
func TestMayHoldCredits(t *testing.T) {
	lines := slices.Clone(creditLines)
	for _, tc := range labelledCases {
		lines = append(lines, strings.Split(tc.in, "\n")...)
	}
	files, _ := filepath.Glob("testdata/*/*.txt")
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, strings.Split(string(b), "\n")...)
	}
	accepted, turned := 0, 0
	for _, l := range lines {
		_, _, ok := readCredits(l)
		may := mayHoldCredits(l)
		if ok {
			accepted++
			if !may {
				t.Errorf("mayHoldCredits(%q) = false, but readCredits reads it", l)
			}
		}
		if !may {
			turned++
		}
	}
	if accepted < len(creditLines) || turned == 0 {
		t.Errorf("%d lines read as credits, %d turned away: the test proves nothing", accepted, turned)
	}
	for _, l := range []string{"春风拂过，山城大地万物复苏。", "", "abc", "\xe8\xae"} {
		if mayHoldCredits(l) {
			t.Errorf("mayHoldCredits(%q) = true", l)
		}
	}
}

// FuzzCredits checks that readCredits never panics and that every line it
// reads as credits passes mayHoldCredits.
func FuzzCredits(f *testing.F) {
	for _, l := range creditLines {
		f.Add(l)
	}
	f.Add("记\xe8者 张三")
	f.Fuzz(func(t *testing.T, s string) {
		if _, _, ok := readCredits(s); ok && !mayHoldCredits(s) {
			t.Errorf("mayHoldCredits(%q) = false, but readCredits reads it", s)
		}
	})
}

package clean

import (
	"fmt"
	"testing"
)

func TestZZCredits(t *testing.T) {
	for _, s := range []string{"通讯员刘欢记者王晓明", "记者王晓明李想文/摄", "財联社记者 王晓明责编 李四", "记者 王曉明 / 攝影 李振華 報導", "封面新闻记者 王晓明 陈晨 成都报道", "潇湘晨报记者王晓明 实习生刘欢 综合长沙县融媒体中心报道", "記者王曉明報道。", "極目新闻记者 王晓明综合报道", "记者王晓明报道", "环球网报道 记者 王晓明 李想", "記者王曉明報道："} {
		items, br, ok := parseCredits(s)
		fmt.Printf("%q -> %v %v %+v\n", s, ok, br, items)
	}
}

func TestZZSplit(t *testing.T) {
	s := "王晓明报道"
	fmt.Println(splitGlued(s, 0, len(s)), isReportEnd("报道"), matchRole("明报道"), matchRole("报道"))
}

package clean

import (
	"fmt"
	"testing"
)

func TestZZ4(t *testing.T) {
	for _, in := range []string{body1 + "\n【纠错】 【责任编辑:周思远】", "【纠错】 【责任编辑:周思远】\n" + body1} {
		res := Default().CleanString(in)
		for _, r := range res.Removed {
			fmt.Println(r.Rule, r.Text)
		}
		fmt.Printf("%+v\n", res.Meta.Credits)
	}
}

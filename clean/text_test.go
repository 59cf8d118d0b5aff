package clean

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestTextHelpers(t *testing.T) {
	text := "新华社北京6月3日电（记者王晓明）/ 图：张三｜摄影 李四, ok 。"
	for _, chars := range []string{"", "电", "/／", "：:|｜0123456789", "，。！？；", "xyz", "摄攝图圖"} {
		for i := range text {
			for _, s := range []string{text[i:], text[:i]} {
				if got, want := indexAnyRune(s, chars), strings.IndexAny(s, chars); got != want {
					t.Errorf("indexAnyRune(%q, %q) = %d, want %d", s, chars, got, want)
				}
				if got, want := containsAnyRune(s, chars), strings.ContainsAny(s, chars); got != want {
					t.Errorf("containsAnyRune(%q, %q) = %v, want %v", s, chars, got, want)
				}
			}
		}
	}
	set := newHanSet(surnames)
	for _, r := range "王李張欧歐" {
		if !set.has(r) {
			t.Errorf("surname %c not in the set", r)
		}
	}
	for _, r := range "来同向a１" {
		if set.has(r) {
			t.Errorf("%c in the set of surnames", r)
		}
	}
	for _, s := range []string{"", "a", "新", "\u3000x", "😀", "\xe6\x96", "\xe0\x80\x80", "\xed\xa0\x80", "é", "\xed\x9f\xbf", "\xec\x80\x80"} {
		if got, want := firstRune(s), []rune(s + "\x00")[0]; got != want && !(s == "" && got == utf8.RuneError) {
			t.Errorf("firstRune(%q) = %U, want %U", s, got, want)
		}
		for _, end := range []string{s, "业" + s, s + "业", "a" + s + "\xe6", "\xe6\x96" + s} {
			if got, want := lastRune(end), []rune("\x00" + end)[len([]rune("\x00"+end))-1]; got != want && !(end == "" && got == utf8.RuneError) {
				t.Errorf("lastRune(%q) = %U, want %U", end, got, want)
			}
		}
	}
}

func TestIndexFullParen(t *testing.T) {
	s := "业(ye) 中（zhōng）文，（括号）\x88\xbc\x88（"
	for i := range len(s) + 1 {
		for _, in := range []string{s[i:], s[:i]} {
			if got, want := indexFullParen(in), strings.Index(in, "（"); got != want {
				t.Errorf("indexFullParen(%q) = %d, want %d", in, got, want)
			}
		}
	}
}

package clean

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// builtinPatterns are the patterns of the built-in rules.
var builtinPatterns = []*pattern{
	reCaptionCredits, reSpacedRole, reOwnReporter, reOutletReport, reOutlet, reDateAt, reCounter, reTrailingTime, reBracketLead,
	reAgencies, reAppLead, reAppSource, reAuthorIs, reAuthorNote, reBareCredit, reBareURL,
	reBracketByline, reBulletHeadline, reBylineDate, reBylineGlued, reCaption, reCompiled,
	reCopyright, reCopyrightCaption, reCopyrightHead, reCountLine, reDashLead, reDateline,
	reDatelineDate, reDeskLead, reDisclaimer, reEditNotice, reEditorGlued, reEditorGluedCode,
	reEmptyCredit, reEndGlued, reEndMark, reFollow, reGluedMarker, reGraphicNote, reHanRun, reHanWord,
	reHotline, reHotlineHow, reICP, reImageCredit, reImageFile, reJoinPrompt, reKeywordLine,
	reLabelLine, reLatinCredit, reListBullet, reLocation, reMarker, reMasthead, reMastheadTime,
	reMdLinks, reMetaDate, reMetaNav, reMetaRole, reNamesLine, reNavLink, reNetworks, reOrigTitle,
	reOutletLead, reOutletName, reOutletNews, reOutletWord, rePhotoLine, rePinPrompt, rePlatform,
	rePressLead, rePrevNext, rePrintEdition, rePromo, rePublishLine, reReadMore, reRelatedHead,
	reReporterLead, reRoleComma, reShare, reSourceGlued, reSourceParen, reTitleAfter, reTools,
	reUnitByline, reUpvotes, reVersionLink, reWechatCard,
}

func TestLeadOf(t *testing.T) {
	for _, tc := range []struct {
		expr   string
		admit  []string
		refuse []string
		none   bool // no lead set
	}{
		{expr: `^(?:广告|ADVERTISEMENT)$`, admit: []string{"广告", "A"}, refuse: []string{"", "新闻", "a广告"}},
		{expr: `(?i)^end$`, admit: []string{"END", "end", "End"}, refuse: []string{"完"}},
		{expr: `^[（(]?完[)）]?$`, admit: []string{"（完）", "(完)", "完"}, refuse: []string{"【完】"}},
		{expr: `^(?:记者|編輯)|^本报讯`, admit: []string{"记者王", "編輯", "本报讯"}, refuse: []string{"新华社"}},
		{expr: `^\p{Han}{2,4}摄$`, admit: []string{"王晓明摄"}, refuse: []string{"(王晓明摄)", "A摄"}},
		{expr: `^[ ]*完`, admit: []string{" 完", "完"}, refuse: []string{"本"}},
		{expr: `完$`, none: true},      // not anchored
		{expr: `^(?:完)?`, none: true}, // matches the empty text
		{expr: `^.{2}完`, none: true},  // any character first
		{expr: `^完|尾`, none: true},    // one branch not anchored
		{expr: `(?m)^完`, none: true},  // start of any line
		{expr: `^(?P<x>责任编辑|责编)：`, admit: []string{"责编：X"}, refuse: []string{"编辑：X"}},
	} {
		l := leadOf(newPattern(regexp.MustCompile(tc.expr)))
		if tc.none {
			if l != nil {
				t.Errorf("%s: lead set %v, want none", tc.expr, l.ranges)
			}
			continue
		}
		if l == nil {
			t.Errorf("%s: no lead set", tc.expr)
			continue
		}
		for _, s := range tc.admit {
			if !l.admits(s) {
				t.Errorf("%s: %q refused", tc.expr, s)
			}
		}
		for _, s := range tc.refuse {
			if l.admits(s) {
				t.Errorf("%s: %q admitted", tc.expr, s)
			}
		}
	}
	var none []string
	for _, re := range builtinPatterns {
		if leadOf(re) == nil {
			none = append(none, re.String()[:min(30, len(re.String()))])
		}
	}
	if len(none) > len(builtinPatterns)/2 {
		t.Errorf("most built-in patterns have no lead set: %q", none)
	}
}

// FuzzLeadSet checks that a lead set never turns away a text its pattern
// matches.
func FuzzLeadSet(f *testing.F) {
	for _, s := range []string{"广告", "（完）", "责任编辑：王晓明", "新华社北京6月3日电", "【免责声明】本文仅代表作者观点",
		"版权所有 未经授权不得转载", "相关新闻", "当前位置：首页", "END", "http://example.com", "本报讯（记者 李明）"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, re := range builtinPatterns {
			if l := leadOf(re); re.MatchString(s) && !l.admits(s) {
				t.Fatalf("%q matches %.40s but is turned away", s, re.String())
			}
		}
	})
}

func TestCharMask(t *testing.T) {
	text := "新华社北京6月3日电（记者王晓明）ICP备12345号 Copyright © 2024 \xff 版權所有，未經授權不得轉載。"
	m, n := maskOf(text)
	if want := utf8.RuneCountInString(text); n != want {
		t.Errorf("maskOf counted %d characters, want %d", n, want)
	}
	// every substring starting and ending at character boundaries
	for i := range text {
		for j := i + 1; j <= len(text); j++ {
			if j < len(text) && !utf8.RuneStart(text[j]) {
				continue
			}
			lit, _ := maskOf(text[i:j])
			if !m.holds(&lit) || !m.holdsSparse(sparseOf(&lit)) {
				t.Fatalf("mask of text does not hold %q", text[i:j])
			}
		}
	}
	refused := 0
	for _, w := range []string{"免责声明", "责任编辑", "二维码", "扫一扫", "相关阅读", "分享到"} {
		lit, _ := maskOf(w)
		if strings.Contains(text, w) {
			t.Fatalf("test text holds %q", w)
		}
		if m.holdsSparse(sparseOf(&lit)) != m.holds(&lit) {
			t.Errorf("the sparse mask of %q answers otherwise", w)
		}
		if !m.holds(&lit) {
			refused++
		}
	}
	if refused < 4 {
		t.Errorf("the mask turned away %d of 6 absent words", refused)
	}
	if p := prefix("新华社北京", 7); p != "新华" {
		t.Errorf("prefix cut at %q", p)
	}
}

func TestCountRunes(t *testing.T) {
	mixed := "新华社北京5月16日电（记者王晓明）穩就業 Ｘ ü é 😀 abc"
	cases := []string{"", "abc", mixed}
	for i := range mixed {
		cases = append(cases, mixed[i:], mixed[:i]) // every length, every alignment
	}
	for _, s := range cases {
		if got, want := countRunes(s), utf8.RuneCountInString(s); got != want {
			t.Errorf("countRunes(%q) = %d, want %d", s, got, want)
		}
	}
}

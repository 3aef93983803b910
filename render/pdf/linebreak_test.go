package pdf

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// lbBudgetParagraph is a paragraph of a budget report, with amounts, percentages and a year.
const lbBudgetParagraph = "2024年度大同市人民政府办公室[部门]预算收入总计5,103.42万元，其中：本年收入5,103.42万元，" +
	"上年结转0万元，比上年增加447.83万元，增长9.62%。"

// lbGlyphWidth is the fake width of one character: 0 for a combining mark, a variation
// selector or a joiner, 5 for ASCII and other narrow characters, 10 for CJK characters,
// full-width punctuation and everything from U+2000 on (“”…— are full-width in Chinese fonts).
func lbGlyphWidth(r rune) float64 {
	switch {
	case lbExtender(r):
		return 0
	case r < 0x2000 && r != '·':
		return 5
	}
	return 10
}

// lbMeasure is the fake Measure of the tests: the sum of the widths of the characters.
func lbMeasure(s string) float64 {
	var w float64
	for _, r := range s {
		w += lbGlyphWidth(r)
	}
	return w
}

// lbCountingMeasure returns lbMeasure, counting its calls and the bytes it measures.
func lbCountingMeasure(calls, bytes *int) Measure {
	return func(s string) float64 {
		*calls++
		*bytes += len(s)
		return lbMeasure(s)
	}
}

// lbExtender reports whether r belongs to the glyph before it: a combining mark, a
// variation selector, an emoji modifier or tag, or the zero-width joiner.
func lbExtender(r rune) bool {
	return unicode.Is(unicode.M, r) || r == '\u200D' || '\uFE00' <= r && r <= '\uFE0F' ||
		0xE0100 <= r && r <= 0xE01EF || 0x1F3FB <= r && r <= 0x1F3FF || 0xE0020 <= r && r <= 0xE007F
}

// lbGlyphs counts the glyphs of s: a character starts a glyph unless it is an extender or
// follows a zero-width joiner; the first character always does.
func lbGlyphs(s string) int {
	n := 0
	prev := rune(-1)
	for i, r := range s {
		if i == 0 || !lbExtender(r) && prev != '\u200D' {
			n++
		}
		prev = r
	}
	return n
}

// lbInputLines splits text at its line terminators: \r\n, \n, \r, VT, FF, NEL, LS and PS.
func lbInputLines(text string) []string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.NewReplacer("\r", "\n", "\v", "\n", "\f", "\n",
		"\u0085", "\n", "\u2028", "\n", "\u2029", "\n").Replace(text)
	return strings.Split(text, "\n")
}

// lbCheck returns an error if lines, from BreakLines(text, width, lbMeasure or a
// counting form of it), break one of the invariants of BreakLines:
//
//  1. Nothing lost, added or reordered. With H1 … Hn the input lines (text split at its
//     line terminators), the lines are, in order, L(1,1) … L(1,k1), L(2,1) … L(n,kn) with
//     Hi == L(i,1) + S(i,1) + L(i,2) + S(i,2) + … + L(i,ki) + S(i,ki) for every i, where
//     each S is the spaces dropped at a break: empty, or the whole run of breaking spaces
//     (lbBreakSpace) of Hi that follows another character — and never empty when the
//     line before it ends in another character followed by a breaking space in Hi: a
//     break at spaces drops them all.
//     So strings.Join(lines, "") is text without its line terminators and without the
//     spaces dropped at breaks.
//  2. A line is empty only for an empty input line, which gives exactly one.
//  3. A line is no wider than width (the sum of its characters' widths), unless it is one
//     glyph; for width <= 0 or NaN every line is one glyph.
func lbCheck(text string, width float64, lines []string) error {
	rest := lines
	for i, h := range lbInputLines(text) {
		n, err := lbMatchInputLine(h, rest)
		if err != nil {
			return fmt.Errorf("input line %d %q: %v", i+1, h, err)
		}
		rest = rest[n:]
	}
	if len(rest) > 0 {
		return fmt.Errorf("extra lines %q", rest)
	}
	for _, l := range lines {
		switch {
		case l == "":
		case !(width > 0) && lbGlyphs(l) != 1:
			return fmt.Errorf("line %q: width %v, want one glyph per line", l, width)
		case lbMeasure(l) > width && lbGlyphs(l) != 1:
			return fmt.Errorf("line %q is %v wide, more than %v", l, lbMeasure(l), width)
		}
	}
	return nil
}

// lbMatchInputLine matches the input line h with the first lines of lines as lbCheck's
// invariants 1 and 2 say, and returns how many lines h gave.
func lbMatchInputLine(h string, lines []string) (int, error) {
	if h == "" {
		if len(lines) == 0 || lines[0] != "" {
			return 0, fmt.Errorf("want one empty line, got %q", lines[:min(1, len(lines))])
		}
		return 1, nil
	}
	pos, n := 0, 0
	for pos < len(h) {
		if n > 0 && lbBreakSpace(h, pos) && !lbBreakSpace(h, pos-1) {
			for pos < len(h) && lbBreakSpace(h, pos) {
				pos++ // dropped at the break
			}
			if pos == len(h) {
				break
			}
		}
		if n == len(lines) {
			return 0, fmt.Errorf("lost %q", h[pos:])
		}
		l := lines[n]
		if l == "" || !strings.HasPrefix(h[pos:], l) {
			return 0, fmt.Errorf("line %q does not match %q at byte %d", l, h[pos:], pos)
		}
		pos += len(l)
		n++
	}
	return n, nil
}

// lbBreakSpace reports whether h[i] is a breaking space: a space (U+0020) that is a glyph
// of its own, neither carrying a combining mark nor joined by a zero-width joiner.
func lbBreakSpace(h string, i int) bool {
	if h[i] != ' ' {
		return false
	}
	next, _ := utf8.DecodeRuneInString(h[i+1:])
	prev, _ := utf8.DecodeLastRuneInString(h[:i])
	return !(i+1 < len(h) && lbExtender(next)) && !(i > 0 && prev == '\u200D')
}

// lbBreak returns BreakLines(text, width, lbMeasure) after checking its invariants.
func lbBreak(t *testing.T, text string, width float64) []string {
	t.Helper()
	lines := BreakLines(text, width, lbMeasure)
	if err := lbCheck(text, width, lines); err != nil {
		t.Fatalf("BreakLines(%q, %v) = %q: %v", text, width, lines, err)
	}
	return lines
}

// TestBreakLines checks the lines of hand-worked cases, one or more for each rule.
func TestBreakLines(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		width float64
		want  []string
	}{
		{"empty text", "", 100, []string{""}},
		{"fits", "本年收入", 100, []string{"本年收入"}},
		{"between CJK", "一二三四五", 30, []string{"一二三", "四五"}},
		{"exact fit", "一二三", 30, []string{"一二三"}},
		{"closing punctuation pulls one down", "一二三，四", 30, []string{"一二", "三，四"}},
		{"two closing marks", "一二三。”四五", 30, []string{"一二", "三。”", "四五"}},
		{"closing bracket", "一二三）四", 30, []string{"一二", "三）四"}},
		{"percent sign", "一二三％四", 30, []string{"一二", "三％四"}},
		{"dash never split", "一二——三", 30, []string{"一", "二——", "三"}},
		{"ellipsis never split", "一二……", 30, []string{"一", "二……"}},
		{"interpunct", "阿卜杜拉·买买提", 40, []string{"阿卜杜", "拉·买买", "提"}},
		{"opening bracket goes down", "一二（三）", 30, []string{"一二", "（三）"}},
		{"opening quote goes down", "一二“三”", 30, []string{"一二", "“三”"}},
		{"ASCII brackets", "一二(三)", 25, []string{"一二", "(三)"}},
		{"amount kept with its unit", "金额5,103.42万元", 60, []string{"金额", "5,103.42万元"}},
		{"amount then unit", "金额5,103.42万元", 50, []string{"金额", "5,103.42万", "元"}},
		{"percentage kept", "增长45.20%。", 40, []string{"增长", "45.20%。"}},
		{"number kept", "共12345个", 30, []string{"共", "12345", "个"}},
		{"year kept, then 年", "2024年度", 25, []string{"2024", "年度"}},
		{"Latin words", "hello world", 40, []string{"hello", "world"}},
		{"Latin word not split", "PDF文件budgetpub", 50, []string{"PDF文件", "budgetpub"}},
		{"spaces at the break dropped", "alpha   beta gamma", 50, []string{"alpha", "beta gamma"}},
		{"inner spaces kept", "a  b", 100, []string{"a  b"}},
		{"leading spaces kept", "  ab", 100, []string{"  ab"}},
		{"trailing spaces kept when they fit", "ab  ", 100, []string{"ab  "}},
		{"trailing spaces dropped when they do not", "ab  ", 15, []string{"ab"}},
		{"space between CJK", "中 文", 10, []string{"中", "文"}},
		{"ideographic space kept", "　　本部门", 30, []string{"　　本", "部门"}},
		{"no break at a space before a comma", "xy ab ，cd", 30, []string{"xy", "ab ，", "cd"}},
		{"rule broken: comma glued to a word", "ab ,cd", 25, []string{"ab", ",cd"}},
		{"hard break", "一\n二", 100, []string{"一", "二"}},
		{"CRLF is one break", "一\r\n二", 100, []string{"一", "二"}},
		{"lone CR", "一\r二", 100, []string{"一", "二"}},
		{"LS and PS", "一\u2028二\u2029三", 100, []string{"一", "二", "三"}},
		{"empty line kept", "一\n\n二", 100, []string{"一", "", "二"}},
		{"CRLF empty line", "一\r\n\r\n二", 100, []string{"一", "", "二"}},
		{"trailing newline", "一\n", 100, []string{"一", ""}},
		{"only a newline", "\n", 100, []string{"", ""}},
		{"hard break then wrap", "一二三\n四五六七", 20, []string{"一二", "三", "四五", "六七"}},
		{"closing mark at an input line start", "。一", 100, []string{"。一"}},
		{"rule broken: all opening", "（（（（", 20, []string{"（（", "（（"}},
		{"rule broken: all closing", "一，，，", 20, []string{"一，", "，，"}},
		{"rule broken: glyph then comma", "一，", 15, []string{"一", "，"}},
		{"wide run cut by glyph", "abcdefgh", 20, []string{"abcd", "efgh"}},
		{"wide run after an opening bracket", "（1234567890", 30, []string{"（1234", "567890"}},
		{"wide run starts a new line", "中文 abcdefghij", 30, []string{"中文", "abcdef", "ghij"}},
		{"wide run cut to keep the rules", "abcdefgh，，", 25, []string{"abcde", "fg", "h，，"}},
		{"wide run tail shares a line", "abcdefg元", 25, []string{"abcde", "fg元"}},
		{"glyph wider than the line", "中文", 5, []string{"中", "文"}},
		{"zero width", "ab cd", 0, []string{"a", "b", "c", "d"}},
		{"negative width", "中，", -3, []string{"中", "，"}},
		{"NaN width", "一二", math.NaN(), []string{"一", "二"}},
		{"infinite width", "一二 三", math.Inf(1), []string{"一二 三"}},
		{"combining mark stays", "中\u0301文", 10, []string{"中\u0301", "文"}},
		{"variation selector stays", "葛\U000E0100文", 10, []string{"葛\U000E0100", "文"}},
		{"invalid UTF-8 kept", "a\xffb", 15, []string{"a\xff", "b"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := lbBreak(t, tc.text, tc.width)
			if !lbEqual(got, tc.want) {
				t.Errorf("BreakLines(%q, %v) = %q, want %q", tc.text, tc.width, got, tc.want)
			}
		})
	}
}

// lbEqual reports whether a and b are the same lines.
func lbEqual(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// lbBase is the CJK text the 禁则 tests put punctuation into.
var lbBase = []rune("本部门预算收入总计比上年增加主要原因是人员经费增加")

// lbInsert returns lbBase with mark inserted before its character at.
func lbInsert(mark string, at int) string {
	return string(lbBase[:at]) + mark + string(lbBase[at:])
}

// lbFirstRune returns the first character of s.
func lbFirstRune(s string) rune { r, _ := utf8.DecodeRuneInString(s); return r }

// lbLastRune returns the last character of s.
func lbLastRune(s string) rune { r, _ := utf8.DecodeLastRuneInString(s); return r }

// TestBreakLinesNoClosingMarkAtLineStart puts closing marks, alone and in pairs, at every
// place of a CJK text and breaks it at many widths: no line may start with one.
func TestBreakLinesNoClosingMarkAtLineStart(t *testing.T) {
	const brief = "，。、；：？！）》”"
	var marks []string
	for _, r := range brief + "」』】〕〉’…·％%,.;:?!)]}ー" {
		marks = append(marks, string(r))
	}
	marks = append(marks, "。”", "）。", "”，", "——", "……", "？！", ".)", "%，")
	for _, mark := range marks {
		for at := 1; at <= len(lbBase); at++ {
			text := lbInsert(mark, at)
			for width := 20.0; width <= 130; width += 5 {
				if utf8.RuneCountInString(mark) > 1 && width < 30 {
					continue // a glyph and two marks need three places
				}
				lines := lbBreak(t, text, width)
				for _, l := range lines[1:] {
					if r := lbFirstRune(l); strings.ContainsRune(brief, r) || noLineStart[r] {
						t.Fatalf("BreakLines(%q, %v) = %q: a line starts with %q", text, width, lines, r)
					}
				}
			}
		}
	}
}

// TestBreakLinesNoOpeningMarkAtLineEnd puts opening marks at every place of a CJK text and
// breaks it at many widths: no line but the last may end with one.
func TestBreakLinesNoOpeningMarkAtLineEnd(t *testing.T) {
	const brief = "（《「『【〔〈“‘([{"
	var marks []string
	for _, r := range brief + "〖［￥$" {
		marks = append(marks, string(r))
	}
	marks = append(marks, "“《", "（“")
	for _, mark := range marks {
		for at := 0; at < len(lbBase); at++ {
			text := lbInsert(mark, at)
			for width := 20.0; width <= 130; width += 5 {
				if utf8.RuneCountInString(mark) > 1 && width < 30 {
					continue
				}
				lines := lbBreak(t, text, width)
				for _, l := range lines[:len(lines)-1] {
					if r := lbLastRune(l); strings.ContainsRune(brief, r) || noLineEnd[r] {
						t.Fatalf("BreakLines(%q, %v) = %q: a line ends with %q", text, width, lines, r)
					}
				}
			}
		}
	}
}

// TestBreakLinesEveryProhibitedCharacter checks every character of noLineStart and
// noLineEnd at every place of a CJK text.
func TestBreakLinesEveryProhibitedCharacter(t *testing.T) {
	for _, set := range []struct {
		name  string
		runes breakRuleSet
		start bool
	}{{"noLineStart", noLineStart, true}, {"noLineEnd", noLineEnd, false}} {
		for r := range set.runes {
			for at := 1; at < len(lbBase); at++ {
				text := lbInsert(string(r), at)
				for _, width := range []float64{20, 35, 50, 75} {
					lines := lbBreak(t, text, width)
					for i := 1; i < len(lines); i++ {
						if set.start && lbFirstRune(lines[i]) == r || !set.start && lbLastRune(lines[i-1]) == r {
							t.Fatalf("%s: BreakLines(%q, %v) = %q breaks at %q", set.name, text, width, lines, r)
						}
					}
				}
			}
		}
	}
}

// TestLineBreakRuleSets checks that the rule sets hold the characters the rules name, and
// that no character is in both.
func TestLineBreakRuleSets(t *testing.T) {
	for _, r := range "，。、；：？！）》」』】〕〉”’…—·％%,.;:?!)]}ぁっャー" {
		if !noLineStart[r] {
			t.Errorf("noLineStart lacks %q", r)
		}
	}
	for _, r := range "（《「『【〔〈“‘([{" {
		if !noLineEnd[r] {
			t.Errorf("noLineEnd lacks %q", r)
		}
	}
	for r := range noLineStart {
		if noLineEnd[r] {
			t.Errorf("%q is in both sets", r)
		}
	}
}

// TestBreakLinesKeepsNumbersAndWords checks that amounts, percentages, numbers and Latin
// words are never split when they fit on a line, wherever they fall.
func TestBreakLinesKeepsNumbersAndWords(t *testing.T) {
	tokens := []string{"5,103.42", "45.20%", "12345", "2024", "447.83", "budgetpub", "v1.2-rc"}
	for _, tok := range tokens {
		for pre := 0; pre <= 12; pre++ {
			text := string(lbBase[:pre]) + tok + "万元，" + tok + "。" + string(lbBase[pre:])
			for width := lbMeasure(tok); width <= 160; width += 5 {
				lines := lbBreak(t, text, width)
				if got := strings.Count(strings.Join(lines, "\n"), tok); got != 2 {
					t.Fatalf("BreakLines(%q, %v) = %q: %q whole %d times, want 2", text, width, lines, tok, got)
				}
			}
		}
	}
	for width := 40.0; width <= 400; width += 5 {
		lines := lbBreak(t, lbBudgetParagraph, width)
		joined := strings.Join(lines, "\n")
		for tok, want := range map[string]int{"5,103.42": 2, "2024": 1, "447.83": 1, "9.62%": 1} {
			if got := strings.Count(joined, tok); got != want {
				t.Fatalf("width %v: %q: %q whole %d times, want %d", width, lines, tok, got, want)
			}
		}
	}
}

// TestBreakLinesDropsSpacesAtBreaks checks that no line of Latin text begins or ends with a
// space, and that no word is split.
func TestBreakLinesDropsSpacesAtBreaks(t *testing.T) {
	const text = "The budget of the  department was approved in 2024 by the people's congress"
	for width := 50.0; width <= 400; width += 5 { // "department" is 50 wide
		lines := lbBreak(t, text, width)
		for _, l := range lines {
			if strings.HasPrefix(l, " ") || strings.HasSuffix(l, " ") {
				t.Fatalf("width %v: %q: line %q begins or ends with a space", width, lines, l)
			}
		}
		if got, want := strings.Fields(strings.Join(lines, " ")), strings.Fields(text); !lbEqual(got, want) {
			t.Fatalf("width %v: %q: words %q, want %q", width, lines, got, want)
		}
	}
}

// TestBreakLinesHardBreaks checks that every line terminator ends a line and that every
// empty input line gives one empty line.
func TestBreakLinesHardBreaks(t *testing.T) {
	texts := []string{
		"一\n二", "一\r\n二", "\n\n", "\r\n", "\r\r\n\n", "a\n\n\nb", "一二三\n", "\n一二三",
		"一二三四五六\r\n七八九十\n\n" + lbBudgetParagraph + "\n",
	}
	for _, text := range texts {
		for _, width := range []float64{-1, 0, 5, 15, 20, 35} {
			lbBreak(t, text, width)
		}
		if got, want := lbBreak(t, text, 1000), lbInputLines(text); !lbEqual(got, want) {
			t.Errorf("BreakLines(%q, 1000) = %q, want %q", text, got, want)
		}
	}
}

// TestBreakLinesLongRuns breaks unbreakable runs far wider than the line.
func TestBreakLinesLongRuns(t *testing.T) {
	digits := strings.Repeat("1234567890", 50)
	url := "https://www.dt.gov.cn/" + strings.Repeat("budget/2024/", 23) + "xx" // 300 characters
	if len(url) != 300 {
		t.Fatalf("url is %d long", len(url))
	}
	tests := []struct {
		name  string
		text  string
		width float64
		lines int // 0: not checked
	}{
		{"500 digits", digits, 23, 125},
		{"500 digits, one per line", digits, 7, 500},
		{"300-character URL", url, 52, 30},
		{"URL in Chinese", "详见" + url + "。", 52, 0},
		{"amount in brackets", "（" + digits + "）万元", 33, 0},
		{"digits then comma", digits + "，" + digits, 100, 0},
		{"spaces only", strings.Repeat(" ", 40), 12, 20},
		{"indented wide run", "    " + digits, 50, 0},
		{"many opening brackets", strings.Repeat("（", 300), 35, 100},
		{"many commas", strings.Repeat("，", 300), 35, 100},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			lines := lbBreak(t, tc.text, tc.width)
			if tc.lines > 0 && len(lines) != tc.lines {
				t.Errorf("%d lines, want %d: %q", len(lines), tc.lines, lines)
			}
		})
	}
}

// TestBreakLinesTinyWidths checks that widths below one glyph, zero, negative and NaN put
// every glyph on its own line.
func TestBreakLinesTinyWidths(t *testing.T) {
	text := "预算 5,103.42万元（增长9.62%）。\n\nab  cd"
	for _, width := range []float64{4.99, 3, 0, -0.5, -100, math.Inf(-1), math.NaN()} {
		lines := lbBreak(t, text, width)
		for _, l := range lines {
			if l != "" && lbGlyphs(l) != 1 {
				t.Errorf("width %v: line %q holds more than one glyph", width, l)
			}
		}
	}
}

// TestBreakLinesZeroWidthGlyphs checks that glyphs of width 0 still get a line each when the
// width is 0 or less.
func TestBreakLinesZeroWidthGlyphs(t *testing.T) {
	zero := func(string) float64 { return 0 }
	for _, width := range []float64{0, -1} {
		got := BreakLines("一二 ab", width, zero)
		if want := []string{"一", "二", "a", "b"}; !lbEqual(got, want) {
			t.Errorf("width %v, zero-width glyphs: %q, want %q", width, got, want)
		}
	}
	if got, want := BreakLines("一二 ab", 1, zero), []string{"一二 ab"}; !lbEqual(got, want) {
		t.Errorf("width 1, zero-width glyphs: %q, want %q", got, want)
	}
}

// TestBreakLinesMeasuresEachUnitOnce checks that the measure calls and the bytes they
// measure grow linearly with the text, not with the square of the line length.
func TestBreakLinesMeasuresEachUnitOnce(t *testing.T) {
	long := strings.Repeat(lbBudgetParagraph+" budget report ", 200)
	for _, width := range []float64{-1, 7, 40, 200, 5000} {
		calls, bytes := 0, 0
		lines := BreakLines(long, width, lbCountingMeasure(&calls, &bytes))
		if err := lbCheck(long, width, lines); err != nil {
			t.Fatal(err)
		}
		runes := utf8.RuneCountInString(long)
		if calls > 3*runes || bytes > 2*len(long) {
			t.Errorf("width %v: %d measure calls on %d bytes for %d characters (%d bytes)",
				width, calls, bytes, runes, len(long))
		}
	}
}

// TestBreakLinesBadMeasure checks measures returning NaN, infinite and negative widths.
func TestBreakLinesBadMeasure(t *testing.T) {
	apart := []string{"一", "二", "a", "b", "，", "三"}
	tests := []struct {
		name string
		m    Measure
		want []string
	}{
		{"NaN is infinite", func(string) float64 { return math.NaN() }, apart},
		{"infinite", func(string) float64 { return math.Inf(1) }, apart},
		{"negative is 0", func(string) float64 { return -1 }, []string{"一二 ab，三"}},
	}
	for _, tc := range tests {
		if got := BreakLines("一二 ab，三", 20, tc.m); !lbEqual(got, tc.want) {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

// FuzzBreakLines breaks any text at widths from -255.75 to 255.75 and checks that it returns,
// that nothing is lost or reordered and no line is too wide (lbCheck), and that the measure
// calls stay linear.
func FuzzBreakLines(f *testing.F) {
	seeds := []string{
		lbBudgetParagraph,
		"", "\n", "\r\n\r\n", "\r", "一\n\n二", " ", "   ", "ab  ", "  ab", "a b", "中 文",
		"（（（（（（", "，，，，，，", "一。”」", "——……", "阿卜杜拉·买买提",
		strings.Repeat("9", 120), "https://www.dt.gov.cn/zwgk/czyjs/2024/bumen.pdf",
		"（" + strings.Repeat("8", 40) + "）", "45.20%％", "2024年", "ＰＤＦ２０２４年",
		"中\u0301文", "👨\u200d👩\u200d👧", " \u0301a", "\u200d中", "a\xffb\xfe",
		"\u2028\u2029\v\f\u0085",
		"第一部分　概况\n一、本部门职责\n　　负责市政府日常工作。",
	}
	for i, s := range seeds {
		f.Add(s, int16(40+i*17))
		f.Add(s, int16(i-3))
	}
	f.Fuzz(func(t *testing.T, text string, w int16) {
		if len(text) > 1<<12 {
			return
		}
		width := float64(w%1024) / 4 // -255.75 … 255.75, every quarter point
		calls, bytes := 0, 0
		lines := BreakLines(text, width, lbCountingMeasure(&calls, &bytes))
		if err := lbCheck(text, width, lines); err != nil {
			t.Fatalf("BreakLines(%q, %v) = %q: %v", text, width, lines, err)
		}
		if runes := utf8.RuneCountInString(text); calls > 3*runes || bytes > 2*len(text) {
			t.Fatalf("BreakLines(%q, %v): %d measure calls on %d bytes", text, width, calls, bytes)
		}
	})
}

// BenchmarkBreakLines breaks a long budget text.
func BenchmarkBreakLines(b *testing.B) {
	text := strings.Repeat(lbBudgetParagraph, 100)
	for b.Loop() {
		BreakLines(text, 450, lbMeasure)
	}
}

// An amount and its unit of money stay on one line: 5,103.42万元 is never
// broken before 万 or between 万 and 元, at any width.
func TestBreakLinesKeepsAmountWithItsUnit(t *testing.T) {
	m := func(s string) float64 {
		w := 0.0
		for _, r := range s {
			if r < 0x80 {
				w += 5
			} else {
				w += 10
			}
		}
		return w
	}
	text := "预算收入总计5,103.42万元，其中本年收入5,103.42万元，规模12亿元或3千元。"
	// From 80 (5,103.42万元， fits a line) up: narrower lines must break a rule somewhere.
	for width := 80.0; width <= 300; width += 5 {
		lines := BreakLines(text, width, m)
		for i := 1; i < len(lines); i++ {
			prev, next := []rune(lines[i-1]), []rune(lines[i])
			if len(prev) == 0 || len(next) == 0 {
				continue
			}
			if amountUnit(prev[len(prev)-1], next[0]) {
				t.Errorf("width %v: %q | %q parts an amount from its unit", width, lines[i-1], lines[i])
			}
		}
		if got := strings.Join(lines, ""); got != text {
			t.Errorf("width %v: lost text: %q", width, got)
		}
	}
}

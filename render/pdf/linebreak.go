package pdf

import (
	"math"
	"unicode"
	"unicode/utf8"
)

// Measure returns the advance width of a string in points at the current font and size.
type Measure func(s string) float64

// noLineStart holds the characters that never begin a line (行首禁则, GB/T 15834-2011 and
// W3C clreq): pause and stop marks, closing quotes and brackets, ellipses and dashes,
// connectors, interpuncts and separators, postfix units such as the percent sign, their
// ASCII, small-form and vertical-form counterparts, and the small kana, prolonged-sound and
// iteration marks of Japanese text. Before such a character a line break is not allowed.
var noLineStart = newBreakRuleSet(
	"，。、；：？！" + // 点号
		"）》」』】〕〉〗〙〛］｝｠”’〞〟" + // 结束括号、结束书名号、结束引号
		"…‥⋯—―" + // 省略号、破折号 (and so never split: ——, ……)
		"～〜‐‑–" + // 连接号
		"·・‧／" + // 间隔号、分隔号
		"％%‰‱℃℉°′″￠" + // postfix units
		"‼⁇⁈⁉" +
		",.;:?!)]}" + // ASCII
		"｡｣､" + // half-width
		"﹐﹑﹒﹔﹕﹖﹗﹚﹜﹞" + // small form variants
		"︐︑︒︓︔︕︖︙︰︶︸︺︼︾﹀﹂﹄﹈" + // vertical forms
		"ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ" + // small kana
		"ーゝゞヽヾ々〻゛゜ｧｨｩｪｫｬｭｮｯｰ") // prolonged sound, iteration and voicing marks

// noLineEnd holds the characters that never end a line (行尾禁则): opening quotes, brackets
// and book-title marks in their full-width, ASCII, small-form and vertical forms, and the
// prefix signs (currency, number) that belong to the number after them. After such a
// character a line break is not allowed.
var noLineEnd = newBreakRuleSet(
	"（《「『【〔〈〖〘〚［｛｟“‘〝" + // 开始括号、开始书名号、开始引号
		"([{" + // ASCII
		"｢" + // half-width
		"﹙﹛﹝" + // small form variants
		"︵︷︹︻︽︿﹁﹃﹇" + // vertical forms
		"￥＄￡¥$£€№＃#§") // prefix signs

// breakRuleSet is a set of characters.
type breakRuleSet map[rune]bool

// newBreakRuleSet returns the set of the characters of s.
func newBreakRuleSet(s string) breakRuleSet {
	set := make(breakRuleSet)
	for _, r := range s {
		set[r] = true
	}
	return set
}

// BreakLines splits text into lines no wider than width, measured by m, following the
// Chinese line-breaking rules (GB/T 15834, W3C clreq 禁则):
//
//   - Hard line breaks end a line: "\n", "\r\n" (as one), and the other mandatory breaks of
//     UAX #14: a lone "\r", VT, FF, NEL, LS and PS. An empty input line gives one empty line,
//     so "" gives [""] and "a\n" gives ["a", ""].
//   - A line may break between two glyphs when either is ideographic (汉字, kana, full-width
//     punctuation…), and at a run of spaces (U+0020); the run is then dropped. Other spaces
//     are kept, and so are the spaces that end an input line when they fit.
//   - Anything else is one unbreakable unit: a run of glyphs that are neither spaces nor
//     ideographic — a Latin word, a number such as 5,103.42 or 45.20% or 2024 (but 2024年
//     may break before 年), a URL, text joined by a no-break space; the spaces that start
//     an input line go with the unit after them; a glyph keeps its combining marks.
//   - No line starts with a character of noLineStart, none ends with one of noLineEnd: the
//     units before such a break go down to the next line (推出), as few as possible.
//   - Where the rules leave no break on a line, they are broken rather than leave the line
//     empty; a unit wider than width starts a new line and is cut between its glyphs where
//     it must be; a glyph wider than width gets a line of its own. A width <= 0 (or NaN)
//     puts every glyph on its own line.
//
// No character is lost or reordered: joining the lines gives text without its line
// terminators and the spaces dropped at breaks. Every unit is measured once and a line's
// width is the sum of its units' widths, so the work is linear in the length of text.
func BreakLines(text string, width float64, m Measure) []string {
	limit := width
	if !(limit > 0) {
		limit = -1 // nothing fits, not even an empty glyph
	}
	var lines []string
	for {
		line, rest, more := cutHardLine(text)
		lines = breakInputLine(lines, line, limit, m)
		if !more {
			return lines
		}
		text = rest
	}
}

// cutHardLine returns the text before the first mandatory line break of s and the text
// after it; more is false when s has no line break.
func cutHardLine(s string) (line, rest string, more bool) {
	for i := 0; i < len(s); i++ {
		if n := hardBreakLen(s, i); n > 0 {
			return s[:i], s[i+n:], true
		}
	}
	return s, "", false
}

// hardBreakLen returns the length in bytes of the mandatory line break at s[i], or 0:
// LF, CR LF, CR, VT, FF, NEL (U+0085), LS (U+2028) or PS (U+2029).
func hardBreakLen(s string, i int) int {
	switch s[i] {
	case '\n', '\v', '\f':
		return 1
	case '\r':
		if i+1 < len(s) && s[i+1] == '\n' {
			return 2
		}
		return 1
	case 0xC2: // U+0085 is C2 85
		if i+1 < len(s) && s[i+1] == 0x85 {
			return 2
		}
	case 0xE2: // U+2028 and U+2029 are E2 80 A8 and E2 80 A9
		if i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xA8 || s[i+2] == 0xA9) {
			return 3
		}
	}
	return 0
}

// breakInputLine appends to lines the lines of one input line (without line terminators).
func breakInputLine(lines []string, line string, limit float64, m Measure) []string {
	if line == "" {
		return append(lines, "")
	}
	units := cutWideUnits(breakUnits(line, m), line, limit, m)
	for s := 0; s < len(units); {
		j, w := fitEnd(units, s, limit)
		k := j
		if j < len(units)-1 {
			k = chooseBreak(units, s, j)
		}
		end := units[k].end
		if k == len(units)-1 && k == j && w+units[k].space <= limit {
			end = units[k].spaceEnd // trailing spaces of the input line fit: keep them
		}
		lines = append(lines, line[units[s].start:end])
		s = k + 1
	}
	return lines
}

// breakUnit is one unbreakable piece of a line, with the spaces after it.
type breakUnit struct {
	start, end  int     // the unit is line[start:end]
	spaceEnd    int     // line[end:spaceEnd] are the spaces after it, dropped at a break here
	width       float64 // width of the unit
	space       float64 // width of the spaces after it
	first, last rune    // its first and last characters, for the 禁则
	cut         bool    // the unit and the next are glyphs of a unit wider than any line
}

// breakUnits cuts a non-empty line into its units, measuring each unit and each run of
// spaces once. Leading spaces join the first unit; a line of spaces is one unit.
func breakUnits(line string, m Measure) []breakUnit {
	var units []breakUnit
	start := 0
	for i := skipBreakSpaces(line, 0); i < len(line); {
		end, last := unitEnd(line, i)
		u := breakUnit{start: start, end: end, first: decodeRuneAt(line, start), last: last}
		u.spaceEnd = skipBreakSpaces(line, end)
		u.width = unitWidth(m, line[start:end])
		if u.spaceEnd > end {
			u.space = unitWidth(m, line[end:u.spaceEnd])
		}
		units = append(units, u)
		start, i = u.spaceEnd, u.spaceEnd
	}
	if len(units) == 0 {
		n := len(line)
		return []breakUnit{{end: n, spaceEnd: n, width: unitWidth(m, line), first: ' ', last: ' '}}
	}
	return units
}

// unitEnd returns the end of the unit whose first glyph starts at line[i], and the base
// character of its last glyph: an ideographic glyph is a unit by itself; any other glyph
// runs on up to the next space or ideographic glyph.
func unitEnd(line string, i int) (end int, last rune) {
	last = decodeRuneAt(line, i)
	end = clusterEnd(line, i)
	if breakableAround(last) {
		return end, last
	}
	for end < len(line) && !isBreakSpace(line, end) {
		r := decodeRuneAt(line, end)
		if breakableAround(r) {
			break
		}
		last, end = r, clusterEnd(line, end)
	}
	return end, last
}

// cutWideUnits replaces each unit wider than limit that has several glyphs by its glyphs,
// each measured once, so that it can be cut where it must be.
func cutWideUnits(units []breakUnit, line string, limit float64, m Measure) []breakUnit {
	var out []breakUnit
	for i, u := range units {
		if u.width <= limit || clusterEnd(line, u.start) == u.end {
			if out != nil {
				out = append(out, u)
			}
			continue
		}
		if out == nil {
			out = append(make([]breakUnit, 0, len(units)+u.end-u.start), units[:i]...)
		}
		out = appendClusters(out, u, line, m)
	}
	if out == nil {
		return units
	}
	return out
}

// appendClusters appends the glyphs of u to units as units of their own; the last keeps the
// spaces after u.
func appendClusters(units []breakUnit, u breakUnit, line string, m Measure) []breakUnit {
	for g := u.start; g < u.end; {
		ge := clusterEnd(line, g)
		r := decodeRuneAt(line, g)
		units = append(units, breakUnit{start: g, end: ge, spaceEnd: ge,
			width: unitWidth(m, line[g:ge]), first: r, last: r, cut: true})
		g = ge
	}
	last := &units[len(units)-1]
	last.spaceEnd, last.space, last.cut = u.spaceEnd, u.space, false
	return units
}

// fitEnd returns the last unit j such that units s..j fit within limit, and their width;
// j is s-1 when not even units[s] fits.
func fitEnd(units []breakUnit, s int, limit float64) (j int, w float64) {
	j = s - 1
	for t := s; t < len(units); t++ {
		next := w + units[t].width
		if t > s {
			next += units[t-1].space
		}
		if !(next <= limit) {
			break
		}
		j, w = t, next
	}
	return j, w
}

// chooseBreak returns the unit after which the line of units s..j (s-1 <= j < the last
// unit) breaks: the last break the 禁则 allow; else the last cut inside a unit wider than
// any line; else, the rules being impossible to keep, after j; else, when not even
// units[s] fits, after units[s], a single glyph wider than the line.
func chooseBreak(units []breakUnit, s, j int) int {
	for k := j; k >= s; k-- {
		if mayBreakAfter(units, k) {
			return k
		}
	}
	for k := j; k >= s; k-- {
		if units[k].cut {
			return k
		}
	}
	if j >= s {
		return j
	}
	return s
}

// mayBreakAfter reports whether the 禁则 allow a break between units[k] and units[k+1]
// outside a unit wider than any line.
func mayBreakAfter(units []breakUnit, k int) bool {
	return !units[k].cut && !noLineEnd[units[k].last] && !noLineStart[units[k+1].first] &&
		!amountUnit(units[k].last, units[k+1].first)
}

// amountUnit reports whether a and b belong to one amount as a sentence
// writes it, 5,103.42万元 or 12亿元: a number and its unit of money, or the
// two characters of 万元 / 亿元 / 千元, are never parted.
func amountUnit(a, b rune) bool {
	switch {
	case a >= '0' && a <= '9':
		return b == '万' || b == '亿' || b == '千' || b == '元'
	case a == '万' || a == '亿' || a == '千':
		return b == '元'
	}
	return false
}

// figureUnit reports whether a and b, the last glyph of a unit and the first of the next,
// belong to one figure: an amount and its unit of money (amountUnit), or a number and a
// percent sign that is a unit of its own (45.20％; an ASCII % is in the number's unit). A
// justified line adds no space between them.
func figureUnit(a, b rune) bool {
	if amountUnit(a, b) {
		return true
	}
	digit := a >= '0' && a <= '9' || a >= '０' && a <= '９'
	return digit && (b == '％' || b == '﹪')
}

// unitWidth returns m(s) made safe to add up: a negative width counts as 0, and NaN as
// infinite, so that such a glyph gets a line of its own.
func unitWidth(m Measure, s string) float64 {
	w := m(s)
	if math.IsNaN(w) {
		return math.Inf(1)
	}
	return max(w, 0)
}

// decodeRuneAt returns the character at s[i] (utf8.RuneError for a byte that is not UTF-8).
func decodeRuneAt(s string, i int) rune {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r
}

// isBreakSpace reports whether s[i] is a breaking space: U+0020 not carrying a combining mark.
func isBreakSpace(s string, i int) bool {
	return s[i] == ' ' && clusterEnd(s, i) == i+1
}

// skipBreakSpaces returns the end of the run of breaking spaces at s[i].
func skipBreakSpaces(s string, i int) int {
	for i < len(s) && isBreakSpace(s, i) {
		i++
	}
	return i
}

// clusterEnd returns the end of the glyph that starts at s[i]: one character with the
// combining marks, variation selectors and emoji modifiers after it, and the characters
// joined to it by zero-width joiners.
func clusterEnd(s string, i int) int {
	r, n := utf8.DecodeRuneInString(s[i:])
	i += n
	joined := r == '\u200D'
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !joined && !clusterExtender(r) {
			break
		}
		joined = r == '\u200D'
		i += n
	}
	return i
}

// clusterExtender reports whether r belongs to the glyph before it.
func clusterExtender(r rune) bool {
	switch {
	case r == '\u200D', // zero-width joiner
		'\uFE00' <= r && r <= '\uFE0F', // variation selectors
		0xE0100 <= r && r <= 0xE01EF,   // ideographic variation selectors
		0x1F3FB <= r && r <= 0x1F3FF,   // emoji skin tones
		0xE0020 <= r && r <= 0xE007F:   // emoji tags
		return true
	}
	return unicode.Is(unicode.M, r)
}

// breakableAround reports whether a line may break before and after r (subject to the 禁则):
// Han, kana, Hangul syllables, Yi, CJK and full-width punctuation and symbols, and emoji.
// Full-width digits and Latin letters are not: like ASCII ones they make words.
func breakableAround(r rune) bool {
	switch {
	case r < 0x2E80:
		return false
	case r <= 0xA4CF: // CJK radicals … CJK symbols and punctuation, kana, Bopomofo … Han, Yi
		return true
	case 0xAC00 <= r && r <= 0xD7AF: // Hangul syllables
		return true
	case 0xF900 <= r && r <= 0xFAFF: // CJK compatibility ideographs
		return true
	case 0xFE10 <= r && r <= 0xFE1F, 0xFE30 <= r && r <= 0xFE6F: // vertical, compatibility and small forms
		return true
	case 0xFF01 <= r && r <= 0xFFEE: // full-width and half-width forms
		return !fullWidthAlnum(r)
	case 0x1B000 <= r && r <= 0x1B16F: // kana supplement
		return true
	case 0x1F000 <= r && r <= 0x1FAFF: // emoji and pictographs
		return true
	case 0x20000 <= r && r <= 0x3FFFF: // CJK ideographs, extension B and beyond
		return true
	}
	return false
}

// fullWidthAlnum reports whether r is a full-width digit or Latin letter.
func fullWidthAlnum(r rune) bool {
	return '０' <= r && r <= '９' || 'Ａ' <= r && r <= 'Ｚ' || 'ａ' <= r && r <= 'ｚ'
}

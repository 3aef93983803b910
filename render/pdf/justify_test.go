package pdf

import (
	"math"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/budgetpub/budgetpub/render"
)

// figureRE matches what a justified line never spreads: a number with its
// separators, a percentage, an amount with its unit of money, a Latin
// word.
var figureRE = regexp.MustCompile(`[0-9０-９A-Za-z]([0-9０-９A-Za-z,.]*[0-9０-９A-Za-z])?([%％]|[万亿千]元?|元)?`)

// glyph is a character of a drawn line: where it starts, its advance and
// the space drawn after it.
type glyph struct {
	r        rune
	x, w, sp float64
}

// glyphsOf places the characters of pieces drawn one after another, each
// at its x, with the piece's spacing after each character, measured by m.
func glyphsOf(pieces []linePiece, m Measure) []glyph {
	var out []glyph
	for _, p := range pieces {
		x := p.x
		for _, r := range p.text {
			w := m(string(r))
			out = append(out, glyph{r, x, w, p.spacing})
			x += w + p.spacing
		}
	}
	return out
}

// checkJustified checks the characters of a justified line: no space is
// added inside a figure (figureRE), the same space s > 0 at every gap inside
// the Chinese text and the same space b ≥ s at every gap between a Chinese
// character and a number or word (b > s only when s is cleanJustify, so
// the line still reads as one word), each gap is the spacing of the
// character before it, and the line ends at target. It returns s and b (b
// is -1 when the line has no such gap).
func checkJustified(t *testing.T, line string, gs []glyph, target, size float64) (s, b float64) {
	t.Helper()
	rs := []rune(line)
	if len(gs) != len(rs) {
		t.Fatalf("%q: %d glyphs drawn for %d characters", line, len(gs), len(rs))
	}
	inFigure := make([]bool, len(rs)) // inFigure[i]: characters i and i+1 are in one figure
	for _, loc := range figureRE.FindAllStringIndex(line, -1) {
		a := utf8.RuneCountInString(line[:loc[0]])
		b := a + utf8.RuneCountInString(line[loc[0]:loc[1]])
		for i := a; i < b-1; i++ {
			inFigure[i] = true
		}
	}
	s, b = -1.0, -1.0
	for i := 0; i+1 < len(gs); i++ {
		gap := gs[i+1].x - (gs[i].x + gs[i].w)
		if math.Abs(gap-gs[i].sp) > 1e-9 {
			t.Errorf("%q: after %q the next character is %.4f pt on, but the space drawn after it is %.4f", line, gs[i].r, gap, gs[i].sp)
		}
		if inFigure[i] {
			if math.Abs(gap) > 1e-9 {
				t.Errorf("%q: %.4f pt of space between %q and %q, inside a figure", line, gap, gs[i].r, gs[i+1].r)
			}
			continue
		}
		at := &s
		if scriptBoundary(gs[i].r, gs[i+1].r) {
			at = &b
		}
		if *at < 0 {
			*at = gap
		}
		if math.Abs(gap-*at) > 1e-9 || gap <= 0 {
			t.Errorf("%q: %.4f pt between %q and %q, %.4f pt at the line's first gap of its kind", line, gap, gs[i].r, gs[i+1].r, *at)
		}
	}
	if s >= 0 && b >= 0 && b > s+1e-9 && math.Abs(s-cleanJustify*size) > 1e-9 {
		t.Errorf("%q: %.4f pt beside its figures, %.4f pt elsewhere: more beside figures only once the rest has %.4f", line, b, s, cleanJustify*size)
	}
	if s >= 0 && b >= 0 && b < s-1e-9 {
		t.Errorf("%q: %.4f pt beside its figures, less than the %.4f pt elsewhere", line, b, s)
	}
	last := gs[len(gs)-1]
	if end := last.x + last.w; math.Abs(end-target) > 1e-6 {
		t.Errorf("%q ends at %.4f, want %.4f", line, end, target)
	}
	return s, b
}

// TestJustifyCrafted: the spacing of a crafted line with every kind of
// figure, measured with the fake widths of the line-breaking tests (5 for
// ASCII, 10 for the rest).
func TestJustifyCrafted(t *testing.T) {
	line := "支出1,885.91万元，占39.45%和45.20％，PDF计12亿元、300元"
	// Units: 支 出 1,885.91 万 元 ， 占 39.45% 和 45.20 ％ ， PDF 计 12 亿 元 、 300 元 —
	// 20 units; 1,885.91|万|元, 45.20|％, 12|亿|元 and 300|元 are figures:
	// 19 gaps less 6.
	const gaps = 13
	w := lbMeasure(line)
	target := w + 6.5
	pieces := justify(line, target, 10, lbMeasure)
	var b strings.Builder
	for _, p := range pieces {
		b.WriteString(p.text)
	}
	if b.String() != line {
		t.Fatalf("the pieces are %q, not the line", b.String())
	}
	s, bs := checkJustified(t, line, glyphsOf(pieces, lbMeasure), target, 10)
	if math.Abs(s-6.5/gaps) > 1e-9 || math.Abs(bs-s) > 1e-9 {
		t.Errorf("%.4f at a gap, want the slack over %d gaps: %.4f", s, gaps, 6.5/gaps)
	}
	// The figures are drawn without spacing: pieces that are figures (or
	// a figure's start, whose last character carries the space after it).
	for _, p := range pieces {
		if p.spacing == 0 && !figureRE.MatchString(p.text) {
			t.Errorf("piece %q has no spacing but is no figure", p.text)
		}
	}

	// More slack than cleanJustify at every gap: the 7 gaps inside the
	// Chinese text get cleanJustify, the 6 beside a number or word (出|1,
	// 占|39, %|和, 和|45, PDF|计, 计|12) the rest.
	tiered := justify(line, w+15, 10, lbMeasure)
	s, bs = checkJustified(t, line, glyphsOf(tiered, lbMeasure), w+15, 10)
	if math.Abs(s-cleanJustify*10) > 1e-9 || math.Abs(bs-(15-7*cleanJustify*10)/6) > 1e-9 {
		t.Errorf("15 pt of slack: %.4f inside the text, %.4f beside figures; want %.4f and %.4f", s, bs, cleanJustify*10, (15-7*cleanJustify*10)/6)
	}
	// A line of Chinese only, a little looser than cleanJustify: evenly.
	han := "一二三四五"
	even := justify(han, lbMeasure(han)+4*1.2, 10, lbMeasure)
	if s, _ := checkJustified(t, han, glyphsOf(even, lbMeasure), lbMeasure(han)+4*1.2, 10); math.Abs(s-1.2) > 1e-9 {
		t.Errorf("%q spread by %.4f at a gap, want 1.2", han, s)
	}

	for _, tc := range []struct {
		name, line string
		target     float64
	}{
		{"beside its figures more than maxBoundary", line, w + 60},
		{"Chinese only, more than maxJustify", han, lbMeasure(han) + 4*1.6},
		{"no gap: one amount", "5,103.42万元", 100},
		{"no gap: a word", "Budget", 100},
		{"full", "收入5,103.42万元", lbMeasure("收入5,103.42万元")},
		{"too much to spread", "收入5,103.42万元", lbMeasure("收入5,103.42万元") + 2*10},
	} {
		ps := justify(tc.line, tc.target, 10, lbMeasure)
		if len(ps) != 1 || ps[0] != (linePiece{text: tc.line}) {
			t.Errorf("%s: %q is drawn as %+v, want it whole without spacing", tc.name, tc.line, ps)
		}
	}
}

// sampleLine is a line of body text of the sample's 第三部分 as laid out:
// its text and the pieces it is drawn as.
type sampleLine struct {
	text   string
	pieces []linePiece
}

// sample3Lines lays out the sample and returns the lines of body text of
// its 第三部分 that are drawn spaced (justified), page by page, top down.
func sample3Lines(t *testing.T) []sampleLine {
	t.Helper()
	pub := samplePublication(t)
	d, err := layout(pub, testMetrics(t))
	if err != nil {
		t.Fatal(err)
	}
	var part *render.Part
	for _, p := range pub.Parts {
		if strings.HasPrefix(p.Title, "第三部分") {
			part = p
		}
	}
	if part == nil {
		t.Fatal("the sample has no 第三部分")
	}
	first, end := -1, len(d.body)
	for _, mk := range d.marks {
		if mk.level != 0 {
			continue
		}
		n := mk.page.number - 1
		if mk.title == part.Title {
			first = n
		} else if first >= 0 && n > first && end == len(d.body) {
			end = n
		}
	}
	if first < 0 {
		t.Fatal("no page starts 第三部分")
	}
	var out []sampleLine
	for pi := first; pi < end; pi++ {
		// A line is the body text items with one baseline, left to right.
		lines := map[float64][]textItem{}
		var ys []float64
		for _, it := range d.body[pi].items {
			if tx, ok := it.(textItem); ok && tx.st == stBody {
				if _, seen := lines[tx.y]; !seen {
					ys = append(ys, tx.y)
				}
				lines[tx.y] = append(lines[tx.y], tx)
			}
		}
		sort.Float64s(ys)
		for _, y := range ys {
			items := lines[y]
			sort.Slice(items, func(i, j int) bool { return items[i].x < items[j].x })
			spaced := false
			var l sampleLine
			for _, it := range items {
				spaced = spaced || it.spacing != 0
				l.pieces = append(l.pieces, linePiece{x: it.x, text: it.text, spacing: it.spacing})
				l.text += it.text
			}
			if spaced { // not a paragraph's last line, nor one left as it is
				out = append(out, l)
			}
		}
	}
	return out
}

// TestJustifySample3: on the display list of the sample's 第三部分, every
// justified line of body text reaches the right margin, with the same
// space at every gap of a kind but none inside a number, percentage or
// amount with its unit, whose characters are at their natural advances.
func TestJustifySample3(t *testing.T) {
	measure := testMetrics(t).measure(stBody)
	right := a4W - marginSide
	lines := sample3Lines(t)
	withFigures, tiered := 0, 0
	for _, l := range lines {
		if figureRE.MatchString(l.text) {
			withFigures++
		}
		if s, b := checkJustified(t, l.text, glyphsOf(l.pieces, measure), right, stBody.size); b > s+1e-9 {
			tiered++
		}
	}
	t.Logf("第三部分: %d justified lines, %d with figures, %d with more space beside their figures", len(lines), withFigures, tiered)
	if len(lines) < 30 || withFigures < 20 {
		t.Errorf("第三部分 has %d justified lines, %d with figures: the case is void", len(lines), withFigures)
	}
}

// JustifiedSample3 is, for the poppler tests, the text of each justified
// line of the sample's 第三部分 cut at the gaps between a Chinese character
// and a number or word: the runs a reader must find whole in the PDF.
func JustifiedSample3(t *testing.T) [][]string {
	var out [][]string
	for _, l := range sample3Lines(t) {
		rs := []rune(l.text)
		var runs []string
		start := 0
		for i := 1; i <= len(rs); i++ {
			if i == len(rs) || scriptBoundary(rs[i-1], rs[i]) {
				runs = append(runs, string(rs[start:i]))
				start = i
			}
		}
		out = append(out, runs)
	}
	return out
}

package pdf

import (
	"fmt"
	"math"
	"strings"
	"sync"
	"testing"

	"github.com/budgetpub/budgetpub/fonts"
	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
	"github.com/shopspring/decimal"
	"github.com/signintech/gopdf"
)

var (
	fontsOnce sync.Once
	fontSet   *fonts.Set
	fontErr   error
)

// samplePublication is the bundled sample, built.
func samplePublication(t testing.TB) *render.Publication {
	t.Helper()
	doc, err := input.Decode(input.SampleName, input.Sample, nil)
	if err != nil {
		t.Fatal(err)
	}
	pub, err := render.Build(doc)
	if err != nil {
		t.Fatal(err)
	}
	return pub
}

// testMetrics measures with the bundled fonts, as Bytes does.
func testMetrics(t testing.TB) *metrics {
	t.Helper()
	fontsOnce.Do(func() { fontSet, fontErr = fonts.Bundled() })
	if fontErr != nil {
		t.Fatal(fontErr)
	}
	gp := &gopdf.GoPdf{}
	gp.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4, Unit: gopdf.UnitPT})
	for _, fam := range fontSet.Families() {
		if err := gp.AddTTFFontFromFontContainer(fam, fontSet.Container); err != nil {
			t.Fatal(err)
		}
	}
	return newMetrics(gp, fontSet)
}

// testFlow is a flow on a fresh body page.
func testFlow(t testing.TB) *flow {
	f := &flow{m: testMetrics(t)}
	f.newPage(false)
	return f
}

// chartOf builds a chart of the amounts with shares rounded as the model
// rounds them.
func chartOf(title string, labels []string, amounts ...string) *render.Chart {
	c := &render.Chart{Title: title, Total: decimal.Zero}
	for _, a := range amounts {
		c.Total = c.Total.Add(decimal.RequireFromString(a))
	}
	for i, a := range amounts {
		d := decimal.RequireFromString(a)
		c.Slices = append(c.Slices, render.Slice{Label: labels[i], Amount: d, Share: d.Mul(decimal.NewFromInt(100)).Div(c.Total).Round(2)})
	}
	return c
}

var fiveLabels = []string{"一般公共服务支出", "文化旅游体育与传媒支出", "社会保障和就业支出", "卫生健康支出", "住房保障支出"}

// TestPieAngles: the slices' arcs are contiguous from 0 (12 o'clock), end
// at 360, and each spans amount/total×360 of the exact amounts.
func TestPieAngles(t *testing.T) {
	for _, tc := range []struct {
		name    string
		amounts []string
	}{
		{"five", []string{"4256.93", "64.45", "448.57", "108.57", "224.90"}},
		{"two", []string{"12.10", "3.05"}},
		{"tiny slice", []string{"9999.99", "0.01"}},
		{"tiny first", []string{"0.01", "9999.99"}},
		{"one", []string{"7.00"}},
		{"thirds", []string{"1", "1", "1"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			labels := make([]string, len(tc.amounts))
			for i := range labels {
				labels[i] = fiveLabels[i%len(fiveLabels)]
			}
			c := chartOf("图", labels, tc.amounts...)
			arcs := pieAngles(c)
			if len(arcs) != len(c.Slices) {
				t.Fatalf("%d arcs for %d slices", len(arcs), len(c.Slices))
			}
			total := c.Total.InexactFloat64()
			prev, sum := 0.0, 0.0
			for i, a := range arcs {
				if a.Start != prev {
					t.Errorf("arc %d starts at %v, the previous ended at %v", i, a.Start, prev)
				}
				span := a.End - a.Start
				want := c.Slices[i].Amount.InexactFloat64() / total * 360
				if math.Abs(span-want) > 1e-9 {
					t.Errorf("arc %d spans %.12f°, want %.12f°", i, span, want)
				}
				if span <= 0 {
					t.Errorf("arc %d of %s is empty", i, c.Slices[i].Amount)
				}
				// The share the legend prints is the exact share rounded once.
				share := c.Slices[i].Amount.Mul(decimal.NewFromInt(100)).Div(c.Total).Round(2)
				if !c.Slices[i].Share.Equal(share) || formatShare(c.Slices[i].Share) != share.StringFixed(2)+"%" {
					t.Errorf("slice %d: share %s printed %q, want %s", i, c.Slices[i].Share, formatShare(c.Slices[i].Share), share.StringFixed(2))
				}
				prev, sum = a.End, sum+span
			}
			if math.Abs(sum-360) > 1e-9 || prev != 360 {
				t.Errorf("arcs sum to %.12f° and end at %v, want 360", sum, prev)
			}
		})
	}
	// Spot values: 4256.93 of 5103.42 is 300.2815…°.
	c := chartOf("图", fiveLabels, "4256.93", "64.45", "448.57", "108.57", "224.90")
	if a := pieAngles(c)[0]; math.Abs(a.End-4256.93/5103.42*360) > 1e-9 || math.Abs(a.End-300.28) > 0.01 {
		t.Errorf("first arc ends at %v", a.End)
	}
	if got := formatShare(c.Slices[0].Share); got != "83.41%" {
		t.Errorf("share of 4256.93 in 5103.42 printed %q, want 83.41%%", got)
	}
	// Nothing to share: every arc empty, and the chart is not drawn.
	empty := &render.Chart{Title: "图", Slices: []render.Slice{{Label: "a", Amount: decimal.Zero}}}
	for _, a := range pieAngles(empty) {
		if a.End != a.Start {
			t.Errorf("an empty chart has arc %v", a)
		}
	}
	if drawable(empty) {
		t.Error("a chart whose slices sum to zero is drawn")
	}
}

// TestFormatAmount: the legend prints amounts as the sentences do.
func TestFormatAmount(t *testing.T) {
	for in, want := range map[string]string{
		"4256.93":    "4,256.93万元",
		"64.45":      "64.45万元",
		"1234567.5":  "1,234,567.50万元",
		"100000":     "100,000.00万元",
		"999.999":    "1,000.00万元",
		"0.01":       "0.01万元",
		"5103.42000": "5,103.42万元",
	} {
		if got := formatAmount(decimal.RequireFromString(in)); got != want {
			t.Errorf("formatAmount(%s) = %q, want %q", in, got, want)
		}
	}
}

// TestPiePalette: eight colours, their greys at least 20 apart, so that
// slices stay apart in a grey-scale print.
func TestPiePalette(t *testing.T) {
	if len(piePalette) < 8 {
		t.Fatalf("%d colours", len(piePalette))
	}
	grey := func(c rgb) float64 { return 0.299*float64(c.r) + 0.587*float64(c.g) + 0.114*float64(c.b) }
	for i := range piePalette {
		for j := i + 1; j < len(piePalette); j++ {
			if d := math.Abs(grey(piePalette[i]) - grey(piePalette[j])); d < 20 {
				t.Errorf("colours %d and %d are %.0f apart in grey", i, j, d)
			}
		}
		if g := grey(piePalette[i]); g > 235 {
			t.Errorf("colour %d is too light for paper (grey %.0f)", i, g)
		}
	}
}

// polygons lists the polygon items of the pages.
func polygons(pages []*page) []polygonItem {
	var out []polygonItem
	for _, p := range pages {
		for _, it := range p.items {
			if pg, ok := it.(polygonItem); ok {
				out = append(out, pg)
			}
		}
	}
	return out
}

// texts lists the text items of the pages.
func texts(pages []*page) []textItem {
	var out []textItem
	for _, p := range pages {
		for _, it := range p.items {
			if tx, ok := it.(textItem); ok {
				out = append(out, tx)
			}
		}
	}
	return out
}

// TestChartLayout: a pie chart is its title, one polygon per slice from the
// centre with a point every 2° or less on a circle, legend squares, and a
// legend line per slice with the label, the amount and the share — all on
// one page, inside the margins, even when it starts low on a page; a chart
// with a sentence prints it and draws nothing.
func TestChartLayout(t *testing.T) {
	c := chartOf("一般公共预算当年拨款结构图", fiveLabels, "4256.93", "64.45", "448.57", "108.57", "224.90")
	for _, startY := range []float64{marginTop, 500, 700} {
		f := testFlow(t)
		f.y = startY
		f.chart(c)
		pg := f.cur
		if startY == 700 && len(f.pages) != 2 {
			t.Errorf("a chart starting at y=700 is not moved to the next page (%d pages)", len(f.pages))
		}
		if len(pg.items) == 0 {
			t.Fatal("the chart's page is empty")
		}
		polys := polygons([]*page{pg})
		if len(polys) != 2*len(c.Slices) {
			t.Fatalf("%d polygons, want a slice and a legend square for each of %d slices", len(polys), len(c.Slices))
		}
		arcs := pieAngles(c)
		for i, a := range arcs {
			p := polys[i]
			if p.fill != sliceColour(i) || p.stroke != white || p.width != pieStroke {
				t.Errorf("slice %d: fill %v stroke %v width %v", i, p.fill, p.stroke, p.width)
			}
			cx, cy := p.points[0].x, p.points[0].y
			if cx > f.left()+f.textWidth()/2 {
				t.Errorf("the pie's centre x=%.1f is not in the left half", cx)
			}
			arcPts := p.points[1:]
			if least := int(math.Ceil((a.End - a.Start) / 2)); len(arcPts) < least+1 {
				t.Errorf("slice %d (%.2f°) has %d arc points", i, a.End-a.Start, len(arcPts))
			}
			for k, q := range arcPts {
				if r := math.Hypot(q.x-cx, q.y-cy); math.Abs(r-pieRadius) > 1e-6 {
					t.Errorf("slice %d point %d at radius %.3f", i, k, r)
				}
			}
			// 12 o'clock, clockwise: the first slice starts straight up, and
			// goes right.
			if i == 0 {
				if math.Abs(arcPts[0].x-cx) > 1e-6 || arcPts[0].y >= cy || arcPts[1].x <= cx {
					t.Errorf("the first slice does not start at 12 o'clock going clockwise: %v", arcPts[:2])
				}
			}
		}
		all := ""
		for _, tx := range texts([]*page{pg}) {
			all += tx.text + "|"
			w := f.m.width(tx.st, tx.text)
			if tx.x < f.left()-0.01 || tx.x+w > f.right()+0.01 || tx.y > f.bottom() || tx.y < marginTop {
				t.Errorf("text %q at x %.1f–%.1f, baseline %.1f is outside the text area", tx.text, tx.x, tx.x+w, tx.y)
			}
		}
		for _, want := range []string{"一般公共预算当年拨款结构图", "一般公共服务支出", "4,256.93万元", "83.41%", "住房保障支出", "224.90万元", "4.41%"} {
			if !strings.Contains(all, want) {
				t.Errorf("the chart does not print %q: %s", want, all)
			}
		}
		if f.y > f.bottom() {
			t.Errorf("the chart ends at y=%.1f, below the text area", f.y)
		}
	}

	f := testFlow(t)
	f.chart(&render.Chart{Title: "三公经费分布图", Slices: []render.Slice{{Label: "公务用车运行维护费", Amount: decimal.RequireFromString("12.10"), Share: decimal.NewFromInt(100)}},
		Total: decimal.RequireFromString("12.10"), Sentence: "2024年“三公”经费仅有公务用车运行维护费一项，不再绘制分布图。"})
	if n := len(polygons(f.pages)); n != 0 {
		t.Errorf("a chart with a sentence draws %d polygons", n)
	}
	all := ""
	for _, tx := range texts(f.pages) {
		all += tx.text
	}
	if !strings.Contains(all, "三公经费分布图") || !strings.Contains(all, "不再绘制分布图") {
		t.Errorf("a chart with a sentence prints %q", all)
	}
}

// TestChartManySlices: a legend too tall to stand beside the pie goes below
// it and runs over pages, every row inside the text area.
func TestChartManySlices(t *testing.T) {
	var labels, amounts []string
	for i := 0; i < 60; i++ {
		labels = append(labels, "其他支出项目名称较长需要换行显示的第"+string(rune('A'+i%26))+"项")
		amounts = append(amounts, "10.25")
	}
	c := chartOf("很多项的图", labels, amounts...)
	f := testFlow(t)
	f.y = 400
	f.chart(c)
	if len(f.pages) < 2 {
		t.Errorf("60 legend rows fit on %d page", len(f.pages))
	}
	n := 0
	for _, p := range f.pages {
		for _, it := range p.items {
			switch v := it.(type) {
			case textItem:
				if v.y > f.bottom() || v.x+f.m.width(v.st, v.text) > f.right()+0.01 {
					t.Errorf("text %q outside the text area", v.text)
				}
				if v.text == "10.25万元" {
					n++
				}
			case polygonItem:
				for _, q := range v.points {
					if q.y > f.bottom()+0.01 || q.y < marginTop-0.01 || q.x < f.left()-0.01 || q.x > f.right()+0.01 {
						t.Fatalf("a polygon point %v is outside the text area", q)
					}
				}
			}
		}
	}
	if n != 60 {
		t.Errorf("%d legend amounts, want 60", n)
	}
}

// ---- blocks and sub-sections (the PDF is read back in blocks_test.go) ----

// TestSubheadingKeptWithText: a sub-heading is set in the heading style with
// space above it, and never ends a page: with less room than for itself and
// two lines of text it goes to the next page with the text after it.
func TestSubheadingKeptWithText(t *testing.T) {
	para := strings.Repeat("本部门严格按照预算管理有关规定编制预算。", 8)
	blocks := []render.Block{{Kind: render.BlockSubheading, Text: "（一）一般公共预算当年支出规模变化情况"}, {Kind: render.BlockParagraph, Text: para}}
	for _, tc := range []struct {
		room  float64 // from y to the bottom of the text area
		moved bool
	}{
		{300, false},
		{lineHeight(stSubheading) + 2*lineHeight(stBody) + 8, false},
		{lineHeight(stSubheading) + 2*lineHeight(stBody) - 1, true},
		{lineHeight(stSubheading) + 5, true},
	} {
		f := testFlow(t)
		f.y = f.bottom() - tc.room
		before := f.y
		f.blocks(blocks)
		var head *textItem
		headPage := -1
		for pi, p := range f.pages {
			for _, it := range p.items {
				if tx, ok := it.(textItem); ok && tx.text == blocks[0].Text {
					head, headPage = &tx, pi
				}
			}
		}
		if head == nil {
			t.Fatalf("room %.0f: the sub-heading is not printed", tc.room)
		}
		if head.st != stSubheading || head.st.role != fonts.Heading {
			t.Errorf("the sub-heading has style %v", head.st)
		}
		if moved := headPage == 1; moved != tc.moved {
			t.Errorf("room %.0f: sub-heading on page %d, want moved %v", tc.room, headPage+1, tc.moved)
		}
		if !tc.moved && head.y-baseline(stSubheading) < before+4 {
			t.Errorf("room %.0f: no space above the sub-heading (%.1f after %.1f)", tc.room, head.y-baseline(stSubheading), before)
		}
		// At least two lines of the paragraph follow on the heading's page
		// (a justified line is drawn in pieces: lines are baselines).
		lines := map[float64]bool{}
		for _, it := range f.pages[headPage].items {
			if tx, ok := it.(textItem); ok && tx.st == stBody {
				lines[tx.y] = true
			}
		}
		if len(lines) < 2 {
			t.Errorf("room %.0f: %d lines of text follow the sub-heading on its page", tc.room, len(lines))
		}
	}
}

// TestSubsectionMarks: a section of level 2 has its heading in the smaller
// heading style, a mark of level 2, and a 目录 entry indented 4 em; notes
// are not indented, paragraphs are.
func TestSubsectionMarks(t *testing.T) {
	m := testMetrics(t)
	pub := &render.Publication{Parts: []*render.Part{{Title: "第三部分 情况说明", Sections: []*render.Section{
		{Heading: "十、绩效管理情况"},
		{Heading: "1、整体绩效目标", Level: 2, Blocks: []render.Block{
			{Kind: render.BlockNote, Text: "（部门（单位）整体目标表公开情况见附件）"},
			{Kind: render.BlockParagraph, Text: "编报部门整体支出绩效目标。"},
		}},
	}}}}
	doc, err := layout(pub, m)
	if err != nil {
		t.Fatal(err)
	}
	var levels []int
	for _, mk := range doc.marks {
		levels = append(levels, mk.level)
	}
	if fmt.Sprint(levels) != "[0 1 2]" {
		t.Errorf("mark levels %v, want [0 1 2]", levels)
	}
	styles := map[string]textItem{}
	for _, tx := range texts(doc.body) {
		styles[tx.text] = tx
	}
	if styles["十、绩效管理情况"].st != stSection || styles["1、整体绩效目标"].st != stSubsection || !(stSubsection.size < stSection.size) {
		t.Errorf("heading styles %v and %v", styles["十、绩效管理情况"].st, styles["1、整体绩效目标"].st)
	}
	left := marginSide
	if x := styles["（部门（单位）整体目标表公开情况见附件）"].x; x != left {
		t.Errorf("the note starts at x=%.1f, want %.1f", x, left)
	}
	if x := styles["编报部门整体支出绩效目标。"].x; x <= left+stBody.size {
		t.Errorf("the paragraph starts at x=%.1f, not indented", x)
	}
	xs := map[string]float64{}
	for _, tx := range texts(doc.toc) {
		xs[tx.text] = tx.x
	}
	if d1, d2 := xs["十、绩效管理情况"]-left, xs["1、整体绩效目标"]-left; d1 != 2*stTOCEntry.size || d2 != 4*stTOCEntry.size {
		t.Errorf("目录 indents %.1f and %.1f, want 2 and 4 em", d1, d2)
	}
}

package pdf

import (
	"math"
	"strings"

	"github.com/budgetpub/budgetpub/fonts"
	"github.com/budgetpub/budgetpub/render"
	"github.com/shopspring/decimal"
	"github.com/signintech/gopdf"
)

// Chart geometry and styles.
const (
	pieRadius     = 80.0
	pieStep       = 2.0  // degrees between two points of a slice's arc, at most
	pieStroke     = 0.8  // the white line between slices
	legendSquare  = 9.0  // side of a legend's colour square
	legendGap     = 8.0  // between the legend's columns
	chartSpaceTop = 10.0 // above the title
	chartSpaceBot = 10.0 // below the drawing
)

var (
	stChartTitle = style{fonts.Heading, 12}
	stLegend     = style{fonts.Body, 10}
)

// rgb is a colour.
type rgb struct{ r, g, b uint8 }

var white = rgb{255, 255, 255}

// piePalette holds the slices' colours, in order: muted tones readable in
// print whose lightness alternates between dark and light, so neighbouring
// slices stay apart in grey-scale too (any two greys at least 20 of 255
// apart, none lighter than 235).
var piePalette = []rgb{
	{0x1B, 0x2F, 0x55}, // navy (grey 45)
	{0xE0, 0xA0, 0x40}, // amber (168)
	{0xA8, 0x40, 0x3A}, // brick red (94)
	{0xEE, 0xDE, 0xBE}, // pale sand (223)
	{0x30, 0x58, 0x2C}, // dark green (71)
	{0xA8, 0xCB, 0xE8}, // light blue (196)
	{0x7E, 0x6A, 0x9A}, // muted purple (117)
	{0x6E, 0x9E, 0x8E}, // grey teal (142)
}

// sliceColour is the colour of slice i.
func sliceColour(i int) rgb { return piePalette[i%len(piePalette)] }

// point is a position on a page, from its top-left corner.
type point struct{ x, y float64 }

// polygonItem fills a closed polygon and strokes its outline (pie slices,
// legend squares).
type polygonItem struct {
	points []point
	fill   rgb
	stroke rgb
	width  float64 // of the outline; 0 draws none
	el     *selem  // the structure element it belongs to (a Figure); nil: an artifact
}

func (polygonItem) isItem() {}

// draw draws the polygon, then sets the fill and text colours back to black:
// gopdf's fill colour also colours the text drawn after it.
func (p polygonItem) draw(gp *gopdf.GoPdf) {
	pts := make([]gopdf.Point, len(p.points))
	for i, q := range p.points {
		pts[i] = gopdf.Point{X: q.x, Y: q.y}
	}
	gp.SetFillColor(p.fill.r, p.fill.g, p.fill.b)
	mode := "F"
	if p.width > 0 {
		gp.SetLineWidth(p.width)
		gp.SetStrokeColor(p.stroke.r, p.stroke.g, p.stroke.b)
		mode = "FD"
	}
	gp.Polygon(pts, mode)
	gp.SetFillColor(0, 0, 0)
	gp.SetStrokeColor(0, 0, 0)
	gp.SetTextColor(0, 0, 0)
}

// arc is a slice's place on the pie in degrees, clockwise from 12 o'clock.
type arc = struct{ Start, End float64 }

// pieAngles places the slices of c on the pie: contiguous from 0 to 360,
// each in proportion to its exact amount among the slices' sum. Only the
// geometry uses floating point. A negative amount gets no room; when the
// slices sum to nothing every arc is empty.
func pieAngles(c *render.Chart) []arc {
	out := make([]arc, len(c.Slices))
	total := decimal.Zero
	for _, s := range c.Slices {
		if s.Amount.IsPositive() {
			total = total.Add(s.Amount)
		}
	}
	if !total.IsPositive() {
		return out
	}
	tf := total.InexactFloat64()
	cum := decimal.Zero
	start := 0.0
	for i, s := range c.Slices {
		if s.Amount.IsPositive() {
			cum = cum.Add(s.Amount)
		}
		end := cum.InexactFloat64() / tf * 360
		if cum.Equal(total) {
			end = 360
		}
		out[i] = arc{Start: start, End: end}
		start = end
	}
	return out
}

// drawable tells whether c is drawn as a pie: no sentence stands for it and
// its slices have something to share.
func drawable(c *render.Chart) bool {
	if c.Sentence != "" || len(c.Slices) == 0 {
		return false
	}
	for _, a := range pieAngles(c) {
		if a.End > a.Start {
			return true
		}
	}
	return false
}

// slicePolygon is the outline of a slice of the pie centred at (cx, cy): the
// centre, then its arc with a point at least every pieStep degrees. A whole
// circle leaves the centre out.
func slicePolygon(cx, cy, r float64, a arc) []point {
	span := a.End - a.Start
	n := max(1, int(math.Ceil(span/pieStep-1e-9)))
	var pts []point
	if span < 360 {
		pts = append(pts, point{cx, cy})
	}
	for k := 0; k <= n; k++ {
		if span >= 360 && k == n {
			break // the first point closes the circle
		}
		t := (a.Start + span*float64(k)/float64(n)) * math.Pi / 180
		pts = append(pts, point{cx + r*math.Sin(t), cy - r*math.Cos(t)})
	}
	return pts
}

// formatAmount prints a slice's amount as the sentences do: 4,256.93万元.
func formatAmount(d decimal.Decimal) string { return render.FormatAmount(d) }

// formatShare prints a slice's share: 83.41%.
func formatShare(d decimal.Decimal) string { return d.StringFixed(2) + "%" }

// legendRow is one laid-out row of a chart's legend.
type legendRow struct {
	label         []string
	amount, share string
	height        float64
}

// legendWidths measures the legend's columns: the longest label on one
// line, the widest amount and the widest share.
func (f *flow) legendWidths(c *render.Chart) (label, amount, share float64) {
	for _, s := range c.Slices {
		label = math.Max(label, f.m.width(stLegend, s.Label))
		amount = math.Max(amount, f.m.width(stLegend, formatAmount(s.Amount)))
		share = math.Max(share, f.m.width(stLegend, formatShare(s.Share)))
	}
	return label, amount, share
}

// legendRows lays out the legend's rows with labels broken to labelW.
func (f *flow) legendRows(c *render.Chart, labelW float64) []legendRow {
	lh := lineHeight(stLegend) * 0.85
	var rows []legendRow
	for _, s := range c.Slices {
		lines := f.m.lines(stLegend, s.Label, labelW)
		rows = append(rows, legendRow{
			label:  lines,
			amount: formatAmount(s.Amount),
			share:  formatShare(s.Share),
			height: float64(max(1, len(lines)))*lh + 4,
		})
	}
	return rows
}

// drawLegendRow places legend row i with its top at y, starting at x.
func (f *flow) drawLegendRow(i int, row legendRow, x, y, labelW, amountW, shareW float64) {
	lh := lineHeight(stLegend) * 0.85
	sq := y + (lh-legendSquare)/2
	f.addPolygon(polygonItem{
		points: []point{{x, sq}, {x + legendSquare, sq}, {x + legendSquare, sq + legendSquare}, {x, sq + legendSquare}},
		fill:   sliceColour(i), stroke: rgb{0x60, 0x60, 0x60}, width: 0.4,
	})
	tx := x + legendSquare + 6
	base := (lh-stLegend.size)/2 + baseline(stLegend)
	for k, ln := range row.label {
		f.addText(textItem{x: tx, y: y + float64(k)*lh + base, st: stLegend, text: ln})
	}
	ax := tx + labelW + legendGap + amountW
	f.addText(textItem{x: ax - f.m.width(stLegend, row.amount), y: y + base, st: stLegend, text: row.amount})
	sx := ax + legendGap + shareW
	f.addText(textItem{x: sx - f.m.width(stLegend, row.share), y: y + base, st: stLegend, text: row.share})
}

// legendWidth is the width of a legend with these columns.
func legendWidth(labelW, amountW, shareW float64) float64 {
	return legendSquare + 6 + labelW + legendGap + amountW + legendGap + shareW
}

// chart places a pie chart: its title centred, the pie in the left part of
// the text width and the legend (colour, label, amount, share) beside it,
// all on one page. A chart with a sentence (nothing to draw) prints its
// title and the sentence. A legend that does not fit beside the pie, or is
// taller than a page, goes below it.
func (f *flow) chart(c *render.Chart) {
	titleLines := f.m.lines(stChartTitle, c.Title, f.textWidth())
	titleH := float64(len(titleLines))*lineHeight(stChartTitle) + 4
	title := func() {
		e := f.open("P")
		for _, ln := range titleLines {
			f.centered(stChartTitle, ln)
			f.y += lineHeight(stChartTitle)
		}
		f.close(e)
		f.y += 4
	}
	// The pie and its legend are a Figure, its alternative text the
	// chart's title and every slice's label, amount and share.
	figure := func() *selem {
		e := f.open("Figure")
		e.alt = chartAlt(c)
		return e
	}
	if !drawable(c) {
		f.room(chartSpaceTop + titleH + 2*lineHeight(stBody))
		f.y += chartSpaceTop
		if c.Title != "" {
			title()
		}
		if c.Sentence != "" {
			f.paragraph(stBody, c.Sentence, true)
		}
		f.y += chartSpaceBot
		return
	}

	pieW := f.textWidth() * 0.42
	pieH := 2*pieRadius + 16
	legendX := f.left() + pieW + 12
	avail := f.right() - legendX
	labelW, amountW, shareW := f.legendWidths(c)
	usable := f.bottom() - marginTop
	if labelMax := avail - legendWidth(0, amountW, shareW); labelMax >= 5*stLegend.size {
		labelW := math.Min(labelW, labelMax)
		rows := f.legendRows(c, labelW)
		legendH := 0.0
		for _, r := range rows {
			legendH += r.height
		}
		h := math.Max(pieH, legendH)
		if chartSpaceTop+titleH+h <= usable {
			f.room(chartSpaceTop + titleH + h)
			f.y += chartSpaceTop
			title()
			fig := figure()
			f.pie(c, f.left()+pieW/2, f.y+h/2)
			y := f.y + (h-legendH)/2
			for i, r := range rows {
				f.drawLegendRow(i, r, legendX, y, labelW, amountW, shareW)
				y += r.height
			}
			f.close(fig)
			f.y += h + chartSpaceBot
			return
		}
	}
	// The legend below the pie, centred, its rows flowing over pages.
	labelW = math.Min(labelW, math.Max(5*stLegend.size, f.textWidth()-legendWidth(0, amountW, shareW)))
	rows := f.legendRows(c, labelW)
	first := 0.0
	if len(rows) > 0 {
		first = rows[0].height
	}
	f.room(chartSpaceTop + titleH + pieH + first)
	f.y += chartSpaceTop
	title()
	fig := figure()
	f.pie(c, f.left()+f.textWidth()/2, f.y+pieH/2)
	f.y += pieH + 6
	x := f.left() + math.Max(0, (f.textWidth()-legendWidth(labelW, amountW, shareW))/2)
	for i, r := range rows {
		f.room(r.height)
		f.drawLegendRow(i, r, x, f.y, labelW, amountW, shareW)
		f.y += r.height
	}
	f.close(fig)
	f.y += chartSpaceBot
}

// pie draws the slices of c around (cx, cy), from 12 o'clock clockwise.
func (f *flow) pie(c *render.Chart, cx, cy float64) {
	for i, a := range pieAngles(c) {
		if a.End <= a.Start {
			continue
		}
		f.addPolygon(polygonItem{points: slicePolygon(cx, cy, pieRadius, a), fill: sliceColour(i), stroke: white, width: pieStroke})
	}
}

// chartAlt is a pie chart's alternative text: what it shows, with its
// figures — “2024年支出预算构成：基本支出 4,256.93万元，占83.41%；…。”
func chartAlt(c *render.Chart) string {
	var b strings.Builder
	b.WriteString(strings.TrimSpace(c.Title))
	b.WriteString("（饼图）：")
	for i, s := range c.Slices {
		if i > 0 {
			b.WriteString("；")
		}
		b.WriteString(s.Label)
		b.WriteString(" ")
		b.WriteString(formatAmount(s.Amount))
		b.WriteString("，占")
		b.WriteString(formatShare(s.Share))
	}
	b.WriteString("。")
	return b.String()
}

package xlsx

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/budgetpub/budgetpub/render"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// The chart sheet: one block per chart of the publication, top to bottom.
// A block is the chart's title (merged over the data table's columns), a
// small data table 类别 / 金额（万元） / 占比 with a 合计 row, and beside it,
// from column E, a native pie chart whose categories and values are the data
// table's cells; a chart that has a Sentence instead of a pie gets the
// sentence under its table.
const (
	chartSheet     = "图表"
	chartColLabel  = 1 // A: 类别
	chartColAmount = 2 // B: 金额（万元）
	chartColShare  = 3 // C: 占比
	chartColGap    = 4 // D: empty, between the table and the pie
	chartColPie    = 5 // E: where the pie's top-left corner sits

	chartGapWidth  = 2.0 // width of column D
	chartPieWidth  = 600 // pixels
	chartPieRows   = 15  // rows a pie spans, from its block's title row
	chartBlockGap  = 2   // empty rows between two blocks
	chartTitleSize = 12.0

	chartAmountFmt = "#,##0.00"
	chartShareFmt  = "0.00%"

	chartHeadLabel  = "类别"
	chartHeadAmount = "金额（万元）"
	chartHeadShare  = "占比"
	chartTotalLabel = "合计"

	// Printable height of a landscape A4 page in points: 8.27in less the
	// top and bottom margins.
	chartPageHeight = (8.27 - marginTop - marginFoot) * 72
)

// chartStyle names the styles of the chart sheet's cells.
type chartStyle int

const (
	csTitle chartStyle = iota
	csHeader
	csLabel
	csAmount
	csShare
	csTotalLabel
	csTotalAmount
	csTotalShare
	csSentence
	csCount
)

// chartStyleOf builds the excelize style of s.
func chartStyleOf(s chartStyle) *excelize.Style {
	charset := gb2312
	font := &excelize.Font{Family: bodyFont, Size: bodySize, Charset: &charset}
	align := &excelize.Alignment{Horizontal: "left", Vertical: "center", WrapText: true}
	st := &excelize.Style{Font: font, Alignment: align}
	switch s {
	case csTitle:
		font.Bold = true
	case csHeader:
		font.Bold, align.Horizontal = true, "center"
		st.Border = thinBorder
	case csLabel, csTotalLabel:
		font.Bold = s == csTotalLabel
		st.Border = thinBorder
	case csAmount, csTotalAmount, csShare, csTotalShare:
		font.Bold = s == csTotalAmount || s == csTotalShare
		align.Horizontal, align.WrapText = "right", false
		code := chartAmountFmt
		if s == csShare || s == csTotalShare {
			code = chartShareFmt
		}
		st.Border, st.CustomNumFmt = thinBorder, &code
	case csSentence:
		align.Vertical = "top"
	}
	return st
}

// chartWriter writes the chart sheet.
type chartWriter struct {
	f      *excelize.File
	charts []*render.Chart
	styles [csCount]int
	widths [chartColShare]float64 // columns A..C
	row    int                    // next free row
	used   float64                // points used on the current printed page
}

// publicationCharts lists the charts of p in the order of the publication.
func publicationCharts(p *render.Publication) []*render.Chart {
	var charts []*render.Chart
	for _, part := range p.Parts {
		if part == nil {
			continue
		}
		for _, sec := range part.Sections {
			if sec == nil {
				continue
			}
			for _, b := range sec.Blocks {
				if b.Kind == render.BlockChart && b.Chart != nil {
					charts = append(charts, b.Chart)
				}
			}
		}
	}
	return charts
}

// writeCharts adds the sheet 图表 after the table sheets when p has charts;
// without charts it does nothing.
func writeCharts(f *excelize.File, p *render.Publication) error {
	charts := publicationCharts(p)
	if len(charts) == 0 {
		return nil
	}
	idx, err := f.GetSheetIndex(chartSheet)
	if err != nil {
		return err
	}
	if idx != -1 {
		return fmt.Errorf("xlsx: sheet name %q is used by a table and by the charts", chartSheet)
	}
	if _, err := f.NewSheet(chartSheet); err != nil {
		return err
	}
	w := &chartWriter{f: f, charts: charts, row: 1}
	if err := w.write(); err != nil {
		return fmt.Errorf("xlsx: sheet %s: %w", chartSheet, err)
	}
	sortContentTypeDefaults(f)
	return nil
}

// sortContentTypeDefaults puts the <Default> entries of [Content_Types].xml
// in order of extension. AddChart adds the image extensions by ranging over
// a map, so their order changes from run to run; sorting them makes the
// part, and with it the workbook, the same bytes every time. The sorted zip
// writer fixes the order of the parts but not what is inside them.
func sortContentTypeDefaults(f *excelize.File) {
	ct := f.ContentTypes
	if ct == nil {
		return
	}
	sort.SliceStable(ct.Defaults, func(i, j int) bool {
		return ct.Defaults[i].Extension < ct.Defaults[j].Extension
	})
}

// write lays out every chart block, the column widths and the print setup.
func (w *chartWriter) write() error {
	for i := range w.styles {
		id, err := w.f.NewStyle(chartStyleOf(chartStyle(i)))
		if err != nil {
			return err
		}
		w.styles[i] = id
	}
	w.widths = chartColumnWidths(w.charts)
	widths := map[int]float64{chartColGap: chartGapWidth}
	for i, width := range w.widths {
		widths[i+1] = width
	}
	for col := chartColLabel; col <= chartColGap; col++ {
		name, _ := excelize.ColumnNumberToName(col)
		if err := w.f.SetColWidth(chartSheet, name, name, widths[col]); err != nil {
			return err
		}
	}
	for i, c := range w.charts {
		if err := w.writeBlock(i, c); err != nil {
			return fmt.Errorf("chart %d %q: %w", i+1, c.Title, err)
		}
	}
	last := max(w.row-1-chartBlockGap, 1)
	if err := w.f.SetSheetDimension(chartSheet, cell(1, 1)+":"+cell(chartColShare, last)); err != nil {
		return err
	}
	return w.writePrintSetup()
}

// chartColumnWidths sizes columns A..C to their texts: the labels, the
// headers and the amounts and shares as the formats show them.
func chartColumnWidths(charts []*render.Chart) [chartColShare]float64 {
	need := [chartColShare]float64{
		math.Max(textWidth(chartHeadLabel), textWidth(chartTotalLabel)),
		textWidth(chartHeadAmount),
		math.Max(textWidth(chartHeadShare), float64(len("100.00%"))*digitWidth),
	}
	for _, c := range charts {
		need[1] = math.Max(need[1], float64(len(groupedAmount(c.Total)))*digitWidth)
		for _, s := range c.Slices {
			need[0] = math.Max(need[0], textWidth(s.Label))
			need[1] = math.Max(need[1], float64(len(groupedAmount(s.Amount)))*digitWidth)
			need[2] = math.Max(need[2], float64(len(s.Share.StringFixed(2))+1)*digitWidth)
		}
	}
	var widths [chartColShare]float64
	for i, n := range need {
		widths[i] = math.Min(math.Max(math.Ceil(n+colPadding), minColWidth), maxColWidth)
	}
	return widths
}

// groupedAmount is d as the format #,##0.00 shows it.
func groupedAmount(d decimal.Decimal) string {
	s := d.StringFixed(2)
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return sign + b.String() + "." + frac
}

// shareValue is a share in percent as the fraction a 0.00% cell holds:
// 83.41 → 0.8341.
func shareValue(share decimal.Decimal) string { return share.Shift(-2).String() }

// drawsPie tells whether c is drawn as a pie: at least two slices and no
// sentence in its place.
func drawsPie(c *render.Chart) bool { return c.Sentence == "" && len(c.Slices) >= 2 }

// put writes a text cell with a chart-sheet style.
func (w *chartWriter) put(col, row int, text string, s chartStyle) error {
	ref := cell(col, row)
	if text != "" {
		if err := w.f.SetCellStr(chartSheet, ref, text); err != nil {
			return err
		}
	}
	return w.f.SetCellStyle(chartSheet, ref, ref, w.styles[s])
}

// putNumber writes a numeric cell holding the decimal string v.
func (w *chartWriter) putNumber(col, row int, v string, s chartStyle) error {
	ref := cell(col, row)
	if err := w.f.SetCellDefault(chartSheet, ref, v); err != nil {
		return err
	}
	return w.f.SetCellStyle(chartSheet, ref, ref, w.styles[s])
}

// putMerged writes text over columns A..C of a row, wrapped, and returns the
// height the row needs.
func (w *chartWriter) putMerged(row int, text string, s chartStyle) (float64, error) {
	if err := w.put(chartColLabel, row, text, s); err != nil {
		return 0, err
	}
	if err := w.f.MergeCell(chartSheet, cell(chartColLabel, row), cell(chartColShare, row)); err != nil {
		return 0, err
	}
	return linesHeight(wrapLines(text, spanWidth(w.widths[:], 0, chartColShare)-cellMargin)), nil
}

// writeBlock writes one chart's title, data table, and pie or sentence, and
// moves w.row past the block.
func (w *chartWriter) writeBlock(i int, c *render.Chart) error {
	top := w.row
	var heights []float64 // of the block's rows from top
	h, err := w.putMerged(top, c.Title, csTitle)
	if err != nil {
		return err
	}
	heights = append(heights, h)
	header := top + 1
	for col, text := range []string{chartHeadLabel, chartHeadAmount, chartHeadShare} {
		if err := w.put(col+1, header, text, csHeader); err != nil {
			return err
		}
	}
	heights = append(heights, rowHeight)
	first := header + 1
	for k, s := range c.Slices {
		r := first + k
		if err := w.put(chartColLabel, r, s.Label, csLabel); err != nil {
			return err
		}
		if err := w.putNumber(chartColAmount, r, s.Amount.StringFixed(2), csAmount); err != nil {
			return err
		}
		if err := w.putNumber(chartColShare, r, shareValue(s.Share), csShare); err != nil {
			return err
		}
		heights = append(heights, linesHeight(wrapLines(s.Label, w.widths[0]-cellMargin)))
	}
	total := first + len(c.Slices)
	if err := w.put(chartColLabel, total, chartTotalLabel, csTotalLabel); err != nil {
		return err
	}
	if err := w.putNumber(chartColAmount, total, c.Total.StringFixed(2), csTotalAmount); err != nil {
		return err
	}
	totalShare := ""
	if !c.Total.IsZero() {
		totalShare = "1"
	}
	if totalShare != "" {
		err = w.putNumber(chartColShare, total, totalShare, csTotalShare)
	} else {
		err = w.put(chartColShare, total, "", csTotalShare)
	}
	if err != nil {
		return err
	}
	heights = append(heights, rowHeight)
	if c.Sentence != "" {
		h, err := w.putMerged(total+1, c.Sentence, csSentence)
		if err != nil {
			return err
		}
		heights = append(heights, h)
	}
	pie := drawsPie(c)
	if pie {
		for len(heights) < chartPieRows {
			heights = append(heights, rowHeight)
		}
	}
	for k := 0; k < chartBlockGap; k++ {
		heights = append(heights, rowHeight)
	}
	if err := w.pageBreak(top, heights); err != nil {
		return err
	}
	for k, h := range heights {
		if err := w.f.SetRowHeight(chartSheet, top+k, h); err != nil {
			return err
		}
	}
	if pie {
		if err := w.addPie(i, c, top, first, total-1, heights[:chartPieRows]); err != nil {
			return err
		}
	}
	w.row = top + len(heights)
	return nil
}

// pageBreak starts a new printed page at row top when the block of the
// given row heights does not fit on what is left of the current page.
func (w *chartWriter) pageBreak(top int, heights []float64) error {
	var block float64
	for _, h := range heights {
		block += h
	}
	if w.used > 0 && w.used+block-chartBlockGap*rowHeight > chartPageHeight {
		if err := w.f.InsertPageBreak(chartSheet, cell(chartColLabel, top)); err != nil {
			return err
		}
		w.used = 0
	}
	w.used += block
	return nil
}

// excelizePixels is the height in pixels excelize gives a row of h points
// when it works out which rows a drawing spans.
func excelizePixels(h float64) int { return int(math.Ceil(4.0 / 3.4 * h)) }

// sheetRef is an absolute reference to a range of the chart sheet.
func sheetRef(col, first, last int) string {
	name, _ := excelize.ColumnNumberToName(col)
	return fmt.Sprintf("'%s'!$%s$%d:$%s$%d", chartSheet, name, first, name, last)
}

// addPie draws c as a pie from column E of its title row, over the rows of
// the given heights, with the categories and values of rows first..last.
func (w *chartWriter) addPie(i int, c *render.Chart, top, first, last int, heights []float64) error {
	px := 0
	for _, h := range heights {
		px += excelizePixels(h)
	}
	// Stop a few pixels short of the block's last row so that rounding in
	// any application cannot push the pie onto the gap rows.
	px -= 4
	titleFont := &excelize.Font{Family: bodyFont, Size: chartTitleSize, Bold: true, Color: "000000"}
	textFont := &excelize.Font{Family: bodyFont, Size: 10, Color: "000000"}
	return w.f.AddChart(chartSheet, cell(chartColPie, top), &excelize.Chart{
		Type: excelize.Pie,
		Series: []excelize.ChartSeries{{
			Name:              fmt.Sprintf("'%s'!$A$%d", chartSheet, top),
			Categories:        sheetRef(chartColLabel, first, last),
			Values:            sheetRef(chartColAmount, first, last),
			DataLabelPosition: excelize.ChartDataLabelsPositionBestFit,
			DataLabel:         excelize.ChartDataLabel{Font: *textFont},
		}},
		Format: excelize.GraphicOptions{
			AltText: c.Title,
			Name:    fmt.Sprintf("饼图%d", i+1),
		},
		Dimension: excelize.ChartDimension{Width: chartPieWidth, Height: uint(px)},
		Title: excelize.ChartTitle{
			Paragraph: []excelize.RichTextRun{{Text: c.Title, Font: titleFont}},
		},
		Legend: excelize.ChartLegend{Position: "right", Font: textFont},
		PlotArea: excelize.ChartPlotArea{
			ShowPercent:     true,
			ShowLeaderLines: true,
			NumFmt:          excelize.ChartNumFmt{CustomNumFmt: chartShareFmt},
		},
	})
}

// writePrintSetup prints the chart sheet on landscape A4, one page wide,
// with the margins and page-number footer of the table sheets.
func (w *chartWriter) writePrintSetup() error {
	orient, size, wide, tall, fit := "landscape", paperA4, 1, 0, true
	if err := w.f.SetSheetProps(chartSheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	if err := w.f.SetPageLayout(chartSheet, &excelize.PageLayoutOptions{
		Size: &size, Orientation: &orient, FitToWidth: &wide, FitToHeight: &tall,
	}); err != nil {
		return err
	}
	side, top, foot, hf, centred := marginSide, marginTop, marginFoot, marginHF, true
	if err := w.f.SetPageMargins(chartSheet, &excelize.PageLayoutMarginsOptions{
		Left: &side, Right: &side, Top: &top, Bottom: &foot, Header: &hf, Footer: &hf,
		Horizontally: &centred,
	}); err != nil {
		return err
	}
	return w.f.SetHeaderFooter(chartSheet, &excelize.HeaderFooterOptions{OddFooter: footerText})
}

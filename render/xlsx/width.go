package xlsx

import (
	"math"
	"strings"

	"github.com/budgetpub/budgetpub/render"
)

// Column widths are in Excel's unit, the width of one digit of the default
// font; a Chinese character of 11pt 宋体 is about two of them.
const (
	minColWidth  = 8.0  // narrowest column
	maxColWidth  = 60.0 // widest column; longer text wraps
	colPadding   = 2.0  // room added to the longest text of a column
	cellMargin   = 1.0  // room a cell's own margins take from its text
	indentWidth  = 2.0  // width of one indent level
	maxIndent    = 3    // deepest indent level used
	digitWidth   = 1.1  // one character of a printed amount
	titleScale   = 16.0 / 11.0
	lineHeight   = 14.5 // points per line of 11pt text
	rowHeight    = 18.0 // points of a one-line row
	titleLineH   = 21.0 // points per line of the 16pt title
	titleHeight  = 32.0 // points of a one-line title row
	rowExtraRoom = 4.0  // points added to a row of several lines
)

// runeWidth is the width of r in column units: full-width (CJK) characters
// count 2, others 1.
func runeWidth(r rune) float64 {
	if r < 0x1100 {
		return 1
	}
	return 2
}

// textWidth is the width of the widest line of s.
func textWidth(s string) float64 {
	var widest float64
	for _, line := range strings.Split(s, "\n") {
		var w float64
		for _, r := range line {
			w += runeWidth(r)
		}
		widest = math.Max(widest, w)
	}
	return widest
}

// wrapLines counts the lines s takes in a box avail units wide, breaking
// between characters as Excel does for Chinese text. Empty text takes one line.
func wrapLines(s string, avail float64) int {
	if avail < 2 {
		avail = 2
	}
	lines := 0
	for _, line := range strings.Split(s, "\n") {
		lines++
		var w float64
		for _, r := range line {
			rw := runeWidth(r)
			if w > 0 && w+rw > avail {
				lines++
				w = 0
			}
			w += rw
		}
	}
	return lines
}

// cellWidth is the width a body cell's content needs, not counting padding.
func cellWidth(c render.Cell, indent int) float64 {
	if c.Kind == render.KindAmount {
		return float64(len(c.Printed())) * digitWidth // as the number format shows it: digits, commas, a point
	}
	return textWidth(c.Text) + float64(indent)*indentWidth
}

// columnWidths computes the width of each column of t so that its longest
// body text, its single-column header cells and the unit line fit, within
// [minColWidth, maxColWidth]. Header cells spanning several columns wrap
// instead of widening one column.
func columnWidths(t *render.Table) []float64 {
	n := len(t.Columns)
	need := make([]float64, n)
	for _, h := range t.Header {
		if span(h.ColSpan) == 1 {
			need[h.Col] = math.Max(need[h.Col], textWidth(h.Text))
		}
	}
	textCol := firstTextColumn(t)
	for _, row := range t.Rows {
		for c, cell := range row.Cells {
			ind := 0
			if c == textCol {
				ind = indentLevel(row)
			}
			need[c] = math.Max(need[c], cellWidth(cell, ind))
		}
	}
	if n > 1 {
		need[n-1] = math.Max(need[n-1], textWidth(t.UnitLine()))
	}
	widths := make([]float64, n)
	for c := range need {
		w := math.Ceil(need[c] + colPadding)
		widths[c] = math.Min(math.Max(w, minColWidth), maxColWidth)
	}
	// A header cell over several code columns (功能分类科目编码 over 类 |
	// 款 | 项) widens them evenly to hold its text on one line; the
	// default layout has none.
	for _, h := range t.Header {
		if !overCodes(t, h) {
			continue
		}
		if have, want := spanWidth(widths, h.Col, h.ColSpan), textWidth(h.Text)+colPadding; want > have {
			for c := h.Col; c < h.Col+h.ColSpan; c++ {
				widths[c] = math.Min(math.Ceil(widths[c]+(want-have)/float64(h.ColSpan)), maxColWidth)
			}
		}
	}
	return widths
}

// overCodes tells a header cell spanning several columns, all of them code
// columns.
func overCodes(t *render.Table, h render.HeaderCell) bool {
	if h.ColSpan <= 1 || h.Col < 0 || h.Col+h.ColSpan > len(t.Columns) {
		return false
	}
	for _, c := range t.Columns[h.Col : h.Col+h.ColSpan] {
		if c.Kind != render.KindCode {
			return false
		}
	}
	return true
}

// spanWidth is the total width of columns [col, col+n).
func spanWidth(widths []float64, col, n int) float64 {
	var w float64
	for _, x := range widths[col : col+n] {
		w += x
	}
	return w
}

// linesHeight is the height in points of a row showing the given number of
// 11pt lines.
// A spreadsheet row is at most 409 points high (Excel's limit; excelize
// refuses more): a longer text is cut off on screen, but the cell keeps it whole.
const maxRowHeight = 409

func linesHeight(lines int) float64 {
	if lines <= 1 {
		return rowHeight
	}
	return math.Min(float64(lines)*lineHeight+rowExtraRoom, maxRowHeight)
}

// titleRowHeight is the height of the title row when the title is shown in a
// box avail units wide.
func titleRowHeight(title string, avail float64) float64 {
	lines := wrapLines(title, (avail-cellMargin)/titleScale)
	return math.Min(math.Max(titleHeight, float64(lines)*titleLineH+2*rowExtraRoom), maxRowHeight)
}

// headerHeights computes the height of each header row so that every header
// cell's text fits its (merged) box. Cells spanning several rows share the
// height of those rows; extra room they need is added evenly.
func headerHeights(t *render.Table, widths []float64) []float64 {
	h := make([]float64, t.HeaderRows)
	for i := range h {
		h[i] = rowHeight
	}
	for _, c := range t.Header {
		if span(c.RowSpan) == 1 {
			lines := wrapLines(c.Text, spanWidth(widths, c.Col, span(c.ColSpan))-cellMargin)
			h[c.Row] = math.Max(h[c.Row], linesHeight(lines))
		}
	}
	for _, c := range t.Header {
		rs := span(c.RowSpan)
		if rs == 1 {
			continue
		}
		lines := wrapLines(c.Text, spanWidth(widths, c.Col, span(c.ColSpan))-cellMargin)
		var have float64
		for r := c.Row; r < c.Row+rs; r++ {
			have += h[r]
		}
		if want := linesHeight(lines); want > have {
			extra := (want - have) / float64(rs)
			for r := c.Row; r < c.Row+rs; r++ {
				h[r] += extra
			}
		}
	}
	return h
}

// bodyRowHeight is the height of a body row: enough lines for its longest
// wrapped text cell.
func bodyRowHeight(row render.Row, widths []float64, textCol int) float64 {
	lines := 1
	for c, cell := range row.Cells {
		if cell.Kind == render.KindAmount {
			continue
		}
		avail := widths[c] - cellMargin
		if c == textCol {
			avail -= float64(indentLevel(row)) * indentWidth
		}
		lines = max(lines, wrapLines(cell.Text, avail))
	}
	return linesHeight(lines)
}

// indentLevel is the indent of a row's first text column: one level less than
// the row's depth, from depth 2 on, at most maxIndent.
func indentLevel(row render.Row) int {
	if row.Level < 2 {
		return 0
	}
	return min(row.Level-1, maxIndent)
}

// firstTextColumn is the index of t's first KindText column, or -1.
func firstTextColumn(t *render.Table) int {
	for i, c := range t.Columns {
		if c.Kind == render.KindText {
			return i
		}
	}
	return -1
}

// span treats a zero span as one.
func span(n int) int {
	if n < 1 {
		return 1
	}
	return n
}

package pdf

import (
	"math"
	"strconv"

	"github.com/budgetpub/budgetpub/fonts"
	"github.com/budgetpub/budgetpub/render"
)

// Table geometry.
const (
	tableSize    = 9.5 // the body font size of a table before any shrinking
	minTableSize = 5.5 // below this a table's columns wrap rather than shrink further
	padX, padY   = 3.0, 2.5
	borderWidth  = 0.5
)

// Alignments of a cell's lines.
const (
	alignLeft = iota
	alignCenter
	alignRight
)

// cellBox is a laid-out cell: its lines, how they sit, and its style.
type cellBox struct {
	lines  []string
	st     style
	align  int
	indent float64
}

// headerBox is a header cell placed in the grid.
type headerBox struct {
	cellBox
	row, col, rowSpan, colSpan int
}

// grid is a table laid out to a width: column widths, header and rows.
type grid struct {
	once    bool // the header is printed on the table's first page only (render.Presentation.HeaderOnce)
	size    float64
	widths  []float64
	hRows   []float64 // heights of the header rows
	header  []headerBox
	rows    [][]cellBox
	heights []float64 // heights of the body rows

	// The structure: the header cells' elements (by g.header's index),
	// nil once the header is drawn — a repeated header is an artifact —
	// and the cells of the body row being drawn.
	ths   []*selem
	cells []*selem
}

func (g *grid) lineH() float64 { return g.size * 1.3 }

func (g *grid) headerHeight() float64 {
	h := 0.0
	for _, r := range g.hRows {
		h += r
	}
	return h
}

// layoutGrid lays out t to fit width, shrinking its font when its columns
// cannot fit otherwise.
func (m *metrics) layoutGrid(t *render.Table, width float64) *grid {
	size := tableSize
	for {
		natural, least := m.columnWidths(t, size)
		sumMin := sum(least)
		if sumMin <= width || size <= minTableSize {
			return m.fillGrid(t, size, fitWidths(t, natural, least, width))
		}
		size = math.Max(minTableSize, math.Floor(size*width/sumMin*0.98*4)/4)
	}
}

func sum(ws []float64) float64 {
	s := 0.0
	for _, w := range ws {
		s += w
	}
	return s
}

// rowStyle is the style of a body row's text: totals and subtotals bold.
func rowStyle(r render.Row, size float64) style {
	if r.Kind == render.RowTotal || r.Kind == render.RowSubtotal {
		return style{fonts.Title, size}
	}
	return style{fonts.Body, size}
}

// indentOf is how far a row's first text column is indented.
func indentOf(r render.Row, size float64) float64 {
	if r.Level >= 2 {
		return float64(r.Level-1) * size
	}
	return 0
}

// columnWidths measures each column's natural width (its longest text on
// one line) and least width (what it cannot go below: amounts and codes
// never wrap; text may wrap down to four characters).
func (m *metrics) columnWidths(t *render.Table, size float64) (natural, least []float64) {
	n := len(t.Columns)
	natural, least = make([]float64, n), make([]float64, n)
	bold := style{fonts.Title, size}
	for c, col := range t.Columns {
		if col.Kind == render.KindText {
			least[c] = 4*size + 2*padX
		}
	}
	for _, r := range t.Rows {
		st := rowStyle(r, size)
		for c, cell := range r.Cells {
			w := m.width(st, cell.Printed()) + 2*padX
			if c == firstTextColumn(t) {
				w += indentOf(r, size)
			}
			natural[c] = math.Max(natural[c], w)
			if cell.Kind != render.KindText {
				least[c] = math.Max(least[c], w)
			}
		}
	}
	for _, h := range t.Header {
		if h.ColSpan <= 1 {
			w := m.width(bold, h.Text) + 2*padX
			natural[h.Col] = math.Max(natural[h.Col], w)
			least[h.Col] = math.Max(least[h.Col], math.Min(w, 2*size+2*padX))
		}
	}
	for c := range natural {
		least[c] = math.Max(least[c], 2*size+2*padX)
		natural[c] = math.Max(natural[c], least[c])
	}
	// A header cell over several code columns — 功能分类科目编码 over 类 |
	// 款 | 项 — does not wrap: what its text needs beyond their natural and
	// least widths is spread evenly over them. (Codes never wrap; the
	// default layout has no such header.)
	for _, h := range t.Header {
		if !overCodes(t, h) {
			continue
		}
		need := m.width(bold, h.Text) + 2*padX
		for _, ws := range [][]float64{least, natural} {
			if have := sum(ws[h.Col : h.Col+h.ColSpan]); need > have {
				for c := h.Col; c < h.Col+h.ColSpan; c++ {
					ws[c] += (need - have) / float64(h.ColSpan)
				}
			}
		}
	}
	return natural, least
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

// firstTextColumn is the column that carries the row's name (indented by level).
func firstTextColumn(t *render.Table) int {
	for c, col := range t.Columns {
		if col.Kind == render.KindText {
			return c
		}
	}
	return -1
}

// fitWidths spreads the available width over the columns: a table narrower
// than the page grows in proportion; a wider one shrinks its text columns
// toward their least widths first.
func fitWidths(t *render.Table, natural, least []float64, width float64) []float64 {
	ws := make([]float64, len(natural))
	total := sum(natural)
	if total <= width {
		for i := range ws {
			ws[i] = natural[i] * width / total
		}
		return ws
	}
	excess := total - width
	slack := 0.0
	for i := range ws {
		slack += natural[i] - least[i]
	}
	if slack >= excess && slack > 0 {
		for i := range ws {
			ws[i] = natural[i] - (natural[i]-least[i])*excess/slack
		}
		return ws
	}
	// Even at their least the columns are too wide: scale them all.
	sumMin := sum(least)
	for i := range ws {
		ws[i] = least[i] * width / sumMin
	}
	return ws
}

// fillGrid breaks every cell's text to its column's width and sizes the rows.
func (m *metrics) fillGrid(t *render.Table, size float64, widths []float64) *grid {
	g := &grid{once: t.HeaderOnce, size: size, widths: widths}
	lh := g.lineH()
	bold := style{fonts.Title, size}
	g.hRows = make([]float64, t.HeaderRows)
	for i := range g.hRows {
		g.hRows[i] = lh + 2*padY
	}
	for _, h := range t.Header {
		rs, cs := max(h.RowSpan, 1), max(h.ColSpan, 1)
		w := 0.0
		for c := h.Col; c < h.Col+cs && c < len(widths); c++ {
			w += widths[c]
		}
		hb := headerBox{cellBox: cellBox{lines: m.lines(bold, h.Text, w-2*padX), st: bold, align: alignCenter}, row: h.Row, col: h.Col, rowSpan: rs, colSpan: cs}
		g.header = append(g.header, hb)
	}
	// Rows first take the height of their single-row cells, then a cell
	// spanning rows grows the last of them if it needs more.
	for _, hb := range g.header {
		if hb.rowSpan == 1 {
			g.hRows[hb.row] = math.Max(g.hRows[hb.row], float64(len(hb.lines))*lh+2*padY)
		}
	}
	for _, hb := range g.header {
		if hb.rowSpan > 1 {
			have := 0.0
			for r := hb.row; r < hb.row+hb.rowSpan && r < len(g.hRows); r++ {
				have += g.hRows[r]
			}
			if need := float64(len(hb.lines))*lh + 2*padY; need > have {
				g.hRows[min(hb.row+hb.rowSpan, len(g.hRows))-1] += need - have
			}
		}
	}
	first := firstTextColumn(t)
	for _, r := range t.Rows {
		st := rowStyle(r, size)
		cells := make([]cellBox, len(r.Cells))
		height := lh + 2*padY
		for c, cell := range r.Cells {
			cb := cellBox{st: st, align: alignLeft}
			if cell.Kind == render.KindAmount {
				cb.align = alignRight
			}
			if c == first {
				cb.indent = indentOf(r, size)
			}
			if r.Kind == render.RowFiller {
				cells[c] = cb // an empty ruled row: one line high, no text
				continue
			}
			cb.lines = m.lines(st, cell.Printed(), widths[c]-2*padX-cb.indent)
			cells[c] = cb
			height = math.Max(height, float64(len(cb.lines))*lh+2*padY)
		}
		g.rows = append(g.rows, cells)
		g.heights = append(g.heights, height)
	}
	return g
}

// table places a table: label (when it has one), title, the 部门名称/单位
// line (DeptLine, UnitLine), the grid (its header repeated on every page it
// runs over, unless it declares HeaderOnce) and its notes.
func (f *flow) table(t *render.Table) {
	if t.Label != "" {
		e := f.open("P")
		f.text(f.left(), stLabel, t.Label)
		f.close(e)
		f.y += lineHeight(stLabel)
	}
	// The title is the table section's heading.
	h := f.open(headingRole(f.level))
	for _, ln := range f.m.lines(stTitle, t.Title, f.textWidth()) {
		f.centered(stTitle, ln)
		f.y += stTitle.size * 1.6
	}
	f.close(h)
	f.y += 4
	meta := f.open("P")
	dept, unit := t.DeptLine(), t.UnitLine()
	uw := f.m.width(stMeta, unit)
	for _, ln := range f.m.lines(stMeta, dept, f.textWidth()-uw-2*stMeta.size) {
		f.text(f.left(), stMeta, ln)
		f.y += stMeta.size * 1.5
	}
	f.close(meta)
	// The unit, right on the last line of the department's: a paragraph
	// of its own, as pdftotext may read it apart.
	meta = f.open("P")
	f.addText(textItem{x: f.right() - uw, y: f.y - stMeta.size*1.5 + baseline(stMeta), st: stMeta, text: unit})
	f.close(meta)
	f.y += 2

	g := f.m.layoutGrid(t, f.textWidth())
	if f.y+g.headerHeight()+g.chain(t, 0) > f.bottom() {
		f.newPage(f.cur.landscape)
	}
	// One Table however many pages it runs over: a THead of the header
	// grid's rows, its cells TH with their scope and spans, and a TBody.
	tab := f.open("Table")
	g.ths = f.headerCells(g)
	f.drawHeader(g)
	body := f.open("TBody")
	for i, cells := range g.rows {
		f.keepWithChildren(g, t, i)
		f.rows = append(f.rows, placedRow{table: t, row: i, page: len(f.pages) - 1})
		g.cells = nil
		if t.Rows[i].Kind != render.RowFiller {
			tr := f.open("TR")
			for range cells {
				g.cells = append(g.cells, f.open("TD"))
				f.close(g.cells[len(g.cells)-1])
			}
			f.close(tr)
		}
		f.drawRow(g, cells, g.heights[i])
	}
	f.close(body)
	f.close(tab)
	f.y += 4
	for _, note := range t.Notes {
		f.paragraph(stNote, note, false)
	}
}

// repeatedHeader is the height of the header drawn again on each page the
// table continues on: none when the table prints its header once, or when
// the header takes more than half a page, so that a page always has room
// for rows.
func (g *grid) repeatedHeader(f *flow) float64 {
	if g.once {
		return 0
	}
	if h := g.headerHeight(); h <= (f.bottom()-marginTop)/2 {
		return h
	}
	return 0
}

// chain is the height of row i and the rows it heads down to its first
// row that heads none (render.Table.Heads): a 类 row, its first 款 and
// that 款's first 项.
func (g *grid) chain(t *render.Table, i int) float64 {
	if i >= len(g.heights) {
		return 0
	}
	h := g.heights[i]
	for j := i; t.Heads(j); j++ {
		h += g.heights[j+1]
	}
	return h
}

// keepWithChildren starts a new page (its header repeated) before a row
// that heads others — a 类 or 款, a unit — when it and its first child
// down to a leaf do not fit on this one but do on a page: no heading row
// ends a page without a child.
func (f *flow) keepWithChildren(g *grid, t *render.Table, i int) {
	if !t.Heads(i) {
		return
	}
	need := g.chain(t, i)
	if f.y+need <= f.bottom() || need > f.bottom()-marginTop-g.repeatedHeader(f) {
		return
	}
	f.newPage(f.cur.landscape)
	if g.repeatedHeader(f) > 0 {
		f.drawHeader(g)
	}
}

// colX is the left edge of column c.
func (f *flow) colX(g *grid, c int) float64 {
	x := f.left()
	for i := 0; i < c; i++ {
		x += g.widths[i]
	}
	return x
}

// headerCells makes the THead of g under the current element: a TR for
// each header row holding the TH of the cells that start in it, left to
// right, each with its scope (the columns below it) and spans. It returns
// the cells' elements in g.header's order.
func (f *flow) headerCells(g *grid) []*selem {
	head := f.open("THead")
	defer f.close(head)
	ths := make([]*selem, len(g.header))
	for r := range g.hRows {
		tr := f.open("TR")
		for c := 0; c < len(g.widths); c++ {
			for i, hb := range g.header {
				if hb.row != r || hb.col != c {
					continue
				}
				th := f.open("TH")
				th.attr = cellAttr("Column", hb.rowSpan, hb.colSpan)
				ths[i] = th
				f.close(th)
			}
		}
		f.close(tr)
	}
	return ths
}

// cellAttr is a table cell's attributes: its scope (a header's) and spans.
func cellAttr(scope string, rowSpan, colSpan int) string {
	a := "/O /Table"
	if scope != "" {
		a += " /Scope /" + scope
	}
	if rowSpan > 1 {
		a += " /RowSpan " + strconv.Itoa(rowSpan)
	}
	if colSpan > 1 {
		a += " /ColSpan " + strconv.Itoa(colSpan)
	}
	return a
}

// drawHeader draws the header grid: the first time as the THead's cells,
// again on a continuation page as an artifact.
func (f *flow) drawHeader(g *grid) {
	saved := f.el
	defer func() { f.el, f.artifact, g.ths = saved, false, nil }()
	top := f.y
	rowY := make([]float64, len(g.hRows)+1)
	rowY[0] = top
	for i, h := range g.hRows {
		rowY[i+1] = rowY[i] + h
	}
	for i, hb := range g.header {
		x := f.colX(g, hb.col)
		w := 0.0
		for c := hb.col; c < hb.col+hb.colSpan && c < len(g.widths); c++ {
			w += g.widths[c]
		}
		y0, y1 := rowY[hb.row], rowY[min(hb.row+hb.rowSpan, len(g.hRows))]
		f.box(x, y0, w, y1-y0)
		f.artifact = g.ths == nil
		if g.ths != nil {
			f.el = g.ths[i]
		}
		f.cellText(g, hb.cellBox, hb.lines, x, y0, w, y1-y0)
	}
	f.y = rowY[len(g.hRows)]
}

// drawRow places one body row, moving to a new page (with the header
// repeated) when it does not fit, and splitting a row taller than a page.
func (f *flow) drawRow(g *grid, cells []cellBox, height float64) {
	lh := g.lineH()
	for {
		if f.y+height <= f.bottom() {
			f.rowBoxes(g, cells, height)
			f.y += height
			return
		}
		fit := int((f.bottom() - f.y - 2*padY) / lh)
		usable := f.bottom() - marginTop - g.repeatedHeader(f)
		if height <= usable || fit < 1 {
			f.newPage(f.cur.landscape)
			if g.repeatedHeader(f) > 0 {
				f.drawHeader(g)
			}
			if height <= usable {
				continue
			}
			fit = int((f.bottom() - f.y - 2*padY) / lh)
		}
		// Split: the first fit lines of every cell here, the rest after.
		head, tail := make([]cellBox, len(cells)), make([]cellBox, len(cells))
		rest := 0
		for c, cb := range cells {
			head[c], tail[c] = cb, cb
			k := min(fit, len(cb.lines))
			head[c].lines, tail[c].lines = cb.lines[:k], cb.lines[k:]
			rest = max(rest, len(tail[c].lines))
		}
		h := float64(fit)*lh + 2*padY
		f.rowBoxes(g, head, h)
		f.y += h
		cells, height = tail, float64(rest)*lh+2*padY
	}
}

// rowBoxes draws a body row: its top and bottom rules across the table and
// one rule per column edge (a quarter of the strokes of four per cell), and
// its cells' text.
func (f *flow) rowBoxes(g *grid, cells []cellBox, height float64) {
	left, right := f.left(), f.colX(g, len(g.widths))
	f.cur.add(lineItem{left, f.y, right, f.y, borderWidth})
	f.cur.add(lineItem{left, f.y + height, right, f.y + height, borderWidth})
	for c := 0; c <= len(g.widths); c++ {
		x := f.colX(g, c)
		f.cur.add(lineItem{x, f.y, x, f.y + height, borderWidth})
	}
	saved := f.el
	for c, cb := range cells {
		if c < len(g.cells) {
			f.el = g.cells[c]
		}
		f.cellText(g, cb, cb.lines, f.colX(g, c), f.y, g.widths[c], height)
	}
	f.el = saved
}

// box draws the four borders of a cell.
func (f *flow) box(x, y, w, h float64) {
	f.cur.add(lineItem{x, y, x + w, y, borderWidth})
	f.cur.add(lineItem{x, y + h, x + w, y + h, borderWidth})
	f.cur.add(lineItem{x, y, x, y + h, borderWidth})
	f.cur.add(lineItem{x + w, y, x + w, y + h, borderWidth})
}

// cellText places a cell's lines, centred vertically.
func (f *flow) cellText(g *grid, cb cellBox, lines []string, x, y, w, h float64) {
	lh := g.lineH()
	top := y + (h-float64(len(lines))*lh)/2
	for i, ln := range lines {
		if ln == "" {
			continue
		}
		lw := f.m.width(cb.st, ln)
		tx := x + padX + cb.indent
		switch cb.align {
		case alignRight:
			tx = x + w - padX - lw
		case alignCenter:
			tx = x + (w-lw)/2
		}
		ly := top + float64(i)*lh + (lh-cb.st.size)/2
		f.addText(textItem{x: tx, y: ly + baseline(cb.st), st: cb.st, text: ln})
	}
}

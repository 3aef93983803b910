package pdf

import (
	"math"

	"github.com/budgetpub/budgetpub/fonts"
	"github.com/budgetpub/budgetpub/render"
)

// Form styles and geometry.
const formSize = 9.0

var (
	stFormTitle    = style{fonts.Title, 13}
	stFormSubtitle = style{fonts.Body, 10.5}
	stFormLabel    = style{fonts.Title, formSize}
	stFormValue    = style{fonts.Body, formSize}
)

// formCell is a form's cell laid out: where it is in the grid (spans
// clipped to the grid) and its lines.
type formCell struct {
	row, col, rowSpan, colSpan int
	x, w                       float64 // from the text's left edge
	cb                         cellBox
	label                      bool
}

// formGrid is a form laid out to a width.
type formGrid struct {
	widths  []float64
	cells   []formCell
	heights []float64 // of the rows, with nothing broken across pages
	breakOK []bool    // breakOK[r]: no cell spans from above row r into it
}

func (g *formGrid) lineH() float64 { return formSize * 1.3 }

// minRow is the height of a row of one line.
func (g *formGrid) minRow() float64 { return g.lineH() + 2*padY }

// layoutForm places fm's cells in columns scaled from its weights to width
// and breaks their text to the columns they span.
func (m *metrics) layoutForm(fm *render.Form, width float64) *formGrid {
	cols, rows := len(fm.Weights), fm.Rows
	for _, c := range fm.Cells {
		cols = max(cols, c.Col+max(c.ColSpan, 1))
		rows = max(rows, c.Row+max(c.RowSpan, 1))
	}
	weights := make([]float64, cols)
	total := 0.0
	for i := range weights {
		weights[i] = 1
		if i < len(fm.Weights) && fm.Weights[i] > 0 {
			weights[i] = fm.Weights[i]
		}
		total += weights[i]
	}
	g := &formGrid{widths: make([]float64, cols)}
	for i, w := range weights {
		g.widths[i] = w / total * width
	}
	for _, c := range fm.Cells {
		if c.Row < 0 || c.Col < 0 {
			continue
		}
		fc := formCell{row: c.Row, col: c.Col, rowSpan: max(c.RowSpan, 1), colSpan: max(c.ColSpan, 1)}
		for i := 0; i < fc.col; i++ {
			fc.x += g.widths[i]
		}
		for i := fc.col; i < fc.col+fc.colSpan; i++ {
			fc.w += g.widths[i]
		}
		fc.cb = cellBox{st: stFormValue, align: alignLeft}
		if c.Label {
			fc.cb = cellBox{st: stFormLabel, align: alignCenter}
			fc.label = true
		}
		fc.cb.lines = m.lines(fc.cb.st, c.Text, fc.w-2*padX)
		g.cells = append(g.cells, fc)
	}
	// Rows take the height of their single-row cells; a cell spanning rows
	// then grows the last of them when it needs more. Going down the rows
	// in order, each row knows the final heights of the rows above it.
	g.heights = make([]float64, rows)
	top := make([]float64, rows+1)
	for r := 0; r < rows; r++ {
		h := g.minRow()
		for _, c := range g.cells {
			if c.row+c.rowSpan-1 == r {
				h = math.Max(h, g.need(len(c.cb.lines))-(top[r]-top[c.row]))
			}
		}
		g.heights[r] = h
		top[r+1] = top[r] + h
	}
	g.breakOK = make([]bool, rows+1)
	for r := range g.breakOK {
		g.breakOK[r] = true
	}
	for _, c := range g.cells {
		for r := c.row + 1; r < c.row+c.rowSpan; r++ {
			g.breakOK[r] = false
		}
	}
	return g
}

// need is the height a cell of n lines needs.
func (g *formGrid) need(n int) float64 { return float64(n)*g.lineH() + 2*padY }

// keepRows is how many rows of a form at least go with its title: a form
// does not start at the foot of a page with its title and a few rows.
const keepRows = 8

// group is the height and the number of the rows from r to the next row a
// page may break before.
func (g *formGrid) group(r int) (h float64, n int) {
	h, n = g.heights[r], 1
	for k := r + 1; k < len(g.heights) && !g.breakOK[k]; k++ {
		h += g.heights[k]
		n++
	}
	return h, n
}

// form places a form: its title and subtitle centred, then the grid. The
// grid breaks between rows, where no cell spans the break if it can: a group
// of rows held together by a spanning cell that does not fit on the page
// starts the next one. A group taller than a page breaks between its rows
// anyway: a spanning cell is then drawn on each page in part, with its
// borders, its lines going on where the last part ended; a row taller than
// a page is split between its lines. No text leaves its cell.
func (f *flow) form(fm *render.Form) {
	g := f.m.layoutForm(fm, f.textWidth())
	titles := []struct {
		st   style
		text string
	}{{stFormTitle, fm.Title}, {stFormSubtitle, fm.Subtitle}}
	var heads [][]string
	headH := 0.0
	for _, t := range titles {
		var lines []string
		if t.text != "" {
			lines = f.m.lines(t.st, t.text, f.textWidth())
		}
		heads = append(heads, lines)
		headH += float64(len(lines)) * t.st.size * 1.6
	}
	// The title stays with the grid's first rows: whole groups covering
	// keepRows rows at least (all of them in a shorter form), or as many
	// whole groups as fit on an empty page under the title, or the first
	// row when not even the first group does; otherwise the form starts
	// on a new page.
	first := 0.0
	if len(g.heights) > 0 {
		first = g.heights[0]
		h := 0.0
		for r := 0; r < len(g.heights); {
			gh, n := g.group(r)
			if headH+4+h+gh > f.bottom()-marginTop {
				break
			}
			h += gh
			r += n
			first = h
			if r >= keepRows {
				break
			}
		}
	}
	f.y += 6
	f.room(headH + 4 + first)
	// A form is a Table: its titles the Caption, a TR for each row with
	// the cells that start in it, labels TH, values TD.
	tab := f.open("Table")
	defer f.close(tab)
	if headH > 0 {
		capt := f.open("Caption")
		for i, t := range titles {
			for _, ln := range heads[i] {
				f.centered(t.st, ln)
				f.y += t.st.size * 1.6
			}
		}
		f.close(capt)
	}
	f.y += 4
	els := g.elements(f)
	saved := f.el
	defer func() { f.el = saved }()

	lh := g.lineH()
	tg := &grid{size: formSize} // for cellText
	ends := make([][]int, len(g.heights))
	starts := make([][]int, len(g.heights))
	for i, c := range g.cells {
		starts[c.row] = append(starts[c.row], i)
		ends[c.row+c.rowSpan-1] = append(ends[c.row+c.rowSpan-1], i)
	}
	next := make([]int, len(g.cells))        // lines drawn so far
	partTop := make([]float64, len(g.cells)) // top of the cell's part on this page
	open := map[int]bool{}
	// part draws cell i from its part's top down to y: its borders, and
	// its lines that are left — all of them when last, else as many as
	// the part holds.
	part := func(i int, y float64, last bool) {
		c := g.cells[i]
		y0, h := partTop[i], y-partTop[i]
		lines := c.cb.lines[next[i]:]
		if !last {
			lines = lines[:min(len(lines), max(0, int(math.Floor((h-2*padY)/lh+1e-9))))]
		}
		f.box(f.left()+c.x, y0, c.w, h)
		f.el = els[i]
		f.cellText(tg, c.cb, lines, f.left()+c.x, y0, c.w, h)
		next[i] += len(lines)
	}
	breakPage := func() {
		for i := range g.cells {
			if open[i] {
				part(i, f.y, false)
			}
		}
		f.newPage(f.cur.landscape)
		for i := range open {
			partTop[i] = f.y
		}
	}
	usable := func() float64 { return f.bottom() - marginTop }
	for r := range g.heights {
		// The first group stays with the title (room above saw to it).
		if r > 0 && g.breakOK[r] && f.y > marginTop {
			if h, _ := g.group(r); f.y+h > f.bottom() && h <= usable() {
				breakPage()
			}
		}
		for _, i := range starts[r] {
			open[i] = true
			partTop[i] = f.y
		}
		for {
			need := g.minRow()
			for _, i := range ends[r] {
				need = math.Max(need, g.need(len(g.cells[i].cb.lines)-next[i])-(f.y-partTop[i]))
			}
			if f.y+need <= f.bottom() {
				f.y += need
				for _, i := range ends[r] {
					part(i, f.y, true)
					delete(open, i)
				}
				break
			}
			fit := int((f.bottom() - f.y - 2*padY) / lh)
			if f.y > marginTop && (need <= usable() || fit < 1) {
				breakPage()
				continue
			}
			// Taller than a page: fill this one, go on on the next.
			f.y = f.bottom()
			breakPage()
		}
	}
	f.y = math.Min(f.y+10, f.bottom())
}

// elements makes the form's rows and cells under the current element (its
// Table), row by row, left to right, and returns the cells' elements in
// g.cells's order. A label is a TH: of its row when a value follows it on
// the right, else of the column below it.
func (g *formGrid) elements(f *flow) []*selem {
	els := make([]*selem, len(g.cells))
	at := map[[2]int]int{} // (row, col) → the cell starting there
	for i, c := range g.cells {
		at[[2]int{c.row, c.col}] = i
	}
	for r := range g.heights {
		var tr *selem
		for col := range g.widths {
			i, ok := at[[2]int{r, col}]
			if !ok {
				continue
			}
			if tr == nil {
				tr = f.open("TR")
			}
			c := g.cells[i]
			role, scope := "TD", ""
			if c.label {
				role, scope = "TH", "Column"
				if j, ok := at[[2]int{r, col + c.colSpan}]; ok && !g.cells[j].label {
					scope = "Row"
				}
			}
			e := f.open(role)
			e.attr = cellAttr(scope, c.rowSpan, c.colSpan)
			els[i] = e
			f.close(e)
		}
		if tr != nil {
			f.close(tr)
		}
	}
	for i := range g.cells {
		if els[i] == nil { // two cells starting in one place: the second one at the table's end
			e := f.open("TD")
			els[i] = e
			f.close(e)
		}
	}
	return els
}

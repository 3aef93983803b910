package html

import (
	"slices"
	"strconv"

	"github.com/budgetpub/budgetpub/render"
)

// tableView is a table as the page prints it: a caption, header rows and
// body rows of cells, and notes under it. Forms are written as tables too.
type tableView struct {
	ID       string // of the caption, which names the scrolling region around the table
	Label    string // 预算公开表N, in the caption before the title
	Caption  string
	Subtitle string // a form's subtitle
	Which    string // a form's first value (its project), told to a screen reader after the title the forms share
	Dept     string // 部门名称：…
	Unit     string // 单位：万元
	Wide     bool   // printed on a landscape page
	Form     bool
	Head     [][]cellView
	Body     []rowView
	Notes    []string
}

// rowView is a body row.
type rowView struct {
	Class string // total, sub
	Cells []cellView
}

// cellView is one cell: a header cell (<th>) with its scope, or a data
// cell; spans of 1 print none.
type cellView struct {
	Header           bool
	Scope            string
	RowSpan, ColSpan int
	Class            string // num: right-aligned figures; l2, l3: indented by level
	Text             string
}

// table is t as the page prints it. Its header grid becomes <thead> rows
// with each cell's spans, a cell over several columns scoped to its column
// group; a position no header cell covers is an empty cell, so that the
// columns stay in place. In the body, a cell of each half of the table
// heads its row (rowHeads). Filler rows,
// which pad a printed page, are left out.
func table(t *render.Table, g *ids) *tableView {
	v := &tableView{ID: g.next("tbl-"), Label: t.Label, Caption: t.Title, Dept: t.DeptLine(), Unit: t.UnitLine(), Wide: t.Landscape, Notes: t.Notes}
	cols := len(t.Columns)
	placed := spans(t.HeaderRows, cols)
	for r := range t.HeaderRows {
		var row []cellView
		for c := 0; c < cols; c++ {
			if placed.taken(r, c) {
				continue
			}
			i := slices.IndexFunc(t.Header, func(h render.HeaderCell) bool { return h.Row == r && h.Col == c })
			if i < 0 {
				row = append(row, cellView{})
				placed.take(r, c, 1, 1)
				continue
			}
			h := t.Header[i]
			rs, cs := max(h.RowSpan, 1), max(h.ColSpan, 1)
			rs, cs = min(rs, t.HeaderRows-r), min(cs, cols-c)
			scope := "col"
			if cs > 1 {
				scope = "colgroup"
			}
			row = append(row, cellView{Header: true, Scope: scope, RowSpan: rs, ColSpan: cs, Text: h.Text})
			placed.take(r, c, rs, cs)
		}
		v.Head = append(v.Head, row)
	}
	for _, r := range t.Rows {
		if r.Kind == render.RowFiller {
			continue
		}
		rv := rowView{}
		switch r.Kind {
		case render.RowTotal:
			rv.Class = "total"
		case render.RowSubtotal:
			rv.Class = "sub"
		}
		heads := rowHeads(t, r)
		for c, cell := range r.Cells {
			cv := cellView{Text: cell.Printed(), Header: heads[c]}
			if cv.Header {
				cv.Scope = "row"
			}
			switch {
			case cell.Kind == render.KindAmount:
				cv.Class = "num"
			case t.Columns[c].Kind == render.KindCode:
				cv.Class = "code"
			case cv.Header && r.Level >= 2:
				cv.Class = "l" + strconv.Itoa(min(r.Level, 4))
			}
			rv.Cells = append(rv.Cells, cv)
		}
		v.Body = append(v.Body, rv)
	}
	return v
}

// rowHeads are the cells heading row r, one in each half of the table:
// the half's first text column (the item's name), or, when that is empty
// (a 合计 printed across the code columns), the half's first cell that
// prints something and is no amount.
func rowHeads(t *render.Table, r render.Row) []bool {
	heads := make([]bool, len(r.Cells))
	for _, side := range []render.Side{render.SideLeft, render.SideMain} {
		name := slices.IndexFunc(t.Columns, func(col render.Column) bool { return col.Side == side && col.Kind == render.KindText })
		if name >= 0 && name < len(r.Cells) && r.Cells[name].Printed() != "" {
			heads[name] = true
			continue
		}
		for c, cell := range r.Cells {
			if t.Columns[c].Side == side && cell.Kind != render.KindAmount && cell.Printed() != "" {
				heads[c] = true
				break
			}
		}
	}
	return heads
}

// form is a goal form as a table: its title the caption; a label cell is
// a header cell of its row when a value follows it on the row, else of its
// column; a position no cell covers is an empty cell.
func form(fm *render.Form, g *ids) *tableView {
	v := &tableView{ID: g.next("tbl-"), Caption: fm.Title, Subtitle: fm.Subtitle, Form: true}
	cols, rows := len(fm.Weights), fm.Rows
	for _, c := range fm.Cells {
		cols = max(cols, c.Col+max(c.ColSpan, 1))
		rows = max(rows, c.Row+max(c.RowSpan, 1))
	}
	placed := spans(rows, cols)
	at := func(r, c int) int {
		return slices.IndexFunc(fm.Cells, func(x render.FormCell) bool { return x.Row == r && x.Col == c })
	}
	for r := range rows {
		var row []cellView
		for c := 0; c < cols; c++ {
			if placed.taken(r, c) {
				continue
			}
			i := at(r, c)
			if i < 0 {
				row = append(row, cellView{})
				placed.take(r, c, 1, 1)
				continue
			}
			x := fm.Cells[i]
			rs, cs := min(max(x.RowSpan, 1), rows-r), min(max(x.ColSpan, 1), cols-c)
			cv := cellView{RowSpan: rs, ColSpan: cs, Text: x.Text}
			if !x.Label && v.Which == "" {
				v.Which = x.Text
			}
			if x.Label && x.Text != "" {
				cv.Header, cv.Scope = true, "col"
				if n := at(r, c+cs); n >= 0 && !fm.Cells[n].Label {
					cv.Scope = "row"
				}
			}
			row = append(row, cv)
			placed.take(r, c, rs, cs)
		}
		v.Body = append(v.Body, rowView{Cells: row})
	}
	return v
}

// grid records which positions of a grid a cell already covers.
type grid struct {
	cols  int
	cover []bool
}

func spans(rows, cols int) *grid { return &grid{cols: cols, cover: make([]bool, rows*cols)} }

func (g *grid) taken(r, c int) bool { return g.cover[r*g.cols+c] }

func (g *grid) take(r, c, rs, cs int) {
	for i := r; i < r+rs; i++ {
		for j := c; j < c+cs; j++ {
			g.cover[i*g.cols+j] = true
		}
	}
}

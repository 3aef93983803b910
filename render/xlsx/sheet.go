package xlsx

import (
	"fmt"

	"github.com/budgetpub/budgetpub/render"
	"github.com/xuri/excelize/v2"
)

// topRows are the sheet rows (1-based) of the lines above the header grid:
// the label (0 when the table prints none, and the rest move up), the
// title, the department and unit line, and the first row of the header.
type topRows struct{ label, title, dept, header int }

// rowsOf places the lines above t's header grid.
func rowsOf(t *render.Table) topRows {
	if t.Label == "" {
		return topRows{0, 1, 2, 3}
	}
	return topRows{1, 2, 3, 4}
}

// sheet writes one table on one worksheet.
type sheet struct {
	f      *excelize.File
	sw     *excelize.StreamWriter
	st     *styles
	name   string
	t      *render.Table
	widths []float64
}

// cell is the reference of (col, row), both 1-based.
func cell(col, row int) string {
	ref, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		panic(err) // unreachable: checkTable bounds the columns, rows count from 1
	}
	return ref
}

// frozenRows is the number of rows above the body: the label, title and
// department lines and the header grid.
func frozenRows(t *render.Table) int { return rowsOf(t).header - 1 + t.HeaderRows }

// checkTable reports a table the sheet layout cannot show.
func checkTable(t *render.Table) error {
	n := len(t.Columns)
	if n == 0 || n > excelize.MaxColumns {
		return fmt.Errorf("table %d: %d columns, want 1..%d", t.Number, n, excelize.MaxColumns)
	}
	if t.HeaderRows < 0 {
		return fmt.Errorf("table %d: negative HeaderRows", t.Number)
	}
	for _, h := range t.Header {
		if h.Row < 0 || h.Col < 0 || h.Row+span(h.RowSpan) > t.HeaderRows || h.Col+span(h.ColSpan) > n {
			return fmt.Errorf("table %d: header cell %q at row %d col %d span %dx%d lies outside the %dx%d grid (rows and columns count from 0)",
				t.Number, h.Text, h.Row, h.Col, span(h.RowSpan), span(h.ColSpan), t.HeaderRows, n)
		}
	}
	for i, r := range t.Rows {
		if len(r.Cells) != n {
			return fmt.Errorf("table %d: body row %d has %d cells, want %d", t.Number, i+1, len(r.Cells), n)
		}
	}
	return nil
}

// write lays out the whole table. The sheet is streamed (excelize's
// StreamWriter writes each row's XML as it is given, instead of building
// the worksheet in memory and marshalling it: a third of a department's
// time otherwise): the dimension and the print setup are set first, the
// rows then go top to bottom, and the merges with them.
func (s *sheet) write() error {
	s.widths = columnWidths(s.t)
	lastRow := max(frozenRows(s.t)+len(s.t.Rows)+len(s.t.Notes), rowsOf(s.t).dept)
	if err := s.f.SetSheetDimension(s.name, cell(1, 1)+":"+cell(len(s.widths), lastRow)); err != nil {
		return err
	}
	if err := s.writePrintSetup(); err != nil {
		return fmt.Errorf("sheet %s: %w", s.name, err)
	}
	sw, err := s.f.NewStreamWriter(s.name)
	if err != nil {
		return err
	}
	s.sw = sw
	for i, w := range s.widths {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return err
		}
	}
	steps := []func() error{s.writePanes, s.writeTop, s.writeHeader, s.writeBody, s.writeNotes, sw.Flush}
	for _, step := range steps {
		if err := step(); err != nil {
			return fmt.Errorf("sheet %s: %w", s.name, err)
		}
	}
	return nil
}

// styled is a cell of text (or none) with a style.
func (s *sheet) styled(text string, k styleKey) (excelize.Cell, error) {
	id, err := s.st.id(k)
	if err != nil {
		return excelize.Cell{}, err
	}
	c := excelize.Cell{StyleID: id}
	if text != "" {
		c.Value = text
	}
	return c, nil
}

// row streams one row of cells (nil: no cell) at its height.
func (s *sheet) row(r int, cells []any, height float64) error {
	return s.sw.SetRow(cell(1, r), cells, excelize.RowOpts{Height: height})
}

// writeTop writes the label (when the table has one), the merged title
// and the department/unit line.
func (s *sheet) writeTop() error {
	t, n, at := s.t, len(s.t.Columns), rowsOf(s.t)
	if at.label > 0 {
		label, err := s.styled(t.Label, styleKey{role: roleLabel})
		if err != nil {
			return err
		}
		if err := s.row(at.label, []any{label}, rowHeight); err != nil {
			return err
		}
	}
	title, err := s.styled(t.Title, styleKey{role: roleTitle})
	if err != nil {
		return err
	}
	if err := s.row(at.title, []any{title}, titleRowHeight(t.Title, spanWidth(s.widths, 0, n))); err != nil {
		return err
	}
	if n > 1 {
		if err := s.sw.MergeCell(cell(1, at.title), cell(n, at.title)); err != nil {
			return err
		}
	}
	dept := t.DeptLine()
	cells := make([]any, n)
	if n == 1 {
		dept += "    " + t.UnitLine()
	} else if cells[n-1], err = s.styled(t.UnitLine(), styleKey{role: roleUnit}); err != nil {
		return err
	}
	if cells[0], err = s.styled(dept, styleKey{role: roleDept}); err != nil {
		return err
	}
	return s.row(at.dept, cells, rowHeight)
}

// writeHeader writes the header grid: bordered, bold, centred, merged spans.
func (s *sheet) writeHeader() error {
	t := s.t
	if t.HeaderRows == 0 {
		return nil
	}
	id, err := s.st.id(styleKey{role: roleHeader})
	if err != nil {
		return err
	}
	headerTop := rowsOf(t).header
	grid := make([][]any, t.HeaderRows)
	for r := range grid {
		grid[r] = make([]any, len(t.Columns))
		for c := range grid[r] {
			grid[r][c] = excelize.Cell{StyleID: id}
		}
	}
	for _, h := range t.Header {
		if h.Text != "" {
			grid[h.Row][h.Col] = excelize.Cell{StyleID: id, Value: h.Text}
		}
		rs, cs := span(h.RowSpan), span(h.ColSpan)
		if rs > 1 || cs > 1 {
			col, row := h.Col+1, headerTop+h.Row
			if err := s.sw.MergeCell(cell(col, row), cell(col+cs-1, row+rs-1)); err != nil {
				return err
			}
		}
	}
	for i, h := range headerHeights(t, s.widths) {
		if err := s.row(headerTop+i, grid[i], h); err != nil {
			return err
		}
	}
	return nil
}

// writeBody writes the body rows: text and codes as strings, amounts as
// numbers, totals and subtotals bold, the first text column indented by
// level, a filler row's cells bordered and empty.
func (s *sheet) writeBody() error {
	t := s.t
	textCol := firstTextColumn(t)
	top := frozenRows(t) + 1
	cells := make([]any, len(t.Columns))
	heights := make([]float64, len(t.Rows))
	for i, row := range t.Rows {
		heights[i] = bodyRowHeight(row, s.widths, textCol)
	}
	for i, row := range t.Rows {
		bold := row.Kind == render.RowTotal || row.Kind == render.RowSubtotal
		for c, cl := range row.Cells {
			if row.Kind == render.RowFiller {
				v, err := s.fillerCell(cl)
				if err != nil {
					return fmt.Errorf("row %d: %w", i+1, err)
				}
				cells[c] = v
				continue
			}
			v, err := s.bodyCell(cl, bold, c == textCol, row)
			if err != nil {
				return fmt.Errorf("row %d: %w", i+1, err)
			}
			cells[c] = v
		}
		if err := s.row(top+i, cells, heights[i]); err != nil {
			return err
		}
	}
	for _, b := range pageBreaks(t, printScale(s.widths, t.Landscape), t.Landscape, s.topHeights(), heights) {
		if err := s.sw.InsertPageBreak(cell(1, top+b)); err != nil {
			return err
		}
	}
	return nil
}

// topHeights are the heights of the rows above the body: label (when the
// table has one), title, department line and header grid.
func (s *sheet) topHeights() []float64 {
	t := s.t
	var hs []float64
	if rowsOf(t).label > 0 {
		hs = append(hs, rowHeight)
	}
	hs = append(hs, titleRowHeight(t.Title, spanWidth(s.widths, 0, len(t.Columns))), rowHeight)
	if t.HeaderRows > 0 {
		hs = append(hs, headerHeights(t, s.widths)...)
	}
	return hs
}

// bodyCell is one body cell: an amount a numeric cell (exactFloat), the
// rest text.
func (s *sheet) bodyCell(cl render.Cell, bold, indented bool, row render.Row) (excelize.Cell, error) {
	k := styleKey{role: roleText, bold: bold}
	switch cl.Kind {
	case render.KindCode:
		k.role = roleCode
	case render.KindAmount:
		k.role, k.numFmt = roleAmount, numFmtOf(cl)
	default:
		if indented {
			k.indent = indentLevel(row)
		}
	}
	if k.role != roleAmount {
		return s.styled(cl.Text, k)
	}
	id, err := s.st.id(k)
	if err != nil {
		return excelize.Cell{}, err
	}
	x, err := exactFloat(cl.Amount)
	if err != nil {
		return excelize.Cell{}, err
	}
	return excelize.Cell{StyleID: id, Value: x}, nil
}

// fillerCell is a cell of a filler row (render.RowFiller): bordered and
// formatted as the column's cells are, with nothing in it.
func (s *sheet) fillerCell(cl render.Cell) (excelize.Cell, error) {
	k := styleKey{role: roleText}
	switch cl.Kind {
	case render.KindCode:
		k.role = roleCode
	case render.KindAmount:
		k.role, k.numFmt = roleAmount, numFmtOf(render.Cell{Kind: render.KindAmount, Format: s.t.NumberFormat})
	}
	return s.styled("", k)
}

// writeNotes writes each note on its own row under the table.
func (s *sheet) writeNotes() error {
	first := frozenRows(s.t) + len(s.t.Rows) + 1
	for i, note := range s.t.Notes {
		c, err := s.styled(note, styleKey{role: roleNote})
		if err != nil {
			return err
		}
		if err := s.row(first+i, []any{c}, rowHeight); err != nil {
			return err
		}
	}
	return nil
}

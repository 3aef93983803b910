package xlsx

import (
	"fmt"

	"github.com/budgetpub/budgetpub/render"
	"github.com/xuri/excelize/v2"
)

// Rows of the lines above the header grid.
const (
	labelRow   = 1
	titleRow   = 2
	deptRow    = 3
	headerTop  = 4 // first row of the header grid
	aboveTable = headerTop - 1
)

// sheet writes one table on one worksheet.
type sheet struct {
	f      *excelize.File
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
func frozenRows(t *render.Table) int { return aboveTable + t.HeaderRows }

// unitText is the unit line of t.
func unitText(t *render.Table) string { return "单位：" + t.Unit }

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

// write lays out the whole table.
func (s *sheet) write() error {
	s.widths = columnWidths(s.t)
	for i, w := range s.widths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := s.f.SetColWidth(s.name, col, col, w); err != nil {
			return err
		}
	}
	lastRow := max(frozenRows(s.t)+len(s.t.Rows)+len(s.t.Notes), deptRow)
	if err := s.f.SetSheetDimension(s.name, cell(1, 1)+":"+cell(len(s.widths), lastRow)); err != nil {
		return err
	}
	steps := []func() error{s.writeTop, s.writeHeader, s.writeBody, s.writeNotes, s.writePanes, s.writePrintSetup}
	for _, step := range steps {
		if err := step(); err != nil {
			return fmt.Errorf("sheet %s: %w", s.name, err)
		}
	}
	return nil
}

// put writes a text cell with a style.
func (s *sheet) put(col, row int, text string, k styleKey) error {
	id, err := s.st.id(k)
	if err != nil {
		return err
	}
	ref := cell(col, row)
	if text != "" {
		if err := s.f.SetCellStr(s.name, ref, text); err != nil {
			return err
		}
	}
	return s.f.SetCellStyle(s.name, ref, ref, id)
}

// writeTop writes the label, the merged title and the department/unit line.
func (s *sheet) writeTop() error {
	t, n := s.t, len(s.t.Columns)
	if err := s.put(1, labelRow, t.Label, styleKey{role: roleLabel}); err != nil {
		return err
	}
	if err := s.put(1, titleRow, t.Title, styleKey{role: roleTitle}); err != nil {
		return err
	}
	if n > 1 {
		if err := s.f.MergeCell(s.name, cell(1, titleRow), cell(n, titleRow)); err != nil {
			return err
		}
	}
	dept := "部门名称：" + t.Department
	if n == 1 {
		dept += "    " + unitText(t)
	} else if err := s.put(n, deptRow, unitText(t), styleKey{role: roleUnit}); err != nil {
		return err
	}
	if err := s.put(1, deptRow, dept, styleKey{role: roleDept}); err != nil {
		return err
	}
	heights := map[int]float64{
		labelRow: rowHeight,
		titleRow: titleRowHeight(t.Title, spanWidth(s.widths, 0, n)),
		deptRow:  rowHeight,
	}
	for _, r := range []int{labelRow, titleRow, deptRow} {
		if err := s.f.SetRowHeight(s.name, r, heights[r]); err != nil {
			return err
		}
	}
	return nil
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
	last := headerTop + t.HeaderRows - 1
	if err := s.f.SetCellStyle(s.name, cell(1, headerTop), cell(len(t.Columns), last), id); err != nil {
		return err
	}
	for _, h := range t.Header {
		col, row := h.Col+1, headerTop+h.Row
		if h.Text != "" {
			if err := s.f.SetCellStr(s.name, cell(col, row), h.Text); err != nil {
				return err
			}
		}
		rs, cs := span(h.RowSpan), span(h.ColSpan)
		if rs > 1 || cs > 1 {
			if err := s.f.MergeCell(s.name, cell(col, row), cell(col+cs-1, row+rs-1)); err != nil {
				return err
			}
		}
	}
	for i, h := range headerHeights(t, s.widths) {
		if err := s.f.SetRowHeight(s.name, headerTop+i, h); err != nil {
			return err
		}
	}
	return nil
}

// writeBody writes the body rows: text and codes as strings, amounts as
// numbers, totals and subtotals bold, the first text column indented by level.
func (s *sheet) writeBody() error {
	t := s.t
	textCol := firstTextColumn(t)
	top := frozenRows(t) + 1
	for i, row := range t.Rows {
		r := top + i
		bold := row.Kind == render.RowTotal || row.Kind == render.RowSubtotal
		for c, cl := range row.Cells {
			if err := s.putBody(c+1, r, cl, bold, c == textCol, row); err != nil {
				return err
			}
		}
		if err := s.f.SetRowHeight(s.name, r, bodyRowHeight(row, s.widths, textCol)); err != nil {
			return err
		}
	}
	return nil
}

// putBody writes one body cell.
func (s *sheet) putBody(col, r int, cl render.Cell, bold, indented bool, row render.Row) error {
	k := styleKey{role: roleText, bold: bold}
	switch cl.Kind {
	case render.KindCode:
		k.role = roleCode
	case render.KindAmount:
		k.role = roleAmount
	default:
		if indented {
			k.indent = indentLevel(row)
		}
	}
	if k.role != roleAmount {
		return s.put(col, r, cl.Text, k)
	}
	id, err := s.st.id(k)
	if err != nil {
		return err
	}
	ref := cell(col, r)
	if err := s.f.SetCellDefault(s.name, ref, cl.Amount.StringFixed(2)); err != nil {
		return err
	}
	return s.f.SetCellStyle(s.name, ref, ref, id)
}

// writeNotes writes each note on its own row under the table.
func (s *sheet) writeNotes() error {
	first := frozenRows(s.t) + len(s.t.Rows) + 1
	for i, note := range s.t.Notes {
		if err := s.put(1, first+i, note, styleKey{role: roleNote}); err != nil {
			return err
		}
		if err := s.f.SetRowHeight(s.name, first+i, rowHeight); err != nil {
			return err
		}
	}
	return nil
}

package xlsx

import (
	"bytes"
	"testing"

	"github.com/budgetpub/budgetpub/render"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// d parses a decimal literal.
func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// m is an amount cell.
func m(s string) render.Cell { return render.Money(d(s)) }

// functionTable is a small table shaped like table 3: a two-row header with
// merged 项目 and 2024年预算数, a total, a subtotal, items (one with a zero
// amount) and the rounding note.
func functionTable() *render.Table {
	amount := render.Column{Kind: render.KindAmount}
	return &render.Table{
		Number:       3,
		Label:        "预算公开表3",
		Title:        "2024年预算支出总表",
		Presentation: render.Presentation{SheetName: "表3"},
		Department:   "测试部门",
		Unit:         "万元",
		Columns:      []render.Column{{Kind: render.KindCode}, {Kind: render.KindText}, amount, amount, amount},
		HeaderRows:   2,
		Header: []render.HeaderCell{
			{Row: 0, Col: 0, RowSpan: 1, ColSpan: 2, Text: "项目"},
			{Row: 0, Col: 2, RowSpan: 1, ColSpan: 3, Text: "2024年预算数"},
			{Row: 1, Col: 0, RowSpan: 1, ColSpan: 1, Text: "科目编码"},
			{Row: 1, Col: 1, RowSpan: 1, ColSpan: 1, Text: "科目名称"},
			{Row: 1, Col: 2, RowSpan: 1, ColSpan: 1, Text: "合计"},
			{Row: 1, Col: 3, RowSpan: 1, ColSpan: 1, Text: "基本支出"},
			{Row: 1, Col: 4, RowSpan: 1, ColSpan: 1, Text: "项目支出"},
		},
		Rows: []render.Row{
			{Kind: render.RowTotal, Level: 0, Cells: []render.Cell{render.CodeCell(""), render.Str("合计"), m("1324.14"), m("1249.45"), m("74.69")}},
			{Kind: render.RowSubtotal, Level: 1, Cells: []render.Cell{render.CodeCell("201"), render.Str("一般公共服务支出"), m("1324.14"), m("1249.45"), m("74.69")}},
			{Kind: render.RowSubtotal, Level: 2, Cells: []render.Cell{render.CodeCell("20103"), render.Str("政府办公厅（室）及相关机构事务"), m("1324.14"), m("1249.45"), m("74.69")}},
			{Kind: render.RowItem, Level: 3, Cells: []render.Cell{render.CodeCell("2010301"), render.Str("行政运行"), m("1249.45"), m("1249.45"), m("0")}},
			{Kind: render.RowItem, Level: 3, Cells: []render.Cell{render.CodeCell("2010399"), render.Str("其他政府办公厅（室）及相关机构事务支出"), m("74.69"), m("0"), m("74.69")}},
		},
		Notes: []string{render.NoteRounding},
	}
}

// threeRowTable is a small landscape table shaped like table 12: a header of
// three rows, 项目名称 spanning two of them, and a row of column numbers.
func threeRowTable() *render.Table {
	amount := render.Column{Kind: render.KindAmount}
	return &render.Table{
		Number:       12,
		Label:        "预算公开表12",
		Title:        "2024年项目支出预算表（本年预算）",
		Presentation: render.Presentation{SheetName: "表12", Landscape: true},
		Department:   "测试部门",
		Unit:         "万元",
		Columns:      []render.Column{{Kind: render.KindText}, amount, amount, amount},
		HeaderRows:   3,
		Header: []render.HeaderCell{
			{Row: 0, Col: 0, RowSpan: 2, ColSpan: 1, Text: "项目名称"},
			{Row: 0, Col: 1, RowSpan: 2, ColSpan: 1, Text: "合计"},
			{Row: 0, Col: 2, RowSpan: 1, ColSpan: 2, Text: "2024年财政拨款"},
			{Row: 1, Col: 2, RowSpan: 1, ColSpan: 1, Text: "一般公共预算"},
			{Row: 1, Col: 3, RowSpan: 1, ColSpan: 1, Text: "政府性基金预算"},
			{Row: 2, Col: 0, Text: "1"},
			{Row: 2, Col: 1, Text: "2"},
			{Row: 2, Col: 2, Text: "3"},
			{Row: 2, Col: 3, Text: "4"},
		},
		Rows: []render.Row{
			{Kind: render.RowTotal, Level: 0, Cells: []render.Cell{render.Str("测试部门"), m("-3.5"), m("-3.5"), m("0")}},
		},
		Notes: []string{render.NoteEmpty},
	}
}

// samplePublication is a two-table publication.
func samplePublication() *render.Publication {
	return &render.Publication{
		Year:       2024,
		Department: "测试部门",
		Unit:       "万元",
		Tables:     []*render.Table{functionTable(), threeRowTable()},
	}
}

// written writes p and returns the bytes.
func written(t *testing.T, p *render.Publication) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, p); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return buf.Bytes()
}

// reopen writes p and opens the result with excelize.
func reopen(t *testing.T, p *render.Publication) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(written(t, p)))
	if err != nil {
		t.Fatalf("OpenReader: %v", err)
	}
	t.Cleanup(func() { _ = f.Close() })
	return f
}

// value is the raw value of a cell.
func value(t *testing.T, f *excelize.File, sheet, ref string) string {
	t.Helper()
	v, err := f.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatalf("%s!%s: %v", sheet, ref, err)
	}
	return v
}

// styleAt is the style of a cell.
func styleAt(t *testing.T, f *excelize.File, sheet, ref string) *excelize.Style {
	t.Helper()
	id, err := f.GetCellStyle(sheet, ref)
	if err != nil {
		t.Fatalf("%s!%s style: %v", sheet, ref, err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatalf("%s!%s style %d: %v", sheet, ref, id, err)
	}
	return st
}

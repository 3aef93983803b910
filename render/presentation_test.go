package render

import (
	"testing"

	"github.com/budgetpub/budgetpub/input"
	"github.com/shopspring/decimal"
)

// TestLabel: a table's label is its profile's LabelFormat with its number,
// and nothing when the profile's LabelFormat is "".
func TestLabel(t *testing.T) {
	for _, tc := range []struct{ format, want string }{
		{"预算公开表%d", "预算公开表5"},
		{"", ""},
	} {
		d := &TableDecl{Number: 5, labelFormat: tc.format}
		if got := d.Label(); got != tc.want {
			t.Errorf("LabelFormat %q: Label() = %q, want %q", tc.format, got, tc.want)
		}
	}
}

// TestDeptAndUnitLine: a built table takes its profile's DeptLabel; the
// line under its title prints it before the department (部门名称： when
// the profile declares none) and its UnitLabel before its unit (单位：).
func TestDeptAndUnitLine(t *testing.T) {
	tests := []struct {
		deptLabel, unitLabel, unit string
		dept, unitLine             string
	}{
		{"", "", "", "部门名称：某某局", "单位：万元"},
		{"编制部门：", "", "元", "编制部门：某某局", "单位：元"},
		{"编制部门：", "单位:", "万元", "编制部门：某某局", "单位:万元"},
	}
	for _, tc := range tests {
		doc := &input.Document{Year: 2025, Department: input.Department{Name: input.Text{Value: "某某局"}}}
		b := &Builder{Doc: doc, Pub: &Publication{Profile: &Profile{DeptLabel: tc.deptLabel}}}
		tb := b.start(&TableDecl{Number: 9, Title: "部门“三公”经费和机关运行经费预算表", Unit: tc.unit, Presentation: Presentation{UnitLabel: tc.unitLabel}})
		if got := tb.DeptLine(); got != tc.dept {
			t.Errorf("DeptLabel %q: DeptLine() = %q, want %q", tc.deptLabel, got, tc.dept)
		}
		if got := tb.UnitLine(); got != tc.unitLine {
			t.Errorf("UnitLabel %q, unit %q: UnitLine() = %q, want %q", tc.unitLabel, tc.unit, got, tc.unitLine)
		}
	}
}

// TestNumberFormat: a figure prints as its table's format says — the
// default two decimals with no separators and zero blank, as shanxi-13
// prints; Shanghai's whole 元 with separators, two decimals with
// separators, the shortest form, zero as 0 — rounded once from the exact
// amount to the format's decimals.
func TestNumberFormat(t *testing.T) {
	whole := &NumberFormat{Separators: true}
	cents := &NumberFormat{Decimals: 2, Separators: true}
	shortest := &NumberFormat{Decimals: 2, Shortest: true, Zero: "0"}
	wholeZero := &NumberFormat{Separators: true, Zero: "0"}
	tests := []struct {
		f      *NumberFormat
		exact  string
		figure string // the rounded figure (Round)
		print  string
	}{
		{nil, "12345678.904", "12345678.9", "12345678.90"},
		{nil, "0.004", "0", ""},
		{nil, "-3.5", "-3.5", "-3.50"},
		{cents, "12345678.904", "12345678.9", "12,345,678.90"},
		{cents, "999.995", "1000", "1,000.00"},
		{cents, "123.4", "123.4", "123.40"},
		{cents, "0", "0", ""},
		{whole, "12345678.9", "12345679", "12,345,679"},
		{whole, "2.495", "2", "2"}, // from the exact amount: 2.495 → 2, not 2.50 → 3
		{whole, "1000", "1000", "1,000"},
		{whole, "100", "100", "100"},
		{whole, "-1234567.5", "-1234568", "-1,234,568"},
		{whole, "0.4", "0", ""},
		{wholeZero, "0", "0", "0"},
		{shortest, "2.5", "2.5", "2.5"},
		{shortest, "20", "20", "20"},
		{shortest, "1.25", "1.25", "1.25"},
		{shortest, "12.504", "12.5", "12.5"},
		{shortest, "0.001", "0", "0"},
	}
	for _, tc := range tests {
		exact := decimal.RequireFromString(tc.exact)
		figure := tc.f.Round(exact)
		if !figure.Equal(decimal.RequireFromString(tc.figure)) {
			t.Errorf("%+v: Round(%s) = %s, want %s", tc.f, tc.exact, figure, tc.figure)
		}
		if got := tc.f.Print(figure); got != tc.print {
			t.Errorf("%+v: Print(%s) = %q, want %q", tc.f, figure, got, tc.print)
		}
		tb := &Table{Columns: []Column{{Kind: KindAmount}}, Rows: []Row{{Cells: []Cell{Money(exact)}}}}
		tb.NumberFormat = tc.f
		tb.FormatAmounts()
		c := tb.Rows[0].Cells[0]
		if got := c.Printed(); got != tc.print {
			t.Errorf("%+v: a cell of %s prints %q, want %q", tc.f, tc.exact, got, tc.print)
		}
		if !c.Exact.Equal(exact) || !c.Amount.Equal(figure) {
			t.Errorf("%+v: the cell of %s holds %s exact %s, want %s exact %s", tc.f, tc.exact, c.Amount, c.Exact, figure, exact)
		}
		if c.IsBlank() != (tc.print == "") {
			t.Errorf("%+v: a cell printing %q IsBlank %v", tc.f, tc.print, c.IsBlank())
		}
	}
}

// TestPadTo: filler rows go before the last row (the 合计) until header
// and body make the bands; a table of no rows gets them all, one as tall
// or taller none; a filler row has a blank cell of each column's kind, no
// key, heads no row and is no row's child; the rows stay found by key.
func TestPadTo(t *testing.T) {
	cols := []Column{{Key: ColItem, Kind: KindText}, {Key: ColTotal, Kind: KindAmount}}
	row := func(kind RowKind, key RowKey, level int, name string) Row {
		return Row{Kind: kind, Key: key, Level: level, Cells: []Cell{Str(name), Money(decimal.NewFromInt(1))}}
	}
	body := []Row{row(RowSubtotal, CodeRow("201"), 1, "一般公共服务支出"), row(RowTotal, TotalRow, 0, "合计")}
	tests := []struct {
		name  string
		rows  []Row
		bands int
		want  string // the kinds of the rows, F for a filler row
	}{
		{"a block of 16", body, 16, "SFFFFFFFFFFFFT"},
		{"no room left", body, 4, "ST"},
		{"taller than the block", body, 3, "ST"},
		{"only 合计", body[1:], 10, "FFFFFFFT"},
		{"no rows", nil, 5, "FFF"},
	}
	for _, tc := range tests {
		tb := &Table{Columns: cols, HeaderRows: 2, Rows: append([]Row(nil), tc.rows...)}
		tb.index()
		tb.NumberFormat = &NumberFormat{Zero: "0"}
		tb.PadTo(tc.bands)
		tb.FormatAmounts()
		got := ""
		for i, r := range tb.Rows {
			switch r.Kind {
			case RowFiller:
				got += "F"
				if r.Key.Role != RoleNone || r.LeftKey.Role != RoleNone || len(r.Cells) != len(cols) {
					t.Errorf("%s: filler row %d: %+v", tc.name, i, r)
				}
				for c, cell := range r.Cells {
					if cell.Kind != cols[c].Kind || !cell.IsBlank() || cell.Printed() != "" {
						t.Errorf("%s: filler row %d cell %d: %+v prints %q", tc.name, i, c, cell, cell.Printed())
					}
				}
				if tb.Heads(i) || i > 0 && tb.Heads(i-1) {
					t.Errorf("%s: filler row %d heads a row or is a child", tc.name, i)
				}
			case RowSubtotal:
				got += "S"
			case RowTotal:
				got += "T"
			}
		}
		if got != tc.want {
			t.Errorf("%s: rows %q, want %q", tc.name, got, tc.want)
		}
		if len(tc.rows) > 0 && tb.Row(TotalRow) != &tb.Rows[len(tb.Rows)-1] {
			t.Errorf("%s: the 合计 row is not found by its key after padding", tc.name)
		}
	}
}

package pdf

// Tests of the presentation a layout declares on its profile and tables
// (render.Presentation, Profile.DeptLabel), as Shanghai's 9 tables need it:
// no label above the title, 编制部门：, a unit text of its own, amounts in
// whole 元 with separators, filler rows, a header printed once, three code
// columns. Each lays out a table built by hand (codesTable, shaped like
// Shanghai's table 5) and looks at what is placed on the pages.

import (
	"fmt"
	"math"
	"sort"
	"testing"

	"github.com/budgetpub/budgetpub/render"
	"github.com/shopspring/decimal"
)

// yuan is an amount cell of an exact amount in 元.
func yuan(s string) render.Cell { return render.Money(decimal.RequireFromString(s)) }

// codesTable is shaped like Shanghai's table 5: the functional code in three
// columns 类 | 款 | 项 under 功能分类科目编码, the name, three amounts, and
// rows per 类 of one 款 of n 项 each, 合计 last.
func codesTable(classes, items int) *render.Table {
	amount := render.Column{Kind: render.KindAmount}
	tb := &render.Table{
		Number:     5,
		Title:      "2025年部门一般公共预算支出功能分类预算表",
		Department: "上海市某某区某某局",
		Unit:       "元",
		Columns: []render.Column{
			{Key: render.ColCodeClass, Kind: render.KindCode}, {Key: render.ColCodeSection, Kind: render.KindCode}, {Key: render.ColCodeItem, Kind: render.KindCode},
			{Key: render.ColName, Kind: render.KindText}, amount, amount, amount,
		},
		HeaderRows: 3,
		Header: []render.HeaderCell{
			{Row: 0, Col: 0, ColSpan: 4, Text: "项目"},
			{Row: 0, Col: 4, ColSpan: 3, Text: "一般公共预算支出"},
			{Row: 1, Col: 0, ColSpan: 3, Text: "功能分类科目编码"},
			{Row: 1, Col: 3, RowSpan: 2, Text: "功能分类科目名称"},
			{Row: 1, Col: 4, RowSpan: 2, Text: "合计"},
			{Row: 1, Col: 5, RowSpan: 2, Text: "基本支出"},
			{Row: 1, Col: 6, RowSpan: 2, Text: "项目支出"},
			{Row: 2, Col: 0, Text: "类"}, {Row: 2, Col: 1, Text: "款"}, {Row: 2, Col: 2, Text: "项"},
		},
		Presentation: render.Presentation{SheetName: "5"},
	}
	code := func(c, s, i string) []render.Cell {
		return []render.Cell{render.CodeCell(c), render.CodeCell(s), render.CodeCell(i)}
	}
	total := decimal.Zero
	for c := 0; c < classes; c++ {
		class := fmt.Sprintf("%d", 201+c)
		sum := decimal.NewFromInt(int64(items) * 1234567).Add(decimal.RequireFromString("0.456"))
		total = total.Add(sum)
		tb.Rows = append(tb.Rows,
			render.Row{Kind: render.RowSubtotal, Level: 1, Cells: append(code(class, "", ""), render.Str(fmt.Sprintf("第%d类支出", c+1)), render.Money(sum), render.Money(sum), yuan("0"))},
			render.Row{Kind: render.RowSubtotal, Level: 2, Cells: append(code(class, "05", ""), render.Str("行政事业单位养老支出"), render.Money(sum), render.Money(sum), yuan("0"))})
		for i := 0; i < items; i++ {
			a := "1234567"
			if i == 0 {
				a = "1234567.456"
			}
			tb.Rows = append(tb.Rows, render.Row{Kind: render.RowItem, Level: 3,
				Cells: append(code(class, "05", fmt.Sprintf("%02d", i+1)), render.Str("机关事业单位基本养老保险缴费支出"), yuan(a), yuan(a), yuan("0"))})
		}
	}
	tb.Rows = append(tb.Rows, render.Row{Kind: render.RowTotal, Cells: append(code("", "", ""), render.Str("合计"), render.Money(total), render.Money(total), yuan("0"))})
	return tb
}

// tableTexts lays out tb alone on a portrait page and returns what is
// placed as text, page by page.
func tableTexts(t *testing.T, tb *render.Table) (*flow, []placedText) {
	t.Helper()
	f := testFlow(t)
	f.table(tb)
	return f, placedTexts(f)
}

// textAt is the first placed text equal to s, and whether there is one.
func textAt(ts []placedText, s string) (placedText, bool) {
	for _, pt := range ts {
		if pt.it.text == s {
			return pt, true
		}
	}
	return placedText{}, false
}

// TestTableLabel: a table with a label prints it in the label style above
// its title; a table without one (its profile's LabelFormat is "") prints
// nothing there and its title moves up by the label's line; the 目录 and
// the bookmarks name the table by its section's entry either way.
func TestTableLabel(t *testing.T) {
	tests := []struct {
		label   string
		titleAt float64 // top of the title's first line
	}{
		{"预算公开表5", marginTop + lineHeight(stLabel)},
		{"", marginTop},
	}
	for _, tc := range tests {
		t.Run("label="+tc.label, func(t *testing.T) {
			tb := codesTable(1, 2)
			tb.Label = tc.label
			_, ts := tableTexts(t, tb)
			title, ok := textAt(ts, tb.Title)
			if !ok {
				t.Fatalf("no title %q", tb.Title)
			}
			if d := title.y0 - tc.titleAt; d < -0.01 || d > 0.01 {
				t.Errorf("title's top at %.2f, want %.2f", title.y0, tc.titleAt)
			}
			var above []string
			for _, pt := range ts {
				if pt.page == title.page && pt.y0 < title.y0 {
					above = append(above, pt.it.text)
				}
			}
			want := []string{}
			if tc.label != "" {
				want = append(want, tc.label)
			}
			if fmt.Sprint(above) != fmt.Sprint(want) {
				t.Errorf("above the title: %q, want %q", above, want)
			}

			pub := &render.Publication{Year: 2025, Department: tb.Department, Title: "2025年区级部门预算",
				Parts: []*render.Part{{Title: "五、部门预算表", Sections: []*render.Section{
					{ID: "T5", TOC: "5．2025年部门一般公共预算支出功能分类预算表", Table: tb},
				}}}}
			doc, err := layout(pub, testMetrics(t))
			if err != nil {
				t.Fatal(err)
			}
			var marks []string
			for _, mk := range doc.marks {
				marks = append(marks, mk.title)
			}
			if want := fmt.Sprint([]string{"五、部门预算表", "5．2025年部门一般公共预算支出功能分类预算表"}); fmt.Sprint(marks) != want {
				t.Errorf("bookmarks %v, want %s", marks, want)
			}
		})
	}
}

// TestDeptAndUnitLine: the line under the title prints the profile's
// DeptLabel before the department (部门名称： when it declares none) at the
// left margin and the table's UnitLabel before its unit (单位：) ending at
// the right margin, both on one line above the grid.
func TestDeptAndUnitLine(t *testing.T) {
	tests := []struct {
		name                 string
		deptLabel, unitLabel string
		unit                 string
		left, right          string
	}{
		{"default", "", "", "万元", "部门名称：上海市某某区某某局", "单位：万元"},
		{"shanghai", "编制部门：", "", "元", "编制部门：上海市某某区某某局", "单位：元"},
		{"shanghai table 9", "编制部门：", "单位:", "万元", "编制部门：上海市某某区某某局", "单位:万元"},
		{"单位预算", "编制单位：", "", "元", "编制单位：上海市某某区某某局", "单位：元"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tb := codesTable(1, 2)
			tb.DeptLabel, tb.UnitLabel, tb.Unit = tc.deptLabel, tc.unitLabel, tc.unit
			f, ts := tableTexts(t, tb)
			left, ok := textAt(ts, tc.left)
			if !ok {
				t.Fatalf("no %q on the page", tc.left)
			}
			right, ok := textAt(ts, tc.right)
			if !ok {
				t.Fatalf("no %q on the page", tc.right)
			}
			if d := left.x0 - f.left(); d < -0.01 || d > 0.01 {
				t.Errorf("%q starts at %.2f, want the left margin %.2f", tc.left, left.x0, f.left())
			}
			if d := right.x1 - f.right(); d < -0.01 || d > 0.01 {
				t.Errorf("%q ends at %.2f, want the right margin %.2f", tc.right, right.x1, f.right())
			}
			if left.y0 != right.y0 {
				t.Errorf("%q at y %.2f and %q at %.2f: not one line", tc.left, left.y0, tc.right, right.y0)
			}
			head, _ := textAt(ts, "项目")
			if left.y1 > head.y0 {
				t.Errorf("the line under the title (bottom %.2f) is not above the header (%.2f)", left.y1, head.y0)
			}
		})
	}
}

// TestNumberFormats: the amounts print as their table's format says — the
// default two decimals with no separators, zero blank; whole 元 with
// separators; two decimals with separators; zero printed 0 — each figure
// rounded once from its exact amount, right-aligned in its column, which
// is wide enough for it on one line.
func TestNumberFormats(t *testing.T) {
	tests := []struct {
		name  string
		f     *render.NumberFormat
		total string   // the 合计 row's 合计
		item  []string // the first 项 row's 合计 and 项目支出
	}{
		{"default", nil, "2469134.46", []string{"1234567.46", ""}},
		{"whole yuan", &render.NumberFormat{Separators: true}, "2,469,134", []string{"1,234,567", ""}},
		{"cents", &render.NumberFormat{Decimals: 2, Separators: true}, "2,469,134.46", []string{"1,234,567.46", ""}},
		{"whole yuan, zero 0", &render.NumberFormat{Separators: true, Zero: "0"}, "2,469,134", []string{"1,234,567", "0"}},
		{"shortest", &render.NumberFormat{Decimals: 2, Shortest: true}, "2469134.46", []string{"1234567.46", ""}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tb := codesTable(1, 2)
			tb.NumberFormat = tc.f
			tb.FormatAmounts()
			item, total := tb.Rows[2], tb.Rows[len(tb.Rows)-1]
			if got := []string{total.Cells[4].Printed(), item.Cells[4].Printed(), item.Cells[6].Printed()}; fmt.Sprint(got) != fmt.Sprint(append([]string{tc.total}, tc.item...)) {
				t.Errorf("printed %q, want %q and %q", got, tc.total, tc.item)
			}
			f, ts := tableTexts(t, tb)
			g := f.m.layoutGrid(tb, f.textWidth())
			for _, want := range append([]string{tc.total}, tc.item...) {
				if want == "" {
					continue
				}
				pt, ok := textAt(ts, want)
				if !ok {
					t.Errorf("%q is not printed", want)
					continue
				}
				col := -1
				for c := range tb.Columns {
					if pt.x0 >= f.colX(g, c) && pt.x1 <= f.colX(g, c+1) {
						col = c
					}
				}
				if col < 4 {
					t.Errorf("%q at x %.1f–%.1f is in no amount column", want, pt.x0, pt.x1)
					continue
				}
				if d := f.colX(g, col+1) - padX - pt.x1; d < -0.01 || d > 0.01 {
					t.Errorf("%q ends %.2f before its column's right edge, want padX", want, d+padX)
				}
			}
		})
	}
}

// bodyRules are the y of the rules drawn across the whole table on each
// page (rowBoxes draws a body row's top and bottom from its left to its
// right edge), sorted, without repeats.
func bodyRules(f *flow, g *grid) map[int][]float64 {
	out := map[int][]float64{}
	left, right := f.left(), f.colX(g, len(g.widths))
	for pi, p := range f.pages {
		seen := map[float64]bool{}
		for _, it := range p.items {
			if l, ok := it.(lineItem); ok && l.y1 == l.y2 && l.x1 == left && math.Abs(l.x2-right) < 1e-9 && !seen[l.y1] {
				seen[l.y1] = true
				out[pi] = append(out[pi], l.y1)
			}
		}
		sort.Float64s(out[pi])
	}
	return out
}

// TestFillerRows: a table padded to its block (render.Table.PadTo) draws
// each filler row as an empty bordered row one line high — its rules
// across the table and at every column edge — with no text in it, between
// its last row and its 合计; a filler row heads nothing, so a table
// running over a page breaks where the page is full, whether at a filler
// row or not.
func TestFillerRows(t *testing.T) {
	tests := []struct {
		name           string
		classes, items int
		bands          int
		pages          int
	}{
		{"Shanghai's block of 16", 1, 2, 16, 1},
		{"an empty table: 12 empty rows and 合计", 0, 0, 3 + 12 + 1, 1},
		{"over two pages", 1, 2, 70, 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tb := codesTable(tc.classes, tc.items)
			tb.Label = ""
			tb.PadTo(tc.bands)
			if got := tb.HeaderRows + len(tb.Rows); got != tc.bands {
				t.Fatalf("%d bands, want %d", got, tc.bands)
			}
			f, ts := tableTexts(t, tb)
			if len(f.pages) != tc.pages {
				t.Fatalf("%d pages, want %d", len(f.pages), tc.pages)
			}
			g := f.m.layoutGrid(tb, f.textWidth())
			one := g.lineH() + 2*padY
			rules := bodyRules(f, g)
			var rows []float64 // the tops of the body rows, page by page
			for pi := range f.pages {
				ys := rules[pi]
				rows = append(rows, ys[:len(ys)-1]...)
				if pi > 0 && math.Abs(ys[0]-(marginTop+g.headerHeight())) > 1e-6 {
					t.Errorf("page %d: the rows continue at %.1f, want under the header repeated (%.1f)", pi+1, ys[0], marginTop+g.headerHeight())
				}
				if pi+1 < len(f.pages) && f.bottom()-ys[len(ys)-1] >= one {
					t.Errorf("page %d ends at %.1f with room for a row more (bottom %.1f)", pi+1, ys[len(ys)-1], f.bottom())
				}
			}
			if len(rows) != len(tb.Rows) {
				t.Fatalf("%d rows ruled, want %d", len(rows), len(tb.Rows))
			}
			fillers := 0
			for i, r := range tb.Rows {
				if r.Kind != render.RowFiller {
					continue
				}
				fillers++
				page := 0
				for pi := range f.pages {
					for _, y := range rules[pi] {
						if y == rows[i] {
							page = pi
						}
					}
				}
				// Its height is one line: its bottom rule is one row on.
				bottom := rows[i] + one
				found := false
				for _, y := range rules[page] {
					found = found || math.Abs(y-bottom) < 1e-6
				}
				if !found {
					t.Errorf("filler row %d at %.1f on page %d: no rule %.1f below it", i, rows[i], page+1, bottom)
				}
				verticals := 0
				for _, it := range f.pages[page].items {
					if l, ok := it.(lineItem); ok && l.x1 == l.x2 && l.y1 == rows[i] && math.Abs(l.y2-bottom) < 1e-6 {
						verticals++
					}
				}
				if verticals != len(tb.Columns)+1 {
					t.Errorf("filler row %d: %d column rules, want %d", i, verticals, len(tb.Columns)+1)
				}
				for _, pt := range ts {
					if pt.page == page && pt.y0 >= rows[i] && pt.y1 <= bottom {
						t.Errorf("filler row %d holds the text %q", i, pt.it.text)
					}
				}
			}
			if fillers == 0 || tb.Rows[len(tb.Rows)-1].Kind != render.RowTotal {
				t.Errorf("%d filler rows; last row %+v, want the 合计", fillers, tb.Rows[len(tb.Rows)-1].Kind)
			}
		})
	}
}

// TestHeaderOnce: a table running over pages repeats its header grid on
// every page by default; one that declares HeaderOnce (Shanghai's tables
// 2, 3 and 8) prints it on its first page only and continues its rows at
// the top of the next; either way no row heading others ends a page.
func TestHeaderOnce(t *testing.T) {
	for _, once := range []bool{false, true} {
		t.Run(fmt.Sprintf("HeaderOnce=%v", once), func(t *testing.T) {
			tb := codesTable(8, 11)
			tb.Label, tb.HeaderOnce = "", once
			f, ts := tableTexts(t, tb)
			if len(f.pages) < 3 {
				t.Fatalf("%d pages: the case does not run over pages", len(f.pages))
			}
			g := f.m.layoutGrid(tb, f.textWidth())
			rules := bodyRules(f, g)
			for pi := range f.pages {
				heads := 0
				for _, pt := range ts {
					if pt.page == pi && pt.it.text == "基本支出" {
						heads++
					}
				}
				want, top := 1, marginTop+g.headerHeight()
				if pi > 0 && once {
					want, top = 0, marginTop
				}
				if heads != want {
					t.Errorf("page %d prints the header %d times, want %d", pi+1, heads, want)
				}
				if pi > 0 && math.Abs(rules[pi][0]-top) > 1e-6 {
					t.Errorf("page %d: the rows start at %.1f, want %.1f", pi+1, rules[pi][0], top)
				}
			}
			doc, err := layout(&render.Publication{Parts: []*render.Part{{Title: "五、部门预算表", Sections: []*render.Section{{Table: tb}}}}}, f.m)
			if err != nil {
				t.Fatal(err)
			}
			for i := 0; i+1 < len(doc.rows); i++ {
				if r := doc.rows[i]; tb.Heads(r.row) && doc.rows[i+1].page != r.page {
					t.Errorf("row %d (%s) ends page %d without its first child", r.row, tb.Rows[r.row].Cells[3].Text, r.page+1)
				}
			}
		})
	}
}

// TestNotesVerbatim: a table's notes print as given — Shanghai's
// 注:本部门…故本表为空表。 with its ASCII colon, Shanxi's 注：本表无数据 —
// nothing added before them, each from the left margin just under the
// table; an empty table of 12 filler rows and 合计 and its note fit on
// its page.
func TestNotesVerbatim(t *testing.T) {
	empty := "注:本部门2025年无政府性基金预算财政拨款安排的预算，故本表为空表。"
	tests := []struct {
		name  string
		rows  int // classes of the table; 0: an empty table
		bands int
		notes []string
	}{
		{"Shanghai's empty table 6", 0, 3 + 12 + 1, []string{empty}},
		{"Shanghai's empty table 7, 8 empty rows", 0, 3 + 8 + 1, []string{"注:本部门2025年无国有资本经营预算财政拨款安排的预算，故本表为空表。"}},
		{"two notes", 1, 0, []string{render.NoteEmpty, render.NoteRounding}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tb := codesTable(tc.rows, 2)
			tb.Title, tb.Label = "2025年部门政府性基金预算支出功能分类预算表", ""
			tb.PadTo(tc.bands)
			tb.Notes = tc.notes
			f, ts := tableTexts(t, tb)
			if len(f.pages) != 1 {
				t.Fatalf("%d pages, want 1", len(f.pages))
			}
			g := f.m.layoutGrid(tb, f.textWidth())
			rules := bodyRules(f, g)[0]
			under := rules[len(rules)-1]
			for i, note := range tc.notes {
				pt, ok := textAt(ts, note)
				if !ok {
					var got []string
					for _, pt := range ts {
						if pt.y0 > under {
							got = append(got, pt.it.text)
						}
					}
					t.Errorf("the note %q is not printed as one line; under the table: %q", note, got)
					continue
				}
				if math.Abs(pt.x0-f.left()) > 1e-6 {
					t.Errorf("%q starts at %.1f, want the left margin %.1f", note, pt.x0, f.left())
				}
				if want := under + 4 + float64(i)*lineHeight(stNote); math.Abs(pt.y0-want) > 0.01 {
					t.Errorf("%q at %.1f, want just under the table (%.1f)", note, pt.y0, want)
				}
				if pt.y1 > f.bottom() {
					t.Errorf("%q runs below the page's bottom margin", note)
				}
			}
		})
	}
}

// TestNoCodeSpansInTheDefaultLayout: the widening of code columns under a
// header cell spanning them (columnWidths, overCodes) never applies to the
// default layout's tables, whose PDF stays as it was: none of their header
// cells spans code columns only (each has one code column).
func TestNoCodeSpansInTheDefaultLayout(t *testing.T) {
	spans := 0
	for _, tb := range samplePublication(t).Tables {
		for _, h := range tb.Header {
			if h.ColSpan > 1 {
				spans++
			}
			if overCodes(tb, h) {
				t.Errorf("表%d: %q spans code columns only", tb.Number, h.Text)
			}
		}
	}
	if spans == 0 {
		t.Fatal("no spanning header cell: the case does not test overCodes")
	}
	if tb := codesTable(1, 1); !overCodes(tb, tb.Header[2]) || overCodes(tb, tb.Header[0]) {
		t.Errorf("overCodes: 功能分类科目编码 %v, 项目 %v; want true, false", overCodes(tb, tb.Header[2]), overCodes(tb, tb.Header[0]))
	}
}

// incomeTable is codesTable shaped like Shanghai's table 2: two more
// amount columns with long headings, and long names, so that its natural
// widths exceed a portrait page and its text columns give way.
func incomeTable() *render.Table {
	tb := codesTable(2, 3)
	tb.Header[1].ColSpan, tb.Header[1].Text = 5, "收入预算"
	for i, h := range []string{"事业单位经营收入", "其他收入"} {
		tb.Columns = append(tb.Columns, render.Column{Kind: render.KindAmount})
		tb.Header = append(tb.Header, render.HeaderCell{Row: 1, Col: 7 + i, RowSpan: 2, Text: h})
	}
	for i := range tb.Rows {
		r := &tb.Rows[i]
		if r.Level == 3 {
			r.Cells[3] = render.Str("其他社会保障和就业支出（机关事业单位职业年金缴费支出）")
		}
		r.Cells = append(r.Cells, r.Cells[4], r.Cells[6])
	}
	return tb
}

// TestCodeColumns: the functional code in three columns 类 | 款 | 项
// (render.ColCodeClass, ColCodeSection, ColCodeItem): each is narrow, its
// codes on one line, left-aligned as a code column is; 类, 款 and 项
// centred in the header; 功能分类科目编码 over the three on one line (the
// columns under it widened for it, even when the table's text columns
// must give way); a 类 row fills 类 only, a 款 row 类 and 款.
func TestCodeColumns(t *testing.T) {
	tests := []struct {
		name      string
		tb        *render.Table
		landscape bool
	}{
		{"table 5, portrait", codesTable(2, 3), false},
		{"table 5, landscape", codesTable(2, 3), true},
		{"table 2, portrait", incomeTable(), false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tb := tc.tb
			tb.Label, tb.Landscape = "", tc.landscape
			f := testFlow(t)
			f.newPage(tc.landscape)
			f.pages = f.pages[1:]
			f.table(tb)
			ts := placedTexts(f)
			g := f.m.layoutGrid(tb, f.textWidth())
			natural, _ := f.m.columnWidths(tb, g.size)
			if tc.name == "table 2, portrait" && sum(natural) <= f.textWidth() {
				t.Errorf("the table's natural width %.1f fits the page (%.1f): its columns need not give way", sum(natural), f.textWidth())
			}
			name := g.widths[3]
			for c := 0; c < 3; c++ {
				if w := g.widths[c]; w > name/2 || w > 5*g.size {
					t.Errorf("code column %d is %.1f wide (the name column %.1f): not narrow", c, w, name)
				}
			}
			if _, ok := textAt(ts, "功能分类科目编码"); !ok {
				t.Errorf("功能分类科目编码 is not on one line (the code columns %.1f, %.1f, %.1f wide)", g.widths[0], g.widths[1], g.widths[2])
			}
			for c, h := range []string{"类", "款", "项"} {
				pt, ok := textAt(ts, h)
				if !ok {
					t.Fatalf("no header %q", h)
				}
				mid := f.colX(g, c) + g.widths[c]/2
				if math.Abs((pt.x0+pt.x1)/2-mid) > 0.01 {
					t.Errorf("%q is not centred in its column", h)
				}
			}
			for i, r := range tb.Rows {
				for c := 0; c < 3; c++ {
					code := r.Cells[c].Text
					if code == "" {
						continue
					}
					found := false
					for _, pt := range ts {
						if pt.it.text == code && math.Abs(pt.x0-(f.colX(g, c)+padX)) < 0.01 {
							found = true
						}
					}
					if !found {
						t.Errorf("row %d: code %q is not printed whole, left-aligned in column %d", i, code, c)
					}
				}
			}
		})
	}
}

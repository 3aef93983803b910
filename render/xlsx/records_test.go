package xlsx

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// TestWriteRecords: a review workbook's cells keep their kinds (amounts and
// whole numbers numeric, exactly the decimal's digits), the header is
// frozen and filtered, the sheet prints landscape one page wide with the
// header on every page, and the same records give the same bytes.
func TestWriteRecords(t *testing.T) {
	amounts := []string{"0.01", "1234.5", "999999999.99", "-2065.57", "0"}
	var rows [][]any
	for i, a := range amounts {
		rows = append(rows, []any{"部门" + a, i, decimal.RequireFromString(a), nil})
	}
	sheets := []Records{{Name: "汇总", Columns: []RecordColumn{{Title: "名称"}, {Title: "个数", Kind: RecordInt}, {Title: "金额", Kind: RecordAmount}, {Title: "空", Kind: RecordAmount}}, Rows: rows}}
	var a, b bytes.Buffer
	if err := WriteRecords(&a, BookProps{Title: "测试"}, sheets); err != nil {
		t.Fatal(err)
	}
	if err := WriteRecords(&b, BookProps{Title: "测试"}, sheets); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("the same records give different bytes")
	}
	f, err := excelize.OpenReader(&a)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for i, want := range amounts {
		ref := cell(3, i+2)
		got, _ := f.GetCellValue("汇总", ref, excelize.Options{RawCellValue: true})
		if !decimal.RequireFromString(got).Equal(decimal.RequireFromString(want)) || strings.ContainsAny(got, "eE") {
			t.Errorf("%s = %q, want %s", ref, got, want)
		}
		if ty, _ := f.GetCellType("汇总", ref); ty != excelize.CellTypeUnset && ty != excelize.CellTypeNumber {
			t.Errorf("%s is of type %v, not a number", ref, ty)
		}
		if ty, _ := f.GetCellType("汇总", cell(1, i+2)); ty != excelize.CellTypeInlineString && ty != excelize.CellTypeSharedString {
			t.Errorf("the name cell is of type %v", ty)
		}
	}
	panes, _ := f.GetPanes("汇总")
	if !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("panes %+v", panes)
	}
	// Legible on paper: a review of 25 columns fitted to one page's width
	// printed at 4–5 pt. It prints on A3 landscape at a fixed scale that
	// keeps 11 pt text at least 8 pt, its columns flowing over as many pages
	// as they need, the name columns repeated on each (print titles).
	if props, err := f.GetSheetProps("汇总"); err != nil || props.FitToPage != nil && *props.FitToPage {
		t.Errorf("the sheet is fitted to the page (unreadably small): %+v %v", props, err)
	}
	pl, _ := f.GetPageLayout("汇总")
	if pl.Orientation == nil || *pl.Orientation != "landscape" || pl.Size == nil || *pl.Size != 8 {
		t.Errorf("page layout %+v: want A3 landscape", pl)
	}
	if pl.AdjustTo == nil || *pl.AdjustTo < RecordPrintScale || RecordPrintScale*11/100 < 8 {
		t.Errorf("print scale %v: want %d%%, 11 pt text at least 8 pt", pl.AdjustTo, RecordPrintScale)
	}
	names := f.GetDefinedName()
	var filter, titles bool
	for _, n := range names {
		filter = filter || n.Name == "_xlnm._FilterDatabase"
		titles = titles || n.Name == "_xlnm.Print_Titles" && strings.Contains(n.RefersTo, "$1:$1") && strings.Contains(n.RefersTo, "$A:$B")
	}
	if !filter || !titles {
		t.Errorf("defined names %+v: want the filter and the print titles", names)
	}
	// Row heights fit the wrapped text (LibreOffice overlapped rows left
	// to it): the header's widest title, a row's longest text.
	if h, _ := f.GetRowHeight("汇总", 1); h < 30 {
		t.Errorf("header row height %v", h)
	}
}

// TestExactFloat: every amount a department can hold goes into a cell as
// exactly its digits; one that could not is refused, not rounded.
func TestExactFloat(t *testing.T) {
	for _, s := range []string{"0.01", "0.1", "0.3", "1249.45", "999999999.99", "123456789.12", "-0.07"} {
		d := decimal.RequireFromString(s)
		x, err := exactFloat(d)
		if err != nil || !decimal.NewFromFloat(x).Equal(d) {
			t.Errorf("%s: %v %v", s, x, err)
		}
	}
	if _, err := exactFloat(decimal.RequireFromString("12345678901234567.89")); err == nil {
		t.Error("an amount of 19 significant digits is not refused")
	}
}

// TestRecordRowHeights: a row's height fits its longest wrapped text, so
// that a printed (or LibreOffice's) review never overlaps one row's text
// with the next; a row of short cells keeps the default height.
func TestRecordRowHeights(t *testing.T) {
	long := strings.Repeat("问题说明", 10) // 80 units in a column 20 wide: 5 lines at least
	sheets := []Records{{Name: "汇总", Columns: []RecordColumn{{Title: "名称", Width: 20}, {Title: "金额", Kind: RecordAmount}},
		Rows: [][]any{{"短", decimal.NewFromInt(1)}, {long, nil}}}}
	var b bytes.Buffer
	if err := WriteRecords(&b, BookProps{}, sheets); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if h, _ := f.GetRowHeight("汇总", 2); h > 15 {
		t.Errorf("a short row is %v high", h)
	}
	if h, _ := f.GetRowHeight("汇总", 3); h < 5*14 {
		t.Errorf("a row of 5 wrapped lines is %v high", h)
	}
}

// TestRecordHeading: a sheet's heading is printed at the top of every page
// (an & in it printed as itself), the header row staying row 1 for the
// reader.
func TestRecordHeading(t *testing.T) {
	sheets := []Records{{Name: "汇总", Heading: "2025年部门预算公开 审核汇总 R&D", Columns: []RecordColumn{{Title: "名称"}}, Rows: [][]any{{"甲"}}}}
	var b bytes.Buffer
	if err := WriteRecords(&b, BookProps{}, sheets); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	hf, err := f.GetHeaderFooter("汇总")
	if err != nil || !strings.Contains(hf.OddHeader, "2025年部门预算公开 审核汇总 R&&D") {
		t.Errorf("print header %q %v", hf.OddHeader, err)
	}
	// A code of a font size (&14) right before the title's digits would
	// take them for its own: LibreOffice printed "年部门预算公开".
	if regexp.MustCompile(`&[0-9]+[0-9]*2025`).MatchString(hf.OddHeader) || !strings.Contains(hf.OddHeader, `"2025年`) {
		t.Errorf("print header %q: the year would be read as a font size", hf.OddHeader)
	}
	if v, _ := f.GetCellValue("汇总", "A1"); v != "名称" {
		t.Errorf("A1 = %q, want the header", v)
	}
}

// TestRecordLinks: a sheet's links are relative hyperlinks on their cells
// (the folder can move), the cells' text unchanged.
func TestRecordLinks(t *testing.T) {
	sheets := []Records{{Name: "汇总", Columns: []RecordColumn{{Title: "名称"}, {Title: "文件"}},
		Rows: [][]any{{"甲", "a.xlsx、a.pdf"}, {"乙", nil}}, Links: map[[2]int]string{{0, 1}: "a.pdf"}}}
	var b bytes.Buffer
	if err := WriteRecords(&b, BookProps{}, sheets); err != nil {
		t.Fatal(err)
	}
	data := b.Bytes()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got, err := f.GetCellFormula("汇总", "B2"); err != nil || got != `HYPERLINK("a.pdf","a.xlsx、a.pdf")` {
		t.Errorf("B2's link %q %v", got, err)
	}
	if v, _ := f.GetCellValue("汇总", "B2"); v != "a.xlsx、a.pdf" {
		t.Errorf("B2 = %q", v)
	}
	if got, _ := f.GetCellFormula("汇总", "B3"); got != "" {
		t.Errorf("B3 has a link %q", got)
	}
	back, _, err := ReadRecords(data, []Records{{Name: "汇总", Columns: sheets[0].Columns}})
	if err != nil || back[0].Rows[0][1] != "a.xlsx、a.pdf" {
		t.Errorf("read back: %v %v", back, err)
	}
}

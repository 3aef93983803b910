package xlsxread_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/input/synth"
	"github.com/budgetpub/budgetpub/input/xlsxread"
	x "github.com/budgetpub/budgetpub/input/xlsxread/xlsxtest"
	"github.com/budgetpub/budgetpub/render/publish"
	"github.com/xuri/excelize/v2"
)

// workbook is a department's workbook, as the pipeline writes it.
func workbook(t testing.TB, name string, data []byte) []byte {
	t.Helper()
	res, err := publish.Load(publish.Config{})
	if err != nil {
		t.Fatal(err)
	}
	r := publish.Department(res, name, data, publish.Options{})
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	return r.Workbook
}

// excelizeRows is what excelize's GetRows reads of every sheet, raw.
func excelizeRows(t testing.TB, book []byte) map[string][][]string {
	f, err := excelize.OpenReader(bytes.NewReader(book))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string][][]string{}
	for _, s := range f.GetSheetList() {
		rows, err := f.GetRows(s, excelize.Options{RawCellValue: true})
		if err != nil {
			continue
		}
		out[s] = rows
	}
	return out
}

// ourRows is what Rows reads, as GetRows lays it out: a row at its number.
func ourRows(t testing.TB, book []byte) map[string][][]string {
	b, err := xlsxread.Open(context.Background(), book, xlsxread.Limits{Columns: 1 << 14})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][][]string{}
	for _, s := range b.Sheets() {
		rows, err := b.Rows(s)
		if err != nil {
			t.Fatal(err)
		}
		var grid [][]string
		for rows.Next() {
			if len(rows.Cells()) == 0 {
				continue
			}
			for len(grid) < rows.Row() {
				grid = append(grid, nil)
			}
			grid[rows.Row()-1] = rows.Cells()
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		out[s] = grid
	}
	return out
}

func same(t *testing.T, name string, want, got map[string][][]string) {
	t.Helper()
	if len(want) != len(got) {
		t.Errorf("%s: %d sheets, want %d", name, len(got), len(want))
	}
	for s, w := range want {
		g := got[s]
		if fmt.Sprintf("%q", w) != fmt.Sprintf("%q", g) {
			t.Errorf("%s: sheet %s:\n got %q\nwant %q", name, s, g, w)
		}
	}
}

// TestSameAsExcelize: on workbooks budgetpub writes, and on one excelize
// writes with every kind of cell (shared, inline and rich strings, escapes,
// numbers, booleans, formulas, cells without references), Rows reads what
// excelize's GetRows reads, cell for cell.
func TestSameAsExcelize(t *testing.T) {
	for _, d := range []struct {
		name string
		data []byte
	}{
		{input.SampleName, input.Sample},
		{"rich.yaml", synth.Generate(synth.Options{Seed: 1, AllSources: true})},
	} {
		book := workbook(t, d.name, d.data)
		same(t, d.name, excelizeRows(t, book), ourRows(t, book))
	}
	f := excelize.NewFile()
	_ = f.SetCellStr("Sheet1", "A1", "文字 _x000D_ 与 _x005F_x0041_")
	_ = f.SetCellValue("Sheet1", "C1", 1234.5)
	_ = f.SetCellValue("Sheet1", "D1", true)
	_ = f.SetCellFormula("Sheet1", "E1", "C1*2")
	_ = f.SetCellRichText("Sheet1", "B2", []excelize.RichTextRun{{Text: "粗"}, {Text: "体"}})
	_ = f.SetCellStr("Sheet1", "Z3", "  空格  ")
	_, _ = f.NewSheet("二")
	_ = f.SetCellStr("二", "B5", "<&>")
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	same(t, "excelize", excelizeRows(t, buf.Bytes()), ourRows(t, buf.Bytes()))
}

// TestSameAsExcelizeByHand: sheets written by hand — rows and cells
// without r=, rich and phonetic runs, every cell type, an empty formula,
// a shared string with escapes — read as excelize reads them.
func TestSameAsExcelizeByHand(t *testing.T) {
	rows := `<row><c t="inlineStr"><is><r><t>富</t></r><r><rPr/><t xml:space="preserve"> 文本 </t></r><rPh><t>ふ</t></rPh></is></c><c t="s"><v>1</v></c><c><v>-0</v></c></row>` +
		`<row r="4"><c r="C4" t="str"><f>A1</f><v>公式</v></c><c t="b"><v>1</v></c><c t="e"><v>#N/A</v></c><c><f/></c><c r="H4" t="inlineStr"><is><t>_x000D_行</t></is></c></row>` +
		`<row><c r="B5" t="s"><v>0</v></c></row><row r="7" spans="1:3" ht="20"><c r="A7" s="3"><v>1.5E+3</v></c></row>`
	strings := `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>科目_x005F_x0041_</t></si><si><r><t>甲</t></r><r><t>乙</t></r></si></sst>`
	book := x.Book{
		Sheets:  []x.Sheet{{Name: "一", Write: x.Worksheet(func(w io.Writer) { io.WriteString(w, rows) }, nil)}, {Name: "二", Write: x.Worksheet(nil, nil)}},
		Strings: func(w io.Writer) { io.WriteString(w, strings) },
	}.Bytes()
	same(t, "by hand", excelizeRows(t, book), ourRows(t, book))
}

// TestGridMerged: a merged range's value is in each of its empty cells,
// within the kept rows and columns; a range taller than 200 rows is not
// filled; a cell right of the kept columns is skipped and said by Beyond.
func TestGridMerged(t *testing.T) {
	rows := x.Grid([]string{"表头", "", "", "x"}, []string{"甲", "乙"}, []string{"", "", "丙"})
	merged := func(w io.Writer) {
		io.WriteString(w, `<mergeCell ref="A1:C2"/><mergeCell ref="C3:C400"/><mergeCell ref="B3:BZ3"/>`)
	}
	book := x.Book{Sheets: []x.Sheet{{Name: "s", Write: x.Worksheet(rows, merged)}}}.Bytes()
	b, err := xlsxread.Open(context.Background(), book, xlsxread.Limits{Columns: 3})
	if err != nil {
		t.Fatal(err)
	}
	g, err := b.Grid("s")
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"表头", "表头", "表头"}, {"甲", "乙", "表头"}, {"", "", "丙"}}
	if fmt.Sprintf("%q", g.Cells) != fmt.Sprintf("%q", want) {
		t.Errorf("grid %q, want %q", g.Cells, want)
	}
	r, err := b.Rows("S") // letter case aside
	if err != nil {
		t.Fatal(err)
	}
	r.Next()
	if ref, v := r.Beyond(); ref != "D1" || v != "x" {
		t.Errorf("beyond: %q %q", ref, v)
	}
}

// TestLimitErrors: each limit is a LimitError naming it, the part and,
// within a sheet, the sheet and the cell; said in Chinese.
func TestLimitErrors(t *testing.T) {
	sheet := func(rows string) []x.Sheet {
		return []x.Sheet{{Name: "表", Write: x.Worksheet(func(w io.Writer) { io.WriteString(w, rows) }, x.Merges(3))}}
	}
	sst := func(n int, s string) func(io.Writer) { return x.StringTable(n, s) }
	cases := []struct {
		name    string
		book    x.Book
		lim     xlsxread.Limits
		limit   xlsxread.Limit
		where   string // in the error
		chinese string // in Chinese()
	}{
		{"sheets", x.Book{Sheets: append(sheet(""), sheet("")...)}, xlsxread.Limits{Sheets: 1}, xlsxread.LimitSheets, "xl/workbook.xml", "工作表超过 1 张"},
		{"part", x.Book{Sheets: sheet(strings.Repeat(`<row><c><v>1</v></c></row>`, 100))}, xlsxread.Limits{Part: 1000}, xlsxread.LimitPart, "sheet1.xml (表)", "工作表“表”解压后超过 1000 字节"},
		{"unzipped", x.Book{Sheets: sheet(strings.Repeat(`<row><c><v>1</v></c></row>`, 100))}, xlsxread.Limits{Unzipped: 2000}, xlsxread.LimitUnzipped, "sheet1.xml", "工作簿的表格解压后超过 2000 字节"},
		{"strings", x.Book{Sheets: sheet(`<row><c t="s"><v>0</v></c></row>`), Strings: sst(11, "x")}, xlsxread.Limits{Strings: 10}, xlsxread.LimitStrings, "sharedStrings.xml", "共享字符串表超过 10 项"},
		{"string text", x.Book{Sheets: sheet(`<row><c t="s"><v>0</v></c></row>`), Strings: sst(11, "xx")}, xlsxread.Limits{StringText: 20}, xlsxread.LimitStringText, "sharedStrings.xml", "共享字符串表的文字超过 20 字节"},
		{"cell", x.Book{Sheets: sheet(`<row r="2"><c r="B2" t="inlineStr"><is><t>长长</t></is></c></row>`)}, xlsxread.Limits{CellText: 5}, xlsxread.LimitCellText, "sheet1.xml (表!B2)", "工作表“表”的 B2 的文字超过 5 字节"},
		{"cells", x.Book{Sheets: sheet(`<row><c><v>1</v></c><c><v>1</v></c></row><row><c r="C2"><v>1</v></c></row>`)}, xlsxread.Limits{Cells: 4}, xlsxread.LimitCells, "sheet1.xml (表!A2)", "单元格超过 4 个（读到工作表“表”的 A2时）"},
		{"merged", x.Book{Sheets: sheet(``)}, xlsxread.Limits{Merged: 2}, xlsxread.LimitMerged, "sheet1.xml (表)", "合并单元格超过 2 处"},
		{"token", x.Book{Sheets: sheet(`<row><c t="inlineStr"><is><t>` + strings.Repeat("长", 20_000) + `</t></is></c></row>`)}, xlsxread.Limits{Token: 1000}, xlsxread.LimitToken, "sheet1.xml (表!A1)", "工作表“表”的 A1中有一段超过 1000 字节的内容"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b, err := xlsxread.Open(context.Background(), c.book.Bytes(), c.lim)
			if err == nil {
				_, err = b.Grid("表")
			}
			var le *xlsxread.LimitError
			if !errors.As(err, &le) {
				t.Fatalf("%v, want a LimitError", err)
			}
			if le.Limit != c.limit || !strings.Contains(le.Error(), c.where) || !strings.Contains(le.Chinese(), c.chinese) {
				t.Errorf("%d %q %q, want %d at %q saying %q", le.Limit, le.Error(), le.Chinese(), c.limit, c.where, c.chinese)
			}
		})
	}
	// Entries are counted before the zip is read.
	_, err := xlsxread.Open(context.Background(), x.Book{Sheets: sheet("")}.Bytes(), xlsxread.Limits{Entries: 3})
	var le *xlsxread.LimitError
	if !errors.As(err, &le) || le.Limit != xlsxread.LimitEntries {
		t.Errorf("entries: %v", err)
	}
	// Not a workbook: a FormatError.
	var fe *xlsxread.FormatError
	if _, err := xlsxread.Open(context.Background(), []byte("PK\x03\x04 not a zip"), xlsxread.Limits{}); !errors.As(err, &fe) {
		t.Errorf("not a zip: %v", err)
	}
}

// TestCancelled: a done context ends a read.
func TestCancelled(t *testing.T) {
	book := x.Book{Sheets: []x.Sheet{{Name: "s", Write: x.Worksheet(x.Repeat(1, 20_000, x.Unnumbered), nil)}}, Strings: x.StringTable(1, "x")}.Bytes()
	ctx, cancel := context.WithCancel(context.Background())
	b, err := xlsxread.Open(ctx, book, xlsxread.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	cancel()
	if _, err := b.Grid("s"); !errors.Is(err, context.Canceled) {
		t.Errorf("%v, want context.Canceled", err)
	}
}

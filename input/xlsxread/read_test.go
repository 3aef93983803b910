package xlsxread_test

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/input/synth"
	"github.com/budgetpub/budgetpub/input/xlsxread"
	"github.com/budgetpub/budgetpub/render"
	"github.com/budgetpub/budgetpub/render/xlsx"
	"github.com/xuri/excelize/v2"
)

// workbook is a department's rendered workbook.
func workbook(t testing.TB, name string, data []byte) []byte {
	t.Helper()
	doc, err := input.Decode(name, data, nil)
	if err != nil {
		t.Fatal(err)
	}
	pub, err := render.Build(doc)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := xlsx.Write(&b, pub); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
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

// A hostile shape, by name.
var _ = strings.Repeat

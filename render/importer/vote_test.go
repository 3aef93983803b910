package importer

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/layouts/shanxi13"
	"github.com/budgetpub/budgetpub/render"
	"github.com/shopspring/decimal"
)

// amountCell is an amount cell of a located table: its sheet (index into
// the grids), row and column, and its reference.
type amountCell struct {
	sheet, row, col int
	ref             string
	table           render.TableID
}

// amountCells are the amount cells of the 13 tables of a workbook, in
// print order.
func amountCells(t testing.TB, grids []*grid) []amountCell {
	t.Helper()
	found, missing, errs := locate(grids, shanxi13.Profile)
	if len(missing) > 0 || len(errs) > 0 {
		t.Fatalf("missing %v, %v", missing, errs)
	}
	index := map[*grid]int{}
	for i, g := range grids {
		index[g] = i
	}
	var out []amountCell
	for _, d := range shanxi13.Profile.Tables {
		l := found[d.ID]
		for _, r := range bodyRows(l) {
			for k, c := range d.Columns {
				if c.Kind != render.KindAmount || l.cols[k] < 0 || strings.TrimSpace(l.g.at(r, l.cols[k])) == "" {
					continue
				}
				out = append(out, amountCell{index[l.g], r, l.cols[k], l.g.ref(r, l.cols[k]), d.ID})
			}
		}
	}
	return out
}

// withCell is grids with one cell's text replaced (the grids are shared
// but for that row).
func withCell(grids []*grid, sheet, row, col int, text string) []*grid {
	out := append([]*grid(nil), grids...)
	g := *grids[sheet]
	g.cells = append([][]string(nil), g.cells...)
	g.cells[row] = append([]string(nil), g.cells[row]...)
	g.cells[row][col] = text
	out[sheet] = &g
	return out
}

// inYuan is a workbook in 元: every amount times 10 000, its 单位 lines 元.
func inYuan(t testing.TB, grids []*grid) []*grid {
	out := grids
	for _, c := range amountCells(t, grids) {
		d, err := decimal.NewFromString(strings.TrimSpace(grids[c.sheet].cells[c.row][c.col]))
		if err != nil {
			t.Fatalf("%s: %v", c.ref, err)
		}
		out = withCell(out, c.sheet, c.row, c.col, d.Shift(4).String())
	}
	for s, g := range out {
		for r, row := range g.cells {
			for c, v := range row {
				if v == "单位：万元" {
					out = withCell(out, s, r, c, "单位：元")
				}
			}
		}
	}
	return out
}

// One changed cell of any table, in a workbook in 万元 or in 元, is named
// first — the cell, as the error — with the figures as its sheet prints
// them (元 in a sheet in 元), and the figure the other tables agree on;
// the tables that only follow from it are not blamed. (A total in 万元
// off its parts by 0.01 may be rounding: a warning at that cell.) The amount cells
// of the sample's workbook are changed in turn: every third of each
// variant, the variants starting at different cells, so that together
// they change every cell (with -short, a few: every 211th).
func TestOneChangedCellIsNamed(t *testing.T) {
	grids, err := readBook(context.Background(), sample(t).book)
	if err != nil {
		t.Fatal(err)
	}
	for variant, v := range []struct {
		name  string
		grids []*grid
		delta string
		unit  string
	}{
		{"万元, +0.01", grids, "0.01", " 万元"},
		{"万元, +25.5", grids, "25.5", " 万元"},
		{"元, +100", inYuan(t, grids), "100", " 元"},
		{"元, +1", inYuan(t, grids), "1", " 元"},
	} {
		t.Run(v.name, func(t *testing.T) {
			delta := decimal.RequireFromString(v.delta)
			cells := amountCells(t, v.grids)
			named, tried := 0, 0
			for i, c := range cells {
				if (i+variant)%stride() != 0 {
					continue
				}
				tried++
				old := decimal.RequireFromString(strings.TrimSpace(v.grids[c.sheet].cells[c.row][c.col]))
				changed := old.Add(delta)
				r, err := importGrids("book.xlsx", withCell(v.grids, c.sheet, c.row, c.col, changed.String()), Options{})
				var es input.Errors
				if err == nil && v.unit == " 万元" && delta.Equal(decimal.New(1, -2)) {
					// In 万元 a total off its parts by a cent may be rounding:
					// a warning at the cell, as rounding is.
					if w := strings.Join(r.Warnings, "\n"); !strings.Contains(w, "book.xlsx:"+c.ref+": 警告") || !strings.Contains(w, "尾差") {
						t.Errorf("%s %s → %s: imported without a warning at the cell:\n%s", c.ref, old, changed, w)
					}
					named++
					continue
				}
				if !errors.As(err, &es) || len(es) == 0 {
					t.Errorf("%s %s → %s: imported (%v)", c.ref, old, changed, err)
					continue
				}
				first := es[0].Error()
				if !strings.HasPrefix(first, "book.xlsx:"+c.ref+": ") {
					t.Errorf("%s %s → %s: the first error is\n\t%s\n(%d in all)", c.ref, old, changed, first, len(es))
					continue
				}
				for _, want := range []string{fmt.Sprintf("为 %s%s", changed.StringFixed(2), v.unit), fmt.Sprintf("应为 %s%s", old.StringFixed(2), v.unit)} {
					if !strings.Contains(first, want) && !strings.Contains(first, "却没有项目名称") {
						t.Errorf("%s: %q lacks %q", c.ref, first, want)
					}
				}
				if len(es) > 1 {
					t.Errorf("%s: %d errors, the one cell's consequences said again:\n%v", c.ref, len(es), es)
				}
				named++
			}
			t.Logf("%d of %d changed cells named first", named, tried)
		})
	}
}

// stride is every how many cells a test changes.
func stride() int {
	if testing.Short() {
		return 211
	}
	return 3
}

// rounded is the sample with its basic expenditure in 元 to the 分 (odd
// amounts), so that its workbook in 万元 is rounded: totals differ from
// the sums of their printed parts by a cent here and there.
func rounded(t testing.TB) rendered {
	doc, err := input.Decode(input.SampleName, input.Sample, nil)
	if err != nil {
		t.Fatal(err)
	}
	doc.AmountUnit = "元"
	for i := range doc.Expenditures {
		e := &doc.Expenditures[i]
		if e.Basic.Set {
			e.Basic.Value = e.Basic.Value.Add(decimal.New(int64(1237+i*3311%9973), -6))
		}
	}
	return render1(t, "rounded.yaml", input.Format(doc, input.FormatOptions{}))
}

// A workbook rounded to 万元 is imported as before (its differences of a
// cent are rounding, said as warnings): no cell is outvoted by rounding;
// a cell off by more than rounding is still named first.
func TestRoundedBookIsNotOutvoted(t *testing.T) {
	d := rounded(t)
	r, err := Import("rounded.xlsx", d.book, Options{})
	if err != nil {
		t.Fatalf("a rounded workbook refused: %v", err)
	}
	if !strings.Contains(strings.Join(r.Warnings, "\n"), "尾差") {
		t.Error("the workbook is not rounded: no rounding warning")
	}
	grids, err := readBook(context.Background(), d.book)
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range amountCells(t, grids) {
		if i%stride() != 0 {
			continue
		}
		old := decimal.RequireFromString(strings.TrimSpace(grids[c.sheet].cells[c.row][c.col]))
		_, err := importGrids("book.xlsx", withCell(grids, c.sheet, c.row, c.col, old.Add(decimal.NewFromInt(25)).String()), Options{})
		var es input.Errors
		if !errors.As(err, &es) || !strings.HasPrefix(es[0].Error(), "book.xlsx:"+c.ref+": ") {
			t.Errorf("%s +25: %v", c.ref, err)
		}
	}
}

package importer

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/layouts/shanxi13"
	"github.com/budgetpub/budgetpub/render"
	"github.com/shopspring/decimal"
)

// toleranceDoc prints three codes in 表3 (its leaves), so a total of 表3
// may be off the sum of its parts by 3 × 0.01 万元 (3 分 in a sheet in 元)
// of rounding, and so may one of 表1, whose figures total 表3's codes.
const toleranceDoc = `schema: 1
year: 2024
department: {name: 尾差部门}
units:
  - {name: 机关, kind: administrative}
expenditures:
  - {code: "2010301", basic: 100.00}
  - {code: "2010350", basic: 20.00, project: 10.00}
  - {code: "2010399", basic: 5.00}
projects:
  - {unit: 机关, name: 甲, amounts: 10.00}
`

// printedAt is where a table of a workbook prints a row's amount: the
// sheet (an index into grids), row and column, and the cell's reference.
func printedAt(t *testing.T, grids []*grid, id render.TableID, key render.RowKey, col render.ColKey) (sheet, row, column int, ref string) {
	t.Helper()
	found, _, _ := locate(grids, shanxi13.Profile)
	l := found[id]
	if l == nil {
		t.Fatalf("表%s not found", id)
	}
	rd := &reader{cat: input.DefaultCatalog(), sheets: map[string]int{}}
	for _, e := range rd.read(map[render.TableID]*located{id: l})[id].Main {
		if e.Key != key {
			continue
		}
		for i, g := range grids {
			if g == l.g {
				return i, e.Row, l.cols[colIndex(l.decl, col)], e.Refs[col]
			}
		}
	}
	t.Fatalf("表%s prints no row %+v", id, key)
	return
}

// A total read from the workbook may be off the figure its parts give by
// the rounding of those parts — 0.01 万元 (or 1 分 in a sheet in 元) for
// each leaf its table prints — and no more: right at that tolerance the
// import goes on with a warning at the cell (尾差), one cent beyond it
// stops with an error at the cell, off either way. A tolerance loosened or
// tightened by a cent fails one of these cases.
func TestRoundingTolerance(t *testing.T) {
	d := render1(t, "tol.yaml", []byte(toleranceDoc))
	wan, err := readBook(context.Background(), d.book)
	if err != nil {
		t.Fatal(err)
	}
	books := map[string][]*grid{"万元": wan, "元": inYuan(t, wan)}
	for _, c := range []struct {
		name  string
		unit  string // the workbook's: 万元, or 元
		table render.TableID
		row   render.RowKey
		col   render.ColKey
		delta string // in the sheet's unit
		warn  bool   // a warning, else an error
	}{
		// 表3 prints 3 leaves: 0.03 万元.
		{"表3 合计 +0.03 万元", "万元", shanxi13.T3, render.TotalRow, render.ColTotal, "0.03", true},
		{"表3 合计 -0.03 万元", "万元", shanxi13.T3, render.TotalRow, render.ColTotal, "-0.03", true},
		{"表3 合计 +0.04 万元", "万元", shanxi13.T3, render.TotalRow, render.ColTotal, "0.04", false},
		{"表3 合计 -0.04 万元", "万元", shanxi13.T3, render.TotalRow, render.ColTotal, "-0.04", false},
		{"表3 类201 基本支出 +0.03 万元", "万元", shanxi13.T3, render.CodeRow("201"), render.ColBasic, "0.03", true},
		{"表3 类201 基本支出 -0.04 万元", "万元", shanxi13.T3, render.CodeRow("201"), render.ColBasic, "-0.04", false},
		// 表1 prints no leaf of its own: its figures total 表3's 3 codes.
		{"表1 类201 +0.03 万元", "万元", shanxi13.T1, render.CodeRow("201"), render.ColTotal, "0.03", true},
		{"表1 类201 -0.03 万元", "万元", shanxi13.T1, render.CodeRow("201"), render.ColTotal, "-0.03", true},
		{"表1 类201 +0.04 万元", "万元", shanxi13.T1, render.CodeRow("201"), render.ColTotal, "0.04", false},
		{"表1 类201 -0.04 万元", "万元", shanxi13.T1, render.CodeRow("201"), render.ColTotal, "-0.04", false},
		// In 元 the unit is the 分: 3 分.
		{"表3 合计 +0.03 元", "元", shanxi13.T3, render.TotalRow, render.ColTotal, "0.03", true},
		{"表3 合计 -0.03 元", "元", shanxi13.T3, render.TotalRow, render.ColTotal, "-0.03", true},
		{"表3 合计 +0.04 元", "元", shanxi13.T3, render.TotalRow, render.ColTotal, "0.04", false},
		{"表3 合计 -0.04 元", "元", shanxi13.T3, render.TotalRow, render.ColTotal, "-0.04", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			grids := books[c.unit]
			s, r, col, ref := printedAt(t, grids, c.table, c.row, c.col)
			old := decimal.RequireFromString(strings.TrimSpace(grids[s].cells[r][col]))
			changed := old.Add(decimal.RequireFromString(c.delta))
			res, err := importGrids("tol.xlsx", withCell(grids, s, r, col, changed.String()), Options{})
			at := "tol.xlsx:" + ref + ": "
			if c.warn {
				if err != nil {
					t.Fatalf("%s %s → %s (rounding) refused: %v", ref, old, changed, err)
				}
				var said []string
				for _, w := range res.Warnings {
					if strings.HasPrefix(w, at+"警告") && strings.Contains(w, "尾差") {
						said = append(said, w)
					}
				}
				if len(said) != 1 {
					t.Errorf("%s %s → %s: %d rounding warnings at the cell, want 1:\n%s", ref, old, changed, len(said), strings.Join(res.Warnings, "\n"))
				}
				return
			}
			var es input.Errors
			if !errors.As(err, &es) || len(es) == 0 {
				t.Fatalf("%s %s → %s (beyond rounding) imported: %v", ref, old, changed, err)
			}
			if got := es[0].Error(); !strings.HasPrefix(got, at) || strings.Contains(got, "尾差") {
				t.Errorf("%s %s → %s: the first error is not at the cell: %v", ref, old, changed, es)
			}
		})
	}
}

package importer

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/budgetpub/budgetpub/render"
	"github.com/shopspring/decimal"
)

// isLeaf tells the rows the input lines are taken from, in a table read as
// its declaration says (TableImport.Rows); every other row is a total,
// checked against them.
func isLeaf(d *render.TableDecl, k render.RowKey) bool {
	switch k.Role {
	case render.RoleCode:
		return d.Import.Rows == render.ReadCodes && d.Import.Leaf(k.ID)
	case render.RoleEcon, render.RoleProject:
		return true
	case render.RoleItem:
		return k.ID != render.ItemVehicles
	case render.RoleUnit:
		return d.Import.Rows == render.ReadUnits
	}
	return false
}

// leafCount is how many leaves a table prints.
func leafCount(st *sheetTable) int {
	n := 0
	for _, es := range [][]*entry{st.Main, st.Lefts} {
		for _, e := range es {
			if isLeaf(st.l.decl, e.Key) {
				n++
			}
		}
	}
	return n
}

// columnTitle is the header text over a declared column of a located
// table, its year filled in: 基本支出, 2024年合计.
func columnTitle(l *located, col render.ColKey) string {
	k := colIndex(l.decl, col)
	if k < 0 {
		return string(col)
	}
	p := declaredPath(l.decl, k)
	return strings.ReplaceAll(p[len(p)-1], render.YearPlaceholder, strconv.Itoa(l.year))
}

// verify compares every figure the workbook prints with the publication
// rebuilt from the derived lines: a total off by no more than the rounding
// of its parts (0.01 each) is a warning; any other difference an error at
// the workbook's cell.
func (dv *deriver) verify(pub *render.Publication) {
	for _, d := range dv.profile.Tables {
		st := dv.tables[d.ID]
		t := pub.Table(d.ID)
		if st == nil || t == nil {
			continue
		}
		leavesIn := leafCount(st)
		if o := d.Import.LeavesOf; o != "" {
			// Its figures total the leaves of another table (the summaries,
			// the codes of table 3).
			leavesIn = leafCount(dv.tables[o])
		}
		// A figure is compared as printed: to 0.01 万元, or to the 分 in a
		// table in 元; a total may be off the sum of its leaves by as many
		// of those as it has leaves.
		unit := decimal.New(1, -2)
		if st.l.yuan {
			unit = decimal.New(1, -6)
		}
		tolerance := unit.Mul(decimal.NewFromInt(int64(max(leavesIn, 1))))
		if st.exact {
			tolerance = decimal.Zero
		}
		// A table the profile builds in 元 (TableDecl.Unit) holds its
		// figures in 元: compared in 万元, as read.
		builtYuan := d.PrintUnit() == "元"
		printed := map[[2]render.RowKey]bool{}
		for side, entries := range [][]*entry{st.Main, st.Lefts} {
			for _, e := range entries {
				if e.Key.Role == render.RoleNone {
					continue
				}
				printed[[2]render.RowKey{{Role: render.Role(side)}, e.Key}] = true
				for _, c := range d.Columns {
					v, ok := e.Amounts[c.Key]
					if !ok || c.Kind != render.KindAmount {
						continue
					}
					got, _ := t.Cell(e.Key, c.Key)
					want, from := v.Round(2), got.Amount
					switch {
					case builtYuan:
						want, from = v, got.Amount.Shift(-4) // as printed, to the 分
					case st.l.yuan:
						want, from = v, got.Exact // to the 分
					}
					if from.Equal(want) {
						continue
					}
					diff := want.Sub(from)
					what := fmt.Sprintf("%s“%s”的%s", tableName(d), e.Label, columnTitle(st.l, c.Key))
					said := func(by string) string {
						return fmt.Sprintf("%s为 %s，%s %s，相差 %s", what, st.Money(want), by, st.Money(from), st.Money(diff))
					}
					if !isLeaf(d, e.Key) && diff.Abs().LessThanOrEqual(tolerance) {
						dv.rd.problems = append(dv.rd.problems, problem{ref: e.Refs[c.Key], warning: true,
							msg: said("明细之和为") + "：按四舍五入尾差处理，以明细为准"})
						continue
					}
					dv.rd.errorf(e.Refs[c.Key], "%s：请核对该单元格或它所汇总的明细", said("而由各表明细得出"))
				}
			}
		}
		// A leaf the rebuilt table has and the workbook does not print.
		for _, r := range t.Rows {
			for side, k := range []render.RowKey{r.Key, r.LeftKey} {
				if !isLeaf(d, k) || printed[[2]render.RowKey{{Role: render.Role(side)}, k}] {
					continue
				}
				for i, c := range t.Columns {
					if c.Kind == render.KindAmount && c.Side == render.Side(side) && !r.Cells[i].Amount.IsZero() {
						a := r.Cells[i].Amount
						if builtYuan {
							a = a.Shift(-4)
						}
						dv.rd.errorf(st.l.g.name, "%s缺少%s这一行（%s %s，由其他各表得出）", tableName(d), describe(k), columnTitle(st.l, c.Key), st.Money(a))
						break
					}
				}
			}
		}
	}
}

// describe names a row key for a message.
func describe(k render.RowKey) string {
	switch k.Role {
	case render.RoleCode:
		return "科目 " + k.ID
	case render.RoleEcon:
		return "经济分类 " + k.ID + " / " + k.Sub
	case render.RoleProject:
		return "项目“" + k.Sub + "”（" + k.ID + "）"
	case render.RoleUnit:
		return "单位“" + k.ID + "”"
	}
	return k.ID
}

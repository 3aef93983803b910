package workbook

import (
	"fmt"

	"github.com/budgetpub/budgetpub/render"
	"github.com/shopspring/decimal"
)

// isLeaf tells the rows the input lines are taken from, in each table;
// every other row is a total, checked against them.
func isLeaf(id render.TableID, k render.RowKey) bool {
	switch k.Role {
	case render.RoleCode:
		return len(k.ID) == 7 && id != render.T1 && id != render.T4 && id != render.T6
	case render.RoleEcon, render.RoleProject:
		return true
	case render.RoleItem:
		return k.ID != render.ItemVehicles
	case render.RoleUnit:
		return id == render.T11
	}
	return false
}

// columnTitle is the header text over a declared column: 基本支出.
func columnTitle(d *render.TableDecl, col render.ColKey) string {
	k := colIndex(d, col)
	if k < 0 {
		return string(col)
	}
	p := declaredPath(d, k)
	return p[len(p)-1]
}

// verify compares every figure the workbook prints with the publication
// rebuilt from the derived lines: a total off by no more than the rounding
// of its parts (0.01 each) is a warning; any other difference an error at
// the workbook's cell.
func (dv *deriver) verify(pub *render.Publication) {
	for _, d := range render.Standard.Tables {
		st := dv.tables[d.ID]
		t := pub.Table(d.ID)
		if st == nil || t == nil {
			continue
		}
		leavesIn := 0
		for _, e := range append(append([]*entry{}, st.main...), st.lefts...) {
			if isLeaf(d.ID, e.key) {
				leavesIn++
			}
		}
		tolerance := decimal.New(int64(max(leavesIn, 1)), -2)
		printed := map[[2]render.RowKey]bool{}
		for side, entries := range [][]*entry{st.main, st.lefts} {
			for _, e := range entries {
				if e.key.Role == render.RoleNone {
					continue
				}
				printed[[2]render.RowKey{{Role: render.Role(side)}, e.key}] = true
				for _, c := range d.Columns {
					v, ok := e.amounts[c.Key]
					if !ok || c.Kind != render.KindAmount {
						continue
					}
					got, _ := t.Cell(e.key, c.Key)
					want := v.Round(2)
					if got.Amount.Equal(want) {
						continue
					}
					diff := want.Sub(got.Amount)
					what := fmt.Sprintf("%s“%s”的%s", tableName(d), e.label, columnTitle(d, c.Key))
					if !isLeaf(d.ID, e.key) && diff.Abs().LessThanOrEqual(tolerance) {
						dv.rd.problems = append(dv.rd.problems, problem{ref: e.refs[c.Key], warning: true,
							msg: fmt.Sprintf("%s为 %s，明细之和为 %s，相差 %s：按四舍五入尾差处理，以明细为准", what, want.StringFixed(2), got.Amount.StringFixed(2), diff.StringFixed(2))})
						continue
					}
					dv.rd.errorf(e.refs[c.Key], "%s为 %s，而由各表明细得出 %s，相差 %s：请核对该单元格或它所汇总的明细", what, want.StringFixed(2), got.Amount.StringFixed(2), diff.StringFixed(2))
				}
			}
		}
		// A leaf the rebuilt table has and the workbook does not print.
		for _, r := range t.Rows {
			for side, k := range []render.RowKey{r.Key, r.LeftKey} {
				if !isLeaf(d.ID, k) || printed[[2]render.RowKey{{Role: render.Role(side)}, k}] {
					continue
				}
				for i, c := range t.Columns {
					if c.Kind == render.KindAmount && c.Side == render.Side(side) && !r.Cells[i].Amount.IsZero() {
						dv.rd.errorf(st.l.g.name, "%s缺少%s这一行（%s %s，由其他各表得出）", tableName(d), describe(k), columnTitle(d, c.Key), r.Cells[i].Amount.StringFixed(2))
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

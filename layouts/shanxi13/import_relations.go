package shanxi13

import (
	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
)

// relateTables gives the vote the figures the 13 tables print more than once
// (render.ImportDecl.Relate): a code's 基本支出 in table 3 and its
// 一般公共预算 in table 5, a category's total in tables 1, 2 and 3, and so
// on; each table's own sums (its rows, its totals and parts) are the
// importer's.
func relateTables(rel render.ImportRelations) {
	cell := func(t *render.ReadTable, e *render.ReadRow, col render.ColKey) render.ReadCell {
		return render.ReadCell{Table: t, Row: e, Col: col}
	}
	t1, m1, l1 := render.Indexed(rel, T1)
	t2, m2, _ := render.Indexed(rel, T2)
	t3, m3, _ := render.Indexed(rel, T3)
	t4, m4, l4 := render.Indexed(rel, T4)
	t12, m12, _ := render.Indexed(rel, T12)
	t13, m13, _ := render.Indexed(rel, T13)
	total := render.TotalRow
	// Each code of table 2: its 合计 and carry-over are table 3's 合计; its
	// fiscal sources are tables 5, 8 and 9's 合计.
	type ofSource struct {
		s input.Source
		t *render.ReadTable
		m render.RowIndex
	}
	var fiscal []ofSource
	for _, f := range []struct {
		s  input.Source
		id render.TableID
	}{{input.GeneralPublic, T5}, {input.GovernmentFund, T8}, {input.StateCapital, T9}} {
		if t, m, _ := render.Indexed(rel, f.id); t != nil {
			fiscal = append(fiscal, ofSource{f.s, t, m})
		}
	}
	if t2 != nil {
		for _, e := range t2.Main {
			if e.Key.Role != render.RoleCode && e.Key != total {
				continue
			}
			rel.Sum(cell(t3, m3.One(e.Key), render.ColTotal), cell(t2, e, render.ColCurrent), cell(t2, e, render.ColCarryover))
			for _, f := range fiscal {
				rel.Same(cell(t2, e, render.SourceCol(f.s)), cell(f.t, f.m.One(e.Key), render.ColTotal))
			}
		}
	}
	// Table 1: a category's figures are tables 2 and 3's, its incomes
	// table 2's totals; each side's 总计 is the other's.
	if t1 != nil {
		for _, e := range t1.Main {
			k := e.Key
			if k.Role == render.RoleCode || k == render.CurrentTotalRow {
				if k == render.CurrentTotalRow {
					k = total
				}
				rel.Same(cell(t1, e, render.ColTotal), cell(t3, m3.One(k), render.ColTotal))
				rel.Same(cell(t1, e, render.ColCurrent), cell(t2, m2.One(k), render.ColCurrent))
				rel.Same(cell(t1, e, render.ColCarryover), cell(t2, m2.One(k), render.ColCarryover))
			}
		}
		for _, s := range input.AllSources {
			rel.Same(cell(t1, l1.One(render.SourceRow(s)), render.ColIncome), cell(t2, m2.One(total), render.SourceCol(s)))
		}
		rel.Same(cell(t1, l1.One(render.CarryoverRow), render.ColIncome), cell(t2, m2.One(total), render.ColCarryover))
		rel.Same(cell(t1, l1.One(total), render.ColIncome), cell(t1, m1.One(total), render.ColTotal))
	}
	// Table 4: its incomes are table 2's; a source's spending is its
	// income and its carry-over; each side's 总计 is the other's.
	if t4 != nil {
		for _, s := range input.FiscalSources {
			rel.Same(cell(t4, l4.One(render.SourceRow(s)), render.ColIncome), cell(t2, m2.One(total), render.SourceCol(s)))
			rel.Sum(cell(t4, m4.One(total), render.SourceCol(s)),
				cell(t4, l4.One(render.SourceRow(s)), render.ColIncome), cell(t4, l4.One(render.CarrySourceRow(s)), render.ColIncome))
		}
		rel.Same(cell(t4, l4.One(total), render.ColIncome), cell(t4, m4.One(total), render.ColTotal))
	}
	// Table 3's 项目支出 is the projects of tables 12 and 13.
	rel.Sum(cell(t3, m3.One(total), render.ColProject), cell(t12, m12.One(total), render.ColTotal), cell(t13, m13.One(total), render.ColTotal))
}

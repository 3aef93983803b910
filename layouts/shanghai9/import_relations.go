package shanghai9

import (
	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
)

// relateTables gives the vote the figures the 9 tables print more than once
// (render.ImportDecl.Relate): a code's 合计 in tables 2 and 3, its
// 财政拨款收入 in table 2 and the 合计 of tables 5 to 7, a 类 in tables 1,
// 3 and 4, each source in tables 1, 4 and 5 to 7, and so on; each table's
// own sums (its rows, its totals and parts) are the importer's.
func relateTables(rel render.ImportRelations) {
	cell := func(t *render.ReadTable, e *render.ReadRow, col render.ColKey) render.ReadCell {
		return render.ReadCell{Table: t, Row: e, Col: col}
	}
	total := render.TotalRow
	t1, m1, l1 := render.Indexed(rel, S1)
	t2, m2, _ := render.Indexed(rel, S2)
	t3, m3, _ := render.Indexed(rel, S3)
	t4, m4, l4 := render.Indexed(rel, S4)
	type fiscal struct {
		s input.Source
		t *render.ReadTable
		m render.RowIndex
	}
	var fs []fiscal
	for _, f := range fiscalTables {
		t, m, _ := render.Indexed(rel, f.id)
		fs = append(fs, fiscal{f.s, t, m})
	}
	// Table 2: each code's 合计 is table 3's; its 财政拨款收入 the 合计 of
	// tables 5 to 7.
	if t2 != nil {
		for _, e := range t2.Main {
			if e.Key.Role != render.RoleCode && e.Key != total {
				continue
			}
			rel.Same(cell(t2, e, render.ColTotal), cell(t3, m3.One(e.Key), render.ColTotal))
			parts := []render.ReadCell{}
			for _, f := range fs {
				parts = append(parts, cell(f.t, f.m.One(e.Key), render.ColTotal))
			}
			rel.Sum(cell(t2, e, ColFiscal), parts...)
		}
	}
	// Table 1: a 类's figure is table 3's, 支出总计 their sum; 财政拨款收入 is
	// its sources, each the 合计 of its table; each kind of income is table
	// 2's; each side's 总计 is the other's.
	if t1 != nil {
		var cats []render.ReadCell
		for _, e := range t1.Main {
			if e.Key.Role == render.RoleCode {
				rel.Same(cell(t1, e, render.ColTotal), cell(t3, m3.One(e.Key), render.ColTotal))
				cats = append(cats, cell(t1, e, render.ColTotal))
			}
		}
		rel.Sum(cell(t1, m1.One(total), render.ColTotal), cats...)
		var sources []render.ReadCell
		for _, f := range fs {
			src := cell(t1, l1.One(render.SourceRow(f.s)), render.ColIncome)
			sources = append(sources, src)
			rel.Same(src, cell(f.t, f.m.One(total), render.ColTotal))
		}
		rel.Sum(cell(t1, l1.One(rowFiscal), render.ColIncome), sources...)
		for k := kindFiscal; k < numKinds; k++ {
			row := rowFiscal
			if k != kindFiscal {
				row = render.ItemRow(string(kindCols[k]))
			}
			rel.Same(cell(t1, l1.One(row), render.ColIncome), cell(t2, m2.One(total), kindCols[k]))
		}
		rel.Same(cell(t1, l1.One(total), render.ColIncome), cell(t1, m1.One(total), render.ColTotal))
	}
	// Table 4: a 类's figure by source is its row of tables 5 to 7; each
	// column's 支出总计 their sum; each source's income its spending.
	if t4 != nil {
		var cats []*render.ReadRow
		for _, e := range t4.Main {
			if e.Key.Role == render.RoleCode {
				cats = append(cats, e)
				for _, f := range fs {
					rel.Same(cell(t4, e, render.SourceCol(f.s)), cell(f.t, f.m.One(e.Key), render.ColTotal))
				}
			}
		}
		for _, col := range []render.ColKey{render.ColTotal, render.SourceCol(input.GeneralPublic), render.SourceCol(input.GovernmentFund), render.SourceCol(input.StateCapital)} {
			parts := []render.ReadCell{}
			for _, e := range cats {
				parts = append(parts, cell(t4, e, col))
			}
			rel.Sum(cell(t4, m4.One(total), col), parts...)
		}
		for _, f := range fs {
			rel.Same(cell(t4, l4.One(render.SourceRow(f.s)), render.ColIncome), cell(t4, m4.One(total), render.SourceCol(f.s)))
		}
		rel.Same(cell(t4, l4.One(total), render.ColIncome), cell(t4, m4.One(total), render.ColTotal))
		rel.Same(cell(t4, l4.One(total), render.ColIncome), cell(t1, l1.One(rowFiscal), render.ColIncome))
	}
	// Table 9: 公务用车购置及运行费 is 购置费 and 运行费.
	if t9 := rel.Table(S9); t9 != nil && len(t9.Main) == 1 {
		e := t9.Main[0]
		rel.Sum(cell(t9, e, colVehicles), cell(t9, e, colPurchase), cell(t9, e, colOperation))
	}
}

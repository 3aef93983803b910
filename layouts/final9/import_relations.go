package final9

import (
	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
)

// relateTables gives the vote the figures the 9 tables print more than once
// (render.ImportDecl.Relate): a 类's spending in tables 1 and 3, its
// 财政拨款 by source in table 4 and tables 5, 8 and 9; each kind of income
// in tables 1 and 2, each source's in tables 1 and 4 and a fund's in its
// table; the funds' balances in table 4 and their tables; 基本支出 in tables
// 5 and 6; “三公”'s items and totals in table 7. Each table's own sums (its
// rows, its totals and parts) are the importer's.
func relateTables(rel render.ImportRelations) {
	cell := func(t *render.ReadTable, e *render.ReadRow, col render.ColKey) render.ReadCell {
		return render.ReadCell{Table: t, Row: e, Col: col}
	}
	total := render.TotalRow
	t1, m1, l1 := render.Indexed(rel, F1)
	t2, m2, _ := render.Indexed(rel, F2)
	t3, m3, _ := render.Indexed(rel, F3)
	t4, m4, l4 := render.Indexed(rel, F4)
	t5, m5, _ := render.Indexed(rel, F5)
	t6, m6, l6 := render.Indexed(rel, F6)
	funds := map[input.Source]struct {
		t *render.ReadTable
		m render.RowIndex
	}{}
	for _, f := range fundTables {
		t, m, _ := render.Indexed(rel, f.id)
		funds[f.s] = struct {
			t *render.ReadTable
			m render.RowIndex
		}{t, m}
	}
	// Table 1: a 类 is table 3's; the kinds of income table 2's 合计 row,
	// 财政拨款 its three sources; each side's 总计 the other's.
	if t1 != nil {
		for _, e := range t1.Main {
			if e.Key.Role == render.RoleCode {
				rel.Same(cell(t1, e, colSpent), cell(t3, m3.One(e.Key), colSpent))
			}
		}
		rel.Same(cell(t1, m1.One(render.CurrentTotalRow), colSpent), cell(t3, m3.One(total), colSpent))
		rel.Same(cell(t1, l1.One(render.CurrentTotalRow), render.ColIncome), cell(t2, m2.One(total), colSpent))
		var fiscal []render.ReadCell
		for k := input.RevenueKind(0); k < input.NumRevenueKinds; k++ {
			c := cell(t1, l1.One(render.ItemRow(k.Key())), render.ColIncome)
			if k.Fiscal() {
				fiscal = append(fiscal, c)
				continue
			}
			rel.Same(c, cell(t2, m2.One(total), render.ColKey(k.Key())))
		}
		rel.Sum(cell(t2, m2.One(total), colFiscal), fiscal...)
		rel.Same(cell(t1, l1.One(total), render.ColIncome), cell(t1, m1.One(total), colSpent))
	}
	// Table 4: a 类's 财政拨款 by source is its row of tables 5, 8 and 9;
	// each source's income is table 1's, a fund's its table's 本年收入,
	// its balances its table's; each side's 总计 the other's.
	if t4 != nil {
		bySource := map[input.Source]struct {
			t *render.ReadTable
			m render.RowIndex
		}{input.GeneralPublic: {t5, m5}}
		for s, f := range funds {
			bySource[s] = f
		}
		for _, e := range t4.Main {
			if e.Key.Role != render.RoleCode && e.Key != render.CurrentTotalRow {
				continue
			}
			k := e.Key
			if k == render.CurrentTotalRow {
				k = total
			}
			for _, s := range fiscalSources {
				f := bySource[s]
				rel.Same(cell(t4, e, render.SourceCol(s)), cell(f.t, f.m.One(k), colSpent))
			}
		}
		for _, s := range fiscalSources {
			rel.Same(cell(t4, l4.One(render.SourceRow(s)), render.ColIncome), cell(t1, l1.One(render.ItemRow(s.Key())), render.ColIncome))
		}
		for s, f := range funds {
			rel.Same(cell(t4, l4.One(render.SourceRow(s)), render.ColIncome), cell(f.t, f.m.One(total), colIncome))
			rel.Same(cell(t4, l4.One(render.CarrySourceRow(s)), render.ColIncome), cell(f.t, f.m.One(total), colOpening))
			rel.Same(cell(t4, m4.One(rowClosing), render.SourceCol(s)), cell(f.t, f.m.One(total), colClosing))
		}
		rel.Same(cell(t4, l4.One(total), render.ColIncome), cell(t4, m4.One(total), colSpent))
	}
	// Table 6: 人员经费合计 and 公用经费合计 are table 5's 基本支出.
	if t6 != nil {
		rel.Sum(cell(t5, m5.One(total), render.ColBasic), cell(t6, l6.One(rowPersonnel), colLeftActual), cell(t6, m6.One(rowPublic), colSpent))
	}
	// Table 7: 小计 is 购置费 and 运行维护费, 合计 the three items; of the
	// 预算数 and of the 决算数.
	if t7 := rel.Table(F7); t7 != nil && len(t7.Main) == 1 {
		e := t7.Main[0]
		for _, c := range []func(string) render.ColKey{budgetCol, actualCol} {
			rel.Sum(cell(t7, e, c("vehicles")), cell(t7, e, c("vehicle_purchase")), cell(t7, e, c("vehicle_operation")))
			rel.Sum(cell(t7, e, c("total")), cell(t7, e, c("outbound_travel")), cell(t7, e, c("vehicles")), cell(t7, e, c("reception")))
		}
	}
}

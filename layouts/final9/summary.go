package final9

import (
	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
	"github.com/shopspring/decimal"
)

// half is one side's row of a two-sided table.
type half struct {
	key   render.RowKey
	kind  render.RowKind
	cells []render.Cell
}

// pairUp lays the two sides' rows out together, row n beside row n, the
// longer side deciding; then the rows that close both sides, pair by pair.
func pairUp(t *render.Table, lefts, rights []half, closing [][2]half) {
	row := func(l, r *half, kind render.RowKind) render.Row {
		out := render.Row{Kind: kind, Level: 1}
		if l != nil {
			out.LeftKey, out.Cells = l.key, append(out.Cells, l.cells...)
		} else {
			out.Cells = append(out.Cells, t.BlankHalf(render.SideLeft)...)
		}
		if r != nil {
			out.Key, out.Cells = r.key, append(out.Cells, r.cells...)
		} else {
			out.Cells = append(out.Cells, t.BlankHalf(render.SideMain)...)
		}
		return out
	}
	for i := range max(len(lefts), len(rights)) {
		var l, r *half
		if i < len(lefts) {
			l = &lefts[i]
		}
		if i < len(rights) {
			r = &rights[i]
		}
		t.Rows = append(t.Rows, row(l, r, render.RowItem))
	}
	for _, p := range closing {
		var l, r *half
		if p[0].cells != nil {
			l = &p[0]
		}
		if p[1].cells != nil {
			r = &p[1]
		}
		kind := p[0].kind
		if l == nil {
			kind = p[1].kind
		}
		out := row(l, r, kind)
		out.Level = 0
		t.Rows = append(t.Rows, out)
	}
}

func label(s string) render.Cell { return render.Str(s) }

// table1 is 收入支出决算总表: the year's income by kind and the 类 of
// spending, then 本年收入合计 | 本年支出合计, 使用非财政拨款结余 | 结余分配,
// 年初结转和结余 | 年末结转和结余, 总计 | 总计.
func table1(b *render.Builder, t *render.Table) {
	s := sumUp(b)
	var tl render.TailCheck
	var lefts []half
	for k := input.RevenueKind(0); k < input.NumRevenueKinds; k++ {
		lefts = append(lefts, half{render.ItemRow(k.Key()), render.RowItem,
			[]render.Cell{label(render.ChineseNumber(int(k)+1) + "、" + k.Title()), render.Money(s.revenue[k])}})
	}
	income := render.Sum(s.revenue[:]...)
	tl.Check(income, s.revenue[:]...)
	var rights []half
	var parts []decimal.Decimal
	for i, c := range categories(withMoney(s.spent)) {
		rights = append(rights, half{render.CodeRow(c), render.RowItem,
			[]render.Cell{label(render.ChineseNumber(i+1) + "、" + b.Doc.Name(c)), render.Money(s.spent[c])}})
		parts = append(parts, s.spent[c])
	}
	spending := render.Sum(parts...)
	tl.Check(spending, parts...)
	nf := s.nonFiscal
	opening := render.Sum(s.opening[:]...).Add(nf.Opening.Value)
	closing := render.Sum(s.closing[:]...).Add(nf.Closing.Value)
	totalIn := income.Add(nf.UseOfSurplus.Value).Add(opening)
	totalOut := spending.Add(nf.Distribution.Value).Add(closing)
	tl.Check(totalIn, income, nf.UseOfSurplus.Value, opening)
	tl.Check(totalOut, spending, nf.Distribution.Value, closing)
	pair := func(lk render.RowKey, ll string, lv decimal.Decimal, rk render.RowKey, rl string, rv decimal.Decimal, kind render.RowKind) [2]half {
		return [2]half{{lk, kind, []render.Cell{label(ll), render.Money(lv)}}, {rk, kind, []render.Cell{label(rl), render.Money(rv)}}}
	}
	pairUp(t, lefts, rights, [][2]half{
		pair(render.CurrentTotalRow, "本年收入合计", income, render.CurrentTotalRow, "本年支出合计", spending, render.RowSubtotal),
		pair(rowUseOfSurplus, "使用非财政拨款结余", nf.UseOfSurplus.Value, rowDistribution, "结余分配", nf.Distribution.Value, render.RowItem),
		pair(render.CarryoverRow, "年初结转和结余", opening, rowClosing, "年末结转和结余", closing, render.RowItem),
		pair(render.TotalRow, "总计", totalIn, render.TotalRow, "总计", totalOut, render.RowTotal),
	})
	t.Notes = append(t.Notes, "注：本表反映部门本年度的总收支和年末结转结余情况。")
	tl.Finish(t, false)
}

// table4 is 财政拨款收入支出决算总表: the year's 财政拨款 by source, the 类
// of its spending by source, then the totals, the balances at the start
// (by source) and at the end, and 总计.
func table4(b *render.Builder, t *render.Table) {
	s := sumUp(b)
	var tl render.TailCheck
	income := []decimal.Decimal{s.revenue[input.RevenueGeneralPublic], s.revenue[input.RevenueGovernmentFund], s.revenue[input.RevenueStateCapital]}
	names := []string{"一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"}
	var lefts []half
	for i, src := range fiscalSources {
		lefts = append(lefts, half{render.SourceRow(src), render.RowItem, []render.Cell{label(render.ChineseNumber(i+1) + "、" + names[i]), render.Money(income[i])}})
	}
	incomeTotal := render.Sum(income...)
	tl.Check(incomeTotal, income...)
	money := map[string]bool{}
	for c, v := range s.fiscal {
		if !render.Round(v[0]).IsZero() {
			money[c] = true
		}
	}
	total := render.NewColSum(4)
	var rights []half
	for i, c := range categories(money) {
		v := s.fiscal[c]
		if v == nil {
			v = make([]decimal.Decimal, 4)
		}
		tl.Check(v[0], v[1:]...)
		total.Add(v)
		rights = append(rights, half{render.CodeRow(c), render.RowItem, append([]render.Cell{label(render.ChineseNumber(i+1) + "、" + b.Doc.Name(c))}, moneys(v)...)})
	}
	total.Check(&tl)
	spent := total.Sums
	opening, closing := render.Sum(s.opening[:]...), render.Sum(s.closing[:]...)
	tl.Check(opening, s.opening[:]...)
	tl.Check(closing, s.closing[:]...)
	closingRow := append([]decimal.Decimal{closing}, s.closing[:]...)
	outTotal := make([]decimal.Decimal, 4)
	for i := range outTotal {
		outTotal[i] = spent[i].Add(closingRow[i])
	}
	inTotal := incomeTotal.Add(opening)
	tl.Check(inTotal, incomeTotal, opening)
	closingPairs := [][2]half{
		{{render.CurrentTotalRow, render.RowSubtotal, []render.Cell{label("本年收入合计"), render.Money(incomeTotal)}},
			{render.CurrentTotalRow, render.RowSubtotal, append([]render.Cell{label("本年支出合计")}, moneys(spent)...)}},
		{{render.CarryoverRow, render.RowItem, []render.Cell{label("年初财政拨款结转和结余"), render.Money(opening)}},
			{rowClosing, render.RowItem, append([]render.Cell{label("年末财政拨款结转和结余")}, moneys(closingRow)...)}},
	}
	for i, src := range fiscalSources {
		closingPairs = append(closingPairs, [2]half{{render.CarrySourceRow(src), render.RowItem,
			[]render.Cell{label(render.ChineseNumber(i+1) + "、" + names[i]), render.Money(s.opening[i])}}, {}})
	}
	closingPairs = append(closingPairs, [2]half{{render.TotalRow, render.RowTotal, []render.Cell{label("总计"), render.Money(inTotal)}},
		{render.TotalRow, render.RowTotal, append([]render.Cell{label("总计")}, moneys(outTotal)...)}})
	pairUp(t, lefts, rights, closingPairs)
	t.Notes = append(t.Notes, "注：本表反映部门本年度财政拨款总收支和结转结余情况。")
	tl.Finish(t, false)
}

// moneys are amount cells of exact figures.
func moneys(v []decimal.Decimal) []render.Cell {
	out := make([]render.Cell, len(v))
	for i, d := range v {
		out[i] = render.Money(d)
	}
	return out
}

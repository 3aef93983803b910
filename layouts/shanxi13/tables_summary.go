package shanxi13

import (
	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
	"github.com/shopspring/decimal"
)

// catSums are the lines of one 类 summed into current-year and carry-over
// amounts per source.
type catSums struct {
	current, carry map[input.Source]decimal.Decimal
}

func byCategory(b *render.Builder) map[string]*catSums {
	out := map[string]*catSums{}
	for _, l := range b.Lines {
		c := out[l.Code[:3]]
		if c == nil {
			c = &catSums{current: map[input.Source]decimal.Decimal{}, carry: map[input.Source]decimal.Decimal{}}
			out[l.Code[:3]] = c
		}
		if l.Carryover {
			c.carry[l.Source] = c.carry[l.Source].Add(l.Total())
		} else {
			c.current[l.Source] = c.current[l.Source].Add(l.Total())
		}
	}
	return out
}

func sumSources(m map[input.Source]decimal.Decimal, sources []input.Source) decimal.Decimal {
	t := decimal.Zero
	for _, s := range sources {
		t = t.Add(m[s])
	}
	return t
}

// categoryLabel is 一、一般公共服务支出 … 三十、抗疫特别国债安排的支出.
func categoryLabel(b *render.Builder, i int, code string) string {
	return render.ChineseNumber(i+1) + "、" + b.Doc.Name(code)
}

// sourceLabel is 一、一般公共预算 …: the i-th source as a row label.
func sourceLabel(i int, s input.Source) string { return render.ChineseNumber(i+1) + "、" + s.Title() }

// table1 is 预算收支总表: income by source on the left, expenditure by the 30
// categories on the right; the two sides balance by construction.
func table1(b *render.Builder, t *render.Table) {
	var tl render.TailCheck
	cats := byCategory(b)
	income := map[input.Source]decimal.Decimal{}
	carryIn := decimal.Zero
	for _, c := range cats {
		for s, a := range c.current {
			income[s] = income[s].Add(a)
		}
		carryIn = carryIn.Add(sumSources(c.carry, input.AllSources))
	}
	type half struct {
		key   render.RowKey
		cells []render.Cell
	}
	var lefts []half
	var incomeParts []decimal.Decimal
	for i, s := range input.AllSources {
		lefts = append(lefts, half{render.SourceRow(s), []render.Cell{render.Str(sourceLabel(i, s)), render.Money(income[s])}})
		incomeParts = append(incomeParts, income[s])
	}
	incomeTotal := render.Sum(incomeParts...)
	tl.Check(incomeTotal, incomeParts...)

	var rows []render.Row
	var curParts, carryParts, allParts []decimal.Decimal
	for i, code := range input.Categories {
		cur, carry := decimal.Zero, decimal.Zero
		if c := cats[code]; c != nil {
			cur, carry = sumSources(c.current, input.AllSources), sumSources(c.carry, input.AllSources)
		}
		curParts, carryParts, allParts = append(curParts, cur), append(carryParts, carry), append(allParts, cur.Add(carry))
		tl.Check(cur.Add(carry), cur, carry)
		row := render.Row{Kind: render.RowItem, Level: 1, Key: render.CodeRow(code), Cells: t.BlankHalf(render.SideLeft)}
		if i < len(lefts) {
			row.LeftKey, row.Cells = lefts[i].key, lefts[i].cells
		}
		row.Cells = append(row.Cells, render.Str(categoryLabel(b, i, code)), render.Money(cur.Add(carry)), render.Money(cur), render.Money(carry))
		rows = append(rows, row)
	}
	curTotal, carryTotal := render.Sum(curParts...), render.Sum(carryParts...)
	tl.Check(curTotal, curParts...)
	tl.Check(carryTotal, carryParts...)
	tl.Check(curTotal.Add(carryTotal), allParts...)
	zero := decimal.Zero
	rows = append(rows,
		render.Row{Kind: render.RowSubtotal, Key: render.CurrentTotalRow, LeftKey: render.CurrentTotalRow, Cells: []render.Cell{render.Str("本年收入合计"), render.Money(incomeTotal), render.Str("本年支出合计"), render.Money(curTotal.Add(carryTotal)), render.Money(curTotal), render.Money(carryTotal)}},
		render.Row{Kind: render.RowItem, Key: render.CarryoverRow, LeftKey: render.CarryoverRow, Cells: []render.Cell{render.Str("上年结转"), render.Money(carryIn), render.Str("年终结转"), render.Money(zero), render.Money(zero), render.Money(zero)}},
		render.Row{Kind: render.RowTotal, Key: render.TotalRow, LeftKey: render.TotalRow, Cells: []render.Cell{render.Str("收入总计"), render.Money(incomeTotal.Add(carryIn)), render.Str("支出总计"), render.Money(curTotal.Add(carryTotal)), render.Money(curTotal), render.Money(carryTotal)}},
	)
	tl.Check(incomeTotal.Add(carryIn), incomeTotal, carryIn)
	t.Rows = rows
	tl.Finish(t, false)
}

// table4 is 财政拨款收支总表: table 1 restricted to the three 财政拨款 sources.
func table4(b *render.Builder, t *render.Table) {
	fiscal := input.FiscalSources
	var tl render.TailCheck
	cats := byCategory(b)
	income, carryIn := map[input.Source]decimal.Decimal{}, map[input.Source]decimal.Decimal{}
	for _, c := range cats {
		for _, s := range fiscal {
			income[s] = income[s].Add(c.current[s])
			carryIn[s] = carryIn[s].Add(c.carry[s])
		}
	}
	var incomeParts, carryParts []decimal.Decimal
	var lefts [][]render.Cell
	for i, s := range fiscal {
		lefts = append(lefts, []render.Cell{render.Str(sourceLabel(i, s)), render.Money(income[s])})
		incomeParts = append(incomeParts, income[s])
		carryParts = append(carryParts, carryIn[s])
	}
	incomeTotal, carryTotal := render.Sum(incomeParts...), render.Sum(carryParts...)
	tl.Check(incomeTotal, incomeParts...)
	tl.Check(carryTotal, carryParts...)

	var rows []render.Row
	cols := render.NewColSum(len(fiscal))
	for i, code := range input.Categories {
		amounts := make([]decimal.Decimal, len(fiscal))
		if c := cats[code]; c != nil {
			for k, s := range fiscal {
				amounts[k] = c.current[s].Add(c.carry[s])
			}
		}
		cols.Add(amounts)
		row := render.Row{Kind: render.RowItem, Level: 1, Key: render.CodeRow(code), Cells: t.BlankHalf(render.SideLeft)}
		if i < len(lefts) {
			row.LeftKey, row.Cells = render.SourceRow(fiscal[i]), lefts[i]
		}
		tl.Check(render.Sum(amounts...), amounts...)
		row.Cells = append(row.Cells, render.Str(categoryLabel(b, i, code)), render.Money(render.Sum(amounts...)))
		row.Cells = append(row.Cells, moneys(amounts)...)
		rows = append(rows, row)
	}
	cols.Check(&tl)
	colTotals := cols.Sums
	spent := render.Sum(colTotals...)
	tl.Check(spent, colTotals...)
	zero := decimal.Zero
	rows = append(rows,
		render.Row{Kind: render.RowSubtotal, Key: render.CurrentTotalRow, LeftKey: render.CurrentTotalRow, Cells: append([]render.Cell{render.Str("本年收入合计"), render.Money(incomeTotal), render.Str("本年支出合计"), render.Money(spent)}, moneys(colTotals)...)},
		render.Row{Kind: render.RowItem, Key: render.CarryoverRow, LeftKey: render.CarryoverRow, Cells: []render.Cell{render.Str("上年财政拨款结转"), render.Money(carryTotal), render.Str("年终结转"), render.Money(zero), render.Money(zero), render.Money(zero), render.Money(zero)}},
	)
	for i, s := range fiscal {
		cells := append([]render.Cell{render.Str(sourceLabel(i, s)), render.Money(carryIn[s])}, t.BlankHalf(render.SideMain)...)
		rows = append(rows, render.Row{Kind: render.RowItem, Level: 2, LeftKey: render.CarrySourceRow(s), Cells: cells})
	}
	rows = append(rows, render.Row{Kind: render.RowTotal, Key: render.TotalRow, LeftKey: render.TotalRow, Cells: append([]render.Cell{render.Str("收入总计"), render.Money(incomeTotal.Add(carryTotal)), render.Str("支出总计"), render.Money(spent)}, moneys(colTotals)...)})
	tl.Check(incomeTotal.Add(carryTotal), incomeTotal, carryTotal)
	t.Rows = rows
	tl.Finish(t, false)
}

func moneys(ds []decimal.Decimal) []render.Cell {
	cs := make([]render.Cell, len(ds))
	for i, d := range ds {
		cs[i] = render.Money(d)
	}
	return cs
}

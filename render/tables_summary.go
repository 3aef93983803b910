package render

import (
	"github.com/budgetpub/budgetpub/input"
	"github.com/shopspring/decimal"
)

// catSums are the lines of one 类 summed into current-year and carry-over
// amounts per source.
type catSums struct {
	current, carry map[input.Source]decimal.Decimal
}

func (b *builder) byCategory() map[string]*catSums {
	out := map[string]*catSums{}
	for _, l := range b.lines {
		c := out[l.code[:3]]
		if c == nil {
			c = &catSums{current: map[input.Source]decimal.Decimal{}, carry: map[input.Source]decimal.Decimal{}}
			out[l.code[:3]] = c
		}
		if l.carryover {
			c.carry[l.source] = c.carry[l.source].Add(l.total())
		} else {
			c.current[l.source] = c.current[l.source].Add(l.total())
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
func (b *builder) categoryLabel(i int, code string) string {
	return ChineseNumber(i+1) + "、" + b.doc.Name(code)
}

// sourceLabel is 一、一般公共预算 …: the i-th source as a row label.
func sourceLabel(i int, s input.Source) string { return ChineseNumber(i+1) + "、" + s.Title() }

// blank is an empty cell of a column: an empty amount, or empty text (also
// in a code column: there is no code to keep as text).
func blank(c Column) Cell {
	if c.Kind == KindAmount {
		return Cell{Kind: KindAmount}
	}
	return Str("")
}

// blankHalf is one half of a row of a two-sided table, empty.
func blankHalf(t *Table, side Side) []Cell {
	var out []Cell
	for _, c := range t.Columns {
		if c.Side == side {
			out = append(out, blank(c))
		}
	}
	return out
}

// table1 is 预算收支总表: income by source on the left, expenditure by the 30
// categories on the right; the two sides balance by construction.
func (b *builder) table1(t *Table) {
	var tl tally
	cats := b.byCategory()
	income := map[input.Source]decimal.Decimal{}
	carryIn := decimal.Zero
	for _, c := range cats {
		for s, a := range c.current {
			income[s] = income[s].Add(a)
		}
		carryIn = carryIn.Add(sumSources(c.carry, input.AllSources))
	}
	type half struct {
		key   RowKey
		cells []Cell
	}
	var lefts []half
	var incomeParts []decimal.Decimal
	for i, s := range input.AllSources {
		lefts = append(lefts, half{SourceRow(s), []Cell{Str(sourceLabel(i, s)), Money(income[s])}})
		incomeParts = append(incomeParts, income[s])
	}
	incomeTotal := sum(incomeParts...)
	tl.check(incomeTotal, incomeParts...)

	var rows []Row
	var curParts, carryParts, allParts []decimal.Decimal
	for i, code := range input.Categories {
		cur, carry := decimal.Zero, decimal.Zero
		if c := cats[code]; c != nil {
			cur, carry = sumSources(c.current, input.AllSources), sumSources(c.carry, input.AllSources)
		}
		curParts, carryParts, allParts = append(curParts, cur), append(carryParts, carry), append(allParts, cur.Add(carry))
		tl.check(cur.Add(carry), cur, carry)
		row := Row{Kind: RowItem, Level: 1, Key: CodeRow(code), Cells: blankHalf(t, SideLeft)}
		if i < len(lefts) {
			row.LeftKey, row.Cells = lefts[i].key, lefts[i].cells
		}
		row.Cells = append(row.Cells, Str(b.categoryLabel(i, code)), Money(cur.Add(carry)), Money(cur), Money(carry))
		rows = append(rows, row)
	}
	curTotal, carryTotal := sum(curParts...), sum(carryParts...)
	tl.check(curTotal, curParts...)
	tl.check(carryTotal, carryParts...)
	tl.check(curTotal.Add(carryTotal), allParts...)
	zero := decimal.Zero
	rows = append(rows,
		Row{Kind: RowSubtotal, Key: CurrentTotalRow, LeftKey: CurrentTotalRow, Cells: []Cell{Str("本年收入合计"), Money(incomeTotal), Str("本年支出合计"), Money(curTotal.Add(carryTotal)), Money(curTotal), Money(carryTotal)}},
		Row{Kind: RowItem, Key: CarryoverRow, LeftKey: CarryoverRow, Cells: []Cell{Str("上年结转"), Money(carryIn), Str("年终结转"), Money(zero), Money(zero), Money(zero)}},
		Row{Kind: RowTotal, Key: TotalRow, LeftKey: TotalRow, Cells: []Cell{Str("收入总计"), Money(incomeTotal.Add(carryIn)), Str("支出总计"), Money(curTotal.Add(carryTotal)), Money(curTotal), Money(carryTotal)}},
	)
	tl.check(incomeTotal.Add(carryIn), incomeTotal, carryIn)
	t.Rows = rows
	tl.finish(t, false)
}

// table4 is 财政拨款收支总表: table 1 restricted to the three 财政拨款 sources.
func (b *builder) table4(t *Table) {
	fiscal := input.FiscalSources
	var tl tally
	cats := b.byCategory()
	income, carryIn := map[input.Source]decimal.Decimal{}, map[input.Source]decimal.Decimal{}
	for _, c := range cats {
		for _, s := range fiscal {
			income[s] = income[s].Add(c.current[s])
			carryIn[s] = carryIn[s].Add(c.carry[s])
		}
	}
	var incomeParts, carryParts []decimal.Decimal
	var lefts [][]Cell
	for i, s := range fiscal {
		lefts = append(lefts, []Cell{Str(sourceLabel(i, s)), Money(income[s])})
		incomeParts = append(incomeParts, income[s])
		carryParts = append(carryParts, carryIn[s])
	}
	incomeTotal, carryTotal := sum(incomeParts...), sum(carryParts...)
	tl.check(incomeTotal, incomeParts...)
	tl.check(carryTotal, carryParts...)

	var rows []Row
	cols := newColSum(len(fiscal))
	for i, code := range input.Categories {
		amounts := make([]decimal.Decimal, len(fiscal))
		if c := cats[code]; c != nil {
			for k, s := range fiscal {
				amounts[k] = c.current[s].Add(c.carry[s])
			}
		}
		cols.add(amounts)
		row := Row{Kind: RowItem, Level: 1, Key: CodeRow(code), Cells: blankHalf(t, SideLeft)}
		if i < len(lefts) {
			row.LeftKey, row.Cells = SourceRow(fiscal[i]), lefts[i]
		}
		tl.check(sum(amounts...), amounts...)
		row.Cells = append(row.Cells, Str(b.categoryLabel(i, code)), Money(sum(amounts...)))
		row.Cells = append(row.Cells, moneys(amounts)...)
		rows = append(rows, row)
	}
	cols.check(&tl)
	colTotals := cols.sums
	spent := sum(colTotals...)
	tl.check(spent, colTotals...)
	zero := decimal.Zero
	rows = append(rows,
		Row{Kind: RowSubtotal, Key: CurrentTotalRow, LeftKey: CurrentTotalRow, Cells: append([]Cell{Str("本年收入合计"), Money(incomeTotal), Str("本年支出合计"), Money(spent)}, moneys(colTotals)...)},
		Row{Kind: RowItem, Key: CarryoverRow, LeftKey: CarryoverRow, Cells: []Cell{Str("上年财政拨款结转"), Money(carryTotal), Str("年终结转"), Money(zero), Money(zero), Money(zero), Money(zero)}},
	)
	for i, s := range fiscal {
		cells := append([]Cell{Str(sourceLabel(i, s)), Money(carryIn[s])}, blankHalf(t, SideMain)...)
		rows = append(rows, Row{Kind: RowItem, Level: 2, LeftKey: CarrySourceRow(s), Cells: cells})
	}
	rows = append(rows, Row{Kind: RowTotal, Key: TotalRow, LeftKey: TotalRow, Cells: append([]Cell{Str("收入总计"), Money(incomeTotal.Add(carryTotal)), Str("支出总计"), Money(spent)}, moneys(colTotals)...)})
	tl.check(incomeTotal.Add(carryTotal), incomeTotal, carryTotal)
	t.Rows = rows
	tl.finish(t, false)
}

func moneys(ds []decimal.Decimal) []Cell {
	cs := make([]Cell, len(ds))
	for i, d := range ds {
		cs[i] = Money(d)
	}
	return cs
}

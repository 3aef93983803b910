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

func (b *Builder) byCategory() map[string]*catSums {
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
func (b *Builder) categoryLabel(i int, code string) string {
	return ChineseNumber(i+1) + "、" + b.Doc.Name(code)
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
func (b *Builder) table1(t *Table) {
	var tl TailCheck
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
	incomeTotal := Sum(incomeParts...)
	tl.Check(incomeTotal, incomeParts...)

	var rows []Row
	var curParts, carryParts, allParts []decimal.Decimal
	for i, code := range input.Categories {
		cur, carry := decimal.Zero, decimal.Zero
		if c := cats[code]; c != nil {
			cur, carry = sumSources(c.current, input.AllSources), sumSources(c.carry, input.AllSources)
		}
		curParts, carryParts, allParts = append(curParts, cur), append(carryParts, carry), append(allParts, cur.Add(carry))
		tl.Check(cur.Add(carry), cur, carry)
		row := Row{Kind: RowItem, Level: 1, Key: CodeRow(code), Cells: blankHalf(t, SideLeft)}
		if i < len(lefts) {
			row.LeftKey, row.Cells = lefts[i].key, lefts[i].cells
		}
		row.Cells = append(row.Cells, Str(b.categoryLabel(i, code)), Money(cur.Add(carry)), Money(cur), Money(carry))
		rows = append(rows, row)
	}
	curTotal, carryTotal := Sum(curParts...), Sum(carryParts...)
	tl.Check(curTotal, curParts...)
	tl.Check(carryTotal, carryParts...)
	tl.Check(curTotal.Add(carryTotal), allParts...)
	zero := decimal.Zero
	rows = append(rows,
		Row{Kind: RowSubtotal, Key: CurrentTotalRow, LeftKey: CurrentTotalRow, Cells: []Cell{Str("本年收入合计"), Money(incomeTotal), Str("本年支出合计"), Money(curTotal.Add(carryTotal)), Money(curTotal), Money(carryTotal)}},
		Row{Kind: RowItem, Key: CarryoverRow, LeftKey: CarryoverRow, Cells: []Cell{Str("上年结转"), Money(carryIn), Str("年终结转"), Money(zero), Money(zero), Money(zero)}},
		Row{Kind: RowTotal, Key: TotalRow, LeftKey: TotalRow, Cells: []Cell{Str("收入总计"), Money(incomeTotal.Add(carryIn)), Str("支出总计"), Money(curTotal.Add(carryTotal)), Money(curTotal), Money(carryTotal)}},
	)
	tl.Check(incomeTotal.Add(carryIn), incomeTotal, carryIn)
	t.Rows = rows
	tl.Finish(t, false)
}

// table4 is 财政拨款收支总表: table 1 restricted to the three 财政拨款 sources.
func (b *Builder) table4(t *Table) {
	fiscal := input.FiscalSources
	var tl TailCheck
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
	incomeTotal, carryTotal := Sum(incomeParts...), Sum(carryParts...)
	tl.Check(incomeTotal, incomeParts...)
	tl.Check(carryTotal, carryParts...)

	var rows []Row
	cols := NewColSum(len(fiscal))
	for i, code := range input.Categories {
		amounts := make([]decimal.Decimal, len(fiscal))
		if c := cats[code]; c != nil {
			for k, s := range fiscal {
				amounts[k] = c.current[s].Add(c.carry[s])
			}
		}
		cols.Add(amounts)
		row := Row{Kind: RowItem, Level: 1, Key: CodeRow(code), Cells: blankHalf(t, SideLeft)}
		if i < len(lefts) {
			row.LeftKey, row.Cells = SourceRow(fiscal[i]), lefts[i]
		}
		tl.Check(Sum(amounts...), amounts...)
		row.Cells = append(row.Cells, Str(b.categoryLabel(i, code)), Money(Sum(amounts...)))
		row.Cells = append(row.Cells, moneys(amounts)...)
		rows = append(rows, row)
	}
	cols.Check(&tl)
	colTotals := cols.sums
	spent := Sum(colTotals...)
	tl.Check(spent, colTotals...)
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
	tl.Check(incomeTotal.Add(carryTotal), incomeTotal, carryTotal)
	t.Rows = rows
	tl.Finish(t, false)
}

func moneys(ds []decimal.Decimal) []Cell {
	cs := make([]Cell, len(ds))
	for i, d := range ds {
		cs[i] = Money(d)
	}
	return cs
}

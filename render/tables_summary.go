package render

import (
	"github.com/budgetpub/budgetpub/input"
	"github.com/shopspring/decimal"
)

// categoryTotals sums the lines that pass keep by 类, into current-year and
// carry-over amounts per source.
type catSums struct {
	current, carry map[input.Source]decimal.Decimal // by source
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

var fiscalKeys = input.FiscalSources

// categoryLabel is 一、一般公共服务支出 … 三十、抗疫特别国债安排的支出.
func (b *builder) categoryLabel(i int, code string) string {
	return ChineseNumber(i+1) + "、" + b.doc.Name(code)
}

// table1 is 预算收支总表: income by source on the left, expenditure by the 30
// categories on the right; the two sides balance by construction.
func (b *builder) table1() *Table {
	t := b.newTable(1, "预算收支总表", true)
	t.Columns = columns(KindText, KindAmount, KindText, KindAmount, KindAmount, KindAmount)
	t.HeaderRows = 2
	t.Header = []HeaderCell{
		hc(0, 0, 1, 2, "收入"), hc(0, 2, 1, 4, "支出"),
		hc(1, 0, 1, 1, "项目"), hc(1, 1, 1, 1, b.year()), hc(1, 2, 1, 1, "项目"),
		hc(1, 3, 1, 1, b.year()+"合计"), hc(1, 4, 1, 1, "当年预算安排"), hc(1, 5, 1, 1, "上年结转安排"),
	}
	var tl tally
	cats := b.byCategory()
	income := map[input.Source]decimal.Decimal{}
	carryIn := decimal.Zero
	for _, c := range cats {
		for s, a := range c.current {
			income[s] = income[s].Add(a)
		}
		carryIn = carryIn.Add(sumSources(c.carry, sourceKeys))
	}
	var left [][]Cell
	var incomeParts []decimal.Decimal
	for i, s := range sourceKeys {
		left = append(left, []Cell{Str(ChineseNumber(i+1) + "、" + s.Title()), Money(income[s])})
		incomeParts = append(incomeParts, income[s])
	}
	incomeTotal := sum(incomeParts...)
	tl.check(incomeTotal, incomeParts...)

	var rows []Row
	var curParts, carryParts, allParts []decimal.Decimal
	for i, code := range input.Categories {
		cur, carry := decimal.Zero, decimal.Zero
		if c := cats[code]; c != nil {
			cur, carry = sumSources(c.current, sourceKeys), sumSources(c.carry, sourceKeys)
		}
		curParts, carryParts, allParts = append(curParts, cur), append(carryParts, carry), append(allParts, cur.Add(carry))
		tl.check(cur.Add(carry), cur, carry)
		cells := []Cell{Str(""), Cell{Kind: KindAmount}}
		if i < len(left) {
			cells = left[i]
		}
		cells = append(cells, Str(b.categoryLabel(i, code)), Money(cur.Add(carry)), Money(cur), Money(carry))
		rows = append(rows, Row{Kind: RowItem, Level: 1, Cells: cells})
	}
	curTotal, carryTotal := sum(curParts...), sum(carryParts...)
	tl.check(curTotal, curParts...)
	tl.check(carryTotal, carryParts...)
	tl.check(curTotal.Add(carryTotal), allParts...)
	zero := decimal.Zero
	rows = append(rows,
		Row{Kind: RowSubtotal, Cells: []Cell{Str("本年收入合计"), Money(incomeTotal), Str("本年支出合计"), Money(curTotal.Add(carryTotal)), Money(curTotal), Money(carryTotal)}},
		Row{Kind: RowItem, Cells: []Cell{Str("上年结转"), Money(carryIn), Str("年终结转"), Money(zero), Money(zero), Money(zero)}},
		Row{Kind: RowTotal, Cells: []Cell{Str("收入总计"), Money(incomeTotal.Add(carryIn)), Str("支出总计"), Money(curTotal.Add(carryTotal)), Money(curTotal), Money(carryTotal)}},
	)
	tl.check(incomeTotal.Add(carryIn), incomeTotal, carryIn)
	t.Rows = rows
	tl.finish(t, false)
	return t
}

// table4 is 财政拨款收支总表: table 1 restricted to the three 财政拨款 sources.
func (b *builder) table4() *Table {
	t := b.newTable(4, "财政拨款收支总表", true)
	t.Columns = columns(KindText, KindAmount, KindText, KindAmount, KindAmount, KindAmount, KindAmount)
	t.HeaderRows = 3
	t.Header = []HeaderCell{
		hc(0, 0, 1, 2, "收入"), hc(0, 2, 1, 5, "支出"),
		hc(1, 0, 2, 1, "项目"), hc(1, 1, 2, 1, "金额"), hc(1, 2, 2, 1, "项目"), hc(1, 3, 1, 4, "金额"),
		hc(2, 3, 1, 1, "小计"), hc(2, 4, 1, 1, "一般公共预算"), hc(2, 5, 1, 1, "政府性基金预算"), hc(2, 6, 1, 1, "国有资本经营预算"),
	}
	var tl tally
	cats := b.byCategory()
	income, carryIn := map[input.Source]decimal.Decimal{}, map[input.Source]decimal.Decimal{}
	for _, c := range cats {
		for _, s := range fiscalKeys {
			income[s] = income[s].Add(c.current[s])
			carryIn[s] = carryIn[s].Add(c.carry[s])
		}
	}
	var incomeParts, carryParts []decimal.Decimal
	var left [][]Cell
	for i, s := range fiscalKeys {
		left = append(left, []Cell{Str(ChineseNumber(i+1) + "、" + s.Title()), Money(income[s])})
		incomeParts = append(incomeParts, income[s])
		carryParts = append(carryParts, carryIn[s])
	}
	incomeTotal, carryTotal := sum(incomeParts...), sum(carryParts...)
	tl.check(incomeTotal, incomeParts...)
	tl.check(carryTotal, carryParts...)

	var rows []Row
	cols := newColSum(len(fiscalKeys))
	for i, code := range input.Categories {
		amounts := make([]decimal.Decimal, len(fiscalKeys))
		if c := cats[code]; c != nil {
			for k, s := range fiscalKeys {
				amounts[k] = c.current[s].Add(c.carry[s])
			}
		}
		cols.add(amounts)
		cells := []Cell{Str(""), Cell{Kind: KindAmount}}
		if i < len(left) {
			cells = left[i]
		}
		tl.check(sum(amounts...), amounts...)
		cells = append(cells, Str(b.categoryLabel(i, code)), Money(sum(amounts...)))
		for _, a := range amounts {
			cells = append(cells, Money(a))
		}
		rows = append(rows, Row{Kind: RowItem, Level: 1, Cells: cells})
	}
	cols.check(&tl)
	colTotals := cols.sums
	spent := sum(colTotals...)
	tl.check(spent, colTotals...)
	zero := decimal.Zero
	rows = append(rows,
		Row{Kind: RowSubtotal, Cells: append([]Cell{Str("本年收入合计"), Money(incomeTotal), Str("本年支出合计"), Money(spent)}, moneys(colTotals)...)},
		Row{Kind: RowItem, Cells: []Cell{Str("上年财政拨款结转"), Money(carryTotal), Str("年终结转"), Money(zero), Money(zero), Money(zero), Money(zero)}},
	)
	for i, s := range fiscalKeys {
		rows = append(rows, Row{Kind: RowItem, Level: 2, Cells: []Cell{Str(ChineseNumber(i+1) + "、" + s.Title()), Money(carryIn[s]), Str(""), Cell{Kind: KindAmount}, Cell{Kind: KindAmount}, Cell{Kind: KindAmount}, Cell{Kind: KindAmount}}})
	}
	rows = append(rows, Row{Kind: RowTotal, Cells: append([]Cell{Str("收入总计"), Money(incomeTotal.Add(carryTotal)), Str("支出总计"), Money(spent)}, moneys(colTotals)...)})
	tl.check(incomeTotal.Add(carryTotal), incomeTotal, carryTotal)
	t.Rows = rows
	tl.finish(t, false)
	return t
}

func moneys(ds []decimal.Decimal) []Cell {
	cs := make([]Cell, len(ds))
	for i, d := range ds {
		cs[i] = Money(d)
	}
	return cs
}

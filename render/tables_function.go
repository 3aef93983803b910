package render

import (
	"github.com/budgetpub/budgetpub/input"
	"github.com/shopspring/decimal"
)

func hc(row, col, rowSpan, colSpan int, text string) HeaderCell {
	return HeaderCell{Row: row, Col: col, RowSpan: rowSpan, ColSpan: colSpan, Text: text}
}

func basicOf(l line) decimal.Decimal   { return l.basic }
func projectOf(l line) decimal.Decimal { return l.project }
func totalOf(l line) decimal.Decimal   { return l.total() }

// sourceOf measures a line's total when it is of the given source and current year.
func sourceOf(src input.Source) measure {
	return func(l line) decimal.Decimal {
		if l.source == src && !l.carryover {
			return l.total()
		}
		return decimal.Zero
	}
}

// table2 is 预算收入总表: function rows by source; carry-over apart.
func (b *builder) table2() *Table {
	t := b.newTable(2, "预算收入总表", true)
	t.Columns = columns(KindCode, KindText, KindAmount, KindAmount, KindAmount, KindAmount, KindAmount, KindAmount, KindAmount)
	t.HeaderRows = 2
	t.Header = []HeaderCell{
		hc(0, 0, 1, 2, "项目"), hc(0, 2, 1, 6, "本年收入"), hc(0, 8, 2, 1, "上年结转"),
		hc(1, 0, 1, 1, "科目编码"), hc(1, 1, 1, 1, "科目名称"), hc(1, 2, 1, 1, "合计"),
		hc(1, 3, 1, 1, "一般公共预算"), hc(1, 4, 1, 1, "政府性基金"), hc(1, 5, 1, 1, "国有资本经营预算"),
		hc(1, 6, 1, 1, "财政专户管理资金"), hc(1, 7, 1, 1, "单位资金"),
	}
	current := func(l line) decimal.Decimal {
		if l.carryover {
			return decimal.Zero
		}
		return l.total()
	}
	carry := func(l line) decimal.Decimal {
		if l.carryover {
			return l.total()
		}
		return decimal.Zero
	}
	ms := []measure{current}
	for _, s := range sourceKeys {
		ms = append(ms, sourceOf(s))
	}
	ms = append(ms, carry)
	var tl tally
	rows, any := b.treeRows(func(line) bool { return true }, ms, &tl)
	t.Rows = rows
	tl.finish(t, !any)
	return t
}

var sourceKeys = input.AllSources

// functionTable is the layout of tables 3, 5 and 8: function rows split into
// basic and project expenditure.
func (b *builder) functionTable(n int, title string, keep func(line) bool) *Table {
	t := b.newTable(n, title, false)
	t.Columns = columns(KindCode, KindText, KindAmount, KindAmount, KindAmount)
	t.HeaderRows = 2
	t.Header = []HeaderCell{
		hc(0, 0, 1, 2, "项目"), hc(0, 2, 1, 3, b.year()+"预算数"),
		hc(1, 0, 1, 1, "科目编码"), hc(1, 1, 1, 1, "科目名称"),
		hc(1, 2, 1, 1, "合计"), hc(1, 3, 1, 1, "基本支出"), hc(1, 4, 1, 1, "项目支出"),
	}
	var tl tally
	rows, any := b.treeRows(keep, []measure{totalOf, basicOf, projectOf}, &tl)
	for _, r := range rows {
		tl.check(r.Cells[2].Amount, r.Cells[3].Amount, r.Cells[4].Amount)
	}
	t.Rows = rows
	tl.finish(t, !any)
	return t
}

// table3 is 预算支出总表: every line, current year and carry-over together.
func (b *builder) table3() *Table {
	return b.functionTable(3, "预算支出总表", func(line) bool { return true })
}

// table5 is the general public budget of the current year.
func (b *builder) table5() *Table {
	return b.functionTable(5, "一般公共预算支出预算表（不含上年结转）", func(l line) bool {
		return l.source == input.GeneralPublic && !l.carryover
	})
}

// table8 is the government-fund budget of the current year.
func (b *builder) table8() *Table {
	return b.functionTable(8, "政府性基金预算支出表（不含上年结转）", func(l line) bool {
		return l.source == input.GovernmentFund && !l.carryover
	})
}

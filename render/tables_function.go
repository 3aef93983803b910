package render

import (
	"github.com/budgetpub/budgetpub/input"
	"github.com/shopspring/decimal"
)

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
func (b *builder) table2(t *Table) {
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
	for _, s := range input.AllSources {
		ms = append(ms, sourceOf(s))
	}
	ms = append(ms, carry)
	var tl tally
	rows, any := b.treeRows(func(line) bool { return true }, ms, &tl)
	t.Rows = rows
	tl.finish(t, !any)
}

// functionTable fills a table of function rows split into basic and project
// expenditure (tables 3, 5 and 8) from the lines that pass keep.
func (b *builder) functionTable(t *Table, keep func(line) bool) {
	var tl tally
	rows, any := b.treeRows(keep, []measure{totalOf, basicOf, projectOf}, &tl)
	total, basic, project := t.Col(ColTotal), t.Col(ColBasic), t.Col(ColProject)
	for _, r := range rows {
		tl.check(r.Cells[total].Exact, r.Cells[basic].Exact, r.Cells[project].Exact)
	}
	t.Rows = rows
	tl.finish(t, !any)
}

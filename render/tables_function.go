package render

import (
	"github.com/budgetpub/budgetpub/input"
	"github.com/shopspring/decimal"
)

func basicOf(l Line) decimal.Decimal   { return l.Basic }
func projectOf(l Line) decimal.Decimal { return l.Project }
func totalOf(l Line) decimal.Decimal   { return l.Total() }

// sourceOf measures a line's total when it is of the given source and current year.
func sourceOf(src input.Source) Measure {
	return func(l Line) decimal.Decimal {
		if l.Source == src && !l.Carryover {
			return l.Total()
		}
		return decimal.Zero
	}
}

// table2 is 预算收入总表: function rows by source; carry-over apart.
func (b *Builder) table2(t *Table) {
	current := func(l Line) decimal.Decimal {
		if l.Carryover {
			return decimal.Zero
		}
		return l.Total()
	}
	carry := func(l Line) decimal.Decimal {
		if l.Carryover {
			return l.Total()
		}
		return decimal.Zero
	}
	ms := []Measure{current}
	for _, s := range input.AllSources {
		ms = append(ms, sourceOf(s))
	}
	ms = append(ms, carry)
	var tl TailCheck
	rows, any := b.TreeRows(func(Line) bool { return true }, ms, &tl)
	t.Rows = rows
	tl.Finish(t, !any)
}

// functionTable fills a table of function rows split into basic and project
// expenditure (tables 3, 5 and 8) from the lines that pass keep.
func (b *Builder) functionTable(t *Table, keep func(Line) bool) {
	var tl TailCheck
	rows, any := b.TreeRows(keep, []Measure{totalOf, basicOf, projectOf}, &tl)
	total, basic, project := t.Col(ColTotal), t.Col(ColBasic), t.Col(ColProject)
	for _, r := range rows {
		tl.Check(r.Cells[total].Exact, r.Cells[basic].Exact, r.Cells[project].Exact)
	}
	t.Rows = rows
	tl.Finish(t, !any)
}

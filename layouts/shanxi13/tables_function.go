package shanxi13

import (
	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
	"github.com/shopspring/decimal"
)

func basicOf(l render.Line) decimal.Decimal   { return l.Basic }
func projectOf(l render.Line) decimal.Decimal { return l.Project }
func totalOf(l render.Line) decimal.Decimal   { return l.Total() }

// sourceOf measures a line's total when it is of the given source and current year.
func sourceOf(src input.Source) render.Measure {
	return func(l render.Line) decimal.Decimal {
		if l.Source == src && !l.Carryover {
			return l.Total()
		}
		return decimal.Zero
	}
}

// table2 is 预算收入总表: function rows by source; carry-over apart.
func table2(b *render.Builder, t *render.Table) {
	current := func(l render.Line) decimal.Decimal {
		if l.Carryover {
			return decimal.Zero
		}
		return l.Total()
	}
	carry := func(l render.Line) decimal.Decimal {
		if l.Carryover {
			return l.Total()
		}
		return decimal.Zero
	}
	ms := []render.Measure{current}
	for _, s := range input.AllSources {
		ms = append(ms, sourceOf(s))
	}
	ms = append(ms, carry)
	var tl render.TailCheck
	rows, any := b.TreeRows(func(render.Line) bool { return true }, ms, &tl)
	t.Rows = rows
	tl.Finish(t, !any)
}

// functionTable fills a table of function rows split into basic and project
// expenditure (tables 3, 5 and 8) from the lines that pass keep.
func functionTable(b *render.Builder, t *render.Table, keep func(render.Line) bool) {
	var tl render.TailCheck
	rows, any := b.TreeRows(keep, []render.Measure{totalOf, basicOf, projectOf}, &tl)
	total, basic, project := t.Col(render.ColTotal), t.Col(render.ColBasic), t.Col(render.ColProject)
	for _, r := range rows {
		tl.Check(r.Cells[total].Exact, r.Cells[basic].Exact, r.Cells[project].Exact)
	}
	t.Rows = rows
	tl.Finish(t, !any)
}

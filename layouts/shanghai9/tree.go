package shanghai9

import (
	"github.com/budgetpub/budgetpub/render"
	"github.com/shopspring/decimal"
)

// yuan is a measure in 元: the input's exact 万元 shifted four places, so
// that a figure printed in 元 is the exact amount's, never a rounded
// 万元 figure's.
func yuan(m render.Measure) render.Measure {
	return func(l render.Line) decimal.Decimal { return m(l).Shift(4) }
}

// current is a line of the budget year (Shanghai's tables have no 上年结转).
func current(l render.Line) bool { return !l.Carryover }

func totalOf(l render.Line) decimal.Decimal   { return l.Total() }
func basicOf(l render.Line) decimal.Decimal   { return l.Basic }
func projectOf(l render.Line) decimal.Decimal { return l.Project }

// codeRows are the 类/款/项 rows of the lines that pass keep, each measured
// by ms in 元, with the functional code in three columns — a 类 row fills
// 类 only, a 款 row 类 and 款, a 项 row all three — and the 合计 row last.
// It reports whether any line was kept.
func codeRows(b *render.Builder, keep func(render.Line) bool, ms []render.Measure, tl *render.TailCheck) ([]render.Row, bool) {
	yms := make([]render.Measure, len(ms))
	for i, m := range ms {
		yms[i] = yuan(m)
	}
	rows, any := b.TreeRowsWith(func(l render.Line) bool { return current(l) && keep(l) }, yms, tl, func(code string) []render.Cell {
		return codeLead(b, code)
	})
	// Shanghai prints 合计 last.
	return append(rows[1:], rows[0]), any
}

// codeLead is a row's code in three columns and its name; the 合计 row's
// label in the first.
func codeLead(b *render.Builder, code string) []render.Cell {
	lead := []render.Cell{render.CodeCell(""), render.CodeCell(""), render.CodeCell(""), render.Str("")}
	if code == "" {
		lead[0] = render.Str("合计")
		return lead
	}
	lead[0] = render.CodeCell(code[:3])
	if len(code) >= 5 {
		lead[1] = render.CodeCell(code[3:5])
	}
	if len(code) == 7 {
		lead[2] = render.CodeCell(code[5:7])
	}
	lead[3] = render.Str(b.Doc.Name(code))
	return lead
}

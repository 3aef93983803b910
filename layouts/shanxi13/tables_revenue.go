package shanxi13

import (
	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
	"github.com/shopspring/decimal"
)

// revenueRows lays out revenue lines as 合计 and 类/款/项 rows.
func revenueRows(b *render.Builder, lines []input.RevenueLine, t *render.TailCheck) []render.Row {
	byCode := map[string]decimal.Decimal{}
	for _, l := range lines {
		byCode[l.Code.Value] = byCode[l.Code.Value].Add(l.Amount.Value)
	}
	leaves := make([]render.CodeAmounts, 0, len(byCode))
	for c, a := range byCode {
		leaves = append(leaves, render.CodeAmounts{Code: c, Amounts: []decimal.Decimal{a}})
	}
	return b.Tree(leaves, 1, t)
}

// table7 is 政府性基金预算收入表.
func table7(b *render.Builder, t *render.Table) {
	var tl render.TailCheck
	t.Rows = revenueRows(b, b.Doc.GovFundRev, &tl)
	tl.Finish(t, len(b.Doc.GovFundRev) == 0)
}

// table9 is 国有资本经营预算收支预算表: revenue rows on the left and
// state-capital expenditure of the current year on the right, side by side.
func table9(b *render.Builder, t *render.Table) {
	var tl render.TailCheck
	lefts := revenueRows(b, b.Doc.StateCapRev, &tl)
	rights, anyRight := b.TreeRows(func(l render.Line) bool {
		return l.Source == input.StateCapital && !l.Carryover
	}, []render.Measure{totalOf, basicOf, projectOf}, &tl)
	for i := 0; i < max(len(lefts), len(rights)); i++ {
		var row render.Row
		if i < len(lefts) {
			l := lefts[i]
			row = render.Row{Kind: l.Kind, Level: l.Level, LeftKey: l.Key, Cells: append([]render.Cell(nil), l.Cells...)}
		} else {
			row.Cells = t.BlankHalf(render.SideLeft)
		}
		if i < len(rights) {
			r := rights[i]
			row.Key = r.Key
			row.Cells = append(row.Cells, r.Cells...)
			if i >= len(lefts) {
				row.Kind, row.Level = r.Kind, r.Level
			}
		} else {
			row.Cells = append(row.Cells, t.BlankHalf(render.SideMain)...)
		}
		t.Rows = append(t.Rows, row)
	}
	tl.Finish(t, len(b.Doc.StateCapRev) == 0 && !anyRight)
}

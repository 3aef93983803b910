package shanghai9

import (
	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
	"github.com/shopspring/decimal"
)

// revenueKind is a column of Shanghai's revenue: 财政拨款收入, 事业收入,
// 事业单位经营收入, 其他收入.
type revenueKind int

const (
	kindFiscal revenueKind = iota
	kindBusiness
	kindOperating
	kindOther
	numKinds
)

// kindTitles are the kinds as table 1 and 2 print them.
var kindTitles = [numKinds]string{"财政拨款收入", "事业收入", "事业单位经营收入", "其他收入"}

// kindCols are table 2's columns of the kinds.
var kindCols = [numKinds]render.ColKey{ColFiscal, "business", "operating", "other"}

// kindOf is a line's revenue kind: 财政拨款 for its three sources, else the
// kind the line gives (income_kind); ok false when it gives none — the
// tables cannot place that money, and the publication says so.
func kindOf(l render.Line) (k revenueKind, ok bool) {
	switch {
	case l.Source.Fiscal():
		return kindFiscal, true
	case !l.IncomeGiven:
		return kindOther, false
	}
	switch l.Income {
	case input.IncomeBusiness:
		return kindBusiness, true
	case input.IncomeOperating:
		return kindOperating, true
	}
	return kindOther, true
}

// byKind sums the current-year lines' totals (in 元) by kind; unplaced is
// the money of lines whose kind is not given.
func byKind(b *render.Builder) (sums [numKinds]decimal.Decimal, unplaced decimal.Decimal) {
	for _, l := range b.Lines {
		if !current(l) {
			continue
		}
		a := l.Total().Shift(4)
		if k, ok := kindOf(l); ok {
			sums[k] = sums[k].Add(a)
		} else {
			unplaced = unplaced.Add(a)
		}
	}
	return sums, unplaced
}

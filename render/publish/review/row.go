package review

import (
	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
	"github.com/shopspring/decimal"
)

// Opt is a cell that may be blank: V when Set.
type Opt[T any] struct {
	V   T
	Set bool
}

// Of is the cell holding v.
func Of[T any](v T) Opt[T] { return Opt[T]{V: v, Set: true} }

// Amount is an amount cell (万元, to the cent); Count a whole number's.
type (
	Amount = Opt[decimal.Decimal]
	Count  = Opt[int]
)

// Department is one row of 汇总: a department as the review shows it. Its
// fields are its columns, each declared once in columns.go with its
// title and kind; the workbook's cells are made of it, and read back into
// it, only where the workbook is written and read. A text "" is an empty
// cell.
type Department struct {
	File        string // 输入文件: the row's key
	Name        string
	Year        Count
	Layout      string // 版式: the layout the department was built in
	Total       Amount // the first of the figures, blank when never computed
	TotalChange Amount // the changes on last year: blank when it was not given
	TotalPct    Amount
	GP          Amount // 一般公共预算
	GPChange    Amount
	GPPct       Amount
	GPBudget    Amount // a 决算's 年初预算 of 一般公共预算
	GPRate      Amount // its 执行率: 决算 ÷ 年初预算, in percent
	Basic       Amount
	Project     Amount
	ThreePublic Amount
	TPChange    Amount
	TPPct       Amount
	TPBudget    Amount // a 决算's “三公” 年初预算
	TPRate      Amount // its 执行率
	Travel      Amount
	Reception   Amount
	VehicleBuy  Amount
	VehicleRun  Amount
	Operating   Amount
	OpChange    Amount
	OpPct       Amount
	Projects    Count
	GoalForms   Count // the last of the figures
	Warnings    Count
	Incomplete  Count
	Errors      Count
	IDs         string
	Status      string
	Outputs     string // the files written (joined by deptfiles.Sep), or the problem
	MovedTo     string
	Code        string // 部门编码, the roster's key
	Fingerprint string
	Runs        Count
	ReviewState string // the reviewer's: 审核状态 and 审核意见, never written by budgetpub
	ReviewNote  string
}

// Entry is one department of a run, as publish gives it to the review:
// its row of 汇总, and its input's errors and its findings for 核对结果.
type Entry struct {
	Row         Department
	InputErrors input.Errors
	Findings    []render.Finding
}

// Change is the printed figure's change on the prior year, blank without
// one.
func Change(cur decimal.Decimal, prior render.Prior) Amount {
	if !prior.Set {
		return Amount{}
	}
	return Of(render.Round(cur).Sub(render.Round(prior.Value)))
}

// Rate is actual as a percentage of budget (a 决算's 执行率), both to
// the cent, rounded half away from zero to two decimals once; blank for a
// budget of 0.
func Rate(actual, budget decimal.Decimal) Amount {
	if render.Round(budget).IsZero() {
		return Amount{}
	}
	return Of(render.Round(actual).Mul(decimal.NewFromInt(100)).DivRound(render.Round(budget), 2))
}

// Percent is the change of cur on prior in percent, both to the cent,
// rounded half away from zero to two decimals once; blank when the prior
// year is not given or is 0 (no percentage of nothing).
func Percent(cur decimal.Decimal, prior render.Prior) Amount {
	c := Change(cur, prior)
	if !c.Set || render.Round(prior.Value).IsZero() {
		return Amount{}
	}
	return Of(c.V.Mul(decimal.NewFromInt(100)).DivRound(render.Round(prior.Value), 2))
}

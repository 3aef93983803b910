package final9

import (
	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
	"github.com/shopspring/decimal"
)

// summarize is what a bureau reads of a 决算, in 万元: 收入支出总计 (表1),
// 一般公共预算财政拨款支出 (表5) and its 年初预算, 基本 and 项目 (表3),
// “三公” by item (表7, 决算数) and its 年初预算, 机关运行经费, and last
// year's 决算 the text compares with.
func summarize(p *render.Publication) *render.Summary {
	f := factsOf(p)
	t3 := p.Table(F3)
	k := render.KnownAs
	tp := f.ThreePublic
	s := &render.Summary{
		Total: k(f.Total), GeneralPublic: k(f.GeneralPublic),
		Basic: k(t3.Exact(render.TotalRow, render.ColBasic)), Project: k(t3.Exact(render.TotalRow, render.ColProject)),
		ThreePublic: k(tp.Actual), Travel: k(tp.Travel), Reception: k(tp.Reception),
		VehiclePurchase: k(tp.VehiclePurchase), VehicleOperation: k(tp.VehicleOperation), OperatingCosts: k(f.OperatingCosts),
		PriorTotal: f.PriorTotal, PriorGeneralPublic: f.PriorGP, PriorThreePublic: tp.Prior, PriorOperatingCosts: f.PriorOperating,
	}
	if f.GPBudget.Known {
		s.Budget = k(f.GPBudget.Initial)
	}
	if tp.BudgetKnown {
		s.ThreePublicBudget = k(tp.Budget)
	}
	return s
}

// nextPriorYear is the prior_year block of next year's 决算: this year's
// 决算 figures its sentences compare with, each rounded as printed.
func nextPriorYear(p *render.Publication) input.PriorYear {
	f := factsOf(p)
	set := func(d decimal.Decimal) input.Amount { return input.Amount{Value: d.Round(2), Set: true} }
	tp := f.ThreePublic
	return input.PriorYear{
		Total:         set(f.Total),
		Fiscal:        set(f.FiscalTotal),
		GeneralPublic: set(f.GeneralPublic),
		ThreePublic: input.PriorThreePublic{
			OutboundTravel: set(tp.Travel), Reception: set(tp.Reception),
			VehiclePurchase: set(tp.VehiclePurchase), VehicleOperation: set(tp.VehicleOperation),
		},
		OperatingCosts: set(f.OperatingCosts),
	}
}

package shanghai9

import (
	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
	"github.com/shopspring/decimal"
)

// summarize is what a bureau reads of a Shanghai publication, in 万元:
// 收支总计 (表1), 一般公共预算 (表5), 基本 and 项目 (表3), “三公” by item and
// 机关运行经费 (表9), the projects and their goal forms.
func summarize(p *render.Publication) *render.Summary {
	f := factsOf(p)
	t3 := p.Table(S3)
	k := render.KnownAs
	s := &render.Summary{
		Total: k(f.Spending), GeneralPublic: k(f.GeneralPublic),
		Basic: k(wan(t3.Exact(render.TotalRow, render.ColBasic))), Project: k(wan(t3.Exact(render.TotalRow, render.ColProject))),
		ThreePublic: k(f.ThreePublic), Travel: k(f.Travel), Reception: k(f.Reception),
		VehiclePurchase: k(f.VehiclePurchase), VehicleOperation: k(f.VehicleOperation), OperatingCosts: k(f.OperatingCosts),
		PriorGeneralPublic: f.PriorGP, PriorThreePublic: f.PriorThreePublic,
		GoalForms: f.GoalProjects, // the projects with goals (this layout prints no forms)
	}
	s.Projects = f.Projects
	return s
}

// nextPriorYear is the prior_year block of the year after: this year's
// budget figures its sentences compare with, each rounded as printed.
func nextPriorYear(p *render.Publication) input.PriorYear {
	f := factsOf(p)
	set := func(d decimal.Decimal) input.Amount { return input.Amount{Value: d.Round(2), Set: true} }
	return input.PriorYear{
		Total:         set(f.Spending),
		GeneralPublic: set(f.GeneralPublic),
		ThreePublic: input.PriorThreePublic{
			OutboundTravel: set(f.Travel), Reception: set(f.Reception),
			VehiclePurchase: set(f.VehiclePurchase), VehicleOperation: set(f.VehicleOperation),
		},
		OperatingCosts: set(f.OperatingCosts),
	}
}

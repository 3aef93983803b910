// Package shanxi13 is the layout shanxi-13, the default: the 13 tables of
// 部门预算公开 (预算公开表1—13, the 财政部 model as 山西省 and 大同市 publish
// them), their builders, the figures 第三部分 quotes (Facts), its
// sentences and forms, the checks between its tables, and what a bureau
// reads of it (Summary) and carries into next year (PriorYear). It is one
// render.Profile, registered at init: importing the package (package
// layouts does) makes the layout known.
package shanxi13

import (
	"reflect"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
	"github.com/budgetpub/budgetpub/templates"
	"github.com/shopspring/decimal"
)

// Profile is the layout shanxi-13: the 13 tables, in 万元.
var Profile = &render.Profile{ID: input.DefaultLayout, Name: "部门预算公开表（13张）", Kind: render.KindBudget,
	TitleFormat: "%d年度部门预算公开", LabelFormat: "预算公开表%d"}

func init() {
	Profile.Tables = standardTables()
	Profile.Checks = standardChecks
	Profile.Lines = []render.LineTable{{Lines: render.LinesExpenditure, Table: T3, Total: render.ColTotal}, {Lines: render.LinesEconomic, Table: T6, Total: render.ColTotal}, {Lines: render.LinesGovFundRevenue, Table: T7, Total: render.ColRevenue},
		{Lines: render.LinesStateCapitalRevenue, Table: T9, Total: render.ColRevenue}, {Lines: render.LinesThreePublic, Table: T10, Total: render.ColTotal}, {Lines: render.LinesOperatingCosts, Table: T11, Total: render.ColTotal},
		{Lines: render.LinesProjects, Table: T12, Total: render.ColTotal}, {Lines: render.LinesCarryoverProjects, Table: T13, Total: render.ColTotal}}
	Profile.Parts = standardParts
	Profile.Wording = render.WordingSource{Text: templates.Part3, Data: reflect.TypeOf(Facts{}), About: factAbout}
	Profile.Summarize = summarize
	Profile.PriorYear = nextPriorYear
	Profile.Form = form
	Profile.Import = importDecl
	render.Register(Profile)
}

// summarize is what a bureau reads of a shanxi-13 publication: 收支总计
// (表1), 一般公共预算当年支出 (表5), 基本 and 项目 (表3), “三公” by item (表10),
// 机关运行经费 (表11), the projects and their published goal forms.
func summarize(p *render.Publication) *render.Summary {
	f := factsOf(p)
	k := render.KnownAs
	return &render.Summary{
		Total: k(f.Total), GeneralPublic: k(f.GPCurrent), Basic: k(f.Basic), Project: k(f.Project),
		ThreePublic: k(f.ThreePublic), Travel: k(f.Travel), Reception: k(f.Reception),
		VehiclePurchase: k(f.VehiclePurchase), VehicleOperation: k(f.VehicleOperation),
		OperatingCosts: k(f.OperatingCosts),
		PriorTotal:     f.PriorTotal, PriorGeneralPublic: f.PriorGP, PriorThreePublic: f.PriorThreePublic, PriorOperatingCosts: f.PriorOperatingCosts,
		Projects: f.Projects, GoalForms: f.Published,
	}
}

// nextPriorYear is the prior_year block of the year after: this year's
// computed figures that the 比上年 sentences compare with — 收支总计 (表1),
// 一般公共预算当年支出 (表5), each “三公” item (表10) and 机关运行经费 (表11),
// each rounded as printed.
func nextPriorYear(p *render.Publication) input.PriorYear {
	f := factsOf(p)
	set := func(d decimal.Decimal) input.Amount { return input.Amount{Value: d.Round(2), Set: true} }
	return input.PriorYear{
		Total:         set(f.Total),
		GeneralPublic: set(f.GPCurrent),
		ThreePublic: input.PriorThreePublic{
			OutboundTravel:   set(f.Travel),
			Reception:        set(f.Reception),
			VehiclePurchase:  set(f.VehiclePurchase),
			VehicleOperation: set(f.VehicleOperation),
		},
		OperatingCosts: set(f.OperatingCosts),
	}
}

package final9

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
)

// threePublicFacts are 七's figures off table 7, last year's 决算 and the
// counts.
func threePublicFacts(b *render.Builder) ThreePublicFacts {
	d, t := b.Doc, b.Pub.Table(F7)
	cell := func(c render.ColKey) decimal.Decimal { return t.Exact(render.TotalRow, c) }
	var f ThreePublicFacts
	f.Budget, f.Actual = cell(budgetCol("total")), cell(actualCol("total"))
	f.TravelBudget, f.Travel = cell(budgetCol("outbound_travel")), cell(actualCol("outbound_travel"))
	f.VehiclesBudget, f.Vehicles = cell(budgetCol("vehicles")), cell(actualCol("vehicles"))
	f.ReceptionBudget, f.Reception = cell(budgetCol("reception")), cell(actualCol("reception"))
	f.VehiclePurchase, f.VehicleOperation = cell(actualCol("vehicle_purchase")), cell(actualCol("vehicle_operation"))
	bud := d.Final.ThreePublicBudget
	f.BudgetKnown = bud.OutboundTravel.Set && bud.Reception.Set && bud.VehiclePurchase.Set && bud.VehicleOperation.Set
	if !f.BudgetKnown {
		f.BudgetMark = render.Mark("“三公”经费的年初预算") // table 7 recorded the unknown
	}
	f.Has = !render.Round(f.Actual).IsZero()
	if !f.Has {
		return f
	}
	py := d.PriorYear.ThreePublic
	if py.OutboundTravel.Set && py.Reception.Set && py.VehiclePurchase.Set && py.VehicleOperation.Set {
		f.PriorTravel, f.PriorReception = render.PriorOf(py.OutboundTravel), render.PriorOf(py.Reception)
		f.PriorVehicles = render.Prior{Value: py.VehiclePurchase.Value.Add(py.VehicleOperation.Value), Set: true}
		f.Prior = render.Prior{Value: f.PriorTravel.Value.Add(f.PriorReception.Value).Add(f.PriorVehicles.Value), Set: true}
	} else {
		f.PriorMark = b.Unknown(unknownPriorFinal, "上年度“三公”经费财政拨款支出决算（各项）", "prior_year.three_public", b.KeyPos("prior_year"))
	}
	if f.BudgetKnown {
		f.Versus = versus(f.Actual, f.Budget)
		f.VsBudgetReason = reasonFor(b, d.Final.Reasons.ThreePublicVsBudget, f.Actual, render.Prior{Value: f.Budget, Set: true}, "“三公”经费决算数与预算数不同的原因", "final.reasons.three_public_vs_budget")
	}
	var reasons []string
	for _, r := range []struct {
		name string
		t    input.Text
		cur  render.Prior
		now  decimal.Decimal
		path string
	}{
		{"因公出国（境）费", d.Reasons.OutboundTravelChange, f.PriorTravel, f.Travel, "reasons.outbound_travel_change"},
		{"公务用车购置及运行维护费", d.Final.Reasons.VehiclesChange, f.PriorVehicles, f.Vehicles, "final.reasons.vehicles_change"},
		{"公务接待费", d.Reasons.ReceptionChange, f.PriorReception, f.Reception, "reasons.reception_change"},
	} {
		why := reasonFor(b, r.t, r.now, r.cur, r.name+"支出比上年增减的原因", r.path)
		if why == "" {
			continue
		}
		word := "增加"
		if r.now.LessThan(r.cur.Value) {
			word = "减少"
		}
		reasons = append(reasons, fmt.Sprintf("%s支出%s的主要原因是%s。", r.name, word, why))
	}
	f.ChangeReasons = strings.Join(reasons, "")
	dt := d.Final.ThreePublicDetail
	at := "final.three_public_detail"
	count := func(c input.Count, unit, what, key string) string {
		return countText(b, c, unit, unknownFinal, what, at+"."+key)
	}
	if !render.Round(f.Travel).IsZero() {
		f.Groups = count(dt.OutboundGroups, "个", "因公出国（境）团组数", "outbound_groups")
		f.People = count(dt.OutboundPeople, "人次", "因公出国（境）人次", "outbound_people")
		f.OutboundContent = textOr(b, dt.OutboundContent, unknownFinal, "因公出国（境）费的开支内容", at+".outbound_content")
	}
	if !render.Round(f.VehiclePurchase).IsZero() {
		f.VehiclesBought = count(dt.VehiclesBought, "辆", "购置的公务用车数", "vehicles_bought")
		f.PurchaseUse = textOr(b, dt.PurchaseUse, unknownFinal, "公务用车购置支出的用途", at+".purchase_use")
	}
	if !render.Round(f.Vehicles).IsZero() {
		f.VehiclesHeld = count(dt.VehiclesHeld, "辆", "开支财政拨款的公务用车保有量", "vehicles_held")
	}
	if !render.Round(f.VehicleOperation).IsZero() {
		f.OperationUse = textOr(b, dt.OperationUse, unknownFinal, "公务用车运行维护支出的用途", at+".operation_use")
	}
	if !render.Round(f.Reception).IsZero() {
		f.ReceptionBatches = count(dt.ReceptionBatches, "批次", "国内公务接待批次", "reception_batches")
		f.ReceptionPeople = count(dt.ReceptionPeople, "人次", "国内公务接待人次", "reception_people")
		f.ForeignBatches = count(dt.ForeignBatches, "批次", "接待外宾批次", "foreign_batches")
		f.ForeignPeople = count(dt.ForeignPeople, "人次", "接待外宾人次", "foreign_people")
		f.ForeignAmount = wanText(b, dt.ForeignAmount, unknownFinal, "外宾接待支出", at+".foreign_amount")
		f.ReceptionUse = textOr(b, dt.ReceptionUse, unknownFinal, "公务接待费的用途", at+".reception_use")
	}
	return f
}

// performanceFacts are 十's counts and texts from final.performance.
func performanceFacts(b *render.Builder) PerformanceFacts {
	pf := b.Doc.Final.Performance
	at := "final.performance."
	c := func(n input.Count, unit, what, key string) string {
		return countText(b, n, unit, unknownFinal, what, at+key)
	}
	a := func(x input.Amount, what, key string) string { return wanText(b, x, unknownFinal, what, at+key) }
	f := PerformanceFacts{
		Systems:            textOr(b, pf.Systems, unknownFinal, "预算绩效管理制度", at+"systems"),
		GoalProjects:       c(pf.GoalProjects, "个", "编报绩效目标的项目数", "goal_projects"),
		GoalAmount:         a(pf.GoalAmount, "编报绩效目标的项目预算金额", "goal_amount"),
		TrackedProjects:    c(pf.TrackedProjects, "个", "绩效跟踪评价的项目数", "tracked_projects"),
		TrackedAmount:      a(pf.TrackedAmount, "绩效跟踪评价的项目预算金额", "tracked_amount"),
		EvaluatedProjects:  c(pf.EvaluatedProjects, "个", "绩效自评的项目数", "evaluated_projects"),
		EvaluatedAmount:    a(pf.EvaluatedAmount, "绩效自评的项目预算金额", "evaluated_amount"),
		Excellent:          c(pf.Excellent, "个", "绩效评级为“优”的项目数", "excellent"),
		Good:               c(pf.Good, "个", "绩效评级为“良”的项目数", "good"),
		Pass:               c(pf.Pass, "个", "绩效评级为“合格”的项目数", "pass"),
		Fail:               c(pf.Fail, "个", "绩效评级为“不合格”的项目数", "fail"),
		Problems:           c(pf.Problems, "个", "绩效自评中发现的问题数", "problems"),
		ProblemsFixed:      c(pf.ProblemsFixed, "个", "已经完成整改的问题数", "problems_fixed"),
		ProblemsBeingFixed: c(pf.ProblemsBeingFixed, "个", "正在整改的问题数", "problems_being_fixed"),
	}
	if render.Given(pf.AverageScore) {
		f.AverageScore = strings.TrimSpace(pf.AverageScore.Value) + "分"
	} else {
		f.AverageScore = b.Unknown(unknownFinal, "绩效自评的平均得分", at+"average_score", pf.AverageScore.Pos)
	}
	return f
}

// procurementFacts are 十一（二）'s: the contracts signed by kind
// (procurement), the set-asides and what small and medium enterprises won.
func procurementFacts(b *render.Builder) ProcurementFacts {
	pr, fp := b.Doc.Procurement, b.Doc.Final.Procurement
	var f ProcurementFacts
	if missing := render.ProcurementMissing(pr); len(missing) > 0 {
		f.Mark = b.Unknown(render.UnknownProcurement, "政府采购金额（"+strings.Join(missing, "、")+"）", "procurement", pr.Pos)
		return f
	}
	f.Known = true
	f.Goods, f.Works, f.Services = pr.Goods.Value, pr.Works.Value, pr.Services.Value
	f.Total = f.Goods.Add(f.Works).Add(f.Services)
	f.ReservedSME = wanText(b, pr.ReservedSME, render.UnknownProcurement, "面向中小企业预留政府采购项目预算金额", "procurement.reserved_sme")
	f.ReservedSmallMicro = wanText(b, pr.ReservedSmallMicro, render.UnknownProcurement, "面向小微企业预留政府采购项目预算金额", "procurement.reserved_small_micro")
	at := "final.procurement."
	f.SMEAwarded = wanText(b, fp.SMEAwarded, unknownFinal, "面向中小企业预留的项目中由中小企业中标或成交的采购金额", at+"sme_awarded")
	f.SmallMicroAwarded = wanText(b, fp.SmallMicroAwarded, unknownFinal, "面向小微企业预留的项目中由小微企业中标或成交的采购金额", at+"small_micro_awarded")
	f.OtherSMEAwarded = wanText(b, fp.OtherSMEAwarded, unknownFinal, "其他政府采购项目中由中小企业中标或成交的采购金额", at+"other_sme_awarded")
	return f
}

// vehicleKinds are the categories the 决算 lists, in its order.
var vehicleKinds = []struct {
	name string
	of   func(v input.Vehicles) input.Count
}{
	{"部级领导干部用车", func(v input.Vehicles) input.Count { return v.MinisterialLeader }},
	{"主要领导干部用车", func(v input.Vehicles) input.Count { return v.MainLeader }},
	{"机要通信用车", func(v input.Vehicles) input.Count { return v.Confidential }},
	{"应急保障用车", func(v input.Vehicles) input.Count { return v.Emergency }},
	{"执法执勤用车", func(v input.Vehicles) input.Count { return v.LawEnforcement }},
	{"特种专业技术用车", func(v input.Vehicles) input.Count { return v.SpecialTechnical }},
	{"离退休干部用车", func(v input.Vehicles) input.Count { return v.RetiredCadres }},
	{"其他用车", func(v input.Vehicles) input.Count { return v.Other }},
}

// assetsFacts are 十一（三）'s: the vehicles held at the year's end by
// category (a category not given is none: the categories sum to those
// held, which the check of vehicles holds), the equipment.
func assetsFacts(b *render.Builder) AssetsFacts {
	d := b.Doc
	a := d.Assets
	f := AssetsFacts{AsOf: fmt.Sprintf("%d年12月31日", d.Year)}
	f.Vehicles = countText(b, a.Vehicles.Actual, "辆", render.UnknownAssets, "年末实有车辆数", "assets.vehicles.actual")
	var kinds []string
	for _, k := range vehicleKinds {
		kinds = append(kinds, fmt.Sprintf("%s%d辆", k.name, k.of(a.Vehicles).Value))
	}
	f.Kinds = strings.Join(kinds, "、")
	f.Equipment = countText(b, a.EquipmentOver1m, "台（套）", render.UnknownAssets, "单价100万元（含）以上设备（不含车辆）数", "assets.equipment_over_1m")
	return f
}

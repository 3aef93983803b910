package final9

import (
	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
)

// form is a 决算's fill-in form in the workbench: what its tables cannot
// give, grouped by the sections that print it — last year's 决算, the
// reasons, the counts of “三公”, procurement, assets, performance. (The
// lines — expenditures, final.revenue, balances, budgets — are lists the
// file holds; init --final-from fills the budgets.)
var form = func() []render.FormField {
	text, amount, count := render.TextField, render.AmountField, render.CountField
	const (
		dept   = "部门信息"
		prior  = "上年度决算数（“与上年度相比”用）"
		why    = "增减和差异的原因"
		three  = "七、“三公”经费支出决算情况"
		perf   = "十、预算绩效管理情况"
		buy    = "十一（二）政府采购支出情况"
		assets = "十一（三）国有资产占有使用情况"
	)
	d3 := func(d *input.Document) *input.ThreePublicDetail { return &d.Final.ThreePublicDetail }
	pf := func(d *input.Document) *input.FinalPerformance { return &d.Final.Performance }
	v := func(d *input.Document) *input.Vehicles { return &d.Assets.Vehicles }
	return []render.FormField{
		text("department.name", "部门名称", dept, false, func(d *input.Document) *input.Text { return &d.Department.Name }),
		text("department.code", "部门编码", dept, false, func(d *input.Document) *input.Text { return &d.Department.Code }),
		text("overview.duties", "主要职能", dept, true, func(d *input.Document) *input.Text { return &d.Overview.Duties }),
		amount("prior_year.total", "上年度收入支出总计", prior, func(d *input.Document) *input.Amount { return &d.PriorYear.Total }),
		amount("prior_year.fiscal", "上年度财政拨款收入支出总计", prior, func(d *input.Document) *input.Amount { return &d.PriorYear.Fiscal }),
		amount("prior_year.general_public", "上年度一般公共预算财政拨款支出", prior, func(d *input.Document) *input.Amount { return &d.PriorYear.GeneralPublic }),
		amount("prior_year.three_public.outbound_travel", "上年度因公出国（境）费", prior, func(d *input.Document) *input.Amount { return &d.PriorYear.ThreePublic.OutboundTravel }),
		amount("prior_year.three_public.vehicle_purchase", "上年度公务用车购置费", prior, func(d *input.Document) *input.Amount { return &d.PriorYear.ThreePublic.VehiclePurchase }),
		amount("prior_year.three_public.vehicle_operation", "上年度公务用车运行维护费", prior, func(d *input.Document) *input.Amount { return &d.PriorYear.ThreePublic.VehicleOperation }),
		amount("prior_year.three_public.reception", "上年度公务接待费", prior, func(d *input.Document) *input.Amount { return &d.PriorYear.ThreePublic.Reception }),
		amount("prior_year.operating_costs", "上年度机关运行经费支出", prior, func(d *input.Document) *input.Amount { return &d.PriorYear.OperatingCosts }),
		text("reasons.total_change", "收入支出总计比上年增减的原因", why, true, func(d *input.Document) *input.Text { return &d.Reasons.TotalChange }),
		text("final.reasons.fiscal_change", "财政拨款收入支出总计比上年增减的原因", why, true, func(d *input.Document) *input.Text { return &d.Final.Reasons.FiscalChange }),
		text("reasons.general_public_change", "一般公共预算财政拨款支出比上年增减的原因", why, true, func(d *input.Document) *input.Text { return &d.Reasons.GeneralPublicChange }),
		text("final.reasons.general_public_vs_budget", "一般公共预算财政拨款支出决算数与年初预算不同的原因", why, true, func(d *input.Document) *input.Text { return &d.Final.Reasons.GeneralPublicVsBudget }),
		text("final.reasons.three_public_vs_budget", "“三公”经费决算数与预算数不同的原因", why, true, func(d *input.Document) *input.Text { return &d.Final.Reasons.ThreePublicVsBudget }),
		text("reasons.outbound_travel_change", "因公出国（境）费比上年增减的原因", why, true, func(d *input.Document) *input.Text { return &d.Reasons.OutboundTravelChange }),
		text("final.reasons.vehicles_change", "公务用车购置及运行维护费比上年增减的原因", why, true, func(d *input.Document) *input.Text { return &d.Final.Reasons.VehiclesChange }),
		text("reasons.reception_change", "公务接待费比上年增减的原因", why, true, func(d *input.Document) *input.Text { return &d.Reasons.ReceptionChange }),
		text("reasons.operating_costs_change", "机关运行经费比上年增减的原因", why, true, func(d *input.Document) *input.Text { return &d.Reasons.OperatingCostsChange }),
		count("final.three_public_detail.outbound_groups", "因公出国（境）团组（个）", three, func(d *input.Document) *input.Count { return &d3(d).OutboundGroups }),
		count("final.three_public_detail.outbound_people", "因公出国（境）人次", three, func(d *input.Document) *input.Count { return &d3(d).OutboundPeople }),
		text("final.three_public_detail.outbound_content", "因公出国（境）费开支内容", three, true, func(d *input.Document) *input.Text { return &d3(d).OutboundContent }),
		count("final.three_public_detail.vehicles_bought", "购置公务用车（辆）", three, func(d *input.Document) *input.Count { return &d3(d).VehiclesBought }),
		text("final.three_public_detail.purchase_use", "公务用车购置支出主要用于", three, true, func(d *input.Document) *input.Text { return &d3(d).PurchaseUse }),
		text("final.three_public_detail.operation_use", "公务用车运行维护支出主要用于", three, true, func(d *input.Document) *input.Text { return &d3(d).OperationUse }),
		count("final.three_public_detail.vehicles_held", "开支财政拨款的公务用车保有量（辆）", three, func(d *input.Document) *input.Count { return &d3(d).VehiclesHeld }),
		count("final.three_public_detail.reception_batches", "国内公务接待批次", three, func(d *input.Document) *input.Count { return &d3(d).ReceptionBatches }),
		count("final.three_public_detail.reception_people", "国内公务接待人次", three, func(d *input.Document) *input.Count { return &d3(d).ReceptionPeople }),
		count("final.three_public_detail.foreign_batches", "其中：接待外宾批次", three, func(d *input.Document) *input.Count { return &d3(d).ForeignBatches }),
		count("final.three_public_detail.foreign_people", "接待外宾人次", three, func(d *input.Document) *input.Count { return &d3(d).ForeignPeople }),
		amount("final.three_public_detail.foreign_amount", "外宾接待支出", three, func(d *input.Document) *input.Amount { return &d3(d).ForeignAmount }),
		text("final.three_public_detail.reception_use", "公务接待费主要用于", three, true, func(d *input.Document) *input.Text { return &d3(d).ReceptionUse }),
		text("final.performance.systems", "预算绩效管理制度和工作机制", perf, true, func(d *input.Document) *input.Text { return &pf(d).Systems }),
		count("final.performance.goal_projects", "编报绩效目标的项目（个）", perf, func(d *input.Document) *input.Count { return &pf(d).GoalProjects }),
		amount("final.performance.goal_amount", "编报绩效目标的项目预算金额", perf, func(d *input.Document) *input.Amount { return &pf(d).GoalAmount }),
		count("final.performance.tracked_projects", "绩效跟踪评价的项目（个）", perf, func(d *input.Document) *input.Count { return &pf(d).TrackedProjects }),
		amount("final.performance.tracked_amount", "绩效跟踪评价的项目预算金额", perf, func(d *input.Document) *input.Amount { return &pf(d).TrackedAmount }),
		count("final.performance.evaluated_projects", "绩效自评的项目（个）", perf, func(d *input.Document) *input.Count { return &pf(d).EvaluatedProjects }),
		amount("final.performance.evaluated_amount", "绩效自评的项目预算金额", perf, func(d *input.Document) *input.Amount { return &pf(d).EvaluatedAmount }),
		text("final.performance.average_score", "绩效自评平均得分", perf, false, func(d *input.Document) *input.Text { return &pf(d).AverageScore }),
		count("final.performance.excellent", "评级为“优”的项目（个）", perf, func(d *input.Document) *input.Count { return &pf(d).Excellent }),
		count("final.performance.good", "评级为“良”的项目（个）", perf, func(d *input.Document) *input.Count { return &pf(d).Good }),
		count("final.performance.pass", "评级为“合格”的项目（个）", perf, func(d *input.Document) *input.Count { return &pf(d).Pass }),
		count("final.performance.fail", "评级为“不合格”的项目（个）", perf, func(d *input.Document) *input.Count { return &pf(d).Fail }),
		count("final.performance.problems", "绩效自评发现的问题（个）", perf, func(d *input.Document) *input.Count { return &pf(d).Problems }),
		count("final.performance.problems_fixed", "已经完成整改的（个）", perf, func(d *input.Document) *input.Count { return &pf(d).ProblemsFixed }),
		count("final.performance.problems_being_fixed", "正在整改的（个）", perf, func(d *input.Document) *input.Count { return &pf(d).ProblemsBeingFixed }),
		amount("procurement.goods", "货物采购金额（以合同签订为准）", buy, func(d *input.Document) *input.Amount { return &d.Procurement.Goods }),
		amount("procurement.works", "工程采购金额", buy, func(d *input.Document) *input.Amount { return &d.Procurement.Works }),
		amount("procurement.services", "服务采购金额", buy, func(d *input.Document) *input.Amount { return &d.Procurement.Services }),
		amount("procurement.reserved_sme", "面向中小企业预留政府采购项目预算金额", buy, func(d *input.Document) *input.Amount { return &d.Procurement.ReservedSME }),
		amount("procurement.reserved_small_micro", "面向小微企业预留政府采购项目预算金额", buy, func(d *input.Document) *input.Amount { return &d.Procurement.ReservedSmallMicro }),
		amount("final.procurement.sme_awarded", "预留项目中由中小企业中标或成交的金额", buy, func(d *input.Document) *input.Amount { return &d.Final.Procurement.SMEAwarded }),
		amount("final.procurement.small_micro_awarded", "预留小微企业项目中由小微企业中标或成交的金额", buy, func(d *input.Document) *input.Amount { return &d.Final.Procurement.SmallMicroAwarded }),
		amount("final.procurement.other_sme_awarded", "其他项目中由中小企业中标或成交的金额", buy, func(d *input.Document) *input.Amount { return &d.Final.Procurement.OtherSMEAwarded }),
		count("assets.vehicles.actual", "年末共有车辆（辆）", assets, func(d *input.Document) *input.Count { return &v(d).Actual }),
		count("assets.vehicles.ministerial_leader", "其中：部级领导干部用车（辆）", assets, func(d *input.Document) *input.Count { return &v(d).MinisterialLeader }),
		count("assets.vehicles.main_leader", "主要领导干部用车（辆）", assets, func(d *input.Document) *input.Count { return &v(d).MainLeader }),
		count("assets.vehicles.confidential", "机要通信用车（辆）", assets, func(d *input.Document) *input.Count { return &v(d).Confidential }),
		count("assets.vehicles.emergency", "应急保障用车（辆）", assets, func(d *input.Document) *input.Count { return &v(d).Emergency }),
		count("assets.vehicles.law_enforcement", "执法执勤用车（辆）", assets, func(d *input.Document) *input.Count { return &v(d).LawEnforcement }),
		count("assets.vehicles.special_technical", "特种专业技术用车（辆）", assets, func(d *input.Document) *input.Count { return &v(d).SpecialTechnical }),
		count("assets.vehicles.retired_cadres", "离退休干部用车（辆）", assets, func(d *input.Document) *input.Count { return &v(d).RetiredCadres }),
		count("assets.vehicles.other", "其他用车（辆）", assets, func(d *input.Document) *input.Count { return &v(d).Other }),
		count("assets.equipment_over_1m", "单价100万元（含）以上设备（台、套）", assets, func(d *input.Document) *input.Count { return &d.Assets.EquipmentOver1m }),
	}
}()

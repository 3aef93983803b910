package shanxi13

import (
	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
)

// form is shanxi-13's fill-in form: what its 13 tables cannot give, in
// the order and groups of the parts that print it.
var form = []render.FormField{
	{Name: "department.name", Label: "部门名称", Group: "部门信息", Kind: render.FieldText, Help: "印在每张表的“部门名称：”之后和封面上",
		Text: func(d *input.Document) *input.Text { return &d.Department.Name }},
	{Name: "department.code", Label: "部门编码", Group: "部门信息", Kind: render.FieldText, Help: "如 003（用于绩效目标表“主管部门及代码”）",
		Text: func(d *input.Document) *input.Text { return &d.Department.Code }},
	{Name: "department.region", Label: "地区", Group: "部门信息", Kind: render.FieldText, Help: "如 大同市（用于绩效目标表标题）",
		Text: func(d *input.Document) *input.Text { return &d.Department.Region }},

	{Name: "overview.duties", Label: "部门职责", Group: "第一部分 概况", Kind: render.FieldLong,
		Text: func(d *input.Document) *input.Text { return &d.Overview.Duties }},
	{Name: "overview.organization", Label: "机构设置", Group: "第一部分 概况", Kind: render.FieldLong,
		Text: func(d *input.Document) *input.Text { return &d.Overview.Organization }},

	{Name: "prior_year.total", Label: "上年收支总计", Group: "上年预算数", Kind: render.FieldAmount,
		Amount: func(d *input.Document) *input.Amount { return &d.PriorYear.Total }},
	{Name: "prior_year.general_public", Label: "上年一般公共预算当年支出", Group: "上年预算数", Kind: render.FieldAmount,
		Amount: func(d *input.Document) *input.Amount { return &d.PriorYear.GeneralPublic }},
	{Name: "prior_year.three_public.outbound_travel", Label: "上年因公出国（境）费", Group: "上年预算数", Kind: render.FieldAmount,
		Amount: func(d *input.Document) *input.Amount { return &d.PriorYear.ThreePublic.OutboundTravel }},
	{Name: "prior_year.three_public.reception", Label: "上年公务接待费", Group: "上年预算数", Kind: render.FieldAmount,
		Amount: func(d *input.Document) *input.Amount { return &d.PriorYear.ThreePublic.Reception }},
	{Name: "prior_year.three_public.vehicle_purchase", Label: "上年公务用车购置费", Group: "上年预算数", Kind: render.FieldAmount,
		Amount: func(d *input.Document) *input.Amount { return &d.PriorYear.ThreePublic.VehiclePurchase }},
	{Name: "prior_year.three_public.vehicle_operation", Label: "上年公务用车运行维护费", Group: "上年预算数", Kind: render.FieldAmount,
		Amount: func(d *input.Document) *input.Amount { return &d.PriorYear.ThreePublic.VehicleOperation }},
	{Name: "prior_year.operating_costs", Label: "上年机关运行经费", Group: "上年预算数", Kind: render.FieldAmount,
		Amount: func(d *input.Document) *input.Amount { return &d.PriorYear.OperatingCosts }},

	{Name: "reasons.total_change", Label: "收支总计增减的原因", Group: "增减变动的原因", Kind: render.FieldLong,
		Hint: render.ChangeHint(func(s *render.Summary) render.Known { return s.Total }, func(s *render.Summary) render.Prior { return s.PriorTotal }, "收支总计"),
		Text: func(d *input.Document) *input.Text { return &d.Reasons.TotalChange }},
	{Name: "reasons.general_public_change", Label: "一般公共预算支出增减的原因", Group: "增减变动的原因", Kind: render.FieldLong,
		Hint: render.ChangeHint(func(s *render.Summary) render.Known { return s.GeneralPublic }, func(s *render.Summary) render.Prior { return s.PriorGeneralPublic }, "一般公共预算当年支出"),
		Text: func(d *input.Document) *input.Text { return &d.Reasons.GeneralPublicChange }},
	{Name: "reasons.three_public_change", Label: "“三公”经费增减的原因", Group: "增减变动的原因", Kind: render.FieldLong,
		Hint: render.ChangeHint(func(s *render.Summary) render.Known { return s.ThreePublic }, func(s *render.Summary) render.Prior { return s.PriorThreePublic }, "“三公”经费"),
		Text: func(d *input.Document) *input.Text { return &d.Reasons.ThreePublicChange }},
	{Name: "reasons.operating_costs_change", Label: "机关运行经费增减的原因", Group: "增减变动的原因", Kind: render.FieldLong,
		Hint: render.ChangeHint(func(s *render.Summary) render.Known { return s.OperatingCosts }, func(s *render.Summary) render.Prior { return s.PriorOperatingCosts }, "机关运行经费"),
		Text: func(d *input.Document) *input.Text { return &d.Reasons.OperatingCostsChange }},

	{Name: "procurement.goods", Label: "政府采购货物预算", Group: "九、政府采购情况", Kind: render.FieldAmount,
		Amount: func(d *input.Document) *input.Amount { return &d.Procurement.Goods }},
	{Name: "procurement.works", Label: "政府采购工程预算", Group: "九、政府采购情况", Kind: render.FieldAmount,
		Amount: func(d *input.Document) *input.Amount { return &d.Procurement.Works }},
	{Name: "procurement.services", Label: "政府采购服务预算", Group: "九、政府采购情况", Kind: render.FieldAmount,
		Amount: func(d *input.Document) *input.Amount { return &d.Procurement.Services }},

	{Name: "performance.overall_goal_amount", Label: "单位整体绩效目标涉及的资金", Group: "十、绩效管理情况", Kind: render.FieldAmount,
		Amount: func(d *input.Document) *input.Amount { return &d.Performance.OverallGoalAmount }},

	{Name: "assets.as_of", Label: "截至（统计日期）", Group: "十一、国有资产占有使用情况", Kind: render.FieldText, Help: "如 2023-12-31，印作“截至2023年12月31日”",
		Text: func(d *input.Document) *input.Text { return &d.Assets.AsOf }},
	{Name: "assets.vehicles.quota", Label: "公务用车编制（辆）", Group: "十一、国有资产占有使用情况", Kind: render.FieldCount,
		Count: func(d *input.Document) *input.Count { return &d.Assets.Vehicles.Quota }},
	{Name: "assets.vehicles.actual", Label: "实有（辆）", Help: "应等于下面各类之和", Group: "十一、国有资产占有使用情况", Kind: render.FieldCount,
		Count: func(d *input.Document) *input.Count { return &d.Assets.Vehicles.Actual }},
	{Name: "assets.vehicles.leader", Label: "其中：领导用车（辆）", Group: "十一、国有资产占有使用情况", Kind: render.FieldCount,
		Count: func(d *input.Document) *input.Count { return &d.Assets.Vehicles.Leader }},
	{Name: "assets.vehicles.confidential", Label: "机要通信用车（辆）", Group: "十一、国有资产占有使用情况", Kind: render.FieldCount,
		Count: func(d *input.Document) *input.Count { return &d.Assets.Vehicles.Confidential }},
	{Name: "assets.vehicles.emergency", Label: "应急保障用车（辆）", Group: "十一、国有资产占有使用情况", Kind: render.FieldCount,
		Count: func(d *input.Document) *input.Count { return &d.Assets.Vehicles.Emergency }},
	{Name: "assets.vehicles.law_enforcement", Label: "执法执勤用车（辆）", Group: "十一、国有资产占有使用情况", Kind: render.FieldCount,
		Count: func(d *input.Document) *input.Count { return &d.Assets.Vehicles.LawEnforcement }},
	{Name: "assets.vehicles.special_technical", Label: "特种专业技术用车（辆）", Group: "十一、国有资产占有使用情况", Kind: render.FieldCount,
		Count: func(d *input.Document) *input.Count { return &d.Assets.Vehicles.SpecialTechnical }},
	{Name: "assets.vehicles.institution_business", Label: "事业单位业务用车（辆）", Group: "十一、国有资产占有使用情况", Kind: render.FieldCount,
		Count: func(d *input.Document) *input.Count { return &d.Assets.Vehicles.InstitutionBusiness }},
	{Name: "assets.vehicles.other", Label: "其他公务用车（辆）", Group: "十一、国有资产占有使用情况", Kind: render.FieldCount,
		Count: func(d *input.Document) *input.Count { return &d.Assets.Vehicles.Other }},
	{Name: "assets.office_area_m2", Label: "办公用房建筑总面积（平方米）", Group: "十一、国有资产占有使用情况", Kind: render.FieldText,
		Text: func(d *input.Document) *input.Text { return &d.Assets.OfficeAreaM2 }},
	{Name: "assets.equipment_over_500k", Label: "价值50万元（原值）以上的通用设备（台、套）", Group: "十一、国有资产占有使用情况", Kind: render.FieldCount,
		Count: func(d *input.Document) *input.Count { return &d.Assets.EquipmentOver500k }},
	{Name: "assets.equipment_over_1m", Label: "价值100万元（原值）以上的通用设备（台、套）", Group: "十一、国有资产占有使用情况", Kind: render.FieldCount,
		Count: func(d *input.Document) *input.Count { return &d.Assets.EquipmentOver1m }},

	{Name: "notes.purchase_of_services", Label: "（一）政府购买服务指导性目录", Group: "十二、其他说明", Kind: render.FieldLong,
		Text: func(d *input.Document) *input.Text { return &d.Notes.PurchaseOfServices }},
	{Name: "notes.other", Label: "（二）其他", Group: "十二、其他说明", Kind: render.FieldLong,
		Text: func(d *input.Document) *input.Text { return &d.Notes.Other }},
}

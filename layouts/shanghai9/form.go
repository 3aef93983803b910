package shanghai9

import (
	"strings"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
)

// formOf is a variant's fill-in form in the workbench: what its tables
// cannot give, grouped by the parts that print it, the publisher called
// 部门 or 单位 as its variant does. (The purposes of the subjects and the
// projects' descriptions are lists the file holds.)
func formOf(va variant) []render.FormField {
	who := strings.TrimPrefix(va.prefix, "预算") // 部门 or 单位
	text, amount, count := render.TextField, render.AmountField, render.CountField
	dept := who + "信息"
	const (
		intro  = "一、主要职能 二、机构设置"
		prior  = "上年预算数"
		three  = "六、其他相关情况说明（一）“三公”经费"
		buy    = "六、其他相关情况说明（三）政府采购预算"
		assets = "六、其他相关情况说明（五）国有资产占有使用情况"
	)
	v := func(d *input.Document) *input.Vehicles { return &d.Assets.Vehicles }
	return []render.FormField{
		text("department.name", who+"名称", dept, false, func(d *input.Document) *input.Text { return &d.Department.Name }),
		text("department.code", who+"编码", dept, false, func(d *input.Document) *input.Text { return &d.Department.Code }),
		text("overview.duties", "主要职能", intro, true, func(d *input.Document) *input.Text { return &d.Overview.Duties }),
		text("overview.organization", "机构设置", intro, true, func(d *input.Document) *input.Text { return &d.Overview.Organization }),
		amount("prior_year.fiscal", "上年财政拨款预算", prior, func(d *input.Document) *input.Amount { return &d.PriorYear.Fiscal }),
		amount("prior_year.general_public", "上年一般公共预算拨款支出预算", prior, func(d *input.Document) *input.Amount { return &d.PriorYear.GeneralPublic }),
		amount("prior_year.government_fund", "上年政府性基金拨款支出预算", prior, func(d *input.Document) *input.Amount { return &d.PriorYear.GovernmentFund }),
		amount("prior_year.state_capital", "上年国有资本经营预算拨款支出预算", prior, func(d *input.Document) *input.Amount { return &d.PriorYear.StateCapital }),
		amount("prior_year.three_public.outbound_travel", "上年因公出国（境）费", prior, func(d *input.Document) *input.Amount { return &d.PriorYear.ThreePublic.OutboundTravel }),
		amount("prior_year.three_public.vehicle_purchase", "上年公务用车购置费", prior, func(d *input.Document) *input.Amount { return &d.PriorYear.ThreePublic.VehiclePurchase }),
		amount("prior_year.three_public.vehicle_operation", "上年公务用车运行费", prior, func(d *input.Document) *input.Amount { return &d.PriorYear.ThreePublic.VehicleOperation }),
		amount("prior_year.three_public.reception", "上年公务接待费", prior, func(d *input.Document) *input.Amount { return &d.PriorYear.ThreePublic.Reception }),
		{Name: "reasons.three_public_change", Label: "“三公”经费增减的原因", Group: three, Kind: render.FieldLong,
			Hint: render.ChangeHint(func(s *render.Summary) render.Known { return s.ThreePublic }, func(s *render.Summary) render.Prior { return s.PriorThreePublic }, "“三公”经费"),
			Text: func(d *input.Document) *input.Text { return &d.Reasons.ThreePublicChange }},
		text("reasons.outbound_travel_change", "因公出国（境）费增减的原因", three, true, func(d *input.Document) *input.Text { return &d.Reasons.OutboundTravelChange }),
		text("reasons.vehicle_purchase_change", "公务用车购置费增减的原因", three, true, func(d *input.Document) *input.Text { return &d.Reasons.VehiclePurchaseChange }),
		text("reasons.vehicle_operation_change", "公务用车运行费增减的原因", three, true, func(d *input.Document) *input.Text { return &d.Reasons.VehicleOperationChange }),
		text("reasons.reception_change", "公务接待费增减的原因", three, true, func(d *input.Document) *input.Text { return &d.Reasons.ReceptionChange }),
		amount("procurement.goods", "政府采购货物预算", buy, func(d *input.Document) *input.Amount { return &d.Procurement.Goods }),
		amount("procurement.works", "政府采购工程预算", buy, func(d *input.Document) *input.Amount { return &d.Procurement.Works }),
		amount("procurement.services", "政府采购服务预算", buy, func(d *input.Document) *input.Amount { return &d.Procurement.Services }),
		amount("procurement.reserved_sme", "面向中小企业预留", buy, func(d *input.Document) *input.Amount { return &d.Procurement.ReservedSME }),
		amount("procurement.reserved_small_micro", "其中预留给小型和微型企业", buy, func(d *input.Document) *input.Amount { return &d.Procurement.ReservedSmallMicro }),
		text("assets.as_of", "截至（统计日期）", assets, false, func(d *input.Document) *input.Text { return &d.Assets.AsOf }),
		count("assets.vehicles.actual", "共有车辆（辆）", assets, func(d *input.Document) *input.Count { return &v(d).Actual }),
		count("assets.vehicles.ministerial_leader", "其中：部级领导干部用车（辆）", assets, func(d *input.Document) *input.Count { return &v(d).MinisterialLeader }),
		count("assets.vehicles.main_leader", "主要领导干部用车（辆）", assets, func(d *input.Document) *input.Count { return &v(d).MainLeader }),
		count("assets.vehicles.confidential", "机要通信用车（辆）", assets, func(d *input.Document) *input.Count { return &v(d).Confidential }),
		count("assets.vehicles.emergency", "应急保障用车（辆）", assets, func(d *input.Document) *input.Count { return &v(d).Emergency }),
		count("assets.vehicles.law_enforcement", "执法执勤用车（辆）", assets, func(d *input.Document) *input.Count { return &v(d).LawEnforcement }),
		count("assets.vehicles.special_technical", "特种专业技术用车（辆）", assets, func(d *input.Document) *input.Count { return &v(d).SpecialTechnical }),
		count("assets.vehicles.retired_cadres", "离退休干部用车（辆）", assets, func(d *input.Document) *input.Count { return &v(d).RetiredCadres }),
		count("assets.vehicles.other", "其他用车（辆）", assets, func(d *input.Document) *input.Count { return &v(d).Other }),
		count("assets.equipment_over_1m", "单价100万元（含）以上设备（台、套）", assets, func(d *input.Document) *input.Count { return &d.Assets.EquipmentOver1m }),
		count("assets.planned_purchases.equipment_over_1m", "本年预算安排购置单价100万元以上设备（台、套）", assets, func(d *input.Document) *input.Count { return &d.Assets.PlannedPurchases.EquipmentOver1m }),
	}
}

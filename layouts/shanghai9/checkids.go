package shanghai9

import "github.com/budgetpub/budgetpub/render"

// The ids of shanghai-9's own findings.
const (
	unknownIncomeKind  render.CheckID = "unknown-income-kind"
	unknownPurpose                    = render.UnknownPurpose
	carryoverLeftOut   render.CheckID = "sh-carryover"
	unknownDescription render.CheckID = "unknown-project-description"
	unknownPersonnel   render.CheckID = "unknown-personnel"
)

func init() {
	render.DeclareChecks(map[render.CheckID]render.CheckInfo{
		unknownIncomeKind: {About: "没有填写非财政拨款资金的收入类型（事业收入、事业单位经营收入、其他收入）",
			Fix: "请在这些支出行写 income_kind：business（事业收入）、operating（事业单位经营收入）或 other（其他收入）"},
		unknownDescription: {About: "没有填写项目经费情况说明",
			Fix: "请在项目的 description 中填写（overview 项目概述、basis 立项依据、implementer 实施主体、plan 实施方案、period 实施周期、schedule 年度预算安排、goals 绩效目标）"},
		unknownPersonnel: {About: "没有填写基本支出中的人员经费（单位预算的财务收支预算总表按人员经费、公用经费分列基本支出）",
			Fix: "请在有基本支出的支出行写 basic_personnel：基本支出中的人员经费（其余为公用经费）"},
		carryoverLeftOut: {About: "上海版式的表中没有上年结转，上年结转的支出未列入", Relation: true, Table: S1},
	})
}

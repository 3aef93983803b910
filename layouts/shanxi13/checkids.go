package shanxi13

import "github.com/budgetpub/budgetpub/render"

// The ids of shanxi-13's checks between tables and on the input.
const (
	CheckT12T3Project   render.CheckID = "T12-T3-project"
	CheckT13T1Carryover render.CheckID = "T13-T1-carryover"
	CheckT12Units       render.CheckID = "T12-units"
	CheckT6T5Basic      render.CheckID = "T6-T5-basic"
	CheckT11T6Public    render.CheckID = "T11-T6-public"
	CheckT10Items       render.CheckID = "T10-items"
	CheckT10Sources     render.CheckID = "T10-sources"
	CheckT6T10Items     render.CheckID = "T6-T10-items"
	CheckProcurement    render.CheckID = "procurement"
	CheckPriorYear      render.CheckID = "prior-year"
	CheckVehicles       render.CheckID = "vehicles"
	CheckPerformance    render.CheckID = "performance"
)

func init() {
	render.DeclareChecks(map[render.CheckID]render.CheckInfo{
		CheckT12T3Project:   {About: "表12 项目合计 = 表3 当年项目支出", Table: T12, Relation: true},
		CheckT13T1Carryover: {About: "表13 合计 = 上年结转的项目支出", Table: T13, Relation: true},
		CheckT12Units:       {About: "表12、表13 中每个单位的小计 = 该单位各项目之和", Table: T12, Relation: true},
		CheckT6T5Basic:      {About: "表6 合计 = 表5 基本支出（一般公共预算、当年）", Relation: true},
		CheckT11T6Public:    {About: "表11 = 表6 中行政单位和参公单位的公用经费", Relation: true},
		CheckT10Items:       {About: "表10 各项之和", Table: T10, Relation: true},
		CheckT10Sources:     {About: "“三公”经费中某一资金来源 ≤ 该来源的预算", Table: T10, Relation: true},
		CheckT6T10Items:     {About: "表6 中“三公”对应的经济科目 ≤ 表10 的该项", Relation: true},
		CheckProcurement:    {About: "政府采购预算总额 ≤ 支出总计"},
		CheckPriorYear:      {About: "每一句“比上年”都有上年数"},
		CheckVehicles:       {About: "实有车辆 = 各类车辆之和，≤ 编制数"},
		CheckPerformance:    {About: "公开绩效目标的项目个数 = 填写了绩效目标表的项目数"},
	})
}

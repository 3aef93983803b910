// Package synth generates realistic synthetic master inputs for benchmarks,
// batch tests and load trials: departments shaped like the bundled sample,
// with varied figures, units and project counts. Each is valid and passes
// the reconciliation checks with no error (warnings like the sample's may
// remain); the same seed gives the same file.
package synth

import (
	"fmt"

	"math/rand"
	"strings"

	"github.com/budgetpub/budgetpub/input"

	"github.com/shopspring/decimal"
)

// Options shape a generated department.
type Options struct {
	Seed     int64
	Projects int // number of current-year projects; 0 picks 20–80
	Units    int // budget units; 0 picks 1–5
	// AllSources adds money of every source and carry-over: 政府性基金 and
	// 国有资本经营 expenditure with their revenue (tables 7, 8, 9), 财政专户
	// and 单位资金 lines and projects, and carry-over projects (table 13).
	AllSources bool
}

var basicCodes = []string{"2010301", "2010350", "2070110", "2080501", "2080502", "2080505", "2100799", "2101101", "2101102", "2101103", "2210201", "2210202"}

var projectWords = []string{"电子政务运行维护", "政务服务热线运营", "档案整理", "办公设备购置", "信息化安全等级保护测评", "会务保障", "调研工作经费",
	"政府网站监测服务", "驻村帮扶", "物业管理", "文件资料印刷", "业务能力培训", "视频会议系统运维", "数据中心机房租赁", "离退休人员活动"}

var unitNames = []string{"机关", "信息化中心", "服务中心", "档案馆", "研究中心"}

var econLines = [][2]string{{"30101", "50101"}, {"30102", "50101"}, {"30103", "50101"}, {"30107", "50501"}, {"30108", "50102"},
	{"30110", "50102"}, {"30113", "50103"}, {"30201", "50201"}, {"30211", "50201"}, {"30216", "50203"}, {"30228", "50201"},
	{"30239", "50201"}, {"30302", "50905"}, {"31002", "50306"}}

// Generate writes one department's master input.
func Generate(o Options) []byte {
	r := rand.New(rand.NewSource(o.Seed))
	money := func(lo, hi float64) decimal.Decimal {
		cents := int64((lo + r.Float64()*(hi-lo)) * 100)
		return decimal.New(cents, -2)
	}
	units := o.Units
	if units <= 0 {
		units = 1 + r.Intn(5)
	}
	units = min(units, len(unitNames))
	projects := o.Projects
	if projects <= 0 {
		projects = 20 + r.Intn(61)
	}
	dept := fmt.Sprintf("合成市第%d局", o.Seed)
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	w("# 由 input/synth 生成的合成部门（种子 %d），用于基准测试与批量测试。\n", o.Seed)
	w("schema: 1\nyear: 2024\namount_unit: 万元\n")
	w("department: {code: \"%03d\", name: %s, region: 合成市}\n", o.Seed%1000, dept)
	w("overview:\n  duties: |\n    %s负责本市相关行政事务的统筹协调与组织实施。\n    （一）贯彻执行有关法律法规和政策。\n    （二）承担本部门职责范围内的公共服务。\n", dept)
	w("  organization: |\n    %s内设科室%d个，所属预算单位%d个。\n", dept, 5+r.Intn(20), units)
	w("units:\n")
	for i := 0; i < units; i++ {
		kind := "institution"
		if i == 0 {
			kind = "administrative"
		}
		w("  - {name: %s%s, kind: %s, overall_goal: true}\n", dept, unitNames[i], kind)
	}
	// Projects first: their sum is the project expenditure of 2010399.
	type project struct {
		unit, name string
		amount     decimal.Decimal
		goal       bool
	}
	var ps []project
	projectTotal := decimal.Zero
	for i := 0; i < projects; i++ {
		p := project{
			unit:   dept + unitNames[i%units],
			name:   fmt.Sprintf("%s%s项目%d", []string{"J", "Z", "XM"}[r.Intn(3)], projectWords[r.Intn(len(projectWords))], i+1),
			amount: money(0.5, 300),
			goal:   i%10 == 0,
		}
		projectTotal = projectTotal.Add(p.amount)
		ps = append(ps, p)
	}
	w("expenditures:\n")
	basicTotal := decimal.Zero
	for _, c := range basicCodes {
		if r.Intn(4) == 0 {
			continue
		}
		a := money(1, 1500)
		basicTotal = basicTotal.Add(a)
		w("  - {code: \"%s\", basic: %s}\n", c, a.StringFixed(2))
	}
	w("  - {code: \"2010399\", project: %s}\n", projectTotal.StringFixed(2))
	var extra extraLines
	if o.AllSources {
		extra = everySource(money)
		w("%s", extra.expenditures)
	}
	w("basic_by_economic:\n")
	econTotal, public := decimal.Zero, decimal.Zero
	for _, l := range econLines {
		a := money(0.5, 120)
		econTotal = econTotal.Add(a)
		if !strings.HasPrefix(l[0], "301") && !strings.HasPrefix(l[0], "303") {
			public = public.Add(a)
		}
		w("  - {dept: \"%s\", gov: \"%s\", amount: %s}\n", l[0], l[1], a.StringFixed(2))
	}
	if o.AllSources {
		w("%s", extra.revenue)
	} else {
		w("government_fund_revenue: []\nstate_capital_revenue: []\n")
	}
	w("projects:\n")
	if o.AllSources {
		w(extra.projects, dept+unitNames[0], dept+unitNames[(units-1)%units])
	}
	for _, p := range ps {
		w("  - unit: %s\n    name: %s\n    amounts: %s\n    category: %s\n", p.unit, p.name, p.amount.StringFixed(2),
			[]string{"other_operating", "specific_goal"}[r.Intn(2)])
		if p.goal {
			w("    performance_goal:\n      attribute: 经常性项目（长期开展）\n      period: 99年\n")
			w("      summary: 保障%s正常开展。\n      period_goal: 按时完成年度任务。\n      annual_goal: 按时完成年度任务。\n", p.name)
			w("      period_indicators:\n        - {level2: 数量指标, name: 完成事项数, value: \"≥%d项\"}\n", 1+r.Intn(20))
			w("        - {level2: 质量指标, name: 完成率, value: \"100%%\"}\n        - {level2: 成本指标, name: 项目成本, value: \"%s万元\"}\n", p.amount.StringFixed(2))
			w("        - {level2: 社会效益指标, name: 服务保障水平, value: 提高}\n        - {level2: 服务对象满意度指标, name: 满意度, value: \"≥95%%\"}\n")
		}
	}
	travel, reception, vehicle := money(0, 5), money(0, 8), money(2, 30)
	w("three_public: {outbound_travel: %s, reception: %s, vehicle_purchase: 0, vehicle_operation: %s}\n",
		travel.StringFixed(2), reception.StringFixed(2), vehicle.StringFixed(2))
	w("operating_costs:\n  - {unit: %s%s, amount: %s}\n", dept, unitNames[0], public.StringFixed(2))
	total := basicTotal.Add(projectTotal)
	w("prior_year:\n  total: %s\n  general_public: %s\n", total.Mul(decimal.RequireFromString("0.93")).Round(2).StringFixed(2),
		total.Mul(decimal.RequireFromString("0.95")).Round(2).StringFixed(2))
	w("  three_public: {outbound_travel: %s, reception: %s, vehicle_purchase: 0, vehicle_operation: %s}\n",
		travel.StringFixed(2), reception.StringFixed(2), vehicle.StringFixed(2))
	w("  operating_costs: %s\n", public.Add(money(0, 20)).StringFixed(2))
	w("reasons:\n  total_change: 根据年度工作安排调整项目经费\n  operating_costs_change: 严格控制一般性支出\n")
	goods, services := money(0, 100), money(0, 100)
	w("procurement: {goods: %s, works: 0, services: %s}\n", goods.StringFixed(2), services.StringFixed(2))
	quota := 1 + r.Intn(6)
	w("assets:\n  as_of: 2023-12-31\n  vehicles: {quota: %d, actual: %d, leader: 1, other: %d}\n", quota, quota, quota-1)
	w("  office_area_m2: %d.%02d\n  equipment_over_500k: %d\n  equipment_over_1m: 0\n", 500+r.Intn(8000), r.Intn(100), r.Intn(3))
	w("notes: {purchase_of_services: 无, other: 无}\n")
	w("performance: {overall_goal_amount: %s}\n", total.StringFixed(2))
	_ = econTotal
	return []byte(b.String())
}

// extraLines are the blocks AllSources adds.
type extraLines struct {
	expenditures, revenue, projects string
}

// everySource writes lines of every source and carry-over, with the
// revenue and the projects that match them (the projects' text takes the
// first and the last unit's names).
func everySource(money func(lo, hi float64) decimal.Decimal) extraLines {
	gf, scB, scP := money(5, 200), money(1, 50), money(1, 80)
	saB, saP, ufB, ufP := money(1, 60), money(1, 40), money(5, 300), money(1, 90)
	carryGP, carryGF := money(1, 120), money(1, 60)
	f := func(d decimal.Decimal) string { return d.StringFixed(2) }
	return extraLines{
		expenditures: "  - {code: \"2120801\", name: 征地和拆迁补偿支出, source: " + input.GovernmentFund.Key() + ", project: " + f(gf) + "}\n" +
			"  - {code: \"2230199\", name: 其他解决历史遗留问题及改革成本支出, source: " + input.StateCapital.Key() + ", basic: " + f(scB) + ", project: " + f(scP) + "}\n" +
			"  - {code: \"2059999\", source: " + input.SpecialAccount.Key() + ", basic: " + f(saB) + ", project: " + f(saP) + "}\n" +
			"  - {code: \"2010350\", source: " + input.UnitFunds.Key() + ", basic: " + f(ufB) + "}\n" +
			"  - {code: \"2010399\", source: " + input.UnitFunds.Key() + ", project: " + f(ufP) + "}\n" +
			"  - {code: \"2010399\", carryover: true, project: " + f(carryGP) + "}\n" +
			"  - {code: \"2120801\", name: 征地和拆迁补偿支出, source: " + input.GovernmentFund.Key() + ", carryover: true, project: " + f(carryGF) + "}\n" +
			"code_names:\n  - {code: \"21208\", name: 国有土地使用权出让收入安排的支出}\n  - {code: \"22301\", name: 解决历史遗留问题及改革成本支出}\n",
		revenue: "government_fund_revenue:\n  - {code: \"1030148\", name: 国有土地使用权出让收入, amount: " + f(gf) + "}\n" +
			"state_capital_revenue:\n  - {code: \"1030601\", name: 利润收入, amount: " + f(scB.Add(scP)) + "}\n",
		projects: "  - {unit: %[1]s, name: 土地征收补偿项目, category: specific_goal, amounts: {" + input.GovernmentFund.Key() + ": " + f(gf) + "}}\n" +
			"  - {unit: %[1]s, name: 国企改革成本项目, category: specific_goal, amounts: {" + input.StateCapital.Key() + ": " + f(scP) + "}}\n" +
			"  - {unit: %[2]s, name: 教育收费安排项目, category: specific_goal, amounts: {" + input.SpecialAccount.Key() + ": " + f(saP) + "}}\n" +
			"  - {unit: %[2]s, name: 单位资金安排项目, category: specific_goal, amounts: {" + input.UnitFunds.Key() + ": " + f(ufP) + "}}\n" +
			"  - {unit: %[1]s, name: 上年结转项目甲, carryover: true, amounts: " + f(carryGP) + "}\n" +
			"  - {unit: %[2]s, name: 上年结转项目乙, carryover: true, amounts: {" + input.GovernmentFund.Key() + ": " + f(carryGF) + "}}\n",
	}
}

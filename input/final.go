package input

import (
	"strings"

	"github.com/shopspring/decimal"
)

// A 决算 (final accounts, a layout whose profile is of kind final) is read
// from the same master input as a 预算: expenditures give each 项's and
// source's actual spending (决算数: basic, project and, where present, the
// three kinds only a 决算 has — remit, operation, affiliate_subsidy),
// basic_by_economic its 基本支出 by economic class, three_public the “三公”
// spent, operating_costs the 机关运行经费 spent, procurement the contracts
// signed, assets the year-end holdings, prior_year last year's 决算, and
// subject_purposes each 项's purpose and why its 决算 differs from its 年初
// 预算. What only a 决算 has is the block final (FinalAccounts).

// FinalOnlyKeys are the keys only some layouts use (LayoutKeys) that only
// a 决算 uses — no layout of a 预算 has a use for them, and a 预算's files
// do not show them: the kinds of spending only a 决算 has, why a 项
// differs from its 年初预算, and the block final.
func FinalOnlyKeys() []string {
	return []string{"expenditures[].remit", "expenditures[].operation", "expenditures[].affiliate_subsidy",
		"subject_purposes[].variance_reason", "final"}
}

// FinalAccounts is what only a 决算 gives: the year's revenue by kind, the
// carried-over balances, the year's 预算 it is compared with, the counts
// and texts its 情况说明 needs.
type FinalAccounts struct {
	// Revenue is the year's income by 项 (of where it was spent) and kind.
	Revenue []FinalRevenue `yaml:"revenue"`
	// Balances are 财政拨款结转和结余 by 项 and source: at the start and
	// the end of the year.
	Balances []FinalBalance `yaml:"balances"`
	// NonFiscal are the balances of money not of 财政拨款.
	NonFiscal NonFiscalBalances `yaml:"non_fiscal"`
	// Budgets are the year's 年初预算 (and 全年预算, when it was adjusted)
	// by 项 and source: what init --final-from fills from the 预算 file.
	Budgets []FinalBudget `yaml:"budgets"`
	// ThreePublicBudget is the year's “三公” 预算 (财政拨款) by item.
	ThreePublicBudget PriorThreePublic `yaml:"three_public_budget"`
	// ThreePublicDetail are the counts and texts of 七's 具体情况.
	ThreePublicDetail ThreePublicDetail `yaml:"three_public_detail"`
	// Reasons are the reasons the 情况说明 asks for beyond reasons'.
	Reasons FinalReasons `yaml:"reasons"`
	// Procurement is what was awarded to small and medium enterprises.
	Procurement FinalProcurement `yaml:"procurement"`
	// Performance is 十、预算绩效管理情况.
	Performance FinalPerformance `yaml:"performance"`
	Pos         Pos              `yaml:"-"`
}

// FinalRevenue is one 项's income of one kind.
type FinalRevenue struct {
	Code   Text   `yaml:"code" req:"1"`
	Kind   Text   `yaml:"kind" kind:"key" req:"1"`
	Amount Amount `yaml:"amount" req:"1"`
	Pos    Pos    `yaml:"-"`
}

// FinalBalance is the 财政拨款结转和结余 of one 项 and source.
type FinalBalance struct {
	// Code is the 项; none: the source's balance as a whole (the 9 tables
	// print 一般公共预算's by source only; the funds' tables 8 and 9 by 项).
	Code    Text   `yaml:"code"`
	Source  Text   `yaml:"source"`
	Src     Source `yaml:"-"`
	Opening Amount `yaml:"opening"` // 年初结转和结余
	Closing Amount `yaml:"closing"` // 年末结转和结余
	Pos     Pos    `yaml:"-"`
}

// NonFiscalBalances are the balances of money not of 财政拨款: at the
// start and the end of the year, the 结余 used and the 结余 distributed.
type NonFiscalBalances struct {
	Opening      Amount `yaml:"opening"`        // 年初结转和结余（非财政拨款）
	Closing      Amount `yaml:"closing"`        // 年末结转和结余（非财政拨款）
	UseOfSurplus Amount `yaml:"use_of_surplus"` // 使用非财政拨款结余
	Distribution Amount `yaml:"distribution"`   // 结余分配
	Pos          Pos    `yaml:"-"`
}

// FinalBudget is the year's budget of one 项 and source.
type FinalBudget struct {
	Code     Text   `yaml:"code" req:"1"`
	Source   Text   `yaml:"source"`
	Src      Source `yaml:"-"`
	Initial  Amount `yaml:"initial"`  // 年初预算
	Adjusted Amount `yaml:"adjusted"` // 全年预算 (adjusted), when it differs
	Pos      Pos    `yaml:"-"`
}

// ThreePublicDetail are the counts and texts of 七（二）: the outbound
// groups, the vehicles bought and held, the receptions.
type ThreePublicDetail struct {
	OutboundGroups   Count  `yaml:"outbound_groups"`   // 因公出国（境）团组
	OutboundPeople   Count  `yaml:"outbound_people"`   // 累计人次
	OutboundContent  Text   `yaml:"outbound_content"`  // 开支内容
	VehiclesBought   Count  `yaml:"vehicles_bought"`   // 购置公务用车（辆）
	PurchaseUse      Text   `yaml:"purchase_use"`      // 公务用车购置 主要用于
	OperationUse     Text   `yaml:"operation_use"`     // 公务用车运行维护 主要用于
	VehiclesHeld     Count  `yaml:"vehicles_held"`     // 公务用车保有量（辆）
	ReceptionBatches Count  `yaml:"reception_batches"` // 国内公务接待批次
	ReceptionPeople  Count  `yaml:"reception_people"`  // 人次
	ForeignBatches   Count  `yaml:"foreign_batches"`   // 其中：接待外宾批次
	ForeignPeople    Count  `yaml:"foreign_people"`    // 人次
	ForeignAmount    Amount `yaml:"foreign_amount"`    // 外宾接待支出
	ReceptionUse     Text   `yaml:"reception_use"`     // 公务接待 主要用于
	Pos              Pos    `yaml:"-"`
}

// FinalReasons are the reasons only a 决算 asks for.
type FinalReasons struct {
	FiscalChange          Text `yaml:"fiscal_change"`            // 四、财政拨款收入支出总计比上年
	GeneralPublicVsBudget Text `yaml:"general_public_vs_budget"` // 五（三）决算数大于（小于）预算数
	ThreePublicVsBudget   Text `yaml:"three_public_vs_budget"`   // 七、“三公”决算数小于（大于）预算数
	VehiclesChange        Text `yaml:"vehicles_change"`          // 七、公务用车购置及运行维护费比上年
	Pos                   Pos  `yaml:"-"`
}

// FinalProcurement is what of the year's procurement went to small and
// medium enterprises (中标或成交).
type FinalProcurement struct {
	SMEAwarded        Amount `yaml:"sme_awarded"`         // 面向中小企业预留的项目中由中小企业中标或成交的
	SmallMicroAwarded Amount `yaml:"small_micro_awarded"` // 面向小微企业预留的项目中由小微企业中标或成交的
	OtherSMEAwarded   Amount `yaml:"other_sme_awarded"`   // 其他项目中由中小企业中标或成交的
	Pos               Pos    `yaml:"-"`
}

// FinalPerformance is 十、预算绩效管理情况.
type FinalPerformance struct {
	Systems            Text   `yaml:"systems"` // 制度和工作机制
	GoalProjects       Count  `yaml:"goal_projects"`
	GoalAmount         Amount `yaml:"goal_amount"`
	TrackedProjects    Count  `yaml:"tracked_projects"`
	TrackedAmount      Amount `yaml:"tracked_amount"`
	EvaluatedProjects  Count  `yaml:"evaluated_projects"`
	EvaluatedAmount    Amount `yaml:"evaluated_amount"`
	AverageScore       Text   `yaml:"average_score" kind:"number"`
	Excellent          Count  `yaml:"excellent"`
	Good               Count  `yaml:"good"`
	Pass               Count  `yaml:"pass"`
	Fail               Count  `yaml:"fail"`
	Problems           Count  `yaml:"problems"`
	ProblemsFixed      Count  `yaml:"problems_fixed"`
	ProblemsBeingFixed Count  `yaml:"problems_being_fixed"`
	Pos                Pos    `yaml:"-"`
}

// RevenueKind is a kind of a 决算's income: 财政拨款 by source, then the
// others in the tables' column order.
type RevenueKind uint8

// The revenue kinds, in the order table 1 lists them.
const (
	RevenueGeneralPublic  RevenueKind = iota // 一般公共预算财政拨款收入
	RevenueGovernmentFund                    // 政府性基金预算财政拨款收入
	RevenueStateCapital                      // 国有资本经营预算财政拨款收入
	RevenueSuperior                          // 上级补助收入
	RevenueBusiness                          // 事业收入
	RevenueOperating                         // 经营收入
	RevenueAffiliated                        // 附属单位上缴收入
	RevenueOther                             // 其他收入
	NumRevenueKinds
)

// revenueKindTable holds every property of the revenue kinds. A kind of
// 财政拨款 has its source's key (Key), which only source.go spells.
var revenueKindTable = [NumRevenueKinds]struct{ key, title string }{
	RevenueGeneralPublic:  {"", "一般公共预算财政拨款收入"},
	RevenueGovernmentFund: {"", "政府性基金预算财政拨款收入"},
	RevenueStateCapital:   {"", "国有资本经营预算财政拨款收入"},
	RevenueSuperior:       {"superior", "上级补助收入"},
	RevenueBusiness:       {"business", "事业收入"},
	RevenueOperating:      {"operating", "经营收入"},
	RevenueAffiliated:     {"affiliated", "附属单位上缴收入"},
	RevenueOther:          {"other", "其他收入"},
}

// Key is the kind's key in the master input: a kind of 财政拨款 is
// written as its source (general_public …), the others by their own key.
func (k RevenueKind) Key() string {
	if k.Fiscal() {
		return k.Source().Key()
	}
	return revenueKindTable[k].key
}

// Title is the kind as table 1 prints it.
func (k RevenueKind) Title() string { return revenueKindTable[k].title }

// Fiscal tells a kind of 财政拨款.
func (k RevenueKind) Fiscal() bool { return k <= RevenueStateCapital }

// Source is the source of a kind of 财政拨款.
func (k RevenueKind) Source() Source {
	switch k {
	case RevenueGovernmentFund:
		return GovernmentFund
	case RevenueStateCapital:
		return StateCapital
	}
	return GeneralPublic
}

// ParseRevenueKind finds the revenue kind of a key.
func ParseRevenueKind(key string) (RevenueKind, bool) {
	for k := RevenueKind(0); k < NumRevenueKinds; k++ {
		if k.Key() == key {
			return k, true
		}
	}
	return 0, false
}

// RevenueKindKeys are the kinds' keys in table 1's order.
func RevenueKindKeys() []string {
	keys := make([]string, NumRevenueKinds)
	for k := RevenueKind(0); k < NumRevenueKinds; k++ {
		keys[k] = k.Key()
	}
	return keys
}

// revenueKindList is "key title | …" for messages and comments.
func revenueKindList(sep string) string {
	parts := make([]string, NumRevenueKinds)
	for k := RevenueKind(0); k < NumRevenueKinds; k++ {
		parts[k] = k.Key() + " " + k.Title()
	}
	return strings.Join(parts, sep)
}

// SpentTotal is a line's 决算数: every kind of its spending.
func (e Expenditure) SpentTotal() decimal.Decimal {
	return e.Basic.Value.Add(e.Project.Value).Add(e.Remit.Value).Add(e.Operation.Value).Add(e.AffiliateSubsidy.Value)
}

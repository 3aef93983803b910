package final9

import (
	"fmt"
	"strings"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
	"github.com/shopspring/decimal"
)

// Facts are the figures 第三部分 quotes, in 万元, each read off the built
// tables (or, for what no table shows — the year's 预算, last year's 决算,
// the counts — the input), so that a sentence cannot disagree with its
// table. A figure or text nobody gave is a mark (【未填写：…】).
type Facts struct {
	Year, PriorYear int
	Dept            string

	// 一、四: 表1 总计, 表4 总计, against last year's 决算 (prior_year).
	Total, FiscalTotal           decimal.Decimal
	PriorTotal, PriorFiscalTotal render.Prior
	TotalReason, FiscalReason    string
	TotalMark, FiscalTotalMark   string // last year's figure, when nobody gave it

	// 二、三: 表1 本年收入合计 by kind, 表3 合计 row by kind: those with money.
	Income, Spending decimal.Decimal
	Incomes          []Share
	Spendings        []Share

	// 五: 表5.
	GeneralPublic    decimal.Decimal
	PriorGP          render.Prior
	GPMark, GPReason string
	GPClasses        []Share
	GPBudget         Budget
	GPVsBudgetReason string
	Subjects         []Subject

	// 六: 表5 基本支出, 表6 人员经费合计 and 公用经费合计, the 款 with money.
	Basic, Personnel, Public    decimal.Decimal
	PersonnelItems, PublicItems string

	// 七: 表7, last year's 决算 (prior_year.three_public), the counts.
	ThreePublic ThreePublicFacts

	// 八、九: 表8, 表9.
	GovernmentFund, StateCapital Fund

	// 十: the input's performance block, each count or text a mark when
	// not given.
	Performance PerformanceFacts

	// 十一: 机关运行经费, 政府采购, 国有资产.
	OperatingCosts    decimal.Decimal
	HasOperatingCosts bool
	PriorOperating    render.Prior
	OperatingMark     string
	OperatingReason   string
	Procurement       ProcurementFacts
	Assets            AssetsFacts
}

// Share is a named figure and the whole it is a share of.
type Share struct {
	Name          string
	Amount, Whole decimal.Decimal
}

// Budget is a year's 预算 a 决算 compares with: 年初预算 (a mark when
// nobody gave it) and, when it was adjusted, 全年预算.
type Budget struct {
	Known    bool
	Initial  decimal.Decimal
	Adjusted render.Prior
	Mark     string
	// Versus is how the 决算 compares with the 年初预算 as printed: 大于,
	// 小于, or "" when equal (or the budget is unknown).
	Versus string
}

// versus is how actual compares with a known budget as printed.
func versus(actual decimal.Decimal, initial decimal.Decimal) string {
	switch render.Round(actual).Cmp(render.Round(initial)) {
	case 1:
		return "大于"
	case -1:
		return "小于"
	}
	return ""
}

// Subject is one 项 of table 5, 8 or 9 as the text lists it.
type Subject struct {
	N                    int
	Code                 string
	Class, Section, Item string
	Purpose              string // 主要用于… (a mark when not given)
	Budget               Budget
	Actual               decimal.Decimal
	Reason               string // why it differs from its 年初预算; "" when it does not
}

// ThreePublicFacts are 七's figures: 预算数 and 决算数 by item (表7), last
// year's 决算 by item, the reasons and counts.
type ThreePublicFacts struct {
	Has                                                      bool
	BudgetKnown                                              bool
	BudgetMark                                               string
	Budget, Actual                                           decimal.Decimal
	TravelBudget, VehiclesBudget, ReceptionBudget            decimal.Decimal
	Travel, Vehicles, Reception                              decimal.Decimal
	VehiclePurchase, VehicleOperation                        decimal.Decimal
	Prior, PriorTravel, PriorVehicles, PriorReception        render.Prior
	PriorMark                                                string
	VsBudgetReason                                           string
	Versus                                                   string // 大于, 小于 or "": the 决算 against the 预算
	ChangeReasons                                            string // 因公出国（境）费支出增加的主要原因是……。…
	Groups, People, VehiclesBought, VehiclesHeld             string
	ReceptionBatches, ReceptionPeople                        string
	ForeignBatches, ForeignPeople                            string
	ForeignAmount                                            string
	OutboundContent, PurchaseUse, OperationUse, ReceptionUse string
}

// Fund is 八 or 九: a fund's 财政拨款 received and spent, by 项.
type Fund struct {
	Name          string // 政府性基金预算, 国有资本经营预算
	Has           bool
	Income, Spent decimal.Decimal
	Subjects      []Subject
}

// PerformanceFacts are 十's counts and texts, each as printed (3个, 425.12万元)
// or a mark.
type PerformanceFacts struct {
	Systems                                                  string
	GoalProjects, GoalAmount, TrackedProjects, TrackedAmount string
	EvaluatedProjects, EvaluatedAmount, AverageScore         string
	Excellent, Good, Pass, Fail                              string
	Problems, ProblemsFixed, ProblemsBeingFixed              string
}

// ProcurementFacts are 十一（二）'s figures: the contracts by kind, the
// set-asides and what small and medium enterprises won, each a mark when
// not given.
type ProcurementFacts struct {
	Known                                          bool
	Mark                                           string
	Total, Goods, Works, Services                  decimal.Decimal
	ReservedSME, ReservedSmallMicro                string
	SMEAwarded, SmallMicroAwarded, OtherSMEAwarded string
}

// AssetsFacts are 十一（三）'s: the vehicles by category at the year's end,
// the equipment of 100万元 or more.
type AssetsFacts struct {
	AsOf                       string
	Vehicles, Kinds, Equipment string
}

// wanText is an amount given in the input as the text prints it, or a
// mark when nobody gave it.
func wanText(b *render.Builder, a input.Amount, id render.CheckID, what, path string) string {
	if a.Set {
		return render.FormatFixed(a.Value)
	}
	return b.Unknown(id, what, path, a.Pos)
}

// countText is a count given in the input with its unit, or a mark.
func countText(b *render.Builder, c input.Count, unit string, id render.CheckID, what, path string) string {
	if c.Set {
		return fmt.Sprintf("%d%s", c.Value, unit)
	}
	return b.Unknown(id, what, path, c.Pos)
}

// textOr is a clerk's text, trimmed, or a mark.
func textOr(b *render.Builder, t input.Text, id render.CheckID, what, path string) string {
	if render.Given(t) {
		return strings.TrimRight(strings.TrimSpace(t.Value), "。")
	}
	return b.Unknown(id, what, path, t.Pos)
}

// reasonFor is the reason of a change: "" when nothing changed (equal as
// printed) or there is nothing to compare with; the clerk's text; or a
// mark.
func reasonFor(b *render.Builder, t input.Text, cur decimal.Decimal, p render.Prior, what, path string) string {
	if !p.Set || render.Round(cur).Equal(render.Round(p.Value)) {
		return ""
	}
	if render.Given(t) {
		return strings.TrimRight(strings.TrimSpace(t.Value), "。")
	}
	return b.Unknown(render.ReasonMissing, what, path, b.KeyPos(strings.SplitN(path, ".", 2)[0]))
}

// priorOr is last year's 决算 figure, and a mark when nobody gave it.
func priorOr(b *render.Builder, a input.Amount, what, path string) (render.Prior, string) {
	if a.Set {
		return render.PriorOf(a), ""
	}
	return render.Prior{}, b.Unknown(unknownPriorFinal, "上年度决算的"+what, path, b.KeyPos("prior_year"))
}

// factsOf is the publication's facts, as final-9 builds them.
func factsOf(p *render.Publication) *Facts { return p.Facts.(*Facts) }

package render

import "github.com/shopspring/decimal"

// Summary is what a bureau reads of every publication, whatever its
// layout: the headline figures a season's review lists for each
// department, that next year's file compares with, and that the
// workbench's fill-in form shows beside the reasons it asks for. A
// profile fills it from its own tables (Profile.Summarize); a figure its
// tables do not have is not Set and stays blank in the review — never 0.
type Summary struct {
	Total         Known // 收支总计
	GeneralPublic Known // 一般公共预算当年支出（拨款）
	Basic         Known // 基本支出
	Project       Known // 项目支出
	ThreePublic   Known // “三公”经费
	// The four “三公” items.
	Travel, Reception, VehiclePurchase, VehicleOperation Known
	OperatingCosts                                       Known // 机关运行经费
	// A 决算's 年初预算 it is measured against: of 一般公共预算 and of
	// “三公” (a 预算's are not set).
	Budget, ThreePublicBudget Known
	// Last year's figures the text compares with, as given.
	PriorTotal, PriorGeneralPublic, PriorThreePublic, PriorOperatingCosts Prior
	// Projects is the number of the year's projects; GoalForms the number
	// of their published performance-goal forms.
	Projects, GoalForms int
}

// Known is an exact figure of a summary and whether the layout has it
// (a figure its tables do not give is not Set).
type Known struct {
	Value decimal.Decimal
	Set   bool
}

// KnownAs is a figure the layout's tables give.
func KnownAs(d decimal.Decimal) Known { return Known{Value: d, Set: true} }

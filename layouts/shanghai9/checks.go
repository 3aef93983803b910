package shanghai9

import (
	"fmt"

	"github.com/budgetpub/budgetpub/render"
	"github.com/shopspring/decimal"
)

// checkEconomic is table 8 against table 5's 基本支出.
const checkEconomic render.CheckID = "sh-T8-T5-basic"

func init() {
	render.DeclareChecks(map[render.CheckID]render.CheckInfo{
		checkEconomic: {About: "上海版式 表8 合计 = 表5 基本支出", Relation: true, Table: S8},
	})
}

// checks are the layout's: the clerk's texts and what nobody gave (the
// core's), table 8 against table 5, and money no table shows.
var checks = []func(*render.Checker){
	(*render.Checker).Texts,
	economic,
	carryover,
	(*render.Checker).Completeness,
	(*render.Checker).StaleYear,
}

// economic: table 8 (basic_by_economic) sums to table 5's 基本支出; the two
// come from different lines of the input, so they can disagree.
func economic(c *render.Checker) {
	t5, t8 := c.Pub.Table(S5), c.Pub.Table(S8)
	c.Relate(checkEconomic, render.SeverityWarning, "表8合计应等于表5基本支出（一般公共预算）",
		render.Figure{Name: "表8 合计（元）", Value: t8.Exact(render.TotalRow, render.ColTotal)},
		render.Figure{Name: "表5 基本支出（元）", Value: t5.Exact(render.TotalRow, render.ColBasic)}, c.Key("basic_by_economic"))
}

// carryover: Shanghai's tables show the year's budget only; lines of 上年结转
// are left out of every table, which the clerk should know.
func carryover(c *render.Checker) {
	sum, n := decimal.Zero, 0
	for _, l := range c.Lines {
		if l.Carryover {
			sum, n = sum.Add(l.Total()), n+1
		}
	}
	if n == 0 {
		return
	}
	c.Findings = append(c.Findings, render.Finding{ID: carryoverLeftOut, Severity: render.SeverityWarning,
		Message: fmt.Sprintf("上海版式的预算表只列本年预算，%d 行上年结转支出（共 %s）未列入任何表：如确属上年结转，可以不改；如是本年预算，请删去 carryover", n, render.FormatAmount(sum)),
		File:    c.Doc.File, Line: c.Key("expenditures").Pos.Line, Column: c.Key("expenditures").Pos.Col, Path: "expenditures"})
}

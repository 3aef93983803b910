package shanghai9

import (
	"fmt"

	"github.com/budgetpub/budgetpub/input"

	"github.com/budgetpub/budgetpub/render"
	"github.com/shopspring/decimal"
)

// The ids of shanghai-9's checks between tables.
const (
	checkEconomic render.CheckID = "sh-T8-T5-basic" // table 8 against table 5's 基本支出
	checkTotals   render.CheckID = "sh-totals"      // tables 1–7 agree (by construction)
	checkVehicles render.CheckID = "sh-vehicles"    // vehicles held = the sum of the categories
	// a unit's 人员经费 of its general-public lines against table 8's
	checkPersonnel render.CheckID = "sh-T1-T8-personnel"
)

func init() {
	render.DeclareChecks(map[render.CheckID]render.CheckInfo{
		checkEconomic:  {About: "上海版式 表8 合计 = 表5 基本支出", Relation: true, Table: S8},
		checkTotals:    {About: "上海版式 表1 收入总计 = 支出总计 = 表2、表3 合计；表1 财政拨款收入 = 表4 收入总计 = 表5、表6、表7 合计之和；表9 合计 = 各项之和", Relation: true, Table: S1},
		checkVehicles:  {About: "上海版式 实有车辆 = 各类车辆之和"},
		checkPersonnel: {About: "上海单位预算 一般公共预算支出行的人员经费之和 = 表8 人员经费合计", Relation: true, Table: S8},
	})
}

// checks are the layout's: the clerk's texts and what nobody gave (the
// core's), table 8 against table 5, and money no table shows.
var checks = []func(*render.Checker){
	(*render.Checker).Texts,
	totals,
	economic,
	personnelSum,
	vehicles,
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

// personnelSum: a unit's 人员经费 of its lines of 一般公共预算 (table 1's
// split, basic_personnel) is table 8's 人员经费 (301 and 303 of
// basic_by_economic); the two come from different lines of the input.
// Checked when every such line gives it and table 8 has lines.
func personnelSum(c *render.Checker) {
	if c.Pub.Table(S1).Col(render.ColPersonnel) < 0 || len(c.Doc.BasicByEcon) == 0 {
		return
	}
	sum := decimal.Zero
	for _, l := range c.Lines {
		if !current(l) || l.Source != input.GeneralPublic || l.Basic.IsZero() {
			continue
		}
		if !l.PersonnelGiven {
			return // unknown-personnel says so
		}
		sum = sum.Add(l.Personnel.Shift(4))
	}
	c.Relate(checkPersonnel, render.SeverityWarning, "一般公共预算各支出行的人员经费之和应等于表8人员经费合计",
		render.Figure{Name: "一般公共预算支出行 basic_personnel 之和（元）", Value: sum},
		render.Figure{Name: "表8 人员经费合计（元）", Value: c.Pub.Table(S8).Exact(render.TotalRow, render.ColPersonnel)}, c.Key("expenditures"))
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

// totals relates the tables that are computed from the same lines: they
// agree by construction, and are checked so that a bug cannot pass
// silently (spec §6).
func totals(c *render.Checker) {
	p := c.Pub
	total := func(id render.TableID, col render.ColKey) decimal.Decimal {
		return p.Table(id).Exact(render.TotalRow, col)
	}
	fig := func(name string, v decimal.Decimal) render.Figure { return render.Figure{Name: name, Value: v} }
	at := c.Key("expenditures")
	for _, r := range []struct {
		msg         string
		left, right render.Figure
	}{
		{"表1收入总计应等于支出总计", fig("表1 收入总计（元）", total(S1, render.ColIncome)), fig("表1 支出总计（元）", total(S1, render.ColTotal))},
		{"表2合计应等于表3合计", fig("表2 合计（元）", total(S2, render.ColTotal)), fig("表3 合计（元）", total(S3, render.ColTotal))},
		{"表1支出总计应等于表3合计", fig("表1 支出总计（元）", total(S1, render.ColTotal)), fig("表3 合计（元）", total(S3, render.ColTotal))},
		{"表1财政拨款收入应等于表4收入总计", fig("表1 财政拨款收入（元）", p.Table(S1).Exact(rowFiscal, render.ColIncome)), fig("表4 收入总计（元）", total(S4, render.ColIncome))},
		{"表4支出总计应等于表5、表6、表7合计之和", fig("表4 支出总计（元）", total(S4, render.ColTotal)),
			fig("表5—表7 合计之和（元）", total(S5, render.ColTotal).Add(total(S6, render.ColTotal)).Add(total(S7, render.ColTotal)))},
		{"表9“三公”经费合计应等于各项之和", fig("表9 合计（万元）", total(S9, render.ColTotal)),
			fig("表9 各项之和（万元）", total(S9, colTravel).Add(total(S9, colReception)).Add(total(S9, colVehicles)))},
	} {
		c.Relate(checkTotals, render.SeverityError, r.msg, r.left, r.right, at)
	}
}

// vehicles: the vehicles held are the sum of the categories given.
func vehicles(c *render.Checker) {
	v := c.Doc.Assets.Vehicles
	if !v.Actual.Set || !v.Kinds().Given() {
		return
	}
	c.Relate(checkVehicles, render.SeverityError, "实有车辆数应等于各类车辆之和",
		render.Figure{Name: "实有车辆", Value: render.Count(v.Actual.Value)}, render.Figure{Name: "各类车辆之和", Value: render.Count(v.KindsTotal())},
		render.At("assets.vehicles.actual", v.Actual.Pos))
}

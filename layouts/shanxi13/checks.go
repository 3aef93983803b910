package shanxi13

import (
	"fmt"
	"regexp"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
	"github.com/shopspring/decimal"
)

// standardChecks relate the 13 tables of the standard set (checks.md).
var standardChecks = []func(*render.Checker){
	projects,
	basicByEconomic,
	operatingCosts,
	threePublic,
	procurementCheck,
	priorYear,
	vehicles,
	performance,
	economicVsThreePublic,
	reasons,
	(*render.Checker).Texts,
	(*render.Checker).Completeness,
	allZero,
	(*render.Checker).StaleYear,
	implausiblePrior,
}

// projects relates tables 12 and 13 to the project expenditure of the
// lines, and each unit's subtotal to its projects.
func projects(c *render.Checker) {
	var current, carry decimal.Decimal
	for _, l := range c.Lines {
		if l.Carryover {
			carry = carry.Add(l.Project)
		} else {
			current = current.Add(l.Project)
		}
	}
	t12, t13 := c.Pub.Table(T12), c.Pub.Table(T13)
	c.Relate("T12-T3-project", render.SeverityError, "表12项目合计应等于表3当年项目支出",
		render.Figure{Name: "表12 合计", Value: t12.Amount(render.TotalRow, render.ColTotal)}, render.Figure{Name: "表3 项目支出（当年）", Value: current}, c.Key("projects"))
	c.Relate("T13-T1-carryover", render.SeverityError, "表13上年结转项目合计应等于上年结转的项目支出",
		render.Figure{Name: "表13 合计", Value: t13.Amount(render.TotalRow, render.ColTotal)}, render.Figure{Name: "上年结转项目支出", Value: carry}, c.Key("projects"))
	unitRows(c, t12, false)
	unitRows(c, t13, true)
}

// basicByEconomic relates table 6 to table 5's basic expenditure.
func basicByEconomic(c *render.Checker) {
	c.Relate("T6-T5-basic", render.SeverityWarning, "表6合计应等于表5基本支出（一般公共预算当年）",
		render.Figure{Name: "表6 合计", Value: c.Pub.Table(T6).Amount(render.TotalRow, render.ColTotal)}, render.Figure{Name: "表5 基本支出", Value: c.Pub.Table(T5).Exact(render.TotalRow, render.ColBasic)}, c.Key("basic_by_economic"))
}

// procurement: the procurement budget is never above total expenditure.
func procurementCheck(c *render.Checker) {
	f := factsOf(c.Pub)
	c.Exceed("procurement", render.SeverityError, "政府采购预算总额不应超过支出总计",
		render.Figure{Name: "政府采购预算总额", Value: f.Procurement}, render.Figure{Name: "表1 支出总计", Value: c.Pub.Table(T1).Exact(render.TotalRow, render.ColTotal)}, c.Key("procurement"))
}

// performance: the published goals counted in 十 are the projects that carry one.
func performance(c *render.Checker) {
	c.Relate("performance", render.SeverityError, "公开绩效目标的项目个数应等于填写了绩效目标的项目数",
		render.Figure{Name: "十、公开项目绩效目标个数", Value: render.Count(factsOf(c.Pub).Published)}, render.Figure{Name: "带绩效目标的项目", Value: render.Count(goals(c))}, c.Key("projects"))
}

func goals(c *render.Checker) int {
	n := 0
	for _, p := range c.Doc.Projects {
		if p.Goal != nil && !p.Carryover {
			n++
		}
	}
	return n
}

// unitRows checks each unit subtotal of table 12/13 against its projects.
func unitRows(c *render.Checker, t *render.Table, carryover bool) {
	for _, u := range c.Doc.Units {
		want := decimal.Zero
		found := false
		for _, p := range c.Doc.Projects {
			if p.Unit.Value == u.Name.Value && p.Carryover == carryover {
				found = true
				if carryover {
					want = want.Add(p.Amounts.Fiscal())
				} else {
					want = want.Add(p.Amounts.Total())
				}
			}
		}
		if !found {
			continue
		}
		got := t.Amount(render.UnitRow(u.Name.Value), render.ColTotal)
		c.Relate("T12-units", render.SeverityError, fmt.Sprintf("表%d中单位“%s”的小计应等于其项目之和", t.Number, u.Name.Value),
			render.Figure{Name: fmt.Sprintf("表%d %s 小计", t.Number, u.Name.Value), Value: got}, render.Figure{Name: "其项目之和", Value: want}, render.At("projects", u.Pos))
	}
}

// operatingCosts relates table 11 to table 6's 公用经费 of the units that
// have 机关运行经费 (administrative units and those managed under the
// civil-servant law). A line of table 6 that names no unit is the
// department's: it is theirs when every unit has 机关运行经费 and not when
// none has; when the units are of both kinds, or a unit's kind is not
// given yet, nobody can tell whose it is, and the check says nothing
// rather than guess a mismatch (docs/checks.md:
// `unit:` on the lines makes it checkable).
func operatingCosts(c *render.Checker) {
	if len(c.Doc.OperCosts) == 0 && len(c.Doc.BasicByEcon) == 0 {
		return
	}
	with, without, unknown := 0, 0, 0
	for _, u := range c.Doc.Units {
		switch {
		case u.Kind.Value == "":
			unknown++ // whether it has 机关运行经费 cannot be told
		case u.HasOperatingCosts():
			with++
		default:
			without++
		}
	}
	public := decimal.Zero
	for _, l := range c.Doc.BasicByEcon {
		if PersonnelClasses[l.Dept.Value[:3]] {
			continue
		}
		if l.Unit.Value == "" {
			if with > 0 && without > 0 || unknown > 0 {
				return // whose it is cannot be told
			}
			if without > 0 {
				continue
			}
		} else if u, ok := c.Doc.UnitByName(l.Unit.Value); ok && u.Kind.Value == "" {
			return // nor whether its unit has 机关运行经费
		} else if ok && !u.HasOperatingCosts() {
			continue
		}
		public = public.Add(l.Amount.Value)
	}
	c.Relate("T11-T6-public", render.SeverityWarning, "表11机关运行经费应等于表6中行政单位（含参照公务员法管理的事业单位）的公用经费：请核对表11的金额和表6各行所属的单位，改正有误的一边",
		render.Figure{Name: "表11 部门合计", Value: c.Pub.Table(T11).Amount(render.TotalRow, render.ColTotal)}, render.Figure{Name: "表6 行政单位公用经费", Value: public}, c.Key("operating_costs"))
}

// threePublic checks table 10's sums and that no source spends on “三公”
// more than it has (表4 支出总计 of that source).
func threePublic(c *render.Checker) {
	t, t4 := c.Pub.Table(T10), c.Pub.Table(T4)
	at := c.Key("three_public")
	for _, col := range t.Columns {
		if col.Kind != render.KindAmount {
			continue
		}
		v := func(item string) decimal.Decimal { return t.Amount(render.ItemRow(item), col.Key) }
		c.Relate("T10-items", render.SeverityError, "表10公务用车购置及运行费应等于①与②之和",
			render.Figure{Name: "表10 公务用车购置及运行费", Value: v(render.ItemVehicles)}, render.Figure{Name: "①+②", Value: v(render.ItemVehiclePurchase).Add(v(render.ItemVehicleOperation))}, at)
		c.Relate("T10-items", render.SeverityError, "表10合计应等于因公出国（境）费、公务接待费与公务用车购置及运行费之和",
			render.Figure{Name: "表10 合计", Value: t.Amount(render.TotalRow, col.Key)}, render.Figure{Name: "三项之和", Value: v(render.ItemOutboundTravel).Add(v(render.ItemReception)).Add(v(render.ItemVehicles))}, at)
	}
	for _, s := range input.FiscalSources {
		c.Exceed("T10-sources", render.SeverityError, fmt.Sprintf("“三公”经费中%s安排的部分不应超过该来源的预算总额", s.Title()),
			render.Figure{Name: "表10 合计 " + s.Title(), Value: t.Amount(render.TotalRow, render.SourceCol(s))}, render.Figure{Name: s.Title() + "预算总额", Value: t4.Exact(render.TotalRow, render.SourceCol(s))}, at)
	}
}

// priorYear warns where a 比上年 sentence has no prior-year figure: the
// sentence then leaves the comparison out rather than invent a zero.
func priorYear(c *render.Checker) {
	f := factsOf(c.Pub)
	at := c.Key("prior_year").Pos
	missing := func(p render.Prior, what, key string, cur decimal.Decimal) {
		if !p.Set && !cur.Round(2).IsZero() { // nothing this year: nothing to compare
			c.Findings = append(c.Findings, render.Finding{ID: "prior-year", Severity: render.SeverityWarning,
				Message: "没有" + what + "的上年数，说明中不作比较：如有上年预算数，请在 prior_year 中填写",
				Left:    &render.Figure{Name: "本年" + what, Value: cur.Round(2)}, File: c.Doc.File, Line: at.Line, Column: at.Col, Path: "prior_year." + key})
		}
	}
	missing(f.PriorTotal, "收支总计", "total", f.Total)
	missing(f.PriorGP, "一般公共预算当年支出", input.GeneralPublic.Key(), f.GPCurrent) // prior_year.general_public
	missing(f.PriorThreePublic, "“三公”经费", "three_public."+firstUnset(c.Doc.PriorYear.ThreePublic), f.ThreePublic)
	if f.OperatingUnits > 0 {
		missing(f.PriorOperatingCosts, "机关运行经费", "operating_costs", f.OperatingCosts)
	}
}

// vehicles checks the vehicle counts: the kinds add up to the actual number
// (error), and the actual number is within the quota (warning).
func vehicles(c *render.Checker) {
	v := c.Doc.Assets.Vehicles
	if !v.Actual.Set {
		return
	}
	kinds := v.KindsTotal()
	c.Relate("vehicles", render.SeverityError, "实有车辆数应等于各类车辆之和",
		render.Figure{Name: "实有车辆", Value: render.Count(v.Actual.Value)}, render.Figure{Name: "各类车辆之和", Value: render.Count(kinds)}, render.At("assets.vehicles.actual", v.Actual.Pos))
	if v.Quota.Set {
		c.Exceed("vehicles", render.SeverityWarning, "实有车辆数超过编制数",
			render.Figure{Name: "实有车辆", Value: render.Count(v.Actual.Value)}, render.Figure{Name: "车辆编制", Value: render.Count(v.Quota.Value)}, render.At("assets.vehicles.actual", v.Actual.Pos))
	}
}

// reasons checks each reason against the change it explains. (A change
// whose heading asks for its reason and has none is an Unknown of the
// build: reason-missing, completeness.go.)
func reasons(c *render.Checker) {
	f := factsOf(c.Pub)
	if render.Round(f.Total).IsZero() {
		return // a file with no figures yet (a new year's, rolled over)
	}
	for _, x := range changes(c.Doc, f) {
		if !x.prior.Set || !render.Given(x.text) {
			continue
		}
		diff := render.Round(x.cur).Sub(render.Round(x.prior.Value))
		cur, prior := render.Figure{Name: "本年" + x.what, Value: render.Round(x.cur)}, render.Figure{Name: "上年" + x.what, Value: render.Round(x.prior.Value)}
		dir := render.Direction(x.text.Value)
		if dir == 0 || diff.IsZero() || (dir > 0) == diff.IsPositive() {
			continue
		}
		said, went := "增加", "减少"
		if dir < 0 {
			said, went = "减少", "增加"
		}
		c.Findings = append(c.Findings, render.Finding{ID: "reason-direction", Severity: render.SeverityWarning,
			Message: fmt.Sprintf("%s的原因说的是“%s”，而%s比上年%s了：是否沿用了上年的文字？", x.what, said, x.what, went),
			Left:    &cur, Right: &prior, Diff: &diff, File: c.Doc.File, Line: x.text.Pos.Line, Column: x.text.Pos.Col, Path: "reasons." + x.key})
	}
}

// What a table-6 line's printed name must say to be a “三公” item.
var (
	receptionRe = regexp.MustCompile(`接待`)
	vehicleRe   = regexp.MustCompile(`公务用车|公车|车辆`)
	travelRe    = regexp.MustCompile(`出国|出境|国（境）|国\(境\)`)
)

// economicVsThreePublic: a 部门经济分类 item of table 6 (general-public basic
// expenditure) cannot be more than its “三公” item of table 10 (all of
// 财政拨款, basic and project). A line is compared by what it means, not by
// its code alone: one whose code a department prints under a name of its
// own (30212 as 机关事业单位退休人员活动费) is not that “三公” item.
func economicVsThreePublic(c *render.Checker) {
	t6, t10 := c.Pub.Table(T6), c.Pub.Table(T10)
	for _, x := range []struct {
		dept, item, name string
		means            *regexp.Regexp // what the line's printed name says
	}{
		{"30217", render.ItemReception, "公务接待费", receptionRe},
		{"30231", render.ItemVehicleOperation, "公务用车运行维护费", vehicleRe},
		{"30212", render.ItemOutboundTravel, "因公出国（境）费", travelRe},
	} {
		sum := decimal.Zero
		for _, r := range t6.Rows {
			if r.Key.Role == render.RoleEcon && r.Key.ID == x.dept && x.means.MatchString(t6.Text(r.Key, render.ColDeptEcon)) {
				sum = sum.Add(t6.Exact(r.Key, render.ColTotal))
			}
		}
		c.Exceed("T6-T10-items", render.SeverityWarning, fmt.Sprintf("表6中%s（%s）不应多于表10的“三公”%s", x.name, x.dept, x.name),
			render.Figure{Name: "表6 " + x.dept, Value: sum}, render.Figure{Name: "表10 " + x.name, Value: t10.Exact(render.ItemRow(x.item), render.ColTotal)}, c.Key("basic_by_economic"))
	}
}

// allZero: a budget whose every figure is zero states nothing — a file
// rolled over from last year's, or imported from an empty workbook.
func allZero(c *render.Checker) {
	f := factsOf(c.Pub)
	if !render.Round(f.Total).IsZero() {
		return
	}
	at := c.Key("expenditures").Pos
	c.Findings = append(c.Findings, render.Finding{ID: "all-zero", Severity: render.SeverityIncomplete,
		Message: "收支总计为 0：本年度的预算数还没有填写（由上年文件生成的文件，金额都已清空），请在 expenditures、projects 等处填写",
		File:    c.Doc.File, Line: at.Line, Column: at.Col})
}

// implausiblePrior: a prior-year figure ten times this year's or more, or
// a tenth or less, is most likely typed in the other unit (元 for 万元).
func implausiblePrior(c *render.Checker) {
	f := factsOf(c.Pub)
	ten := decimal.NewFromInt(10)
	for _, x := range changes(c.Doc, f) {
		cur, prior := render.Round(x.cur), render.Round(x.prior.Value)
		if !x.prior.Set || cur.IsZero() || prior.IsZero() {
			continue
		}
		if prior.LessThan(cur.Mul(ten)) && cur.LessThan(prior.Mul(ten)) {
			continue
		}
		at := x.at
		if at.Line == 0 {
			at = c.Key("prior_year").Pos
		}
		unit := c.Doc.AmountUnit
		if unit == "" {
			unit = "万元"
		}
		c.Findings = append(c.Findings, render.Finding{ID: "prior-implausible", Severity: render.SeverityWarning,
			Message: fmt.Sprintf("上年%s与本年相差十倍以上：是否按另一种金额单位填写了？本文件的金额单位是%s，请核对 prior_year", x.what, unit),
			Left:    &render.Figure{Name: "本年" + x.what, Value: cur}, Right: &render.Figure{Name: "上年" + x.what, Value: prior},
			File: c.Doc.File, Line: at.Line, Column: at.Col, Path: "prior_year." + x.priorKey})
	}
}

// firstUnset is the key of the first “三公” item whose prior-year figure
// is not given: where the clerk starts.
func firstUnset(p input.PriorThreePublic) string {
	for _, x := range []struct {
		a   input.Amount
		key string
	}{{p.OutboundTravel, "outbound_travel"}, {p.Reception, "reception"}, {p.VehiclePurchase, "vehicle_purchase"}, {p.VehicleOperation, "vehicle_operation"}} {
		if !x.a.Set {
			return x.key
		}
	}
	return "outbound_travel"
}

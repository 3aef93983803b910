package final9

import (
	"fmt"
	"sort"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
	"github.com/shopspring/decimal"
)

// The ids of final-9's checks between figures.
const (
	checkTotals      render.CheckID = "f-totals"       // 表1 收入方总计 = 支出方总计
	checkRollForward render.CheckID = "f-roll-forward" // 年初 + 本年收入 − 本年支出 = 年末, by 项 and 财政拨款 source
	checkEconomic    render.CheckID = "f-T6-T5-basic"  // 表6 人员 + 公用 = 表5 基本支出
	checkKinds       render.CheckID = "f-T5-kinds"     // 一般公共预算 lines: 基本 and 项目 only
	checkVehicles    render.CheckID = "f-vehicles"     // vehicles held = the sum of the categories
)

func init() {
	render.DeclareChecks(map[render.CheckID]render.CheckInfo{
		checkTotals:      {About: "决算 表1 收入方总计（本年收入合计 + 使用非财政拨款结余 + 年初结转和结余）= 支出方总计（本年支出合计 + 结余分配 + 年末结转和结余）", Relation: true, Table: F1},
		checkRollForward: {About: "决算 每个项级科目（结转和结余只给了合计的，整个资金来源）的财政拨款：年初结转和结余 + 本年收入 − 本年支出 = 年末结转和结余（表4、表8、表9）", Relation: true, Table: F4},
		checkEconomic:    {About: "决算 表6 人员经费合计 + 公用经费合计 = 表5 基本支出", Relation: true, Table: F6},
		checkKinds:       {About: "决算 一般公共预算财政拨款的支出只有基本支出和项目支出"},
		checkVehicles:    {About: "决算 年末实有车辆 = 各类车辆之和"},
	})
}

// checks are the layout's: the clerk's texts, the identities between the
// tables (spec §6) that rest on different lines of the input, and what
// nobody gave.
var checks = []func(*render.Checker){
	(*render.Checker).Texts,
	totals,
	rollForward,
	economic,
	kinds,
	vehicles,
	reasonDirections,
	(*render.Checker).Completeness,
	(*render.Checker).StaleYear,
}

// totals: table 1's two 总计 come from different lines (revenue and
// balances; spending and balances): they must agree.
func totals(c *render.Checker) {
	t1 := c.Pub.Table(F1)
	c.Relate(checkTotals, render.SeverityError, "表1 收入方总计应等于支出方总计：本年收入、年初结转和结余、使用非财政拨款结余之和，应等于本年支出、年末结转和结余、结余分配之和；请核对 final.revenue、final.balances、final.non_fiscal 和 expenditures",
		render.Figure{Name: "表1 收入方总计", Value: t1.Exact(render.TotalRow, render.ColIncome)},
		render.Figure{Name: "表1 支出方总计", Value: t1.Exact(render.TotalRow, colSpent)}, c.Key("final"))
}

// rollForward: each 项's 财政拨款 of each source rolls forward — what was
// there at the start plus what came in, less what was spent, is what is
// there at the end (tables 4, 8 and 9 print it).
func rollForward(c *render.Checker) {
	type key struct {
		code string
		src  input.Source
	}
	// A source whose balances are given as a whole (no code) rolls
	// forward as a whole; the funds, whose tables 8 and 9 list each 项,
	// must give theirs by 项.
	whole := map[input.Source]bool{}
	for _, bl := range c.Doc.Final.Balances {
		if bl.Code.Value != "" {
			continue
		}
		src := bl.Src
		whole[src] = true
		if src != input.GeneralPublic {
			c.Findings = append(c.Findings, render.Finding{ID: checkRollForward, Severity: render.SeverityError,
				Message: fmt.Sprintf("%s的结转和结余要逐科目填写（写 code）：表8、表9 按科目列出年初、年末结转和结余", src.Title()),
				File:    c.Doc.File, Line: bl.Pos.Line, Column: bl.Pos.Col, Path: "final.balances"})
		}
	}
	sums := map[key]*[4]decimal.Decimal{} // opening, income, spent, closing
	get := func(code string, src input.Source) *[4]decimal.Decimal {
		if whole[src] {
			code = ""
		}
		k := key{code, src}
		if sums[k] == nil {
			sums[k] = &[4]decimal.Decimal{}
		}
		return sums[k]
	}
	for _, bl := range c.Doc.Final.Balances {
		s := get(bl.Code.Value, bl.Src)
		s[0], s[3] = s[0].Add(bl.Opening.Value), s[3].Add(bl.Closing.Value)
	}
	for _, r := range c.Doc.Final.Revenue {
		if k, ok := kindOf(r); ok && k.Fiscal() {
			s := get(r.Code.Value, k.Source())
			s[1] = s[1].Add(r.Amount.Value)
		}
	}
	for _, l := range c.Lines {
		if fiscalIndex(l.Source) >= 0 {
			s := get(l.Code, l.Source)
			s[2] = s[2].Add(l.Spent())
		}
	}
	keys := make([]key, 0, len(sums))
	for k := range sums {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].code != keys[j].code {
			return keys[i].code < keys[j].code
		}
		return keys[i].src < keys[j].src
	})
	for _, k := range keys {
		s := sums[k]
		what := fmt.Sprintf("科目 %s（%s）的%s财政拨款", k.code, c.Doc.Name(k.code), k.src.Title())
		if k.code == "" {
			what = k.src.Title() + "财政拨款（合计）"
		}
		c.Relate(checkRollForward, render.SeverityError, what+"：年初结转和结余 + 本年收入 − 本年支出应等于年末结转和结余；请核对 final.revenue、final.balances 和 expenditures 中这个科目的数",
			render.Figure{Name: "年初结转和结余 + 本年收入 − 本年支出", Value: s[0].Add(s[1]).Sub(s[2])},
			render.Figure{Name: "年末结转和结余", Value: s[3]}, c.Key("final"))
	}
}

// economic: table 6 (basic_by_economic) sums to table 5's 基本支出; the two
// come from different lines of the input.
func economic(c *render.Checker) {
	t5, t6 := c.Pub.Table(F5), c.Pub.Table(F6)
	c.Relate(checkEconomic, render.SeverityWarning, "表6 人员经费合计与公用经费合计之和应等于表5 基本支出",
		render.Figure{Name: "表6 人员经费合计 + 公用经费合计", Value: t6.Exact(rowPersonnel, colLeftActual).Add(t6.Exact(rowPublic, colSpent))},
		render.Figure{Name: "表5 基本支出", Value: t5.Exact(render.TotalRow, render.ColBasic)}, c.Key("basic_by_economic"))
}

// kinds: money of 一般公共预算 is spent as 基本支出 or 项目支出 only (table
// 5 has no other column).
func kinds(c *render.Checker) {
	for _, e := range c.Doc.Expenditures {
		if e.Src != input.GeneralPublic || (!e.Remit.Set && !e.Operation.Set && !e.AffiliateSubsidy.Set) ||
			e.Remit.Value.IsZero() && e.Operation.Value.IsZero() && e.AffiliateSubsidy.Value.IsZero() {
			continue
		}
		c.Findings = append(c.Findings, render.Finding{ID: checkKinds, Severity: render.SeverityError,
			Message: fmt.Sprintf("支出行 %s 是一般公共预算财政拨款，却写了上缴上级支出、经营支出或对附属单位补助支出：一般公共预算财政拨款只有基本支出和项目支出；请改写为 basic、project，或改正 source", e.Code.Value),
			File:    c.Doc.File, Line: e.Pos.Line, Column: e.Pos.Col, Path: "expenditures"})
	}
}

// vehicles: the vehicles held at the year's end are the sum of the
// categories given, so a category the text lists as 0 is none.
func vehicles(c *render.Checker) {
	v := c.Doc.Assets.Vehicles
	if !v.Actual.Set {
		return
	}
	sum := 0
	for _, k := range vehicleKinds {
		sum += k.of(v).Value
	}
	c.Relate(checkVehicles, render.SeverityError, "年末实有车辆数应等于各类车辆之和（部级领导干部用车、主要领导干部用车、机要通信用车、应急保障用车、执法执勤用车、特种专业技术用车、离退休干部用车、其他用车）",
		render.Figure{Name: "实有车辆", Value: render.Count(v.Actual.Value)}, render.Figure{Name: "各类车辆之和", Value: render.Count(sum)},
		render.At("assets.vehicles.actual", v.Actual.Pos))
}

// reasonDirections: a reason that says the figure rose where it fell (or
// the other way round) was likely copied from another year.
func reasonDirections(c *render.Checker) {
	f := factsOf(c.Pub)
	d := c.Doc
	type change struct {
		what, path string
		text       input.Text
		cur        decimal.Decimal
		prior      render.Prior
		against    string
	}
	changes := []change{
		{"收入支出总计", "reasons.total_change", d.Reasons.TotalChange, f.Total, f.PriorTotal, "上年"},
		{"财政拨款收入支出总计", "final.reasons.fiscal_change", d.Final.Reasons.FiscalChange, f.FiscalTotal, f.PriorFiscalTotal, "上年"},
		{"一般公共预算财政拨款支出", "reasons.general_public_change", d.Reasons.GeneralPublicChange, f.GeneralPublic, f.PriorGP, "上年"},
		{"机关运行经费", "reasons.operating_costs_change", d.Reasons.OperatingCostsChange, f.OperatingCosts, f.PriorOperating, "上年"},
	}
	if f.GPBudget.Known {
		changes = append(changes, change{"一般公共预算财政拨款支出", "final.reasons.general_public_vs_budget", d.Final.Reasons.GeneralPublicVsBudget,
			f.GeneralPublic, render.Prior{Value: f.GPBudget.Initial, Set: true}, "年初预算"})
	}
	// Each 项's reason against its own 年初预算.
	for _, sp := range d.Purposes {
		code := sp.Code.Value
		if !render.Given(sp.VarianceReason) {
			continue
		}
		for _, s := range f.Subjects {
			if s.Code == code && s.Budget.Known {
				changes = append(changes, change{fmt.Sprintf("科目 %s（%s）", code, s.Item), "subject_purposes", sp.VarianceReason,
					s.Actual, render.Prior{Value: s.Budget.Initial, Set: true}, "年初预算"})
			}
		}
	}
	for _, x := range changes {
		if !x.prior.Set || !render.Given(x.text) {
			continue
		}
		diff := render.Round(x.cur).Sub(render.Round(x.prior.Value))
		dir := render.Direction(x.text.Value)
		if dir == 0 || diff.IsZero() || (dir > 0) == diff.IsPositive() {
			continue
		}
		said, went := "增加", "减少"
		if dir < 0 {
			said, went = "减少", "增加"
		}
		cur, prior := render.Figure{Name: "决算" + x.what, Value: render.Round(x.cur)}, render.Figure{Name: x.against + x.what, Value: render.Round(x.prior.Value)}
		c.Findings = append(c.Findings, render.Finding{ID: render.CheckReasonDirection, Severity: render.SeverityWarning,
			Message: fmt.Sprintf("%s与%s相比的原因说的是“%s”，而决算比%s%s了：是否沿用了其他年度的文字？", x.what, x.against, said, x.against, went),
			Left:    &cur, Right: &prior, Diff: &diff, File: d.File, Line: x.text.Pos.Line, Column: x.text.Pos.Col, Path: x.path})
	}
}

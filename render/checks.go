package render

import (
	"fmt"

	"github.com/budgetpub/budgetpub/input"
	"github.com/shopspring/decimal"
)

// Severity of a finding.
type Severity string

// Severities: an error stops a render; a warning is printed and kept.
const (
	SeverityError   Severity = "error"
	SeverityWarning Severity = "warning"
)

// Figure is one side of a relation: what it is, in which table, and its value.
type Figure struct {
	Name  string          `json:"name"`  // e.g. 表6 合计
	Value decimal.Decimal `json:"value"` // the printed figure (two decimals), or a count
}

// Finding is one broken relation between figures of the publication
// (表间勾稽关系), with where in the input to look.
type Finding struct {
	ID       string          `json:"id"` // stable, e.g. T6-T5-basic
	Severity Severity        `json:"severity"`
	Message  string          `json:"message"` // in Chinese
	Left     Figure          `json:"left"`
	Right    Figure          `json:"right"`
	Diff     decimal.Decimal `json:"difference"` // Left − Right
	File     string          `json:"file"`
	Line     int             `json:"line"`
	Column   int             `json:"column"`
}

func (f Finding) String() string {
	word := "警告"
	if f.Severity == SeverityError {
		word = "错误"
	}
	return fmt.Sprintf("%s:%d:%d: %s [%s] %s：%s %s，%s %s，相差 %s", f.File, f.Line, f.Column, word, f.ID, f.Message,
		f.Left.Name, f.Left.Value.String(), f.Right.Name, f.Right.Value.String(), f.Diff.String())
}

// HasErrors tells whether any finding is an error.
func HasErrors(fs []Finding) bool {
	for _, f := range fs {
		if f.Severity == SeverityError {
			return true
		}
	}
	return false
}

// checker collects findings.
type checker struct {
	doc *input.Document
	out []Finding
}

// relate records a finding when two printed figures differ.
func (c *checker) relate(id string, sev Severity, msg string, left, right Figure, at input.Pos) {
	l, r := left.Value.Round(2), right.Value.Round(2)
	if l.Equal(r) {
		return
	}
	left.Value, right.Value = l, r
	c.out = append(c.out, Finding{ID: id, Severity: sev, Message: msg, Left: left, Right: right, Diff: l.Sub(r),
		File: c.doc.File, Line: at.Line, Column: at.Col})
}

// exceed records a finding when left is more than right.
func (c *checker) exceed(id string, sev Severity, msg string, left, right Figure, at input.Pos) {
	if left.Value.Round(2).GreaterThan(right.Value.Round(2)) {
		c.relate(id, sev, msg, left, right, at)
	}
}

func (c *checker) key(name string) input.Pos {
	if p, ok := c.doc.Keys[name]; ok {
		return p
	}
	return input.Pos{Line: 1, Col: 1}
}

func count(n int) decimal.Decimal { return decimal.NewFromInt(int64(n)) }

// Check runs the reconciliation checks of spec/checks.md on a publication
// and the input it was built from. Relations that hold by construction are
// checked too, on the computed tables, so a bug cannot pass silently.
func Check(doc *input.Document, p *Publication) []Finding {
	c := &checker{doc: doc}
	f := p.Facts
	lines := expenditureLines(doc)
	var projectCurrent, projectCarry, basicGP decimal.Decimal
	bySource := map[input.Source]decimal.Decimal{}
	for _, l := range lines {
		bySource[l.source] = bySource[l.source].Add(l.total())
		if l.carryover {
			projectCarry = projectCarry.Add(l.project)
		} else {
			projectCurrent = projectCurrent.Add(l.project)
			if l.source == input.GeneralPublic {
				basicGP = basicGP.Add(l.basic)
			}
		}
	}
	t12, t13 := p.Tables[11], p.Tables[12]
	c.relate("T12-T3-project", SeverityError, "表12项目合计应等于表3当年项目支出",
		Figure{"表12 合计", t12.Rows[0].Cells[1].Amount}, Figure{"表3 项目支出（当年）", projectCurrent}, c.key("projects"))
	c.relate("T13-T1-carryover", SeverityError, "表13上年结转项目合计应等于上年结转的项目支出",
		Figure{"表13 合计", t13.Rows[0].Cells[1].Amount}, Figure{"上年结转项目支出", projectCarry}, c.key("projects"))
	c.unitRows(t12)
	c.unitRows(t13)

	t6 := p.Tables[5]
	c.relate("T6-T5-basic", SeverityWarning, "表6合计应等于表5基本支出（一般公共预算当年）",
		Figure{"表6 合计", t6.Rows[0].Cells[2].Amount}, Figure{"表5 基本支出", basicGP}, c.key("basic_by_economic"))
	c.operatingCosts(p)
	c.threePublic(p, bySource)

	total := f.Total
	c.exceed("procurement", SeverityError, "政府采购预算总额不应超过支出总计",
		Figure{"政府采购预算总额", f.Procurement}, Figure{"表1 支出总计", total}, c.key("procurement"))
	c.priorYear(f)
	c.vehicles()
	c.relate("performance", SeverityError, "公开绩效目标的项目个数应等于填写了绩效目标的项目数",
		Figure{"十、公开项目绩效目标个数", count(f.Published)}, Figure{"带绩效目标的项目", count(c.goals())}, c.key("projects"))
	return c.out
}

func (c *checker) goals() int {
	n := 0
	for _, p := range c.doc.Projects {
		if p.Goal != nil && !p.Carryover {
			n++
		}
	}
	return n
}

// unitRows checks each unit subtotal of table 12/13 against its projects.
func (c *checker) unitRows(t *Table) {
	for _, u := range c.doc.Units {
		want := decimal.Zero
		found := false
		for _, p := range c.doc.Projects {
			if p.Unit.Value == u.Name.Value && p.Carryover == (t.Number == 13) {
				found = true
				if t.Number == 13 {
					want = want.Add(p.Amounts.Fiscal())
				} else {
					want = want.Add(p.Amounts.Total())
				}
			}
		}
		if !found {
			continue
		}
		got := decimal.Zero
		for _, r := range t.Rows {
			if r.Kind == RowSubtotal && r.Cells[0].Text == u.Name.Value {
				got = r.Cells[1].Amount
			}
		}
		c.relate("T12-units", SeverityError, fmt.Sprintf("表%d中单位“%s”的小计应等于其项目之和", t.Number, u.Name.Value),
			Figure{fmt.Sprintf("表%d %s 小计", t.Number, u.Name.Value), got}, Figure{"其项目之和", want}, u.Pos)
	}
}

// operatingCosts relates table 11 to table 6's 公用经费 of administrative
// units. Lines of table 6 that name no unit count as the department's.
func (c *checker) operatingCosts(p *Publication) {
	if len(c.doc.OperCosts) == 0 && len(c.doc.BasicByEcon) == 0 {
		return
	}
	public := decimal.Zero
	for _, l := range c.doc.BasicByEcon {
		if PersonnelClasses[l.Dept.Value[:3]] {
			continue
		}
		if l.Unit.Value != "" {
			if u, ok := c.doc.UnitByName(l.Unit.Value); ok && u.Kind.Value != input.KindAdministrative {
				continue
			}
		}
		public = public.Add(l.Amount.Value)
	}
	c.relate("T11-T6-public", SeverityWarning, "表11机关运行经费应等于表6中行政单位的公用经费",
		Figure{"表11 部门合计", p.Tables[10].Rows[0].Cells[1].Amount}, Figure{"表6 行政单位公用经费", public}, c.key("operating_costs"))
}

// threePublic checks table 10's sums and that no source spends on “三公”
// more than it has.
func (c *checker) threePublic(p *Publication, bySource map[input.Source]decimal.Decimal) {
	t := p.Tables[9]
	rows := t.Rows // 出国, 接待, 车辆小计, ①购置, ②运行, 合计
	at := c.key("three_public")
	for col := 1; col < len(t.Columns); col++ {
		v := func(r int) decimal.Decimal { return rows[r].Cells[col].Amount }
		c.relate("T10-items", SeverityError, "表10公务用车购置及运行费应等于①与②之和",
			Figure{"表10 公务用车购置及运行费", v(2)}, Figure{"①+②", v(3).Add(v(4))}, at)
		c.relate("T10-items", SeverityError, "表10合计应等于因公出国（境）费、公务接待费与公务用车购置及运行费之和",
			Figure{"表10 合计", v(5)}, Figure{"三项之和", v(0).Add(v(1)).Add(v(2))}, at)
	}
	for i, s := range fiscalKeys {
		c.exceed("T10-sources", SeverityError, fmt.Sprintf("“三公”经费中%s安排的部分不应超过该来源的预算总额", s.Title()),
			Figure{"表10 合计 " + s.Title(), rows[5].Cells[2+i].Amount}, Figure{s.Title() + "预算总额", bySource[s]}, at)
	}
}

// priorYear warns where a 比上年 sentence has no prior-year figure: the
// sentence then leaves the comparison out rather than invent a zero.
func (c *checker) priorYear(f *Facts) {
	at := c.key("prior_year")
	missing := func(p Prior, what string, cur decimal.Decimal) {
		if !p.Set && !cur.Round(2).IsZero() { // nothing this year: nothing to compare
			c.out = append(c.out, Finding{ID: "prior-year", Severity: SeverityWarning,
				Message: "没有上年数，说明中不作比较：" + what, Left: Figure{what, cur.Round(2)}, Right: Figure{"上年数（未填）", decimal.Zero},
				Diff: cur.Round(2), File: c.doc.File, Line: at.Line, Column: at.Col})
		}
	}
	missing(f.PriorTotal, "收支总计", f.Total)
	missing(f.PriorGP, "一般公共预算当年支出", f.GPCurrent)
	missing(f.PriorThreePublic, "“三公”经费", f.ThreePublic)
	if f.OperatingUnits > 0 {
		missing(f.PriorOperatingCosts, "机关运行经费", f.OperatingCosts)
	}
}

// vehicles checks the vehicle counts: the kinds add up to the actual number
// (error), and the actual number is within the quota (warning).
func (c *checker) vehicles() {
	v := c.doc.Assets.Vehicles
	if !v.Actual.Set {
		return
	}
	kinds := v.Leader.Value + v.Confidential.Value + v.Emergency.Value + v.LawEnforcement.Value +
		v.SpecialTechnical.Value + v.InstitutionBusiness.Value + v.Other.Value
	c.relate("vehicles", SeverityError, "实有车辆数应等于各类车辆之和",
		Figure{"实有车辆", count(v.Actual.Value)}, Figure{"各类车辆之和", count(kinds)}, v.Actual.Pos)
	if v.Quota.Set {
		c.exceed("vehicles", SeverityWarning, "实有车辆数超过编制数",
			Figure{"实有车辆", count(v.Actual.Value)}, Figure{"车辆编制", count(v.Quota.Value)}, v.Actual.Pos)
	}
}

// MarkDraft makes a publication say, on its cover, every page and every
// table, that it is not final.
func MarkDraft(p *Publication, notice string) {
	p.Draft = notice
	p.Title += "（草稿）"
	for _, t := range p.Tables {
		t.Label += "（" + notice + "）"
	}
}

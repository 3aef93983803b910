package render

import (
	"fmt"
	"strings"

	"github.com/budgetpub/budgetpub/input"
	"github.com/shopspring/decimal"
)

// Severity of a finding.
type Severity string

// Severities: an error stops a render; so does an incomplete (需补填:
// something the publication would state nobody gave); a warning is
// printed and kept. A note (提示) is no finding of the publication but a
// batch's word on how it was made (no last-year file found for a workbook
// with --prior-dir): listed, never counted as a warning.
const (
	SeverityError      Severity = "error"
	SeverityIncomplete Severity = "incomplete"
	SeverityWarning    Severity = "warning"
	SeverityNote       Severity = "note"
)

// Figure is one side of a relation: what it is, in which table, and its value.
type Figure struct {
	Name  string          `json:"name"`  // e.g. 表6 合计
	Value decimal.Decimal `json:"value"` // the printed figure (two decimals), or a count
}

// Finding is one broken relation between figures of the publication
// (表间勾稽关系), or a text worth a second look, with where in the input to
// look. A relation has both figures and their difference; a finding about
// one figure (a missing prior-year figure) or a text has neither Right nor
// Diff, and a text finding has no figure at all.
type Finding struct {
	ID       CheckID          `json:"id"` // stable, e.g. T6-T5-basic (checkids.go)
	Severity Severity         `json:"severity"`
	Message  string           `json:"message"` // in Chinese
	Left     *Figure          `json:"left,omitempty"`
	Right    *Figure          `json:"right,omitempty"`
	Diff     *decimal.Decimal `json:"difference,omitempty"` // Left − Right
	File     string           `json:"file"`
	Line     int              `json:"line"`
	Column   int              `json:"column"`
	// Path is where in the input the fix goes, for a finding of something
	// to fill in: "procurement", "units[2].kind" (the workbench shows the
	// field's label and links to it).
	Path string `json:"path,omitempty"`
}

// Detail is the finding's figures as printed: "表6 合计 241.17，表5 基本支出
// 2306.74，相差 -2065.57", or one figure, or nothing.
func (f Finding) Detail() string {
	var parts []string
	if f.Left != nil {
		parts = append(parts, f.Left.Name+" "+f.Left.Value.String())
	}
	if f.Right != nil {
		parts = append(parts, f.Right.Name+" "+f.Right.Value.String())
	}
	if f.Diff != nil {
		parts = append(parts, "相差 "+f.Diff.String())
	}
	return strings.Join(parts, "，")
}

// Word is 错误, 需补填, 提示 or 警告.
func (f Finding) Word() string {
	switch f.Severity {
	case SeverityError:
		return "错误"
	case SeverityIncomplete:
		return "需补填"
	case SeverityNote:
		return "提示"
	}
	return "警告"
}

func (f Finding) String() string {
	s := fmt.Sprintf("%s:%d:%d: %s [%s] %s", f.File, f.Line, f.Column, f.Word(), f.ID, f.Message)
	if f.Line == 0 { // of no place in the file (an imported workbook's, a note on the whole input)
		s = fmt.Sprintf("%s: %s [%s] %s", f.File, f.Word(), f.ID, f.Message)
	}
	if d := f.Detail(); d != "" {
		s += "：" + d
	}
	if f.Path != "" {
		s += "（" + f.Path + "）"
	}
	return s
}

// HasErrors tells whether any finding is an error.
func HasErrors(fs []Finding) bool { return has(fs, SeverityError) }

// HasIncomplete tells whether any finding says something is left to fill in.
func HasIncomplete(fs []Finding) bool { return has(fs, SeverityIncomplete) }

func has(fs []Finding, sev Severity) bool {
	for _, f := range fs {
		if f.Severity == sev {
			return true
		}
	}
	return false
}

// Tally counts findings by severity (notes are not counted).
func Tally(fs []Finding) (errors, incomplete, warnings int) {
	for _, f := range fs {
		switch f.Severity {
		case SeverityError:
			errors++
		case SeverityIncomplete:
			incomplete++
		case SeverityNote:
		default:
			warnings++
		}
	}
	return errors, incomplete, warnings
}

// Status is what a department's findings make of its publication.
type Status string

// The statuses: 可公开 (no error, nothing left to fill in; warnings
// allowed), 需补填 (no error, something unknown) and 有错误.
const (
	StatusPublishable Status = "可公开"
	StatusIncomplete  Status = "需补填"
	StatusErrors      Status = "有错误"
)

// StatusOf is the status the findings give.
func StatusOf(fs []Finding) Status {
	switch {
	case HasErrors(fs):
		return StatusErrors
	case HasIncomplete(fs):
		return StatusIncomplete
	}
	return StatusPublishable
}

// Checker collects findings.
type Checker struct {
	Doc   *input.Document
	Pub   *Publication
	Lines []Line
	out   []Finding
	free  []input.Text // the clerk's texts (clerkTexts), once walked
}

// Relate records a finding when two printed figures differ.
func (c *Checker) Relate(id CheckID, sev Severity, msg string, left, right Figure, at input.Pos) {
	l, r := left.Value.Round(2), right.Value.Round(2)
	if l.Equal(r) {
		return
	}
	left.Value, right.Value = l, r
	diff := l.Sub(r)
	c.out = append(c.out, Finding{ID: id, Severity: sev, Message: msg, Left: &left, Right: &right, Diff: &diff,
		File: c.Doc.File, Line: at.Line, Column: at.Col})
}

// Exceed records a finding when left is more than right.
func (c *Checker) Exceed(id CheckID, sev Severity, msg string, left, right Figure, at input.Pos) {
	if left.Value.Round(2).GreaterThan(right.Value.Round(2)) {
		c.Relate(id, sev, msg, left, right, at)
	}
}

func (c *Checker) Key(name string) input.Pos {
	if p, ok := c.Doc.Keys[name]; ok {
		return p
	}
	return input.Pos{Line: 1, Col: 1}
}

func Count(n int) decimal.Decimal { return decimal.NewFromInt(int64(n)) }

// Check runs the reconciliation checks of the publication's table set on a
// publication and the input it was built from. Relations that hold by
// construction are checked too, on the computed tables, so a bug cannot pass
// silently.
func Check(doc *input.Document, p *Publication) []Finding {
	set := p.Profile
	if set == nil {
		set = Standard
	}
	c := &Checker{Doc: doc, Pub: p, Lines: ExpenditureLines(doc)}
	for _, check := range set.Checks {
		check(c)
	}
	return c.out
}

// standardChecks relate the 13 tables of the standard set (checks.md).
var standardChecks = []func(*Checker){
	(*Checker).projects,
	(*Checker).basicByEconomic,
	(*Checker).operatingCosts,
	(*Checker).threePublic,
	(*Checker).procurement,
	(*Checker).priorYear,
	(*Checker).vehicles,
	(*Checker).performance,
	(*Checker).economicVsThreePublic,
	(*Checker).reasons,
	(*Checker).texts,
	(*Checker).completeness,
}

// projects relates tables 12 and 13 to the project expenditure of the
// lines, and each unit's subtotal to its projects.
func (c *Checker) projects() {
	var current, carry decimal.Decimal
	for _, l := range c.Lines {
		if l.Carryover {
			carry = carry.Add(l.Project)
		} else {
			current = current.Add(l.Project)
		}
	}
	t12, t13 := c.Pub.Table(T12), c.Pub.Table(T13)
	c.Relate("T12-T3-project", SeverityError, "表12项目合计应等于表3当年项目支出",
		Figure{"表12 合计", t12.Amount(TotalRow, ColTotal)}, Figure{"表3 项目支出（当年）", current}, c.Key("projects"))
	c.Relate("T13-T1-carryover", SeverityError, "表13上年结转项目合计应等于上年结转的项目支出",
		Figure{"表13 合计", t13.Amount(TotalRow, ColTotal)}, Figure{"上年结转项目支出", carry}, c.Key("projects"))
	c.unitRows(t12, false)
	c.unitRows(t13, true)
}

// basicByEconomic relates table 6 to table 5's basic expenditure.
func (c *Checker) basicByEconomic() {
	c.Relate("T6-T5-basic", SeverityWarning, "表6合计应等于表5基本支出（一般公共预算当年）",
		Figure{"表6 合计", c.Pub.Table(T6).Amount(TotalRow, ColTotal)}, Figure{"表5 基本支出", c.Pub.Table(T5).Exact(TotalRow, ColBasic)}, c.Key("basic_by_economic"))
}

// procurement: the procurement budget is never above total expenditure.
func (c *Checker) procurement() {
	f := c.Pub.Facts
	c.Exceed("procurement", SeverityError, "政府采购预算总额不应超过支出总计",
		Figure{"政府采购预算总额", f.Procurement}, Figure{"表1 支出总计", c.Pub.Table(T1).Exact(TotalRow, ColTotal)}, c.Key("procurement"))
}

// performance: the published goals counted in 十 are the projects that carry one.
func (c *Checker) performance() {
	c.Relate("performance", SeverityError, "公开绩效目标的项目个数应等于填写了绩效目标的项目数",
		Figure{"十、公开项目绩效目标个数", Count(c.Pub.Facts.Published)}, Figure{"带绩效目标的项目", Count(c.goals())}, c.Key("projects"))
}

func (c *Checker) goals() int {
	n := 0
	for _, p := range c.Doc.Projects {
		if p.Goal != nil && !p.Carryover {
			n++
		}
	}
	return n
}

// unitRows checks each unit subtotal of table 12/13 against its projects.
func (c *Checker) unitRows(t *Table, carryover bool) {
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
		got := t.Amount(UnitRow(u.Name.Value), ColTotal)
		c.Relate("T12-units", SeverityError, fmt.Sprintf("表%d中单位“%s”的小计应等于其项目之和", t.Number, u.Name.Value),
			Figure{fmt.Sprintf("表%d %s 小计", t.Number, u.Name.Value), got}, Figure{"其项目之和", want}, u.Pos)
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
func (c *Checker) operatingCosts() {
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
	c.Relate("T11-T6-public", SeverityWarning, "表11机关运行经费应等于表6中行政单位（含参照公务员法管理的事业单位）的公用经费：请核对表11的金额和表6各行所属的单位，改正有误的一边",
		Figure{"表11 部门合计", c.Pub.Table(T11).Amount(TotalRow, ColTotal)}, Figure{"表6 行政单位公用经费", public}, c.Key("operating_costs"))
}

// threePublic checks table 10's sums and that no source spends on “三公”
// more than it has (表4 支出总计 of that source).
func (c *Checker) threePublic() {
	t, t4 := c.Pub.Table(T10), c.Pub.Table(T4)
	at := c.Key("three_public")
	for _, col := range t.Columns {
		if col.Kind != KindAmount {
			continue
		}
		v := func(item string) decimal.Decimal { return t.Amount(ItemRow(item), col.Key) }
		c.Relate("T10-items", SeverityError, "表10公务用车购置及运行费应等于①与②之和",
			Figure{"表10 公务用车购置及运行费", v(ItemVehicles)}, Figure{"①+②", v(ItemVehiclePurchase).Add(v(ItemVehicleOperation))}, at)
		c.Relate("T10-items", SeverityError, "表10合计应等于因公出国（境）费、公务接待费与公务用车购置及运行费之和",
			Figure{"表10 合计", t.Amount(TotalRow, col.Key)}, Figure{"三项之和", v(ItemOutboundTravel).Add(v(ItemReception)).Add(v(ItemVehicles))}, at)
	}
	for _, s := range input.FiscalSources {
		c.Exceed("T10-sources", SeverityError, fmt.Sprintf("“三公”经费中%s安排的部分不应超过该来源的预算总额", s.Title()),
			Figure{"表10 合计 " + s.Title(), t.Amount(TotalRow, SourceCol(s))}, Figure{s.Title() + "预算总额", t4.Exact(TotalRow, SourceCol(s))}, at)
	}
}

// priorYear warns where a 比上年 sentence has no prior-year figure: the
// sentence then leaves the comparison out rather than invent a zero.
func (c *Checker) priorYear() {
	f := c.Pub.Facts
	at := c.Key("prior_year")
	missing := func(p Prior, what string, cur decimal.Decimal) {
		if !p.Set && !cur.Round(2).IsZero() { // nothing this year: nothing to compare
			c.out = append(c.out, Finding{ID: "prior-year", Severity: SeverityWarning,
				Message: "没有" + what + "的上年数，说明中不作比较：如有上年预算数，请在 prior_year 中填写",
				Left:    &Figure{"本年" + what, cur.Round(2)}, File: c.Doc.File, Line: at.Line, Column: at.Col})
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
func (c *Checker) vehicles() {
	v := c.Doc.Assets.Vehicles
	if !v.Actual.Set {
		return
	}
	kinds := v.Leader.Value + v.Confidential.Value + v.Emergency.Value + v.LawEnforcement.Value +
		v.SpecialTechnical.Value + v.InstitutionBusiness.Value + v.Other.Value
	c.Relate("vehicles", SeverityError, "实有车辆数应等于各类车辆之和",
		Figure{"实有车辆", Count(v.Actual.Value)}, Figure{"各类车辆之和", Count(kinds)}, v.Actual.Pos)
	if v.Quota.Set {
		c.Exceed("vehicles", SeverityWarning, "实有车辆数超过编制数",
			Figure{"实有车辆", Count(v.Actual.Value)}, Figure{"车辆编制", Count(v.Quota.Value)}, v.Actual.Pos)
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

package render

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/budgetpub/budgetpub/input"
)

// Every statement of the publication is either given — by the tables, or
// by the clerk, an explicit 0 or 无 included — or unknown: never given.
// An unknown is never printed as a fact. Where the build meets one it
// records an Unknown and prints a 【未填写：…】 mark in the statement's
// place; Check turns each into a finding of severity incomplete (需补填),
// which stops a render as an error does (a --force draft shows the
// marks). What the tables cannot give and the clerk must: 概况, 政府采购,
// 国有资产, 其他说明, the reasons the headings ask for, the overall-goal
// amount, each unit's kind and each project's category.

// Unknown is one statement nobody gave.
type Unknown struct {
	ID   CheckID   // the finding's id: unknown-procurement …
	What string    // what is missing, as the mark and the message say it
	Path string    // where in the input it goes: procurement, units[2].kind …
	Pos  input.Pos // where in the file to write it (the block's key, or the item)
}

// Mark is what the publication prints in an unknown statement's place.
func Mark(what string) string { return "【未填写：" + what + "】" }

// markRe finds a mark in printed text.
var markRe = regexp.MustCompile(`【未填写：[^】]*】`)

// Unknown records an Unknown statement and returns its mark.
func (b *Builder) Unknown(id CheckID, what, path string, at input.Pos) string {
	if at.Line == 0 {
		at = b.KeyPos(strings.SplitN(strings.SplitN(path, ".", 2)[0], "[", 2)[0])
	}
	b.Pub.Unknowns = append(b.Pub.Unknowns, Unknown{ID: id, What: what, Path: path, Pos: at})
	return Mark(what)
}

// KeyPos is where a top-level key is, or the file's first line.
func (b *Builder) KeyPos(key string) input.Pos {
	if p, ok := b.Doc.Keys[key]; ok {
		return p
	}
	return input.Pos{Line: 1, Col: 1}
}

// Given tells whether a clerk's text says anything.
func Given(t input.Text) bool { return strings.TrimSpace(t.Value) != "" }

// TextOrUnknown is a clerk's text as paragraphs, or the mark of an unknown.
func (b *Builder) TextOrUnknown(t input.Text, id CheckID, what, path string) []string {
	if Given(t) {
		return Paragraphs(t.Value)
	}
	return []string{b.Unknown(id, what, path, t.Pos)}
}

// procurementGiven tells whether all three procurement figures were given
// (0 included); the missing ones are listed.
func ProcurementMissing(p input.Procurement) []string {
	var missing []string
	for _, x := range []struct {
		a    input.Amount
		what string
	}{{p.Goods, "货物"}, {p.Works, "工程"}, {p.Services, "服务"}} {
		if !x.a.Set {
			missing = append(missing, x.what)
		}
	}
	return missing
}

// AssetsGiven tells whether any item of 十一 was given.
func AssetsGiven(a input.Assets) bool {
	v := a.Vehicles
	return v.Quota.Set || v.Actual.Set || a.OfficeAreaM2.Value != "" || a.EquipmentOver500k.Set || a.EquipmentOver1m.Set
}

// Completeness turns the build's unknowns into findings, and looks for
// what is given but cannot be meant: a skeleton's placeholder, a budget of
// nothing but zeros (both incomplete); last year's year in a text that
// never names this year's, and a prior-year figure ten times or more off
// this year's — the 元/万元 slip — (warnings).
func (c *Checker) Completeness() {
	for _, u := range c.Pub.Unknowns {
		c.Findings = append(c.Findings, c.unknownFinding(u))
	}
	set := c.clerkTexts()
	for _, t := range set.texts {
		if !strings.Contains(t.Value, "在此填写") {
			continue // no regexp run where it cannot match
		}
		if m := skeletonRe.FindStringIndex(t.Value); m != nil {
			at := t.PosOf(m[0])
			c.Findings = append(c.Findings, Finding{ID: "skeleton-text", Severity: SeverityIncomplete,
				Message: fmt.Sprintf("还是空白模板的提示文字“%s”：请换成本部门的内容", t.Value[m[0]:m[1]]),
				File:    c.Doc.File, Line: at.Line, Column: at.Col, Path: set.path(t)})
		}
	}
	for i, p := range c.Doc.Projects {
		if p.Goal == nil || p.Carryover || !Given(p.Goal.CarriedFrom) {
			continue
		}
		at := p.Goal.CarriedFrom.Pos
		if at.Line == 0 {
			at = p.Pos
		}
		c.Findings = append(c.Findings, Finding{ID: "unreviewed-goal", Severity: SeverityIncomplete,
			Message: fmt.Sprintf("项目“%s”的绩效目标表沿用自%s，还没有复核：逐项核对本年的目标和指标后，删去 carried_from 这一行（工作台中勾选“已复核”）", p.Name.Value, p.Goal.CarriedFrom.Value),
			File:    c.Doc.File, Line: at.Line, Column: at.Col, Path: fmt.Sprintf("projects[%d].performance_goal.carried_from", i)})
	}
}

// unknownFinding is the finding of a statement nobody gave.
func (c *Checker) unknownFinding(u Unknown) Finding {
	return Finding{ID: u.ID, Severity: SeverityIncomplete,
		Message: fmt.Sprintf("没有填写%s：%s", u.What, fixOf(u.ID)),
		File:    c.Doc.File, Line: u.Pos.Line, Column: u.Pos.Col, Path: u.Path}
}

// fixOf says how to give what an unknown of id lacks: the core's own, or
// the one its layout declared (CheckInfo.Fix).
func fixOf(id CheckID) string {
	if f, ok := unknownFix[id]; ok {
		return f
	}
	return checkInfo(id).Fix
}

// unknownFix says, for each kind of unknown, how to give it.
var unknownFix = map[CheckID]string{
	"unknown-overview":     "请按本部门的“三定”方案或上年公开材料填写，公开材料不能空着这一节",
	"unknown-procurement":  "请按政府采购预算填写；没有政府采购预算的，写 0",
	"unknown-assets":       "请填写统计日期、车辆、办公用房和大额设备；没有的项目写 0",
	"unknown-notes":        "请填写；没有要说明的，写“无”",
	"reason-missing":       "该节标题要求说明增减原因，请写明主要原因",
	"unknown-overall-goal": "请填写单位整体绩效目标涉及的资金；没有编报单位整体绩效目标的单位，不要勾选“编报了单位整体绩效目标”",
	"unknown-unit-kind":    "请写 administrative（行政单位）、civil_servant_managed（参照公务员法管理的事业单位）或 institution（事业单位）",
	"unknown-category":     "请写 other_operating（其他运转类）或 specific_goal（特定目标类）",
}

// skeletonRe is the placeholder text of budgetpub's own skeleton and
// forms: （在此填写本部门职责。）.
var skeletonRe = regexp.MustCompile(`[（(]在此填写[^）)]*[）)]`)

// StaleYear: a text of 概况 or 其他说明 that speaks of last year's budget
// ("纳入2024年部门预算编制范围", "本部门2024年无政府购买服务项目" in a 2025
// file) and never names this year was carried over unchanged. Only such
// phrases count: a text may well name last year for what happened in it
// ("2024年10月，经批准更名为…").
func (c *Checker) StaleYear() {
	last := strconv.Itoa(c.Doc.Year-1) + "年"
	this := strconv.Itoa(c.Doc.Year) + "年"
	for _, x := range []struct {
		t    input.Text
		what string
		path string
	}{
		{c.Doc.Overview.Duties, "本部门职责", "overview.duties"}, {c.Doc.Overview.Organization, "机构设置情况", "overview.organization"},
		{c.Doc.Notes.PurchaseOfServices, "政府购买服务指导性目录", "notes.purchase_of_services"}, {c.Doc.Notes.Other, "其他说明", "notes.other"},
	} {
		m := staleAt(x.t.Value, last)
		if m == nil || strings.Contains(x.t.Value, this) {
			continue
		}
		i := m[0]
		at := x.t.PosOf(i)
		c.Findings = append(c.Findings, Finding{ID: "stale-year", Severity: SeverityWarning,
			Message: fmt.Sprintf("%s中写的是“%s”，没有提到%s：是否沿用了上年的文字？请按本年度改写", x.what, excerpt(x.t.Value, i, len([]rune(x.t.Value[m[0]:m[1]]))), this),
			File:    c.Doc.File, Line: at.Line, Column: at.Col, Path: x.path})
	}
}

// Marks are the 【未填写：…】 marks in a printed text.
func Marks(s string) []string { return markRe.FindAllString(s, -1) }

// staleAfter are what follows last year in a phrase about its budget.
var staleAfter = regexp.MustCompile(`^度?(?:部门|单位)?(?:预算|决算|无|没有|未)`)

// staleAt is the place of the first phrase about last year's budget in s
// ("2024年部门预算", "2024年无"): last ("2024年") followed by staleAfter.
func staleAt(s, last string) []int {
	for from := 0; ; {
		i := strings.Index(s[from:], last)
		if i < 0 {
			return nil
		}
		i += from
		if m := staleAfter.FindStringIndex(s[i+len(last):]); m != nil {
			return []int{i, i + len(last) + m[1]}
		}
		from = i + len(last)
	}
}

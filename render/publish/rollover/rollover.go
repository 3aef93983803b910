// Package rollover makes next year's master input from last year's: the
// file rolled over (init --from: RollOver), or carried into a workbook of
// the year after as it is imported (import --prior, batch --prior-dir:
// Carry), with prior_year from last year's computed figures (PriorYear).
// It decodes and builds last year's file; publish guards it against a
// fault (publish.ReadLastYear, publish.LastYearFrom).
package rollover

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
	"github.com/shopspring/decimal"
)

// LastYear is last year's master input with its computed publication: the
// starting point of the next year's file.
type LastYear struct {
	Doc *input.Document
	Pub *render.Publication
}

// Read decodes and builds last year's file at path, with the catalog and
// the wording given (no writers run). A file whose checks find errors is a
// *LastYearError.
func Read(catalog *input.Catalog, wording *render.Wording, path string) (*LastYear, error) {
	data, err := input.ReadRegular(path, input.MaxFileSize)
	if err != nil {
		return nil, &input.Error{File: path, Msg: "无法读取：" + err.Error(), Err: err}
	}
	return From(catalog, wording, path, data)
}

// From is Read of a file's bytes, named path in messages (an upload of the
// workbench).
func From(catalog *input.Catalog, wording *render.Wording, path string, data []byte) (*LastYear, error) {
	doc, err := input.Decode(path, data, catalog)
	if err != nil {
		return nil, err
	}
	pub, err := render.BuildWith(doc, render.Options{Wording: wording})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if errs := errorsOf(render.Check(doc, pub)); len(errs) > 0 {
		return nil, &LastYearError{File: path, Findings: errs}
	}
	return &LastYear{Doc: doc, Pub: pub}, nil
}

// errorsOf keeps the errors of findings.
func errorsOf(fs []render.Finding) []render.Finding {
	var out []render.Finding
	for _, f := range fs {
		if f.Severity == render.SeverityError {
			out = append(out, f)
		}
	}
	return out
}

// LastYearError is a last-year file that fails its checks: the prior-year
// figures would be computed from tables that disagree, so it is not
// rolled over.
type LastYearError struct {
	File     string
	Findings []render.Finding // the errors
}

func (e *LastYearError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: 上年文件的勾稽核对有 %d 处错误，上年数无法由它算出，未生成：请先改正上年文件（budgetpub check %s），再重新运行", e.File, len(e.Findings), e.File)
	for i, f := range e.Findings {
		if i == 5 {
			fmt.Fprintf(&b, "\n（另有 %d 处）", len(e.Findings)-5)
			break
		}
		b.WriteString("\n" + f.String())
	}
	return b.String()
}

// YearError is a roll-over to a year that is not the one after last
// year's file: its figures would be printed as 比上年 of a year they are
// not.
type YearError struct {
	File       string
	Last, Year int
	Workbook   bool // the year is an imported workbook's, not one asked for
}

func (e *YearError) Error() string {
	if e.Workbook {
		return fmt.Sprintf("%s: 上年文件是 %d 年的，而工作簿是 %d 年的：--prior 应为 %d 年的主输入文件", e.File, e.Last, e.Year, e.Year-1)
	}
	return fmt.Sprintf("%s: 上年文件是 %d 年的，而要生成的是 %d 年的：上年文件应为 %d 年的主输入文件（或把年度改为 %d）", e.File, e.Last, e.Year, e.Year-1, e.Last+1)
}

// follows checks that year is the one after last year's.
func (ly *LastYear) follows(year int, workbook bool) error {
	if year != ly.Doc.Year+1 {
		return &YearError{File: ly.Doc.File, Last: ly.Doc.Year, Year: year, Workbook: workbook}
	}
	return nil
}

var zero = decimal.Zero

func set(d decimal.Decimal) input.Amount { return input.Amount{Value: d, Set: true} }

// PriorYear is the prior_year block of the year after: last year's
// computed figures that the 比上年 sentences compare with, as its layout
// says (Profile.PriorYear; none when it says nothing).
func (ly *LastYear) PriorYear() input.PriorYear {
	if p := ly.Pub.Profile; p != nil && p.PriorYear != nil {
		return p.PriorYear(ly.Pub)
	}
	return input.PriorYear{}
}

// cleared is a BySource with the same sources given, every amount zero.
func cleared(b input.BySource) input.BySource {
	var out input.BySource
	for _, s := range input.AllSources {
		if b.Given(s) {
			out.Amounts[s] = input.Amount{Value: zero, Set: true, Pos: input.Pos{Line: 1, Col: 1}}
		}
	}
	if !out.Any() {
		out.Amounts[input.DefaultSource] = input.Amount{Value: zero, Set: true, Pos: input.Pos{Line: 1, Col: 1}}
	}
	return out
}

// clearGoal keeps a goal form's texts as a starting point, clears its
// money (项目资金, in 元) and marks it carried from the year before (from:
// "2024年"), which is a 需补填 until the clerk has reviewed it.
func clearGoal(g *input.PerformanceGoal, from string) *input.PerformanceGoal {
	if g == nil {
		return nil
	}
	c := *g
	c.Funds = nil
	c.FiledOn = input.Text{}
	c.CarriedFrom = input.Text{Value: from}
	return &c
}

// carriedPurposes are last year's subject purposes as a starting point:
// each purpose's text, without last year's 当年预算执行数 of the year
// before (the year after compares with this year's execution, which no
// file gives yet: unknown, never a 0); a line with no text is dropped.
// keep, when not nil, keeps only the codes it names.
func carriedPurposes(last []input.SubjectPurpose, keep map[string]bool) []input.SubjectPurpose {
	var out []input.SubjectPurpose
	for _, p := range last {
		if p.Purpose.Value == "" || keep != nil && !keep[p.Code.Value] {
			continue
		}
		p.PriorExecuted = input.Amount{}
		out = append(out, p)
	}
	return out
}

// carriedDescription is a copy of a project's 项目经费情况说明, its texts
// a starting point.
func carriedDescription(d *input.ProjectDescription) *input.ProjectDescription {
	if d == nil {
		return nil
	}
	c := *d
	return &c
}

// RollOver is next year's master input made from last year's: the year
// after; prior_year from last year's computed figures; units, 概况, notes,
// glossary, code names and how amounts print carried over; every line,
// project and item kept with its money cleared, the texts of subject
// purposes and project descriptions as a starting point; reasons,
// procurement and assets left for the clerk. The options carry the
// comments that say so, and the keys only some layouts use that the
// layout uses (render.Profile.InputKeys). A year that is not the one
// after last year's is a *YearError.
func (ly *LastYear) RollOver(year int) (*input.Document, input.FormatOptions, error) {
	if err := ly.follows(year, false); err != nil {
		return nil, input.FormatOptions{}, err
	}
	last := ly.Doc
	doc := &input.Document{
		Schema: input.SchemaVersion, Year: year, AmountUnit: last.AmountUnit, Layout: last.Layout,
		Department: last.Department, Overview: last.Overview, CodeNames: last.CodeNames,
		Units: last.Units, Notes: last.Notes, Glossary: last.Glossary,
		PrintFormat: last.PrintFormat, Purposes: carriedPurposes(last.Purposes, nil),
		PriorYear: ly.PriorYear(),
	}
	for _, e := range last.Expenditures {
		e.Basic, e.Project, e.Personnel = clearedAmount(e.Basic), clearedAmount(e.Project), clearedAmount(e.Personnel)
		doc.Expenditures = append(doc.Expenditures, e)
	}
	for _, l := range last.BasicByEcon {
		l.Amount = set(zero)
		doc.BasicByEcon = append(doc.BasicByEcon, l)
	}
	for _, l := range last.GovFundRev {
		l.Amount = set(zero)
		doc.GovFundRev = append(doc.GovFundRev, l)
	}
	for _, l := range last.StateCapRev {
		l.Amount = set(zero)
		doc.StateCapRev = append(doc.StateCapRev, l)
	}
	goals, descriptions := 0, 0
	for _, p := range last.Projects {
		if p.Carryover {
			continue // last year's carry-over is not next year's
		}
		p.Amounts = cleared(p.Amounts)
		p.Goal = clearGoal(p.Goal, fmt.Sprintf("%d年", last.Year))
		if p.Goal != nil {
			goals++
		}
		if p.Description = carriedDescription(p.Description); p.Description != nil {
			descriptions++
		}
		doc.Projects = append(doc.Projects, p)
	}
	tp := last.ThreePublic
	doc.ThreePublic = input.ThreePublic{
		OutboundTravel: cleared(tp.OutboundTravel), Reception: cleared(tp.Reception),
		VehiclePurchase: cleared(tp.VehiclePurchase), VehicleOperation: cleared(tp.VehicleOperation),
	}
	for _, oc := range last.OperCosts {
		oc.Amount = cleared(oc.Amount)
		doc.OperCosts = append(doc.OperCosts, oc)
	}
	// Procurement, assets, reasons and the overall-goal amount are this
	// year's: left unknown (需补填), never last year's nor a 0.

	from := fmt.Sprintf("%d年", last.Year)
	o := input.FormatOptions{
		Header: []string{fmt.Sprintf("由 %s（%s度）生成：上年数已按其计算结果填入，金额已清零。", filepath.Base(last.File), from)},
		Comments: map[string][]string{
			"overview":          {"沿用" + from + "的文字：请按本年度修改。"},
			"units":             {"沿用" + from + "的预算单位及其类型、整体绩效目标：请核对。"},
			"expenditures":      {"以下为" + from + "的支出科目，金额已清零：请按本年预算填写；本年不用的科目整行删除。"},
			"basic_by_economic": {"以下为" + from + "的经济分类科目，金额已清零。"},
			"projects":          {"以下为" + from + "的项目，金额已清零：请按本年预算填写，删去本年没有的项目。"},
			"prior_year":        {"由 " + filepath.Base(last.File) + " 计算得出（" + from + "收支总计、一般公共预算当年支出、“三公”经费各项、机关运行经费）。"},
			"notes":             {"沿用" + from + "的文字：请按本年度修改。"},
		},
		Todo: []string{
			"全部金额：支出、经济分类、项目、“三公”经费、机关运行经费、政府采购",
			"reasons：各项增减变动的原因（已清空）",
			"assets：截至上年末的国有资产情况（已清空）",
			"overview、notes：沿用上年的文字，按本年度修改",
		},
	}
	if goals > 0 {
		o.Comments["projects"] = append(o.Comments["projects"], fmt.Sprintf("其中 %d 个项目沿用上年的绩效目标表（资金已清空）：请逐项复核指标和指标值。", goals))
		o.Todo = append(o.Todo, "projects[].performance_goal：沿用上年的绩效目标表，逐项复核")
	}
	if descriptions > 0 {
		o.Comments["projects"] = append(o.Comments["projects"], fmt.Sprintf("其中 %d 个项目沿用上年的项目经费情况说明（description）：请按本年度修改。", descriptions))
		o.Todo = append(o.Todo, "projects[].description：沿用上年的项目经费情况说明，按本年度修改")
	}
	if len(doc.Purposes) > 0 {
		o.Comments["subject_purposes"] = []string{"沿用" + from + "各科目的用途：请按本年度修改，删去本年没有的科目；上年当年预算执行数（prior_executed）请按" + from + "的执行数填写。"}
		o.Todo = append(o.Todo, "subject_purposes：沿用上年的用途文字，按本年度修改；填写上年当年预算执行数")
	}
	if p := ly.Pub.Profile; p != nil {
		o.LayoutKeys = p.InputKeys
	}
	return doc, o, nil
}

func clearedAmount(a input.Amount) input.Amount {
	if !a.Set {
		return a
	}
	return set(zero)
}

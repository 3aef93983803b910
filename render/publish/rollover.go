package publish

import (
	"fmt"
	"path/filepath"
	"regexp"
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

// ReadLastYear decodes and builds last year's file (no writers run).
func ReadLastYear(res *Resources, path string) (ly *LastYear, err error) {
	err = Guard(path, "读取上年文件时出错", func() error {
		ly, err = readLastYear(res, path)
		return err
	})
	return ly, err
}

// LastYearFrom is ReadLastYear of a file's bytes, named name in messages
// (an upload of the workbench).
func LastYearFrom(res *Resources, name string, data []byte) (ly *LastYear, err error) {
	err = Guard(name, "读取上年文件时出错", func() error {
		ly, err = lastYear(res, name, data)
		return err
	})
	return ly, err
}

func readLastYear(res *Resources, path string) (*LastYear, error) {
	data, err := ReadInput(path)
	if err != nil {
		return nil, &input.Error{File: path, Msg: "无法读取：" + err.Error()}
	}
	return lastYear(res, path, data)
}

func lastYear(res *Resources, path string, data []byte) (*LastYear, error) {
	doc, err := input.Decode(path, data, res.Catalog)
	if err != nil {
		return nil, err
	}
	pub, err := render.BuildWith(doc, render.Options{Wording: res.Wording})
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
// computed figures that the 比上年 sentences compare with — 收支总计 (表1),
// 一般公共预算当年支出 (表5), each “三公” item (表10) and 机关运行经费 (表11).
func (ly *LastYear) PriorYear() input.PriorYear {
	f := ly.Pub.Facts
	return input.PriorYear{
		Total:         set(f.Total.Round(2)),
		GeneralPublic: set(f.GPCurrent.Round(2)),
		ThreePublic: input.PriorThreePublic{
			OutboundTravel:   set(f.Travel.Round(2)),
			Reception:        set(f.Reception.Round(2)),
			VehiclePurchase:  set(f.VehiclePurchase.Round(2)),
			VehicleOperation: set(f.VehicleOperation.Round(2)),
		},
		OperatingCosts: set(f.OperatingCosts.Round(2)),
	}
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

// RollOver is next year's master input made from last year's: the year
// after; prior_year from last year's computed figures; units, 概况, notes,
// glossary and code names carried over; every line, project and item kept
// with its money cleared; reasons, procurement and assets left for the
// clerk. The options carry the comments that say so. A year that is not
// the one after last year's is a *YearError.
func (ly *LastYear) RollOver(year int) (*input.Document, input.FormatOptions, error) {
	if err := ly.follows(year, false); err != nil {
		return nil, input.FormatOptions{}, err
	}
	last := ly.Doc
	doc := &input.Document{
		Schema: input.SchemaVersion, Year: year, AmountUnit: last.AmountUnit,
		Department: last.Department, Overview: last.Overview, CodeNames: last.CodeNames,
		Units: last.Units, Notes: last.Notes, Glossary: last.Glossary,
		PriorYear: ly.PriorYear(),
	}
	for _, e := range last.Expenditures {
		e.Basic, e.Project = clearedAmount(e.Basic), clearedAmount(e.Project)
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
	goals := 0
	for _, p := range last.Projects {
		if p.Carryover {
			continue // last year's carry-over is not next year's
		}
		p.Amounts = cleared(p.Amounts)
		p.Goal = clearGoal(p.Goal, fmt.Sprintf("%d年", last.Year))
		if p.Goal != nil {
			goals++
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
	return doc, o, nil
}

func clearedAmount(a input.Amount) input.Amount {
	if !a.Set {
		return a
	}
	return set(zero)
}

// Carry brings last year's file into an imported one of the year after:
// department code and region, 概况, notes, glossary and code names (where
// the workbook names no code otherwise); each unit's kind and overall goal;
// for a project of the same name, its category and its goal form as a
// starting point, marked for review; and prior_year from last year's
// computed figures. The workbook's year must be last year's plus one.
func (ly *LastYear) Carry(doc *input.Document, o *input.FormatOptions) error {
	last := ly.Doc
	if err := ly.follows(doc.Year, true); err != nil {
		return err
	}
	from := fmt.Sprintf("%d年", last.Year)
	if o.Comments == nil {
		o.Comments = map[string][]string{}
	}
	note := func(path, text string) { o.Comments[path] = append(o.Comments[path], text) }
	// The workbook's own code ([312]教育局) stays when last year's file
	// has none.
	if last.Department.Code.Value != "" {
		doc.Department.Code = last.Department.Code
	}
	if last.Department.Region.Value != "" {
		doc.Department.Region = last.Department.Region
	}
	doc.Overview, doc.Notes, doc.Glossary = last.Overview, last.Notes, last.Glossary
	note("overview", "沿用"+from+"的文字：请按本年度修改。")
	note("notes", "沿用"+from+"的文字：请按本年度修改。")
	named := map[string]bool{}
	for _, cn := range doc.CodeNames {
		named[cn.Code.Value] = true
	}
	for _, e := range doc.Expenditures {
		if e.Name.Value != "" {
			named[e.Code.Value] = true
		}
	}
	for _, cn := range last.CodeNames {
		if !named[cn.Code.Value] {
			doc.CodeNames = append(doc.CodeNames, cn)
		}
	}
	kinds := map[string]input.Unit{}
	for _, u := range last.Units {
		kinds[u.Name.Value] = u
	}
	for i, u := range doc.Units {
		if lu, ok := kinds[u.Name.Value]; ok {
			doc.Units[i].Kind, doc.Units[i].OverallGoal = lu.Kind, lu.OverallGoal
		}
	}
	note("units", "与"+from+"同名的单位沿用其类型和整体绩效目标。")
	match := newProjectMatcher(last.Projects)
	goals := 0
	for i, p := range doc.Projects {
		if p.Carryover {
			continue
		}
		lp, ok := match.find(p)
		if !ok {
			continue
		}
		if lp.Name.Value != p.Name.Value {
			note(fmt.Sprintf("projects[%d]", i), fmt.Sprintf("与%s的“%s”视为同一项目（名称只差年份），沿用其项目类别和绩效目标表：如不是同一项目，请改正。", from, lp.Name.Value))
		}
		doc.Projects[i].Category = lp.Category
		if g := clearGoal(lp.Goal, from); g != nil {
			doc.Projects[i].Goal = g
			goals++
			note(fmt.Sprintf("projects[%d].performance_goal", i), "沿用"+from+"同名项目的绩效目标表（资金已清空）：请复核后再公开。")
		}
	}
	doc.PriorYear = ly.PriorYear()
	note("prior_year", "由 "+filepath.Base(last.File)+" 计算得出（"+from+"收支总计、一般公共预算当年支出、“三公”经费各项、机关运行经费）。")
	o.Header = append(o.Header, fmt.Sprintf("上年（%s）的文字、单位类型、项目类别和绩效目标表取自 %s。", from, filepath.Base(last.File)))
	var todo []string
	for _, t := range o.Todo {
		if !carriedTodo(t) {
			todo = append(todo, t)
		}
	}
	o.Todo = todo
	if goals > 0 {
		o.Todo = append(o.Todo, fmt.Sprintf("projects[].performance_goal：%d 个项目沿用上年的绩效目标表，请逐项复核", goals))
	}
	return nil
}

// carriedTodo tells the to-do items that last year's file fills in.
func carriedTodo(t string) bool {
	for _, p := range []string{"department.code", "overview", "prior_year", "notes", "projects[].category"} {
		if len(t) >= len(p) && t[:len(p)] == p {
			return true
		}
	}
	return false
}

// projectMatcher finds last year's project that a project of this year
// continues: of the same unit and name; else the only one of that name;
// else the same with the years left out of the names ("2025年高标准农田建设
// 项目" continues "2024年高标准农田建设项目"), of the same unit, then the
// only one. A name that fits two of last year's is matched to neither.
type projectMatcher struct {
	exact, yearless map[[2]string]input.Project
	byName          map[string][]input.Project
	byYearless      map[string][]input.Project
}

func newProjectMatcher(last []input.Project) *projectMatcher {
	m := &projectMatcher{exact: map[[2]string]input.Project{}, yearless: map[[2]string]input.Project{},
		byName: map[string][]input.Project{}, byYearless: map[string][]input.Project{}}
	for _, p := range last {
		if p.Carryover {
			continue
		}
		y := withoutYears(p.Name.Value)
		m.exact[[2]string{p.Unit.Value, p.Name.Value}] = p
		m.yearless[[2]string{p.Unit.Value, y}] = p
		m.byName[p.Name.Value] = append(m.byName[p.Name.Value], p)
		m.byYearless[y] = append(m.byYearless[y], p)
	}
	return m
}

func (m *projectMatcher) find(p input.Project) (input.Project, bool) {
	if lp, ok := m.exact[[2]string{p.Unit.Value, p.Name.Value}]; ok {
		return lp, true
	}
	if ps := m.byName[p.Name.Value]; len(ps) == 1 {
		return ps[0], true
	}
	y := withoutYears(p.Name.Value)
	if y == "" {
		return input.Project{}, false
	}
	if lp, ok := m.yearless[[2]string{p.Unit.Value, y}]; ok {
		return lp, true
	}
	if ps := m.byYearless[y]; len(ps) == 1 {
		return ps[0], true
	}
	return input.Project{}, false
}

// yearInName is a year written in a project's name: 2024年, 2024年度,
// （2024年）, 2024-2025年.
var yearInName = regexp.MustCompile(`[（(]?(?:19|20)[0-9]{2}(?:[-—至~～](?:19|20)?[0-9]{2})?年度?[）)]?`)

// withoutYears is a name with its years left out.
func withoutYears(name string) string {
	return strings.TrimSpace(yearInName.ReplaceAllString(name, ""))
}

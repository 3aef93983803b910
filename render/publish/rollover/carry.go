package rollover

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/budgetpub/budgetpub/input"
)

// Carry brings last year's file into an imported one of the year after:
// department code and region, 概况, notes, glossary, how amounts print and
// code names (where the workbook names no code otherwise); each unit's
// kind and overall goal; the purposes of the subjects the workbook has
// (their texts); for a project of the same name, its category, its goal
// form and its description as a starting point, the form marked for
// review; and prior_year from last year's computed figures. The
// workbook's year must be last year's plus one.
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
	if !doc.PrintFormat.Decimals.Set && doc.PrintFormat.Empty.Value == "" {
		doc.PrintFormat = last.PrintFormat
	}
	codes := map[string]bool{}
	for _, e := range doc.Expenditures {
		codes[e.Code.Value] = true
	}
	if len(doc.Purposes) == 0 {
		if doc.Purposes = carriedPurposes(last.Purposes, codes); len(doc.Purposes) > 0 {
			note("subject_purposes", "沿用"+from+"同一科目的用途：请按本年度修改；上年当年预算执行数（prior_executed）请按"+from+"的执行数填写。")
		}
	}
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
		if d := carriedDescription(lp.Description); d != nil && doc.Projects[i].Description == nil {
			doc.Projects[i].Description = d
			note(fmt.Sprintf("projects[%d].description", i), "沿用"+from+"同名项目的项目经费情况说明：请按本年度修改。")
		}
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

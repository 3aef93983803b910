package rollover

import (
	"strings"
	"testing"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
)

const lastYearDoc = `schema: 1
year: 2024
department: {name: 某县农业农村局}
units:
  - {name: 机关, kind: administrative}
  - {name: 中心, kind: institution}
expenditures:
  - {code: "2010301", basic: 10.00, project: 30.00}
projects:
  - {unit: 机关, name: 2024年高标准农田建设项目, amounts: 10.00, category: specific_goal, performance_goal: {summary: 建设高标准农田}}
  - {unit: 机关, name: 农机购置补贴（2024年）, amounts: 10.00, category: other_operating}
  - {unit: 机关, name: 2024年度培训, amounts: 5.00, category: specific_goal}
  - {unit: 中心, name: 2024年度培训, amounts: 5.00, category: other_operating}
`

// lastYearOf is lastYearDoc read as last year's file.
func lastYearOf(t *testing.T) *LastYear {
	t.Helper()
	ly, err := From(input.DefaultCatalog(), render.DefaultWording(), "2024.yaml", []byte(lastYearDoc))
	if err != nil {
		t.Fatal(err)
	}
	return ly
}

// Carry keeps what is the same project though its name carries another
// year — "2025年高标准农田建设项目" is last year's "2024年高标准农田建设项目"
// — and says each such match; a name that fits two of last year's projects
// is matched to neither.
func TestCarryMatchesProjectsWithoutTheirYears(t *testing.T) {
	ly := lastYearOf(t)
	doc := &input.Document{Year: 2025, Units: ly.Doc.Units, Projects: []input.Project{
		{Unit: input.Text{Value: "机关"}, Name: input.Text{Value: "2025年高标准农田建设项目"}},
		{Unit: input.Text{Value: "机关"}, Name: input.Text{Value: "农机购置补贴（2025年）"}},
		{Unit: input.Text{Value: "站"}, Name: input.Text{Value: "2025年度培训"}},
		{Unit: input.Text{Value: "机关"}, Name: input.Text{Value: "2025年新建项目"}},
	}}
	var o input.FormatOptions
	if err := ly.Carry(doc, &o); err != nil {
		t.Fatal(err)
	}
	p := doc.Projects
	if p[0].Category.Value != input.CategorySpecificGoal || p[0].Goal == nil || p[0].Goal.Summary.Value != "建设高标准农田" {
		t.Errorf("高标准农田: category %q, goal %+v", p[0].Category.Value, p[0].Goal)
	}
	if c := strings.Join(o.Comments["projects[0]"], ""); !strings.Contains(c, "“2024年高标准农田建设项目”视为同一项目") {
		t.Errorf("the match is not said: %q", c)
	}
	if p[1].Category.Value != input.CategoryOtherOperating || len(o.Comments["projects[1]"]) != 1 {
		t.Errorf("农机购置补贴: %q %v", p[1].Category.Value, o.Comments["projects[1]"])
	}
	if p[2].Category.Value != "" || len(o.Comments["projects[2]"]) != 0 {
		t.Errorf("a name fitting two of last year's projects was matched: %q", p[2].Category.Value)
	}
	if p[3].Category.Value != "" || p[3].Goal != nil {
		t.Errorf("a new project got %q", p[3].Category.Value)
	}
}

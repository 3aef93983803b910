package publish

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
func lastYearOf(t *testing.T) (*Resources, *LastYear) {
	t.Helper()
	res, err := Load(Config{})
	if err != nil {
		t.Fatal(err)
	}
	ly, err := LastYearFrom(res, "2024.yaml", []byte(lastYearDoc))
	if err != nil {
		t.Fatal(err)
	}
	return res, ly
}

// A goal form carried from last year's file is marked carried_from, which
// is a 需补填 (unreviewed-goal) until the clerk, having reviewed it,
// removes the mark.
func TestCarriedGoalFormsAreReviewed(t *testing.T) {
	res, ly := lastYearOf(t)
	doc, o, err := ly.RollOver(2025)
	if err != nil {
		t.Fatal(err)
	}
	text := string(input.Format(doc, o))
	if !strings.Contains(text, "carried_from: \"2024年\"") {
		t.Fatalf("the rolled-over goal form is not marked:\n%s", text)
	}
	r := Department(res, "2025.yaml", []byte(text), Options{Force: true})
	found := false
	for _, f := range r.Findings {
		if f.ID == "unreviewed-goal" && f.Severity == render.SeverityIncomplete && strings.Contains(f.Message, "2024年高标准农田建设项目") && f.Path == "projects[0].performance_goal.carried_from" {
			found = true
		}
	}
	if !found {
		t.Errorf("no unreviewed-goal finding: %v", r.Findings)
	}
	reviewed := strings.Replace(text, "carried_from: \"2024年\"", "", 1)
	for _, f := range Department(res, "2025.yaml", []byte(reviewed), Options{Force: true}).Findings {
		if f.ID == "unreviewed-goal" {
			t.Errorf("a reviewed form is still unreviewed: %v", f)
		}
	}
}

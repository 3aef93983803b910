package shanxi13

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/budgetpub/budgetpub/render"

	"github.com/budgetpub/budgetpub/input"
	"github.com/shopspring/decimal"
)

func check(t *testing.T, name, doc string) []render.Finding {
	t.Helper()
	d := mustDecode(t, name, []byte(doc))
	return render.Check(d, mustBuild(t, d))
}

// relations are the findings about figures, without those about texts.
func relations(fs []render.Finding) []render.Finding {
	var out []render.Finding
	for _, f := range fs {
		if !strings.HasPrefix(string(f.ID), "text-") {
			out = append(out, f)
		}
	}
	return out
}

// The sample's one known relation warning: its 表6 is the reference's,
// which prints only part of the basic expenditure. (T11-T6-public does not
// fire: its table-6 lines name no unit and its units are of two kinds.)
func TestCheckSampleGivesTheKnownWarning(t *testing.T) {
	d := mustDecode(t, input.SampleName, input.Sample)
	all := render.Check(d, mustBuild(t, d))
	fs := relations(all)
	if len(fs) != 1 || fs[0].ID != "T6-T5-basic" {
		t.Fatalf("findings: %v", fs)
	}
	// The reference's own typography: half-width commas between Chinese
	// characters, each text once, at its first place.
	if len(all) == len(fs) || all[1].ID != "text-halfwidth" || all[1].Line != 22 || all[1].Column != 26 {
		t.Errorf("text findings: %v", all[1:])
	}
	if render.HasErrors(fs) {
		t.Error("the sample has errors")
	}
	w := fs[0]
	if w.Severity != render.SeverityWarning || w.Left.Value.String() != "241.17" || w.Right.Value.String() != "2306.74" || w.Diff.String() != "-2065.57" || w.Line == 0 {
		t.Errorf("T6-T5-basic: %+v", w)
	}
	if s := w.String(); !strings.HasPrefix(s, "datong-gov-office-2024.yaml:") || !strings.Contains(s, "警告 [T6-T5-basic]") {
		t.Errorf("message %q", s)
	}
}

// base is an input that passes every check; each case below breaks one.
const base = `schema: 1
year: 2024
department: {name: 核对部门}
overview: {duties: 负责核对工作。, organization: 内设机关和中心。}
units:
  - {name: 机关, kind: administrative}
  - {name: 中心, kind: institution}
expenditures:
  - {code: "2010301", basic: 100.00, project: 30.00}
  - {code: "2010350", carryover: true, project: 5.00}
basic_by_economic:
  - {dept: "30101", gov: "50101", amount: 90.00}
  - {dept: "30201", gov: "50201", amount: 10.00, unit: 机关}
projects:
  - {unit: 机关, name: 甲, amounts: 20.00, category: other_operating}
  - {unit: 中心, name: 乙, amounts: 10.00, category: specific_goal, performance_goal: {}}
  - {unit: 机关, name: 丙, carryover: true, amounts: 5.00}
three_public: {reception: 2.00, vehicle_operation: 3.00}
operating_costs:
  - {unit: 机关, amount: 10.00}
prior_year:
  total: 120.00
  general_public: 120.00
  three_public: {outbound_travel: 0, reception: 2.00, vehicle_purchase: 0, vehicle_operation: 3.00}
  operating_costs: 9.00
procurement: {goods: 10.00, works: 0, services: 5.00}
assets:
  as_of: 2023-12-31
  vehicles: {quota: 2, actual: 2, leader: 1, other: 1}
reasons: {total_change: 增加项目经费, three_public_change: 公务用车运行维护增加, operating_costs_change: 新增一处办公场所的运行费用}
notes: {purchase_of_services: 无, other: 无}
`

func TestChecks(t *testing.T) {
	if fs := check(t, "base.yaml", base); len(fs) != 0 {
		t.Fatalf("the base input has findings: %v", fs)
	}
	cases := []struct {
		name, from, to string
		id             render.CheckID
		sev            render.Severity
		left, right    string
		line           int
	}{
		{"table 12 vs project expenditure", "name: 甲, amounts: 20.00", "name: 甲, amounts: 21.00", "T12-T3-project", render.SeverityError, "31", "30", 14},
		{"table 13 vs carry-over", "name: 丙, carryover: true, amounts: 5.00", "name: 丙, carryover: true, amounts: 6.00", "T13-T1-carryover", render.SeverityError, "6", "5", 14},
		{"table 6 vs table 5 basic", "amount: 90.00}", "amount: 80.00}", "T6-T5-basic", render.SeverityWarning, "90", "100", 11},
		{"table 11 vs table 6 public", "{unit: 机关, amount: 10.00}", "{unit: 机关, amount: 12.00}", "T11-T6-public", render.SeverityWarning, "12", "10", 19},
		{"three public over a source's budget", "three_public: {reception: 2.00, vehicle_operation: 3.00}", "three_public: {reception: 2.00, vehicle_operation: {general_public: 3.00, government_fund: 1.00}}", "T10-sources", render.SeverityError, "1", "0", 18},
		{"procurement over expenditure", "procurement: {goods: 10.00, works: 0, services: 5.00}", "procurement: {goods: 100.00, works: 0, services: 50.00}", "procurement", render.SeverityError, "150", "135", 26},
		{"prior year missing", "  operating_costs: 9.00\n", "", "prior-year", render.SeverityWarning, "10", "", 21},
		{"vehicles do not add up", "actual: 2, leader: 1, other: 1", "actual: 2, leader: 1, other: 2", "vehicles", render.SeverityError, "2", "3", 29},
		{"vehicles of another layout's kinds do not add up", "actual: 2, leader: 1, other: 1", "actual: 2, leader: 1, other: 1, retired_cadres: 1", "vehicles", render.SeverityError, "2", "3", 29},
		{"vehicles over quota", "quota: 2, actual: 2, leader: 1, other: 1", "quota: 1, actual: 2, leader: 1, other: 1", "vehicles", render.SeverityWarning, "2", "1", 29},
		{"a table-6 item above its 三公 item", `{dept: "30201", gov: "50201", amount: 10.00, unit: 机关}`, `{dept: "30217", gov: "50201", amount: 10.00, unit: 机关}`, "T6-T10-items", render.SeverityWarning, "10", "2", 11},
		{"a reason saying the opposite", "total_change: 增加项目经费", "total_change: 压减项目经费", "reason-direction", render.SeverityWarning, "135", "120", 30},
		{"a change without its reason", ", operating_costs_change: 新增一处办公场所的运行费用}", "}", "reason-missing", render.SeverityIncomplete, "", "", 30},
		{"a placeholder", "notes: {purchase_of_services: 无, other: 无}", "notes: {purchase_of_services: 无, other: 另见XX号文件}", "text-placeholder", render.SeverityWarning, "", "", 31},
		{"doubled punctuation", "notes: {purchase_of_services: 无, other: 无}", "notes: {purchase_of_services: 无, other: 无。。}", "text-punctuation", render.SeverityWarning, "", "", 31},
		{"half-width punctuation between Chinese", "notes: {purchase_of_services: 无, other: 无}", "notes: {purchase_of_services: 无, other: \"本部门,无其他说明\"}", "text-halfwidth", render.SeverityWarning, "", "", 31},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if !strings.Contains(base, c.from) {
				t.Fatalf("base lacks %q", c.from)
			}
			fs := check(t, "case.yaml", strings.Replace(base, c.from, c.to, 1))
			var hit *render.Finding
			for i := range fs {
				if fs[i].ID == c.id {
					hit = &fs[i]
				} else {
					t.Errorf("another finding: %v", fs[i])
				}
			}
			if hit == nil {
				t.Fatalf("no %s finding in %v", c.id, fs)
			}
			left, right := "", ""
			if hit.Left != nil {
				left = hit.Left.Value.String()
			}
			if hit.Right != nil {
				right = hit.Right.Value.String()
			}
			if hit.Severity != c.sev || left != c.left || right != c.right || hit.Line != c.line || hit.File != "case.yaml" {
				t.Errorf("finding %v, want %s %s vs %q at line %d", *hit, c.sev, c.left, c.right, c.line)
			}
			if hit.Right != nil && !hit.Diff.Equal(hit.Left.Value.Sub(hit.Right.Value)) {
				t.Errorf("difference %s", hit.Diff)
			}
			if hit.Right == nil && (hit.Diff != nil || strings.Contains(hit.String(), "相差")) || c.left == "" && hit.Detail() != "" {
				t.Errorf("a finding of one figure has a difference: %v", *hit)
			}
			if render.HasErrors(fs) != (c.sev == render.SeverityError) || render.HasIncomplete(fs) != (c.sev == render.SeverityIncomplete) {
				t.Errorf("HasErrors = %v", render.HasErrors(fs))
			}
		})
	}
}

// The relations that hold by construction are checked on the computed
// tables: a table that disagrees with its input (a bug) is reported.
func TestChecksOnDerivedRelations(t *testing.T) {
	d := mustDecode(t, "base.yaml", []byte(base))
	cases := []struct {
		name   string
		break_ func(p *render.Publication)
		id     render.CheckID
	}{
		{"unit subtotal of table 12", func(p *render.Publication) { setCell(t, p.Table(T12), render.UnitRow("机关"), render.ColTotal, "99") }, "T12-units"},
		{"table 10 vehicle row", func(p *render.Publication) {
			setCell(t, p.Table(T10), render.ItemRow(render.ItemVehicles), render.ColTotal, "1")
		}, "T10-items"},
		{"published goals", func(p *render.Publication) { factsOf(p).Published = 5 }, "performance"},
	}
	for _, c := range cases {
		p := mustBuild(t, d)
		if fs := render.Check(d, p); len(fs) != 0 {
			t.Fatalf("unbroken: %v", fs)
		}
		c.break_(p)
		found := false
		for _, f := range render.Check(d, p) {
			if f.ID == c.id && f.Severity == render.SeverityError {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: no %s finding", c.name, c.id)
		}
	}
}

// setCell breaks one figure of a built table, found by row key and column.
func setCell(t *testing.T, tab *render.Table, key render.RowKey, col render.ColKey, v string) {
	t.Helper()
	r, c := tab.Row(key), tab.Col(col)
	if r == nil || c < 0 {
		t.Fatalf("%s has no row %v or column %s", tab.ID, key, col)
	}
	r.Cells[c] = render.Money(decimal.RequireFromString(v))
}

// 表11 against 表6's 公用经费 is compared only where it can be told whose
// each table-6 line is. These fired on real publications and must not;
// each true case beside them still does.
func TestOperatingCostsCheckIsPrecise(t *testing.T) {
	const doc = `schema: 1
year: 2025
department: {name: 某局}
units:
UNITS
expenditures:
  - {code: "2010301", basic: 100.00}
basic_by_economic:
  - {dept: "30101", gov: "50101", amount: 90.00}
LINES
OPERATING
`
	cases := []struct {
		name, units, lines, operating string
		fires                         bool
	}{
		{"lines without a unit, units of two kinds: cannot be told",
			"  - {name: 机关, kind: administrative}\n  - {name: 中心, kind: institution}",
			`  - {dept: "30201", gov: "50201", amount: 10.00}`,
			"operating_costs:\n  - {unit: 机关, amount: 4.00}", false},
		{"the only unit an ordinary 事业单位, lines without a unit",
			"  - {name: 中心, kind: institution}",
			`  - {dept: "30201", gov: "50201", amount: 10.00}`,
			"", false},
		{"a 参公 unit has 机关运行经费 like an administrative one",
			"  - {name: 中心, kind: civil_servant_managed}",
			`  - {dept: "30201", gov: "50201", amount: 10.00, unit: 中心}`,
			"operating_costs:\n  - {unit: 中心, amount: 10.00}", false},
		{"true: a 参公 unit's figures differ",
			"  - {name: 中心, kind: civil_servant_managed}",
			`  - {dept: "30201", gov: "50201", amount: 10.00, unit: 中心}`,
			"operating_costs:\n  - {unit: 中心, amount: 4.00}", true},
		{"true: lines without a unit, every unit administrative",
			"  - {name: 机关, kind: administrative}",
			`  - {dept: "30201", gov: "50201", amount: 10.00}`,
			"operating_costs:\n  - {unit: 机关, amount: 4.00}", true},
		{"lines without a unit, a unit's kind not given: cannot be told",
			"  - {name: 机关}",
			`  - {dept: "30201", gov: "50201", amount: 10.00}`,
			"operating_costs:\n  - {unit: 机关, amount: 4.00}", false},
		{"a line of a unit whose kind is not given: cannot be told",
			"  - {name: 机关, kind: administrative}\n  - {name: 中心}",
			"  - {dept: \"30201\", gov: \"50201\", amount: 6.00, unit: 机关}\n  - {dept: \"30201\", gov: \"50201\", amount: 4.00, unit: 中心}",
			"operating_costs:\n  - {unit: 机关, amount: 6.00}\n  - {unit: 中心, amount: 4.00}", false},
		{"true: lines name their units, units of two kinds",
			"  - {name: 机关, kind: administrative}\n  - {name: 中心, kind: institution}",
			"  - {dept: \"30201\", gov: \"50201\", amount: 6.00, unit: 机关}\n  - {dept: \"30201\", gov: \"50201\", amount: 4.00, unit: 中心}",
			"operating_costs:\n  - {unit: 机关, amount: 10.00}", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := strings.NewReplacer("UNITS", c.units, "LINES", c.lines, "OPERATING", c.operating).Replace(doc)
			fired := false
			for _, f := range check(t, "case.yaml", src) {
				if f.ID == "T11-T6-public" {
					fired = true
				}
			}
			if fired != c.fires {
				t.Errorf("T11-T6-public fired: %v, want %v", fired, c.fires)
			}
		})
	}
}

// The direction each reason of the corpus claims (testdata/reasons.txt):
// a reason naming something new, weighing one thing against another or
// negating a change claims none, and is never said to contradict a figure.
func TestReasonDirectionCorpus(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "reasons.txt"))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"rise": 1, "fall": -1, "none": 0}
	n := 0
	for i, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		dir, text, ok := strings.Cut(line, "\t")
		w, known := want[dir]
		if !ok || !known {
			t.Fatalf("reasons.txt:%d: not direction<TAB>text", i+1)
		}
		n++
		if got := render.Direction(text); got != w {
			t.Errorf("reasons.txt:%d: %q claims %d, want %d (%s)", i+1, text, got, w, dir)
		}
	}
	if n < 20 {
		t.Errorf("only %d reasons", n)
	}
}

// Real reasons that fired reason-direction, and table-6 lines that fired
// T6-T10-items, must not; the true cases beside them still do.
func TestFalseFindingsNoLongerFire(t *testing.T) {
	cases := []struct {
		name, from, to string
		id             render.CheckID
		fires          bool
	}{
		{"a reason naming something new where 三公 fell", "three_public_change: 公务用车运行维护增加", "three_public_change: 2025年新增1辆公务用车购置，但与2024年购置的车辆类型不同", "reason-direction", false},
		{"true: a reason saying 增加 where 三公 fell", "three_public_change: 公务用车运行维护增加", "three_public_change: 公务用车运行维护增加", "reason-direction", true},
		{"a locally renamed 30212 line is not 因公出国（境）费",
			`{dept: "30201", gov: "50201", amount: 10.00, unit: 机关}`,
			"{dept: \"30212\", dept_name: 机关事业单位退休人员活动费, gov: \"50201\", amount: 10.00, unit: 机关}", "T6-T10-items", false},
		{"true: a 30212 line under its own name above 表10's",
			`{dept: "30201", gov: "50201", amount: 10.00, unit: 机关}`,
			`{dept: "30212", gov: "50201", amount: 10.00, unit: 机关}`, "T6-T10-items", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := strings.Replace(base, c.from, c.to, 1)
			if c.id == "reason-direction" { // 三公 falls: 5.00 last year, 4.00 now
				src = strings.Replace(src, "three_public: {reception: 2.00, vehicle_operation: 3.00}", "three_public: {reception: 2.00, vehicle_operation: 2.00}", 1)
			}
			fired := false
			for _, f := range check(t, "case.yaml", src) {
				if f.ID == c.id {
					fired = true
				}
			}
			if fired != c.fires {
				t.Errorf("%s fired: %v, want %v", c.id, fired, c.fires)
			}
		})
	}
}

// T6-T10-items pairs 表6's 30212 因公出国（境）费用 with 表10's 因公出国（境）费
// (not another 三公 item): a 30212 line within it is no finding though it
// is above 表10's 公务接待费 (2.00) and 公务用车运行维护费 (3.00); above it,
// the finding compares the two. Unpaired or paired with another item, a
// case fails.
func TestOutboundTravelPairedWithItsThreePublicItem(t *testing.T) {
	const line6 = `{dept: "30201", gov: "50201", amount: 10.00, unit: 机关}`
	const three = "three_public: {reception: 2.00, vehicle_operation: 3.00}"
	for _, c := range []struct {
		name, line, three string
		left, right       string // the finding's figures; "": no finding
	}{
		{"30212 as much as 表10's 因公出国（境）费", `{dept: "30212", gov: "50201", amount: 10.00, unit: 机关}`,
			"three_public: {outbound_travel: 10.00, reception: 2.00, vehicle_operation: 3.00}", "", ""},
		{"30212 above 表10's 因公出国（境）费", `{dept: "30212", gov: "50201", amount: 10.00, unit: 机关}`,
			"three_public: {outbound_travel: 8.00, reception: 2.00, vehicle_operation: 3.00}", "10", "8"},
		{"30212 where 表10 has no 因公出国（境）费", `{dept: "30212", gov: "50201", amount: 10.00, unit: 机关}`, three, "10", "0"},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := strings.Replace(strings.Replace(base, line6, c.line, 1), three, c.three, 1)
			var got []render.Finding
			for _, f := range check(t, "case.yaml", src) {
				if f.ID == "T6-T10-items" {
					got = append(got, f)
				}
			}
			if c.left == "" {
				if len(got) > 0 {
					t.Errorf("findings: %v", got)
				}
				return
			}
			if len(got) != 1 {
				t.Fatalf("%d T6-T10-items findings, want 1: %v", len(got), got)
			}
			f := got[0]
			if f.Left.Name != "表6 30212" || f.Left.Value.String() != c.left || f.Right.Name != "表10 因公出国（境）费" || f.Right.Value.String() != c.right {
				t.Errorf("compares %s %s with %s %s, want 表6 30212 %s with 表10 因公出国（境）费 %s", f.Left.Name, f.Left.Value, f.Right.Name, f.Right.Value, c.left, c.right)
			}
		})
	}
}

// 表12 and 表13 tell the department's row from the 机关's when the unit
// bears the department's name: the department's is marked [部门], as the
// published tables print it; a name already marked, or no unit of that
// name, is printed as it is.
func TestDepartmentRowOfProjectTables(t *testing.T) {
	for _, c := range []struct{ dept, unit, want string }{
		{"阳高县农业农村局", "阳高县农业农村局", "阳高县农业农村局[部门]"},
		{"阳高县农业农村局", "机关", "阳高县农业农村局"},
		{"大同市人民政府办公室[部门]", "大同市人民政府办公室", "大同市人民政府办公室[部门]"},
	} {
		src := strings.NewReplacer("department: {name: 核对部门}", "department: {name: \""+c.dept+"\"}", "机关", c.unit).Replace(base)
		d := mustDecode(t, "case.yaml", []byte(src))
		p := mustBuild(t, d)
		for _, id := range []render.TableID{T12, T13} {
			if got := p.Table(id).Text(render.TotalRow, render.ColItem); got != c.want {
				t.Errorf("%s with unit %s: 表%s's department row %q, want %q", c.dept, c.unit, id, got, c.want)
			}
			if c.unit != "机关" {
				if got := p.Table(id).Text(render.UnitRow(c.unit), render.ColItem); got != c.unit {
					t.Errorf("表%s's unit row %q", id, got)
				}
			}
		}
	}
}

// Every finding says the input key it concerns (Finding.Path), so that the
// workbench links it to its field from data: a relation its block, a
// missing prior-year figure the first of its keys not given, a text its
// own key.
func TestFindingsCarryTheirPath(t *testing.T) {
	sample := string(input.Sample)
	priors := "  total: 4655.59               # 上年收支总计\n  general_public: 3596.88      # 上年一般公共预算当年支出\n  three_public: {outbound_travel: 0, reception: 0, vehicle_purchase: 0, vehicle_operation: 12.10}\n  operating_costs: 214.37      # 上年机关运行经费\n"
	if !strings.Contains(sample, priors) {
		t.Fatal("the sample's prior_year block has changed")
	}
	paths := func(doc string) map[render.CheckID][]string {
		got := map[render.CheckID][]string{}
		for _, f := range check(t, input.SampleName, doc) {
			got[f.ID] = append(got[f.ID], f.Path)
		}
		return got
	}
	got := paths(sample)
	noPriors := paths(strings.Replace(sample, priors, "  three_public: {outbound_travel: 0, reception: 0}\n", 1))
	for _, c := range []struct {
		got  []string
		want string
	}{
		{got[CheckT6T5Basic], "basic_by_economic"},
		{noPriors[CheckPriorYear], "prior_year.total prior_year.general_public prior_year.three_public.vehicle_purchase prior_year.operating_costs"},
	} {
		if strings.Join(c.got, " ") != c.want {
			t.Errorf("paths %q, want %q", c.got, c.want)
		}
	}
	texts := strings.Join(got[render.CheckTextHalfwidth], " ")
	if len(got[render.CheckTextHalfwidth]) == 0 || strings.Contains(" "+texts+" ", "  ") || !strings.Contains(texts, "overview.duties") {
		t.Errorf("text findings' paths %q: each placed, the duties' half-width commas among them", got[render.CheckTextHalfwidth])
	}
}

package shanghai9

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/internal/printed"
	"github.com/budgetpub/budgetpub/render"
	"github.com/shopspring/decimal"
)

func build(t *testing.T, src string) (*input.Document, *render.Publication) {
	t.Helper()
	return buildAs(t, src, Department.ID)
}

// buildAs builds a document in a layout; "": the one it names.
func buildAs(t *testing.T, src, layout string) (*input.Document, *render.Publication) {
	t.Helper()
	doc, err := input.Decode("sh.yaml", []byte(src), nil)
	if err != nil {
		t.Fatal(err)
	}
	pub, err := render.BuildWith(doc, render.Options{Layout: layout})
	if err != nil {
		t.Fatal(err)
	}
	return doc, pub
}

// The identities between the nine tables (spec §6) hold by construction,
// to the cent of 元, on the bundled sample.
func TestTablesAgree(t *testing.T) {
	_, pub := build(t, string(input.Sample))
	amount := func(id render.TableID, k render.RowKey, c render.ColKey) decimal.Decimal {
		return pub.Table(id).Exact(k, c)
	}
	total := func(id render.TableID, c render.ColKey) decimal.Decimal { return amount(id, render.TotalRow, c) }
	for _, c := range []struct {
		what string
		a, b decimal.Decimal
	}{
		{"表1 收入总计 = 支出总计", total(S1, render.ColIncome), total(S1, render.ColTotal)},
		{"表2 合计 = 表3 合计", total(S2, render.ColTotal), total(S3, render.ColTotal)},
		{"表1 支出总计 = 表3 合计", total(S1, render.ColTotal), total(S3, render.ColTotal)},
		{"表1 财政拨款收入 = 表4 收入总计", amount(S1, rowFiscal, render.ColIncome), total(S4, render.ColIncome)},
		{"表2 财政拨款收入 = 表4 收入总计", total(S2, ColFiscal), total(S4, render.ColIncome)},
		{"表1 一般公共预算资金 = 表5 合计", amount(S1, render.SourceRow(input.GeneralPublic), render.ColIncome), total(S5, render.ColTotal)},
		{"表4 一般公共预算 = 表5 合计", total(S4, render.SourceCol(input.GeneralPublic)), total(S5, render.ColTotal)},
		{"表3 合计 = 基本 + 项目", total(S3, render.ColTotal), total(S3, render.ColBasic).Add(total(S3, render.ColProject))},
		{"表9 合计 = 出国 + 接待 + 用车", total(S9, render.ColTotal), total(S9, colTravel).Add(total(S9, colReception)).Add(total(S9, colVehicles))},
	} {
		if !c.a.Equal(c.b) {
			t.Errorf("%s: %s ≠ %s", c.what, c.a, c.b)
		}
	}
	// 元 from the exact 万元: the sample's 5103.42 万元 is 51034200 元.
	if got := total(S1, render.ColTotal); !got.Equal(decimal.RequireFromString("51034200")) {
		t.Errorf("表1 支出总计 %s 元", got)
	}
	// The functional code in three columns, 合计 last.
	t3 := pub.Table(S3)
	last := t3.Rows[len(t3.Rows)-1]
	if last.Key != render.TotalRow || last.Cells[t3.Col(ColClass)].Text != "合计" {
		t.Errorf("表3's last row: %+v", last)
	}
	r := t3.Row(render.CodeRow("2010301"))
	if r == nil || r.Cells[t3.Col(ColClass)].Text != "201" || r.Cells[t3.Col(ColSection)].Text != "03" || r.Cells[t3.Col(ColSubject)].Text != "01" {
		t.Errorf("表3 2010301: %+v", r)
	}
	// Empty tables 6 and 7 say so in Shanghai's words.
	if n := pub.Table(S6).Notes; len(n) != 1 || n[0] != "注:本部门2024年无政府性基金预算财政拨款安排的预算，故本表为空表。" {
		t.Errorf("表6's notes: %q", n)
	}
}

// The checks of the layout: table 8 against table 5's 基本支出 (the
// sample's economic lines are the reference's, which print part of it),
// and a line of 上年结转, which no Shanghai table shows.
func TestChecks(t *testing.T) {
	doc, pub := build(t, string(input.Sample))
	ids := map[render.CheckID]int{}
	for _, f := range render.Check(doc, pub) {
		ids[f.ID]++
	}
	if ids[checkEconomic] != 1 || ids[carryoverLeftOut] != 0 {
		t.Errorf("the sample's findings: %v", ids)
	}
	carry := strings.Replace(string(input.Sample), "expenditures:\n", "expenditures:\n  - {code: 2010301, carryover: true, project: 10}\n", 1)
	doc, pub = build(t, carry)
	ids = map[render.CheckID]int{}
	for _, f := range render.Check(doc, pub) {
		ids[f.ID]++
	}
	if ids[carryoverLeftOut] != 1 {
		t.Errorf("a carry-over line: %v", ids)
	}
	// Vehicles held against their categories.
	doc, pub = build(t, strings.Replace(string(input.Sample), "vehicles: {quota: 4, actual: 4,", "vehicles: {quota: 4, actual: 5,", 1))
	ids = map[render.CheckID]int{}
	for _, f := range render.Check(doc, pub) {
		ids[f.ID]++
	}
	if ids[checkVehicles] != 1 {
		t.Errorf("5 vehicles held, 4 by category: %v", ids)
	}
	// The tables' agreement is checked, not assumed: a table built wrong
	// (here, 表3's 合计 tampered with) is an error.
	doc, pub = build(t, string(input.Sample))
	t3 := pub.Table(S3)
	t3.Rows[len(t3.Rows)-1].Cells[t3.Col(render.ColTotal)] = render.Money(decimal.NewFromInt(1))
	ids = map[render.CheckID]int{}
	for _, f := range render.Check(doc, pub) {
		ids[f.ID]++
	}
	if ids[checkTotals] != 2 {
		t.Errorf("a tampered 表3: %v", ids)
	}
}

// The text quotes the tables: 编制说明's figures are tables 1, 4 and 5's in
// 万元, and what nobody gave (a subject's purpose) is a mark, not a fact.
func TestTextQuotesTheTables(t *testing.T) {
	_, pub := build(t, string(input.Sample))
	var text []string
	for _, b := range pub.Part(PartExplanation).Sections[0].Blocks {
		text = append(text, b.Text)
	}
	all := strings.Join(text, "\n")
	for _, want := range []string{"收入预算5103.42万元", "财政拨款收入5103.42万元", "支出预算5103.42万元", "一般公共预算拨款支出预算5103.42万元，比2023年预算增加1506.54万元",
		"1.“一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行”科目1249.45万元，【未填写："} {
		if !strings.Contains(all, want) {
			t.Errorf("编制说明 lacks %q:\n%s", want, all)
		}
	}
	if len(pub.Unknowns) == 0 {
		t.Error("the purposes nobody gave are not unknowns")
	}
}

// A department filled for Shanghai (testdata/datong-sh.yaml: the sample
// with its purposes, set-asides, planned purchases, a project's
// description) is complete, and every text part says what it was given.
func TestFilledDepartment(t *testing.T) {
	src, err := os.ReadFile("testdata/datong-sh.yaml")
	if err != nil {
		t.Fatal(err)
	}
	doc, pub := build(t, string(src))
	for _, f := range render.Check(doc, pub) {
		if f.Severity == render.SeverityIncomplete || f.Severity == render.SeverityError {
			t.Errorf("finding: %v", f)
		}
	}
	var text []string
	for _, p := range pub.Parts {
		for _, s := range p.Sections {
			text = append(text, s.Heading)
			text = append(text, s.Paragraphs...)
			for _, b := range s.Blocks {
				text = append(text, b.Text)
			}
		}
	}
	all := strings.Join(text, "\n")
	for _, want := range []string{
		"科目1249.45万元，主要用于本部门履行职责的相关支出。",
		"2024年本部门面向中小企业预留政府采购项目预算金额1300万元，其中，预留给小型和微型企业的政府采购项目预算为900万元。",
		"截至2023年12月31日，大同市人民政府办公室[部门]共有车辆4辆，其中：部级领导干部用车0辆、主要领导干部用车0辆、机要通信用车1辆",
		"2024年部门预算安排购置车辆1辆，其中：",
		"下属1家机关财政拨款的机关运行经费预算为199.91万元。",
		"财政拨款收入5103.42万元，比2023年预算增加1506.54万元",
		"系统全年正常运行率不低于99%。",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("the text lacks %q", want)
		}
	}
	if strings.Contains(all, "【未填写") {
		t.Errorf("a filled department still has marks")
	}
	if last := pub.Parts[len(pub.Parts)-1]; last.Title != "J电子政务办公及维护费项目经费情况说明" || last.Entry() != "七、项目经费情况说明" {
		t.Errorf("七: %q (%q)", last.Title, last.Entry())
	}
}

// TestFactsDocumented: docs/facts.md's Shanghai section lists every field
// of Facts once, in order.
func TestFactsDocumented(t *testing.T) {
	printed.FactsDocumented(t, "../../docs/facts.md", "## 版式 shanghai-9", reflect.TypeOf(Facts{}), factAbout)
}

// Each “三公” item's change has its reason (购置 and 运行 separately): one
// that changed with none given is a 需补填; given, the sentence says it.
func TestItemReasons(t *testing.T) {
	src, err := os.ReadFile("testdata/datong-sh.yaml")
	if err != nil {
		t.Fatal(err)
	}
	changed := strings.Replace(string(src), "vehicle_operation: 12.10}", "vehicle_operation: 10.00}", 1)
	if changed == string(src) {
		t.Fatal("the prior 运行费 is not where the test looks")
	}
	doc, pub := build(t, changed)
	var paths []string
	for _, f := range render.Check(doc, pub) {
		if f.Severity == render.SeverityIncomplete {
			paths = append(paths, f.Path)
		}
	}
	if strings.Join(paths, " ") != "reasons.vehicle_operation_change" {
		t.Errorf("需补填 %v, want the 运行费's reason", paths)
	}
	given := strings.Replace(changed, "reasons:\n", "reasons:\n  vehicle_operation_change: 车辆老化，维修费用增加\n", 1)
	_, pub = build(t, given)
	var text string
	for _, b := range pub.Section("three_public").Blocks {
		text += b.Text
	}
	if !strings.Contains(text, "公务用车运行费12.1万元，比2023年预算增加2.1万元，主要原因是车辆老化，维修费用增加。") {
		t.Errorf("三公: %s", text)
	}
}

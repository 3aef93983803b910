package rollover

import (
	"strings"
	"testing"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
)

// lastYearOfLayoutKeys is a last-year file giving every key only some
// layouts use.
const lastYearOfLayoutKeys = `schema: 1
year: 2024
print_format: {decimals: 0, empty: zero}
department: {name: 某区某局}
units:
  - {name: 机关, kind: administrative}
  - {name: 中心, kind: institution}
expenditures:
  - {code: "2010301", basic: 10.00, basic_personnel: 8.00, project: 30.00}
  - {code: "2010350", source: unit_funds, income_kind: business, basic: 4.00}
  - {code: "2010350", source: unit_funds, income_kind: other, basic: 1.00}
subject_purposes:
  - {code: "2010301", purpose: 主要用于机关日常运转, prior_executed: 38.00}
  - {code: "2010350", prior_executed: 5.00}
projects:
  - unit: 机关
    name: 某某系统运维
    amounts: 30.00
    description: {overview: 为保障某某系统运行, basis: 某某文件, goals: 全年无故障}
prior_year: {total: 40.00, fiscal: 36.00, government_fund: 0}
procurement: {goods: 1.00, works: 0, services: 2.00, reserved_sme: 3.00, reserved_small_micro: 1.00}
assets:
  vehicles: {quota: 3, actual: 3, main_leader: 1, retired_cadres: 1, other: 1}
  planned_purchases: {vehicles: {other: 1}, equipment_over_1m: 1}
`

// RollOver carries the texts of the keys only some layouts use — subject
// purposes, project descriptions — and how amounts print, keeps each line's
// income kind, and clears what is this year's (the set-asides, the planned
// purchases) or last year's execution: unknown, never a 0. The prior-year
// figures are what the layout computes; those it computes none of are not
// invented.
func TestRollOverLayoutKeys(t *testing.T) {
	ly, err := From(input.DefaultCatalog(), render.DefaultWording(), "2024.yaml", []byte(lastYearOfLayoutKeys))
	if err != nil {
		t.Fatal(err)
	}
	doc, o, err := ly.RollOver(2025)
	if err != nil {
		t.Fatal(err)
	}
	if e := doc.Expenditures[0]; !e.Basic.Set || !e.Basic.Value.IsZero() || !e.Personnel.Set || !e.Personnel.Value.IsZero() {
		t.Errorf("line 1, its 人员经费 cleared with its basic: %+v", e)
	}
	if k, ok := doc.Expenditures[1].IncomeKind(); !ok || k != input.IncomeBusiness || !doc.Expenditures[1].Basic.Value.IsZero() {
		t.Errorf("line 2: %+v", doc.Expenditures[1])
	}
	if k, _ := doc.Expenditures[2].IncomeKind(); k != input.IncomeOther {
		t.Errorf("line 3: %+v", doc.Expenditures[2])
	}
	if len(doc.Purposes) != 1 || doc.Purposes[0].Purpose.Value != "主要用于机关日常运转" || doc.Purposes[0].PriorExecuted.Set {
		t.Errorf("purposes: %+v", doc.Purposes)
	}
	if d := doc.Projects[0].Description; d == nil || d.Overview.Value != "为保障某某系统运行" || d.Goals.Value != "全年无故障" || d == ly.Doc.Projects[0].Description {
		t.Errorf("description: %+v", d)
	}
	if doc.PrintFormat.DecimalPlaces() != 0 || !doc.PrintFormat.EmptyAsZero() {
		t.Errorf("print format: %+v", doc.PrintFormat)
	}
	if p := doc.Procurement; p.ReservedSME.Set || p.ReservedSmallMicro.Set {
		t.Errorf("last year's set-asides carried: %+v", p)
	}
	if a := doc.Assets; a.PlannedPurchases.Vehicles.Given() || a.PlannedPurchases.EquipmentOver1m.Set || a.Vehicles.MainLeader.Set {
		t.Errorf("last year's assets carried: %+v", a)
	}
	if py := doc.PriorYear; py.Fiscal.Set || py.GovernmentFund.Set || py.StateCapital.Set || !py.Total.Set {
		t.Errorf("prior year: %+v", py)
	}
	text := string(input.Format(doc, o))
	back, err := input.Decode("2025.yaml", []byte(text), nil)
	if err != nil {
		t.Fatalf("%v\n%s", err, text)
	}
	if len(back.Purposes) != 1 || back.Projects[0].Description == nil || back.PrintFormat.DecimalPlaces() != 0 {
		t.Errorf("read back: %+v", back)
	}
	for _, want := range []string{"# 沿用2024年各科目的用途", "- {code: \"2010301\", purpose: 主要用于机关日常运转}",
		"description:\n      overview: 为保障某某系统运行", "projects[].description：沿用上年的项目经费情况说明", "subject_purposes：沿用上年的用途文字"} {
		if !strings.Contains(text, want) {
			t.Errorf("no %q in\n%s", want, text)
		}
	}
	// shanxi-13 uses none of them: those not given are not shown.
	if strings.Contains(text, "reserved_sme") || strings.Contains(text, "planned_purchases") || strings.Contains(text, "fiscal:") {
		t.Errorf("keys the layout does not use are shown:\n%s", text)
	}
}

// RollOver keeps the layout a file names, and so the keys that layout uses.
func TestRollOverKeepsTheLayout(t *testing.T) {
	src := strings.Replace(lastYearOfLayoutKeys, "year: 2024\n", "layout: shanghai-9-unit\nyear: 2024\n", 1)
	ly, err := From(input.DefaultCatalog(), render.DefaultWording(), "2024.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	doc, o, err := ly.RollOver(2025)
	if err != nil {
		t.Fatal(err)
	}
	text := string(input.Format(doc, o))
	back, err := input.Decode("2025.yaml", []byte(text), nil)
	if err != nil {
		t.Fatalf("%v\n%s", err, text)
	}
	if back.Layout.Value != "shanghai-9-unit" {
		t.Errorf("the rolled file's layout is %q:\n%s", back.Layout.Value, text)
	}
	if !strings.Contains(text, "reserved_sme") {
		t.Errorf("the unit's keys are not shown:\n%s", text)
	}
}

// Carry brings the texts into an imported file: the purposes of the
// subjects it has, the descriptions of the projects it continues, how
// amounts print.
func TestCarryLayoutKeys(t *testing.T) {
	ly, err := From(input.DefaultCatalog(), render.DefaultWording(), "2024.yaml", []byte(lastYearOfLayoutKeys))
	if err != nil {
		t.Fatal(err)
	}
	doc := &input.Document{Year: 2025, Units: ly.Doc.Units,
		Expenditures: []input.Expenditure{{Code: input.Text{Value: "2010301"}}, {Code: input.Text{Value: "2010399"}}},
		Projects:     []input.Project{{Unit: input.Text{Value: "机关"}, Name: input.Text{Value: "某某系统运维"}}, {Unit: input.Text{Value: "机关"}, Name: input.Text{Value: "新项目"}}}}
	var o input.FormatOptions
	if err := ly.Carry(doc, &o); err != nil {
		t.Fatal(err)
	}
	if len(doc.Purposes) != 1 || doc.Purposes[0].Code.Value != "2010301" || doc.Purposes[0].PriorExecuted.Set {
		t.Errorf("purposes: %+v", doc.Purposes)
	}
	if d := doc.Projects[0].Description; d == nil || d.Basis.Value != "某某文件" || doc.Projects[1].Description != nil {
		t.Errorf("descriptions: %+v, %+v", d, doc.Projects[1].Description)
	}
	if len(o.Comments["projects[0].description"]) != 1 || len(o.Comments["subject_purposes"]) != 1 {
		t.Errorf("comments: %v", o.Comments)
	}
	if !doc.PrintFormat.EmptyAsZero() {
		t.Errorf("print format: %+v", doc.PrintFormat)
	}
	if p := doc.PriorYear; p.Fiscal.Set || p.GovernmentFund.Set {
		t.Errorf("prior year invented: %+v", p)
	}
}

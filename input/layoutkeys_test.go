package input

import (
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// golden compares got with the file testdata/name (rewritten with -update).
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Errorf("%s differs from the golden file (go test -update rewrites it):\n%s", name, numbered(got))
	}
}

// layoutKeysBase is a valid document the decode cases below add to.
const layoutKeysBase = `schema: 1
year: 2025
department: {name: 某某局}
units:
  - {name: 某某局, kind: administrative}
  - {name: 某某中心, kind: institution}
expenditures:
  - {code: "2010301", basic: 10.00}
`

// TestDecodeLayoutKeys: each key only some layouts use, given, decodes to
// what it says; absent, it is not given (never a 0).
func TestDecodeLayoutKeys(t *testing.T) {
	cases := []struct {
		name, add string
		check     func(t *testing.T, d *Document)
	}{
		{"income kinds", `  - {code: "2010301", source: unit_funds, income_kind: business, basic: 1.00}
  - {code: "2010301", source: unit_funds, income_kind: operating, basic: 2.00}
  - {code: "2010301", source: unit_funds, income_kind: other, project: 3.00}
  - {code: "2010301", source: unit_funds, basic: 4.00}
  - {code: "2010301", source: special_account, income_kind: business, basic: 5.00}
`, func(t *testing.T, d *Document) {
			want := []struct {
				kind IncomeKind
				ok   bool
			}{{0, false}, {IncomeBusiness, true}, {IncomeOperating, true}, {IncomeOther, true}, {0, false}, {IncomeBusiness, true}}
			for i, w := range want {
				k, ok := d.Expenditures[i].IncomeKind()
				if k != w.kind || ok != w.ok {
					t.Errorf("line %d: income kind %v %v, want %v %v", i, k, ok, w.kind, w.ok)
				}
			}
			if p := d.Expenditures[1].Income.Pos; p != (Pos{Line: 9, Col: 56}) {
				t.Errorf("income_kind at %v", p)
			}
			if IncomeOperating.Title() != "事业单位经营收入" || IncomeOther.Key() != "other" {
				t.Errorf("titles: %s %s", IncomeOperating.Title(), IncomeOther.Key())
			}
		}},
		{"subject purposes", `  - {code: "2010350", project: 2.00}
subject_purposes:
  - {code: "2010301", purpose: 主要用于机关日常运转, prior_executed: 12.34}
  - {code: "2010350", purpose: "主要用于: 事业运行"}
`, func(t *testing.T, d *Document) {
			p, ok := d.PurposeOf("2010301")
			if !ok || p.Purpose.Value != "主要用于机关日常运转" || !p.PriorExecuted.Set || p.PriorExecuted.Value.String() != "12.34" {
				t.Errorf("2010301: %+v %v", p, ok)
			}
			if p.Code.Pos != (Pos{Line: 11, Col: 12}) || p.PriorExecuted.Pos != (Pos{Line: 11, Col: 60}) {
				t.Errorf("positions %v %v", p.Code.Pos, p.PriorExecuted.Pos)
			}
			if p, ok := d.PurposeOf("2010350"); !ok || p.PriorExecuted.Set || p.Purpose.Value != "主要用于: 事业运行" {
				t.Errorf("2010350: %+v", p)
			}
			if _, ok := d.PurposeOf("2010399"); ok {
				t.Error("a purpose nobody gave")
			}
		}},
		{"subject purposes in 元", `subject_purposes:
  - {code: "2010301", prior_executed: 123456.78}
`, func(t *testing.T, d *Document) {
			// The amount is in the file's unit: here 万元 (the cases' base);
			// TestDecodeYuanUnit's rule holds for it like any amount.
			if p, _ := d.PurposeOf("2010301"); p.PriorExecuted.Value.String() != "123456.78" || p.Purpose.Value != "" {
				t.Errorf("%+v", p)
			}
		}},
		{"procurement set-asides", `procurement: {goods: 10.00, works: 0, services: 5.00, reserved_sme: 15.00, reserved_small_micro: 15.00}
`, func(t *testing.T, d *Document) {
			p := d.Procurement
			if total, ok := p.Total(); !ok || total.String() != "15" {
				t.Errorf("total %v %v", total, ok)
			}
			if !p.ReservedSME.Set || p.ReservedSME.Value.String() != "15" || p.ReservedSmallMicro.Pos != (Pos{Line: 9, Col: 98}) {
				t.Errorf("%+v", p)
			}
		}},
		{"set-asides without the total", `procurement: {goods: 1.00, reserved_sme: 20.00, reserved_small_micro: 0}
`, func(t *testing.T, d *Document) {
			if _, ok := d.Procurement.Total(); ok {
				t.Error("a total of unknown parts")
			}
			if !d.Procurement.ReservedSmallMicro.Set || !d.Procurement.ReservedSmallMicro.Value.IsZero() {
				t.Errorf("a given 0: %+v", d.Procurement.ReservedSmallMicro)
			}
		}},
		{"no set-asides", `procurement: {goods: 1.00}
`, func(t *testing.T, d *Document) {
			if d.Procurement.ReservedSME.Set || d.Procurement.ReservedSmallMicro.Set {
				t.Errorf("set-asides nobody gave: %+v", d.Procurement)
			}
		}},
		{"vehicles of every kind", `assets:
  vehicles: {quota: 20, actual: 20, leader: 1, ministerial_leader: 2, main_leader: 3, confidential: 1, emergency: 1,
    law_enforcement: 1, special_technical: 1, institution_business: 1, retired_cadres: 4, other: 5}
  planned_purchases:
    vehicles: {main_leader: 1, law_enforcement: 0, other: 2}
    equipment_over_1m: 3
`, func(t *testing.T, d *Document) {
			v := d.Assets.Vehicles
			if v.KindsTotal() != 20 || v.MinisterialLeader.Value != 2 || v.MainLeader.Value != 3 || v.RetiredCadres.Value != 4 {
				t.Errorf("vehicles %+v, kinds total %d", v, v.KindsTotal())
			}
			if v.RetiredCadres.Pos != (Pos{Line: 11, Col: 88}) {
				t.Errorf("retired_cadres at %v", v.RetiredCadres.Pos)
			}
			pp := d.Assets.PlannedPurchases
			if pp.Vehicles.KindsTotal() != 3 || !pp.Vehicles.Given() || !pp.Vehicles.LawEnforcement.Set || pp.Vehicles.Leader.Set ||
				pp.EquipmentOver1m.Value != 3 || pp.EquipmentOver1m.Pos != (Pos{Line: 14, Col: 24}) {
				t.Errorf("planned purchases %+v", pp)
			}
		}},
		{"no planned purchases", `assets: {vehicles: {quota: 1, actual: 1, other: 1}}
`, func(t *testing.T, d *Document) {
			if pp := d.Assets.PlannedPurchases; pp.Vehicles.Given() || pp.EquipmentOver1m.Set {
				t.Errorf("planned purchases nobody gave: %+v", pp)
			}
			if d.Assets.Vehicles.KindsTotal() != 1 {
				t.Errorf("kinds total %d", d.Assets.Vehicles.KindsTotal())
			}
		}},
		{"prior-year fiscal figures", `prior_year: {total: 100.00, fiscal: 80.00, general_public: 70.00, government_fund: 10.00, state_capital: 0}
`, func(t *testing.T, d *Document) {
			py := d.PriorYear
			if py.Fiscal.Value.String() != "80" || py.GovernmentFund.Value.String() != "10" || !py.StateCapital.Set || !py.StateCapital.Value.IsZero() {
				t.Errorf("%+v", py)
			}
		}},
		{"no prior-year fiscal figures", `prior_year: {total: 100.00}
`, func(t *testing.T, d *Document) {
			if py := d.PriorYear; py.Fiscal.Set || py.GovernmentFund.Set || py.StateCapital.Set {
				t.Errorf("figures nobody gave: %+v", py)
			}
		}},
		{"project descriptions", `projects:
  - unit: 某某中心
    name: 甲项目
    amounts: 1.00
    description:
      overview: 为保障……，开展……。
      basis: |
        《某某条例》
        《某某办法》
      implementer: 某某中心
      plan: 分三个阶段实施。
      period: 2025年1月至12月
      schedule: 第一季度用款计划0.25万元，……
      goals: 完成……
  - {unit: 某某中心, name: 乙项目, amounts: 1.00}
  - {unit: 某某中心, name: 丙项目, amounts: 1.00, description: {}}
`, func(t *testing.T, d *Document) {
			desc := d.Projects[0].Description
			if desc == nil || desc.Overview.Value != "为保障……，开展……。" || desc.Basis.Value != "《某某条例》\n《某某办法》\n" ||
				desc.Goals.Value != "完成……" || desc.Schedule.Pos != (Pos{Line: 21, Col: 17}) || desc.Basis.Body != (Pos{Line: 16, Col: 9}) {
				t.Errorf("%+v", desc)
			}
			if d.Projects[1].Description != nil {
				t.Errorf("a description nobody gave: %+v", d.Projects[1].Description)
			}
			if e := d.Projects[2].Description; e == nil || e.Overview.Value != "" {
				t.Errorf("description: {} is %+v", e)
			}
		}},
		{"print format", `print_format: {decimals: 0, empty: zero}
`, func(t *testing.T, d *Document) {
			if pf := d.PrintFormat; pf.DecimalPlaces() != 0 || !pf.EmptyAsZero() || pf.Decimals.Pos != (Pos{Line: 9, Col: 26}) {
				t.Errorf("%+v", pf)
			}
		}},
		{"print format of two decimals", `print_format:
  decimals: 2
  empty: blank
`, func(t *testing.T, d *Document) {
			if pf := d.PrintFormat; pf.DecimalPlaces() != 2 || pf.EmptyAsZero() || !pf.Decimals.Set || pf.Empty.Value != EmptyBlank {
				t.Errorf("%+v", pf)
			}
		}},
		{"no print format", ``, func(t *testing.T, d *Document) {
			if pf := d.PrintFormat; pf.DecimalPlaces() != DefaultDecimals || pf.EmptyAsZero() || pf.Decimals.Set || pf.Empty.Value != "" {
				t.Errorf("defaults: %+v", pf)
			}
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			c.check(t, mustDecode(t, []byte(layoutKeysBase+c.add)))
		})
	}
}

// TestFormatLayoutKeys: a key only some layouts use is written when the
// document gives it; unset, only when the caller asks for it.
func TestFormatLayoutKeys(t *testing.T) {
	keys := LayoutKeys()
	if len(keys) == 0 {
		t.Fatal("no layout keys")
	}
	leaf := func(k string) string {
		segs := strings.Split(strings.ReplaceAll(k, "[]", ""), ".")
		return segs[len(segs)-1]
	}
	for name, doc := range map[string]*Document{"empty": {}, "skeleton": mustDecode(t, Skeleton(2025, "某某局")), "sample": mustDecode(t, Sample)} {
		out := string(Format(doc, FormatOptions{Examples: true}))
		for _, k := range keys {
			if regexp.MustCompile(`(^|[\s{,#])` + leaf(k) + `:( |$)`).MatchString(out) {
				t.Errorf("%s: %s shown unasked", name, k)
			}
		}
	}
	// Asking for a block shows the keys in it; a key only a 决算 uses,
	// only when asked for by name.
	for _, k := range keys {
		block, _, _ := strings.Cut(strings.ReplaceAll(k, "[]", ""), ".")
		shown := regexp.MustCompile(`(^|[\s{,#])` + leaf(k) + `:( |$)`)
		out := string(Format(&Document{}, FormatOptions{Examples: true, LayoutKeys: []string{block}}))
		switch final := slices.Contains(FinalOnlyKeys(), k); {
		case final && block != k && shown.MatchString(out):
			t.Errorf("%s, a 决算's, shown when only %s is asked for", k, block)
		case final:
			out = string(Format(&Document{}, FormatOptions{Examples: true, LayoutKeys: []string{block, k}}))
			fallthrough
		default:
			if !shown.MatchString(out) {
				t.Errorf("%s not shown when it is asked for", k)
			}
		}
	}
	for _, k := range FinalOnlyKeys() {
		if !slices.Contains(keys, k) {
			t.Errorf("FinalOnlyKeys names %s, which is no key only some layouts use", k)
		}
	}
	// Given, a key is written unasked.
	doc := mustDecode(t, []byte(layoutKeysBase+`  - {code: "2010301", source: unit_funds, income_kind: business, basic: 1.00}
`))
	out := string(Format(doc, FormatOptions{}))
	for _, want := range []string{`- {code: "2010301", source: unit_funds, income_kind: business, basic: 1.00}`,
		"#   income_kind: 收入类别"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s", want, numbered([]byte(out)))
		}
	}
	if !slices.Contains(keys, "expenditures[].income_kind") {
		t.Errorf("layout keys: %v", keys)
	}
}

// TestSkeletonGolden: the skeleton of the default layout, and one showing
// every key only some layouts use.
func TestSkeletonGolden(t *testing.T) {
	golden(t, "skeleton.golden", Skeleton(2025, "某某局"))
	every := SkeletonWith(SkeletonOptions{Year: 2025, Name: "某某局", LayoutKeys: LayoutKeys()})
	golden(t, "skeleton-layout-keys.golden", every)
	// Filled in from its examples, every key it shows decodes.
	filled := mustDecode(t, uncommented(string(every)))
	pp := filled.Assets.PlannedPurchases
	if len(filled.Purposes) != 1 || filled.Projects[1].Description == nil || filled.Projects[1].Description.Schedule.Value == "" ||
		!filled.Procurement.ReservedSME.Set || !filled.PriorYear.Fiscal.Set || !filled.Assets.Vehicles.RetiredCadres.Set ||
		!pp.Vehicles.Given() || !pp.EquipmentOver1m.Set || filled.PrintFormat.DecimalPlaces() != 2 || filled.PrintFormat.EmptyAsZero() {
		t.Errorf("the uncommented skeleton lacks its layout keys: %+v", filled)
	}
	if k, ok := filled.Expenditures[3].IncomeKind(); !ok || k != IncomeBusiness {
		t.Errorf("the uncommented skeleton's lines: %+v", filled.Expenditures)
	}
}

// TestVehicleKinds: planned purchases have the kinds of the vehicles a
// department has (without quota and actual), and KindsTotal counts every
// kind of both.
func TestVehicleKinds(t *testing.T) {
	keys := func(v any) []string {
		var out []string
		for _, f := range keyFields(reflect.ValueOf(v)) {
			out = append(out, f.key)
		}
		return out
	}
	have := slices.DeleteFunc(keys(Vehicles{}), func(k string) bool { return k == "quota" || k == "actual" })
	if planned := keys(VehicleKinds{}); !slices.Equal(have, planned) {
		t.Errorf("assets.vehicles kinds %v, planned purchases' %v", have, planned)
	}
	// Each kind alone, one vehicle: a total of one.
	for i := range have {
		var v Vehicles
		var k VehicleKinds
		reflect.ValueOf(&v).Elem().FieldByName(reflect.TypeOf(k).Field(i).Name).Set(reflect.ValueOf(Count{Value: 1, Set: true}))
		reflect.ValueOf(&k).Elem().Field(i).Set(reflect.ValueOf(Count{Value: 1, Set: true}))
		if v.KindsTotal() != 1 || k.KindsTotal() != 1 || !k.Given() {
			t.Errorf("%s: kinds total %d and %d", have[i], v.KindsTotal(), k.KindsTotal())
		}
	}
	if (Vehicles{Quota: Count{Value: 3, Set: true}, Actual: Count{Value: 3, Set: true}}).KindsTotal() != 0 {
		t.Error("quota or actual counted as a kind")
	}
}

// TestDocsOfLayoutKeys: docs/input.md names every key only some layouts
// use, and its example of them decodes (with a header of its own; the
// layout it names is registered by its profile, not here).
func TestDocsOfLayoutKeys(t *testing.T) {
	md, err := os.ReadFile("../docs/input.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range LayoutKeys() {
		segs := strings.Split(strings.ReplaceAll(k, "[]", ""), ".")
		if leaf := segs[len(segs)-1]; !strings.Contains(string(md), "`"+leaf) && !strings.Contains(string(md), leaf+"`") {
			t.Errorf("docs/input.md does not name %s", k)
		}
	}
	m := regexp.MustCompile("(?s)例子（金额单位为万元）：\n\n```yaml\n(.*?)```").FindSubmatch(md)
	if m == nil {
		t.Fatal("no example of the layout keys in docs/input.md")
	}
	example := regexp.MustCompile(`(?m)^layout: .*\n`).ReplaceAllString(string(m[1]), "")
	doc := mustDecode(t, []byte("schema: 1\nyear: 2025\ndepartment: {name: 某区某局}\nunits:\n  - {name: 某区某局, kind: administrative}\n"+example))
	if len(doc.Purposes) == 0 || doc.Projects[0].Description == nil || !doc.Procurement.ReservedSME.Set || !doc.Assets.PlannedPurchases.Vehicles.Given() {
		t.Errorf("the example lacks keys: %+v", doc)
	}
}

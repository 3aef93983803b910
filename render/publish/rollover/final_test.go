package rollover

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/budgetpub/budgetpub/input"
	"github.com/shopspring/decimal"
)

func decodeT(t *testing.T, name string, data []byte) *input.Document {
	t.Helper()
	doc, err := input.Decode(name, data, nil)
	if err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	return doc
}

// budgetOfSources is a 预算 with lines of several sources, of two income
// kinds of one source, and of 上年结转.
const budgetOfSources = `schema: 1
year: 2024
department: {name: 某区某局}
units:
  - {name: 机关, kind: administrative}
  - {name: 中心, kind: institution}
expenditures:
  - {code: "2010301", basic: 10.01, project: 30.10}
  - {code: "2010301", carryover: true, project: 7.00}
  - {code: "2010350", source: unit_funds, income_kind: business, basic: 4.00}
  - {code: "2010350", source: unit_funds, income_kind: other, basic: 1.00, project: 0.25}
  - {code: "2120101", source: government_fund, project: 5.00}
  - {code: "2120101", source: government_fund, carryover: true, project: 2.00}
subject_purposes:
  - {code: "2010301", purpose: 主要用于机关日常运转, prior_executed: 38.00}
  - {code: "2010350", prior_executed: 5.00}
three_public: {reception: {general_public: 1.20, government_fund: 0.30}, vehicle_operation: 3.00}
operating_costs:
  - {unit: 机关, amount: 20.00}
procurement: {goods: 1.00}
reasons: {total_change: 预算增加}
`

// TestFinalFrom: the 决算 of a 预算 has the 预算's year, department and
// units; final.budgets its 当年 lines' basic + project by 项 and source,
// exactly; final.three_public_budget its 财政拨款 “三公”; the lines kept
// with their money cleared; the texts of purposes carried without
// execution; procurement and reasons left for the clerk. Written, it
// decodes and validates, and reads back the same.
func TestFinalFrom(t *testing.T) {
	cases := []struct {
		name   string
		budget []byte
		// want are the 年初预算 by 项|source; tp the “三公” budget.
		want map[string]string
		tp   [4]string
	}{
		{"the sample", input.Sample, nil, [4]string{"0", "0", "0", "12.1"}},
		{"several sources", []byte(budgetOfSources), map[string]string{
			"2010301|general_public": "40.11", "2010350|unit_funds": "5.25", "2120101|government_fund": "5",
		}, [4]string{"0", "1.5", "0", "3"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			budget := decodeT(t, "budget.yaml", c.budget)
			want := c.want
			if want == nil { // the sample's own lines
				want = map[string]string{}
				sums := map[string]decimal.Decimal{}
				for _, e := range budget.Expenditures {
					if !e.Carryover {
						k := e.Code.Value + "|" + e.Src.Key()
						sums[k] = sums[k].Add(e.Basic.Value).Add(e.Project.Value)
					}
				}
				for k, v := range sums {
					want[k] = v.String()
				}
			}
			doc, o, err := FinalFrom(budget, nil)
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]string{}
			for _, b := range doc.Final.Budgets {
				k := b.Code.Value + "|" + b.Src.Key()
				if _, dup := got[k]; dup {
					t.Errorf("two budgets of %s", k)
				}
				got[k] = b.Initial.Value.String()
				if b.Adjusted.Set {
					t.Errorf("%s: a 全年预算 invented", k)
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("budgets %v, want %v", got, want)
			}
			tp := doc.Final.ThreePublicBudget
			for i, a := range []input.Amount{tp.OutboundTravel, tp.Reception, tp.VehiclePurchase, tp.VehicleOperation} {
				if !a.Set || !a.Value.Equal(decimal.RequireFromString(c.tp[i])) {
					t.Errorf("“三公” budget %d: %v, want %s", i, a.Value, c.tp[i])
				}
			}
			if doc.Year != budget.Year || doc.Layout.Value != FinalLayout || doc.Department.Name != budget.Department.Name || len(doc.Units) != len(budget.Units) {
				t.Errorf("the 决算 of another department or year: %d %q %+v", doc.Year, doc.Layout.Value, doc.Department)
			}
			for _, e := range doc.Expenditures {
				if e.SpentTotal().Sign() != 0 || !e.Basic.Set && !e.Project.Set || e.Carryover {
					t.Errorf("a line not cleared: %+v", e)
				}
			}
			if doc.Procurement.Goods.Set || doc.Reasons.TotalChange.Value != "" || doc.PriorYear.Total.Set || doc.ThreePublic.Reception.Fiscal().Sign() != 0 {
				t.Errorf("the 预算's figures carried: %+v %+v %+v", doc.Procurement, doc.Reasons, doc.PriorYear)
			}
			text := input.Format(doc, o)
			back := decodeT(t, "final.yaml", text)
			if again := input.Format(back, o); string(again) != string(text) {
				t.Errorf("written again, another file:\n%s", again)
			}
			if len(back.Final.Budgets) != len(doc.Final.Budgets) || !sameThree(back.Final.ThreePublicBudget, doc.Final.ThreePublicBudget) {
				t.Errorf("read back: %+v", back.Final)
			}
			for i, b := range back.Final.Budgets {
				if !b.Initial.Value.Equal(doc.Final.Budgets[i].Initial.Value) || b.Src != doc.Final.Budgets[i].Src {
					t.Errorf("budget %d reads back as %+v", i, b)
				}
			}
			for _, w := range []string{"2024年度部门决算公开", "layout: final-9", "final.budgets 和", "#   remit: 上缴上级支出（决算用）",
				"#   variance_reason: ", "\nfinal:\n", "  # three_public_detail:", "prior_year：上年的决算数"} {
				if !strings.Contains(string(text), w) {
					t.Errorf("no %q in\n%s", w, text)
				}
			}
		})
	}
}

func sameThree(a, b input.PriorThreePublic) bool {
	return a.OutboundTravel.Value.Equal(b.OutboundTravel.Value) && a.Reception.Value.Equal(b.Reception.Value) &&
		a.VehiclePurchase.Value.Equal(b.VehiclePurchase.Value) && a.VehicleOperation.Value.Equal(b.VehicleOperation.Value)
}

// TestFinalFromLines: a 决算's lines are the 预算's by 项, source and
// income kind — 上年结转 merged with 当年 — each amount the 预算 set
// cleared; purposes keep their texts, not their execution.
func TestFinalFromLines(t *testing.T) {
	doc, _, err := FinalFrom(decodeT(t, "budget.yaml", []byte(budgetOfSources)), nil)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, e := range doc.Expenditures {
		kind := "-"
		if k, ok := e.IncomeKind(); ok {
			kind = k.Key()
		}
		lines = append(lines, fmt.Sprintf("%s %s %s basic=%v project=%v", e.Code.Value, e.Src.Key(), kind, e.Basic.Set, e.Project.Set))
	}
	want := []string{"2010301 general_public - basic=true project=true", "2010350 unit_funds business basic=true project=false",
		"2010350 unit_funds other basic=true project=true", "2120101 government_fund - basic=false project=true"}
	if fmt.Sprint(lines) != fmt.Sprint(want) {
		t.Errorf("lines\n%v, want\n%v", lines, want)
	}
	if len(doc.Purposes) != 1 || doc.Purposes[0].PriorExecuted.Set || doc.Purposes[0].Purpose.Value != "主要用于机关日常运转" {
		t.Errorf("purposes %+v", doc.Purposes)
	}
	if len(doc.OperCosts) != 1 || !doc.OperCosts[0].Amount.Given(input.GeneralPublic) || doc.OperCosts[0].Amount.Fiscal().Sign() != 0 {
		t.Errorf("operating costs %+v", doc.OperCosts)
	}
}

// lastFinal is a 2023 决算 of every kind of money.
const lastFinal = `schema: 1
year: 2023
layout: final-9
department: {name: 某区某局}
units:
  - {name: 机关, kind: administrative}
  - {name: 中心, kind: institution}
expenditures:
  - {code: "2010301", basic: 10.00, project: 20.50}
  - {code: "2010350", source: unit_funds, basic: 3.00, remit: 1.00, operation: 2.00, affiliate_subsidy: 0.50}
  - {code: "2120101", source: government_fund, project: 4.00}
three_public: {reception: 1.10, vehicle_operation: {general_public: 2.00, government_fund: 0.40}}
operating_costs:
  - {unit: 机关, amount: 8.25}
final:
  balances:
    - {code: "2010301", opening: 3.00, closing: 1.25}
    - {code: "2120101", source: government_fund, closing: 0.75}
  non_fiscal: {opening: 1.00, closing: 0.60, distribution: 0.05}
`

// TestPriorFromFinal: last year's 决算 gives prior_year by the rule the
// file's comment states; a file that is no 预算, a prior that is no 决算
// or not of the year before, are refused.
func TestPriorFromFinal(t *testing.T) {
	budget := decodeT(t, "2024.yaml", []byte(budgetOfSources))
	prior := decodeT(t, "2023-final.yaml", []byte(lastFinal))
	doc, o, err := FinalFrom(budget, prior)
	if err != nil {
		t.Fatal(err)
	}
	py := doc.PriorYear
	for _, c := range []struct {
		name string
		got  input.Amount
		want string
	}{
		// 30.50 + 6.50 + 4.00 spent, 1.25 + 0.75 年末财政拨款, 0.60 + 0.05
		{"total", py.Total, "43.65"},
		// 30.50 + 4.00 spent, 1.25 + 0.75 年末
		{"fiscal", py.Fiscal, "36.5"},
		{"general_public", py.GeneralPublic, "30.5"},
		{"reception", py.ThreePublic.Reception, "1.1"},
		{"vehicle_operation", py.ThreePublic.VehicleOperation, "2.4"},
		{"outbound_travel", py.ThreePublic.OutboundTravel, "0"},
		{"operating_costs", py.OperatingCosts, "8.25"},
	} {
		if !c.got.Set || !c.got.Value.Equal(decimal.RequireFromString(c.want)) {
			t.Errorf("prior_year.%s = %v (set %v), want %s", c.name, c.got.Value, c.got.Set, c.want)
		}
	}
	text := string(input.Format(doc, o))
	if !strings.Contains(text, "由 2023-final.yaml（2023年度决算）算出") || strings.Contains(text, "prior_year：上年的决算数") {
		t.Errorf("the prior year's rule is not stated:\n%s", text)
	}
	back := decodeT(t, "2024-final.yaml", []byte(text))
	if !back.PriorYear.Fiscal.Value.Equal(py.Fiscal.Value) {
		t.Errorf("read back: %+v", back.PriorYear)
	}

	var notBudget *NotBudgetError
	if _, _, err := FinalFrom(prior, nil); !errors.As(err, &notBudget) || !strings.Contains(err.Error(), "这是决算文件（layout: final-9），不是预算文件") {
		t.Errorf("a 决算 as the 预算: %v", err)
	}
	var pf *PriorFinalError
	if _, _, err := FinalFrom(budget, budget); !errors.As(err, &pf) || !strings.Contains(err.Error(), "这是预算文件（layout: shanxi-13），不是决算文件") {
		t.Errorf("a 预算 as last year's 决算: %v", err)
	}
	old := decodeT(t, "2022-final.yaml", []byte(strings.Replace(lastFinal, "year: 2023", "year: 2022", 1)))
	if _, _, err := FinalFrom(budget, old); !errors.As(err, &pf) || !strings.Contains(err.Error(), "上年决算文件是 2022 年度的，而预算文件是 2024 年度的") {
		t.Errorf("a 决算 of two years before: %v", err)
	}
}

// TestFinalInputKeys: each key a 决算's file is asked to show is a key
// only some layouts use, or a block holding some; every key only a 决算
// uses is among them.
func TestFinalInputKeys(t *testing.T) {
	keys, final := input.LayoutKeys(), finalInputKeys()
	if len(final) == 0 {
		t.Fatal("the 决算's profile declares no input keys")
	}
	for _, k := range final {
		found := false
		for _, l := range keys {
			found = found || l == k || strings.HasPrefix(l, k+".") || strings.HasPrefix(l, k+"[]")
		}
		if !found {
			t.Errorf("the 决算's input keys name %q, which holds no key only some layouts use", k)
		}
	}
	for _, k := range input.FinalOnlyKeys() {
		if !slices.Contains(final, k) {
			t.Errorf("a 决算's own key %s is not shown in its files", k)
		}
	}
}

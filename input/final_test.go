package input

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// finalDoc is a 决算's master input giving every key only a 决算 uses
// (without a layout: final-9 is registered by its profile, not here).
const finalDoc = layoutKeysBase + `  - {code: "2010350", source: unit_funds, basic: 3.00, remit: 1.00, operation: 2.50, affiliate_subsidy: 0}
  - {code: "2010350", source: special_account, operation: 0.50}
subject_purposes:
  - {code: "2010301", purpose: 主要用于机关日常运转, variance_reason: 年中追加了专项经费}
final:
  revenue:
    - {code: "2010301", kind: general_public, amount: 10.00}
    - {code: "2010350", kind: operating, amount: 3.00}
    - {code: "2010350", kind: business, amount: 3.50}
  balances:
    - {code: "2010301", opening: 1.00, closing: 0.50}
    - {code: "2010301", source: government_fund, closing: 0}
  non_fiscal: {opening: 0.20, closing: 0.10, use_of_surplus: 0, distribution: 0.10}
  budgets:
    - {code: "2010301", initial: 9.00, adjusted: 10.50}
    - {code: "2010350", source: unit_funds, initial: 6.00}
  three_public_budget: {reception: 1.20, vehicle_operation: 3.00}
  three_public_detail: {vehicles_held: 2, reception_batches: 4, reception_use: 接待上级检查}
  reasons: {general_public_vs_budget: 年中追加了专项经费}
  procurement: {sme_awarded: 1.00, small_micro_awarded: 0.50, other_sme_awarded: 0}
  performance: {goal_projects: 2, goal_amount: 4.00, average_score: 92.5, excellent: 1, good: 1}
`

// TestDecodeFinal: a 决算's keys decode to what they say, sources resolved
// (a balance or budget naming none is of DefaultSource); absent, they are
// not given.
func TestDecodeFinal(t *testing.T) {
	d := mustDecode(t, []byte(finalDoc))
	e := d.Expenditures[1]
	if !e.Remit.Set || e.Operation.Value.String() != "2.5" || !e.AffiliateSubsidy.Set || e.SpentTotal().String() != "6.5" {
		t.Errorf("line 2: %+v, 决算数 %s", e, e.SpentTotal())
	}
	if e := d.Expenditures[2]; e.Basic.Set || !e.Operation.Set || e.SpentTotal().String() != "0.5" {
		t.Errorf("line 3, of 经营支出 only: %+v", e)
	}
	if p, _ := d.PurposeOf("2010301"); p.VarianceReason.Value != "年中追加了专项经费" {
		t.Errorf("purpose: %+v", p)
	}
	f := d.Final
	if len(f.Revenue) != 3 || f.Revenue[1].Kind.Value != RevenueOperating.Key() || f.Revenue[2].Amount.Value.String() != "3.5" {
		t.Errorf("revenue: %+v", f.Revenue)
	}
	if k, ok := ParseRevenueKind(f.Revenue[0].Kind.Value); !ok || k != RevenueGeneralPublic || !k.Fiscal() || k.Source() != GeneralPublic {
		t.Errorf("kind %v %v", k, ok)
	}
	if f.Balances[0].Src != DefaultSource || f.Balances[1].Src != GovernmentFund || !f.Balances[1].Closing.Set || f.Balances[1].Opening.Set {
		t.Errorf("balances: %+v", f.Balances)
	}
	if f.Budgets[0].Adjusted.Value.String() != "10.5" || f.Budgets[1].Src != UnitFunds || f.Budgets[1].Adjusted.Set {
		t.Errorf("budgets: %+v", f.Budgets)
	}
	if f.NonFiscal.Distribution.Value.String() != "0.1" || !f.NonFiscal.UseOfSurplus.Set {
		t.Errorf("non-fiscal: %+v", f.NonFiscal)
	}
	if tp := f.ThreePublicBudget; tp.Reception.Value.String() != "1.2" || tp.OutboundTravel.Set {
		t.Errorf("三公 budget: %+v", tp)
	}
	if p := f.Performance; p.AverageScore.Value != "92.5" || p.Excellent.Value != 1 || p.Fail.Set {
		t.Errorf("performance: %+v", p)
	}
	if f.Budgets[0].Code.Pos != (Pos{Line: 23, Col: 14}) {
		t.Errorf("budget code at %v", f.Budgets[0].Code.Pos)
	}
	if d := mustDecode(t, []byte(layoutKeysBase)); len(d.Final.Revenue) != 0 || !unsetValue(d.Final) {
		t.Errorf("final nobody gave: %+v", d.Final)
	}
}

func unsetValue(f FinalAccounts) bool {
	return len(f.Revenue)+len(f.Balances)+len(f.Budgets) == 0 && !f.NonFiscal.Opening.Set
}

// TestFormatFinal: a 决算 written and read back is the same document, its
// keys shown unasked because it gives them; a 预算 asking for
// subject_purposes does not show variance_reason, a 决算 asking for it by
// name does.
func TestFormatFinal(t *testing.T) {
	doc := mustDecode(t, []byte(finalDoc))
	back, out := roundTrip(t, doc, FormatOptions{})
	for _, d := range diffDocs(doc, back) {
		t.Error(d)
	}
	for _, want := range []string{"\nfinal:\n  revenue:", "\n    - {code: \"2010301\", kind: general_public, amount: 10.00}",
		"    - {code: \"2010301\", source: government_fund, closing: 0.00}", "\n    opening: 0.20",
		"remit: 1.00, operation: 2.50, affiliate_subsidy: 0.00}", "variance_reason: 年中追加了专项经费}",
		"    average_score: 92.5"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("no %q in\n%s", want, numbered(out))
		}
	}
	budget := string(Format(mustDecode(t, []byte(layoutKeysBase)), FormatOptions{Examples: true, LayoutKeys: []string{"subject_purposes"}}))
	if strings.Contains(budget, "variance_reason") || strings.Contains(budget, "final") {
		t.Errorf("a 预算 shows a 决算's keys:\n%s", budget)
	}
	final := string(Format(mustDecode(t, []byte(layoutKeysBase)), FormatOptions{Examples: true,
		LayoutKeys: []string{"subject_purposes", "subject_purposes[].variance_reason", "final", "expenditures[].operation"}}))
	for _, want := range []string{"#   variance_reason: 决算数大于（小于）年初预算数的主要原因", "\nfinal: {}\n",
		"  #   - {code: \"2010301\", source: general_public, initial: 0.00, adjusted: 0.00} # 行政运行",
		"#   operation: 经营支出（决算用）"} {
		if !strings.Contains(final, want) {
			t.Errorf("no %q in\n%s", want, numbered([]byte(final)))
		}
	}
	if strings.Contains(final, "remit") {
		t.Errorf("a key not asked for is shown:\n%s", final)
	}
}

// TestRevenueKinds: every kind's key parses back to it; a kind of 财政拨款
// is written as its source.
func TestRevenueKinds(t *testing.T) {
	keys := RevenueKindKeys()
	if len(keys) != int(NumRevenueKinds) {
		t.Fatalf("keys %v", keys)
	}
	for k := RevenueKind(0); k < NumRevenueKinds; k++ {
		if p, ok := ParseRevenueKind(k.Key()); !ok || p != k || k.Title() == "" {
			t.Errorf("%d: %q parses to %v %v", k, k.Key(), p, ok)
		}
		if k.Fiscal() && k.Key() != k.Source().Key() {
			t.Errorf("%s is not written as its source %s", k.Key(), k.Source().Key())
		}
	}
	if _, ok := ParseRevenueKind(""); ok {
		t.Error("an empty kind parses")
	}
}

// TestDocsOfFinal: docs/input.md's example of a 决算 decodes (without its
// layout line, final-9 being registered by its profile) and gives final.
func TestDocsOfFinal(t *testing.T) {
	md, err := os.ReadFile("../docs/input.md")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?s)决算的例子（金额单位为万元）：\n\n```yaml\n(.*?)```").FindSubmatch(md)
	if m == nil {
		t.Fatal("no example of a 决算 in docs/input.md")
	}
	example := regexp.MustCompile(`(?m)^layout: .*\n`).ReplaceAllString(string(m[1]), "")
	doc := mustDecode(t, []byte("schema: 1\nyear: 2024\ndepartment: {name: 某区某局}\nunits:\n  - {name: 某区某局, kind: administrative}\n"+example))
	if len(doc.Final.Revenue) != 3 || len(doc.Final.Budgets) != 2 || !doc.Expenditures[1].Operation.Set || doc.Purposes[0].VarianceReason.Value == "" {
		t.Errorf("the example lacks keys: %+v", doc.Final)
	}
}

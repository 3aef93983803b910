package final9

import (
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/budgetpub/budgetpub/internal/printed"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
	"github.com/shopspring/decimal"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// fixture is the made-up department's 决算 (testdata/final.yaml), with
// each replacement of old by new made.
func fixture(t *testing.T, replace ...string) string {
	t.Helper()
	b, err := os.ReadFile("testdata/final.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for i := 0; i+1 < len(replace); i += 2 {
		if !strings.Contains(s, replace[i]) {
			t.Fatalf("the fixture has no %q", replace[i])
		}
		s = strings.Replace(s, replace[i], replace[i+1], 1)
	}
	return s
}

func build(t *testing.T, src string) (*input.Document, *render.Publication) {
	t.Helper()
	doc, err := input.Decode("final.yaml", []byte(src), nil)
	if err != nil {
		t.Fatal(err)
	}
	pub, err := render.BuildWith(doc, render.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if pub.Profile != Profile {
		t.Fatalf("built as %s", pub.Profile.ID)
	}
	return doc, pub
}

func findings(doc *input.Document, pub *render.Publication) map[render.CheckID]int {
	ids := map[render.CheckID]int{}
	for _, f := range render.Check(doc, pub) {
		ids[f.ID]++
	}
	return ids
}

// The identities between the nine tables (spec §6) hold, exactly, on the
// fixture.
func TestTablesAgree(t *testing.T) {
	_, pub := build(t, fixture(t))
	agree(t, pub)
	// The empty funds keep their block and say why.
	for _, id := range []render.TableID{F8, F9} {
		tb := pub.Table(id)
		if len(tb.Rows) != 9 || !strings.HasPrefix(tb.Notes[len(tb.Notes)-1], "说明：上海市某区某某局本年度没有") {
			t.Errorf("%s: %d rows, notes %q", id, len(tb.Rows), tb.Notes)
		}
	}
}

// agree checks the identities between a 决算's nine tables (spec §6).
func agree(t *testing.T, pub *render.Publication) {
	t.Helper()
	x := func(id render.TableID, k render.RowKey, c render.ColKey) decimal.Decimal {
		return pub.Table(id).Exact(k, c)
	}
	sum := func(vs ...decimal.Decimal) decimal.Decimal { return render.Sum(vs...) }
	t1, t3, t4, t5 := pub.Table(F1), pub.Table(F3), pub.Table(F4), pub.Table(F5)
	var incomes []decimal.Decimal
	for k := input.RevenueKind(0); k < input.NumRevenueKinds; k++ {
		incomes = append(incomes, x(F1, render.ItemRow(k.Key()), render.ColIncome))
	}
	fiscalIncome := sum(incomes[:3]...)
	for _, c := range []struct {
		what string
		a, b decimal.Decimal
	}{
		{"表1 本年收入合计 = 各项收入", x(F1, render.CurrentTotalRow, render.ColIncome), sum(incomes...)},
		{"表1 收入方总计", x(F1, render.TotalRow, render.ColIncome), sum(x(F1, render.CurrentTotalRow, render.ColIncome), x(F1, rowUseOfSurplus, render.ColIncome), x(F1, render.CarryoverRow, render.ColIncome))},
		{"表1 支出方总计", x(F1, render.TotalRow, colSpent), sum(x(F1, render.CurrentTotalRow, colSpent), x(F1, rowDistribution, colSpent), x(F1, rowClosing, colSpent))},
		{"表1 两方总计", x(F1, render.TotalRow, render.ColIncome), x(F1, render.TotalRow, colSpent)},
		{"表2 合计 = 表1 本年收入合计", x(F2, render.TotalRow, colSpent), x(F1, render.CurrentTotalRow, render.ColIncome)},
		{"表2 财政拨款收入 = 表1 一 + 二 + 三", x(F2, render.TotalRow, colFiscal), fiscalIncome},
		{"表2 事业收入 = 表1 五", x(F2, render.TotalRow, render.ColKey(input.RevenueBusiness.Key())), incomes[input.RevenueBusiness]},
		{"表3 合计 = 表1 本年支出合计", x(F3, render.TotalRow, colSpent), x(F1, render.CurrentTotalRow, colSpent)},
		{"表3 合计 = 各类支出", x(F3, render.TotalRow, colSpent), sum(x(F3, render.TotalRow, render.ColBasic), x(F3, render.TotalRow, render.ColProject), x(F3, render.TotalRow, colRemit), x(F3, render.TotalRow, colOperation), x(F3, render.TotalRow, colAffiliate))},
		{"表4 本年收入合计 = 表1 一 + 二 + 三", x(F4, render.CurrentTotalRow, render.ColIncome), fiscalIncome},
		{"表4 两方总计", x(F4, render.TotalRow, render.ColIncome), x(F4, render.TotalRow, colSpent)},
		{"表4 一般公共预算 = 表5 合计", x(F4, render.CurrentTotalRow, render.SourceCol(input.GeneralPublic)), x(F5, render.TotalRow, colSpent)},
		{"表5 合计 = 基本 + 项目", x(F5, render.TotalRow, colSpent), sum(x(F5, render.TotalRow, render.ColBasic), x(F5, render.TotalRow, render.ColProject))},
		{"表6 = 表5 基本支出", sum(x(F6, rowPersonnel, colLeftActual), x(F6, rowPublic, colSpent)), x(F5, render.TotalRow, render.ColBasic)},
		{"表7 决算 合计", x(F7, render.TotalRow, actualCol("total")), sum(x(F7, render.TotalRow, actualCol("outbound_travel")), x(F7, render.TotalRow, actualCol("vehicles")), x(F7, render.TotalRow, actualCol("reception")))},
		{"表7 预算 小计", x(F7, render.TotalRow, budgetCol("vehicles")), sum(x(F7, render.TotalRow, budgetCol("vehicle_purchase")), x(F7, render.TotalRow, budgetCol("vehicle_operation")))},
	} {
		if !c.a.Equal(c.b) {
			t.Errorf("%s: %s ≠ %s (or zero)", c.what, c.a, c.b)
		}
	}
	// Table 3's 类 are table 1's; table 4's 一般公共预算 类 are table 5's.
	for _, r := range t1.Rows {
		if r.Key.Role == render.RoleCode {
			if a, b := t1.Exact(r.Key, colSpent), t3.Exact(r.Key, colSpent); !a.Equal(b) {
				t.Errorf("类 %s: 表1 %s, 表3 %s", r.Key.ID, a, b)
			}
			if a, b := t4.Exact(r.Key, render.SourceCol(input.GeneralPublic)), t5.Exact(r.Key, colSpent); !a.Equal(b) {
				t.Errorf("类 %s: 表4 %s, 表5 %s", r.Key.ID, a, b)
			}
		}
	}
	// Every 类 of the template is printed in tables 1 and 4, with or
	// without money.
	for _, id := range []render.TableID{F1, F4} {
		for _, c := range templateCategories {
			if pub.Table(id).Row(render.CodeRow(c)) == nil {
				t.Errorf("%s lacks 类 %s", id, c)
			}
		}
	}
}

// The fixture is complete; each identity resting on different lines of
// the input is checked, at the place to fix.
func TestChecks(t *testing.T) {
	doc, pub := build(t, fixture(t))
	if ids := findings(doc, pub); len(ids) != 0 {
		t.Fatalf("the fixture's findings: %v", ids)
	}
	// 一般公共预算's balances given as a whole roll forward as a whole:
	// the same figures, no finding.
	doc, pub = build(t, fixture(t, `    - {code: "2010399", opening: 10.00, closing: 35.00}`, `    - {opening: 10.00, closing: 35.00}`))
	if ids := findings(doc, pub); len(ids) != 0 {
		t.Errorf("the balances as a whole: findings %v", ids)
	}
	for _, c := range []struct {
		name    string
		replace []string
		want    render.CheckID
		n       int
	}{
		{"revenue off", []string{`{code: "2010399", kind: general_public, amount: 330.12}`, `{code: "2010399", kind: general_public, amount: 331.12}`}, checkTotals, 1},
		{"revenue off, by 项", []string{`{code: "2010399", kind: general_public, amount: 330.12}`, `{code: "2010399", kind: general_public, amount: 331.12}`}, checkRollForward, 1},
		{"table 6 off", []string{`{dept: "30201", gov: "50201", amount: 150.00}`, `{dept: "30201", gov: "50201", amount: 151.00}`}, checkEconomic, 1},
		{"GP line with 经营支出", []string{`{code: "2101101", basic: 40.63}`, `{code: "2101101", basic: 40.63, operation: 1}`}, checkKinds, 1},
		{"vehicles", []string{"law_enforcement: 2", "law_enforcement: 3"}, checkVehicles, 1},
		{"a fund's balance as a whole", []string{`    - {code: "2010399", opening: 10.00, closing: 35.00}`, `    - {code: "2010399", opening: 10.00, closing: 35.00}
    - {source: government_fund, opening: 1.00, closing: 1.00}`}, checkRollForward, 1},
		{"a 项's reason against its budget", []string{"variance_reason: 年中追加了专项工作经费", "variance_reason: 压减了会议费"}, render.CheckReasonDirection, 1},
		{"reason against the figures", []string{"total_change: 年中追加专项工作经费", "total_change: 项目支出减少"}, render.CheckReasonDirection, 1},
	} {
		doc, pub := build(t, fixture(t, c.replace...))
		if ids := findings(doc, pub); ids[c.want] != c.n {
			t.Errorf("%s: findings %v, want %d %s", c.name, ids, c.n, c.want)
		}
	}
}

// What nobody gave is unknown: the 年初预算, last year's 决算, the counts.
// The text prints a mark where the figure would be, never a 0.
func TestUnknowns(t *testing.T) {
	for _, c := range []struct {
		name    string
		replace []string
		want    render.CheckID
		mark    string
	}{
		{"a 项's 年初预算", []string{`    - {code: "2010350", initial: 216.16}` + "\n", ""}, unknownBudget, "年初预算为【未填写：科目“事业运行”（2010350）一般公共预算财政拨款支出的年初预算】"},
		{"last year's 收入支出总计", []string{"  total: 1700.00\n", ""}, unknownPriorFinal, "【未填写：上年度决算的收入支出总计】"},
		{"the reception counts", []string{"reception_batches: 12, ", ""}, unknownFinal, "共接待【未填写：国内公务接待批次】"},
		{"a 项's reason", []string{", variance_reason: 年中追加了专项工作经费}", "}"}, render.ReasonMissing, "决算数大于预算数的主要原因：【未填写："},
	} {
		doc, pub := build(t, fixture(t, c.replace...))
		if ids := findings(doc, pub); ids[c.want] == 0 {
			t.Errorf("%s: findings %v, want %s", c.name, ids, c.want)
		}
		if text := printed.PartText(pub, PartExplanation); !strings.Contains(text, c.mark) {
			t.Errorf("%s: the text lacks %q:\n%s", c.name, c.mark, text)
		}
	}
	// A 项 without its 年初预算 is one 需补填: the 一般公共预算 whole it
	// leaves unknown is marked, not said again.
	doc, pub := build(t, fixture(t, `    - {code: "2010350", initial: 216.16}`+"\n", ""))
	if ids := findings(doc, pub); ids[unknownBudget] != 1 {
		t.Errorf("one 项's 年初预算 missing: findings %v, want one %s", ids, unknownBudget)
	}
	if text := printed.PartText(pub, PartExplanation); !strings.Contains(text, "一般公共预算财政拨款支出年初预算为【未填写：一般公共预算财政拨款支出的年初预算】") {
		t.Errorf("the whole's mark:\n%s", text)
	}
	// The “三公” budget unknown: table 7's 预算数 cells are marks.
	// Each item nobody gave is one 需补填 at its key; 合计 and 小计 are
	// marked without findings of their own.
	doc, pub = build(t, fixture(t, "three_public_budget: {outbound_travel: 0, reception: 3.00, vehicle_purchase: 0, vehicle_operation: 30.00}", "three_public_budget: {outbound_travel: 0}"))
	for _, key := range []string{"reception", "vehicles", "total"} {
		cell, _ := pub.Table(F7).Cell(render.TotalRow, budgetCol(key))
		if cell.Kind != render.KindText || !strings.HasPrefix(cell.Text, "【未填写：") {
			t.Errorf("表7 预算数 of %s: %+v", key, cell)
		}
	}
	var paths []string
	for _, f := range render.Check(doc, pub) {
		if f.ID == unknownBudget {
			paths = append(paths, f.Path)
		}
	}
	if strings.Join(paths, " ") != "final.three_public_budget.vehicle_purchase final.three_public_budget.vehicle_operation final.three_public_budget.reception" {
		t.Errorf("the “三公” budget's findings are at %v, want one per item not given", paths)
	}
}

// final-9-national is the same 决算 under the national set's titles: table
// 7 and table 9 titled as the national 公开表 are, every figure the same.
func TestNationalTitles(t *testing.T) {
	doc, err := input.Decode("final.yaml", []byte(fixture(t)), nil)
	if err != nil {
		t.Fatal(err)
	}
	nat, err := render.BuildWith(doc, render.Options{Layout: NationalID})
	if err != nil {
		t.Fatal(err)
	}
	_, sh := build(t, fixture(t))
	for _, tb := range sh.Tables {
		nt := nat.Table(tb.ID)
		want := tb.Title
		if n, ok := nationalTitles[tb.ID]; ok {
			want = n
		}
		if nt.Title != want {
			t.Errorf("%s: %q, want %q", tb.ID, nt.Title, want)
		}
		for i, r := range tb.Rows {
			for j, c := range r.Cells {
				if got := nt.Rows[i].Cells[j].Printed(); got != c.Printed() {
					t.Errorf("%s row %d cell %d: %q, Shanghai's %q", tb.ID, i, j, got, c.Printed())
				}
			}
		}
	}
	if nat.Table(F7).Title != "一般公共预算财政拨款“三公”经费支出决算表" {
		t.Errorf("table 7: %q", nat.Table(F7).Title)
	}
}

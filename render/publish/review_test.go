package publish

import (
	"testing"

	"github.com/budgetpub/budgetpub/render"
	"github.com/budgetpub/budgetpub/render/publish/review"
	"github.com/shopspring/decimal"
)

// TestEntryChanges: a row's 汇总 has the change on last year and its
// percentage for 收支总计, 一般公共预算, “三公”经费 and 机关运行经费, exact
// to the cent (the percentage rounded half away from zero once); a prior
// year not given, or of zero, leaves the cells blank, never 0.
func TestEntryChanges(t *testing.T) {
	d := decimal.RequireFromString
	prior := func(s string) render.Prior { return render.Prior{Value: d(s), Set: true} }
	a := Row{File: "a.yaml", Department: "甲", Year: 2025, Figures: true, Total: d("1100.10"), GeneralPublic: d("300"), ThreePublic: d("2"), OperatingCosts: d("10"),
		PriorTotal: prior("1000.05"), PriorGP: prior("300"), PriorThreePublic: prior("3"), PriorOperatingCosts: prior("0")}.entry().Row
	b := Row{File: "b.yaml", Department: "乙", Year: 2025, Figures: true, Total: d("5"), GeneralPublic: d("5")}.entry().Row
	for _, c := range []struct {
		name   string
		ga, gb review.Amount
		want   string
	}{
		{"收支总计比上年增减", a.TotalChange, b.TotalChange, "100.05"}, {"收支总计增减率（%）", a.TotalPct, b.TotalPct, "10.00"},
		{"一般公共预算比上年增减", a.GPChange, b.GPChange, "0"}, {"一般公共预算增减率（%）", a.GPPct, b.GPPct, "0"},
		{"“三公”比上年增减", a.TPChange, b.TPChange, "-1"}, {"“三公”增减率（%）", a.TPPct, b.TPPct, "-33.33"},
		{"机关运行经费比上年增减", a.OpChange, b.OpChange, "10"}, {"机关运行经费增减率（%）", a.OpPct, b.OpPct, ""},
	} {
		if c.want == "" {
			if c.ga.Set {
				t.Errorf("%s = %v, want blank (a prior year of 0)", c.name, c.ga.V)
			}
		} else if !c.ga.Set || !c.ga.V.Equal(d(c.want)) {
			t.Errorf("%s = %v, want %s", c.name, c.ga, c.want)
		}
		if c.gb.Set {
			t.Errorf("%s = %v without a prior year, want blank", c.name, c.gb.V)
		}
	}
}

// TestEntryFailedBlank: a department whose figures were never computed
// (its input failed to read) has its figures blank, not 0.00, and no runs
// when it was never started; one whose figures were computed keeps a true
// 0 as 0.
func TestEntryFailedBlank(t *testing.T) {
	bad := Row{File: "bad.yaml", Problem: "输入有 1 处错误", Errors: 1}.entry().Row
	ok := Row{File: "ok.yaml", Department: "甲", Year: 2025, Figures: true, Total: decimal.NewFromInt(5), Done: true}.entry().Row
	if bad.Total.Set || bad.Basic.Set || bad.TotalChange.Set || bad.Projects.Set || bad.GoalForms.Set || bad.Year.Set {
		t.Errorf("failed row has figures: %+v", bad)
	}
	if !bad.Errors.Set || bad.Errors.V != 1 || !bad.Warnings.Set || bad.Runs != review.Of(1) || bad.Outputs != "输入有 1 处错误" {
		t.Errorf("failed row: %+v", bad)
	}
	if !ok.Basic.Set || !ok.Basic.V.IsZero() || ok.Projects != review.Of(0) {
		t.Errorf("computed row: 基本支出 %v, 项目个数 %v, want their 0", ok.Basic, ok.Projects)
	}
	if u := (Row{File: "u.yaml", Unreached: true}).entry().Row; u.Runs.Set || u.Status != StatusUnreached {
		t.Errorf("unreached row: %+v", u)
	}
}

package rollover

import (
	"fmt"
	"sort"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
	"github.com/shopspring/decimal"
)

// BudgetAgreement compares a 决算's 年初预算 — final.budgets by 项 and
// source, final.three_public_budget by item — with the year's 预算 file:
// each must be what init --final-from would have written (InitialBudgets,
// the 预算's 财政拨款 “三公”). Each difference is an error at the 决算's
// line (or its block, for a 项 it lacks).
func BudgetAgreement(final, budget *input.Document) []render.Finding {
	type key struct {
		code string
		src  input.Source
	}
	want := map[key]decimal.Decimal{}
	for _, b := range InitialBudgets(budget) {
		want[key{b.Code.Value, b.Src}] = b.Initial.Value
	}
	var out []render.Finding
	place := func(p input.Pos) (int, int) {
		if p.Line == 0 {
			if k, ok := final.Keys["final"]; ok {
				return k.Line, k.Col
			}
			return 1, 1
		}
		return p.Line, p.Col
	}
	add := func(msg, path string, at input.Pos, left, right *render.Figure) {
		line, col := place(at)
		f := render.Finding{ID: render.CheckBudgetFile, Severity: render.SeverityError, Message: msg, File: final.File, Line: line, Column: col, Path: path, Left: left, Right: right}
		if left != nil && right != nil {
			d := left.Value.Sub(right.Value)
			f.Diff = &d
		}
		out = append(out, f)
	}
	fig := func(name string, d decimal.Decimal) *render.Figure {
		return &render.Figure{Name: name, Value: render.Round(d)}
	}
	seen := map[key]bool{}
	for _, b := range final.Final.Budgets {
		k := key{b.Code.Value, b.Src}
		seen[k] = true
		w, ok := want[k]
		what := fmt.Sprintf("科目 %s（%s）%s", k.code, final.Name(k.code), k.src.Title())
		switch {
		case !ok:
			add(what+"的年初预算在预算文件 "+budget.File+" 中没有：请核对科目和资金来源，或删去这一行", "final.budgets", b.Pos, nil, nil)
		case !b.Initial.Set:
		case !render.Round(b.Initial.Value).Equal(render.Round(w)):
			add(what+"的年初预算与预算文件 "+budget.File+" 不同：请按预算文件改正（或用 init --final-from 重新生成）", "final.budgets", b.Initial.Pos,
				fig("决算文件的年初预算", b.Initial.Value), fig("预算文件的预算数", w))
		}
	}
	var missing []key
	for k, w := range want {
		if !seen[k] && !render.Round(w).IsZero() {
			missing = append(missing, k)
		}
	}
	sort.Slice(missing, func(i, j int) bool {
		if missing[i].code != missing[j].code {
			return missing[i].code < missing[j].code
		}
		return missing[i].src < missing[j].src
	})
	for _, k := range missing {
		add(fmt.Sprintf("预算文件 %s 中科目 %s（%s）%s的预算数 %s 在决算文件的 final.budgets 中没有：请补上这一行", budget.File, k.code, budget.Name(k.code), k.src.Title(), render.FormatAmount(want[k])),
			"final.budgets", input.Pos{}, nil, nil)
	}
	tp, bud := budget.ThreePublic, final.Final.ThreePublicBudget
	for _, it := range []struct {
		name string
		got  input.Amount
		want decimal.Decimal
		key  string
	}{
		{"因公出国（境）费", bud.OutboundTravel, tp.OutboundTravel.Fiscal(), "outbound_travel"},
		{"公务接待费", bud.Reception, tp.Reception.Fiscal(), "reception"},
		{"公务用车购置费", bud.VehiclePurchase, tp.VehiclePurchase.Fiscal(), "vehicle_purchase"},
		{"公务用车运行费", bud.VehicleOperation, tp.VehicleOperation.Fiscal(), "vehicle_operation"},
	} {
		if it.got.Set && !render.Round(it.got.Value).Equal(render.Round(it.want)) {
			add("“三公”经费"+it.name+"的年初预算与预算文件 "+budget.File+" 不同：请按预算文件改正", "final.three_public_budget."+it.key, it.got.Pos,
				fig("决算文件的年初预算", it.got.Value), fig("预算文件的财政拨款预算数", it.want))
		}
	}
	return out
}

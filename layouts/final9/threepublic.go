package final9

import (
	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
	"github.com/shopspring/decimal"
)

// The items of table 7, in its column order, each with a 预算数 and a 决算数
// column.
var threePublicItems = []struct {
	key, title string
}{
	{"total", "合计"}, {"outbound_travel", "因公出国（境）费"}, {"vehicles", "小计"},
	{"vehicle_purchase", "公务用车购置费"}, {"vehicle_operation", "公务用车运行维护费"}, {"reception", "公务接待费"},
}

// budgetCol and actualCol are an item's columns.
func budgetCol(item string) render.ColKey { return render.ColKey(item + "_budget") }
func actualCol(item string) render.ColKey { return render.ColKey(item + "_actual") }

// threePublicDecl declares table 7, 财政拨款“三公”经费支出决算表: one row of
// 预算数 and 决算数 of each item.
func threePublicDecl() *render.TableDecl {
	var cols []render.Column
	head := []render.HeaderCell{
		hc(0, 0, 1, 12, "财政拨款“三公”经费"),
		hc(1, 0, 2, 2, "合计"), hc(1, 2, 2, 2, "因公出国（境）费"), hc(1, 4, 1, 6, "公务用车购置及运行维护费"), hc(1, 10, 2, 2, "公务接待费"),
		hc(2, 4, 1, 2, "小计"), hc(2, 6, 1, 2, "公务用车购置费"), hc(2, 8, 1, 2, "公务用车运行维护费"),
	}
	for i, it := range threePublicItems {
		cols = append(cols, col(budgetCol(it.key), render.KindAmount), col(actualCol(it.key), render.KindAmount))
		head = append(head, hc(3, 2*i, 1, 1, "预算数"), hc(3, 2*i+1, 1, 1, "决算数"))
	}
	return decl(F7, 7, "财政拨款“三公”经费支出决算表", cols, 4, head, table7)
}

// table7's one row: the year's “三公” 预算 (final.three_public_budget) and
// 决算 (three_public, 财政拨款) by item; a 预算 nobody gave is a mark.
func table7(b *render.Builder, t *render.Table) {
	tp, bud := b.Doc.ThreePublic, b.Doc.Final.ThreePublicBudget
	actual := map[string]decimal.Decimal{
		"outbound_travel": tp.OutboundTravel.Fiscal(), "reception": tp.Reception.Fiscal(),
		"vehicle_purchase": tp.VehiclePurchase.Fiscal(), "vehicle_operation": tp.VehicleOperation.Fiscal(),
	}
	budget := map[string]input.Amount{"outbound_travel": bud.OutboundTravel, "reception": bud.Reception,
		"vehicle_purchase": bud.VehiclePurchase, "vehicle_operation": bud.VehicleOperation}
	var tl render.TailCheck
	actual["vehicles"] = actual["vehicle_purchase"].Add(actual["vehicle_operation"])
	actual["total"] = actual["outbound_travel"].Add(actual["vehicles"]).Add(actual["reception"])
	tl.Check(actual["vehicles"], actual["vehicle_purchase"], actual["vehicle_operation"])
	tl.Check(actual["total"], actual["outbound_travel"], actual["vehicles"], actual["reception"])
	known := true
	for _, a := range budget {
		known = known && a.Set
	}
	planned := map[string]decimal.Decimal{}
	for k, a := range budget {
		planned[k] = a.Value
	}
	planned["vehicles"] = planned["vehicle_purchase"].Add(planned["vehicle_operation"])
	planned["total"] = planned["outbound_travel"].Add(planned["vehicles"]).Add(planned["reception"])
	var cells []render.Cell
	for _, it := range threePublicItems {
		var b1 render.Cell
		what := "“三公”经费的年初预算（" + it.title + "）"
		switch a, given := budget[it.key]; {
		case given && a.Set, !given && known:
			b1 = render.Money(planned[it.key])
		case given:
			// An item nobody gave: its own 需补填, at its key.
			at := a.Pos
			if at.Line == 0 {
				at = b.KeyPos("final")
			}
			b1 = render.Str(b.Unknown(unknownBudget, what, "final.three_public_budget."+it.key, at))
		default:
			// 合计 and 小计 are unknown because an item is: marked, the
			// items' findings saying what to fill in.
			b1 = render.Str(render.Mark(what))
		}
		cells = append(cells, b1, render.Money(actual[it.key]))
	}
	if known {
		tl.Check(planned["vehicles"], planned["vehicle_purchase"], planned["vehicle_operation"])
		tl.Check(planned["total"], planned["outbound_travel"], planned["vehicles"], planned["reception"])
	}
	t.Rows = []render.Row{{Kind: render.RowTotal, Key: render.TotalRow, Cells: cells}}
	t.Notes = append(t.Notes, "注：本表反映部门本年度“三公”经费支出预决算情况。")
	if render.Round(actual["total"]).IsZero() && (!known || render.Round(planned["total"]).IsZero()) {
		t.Notes = append(t.Notes, "说明："+b.Doc.Department.Name.Value+"本年度没有财政拨款“三公”经费支出，故本表无数据。")
	}
	tl.Finish(t, false)
}

package shanxi13

import (
	"strings"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
	"github.com/shopspring/decimal"
)

// split is an amount by source in the table's amount columns: 合计 (every
// source the table shows), then one column per source.
func split(t *render.Table, b input.BySource) []decimal.Decimal {
	var out []decimal.Decimal
	for _, c := range t.Columns {
		if c.Kind != render.KindAmount || c.Key == render.ColTotal {
			continue
		}
		if s, ok := input.ParseSource(string(c.Key)); ok {
			out = append(out, b.Get(s))
		}
	}
	return append([]decimal.Decimal{render.Sum(out...)}, out...)
}

func addAll(dst, src []decimal.Decimal) []decimal.Decimal {
	if dst == nil {
		dst = make([]decimal.Decimal, len(src))
	}
	for i := range src {
		dst[i] = dst[i].Add(src[i])
	}
	return dst
}

// table10 is 财政拨款安排“三公”经费支出预算表. Its 公务用车购置及运行费 and 合计
// rows are sums, so they cannot disagree with their items.
func table10(b *render.Builder, t *render.Table) {
	tp := b.Doc.ThreePublic
	travel, reception := split(t, tp.OutboundTravel), split(t, tp.Reception)
	purchase, operation := split(t, tp.VehiclePurchase), split(t, tp.VehicleOperation)
	vehicles := addAll(addAll(nil, purchase), operation)
	total := addAll(addAll(addAll(nil, travel), reception), vehicles)
	var tl render.TailCheck
	for i := range total {
		tl.Check(vehicles[i], purchase[i], operation[i])
		tl.Check(total[i], travel[i], reception[i], vehicles[i])
	}
	for _, r := range [][]decimal.Decimal{travel, reception, purchase, operation, vehicles, total} {
		tl.Check(r[0], r[1:]...)
	}
	t.Rows = []render.Row{
		render.AmountRow(render.RowItem, 1, render.ItemRow(render.ItemOutboundTravel), []render.Cell{render.Str("因公出国（境）费")}, travel),
		render.AmountRow(render.RowItem, 1, render.ItemRow(render.ItemReception), []render.Cell{render.Str("公务接待费")}, reception),
		render.AmountRow(render.RowSubtotal, 1, render.ItemRow(render.ItemVehicles), []render.Cell{render.Str("公务用车购置及运行费")}, vehicles),
		render.AmountRow(render.RowItem, 2, render.ItemRow(render.ItemVehiclePurchase), []render.Cell{render.Str("①公务用车购置费")}, purchase),
		render.AmountRow(render.RowItem, 2, render.ItemRow(render.ItemVehicleOperation), []render.Cell{render.Str("②公务用车运行维护费")}, operation),
		render.AmountRow(render.RowTotal, 0, render.TotalRow, []render.Cell{render.Str("合计")}, total),
	}
	tl.Finish(t, false)
}

// table11 is 财政拨款安排机关运行经费预算表: one row per administrative unit,
// in the order of units.
func table11(b *render.Builder, t *render.Table) {
	var tl render.TailCheck
	total := render.NewColSum(len(t.Columns) - 1)
	var rows []render.Row
	for _, u := range b.Doc.Units {
		for _, oc := range b.Doc.OperCosts {
			if oc.Unit.Value != u.Name.Value {
				continue
			}
			a := split(t, oc.Amount)
			tl.Check(a[0], a[1:]...)
			total.Add(a)
			rows = append(rows, render.AmountRow(render.RowItem, 1, render.UnitRow(u.Name.Value), []render.Cell{render.Str(u.Name.Value)}, a))
		}
	}
	total.Check(&tl)
	t.Rows = append([]render.Row{render.AmountRow(render.RowTotal, 0, render.TotalRow, []render.Cell{render.Str("部门合计")}, total.Sums)}, rows...)
	tl.Finish(t, len(rows) == 0)
}

// projectTable fills tables 12 and 13: the department's total, then each
// unit's subtotal followed by its projects in input order.
func projectTable(b *render.Builder, t *render.Table, carryover bool) {
	var tl render.TailCheck
	width := len(t.Columns) - 1
	total := render.NewColSum(width)
	var body []render.Row
	count := 0
	for _, u := range b.Doc.Units {
		sub := render.NewColSum(width)
		var items []render.Row
		for _, p := range b.Doc.Projects {
			if p.Carryover != carryover || p.Unit.Value != u.Name.Value {
				continue
			}
			a := split(t, p.Amounts)
			tl.Check(a[0], a[1:]...)
			sub.Add(a)
			items = append(items, render.AmountRow(render.RowItem, 2, render.ProjectRow(u.Name.Value, p.Name.Value), []render.Cell{render.Str(p.Name.Value)}, a))
		}
		if len(items) == 0 {
			continue
		}
		count += len(items)
		sub.Check(&tl)
		total.Add(sub.Sums)
		body = append(body, render.AmountRow(render.RowSubtotal, 1, render.UnitRow(u.Name.Value), []render.Cell{render.Str(u.Name.Value)}, sub.Sums))
		body = append(body, items...)
	}
	total.Check(&tl)
	label := deptRowLabel(b.Doc)
	if count == 0 {
		label = "合计"
	}
	t.Rows = append([]render.Row{render.AmountRow(render.RowTotal, 0, render.TotalRow, []render.Cell{render.Str(label)}, total.Sums)}, body...)
	tl.Finish(t, count == 0)
}

// deptRowLabel is the department's row of 表12 and 表13: its name, marked
// [部门] as the published tables mark it when a unit (the 机关) bears the
// same name, so that the two rows are told apart.
func deptRowLabel(doc *input.Document) string {
	name := doc.Department.Name.Value
	if strings.HasSuffix(name, "[部门]") || strings.HasSuffix(name, "（部门）") {
		return name
	}
	for _, u := range doc.Units {
		if strings.TrimSpace(u.Name.Value) == strings.TrimSpace(name) {
			return name + "[部门]"
		}
	}
	return name
}

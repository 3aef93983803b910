package render

import (
	"strings"

	"github.com/budgetpub/budgetpub/input"
	"github.com/shopspring/decimal"
)

// split is an amount by source in the table's amount columns: 合计 (every
// source the table shows), then one column per source.
func split(t *Table, b input.BySource) []decimal.Decimal {
	var out []decimal.Decimal
	for _, c := range t.Columns {
		if c.Kind != KindAmount || c.Key == ColTotal {
			continue
		}
		if s, ok := input.ParseSource(string(c.Key)); ok {
			out = append(out, b.Get(s))
		}
	}
	return append([]decimal.Decimal{sum(out...)}, out...)
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
func (b *builder) table10(t *Table) {
	tp := b.doc.ThreePublic
	travel, reception := split(t, tp.OutboundTravel), split(t, tp.Reception)
	purchase, operation := split(t, tp.VehiclePurchase), split(t, tp.VehicleOperation)
	vehicles := addAll(addAll(nil, purchase), operation)
	total := addAll(addAll(addAll(nil, travel), reception), vehicles)
	var tl tally
	for i := range total {
		tl.check(vehicles[i], purchase[i], operation[i])
		tl.check(total[i], travel[i], reception[i], vehicles[i])
	}
	for _, r := range [][]decimal.Decimal{travel, reception, purchase, operation, vehicles, total} {
		tl.check(r[0], r[1:]...)
	}
	t.Rows = []Row{
		amountRow(RowItem, 1, ItemRow(ItemOutboundTravel), []Cell{Str("因公出国（境）费")}, travel),
		amountRow(RowItem, 1, ItemRow(ItemReception), []Cell{Str("公务接待费")}, reception),
		amountRow(RowSubtotal, 1, ItemRow(ItemVehicles), []Cell{Str("公务用车购置及运行费")}, vehicles),
		amountRow(RowItem, 2, ItemRow(ItemVehiclePurchase), []Cell{Str("①公务用车购置费")}, purchase),
		amountRow(RowItem, 2, ItemRow(ItemVehicleOperation), []Cell{Str("②公务用车运行维护费")}, operation),
		amountRow(RowTotal, 0, TotalRow, []Cell{Str("合计")}, total),
	}
	tl.finish(t, false)
}

// table11 is 财政拨款安排机关运行经费预算表: one row per administrative unit,
// in the order of units.
func (b *builder) table11(t *Table) {
	var tl tally
	total := newColSum(len(t.Columns) - 1)
	var rows []Row
	for _, u := range b.doc.Units {
		for _, oc := range b.doc.OperCosts {
			if oc.Unit.Value != u.Name.Value {
				continue
			}
			a := split(t, oc.Amount)
			tl.check(a[0], a[1:]...)
			total.add(a)
			rows = append(rows, amountRow(RowItem, 1, UnitRow(u.Name.Value), []Cell{Str(u.Name.Value)}, a))
		}
	}
	total.check(&tl)
	t.Rows = append([]Row{amountRow(RowTotal, 0, TotalRow, []Cell{Str("部门合计")}, total.sums)}, rows...)
	tl.finish(t, len(rows) == 0)
}

// projectTable fills tables 12 and 13: the department's total, then each
// unit's subtotal followed by its projects in input order.
func (b *builder) projectTable(t *Table, carryover bool) {
	var tl tally
	width := len(t.Columns) - 1
	total := newColSum(width)
	var body []Row
	count := 0
	for _, u := range b.doc.Units {
		sub := newColSum(width)
		var items []Row
		for _, p := range b.doc.Projects {
			if p.Carryover != carryover || p.Unit.Value != u.Name.Value {
				continue
			}
			a := split(t, p.Amounts)
			tl.check(a[0], a[1:]...)
			sub.add(a)
			items = append(items, amountRow(RowItem, 2, ProjectRow(u.Name.Value, p.Name.Value), []Cell{Str(p.Name.Value)}, a))
		}
		if len(items) == 0 {
			continue
		}
		count += len(items)
		sub.check(&tl)
		total.add(sub.sums)
		body = append(body, amountRow(RowSubtotal, 1, UnitRow(u.Name.Value), []Cell{Str(u.Name.Value)}, sub.sums))
		body = append(body, items...)
	}
	total.check(&tl)
	label := deptRowLabel(b.doc)
	if count == 0 {
		label = "合计"
	}
	t.Rows = append([]Row{amountRow(RowTotal, 0, TotalRow, []Cell{Str(label)}, total.sums)}, body...)
	tl.finish(t, count == 0)
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

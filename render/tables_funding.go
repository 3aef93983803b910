package render

import (
	"strconv"

	"github.com/budgetpub/budgetpub/input"
	"github.com/shopspring/decimal"
)

// fiscalSplit is an amount's 合计 followed by its three 财政拨款 sources.
func fiscalSplit(b input.BySource) []decimal.Decimal {
	return []decimal.Decimal{b.Fiscal(), b.Get(input.GeneralPublic), b.Get(input.GovernmentFund), b.Get(input.StateCapital)}
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

func fiscalHeader(first, yearText string) (int, []HeaderCell) {
	return 2, []HeaderCell{
		hc(0, 0, 2, 1, first), hc(0, 1, 1, 4, yearText),
		hc(1, 1, 1, 1, "合计"), hc(1, 2, 1, 1, "一般公共预算"), hc(1, 3, 1, 1, "政府性基金预算"), hc(1, 4, 1, 1, "国有资本经营预算"),
	}
}

// table10 is 财政拨款安排“三公”经费支出预算表. Its 公务用车购置及运行费 and 合计
// rows are sums, so they cannot disagree with their items.
func (b *builder) table10() *Table {
	t := b.newTable(10, "财政拨款安排“三公”经费支出预算表", false)
	t.Columns = columns(KindText, KindAmount, KindAmount, KindAmount, KindAmount)
	t.HeaderRows, t.Header = fiscalHeader("项目", b.year()+"预算数")
	tp := b.doc.ThreePublic
	travel, reception := fiscalSplit(tp.OutboundTravel), fiscalSplit(tp.Reception)
	purchase, operation := fiscalSplit(tp.VehiclePurchase), fiscalSplit(tp.VehicleOperation)
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
		amountRow(RowItem, 1, []Cell{Str("因公出国（境）费")}, travel),
		amountRow(RowItem, 1, []Cell{Str("公务接待费")}, reception),
		amountRow(RowSubtotal, 1, []Cell{Str("公务用车购置及运行费")}, vehicles),
		amountRow(RowItem, 2, []Cell{Str("①公务用车购置费")}, purchase),
		amountRow(RowItem, 2, []Cell{Str("②公务用车运行维护费")}, operation),
		amountRow(RowTotal, 0, []Cell{Str("合计")}, total),
	}
	tl.finish(t, false)
	return t
}

// table11 is 财政拨款安排机关运行经费预算表: one row per administrative unit,
// in the order of units.
func (b *builder) table11() *Table {
	t := b.newTable(11, "财政拨款安排机关运行经费预算表", false)
	t.Columns = columns(KindText, KindAmount, KindAmount, KindAmount, KindAmount)
	t.HeaderRows, t.Header = fiscalHeader("单位名称", yearDigits(b.doc.Year)+"预算数")
	var tl tally
	total := newColSum(4)
	var rows []Row
	for _, u := range b.doc.Units {
		for _, oc := range b.doc.OperCosts {
			if oc.Unit.Value != u.Name.Value {
				continue
			}
			a := fiscalSplit(oc.Amount)
			tl.check(a[0], a[1:]...)
			total.add(a)
			rows = append(rows, amountRow(RowItem, 1, []Cell{Str(u.Name.Value)}, a))
		}
	}
	total.check(&tl)
	t.Rows = append([]Row{amountRow(RowTotal, 0, []Cell{Str("部门合计")}, total.sums)}, rows...)
	tl.finish(t, len(rows) == 0)
	return t
}

// yearDigits is the year without 年, as table 11's header prints it (2024预算数).
func yearDigits(y int) string { return strconv.Itoa(y) }

// projectTable is the layout of tables 12 and 13: the department's total, then
// each unit's subtotal followed by its projects in input order.
func (b *builder) projectTable(n int, title string, carryover bool) *Table {
	full := !carryover // table 12 has the non-fiscal columns too
	t := b.newTable(n, title, full)
	kinds := []CellKind{KindText, KindAmount, KindAmount, KindAmount, KindAmount}
	if full {
		kinds = append(kinds, KindAmount, KindAmount)
	}
	t.Columns = columns(kinds...)
	t.HeaderRows = 3
	t.Header = []HeaderCell{
		hc(0, 0, 2, 1, "项目名称"), hc(0, 1, 2, 1, "合计"), hc(0, 2, 1, 3, b.year()+"财政拨款"),
		hc(1, 2, 1, 1, "一般公共预算"), hc(1, 3, 1, 1, "政府性基金预算"), hc(1, 4, 1, 1, "国有资本经营预算"),
	}
	if full {
		t.Header = append(t.Header, hc(0, 5, 2, 1, "财政专户管理资金"), hc(0, 6, 2, 1, "单位资金"))
	}
	for i := range kinds {
		t.Header = append(t.Header, hc(2, i, 1, 1, strconv.Itoa(i+1)))
	}
	split := func(a input.BySource) []decimal.Decimal {
		v := []decimal.Decimal{a.Total(), a.Get(input.GeneralPublic), a.Get(input.GovernmentFund), a.Get(input.StateCapital)}
		if full {
			v = append(v, a.Get(input.SpecialAccount), a.Get(input.UnitFunds))
		} else {
			v[0] = a.Fiscal()
		}
		return v
	}
	var tl tally
	total := newColSum(len(kinds) - 1)
	var body []Row
	count := 0
	for _, u := range b.doc.Units {
		sub := newColSum(len(kinds) - 1)
		var items []Row
		for _, p := range b.doc.Projects {
			if p.Carryover != carryover || p.Unit.Value != u.Name.Value {
				continue
			}
			a := split(p.Amounts)
			tl.check(a[0], a[1:]...)
			sub.add(a)
			items = append(items, amountRow(RowItem, 2, []Cell{Str(p.Name.Value)}, a))
		}
		if len(items) == 0 {
			continue
		}
		count += len(items)
		sub.check(&tl)
		total.add(sub.sums)
		body = append(body, amountRow(RowSubtotal, 1, []Cell{Str(u.Name.Value)}, sub.sums))
		body = append(body, items...)
	}
	total.check(&tl)
	label := b.doc.Department.Name.Value
	if count == 0 {
		label = "合计"
	}
	t.Rows = append([]Row{amountRow(RowTotal, 0, []Cell{Str(label)}, total.sums)}, body...)
	tl.finish(t, count == 0)
	return t
}

// table12 is 项目支出预算表（本年预算）.
func (b *builder) table12() *Table {
	return b.projectTable(12, "项目支出预算表（本年预算）", false)
}

// table13 is 项目支出预算表（上年结转）.
func (b *builder) table13() *Table {
	return b.projectTable(13, "项目支出预算表（上年结转）", true)
}

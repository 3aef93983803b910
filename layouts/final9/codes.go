package final9

import (
	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
	"github.com/shopspring/decimal"
)

// leaves sums amounts by 项: add is called with a code and the amounts to
// add to its leaf.
type leaves struct {
	width int
	by    map[string][]decimal.Decimal
}

func newLeaves(width int) *leaves { return &leaves{width: width, by: map[string][]decimal.Decimal{}} }

func (ls *leaves) add(code string, amounts ...decimal.Decimal) {
	v := ls.by[code]
	if v == nil {
		v = make([]decimal.Decimal, ls.width)
		ls.by[code] = v
	}
	for i, a := range amounts {
		v[i] = v[i].Add(a)
	}
}

// list are the leaves with money as printed, for Builder.Tree.
func (ls *leaves) list() []render.CodeAmounts {
	out := make([]render.CodeAmounts, 0, len(ls.by))
	for c, v := range ls.by {
		if !render.Round(render.Sum(absAll(v)...)).IsZero() {
			out = append(out, render.CodeAmounts{Code: c, Amounts: v})
		}
	}
	return out
}

func absAll(v []decimal.Decimal) []decimal.Decimal {
	out := make([]decimal.Decimal, len(v))
	for i, d := range v {
		out[i] = d.Abs()
	}
	return out
}

// rowTotals checks each leaf's first amount, its 合计, against the others
// from the given column on.
func rowTotals(ls []render.CodeAmounts, from int, tl *render.TailCheck) {
	for _, l := range ls {
		tl.Check(l.Amounts[0], l.Amounts[from:]...)
	}
}

// table2 is 收入决算表: the year's income by 项 (of where it was spent)
// and kind, 合计 first.
func table2(b *render.Builder, t *render.Table) {
	ls := newLeaves(2 + int(input.NumRevenueKinds-input.RevenueSuperior))
	for _, r := range b.Doc.Final.Revenue {
		k, ok := kindOf(r)
		if !ok {
			continue
		}
		a := make([]decimal.Decimal, ls.width)
		a[0] = r.Amount.Value
		if k.Fiscal() {
			a[1] = r.Amount.Value
		} else {
			a[2+int(k-input.RevenueSuperior)] = r.Amount.Value
		}
		ls.add(r.Code.Value, a...)
	}
	var tl render.TailCheck
	list := ls.list()
	rowTotals(list, 1, &tl)
	t.Rows = b.Tree(list, ls.width, &tl)
	t.Notes = append(t.Notes, "注：本表反映部门本年度取得的各项收入情况。")
	tl.Finish(t, false)
}

// table3 is 支出决算表: every line's spending by 项 and kind, 合计 first.
func table3(b *render.Builder, t *render.Table) {
	ls := newLeaves(6)
	for _, l := range b.Lines {
		ls.add(l.Code, l.Spent(), l.Basic, l.Project, l.Remit, l.Operation, l.AffiliateSubsidy)
	}
	var tl render.TailCheck
	list := ls.list()
	rowTotals(list, 1, &tl)
	t.Rows = b.Tree(list, 6, &tl)
	t.Notes = append(t.Notes, "注：本表反映部门本年度各项支出情况。")
	tl.Finish(t, false)
}

// table5 is 一般公共预算财政拨款支出决算表: the 一般公共预算 lines by 项,
// 基本 and 项目, 合计 last.
func table5(b *render.Builder, t *render.Table) {
	ls := newLeaves(3)
	for _, l := range b.Lines {
		if l.Source == input.GeneralPublic {
			ls.add(l.Code, l.Basic.Add(l.Project), l.Basic, l.Project)
		}
	}
	var tl render.TailCheck
	list := ls.list()
	rowTotals(list, 1, &tl)
	rows := b.Tree(list, 3, &tl)
	t.Rows = append(rows[1:], rows[0])
	t.Notes = append(t.Notes, "注：本表反映部门本年度一般公共预算财政拨款支出情况。")
	tl.Finish(t, false)
}

// fundTable is table 8 or 9: a fund's 财政拨款 by 项 — at the start of the
// year, received, spent (基本, 项目) and at its end; an empty one keeps its
// ruled block and says why it has no data.
func fundTable(src input.Source, kind input.RevenueKind) func(*render.Builder, *render.Table) {
	return func(b *render.Builder, t *render.Table) {
		ls := newLeaves(6)
		for _, bl := range b.Doc.Final.Balances {
			if bl.Src == src && bl.Code.Value != "" {
				ls.add(bl.Code.Value, bl.Opening.Value, decimal.Zero, decimal.Zero, decimal.Zero, decimal.Zero, bl.Closing.Value)
			}
		}
		for _, r := range b.Doc.Final.Revenue {
			if k, ok := kindOf(r); ok && k == kind {
				ls.add(r.Code.Value, decimal.Zero, r.Amount.Value)
			}
		}
		for _, l := range b.Lines {
			if l.Source == src {
				ls.add(l.Code, decimal.Zero, decimal.Zero, l.Basic.Add(l.Project), l.Basic, l.Project)
			}
		}
		var tl render.TailCheck
		list := ls.list()
		for _, l := range list {
			tl.Check(l.Amounts[2], l.Amounts[3], l.Amounts[4])
		}
		t.Rows = b.Tree(list, 6, &tl)
		what := "政府性基金预算"
		if src == input.StateCapital {
			what = "国有资本经营预算"
		}
		t.Notes = append(t.Notes, "注：本表反映部门本年度"+what+"财政拨款收入支出及结转和结余情况。")
		if len(list) == 0 {
			// An empty table keeps its format: ruled rows and the 合计.
			t.PadTo(t.HeaderRows + 8 + 1)
			t.Notes = append(t.Notes, "说明："+b.Doc.Department.Name.Value+"本年度没有"+what+"财政拨款收入和支出，故本表无数据。")
		}
		tl.Finish(t, false)
	}
}

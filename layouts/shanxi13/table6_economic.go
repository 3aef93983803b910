package shanxi13

import (
	"sort"

	"github.com/budgetpub/budgetpub/render"
	"github.com/shopspring/decimal"
)

// PersonnelClasses are the 部门经济分类 类 whose amounts are 人员经费:
// 301 工资福利支出 and 303 对个人和家庭的补助. Every other 类 is 公用经费.
var PersonnelClasses = map[string]bool{"301": true, "303": true}

// table6 is 一般公共预算安排基本支出分经济科目表: one row per 部门经济分类 款 ×
// 政府经济分类 款, under a subtotal per 部门经济分类 类.
func table6(b *render.Builder, t *render.Table) {
	type pair struct {
		dept, gov string
		amount    decimal.Decimal
	}
	merged := map[[2]string]*pair{}
	var pairs []*pair
	for _, l := range b.Doc.BasicByEcon {
		k := [2]string{l.Dept.Value, l.Gov.Value}
		p := merged[k]
		if p == nil {
			p = &pair{dept: k[0], gov: k[1]}
			merged[k] = p
			pairs = append(pairs, p)
		}
		p.amount = p.amount.Add(l.Amount.Value)
	}
	sort.Slice(pairs, func(i, j int) bool {
		if pairs[i].dept != pairs[j].dept {
			return pairs[i].dept < pairs[j].dept
		}
		return pairs[i].gov < pairs[j].gov
	})
	var tl render.TailCheck
	split := func(class string, a decimal.Decimal) []decimal.Decimal {
		if PersonnelClasses[class] {
			return []decimal.Decimal{a, a, decimal.Zero}
		}
		return []decimal.Decimal{a, decimal.Zero, a}
	}
	var body []render.Row
	total := render.NewColSum(3)
	for i := 0; i < len(pairs); {
		class := pairs[i].dept[:3]
		j := i
		sub := make([]decimal.Decimal, 3)
		var items []render.Row
		var parts []decimal.Decimal
		for ; j < len(pairs) && pairs[j].dept[:3] == class; j++ {
			p := pairs[j]
			a := split(class, p.amount)
			for k := range sub {
				sub[k] = sub[k].Add(a[k])
			}
			parts = append(parts, p.amount)
			items = append(items, render.AmountRow(render.RowItem, 2, render.EconRow(p.dept, p.gov), []render.Cell{render.Str(b.Doc.Name(p.dept)), render.Str(b.Doc.Name(p.gov))}, a))
		}
		tl.Check(sub[0], parts...)
		total.Add(sub)
		body = append(body, render.AmountRow(render.RowSubtotal, 1, render.CodeRow(class), []render.Cell{render.Str(b.Doc.Name(class)), render.Str("")}, sub))
		body = append(body, items...)
		i = j
	}
	total.Check(&tl)
	tl.Check(total.Sums[0], total.Sums[1], total.Sums[2])
	t.Rows = append([]render.Row{render.AmountRow(render.RowTotal, 0, render.TotalRow, []render.Cell{render.Str("合计"), render.Str("")}, total.Sums)}, body...)
	tl.Finish(t, len(pairs) == 0)
}

package final9

import (
	"sort"

	"github.com/budgetpub/budgetpub/render"
	"github.com/shopspring/decimal"
)

// The economic codes table 6 prints every year, with or without money: 人员
// 经费 (301, 303) on the left, 公用经费 (302, 310) on the right, each 类
// followed by its 款, as the national set lists them.
var (
	personnelCodes = []string{"301", "30101", "30102", "30103", "30106", "30107", "30108", "30109", "30110", "30111",
		"30112", "30113", "30114", "30199", "303", "30301", "30302", "30303", "30304", "30305", "30306", "30307",
		"30308", "30309", "30310", "30311", "30399"}
	publicCodes = []string{"302", "30201", "30202", "30203", "30204", "30205", "30206", "30207", "30208", "30209",
		"30211", "30212", "30213", "30214", "30215", "30216", "30217", "30218", "30224", "30225", "30226", "30227",
		"30228", "30229", "30231", "30239", "30240", "30299", "310", "31001", "31002", "31003", "31007", "31013",
		"31019", "31021", "31022", "31099"}
)

// personnelClass tells the 类 of 人员经费: 301 工资福利支出, 303 对个人和家庭的补助.
func personnelClass(code string) bool { return code[:3] == "301" || code[:3] == "303" }

// sideCodes are one side's codes: the fixed list, with a code of money it
// lacks put in code order within its 类.
func sideCodes(fixed []string, money map[string]bool, personnel bool) []string {
	seen := map[string]bool{}
	for _, c := range fixed {
		seen[c] = true
	}
	out := append([]string{}, fixed...)
	var extra []string
	for c := range money {
		if !seen[c] && personnelClass(c) == personnel {
			extra = append(extra, c, c[:3])
		}
	}
	for _, c := range extra {
		if !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// table6 is 一般公共预算财政拨款基本支出决算表: basic_by_economic by 部门预算
// 经济分类, 人员经费 beside 公用经费, each 类 the sum of its 款; the last row
// 人员经费合计 | 公用经费合计.
func table6(b *render.Builder, t *render.Table) {
	byCode := map[string]decimal.Decimal{}
	money := map[string]bool{}
	for _, l := range b.Doc.BasicByEcon {
		c := l.Dept.Value
		if len(c) != 5 {
			continue
		}
		byCode[c] = byCode[c].Add(l.Amount.Value)
		byCode[c[:3]] = byCode[c[:3]].Add(l.Amount.Value)
		money[c] = true
	}
	var tl render.TailCheck
	side := func(codes []string) (cells [][]render.Cell, keys []render.RowKey, total decimal.Decimal) {
		var classes []decimal.Decimal
		for _, c := range codes {
			if len(c) == 3 {
				classes = append(classes, byCode[c])
				var parts []decimal.Decimal
				for k, v := range byCode {
					if len(k) == 5 && k[:3] == c {
						parts = append(parts, v)
					}
				}
				tl.Check(byCode[c], parts...)
			}
			cells = append(cells, []render.Cell{render.CodeCell(c), render.Str(b.Doc.Name(c)), render.Money(byCode[c])})
			keys = append(keys, render.CodeRow(c))
		}
		total = render.Sum(classes...)
		tl.Check(total, classes...)
		return cells, keys, total
	}
	lc, lk, personnel := side(sideCodes(personnelCodes, money, true))
	rc, rk, public := side(sideCodes(publicCodes, money, false))
	for i := range max(len(lc), len(rc)) {
		row := render.Row{Kind: render.RowItem, Level: 1}
		if i < len(lc) {
			row.LeftKey, row.Cells = lk[i], append(row.Cells, lc[i]...)
		} else {
			row.Cells = append(row.Cells, t.BlankHalf(render.SideLeft)...)
		}
		if i < len(rc) {
			row.Key, row.Cells = rk[i], append(row.Cells, rc[i]...)
		} else {
			row.Cells = append(row.Cells, t.BlankHalf(render.SideMain)...)
		}
		if i < len(lc) && len(lk[i].ID) == 3 || i < len(rc) && len(rk[i].ID) == 3 {
			row.Kind = render.RowSubtotal
		}
		t.Rows = append(t.Rows, row)
	}
	t.Rows = append(t.Rows, render.Row{Kind: render.RowTotal, LeftKey: rowPersonnel, Key: rowPublic,
		Cells: []render.Cell{render.Str("人员经费合计"), render.Str(""), render.Money(personnel), render.Str("公用经费合计"), render.Str(""), render.Money(public)}})
	t.Notes = append(t.Notes, "注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。")
	tl.Finish(t, false)
}

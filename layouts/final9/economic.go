package final9

import (
	"sort"
	"strings"

	"github.com/budgetpub/budgetpub/render"
	"github.com/shopspring/decimal"
)

// The economic codes table 6 prints every year, with or without money, and
// their names: 人员经费 (301, 303) on the left, 公用经费 (302, 310) on the
// right, each 类 followed by its 款, as the national set lists them.
var (
	personnelCodes = codeList(`301 工资福利支出|30101 基本工资|30102 津贴补贴|30103 奖金|30106 伙食补助费|30107 绩效工资|` +
		`30108 机关事业单位基本养老保险缴费|30109 职业年金缴费|30110 职工基本医疗保险缴费|30111 公务员医疗补助缴费|` +
		`30112 其他社会保障缴费|30113 住房公积金|30114 医疗费|30199 其他工资福利支出|303 对个人和家庭的补助|30301 离休费|` +
		`30302 退休费|30303 退职（役）费|30304 抚恤金|30305 生活补助|30306 救济费|30307 医疗费补助|30308 助学金|30309 奖励金|` +
		`30310 个人农业生产补贴|30311 代缴社会保险费|30399 其他对个人和家庭的补助`)
	publicCodes = codeList(`302 商品和服务支出|30201 办公费|30202 印刷费|30203 咨询费|30204 手续费|30205 水费|30206 电费|` +
		`30207 邮电费|30208 取暖费|30209 物业管理费|30211 差旅费|30212 因公出国（境）费用|30213 维修（护）费|30214 租赁费|` +
		`30215 会议费|30216 培训费|30217 公务接待费|30218 专用材料费|30224 被装购置费|30225 专用燃料费|30226 劳务费|` +
		`30227 委托业务费|30228 工会经费|30229 福利费|30231 公务用车运行维护费|30239 其他交通费用|30240 税金及附加费用|` +
		`30299 其他商品和服务支出|310 资本性支出|31001 房屋建筑物购建|31002 办公设备购置|31003 专用设备购置|` +
		`31007 信息网络及软件购置更新|31013 公务用车购置|31019 其他交通工具购置|31021 文物和陈列品购置|31022 无形资产购置|` +
		`31099 其他资本性支出`)
	// fixedNames are the names of the fixed lists' codes.
	fixedNames = map[string]string{}
)

// codeList reads "code name|code name…" into the codes, recording each
// name in fixedNames.
func codeList(s string) []string {
	var out []string
	for _, item := range strings.Split(s, "|") {
		code, name, _ := strings.Cut(item, " ")
		fixedNames[code] = name
		out = append(out, code)
	}
	return out
}

// economicName is a code's name: the input's (its code_names, or the
// catalog's for a code it uses), else the fixed list's.
func economicName(b *render.Builder, code string) string {
	if n := b.Doc.Name(code); n != "" {
		return n
	}
	return fixedNames[code]
}

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
			cells = append(cells, []render.Cell{render.CodeCell(c), render.Str(economicName(b, c)), render.Money(byCode[c])})
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

package shanghai9

import (
	"sort"
	"strconv"

	"github.com/budgetpub/budgetpub/render"
	"github.com/shopspring/decimal"
)

func itoa(n int) string { return strconv.Itoa(n) }

// personnel are the 部门预算经济分类 类 of 人员经费 (301 工资福利支出, 303 对个人和
// 家庭的补助); the others (302, 310 …) are 公用经费.
var personnel = map[string]bool{"301": true, "303": true}

// economicDecl declares table 8, 一般公共预算基本支出部门预算经济分类预算表: the
// 类 with money, each followed by its 款, 合计 last, in 元.
func economicDecl(v variant) *render.TableDecl {
	codeWord, nameWord := "部门预算经济分类科目编码", "经济分类科目名称"
	if v.unit {
		codeWord, nameWord = "经济分类科目编码", "部门经济分类科目名称"
	}
	return &render.TableDecl{
		ID: S8, Number: 8, Title: v.prefix + "一般公共预算基本支出部门预算经济分类预算表", Unit: "元",
		Columns: []render.Column{col(ColClass, render.KindCode), col(ColSection, render.KindCode), col(render.ColName, render.KindText),
			col(render.ColTotal, render.KindAmount), col(render.ColPersonnel, render.KindAmount), col(render.ColPublic, render.KindAmount)},
		HeaderRows: 3,
		Header: []render.HeaderCell{
			hc(0, 0, 1, 3, "项目"), hc(0, 3, 1, 3, "一般公共预算基本支出"),
			hc(1, 0, 1, 2, codeWord), hc(1, 2, 2, 1, nameWord), hc(1, 3, 2, 1, "合计"), hc(1, 4, 2, 1, "人员经费"), hc(1, 5, 2, 1, "公用经费"),
			hc(2, 0, 1, 1, "类"), hc(2, 1, 1, 1, "款"),
		},
		Presentation: yuanTable(8, true),
		Import:       render.TableImport{Rows: render.ReadCodes, LeafDigits: 5},
		Build:        table8,
	}
}

// table8 sums basic_by_economic by 部门经济分类 款 and 类.
func table8(b *render.Builder, t *render.Table) {
	t.NumberFormat = formatOf(b.Doc, true)
	byCode := map[string]decimal.Decimal{}
	for _, l := range b.Doc.BasicByEcon {
		byCode[l.Dept.Value] = byCode[l.Dept.Value].Add(l.Amount.Value.Shift(4))
	}
	codes := make([]string, 0, len(byCode))
	for c := range byCode {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	split := func(class string, a decimal.Decimal) []decimal.Decimal {
		if personnel[class] {
			return []decimal.Decimal{a, a, decimal.Zero}
		}
		return []decimal.Decimal{a, decimal.Zero, a}
	}
	var tl render.TailCheck
	total := render.NewColSum(3)
	var rows []render.Row
	for i := 0; i < len(codes); {
		class := codes[i][:3]
		var items []render.Row
		var parts []decimal.Decimal
		sub := decimal.Zero
		j := i
		for ; j < len(codes) && codes[j][:3] == class; j++ {
			c := codes[j]
			sub = sub.Add(byCode[c])
			parts = append(parts, byCode[c])
			section := ""
			if len(c) >= 5 {
				section = c[3:5]
			}
			items = append(items, render.AmountRow(render.RowItem, 2, render.CodeRow(c),
				[]render.Cell{render.CodeCell(class), render.CodeCell(section), render.Str(b.Doc.Name(c))}, split(class, byCode[c])))
		}
		tl.Check(sub, parts...)
		total.Add(split(class, sub))
		rows = append(rows, render.AmountRow(render.RowSubtotal, 1, render.CodeRow(class),
			[]render.Cell{render.CodeCell(class), render.CodeCell(""), render.Str(b.Doc.Name(class))}, split(class, sub)))
		rows = append(rows, items...)
		i = j
	}
	total.Check(&tl)
	tl.Check(total.Sums[0], total.Sums[1], total.Sums[2])
	rows = append(rows, render.AmountRow(render.RowTotal, 0, render.TotalRow, []render.Cell{render.Str("合计"), render.CodeCell(""), render.Str("")}, total.Sums))
	t.Rows = rows
	tl.Finish(t, false)
}

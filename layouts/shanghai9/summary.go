package shanghai9

import (
	"fmt"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
	"github.com/shopspring/decimal"
)

// summaryDecl declares table 1, 财务收支预算总表: 本年收入 by kind on the left,
// 本年支出 by the 类 with money on the right, 总计 last, in 元. A unit's
// splits each 类 into 基本支出 (人员经费, 公用经费) and 项目支出.
func summaryDecl(v variant) *render.TableDecl {
	d := &render.TableDecl{
		ID: S1, Number: 1, Title: v.prefix + "财务收支预算总表", Unit: "元",
		Columns: []render.Column{left(render.ColIncomeItem, render.KindText), left(render.ColIncome, render.KindAmount),
			col(render.ColItem, render.KindText), col(render.ColTotal, render.KindAmount)},
		HeaderRows: 2,
		Header: []render.HeaderCell{
			hc(0, 0, 1, 2, "本年收入"), hc(0, 2, 1, 2, "本年支出"),
			hc(1, 0, 1, 1, "项目"), hc(1, 1, 1, 1, "预算数"), hc(1, 2, 1, 1, "项目"), hc(1, 3, 1, 1, "预算数"),
		},
		Presentation: yuanTable(1, false),
		Import:       render.TableImport{Rows: render.ReadSummary, Labels: incomeLabels, LeavesOf: S3},
		Build:        func(b *render.Builder, t *render.Table) { table1(v, b, t) },
	}
	if v.unit {
		d.Columns = append(d.Columns, col(render.ColPersonnel, render.KindAmount), col(render.ColPublic, render.KindAmount), col(render.ColProject, render.KindAmount))
		d.HeaderRows = 4
		d.Header = []render.HeaderCell{
			hc(0, 0, 1, 2, "本年收入"), hc(0, 2, 1, 5, "本年支出"),
			hc(1, 0, 3, 1, "项目"), hc(1, 1, 3, 1, "预算数"), hc(1, 2, 3, 1, "项目"), hc(1, 3, 1, 4, "预算数"),
			hc(2, 3, 2, 1, "合计"), hc(2, 4, 1, 2, "基本支出"), hc(2, 6, 2, 1, "项目支出"),
			hc(3, 4, 1, 1, "人员经费"), hc(3, 5, 1, 1, "公用经费"),
		}
	}
	return d
}

// blockBands is the ruled row bands tables 1 and 4 print, header and
// 总计 included, whatever their rows: a fixed block.
const blockBands = 16

// half is one side's row of a two-sided table.
type half struct {
	key   render.RowKey
	cells []render.Cell
}

// categories are the 类 of the current-year lines that pass keep with money,
// in code order, each with its amounts by measure (in 元).
func categories(b *render.Builder, keep func(render.Line) bool, ms ...render.Measure) (codes []string, sums map[string][]decimal.Decimal) {
	sums = map[string][]decimal.Decimal{}
	for _, l := range b.Lines {
		if !current(l) || !keep(l) {
			continue
		}
		c := l.Code[:3]
		v := sums[c]
		if v == nil {
			v = make([]decimal.Decimal, len(ms))
		}
		for i, m := range ms {
			v[i] = v[i].Add(m(l).Shift(4))
		}
		sums[c] = v
	}
	for _, c := range input.Categories {
		if v, ok := sums[c]; ok && !render.Round(render.Sum(v...)).IsZero() {
			codes = append(codes, c)
		}
	}
	return codes, sums
}

// sideBySide lays two halves' rows out together, the longer deciding, and
// the 总计 row last.
func sideBySide(t *render.Table, lefts, rights []half, total render.Row) {
	n := max(len(lefts), len(rights))
	for i := range n {
		row := render.Row{Kind: render.RowItem, Level: 1}
		if i < len(lefts) {
			row.LeftKey, row.Cells = lefts[i].key, append(row.Cells, lefts[i].cells...)
		} else {
			row.Cells = append(row.Cells, t.BlankHalf(render.SideLeft)...)
		}
		if i < len(rights) {
			row.Key, row.Cells = rights[i].key, append(row.Cells, rights[i].cells...)
		} else {
			row.Cells = append(row.Cells, t.BlankHalf(render.SideMain)...)
		}
		t.Rows = append(t.Rows, row)
	}
	t.Rows = append(t.Rows, total)
}

// table1 is 财务收支预算总表.
func table1(v variant, b *render.Builder, t *render.Table) {
	t.NumberFormat = formatOf(b.Doc, false)
	sums, unplaced := byKind(b)
	src := map[input.Source]decimal.Decimal{}
	for _, l := range b.Lines {
		if current(l) && l.Source.Fiscal() {
			src[l.Source] = src[l.Source].Add(l.Total().Shift(4))
		}
	}
	var tl render.TailCheck
	tl.Check(sums[kindFiscal], src[input.GeneralPublic], src[input.GovernmentFund], src[input.StateCapital])
	sub := "."
	if v.unit {
		sub = "、"
	}
	lefts := []half{
		{rowFiscal, []render.Cell{render.Str("一、" + kindTitles[kindFiscal]), render.Money(sums[kindFiscal])}},
		{render.SourceRow(input.GeneralPublic), []render.Cell{render.Str("1" + sub + "一般公共预算资金"), render.Money(src[input.GeneralPublic])}},
		{render.SourceRow(input.GovernmentFund), []render.Cell{render.Str("2" + sub + "政府性基金"), render.Money(src[input.GovernmentFund])}},
		{render.SourceRow(input.StateCapital), []render.Cell{render.Str("3" + sub + "国有资本经营预算"), render.Money(src[input.StateCapital])}},
	}
	for k := kindBusiness; k < numKinds; k++ {
		lefts = append(lefts, half{render.ItemRow(string(kindCols[k])), []render.Cell{render.Str(render.ChineseNumber(int(k)+1) + "、" + kindTitles[k]), render.Money(sums[k])}})
	}
	income := render.Sum(sums[:]...)
	if !unplaced.IsZero() {
		what := b.Unknown(unknownIncomeKind, "单位资金、财政专户管理资金的收入类型（事业收入、事业单位经营收入或其他收入）", "expenditures", b.KeyPos("expenditures"))
		lefts = append(lefts, half{render.ItemRow("unplaced"), []render.Cell{render.Str(what), render.Money(unplaced)}})
		income = income.Add(unplaced)
	}
	tl.Check(income, append(sums[:], unplaced)...)
	codes, cats := categories(b, all, totalOf, basicOf, projectOf)
	var rights []half
	total := render.NewColSum(4)
	for i, c := range codes {
		a := cats[c]
		cells := []render.Cell{render.Str(render.ChineseNumber(i+1) + "、" + b.Doc.Name(c)), render.Money(a[0])}
		if v.unit {
			tl.Check(a[0], a[1], a[2])
			split, ok := personnelSplit(b, c)
			if ok {
				tl.Check(a[1], split...)
				cells = append(cells, render.Money(split[0]), render.Money(split[1]))
				total.Add([]decimal.Decimal{a[0], split[0], split[1], a[2]})
			} else {
				mark := b.Unknown(unknownPersonnel, fmt.Sprintf("“%s”各支出行基本支出中的人员经费", b.Doc.Name(c)), "expenditures", b.KeyPos("expenditures"))
				cells = append(cells, render.Str(mark), render.Str(mark))
				total.Add([]decimal.Decimal{a[0], decimal.Zero, decimal.Zero, a[2]})
			}
			cells = append(cells, render.Money(a[2]))
		} else {
			total.Add([]decimal.Decimal{a[0], decimal.Zero, decimal.Zero, decimal.Zero})
		}
		rights = append(rights, half{render.CodeRow(c), cells})
	}
	total.Check(&tl)
	spending := total.Sums[0]
	totals := []render.Cell{render.Str("收入总计"), render.Money(income), render.Str("支出总计"), render.Money(spending)}
	if v.unit {
		totals = append(totals, render.Money(total.Sums[1]), render.Money(total.Sums[2]), render.Money(total.Sums[3]))
	}
	sideBySide(t, lefts, rights, render.Row{Kind: render.RowTotal, Key: render.TotalRow, LeftKey: render.TotalRow, Cells: totals})
	t.PadTo(blockBands)
	tl.Finish(t, false)
}

// personnelSplit is a 类's 基本支出 of the year (in 元) as 人员经费 and
// 公用经费, from the lines' basic_personnel; ok false when a line with
// 基本支出 does not give its 人员经费.
func personnelSplit(b *render.Builder, class string) (split []decimal.Decimal, ok bool) {
	personnel, public := decimal.Zero, decimal.Zero
	for _, l := range b.Lines {
		if !current(l) || l.Code[:3] != class || l.Basic.IsZero() {
			continue
		}
		if !l.PersonnelGiven {
			return nil, false
		}
		personnel = personnel.Add(l.Personnel.Shift(4))
		public = public.Add(l.Basic.Sub(l.Personnel).Shift(4))
	}
	return []decimal.Decimal{personnel, public}, true
}

// revenueDecl declares table 2, 收入预算总表: the function codes by revenue
// kind, in 元.
func revenueDecl(v variant) *render.TableDecl {
	cols := append([]render.Column{}, codeCols...)
	cols = append(cols, col(render.ColTotal, render.KindAmount))
	head := append(codeHead("功能分类科目编码", "功能分类科目名称"), hc(0, 4, 1, 5, "收入预算"), hc(1, 4, 2, 1, "合计"))
	for k := kindFiscal; k < numKinds; k++ {
		cols = append(cols, col(kindCols[k], render.KindAmount))
		head = append(head, hc(1, 5+int(k), 2, 1, kindTitles[k]))
	}
	return &render.TableDecl{
		ID: S2, Number: 2, Title: v.prefix + "收入预算总表", Unit: "元",
		Columns: cols, HeaderRows: 3, Header: head,
		Presentation: yuanTable(2, true),
		Import:       render.TableImport{Rows: render.ReadCodes},
		Build: func(b *render.Builder, t *render.Table) {
			ms := []render.Measure{totalOf}
			for k := kindFiscal; k < numKinds; k++ {
				ms = append(ms, func(l render.Line) decimal.Decimal {
					if got, ok := kindOf(l); ok && got == k {
						return l.Total()
					}
					return decimal.Zero
				})
			}
			t.NumberFormat = formatOf(b.Doc, true)
			var tl render.TailCheck
			rows, _ := codeRows(b, all, ms, &tl)
			t.Rows = rows
			tl.Finish(t, false)
		},
	}
}

// fiscalDecl declares table 4, 财政拨款收支预算总表: the three 财政拨款
// sources on the left, the 类 with 财政拨款 money by source on the right.
func fiscalDecl(v variant) *render.TableDecl {
	return &render.TableDecl{
		ID: S4, Number: 4, Title: v.prefix + "财政拨款收支预算总表", Unit: "元",
		Columns: []render.Column{left(render.ColIncomeItem, render.KindText), left(render.ColIncome, render.KindAmount),
			col(render.ColItem, render.KindText), col(render.ColTotal, render.KindAmount),
			col(render.SourceCol(input.GeneralPublic), render.KindAmount), col(render.SourceCol(input.GovernmentFund), render.KindAmount), col(render.SourceCol(input.StateCapital), render.KindAmount)},
		HeaderRows: 2,
		Header: []render.HeaderCell{
			hc(0, 0, 1, 2, "财政拨款收入"), hc(0, 2, 1, 5, "财政拨款支出"),
			hc(1, 0, 1, 1, "项目"), hc(1, 1, 1, 1, "预算数"), hc(1, 2, 1, 1, "项目"), hc(1, 3, 1, 1, "合计"),
			hc(1, 4, 1, 1, "一般公共预算"), hc(1, 5, 1, 1, "政府性基金预算"), hc(1, 6, 1, 1, "国有资本经营预算"),
		},
		Presentation: yuanTable(4, false),
		Import:       render.TableImport{Rows: render.ReadSummary, Labels: incomeLabels, LeavesOf: S3},
		Build:        table4,
	}
}

// table4 is 财政拨款收支预算总表.
func table4(b *render.Builder, t *render.Table) {
	t.NumberFormat = formatOf(b.Doc, false)
	fiscal := func(l render.Line) bool { return l.Source.Fiscal() }
	by := func(s input.Source) render.Measure {
		return func(l render.Line) decimal.Decimal {
			if l.Source == s {
				return l.Total()
			}
			return decimal.Zero
		}
	}
	codes, cats := categories(b, fiscal, totalOf, by(input.GeneralPublic), by(input.GovernmentFund), by(input.StateCapital))
	var tl render.TailCheck
	total := render.NewColSum(4)
	var rights []half
	for i, c := range codes {
		a := cats[c]
		tl.Check(a[0], a[1], a[2], a[3])
		total.Add(a)
		rights = append(rights, half{render.CodeRow(c), []render.Cell{render.Str(render.ChineseNumber(i+1) + "、" + b.Doc.Name(c)),
			render.Money(a[0]), render.Money(a[1]), render.Money(a[2]), render.Money(a[3])}})
	}
	total.Check(&tl)
	s := total.Sums
	lefts := []half{
		{render.SourceRow(input.GeneralPublic), []render.Cell{render.Str("一、一般公共预算资金"), render.Money(s[1])}},
		{render.SourceRow(input.GovernmentFund), []render.Cell{render.Str("二、政府性基金"), render.Money(s[2])}},
		{render.SourceRow(input.StateCapital), []render.Cell{render.Str("三、国有资本经营预算"), render.Money(s[3])}},
	}
	tl.Check(s[0], s[1], s[2], s[3])
	sideBySide(t, lefts, rights, render.Row{Kind: render.RowTotal, Key: render.TotalRow, LeftKey: render.TotalRow,
		Cells: []render.Cell{render.Str("收入总计"), render.Money(s[0]), render.Str("支出总计"), render.Money(s[0]), render.Money(s[1]), render.Money(s[2]), render.Money(s[3])}})
	t.PadTo(blockBands)
	tl.Finish(t, false)
}

package render

import (
	"github.com/budgetpub/budgetpub/input"
	"github.com/shopspring/decimal"
)

// revenueRows lays out revenue lines as 合计 and 类/款/项 rows.
func (b *builder) revenueRows(lines []input.RevenueLine, t *tally) []Row {
	byCode := map[string]decimal.Decimal{}
	for _, l := range lines {
		byCode[l.Code.Value] = byCode[l.Code.Value].Add(l.Amount.Value)
	}
	leaves := make([]codeAmounts, 0, len(byCode))
	for c, a := range byCode {
		leaves = append(leaves, codeAmounts{c, []decimal.Decimal{a}})
	}
	return b.tree(leaves, 1, t)
}

// table7 is 政府性基金预算收入表.
func (b *builder) table7() *Table {
	t := b.newTable(7, "政府性基金预算收入表（不含上年结转）", false)
	t.Columns = columns(KindCode, KindText, KindAmount)
	t.HeaderRows = 2
	t.Header = []HeaderCell{
		hc(0, 0, 1, 2, "项目"), hc(0, 2, 2, 1, "政府性基金收入预算"),
		hc(1, 0, 1, 1, "收入科目编码"), hc(1, 1, 1, 1, "科目名称"),
	}
	var tl tally
	t.Rows = b.revenueRows(b.doc.GovFundRev, &tl)
	tl.finish(t, len(b.doc.GovFundRev) == 0)
	return t
}

// table9 is 国有资本经营预算收支预算表: revenue rows on the left and
// state-capital expenditure of the current year on the right, side by side.
func (b *builder) table9() *Table {
	t := b.newTable(9, "国有资本经营预算收支预算表（不含上年结转）", true)
	t.Columns = columns(KindCode, KindText, KindAmount, KindCode, KindText, KindAmount, KindAmount, KindAmount)
	t.HeaderRows = 3
	t.Header = []HeaderCell{
		hc(0, 0, 1, 3, "国有资本经营预算收入"), hc(0, 3, 1, 5, "国有资本经营预算支出"),
		hc(1, 0, 1, 2, "项目"), hc(1, 2, 2, 1, "国有资本经营收入预算"),
		hc(1, 3, 2, 1, "科目编码"), hc(1, 4, 2, 1, "科目名称"), hc(1, 5, 2, 1, "合计"), hc(1, 6, 2, 1, "基本支出"), hc(1, 7, 2, 1, "项目支出"),
		hc(2, 0, 1, 1, "收入科目编码"), hc(2, 1, 1, 1, "科目名称"),
	}
	var tl tally
	left := b.revenueRows(b.doc.StateCapRev, &tl)
	right, anyRight := b.treeRows(func(l line) bool {
		return l.source == input.StateCapital && !l.carryover
	}, []measure{totalOf, basicOf, projectOf}, &tl)
	n := max(len(left), len(right))
	for i := 0; i < n; i++ {
		var cells []Cell
		kind, level := RowItem, 0
		if i < len(left) {
			cells = append(cells, left[i].Cells...)
			kind, level = left[i].Kind, left[i].Level
		} else {
			cells = append(cells, Str(""), Str(""), Cell{Kind: KindAmount})
		}
		if i < len(right) {
			cells = append(cells, right[i].Cells...)
			if i >= len(left) {
				kind, level = right[i].Kind, right[i].Level
			}
		} else {
			cells = append(cells, Str(""), Str(""), Cell{Kind: KindAmount}, Cell{Kind: KindAmount}, Cell{Kind: KindAmount})
		}
		t.Rows = append(t.Rows, Row{Kind: kind, Level: level, Cells: cells})
	}
	tl.finish(t, len(b.doc.StateCapRev) == 0 && !anyRight)
	return t
}

package render

import (
	"sort"

	"github.com/shopspring/decimal"
)

// Measure picks an amount of an expenditure line for one column.
type Measure func(Line) decimal.Decimal

// TreeRows lays out 类/款/项 rows for the lines that pass keep: a 合计 row,
// then each 类 directly above its 款, each 款 above its 项, in code order.
// Each row carries the code and name cells followed by one amount per
// measure; parents are exact sums rounded once. It reports whether any line
// was kept.
func (b *Builder) TreeRows(keep func(Line) bool, ms []Measure, t *TailCheck) ([]Row, bool) {
	return b.TreeRowsWith(keep, ms, t, b.codeLead)
}

// codeLead is a row's leading cells as the 13 tables print them: the code
// and its name; the total's 合计 and a blank.
func (b *Builder) codeLead(code string) []Cell {
	if code == "" {
		return []Cell{Str("合计"), Str("")}
	}
	return []Cell{CodeCell(code), Str(b.Doc.Name(code))}
}

// TreeRowsWith is TreeRows with the leading cells of each row given by
// lead (of the code; "" for the 合计 row): a layout printing the code in
// three columns (类 | 款 | 项) gives its own.
func (b *Builder) TreeRowsWith(keep func(Line) bool, ms []Measure, t *TailCheck, lead func(code string) []Cell) ([]Row, bool) {
	byCode := map[string][]decimal.Decimal{}
	for _, l := range b.Lines {
		if !keep(l) {
			continue
		}
		v := byCode[l.Code]
		if v == nil {
			v = make([]decimal.Decimal, len(ms))
		}
		for i, m := range ms {
			v[i] = v[i].Add(m(l))
		}
		byCode[l.Code] = v
	}
	leaves := make([]CodeAmounts, 0, len(byCode))
	for c, v := range byCode {
		leaves = append(leaves, CodeAmounts{c, v})
	}
	return b.tree(leaves, len(ms), t, lead), len(leaves) > 0
}

type CodeAmounts struct {
	Code    string
	Amounts []decimal.Decimal
}

// Tree builds the 合计 and 类/款/项 rows from 7-digit leaves.
func (b *Builder) Tree(leaves []CodeAmounts, width int, t *TailCheck) []Row {
	return b.tree(leaves, width, t, b.codeLead)
}

func (b *Builder) tree(leaves []CodeAmounts, width int, t *TailCheck, lead func(code string) []Cell) []Row {
	sort.Slice(leaves, func(i, j int) bool { return leaves[i].Code < leaves[j].Code })
	total := make([]decimal.Decimal, width)
	type node struct {
		code    string
		amounts []decimal.Decimal
	}
	var rows []Row
	var nodes []*node // in print order: 类, 款, 项 …
	parents := map[string]*node{}
	var top [][]decimal.Decimal
	get := func(code string) *node {
		n := parents[code]
		if n == nil {
			n = &node{code: code, amounts: make([]decimal.Decimal, width)}
			parents[code] = n
			nodes = append(nodes, n)
		}
		return n
	}
	for _, l := range leaves {
		lei, kuan := get(l.Code[:3]), get(l.Code[:5])
		xiang := get(l.Code)
		copy(xiang.amounts, l.Amounts)
		for i, a := range l.Amounts {
			lei.amounts[i] = lei.amounts[i].Add(a)
			kuan.amounts[i] = kuan.amounts[i].Add(a)
			total[i] = total[i].Add(a)
		}
	}
	// Tail-difference bookkeeping: each parent against its children.
	kids := map[string][]*node{}
	for _, n := range nodes {
		if len(n.code) > 3 {
			parent := n.code[:len(n.code)-2]
			kids[parent] = append(kids[parent], n)
		}
	}
	for _, n := range nodes {
		kids := kids[n.code]
		for i := 0; len(kids) > 0 && i < width; i++ {
			parts := make([]decimal.Decimal, len(kids))
			for k, m := range kids {
				parts[k] = m.amounts[i]
			}
			t.Check(n.amounts[i], parts...)
		}
	}
	for _, n := range nodes {
		if len(n.code) == 3 {
			top = append(top, n.amounts)
		}
	}
	for i := 0; i < width; i++ {
		parts := make([]decimal.Decimal, len(top))
		for k, a := range top {
			parts[k] = a[i]
		}
		t.Check(total[i], parts...)
	}
	rows = append(rows, AmountRow(RowTotal, 0, TotalRow, lead(""), total))
	for _, n := range nodes {
		kind, level := RowItem, 3
		switch len(n.code) {
		case 3:
			kind, level = RowSubtotal, 1
		case 5:
			kind, level = RowSubtotal, 2
		}
		rows = append(rows, AmountRow(kind, level, CodeRow(n.code), lead(n.code), n.amounts))
	}
	return rows
}

// AmountRow is a row of leading cells followed by amounts.
func AmountRow(kind RowKind, level int, key RowKey, lead []Cell, amounts []decimal.Decimal) Row {
	cells := make([]Cell, 0, len(lead)+len(amounts))
	cells = append(cells, lead...)
	for _, a := range amounts {
		cells = append(cells, Money(a))
	}
	return Row{Kind: kind, Level: level, Key: key, Cells: cells}
}

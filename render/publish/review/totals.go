package review

import (
	"fmt"
	"slices"
	"strings"

	"github.com/budgetpub/budgetpub/render"
	"github.com/shopspring/decimal"
)

// totalsLabel is the 输入文件 of the review's totals row: no input is
// named so (an input's name has its extension), and a reader of the review
// drops the row whose 输入文件 it is (dropTotals).
const totalsLabel = "合计"

// totalsRow is the review's last row: the city's totals of the departments
// whose figures were computed — each figure summed as the review shows
// it, to the cent, and left blank when a department counted has none (a
// change on last year nobody gave: the total would be wrong, not 0) —, the
// percentages from those totals, the findings of every department, and
// how many departments are in each state.
func totalsRow(departments []Department) Department {
	row := Department{File: totalsLabel}
	counted, states := 0, map[string]int{}
	var order []string
	year := 0
	for i := range departments {
		r := &departments[i]
		if states[r.Status] == 0 {
			order = append(order, r.Status)
		}
		states[r.Status]++
		row.Warnings = Of(row.Warnings.V + r.Warnings.V)
		row.Incomplete = Of(row.Incomplete.V + r.Incomplete.V)
		row.Errors = Of(row.Errors.V + r.Errors.V)
		if !r.Total.Set {
			continue // figures never computed
		}
		counted++
		switch y := r.Year.V; {
		case counted == 1:
			year = y
		case y != year:
			year = 0
		}
	}
	if year > 0 {
		row.Year = Of(year)
	}
	for _, c := range departmentColumns {
		if !c.figure || c.percent || counted == 0 {
			continue
		}
		var sum decimal.Decimal
		var n int
		whole := true
		for i := range departments {
			r := &departments[i]
			if !r.Total.Set {
				continue
			}
			switch {
			case c.amount != nil && c.amount(r).Set:
				sum = sum.Add(c.amount(r).V)
			case c.count != nil && c.count(r).Set:
				n += c.count(r).V
			default:
				whole = false
			}
		}
		switch {
		case !whole:
		case c.amount != nil:
			*c.amount(&row) = Of(sum)
		default:
			*c.count(&row) = Of(n)
		}
	}
	for _, p := range []struct{ cur, change, pct *Amount }{
		{&row.Total, &row.TotalChange, &row.TotalPct}, {&row.GP, &row.GPChange, &row.GPPct},
		{&row.ThreePublic, &row.TPChange, &row.TPPct}, {&row.Operating, &row.OpChange, &row.OpPct},
	} {
		if p.cur.Set && p.change.Set {
			*p.pct = Percent(p.cur.V, render.Prior{Set: true, Value: p.cur.V.Sub(p.change.V)})
		}
	}
	for _, p := range []struct{ actual, budget, rate *Amount }{{&row.GP, &row.GPBudget, &row.GPRate}, {&row.ThreePublic, &row.TPBudget, &row.TPRate}} {
		if p.actual.Set && p.budget.Set {
			*p.rate = Rate(p.actual.V, p.budget.V)
		}
	}
	row.Name = fmt.Sprintf("%d 个部门", len(departments))
	if counted < len(departments) {
		row.Name = fmt.Sprintf("%d 个部门（数字合计其中 %d 个算出的）", len(departments), counted)
	}
	rank := func(s string) int {
		if i := slices.Index(stateOrder, s); i >= 0 {
			return i
		}
		return len(stateOrder)
	}
	slices.SortStableFunc(order, func(a, b string) int { return rank(a) - rank(b) })
	var parts []string
	for _, s := range order {
		word := s
		if word == "" {
			word = "无状态"
		}
		parts = append(parts, fmt.Sprintf("%s %d 个", word, states[s]))
	}
	row.Outputs = strings.Join(parts, "，")
	return row
}

// dropTotals is a review's rows of 汇总 without its totals row.
func dropTotals(departments [][]any) [][]any {
	if n := len(departments); n > 0 {
		if s, _ := departments[n-1][colFile].(string); s == totalsLabel {
			return departments[:n-1]
		}
	}
	return departments
}

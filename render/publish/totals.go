package publish

import (
	"fmt"
	"slices"
	"strings"

	"github.com/budgetpub/budgetpub/render"
	"github.com/shopspring/decimal"
)

// totalsLabel is the 输入文件 cell of the review's totals row: no input
// is named so (an input's name has its extension), and a reader of the
// review drops the row whose 输入文件 it is (dropTotals).
const totalsLabel = "合计"

// totalsRow is the review's last row: the city's totals of the departments
// whose figures were computed — each figure summed as the review shows
// it, to the cent, and left blank when a department counted has none (a
// change on last year nobody gave: the total would be wrong, not 0) —, the
// percentages from those totals, the findings of every department, and
// how many departments are in each state.
func totalsRow(departments [][]any) []any {
	row := make([]any, reviewColumns)
	row[colFile] = totalsLabel
	counted, states := 0, map[string]int{}
	var order []string
	year := 0
	for _, r := range departments {
		s := cellText(r, colStatus)
		if states[s] == 0 {
			order = append(order, s)
		}
		states[s]++
		for _, c := range []int{colWarnings, colIncomplete, colErrors} {
			row[c] = cellInt(row, c) + cellInt(r, c)
		}
		if r[colTotal] == nil {
			continue // figures never computed
		}
		counted++
		switch y := cellInt(r, colYear); {
		case counted == 1:
			year = y
		case y != year:
			year = 0
		}
	}
	if year > 0 {
		row[colYear] = year
	}
	for c := firstFigureColumn; c <= lastFigureColumn && counted > 0; c++ {
		if percentColumn(c) {
			continue
		}
		var sum decimal.Decimal
		var n int
		whole, amounts := true, false
		for _, r := range departments {
			if r[colTotal] == nil {
				continue
			}
			switch v := r[c].(type) {
			case decimal.Decimal:
				sum, amounts = sum.Add(v), true
			case int:
				n += v
			default:
				whole = false
			}
		}
		switch {
		case !whole:
		case amounts:
			row[c] = sum
		default:
			row[c] = n
		}
	}
	for _, p := range [][3]int{{colTotal, colTotalChange, colTotalPercent}, {colGP, colGPChange, colGPPercent},
		{colThreePublic, colThreePublicChange, colThreePublicPercent}, {colOperating, colOperatingChange, colOperatingPercent}} {
		cur, okCur := row[p[0]].(decimal.Decimal)
		ch, okCh := row[p[1]].(decimal.Decimal)
		if okCur && okCh {
			if pc := percent(cur, render.Prior{Set: true, Value: cur.Sub(ch)}); pc != nil {
				row[p[2]] = *pc
			}
		}
	}
	row[colName] = fmt.Sprintf("%d 个部门", len(departments))
	if counted < len(departments) {
		row[colName] = fmt.Sprintf("%d 个部门（数字合计其中 %d 个算出的）", len(departments), counted)
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
	row[colOutputs] = strings.Join(parts, "，")
	return row
}

// stateOrder is the order the totals row counts the states in: the
// publishable first.
var stateOrder = []string{string(render.StatusPublishable), "草稿", string(render.StatusIncomplete), string(render.StatusErrors), "未完成", "内部错误", StatusUnreached}

// percentColumn tells the columns of a change in percent, which are not
// summed.
func percentColumn(c int) bool {
	return c == colTotalPercent || c == colGPPercent || c == colThreePublicPercent || c == colOperatingPercent
}

// dropTotals is a review's rows of 汇总 without its totals row.
func dropTotals(departments [][]any) [][]any {
	if n := len(departments); n > 0 && cellText(departments[n-1], colFile) == totalsLabel {
		return departments[:n-1]
	}
	return departments
}

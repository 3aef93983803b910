package render

import (
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// Prior is a prior-year figure: Set is false when the input gives none, and
// then no comparison is printed.
type Prior struct {
	Value decimal.Decimal
	Set   bool
}

var hundred = decimal.NewFromInt(100)

// FormatAmount writes an amount as a sentence quotes it: 5,103.42万元, with a
// thousands separator and two decimals, rounded half-up once; zero as 0万元
// (as the published sentences have it).
func FormatAmount(d decimal.Decimal) string {
	return formatNumber(d) + "万元"
}

// formatNumber is 5,103.42 (or 0 for zero).
func formatNumber(d decimal.Decimal) string {
	r := Round(d)
	if r.IsZero() {
		return "0"
	}
	s := r.Abs().StringFixed(2)
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	if r.IsNegative() {
		b.WriteByte('-')
	}
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String() + "." + frac
}

// Percent is part/total in percent, exact then rounded once to two decimals.
// A zero total gives zero.
func Percent(part, total decimal.Decimal) decimal.Decimal {
	if total.IsZero() {
		return decimal.Zero
	}
	return part.Mul(hundred).DivRound(total, 10).Round(2)
}

// FormatPercent writes a percentage: 45.20%; zero as 0%.
func FormatPercent(p decimal.Decimal) string {
	if p.IsZero() {
		return "0%"
	}
	return p.StringFixed(2) + "%"
}

// FormatShare is 占45.20%: part's share of total.
func FormatShare(part, total decimal.Decimal) string {
	return "占" + FormatPercent(Percent(part, total))
}

// FormatFixed is an amount as a 决算's text prints it: 万元 with two
// decimals, no thousands separators (1234.50万元).
func FormatFixed(d decimal.Decimal) string { return Round(d).StringFixed(2) + "万元" }

// FormatDelta is a figure's change on another as a 决算's text says it:
// 增加12.30万元，增长9.62% / 减少…，下降… / 持平 (equal as printed); from a
// prior figure of zero only the amount (增加12.30万元: a rate of it is
// none); no prior figure gives "".
func FormatDelta(cur decimal.Decimal, prior Prior) string {
	if !prior.Set {
		return ""
	}
	switch d := cur.Sub(prior.Value); {
	case Round(cur).Equal(Round(prior.Value)):
		return "持平"
	case Round(prior.Value).IsZero():
		return "增加" + FormatFixed(d)
	case d.IsPositive():
		return "增加" + FormatFixed(d) + "，增长" + Percent(d, prior.Value).StringFixed(2) + "%"
	default:
		return "减少" + FormatFixed(d.Neg()) + "，下降" + Percent(d.Neg(), prior.Value).StringFixed(2) + "%"
	}
}

// FormatRate is part ÷ whole as a percentage with two decimals (45.20%,
// 0.00%); a whole of zero gives "" (no rate of it).
func FormatRate(part, whole decimal.Decimal) string {
	if Round(whole).IsZero() {
		return ""
	}
	return Percent(part, whole).StringFixed(2) + "%"
}

// FormatVsRate compares a figure with another by its rate, as Shanghai's
// 单位预算 compares a 项 with last year's execution: against "2024年预算执行数"
// gives 比2024年预算执行数增加5.26% / 减少… / 与2024年预算执行数持平; a
// prior figure of zero (this one not) gives the change in 万元, a rate of
// it being none; no prior figure gives "".
func FormatVsRate(cur decimal.Decimal, prior Prior, against string) string {
	if !prior.Set {
		return ""
	}
	switch d := cur.Sub(prior.Value); {
	case Round(cur).Equal(Round(prior.Value)):
		return "与" + against + "持平"
	case Round(prior.Value).IsZero():
		return "比" + against + "增加" + FormatWan(d)
	case d.IsPositive():
		return "比" + against + "增加" + FormatPercent(Percent(d, prior.Value))
	default:
		return "比" + against + "减少" + FormatPercent(Percent(d.Neg(), prior.Value))
	}
}

// FormatChange compares a figure with the prior year's, against what:
// "上年" gives 比上年增加447.83万元，增长9.62% / 与上年预算数相同; "2023年" gives
// 比2023年预算减少14.46万元，下降6.75% / 与2023年预算数相同. A prior year of zero
// gives 上年无此项预算 (when this year is not zero); no prior figure gives "".
func FormatChange(cur decimal.Decimal, prior Prior, against string) string {
	if !prior.Set {
		return ""
	}
	base := against
	if against != "上年" {
		base = against + "预算"
	}
	// Equal as printed is equal; the difference and the rate come from the
	// exact figures, each rounded once.
	switch d := cur.Sub(prior.Value); {
	case Round(cur).Equal(Round(prior.Value)):
		return "与" + against + "预算数相同"
	case Round(prior.Value).IsZero():
		return "上年无此项预算"
	case d.IsPositive():
		return "比" + base + "增加" + FormatAmount(d) + "，增长" + FormatPercent(Percent(d, prior.Value))
	default:
		return "比" + base + "减少" + FormatAmount(d.Neg()) + "，下降" + FormatPercent(Percent(d.Neg(), prior.Value))
	}
}

// JoinList joins the non-empty items with 、.
func JoinList(items []string) string {
	var out []string
	for _, s := range items {
		if s != "" {
			out = append(out, s)
		}
	}
	return strings.Join(out, "、")
}

// ChineseCount writes a count of units as 一家, 两家, 三家 ….
func ChineseCount(n int) string {
	if n == 2 {
		return "两"
	}
	return ChineseNumber(n)
}

// FormatWan writes an amount in 万元 as Shanghai's sentences do: rounded
// once to two decimals, trailing zeros dropped, no thousands separator —
// 10万元, 839万元, 12.5万元, 0万元.
func FormatWan(d decimal.Decimal) string {
	return Round(d).String() + "万元"
}

// FormatVsBudget compares a figure with last year's budget as Shanghai's
// sentences do, with the year: 比2024年预算增加12.5万元 / 比2024年预算减少3万元
// / 比2024年预算持平 (equal as printed; no percentage). sameWord is the
// word before 持平 ("比" or "与", as the publication writes it). No prior
// figure gives "".
func FormatVsBudget(cur decimal.Decimal, prior Prior, year int, sameWord string) string {
	if !prior.Set {
		return ""
	}
	base := strconv.Itoa(year) + "年预算"
	switch d := Round(cur).Sub(Round(prior.Value)); {
	case d.IsZero():
		return sameWord + base + "持平"
	case d.IsPositive():
		return "比" + base + "增加" + FormatWan(d)
	default:
		return "比" + base + "减少" + FormatWan(d.Neg())
	}
}

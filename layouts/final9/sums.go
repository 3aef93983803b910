package final9

import (
	"sort"
	"strconv"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
	"github.com/shopspring/decimal"
)

func itoa(n int) string { return strconv.Itoa(n) }

// templateCategories are the 类 tables 1 and 4 print every year, with or
// without money, as Shanghai's template lists them; a 类 of another code
// with money (债务还本支出 …) is printed too, in code order.
var templateCategories = []string{"201", "202", "203", "204", "205", "206", "207", "208", "210", "211", "212", "213",
	"214", "215", "216", "217", "219", "220", "221", "222", "223", "224", "229", "234"}

// categories are the 类 a two-sided table prints: the template's and
// those of money, in code order.
func categories(money map[string]bool) []string {
	seen := map[string]bool{}
	var out []string
	for _, c := range templateCategories {
		seen[c] = true
		out = append(out, c)
	}
	for c := range money {
		if !seen[c] {
			out = append(out, c)
		}
	}
	sort.Strings(out)
	return out
}

// kindOf is a revenue line's kind; ok false for a kind the input does not
// know (validation says so).
func kindOf(r input.FinalRevenue) (input.RevenueKind, bool) {
	return input.ParseRevenueKind(r.Kind.Value)
}

// sums are the figures every table draws on, each summed once from the
// input's lines, in 万元 and exact.
type sums struct {
	spent     map[string]decimal.Decimal             // 本年支出 by 类
	fiscal    map[string][]decimal.Decimal           // 财政拨款支出 by 类: total, GP, GF, SC
	revenue   [input.NumRevenueKinds]decimal.Decimal // 本年收入 by kind
	opening   [3]decimal.Decimal                     // 年初财政拨款结转和结余 by fiscal source
	closing   [3]decimal.Decimal                     // 年末财政拨款结转和结余 by fiscal source
	nonFiscal input.NonFiscalBalances
}

// fiscalSources are the three sources of 财政拨款, in column order.
var fiscalSources = []input.Source{input.GeneralPublic, input.GovernmentFund, input.StateCapital}

// fiscalIndex is a fiscal source's place in fiscalSources; -1 for another.
func fiscalIndex(s input.Source) int {
	for i, f := range fiscalSources {
		if f == s {
			return i
		}
	}
	return -1
}

func sumUp(b *render.Builder) *sums {
	s := &sums{spent: map[string]decimal.Decimal{}, fiscal: map[string][]decimal.Decimal{}, nonFiscal: b.Doc.Final.NonFiscal}
	for _, l := range b.Lines {
		c := l.Code[:3]
		s.spent[c] = s.spent[c].Add(l.Spent())
		if i := fiscalIndex(l.Source); i >= 0 {
			v := s.fiscal[c]
			if v == nil {
				v = make([]decimal.Decimal, 4)
			}
			v[0], v[i+1] = v[0].Add(l.Spent()), v[i+1].Add(l.Spent())
			s.fiscal[c] = v
		}
	}
	for _, r := range b.Doc.Final.Revenue {
		if k, ok := kindOf(r); ok {
			s.revenue[k] = s.revenue[k].Add(r.Amount.Value)
		}
	}
	for _, bl := range b.Doc.Final.Balances {
		if i := fiscalIndex(bl.Src); i >= 0 {
			s.opening[i] = s.opening[i].Add(bl.Opening.Value)
			s.closing[i] = s.closing[i].Add(bl.Closing.Value)
		}
	}
	return s
}

// withMoney are the keys of amounts not zero as printed.
func withMoney(m map[string]decimal.Decimal) map[string]bool {
	out := map[string]bool{}
	for k, v := range m {
		if !render.Round(v).IsZero() {
			out[k] = true
		}
	}
	return out
}

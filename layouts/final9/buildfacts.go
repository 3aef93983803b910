package final9

import (
	"fmt"
	"sort"
	"strings"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
	"github.com/shopspring/decimal"
)

// buildFacts reads the figures of 第三部分 off the built tables.
func buildFacts(b *render.Builder) *Facts {
	d, p := b.Doc, b.Pub
	f := &Facts{Year: d.Year, PriorYear: d.Year - 1, Dept: d.Department.Name.Value}
	t1, t3, t4, t5, t6 := p.Table(F1), p.Table(F3), p.Table(F4), p.Table(F5), p.Table(F6)
	py, rs := d.PriorYear, d.Reasons

	// 一 and 四: the totals against last year's 决算.
	f.Total, f.FiscalTotal = t1.Exact(render.TotalRow, render.ColIncome), t4.Exact(render.TotalRow, render.ColIncome)
	f.PriorTotal, f.TotalMark = priorOr(b, py.Total, "收入支出总计", "prior_year.total")
	f.PriorFiscalTotal, f.FiscalTotalMark = priorOr(b, py.Fiscal, "财政拨款收入支出总计", "prior_year.fiscal")
	f.TotalReason = reasonFor(b, rs.TotalChange, f.Total, f.PriorTotal, "收入支出总计比上年增减的原因", "reasons.total_change")
	f.FiscalReason = reasonFor(b, d.Final.Reasons.FiscalChange, f.FiscalTotal, f.PriorFiscalTotal, "财政拨款收入支出总计比上年增减的原因", "final.reasons.fiscal_change")

	// 二 and 三: the kinds of income and spending with money.
	f.Income, f.Spending = t1.Exact(render.CurrentTotalRow, render.ColIncome), t1.Exact(render.CurrentTotalRow, colSpent)
	fiscal := decimal.Zero
	for k := input.RevenueGeneralPublic; k <= input.RevenueStateCapital; k++ {
		fiscal = fiscal.Add(t1.Exact(render.ItemRow(k.Key()), render.ColIncome))
	}
	f.Incomes = shares(f.Income, Share{Name: "财政拨款收入", Amount: fiscal})
	for k := input.RevenueSuperior; k < input.NumRevenueKinds; k++ {
		f.Incomes = append(f.Incomes, shares(f.Income, Share{Name: k.Title(), Amount: t1.Exact(render.ItemRow(k.Key()), render.ColIncome)})...)
	}
	for _, s := range []struct {
		name string
		col  render.ColKey
	}{{"基本支出", render.ColBasic}, {"项目支出", render.ColProject}, {"上缴上级支出", colRemit}, {"经营支出", colOperation}, {"对附属单位补助支出", colAffiliate}} {
		f.Spendings = append(f.Spendings, shares(f.Spending, Share{Name: s.name, Amount: t3.Exact(render.TotalRow, s.col)})...)
	}

	// 五: table 5, its 类, its 项 against their 年初预算.
	f.GeneralPublic = t5.Exact(render.TotalRow, colSpent)
	f.PriorGP, f.GPMark = priorOr(b, py.GeneralPublic, "一般公共预算财政拨款支出", "prior_year.general_public")
	f.GPReason = reasonFor(b, rs.GeneralPublicChange, f.GeneralPublic, f.PriorGP, "一般公共预算财政拨款支出比上年增减的原因", "reasons.general_public_change")
	for _, r := range t5.Rows {
		if r.Key.Role == render.RoleCode && len(r.Key.ID) == 3 {
			f.GPClasses = append(f.GPClasses, Share{Name: d.Name(r.Key.ID) + "（类）", Amount: t5.Exact(r.Key, colSpent), Whole: f.GeneralPublic})
		}
	}
	budgets := budgetsBy(d)
	f.GPBudget = budgetOf(b, budgets, input.GeneralPublic, "")
	if f.GPBudget.Known {
		f.GPBudget.Versus = versus(f.GeneralPublic, f.GPBudget.Initial)
	}
	f.GPVsBudgetReason = vsBudgetReason(b, d.Final.Reasons.GeneralPublicVsBudget, f.GeneralPublic, f.GPBudget, "一般公共预算财政拨款支出决算数与年初预算不同的原因", "final.reasons.general_public_vs_budget")
	f.Subjects = subjects(b, t5, colSpent, input.GeneralPublic, budgets)

	// 六: table 6.
	f.Basic = t5.Exact(render.TotalRow, render.ColBasic)
	f.Personnel, f.Public = t6.Exact(rowPersonnel, colLeftActual), t6.Exact(rowPublic, colSpent)
	f.PersonnelItems, f.PublicItems = economicItems(t6, colLeftName, colLeftActual, true), economicItems(t6, render.ColName, colSpent, false)

	f.ThreePublic = threePublicFacts(b)
	f.GovernmentFund = fundFacts(b, F8, "政府性基金预算", input.GovernmentFund, budgets)
	f.StateCapital = fundFacts(b, F9, "国有资本经营预算", input.StateCapital, budgets)
	f.Performance = performanceFacts(b)

	// 十一: 机关运行经费 (operating_costs, 财政拨款), procurement, assets.
	for _, o := range d.OperCosts {
		f.OperatingCosts = f.OperatingCosts.Add(o.Amount.Fiscal())
	}
	f.HasOperatingCosts = !render.Round(f.OperatingCosts).IsZero()
	if f.HasOperatingCosts {
		f.PriorOperating, f.OperatingMark = priorOr(b, py.OperatingCosts, "机关运行经费支出", "prior_year.operating_costs")
		f.OperatingReason = reasonFor(b, rs.OperatingCostsChange, f.OperatingCosts, f.PriorOperating, "机关运行经费比上年增减的原因", "reasons.operating_costs_change")
	}
	f.Procurement = procurementFacts(b)
	f.Assets = assetsFacts(b)
	return f
}

// shares are the figures with money as printed, each of the whole.
func shares(whole decimal.Decimal, ss ...Share) []Share {
	var out []Share
	for _, s := range ss {
		if !render.Round(s.Amount).IsZero() {
			s.Whole = whole
			out = append(out, s)
		}
	}
	return out
}

// budgetKey is a 项 and source of the year's budget.
type budgetKey struct {
	code string
	src  input.Source
}

// budgetsBy are the year's budgets by 项 and source (final.budgets).
func budgetsBy(d *input.Document) map[budgetKey]input.FinalBudget {
	out := map[budgetKey]input.FinalBudget{}
	for _, fb := range d.Final.Budgets {
		out[budgetKey{fb.Code.Value, fb.Src}] = fb
	}
	return out
}

// budgetOf is the budget of a source's 项 (code), or of all its 项 (""):
// known when every 项 with money in the source's lines, and every budget
// line of it, gives its 年初预算. The source's whole ("") says each 项
// nobody gave a 年初预算 as one 需补填, in code order; a 项's own is then
// only marked (its finding is the whole's).
func budgetOf(b *render.Builder, budgets map[budgetKey]input.FinalBudget, src input.Source, code string) Budget {
	var out Budget
	out.Known = true
	adjusted, anyAdjusted := decimal.Zero, false
	seen := map[string]bool{}
	var missing []string
	add := func(c string) {
		if seen[c] {
			return
		}
		seen[c] = true
		fb, ok := budgets[budgetKey{c, src}]
		if !ok || !fb.Initial.Set {
			out.Known = false
			missing = append(missing, c)
			return
		}
		out.Initial = out.Initial.Add(fb.Initial.Value)
		if fb.Adjusted.Set {
			adjusted, anyAdjusted = adjusted.Add(fb.Adjusted.Value), true
		} else {
			adjusted = adjusted.Add(fb.Initial.Value)
		}
	}
	for k := range budgets {
		if k.src == src && (code == "" || k.code == code) {
			add(k.code)
		}
	}
	for _, l := range b.Lines {
		if l.Source == src && (code == "" || l.Code == code) {
			add(l.Code)
		}
	}
	if anyAdjusted {
		out.Adjusted = render.Prior{Value: adjusted, Set: true}
	}
	if out.Known {
		return out
	}
	if code != "" {
		out.Mark = render.Mark(budgetWhat(b, src, code))
		return out
	}
	sort.Strings(missing)
	for _, c := range missing {
		at := b.KeyPos("final")
		if fb, ok := budgets[budgetKey{c, src}]; ok {
			at = fb.Pos
		}
		b.Unknown(unknownBudget, budgetWhat(b, src, c), "final.budgets", at)
	}
	out.Mark = render.Mark(src.Title() + "财政拨款支出的年初预算")
	return out
}

// budgetWhat is what a 项's unknown 年初预算 is called.
func budgetWhat(b *render.Builder, src input.Source, code string) string {
	return fmt.Sprintf("科目“%s”（%s）%s财政拨款支出的年初预算", b.Doc.Name(code), code, src.Title())
}

// vsBudgetReason is why a 决算 differs from its 年初预算: "" when it does
// not (or the budget is unknown, which is said), the clerk's text, or a
// mark.
func vsBudgetReason(b *render.Builder, t input.Text, actual decimal.Decimal, bud Budget, what, path string) string {
	if !bud.Known {
		return ""
	}
	return reasonFor(b, t, actual, render.Prior{Value: bud.Initial, Set: true}, what, path)
}

// subjects are the 项 of a table (5, 8 or 9), in code order, each with its
// purpose, 年初预算, 决算 and the reason of a difference.
func subjects(b *render.Builder, t *render.Table, col render.ColKey, src input.Source, budgets map[budgetKey]input.FinalBudget) []Subject {
	d := b.Doc
	var out []Subject
	for _, r := range t.Rows {
		if r.Key.Role != render.RoleCode || len(r.Key.ID) != 7 {
			continue
		}
		code := r.Key.ID
		s := Subject{N: len(out) + 1, Code: code, Class: d.Name(code[:3]), Section: d.Name(code[:5]), Item: d.Name(code), Actual: t.Exact(r.Key, col)}
		sp, given := d.PurposeOf(code)
		at := b.KeyPos("subject_purposes")
		if given {
			at = sp.Pos
		}
		if given && render.Given(sp.Purpose) {
			s.Purpose = strings.TrimRight(strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(sp.Purpose.Value), "主要用于")), "。")
		} else {
			s.Purpose = b.Unknown(unknownPurpose, fmt.Sprintf("科目“%s”（%s）的主要用途", s.Item, code), "subject_purposes", at)
		}
		if render.Round(s.Actual).IsZero() {
			continue // a 项 with a balance only: nothing spent to explain
		}
		s.Budget = budgetOf(b, budgets, src, code)
		if s.Budget.Known {
			s.Budget.Versus = versus(s.Actual, s.Budget.Initial)
		}
		if s.Budget.Known && !render.Round(s.Actual).Equal(render.Round(s.Budget.Initial)) {
			if given && render.Given(sp.VarianceReason) {
				s.Reason = strings.TrimRight(strings.TrimSpace(sp.VarianceReason.Value), "。")
			} else {
				s.Reason = b.Unknown(render.ReasonMissing, fmt.Sprintf("科目“%s”（%s）决算数与年初预算不同的原因", s.Item, code), "subject_purposes", at)
			}
		}
		out = append(out, s)
	}
	return out
}

// economicItems are the names of a side's 款 with money: 基本工资、津贴补贴….
func economicItems(t *render.Table, nameCol, amountCol render.ColKey, left bool) string {
	var names []string
	ni, ai := t.Col(nameCol), t.Col(amountCol)
	for _, r := range t.Rows {
		key := r.Key
		if left {
			key = r.LeftKey
		}
		if key.Role != render.RoleCode || len(key.ID) != 5 || render.Round(r.Cells[ai].Exact).IsZero() {
			continue
		}
		names = append(names, r.Cells[ni].Text)
	}
	return strings.Join(names, "、")
}

// fundFacts are 八 or 九's figures off table 8 or 9.
func fundFacts(b *render.Builder, id render.TableID, name string, src input.Source, budgets map[budgetKey]input.FinalBudget) Fund {
	t := b.Pub.Table(id)
	f := Fund{Name: name, Income: t.Exact(render.TotalRow, colIncome), Spent: t.Exact(render.TotalRow, colSpent)}
	f.Has = !render.Round(f.Income).IsZero() || !render.Round(f.Spent).IsZero()
	if f.Has {
		budgetOf(b, budgets, src, "") // says each 项 without a 年初预算
		f.Subjects = subjects(b, t, colSpent, src, budgets)
	}
	return f
}

package final9

import (
	"fmt"
	"testing"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/input/synth"
	"github.com/budgetpub/budgetpub/render"
	"github.com/budgetpub/budgetpub/render/publish/rollover"
	"github.com/shopspring/decimal"
)

// A 决算 made from a generated 预算 as a clerk makes it — init
// --final-from, then each line's 决算数 filled (here: what was budgeted,
// a part of each 项目支出 left over as a 年末 balance), the income that
// paid for it, the “三公” spent — builds with every identity of the nine
// tables holding and no check failing; its 年初预算 are the 预算's.
func TestGeneratedFinal(t *testing.T) {
	for seed := int64(1); seed <= 6; seed++ {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			budget, err := input.Decode("budget.yaml", synth.Generate(synth.Options{Seed: seed, AllSources: seed%2 == 0}), nil)
			if err != nil {
				t.Fatal(err)
			}
			doc, o, err := rollover.FinalFrom(budget, nil)
			if err != nil {
				t.Fatal(err)
			}
			fill(t, budget, doc)
			text := input.Format(doc, o)
			doc, err = input.Decode("final.yaml", text, nil)
			if err != nil {
				t.Fatalf("%v\n%s", err, text)
			}
			pub, err := render.BuildWith(doc, render.Options{})
			if err != nil {
				t.Fatal(err)
			}
			agree(t, pub)
			for _, f := range render.Check(doc, pub) {
				if f.Severity == render.SeverityError {
					t.Errorf("%s: %s", f.ID, f.Message)
				}
			}
			// Its 年初预算 are the 预算's: 一般公共预算's current lines.
			want := decimal.Zero
			for _, e := range budget.Expenditures {
				if e.Src == input.GeneralPublic && !e.Carryover {
					want = want.Add(e.Basic.Value).Add(e.Project.Value)
				}
			}
			if f := factsOf(pub); !f.GPBudget.Known || !f.GPBudget.Initial.Equal(want) {
				t.Errorf("年初预算 %+v, want the 预算's %s", f.GPBudget, want)
			}
		})
	}
}

// fill writes a clerk's 决算数 into a 决算 started from budget: each line
// spends what was budgeted for its 项 and source, all but a tenth of its
// 项目支出, which is left over (年末结转和结余, by 项) — of 财政拨款; the
// income is what was spent and left; the economic lines, the “三公” and
// 机关运行经费 as budgeted; nothing carried in.
func fill(t *testing.T, budget, doc *input.Document) {
	t.Helper()
	type key struct {
		code string
		src  input.Source
		kind string
	}
	sums := map[key][2]decimal.Decimal{}
	for _, e := range budget.Expenditures {
		k := key{e.Code.Value, e.Src, e.Income.Value}
		v := sums[k]
		sums[k] = [2]decimal.Decimal{v[0].Add(e.Basic.Value), v[1].Add(e.Project.Value)}
	}
	amt := func(d decimal.Decimal) input.Amount { return input.Amount{Value: d, Set: true} }
	type fkey struct {
		code string
		src  input.Source
	}
	income := map[fkey]decimal.Decimal{}
	left := map[fkey]decimal.Decimal{}
	var order []fkey
	for i, e := range doc.Expenditures {
		src, _ := input.ParseSource(e.Source.Value)
		if e.Source.Value == "" {
			src = input.DefaultSource
		}
		v := sums[key{e.Code.Value, src, e.Income.Value}]
		spare := v[1].Div(decimal.NewFromInt(10)).Round(2)
		if !src.Fiscal() {
			spare = decimal.Zero
		}
		doc.Expenditures[i].Basic, doc.Expenditures[i].Project = amt(v[0]), amt(v[1].Sub(spare))
		fk := fkey{e.Code.Value, src}
		if _, ok := income[fk]; !ok {
			order = append(order, fk)
		}
		income[fk] = income[fk].Add(v[0]).Add(v[1])
		left[fk] = left[fk].Add(spare)
	}
	for _, fk := range order {
		kind := input.RevenueOther
		switch fk.src {
		case input.GeneralPublic:
			kind = input.RevenueGeneralPublic
		case input.GovernmentFund:
			kind = input.RevenueGovernmentFund
		case input.StateCapital:
			kind = input.RevenueStateCapital
		}
		doc.Final.Revenue = append(doc.Final.Revenue, input.FinalRevenue{Code: input.Text{Value: fk.code}, Kind: input.Text{Value: kind.Key()}, Amount: amt(income[fk])})
		if fk.src.Fiscal() {
			doc.Final.Balances = append(doc.Final.Balances, input.FinalBalance{Code: input.Text{Value: fk.code}, Source: input.Text{Value: fk.src.Key()},
				Opening: amt(decimal.Zero), Closing: amt(left[fk])})
		}
	}
	zero := amt(decimal.Zero)
	doc.Final.NonFiscal = input.NonFiscalBalances{Opening: zero, Closing: zero, UseOfSurplus: zero, Distribution: zero}
	// The economic lines cover the 一般公共预算 基本支出 spent (the
	// generator's do not: its 预算 carries the T6-T5-basic warning): each
	// scaled to it, the last taking the rest, so that table 6 is table 5's.
	basic, econ := decimal.Zero, decimal.Zero
	for _, e := range doc.Expenditures {
		if src, _ := input.ParseSource(e.Source.Value); e.Source.Value == "" || src == input.GeneralPublic {
			basic = basic.Add(e.Basic.Value)
		}
	}
	for _, l := range budget.BasicByEcon {
		econ = econ.Add(l.Amount.Value)
	}
	doc.BasicByEcon = append([]input.EconomicLine(nil), budget.BasicByEcon...)
	rest := basic
	for i := range doc.BasicByEcon {
		a := doc.BasicByEcon[i].Amount.Value.Mul(basic).DivRound(econ, 2)
		if i == len(doc.BasicByEcon)-1 {
			a = rest
		}
		rest = rest.Sub(a)
		doc.BasicByEcon[i].Amount = amt(a)
	}
	doc.ThreePublic = budget.ThreePublic
	doc.OperCosts = budget.OperCosts
}

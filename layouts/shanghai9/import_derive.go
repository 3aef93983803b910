package shanghai9

import (
	"fmt"
	"sort"
	"strings"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
	"github.com/shopspring/decimal"
)

// The lines of a master input, derived from the 9 tables read back from a
// workbook: the leaves — 项-level codes, table 8's 款, table 9's items —
// are the truth; every other figure is checked against the publication
// rebuilt from the lines. The importer has put every amount in 万元,
// exactly (元 ÷ 10000).

func txt(s string) input.Text { return input.Text{Value: s} }

func amt(d decimal.Decimal) input.Amount { return input.Amount{Value: d, Set: true} }

// fiscalAmount is an amount of 财政拨款 as a table gives it: of
// 一般公共预算, given (a 0 the table prints is said, not left out).
func fiscalAmount(d decimal.Decimal) input.BySource {
	var b input.BySource
	b.Amounts[input.GeneralPublic] = input.Amount{Value: d, Set: true, Pos: input.Pos{Line: 1, Col: 1}}
	return b
}

// leaves are the rows of a table's half whose codes have digits digits, by
// code.
func leaves(t *render.ReadTable, digits int) map[string]*render.ReadRow {
	out := map[string]*render.ReadRow{}
	if t == nil {
		return out
	}
	for _, e := range t.Main {
		if e.Key.Role == render.RoleCode && len(e.Key.ID) == digits {
			out[e.Key.ID] = e
		}
	}
	return out
}

// fiscalTables are the tables of 财政拨款 by source: 表5, 表6, 表7.
var fiscalTables = []struct {
	s  input.Source
	id render.TableID
}{{input.GeneralPublic, S5}, {input.GovernmentFund, S6}, {input.StateCapital, S7}}

// expenditures derives the expenditure lines, code × source × kind of
// income × basic / project. 表5, 表6 and 表7 give each 项's 财政拨款 by
// source, split into basic and project; 表3 the split of all the money;
// what 表3 has beyond them is 单位资金, whose kinds of income (事业收入,
// 事业单位经营收入, 其他收入) 表2 gives by code. The tables do not say which
// kind pays the basic and which the project expenditure: the kinds take the
// basic expenditure first, in 表2's column order — a stated rule.
func (dv *importing) expenditures() {
	t2, t3 := leaves(dv.tables[S2], 7), leaves(dv.tables[S3], 7)
	cur := map[input.Source]map[string]*render.ReadRow{}
	codes := map[string]bool{}
	for _, m := range []map[string]*render.ReadRow{t2, t3} {
		for c := range m {
			codes[c] = true
		}
	}
	for _, f := range fiscalTables {
		cur[f.s] = leaves(dv.tables[f.id], 7)
		for c := range cur[f.s] {
			codes[c] = true
		}
	}
	for _, id := range []render.TableID{S2, S3, S5, S6, S7} {
		if t := dv.tables[id]; t != nil {
			for _, e := range t.Main {
				if e.Key.Role == render.RoleCode {
					dv.run.Name(e.Key.ID, e.Label)
				}
			}
		}
	}
	sorted := make([]string, 0, len(codes))
	for c := range codes {
		sorted = append(sorted, c)
	}
	sort.Strings(sorted)
	for _, c := range sorted {
		for _, f := range fiscalTables {
			if e := cur[f.s][c]; e != nil {
				dv.line(c, f.s, "", e.Amount(render.ColBasic), e.Amount(render.ColProject))
			}
		}
		// What the fiscal tables leave of 表3's basic and project.
		e2, e3 := t2[c], t3[c]
		br, pr := e3.Amount(render.ColBasic), e3.Amount(render.ColProject)
		for _, f := range fiscalTables {
			br, pr = br.Sub(cur[f.s][c].Amount(render.ColBasic)), pr.Sub(cur[f.s][c].Amount(render.ColProject))
		}
		nonFiscal := decimal.Zero
		kinds := 0
		for _, k := range input.AllIncomeKinds {
			a := e2.Amount(kindCols[k+1])
			nonFiscal = nonFiscal.Add(a)
			if a.IsPositive() {
				kinds++
			}
		}
		if nonFiscal.IsZero() || br.IsNegative() || pr.IsNegative() || !br.Add(pr).Equal(nonFiscal) {
			continue // none, or the tables disagree: verification names the cells
		}
		if kinds > 1 && br.IsPositive() && pr.IsPositive() {
			cells := []string{e3.Ref(render.ColBasic), e3.Ref(render.ColProject)}
			for _, k := range input.AllIncomeKinds {
				if e2.Amount(kindCols[k+1]).IsPositive() {
					cells = append(cells, e2.Ref(kindCols[k+1]))
				}
			}
			dv.run.Assume("expenditures", fmt.Sprintf("科目 %s：单位资金按%s的顺序先计入基本支出、后计入项目支出（表中没有各类收入的基本、项目之分）", c, incomeKindList()), cells...)
		}
		for _, k := range input.AllIncomeKinds {
			a := e2.Amount(kindCols[k+1])
			if !a.IsPositive() {
				continue
			}
			b := decimal.Min(a, br)
			dv.line(c, input.UnitFunds, k.Key(), b, a.Sub(b))
			br, pr = br.Sub(b), pr.Sub(a.Sub(b))
		}
	}
}

// incomeKindList is 事业收入、事业单位经营收入、其他收入.
func incomeKindList() string {
	var ts []string
	for _, k := range input.AllIncomeKinds {
		ts = append(ts, k.Title())
	}
	return strings.Join(ts, "、")
}

// line adds an expenditure line, or adds to the line of the same code,
// source and kind of income.
func (dv *importing) line(code string, s input.Source, income string, basic, project decimal.Decimal) {
	if basic.IsZero() && project.IsZero() {
		return
	}
	key := lineKey{code, s, income}
	if i, ok := dv.lines[key]; ok {
		e := &dv.doc.Expenditures[i]
		e.Basic, e.Project = amt(e.Basic.Value.Add(basic)), amt(e.Project.Value.Add(project))
		return
	}
	dv.lines[key] = len(dv.doc.Expenditures)
	e := input.Expenditure{Code: txt(code), Src: s, Income: txt(income)}
	if s != input.DefaultSource {
		e.Source = txt(s.Key())
	}
	if !basic.IsZero() {
		e.Basic = amt(basic)
	}
	if !project.IsZero() {
		e.Project = amt(project)
	}
	dv.doc.Expenditures = append(dv.doc.Expenditures, e)
}

// economic derives basic_by_economic from table 8: one line a 款 with
// money. Table 8 prints the 部门预算经济分类 only; the 政府预算经济分类 each
// line also needs is the one it corresponds to (input.GovEconomicOf) — a stated rule.
func (dv *importing) economic() {
	t8 := dv.tables[S8]
	if t8 == nil {
		return
	}
	var cells []string
	for _, e := range t8.Main {
		if e.Key.Role != render.RoleCode {
			continue
		}
		dv.run.Name(e.Key.ID, e.Label)
		a := e.Amount(render.ColTotal)
		if len(e.Key.ID) != 5 || a.IsZero() {
			continue
		}
		ref := t8.Ref(e.Row, ColClass)
		gov := input.GovEconomicOf(e.Key.ID)
		if gov == "" {
			dv.run.Errorf(ref, "%s的部门预算经济分类科目 %s（%s）没有对应的政府预算经济分类：请在导入后的主输入文件中填写它的 gov，或先删去这一行再导入", tableName(t8.Decl), e.Key.ID, e.Label)
			continue
		}
		cells = append(cells, ref)
		dv.doc.BasicByEcon = append(dv.doc.BasicByEcon, input.EconomicLine{Dept: txt(e.Key.ID), Gov: txt(gov), Amount: amt(a)})
	}
	if len(cells) > 0 {
		dv.run.Assume("basic_by_economic", "表8只列部门预算经济分类：每行的政府预算经济分类（gov）按通常的对应关系填写（如 30101 基本工资→50101 工资奖金津补贴，30201 办公费→50201 办公经费），请核对", cells...)
	}
}

// threePublic derives “三公” by item and 机关运行经费 from table 9's one
// row, of 一般公共预算; the department is its one unit, whose 机关运行经费
// it is.
func (dv *importing) threePublic() {
	name := dv.doc.Department.Name.Value
	dv.doc.Units = []input.Unit{{Name: txt(name)}}
	t9 := dv.tables[S9]
	if t9 == nil || len(t9.Main) == 0 {
		return
	}
	e := t9.Main[0]
	tp := &dv.doc.ThreePublic
	tp.OutboundTravel = fiscalAmount(e.Amount(colTravel))
	tp.Reception = fiscalAmount(e.Amount(colReception))
	tp.VehiclePurchase = fiscalAmount(e.Amount(colPurchase))
	tp.VehicleOperation = fiscalAmount(e.Amount(colOperation))
	if a := e.Amount(colOperating); !a.IsZero() {
		dv.doc.OperCosts = []input.OperatingCost{{Unit: txt(name), Amount: fiscalAmount(a)}}
	}
}

package shanxi13

import (
	"fmt"
	"sort"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
	"github.com/shopspring/decimal"
)

// The lines of a master input, derived from the 13 tables read back from a
// workbook (render.ImportDecl.Derive): the leaves — 项-level codes, the
// economic pairs, projects, units, the items of “三公” — are the truth;
// the totals are checked against the publication rebuilt from the lines.

// bySource is the amounts of a row's source columns.
func bySource(e *render.ReadRow, sources []input.Source) input.BySource {
	var b input.BySource
	for _, s := range sources {
		if a := e.Amounts[render.SourceCol(s)]; !a.IsZero() || s == input.DefaultSource {
			b.Amounts[s] = input.Amount{Value: a, Set: true, Pos: input.Pos{Line: 1, Col: 1}}
		}
	}
	return b
}

// byKey indexes rows by key.
func byKey(es []*render.ReadRow) map[render.RowKey]*render.ReadRow {
	out := map[render.RowKey]*render.ReadRow{}
	for _, e := range es {
		out[e.Key] = e
	}
	return out
}

// leaves are the 项 (7-digit) rows of a table's half, by code.
func leaves(es []*render.ReadRow) map[string]*render.ReadRow {
	out := map[string]*render.ReadRow{}
	for _, e := range es {
		if e.Key.Role == render.RoleCode && len(e.Key.ID) == 7 {
			out[e.Key.ID] = e
		}
	}
	return out
}

// expenditures derives the expenditure lines: code × source × current /
// carry-over × basic / project. 表5, 表8 and 表9 give the current year's
// 财政拨款 by source split into basic and project; 表2 gives each source's
// current money and the carry-over of each code; 表3 the basic / project
// split of everything. The rest is decided by stated rules:
//   - a code's carry-over is project expenditure first, basic for what
//     表3's project column cannot hold;
//   - 单位资金 is basic expenditure first, 财政专户管理资金 takes the rest;
//   - the carry-over of a category by source (表4 and 表1 less the current
//     year) goes to its codes in code order, sources in column order.
func (dv *importing) expenditures() {
	t2, t3 := leaves(dv.tables[T2].Main), leaves(dv.tables[T3].Main)
	cur := map[input.Source]map[string]*render.ReadRow{
		input.GeneralPublic:  leaves(dv.tables[T5].Main),
		input.GovernmentFund: leaves(dv.tables[T8].Main),
		input.StateCapital:   leaves(dv.tables[T9].Main),
	}
	codes := map[string]bool{}
	for _, m := range []map[string]*render.ReadRow{t2, t3, cur[input.GeneralPublic], cur[input.GovernmentFund], cur[input.StateCapital]} {
		for c := range m {
			codes[c] = true
		}
	}
	for _, t := range []render.TableID{T2, T3, T5, T8, T9} {
		for _, e := range dv.tables[t].Main {
			if e.Key.Role == render.RoleCode {
				dv.run.Name(e.Key.ID, e.Label)
			}
		}
	}
	sorted := make([]string, 0, len(codes))
	for c := range codes {
		sorted = append(sorted, c)
	}
	sort.Strings(sorted)

	type carry struct{ basic, project decimal.Decimal }
	carries := map[string]carry{}
	for _, c := range sorted {
		e2, e3 := t2[c], t3[c]
		for _, s := range input.FiscalSources {
			if e := cur[s][c]; e != nil {
				dv.line(c, s, false, e.Amount(render.ColBasic), e.Amount(render.ColProject))
			}
		}
		// What the fiscal tables leave of 表3's basic and project.
		br, pr := e3.Amount(render.ColBasic), e3.Amount(render.ColProject)
		for _, s := range input.FiscalSources {
			br, pr = br.Sub(cur[s][c].Amount(render.ColBasic)), pr.Sub(cur[s][c].Amount(render.ColProject))
		}
		sa, uf := e2.Amount(render.SourceCol(input.SpecialAccount)), e2.Amount(render.SourceCol(input.UnitFunds))
		k := e2.Amount(render.ColCarryover)
		if br.IsNegative() || pr.IsNegative() || !br.Add(pr).Equal(sa.Add(uf).Add(k)) {
			continue // the tables disagree: verification names the cells
		}
		kp := decimal.Min(k, pr)
		kb := k.Sub(kp)
		carries[c] = carry{kb, kp}
		br, pr = br.Sub(kb), pr.Sub(kp)
		ambiguousSplit := func(what string, cells ...string) {
			dv.run.Assume("expenditures", fmt.Sprintf("科目 %s：%s", c, what), cells...)
		}
		if k.IsPositive() && sa.Add(uf).IsPositive() && br.Add(kb).IsPositive() && pr.Add(kp).IsPositive() {
			ambiguousSplit(fmt.Sprintf("上年结转 %s按先项目支出、后基本支出计入（表中没有结转资金的基本、项目之分）", dv.tables[T2].Money(k)),
				e2.Ref(render.ColCarryover), e3.Ref(render.ColBasic), e3.Ref(render.ColProject))
		}
		ub := decimal.Min(uf, br)
		up := uf.Sub(ub)
		sb, sp := br.Sub(ub), pr.Sub(up)
		if sa.IsPositive() && uf.IsPositive() && br.IsPositive() && pr.IsPositive() {
			ambiguousSplit("单位资金按先基本支出、后项目支出计入，其余为财政专户管理资金（表中没有这两种资金的基本、项目之分）",
				e2.Ref(render.SourceCol(input.UnitFunds)), e2.Ref(render.SourceCol(input.SpecialAccount)), e3.Ref(render.ColBasic), e3.Ref(render.ColProject))
		}
		if sa.IsPositive() {
			dv.line(c, input.SpecialAccount, false, sb, sp)
		}
		if uf.IsPositive() {
			dv.line(c, input.UnitFunds, false, ub, up)
		}
	}
	dv.carryovers(sorted, t2, cur, func(c string) (decimal.Decimal, decimal.Decimal) {
		return carries[c].basic, carries[c].project
	})
}

// carryovers gives each code's carry-over its sources: per category, the
// carry-over of each source is 表4's (fiscal) or 表1's (the rest) less the
// current year; within a category, codes in code order take the sources in
// column order, project expenditure first.
func (dv *importing) carryovers(codes []string, t2 map[string]*render.ReadRow, cur map[input.Source]map[string]*render.ReadRow, split func(string) (decimal.Decimal, decimal.Decimal)) {
	t1, t4 := byKey(dv.tables[T1].Main), byKey(dv.tables[T4].Main)
	byCat := map[string][]string{}
	for _, c := range codes {
		if t2[c].Amount(render.ColCarryover).IsPositive() {
			byCat[c[:3]] = append(byCat[c[:3]], c)
		}
	}
	cats := make([]string, 0, len(byCat))
	for c := range byCat {
		cats = append(cats, c)
	}
	sort.Strings(cats)
	for _, cat := range cats {
		key := render.CodeRow(cat)
		avail := map[input.Source]decimal.Decimal{}
		fiscal := zero
		for _, s := range input.FiscalSources {
			current := zero
			for c, e := range cur[s] {
				if c[:3] == cat {
					current = current.Add(e.Amount(render.ColTotal))
				}
			}
			avail[s] = t4[key].Amount(render.SourceCol(s)).Sub(current)
			fiscal = fiscal.Add(avail[s])
		}
		rest := t1[key].Amount(render.ColCarryover).Sub(fiscal)
		// The rest is 财政专户管理资金 or 单位资金; 表1 does not say which:
		// 单位资金, unless the category has 财政专户 money this year only.
		nonFiscal := input.UnitFunds
		if sa := sumCol(t2, cat, render.SourceCol(input.SpecialAccount)); sa.IsPositive() && sumCol(t2, cat, render.SourceCol(input.UnitFunds)).IsZero() {
			nonFiscal = input.SpecialAccount
		}
		avail[nonFiscal] = rest
		var sources []input.Source
		for _, s := range input.AllSources {
			if avail[s].IsPositive() {
				sources = append(sources, s)
			}
		}
		if len(sources) == 0 {
			sources = []input.Source{input.GeneralPublic}
			avail[input.GeneralPublic] = sumCol(t2, cat, render.ColCarryover)
		}
		if len(sources) > 1 && len(byCat[cat]) > 1 || rest.IsPositive() {
			var cells []string
			for _, c := range byCat[cat] {
				cells = append(cells, t2[c].Ref(render.ColCarryover))
			}
			cells = append(cells, t1[key].Ref(render.ColCarryover))
			for _, s := range input.FiscalSources {
				cells = append(cells, t4[key].Ref(render.SourceCol(s)))
			}
			var what string
			if rest.IsPositive() {
				what = fmt.Sprintf("类 %s 的上年结转中非财政拨款部分 %s按%s计入", cat, dv.tables[T1].Money(rest), nonFiscal.Title())
			} else {
				what = fmt.Sprintf("类 %s 的上年结转按科目编码顺序依次计入各资金来源", cat)
			}
			dv.run.Assume("expenditures", what, cells...)
		}
		si := 0
		for _, c := range byCat[cat] {
			need := t2[c].Amount(render.ColCarryover)
			basic, project := split(c)
			for need.IsPositive() && si < len(sources) {
				s := sources[si]
				take := decimal.Min(need, avail[s])
				if si == len(sources)-1 {
					take = need // the last source takes what is left
				}
				p := decimal.Min(take, project)
				dv.line(c, s, true, take.Sub(p), p)
				project, basic = project.Sub(p), basic.Sub(take.Sub(p))
				need, avail[s] = need.Sub(take), avail[s].Sub(take)
				if !avail[s].IsPositive() {
					si++
				}
			}
		}
	}
}

// sumCol adds a column over the leaves of a category.
func sumCol(m map[string]*render.ReadRow, cat string, col render.ColKey) decimal.Decimal {
	s := zero
	for c, e := range m {
		if c[:3] == cat {
			s = s.Add(e.Amount(col))
		}
	}
	return s
}

// line adds an expenditure line, or adds to the line of the same code,
// source and year.
func (dv *importing) line(code string, s input.Source, carryover bool, basic, project decimal.Decimal) {
	if basic.IsZero() && project.IsZero() {
		return
	}
	key := lineKey{code, s, carryover}
	if i, ok := dv.lines[key]; ok {
		e := &dv.doc.Expenditures[i]
		e.Basic, e.Project = amt(e.Basic.Value.Add(basic)), amt(e.Project.Value.Add(project))
		return
	}
	if dv.lines == nil {
		dv.lines = map[lineKey]int{}
	}
	dv.lines[key] = len(dv.doc.Expenditures)
	e := input.Expenditure{Code: txt(code), Src: s, Carryover: carryover}
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

// keyEconomic keys table 6's rows: each pair by the codes of its names
// (a class subtotal row gives the class of the pairs below it).
func (dv *importing) keyEconomic() {
	t6 := dv.tables[T6]
	class := ""
	for _, e := range t6.Main {
		if e.Key == render.TotalRow {
			continue
		}
		ref := t6.Ref(e.Row, render.ColDeptEcon)
		if e.Gov == "" {
			c := dv.run.CodeNamed(e.Label, func(c string) bool { return len(c) == 3 && c[0] == '3' })
			if c == "" {
				dv.run.Errorf(ref, "部门经济分类类级科目“%s”不在分类目录中（编码无法确定）：请用 --catalog 提供含该科目的目录（编码,名称）", e.Label)
			}
			class = c
			if c != "" {
				e.Key = render.CodeRow(c)
			}
			continue
		}
		dept := dv.run.CodeNamed(e.Label, func(c string) bool { return len(c) == 5 && c[0] == '3' && (class == "" || c[:3] == class) })
		govRef := t6.Ref(e.Row, render.ColGovEcon)
		gov := dv.run.CodeNamed(e.Gov, func(c string) bool { return len(c) == 5 && c[0] == '5' })
		if dept == "" {
			dv.run.Errorf(ref, "部门经济分类科目“%s”不在分类目录中（编码无法确定）：请用 --catalog 提供含该科目的目录（编码,名称）", e.Label)
		}
		if gov == "" {
			dv.run.Errorf(govRef, "政府经济分类科目“%s”不在分类目录中（编码无法确定）：请用 --catalog 提供含该科目的目录（编码,名称）", e.Gov)
		}
		if dept != "" && gov != "" {
			e.Key = render.EconRow(dept, gov)
		}
	}
}

// economic derives table 6's lines: one a pair with an amount, named by
// the catalog's names of its codes.
func (dv *importing) economic() {
	for _, e := range dv.tables[T6].Main {
		if e.Key.Role != render.RoleEcon {
			continue
		}
		if a := e.Amount(render.ColTotal); !a.IsZero() {
			dv.doc.BasicByEcon = append(dv.doc.BasicByEcon, input.EconomicLine{Dept: txt(e.Key.ID), Gov: txt(e.Key.Sub), Amount: amt(a)})
		}
	}
}

// revenue derives the revenue lines of table 7 and table 9's income half.
func (dv *importing) revenue(es []*render.ReadRow) []input.RevenueLine {
	var out []input.RevenueLine
	for _, e := range es {
		if e.Key.Role != render.RoleCode {
			continue
		}
		dv.run.Name(e.Key.ID, e.Label)
		if len(e.Key.ID) == 7 {
			if a := e.Amount(render.ColRevenue); !a.IsZero() {
				out = append(out, input.RevenueLine{Code: txt(e.Key.ID), Amount: amt(a)})
			}
		}
	}
	return out
}

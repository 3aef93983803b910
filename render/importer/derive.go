package importer

import (
	"fmt"
	"sort"
	"strings"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/layouts/shanxi13"
	"github.com/budgetpub/budgetpub/render"
	"github.com/shopspring/decimal"
)

// Assumption is a split the tables leave open, decided by a stated rule,
// with the cells it rests on.
type Assumption struct {
	Text  string
	Cells []string
}

func (a Assumption) String() string {
	return a.Text + "（依据：" + strings.Join(a.Cells, "、") + "）"
}

// deriver builds the master input from the tables' leaves.
type deriver struct {
	rd          *reader
	cat         *input.Catalog
	tables      map[render.TableID]*sheetTable
	doc         *input.Document
	assumptions []Assumption
	comments    map[string][]string
	names       map[string]string // code → name as the workbook prints it
	lines       map[lineKey]int   // the index in doc.Expenditures of each code, source and year
	operating   map[string]bool   // the units of table 11
	groups      map[render.TableID][]unitGroup
}

// lineKey is what makes an expenditure line one: its code, source and year.
type lineKey struct {
	code      string
	source    input.Source
	carryover bool
}

var zero = decimal.Zero

func txt(s string) input.Text { return input.Text{Value: s} }

func amt(d decimal.Decimal) input.Amount { return input.Amount{Value: d, Set: true} }

// bySource is the amounts of an entry's source columns.
func bySource(e *entry, sources []input.Source) input.BySource {
	var b input.BySource
	for _, s := range sources {
		if a := e.Amounts[render.SourceCol(s)]; !a.IsZero() || s == input.DefaultSource {
			b.Amounts[s] = input.Amount{Value: a, Set: true, Pos: input.Pos{Line: 1, Col: 1}}
		}
	}
	return b
}

// byKey indexes entries by key.
func byKey(es []*entry) map[render.RowKey]*entry {
	out := map[render.RowKey]*entry{}
	for _, e := range es {
		out[e.Key] = e
	}
	return out
}

// leaves are the 项 (7-digit) rows of entries, by code.
func leaves(es []*entry) map[string]*entry {
	out := map[string]*entry{}
	for _, e := range es {
		if e.Key.Role == render.RoleCode && len(e.Key.ID) == 7 {
			out[e.Key.ID] = e
		}
	}
	return out
}

// name records the name a table prints for a code.
func (dv *deriver) name(code, name string) {
	if name = strings.TrimSpace(name); name != "" && dv.names[code] == "" {
		dv.names[code] = name
	}
}

func get(e *entry, col render.ColKey) decimal.Decimal {
	if e == nil {
		return zero
	}
	return e.Amounts[col]
}

func refOf(e *entry, col render.ColKey) string {
	if e == nil {
		return ""
	}
	return e.Refs[col]
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
func (dv *deriver) expenditures() {
	t2, t3 := leaves(dv.tables[shanxi13.T2].Main), leaves(dv.tables[shanxi13.T3].Main)
	cur := map[input.Source]map[string]*entry{
		input.GeneralPublic:  leaves(dv.tables[shanxi13.T5].Main),
		input.GovernmentFund: leaves(dv.tables[shanxi13.T8].Main),
		input.StateCapital:   leaves(dv.tables[shanxi13.T9].Main),
	}
	codes := map[string]bool{}
	for _, m := range []map[string]*entry{t2, t3, cur[input.GeneralPublic], cur[input.GovernmentFund], cur[input.StateCapital]} {
		for c := range m {
			codes[c] = true
		}
	}
	for _, t := range []render.TableID{shanxi13.T2, shanxi13.T3, shanxi13.T5, shanxi13.T8, shanxi13.T9} {
		for _, e := range dv.tables[t].Main {
			if e.Key.Role == render.RoleCode {
				dv.name(e.Key.ID, e.Label)
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
				dv.line(c, s, false, get(e, render.ColBasic), get(e, render.ColProject))
			}
		}
		// What the fiscal tables leave of 表3's basic and project.
		br, pr := get(e3, render.ColBasic), get(e3, render.ColProject)
		for _, s := range input.FiscalSources {
			br, pr = br.Sub(get(cur[s][c], render.ColBasic)), pr.Sub(get(cur[s][c], render.ColProject))
		}
		sa, uf := get(e2, render.SourceCol(input.SpecialAccount)), get(e2, render.SourceCol(input.UnitFunds))
		k := get(e2, render.ColCarryover)
		if br.IsNegative() || pr.IsNegative() || !br.Add(pr).Equal(sa.Add(uf).Add(k)) {
			continue // the tables disagree: verification names the cells
		}
		kp := decimal.Min(k, pr)
		kb := k.Sub(kp)
		carries[c] = carry{kb, kp}
		br, pr = br.Sub(kb), pr.Sub(kp)
		ambiguousSplit := func(what string, cells ...string) {
			dv.assumptions = append(dv.assumptions, Assumption{Text: fmt.Sprintf("科目 %s：%s", c, what), Cells: cells})
		}
		if k.IsPositive() && sa.Add(uf).IsPositive() && br.Add(kb).IsPositive() && pr.Add(kp).IsPositive() {
			ambiguousSplit(fmt.Sprintf("上年结转 %s按先项目支出、后基本支出计入（表中没有结转资金的基本、项目之分）", dv.tables[shanxi13.T2].Money(k)),
				refOf(e2, render.ColCarryover), refOf(e3, render.ColBasic), refOf(e3, render.ColProject))
		}
		ub := decimal.Min(uf, br)
		up := uf.Sub(ub)
		sb, sp := br.Sub(ub), pr.Sub(up)
		if sa.IsPositive() && uf.IsPositive() && br.IsPositive() && pr.IsPositive() {
			ambiguousSplit("单位资金按先基本支出、后项目支出计入，其余为财政专户管理资金（表中没有这两种资金的基本、项目之分）",
				refOf(e2, render.SourceCol(input.UnitFunds)), refOf(e2, render.SourceCol(input.SpecialAccount)), refOf(e3, render.ColBasic), refOf(e3, render.ColProject))
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
func (dv *deriver) carryovers(codes []string, t2 map[string]*entry, cur map[input.Source]map[string]*entry, split func(string) (decimal.Decimal, decimal.Decimal)) {
	t1, t4 := byKey(dv.tables[shanxi13.T1].Main), byKey(dv.tables[shanxi13.T4].Main)
	byCat := map[string][]string{}
	for _, c := range codes {
		if get(t2[c], render.ColCarryover).IsPositive() {
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
					current = current.Add(get(e, render.ColTotal))
				}
			}
			avail[s] = get(t4[key], render.SourceCol(s)).Sub(current)
			fiscal = fiscal.Add(avail[s])
		}
		rest := get(t1[key], render.ColCarryover).Sub(fiscal)
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
				cells = append(cells, refOf(t2[c], render.ColCarryover))
			}
			cells = append(cells, refOf(t1[key], render.ColCarryover))
			for _, s := range input.FiscalSources {
				cells = append(cells, refOf(t4[key], render.SourceCol(s)))
			}
			var what string
			if rest.IsPositive() {
				what = fmt.Sprintf("类 %s 的上年结转中非财政拨款部分 %s按%s计入", cat, dv.tables[shanxi13.T1].Money(rest), nonFiscal.Title())
			} else {
				what = fmt.Sprintf("类 %s 的上年结转按科目编码顺序依次计入各资金来源", cat)
			}
			dv.assumptions = append(dv.assumptions, Assumption{Text: what, Cells: cells})
		}
		si := 0
		for _, c := range byCat[cat] {
			need := get(t2[c], render.ColCarryover)
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
func sumCol(m map[string]*entry, cat string, col render.ColKey) decimal.Decimal {
	s := zero
	for c, e := range m {
		if c[:3] == cat {
			s = s.Add(get(e, col))
		}
	}
	return s
}

// line adds an expenditure line, or adds to the line of the same code,
// source and year.
func (dv *deriver) line(code string, s input.Source, carryover bool, basic, project decimal.Decimal) {
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
func (dv *deriver) keyEconomic() {
	class := ""
	for _, e := range dv.tables[shanxi13.T6].Main {
		if e.Key == render.TotalRow {
			continue
		}
		ref := dv.tables[shanxi13.T6].l.ref(e.Row, colIndex(dv.tables[shanxi13.T6].l.decl, render.ColDeptEcon))
		if e.Gov == "" {
			c := dv.codeNamed(e.Label, func(c string) bool { return len(c) == 3 && c[0] == '3' })
			if c == "" {
				dv.rd.errorf(ref, "部门经济分类类级科目“%s”不在分类目录中（编码无法确定）：请用 --catalog 提供含该科目的目录（编码,名称）", e.Label)
			}
			class = c
			if c != "" {
				e.Key = render.CodeRow(c)
			}
			continue
		}
		dept := dv.codeNamed(e.Label, func(c string) bool { return len(c) == 5 && c[0] == '3' && (class == "" || c[:3] == class) })
		govRef := dv.tables[shanxi13.T6].l.ref(e.Row, colIndex(dv.tables[shanxi13.T6].l.decl, render.ColGovEcon))
		gov := dv.codeNamed(e.Gov, func(c string) bool { return len(c) == 5 && c[0] == '5' })
		if dept == "" {
			dv.rd.errorf(ref, "部门经济分类科目“%s”不在分类目录中（编码无法确定）：请用 --catalog 提供含该科目的目录（编码,名称）", e.Label)
		}
		if gov == "" {
			dv.rd.errorf(govRef, "政府经济分类科目“%s”不在分类目录中（编码无法确定）：请用 --catalog 提供含该科目的目录（编码,名称）", e.Gov)
		}
		if dept != "" && gov != "" {
			e.Key = render.EconRow(dept, gov)
		}
	}
}

// economic derives table 6's lines: one a pair with an amount, named by
// the catalog's names of its codes.
func (dv *deriver) economic() {
	for _, e := range dv.tables[shanxi13.T6].Main {
		if e.Key.Role != render.RoleEcon {
			continue
		}
		if a := get(e, render.ColTotal); !a.IsZero() {
			dv.doc.BasicByEcon = append(dv.doc.BasicByEcon, input.EconomicLine{Dept: txt(e.Key.ID), Gov: txt(e.Key.Sub), Amount: amt(a)})
		}
	}
}

// codeNamed is the code a table-6 label gives ([30101]基本工资) or else
// the one code of the catalog with that name among those keep accepts (""
// when none or several).
func (dv *deriver) codeNamed(name string, keep func(string) bool) string {
	if c, n, ok := leadingCode(name); ok && keep(c) {
		dv.name(c, n) // [30101]基本工资: the code, named as the table names it
		return c
	}
	name = stripNumbering(name)
	var found []string
	for _, c := range dv.cat.CodesNamed(name) {
		if keep(c) {
			found = append(found, c)
		}
	}
	if len(found) == 1 {
		return found[0]
	}
	return ""
}

// revenue derives the revenue lines of table 7 and table 9's income half.
func (dv *deriver) revenue(es []*entry) []input.RevenueLine {
	var out []input.RevenueLine
	for _, e := range es {
		if e.Key.Role != render.RoleCode {
			continue
		}
		dv.name(e.Key.ID, e.Label)
		if len(e.Key.ID) == 7 {
			if a := get(e, render.ColRevenue); !a.IsZero() {
				out = append(out, input.RevenueLine{Code: txt(e.Key.ID), Amount: amt(a)})
			}
		}
	}
	return out
}

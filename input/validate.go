package input

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// Name returns the name a code prints with: the input's own name for it,
// else the catalog's. Every code of a valid document has one.
func (doc *Document) Name(code string) string {
	return doc.names[code]
}

// UnitByName returns the unit of that name, if any.
func (doc *Document) UnitByName(name string) (Unit, bool) {
	for _, u := range doc.Units {
		if u.Name.Value == name {
			return u, true
		}
	}
	return Unit{}, false
}

var dateRe = regexp.MustCompile(`^(19|20|21)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$`)

// Level2Indicators lists the 二级指标 of a performance-goal table with their
// 一级指标, in the order the forms print them.
var Level2Indicators = []struct{ Level1, Level2 string }{
	{"产出指标", "数量指标"}, {"产出指标", "质量指标"}, {"产出指标", "时效指标"}, {"产出指标", "成本指标"},
	{"效益指标", "经济效益指标"}, {"效益指标", "社会效益指标"}, {"效益指标", "生态效益指标"}, {"效益指标", "可持续影响指标"},
	{"满意度指标", "服务对象满意度指标"}, {"满意度指标", "服务对象满意度"},
}

// validate applies the rules of the master input that go beyond types:
// codes, names, references between blocks and duplicate lines.
func validate(d *decoder, doc *Document) {
	v := &validator{d: d, doc: doc, cat: d.catalog, names: map[string]string{}, nameAt: map[string]Pos{}}
	v.run()
	doc.names = v.names
}

type validator struct {
	d      *decoder
	doc    *Document
	cat    *Catalog
	names  map[string]string // resolved names of every code used
	nameAt map[string]Pos    // where an input line named a code
}

func (v *validator) errorf(p Pos, format string, args ...any) {
	v.d.errs = append(v.d.errs, &Error{File: v.d.file, Pos: p, Msg: fmt.Sprintf(format, args...)})
}

func (v *validator) run() {
	doc := v.doc
	if doc.Year < 2000 || doc.Year > 2100 {
		v.errorf(v.keyPos("year"), "year 应为 2000 至 2100 之间的年份，而不是 %d", doc.Year)
	}
	if strings.TrimSpace(doc.Department.Name.Value) == "" {
		v.errorf(doc.Department.Name.Pos, "department.name（部门名称）不能为空")
	}
	v.formulaName(doc.Department.Name, "部门名称")
	if c := doc.Department.Code.Value; c != "" && !isDigits(c) {
		v.errorf(doc.Department.Code.Pos, "department.code（部门编码）应为数字，而不是 %q", c)
	}

	// Units first: projects and operating costs refer to them.
	units := map[string]Pos{}
	for _, u := range doc.Units {
		if strings.TrimSpace(u.Name.Value) == "" {
			v.errorf(u.Name.Pos, "单位名称不能为空")
			continue
		}
		v.formulaName(u.Name, "单位名称")
		if p, dup := units[u.Name.Value]; dup {
			v.errorf(u.Name.Pos, "单位 %s 重复（第 %d 行已有）", u.Name.Value, p.Line)
		}
		units[u.Name.Value] = u.Name.Pos
		if k := u.Kind.Value; k != "" && !slices.Contains(UnitKinds, k) {
			v.errorf(u.Kind.Pos, "单位类型应为 administrative（行政单位）、civil_servant_managed（参照公务员法管理的事业单位）或 institution（事业单位），而不是 %q", k)
		}
	}
	if len(doc.Units) == 0 {
		v.errorf(v.keyPos("units"), "units 至少应有一个预算单位")
	}

	// Names the input gives to codes: code_names, then names beside lines.
	for _, cn := range doc.CodeNames {
		c := cn.Code.Value
		if !isDigits(c) || (len(c) != 3 && len(c) != 5 && len(c) != 7) {
			v.errorf(cn.Code.Pos, "code_names 中的编码 %q 应为 3、5 或 7 位数字", c)
			continue
		}
		v.giveName(c, cn.Name, cn.Code.Pos)
	}

	seenExp := map[string]Pos{}
	for i, e := range doc.Expenditures {
		if !v.code(e.Code, 7, "支出功能分类科目编码（项）") {
			continue
		}
		if !isCategory(e.Code.Value[:3]) {
			v.errorf(e.Code.Pos, "支出功能分类科目 %s 的类级编码 %s 不是预算收支总表的30个支出类别之一", e.Code.Value, e.Code.Value[:3])
			continue
		}
		if e.Name.Value != "" {
			v.giveName(e.Code.Value, e.Name, e.Code.Pos)
		}
		src, known := v.source(e.Source)
		doc.Expenditures[i].Src = src
		if !e.Basic.Set && !e.Project.Set && !e.Remit.Set && !e.Operation.Set && !e.AffiliateSubsidy.Set {
			v.errorf(e.Pos, "支出行 %s 没有金额：请至少填写 basic（基本支出）或 project（项目支出）；决算还可以是 remit（上缴上级支出）、operation（经营支出）或 affiliate_subsidy（对附属单位补助支出）", e.Code.Value)
		}
		v.personnel(e)
		kind := v.incomeKind(e, src, known)
		// Lines of one code, source and year are one line, unless their
		// money is of different kinds of income.
		key := fmt.Sprintf("%s|%d|%v|%s", e.Code.Value, src, e.Carryover, e.Income.Value)
		if p, dup := seenExp[key]; dup && known {
			if e.Income.Value != "" {
				v.errorf(e.Code.Pos, "支出行重复：科目 %s、资金来源 %s、收入类别 %s、%s 已在第 %d 行填写，请合并为一行", e.Code.Value, src.Title(), kind, carryWord(e.Carryover), p.Line)
			} else {
				v.errorf(e.Code.Pos, "支出行重复：科目 %s、资金来源 %s、%s 已在第 %d 行填写，请合并为一行", e.Code.Value, src.Title(), carryWord(e.Carryover), p.Line)
			}
		}
		seenExp[key] = e.Code.Pos
	}

	v.purposes()

	seenEcon := map[string]Pos{}
	for _, l := range doc.BasicByEcon {
		okD := v.code(l.Dept, 5, "部门预算支出经济分类科目编码（款）")
		okG := v.code(l.Gov, 5, "政府预算支出经济分类科目编码（款）")
		if okD && l.Dept.Value[0] != '3' {
			v.errorf(l.Dept.Pos, "部门预算支出经济分类编码以 3 开头，而 %s 不是", l.Dept.Value)
		}
		if okG && l.Gov.Value[0] != '5' {
			v.errorf(l.Gov.Pos, "政府预算支出经济分类编码以 5 开头，而 %s 不是", l.Gov.Value)
		}
		if okD && l.DeptName.Value != "" {
			v.giveName(l.Dept.Value, l.DeptName, l.Dept.Pos)
		}
		if okG && l.GovName.Value != "" {
			v.giveName(l.Gov.Value, l.GovName, l.Gov.Pos)
		}
		if l.Unit.Value != "" {
			v.unitRef(l.Unit, units)
		}
		key := l.Dept.Value + "|" + l.Gov.Value + "|" + l.Unit.Value
		if p, dup := seenEcon[key]; dup {
			v.errorf(l.Dept.Pos, "经济分类行重复：%s / %s 已在第 %d 行填写，请合并为一行", l.Dept.Value, l.Gov.Value, p.Line)
		}
		seenEcon[key] = l.Dept.Pos
	}

	for _, block := range []struct {
		name  string
		lines []RevenueLine
	}{{"government_fund_revenue", doc.GovFundRev}, {"state_capital_revenue", doc.StateCapRev}} {
		seen := map[string]Pos{}
		for _, l := range block.lines {
			if !v.code(l.Code, 7, "收入科目编码") {
				continue
			}
			if l.Code.Value[0] != '1' {
				v.errorf(l.Code.Pos, "收入分类科目编码以 1 开头，而 %s 不是", l.Code.Value)
			}
			if l.Name.Value != "" {
				v.giveName(l.Code.Value, l.Name, l.Code.Pos)
			}
			if p, dup := seen[l.Code.Value]; dup {
				v.errorf(l.Code.Pos, "%s 中收入科目 %s 重复（第 %d 行已有）", block.name, l.Code.Value, p.Line)
			}
			seen[l.Code.Value] = l.Code.Pos
		}
	}

	seenProj := map[string]Pos{}
	forms := 0
	for _, p := range doc.Projects {
		if p.Goal != nil {
			if forms++; forms == MaxGoalForms+1 {
				v.errorf(p.Goal.Pos, "公开的项目绩效目标表过多（每个部门最多 %d 张）", MaxGoalForms)
			}
		}
		v.unitRef(p.Unit, units)
		if strings.TrimSpace(p.Name.Value) == "" {
			v.errorf(p.Name.Pos, "项目名称不能为空")
		}
		v.formulaName(p.Name, "项目名称")
		switch p.Category.Value {
		case "", CategoryOtherOperating, CategorySpecificGoal:
		default:
			v.errorf(p.Category.Pos, "项目类别应为 other_operating（其他运转类）或 specific_goal（特定目标类），而不是 %q", p.Category.Value)
		}
		if !p.Amounts.Any() {
			v.errorf(p.Amounts.Pos, "项目 %s 没有金额", p.Name.Value)
		}
		if p.Carryover {
			for _, s := range AllSources {
				if a := p.Amounts.Amounts[s]; !s.Fiscal() && !a.Value.IsZero() {
					v.errorf(a.Pos, "上年结转项目（表13）只列财政拨款资金，不能有 %s（%s）", s.Key(), s.Title())
				}
			}
		}
		key := p.Unit.Value + "|" + p.Name.Value + "|" + fmt.Sprint(p.Carryover)
		if q, dup := seenProj[key]; dup {
			v.errorf(p.Name.Pos, "项目重复：%s 的 %s（%s）已在第 %d 行填写", p.Unit.Value, p.Name.Value, carryWord(p.Carryover), q.Line)
		}
		seenProj[key] = p.Name.Pos
		if p.Goal != nil {
			v.goal(p.Goal)
		}
	}

	// Tables 10 and 11 are 财政拨款安排: only the three fiscal sources.
	fiscalOnly := func(b BySource, what string) {
		for _, s := range AllSources {
			if !s.Fiscal() && b.Given(s) {
				v.errorf(b.Amounts[s].Pos, "%s只列财政拨款资金（%s），不能有 %s（%s）", what, sourceKeyList(FiscalSources), s.Key(), s.Title())
			}
		}
	}
	tp := doc.ThreePublic
	for _, b := range []BySource{tp.OutboundTravel, tp.Reception, tp.VehiclePurchase, tp.VehicleOperation} {
		fiscalOnly(b, "“三公”经费（表10）")
	}
	for _, oc := range doc.OperCosts {
		fiscalOnly(oc.Amount, "机关运行经费（表11）")
	}

	seenOC := map[string]Pos{}
	for _, oc := range doc.OperCosts {
		if !v.unitRef(oc.Unit, units) {
			continue
		}
		if u, _ := doc.UnitByName(oc.Unit.Value); u.Kind.Value != "" && !u.HasOperatingCosts() {
			v.errorf(oc.Unit.Pos, "机关运行经费只属于行政单位和参照公务员法管理的事业单位，而 %s 是%s：请删去这一行，或改正单位类型", oc.Unit.Value, UnitKindTitle(u.Kind.Value))
		}
		if p, dup := seenOC[oc.Unit.Value]; dup {
			v.errorf(oc.Unit.Pos, "单位 %s 的机关运行经费重复（第 %d 行已有）", oc.Unit.Value, p.Line)
		}
		seenOC[oc.Unit.Value] = oc.Unit.Pos
	}

	v.procurement()
	v.printFormat()
	v.finalAccounts()

	if a := doc.Assets.AsOf; a.Value != "" && !dateRe.MatchString(a.Value) {
		v.errorf(a.Pos, "assets.as_of 应为日期，如 2023-12-31，而不是 %q", a.Value)
	}

	seenTerm := map[string]Pos{}
	for _, g := range doc.Glossary {
		if p, dup := seenTerm[g.Term.Value]; dup {
			v.errorf(g.Term.Pos, "名词 %s 重复（第 %d 行已有）", g.Term.Value, p.Line)
		}
		seenTerm[g.Term.Value] = g.Term.Pos
	}

	v.resolveNames()
}

// purposes checks subject_purposes: one line a 项 code, of a code the
// expenditure lines have, giving a purpose or last year's execution.
func (v *validator) purposes() {
	lines := map[string]bool{}
	for _, e := range v.doc.Expenditures {
		lines[e.Code.Value] = true
	}
	seen := map[string]Pos{}
	for _, p := range v.doc.Purposes {
		if !v.code(p.Code, 7, "subject_purposes 中的支出功能分类科目编码（项）") {
			continue
		}
		c := p.Code.Value
		switch {
		case !isCategory(c[:3]):
			v.errorf(p.Code.Pos, "支出功能分类科目 %s 的类级编码 %s 不是预算收支总表的30个支出类别之一", c, c[:3])
			continue
		case !lines[c]:
			v.errorf(p.Code.Pos, "subject_purposes 中的科目 %s 在 expenditures 中没有支出行：请核对编码，或删去这一行", c)
		}
		if q, dup := seen[c]; dup {
			v.errorf(p.Code.Pos, "subject_purposes 中科目 %s 重复（第 %d 行已有）：每个科目只写一行", c, q.Line)
		}
		seen[c] = p.Code.Pos
		if p.Purpose.Value == "" && !p.PriorExecuted.Set {
			v.errorf(p.Pos, "subject_purposes 中科目 %s 的一行什么也没有写：请填写 purpose（主要用途）或 prior_executed（上年当年预算执行数），或删去这一行", c)
		}
	}
}

// procurement checks the set-asides: what is set aside for small and
// medium enterprises is part of the procurement budget, and what is set
// aside for small and micro ones part of that.
func (v *validator) procurement() {
	p := v.doc.Procurement
	total, known := p.Total()
	sme, small := p.ReservedSME, p.ReservedSmallMicro
	if sme.Set && known && sme.Value.GreaterThan(total) {
		v.errorf(sme.Pos, "procurement.reserved_sme（面向中小企业预留 %s）大于政府采购预算 %s（goods、works、services 之和）：预留的只是政府采购预算的一部分，请核对", v.money(sme.Value), v.money(total))
	}
	switch {
	case !small.Set:
	case sme.Set && small.Value.GreaterThan(sme.Value):
		v.errorf(small.Pos, "procurement.reserved_small_micro（预留给小型和微型企业 %s）大于面向中小企业预留的 %s（reserved_sme）：它是其中的一部分，请核对", v.money(small.Value), v.money(sme.Value))
	case !sme.Set && known && small.Value.GreaterThan(total):
		v.errorf(small.Pos, "procurement.reserved_small_micro（预留给小型和微型企业 %s）大于政府采购预算 %s（goods、works、services 之和）：预留的只是政府采购预算的一部分，请核对", v.money(small.Value), v.money(total))
	}
}

// printFormat checks print_format's values.
func (v *validator) printFormat() {
	pf := v.doc.PrintFormat
	if d := pf.Decimals; d.Set && d.Value != 2 && d.Value != 0 {
		v.errorf(d.Pos, "print_format.decimals 只能是 2（两位小数）或 0（整元），而不是 %d：请改为 2 或 0", d.Value)
	}
	if e := pf.Empty.Value; e != "" && e != EmptyBlank && e != EmptyZero {
		fix := EmptyBlank + " 或 " + EmptyZero
		if h := nearest(e, []string{EmptyBlank, EmptyZero}); h != "" {
			fix = h
		}
		v.errorf(pf.Empty.Pos, "print_format.empty 只能是 %s（空着）或 %s（印 0），而不是 %q：请改为 %s", EmptyBlank, EmptyZero, e, fix)
	}
}

// money is an amount (held in 万元) as the file writes it: in its unit.
func (v *validator) money(d decimal.Decimal) string {
	unit := " 万元"
	if v.d.unit == "元" {
		d, unit = d.Shift(4), " 元"
	}
	if d.Equal(d.Round(2)) {
		return d.StringFixed(2) + unit
	}
	return d.String() + unit
}

func carryWord(carry bool) string {
	if carry {
		return "上年结转"
	}
	return "当年"
}

// keyPos finds the position of a top-level key (or the file's start).
func (v *validator) keyPos(key string) Pos {
	if p, ok := v.d.topKeys[key]; ok {
		return p
	}
	return v.doc.Pos
}

// code checks a classification code's form: digits of the given length.
func (v *validator) code(t Text, length int, what string) bool {
	c := t.Value
	switch {
	case c == "":
		v.errorf(t.Pos, "%s不能为空", what)
	case !isDigits(c):
		v.errorf(t.Pos, "%s只能由数字组成：%q", what, c)
	case len(c) != length:
		v.errorf(t.Pos, "%s应为 %d 位数字，而 %s 是 %d 位", what, length, c, len(c))
	default:
		return true
	}
	return false
}

func (v *validator) source(t Text) (Source, bool) {
	if t.Value == "" {
		return DefaultSource, true
	}
	s, ok := ParseSource(t.Value)
	if !ok {
		hint := ""
		if h := nearest(t.Value, SourceKeys()); h != "" {
			hint = "（是否应为 " + h + "？）"
		}
		v.errorf(t.Pos, "未知的资金来源 %q%s，可用：%s", t.Value, hint, strings.Join(SourceKeys(), ", "))
	}
	return s, ok
}

// personnel checks a line's basic_personnel: a part of its basic, from
// 0 to all of it.
func (v *validator) personnel(e Expenditure) {
	p := e.Personnel
	switch {
	case !p.Set:
	case !e.Basic.Set:
		v.errorf(p.Pos, "支出行 %s 写了 basic_personnel（人员经费）而没有写 basic（基本支出）：人员经费是基本支出的一部分；请填写 basic，或删去 basic_personnel", e.Code.Value)
	case p.Value.IsNegative() || p.Value.GreaterThan(e.Basic.Value):
		v.errorf(p.Pos, "支出行 %s 的 basic_personnel（人员经费）%s 万元不在 0 与 basic（基本支出）%s 万元之间：人员经费是基本支出的一部分，其余为公用经费；请改正", e.Code.Value, p.Value.String(), e.Basic.Value.String())
	}
}

// incomeKind checks a line's income_kind: a known kind, on a line of
// money not of 财政拨款. It returns the kind's title for messages (the
// text as written when it names no kind).
func (v *validator) incomeKind(e Expenditure, src Source, known bool) string {
	t := e.Income
	if t.Value == "" {
		return ""
	}
	k, ok := ParseIncomeKind(t.Value)
	if !ok {
		hint := ""
		if h := nearest(t.Value, IncomeKindKeys()); h != "" {
			hint = "（是否应为 " + h + "？）"
		}
		v.errorf(t.Pos, "未知的收入类别 income_kind %q%s：请写 %s", t.Value, hint, incomeKindList("、"))
		return t.Value
	}
	if known && src.Fiscal() {
		v.errorf(t.Pos, "支出行 %s 的资金来源是%s（财政拨款），不能写 income_kind：收入类别只区分非财政拨款的资金（%s）；请删去 income_kind，或改正 source", e.Code.Value, src.Title(), sourceKeyList(nonFiscalSources()))
	}
	return k.Title()
}

func (v *validator) unitRef(t Text, units map[string]Pos) bool {
	if _, ok := units[t.Value]; !ok {
		names := make([]string, 0, len(units))
		for n := range units {
			names = append(names, n)
		}
		if hint := nearestText(t.Value, names); hint != "" {
			v.errorf(t.Pos, "单位 %q 不在 units 中（是否应为 %q？单位名称须与 units 中完全一致）", t.Value, hint)
		} else {
			v.errorf(t.Pos, "单位 %q 不在 units 中（请先在 units 中列出该单位，名称须完全一致）", t.Value)
		}
		return false
	}
	return true
}

// formulaName refuses a name that a spreadsheet would take for a formula
// (FormulaLead: one starting with = + @, -2…, a Tab or a carriage return): names reach the
// open-data CSV, which Excel opens by evaluating such cells. It reports
// whether the name is fine.
func (v *validator) formulaName(t Text, what string) bool {
	if lead, bad := FormulaLead(t.Value); bad {
		v.errorf(t.Pos, "%s", formulaProblem(what, t.Value, lead))
		return false
	}
	return true
}

func formulaProblem(what, name, lead string) string {
	return fmt.Sprintf("%s“%s”以“%s”开头，电子表格软件会把它当作公式执行：请去掉开头的这个符号", what, name, lead)
}

// NameProblem says what the master input would refuse in a name (of a
// department, unit, project or code) — a text over its length limit, or
// one starting as a formula — for a program that writes one, such as the
// importer, to say at the name's own cell; "" when the name is fine.
func NameProblem(what, name string) string {
	if n := utf8.RuneCountInString(name); n > maxTextRunes {
		return fmt.Sprintf("%s过长（%d 字，主输入文件每段文字最多 %d 字）", what, n, maxTextRunes)
	}
	if lead, bad := FormulaLead(name); bad {
		return formulaProblem(what, clipName(name), lead)
	}
	return ""
}

// clipName is a name short enough to quote.
func clipName(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

// giveName records the input's own name for a code; two different names for
// one code are an error.
func (v *validator) giveName(code string, name Text, at Pos) {
	n := strings.TrimSpace(name.Value)
	if n == "" {
		v.errorf(name.Pos, "编码 %s 的名称不能为空", code)
		return
	}
	if !v.formulaName(name, "科目名称") {
		return
	}
	if old, ok := v.names[code]; ok && old != n {
		v.errorf(name.Pos, "编码 %s 有两个不同的名称：%s（第 %d 行）和 %s", code, old, v.nameAt[code].Line, n)
		return
	}
	v.names[code] = n
	v.nameAt[code] = at
}

// resolveNames makes sure every code used, and every 类/款 parent of it, has a
// name, from the input or the catalog.
func (v *validator) resolveNames() {
	need := func(code string, at Pos, what string) {
		if _, ok := v.names[code]; ok {
			return
		}
		if n, ok := v.cat.Name(code); ok {
			v.names[code] = n
			return
		}
		v.errorf(at, "%s %s 不在分类目录中%s：请核对编码，或在该行写 name:（或 dept_name:/gov_name:），或在 code_names 中为它命名", what, code, v.cat.suggest(code))
		v.names[code] = "" // report once
	}
	needTree := func(t Text, what string) {
		c := t.Value
		if !isDigits(c) || len(c) != 7 || what == "支出功能分类科目" && !isCategory(c[:3]) {
			return
		}
		need(c[:3], t.Pos, what+"的类级科目")
		need(c[:5], t.Pos, what+"的款级科目")
		need(c, t.Pos, what)
	}
	for _, e := range v.doc.Expenditures {
		needTree(e.Code, "支出功能分类科目")
	}
	for _, p := range v.doc.Purposes {
		needTree(p.Code, "支出功能分类科目")
	}
	for _, c := range v.doc.finalCodes() {
		needTree(c, "支出功能分类科目")
	}
	for _, l := range v.doc.BasicByEcon {
		if isDigits(l.Dept.Value) && len(l.Dept.Value) == 5 {
			need(l.Dept.Value[:3], l.Dept.Pos, "部门经济分类的类级科目")
			need(l.Dept.Value, l.Dept.Pos, "部门经济分类科目")
		}
		if isDigits(l.Gov.Value) && len(l.Gov.Value) == 5 {
			need(l.Gov.Value, l.Gov.Pos, "政府经济分类科目")
		}
	}
	for _, l := range append(append([]RevenueLine{}, v.doc.GovFundRev...), v.doc.StateCapRev...) {
		needTree(l.Code, "收入科目")
	}
	// The 30 categories of tables 1 and 4 always print.
	for _, c := range Categories {
		need(c, v.doc.Pos, "支出功能分类类级科目")
	}
}

func (v *validator) goal(g *PerformanceGoal) {
	for _, list := range [][]Indicator{g.PeriodInd, g.AnnualInd} {
		if len(list) > MaxIndicators {
			v.errorf(list[MaxIndicators].Pos, "绩效目标表的指标过多（%d 条，每张表的实施期、年度指标各最多 %d 条）", len(list), MaxIndicators)
			continue
		}
		for _, ind := range list {
			if Level1Of(ind.Level2.Value) == "" {
				var names []string
				for _, l := range Level2Indicators {
					names = append(names, l.Level2)
				}
				v.errorf(ind.Level2.Pos, "未知的二级指标 %q，可用：%s", ind.Level2.Value, strings.Join(names, "、"))
			}
		}
	}
}

// Level1Of returns the 一级指标 of a 二级指标 ("" when unknown).
func Level1Of(level2 string) string {
	for _, l := range Level2Indicators {
		if l.Level2 == level2 {
			return l.Level1
		}
	}
	return ""
}

func isCategory(code string) bool {
	for _, c := range Categories {
		if c == code {
			return true
		}
	}
	return false
}

// Categories are the 30 fixed expenditure categories (类) of tables 1 and 4, in order.
var Categories = []string{
	"201", "202", "203", "204", "205", "206", "207", "208", "209", "210",
	"211", "212", "213", "214", "215", "216", "217", "219", "220", "221",
	"222", "223", "224", "227", "229", "230", "231", "232", "233", "234",
}

// FormulaLead tells whether s starts as a spreadsheet formula would (= +
// @, a Tab or a carriage return, after any spaces; a - followed by an
// ASCII character other than a space, as in -2+3), and with what. "- 项目"
// and "-项目" are names a spreadsheet shows as text.
func FormulaLead(s string) (string, bool) {
	t := strings.TrimLeft(s, " 　")
	if t == "" {
		return "", false
	}
	switch t[0] {
	case '=', '+', '@':
		return t[:1], true
	case '-':
		if len(t) > 1 && t[1] > ' ' && t[1] < utf8.RuneSelf {
			return "-", true
		}
	case '\t':
		return "Tab", true
	case '\r':
		return "回车", true
	}
	return "", false
}

func formulaStart(s string) bool { _, bad := FormulaLead(s); return bad }

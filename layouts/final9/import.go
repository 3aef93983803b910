package final9

import (
	"sort"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
	"github.com/shopspring/decimal"
)

// importDecl is how a workbook of a 决算's 9 tables is imported
// (render/importer): the lines derived from the tables (derive), the
// figures two tables print (relateTables), and where each list comes from.
// The tables print 万元 to two decimals; their titles have no year and no
// table names the department: the importer takes them from its options or
// the workbook's file name.
var importDecl = &render.ImportDecl{
	Derive:  derive,
	Relate:  relateTables,
	Summary: F1,
	Lists: []render.ImportList{
		{Len: func(d *input.Document) int { return len(d.Expenditures) }, Tables: "表3、表5、表8、表9的科目"},
		{Len: func(d *input.Document) int { return len(d.Final.Revenue) }, Tables: "表2、表8、表9的科目"},
		{Len: func(d *input.Document) int { return len(d.BasicByEcon) }, Tables: "表6的经济分类科目"},
		{Len: func(d *input.Document) int { return len(d.CodeNames) }, Tables: "各表的科目名称"},
	},
}

// The rows of table 4's income side: 一、一般公共预算财政拨款 … (its sources),
// again under 年初财政拨款结转和结余 (their balances at the start).
var fiscalTitles = []string{"一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"}

// declareImports says how each table's rows are read back.
func declareImports(ds []*render.TableDecl) {
	summary1 := map[string]render.RowKey{
		"使用非财政拨款结余": rowUseOfSurplus, "使用非财政拨款结余（含专用结余）": rowUseOfSurplus, "年初结转和结余": render.CarryoverRow,
		"结余分配": rowDistribution, "年末结转和结余": rowClosing, "总计": render.TotalRow,
	}
	for k := input.RevenueKind(0); k < input.NumRevenueKinds; k++ {
		summary1[k.Title()] = render.ItemRow(k.Key())
	}
	summary4 := map[string]render.RowKey{
		"年初财政拨款结转和结余": render.CarryoverRow, "年末财政拨款结转和结余": rowClosing, "总计": render.TotalRow,
	}
	for i, s := range fiscalSources {
		summary4[fiscalTitles[i]] = render.SourceRow(s)
	}
	for _, d := range ds {
		switch d.ID {
		case F1:
			d.Import = render.TableImport{Rows: render.ReadSummary, Labels: summary1, LeavesOf: F3,
				// The kinds of income add up to 本年收入合计.
				Parent: func(k render.RowKey) render.RowKey {
					if _, ok := input.ParseRevenueKind(k.ID); ok && k.Role == render.RoleItem {
						return render.CurrentTotalRow
					}
					return render.RowKey{}
				}}
		case F4:
			d.Import = render.TableImport{Rows: render.ReadSummary, Labels: summary4, LeavesOf: F3}
		case F2, F3, F5:
			d.Import = render.TableImport{Rows: render.ReadCodes}
		case F6:
			d.Import = render.TableImport{Rows: render.ReadCodes, LeafDigits: 5,
				Labels: map[string]render.RowKey{"人员经费合计": rowPersonnel, "公用经费合计": rowPublic},
				// A 类 adds up to its side's 合计.
				Parent: func(k render.RowKey) render.RowKey {
					switch {
					case k.Role != render.RoleCode || len(k.ID) != 3:
						return render.RowKey{}
					case personnelClass(k.ID):
						return rowPersonnel
					}
					return rowPublic
				}}
		case F7:
			d.Import = render.TableImport{Rows: render.ReadOneRow}
		case F8, F9:
			d.Import = render.TableImport{Rows: render.ReadCodes, RowTotal: colSpent, RowParts: []render.ColKey{render.ColBasic, render.ColProject}}
		}
	}
}

// importing derives one workbook's master input from its tables.
type importing struct {
	run render.ImportRun
	t   map[render.TableID]*render.ReadTable
	doc *input.Document
}

func txt(s string) input.Text { return input.Text{Value: s} }

func amt(d decimal.Decimal) input.Amount { return input.Amount{Value: d, Set: true} }

// fiscalAmount is an amount of 财政拨款 as table 7 gives it: of
// 一般公共预算, given (a 0 the table prints is said, not left out).
func fiscalAmount(d decimal.Decimal) input.BySource {
	var b input.BySource
	b.Amounts[input.GeneralPublic] = input.Amount{Value: d, Set: true, Pos: input.Pos{Line: 1, Col: 1}}
	return b
}

// leafRows are the rows of a table's half whose codes have digits digits,
// by code.
func leafRows(rows []*render.ReadRow, digits int) map[string]*render.ReadRow {
	out := map[string]*render.ReadRow{}
	for _, e := range rows {
		if e.Key.Role == render.RoleCode && len(e.Key.ID) == digits {
			out[e.Key.ID] = e
		}
	}
	return out
}

// main is a table's main half (nil for no table).
func (dv *importing) main(id render.TableID) []*render.ReadRow {
	if t := dv.t[id]; t != nil {
		return t.Main
	}
	return nil
}

// row is a table's row of key k on its main half (left: its income half);
// nil when there is none.
func (dv *importing) row(id render.TableID, k render.RowKey, left bool) *render.ReadRow {
	t := dv.t[id]
	if t == nil {
		return nil
	}
	rows := t.Main
	if left {
		rows = t.Lefts
	}
	return render.IndexRows(rows).One(k)
}

// derive derives the master input's lines from the nine tables
// (render.ImportDecl.Derive): the expenditures by 项 and source from tables
// 3, 5, 8 and 9, final.revenue from tables 2, 8 and 9, final.balances from
// tables 4, 8 and 9, final.non_fiscal from tables 1 and 4,
// basic_by_economic from table 6, three_public and its 预算 from table 7.
// What no table gives (final.budgets, the texts, the counts, last year's
// figures) is left for the clerk (需补填).
func derive(run render.ImportRun) {
	dv := &importing{run: run, t: map[render.TableID]*render.ReadTable{}, doc: run.Doc()}
	for _, d := range Profile.Tables {
		dv.t[d.ID] = run.Table(d.ID)
	}
	for _, id := range []render.TableID{F2, F3, F5, F8, F9} {
		for _, e := range dv.main(id) {
			if e.Key.Role == render.RoleCode {
				run.Name(e.Key.ID, e.Label)
			}
		}
	}
	// No table lists the units: the department is its one unit until the
	// clerk lists them.
	dv.doc.Units = []input.Unit{{Name: txt(dv.doc.Department.Name.Value)}}
	run.Comment("units", "决算的表中没有预算单位：导入时暂以部门本身为唯一的单位，请按“决算单位构成”填写各单位及其类型")
	dv.expenditures()
	dv.revenue()
	dv.balances()
	dv.economic()
	dv.threePublic()
}

// sortedCodes are the codes of some maps' keys, in order.
func sortedCodes(ms ...map[string]*render.ReadRow) []string {
	seen := map[string]bool{}
	var out []string
	for _, m := range ms {
		for c := range m {
			if !seen[c] {
				seen[c] = true
				out = append(out, c)
			}
		}
	}
	sort.Strings(out)
	return out
}

// fundTables are the tables of the funds by 项: 表8, 表9.
var fundTables = []struct {
	s  input.Source
	id render.TableID
}{{input.GovernmentFund, F8}, {input.StateCapital, F9}}

// expenditures derives each 项's spending by source: 表5 gives 一般公共预算's
// basic and project, 表8 and 表9 the funds'; what 表3 has beyond them is
// the money not of 财政拨款 (unit_funds), with all of 表3's 上缴上级、经营
// and 对附属单位补助 — which only money not of 财政拨款 pays.
func (dv *importing) expenditures() {
	t3, t5 := leafRows(dv.main(F3), 7), leafRows(dv.main(F5), 7)
	funds := map[input.Source]map[string]*render.ReadRow{}
	all := []map[string]*render.ReadRow{t3, t5}
	for _, f := range fundTables {
		funds[f.s] = leafRows(dv.main(f.id), 7)
		all = append(all, funds[f.s])
	}
	for _, c := range sortedCodes(all...) {
		br, pr := t3[c].Amount(render.ColBasic), t3[c].Amount(render.ColProject)
		add := func(s input.Source, e *render.ReadRow) {
			b, p := e.Amount(render.ColBasic), e.Amount(render.ColProject)
			br, pr = br.Sub(b), pr.Sub(p)
			if b.IsZero() && p.IsZero() {
				return
			}
			l := input.Expenditure{Code: txt(c), Src: s}
			if s != input.DefaultSource {
				l.Source = txt(s.Key())
			}
			setNonZero(&l.Basic, b)
			setNonZero(&l.Project, p)
			dv.doc.Expenditures = append(dv.doc.Expenditures, l)
		}
		if e := t5[c]; e != nil {
			add(input.GeneralPublic, e)
		}
		for _, f := range fundTables {
			if e := funds[f.s][c]; e != nil {
				add(f.s, e)
			}
		}
		e3 := t3[c]
		remit, oper, aff := e3.Amount(colRemit), e3.Amount(colOperation), e3.Amount(colAffiliate)
		if br.IsNegative() || pr.IsNegative() || br.IsZero() && pr.IsZero() && remit.IsZero() && oper.IsZero() && aff.IsZero() {
			continue // none, or the tables disagree: verification names the cells
		}
		l := input.Expenditure{Code: txt(c), Src: input.UnitFunds, Source: txt(input.UnitFunds.Key())}
		setNonZero(&l.Basic, br)
		setNonZero(&l.Project, pr)
		setNonZero(&l.Remit, remit)
		setNonZero(&l.Operation, oper)
		setNonZero(&l.AffiliateSubsidy, aff)
		dv.doc.Expenditures = append(dv.doc.Expenditures, l)
	}
}

func setNonZero(a *input.Amount, d decimal.Decimal) {
	if !d.IsZero() {
		*a = amt(d)
	}
}

// revenue derives final.revenue by 项 and kind: 表2's 财政拨款收入 is the
// funds' 本年收入 of 表8 and 表9 and 一般公共预算's, the rest; its other
// columns are the other kinds.
func (dv *importing) revenue() {
	t2 := leafRows(dv.main(F2), 7)
	funds := map[input.Source]map[string]*render.ReadRow{}
	all := []map[string]*render.ReadRow{t2}
	for _, f := range fundTables {
		funds[f.s] = leafRows(dv.main(f.id), 7)
		all = append(all, funds[f.s])
	}
	add := func(c string, k input.RevenueKind, d decimal.Decimal) {
		if !d.IsZero() {
			dv.doc.Final.Revenue = append(dv.doc.Final.Revenue, input.FinalRevenue{Code: txt(c), Kind: txt(k.Key()), Amount: amt(d)})
		}
	}
	for _, c := range sortedCodes(all...) {
		e := t2[c]
		gp := e.Amount(colFiscal)
		for _, f := range fundTables {
			gp = gp.Sub(funds[f.s][c].Amount(colIncome))
		}
		if !gp.IsNegative() {
			add(c, input.RevenueGeneralPublic, gp)
		}
		add(c, input.RevenueGovernmentFund, funds[input.GovernmentFund][c].Amount(colIncome))
		add(c, input.RevenueStateCapital, funds[input.StateCapital][c].Amount(colIncome))
		for k := input.RevenueSuperior; k < input.NumRevenueKinds; k++ {
			add(c, k, e.Amount(render.ColKey(k.Key())))
		}
	}
}

// balances derives final.balances — the funds' by 项 from 表8 and 表9,
// 一般公共预算's as a whole from 表4 (the tables print it by source only) —
// and final.non_fiscal: 表1's 结转和结余 less 表4's 财政拨款's, 表1's
// 使用非财政拨款结余 and 结余分配.
func (dv *importing) balances() {
	f := &dv.doc.Final
	open := dv.row(F4, render.CarrySourceRow(input.GeneralPublic), true).Amount(render.ColIncome)
	close := dv.row(F4, rowClosing, false).Amount(render.SourceCol(input.GeneralPublic))
	if !open.IsZero() || !close.IsZero() {
		f.Balances = append(f.Balances, input.FinalBalance{Source: txt(input.GeneralPublic.Key()), Opening: amt(open), Closing: amt(close)})
	}
	for _, ft := range fundTables {
		rows := leafRows(dv.main(ft.id), 7)
		for _, c := range sortedCodes(rows) {
			e := rows[c]
			o, cl := e.Amount(colOpening), e.Amount(colClosing)
			if !o.IsZero() || !cl.IsZero() {
				f.Balances = append(f.Balances, input.FinalBalance{Code: txt(c), Source: txt(ft.s.Key()), Opening: amt(o), Closing: amt(cl)})
			}
		}
	}
	nf := &f.NonFiscal
	diff := func(ref string, total, fiscal decimal.Decimal, what string) input.Amount {
		d := total.Sub(fiscal)
		if d.IsNegative() {
			dv.run.Errorf(ref, "表1（收入支出决算总表）的%s为 %s 万元，小于表4（财政拨款收入支出决算总表）的财政拨款%s %s 万元：请核对", what, total.StringFixed(2), what, fiscal.StringFixed(2))
			d = decimal.Zero
		}
		return amt(d)
	}
	o1 := dv.row(F1, render.CarryoverRow, true)
	nf.Opening = diff(o1.Ref(render.ColIncome), o1.Amount(render.ColIncome), dv.row(F4, render.CarryoverRow, true).Amount(render.ColIncome), "年初结转和结余")
	c1 := dv.row(F1, rowClosing, false)
	nf.Closing = diff(c1.Ref(colSpent), c1.Amount(colSpent), dv.row(F4, rowClosing, false).Amount(colSpent), "年末结转和结余")
	nf.UseOfSurplus = amt(dv.row(F1, rowUseOfSurplus, true).Amount(render.ColIncome))
	nf.Distribution = amt(dv.row(F1, rowDistribution, false).Amount(colSpent))
}

// economic derives basic_by_economic from table 6: one line a 款 with
// money, of either side. Table 6 prints the 部门预算经济分类 only; the
// 政府预算经济分类 each line also needs is the one it usually corresponds
// to (input.GovEconomicOf) — a stated rule.
func (dv *importing) economic() {
	t6 := dv.t[F6]
	if t6 == nil {
		return
	}
	var cells []string
	for _, side := range []struct {
		rows         []*render.ReadRow
		amount, code render.ColKey
	}{{t6.Lefts, colLeftActual, colLeftCode}, {t6.Main, colSpent, render.ColCode}} {
		for _, e := range side.rows {
			if e.Key.Role != render.RoleCode {
				continue
			}
			dv.run.Name(e.Key.ID, e.Label)
			a := e.Amount(side.amount)
			if len(e.Key.ID) != 5 || a.IsZero() {
				continue
			}
			ref := t6.Ref(e.Row, side.code)
			gov := input.GovEconomicOf(e.Key.ID)
			if gov == "" {
				dv.run.Errorf(ref, "表6（%s）的经济分类科目 %s（%s）没有对应的政府预算经济分类：请在导入后的主输入文件中填写它的 gov，或先删去这一行再导入", t6.Decl.Title, e.Key.ID, e.Label)
				continue
			}
			cells = append(cells, ref)
			dv.doc.BasicByEcon = append(dv.doc.BasicByEcon, input.EconomicLine{Dept: txt(e.Key.ID), Gov: txt(gov), Amount: amt(a)})
		}
	}
	sort.SliceStable(dv.doc.BasicByEcon, func(i, j int) bool { return dv.doc.BasicByEcon[i].Dept.Value < dv.doc.BasicByEcon[j].Dept.Value })
	if len(cells) > 0 {
		dv.run.Assume("basic_by_economic", "表6只列部门预算经济分类：每行的政府预算经济分类（gov）按通常的对应关系填写（如 30101 基本工资→50101 工资奖金津补贴，30201 办公费→50201 办公经费），请核对", cells...)
	}
}

// threePublic derives “三公” (决算数, 财政拨款) and its 预算数
// (final.three_public_budget) from table 7's one row.
func (dv *importing) threePublic() {
	t7 := dv.t[F7]
	if t7 == nil {
		return
	}
	if len(t7.Main) == 0 {
		// No data row, as a table of no “三公” is printed: none spent;
		// its 预算 is the clerk's to give.
		tp := &dv.doc.ThreePublic
		tp.OutboundTravel, tp.Reception = fiscalAmount(decimal.Zero), fiscalAmount(decimal.Zero)
		tp.VehiclePurchase, tp.VehicleOperation = fiscalAmount(decimal.Zero), fiscalAmount(decimal.Zero)
		dv.run.Assume("three_public", "表7没有数据行：本年没有财政拨款“三公”经费支出，决算数按 0 填写；预算数请按年初预算填写（final.three_public_budget）", t7.Sheet)
		return
	}
	e := t7.Main[0]
	e.Label = "财政拨款“三公”经费" // as messages name its row
	tp, bud := &dv.doc.ThreePublic, &dv.doc.Final.ThreePublicBudget
	for _, it := range []struct {
		key    string
		actual *input.BySource
		budget *input.Amount
	}{
		{"outbound_travel", &tp.OutboundTravel, &bud.OutboundTravel}, {"reception", &tp.Reception, &bud.Reception},
		{"vehicle_purchase", &tp.VehiclePurchase, &bud.VehiclePurchase}, {"vehicle_operation", &tp.VehicleOperation, &bud.VehicleOperation},
	} {
		*it.actual = fiscalAmount(e.Amount(actualCol(it.key)))
		*it.budget = amt(e.Amount(budgetCol(it.key)))
	}
}

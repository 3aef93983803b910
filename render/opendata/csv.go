package opendata

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
	"github.com/shopspring/decimal"
)

// BOM is the UTF-8 byte-order mark the CSV starts with, so that Excel on
// Windows reads it as UTF-8 rather than the system's code page.
const BOM = "\ufeff"

// Values of the CSV's year_kind and expenditure_kind columns.
const (
	YearCurrent   = "current"   // 当年预算（本年）
	YearCarryover = "carryover" // 上年结转
	KindBasic     = "basic"     // 基本支出
	KindProject   = "project"   // 项目支出
	// A 决算's spending of the kinds only it has.
	KindRemit     = "remit"             // 上缴上级支出
	KindOperation = "operation"         // 经营支出
	KindAffiliate = "affiliate_subsidy" // 对附属单位补助支出
)

// field is one column of the CSV, as the data package's table schema
// describes it.
type field struct {
	name, title, desc string
	typ               string         // string, integer, number
	constraints       map[string]any // Table Schema constraints
}

// The CSV's columns, in order. Codes are strings (a leading zero is kept),
// amounts numbers written as exact decimals.
const (
	colYear = iota
	colDeptCode
	colDept
	colUnit
	colTable
	colFunctionCode
	colFunctionName
	colDeptEconCode
	colDeptEconName
	colGovEconCode
	colGovEconName
	colSource
	colSourceName
	colYearKind
	colExpenditureKind
	colItem
	colItemName
	colYuan
	colWan
	numCols
)

// csvTables are the tables a CSV row can name — where its amount first
// appears (render.Profile.Lines) — in the layouts of the tables named
// (every layout whose lines name one of them; none named: the default's),
// the default's first, and what each holds: "T3 支出（功能分类），…".
func csvTables(named map[string]bool) (ids []string, said string) {
	seen := map[render.TableID]bool{}
	var words []string
	var profiles []*render.Profile
	for _, p := range render.Profiles() {
		for _, l := range p.Lines {
			if named[string(l.Table)] {
				profiles = append(profiles, p)
				break
			}
		}
	}
	if len(profiles) == 0 {
		profiles = []*render.Profile{defaultProfile()}
	}
	for _, p := range profiles {
		for _, l := range p.Lines {
			if !seen[l.Table] {
				seen[l.Table] = true
				ids = append(ids, string(l.Table))
				words = append(words, string(l.Table)+" "+string(l.Lines))
			}
		}
	}
	return ids, strings.Join(words, "，")
}

// fields are the CSV's columns, for a CSV of the default layout.
func fields() []field { return fieldsFor(nil) }

// fieldsFor are the CSV's columns, its table column naming the layouts of
// the tables named.
func fieldsFor(named map[string]bool) []field {
	codePattern := map[string]any{"pattern": "[0-9]+"}
	tables, said := csvTables(named)
	fs := [numCols]field{
		colYear:            {"year", "预算年度", "预算年度，如 2024", "integer", map[string]any{"required": true}},
		colDeptCode:        {"department_code", "部门编码", "部门编码（主输入未填写时为空），按文字保存", "string", nil},
		colDept:            {"department", "部门名称", "发布预算公开的部门", "string", map[string]any{"required": true}},
		colUnit:            {"unit", "预算单位", "金额所属的预算单位（该行输入写明单位时；否则为空）", "string", nil},
		colTable:           {"table", "所在公开表", "金额首先出现的公开表：" + said, "string", map[string]any{"required": true, "enum": tables}},
		colFunctionCode:    {"function_code", "功能分类科目编码", "支出功能分类科目编码（项，7 位），按文字保存", "string", codePattern},
		colFunctionName:    {"function_name", "功能分类科目名称", "支出功能分类科目名称", "string", nil},
		colDeptEconCode:    {"dept_economic_code", "部门经济分类科目编码", "部门预算支出经济分类科目编码（款，5 位；表6 的行），按文字保存", "string", codePattern},
		colDeptEconName:    {"dept_economic_name", "部门经济分类科目名称", "部门预算支出经济分类科目名称", "string", nil},
		colGovEconCode:     {"gov_economic_code", "政府经济分类科目编码", "政府预算支出经济分类科目编码（款，5 位；表6 的行），按文字保存", "string", codePattern},
		colGovEconName:     {"gov_economic_name", "政府经济分类科目名称", "政府预算支出经济分类科目名称", "string", nil},
		colSource:          {"source", "资金来源", "资金来源的键", "string", map[string]any{"required": true, "enum": input.SourceKeys()}},
		colSourceName:      {"source_name", "资金来源名称", "资金来源名称，如 一般公共预算", "string", map[string]any{"required": true}},
		colYearKind:        {"year_kind", "本年或上年结转", YearCurrent + " 当年预算，" + YearCarryover + " 上年结转；表10、表11 不分，为空", "string", map[string]any{"enum": []string{YearCurrent, YearCarryover}}},
		colExpenditureKind: {"expenditure_kind", "基本或项目支出", KindBasic + " 基本支出，" + KindProject + " 项目支出（决算另有 " + KindRemit + " 上缴上级支出、" + KindOperation + " 经营支出、" + KindAffiliate + " 对附属单位补助支出）；收入和表10、表11 为空", "string", map[string]any{"enum": []string{KindBasic, KindProject, KindRemit, KindOperation, KindAffiliate}}},
		colItem:            {"item", "项目", "表7、表9 的收入科目编码，表10 的项目键，表12、表13 的项目名称；其余为空", "string", nil},
		colItemName:        {"item_name", "项目名称", "项目的名称：收入科目名称，表10 印出的项目名称，项目名称", "string", nil},
		colYuan:            {"amount_yuan", "金额（元）", "金额，单位元：精确的十进制数（等于万元金额乘以 10000）", "number", map[string]any{"required": true, "minimum": 0}},
		colWan:             {"amount_wan_yuan", "金额（万元）", "金额，单位万元：精确的十进制数，未经四舍五入", "number", map[string]any{"required": true, "minimum": 0}},
	}
	return fs[:]
}

// Header is the CSV's first row: the columns' names in order.
func Header() []string {
	fs := fields()
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.name
	}
	return out
}

// record is one row of the CSV before the amounts are written.
type record struct {
	cells  [numCols]string
	table  render.TableID
	amount decimal.Decimal // 万元
}

// CSV writes one row per amount of the master input, at its finest level
// (<stem>.csv): each expenditure line as a basic and a project row, each
// line of table 6, each revenue line, each 三公 item, operating cost and
// project by source — zero amounts left out. Summing the rows of a table
// (filtered by source, year kind or basic/project) gives that table's
// totals exactly. The file is UTF-8 with a byte-order mark, CRLF line ends,
// a header row of the column names (see Header), amounts in 元 and 万元 as
// exact decimals. It fails when the publication's totals are not the
// document's.
func CSV(doc *input.Document, pub *render.Publication) ([]byte, error) {
	if doc == nil || pub == nil {
		return nil, errors.New("opendata: CSV needs the document and its publication")
	}
	recs := records(doc, pub)
	if err := reconcile(recs, pub); err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.WriteString(BOM)
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	if err := w.Write(Header()); err != nil {
		return nil, err
	}
	for _, r := range recs {
		r.cells[colWan] = Exact(r.amount)
		r.cells[colYuan] = Exact(r.amount.Shift(4))
		if err := w.Write(r.cells[:]); err != nil {
			return nil, err
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// decimalText writes an exact decimal with at least two decimals and as
// many more as it has: 25.00, 0.0025, 1249.4512.
func decimalText(d decimal.Decimal) string {
	places := 2
	if _, frac, ok := strings.Cut(d.String(), "."); ok {
		places = max(places, len(frac))
	}
	return d.StringFixed(int32(places))
}

// records are the rows of the CSV in a fixed order: the blocks of the input
// in table order, each block's lines in input order, sources in column order.
func records(doc *input.Document, pub *render.Publication) []record {
	var out []record
	prof := profileOf(pub)
	shown := func(k render.LineKind) bool { _, ok := prof.LineTable(k); return ok }
	base := func(k render.LineKind) record {
		lt, _ := prof.LineTable(k)
		table := lt.Table
		var r record
		r.table = table
		r.cells[colYear] = strconv.Itoa(doc.Year)
		r.cells[colDeptCode] = doc.Department.Code.Value
		r.cells[colDept] = pub.Department
		r.cells[colTable] = string(table)
		return r
	}
	add := func(r record, s input.Source, a decimal.Decimal) {
		if a.IsZero() {
			return
		}
		r.cells[colSource] = s.Key()
		r.cells[colSourceName] = s.Title()
		r.amount = a
		out = append(out, r)
	}
	yearKind := func(carry bool) string {
		if carry {
			return YearCarryover
		}
		return YearCurrent
	}

	for _, e := range doc.Expenditures {
		if !shown(render.LinesExpenditure) {
			break
		}
		r := base(render.LinesExpenditure)
		r.cells[colFunctionCode] = e.Code.Value
		r.cells[colFunctionName] = doc.Name(e.Code.Value)
		r.cells[colYearKind] = yearKind(e.Carryover)
		r.cells[colExpenditureKind] = KindBasic
		add(r, e.Src, e.Basic.Value)
		r.cells[colExpenditureKind] = KindProject
		add(r, e.Src, e.Project.Value)
		for _, k := range []struct {
			kind string
			a    input.Amount
		}{{KindRemit, e.Remit}, {KindOperation, e.Operation}, {KindAffiliate, e.AffiliateSubsidy}} {
			r.cells[colExpenditureKind] = k.kind
			add(r, e.Src, k.a.Value)
		}
	}
	for _, l := range doc.BasicByEcon {
		if !shown(render.LinesEconomic) {
			break
		}
		r := base(render.LinesEconomic)
		r.cells[colUnit] = l.Unit.Value
		r.cells[colDeptEconCode], r.cells[colDeptEconName] = l.Dept.Value, doc.Name(l.Dept.Value)
		r.cells[colGovEconCode], r.cells[colGovEconName] = l.Gov.Value, doc.Name(l.Gov.Value)
		r.cells[colYearKind] = YearCurrent
		r.cells[colExpenditureKind] = KindBasic
		add(r, input.GeneralPublic, l.Amount.Value)
	}
	for _, rev := range []struct {
		kind   render.LineKind
		source input.Source
		lines  []input.RevenueLine
	}{{render.LinesGovFundRevenue, input.GovernmentFund, doc.GovFundRev}, {render.LinesStateCapitalRevenue, input.StateCapital, doc.StateCapRev}} {
		for _, l := range rev.lines {
			if !shown(rev.kind) {
				break
			}
			r := base(rev.kind)
			r.cells[colYearKind] = YearCurrent
			r.cells[colItem], r.cells[colItemName] = l.Code.Value, doc.Name(l.Code.Value)
			add(r, rev.source, l.Amount.Value)
		}
	}
	tp := doc.ThreePublic
	items, _ := prof.LineTable(render.LinesThreePublic)
	tpTable := pub.Table(items.Table)
	for _, it := range []struct {
		key    string
		amount input.BySource
	}{{render.ItemOutboundTravel, tp.OutboundTravel}, {render.ItemReception, tp.Reception},
		{render.ItemVehiclePurchase, tp.VehiclePurchase}, {render.ItemVehicleOperation, tp.VehicleOperation}} {
		if !shown(render.LinesThreePublic) {
			break
		}
		r := base(render.LinesThreePublic)
		r.cells[colItem] = it.key
		if tpTable != nil {
			r.cells[colItemName] = tpTable.Text(render.ItemRow(it.key), render.ColItem)
		}
		for _, s := range input.AllSources {
			add(r, s, it.amount.Get(s))
		}
	}
	for _, oc := range doc.OperCosts {
		if !shown(render.LinesOperatingCosts) {
			break
		}
		r := base(render.LinesOperatingCosts)
		r.cells[colUnit] = oc.Unit.Value
		for _, s := range input.AllSources {
			add(r, s, oc.Amount.Get(s))
		}
	}
	for _, p := range doc.Projects {
		kind := render.LinesProjects
		if p.Carryover {
			kind = render.LinesCarryoverProjects
		}
		if !shown(kind) {
			continue
		}
		r := base(kind)
		r.cells[colUnit] = p.Unit.Value
		r.cells[colYearKind] = yearKind(p.Carryover)
		r.cells[colExpenditureKind] = KindProject
		r.cells[colItem], r.cells[colItemName] = p.Name.Value, p.Name.Value
		for _, s := range input.AllSources {
			add(r, s, p.Amounts.Get(s))
		}
	}
	return out
}

// reconcile makes sure the rows sum to the publication's totals, so that a
// publication built from another document (or another table set) is not
// written beside rows that do not add up to it.
func reconcile(recs []record, pub *render.Publication) error {
	sums := map[render.TableID]decimal.Decimal{}
	for _, r := range recs {
		sums[r.table] = sums[r.table].Add(r.amount)
	}
	prof := profileOf(pub)
	for _, c := range prof.Lines {
		t := pub.Table(c.Table)
		if t == nil {
			continue
		}
		want := t.Exact(render.TotalRow, c.Total)
		if t.Unit == "元" { // the rows are in 万元, the table in 元
			want = want.Shift(-4)
		}
		if !sums[c.Table].Equal(want) {
			return fmt.Errorf("opendata: the rows of %s sum to %s, its total is %s: the publication is not the document's", c.Table, sums[c.Table], want)
		}
	}
	return nil
}

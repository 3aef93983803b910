package render

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/budgetpub/budgetpub/input"
)

// TableDecl declares one table: everything about it that does not depend on
// a department's figures — its id and number, title, header grid, named
// columns and presentation — and the function that fills its rows. The
// importer recognises a table in a workbook by the same declaration.
type TableDecl struct {
	ID     TableID
	Number int    // N of 预算公开表N
	Title  string // the title after {year}年, e.g. 预算收支总表
	// Columns are the table's columns, in order, with their keys.
	Columns []Column
	// HeaderRows and Header are the header grid; a text may hold {year},
	// which prints as the budget year (2024年合计).
	HeaderRows int
	Header     []HeaderCell
	Presentation
	// Build fills the table's rows and notes from the input's lines.
	Build func(b *Builder, t *Table)
	// labelFormat is its profile's LabelFormat (Register).
	labelFormat string
}

// YearPlaceholder stands for the budget year in declared texts.
const YearPlaceholder = "{year}"

// Label is what is printed above the title: 预算公开表N (its profile's
// LabelFormat).
func (d *TableDecl) Label() string { return fmt.Sprintf(d.labelFormat, d.Number) }

// FullTitle is the printed title for a year: 2024年预算收支总表.
func (d *TableDecl) FullTitle(year int) string { return fmt.Sprintf("%d年%s", year, d.Title) }

// HeaderFor is the header grid with the year filled in.
func (d *TableDecl) HeaderFor(year int) []HeaderCell {
	out := make([]HeaderCell, len(d.Header))
	for i, h := range d.Header {
		h.Text = strings.ReplaceAll(h.Text, YearPlaceholder, strconv.Itoa(year))
		out[i] = h
	}
	return out
}

// Standard is the profile of the 13 tables that 部门预算公开 prints (财政部
// model, as 山西省/大同市 publish it): layout shanxi-13, the default.
var Standard = &Profile{ID: input.DefaultLayout, Name: "部门预算公开表（13张）", Kind: KindBudget,
	TitleFormat: "%d年度部门预算公开", LabelFormat: "预算公开表%d"}

func init() {
	Standard.Tables = standardTables()
	Standard.Checks = standardChecks
	Standard.Lines = []LineTable{{LinesExpenditure, T3, ColTotal}, {LinesEconomic, T6, ColTotal}, {LinesGovFundRevenue, T7, ColRevenue},
		{LinesStateCapitalRevenue, T9, ColRevenue}, {LinesThreePublic, T10, ColTotal}, {LinesOperatingCosts, T11, ColTotal},
		{LinesProjects, T12, ColTotal}, {LinesCarryoverProjects, T13, ColTotal}}
	Standard.Parts = (*Builder).standardParts
	Register(Standard)
}

func hc(row, col, rowSpan, colSpan int, text string) HeaderCell {
	return HeaderCell{Row: row, Col: col, RowSpan: rowSpan, ColSpan: colSpan, Text: text}
}

func col(key ColKey, kind CellKind) Column { return Column{Key: key, Kind: kind} }

func left(key ColKey, kind CellKind) Column { return Column{Key: key, Kind: kind, Side: SideLeft} }

// sourceCols are amount columns for the sources, in order.
func sourceCols(sources []input.Source) []Column {
	out := make([]Column, len(sources))
	for i, s := range sources {
		out[i] = col(SourceCol(s), KindAmount)
	}
	return out
}

// sourceHeads are header cells over the sources' columns, from column c on
// row r, with the titles table id prints.
func sourceHeads(r, c int, id TableID, sources []input.Source) []HeaderCell {
	out := make([]HeaderCell, len(sources))
	for i, s := range sources {
		out[i] = hc(r, c+i, 1, 1, s.TitleIn(string(id)))
	}
	return out
}

func cols(groups ...[]Column) []Column {
	var out []Column
	for _, g := range groups {
		out = append(out, g...)
	}
	return out
}

func heads(groups ...[]HeaderCell) []HeaderCell {
	var out []HeaderCell
	for _, g := range groups {
		out = append(out, g...)
	}
	return out
}

// functionDecl declares a table of function rows split into basic and
// project expenditure (tables 3, 5, 8).
func functionDecl(id TableID, n int, title string, keep func(Line) bool) *TableDecl {
	return &TableDecl{
		ID: id, Number: n, Title: title,
		Columns:    []Column{col(ColCode, KindCode), col(ColName, KindText), col(ColTotal, KindAmount), col(ColBasic, KindAmount), col(ColProject, KindAmount)},
		HeaderRows: 2,
		Header: []HeaderCell{
			hc(0, 0, 1, 2, "项目"), hc(0, 2, 1, 3, "{year}年预算数"),
			hc(1, 0, 1, 1, "科目编码"), hc(1, 1, 1, 1, "科目名称"),
			hc(1, 2, 1, 1, "合计"), hc(1, 3, 1, 1, "基本支出"), hc(1, 4, 1, 1, "项目支出"),
		},
		Build: func(b *Builder, t *Table) { b.functionTable(t, keep) },
	}
}

// fiscalDecl declares a table of rows split into the three 财政拨款 sources
// under one year heading (tables 10, 11).
func fiscalDecl(id TableID, n int, title, first, yearText string, build func(*Builder, *Table)) *TableDecl {
	return &TableDecl{
		ID: id, Number: n, Title: title,
		Columns:    cols([]Column{col(ColItem, KindText), col(ColTotal, KindAmount)}, sourceCols(input.FiscalSources)),
		HeaderRows: 2,
		Header: heads([]HeaderCell{hc(0, 0, 2, 1, first), hc(0, 1, 1, 4, yearText), hc(1, 1, 1, 1, "合计")},
			sourceHeads(1, 2, id, input.FiscalSources)),
		Build: build,
	}
}

// projectDecl declares the layout of tables 12 and 13: 项目名称, 合计, the
// year's 财政拨款 by source (and, for table 12, the two non-fiscal sources),
// then a row of column numbers.
func projectDecl(id TableID, n int, title string, carryover bool) *TableDecl {
	d := &TableDecl{ID: id, Number: n, Title: title, HeaderRows: 3}
	d.Columns = cols([]Column{col(ColItem, KindText), col(ColTotal, KindAmount)}, sourceCols(input.FiscalSources))
	d.Header = heads([]HeaderCell{hc(0, 0, 2, 1, "项目名称"), hc(0, 1, 2, 1, "合计"), hc(0, 2, 1, 3, "{year}年财政拨款")},
		sourceHeads(1, 2, id, input.FiscalSources))
	if !carryover {
		for _, s := range input.AllSources {
			if !s.Fiscal() {
				d.Header = append(d.Header, hc(0, len(d.Columns), 2, 1, s.TitleIn(string(id))))
				d.Columns = append(d.Columns, col(SourceCol(s), KindAmount))
			}
		}
	}
	for i := range d.Columns {
		d.Header = append(d.Header, hc(2, i, 1, 1, strconv.Itoa(i+1)))
	}
	d.Landscape = !carryover
	d.Build = func(b *Builder, t *Table) { b.projectTable(t, carryover) }
	return d
}

// standardTables declares the 13 tables in print order.
func standardTables() []*TableDecl {
	t1 := &TableDecl{
		ID: T1, Number: 1, Title: "预算收支总表",
		Columns: []Column{left(ColIncomeItem, KindText), left(ColIncome, KindAmount),
			col(ColItem, KindText), col(ColTotal, KindAmount), col(ColCurrent, KindAmount), col(ColCarryover, KindAmount)},
		HeaderRows: 2,
		Header: []HeaderCell{
			hc(0, 0, 1, 2, "收入"), hc(0, 2, 1, 4, "支出"),
			hc(1, 0, 1, 1, "项目"), hc(1, 1, 1, 1, "{year}年"), hc(1, 2, 1, 1, "项目"),
			hc(1, 3, 1, 1, "{year}年合计"), hc(1, 4, 1, 1, "当年预算安排"), hc(1, 5, 1, 1, "上年结转安排"),
		},
		Build: (*Builder).table1,
	}
	t2 := &TableDecl{
		ID: T2, Number: 2, Title: "预算收入总表",
		Columns: cols([]Column{col(ColCode, KindCode), col(ColName, KindText), col(ColCurrent, KindAmount)},
			sourceCols(input.AllSources), []Column{col(ColCarryover, KindAmount)}),
		HeaderRows: 2,
		Header: heads([]HeaderCell{
			hc(0, 0, 1, 2, "项目"), hc(0, 2, 1, 6, "本年收入"), hc(0, 8, 2, 1, "上年结转"),
			hc(1, 0, 1, 1, "科目编码"), hc(1, 1, 1, 1, "科目名称"), hc(1, 2, 1, 1, "合计"),
		}, sourceHeads(1, 3, T2, input.AllSources)),
		Build: (*Builder).table2,
	}
	t4 := &TableDecl{
		ID: T4, Number: 4, Title: "财政拨款收支总表",
		Columns: cols([]Column{left(ColIncomeItem, KindText), left(ColIncome, KindAmount), col(ColItem, KindText), col(ColTotal, KindAmount)},
			sourceCols(input.FiscalSources)),
		HeaderRows: 3,
		Header: heads([]HeaderCell{
			hc(0, 0, 1, 2, "收入"), hc(0, 2, 1, 5, "支出"),
			hc(1, 0, 2, 1, "项目"), hc(1, 1, 2, 1, "金额"), hc(1, 2, 2, 1, "项目"), hc(1, 3, 1, 4, "金额"),
			hc(2, 3, 1, 1, "小计"),
		}, sourceHeads(2, 4, T4, input.FiscalSources)),
		Build: (*Builder).table4,
	}
	t6 := &TableDecl{
		ID: T6, Number: 6, Title: "一般公共预算安排基本支出分经济科目表（不含上年结转）",
		Columns: []Column{col(ColDeptEcon, KindText), col(ColGovEcon, KindText),
			col(ColTotal, KindAmount), col(ColPersonnel, KindAmount), col(ColPublic, KindAmount)},
		HeaderRows: 2,
		Header: []HeaderCell{
			hc(0, 0, 2, 1, "部门预算支出经济科目名称"), hc(0, 1, 2, 1, "政府预算支出经济科目名称"), hc(0, 2, 1, 3, "{year}年预算数"),
			hc(1, 2, 1, 1, "合计"), hc(1, 3, 1, 1, "人员经费"), hc(1, 4, 1, 1, "公用经费"),
		},
		Build: (*Builder).table6,
	}
	t7 := &TableDecl{
		ID: T7, Number: 7, Title: "政府性基金预算收入表（不含上年结转）",
		Columns:    []Column{col(ColRevenueCode, KindCode), col(ColRevenueName, KindText), col(ColRevenue, KindAmount)},
		HeaderRows: 2,
		Header: []HeaderCell{
			hc(0, 0, 1, 2, "项目"), hc(0, 2, 2, 1, "政府性基金收入预算"),
			hc(1, 0, 1, 1, "收入科目编码"), hc(1, 1, 1, 1, "科目名称"),
		},
		Build: (*Builder).table7,
	}
	t9 := &TableDecl{
		ID: T9, Number: 9, Title: "国有资本经营预算收支预算表（不含上年结转）",
		Columns: []Column{left(ColRevenueCode, KindCode), left(ColRevenueName, KindText), left(ColRevenue, KindAmount),
			col(ColCode, KindCode), col(ColName, KindText), col(ColTotal, KindAmount), col(ColBasic, KindAmount), col(ColProject, KindAmount)},
		HeaderRows: 3,
		Header: []HeaderCell{
			hc(0, 0, 1, 3, "国有资本经营预算收入"), hc(0, 3, 1, 5, "国有资本经营预算支出"),
			hc(1, 0, 1, 2, "项目"), hc(1, 2, 2, 1, "国有资本经营收入预算"),
			hc(1, 3, 2, 1, "科目编码"), hc(1, 4, 2, 1, "科目名称"), hc(1, 5, 2, 1, "合计"), hc(1, 6, 2, 1, "基本支出"), hc(1, 7, 2, 1, "项目支出"),
			hc(2, 0, 1, 1, "收入科目编码"), hc(2, 1, 1, 1, "科目名称"),
		},
		Build: (*Builder).table9,
	}
	t1.Landscape, t2.Landscape, t4.Landscape, t9.Landscape = true, true, true, true
	all := []*TableDecl{
		t1, t2,
		functionDecl(T3, 3, "预算支出总表", func(Line) bool { return true }),
		t4,
		functionDecl(T5, 5, "一般公共预算支出预算表（不含上年结转）", func(l Line) bool {
			return l.Source == input.GeneralPublic && !l.Carryover
		}),
		t6, t7,
		functionDecl(T8, 8, "政府性基金预算支出表（不含上年结转）", func(l Line) bool {
			return l.Source == input.GovernmentFund && !l.Carryover
		}),
		t9,
		fiscalDecl(T10, 10, "财政拨款安排“三公”经费支出预算表", "项目", "{year}年预算数", (*Builder).table10),
		fiscalDecl(T11, 11, "财政拨款安排机关运行经费预算表", "单位名称", "{year}预算数", (*Builder).table11),
		projectDecl(T12, 12, "项目支出预算表（本年预算）", false),
		projectDecl(T13, 13, "项目支出预算表（上年结转）", true),
	}
	for _, d := range all {
		d.SheetName = fmt.Sprintf("表%d", d.Number)
	}
	return all
}

package shanxi13

import (
	"fmt"
	"strconv"

	"github.com/budgetpub/budgetpub/render"

	"github.com/budgetpub/budgetpub/input"
)

func hc(row, col, rowSpan, colSpan int, text string) render.HeaderCell {
	return render.HeaderCell{Row: row, Col: col, RowSpan: rowSpan, ColSpan: colSpan, Text: text}
}

func col(key render.ColKey, kind render.CellKind) render.Column {
	return render.Column{Key: key, Kind: kind}
}

func left(key render.ColKey, kind render.CellKind) render.Column {
	return render.Column{Key: key, Kind: kind, Side: render.SideLeft}
}

// sourceCols are amount columns for the sources, in order.
func sourceCols(sources []input.Source) []render.Column {
	out := make([]render.Column, len(sources))
	for i, s := range sources {
		out[i] = col(render.SourceCol(s), render.KindAmount)
	}
	return out
}

// sourceHeads are header cells over the sources' columns, from column c on
// row r, with the titles table id prints.
func sourceHeads(r, c int, id render.TableID, sources []input.Source) []render.HeaderCell {
	out := make([]render.HeaderCell, len(sources))
	for i, s := range sources {
		out[i] = hc(r, c+i, 1, 1, sourceTitle(s, id))
	}
	return out
}

// sourceKeys are the keys of the sources' columns, in order.
func sourceKeys(sources []input.Source) []render.ColKey {
	out := make([]render.ColKey, len(sources))
	for i, s := range sources {
		out[i] = render.SourceCol(s)
	}
	return out
}

func cols(groups ...[]render.Column) []render.Column {
	var out []render.Column
	for _, g := range groups {
		out = append(out, g...)
	}
	return out
}

func heads(groups ...[]render.HeaderCell) []render.HeaderCell {
	var out []render.HeaderCell
	for _, g := range groups {
		out = append(out, g...)
	}
	return out
}

// functionDecl declares a table of function rows split into basic and
// project expenditure (tables 3, 5, 8).
func functionDecl(id render.TableID, n int, title string, keep func(render.Line) bool) *render.TableDecl {
	return &render.TableDecl{
		ID: id, Number: n, Title: title,
		Columns:    []render.Column{col(render.ColCode, render.KindCode), col(render.ColName, render.KindText), col(render.ColTotal, render.KindAmount), col(render.ColBasic, render.KindAmount), col(render.ColProject, render.KindAmount)},
		HeaderRows: 2,
		Header: []render.HeaderCell{
			hc(0, 0, 1, 2, "项目"), hc(0, 2, 1, 3, "{year}年预算数"),
			hc(1, 0, 1, 1, "科目编码"), hc(1, 1, 1, 1, "科目名称"),
			hc(1, 2, 1, 1, "合计"), hc(1, 3, 1, 1, "基本支出"), hc(1, 4, 1, 1, "项目支出"),
		},
		Build:  func(b *render.Builder, t *render.Table) { functionTable(b, t, keep) },
		Import: render.TableImport{Rows: render.ReadCodes},
	}
}

// fiscalDecl declares a table of rows split into the three 财政拨款 sources
// under one year heading (tables 10, 11), its rows read back as rows says.
func fiscalDecl(id render.TableID, n int, title, first, yearText string, build func(*render.Builder, *render.Table), rows render.RowReading) *render.TableDecl {
	return &render.TableDecl{
		ID: id, Number: n, Title: title,
		Columns:    cols([]render.Column{col(render.ColItem, render.KindText), col(render.ColTotal, render.KindAmount)}, sourceCols(input.FiscalSources)),
		HeaderRows: 2,
		Header: heads([]render.HeaderCell{hc(0, 0, 2, 1, first), hc(0, 1, 1, 4, yearText), hc(1, 1, 1, 1, "合计")},
			sourceHeads(1, 2, id, input.FiscalSources)),
		Build:  build,
		Import: render.TableImport{Rows: rows},
	}
}

// projectDecl declares the layout of tables 12 and 13: 项目名称, 合计, the
// year's 财政拨款 by source (and, for table 12, the two non-fiscal sources),
// then a row of column numbers.
func projectDecl(id render.TableID, n int, title string, carryover bool) *render.TableDecl {
	d := &render.TableDecl{ID: id, Number: n, Title: title, HeaderRows: 3}
	d.Columns = cols([]render.Column{col(render.ColItem, render.KindText), col(render.ColTotal, render.KindAmount)}, sourceCols(input.FiscalSources))
	d.Header = heads([]render.HeaderCell{hc(0, 0, 2, 1, "项目名称"), hc(0, 1, 2, 1, "合计"), hc(0, 2, 1, 3, "{year}年财政拨款")},
		sourceHeads(1, 2, id, input.FiscalSources))
	if !carryover {
		for _, s := range input.AllSources {
			if !s.Fiscal() {
				d.Header = append(d.Header, hc(0, len(d.Columns), 2, 1, sourceTitle(s, id)))
				d.Columns = append(d.Columns, col(render.SourceCol(s), render.KindAmount))
			}
		}
	}
	for i := range d.Columns {
		d.Header = append(d.Header, hc(2, i, 1, 1, strconv.Itoa(i+1)))
	}
	d.Landscape = !carryover
	d.Build = func(b *render.Builder, t *render.Table) { projectTable(b, t, carryover) }
	// A budget system may print each project's 项目类别 beside them.
	d.Import = render.TableImport{Rows: render.ReadProjects, Optional: "项目类别"}
	return d
}

// standardTables declares the 13 tables in print order.
func standardTables() []*render.TableDecl {
	t1 := &render.TableDecl{
		ID: T1, Number: 1, Title: "预算收支总表",
		Columns: []render.Column{left(render.ColIncomeItem, render.KindText), left(render.ColIncome, render.KindAmount),
			col(render.ColItem, render.KindText), col(render.ColTotal, render.KindAmount), col(render.ColCurrent, render.KindAmount), col(render.ColCarryover, render.KindAmount)},
		HeaderRows: 2,
		Header: []render.HeaderCell{
			hc(0, 0, 1, 2, "收入"), hc(0, 2, 1, 4, "支出"),
			hc(1, 0, 1, 1, "项目"), hc(1, 1, 1, 1, "{year}年"), hc(1, 2, 1, 1, "项目"),
			hc(1, 3, 1, 1, "{year}年合计"), hc(1, 4, 1, 1, "当年预算安排"), hc(1, 5, 1, 1, "上年结转安排"),
		},
		Build:  table1,
		Import: render.TableImport{Rows: render.ReadSummary, Sources: input.AllSources, LeavesOf: T3},
	}
	t2 := &render.TableDecl{
		ID: T2, Number: 2, Title: "预算收入总表",
		Columns: cols([]render.Column{col(render.ColCode, render.KindCode), col(render.ColName, render.KindText), col(render.ColCurrent, render.KindAmount)},
			sourceCols(input.AllSources), []render.Column{col(render.ColCarryover, render.KindAmount)}),
		HeaderRows: 2,
		Header: heads([]render.HeaderCell{
			hc(0, 0, 1, 2, "项目"), hc(0, 2, 1, 6, "本年收入"), hc(0, 8, 2, 1, "上年结转"),
			hc(1, 0, 1, 1, "科目编码"), hc(1, 1, 1, 1, "科目名称"), hc(1, 2, 1, 1, "合计"),
		}, sourceHeads(1, 3, T2, input.AllSources)),
		Build: table2,
		// 本年收入合计 is its sources; 上年结转 is beside it.
		Import: render.TableImport{Rows: render.ReadCodes, RowTotal: render.ColCurrent, RowParts: sourceKeys(input.AllSources)},
	}
	t4 := &render.TableDecl{
		ID: T4, Number: 4, Title: "财政拨款收支总表",
		Columns: cols([]render.Column{left(render.ColIncomeItem, render.KindText), left(render.ColIncome, render.KindAmount), col(render.ColItem, render.KindText), col(render.ColTotal, render.KindAmount)},
			sourceCols(input.FiscalSources)),
		HeaderRows: 3,
		Header: heads([]render.HeaderCell{
			hc(0, 0, 1, 2, "收入"), hc(0, 2, 1, 5, "支出"),
			hc(1, 0, 2, 1, "项目"), hc(1, 1, 2, 1, "金额"), hc(1, 2, 2, 1, "项目"), hc(1, 3, 1, 4, "金额"),
			hc(2, 3, 1, 1, "小计"),
		}, sourceHeads(2, 4, T4, input.FiscalSources)),
		Build:  table4,
		Import: render.TableImport{Rows: render.ReadSummary, Sources: input.FiscalSources, LeavesOf: T3},
	}
	t6 := &render.TableDecl{
		ID: T6, Number: 6, Title: "一般公共预算安排基本支出分经济科目表（不含上年结转）",
		Columns: []render.Column{col(render.ColDeptEcon, render.KindText), col(render.ColGovEcon, render.KindText),
			col(render.ColTotal, render.KindAmount), col(render.ColPersonnel, render.KindAmount), col(render.ColPublic, render.KindAmount)},
		HeaderRows: 2,
		Header: []render.HeaderCell{
			hc(0, 0, 2, 1, "部门预算支出经济科目名称"), hc(0, 1, 2, 1, "政府预算支出经济科目名称"), hc(0, 2, 1, 3, "{year}年预算数"),
			hc(1, 2, 1, 1, "合计"), hc(1, 3, 1, 1, "人员经费"), hc(1, 4, 1, 1, "公用经费"),
		},
		Build:  table6,
		Import: render.TableImport{Rows: render.ReadEcon},
	}
	t7 := &render.TableDecl{
		ID: T7, Number: 7, Title: "政府性基金预算收入表（不含上年结转）",
		Columns:    []render.Column{col(render.ColRevenueCode, render.KindCode), col(render.ColRevenueName, render.KindText), col(render.ColRevenue, render.KindAmount)},
		HeaderRows: 2,
		Header: []render.HeaderCell{
			hc(0, 0, 1, 2, "项目"), hc(0, 2, 2, 1, "政府性基金收入预算"),
			hc(1, 0, 1, 1, "收入科目编码"), hc(1, 1, 1, 1, "科目名称"),
		},
		Build:  table7,
		Import: render.TableImport{Rows: render.ReadCodes},
	}
	t9 := &render.TableDecl{
		ID: T9, Number: 9, Title: "国有资本经营预算收支预算表（不含上年结转）",
		Columns: []render.Column{left(render.ColRevenueCode, render.KindCode), left(render.ColRevenueName, render.KindText), left(render.ColRevenue, render.KindAmount),
			col(render.ColCode, render.KindCode), col(render.ColName, render.KindText), col(render.ColTotal, render.KindAmount), col(render.ColBasic, render.KindAmount), col(render.ColProject, render.KindAmount)},
		HeaderRows: 3,
		Header: []render.HeaderCell{
			hc(0, 0, 1, 3, "国有资本经营预算收入"), hc(0, 3, 1, 5, "国有资本经营预算支出"),
			hc(1, 0, 1, 2, "项目"), hc(1, 2, 2, 1, "国有资本经营收入预算"),
			hc(1, 3, 2, 1, "科目编码"), hc(1, 4, 2, 1, "科目名称"), hc(1, 5, 2, 1, "合计"), hc(1, 6, 2, 1, "基本支出"), hc(1, 7, 2, 1, "项目支出"),
			hc(2, 0, 1, 1, "收入科目编码"), hc(2, 1, 1, 1, "科目名称"),
		},
		Build:  table9,
		Import: render.TableImport{Rows: render.ReadCodes},
	}
	t1.Landscape, t2.Landscape, t4.Landscape, t9.Landscape = true, true, true, true
	all := []*render.TableDecl{
		t1, t2,
		functionDecl(T3, 3, "预算支出总表", func(render.Line) bool { return true }),
		t4,
		functionDecl(T5, 5, "一般公共预算支出预算表（不含上年结转）", func(l render.Line) bool {
			return l.Source == input.GeneralPublic && !l.Carryover
		}),
		t6, t7,
		functionDecl(T8, 8, "政府性基金预算支出表（不含上年结转）", func(l render.Line) bool {
			return l.Source == input.GovernmentFund && !l.Carryover
		}),
		t9,
		fiscalDecl(T10, 10, "财政拨款安排“三公”经费支出预算表", "项目", "{year}年预算数", table10, render.ReadItems),
		fiscalDecl(T11, 11, "财政拨款安排机关运行经费预算表", "单位名称", "{year}预算数", table11, render.ReadUnits),
		projectDecl(T12, 12, "项目支出预算表（本年预算）", false),
		projectDecl(T13, 13, "项目支出预算表（上年结转）", true),
	}
	for _, d := range all {
		d.SheetName = fmt.Sprintf("表%d", d.Number)
	}
	return all
}

// sourceTitle is a source's column title in one of the 13 tables, as the
// reference prints it: 表2 says 政府性基金 where the others say
// 政府性基金预算.
func sourceTitle(s input.Source, id render.TableID) string {
	if id == T2 && s == input.GovernmentFund {
		return "政府性基金"
	}
	return s.Title()
}

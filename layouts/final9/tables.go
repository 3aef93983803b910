package final9

import (
	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
)

// The nine tables, in 目录 order.
const (
	F1 render.TableID = "F1" // 收入支出决算总表
	F2 render.TableID = "F2" // 收入决算表
	F3 render.TableID = "F3" // 支出决算表
	F4 render.TableID = "F4" // 财政拨款收入支出决算总表
	F5 render.TableID = "F5" // 一般公共预算财政拨款支出决算表
	F6 render.TableID = "F6" // 一般公共预算财政拨款基本支出决算表
	F7 render.TableID = "F7" // 财政拨款“三公”经费支出决算表
	F8 render.TableID = "F8" // 政府性基金预算财政拨款收入支出决算表
	F9 render.TableID = "F9" // 国有资本经营预算财政拨款收入支出决算表
)

// The columns only a 决算's tables have.
const (
	colSpent                    = render.ColTotal // 本年支出合计 (tables 3, 5, 8, 9), 本年收入合计 (table 2)
	colFiscal     render.ColKey = "fiscal"        // 财政拨款收入
	colRemit      render.ColKey = "remit"         // 上缴上级支出
	colOperation  render.ColKey = "operation"     // 经营支出
	colAffiliate  render.ColKey = "affiliate"     // 对附属单位补助支出
	colOpening    render.ColKey = "opening"       // 年初结转和结余
	colIncome     render.ColKey = "year_income"   // 本年收入
	colClosing    render.ColKey = "closing"       // 年末结转和结余
	colLeftCode   render.ColKey = "left_code"     // table 6's left 经济分类科目编码
	colLeftName   render.ColKey = "left_name"     // its 科目名称
	colLeftActual render.ColKey = "left_actual"   // its 决算数
)

// The rows of the two-sided tables 1 and 4 below the 类.
var (
	rowUseOfSurplus = render.ItemRow("use_of_surplus") // 使用非财政拨款结余
	rowDistribution = render.ItemRow("distribution")   // 结余分配
	rowClosing      = render.ItemRow("closing")        // 年末结转和结余
	rowPersonnel    = render.ItemRow("personnel")      // table 6: 人员经费合计
	rowPublic       = render.ItemRow("public")         // table 6: 公用经费合计
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

// format is how a 决算's tables print: 万元, two decimals, no thousands
// separators (as Shanghai's template and most publications print them),
// a cell without money blank.
var format = &render.NumberFormat{Decimals: 2}

// presentation is table n's: sheet 表n, the format, its header repeated
// on every page.
func presentation(n int) render.Presentation {
	// The wide ones (tables 2, 3, 4 and 7) on landscape pages.
	return render.Presentation{SheetName: "表" + itoa(n), NumberFormat: format, Landscape: n == 2 || n == 3 || n == 4 || n == 7}
}

// codeHead is the header of the code and name columns of tables 2, 3, 5,
// 8 and 9: 项目 over 功能分类科目编码 | 科目名称.
func codeHead() []render.HeaderCell {
	return []render.HeaderCell{hc(0, 0, 1, 2, "项目"), hc(1, 0, 1, 1, "功能分类科目编码"), hc(1, 1, 1, 1, "科目名称")}
}

// decl is a table's declaration with what every one of the nine shares:
// 万元, the title printed as it is (no year), its note.
func decl(id render.TableID, n int, title string, cols []render.Column, headerRows int, head []render.HeaderCell, build func(*render.Builder, *render.Table)) *render.TableDecl {
	return &render.TableDecl{ID: id, Number: n, Title: title, Yearless: true, Columns: cols, HeaderRows: headerRows, Header: head,
		Presentation: presentation(n), Build: build}
}

// tables are the nine tables of a 决算, in 目录 order.
func tables() []*render.TableDecl {
	code := []render.Column{col(render.ColCode, render.KindCode), col(render.ColName, render.KindText)}
	amounts := func(keys ...render.ColKey) []render.Column {
		out := append([]render.Column{}, code...)
		for _, k := range keys {
			out = append(out, col(k, render.KindAmount))
		}
		return out
	}
	spanned := func(from int, titles ...string) []render.HeaderCell {
		out := codeHead()
		for i, t := range titles {
			out = append(out, hc(0, from+i, 2, 1, t))
		}
		return out
	}
	revenueCols := []render.ColKey{colSpent, colFiscal}
	revenueHead := []string{"本年收入合计", "财政拨款收入"}
	for k := input.RevenueSuperior; k < input.NumRevenueKinds; k++ {
		revenueCols = append(revenueCols, render.ColKey(k.Key()))
		revenueHead = append(revenueHead, k.Title())
	}
	fundHead := append(codeHead(), hc(0, 2, 2, 1, "年初结转和结余"), hc(0, 3, 2, 1, "本年收入"), hc(0, 4, 1, 3, "本年支出"),
		hc(1, 4, 1, 1, "合计"), hc(1, 5, 1, 1, "基本支出"), hc(1, 6, 1, 1, "项目支出"), hc(0, 7, 2, 1, "年末结转和结余"))
	fundCols := amounts(colOpening, colIncome, colSpent, render.ColBasic, render.ColProject, colClosing)
	return []*render.TableDecl{
		decl(F1, 1, "收入支出决算总表",
			[]render.Column{left(render.ColIncomeItem, render.KindText), left(render.ColIncome, render.KindAmount),
				col(render.ColItem, render.KindText), col(colSpent, render.KindAmount)}, 2,
			[]render.HeaderCell{hc(0, 0, 1, 2, "收入"), hc(0, 2, 1, 2, "支出"),
				hc(1, 0, 1, 1, "项目"), hc(1, 1, 1, 1, "决算数"), hc(1, 2, 1, 1, "项目"), hc(1, 3, 1, 1, "决算数")},
			table1),
		decl(F2, 2, "收入决算表", amounts(revenueCols...), 2, spanned(2, revenueHead...), table2),
		decl(F3, 3, "支出决算表", amounts(colSpent, render.ColBasic, render.ColProject, colRemit, colOperation, colAffiliate), 2,
			spanned(2, "本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"), table3),
		decl(F4, 4, "财政拨款收入支出决算总表",
			[]render.Column{left(render.ColIncomeItem, render.KindText), left(render.ColIncome, render.KindAmount),
				col(render.ColItem, render.KindText), col(colSpent, render.KindAmount),
				col(render.SourceCol(input.GeneralPublic), render.KindAmount), col(render.SourceCol(input.GovernmentFund), render.KindAmount),
				col(render.SourceCol(input.StateCapital), render.KindAmount)}, 2,
			[]render.HeaderCell{hc(0, 0, 1, 2, "收入"), hc(0, 2, 1, 5, "支出"),
				hc(1, 0, 1, 1, "项目"), hc(1, 1, 1, 1, "决算数"), hc(1, 2, 1, 1, "项目"), hc(1, 3, 1, 1, "合计"),
				hc(1, 4, 1, 1, "一般公共预算财政拨款"), hc(1, 5, 1, 1, "政府性基金预算财政拨款"), hc(1, 6, 1, 1, "国有资本经营预算财政拨款")},
			table4),
		decl(F5, 5, "一般公共预算财政拨款支出决算表", amounts(colSpent, render.ColBasic, render.ColProject), 2,
			spanned(2, "合计", "基本支出", "项目支出"), table5),
		decl(F6, 6, "一般公共预算财政拨款基本支出决算表",
			[]render.Column{left(colLeftCode, render.KindCode), left(colLeftName, render.KindText), left(colLeftActual, render.KindAmount),
				col(render.ColCode, render.KindCode), col(render.ColName, render.KindText), col(colSpent, render.KindAmount)}, 1,
			[]render.HeaderCell{hc(0, 0, 1, 1, "经济分类科目编码"), hc(0, 1, 1, 1, "科目名称"), hc(0, 2, 1, 1, "决算数"),
				hc(0, 3, 1, 1, "经济分类科目编码"), hc(0, 4, 1, 1, "科目名称"), hc(0, 5, 1, 1, "决算数")},
			table6),
		threePublicDecl(),
		decl(F8, 8, "政府性基金预算财政拨款收入支出决算表", fundCols, 2, fundHead, fundTable(input.GovernmentFund, input.RevenueGovernmentFund)),
		decl(F9, 9, "国有资本经营预算财政拨款收入支出决算表", fundCols, 2, fundHead, fundTable(input.StateCapital, input.RevenueStateCapital)),
	}
}

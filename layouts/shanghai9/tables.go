package shanghai9

import (
	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
)

// variant is what differs between a department's publication (部门预算)
// and a budget unit's own (单位预算): the tables' titles' prefix, the word
// a note says the publisher with, the empty rows of an empty table, and
// the unit's own shapes (table 1 split by 人员经费, 公用经费 and 项目支出;
// table 9 without the year; no 项目经费情况说明).
type variant struct {
	prefix    string // 部门 or 预算单位: {year}年部门财务收支预算总表
	self      string // 本部门 or 本单位
	emptyRows int    // the ruled rows an empty table 6 or 7 prints
	unit      bool   // 单位预算
}

// department is a department's 部门预算 (shanghai-9).
var department = variant{prefix: "部门", self: "本部门", emptyRows: 8}

// unit is a budget unit's own 单位预算 (shanghai-9-unit).
var unit = variant{prefix: "预算单位", self: "本单位", emptyRows: 12, unit: true}

func hc(row, col, rowSpan, colSpan int, text string) render.HeaderCell {
	return render.HeaderCell{Row: row, Col: col, RowSpan: rowSpan, ColSpan: colSpan, Text: text}
}

func col(key render.ColKey, kind render.CellKind) render.Column {
	return render.Column{Key: key, Kind: kind}
}

func left(key render.ColKey, kind render.CellKind) render.Column {
	return render.Column{Key: key, Kind: kind, Side: render.SideLeft}
}

// codeCols are the three code columns and the name.
var codeCols = []render.Column{col(ColClass, render.KindCode), col(ColSection, render.KindCode), col(ColSubject, render.KindCode), col(render.ColName, render.KindText)}

// codeHead is the header of the code columns over rows 1–2 (0-based), under
// the 项目 heading of row 0: 功能分类科目编码 over 类 | 款 | 项, and the name.
func codeHead(code, name string) []render.HeaderCell {
	return []render.HeaderCell{
		hc(0, 0, 1, 4, "项目"),
		hc(1, 0, 1, 3, code), hc(1, 3, 2, 1, name),
		hc(2, 0, 1, 1, "类"), hc(2, 1, 1, 1, "款"), hc(2, 2, 1, 1, "项"),
	}
}

// functionDecl declares table 3, 5, 6 or 7: the function codes of the lines
// kept, 合计 = 基本支出 + 项目支出, in 元.
func functionDecl(v variant, id render.TableID, n int, title, group string, keep func(render.Line) bool, empty string) *render.TableDecl {
	return &render.TableDecl{
		ID: id, Number: n, Title: v.prefix + title, Unit: "元",
		Columns:    append(append([]render.Column{}, codeCols...), col(render.ColTotal, render.KindAmount), col(render.ColBasic, render.KindAmount), col(render.ColProject, render.KindAmount)),
		HeaderRows: 3,
		Header: append(codeHead("功能分类科目编码", "功能分类科目名称"),
			hc(0, 4, 1, 3, group), hc(1, 4, 2, 1, "合计"), hc(1, 5, 2, 1, "基本支出"), hc(1, 6, 2, 1, "项目支出")),
		Presentation: yuanTable(n, n == 3),
		Import:       render.TableImport{Rows: render.ReadCodes},
		Build: func(b *render.Builder, t *render.Table) {
			var tl render.TailCheck
			rows, any := codeRows(b, keep, []render.Measure{totalOf, basicOf, projectOf}, &tl)
			t.Rows = rows
			t.NumberFormat = formatOf(b.Doc, any)
			if !any && empty != "" {
				// Shanghai prints an empty table as a block: the header, 8
				// (a unit's: 12) empty ruled rows, the 合计 row and the note.
				t.PadTo(t.HeaderRows + v.emptyRows + 1)
				t.Notes = append(t.Notes, emptyNote(v, b.Doc.Year, empty))
			}
			tl.Finish(t, false)
		},
	}
}

// emptyNote is the note under an empty table 6 or 7:
// 注:本部门2025年无政府性基金预算财政拨款安排的预算，故本表为空表。
func emptyNote(v variant, year int, what string) string {
	return "注:" + v.self + itoa(year) + "年无" + what + "财政拨款安排的预算，故本表为空表。"
}

// sheet is a table's sheet name: 表N.
func sheet(n int) string { return "表" + itoa(n) }

// yuanFormat is how tables 1–8 print 元: two decimals with thousands
// separators (12,345,678.90), an empty cell blank.
var yuanFormat = &render.NumberFormat{Decimals: 2, Separators: true}

// formatOf is how a document's tables in 元 print (print_format): two
// decimals or whole 元, always with separators; zeros print 0 in the
// tables that list codes (2, 3, 5, 8) when the document says so, the
// two-sided tables 1 and 4 staying blank.
func formatOf(doc *input.Document, zeros bool) *render.NumberFormat {
	f := &render.NumberFormat{Decimals: doc.PrintFormat.DecimalPlaces(), Separators: true}
	if zeros && doc.PrintFormat.EmptyAsZero() {
		f.Zero = "0"
	}
	return f
}

// yuanTable is the presentation of a table in 元 on sheet n; once: its
// header is printed on its first page only (tables 2, 3 and 8 just
// continue their rows).
func yuanTable(n int, once bool) render.Presentation {
	return render.Presentation{SheetName: sheet(n), NumberFormat: yuanFormat, HeaderOnce: once}
}

func of(s input.Source) func(render.Line) bool {
	return func(l render.Line) bool { return l.Source == s }
}

func all(render.Line) bool { return true }

// tables are the nine tables of a variant, in 目录 order.
func tables(v variant) []*render.TableDecl {
	return []*render.TableDecl{
		summaryDecl(v),
		revenueDecl(v),
		functionDecl(v, S3, 3, "支出预算总表", "支出预算", all, ""),
		fiscalDecl(v),
		functionDecl(v, S5, 5, "一般公共预算支出功能分类预算表", "一般公共预算支出", of(input.GeneralPublic), ""),
		functionDecl(v, S6, 6, "政府性基金预算支出功能分类预算表", "政府性基金预算支出", of(input.GovernmentFund), "政府性基金预算"),
		functionDecl(v, S7, 7, "国有资本经营预算支出功能分类预算表", "国有资本经营预算支出", of(input.StateCapital), "国有资本经营预算"),
		economicDecl(v),
		threePublicDecl(v),
	}
}

package shanghai9_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/budgetpub/budgetpub/internal/printed"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/input/synth"
	_ "github.com/budgetpub/budgetpub/layouts" // every layout, the 13 tables' too
	"github.com/budgetpub/budgetpub/layouts/shanghai9"
	"github.com/budgetpub/budgetpub/render"
	"github.com/budgetpub/budgetpub/render/importer"
	"github.com/budgetpub/budgetpub/render/xlsx"
	"github.com/xuri/excelize/v2"
)

// published is a department's publication and its workbook.
type published struct {
	name string
	pub  *render.Publication
	book []byte
}

func publish(t *testing.T, name string, src []byte) published {
	t.Helper()
	doc, err := input.Decode(name, src, nil)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	pub, err := render.Build(doc)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	var b bytes.Buffer
	if err := xlsx.Write(&b, pub); err != nil {
		t.Fatal(err)
	}
	return published{name, pub, b.Bytes()}
}

// generated is a department of the generator (input/synth) of every source,
// as Shanghai publishes it: its lines of the year (Shanghai's tables have no
// 上年结转), the money not of 财政拨款 each given its kind of income in
// turn.
func generated(t *testing.T, seed int64) published {
	t.Helper()
	name := fmt.Sprintf("gen-%d.yaml", seed)
	doc, err := input.Decode(name, synth.Generate(synth.Options{Seed: seed, AllSources: true}), nil)
	if err != nil {
		t.Fatal(err)
	}
	doc.Layout = input.Text{Value: shanghai9.Department.ID}
	var lines []input.Expenditure
	for _, e := range doc.Expenditures {
		if e.Carryover {
			continue
		}
		if !e.Src.Fiscal() {
			e.Income = input.Text{Value: input.AllIncomeKinds[len(lines)%len(input.AllIncomeKinds)].Key()}
		}
		lines = append(lines, e)
	}
	doc.Expenditures = lines
	return publish(t, name, input.Format(doc, input.FormatOptions{}))
}

// fen is a department in 元 with 分, of every source and kind of income,
// with 政府性基金 and 国有资本经营 money (tables 6 and 7 not empty) and a
// “三公” of every item.
const fen = `schema: 1
layout: shanghai-9
year: 2025
amount_unit: 元
department: {name: 上海市某某区某某局}
units: [{name: 上海市某某区某某局}]
code_names:
  - {code: "21208", name: 国有土地使用权出让收入安排的支出}
  - {code: "22301", name: 解决历史遗留问题及改革成本支出}
expenditures:
  - {code: "2010301", basic: 12345678.91, project: 100000.05}
  - {code: "2010301", source: unit_funds, income_kind: business, basic: 2000.10, project: 3000.20}
  - {code: "2010301", source: unit_funds, income_kind: other, basic: 500.01}
  - {code: "2010350", source: special_account, income_kind: operating, project: 70000.07}
  - {code: "2080505", basic: 1998400.00}
  - {code: "2120801", name: 征地和拆迁补偿支出, source: government_fund, project: 4321000.99}
  - {code: "2230199", name: 其他解决历史遗留问题及改革成本支出, source: state_capital, basic: 10.01, project: 20.02}
basic_by_economic:
  - {dept: "30101", gov: "50101", amount: 8000000.01}
  - {dept: "30201", gov: "50201", amount: 345678.90}
  - {dept: "30302", gov: "50905", amount: 4000000.00}
three_public: {outbound_travel: 10000, reception: 23400, vehicle_purchase: 300000, vehicle_operation: 121000}
operating_costs: [{unit: 上海市某某区某某局, amount: 1999100}]
`

// samePrinted compares two publications' tables as printed (printed.SamePrinted).
func samePrinted(t *testing.T, name string, want, got *render.Publication) int {
	t.Helper()
	return printed.SamePrinted(t, name, shanghai9.Department.Tables, want, got)
}

// departments are the sample, three generated departments and one in 元
// with 分.
func departments(t *testing.T) []published {
	src, err := os.ReadFile("testdata/datong-sh.yaml")
	if err != nil {
		t.Fatal(err)
	}
	out := []published{publish(t, "datong-sh.yaml", src), publish(t, "fen.yaml", []byte(fen))}
	for _, seed := range []int64{1, 2, 3} {
		out = append(out, generated(t, seed))
	}
	return out
}

// roundTrip imports a workbook with no layout named and rebuilds the
// publication: the layout is told by the titles, and the 9 tables print
// the same, cell for cell, with no check error.
func roundTrip(t *testing.T, d published, book []byte) *importer.Result {
	t.Helper()
	r, err := importer.Import(d.name+".xlsx", book, importer.Options{})
	if err != nil {
		t.Fatalf("%s: %v", d.name, err)
	}
	if r.Layout != shanghai9.Department.ID || r.Doc.LayoutOf() != shanghai9.Department.ID {
		t.Fatalf("%s: imported as %s (file: %s), want %s", d.name, r.Layout, r.Doc.LayoutOf(), shanghai9.Department.ID)
	}
	pub, err := render.Build(r.Doc)
	if err != nil {
		t.Fatal(err)
	}
	if n := samePrinted(t, d.name, d.pub, pub); n < 200 {
		t.Errorf("%s: only %d cells compared", d.name, n)
	}
	for _, f := range render.Check(r.Doc, pub) {
		if f.Severity == render.SeverityError {
			t.Errorf("%s: the imported file has %v", d.name, f)
		}
	}
	return r
}

// render → import → render gives the same 9 tables, cell for cell.
func TestImportRoundTrip(t *testing.T) {
	for _, d := range departments(t) {
		r := roundTrip(t, d, d.book)
		if d.name == "fen.yaml" && r.Doc.AmountUnit != "元" {
			t.Errorf("%s: written in %s, want 元 (its 分 kept)", d.name, r.Doc.AmountUnit)
		}
	}
}

func openBook(t *testing.T, book []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(book))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func saveBook(t *testing.T, f *excelize.File) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// Workbooks laid out otherwise import to the same tables: sheets renamed
// and reordered, a title row above each table, amounts as text with
// thousands separators, zeros blank.
func TestImportVariants(t *testing.T) {
	ds := departments(t)
	for _, v := range []struct {
		name   string
		change func(f *excelize.File)
	}{
		{"sheets renamed and reordered", func(f *excelize.File) {
			list := f.GetSheetList()
			for i, s := range list {
				if err := f.SetSheetName(s, fmt.Sprintf("Sheet%d", 20-i)); err != nil {
					t.Fatal(err)
				}
			}
			list = f.GetSheetList()
			for i := len(list) - 1; i > 0; i-- {
				if err := f.MoveSheet(list[i], list[0]); err != nil {
					t.Fatal(err)
				}
				list = f.GetSheetList()
			}
		}},
		{"a title row above", func(f *excelize.File) {
			for _, s := range f.GetSheetList() {
				if err := f.InsertRows(s, 1, 1); err != nil {
					t.Fatal(err)
				}
				if err := f.SetCellStr(s, "A1", "上海市某某区2025年部门预算"); err != nil {
					t.Fatal(err)
				}
			}
		}},
		{"codes as numbers (05 as 5)", func(f *excelize.File) {
			for _, s := range f.GetSheetList() {
				rows, err := f.GetRows(s)
				if err != nil {
					t.Fatal(err)
				}
				for r, row := range rows {
					for c, v := range row {
						if c > 2 || len(v) != 3-min(c, 1) || !isAmount(v) || strings.Contains(v, ".") {
							continue
						}
						n, _ := strconv.ParseInt(v, 10, 64)
						ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
						if err := f.SetCellInt(s, ref, n); err != nil {
							t.Fatal(err)
						}
					}
				}
			}
		}},
		{"amounts as text with separators, zeros blank", func(f *excelize.File) {
			for _, s := range f.GetSheetList() {
				rows, err := f.GetRows(s, excelize.Options{RawCellValue: true})
				if err != nil {
					t.Fatal(err)
				}
				for r, row := range rows {
					for c, v := range row {
						ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
						if typ, _ := f.GetCellType(s, ref); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset || !isAmount(v) {
							continue
						}
						text := thousands(v)
						if text == "0.00" {
							text = ""
						}
						if err := f.SetCellStr(s, ref, text); err != nil {
							t.Fatal(err)
						}
					}
				}
			}
		}},
	} {
		for _, d := range ds[:2] {
			f := openBook(t, d.book)
			v.change(f)
			t.Run(v.name+"/"+d.name, func(t *testing.T) { roundTrip(t, d, saveBook(t, f)) })
		}
	}
}

// isAmount tells a number cell: digits and a point.
func isAmount(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if (r < '0' || r > '9') && r != '.' {
			return false
		}
	}
	return true
}

// thousands prints a number with two decimals and thousands separators:
// 12,345,678.90.
func thousands(v string) string {
	whole, frac, _ := strings.Cut(v, ".")
	frac = (frac + "00")[:2]
	var b strings.Builder
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String() + "." + frac
}

// cellOf is the cell of a table's row (its name in column D, or table 8's
// in C) and column letter, found in the workbook.
func cellOf(t *testing.T, f *excelize.File, sheet, nameCol, name, col string) string {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	c, _ := excelize.ColumnNameToNumber(nameCol)
	for r, row := range rows {
		if len(row) >= c && row[c-1] == name {
			return fmt.Sprintf("%s%d", col, r+1)
		}
	}
	t.Fatalf("%s: no row %q", sheet, name)
	return ""
}

// One figure changed by one 元 (table 9: 0.01 万元) in any table is said at
// its cell, in Chinese, with what the other tables make it, and nothing is
// imported.
func TestOneChangedFigureIsNamed(t *testing.T) {
	d := departments(t)[0]
	for _, c := range []struct {
		sheet, nameCol, name, col string
		by                        string // the new text, of the old figure
		want                      string
		at                        string // the cell said first, when not the one changed
	}{
		{"表5", "D", "行政运行", "F", "12494501", "表5（部门一般公共预算支出功能分类预算表）“行政运行”的基本支出为 12494501.00 元，而由本行其他各列、上下级各行得出应为 12494500.00 元，相差 1.00 元：多半是这个单元格填错了", ""},
		{"表5", "A", "合计", "E", "51034201", "表5（部门一般公共预算支出功能分类预算表）“合计”的合计为 51034201.00 元", ""},
		{"表3", "D", "住房公积金", "G", "1", "表3（部门支出预算总表）“住房公积金”的项目支出为 1.00 元", ""},
		{"表2", "D", "提租补贴", "F", "190301", "表2（部门收入预算总表）“提租补贴”的财政拨款收入为 190301.00 元", ""},
		{"表1", "C", "三、社会保障和就业支出", "D", "4485701", "“三、社会保障和就业支出”的预算数为 4485701.00 元", ""},
		{"表4", "C", "五、住房保障支出", "E", "2249001", "“五、住房保障支出”的一般公共预算为 2249001.00 元", ""},
		{"表8", "C", "奖金", "E", "100401", "表8（部门一般公共预算基本支出部门预算经济分类预算表）“奖金”的人员经费为 100401.00 元", ""},
		{"表9", "", "", "A6", "12.11", "表9（部门“三公”经费和机关运行经费预算表）“预算数”的合计为 12.11 万元，而由各表明细得出 12.10 万元，相差 0.01 万元", ""},
		// 运行费 is printed once: what it is not the sum of, its 小计 and
		// 合计, are named.
		{"表9", "", "", "F6", "12.11", "表9（部门“三公”经费和机关运行经费预算表）“预算数”的合计为 12.10 万元，而由各表明细得出 12.11 万元", "A6"},
	} {
		f := openBook(t, d.book)
		ref := c.col
		if c.name != "" {
			ref = cellOf(t, f, c.sheet, c.nameCol, c.name, c.col)
		}
		if err := f.SetCellStr(c.sheet, ref, c.by); err != nil {
			t.Fatal(err)
		}
		_, err := importer.Import("book.xlsx", saveBook(t, f), importer.Options{})
		var es input.Errors
		if !errors.As(err, &es) || len(es) == 0 {
			t.Errorf("%s!%s changed: %v, want an error at the cell", c.sheet, ref, err)
			continue
		}
		if c.at == "" {
			c.at = ref
		}
		at := "book.xlsx:" + c.sheet + "!" + c.at + ": "
		if first := es[0].Error(); !strings.HasPrefix(first, at) || !strings.Contains(first, c.want) {
			t.Errorf("%s!%s changed: first error\n%s\nwant at %s saying %s", c.sheet, ref, err, at, c.want)
		}
	}
}

// The layout is told by the tables' titles: a 13-table workbook is
// shanxi-13's, a Shanghai one shanghai-9's; a layout named that the
// titles contradict is refused, saying what was found.
func TestImportTellsLayout(t *testing.T) {
	sh := departments(t)[0]
	shanxi := publish(t, input.SampleName, input.Sample)
	r, err := importer.Import("13.xlsx", shanxi.book, importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Layout != input.DefaultLayout || r.Doc.Layout.Value != "" {
		t.Errorf("a 13-table workbook: imported as %s (layout: %q), want %s", r.Layout, r.Doc.Layout.Value, input.DefaultLayout)
	}
	for _, c := range []struct {
		book   []byte
		layout string
		want   string
	}{
		{sh.book, "shanxi-13", "book.xlsx: 工作簿中的表是版式 shanghai-9（上海市部门预算（9张表））的：找到其 9 张表中的 9 张（如“2024年部门财务收支预算总表”），而指定的版式是 shanxi-13（部门预算公开表（13张），只找到其中 0 张）：请不指定版式（导入时按表名识别版式），或改为指定 shanghai-9"},
		{shanxi.book, "shanghai-9", "book.xlsx: 工作簿中的表是版式 shanxi-13（部门预算公开表（13张））的：找到其 13 张表中的 13 张（如“2024年预算收支总表”），而指定的版式是 shanghai-9（上海市部门预算（9张表），只找到其中 0 张）：请不指定版式（导入时按表名识别版式），或改为指定 shanxi-13"},
	} {
		_, err := importer.Import("book.xlsx", c.book, importer.Options{Layout: c.layout})
		var es input.Errors
		var le *importer.LayoutError
		if !errors.As(err, &es) || len(es) != 1 || !errors.As(es[0], &le) || le.Asked.ID != c.layout || strings.TrimSpace(err.Error()) != c.want {
			t.Errorf("--layout %s: %v\nwant %s", c.layout, err, c.want)
		}
	}
	if _, err := importer.Import("book.xlsx", sh.book, importer.Options{Layout: shanghai9.Department.ID}); err != nil {
		t.Errorf("--layout %s: %v", shanghai9.Department.ID, err)
	}
}

// Every one of the 9 tables is read back, and what the import names is one
// of them.
func TestImportDeclared(t *testing.T) {
	p := shanghai9.Department
	if p.Import == nil || p.Import.Derive == nil || !p.Import.Exact {
		t.Fatal("shanghai-9 declares no exact import")
	}
	if p.Decl(p.Import.Summary) == nil {
		t.Errorf("the summary table %q is not one of the tables", p.Import.Summary)
	}
	for _, d := range p.Tables {
		if d.Import.Rows == render.ReadNone {
			t.Errorf("%s: its rows are not read back", d.ID)
		}
		if o := d.Import.LeavesOf; o != "" && p.Decl(o) == nil {
			t.Errorf("%s: totals the leaves of %q, not one of the tables", d.ID, o)
		}
	}
}

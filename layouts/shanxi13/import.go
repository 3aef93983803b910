package shanxi13

import (
	"fmt"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
	"github.com/shopspring/decimal"
)

// importDecl is how a workbook of the 13 tables is imported
// (render/importer): which tables give which lines (derive), the figures two
// tables print (relateTables), and where each list comes from.
var importDecl = &render.ImportDecl{
	Derive:  derive,
	Relate:  relateTables,
	Summary: T1,
	Lists: []render.ImportList{
		{Len: func(d *input.Document) int { return len(d.Expenditures) }, Tables: "表2、表3、表5、表8、表9的科目"},
		{Len: func(d *input.Document) int { return len(d.Projects) }, Tables: "表12、表13的项目"},
		{Len: func(d *input.Document) int { return len(d.Units) }, Tables: "表11、表12、表13的单位"},
		{Len: func(d *input.Document) int { return len(d.OperCosts) }, Tables: "表11的单位"},
		{Len: func(d *input.Document) int { return len(d.BasicByEcon) }, Tables: "表6的经济分类科目"},
		{Len: func(d *input.Document) int { return len(d.GovFundRev) }, Tables: "表7的收入科目"},
		{Len: func(d *input.Document) int { return len(d.StateCapRev) }, Tables: "表9的收入科目"},
		{Len: func(d *input.Document) int { return len(d.CodeNames) }, Tables: "各表的科目名称"},
	},
}

// importing derives one workbook's master input from its tables.
type importing struct {
	run       render.ImportRun
	tables    map[render.TableID]*render.ReadTable
	doc       *input.Document
	lines     map[lineKey]int // the index in doc.Expenditures of each code, source and year
	operating map[string]bool // the units of table 11
	groups    map[render.TableID][]unitGroup
}

// derive keys the rows of tables 6 and 11 to 13 and derives every line of
// the master input from the tables (render.ImportDecl.Derive).
func derive(run render.ImportRun) {
	dv := &importing{run: run, tables: map[render.TableID]*render.ReadTable{}, doc: run.Doc()}
	for _, d := range Profile.Tables {
		dv.tables[d.ID] = run.Table(d.ID)
	}
	dv.keyRows()
	dv.expenditures()
	dv.economic()
	dv.doc.GovFundRev = dv.revenue(dv.tables[T7].Main)
	dv.doc.StateCapRev = dv.revenue(dv.tables[T9].Lefts)
	dv.units()
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

// tableName is 表12（项目支出预算表（本年预算））, as the importer's messages
// name a table.
func tableName(d *render.TableDecl) string {
	return fmt.Sprintf("表%d（%s）", d.Number, d.Title)
}

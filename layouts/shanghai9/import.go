package shanghai9

import (
	"fmt"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
)

// importDecl is how a workbook of Shanghai's 9 tables is imported
// (render/importer): the lines derived from the tables (derive), the
// figures two tables print (relateTables), and where each list comes from.
// Tables 1–8 print 元 to the 分 and table 9 the input's 万元: every figure
// is compared exactly.
var importDecl = &render.ImportDecl{
	Derive:  derive,
	Relate:  relateTables,
	Summary: S1,
	Exact:   true,
	Lists: []render.ImportList{
		{Len: func(d *input.Document) int { return len(d.Expenditures) }, Tables: "表2、表3、表5、表6、表7的科目"},
		{Len: func(d *input.Document) int { return len(d.BasicByEcon) }, Tables: "表8的经济分类科目"},
		{Len: func(d *input.Document) int { return len(d.CodeNames) }, Tables: "各表的科目名称"},
	},
}

// incomeLabels are the rows of table 1's and table 4's income side, by
// their labels without numbering: 一、财政拨款收入 over the three sources
// (1.一般公共预算资金 …; 一、一般公共预算资金 in table 4), then the kinds of
// the other income.
var incomeLabels = func() map[string]render.RowKey {
	m := map[string]render.RowKey{
		kindTitles[kindFiscal]: rowFiscal,
		"一般公共预算资金":             render.SourceRow(input.GeneralPublic),
		"一般公共预算":               render.SourceRow(input.GeneralPublic),
		"政府性基金":                render.SourceRow(input.GovernmentFund),
		"政府性基金预算":              render.SourceRow(input.GovernmentFund),
		"国有资本经营预算":             render.SourceRow(input.StateCapital),
	}
	for k := kindBusiness; k < numKinds; k++ {
		m[kindTitles[k]] = render.ItemRow(string(kindCols[k]))
	}
	return m
}()

// importing derives one workbook's master input from its tables.
type importing struct {
	run    render.ImportRun
	tables map[render.TableID]*render.ReadTable
	doc    *input.Document
	lines  map[lineKey]int // the index in doc.Expenditures of each code, source and kind
}

// lineKey is what makes an expenditure line one: its code, source and
// kind of income.
type lineKey struct {
	code   string
	source input.Source
	income string
}

// derive derives every line of the master input from the nine tables
// (render.ImportDecl.Derive): the expenditures by 项 from tables 2, 3 and 5
// to 7, basic_by_economic from table 8's 款, “三公” and 机关运行经费 from
// table 9, the department's one unit.
func derive(run render.ImportRun) {
	dv := &importing{run: run, tables: map[render.TableID]*render.ReadTable{}, doc: run.Doc(), lines: map[lineKey]int{}}
	for _, d := range Department.Tables {
		dv.tables[d.ID] = run.Table(d.ID)
	}
	dv.expenditures()
	dv.economic()
	dv.threePublic()
}

// tableName is 表5（部门一般公共预算支出功能分类预算表）, as the importer's
// messages name a table.
func tableName(d *render.TableDecl) string {
	return fmt.Sprintf("表%d（%s）", d.Number, d.Title)
}

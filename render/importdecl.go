package render

import (
	"github.com/budgetpub/budgetpub/input"
	"github.com/shopspring/decimal"
)

// What a profile declares of reading its tables back from a workbook — the
// importer (render/importer), the reverse of the writers. The importer's
// engine finds each table by its title and header, reads its rows as its
// declaration says (TableDecl.Import) and compares the publication rebuilt
// from the derived lines with every figure; which tables give which lines,
// and which figures of two tables are one, the profile declares
// (Profile.Import).

// RowReading is how the importer reads a table's rows back: what its rows
// are keyed by.
type RowReading uint8

// The readings of a table's rows.
const (
	// ReadNone reads no rows.
	ReadNone RowReading = iota
	// ReadSummary reads a two-sided 收支 table: on the main half the
	// categories of expenditure (input.Categories, by their names),
	// 本年支出合计, 年终结转 and 支出总计; on the income half the sources
	// (TableImport.Sources), 本年收入合计, 上年结转 and the sources'
	// carry-overs after it, and 收入总计. A category's figures total the
	// codes of another table (TableImport.LeavesOf).
	ReadSummary
	// ReadCodes reads classification codes, each half with a code column
	// (KindCode) by its code and the name beside it (KindText): 类, 款 and
	// 项 under a 合计 row; the 项 (7 digits) are the leaves.
	ReadCodes
	// ReadEcon reads the economic classification by names: a class's
	// subtotal (no 政府经济分类 name), then its pairs, the leaves, whose
	// codes the profile's derivation finds (ImportRun.CodeNamed).
	ReadEcon
	// ReadItems reads the items of “三公” by their labels under a 合计
	// row; 公务用车购置及运行费 totals its two parts.
	ReadItems
	// ReadUnits reads units by their names under a total (the first row,
	// or the one labelled 合计): each unit a leaf.
	ReadUnits
	// ReadProjects reads, under a total, units' subtotals each followed by
	// its projects, by their names: the projects are the leaves.
	ReadProjects
)

// TableImport is how the importer reads one table back (TableDecl.Import).
type TableImport struct {
	// Rows is how its rows are read; ReadNone: not at all.
	Rows RowReading
	// Sources are the sources the income half of a ReadSummary table
	// lists, in order.
	Sources []input.Source
	// Optional is the header of a column a budget system may print beside
	// the declared ones, read when present into each row's Optional:
	// 项目类别. "": none.
	Optional string
	// RowTotal and RowParts are what each row's figures add up to, when
	// not ColTotal of the side's other amounts: table 2's 本年收入合计
	// (ColCurrent) of its sources.
	RowTotal ColKey
	RowParts []ColKey
	// LeavesOf is the table whose leaves this table's figures total, when
	// not its own (a summary's categories total the codes of the 支出总表):
	// a total may be off them by the rounding of as many.
	LeavesOf TableID
}

// ReadRow is one half-row of a table as a workbook prints it, read back:
// its key, its labels, and its amounts (in 万元) by column, each with its
// cell.
type ReadRow struct {
	// Key is the row's key: from its code or label as read; the rows a
	// table names (units, projects, economic pairs) the profile's
	// derivation keys (ImportDecl.Derive), RoleNone until then.
	Key   RowKey
	Label string // the row's item, unit or project name; for a code, its name
	Gov   string // ReadEcon: the 政府经济分类 name
	// Optional is the text of the table's optional column
	// (TableImport.Optional) on this row, when the workbook prints it.
	Optional string
	Row      int // sheet row, 0-based
	Amounts  map[ColKey]decimal.Decimal
	Refs     map[ColKey]string // the cell of each amount: 表3!D12
}

// Amount is the row's amount in column col; zero for no row (nil).
func (r *ReadRow) Amount(col ColKey) decimal.Decimal {
	if r == nil {
		return decimal.Zero
	}
	return r.Amounts[col]
}

// Ref is the cell of the row's amount in column col; "" for no row (nil).
func (r *ReadRow) Ref(col ColKey) string {
	if r == nil {
		return ""
	}
	return r.Refs[col]
}

// ReadTable is a table found in a workbook and its body, read: its main
// half's rows and, for a two-sided table, its income half's.
type ReadTable struct {
	Decl  *TableDecl
	Sheet string // the sheet's name
	Yuan  bool   // its 单位 line says 元: amounts are printed in 元
	Main  []*ReadRow
	Lefts []*ReadRow
	// Ref is the cell of a sheet row (ReadRow.Row) in a declared column.
	Ref func(row int, col ColKey) string
	// OptionalRef is the cell of a sheet row in the optional column
	// (TableImport.Optional), when the table prints it.
	OptionalRef func(row int) string
}

// Money is an amount (in 万元) as the table prints it, with its unit: in
// 元 when its 单位 line says 元; two decimals, or as many as it has.
func (t *ReadTable) Money(d decimal.Decimal) string {
	u := " 万元"
	if t.Yuan {
		d, u = d.Shift(4), " 元"
	}
	if d.Round(2).Equal(d) {
		return d.StringFixed(2) + u
	}
	return d.String() + u
}

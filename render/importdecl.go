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
	// ReadOneRow reads one row of amounts without a label (Shanghai's
	// “三公”经费和机关运行经费预算表): the table's total (TotalRow), whose
	// figures the profile's derivation takes as they are.
	ReadOneRow
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
	// Labels are the rows a ReadSummary table prints beyond the ones it
	// reads by default, by their label (without its numbering: 一、 1.):
	// Shanghai's 财政拨款收入 (an item) over 一般公共预算资金 (a source); a
	// source's label after the carry-over's (CarryoverRow) is its
	// carry-over (CarrySourceRow), as table 4 of a 决算 lists 年初财政拨款
	// 结转和结余 by source. A ReadCodes table's rows without a code by
	// their label (a 决算's 人员经费合计 | 公用经费合计).
	Labels map[string]RowKey
	// Parent is the row a row's figures add up into, where it is not the
	// one the reading implies (a summary's items, a class of codes): the
	// vote's sums of a column. Nil, or RowKey{} for a row: the reading's.
	Parent func(k RowKey) RowKey
	// LeafDigits is how many digits the codes of a ReadCodes table's
	// leaves have: 0 is 7 (the 项 of the functional classification);
	// a table of the economic classification's 款, 5.
	LeafDigits int
}

// Leaf tells whether a code is a leaf of a ReadCodes table (LeafDigits).
func (ti TableImport) Leaf(code string) bool {
	n := ti.LeafDigits
	if n == 0 {
		n = 7
	}
	return len(code) == n
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

// ImportDecl declares how a workbook of the profile's tables is imported
// into a master input (Profile.Import): which tables give which lines and
// which printed figures of two tables are one. The engine (render/importer)
// does the rest by the tables' declarations: finding the tables, reading
// their rows (TableDecl.Import), the rows' and columns' sums, rebuilding the
// publication and comparing every figure, the vote. A profile without one
// is not imported.
type ImportDecl struct {
	// Derive keys the rows the tables name (units, projects, economic
	// pairs: ReadRow.Key) and derives the master input's lines from the
	// tables read — every table of the profile, found — into run.Doc(),
	// whose year, department and amount unit the engine has set. What
	// the tables leave open it decides by a stated rule (run.Assume);
	// what they get wrong it says at the cell (run.Errorf), and the
	// comparison of every figure names the rest.
	Derive func(run ImportRun)
	// Relate says which printed figures are the same figure in two tables
	// (or both halves of one), or the sum of figures of others: the vote's
	// relations between tables, beside each table's own (its rows' and its
	// columns' sums). Nil: none.
	Relate func(rel ImportRelations)
	// Summary is the table that sums the publication up (预算收支总表): a
	// message names its title as the one to look for, and a finding of
	// no table is said at its sheet.
	Summary TableID
	// Lists are the master input's lists the import fills, each with the
	// tables it is read from, for the message refusing a list longer than
	// the input takes (input.MaxLines).
	Lists []ImportList
	// Exact: every figure the tables print is the exact figure (Shanghai's
	// 元 to the 分, its table 9 as the input gives it), so a total is
	// compared with its parts to the last printed digit — no difference of
	// rounding is allowed. False: a total may be off the sum of its
	// printed parts by their rounding (a warning).
	Exact bool
}

// ImportList is one list of the master input and the tables it is read
// from, as a message names them: 表12、表13的项目.
type ImportList struct {
	Len    func(doc *input.Document) int
	Tables string
}

// ImportRun is one import in progress, as the importer offers it to a
// profile's ImportDecl.Derive: the tables read, the master input being
// derived, and where to say what the tables leave open or get wrong.
type ImportRun interface {
	// Table is a table of the profile as read (nil: not in the workbook).
	Table(id TableID) *ReadTable
	// Doc is the master input being derived.
	Doc() *input.Document
	// Catalog names the codes.
	Catalog() *input.Catalog
	// Name records the name a table prints for a code (the first one
	// given), written beside the code where the catalog names it
	// otherwise.
	Name(code, name string)
	// CodeNamed is the code a label gives ([30101]基本工资, its name
	// recorded) or else the one code of the catalog of that name among
	// those keep accepts; "" when none or several.
	CodeNamed(label string, keep func(code string) bool) string
	// Errorf says an error at a cell (表3!D12) or a sheet: nothing is
	// imported.
	Errorf(ref, format string, args ...any)
	// Warn says a warning at a cell.
	Warn(ref, msg string)
	// Assume states a rule that decided a split the tables leave open,
	// with the cells it rests on; the written file says it above its
	// block (expenditures, units).
	Assume(block, text string, cells ...string)
	// Comment writes a comment above a path of the written file
	// (department.name, units[0], three_public.reception).
	Comment(path, text string)
}

// ImportRelations is how a profile's ImportDecl.Relate gives the vote the
// figures its tables print more than once.
type ImportRelations interface {
	// Table is a table of the profile as read (nil: not in the workbook).
	Table(id TableID) *ReadTable
	// Same: the two cells print one figure, with no rounding between.
	Same(a, b ReadCell)
	// Sum: total is the sum of parts, each off by its rounding at most.
	Sum(total ReadCell, parts ...ReadCell)
}

// ReadCell is an amount of a row of a table read, in column Col. A cell of
// no table or row (nil), or a column the row lacks, is left out of a
// relation; a relation without its first cell, or left with one, is none.
type ReadCell struct {
	Table *ReadTable
	Row   *ReadRow
	Col   ColKey
}

// Indexed is a table as read — of an ImportRun or ImportRelations — with
// its main half's and its income half's rows indexed by key; nils when the
// workbook has not the table.
func Indexed(read interface{ Table(TableID) *ReadTable }, id TableID) (*ReadTable, RowIndex, RowIndex) {
	t := read.Table(id)
	if t == nil {
		return nil, nil, nil
	}
	return t, IndexRows(t.Main), IndexRows(t.Lefts)
}

// RowIndex is rows by key; several for a key printed twice (a project
// named twice).
type RowIndex map[RowKey][]*ReadRow

// IndexRows indexes rows by key, those without one (RoleNone) left out.
func IndexRows(rows []*ReadRow) RowIndex {
	out := RowIndex{}
	for _, r := range rows {
		if r.Key.Role != RoleNone {
			out[r.Key] = append(out[r.Key], r)
		}
	}
	return out
}

// One is the row of key k; nil when there is none, or several.
func (x RowIndex) One(k RowKey) *ReadRow {
	if rs := x[k]; len(rs) == 1 {
		return rs[0]
	}
	return nil
}

package render

import "github.com/budgetpub/budgetpub/input"

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

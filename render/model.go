// Package render computes a department's budget publication as plain data:
// the declared tables (tables.go: id, title, header, named columns) filled
// with rows that have keys, levels and exact amounts; the four parts with
// their sections, the sentences of 第三部分 and their figures (facts.go),
// charts and goal forms; and the checks' findings. It reads no file and
// knows nothing of xlsx or PDF: the writers in render/xlsx and render/pdf
// take what it computes, and render/publish runs the whole pipeline.
package render

import (
	"slices"
	"strings"

	"github.com/shopspring/decimal"
)

// Publication is everything one department publishes for one year.
type Publication struct {
	Year       int
	Department string   // 部门名称 as printed
	Unit       string   // the unit every table's amounts are printed in: 万元
	Title      string   // {year}年度部门预算公开, the cover's second line
	Tables     []*Table // in print order; address them with Table(id)
	// Parts are the four parts of the publication in order. A part with no
	// sections has its place but is not printed.
	Parts []*Part
	// Facts are the figures the profile's sentences quote (and its checks
	// relate): the profile's own struct (Profile.Wording.Data), written
	// field by field as open data.
	Facts any
	// Summary is what a bureau reads of every publication, whatever its
	// layout (the review's figures, next year's prior-year figures, the
	// workbench's hints): filled by the profile (Profile.Summarize), nil
	// when it gives none.
	Summary *Summary
	// Draft, when set, says on every page and sheet that the publication is
	// not final (rendered although its checks found errors).
	Draft string
	// Unknowns are the statements nobody gave (completeness.go): each is
	// printed as a 【未填写：…】 mark, never as a fact, and each is a
	// finding of Check that stops a render.
	Unknowns []Unknown
	// Profile is the layout the publication was built with: its tables'
	// declarations, checks and words.
	Profile *Profile
}

// Part is one of the four parts (第一部分 … 第四部分).
type Part struct {
	ID       string // stable: PartOverview, PartTables, PartExplanation, PartGlossary
	Title    string // 第一部分 概况
	Sections []*Section
	// TOC is its line in the 目录 when that differs from its title.
	TOC string
}

// Entry is the part's line in the 目录 and its bookmark: its TOC when the
// 目录 says it otherwise (一、部门主要职能 for a part headed
// 某某局主要职能), else its title.
func (p *Part) Entry() string {
	if p.TOC != "" {
		return p.TOC
	}
	return p.Title
}

// Section is a headed piece of a part: paragraphs, or one table, then any
// further blocks (sub-headings, paragraphs, charts, forms) in order.
type Section struct {
	ID         string   // stable within the publication: a table's id, or one of the Sec… constants
	Heading    string   // printed heading, e.g. 一、本部门职责; empty for a table, whose title heads it
	TOC        string   // its entry in the 目录 and the bookmarks (the heading when empty)
	Level      int      // 0 or 1: a section of its part; 2: a sub-section listed under the section before it
	Paragraphs []string // body text; each paragraph starts with a two-character indent
	Table      *Table
	Blocks     []Block
}

// BlockKind tells what a block is.
type BlockKind int

const (
	// BlockParagraph is a paragraph of body text (indented first line).
	BlockParagraph BlockKind = iota
	// BlockSubheading is a heading inside a section that is not in the 目录,
	// e.g. （一）一般公共预算当年支出规模变化情况 or 1、车辆情况：
	BlockSubheading
	// BlockNote is a line of text without indent, e.g. （项目绩效目标表公开情况见附件）
	BlockNote
	// BlockChart is a pie chart.
	BlockChart
	// BlockForm is a form such as a 项目支出绩效目标表.
	BlockForm
)

// Block is one piece of a section's content.
type Block struct {
	Kind  BlockKind
	Text  string
	Chart *Chart
	Form  *Form
}

// Chart is a pie chart with its legend. When fewer than two slices have an
// amount, Sentence says so in words and no pie is drawn.
type Chart struct {
	Title    string
	Slices   []Slice // in table order; only non-zero items
	Total    decimal.Decimal
	Sentence string // set when there is nothing to draw as a pie
}

// Slice is one item of a chart: its amount and its share of the total in
// percent, rounded once to two decimals (shares may sum to 99.99 or 100.01).
type Slice struct {
	Label  string
	Amount decimal.Decimal
	Share  decimal.Decimal
}

// Form is a grid of merged cells, such as a 项目支出绩效目标表: a title and
// subtitle, column weights, and cells placed on rows. It may run over pages;
// it breaks between rows.
type Form struct {
	Title    string
	Subtitle string
	Weights  []float64 // relative column widths
	Rows     int
	Cells    []FormCell
}

// FormCell is one cell of a form, spanning rows and columns from (Row, Col),
// both counted from 0.
type FormCell struct {
	Row, Col         int
	RowSpan, ColSpan int
	Text             string
	Label            bool // a label cell: bold and centred; otherwise a value, left-aligned
}

// Entry is the 目录 text of the section.
func (s *Section) Entry() string {
	if s.TOC != "" {
		return s.TOC
	}
	return s.Heading
}

// CellKind says how a cell is printed.
type CellKind int

const (
	// KindText is free text (names, labels), left-aligned.
	KindText CellKind = iota
	// KindCode is a classification code: text, never a number.
	KindCode
	// KindAmount is money, right-aligned, printed as its table's
	// NumberFormat says: by default in 万元 with two decimals, zero empty.
	KindAmount
)

// Cell is one body cell.
type Cell struct {
	Kind   CellKind
	Text   string          // KindText and KindCode
	Amount decimal.Decimal // KindAmount: the printed figure, already rounded (2 decimals, or its Format's)
	Exact  decimal.Decimal // KindAmount: the exact sum the figure is rounded from
	// Format is how an amount prints: its table's NumberFormat
	// (Table.FormatAmounts); nil, the default (NumberFormat's doc).
	Format *NumberFormat
}

// Str is a text cell.
func Str(s string) Cell { return Cell{Kind: KindText, Text: s} }

// CodeCell is a code cell.
func CodeCell(s string) Cell { return Cell{Kind: KindCode, Text: s} }

// Money is an amount cell holding the exact sum d, rounded once for print.
func Money(d decimal.Decimal) Cell { return Cell{Kind: KindAmount, Amount: Round(d), Exact: d} }

// Round rounds an exact amount half-up to the two decimals printed.
func Round(d decimal.Decimal) decimal.Decimal { return d.Round(2) }

// Printed is the cell as a table prints it: an amount as its Format says —
// by default with two decimals and no thousands separator (as Shanxi's
// published tables have it), zero as nothing; text and codes as they are.
func (c Cell) Printed() string {
	if c.Kind == KindAmount {
		return c.Format.Print(c.Amount)
	}
	return c.Text
}

// IsBlank tells whether the cell prints nothing (empty text, or a zero
// amount its format prints blank).
func (c Cell) IsBlank() bool {
	if c.Kind == KindAmount {
		return c.Amount.IsZero() && c.Format.zero() == ""
	}
	return c.Text == ""
}

// NumberFormat is how a table prints its amounts (Presentation.NumberFormat),
// in both writers: the PDF prints the text (Cell.Printed), the workbook
// keeps the figure a number and gives it a number format that shows the
// same. A nil *NumberFormat is the default: two decimals, no thousands
// separator, zero blank (0.00;-0.00; in the workbook).
type NumberFormat struct {
	// Decimals is how many digits follow the point: 2, or 0 for whole
	// units (Shanghai's 元). A figure is its exact amount rounded half-up
	// once to them (Round), never a rounded figure rounded again.
	Decimals int
	// Separators groups the whole part by thousands with commas:
	// 12,345,678.90, 12,345,679.
	Separators bool
	// Shortest drops the trailing zeros of the decimals, and the point
	// with them: 2.5, 20, 1.25 (Decimals is then the most printed).
	Shortest bool
	// Zero is what a zero figure prints: "" blank, or "0".
	Zero string
}

// Round is the printed figure of an exact amount: rounded half-up once to
// the format's decimals (two for the default).
func (f *NumberFormat) Round(d decimal.Decimal) decimal.Decimal {
	if f == nil {
		return Round(d)
	}
	return d.Round(int32(f.Decimals))
}

// Print writes a printed figure (Round's) as the format says.
func (f *NumberFormat) Print(d decimal.Decimal) string {
	if d.IsZero() {
		return f.zero()
	}
	if f == nil {
		return d.StringFixed(2)
	}
	s := d.Abs().StringFixed(int32(f.Decimals))
	whole, frac, _ := strings.Cut(s, ".")
	if f.Shortest {
		frac = strings.TrimRight(frac, "0")
	}
	if f.Separators {
		whole = groupThousands(whole)
	}
	if frac != "" {
		whole += "." + frac
	}
	if d.IsNegative() {
		return "-" + whole
	}
	return whole
}

// zero is what the format prints for a zero figure.
func (f *NumberFormat) zero() string {
	if f == nil {
		return ""
	}
	return f.Zero
}

// groupThousands puts a comma between each three digits of a whole number
// from the right: 12345678 → 12,345,678.
func groupThousands(digits string) string {
	if len(digits) <= 3 {
		return digits
	}
	var b strings.Builder
	head := len(digits) % 3
	if head > 0 {
		b.WriteString(digits[:head])
	}
	for i := head; i < len(digits); i += 3 {
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(digits[i : i+3])
	}
	return b.String()
}

// HeaderCell is one cell of a table's header grid; Row and Col count from 0 at
// the grid's top-left corner. Spans of 1 are plain cells;
// larger spans are merged ranges starting at (Row, Col).
type HeaderCell struct {
	Row, Col         int
	RowSpan, ColSpan int
	Text             string
}

// Column describes one column of a table.
type Column struct {
	Key  ColKey   // what its figures are: total, basic, a source …
	Kind CellKind // the kind of its body cells
	Side Side     // the half of a two-sided table it belongs to
}

// RowKind tells what a body row is.
type RowKind int

const (
	// RowItem is an ordinary line.
	RowItem RowKind = iota
	// RowTotal is a 合计/总计 row: the sum of the table.
	RowTotal
	// RowSubtotal is a 类/款 or unit subtotal.
	RowSubtotal
	// RowFiller is an empty ruled row that pads a table to the block it
	// prints (Shanghai's tables 1 and 4 are 16 row bands; its empty tables
	// 6 and 7 print 8 or 12 empty rows before 合计): no key, every cell
	// blank (Table.PadTo). The writers draw it as an empty bordered row;
	// it heads no row, so a page may break before or after it; open data
	// leaves it out and the importer reads past it as a blank row.
	RowFiller
)

// Row is one body row: exactly one cell per column. In a two-sided table
// (1, 4, 9) each half is a row of its own, side by side: Key names the main
// half, LeftKey the income half.
type Row struct {
	Kind    RowKind
	Key     RowKey
	LeftKey RowKey
	Level   int // depth for indentation: 0 totals, 1 类 (or unit), 2 款, 3 项 (or project)
	Cells   []Cell
}

// Table is one numbered disclosure table, built from its declaration.
type Table struct {
	ID         TableID
	Number     int    // 1..13
	Label      string // 预算公开表N, printed above the title; "" prints no line there
	Title      string // {year}年…, centred, bold
	Department string // printed after DeptLabel: 部门名称：…
	Unit       string // printed after the Presentation's UnitLabel: 单位：万元
	// DeptLabel is its profile's DeptLabel, the text before Department:
	// "" prints 部门名称： (DefaultDeptLabel).
	DeptLabel string
	// NoDeptLine: its profile prints no department on the line under the
	// title (a 决算's tables), only the unit.
	NoDeptLine bool
	Columns    []Column
	HeaderRows int // rows of the header grid
	Header     []HeaderCell
	Rows       []Row
	Notes      []string // printed under the table as given, one a line: 注：本表无数据, 注:本部门…故本表为空表。
	Presentation

	rows, leftRows map[RowKey]int // row index by key, per half
}

// Presentation is how the writers show a table, declared beside it: what
// the workbook calls its sheet, whether its page turns landscape, how its
// amounts print, whether its header repeats, its unit's label. Both
// writers need these, and the importer takes the sheet name as a hint, so
// they live with the declaration rather than in one writer; each zero
// value is shanxi-13's.
type Presentation struct {
	SheetName string // 表N
	Landscape bool   // wide table: landscape page (PDF) and print setup (workbook)
	// NumberFormat is how its amounts print: nil, two decimals, no thousands
	// separators, zero blank; Shanghai's 元 tables print whole 元 with
	// separators (&NumberFormat{Separators: true}), its table 9 in 万元
	// two decimals or the shortest form.
	NumberFormat *NumberFormat
	// HeaderOnce prints the header grid only above the table's first rows:
	// a table running over pages just continues its rows there, as
	// Shanghai's tables 2, 3 and 8 do (no header, no title, no 续表). False
	// (the default) repeats the header on every page, in the PDF and in
	// the workbook's print titles.
	HeaderOnce bool
	// UnitLabel is the text before the unit at the right of the line under
	// the title: "" prints 单位： (DefaultUnitLabel); Shanghai's table 9
	// prints 单位:万元, "单位:" with an ASCII colon.
	UnitLabel string
}

// The texts before the department and the unit on the line under a
// table's title, when the profile and the table declare none.
const (
	DefaultDeptLabel = "部门名称："
	DefaultUnitLabel = "单位："
)

// FormatAmounts gives every amount cell of the table its NumberFormat
// (Presentation.NumberFormat): the cell's figure becomes its exact amount
// rounded once to the format's decimals (an amount in whole 元 is
// Exact.Round(0)), and it prints as the format says. BuildWith calls it
// after the table's Build; a table made by hand calls it itself. A table
// of the default format is left as it is, and filler rows stay blank.
func (t *Table) FormatAmounts() {
	if t.NumberFormat == nil {
		return
	}
	for i := range t.Rows {
		if t.Rows[i].Kind == RowFiller {
			continue
		}
		for j := range t.Rows[i].Cells {
			if c := &t.Rows[i].Cells[j]; c.Kind == KindAmount {
				c.Amount, c.Format = t.NumberFormat.Round(c.Exact), t.NumberFormat
			}
		}
	}
}

// PadTo inserts filler rows (RowFiller) before the table's last row — its
// 合计 — until its header rows and body rows make bands row bands, as
// Shanghai prints a fixed block of 16; a table of no rows gets them all; a
// table as tall or taller is left as it is.
func (t *Table) PadTo(bands int) {
	n := bands - t.HeaderRows - len(t.Rows)
	if n <= 0 {
		return
	}
	filler := make([]Row, n)
	for i := range filler {
		filler[i] = t.FillerRow()
	}
	t.Rows = slices.Insert(t.Rows, max(len(t.Rows)-1, 0), filler...)
	if t.rows != nil {
		t.index()
	}
}

// FillerRow is an empty ruled row of the table: RowFiller, no key, one
// blank cell per column of the column's kind.
func (t *Table) FillerRow() Row {
	cells := make([]Cell, len(t.Columns))
	for i, c := range t.Columns {
		cells[i] = Cell{Kind: c.Kind}
	}
	return Row{Kind: RowFiller, Cells: cells}
}

// BlankHalf is one half of a row of a two-sided table, empty: a cell per
// column of that side, an amount's blank or an empty text.
func (t *Table) BlankHalf(side Side) []Cell {
	var out []Cell
	for _, c := range t.Columns {
		if c.Side != side {
			continue
		}
		if c.Kind == KindAmount {
			out = append(out, Cell{Kind: KindAmount})
		} else {
			out = append(out, Str(""))
		}
	}
	return out
}

// Heads tells whether body row i heads the rows after it (a 类 or 款, a
// unit): the next row is deeper. A filler row heads none and is no child.
func (t *Table) Heads(i int) bool {
	return i+1 < len(t.Rows) && t.Rows[i+1].Level > t.Rows[i].Level &&
		t.Rows[i].Kind != RowFiller && t.Rows[i+1].Kind != RowFiller
}

// DeptLine is the left text of the line under the title: 部门名称：<部门>,
// or the profile's DeptLabel before the department (编制部门：<部门>).
func (t *Table) DeptLine() string {
	if t.NoDeptLine {
		return ""
	}
	if t.DeptLabel == "" {
		return DefaultDeptLabel + t.Department
	}
	return t.DeptLabel + t.Department
}

// UnitLine is the right text of the line under the title: 单位：万元, or the
// table's UnitLabel before its unit.
func (t *Table) UnitLine() string {
	if t.UnitLabel == "" {
		return DefaultUnitLabel + t.Unit
	}
	return t.UnitLabel + t.Unit
}

// Note texts.
const (
	NoteEmpty    = "注：本表无数据"
	NoteRounding = "注：因四舍五入，分项之和与合计可能存在尾差。"
)

// Item is a named amount of a list in a sentence or a chart.
type Item struct {
	Name   string
	Amount decimal.Decimal
}

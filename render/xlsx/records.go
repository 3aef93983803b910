package xlsx

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// Records is a sheet of records for review rather than for print: a header
// row and one row a record, every number a numeric cell, the header frozen
// and filtered, printed on A3 landscape at a readable scale with the header
// and the first two columns on every page (a batch's summary and its findings).
type Records struct {
	Name    string // the sheet's name
	Heading string // printed at the top of every page (the review's title), when given
	// Links are hyperlinks to files, by {row, column} (0-based, below the
	// header), on text cells: a HYPERLINK formula with the cell's text as
	// its value, the target relative, so that the folder can move.
	Links   map[[2]int]string
	Columns []RecordColumn
	Rows    [][]any // per cell: string, int, decimal.Decimal, or nil for an empty cell
	// Count and Row, when Row is set, give the rows instead: Row(0) …
	// Row(Count-1), each made as it is written, so that a sheet of tens of
	// thousands of rows is never held whole.
	Count int
	Row   func(i int) []any
	// Footer, when set, is a row after the records, in bold and outside
	// the filter: the totals. A reader reads it back as the last row.
	Footer []any
}

// rows is how many rows the sheet has, and row the i-th.
func (s Records) rows() int {
	if s.Row != nil {
		return s.Count
	}
	return len(s.Rows)
}

func (s Records) row(i int) []any {
	if s.Row != nil {
		return s.Row(i)
	}
	return s.Rows[i]
}

// RecordColumn is a column of a Records sheet.
type RecordColumn struct {
	Title string
	// Former are the titles it had in older layouts, by which
	// RecordReader.ReadTitled finds it.
	Former []string
	Kind   RecordKind
	Width  float64 // in characters; 0: from the title
}

// RecordKind is how a column's cells are written.
type RecordKind int

// Column kinds: text, a whole number, an amount (万元, two decimals).
const (
	RecordText RecordKind = iota
	RecordInt
	RecordAmount
)

// BookProps are a Records workbook's document properties: its title, and
// a description a program can read back (ReadRecords) to know what the
// workbook covers.
type BookProps struct {
	Title, Description string
	// Custom are custom document properties, by name: data a program
	// reads back (a text each), written in the order of their names.
	Custom map[string]string
}

// WriteRecords writes a workbook of Records sheets, with fixed properties:
// identical records give identical bytes. An empty text is an empty cell,
// as nil is: a cell read back as empty is the same whichever was given.
func WriteRecords(w io.Writer, props BookProps, sheets []Records) error {
	f := excelize.NewFile()
	defer func() { _ = f.Close() }()
	f.SetZipWriter(newSortedZip)
	head, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Family: "宋体", Size: 11},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true},
		Border:    recordBorder()})
	if err != nil {
		return err
	}
	text, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: "宋体", Size: 11}, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}, Border: recordBorder()})
	if err != nil {
		return err
	}
	number, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: "宋体", Size: 11}, NumFmt: 1, Border: recordBorder(), Alignment: &excelize.Alignment{Vertical: "top"}})
	if err != nil {
		return err
	}
	amountFmt := "#,##0.00"
	amount, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: "宋体", Size: 11}, CustomNumFmt: &amountFmt, Border: recordBorder(), Alignment: &excelize.Alignment{Vertical: "top"}})
	if err != nil {
		return err
	}
	bold := &excelize.Font{Family: "宋体", Size: 11, Bold: true}
	total := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}}
	footText, err := f.NewStyle(&excelize.Style{Font: bold, Fill: total, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}, Border: recordBorder()})
	if err != nil {
		return err
	}
	footNumber, err := f.NewStyle(&excelize.Style{Font: bold, Fill: total, NumFmt: 1, Border: recordBorder(), Alignment: &excelize.Alignment{Vertical: "top"}})
	if err != nil {
		return err
	}
	footAmount, err := f.NewStyle(&excelize.Style{Font: bold, Fill: total, CustomNumFmt: &amountFmt, Border: recordBorder(), Alignment: &excelize.Alignment{Vertical: "top"}})
	if err != nil {
		return err
	}
	for i, s := range sheets {
		if i == 0 {
			if err := f.SetSheetName(f.GetSheetName(0), s.Name); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(s.Name); err != nil {
			return err
		}
		if err := writeRecordSheet(f, s, recordStyles{head, text, number, amount, footText, footNumber, footAmount}); err != nil {
			return err
		}
	}
	if err := f.SetDocProps(&excelize.DocProperties{Title: props.Title, Description: props.Description, Creator: "budgetpub", LastModifiedBy: "budgetpub",
		Language: "zh-CN", Created: docTime, Modified: docTime}); err != nil {
		return err
	}
	for _, name := range slices.Sorted(maps.Keys(props.Custom)) {
		if err := f.SetCustomProps(excelize.CustomProperty{Name: name, Value: props.Custom[name]}); err != nil {
			return err
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// recordStyles are the cell styles of a Records sheet.
type recordStyles struct {
	head, text, number, amount       int
	footText, footNumber, footAmount int // the footer's: bold, shaded
}

// writeRecordSheet streams one sheet (excelize's StreamWriter: a batch's
// findings sheet may hold tens of thousands of rows, which cells kept in
// memory would take hundreds of megabytes for). The print setup and the
// filter are set before the stream starts: it writes them with the rows.
// The filter first: it replaces the sheet's properties, where the print
// setup's fit-to-page is.
func writeRecordSheet(f *excelize.File, s Records, st recordStyles) error {
	n := s.rows()
	last := cell(len(s.Columns), max(n+1, 1))
	if err := f.AutoFilter(s.Name, "A1:"+last, nil); err != nil {
		return err
	}
	if err := recordPrintSetup(f, s.Name, s.Heading); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(s.Name)
	if err != nil {
		return err
	}
	header := make([]any, len(s.Columns))
	for c, col := range s.Columns {
		if err := sw.SetColWidth(c+1, c+1, columnWidth(col)); err != nil {
			return err
		}
		header[c] = excelize.Cell{StyleID: st.head, Value: col.Title}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}); err != nil {
		return err
	}
	headLines := 2 // at least two lines, as the header always had
	for _, col := range s.Columns {
		headLines = max(headLines, wrapLines(col.Title, columnWidth(col)-1))
	}
	if err := sw.SetRow("A1", header, excelize.RowOpts{Height: float64(headLines) * 15}); err != nil {
		return err
	}
	for r := 0; r < n; r++ {
		if err := writeRecordRow(sw, s, r, s.row(r), st.text, st.number, st.amount); err != nil {
			return err
		}
	}
	if s.Footer != nil {
		if err := writeRecordRow(sw, s, n, s.Footer, st.footText, st.footNumber, st.footAmount); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// writeRecordRow writes row, the r-th below the header, in the styles
// given, as tall as its wrapped text.
func writeRecordRow(sw *excelize.StreamWriter, s Records, r int, row []any, text, number, amount int) error {
	if len(row) != len(s.Columns) {
		return fmt.Errorf("xlsx: sheet %s row %d: %d cells for %d columns", s.Name, r+1, len(row), len(s.Columns))
	}
	values := make([]any, len(s.Columns))
	lines := 1
	for c, v := range row {
		if t, ok := v.(string); ok && t != "" {
			lines = max(lines, wrapLines(t, columnWidth(s.Columns[c])-1))
		}
		if v == "" {
			v = nil
		}
		switch v := v.(type) {
		case nil:
			style := text
			if s.Columns[c].Kind == RecordAmount {
				style = amount
			}
			values[c] = excelize.Cell{StyleID: style}
		case string:
			values[c] = excelize.Cell{StyleID: text, Value: v}
			if target, ok := s.Links[[2]int{r, c}]; ok {
				values[c] = excelize.Cell{StyleID: text, Value: v, Formula: "HYPERLINK(" + formulaText(target) + "," + formulaText(v) + ")"}
			}
		case int:
			values[c] = excelize.Cell{StyleID: number, Value: v}
		case decimal.Decimal:
			x, err := exactFloat(v)
			if err != nil {
				return fmt.Errorf("xlsx: sheet %s row %d: %w", s.Name, r+1, err)
			}
			values[c] = excelize.Cell{StyleID: amount, Value: x}
		default:
			return fmt.Errorf("xlsx: sheet %s row %d: a cell of type %T", s.Name, r+1, v)
		}
	}
	var opts []excelize.RowOpts
	if lines > 1 { // a height that fits the wrapped text: LibreOffice overlapped rows left to it
		opts = append(opts, excelize.RowOpts{Height: min(float64(lines)*recordLineHeight, 409)}) // 409: Excel's highest row
	}
	return sw.SetRow(cell(1, r+2), values, opts...)
}

// formulaText is s as a formula's string literal.
func formulaText(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// columnWidth is a column's width in characters: its own, or its title's.
func columnWidth(col RecordColumn) float64 {
	if col.Width > 0 {
		return col.Width
	}
	return max(8, textWidth(col.Title)+2)
}

// recordLineHeight is the height, in points, of a line of 11 pt 宋体 in a
// wrapped cell.
const recordLineHeight = 14.25

// RecordPrintScale is the print scale of a Records sheet, in percent: 11 pt
// text prints at 8.25 pt. A review of 25 columns fitted to one page's
// width printed at 4–5 pt; at this scale on A3 landscape its columns flow
// over the pages they need, the name columns and the header repeated on each.
const RecordPrintScale = 75

const paperA3 = 8

// recordPrintSetup is the print setup of a Records sheet: A3 landscape at
// RecordPrintScale (not fitted to the page), the margins, the page-number
// footer, the heading at the top of every page, and columns A:B and row 1
// repeated on every page.
func recordPrintSetup(f *excelize.File, name, heading string) error {
	size, orient, scale := paperA3, "landscape", uint(RecordPrintScale)
	if err := f.SetPageLayout(name, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, AdjustTo: &scale}); err != nil {
		return err
	}
	side, top, foot, hf := marginSide, marginTop, marginFoot, marginHF
	if err := f.SetPageMargins(name, &excelize.PageLayoutMarginsOptions{
		Left: &side, Right: &side, Top: &top, Bottom: &foot, Header: &hf, Footer: &hf,
	}); err != nil {
		return err
	}
	head := &excelize.HeaderFooterOptions{OddFooter: footerText}
	if heading != "" {
		// The size code first, then the font's: digits right after "&14" would
		// be read as part of the size (a title starting 2024年 printed without it).
		head.OddHeader = "&C&14&\"-,Bold\"" + strings.ReplaceAll(heading, "&", "&&")
	}
	if err := f.SetHeaderFooter(name, head); err != nil {
		return err
	}
	quoted := "'" + strings.ReplaceAll(name, "'", "''") + "'"
	return f.SetDefinedName(&excelize.DefinedName{Name: printTitles, RefersTo: quoted + "!$A:$B," + quoted + "!$1:$1", Scope: name})
}

// exactFloat is an amount, rounded to the cent, as the float64 the stream
// writer takes for a numeric cell. It is no arithmetic: the writer prints
// the shortest decimal that reads back as that float, which for an amount
// of at most 15 significant digits (every amount is below 10^9 万元) is
// the amount's own digits. The round trip is checked, so a cell can never
// hold another number than the decimal.
func exactFloat(d decimal.Decimal) (float64, error) {
	d = d.Round(2)
	x := d.InexactFloat64()
	if !decimal.NewFromFloat(x).Equal(d) {
		return 0, fmt.Errorf("the amount %s cannot be held exactly in a cell", d.String())
	}
	return x, nil
}

func recordBorder() []excelize.Border {
	var out []excelize.Border
	for _, side := range []string{"left", "right", "top", "bottom"} {
		out = append(out, excelize.Border{Type: side, Color: "999999", Style: 1})
	}
	return out
}

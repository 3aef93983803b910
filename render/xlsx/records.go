package xlsx

import (
	"fmt"
	"io"
	"strconv"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// Records is a sheet of records for review rather than for print: a header
// row and one row a record, every number a numeric cell, the header frozen
// and filtered, printed landscape one page wide with the header on every
// page (a batch's summary and its findings).
type Records struct {
	Name    string // the sheet's name
	Columns []RecordColumn
	Rows    [][]any // per cell: string, int, decimal.Decimal, or nil for an empty cell
}

// RecordColumn is a column of a Records sheet.
type RecordColumn struct {
	Title string
	Kind  RecordKind
	Width float64 // in characters; 0: from the title
}

// RecordKind is how a column's cells are written.
type RecordKind int

// Column kinds: text, a whole number, an amount (万元, two decimals).
const (
	RecordText RecordKind = iota
	RecordInt
	RecordAmount
)

// WriteRecords writes a workbook of Records sheets, with fixed properties:
// identical records give identical bytes.
func WriteRecords(w io.Writer, title string, sheets []Records) error {
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
	for i, s := range sheets {
		if i == 0 {
			if err := f.SetSheetName(f.GetSheetName(0), s.Name); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(s.Name); err != nil {
			return err
		}
		for c, col := range s.Columns {
			ref := cell(c+1, 1)
			if err := f.SetCellStr(s.Name, ref, col.Title); err != nil {
				return err
			}
			if err := f.SetCellStyle(s.Name, ref, ref, head); err != nil {
				return err
			}
			width := col.Width
			if width == 0 {
				width = max(8, textWidth(col.Title)+2)
			}
			name, _ := excelize.ColumnNumberToName(c + 1)
			if err := f.SetColWidth(s.Name, name, name, width); err != nil {
				return err
			}
		}
		if err := f.SetRowHeight(s.Name, 1, 30); err != nil { // two lines of a wrapped title
			return err
		}
		for r, row := range s.Rows {
			if len(row) != len(s.Columns) {
				return fmt.Errorf("xlsx: sheet %s row %d: %d cells for %d columns", s.Name, r+1, len(row), len(s.Columns))
			}
			for c, v := range row {
				ref := cell(c+1, r+2)
				style := text
				switch v := v.(type) {
				case nil:
				case string:
					err = f.SetCellStr(s.Name, ref, v)
				case int:
					err, style = f.SetCellDefault(s.Name, ref, strconv.Itoa(v)), number
				case decimal.Decimal:
					err, style = f.SetCellDefault(s.Name, ref, v.Round(2).StringFixed(2)), amount
				default:
					err = fmt.Errorf("xlsx: sheet %s row %d: a cell of type %T", s.Name, r+1, v)
				}
				if err != nil {
					return err
				}
				if s.Columns[c].Kind == RecordAmount && v == nil {
					style = amount
				}
				if err := f.SetCellStyle(s.Name, ref, ref, style); err != nil {
					return err
				}
			}
		}
		last := cell(len(s.Columns), max(len(s.Rows)+1, 1))
		if err := f.AutoFilter(s.Name, "A1:"+last, nil); err != nil {
			return err
		}
		if err := f.SetPanes(s.Name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
			Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}); err != nil {
			return err
		}
		if err := printSetup(f, s.Name, true, 1); err != nil {
			return err
		}
	}
	f.SetActiveSheet(0)
	if err := f.SetDocProps(&excelize.DocProperties{Title: title, Creator: "budgetpub", LastModifiedBy: "budgetpub",
		Language: "zh-CN", Created: docTime, Modified: docTime}); err != nil {
		return err
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	return err
}

func recordBorder() []excelize.Border {
	var out []excelize.Border
	for _, side := range []string{"left", "right", "top", "bottom"} {
		out = append(out, excelize.Border{Type: side, Color: "999999", Style: 1})
	}
	return out
}

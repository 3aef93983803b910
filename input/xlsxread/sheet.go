package xlsxread

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// maxRow and maxColumn are a spreadsheet's own bounds (1 048 576 rows,
// column XFD).
const (
	maxRow    = 1 << 20
	maxColumn = 1 << 14
)

// Rows reads a worksheet a row at a time:
//
//	rows, err := book.Rows("表3")
//	for rows.Next() {
//		n, cells := rows.Row(), rows.Cells()
//	}
//	err = rows.Err()
//
// Each cell's text is its raw value: a shared or inline string's text, a
// number as written, a formula's last value. Only the rows the sheet
// writes are given, in its order (a row without cells too), so row
// numbers may skip.
type Rows struct {
	b      *Book
	d      *decoder
	done   func()
	sheet  string
	num    int
	cells  []string
	beyond string
	bvalue string
	err    error
	end    bool
	merges bool   // read the merged ranges after the rows (Grid)
	merged []span // the merged ranges read
}

// span is a merged range, 1-based and inclusive: rows r1…r2, columns c1…c2.
type span struct{ r1, c1, r2, c2 int }

// Rows starts reading the worksheet named name (letter case aside).
func (b *Book) Rows(name string) (*Rows, error) {
	for _, s := range b.sheets {
		if strings.EqualFold(s.name, name) {
			d, done, err := b.open(s.part, s.name)
			if err != nil {
				return nil, err
			}
			return &Rows{b: b, d: d, done: done, sheet: s.name}, nil
		}
	}
	return nil, fmt.Errorf("xlsxread: no sheet %q", name)
}

// Next reads the next row; false at the end of the sheet's rows or at an
// error (Err).
func (r *Rows) Next() bool {
	if r.end {
		return false
	}
	r.cells, r.beyond, r.bvalue = nil, "", ""
	for {
		tok, err := r.d.next()
		if err != nil {
			return r.fail(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "row":
				if err := r.row(t); err != nil {
					return r.fail(err)
				}
				return true
			case "mergeCell":
				if r.merges {
					if err := r.merge(t); err != nil {
						return r.fail(err)
					}
				}
			}
		case xml.EndElement:
			if t.Name.Local == "sheetData" && !r.merges {
				return r.fail(io.EOF) // what follows the rows is not read
			}
		}
	}
}

func (r *Rows) fail(err error) bool {
	r.end, r.cells = true, nil
	if err != io.EOF {
		r.err = err
	}
	r.done()
	return false
}

// Row is the current row's number, from 1.
func (r *Rows) Row() int { return r.num }

// Cells are the current row's cells, left to right, up to its last
// non-empty cell (or formula) within Limits.Columns: cells[c] is column
// c+1. Each call after Next is a new slice, the caller's to keep.
func (r *Rows) Cells() []string { return r.cells }

// Beyond is the first cell of the current row right of Limits.Columns
// that has text (white space aside), and that text; "" when none.
func (r *Rows) Beyond() (ref, text string) { return r.beyond, r.bvalue }

// Err is the error that ended the rows, if any.
func (r *Rows) Err() error { return r.err }

// Close ends the reading early.
func (r *Rows) Close() {
	if !r.end {
		r.end = true
		r.done()
	}
}

// row reads one row element, its start just read.
func (r *Rows) row(t xml.StartElement) error {
	n := 0
	for _, a := range t.Attr {
		if a.Name.Local == "r" {
			n, _ = strconv.Atoi(a.Value)
		}
	}
	if n <= 0 {
		n = r.num + 1 // a row without its number follows the one before
	}
	if n > maxRow {
		return &FormatError{Part: r.d.part, Err: fmt.Errorf("row %d beyond the last", n)}
	}
	r.num = n
	col := 0
	for {
		tok, err := r.d.next()
		if err == io.EOF {
			return &FormatError{Part: r.d.part, Err: io.ErrUnexpectedEOF}
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local != "c" {
				if err := r.d.skip(); err != nil {
					return err
				}
				continue
			}
			if col, err = r.cell(t, col); err != nil {
				return err
			}
		case xml.EndElement:
			if t.Name.Local == "row" {
				return nil
			}
		}
	}
}

// cell reads one cell, its start just read; prev is the column of the cell
// before, and the cell's own is returned.
func (r *Rows) cell(t xml.StartElement, prev int) (int, error) {
	var ref, typ string
	for _, a := range t.Attr {
		switch a.Name.Local {
		case "r":
			ref = a.Value
		case "t":
			typ = a.Value
		}
	}
	col := prev + 1 // a cell without its reference follows the one before
	if ref != "" {
		c, ok := column(ref)
		if !ok {
			return 0, &FormatError{Part: r.d.part, Err: fmt.Errorf("cell reference %q", clip(ref))}
		}
		col = c
	}
	var v, inline string
	hasInline, formula := false, false
	for {
		tok, err := r.d.next()
		if err == io.EOF {
			return 0, &FormatError{Part: r.d.part, Err: io.ErrUnexpectedEOF}
		}
		if err != nil {
			return 0, r.at(err, col)
		}
		done := false
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "v":
				v, err = r.d.text("v", "", "")
			case "is":
				inline, err = r.d.text("is", "t", "rPh")
				hasInline = true
			case "f":
				formula = true
				err = r.d.skip()
			default:
				err = r.d.skip()
			}
			if err != nil {
				return 0, r.at(err, col)
			}
		case xml.EndElement:
			done = t.Name.Local == "c"
		}
		if done {
			break
		}
	}
	var value string
	switch typ {
	case "s":
		if v != "" {
			sst, err := r.b.sharedStrings()
			if err != nil {
				return 0, err
			}
			i, err := strconv.Atoi(strings.TrimSpace(v))
			if err != nil || i < 0 || i >= len(sst) {
				return 0, &FormatError{Part: r.d.part, Err: fmt.Errorf("cell %s: no shared string %q", cellName(col, r.num), clip(v))}
			}
			value = sst[i]
		}
	case "inlineStr":
		value = v
		if hasInline {
			value = unescape(inline)
		}
	default:
		value = v
	}
	if col > r.b.lim.Columns {
		if r.beyond == "" && strings.TrimSpace(value) != "" {
			r.beyond, r.bvalue = cellName(col, r.num), value
		}
		return col, nil
	}
	if value == "" && !formula {
		return col, nil
	}
	for len(r.cells) < col-1 {
		r.cells = append(r.cells, "")
	}
	if len(r.cells) == col-1 {
		r.cells = append(r.cells, value)
	} else {
		r.cells[col-1] = value // a cell named twice, or out of order
	}
	return col, nil
}

// at names the cell of a limit hit within it.
func (r *Rows) at(err error, col int) error {
	var le *LimitError
	if errors.As(err, &le) && le.Cell == "" {
		le.Cell = cellName(col, r.num)
	}
	return err
}

// merge reads one merged range.
func (r *Rows) merge(t xml.StartElement) error {
	if r.b.lim.Merged > 0 && r.b.merged >= r.b.lim.Merged {
		return &LimitError{Limit: LimitMerged, Max: int64(r.b.lim.Merged), Part: r.d.part, Sheet: r.sheet}
	}
	r.b.merged++
	for _, a := range t.Attr {
		if a.Name.Local != "ref" {
			continue
		}
		from, to, ok := strings.Cut(a.Value, ":")
		if !ok {
			return nil
		}
		c1, r1, ok1 := cellRef(from)
		c2, r2, ok2 := cellRef(to)
		if ok1 && ok2 {
			r.merged = append(r.merged, span{min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2)})
		}
	}
	return nil
}

// column is the column of a cell reference (B12: 2), its row ignored.
func column(ref string) (int, bool) {
	c := 0
	i := 0
	for ; i < len(ref); i++ {
		ch := ref[i]
		switch {
		case 'A' <= ch && ch <= 'Z':
			c = c*26 + int(ch-'A') + 1
		case 'a' <= ch && ch <= 'z':
			c = c*26 + int(ch-'a') + 1
		default:
			return c, i > 0 && c <= maxColumn && isDigits(ref[i:])
		}
		if c > maxColumn {
			return 0, false
		}
	}
	return 0, false
}

// cellRef is a reference's column and row (B12: 2, 12).
func cellRef(ref string) (col, row int, ok bool) {
	ref = strings.ReplaceAll(ref, "$", "")
	col, ok = column(ref)
	if !ok {
		return 0, 0, false
	}
	i := strings.IndexAny(ref, "0123456789")
	row, err := strconv.Atoi(ref[i:])
	return col, row, err == nil && row >= 1 && row <= maxRow
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// cellName is B12 for column 2, row 12.
func cellName(col, row int) string {
	s := ""
	for c := col; c > 0; c = (c - 1) / 26 {
		s = string(rune('A'+(c-1)%26)) + s
	}
	return s + strconv.Itoa(row)
}

// CellName is the reference of column col, row row (1-based): CellName(2, 12) is B12.
func CellName(col, row int) string { return cellName(col, row) }

func clip(s string) string {
	if len(s) > 20 {
		return s[:20] + "…"
	}
	return s
}

package render

import (
	"fmt"
	"strconv"
	"strings"
)

// TableDecl declares one table: everything about it that does not depend on
// a department's figures — its id and number, title, header grid, named
// columns and presentation — and the function that fills its rows. The
// importer recognises a table in a workbook by the same declaration.
type TableDecl struct {
	ID     TableID
	Number int    // N of 预算公开表N
	Title  string // the title after {year}年, e.g. 预算收支总表
	// Yearless: the title is printed as it is, without {year}年 before it
	// (a 单位预算's 单位“三公”经费和机关运行经费预算表).
	Yearless bool
	// Columns are the table's columns, in order, with their keys.
	Columns []Column
	// HeaderRows and Header are the header grid; a text may hold {year},
	// which prints as the budget year (2024年合计).
	HeaderRows int
	Header     []HeaderCell
	Presentation
	// Unit is the unit its amounts are in and printed in, after 单位：
	// (its Presentation's UnitLabel);
	// "" is 万元 (UnitWan). The input's amounts are 万元: a table of
	// another unit has its build function put its cells in that unit, from
	// the exact amounts (never from a rounded 万元 figure).
	Unit string
	// Build fills the table's rows and notes from the input's lines.
	Build func(b *Builder, t *Table)
	// Import is how the importer reads its rows back (importdecl.go).
	Import TableImport
	// labelFormat is its profile's LabelFormat (Register).
	labelFormat string
}

// UnitWan is the print unit of a table that declares none: 万元.
const UnitWan = "万元"

// PrintUnit is the unit the table's amounts are printed in.
func (d *TableDecl) PrintUnit() string {
	if d.Unit == "" {
		return UnitWan
	}
	return d.Unit
}

// YearPlaceholder stands for the budget year in declared texts.
const YearPlaceholder = "{year}"

// Label is what is printed above the title: 预算公开表N (its profile's
// LabelFormat); "" when the profile's LabelFormat is "": no label is
// printed.
func (d *TableDecl) Label() string {
	if d.labelFormat == "" {
		return ""
	}
	return fmt.Sprintf(d.labelFormat, d.Number)
}

// FullTitle is the printed title for a year: 2024年预算收支总表.
func (d *TableDecl) FullTitle(year int) string {
	if d.Yearless {
		return d.Title
	}
	return fmt.Sprintf("%d年%s", year, d.Title)
}

// HeaderFor is the header grid with the year filled in.
func (d *TableDecl) HeaderFor(year int) []HeaderCell {
	out := make([]HeaderCell, len(d.Header))
	for i, h := range d.Header {
		h.Text = strings.ReplaceAll(h.Text, YearPlaceholder, strconv.Itoa(year))
		out[i] = h
	}
	return out
}

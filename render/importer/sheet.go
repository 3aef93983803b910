package importer

import (
	"context"
	"strings"

	"github.com/budgetpub/budgetpub/input/xlsxread"
)

// Limits on a workbook, so that a damaged or hostile file cannot exhaust
// memory or time: a department's 13 tables are a few hundred kilobytes (2 000
// projects: 0.8 MB unzipped; the input's 10 000 lines a list, some 5 MB).
// Only the parts read count (workbook.xml, the shared strings, the
// worksheets): pictures and other parts are never unzipped.
const (
	MaxBookSize     = 64 << 20 // bytes of the .xlsx file
	maxSheetRows    = 50_000   // rows read of one sheet
	maxSheetColumns = 64       // columns read of one row
	maxCellRunes    = 32_767   // characters of one cell (Excel's own limit)
)

// bookLimits bound what an import reads of a workbook (xlsxread.Limits):
// each at least five times what a department of 10 000 projects needs, and
// together within 300 MB and 10 seconds (README).
var bookLimits = xlsxread.Limits{
	Entries:    10_000,
	Sheets:     1_000,
	Part:       16 << 20,
	Unzipped:   32 << 20,
	Strings:    500_000,
	StringText: 16 << 20,
	CellText:   4 * maxCellRunes,
	Columns:    maxSheetColumns,
	Rows:       maxSheetRows,
	Cells:      2_000_000,
	Merged:     100_000,
}

// grid is one worksheet as text: the raw value of every cell, with the
// value of a merged range in each of its cells (headers span columns).
type grid struct {
	name  string
	cells [][]string
}

func (g *grid) at(r, c int) string {
	if r < 0 || r >= len(g.cells) || c < 0 || c >= len(g.cells[r]) {
		return ""
	}
	return g.cells[r][c]
}

// ref is the cell reference of row r, column c (0-based): 表3!D12.
func (g *grid) ref(r, c int) string {
	return g.name + "!" + xlsxread.CellName(c+1, r+1)
}

// readBook reads every worksheet of a workbook, within bookLimits.
func readBook(ctx context.Context, data []byte) ([]*grid, error) {
	b, err := xlsxread.Open(ctx, data, bookLimits)
	if err != nil {
		return nil, err
	}
	var out []*grid
	for _, name := range b.Sheets() {
		g, err := b.Grid(name)
		if err != nil {
			return nil, err
		}
		out = append(out, &grid{name: g.Name, cells: g.Cells})
	}
	return out, nil
}

// norm makes header and label texts comparable: no white space, half-width
// brackets and colons, a four-digit year as {year}.
func norm(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\u3000' || r == '\u00a0':
			continue
		case r == '（':
			r = '('
		case r == '）':
			r = ')'
		case r == '：':
			r = ':'
		case r >= '０' && r <= '９':
			r = r - '０' + '0'
		}
		b.WriteRune(r)
	}
	return yearRe.ReplaceAllString(b.String(), "{year}")
}

package workbook

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Limits on a workbook, so that a damaged or hostile file cannot exhaust
// memory: a department's 13 tables are a few hundred kilobytes.
const (
	MaxBookSize     = 64 << 20  // bytes of the .xlsx file
	maxUnzipped     = 512 << 20 // bytes of all its parts, unzipped
	maxUnzippedXML  = 32 << 20  // bytes of one worksheet's XML
	maxSheetRows    = 50_000    // rows read of one sheet
	maxSheetColumns = 64        // columns read of one row
	maxCellRunes    = 32_767    // characters of one cell (Excel's own limit)
)

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
	name, err := excelize.CoordinatesToCellName(c+1, r+1)
	if err != nil {
		name = fmt.Sprintf("R%dC%d", r+1, c+1)
	}
	return g.name + "!" + name
}

// readBook reads every worksheet of a workbook.
func readBook(data []byte) ([]*grid, error) {
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit:    maxUnzipped,
		UnzipXMLSizeLimit: maxUnzippedXML,
	})
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []*grid
	for _, name := range f.GetSheetList() {
		g := &grid{name: name}
		rows, err := f.GetRows(name, excelize.Options{RawCellValue: true})
		if err != nil {
			continue // a chart sheet or a damaged one: not a table
		}
		if len(rows) > maxSheetRows {
			rows = rows[:maxSheetRows]
		}
		for _, cols := range rows {
			if len(cols) > maxSheetColumns {
				cols = cols[:maxSheetColumns]
			}
			for i, v := range cols {
				if len(v) > 4*maxCellRunes {
					cols[i] = string([]rune(v)[:maxCellRunes])
				}
			}
			g.cells = append(g.cells, cols)
		}
		merged, _ := f.GetMergeCells(name)
		for _, m := range merged {
			c1, r1, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
			c2, r2, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
			if err1 != nil || err2 != nil || r2-r1 > 200 || c2-c1 > maxSheetColumns {
				continue
			}
			v := m.GetCellValue()
			for r := r1 - 1; r < r2 && r < len(g.cells); r++ {
				for c := c1 - 1; c < c2 && c < maxSheetColumns; c++ {
					for len(g.cells[r]) <= c {
						g.cells[r] = append(g.cells[r], "")
					}
					if g.cells[r][c] == "" {
						g.cells[r][c] = v
					}
				}
			}
		}
		out = append(out, g)
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

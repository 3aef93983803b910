package xlsxread

// Grid is a worksheet as text: Cells[r][c] is row r+1, column c+1, each
// row up to its last non-empty cell within Limits.Columns, rows up to the
// last non-empty one within Limits.Rows; the value of a merged range is in
// each of its empty cells.
type Grid struct {
	Name  string
	Cells [][]string
}

// mergeRows is the height of the tallest merged range whose value is given
// to its cells: a taller one frames a page, it does not head a column.
const mergeRows = 200

// Grid reads a worksheet whole. The cells it keeps (the empty ones rows
// are padded with included) and those its merged ranges fill count
// against Limits.Cells over the workbook.
func (b *Book) Grid(name string) (*Grid, error) {
	rows, err := b.Rows(name)
	if err != nil {
		return nil, err
	}
	rows.merges = true
	g := &Grid{Name: rows.sheet}
	last := 0
	for rows.Next() {
		n := rows.Row()
		if b.lim.Rows > 0 && n > b.lim.Rows || len(rows.cells) == 0 {
			continue
		}
		if err := b.use(len(rows.cells), rows, cellName(1, n)); err != nil {
			rows.Close()
			return nil, err
		}
		for len(g.Cells) < n {
			g.Cells = append(g.Cells, nil)
		}
		g.Cells[n-1] = rows.cells
		last = max(last, n)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	g.Cells = g.Cells[:last]
	for _, m := range rows.merged {
		if m.r2-m.r1 > mergeRows || m.c2-m.c1 > b.lim.Columns {
			continue
		}
		v := ""
		if r, c := m.r1-1, m.c1-1; r < len(g.Cells) && c < len(g.Cells[r]) {
			v = g.Cells[r][c]
		}
		for r := m.r1 - 1; r < m.r2 && r < len(g.Cells); r++ {
			for c := m.c1 - 1; c < m.c2 && c < b.lim.Columns; c++ {
				if err := b.use(1, rows, cellName(c+1, r+1)); err != nil {
					return nil, err
				}
				for len(g.Cells[r]) <= c {
					g.Cells[r] = append(g.Cells[r], "")
				}
				if g.Cells[r][c] == "" {
					g.Cells[r][c] = v
				}
			}
		}
	}
	return g, nil
}

// use counts n cells kept, at cell, against Limits.Cells.
func (b *Book) use(n int, rows *Rows, cell string) error {
	b.cells += n
	if b.lim.Cells > 0 && b.cells > b.lim.Cells {
		return &LimitError{Limit: LimitCells, Max: int64(b.lim.Cells), Part: rows.d.part, Sheet: rows.sheet, Cell: cell}
	}
	return nil
}

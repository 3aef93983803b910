package render

import "github.com/shopspring/decimal"

// Table returns the table of that id, or nil when the publication's set
// declares none.
func (p *Publication) Table(id TableID) *Table {
	for _, t := range p.Tables {
		if t.ID == id {
			return t
		}
	}
	return nil
}

// Part returns the part of that id, or nil.
func (p *Publication) Part(id string) *Part {
	for _, part := range p.Parts {
		if part.ID == id {
			return part
		}
	}
	return nil
}

// Section returns the section of that id in any part, or nil.
func (p *Publication) Section(id string) *Section {
	for _, part := range p.Parts {
		for _, s := range part.Sections {
			if s.ID == id {
				return s
			}
		}
	}
	return nil
}

// Col is the index of the column with that key, or -1.
func (t *Table) Col(key ColKey) int {
	for i, c := range t.Columns {
		if c.Key == key {
			return i
		}
	}
	return -1
}

// index records each row's place by key, once the rows are built.
func (t *Table) index() {
	t.rows, t.leftRows = map[RowKey]int{}, map[RowKey]int{}
	for i, r := range t.Rows {
		if r.Key.Role != RoleNone {
			t.rows[r.Key] = i
		}
		if r.LeftKey.Role != RoleNone {
			t.leftRows[r.LeftKey] = i
		}
	}
}

// Row returns the row of the main half with that key, or nil.
func (t *Table) Row(key RowKey) *Row {
	if i, ok := t.rows[key]; ok {
		return &t.Rows[i]
	}
	return nil
}

// Cell returns the cell of a row (in the half its column belongs to) and a
// column, and whether the table has both.
func (t *Table) Cell(key RowKey, col ColKey) (Cell, bool) {
	c := t.Col(col)
	if c < 0 {
		return Cell{}, false
	}
	rows := t.rows
	if t.Columns[c].Side == SideLeft {
		rows = t.leftRows
	}
	i, ok := rows[key]
	if !ok {
		return Cell{}, false
	}
	return t.Rows[i].Cells[c], true
}

// Amount is the printed figure of a row and column; zero when the table has
// no such row.
func (t *Table) Amount(key RowKey, col ColKey) decimal.Decimal {
	c, _ := t.Cell(key, col)
	return c.Amount
}

// Exact is the exact amount the figure of a row and column is rounded from.
func (t *Table) Exact(key RowKey, col ColKey) decimal.Decimal {
	c, _ := t.Cell(key, col)
	return c.Exact
}

// Text is the text of a row's text or code cell.
func (t *Table) Text(key RowKey, col ColKey) string {
	c, _ := t.Cell(key, col)
	return c.Text
}

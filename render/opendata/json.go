package opendata

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
	"github.com/shopspring/decimal"
)

// JSON writes the publication as open data (<stem>.json): the year, the
// department and the unit; the funding sources; every table by id, in print
// order, with its number, title, columns (key, header text, kind, side) and
// rows (kind, level, row key, texts and amounts by column key); and the
// figures of 第三部分. Amounts are decimal strings: the printed two-decimal
// figure under "amounts", and the exact figure under "exact" where it
// differs. The same publication gives the same bytes; see Schema.
func JSON(pub *render.Publication, doc *input.Document) ([]byte, error) {
	if pub == nil || doc == nil {
		return nil, errors.New("opendata: JSON needs the publication and its document")
	}
	root := object{
		{"format", FormatName},
		{"version", FormatVersion},
		{"year", pub.Year},
		{"department", pub.Department},
		{"department_code", doc.Department.Code.Value},
		{"region", doc.Department.Region.Value},
		{"title", pub.Title},
	}
	if pub.Draft != "" {
		root = append(root, member{"draft", pub.Draft})
	}
	root = append(root, member{"unit", pub.Unit}, member{"sources", sourceList()})

	tables := object{}
	seen := map[render.TableID]bool{}
	for _, t := range pub.Tables {
		if seen[t.ID] {
			return nil, fmt.Errorf("opendata: table %s appears twice", t.ID)
		}
		seen[t.ID] = true
		v, err := tableJSON(t)
		if err != nil {
			return nil, err
		}
		tables = append(tables, member{string(t.ID), v})
	}
	root = append(root, member{"tables", tables})

	if pub.Facts == nil {
		return nil, errors.New("opendata: the publication has no facts (第三部分)")
	}
	facts, err := factsJSON(pub.Facts)
	if err != nil {
		return nil, err
	}
	root = append(root, member{"facts", facts})

	return indented(root)
}

// sourceList describes the funding sources, whose keys name columns and rows.
func sourceList() []object {
	out := make([]object, 0, len(input.AllSources))
	for _, s := range input.AllSources {
		out = append(out, object{{"key", s.Key()}, {"title", s.Title()}, {"fiscal", s.Fiscal()}})
	}
	return out
}

func tableJSON(t *render.Table) (object, error) {
	cols := make([]object, len(t.Columns))
	keys := map[render.ColKey]bool{}
	twoSided := false
	for i, c := range t.Columns {
		if keys[c.Key] {
			return nil, fmt.Errorf("opendata: table %s has two columns %q", t.ID, c.Key)
		}
		keys[c.Key] = true
		kind, ok := kindNames[c.Kind]
		if !ok {
			return nil, fmt.Errorf("opendata: table %s column %q: unknown kind %d", t.ID, c.Key, c.Kind)
		}
		side, ok := sideNames[c.Side]
		if !ok {
			return nil, fmt.Errorf("opendata: table %s column %q: unknown side %d", t.ID, c.Key, c.Side)
		}
		twoSided = twoSided || c.Side == render.SideLeft
		header := columnHeader(t, i)
		cols[i] = object{{"key", string(c.Key)}, {"title", strings.Join(header, "/")}, {"header", header}, {"kind", kind}, {"side", side}}
	}
	rows := make([]object, 0, len(t.Rows))
	for n, r := range t.Rows {
		if r.Kind == render.RowFiller {
			continue // an empty ruled row of the printed table: no data
		}
		if len(r.Cells) != len(t.Columns) {
			return nil, fmt.Errorf("opendata: table %s row %d has %d cells for %d columns", t.ID, n+1, len(r.Cells), len(t.Columns))
		}
		kind, ok := rowKindNames[r.Kind]
		if !ok {
			return nil, fmt.Errorf("opendata: table %s row %d: unknown kind %d", t.ID, n+1, r.Kind)
		}
		key, err := rowKeyJSON(r.Key)
		if err != nil {
			return nil, fmt.Errorf("opendata: table %s row %d: %w", t.ID, n+1, err)
		}
		row := object{{"kind", kind}, {"level", r.Level}, {"key", key}}
		if twoSided {
			left, err := rowKeyJSON(r.LeftKey)
			if err != nil {
				return nil, fmt.Errorf("opendata: table %s row %d: %w", t.ID, n+1, err)
			}
			row = append(row, member{"left_key", left})
		}
		texts, amounts, exact := object{}, object{}, object{}
		for i, c := range t.Columns {
			// A half of a two-sided row that has no key is empty: it is
			// left out rather than written as blanks and zeros.
			if c.Side == render.SideLeft && r.LeftKey.Role == render.RoleNone ||
				c.Side == render.SideMain && twoSided && r.Key.Role == render.RoleNone {
				continue
			}
			cell := r.Cells[i]
			if c.Kind != render.KindAmount {
				texts = append(texts, member{string(c.Key), cell.Text})
				continue
			}
			amounts = append(amounts, member{string(c.Key), Printed(cell.Amount)})
			if !cell.Exact.Equal(cell.Amount) {
				exact = append(exact, member{string(c.Key), Exact(cell.Exact)})
			}
		}
		row = append(row, member{"texts", texts}, member{"amounts", amounts})
		if len(exact) > 0 {
			row = append(row, member{"exact", exact})
		}
		rows = append(rows, row)
	}
	notes := append([]string{}, t.Notes...)
	return object{
		{"id", string(t.ID)},
		{"number", t.Number},
		{"label", t.Label},
		{"title", t.Title},
		{"unit", t.Unit},
		{"columns", cols},
		{"rows", rows},
		{"notes", notes},
	}, nil
}

// columnHeader is the texts of the header cells over column i, from the top
// row down, without the row of column numbers (1, 2, 3 …) tables 12 and 13
// print under their headings.
func columnHeader(t *render.Table, i int) []string {
	out := []string{}
	for row := 0; row < t.HeaderRows; row++ {
		for _, h := range t.Header {
			if h.Row != row || i < h.Col || i >= h.Col+max(h.ColSpan, 1) || h.Text == "" || isDigits(h.Text) {
				continue
			}
			if len(out) == 0 || out[len(out)-1] != h.Text {
				out = append(out, h.Text)
			}
		}
	}
	return out
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

var (
	kindNames    = map[render.CellKind]string{render.KindText: "text", render.KindCode: "code", render.KindAmount: "amount"}
	sideNames    = map[render.Side]string{render.SideMain: "main", render.SideLeft: "left"}
	rowKindNames = map[render.RowKind]string{render.RowItem: "item", render.RowTotal: "total", render.RowSubtotal: "subtotal"}
	// roleNames are the words a row key's role is written as.
	roleNames = map[render.Role]string{
		render.RoleTotal:        "total",
		render.RoleCurrentTotal: "current_total",
		render.RoleCarryover:    "carryover",
		render.RoleSource:       "source",
		render.RoleCarrySource:  "carry_source",
		render.RoleCode:         "code",
		render.RoleEcon:         "econ",
		render.RoleItem:         "item",
		render.RoleUnit:         "unit",
		render.RoleProject:      "project",
	}
)

// roleOrder is the roles in the order of their declaration, for the schema.
var roleOrder = []render.Role{render.RoleTotal, render.RoleCurrentTotal, render.RoleCarryover, render.RoleSource,
	render.RoleCarrySource, render.RoleCode, render.RoleEcon, render.RoleItem, render.RoleUnit, render.RoleProject}

// RoleName is the word a row key's role is written as in the JSON: total,
// code, unit, project …; false for RoleNone and unknown roles.
func RoleName(r render.Role) (string, bool) {
	s, ok := roleNames[r]
	return s, ok
}

// rowKeyJSON is a row key as {role, id, sub}, or nil (JSON null) for the
// empty half of a row.
func rowKeyJSON(k render.RowKey) (any, error) {
	if k.Role == render.RoleNone {
		return nil, nil
	}
	role, ok := roleNames[k.Role]
	if !ok {
		return nil, fmt.Errorf("unknown row role %d", k.Role)
	}
	return object{{"role", role}, {"id", k.ID}, {"sub", k.Sub}}, nil
}

// Printed is a printed figure as the JSON writes it: two decimals, "0.00"
// for zero.
func Printed(d decimal.Decimal) string { return render.Round(d).StringFixed(2) }

// Exact is an exact amount as the open data writes it: every digit, no
// exponent, at least two decimals ("1249.4512", "25.00", "0.00").
func Exact(d decimal.Decimal) string { return decimalText(d) }

// member is one key and value of an object.
type member struct {
	key   string
	value any
}

// object is a JSON object whose keys keep their order.
type object []member

func (o object) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, m := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, err := marshal(m.key)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		v, err := marshal(m.value)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", m.key, err)
		}
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// indented is v as a document: marshalled, indented by two spaces, ended
// by a newline.
func indented(v any) ([]byte, error) {
	compact, err := marshal(v)
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	if err := json.Indent(&out, compact, "", "  "); err != nil {
		return nil, err
	}
	out.WriteByte('\n')
	return out.Bytes(), nil
}

// marshal is json.Marshal without HTML escaping (names may hold & or <).
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	e := json.NewEncoder(&b)
	e.SetEscapeHTML(false)
	if err := e.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

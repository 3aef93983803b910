package importer

import (
	"fmt"
	"sort"
	"strings"

	"github.com/budgetpub/budgetpub/render"
	"github.com/shopspring/decimal"
)

// Every figure of a profile's tables is printed more than once: a code's
// 基本支出 in its own row (合计 = 基本支出 + 项目支出) and in its parent's
// (款 = Σ项) — the relations of each table, by its declaration — and, as
// the profile declares (render.ImportDecl.Relate), in other tables: in
// shanxi-13 its 一般公共预算 in table 2 and as table 5's 合计, a category's
// total in tables 1, 2 and 3, and so on. Each such relation between
// printed cells is a vote that they agree. When one cell is changed, every
// relation it is in fails by the same amount and every other holds: the
// cell all failing relations share, which each of its relations blames by
// the same amount, is the one the other tables outvote. It is named first, as the error,
// with the figure the others agree on; the rest of the import then runs on
// that figure, so that what would only follow from the one cell (the same
// difference in tables 2, 3, 12 …) is not said again.

// relKind is what a relation ties: the columns of one row, the rows of one
// column (a total and its parts), or the same figure in two tables.
type relKind uint8

const (
	relRow relKind = iota
	relColumn
	relTable
)

// vcell is one printed amount: a column of a table's row.
type vcell struct {
	t   *sheetTable
	e   *entry
	col render.ColKey
}

func (c vcell) value() decimal.Decimal { return c.e.Amounts[c.col] }

// relation says its terms add up to nothing: Σ signs[i]·cells[i] = 0.
type relation struct {
	cells []vcell
	signs []int8
	kind  relKind
	// same: two cells printing one figure, with no rounding between them
	// (a sum of printed parts may be off its printed total by rounding).
	same bool
}

// culprit is a cell the others outvote: it should be value − delta.
type culprit struct {
	c     vcell
	delta decimal.Decimal
	rels  []int
}

// voter holds the relations of a workbook's tables and, for each cell,
// the relations it is in.
type voter struct {
	rels  []relation
	of    map[vkey][]int
	order []vkey // cells in the order first met (tables in print order)
	cells map[vkey]vcell
}

type vkey struct {
	e   *entry
	col render.ColKey
}

func newVoter() *voter { return &voter{of: map[vkey][]int{}, cells: map[vkey]vcell{}} }

// term is one cell of a relation being added, with its sign.
type term struct {
	c    vcell
	sign int8
	ok   bool
}

// cellIn is column col of entry e of table t, as a term with sign; not ok
// when the row is absent or the column not on its side.
func cellIn(t *sheetTable, e *entry, col render.ColKey, sign int8) term {
	if t == nil || e == nil {
		return term{}
	}
	if _, ok := e.Amounts[col]; !ok {
		return term{}
	}
	return term{vcell{t, e, col}, sign, true}
}

// add adds a relation of its terms that exist; the first term (the total
// or the one figure) must exist, and one other at least — or none, for
// the total of no rows: it is 0.
func (v *voter) add(kind relKind, same bool, terms ...term) {
	if !terms[0].ok {
		return
	}
	r := relation{kind: kind, same: same}
	for _, t := range terms {
		if t.ok {
			r.cells = append(r.cells, t.c)
			r.signs = append(r.signs, t.sign)
		}
	}
	if len(r.cells) < 2 && len(terms) > 1 {
		return
	}
	i := len(v.rels)
	v.rels = append(v.rels, r)
	for _, c := range r.cells {
		k := vkey{c.e, c.col}
		if _, seen := v.cells[k]; !seen {
			v.cells[k] = c
			v.order = append(v.order, k)
		}
		v.of[k] = append(v.of[k], i)
	}
}

// sumOf adds the relation total = Σ parts over one column.
func (v *voter) sumOf(kind relKind, t *sheetTable, total *entry, parts []*entry, col render.ColKey) {
	terms := []term{cellIn(t, total, col, 1)}
	for _, p := range parts {
		terms = append(terms, cellIn(t, p, col, -1))
	}
	v.add(kind, false, terms...)
}

// amountCols are the amount columns of a table's side.
func amountCols(d *render.TableDecl, side render.Side) []render.ColKey {
	var out []render.ColKey
	for _, c := range d.Columns {
		if c.Kind == render.KindAmount && c.Side == side {
			out = append(out, c.Key)
		}
	}
	return out
}

// relations gathers the relations of the tables found: each table's own,
// in print order, then those the profile declares between tables
// (render.ImportDecl.Relate).
func relations(p *render.Profile, tables map[render.TableID]*sheetTable) *voter {
	v := newVoter()
	for _, d := range p.Tables {
		t := tables[d.ID]
		if t == nil {
			continue
		}
		for side, es := range [][]*entry{t.Main, t.Lefts} {
			v.rowRelations(t, render.Side(side), es)
			v.columnRelations(t, render.Side(side), es)
		}
	}
	if p.Import.Relate != nil {
		r := &relater{v: v, tables: tables, of: map[*render.ReadTable]*sheetTable{}}
		for _, t := range tables {
			r.of[&t.ReadTable] = t
		}
		p.Import.Relate(r)
	}
	return v
}

// relater is the voter as a profile's relations between tables see it
// (render.ImportRelations).
type relater struct {
	v      *voter
	tables map[render.TableID]*sheetTable
	of     map[*render.ReadTable]*sheetTable
}

func (r *relater) Table(id render.TableID) *render.ReadTable {
	if t := r.tables[id]; t != nil {
		return &t.ReadTable
	}
	return nil
}

func (r *relater) term(c render.ReadCell, sign int8) term {
	return cellIn(r.of[c.Table], c.Row, c.Col, sign)
}

// Same: the two cells print one figure.
func (r *relater) Same(a, b render.ReadCell) { r.v.add(relTable, true, r.term(a, 1), r.term(b, -1)) }

// Sum: total is the sum of parts.
func (r *relater) Sum(total render.ReadCell, parts ...render.ReadCell) {
	terms := []term{r.term(total, 1)}
	for _, p := range parts {
		terms = append(terms, r.term(p, -1))
	}
	r.v.add(relTable, false, terms...)
}

// rowRelations: in each row, 合计 is the sum of the other amounts, or as
// the table declares (TableImport.RowTotal; table 2: 本年收入 合计 is the
// sum of the sources).
func (v *voter) rowRelations(t *sheetTable, side render.Side, es []*entry) {
	cols := amountCols(t.l.decl, side)
	total, parts := render.ColTotal, []render.ColKey{}
	for _, c := range cols {
		if c != render.ColTotal {
			parts = append(parts, c)
		}
	}
	if d := t.l.decl.Import; d.RowTotal != "" {
		total, parts = d.RowTotal, d.RowParts
	}
	if len(parts) < 1 || len(parts) == len(cols) {
		return // one amount column, or no total among them
	}
	for _, e := range es {
		if e.Key.Role == render.RoleNone {
			continue
		}
		terms := []term{cellIn(t, e, total, 1)}
		for _, p := range parts {
			terms = append(terms, cellIn(t, e, p, -1))
		}
		v.add(relRow, false, terms...)
	}
}

// columnRelations: in each column, a total row is the sum of the rows it
// totals — 类 of its 款, 款 of its 项, 合计 of the 类 (or of what has no
// parent printed); a unit of its projects; an economic class of its pairs;
// 公务用车 of ① and ②; a summary table's totals (TableImport.Rows).
func (v *voter) columnRelations(t *sheetTable, side render.Side, es []*entry) {
	if t.l.decl.Import.Rows == render.ReadOneRow {
		return // one row: no column adds up
	}
	m := render.IndexRows(es)
	children := map[render.RowKey][]*entry{}
	reading := t.l.decl.Import.Rows
	summary, econ := reading == render.ReadSummary, reading == render.ReadEcon
	for _, e := range es {
		k := e.Key
		var parent render.RowKey
		switch {
		case k.Role == render.RoleCode && summary:
			parent = render.CurrentTotalRow
		case k.Role == render.RoleSource:
			parent = render.CurrentTotalRow
		case k.Role == render.RoleCarrySource:
			parent = render.CarryoverRow
		case k.Role == render.RoleCode && econ:
			parent = render.TotalRow
		case k.Role == render.RoleEcon:
			parent = render.TotalRow
			if m[render.CodeRow(k.ID[:3])] != nil {
				parent = render.CodeRow(k.ID[:3])
			}
		case k.Role == render.RoleCode:
			parent = render.TotalRow
			for _, n := range []int{5, 3} {
				if len(k.ID) > n && m[render.CodeRow(k.ID[:n])] != nil {
					parent = render.CodeRow(k.ID[:n])
					break
				}
			}
		case k.Role == render.RoleItem:
			parent = render.TotalRow
			if k.ID == render.ItemVehiclePurchase || k.ID == render.ItemVehicleOperation {
				parent = render.ItemRow(render.ItemVehicles)
			}
		case k.Role == render.RoleUnit:
			parent = render.TotalRow
		case k.Role == render.RoleProject:
			parent = render.UnitRow(k.ID)
		case k == render.CurrentTotalRow || (k == render.CarryoverRow && summary):
			parent = render.TotalRow
		default:
			continue
		}
		if f := t.l.decl.Import.Parent; f != nil {
			if p := f(k); p != (render.RowKey{}) {
				parent = p
			}
		}
		children[parent] = append(children[parent], e)
	}
	// A table of no rows totals 0.
	if m[render.TotalRow] != nil && children[render.TotalRow] == nil {
		children[render.TotalRow] = []*entry{}
	}
	// Table 6's total adds up its classes when it has them, not their pairs too.
	if econ {
		var classes []*entry
		for _, e := range children[render.TotalRow] {
			if e.Key.Role == render.RoleCode {
				classes = append(classes, e)
			}
		}
		if len(classes) > 0 {
			children[render.TotalRow] = classes
		}
	}
	parents := make([]render.RowKey, 0, len(children))
	for p := range children {
		parents = append(parents, p)
	}
	sort.Slice(parents, func(i, j int) bool { return firstRow(m, parents[i]) < firstRow(m, parents[j]) })
	for _, p := range parents {
		total := m.One(p)
		if total == nil {
			continue
		}
		for _, col := range amountCols(t.l.decl, side) {
			v.sumOf(relColumn, t, total, children[p], col)
		}
	}
}

func firstRow(m map[render.RowKey][]*entry, k render.RowKey) int {
	if es := m[k]; len(es) > 0 {
		return es[0].Row
	}
	return -1
}

// halfUnit is the most a printed figure of table t is off its exact value
// by rounding, in 万元: half its last printed decimal (0.005 万元, or half
// a 分 in a table in 元).
func halfUnit(t *sheetTable) decimal.Decimal {
	if t.exact {
		return decimal.Zero
	}
	if t.l.yuan {
		return decimal.New(5, -7)
	}
	return decimal.New(5, -3)
}

// tolerance is how far a relation may be off by rounding alone.
func (r *relation) tolerance() decimal.Decimal {
	if r.same {
		return decimal.Zero
	}
	t := decimal.Zero
	for _, c := range r.cells {
		t = t.Add(halfUnit(c.t))
	}
	return t
}

func (r *relation) residual() decimal.Decimal {
	s := decimal.Zero
	for i, c := range r.cells {
		if r.signs[i] > 0 {
			s = s.Add(c.value())
		} else {
			s = s.Sub(c.value())
		}
	}
	return s
}

// maxCulprits bounds the cells one vote names: past a few, the workbook is
// not one with a few wrong cells, and the differences are said as they are.
const maxCulprits = 20

// vote finds the cells the tables outvote. First as if the workbook were
// exact (every relation holds to the cent): its culprits stand when, with
// them corrected, every relation holds, and no two are the same figure
// (row and column) off by the same amount in two tables — tables that
// agree with each other are not outvoted; that is rounding. Otherwise
// relations may be off by rounding, and a culprit must be off by more.
func (v *voter) vote() []culprit {
	resid := make([]decimal.Decimal, len(v.rels))
	any := false
	for i := range v.rels {
		resid[i] = v.rels[i].residual()
		any = any || !resid[i].IsZero()
	}
	if !any {
		return nil
	}
	if cs, rest := v.explain(resid, true); rest == 0 && !twins(cs) {
		return cs
	}
	cs, _ := v.explain(resid, false)
	return cs
}

// twins tells whether two culprits are the same row and column of two
// tables, off by the same amount.
func twins(cs []culprit) bool {
	type fig struct {
		k   render.RowKey
		col render.ColKey
		d   string
	}
	seen := map[fig]bool{}
	for _, c := range cs {
		f := fig{c.c.e.Key, c.c.col, c.delta.String()}
		if seen[f] {
			return true
		}
		seen[f] = true
	}
	return false
}

// explain names culprits one at a time, the cell explaining most failing
// relations first, until none is left to explain or no single cell
// explains what is; rest is how many relations still fail.
func (v *voter) explain(resid0 []decimal.Decimal, exact bool) (out []culprit, rest int) {
	resid := append([]decimal.Decimal(nil), resid0...)
	tol := make([]decimal.Decimal, len(v.rels))
	if !exact {
		for i := range v.rels {
			tol[i] = v.rels[i].tolerance()
		}
	}
	fails := func(i int) bool { return resid[i].Abs().GreaterThan(tol[i]) }
	signOf := func(i int, k vkey) int8 {
		for j, c := range v.rels[i].cells {
			if c.e == k.e && c.col == k.col {
				return v.rels[i].signs[j]
			}
		}
		return 0
	}
	skip := map[int]bool{}
	for len(out) < maxCulprits {
		type cand struct {
			k     vkey
			delta decimal.Decimal
			rels  string
		}
		var best *cand
		ambiguous := false
		for _, k := range v.order {
			rs := v.of[k]
			ok := len(rs) > 0
			j := -1
			for _, i := range rs {
				if !fails(i) || skip[i] {
					ok = false
					break
				}
				if j < 0 || tol[i].LessThan(tol[j]) {
					j = i
				}
			}
			if !ok {
				continue
			}
			delta := resid[j]
			if signOf(j, k) < 0 {
				delta = delta.Neg()
			}
			for _, i := range rs {
				want := delta
				if signOf(i, k) < 0 {
					want = want.Neg()
				}
				if resid[i].Sub(want).Abs().GreaterThan(tol[i].Add(tol[j])) {
					ok = false
					break
				}
				if !exact && !delta.Abs().GreaterThan(tol[i]) {
					ok = false // within rounding
					break
				}
			}
			if !ok {
				continue
			}
			c := &cand{k, delta, fmt.Sprint(rs)}
			switch {
			case best == nil || len(rs) > len(v.of[best.k]):
				best, ambiguous = c, false
			case len(rs) == len(v.of[best.k]) && c.rels == best.rels:
				ambiguous = true // two cells in the same relations: which, nobody can tell
			}
		}
		if best == nil {
			break
		}
		if ambiguous {
			for _, i := range v.of[best.k] {
				skip[i] = true
			}
			continue
		}
		for _, i := range v.of[best.k] {
			d := best.delta
			if signOf(i, best.k) < 0 {
				d = d.Neg()
			}
			resid[i] = resid[i].Sub(d)
		}
		out = append(out, culprit{v.cells[best.k], best.delta, v.of[best.k]})
	}
	for i := range v.rels {
		if fails(i) {
			rest++
		}
	}
	return out, rest
}

// evidence says which printed figures outvote a culprit: 本行其他各列、
// 上下级各行和表2、表3.
func (v *voter) evidence(c culprit) string {
	var parts, tables []string
	seen := map[string]bool{}
	addPart := func(s string) {
		if !seen[s] {
			seen[s] = true
			parts = append(parts, s)
		}
	}
	for _, i := range c.rels {
		r := v.rels[i]
		switch r.kind {
		case relRow:
			addPart("本行其他各列")
		case relColumn:
			addPart("上下级各行")
		case relTable:
			for _, o := range r.cells {
				name := fmt.Sprintf("表%d", o.t.l.decl.Number)
				if o.t == c.c.t {
					name = "本表另一侧"
				}
				if !(o.e == c.c.e && o.col == c.c.col) && !seen[name] {
					seen[name] = true
					tables = append(tables, name)
				}
			}
		}
	}
	s := strings.Join(parts, "、")
	if len(tables) > 0 {
		if s != "" {
			s += "和"
		}
		s += strings.Join(tables, "、") + "中的同一数字"
	}
	return s
}

// blame records each culprit as an error at its cell, first of all, and
// corrects its figure to the one the others agree on.
func (v *voter) blame(rd *reader, cs []culprit) {
	for _, c := range cs {
		t, e := c.c.t, c.c.e
		got := c.c.value()
		want := got.Sub(c.delta)
		rd.problems = append(rd.problems, problem{ref: e.Refs[c.c.col], first: true,
			msg: fmt.Sprintf("%s“%s”的%s为 %s，而由%s得出应为 %s，相差 %s：多半是这个单元格填错了，请核对改正（其他各表与它不一致之处都由此而来）",
				tableName(t.Decl), e.Label, columnTitle(t.l, c.c.col), t.Money(got), v.evidence(c), t.Money(want), t.Money(c.delta))})
		e.Amounts[c.c.col] = want
	}
}

package shanxi13

import (
	"fmt"
	"math/rand"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/budgetpub/budgetpub/render"

	"github.com/budgetpub/budgetpub/input"
	"github.com/shopspring/decimal"
)

func mustDecode(t testing.TB, name string, data []byte) *input.Document {
	t.Helper()
	doc, err := input.Decode(name, data, nil)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return doc
}

var catalogCodes []string

// functionCodes are the 7-digit function codes of the embedded catalog.
func functionCodes(t testing.TB) []string {
	if catalogCodes != nil {
		return catalogCodes
	}
	var codes []string
	for _, c := range input.Categories {
		for k := 0; k < 100; k++ {
			for x := 0; x < 100; x++ {
				code := fmt.Sprintf("%s%02d%02d", c, k, x)
				if _, ok := input.DefaultCatalog().Name(code); ok {
					if _, ok := input.DefaultCatalog().Name(code[:5]); ok {
						codes = append(codes, code)
					}
				}
			}
		}
	}
	if len(codes) < 20 {
		t.Fatalf("only %d function codes in the catalog", len(codes))
	}
	catalogCodes = codes
	return codes
}

// generated writes a random but valid master input: lines over many codes,
// every source, current year and carry-over, in 万元 or 元.
func generated(t testing.TB, seed int64) []byte {
	r := rand.New(rand.NewSource(seed))
	codes := functionCodes(t)
	unit := "万元"
	decimals := 2
	if seed%2 == 1 {
		unit, decimals = "元", 2 // 元 with 分: sums in 万元 have 6 decimals and round
	}
	amount := func() string {
		scale := int64(1)
		for i := 0; i < decimals; i++ {
			scale *= 10
		}
		v := r.Int63n(5_000_000 * scale)
		return decimal.New(v, int32(-decimals)).StringFixed(int32(decimals))
	}
	var b strings.Builder
	fmt.Fprintf(&b, "schema: 1\nyear: 2025\namount_unit: %s\ndepartment: {name: 生成部门%d}\n", unit, seed)
	b.WriteString("units:\n  - {name: 机关, kind: administrative}\n  - {name: 中心, kind: institution}\n")
	b.WriteString("expenditures:\n")
	seen := map[string]bool{}
	for i := 0; i < 20+r.Intn(60); i++ {
		code := codes[r.Intn(len(codes))]
		src := input.AllSources[r.Intn(len(input.AllSources))].Key()
		carry := r.Intn(4) == 0
		key := fmt.Sprint(code, src, carry)
		if seen[key] {
			continue
		}
		seen[key] = true
		fmt.Fprintf(&b, "  - {code: %q, source: %s, carryover: %v, basic: %s, project: %s}\n", code, src, carry, amount(), amount())
	}
	econ := [][2]string{{"30101", "50101"}, {"30102", "50101"}, {"30108", "50102"}, {"30201", "50201"}, {"30302", "50905"}, {"31002", "50306"}, {"30113", "50103"}}
	b.WriteString("basic_by_economic:\n")
	for _, e := range econ {
		if r.Intn(3) > 0 {
			fmt.Fprintf(&b, "  - {dept: %q, gov: %q, amount: %s}\n", e[0], e[1], amount())
		}
	}
	b.WriteString("projects:\n")
	for i := 0; i < r.Intn(30); i++ {
		u := []string{"机关", "中心"}[r.Intn(2)]
		carry := r.Intn(5) == 0
		if carry {
			fmt.Fprintf(&b, "  - {unit: %s, name: 项目%d, carryover: true, amounts: {general_public: %s, state_capital: %s}}\n", u, i, amount(), amount())
		} else {
			fmt.Fprintf(&b, "  - {unit: %s, name: 项目%d, amounts: {general_public: %s, unit_funds: %s}}\n", u, i, amount(), amount())
		}
	}
	fmt.Fprintf(&b, "three_public: {reception: %s, vehicle_operation: {general_public: %s, government_fund: %s}}\n", amount(), amount(), amount())
	fmt.Fprintf(&b, "operating_costs:\n  - {unit: 机关, amount: %s}\n", amount())
	return []byte(b.String())
}

type sample struct {
	name string
	doc  *input.Document
}

func samples(t testing.TB) []sample {
	out := []sample{{"sample", mustDecode(t, input.SampleName, input.Sample)}}
	for seed := int64(1); seed <= 12; seed++ {
		name := fmt.Sprintf("generated-%d", seed)
		out = append(out, sample{name, mustDecode(t, name, generated(t, seed))})
	}
	return out
}

// at is the printed figure of a row in a column, by key.
func at(tab *render.Table, r render.Row, col render.ColKey) decimal.Decimal {
	i := tab.Col(col)
	if i < 0 {
		panic("no column " + string(col) + " in " + string(tab.ID))
	}
	return r.Cells[i].Amount
}

// amountCols are the keys of a table's amount columns on one side.
func amountCols(tab *render.Table, side render.Side) []render.ColKey {
	var out []render.ColKey
	for _, c := range tab.Columns {
		if c.Kind == render.KindAmount && c.Side == side {
			out = append(out, c.Key)
		}
	}
	return out
}

// checkTree asserts 类 = Σ款 = Σ项 and 合计 = Σ类 on the main side of a
// function-row table, for every amount column, on the printed figures (exact
// when the input is in 万元). Rows are found by their keys.
func checkTree(t *testing.T, name string, tab *render.Table) {
	t.Helper()
	type acc struct {
		row  render.Row
		kids []render.Row
	}
	total := tab.Row(render.TotalRow)
	parents := map[string]*acc{}
	var order []string
	for _, r := range tab.Rows {
		if r.Key.Role != render.RoleCode {
			continue
		}
		code := r.Key.ID
		if got := tab.Text(r.Key, render.ColCode); got != code {
			t.Errorf("%s %s: row %v prints code %q", name, tab.ID, r.Key, got)
		}
		parents[code] = &acc{row: r}
		order = append(order, code)
		if len(code) > 3 {
			p := parents[code[:len(code)-2]]
			if p == nil {
				t.Errorf("%s %s: %s is not directly under its parent", name, tab.ID, code)
				continue
			}
			p.kids = append(p.kids, r)
		}
	}
	if total == nil {
		t.Fatalf("%s %s: no 合计 row", name, tab.ID)
	}
	if !sort.StringsAreSorted(order) {
		t.Errorf("%s %s: codes not in order: %v", name, tab.ID, order)
	}
	for _, col := range amountCols(tab, render.SideMain) {
		top := decimal.Zero
		for _, code := range order {
			a := parents[code]
			if len(code) == 3 {
				top = top.Add(at(tab, a.row, col))
			}
			if len(code) == 7 {
				continue
			}
			s := decimal.Zero
			for _, k := range a.kids {
				s = s.Add(at(tab, k, col))
			}
			if !s.Equal(at(tab, a.row, col)) && !hasNote(tab, render.NoteRounding) {
				t.Errorf("%s %s: %s column %s = %s, its children sum to %s", name, tab.ID, code, col, at(tab, a.row, col), s)
			}
			if d := s.Sub(at(tab, a.row, col)).Abs(); d.GreaterThan(decimal.NewFromFloat(0.01).Mul(decimal.NewFromInt(int64(len(a.kids))))) {
				t.Errorf("%s %s: %s column %s off by %s, more than rounding", name, tab.ID, code, col, d)
			}
		}
		if !top.Equal(at(tab, *total, col)) && !hasNote(tab, render.NoteRounding) {
			t.Errorf("%s %s: 合计 column %s = %s, 类 sum to %s", name, tab.ID, col, at(tab, *total, col), top)
		}
	}
}

func hasNote(tab *render.Table, note string) bool {
	for _, n := range tab.Notes {
		if n == note {
			return true
		}
	}
	return false
}

func TestTreeInvariants(t *testing.T) {
	for _, s := range samples(t) {
		p := mustBuild(t, s.doc)
		for _, id := range []render.TableID{T2, T3, T5, T8, T9} {
			checkTree(t, s.name, p.Table(id))
		}
		// Every row of tables 3, 5, 8: 合计 = 基本 + 项目.
		for _, id := range []render.TableID{T3, T5, T8} {
			tab := p.Table(id)
			for _, r := range tab.Rows {
				if !at(tab, r, render.ColTotal).Equal(at(tab, r, render.ColBasic).Add(at(tab, r, render.ColProject))) && !hasNote(tab, render.NoteRounding) {
					t.Errorf("%s %s %v: 合计 ≠ 基本 + 项目", s.name, id, r.Key)
				}
			}
		}
	}
}

// exact sums the input lines directly, independently of the builder.
func exact(doc *input.Document, keep func(input.Expenditure) bool) map[string]decimal.Decimal {
	m := map[string]decimal.Decimal{}
	for _, e := range doc.Expenditures {
		if keep(e) {
			m[e.Code.Value[:3]] = m[e.Code.Value[:3]].Add(e.Basic.Value).Add(e.Project.Value)
			m["all"] = m["all"].Add(e.Basic.Value).Add(e.Project.Value)
		}
	}
	return m
}

// source is a line's source key, read from the input text independently of
// the decoder's resolution.
func source(e input.Expenditure) string {
	if e.Source.Value == "" {
		return "general_public"
	}
	return e.Source.Value
}

func fiscal(e input.Expenditure) bool {
	s := source(e)
	return s == "general_public" || s == "government_fund" || s == "state_capital"
}

func TestSummaryTablesBalance(t *testing.T) {
	for _, s := range samples(t) {
		p := mustBuild(t, s.doc)
		t1, t4 := p.Table(T1), p.Table(T4)
		for _, tab := range []*render.Table{t1, t4} {
			in, out := tab.Amount(render.TotalRow, render.ColIncome), tab.Amount(render.TotalRow, render.ColTotal)
			if !in.Equal(out) {
				t.Errorf("%s %s: 收入总计 %s ≠ 支出总计 %s", s.name, tab.ID, in, out)
			}
			if tab.Rows[len(tab.Rows)-1].Key != render.TotalRow {
				t.Errorf("%s %s: the last row is not 总计", s.name, tab.ID)
			}
		}
		all := exact(s.doc, func(input.Expenditure) bool { return true })
		fis := exact(s.doc, fiscal)
		if got := t1.Amount(render.TotalRow, render.ColTotal); !got.Equal(render.Round(all["all"])) {
			t.Errorf("%s 表1 支出总计 %s, lines sum to %s", s.name, got, all["all"])
		}
		if got := t4.Amount(render.TotalRow, render.ColTotal); !got.Equal(render.Round(fis["all"])) {
			t.Errorf("%s 表4 支出总计 %s, fiscal lines sum to %s", s.name, got, fis["all"])
		}
		// table 4 is table 1 restricted to 财政拨款, category by category.
		for i, code := range input.Categories {
			key := render.CodeRow(code)
			if got := t1.Amount(key, render.ColTotal); !got.Equal(render.Round(all[code])) {
				t.Errorf("%s 表1 %s: %s, lines %s", s.name, code, got, all[code])
			}
			if got := t4.Amount(key, render.ColTotal); !got.Equal(render.Round(fis[code])) {
				t.Errorf("%s 表4 %s: %s, fiscal lines %s", s.name, code, got, fis[code])
			}
			l1, l4 := t1.Text(key, render.ColItem), t4.Text(key, render.ColItem)
			if !strings.HasSuffix(l1, s.doc.Name(code)) || l1 != l4 || t1.Rows[i].Key != key {
				t.Errorf("%s category row %d: %q / %q", s.name, i, l1, l4)
			}
		}
		if len(t1.Rows) != 33 || t1.Text(render.CodeRow("234"), render.ColItem) != "三十、抗疫特别国债安排的支出" {
			t.Errorf("%s 表1: %d rows, row 30 %q", s.name, len(t1.Rows), t1.Text(render.CodeRow("234"), render.ColItem))
		}
		// The income side by source adds up to 本年收入合计.
		income := decimal.Zero
		for _, src := range input.AllSources {
			income = income.Add(t1.Exact(render.SourceRow(src), render.ColIncome))
		}
		if !render.Round(income).Equal(t1.Amount(render.CurrentTotalRow, render.ColIncome)) {
			t.Errorf("%s 表1: sources sum to %s, 本年收入合计 %s", s.name, income, t1.Amount(render.CurrentTotalRow, render.ColIncome))
		}
	}
}

// Table 5 is table 3 of the same input restricted to the general public
// budget of the current year.
func TestTable5IsTable3Restricted(t *testing.T) {
	for _, s := range samples(t) {
		restricted := *s.doc
		restricted.Expenditures = nil
		for _, e := range s.doc.Expenditures {
			if source(e) == "general_public" && !e.Carryover {
				restricted.Expenditures = append(restricted.Expenditures, e)
			}
		}
		t5 := mustBuild(t, s.doc).Table(T5)
		t3 := mustBuild(t, &restricted).Table(T3)
		if !reflect.DeepEqual(t5.Rows, t3.Rows) {
			t.Errorf("%s: table 5 differs from table 3 restricted to general public, current year", s.name)
		}
	}
}

func TestTable6PersonnelPlusPublic(t *testing.T) {
	for _, s := range samples(t) {
		t6 := mustBuild(t, s.doc).Table(T6)
		want := decimal.Zero
		for _, l := range s.doc.BasicByEcon {
			want = want.Add(l.Amount.Value)
		}
		if got := t6.Amount(render.TotalRow, render.ColTotal); !got.Equal(render.Round(want)) {
			t.Errorf("%s 表6 合计 %s, lines %s", s.name, got, want)
		}
		for _, r := range t6.Rows {
			if !at(t6, r, render.ColTotal).Equal(at(t6, r, render.ColPersonnel).Add(at(t6, r, render.ColPublic))) && !hasNote(t6, render.NoteRounding) {
				t.Errorf("%s 表6 %v: 人员经费 + 公用经费 ≠ 合计", s.name, r.Key)
			}
		}
		sub := decimal.Zero
		for _, r := range t6.Rows {
			if r.Key.Role == render.RoleCode {
				sub = sub.Add(at(t6, r, render.ColTotal))
			}
		}
		if !sub.Equal(t6.Amount(render.TotalRow, render.ColTotal)) && !hasNote(t6, render.NoteRounding) {
			t.Errorf("%s 表6: subtotals %s ≠ 合计 %s", s.name, sub, t6.Amount(render.TotalRow, render.ColTotal))
		}
	}
}

// Every table's 合计 row is the sum of its unit subtotals, each subtotal the
// sum of its projects (tables 12 and 13), and every row has one cell per
// column; every row key is unique within its half.
func TestProjectTablesAndShapes(t *testing.T) {
	for _, s := range samples(t) {
		p := mustBuild(t, s.doc)
		for _, tab := range p.Tables {
			seen := map[[2]render.RowKey]bool{}
			for i, r := range tab.Rows {
				if len(r.Cells) != len(tab.Columns) {
					t.Errorf("%s %s row %d: %d cells for %d columns", s.name, tab.ID, i, len(r.Cells), len(tab.Columns))
				}
				for c, cell := range r.Cells {
					if cell.Kind == render.KindAmount && tab.Columns[c].Kind != render.KindAmount {
						t.Errorf("%s %s row %d col %d: amount in a %v column", s.name, tab.ID, i, c, tab.Columns[c].Kind)
					}
				}
				for side, k := range []render.RowKey{r.Key, r.LeftKey} {
					id := [2]render.RowKey{{Role: render.Role(side)}, k}
					if k.Role != render.RoleNone && seen[id] {
						t.Errorf("%s %s: row key %v twice", s.name, tab.ID, k)
					}
					seen[id] = true
				}
			}
		}
		for _, tab := range []*render.Table{p.Table(T12), p.Table(T13)} {
			for _, col := range amountCols(tab, render.SideMain) {
				units, projects := decimal.Zero, decimal.Zero
				for _, r := range tab.Rows {
					switch r.Key.Role {
					case render.RoleUnit:
						units = units.Add(at(tab, r, col))
					case render.RoleProject:
						projects = projects.Add(at(tab, r, col))
						if tab.Row(render.UnitRow(r.Key.ID)) == nil {
							t.Errorf("%s %s: project %v without its unit's row", s.name, tab.ID, r.Key)
						}
					}
				}
				total := tab.Amount(render.TotalRow, col)
				if (!units.Equal(total) || !projects.Equal(total)) && !hasNote(tab, render.NoteRounding) {
					t.Errorf("%s %s col %s: 合计 %s, units %s, projects %s", s.name, tab.ID, col, total, units, projects)
				}
			}
		}
	}
}

func TestEmptyTablesCarryTheNote(t *testing.T) {
	p := mustBuild(t, mustDecode(t, input.SampleName, input.Sample))
	for _, id := range []render.TableID{T7, T8, T9, T13} {
		tab := p.Table(id)
		if !hasNote(tab, render.NoteEmpty) {
			t.Errorf("%s has no %s", id, render.NoteEmpty)
		}
		if len(tab.Rows) != 1 || tab.Rows[0].Kind != render.RowTotal {
			t.Errorf("%s: want only its 合计 row, got %d rows", id, len(tab.Rows))
		}
	}
	for _, id := range []render.TableID{T1, T2, T3, T4, T5, T6, T10, T11, T12} {
		if tab := p.Table(id); hasNote(tab, render.NoteEmpty) || hasNote(tab, render.NoteRounding) {
			t.Errorf("%s has notes %v", id, tab.Notes)
		}
	}
}

// An input in 元 whose items round apart from their total gets the 尾差 note,
// and no figure is nudged: each is its exact sum rounded once.
func TestRoundingNote(t *testing.T) {
	doc := `schema: 1
year: 2024
amount_unit: 元
department: {name: 尾差部门}
units: [{name: 机关, kind: administrative}]
expenditures:
  - {code: "2010301", basic: 50.00}
  - {code: "2010399", basic: 50.00}
  - {code: "2010350", basic: 50.00}
`
	p := mustBuild(t, mustDecode(t, "tail.yaml", []byte(doc)))
	t3 := p.Table(T3)
	// each 项 is 0.005万元 → prints 0.01; the 款 is 0.015 → prints 0.02, not 0.03.
	if got := t3.Amount(render.TotalRow, render.ColTotal).String(); got != "0.02" {
		t.Errorf("合计 %s, want 0.02 (0.015 rounded once)", got)
	}
	if got := t3.Amount(render.CodeRow("2010301"), render.ColTotal).String(); got != "0.01" {
		t.Errorf("项 %s, want 0.01", got)
	}
	if got := t3.Exact(render.TotalRow, render.ColTotal).String(); got != "0.015" {
		t.Errorf("合计 exact %s, want 0.015", got)
	}
	if !hasNote(t3, render.NoteRounding) {
		t.Errorf("no 尾差 note: %v", t3.Notes)
	}
	if hasNote(p.Table(T6), render.NoteRounding) {
		t.Errorf("table 6 has a 尾差 note without data")
	}
}

func TestChineseNumber(t *testing.T) {
	for n, want := range map[int]string{1: "一", 9: "九", 10: "十", 11: "十一", 20: "二十", 23: "二十三", 30: "三十"} {
		if got := render.ChineseNumber(n); got != want {
			t.Errorf("%d: %s, want %s", n, got, want)
		}
	}
}

func mustBuild(t testing.TB, doc *input.Document) *render.Publication {
	t.Helper()
	p, err := render.Build(doc)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

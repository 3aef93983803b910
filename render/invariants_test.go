package render

import (
	"fmt"
	"math/rand"
	"reflect"
	"sort"
	"strings"
	"testing"

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

func amountAt(r Row, col int) decimal.Decimal { return r.Cells[col].Amount }

// checkTree asserts 类 = Σ款 = Σ项 and 合计 = Σ类 on a function-row table,
// for every amount column, on the printed figures (exact when the input is in 万元).
func checkTree(t *testing.T, name string, tab *Table, codeCol int, amountCols []int) {
	t.Helper()
	type acc struct {
		row  Row
		kids []Row
	}
	var total *Row
	parents := map[string]*acc{}
	var order []string
	for i, r := range tab.Rows {
		if codeCol >= len(r.Cells) {
			continue
		}
		code := r.Cells[codeCol].Text
		if r.Cells[codeCol].Kind != KindCode && r.Cells[codeCol].Text == "合计" || codeCol > 0 && r.Cells[codeCol-0].Text == "合计" {
			total = &tab.Rows[i]
			continue
		}
		if r.Cells[codeCol].Kind != KindCode || code == "" {
			continue
		}
		parents[code] = &acc{row: r}
		order = append(order, code)
		if len(code) > 3 {
			p := parents[code[:len(code)-2]]
			if p == nil {
				t.Errorf("%s %s: %s is not directly under its parent", name, tab.SheetName, code)
				continue
			}
			p.kids = append(p.kids, r)
		}
	}
	if total == nil {
		t.Fatalf("%s %s: no 合计 row", name, tab.SheetName)
	}
	if !sort.StringsAreSorted(order) {
		t.Errorf("%s %s: codes not in order: %v", name, tab.SheetName, order)
	}
	for _, col := range amountCols {
		top := decimal.Zero
		for _, code := range order {
			a := parents[code]
			if len(code) == 3 {
				top = top.Add(amountAt(a.row, col))
			}
			if len(code) == 7 {
				continue
			}
			s := decimal.Zero
			for _, k := range a.kids {
				s = s.Add(amountAt(k, col))
			}
			if !s.Equal(amountAt(a.row, col)) && !hasNote(tab, NoteRounding) {
				t.Errorf("%s %s: %s column %d = %s, its children sum to %s", name, tab.SheetName, code, col, amountAt(a.row, col), s)
			}
			if d := s.Sub(amountAt(a.row, col)).Abs(); d.GreaterThan(decimal.NewFromFloat(0.01).Mul(decimal.NewFromInt(int64(len(a.kids))))) {
				t.Errorf("%s %s: %s column %d off by %s, more than rounding", name, tab.SheetName, code, col, d)
			}
		}
		if !top.Equal(amountAt(*total, col)) && !hasNote(tab, NoteRounding) {
			t.Errorf("%s %s: 合计 column %d = %s, 类 sum to %s", name, tab.SheetName, col, amountAt(*total, col), top)
		}
	}
}

func hasNote(tab *Table, note string) bool {
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
		checkTree(t, s.name, p.Tables[1], 0, []int{2, 3, 4, 5, 6, 7, 8})
		for _, n := range []int{3, 5, 8} {
			checkTree(t, s.name, p.Tables[n-1], 0, []int{2, 3, 4})
		}
		checkTree(t, s.name, p.Tables[8], 3, []int{5, 6, 7})
		// Every row of tables 3, 5, 8: 合计 = 基本 + 项目.
		for _, n := range []int{3, 5, 8} {
			for _, r := range p.Tables[n-1].Rows {
				if !amountAt(r, 2).Equal(amountAt(r, 3).Add(amountAt(r, 4))) && !hasNote(p.Tables[n-1], NoteRounding) {
					t.Errorf("%s 表%d %v: 合计 ≠ 基本 + 项目", s.name, n, r.Cells[:2])
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
		t1, t4 := p.Tables[0], p.Tables[3]
		last1, last4 := t1.Rows[len(t1.Rows)-1], t4.Rows[len(t4.Rows)-1]
		if !amountAt(last1, 1).Equal(amountAt(last1, 3)) {
			t.Errorf("%s 表1: 收入总计 %s ≠ 支出总计 %s", s.name, amountAt(last1, 1), amountAt(last1, 3))
		}
		if !amountAt(last4, 1).Equal(amountAt(last4, 3)) {
			t.Errorf("%s 表4: 收入总计 %s ≠ 支出总计 %s", s.name, amountAt(last4, 1), amountAt(last4, 3))
		}
		all := exact(s.doc, func(input.Expenditure) bool { return true })
		fis := exact(s.doc, fiscal)
		if !amountAt(last1, 3).Equal(Round(all["all"])) {
			t.Errorf("%s 表1 支出总计 %s, lines sum to %s", s.name, amountAt(last1, 3), all["all"])
		}
		if !amountAt(last4, 3).Equal(Round(fis["all"])) {
			t.Errorf("%s 表4 支出总计 %s, fiscal lines sum to %s", s.name, amountAt(last4, 3), fis["all"])
		}
		// table 4 is table 1 restricted to 财政拨款, category by category.
		for i, code := range input.Categories {
			if !amountAt(t1.Rows[i], 3).Equal(Round(all[code])) {
				t.Errorf("%s 表1 %s: %s, lines %s", s.name, code, amountAt(t1.Rows[i], 3), all[code])
			}
			if !amountAt(t4.Rows[i], 3).Equal(Round(fis[code])) {
				t.Errorf("%s 表4 %s: %s, fiscal lines %s", s.name, code, amountAt(t4.Rows[i], 3), fis[code])
			}
			if !strings.HasSuffix(t1.Rows[i].Cells[2].Text, s.doc.Name(code)) || t1.Rows[i].Cells[2].Text != t4.Rows[i].Cells[2].Text {
				t.Errorf("%s category row %d: %q / %q", s.name, i, t1.Rows[i].Cells[2].Text, t4.Rows[i].Cells[2].Text)
			}
		}
		if len(t1.Rows) != 33 || t1.Rows[29].Cells[2].Text != "三十、抗疫特别国债安排的支出" {
			t.Errorf("%s 表1: %d rows, row 30 %q", s.name, len(t1.Rows), t1.Rows[29].Cells[2].Text)
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
		t5 := mustBuild(t, s.doc).Tables[4]
		t3 := mustBuild(t, &restricted).Tables[2]
		if !reflect.DeepEqual(t5.Rows, t3.Rows) {
			t.Errorf("%s: table 5 differs from table 3 restricted to general public, current year", s.name)
		}
	}
}

func TestTable6PersonnelPlusPublic(t *testing.T) {
	for _, s := range samples(t) {
		t6 := mustBuild(t, s.doc).Tables[5]
		want := decimal.Zero
		for _, l := range s.doc.BasicByEcon {
			want = want.Add(l.Amount.Value)
		}
		if !amountAt(t6.Rows[0], 2).Equal(Round(want)) {
			t.Errorf("%s 表6 合计 %s, lines %s", s.name, amountAt(t6.Rows[0], 2), want)
		}
		for _, r := range t6.Rows {
			if !amountAt(r, 2).Equal(amountAt(r, 3).Add(amountAt(r, 4))) && !hasNote(t6, NoteRounding) {
				t.Errorf("%s 表6 %v: 人员经费 + 公用经费 ≠ 合计", s.name, r.Cells[:2])
			}
		}
		sub := decimal.Zero
		for _, r := range t6.Rows[1:] {
			if r.Kind == RowSubtotal {
				sub = sub.Add(amountAt(r, 2))
			}
		}
		if !sub.Equal(amountAt(t6.Rows[0], 2)) && !hasNote(t6, NoteRounding) {
			t.Errorf("%s 表6: subtotals %s ≠ 合计 %s", s.name, sub, amountAt(t6.Rows[0], 2))
		}
	}
}

// Every table's 合计 row is the sum of its unit subtotals, each subtotal the
// sum of its projects (tables 12 and 13), and every row has one cell per column.
func TestProjectTablesAndShapes(t *testing.T) {
	for _, s := range samples(t) {
		p := mustBuild(t, s.doc)
		for _, tab := range p.Tables {
			for i, r := range tab.Rows {
				if len(r.Cells) != len(tab.Columns) {
					t.Errorf("%s %s row %d: %d cells for %d columns", s.name, tab.SheetName, i, len(r.Cells), len(tab.Columns))
				}
				for c, cell := range r.Cells {
					if cell.Kind == KindAmount && tab.Columns[c].Kind != KindAmount {
						t.Errorf("%s %s row %d col %d: amount in a %v column", s.name, tab.SheetName, i, c, tab.Columns[c].Kind)
					}
				}
			}
		}
		for _, tab := range []*Table{p.Tables[11], p.Tables[12]} {
			for col := 1; col < len(tab.Columns); col++ {
				units, projects := decimal.Zero, decimal.Zero
				for _, r := range tab.Rows[1:] {
					if r.Kind == RowSubtotal {
						units = units.Add(amountAt(r, col))
					} else {
						projects = projects.Add(amountAt(r, col))
					}
				}
				total := amountAt(tab.Rows[0], col)
				if (!units.Equal(total) || !projects.Equal(total)) && !hasNote(tab, NoteRounding) {
					t.Errorf("%s %s col %d: 合计 %s, units %s, projects %s", s.name, tab.SheetName, col, total, units, projects)
				}
			}
		}
	}
}

func TestEmptyTablesCarryTheNote(t *testing.T) {
	p := mustBuild(t, mustDecode(t, input.SampleName, input.Sample))
	for _, n := range []int{7, 8, 9, 13} {
		tab := p.Tables[n-1]
		if !hasNote(tab, NoteEmpty) {
			t.Errorf("表%d has no %s", n, NoteEmpty)
		}
		if len(tab.Rows) != 1 || tab.Rows[0].Kind != RowTotal {
			t.Errorf("表%d: want only its 合计 row, got %d rows", n, len(tab.Rows))
		}
	}
	for _, n := range []int{1, 2, 3, 4, 5, 6, 10, 11, 12} {
		if hasNote(p.Tables[n-1], NoteEmpty) || hasNote(p.Tables[n-1], NoteRounding) {
			t.Errorf("表%d has notes %v", n, p.Tables[n-1].Notes)
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
	t3 := p.Tables[2]
	// each 项 is 0.005万元 → prints 0.01; the 款 is 0.015 → prints 0.02, not 0.03.
	if got := amountAt(t3.Rows[0], 2).String(); got != "0.02" {
		t.Errorf("合计 %s, want 0.02 (0.015 rounded once)", got)
	}
	if got := amountAt(t3.Rows[3], 2).String(); got != "0.01" {
		t.Errorf("项 %s, want 0.01", got)
	}
	if !hasNote(t3, NoteRounding) {
		t.Errorf("no 尾差 note: %v", t3.Notes)
	}
	if hasNote(p.Tables[5], NoteRounding) {
		t.Errorf("table 6 has a 尾差 note without data")
	}
}

func TestChineseNumber(t *testing.T) {
	for n, want := range map[int]string{1: "一", 9: "九", 10: "十", 11: "十一", 20: "二十", 23: "二十三", 30: "三十"} {
		if got := ChineseNumber(n); got != want {
			t.Errorf("%d: %s, want %s", n, got, want)
		}
	}
}

func mustBuild(t testing.TB, doc *input.Document) *Publication {
	t.Helper()
	p, err := Build(doc)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

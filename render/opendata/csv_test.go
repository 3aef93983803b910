package opendata

import (
	"bytes"
	"fmt"
	"reflect"
	"strconv"
	"testing"
	"unicode/utf8"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/layouts/shanxi13"
	"github.com/budgetpub/budgetpub/render"
	"github.com/shopspring/decimal"
)

type csvRow = map[string]string

// where keeps the rows whose columns have the values given, in pairs.
func where(pairs ...string) func(csvRow) bool {
	return func(r csvRow) bool {
		for i := 0; i+1 < len(pairs); i += 2 {
			if r[pairs[i]] != pairs[i+1] {
				return false
			}
		}
		return true
	}
}

func and(a, b func(csvRow) bool) func(csvRow) bool {
	return func(r csvRow) bool { return a(r) && b(r) }
}

func fiscalRow(r csvRow) bool {
	s, ok := input.ParseSource(r["source"])
	return ok && s.Fiscal()
}

// sumCheck is a figure of a table and the rows of the CSV that make it up.
type sumCheck struct {
	table render.TableID
	row   render.RowKey
	col   render.ColKey
	keep  func(csvRow) bool
}

// sumChecks lists the table figures the CSV's rows must reproduce.
func sumChecks(doc *input.Document, pub *render.Publication) []sumCheck {
	var cs []sumCheck
	add := func(table render.TableID, row render.RowKey, col render.ColKey, keep func(csvRow) bool) {
		cs = append(cs, sumCheck{table, row, col, keep})
	}
	t3 := where("table", "T3")
	cur, carry := and(t3, where("year_kind", YearCurrent)), and(t3, where("year_kind", YearCarryover))
	basic, project := where("expenditure_kind", KindBasic), where("expenditure_kind", KindProject)
	// 表3 合计; 表5, 表8 and 表9's expenditure side by source and year.
	for _, fn := range []struct {
		table render.TableID
		keep  func(csvRow) bool
	}{
		{shanxi13.T3, t3},
		{shanxi13.T5, and(cur, where("source", input.GeneralPublic.Key()))},
		{shanxi13.T8, and(cur, where("source", input.GovernmentFund.Key()))},
		{shanxi13.T9, and(cur, where("source", input.StateCapital.Key()))},
	} {
		add(fn.table, render.TotalRow, render.ColTotal, fn.keep)
		add(fn.table, render.TotalRow, render.ColBasic, and(fn.keep, basic))
		add(fn.table, render.TotalRow, render.ColProject, and(fn.keep, project))
	}
	// 表1 and 表2: the year's money and carry-over, by source.
	add(shanxi13.T1, render.TotalRow, render.ColTotal, t3)
	add(shanxi13.T1, render.TotalRow, render.ColCurrent, cur)
	add(shanxi13.T1, render.TotalRow, render.ColCarryover, carry)
	add(shanxi13.T1, render.CarryoverRow, render.ColIncome, carry)
	add(shanxi13.T2, render.TotalRow, render.ColCurrent, cur)
	add(shanxi13.T2, render.TotalRow, render.ColCarryover, carry)
	for _, s := range input.AllSources {
		add(shanxi13.T1, render.SourceRow(s), render.ColIncome, and(cur, where("source", s.Key())))
		add(shanxi13.T2, render.TotalRow, render.SourceCol(s), and(cur, where("source", s.Key())))
	}
	// 表4: 财政拨款 by source, and its income side.
	add(shanxi13.T4, render.TotalRow, render.ColTotal, and(t3, fiscalRow))
	for _, s := range input.FiscalSources {
		add(shanxi13.T4, render.TotalRow, render.SourceCol(s), and(t3, where("source", s.Key())))
		add(shanxi13.T4, render.SourceRow(s), render.ColIncome, and(cur, where("source", s.Key())))
		add(shanxi13.T4, render.CarrySourceRow(s), render.ColIncome, and(carry, where("source", s.Key())))
	}
	// 表6 合计, 人员经费 and 公用经费.
	t6 := where("table", "T6")
	personnel := func(r csvRow) bool {
		return len(r["dept_economic_code"]) >= 3 && shanxi13.PersonnelClasses[r["dept_economic_code"][:3]]
	}
	add(shanxi13.T6, render.TotalRow, render.ColTotal, t6)
	add(shanxi13.T6, render.TotalRow, render.ColPersonnel, and(t6, personnel))
	add(shanxi13.T6, render.TotalRow, render.ColPublic, and(t6, func(r csvRow) bool { return !personnel(r) }))
	// 表7 and 表9's revenue.
	add(shanxi13.T7, render.TotalRow, render.ColRevenue, where("table", "T7"))
	add(shanxi13.T9, render.TotalRow, render.ColRevenue, where("table", "T9"))
	// 表10: 合计 by source and each item.
	t10 := where("table", "T10")
	add(shanxi13.T10, render.TotalRow, render.ColTotal, t10)
	for _, s := range input.FiscalSources {
		add(shanxi13.T10, render.TotalRow, render.SourceCol(s), and(t10, where("source", s.Key())))
	}
	for _, item := range []string{render.ItemOutboundTravel, render.ItemReception, render.ItemVehiclePurchase, render.ItemVehicleOperation} {
		add(shanxi13.T10, render.ItemRow(item), render.ColTotal, and(t10, where("item", item)))
	}
	add(shanxi13.T10, render.ItemRow(render.ItemVehicles), render.ColTotal, and(t10, func(r csvRow) bool {
		return r["item"] == render.ItemVehiclePurchase || r["item"] == render.ItemVehicleOperation
	}))
	// 表11: 部门合计 by source and each unit.
	t11 := where("table", "T11")
	add(shanxi13.T11, render.TotalRow, render.ColTotal, t11)
	for _, s := range input.FiscalSources {
		add(shanxi13.T11, render.TotalRow, render.SourceCol(s), and(t11, where("source", s.Key())))
	}
	for _, oc := range doc.OperCosts {
		add(shanxi13.T11, render.UnitRow(oc.Unit.Value), render.ColTotal, and(t11, where("unit", oc.Unit.Value)))
	}
	// 表12 and 表13: 合计 by source, each unit and each project.
	for _, id := range []render.TableID{shanxi13.T12, shanxi13.T13} {
		tp := where("table", string(id))
		add(id, render.TotalRow, render.ColTotal, tp)
		for _, s := range input.AllSources {
			if pub.Table(id).Col(render.SourceCol(s)) >= 0 {
				add(id, render.TotalRow, render.SourceCol(s), and(tp, where("source", s.Key())))
			}
		}
		for _, u := range doc.Units {
			if pub.Table(id).Row(render.UnitRow(u.Name.Value)) != nil {
				add(id, render.UnitRow(u.Name.Value), render.ColTotal, and(tp, where("unit", u.Name.Value)))
			}
		}
		for _, p := range doc.Projects {
			if p.Carryover == (id == shanxi13.T13) {
				add(id, render.ProjectRow(p.Unit.Value, p.Name.Value), render.ColTotal, and(tp, where("unit", p.Unit.Value, "item", p.Name.Value)))
			}
		}
	}
	return cs
}

// (c) The CSV's amounts, summed by table, source, year kind and
// basic/project, give the tables' figures exactly (and, rounded once, the
// printed ones).
func TestCSVSumsToTheTables(t *testing.T) {
	for _, f := range fixtures(t) {
		t.Run(f.name, func(t *testing.T) {
			data, err := CSV(f.doc, f.pub)
			if err != nil {
				t.Fatal(err)
			}
			_, rows := csvRows(t, data)
			nonZero := map[render.TableID]bool{}
			checks := sumChecks(f.doc, f.pub)
			for _, c := range checks {
				tab := f.pub.Table(c.table)
				cell, ok := tab.Cell(c.row, c.col)
				if !ok {
					t.Errorf("%s has no cell %v × %s", c.table, c.row, c.col)
					continue
				}
				sum := decimal.Zero
				for _, r := range rows {
					if c.keep(r) {
						a, err := decimal.NewFromString(r["amount_wan_yuan"])
						if err != nil {
							t.Fatal(err)
						}
						sum = sum.Add(a)
					}
				}
				if !sum.Equal(cell.Exact) {
					t.Errorf("%s %v × %s: the CSV sums to %s, the table's exact figure is %s", c.table, c.row, c.col, sum, cell.Exact)
				}
				if !render.Round(sum).Equal(cell.Amount) {
					t.Errorf("%s %v × %s: the CSV rounds to %s, the table prints %s", c.table, c.row, c.col, render.Round(sum), cell.Amount)
				}
				nonZero[c.table] = nonZero[c.table] || !sum.IsZero()
			}
			if f.name != "synth-3-all-sources.yaml" {
				return
			}
			for _, id := range []render.TableID{shanxi13.T1, shanxi13.T2, shanxi13.T3, shanxi13.T4, shanxi13.T5, shanxi13.T6, shanxi13.T7,
				shanxi13.T8, shanxi13.T9, shanxi13.T10, shanxi13.T11, shanxi13.T12, shanxi13.T13} {
				if !nonZero[id] {
					t.Errorf("every checked figure of %s is zero: the generated department does not exercise it", id)
				}
			}
		})
	}
}

// The CSV's rows are exactly the input's lines: one per non-zero amount,
// expenditures split into basic and project, in a fixed order; each amount
// in 元 is the amount in 万元 × 10 000, exactly.
func TestCSVRowsAreTheInputLines(t *testing.T) {
	for _, f := range fixtures(t) {
		t.Run(f.name, func(t *testing.T) {
			data, err := CSV(f.doc, f.pub)
			if err != nil {
				t.Fatal(err)
			}
			if !utf8.Valid(data) {
				t.Fatal("the CSV is not UTF-8")
			}
			if n, crlf := bytes.Count(data, []byte("\n")), bytes.Count(data, []byte("\r\n")); n != crlf {
				t.Errorf("%d line ends, %d of them CRLF", n, crlf)
			}
			header, rows := csvRows(t, data)
			if !reflect.DeepEqual(header, Header()) {
				t.Errorf("header %v, want %v", header, Header())
			}
			want := expectedRows(f.doc)
			if len(rows) != len(want) {
				t.Fatalf("%d rows, want %d", len(rows), len(want))
			}
			for i, r := range rows {
				if got := fmt.Sprint(r["table"], "|", r["function_code"], "|", r["dept_economic_code"], "|", r["gov_economic_code"], "|",
					r["source"], "|", r["year_kind"], "|", r["expenditure_kind"], "|", r["unit"], "|", r["item"]); got != want[i].what {
					t.Errorf("row %d: %s, want %s", i+1, got, want[i].what)
				}
				wan, err1 := decimal.NewFromString(r["amount_wan_yuan"])
				yuan, err2 := decimal.NewFromString(r["amount_yuan"])
				if err1 != nil || err2 != nil || !wan.Equal(want[i].amount) || !yuan.Equal(wan.Shift(4)) || wan.IsZero() {
					t.Errorf("row %d: %s 元, %s 万元; want %s 万元", i+1, r["amount_yuan"], r["amount_wan_yuan"], want[i].amount)
				}
				if r["year"] != strconv.Itoa(f.doc.Year) || r["department"] != f.pub.Department || r["department_code"] != f.doc.Department.Code.Value {
					t.Errorf("row %d: year %s, department %s (%s)", i+1, r["year"], r["department"], r["department_code"])
				}
			}
		})
	}
}

type wantRow struct {
	what   string
	amount decimal.Decimal
}

// expectedRows lists the input's non-zero amounts, block by block, as the
// CSV should have them.
func expectedRows(doc *input.Document) []wantRow {
	var out []wantRow
	add := func(a decimal.Decimal, parts ...string) {
		if !a.IsZero() {
			out = append(out, wantRow{fmt.Sprint(parts[0], "|", parts[1], "|", parts[2], "|", parts[3], "|", parts[4], "|", parts[5], "|", parts[6], "|", parts[7], "|", parts[8]), a})
		}
	}
	kind := func(carry bool) string {
		if carry {
			return YearCarryover
		}
		return YearCurrent
	}
	for _, e := range doc.Expenditures {
		add(e.Basic.Value, "T3", e.Code.Value, "", "", e.Src.Key(), kind(e.Carryover), KindBasic, "", "")
		add(e.Project.Value, "T3", e.Code.Value, "", "", e.Src.Key(), kind(e.Carryover), KindProject, "", "")
	}
	for _, l := range doc.BasicByEcon {
		add(l.Amount.Value, "T6", "", l.Dept.Value, l.Gov.Value, input.GeneralPublic.Key(), YearCurrent, KindBasic, l.Unit.Value, "")
	}
	for _, l := range doc.GovFundRev {
		add(l.Amount.Value, "T7", "", "", "", input.GovernmentFund.Key(), YearCurrent, "", "", l.Code.Value)
	}
	for _, l := range doc.StateCapRev {
		add(l.Amount.Value, "T9", "", "", "", input.StateCapital.Key(), YearCurrent, "", "", l.Code.Value)
	}
	tp := doc.ThreePublic
	for _, it := range []struct {
		key string
		b   input.BySource
	}{{render.ItemOutboundTravel, tp.OutboundTravel}, {render.ItemReception, tp.Reception}, {render.ItemVehiclePurchase, tp.VehiclePurchase}, {render.ItemVehicleOperation, tp.VehicleOperation}} {
		for _, s := range input.AllSources {
			add(it.b.Get(s), "T10", "", "", "", s.Key(), "", "", "", it.key)
		}
	}
	for _, oc := range doc.OperCosts {
		for _, s := range input.AllSources {
			add(oc.Amount.Get(s), "T11", "", "", "", s.Key(), "", "", oc.Unit.Value, "")
		}
	}
	for _, p := range doc.Projects {
		table := "T12"
		if p.Carryover {
			table = "T13"
		}
		for _, s := range input.AllSources {
			add(p.Amounts.Get(s), table, "", "", "", s.Key(), kind(p.Carryover), KindProject, p.Unit.Value, p.Name.Value)
		}
	}
	return out
}

// A publication that is not the document's is refused rather than written
// beside rows that do not add up to it.
func TestCSVRefusesAnotherPublication(t *testing.T) {
	fs := fixtures(t)
	if _, err := CSV(fs[0].doc, fs[1].pub); err == nil {
		t.Error("the sample's rows with the generated department's tables: no error")
	}
	if _, err := CSV(nil, fs[0].pub); err == nil {
		t.Error("no document: no error")
	}
}

func TestDecimalText(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"25", "25.00"}, {"25.00", "25.00"}, {"0", "0.00"}, {"0.0025", "0.0025"}, {"1249.4512", "1249.4512"},
		{"1249.450000", "1249.45"}, {"12345678901234.5", "12345678901234.50"},
	} {
		if got := Exact(decimal.RequireFromString(c.in)); got != c.want {
			t.Errorf("Exact(%s) = %s, want %s", c.in, got, c.want)
		}
	}
	if got := Exact(decimal.New(5, 3)); got != "5000.00" {
		t.Errorf("Exact(5e3) = %s", got)
	}
}

package final9

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/budgetpub/budgetpub/internal/printed"

	"github.com/budgetpub/budgetpub/input"
	_ "github.com/budgetpub/budgetpub/layouts/shanghai9" // the other layouts a workbook's titles are told from
	_ "github.com/budgetpub/budgetpub/layouts/shanxi13"
	"github.com/budgetpub/budgetpub/render"
	"github.com/budgetpub/budgetpub/render/importer"
	"github.com/budgetpub/budgetpub/render/xlsx"
	"github.com/xuri/excelize/v2"
)

// withFunds is the fixture with money of every kind the tables print: the
// two funds' spending, income and balances by 项 (tables 8 and 9 not
// empty), the money not of 财政拨款 with 上缴上级、经营 and 对附属单位补助,
// every kind of income, 结余 used and distributed.
func withFunds(t *testing.T) string {
	return fixture(t,
		"expenditures:\n", `code_names:
  - {code: "21208", name: 国有土地使用权出让收入安排的支出}
  - {code: "2120801", name: 征地和拆迁补偿支出}
  - {code: "2120899", name: 其他国有土地使用权出让收入安排的支出}
  - {code: "22301", name: 解决历史遗留问题及改革成本支出}
  - {code: "2230199", name: 其他解决历史遗留问题及改革成本支出}

expenditures:
`,
		`  - {code: "2010350", source: unit_funds, basic: 12.00, operation: 3.50}`,
		`  - {code: "2010350", source: unit_funds, basic: 12.00, operation: 3.50}
  - {code: "2010301", source: unit_funds, project: 6.00, remit: 1.25, affiliate_subsidy: 2.00}
  - {code: "2120801", source: government_fund, project: 50.00}
  - {code: "2120899", source: government_fund, basic: 1.10, project: 8.90}
  - {code: "2230199", source: state_capital, project: 7.77}`,
		`    - {code: "2010350", kind: other, amount: 1.50}`,
		`    - {code: "2010350", kind: other, amount: 1.50}
    - {code: "2010301", kind: superior, amount: 5.75}
    - {code: "2010301", kind: operating, amount: 3.00}
    - {code: "2010301", kind: affiliated, amount: 2.25}
    - {code: "2120801", kind: government_fund, amount: 60.00}
    - {code: "2120899", kind: government_fund, amount: 10.00}
    - {code: "2230199", kind: state_capital, amount: 7.77}`,
		`    - {code: "2010399", opening: 10.00, closing: 35.00}`,
		`    - {code: "2010399", opening: 10.00, closing: 35.00}
    - {code: "2120801", source: government_fund, opening: 5.00, closing: 15.00}
    - {code: "2230199", source: state_capital, opening: 1.00, closing: 1.00}`,
		`non_fiscal: {opening: 2.00, closing: 2.00, use_of_surplus: 0, distribution: 0}`,
		`non_fiscal: {opening: 2.00, closing: 3.25, use_of_surplus: 1.50, distribution: 2.00}`)
}

// book is a publication and its workbook.
func book(t *testing.T, src string) (*render.Publication, []byte) {
	t.Helper()
	_, pub := build(t, src)
	var b bytes.Buffer
	if err := xlsx.Write(&b, pub); err != nil {
		t.Fatal(err)
	}
	return pub, b.Bytes()
}

// samePrinted compares two publications' tables as printed (printed.SamePrinted).
func samePrinted(t *testing.T, name string, want, got *render.Publication) int {
	t.Helper()
	return printed.SamePrinted(t, name, Profile.Tables, want, got)
}

// A 决算's workbook, rendered, imports — its layout told by the titles,
// its year and department as asked — into a master input that renders the
// same nine tables: every printed cell, note and title. What no table
// gives is left to fill in (需补填), never an error.
func TestImportRoundTrip(t *testing.T) {
	for name, src := range map[string]string{"fixture": fixture(t), "funds": withFunds(t)} {
		pub, data := book(t, src)
		res, err := importer.Import("book.xlsx", data, importer.Options{Year: 2024, Department: "上海市某区某某局"})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if res.Layout != ID || res.Doc.Year != 2024 || res.Doc.Department.Name.Value != "上海市某区某某局" {
			t.Errorf("%s: layout %s, year %d, department %q", name, res.Layout, res.Doc.Year, res.Doc.Department.Name.Value)
		}
		again, err := render.Build(res.Doc)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if n := samePrinted(t, name, pub, again); n < 500 {
			t.Errorf("%s: only %d cells compared", name, n)
		}
		// 一般公共预算's balances as a whole; the funds' by 项.
		var bal []string
		for _, b := range res.Doc.Final.Balances {
			bal = append(bal, fmt.Sprintf("%s %s %s/%s", b.Source.Value, b.Code.Value, b.Opening.Value.StringFixed(2), b.Closing.Value.StringFixed(2)))
		}
		want := "general_public  10.00/35.00"
		if name == "funds" {
			want += "|government_fund 2120801 5.00/15.00|state_capital 2230199 1.00/1.00"
		}
		if got := strings.Join(bal, "|"); got != want {
			t.Errorf("%s: balances %s, want %s", name, got, want)
		}
		if len(res.Doc.Final.Budgets) != 0 || res.Doc.Final.ThreePublicBudget.Reception.Value.StringFixed(2) != "3.00" {
			t.Errorf("%s: budgets %v, three_public_budget %v", name, res.Doc.Final.Budgets, res.Doc.Final.ThreePublicBudget)
		}
		todo := strings.Join(res.Todo, "\n")
		for _, id := range []string{"unknown-budget", "unknown-prior-final", "unknown-final"} {
			if !strings.Contains(todo, "["+id+"]") {
				t.Errorf("%s: no %s to fill in:\n%s", name, id, todo)
			}
		}
		if !bytes.Contains(res.Text, []byte("部门决算公开")) {
			t.Errorf("%s: the file's title does not name the 决算:\n%.300s", name, res.Text)
		}
	}
}

// The year and the department no table prints come from the workbook's
// file name when not asked for, said as assumptions; without a year
// anywhere the import is refused, asking for --year.
func TestImportYearAndName(t *testing.T) {
	_, data := book(t, fixture(t))
	res, err := importer.Import("dir/上海市某区某某局2024年度部门决算.xlsx", data, importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Doc.Year != 2024 || res.Doc.Department.Name.Value != "上海市某区某某局" {
		t.Errorf("year %d, department %q", res.Doc.Year, res.Doc.Department.Name.Value)
	}
	var said []string
	for _, a := range res.Assumptions {
		said = append(said, a.String())
	}
	for _, w := range []string{"年度 2024 取自工作簿的文件名", "部门名称“上海市某区某某局”取自工作簿的文件名"} {
		if !strings.Contains(strings.Join(said, "\n"), w) {
			t.Errorf("no assumption %q in %v", w, said)
		}
	}
	_, err = importer.Import("book.xlsx", data, importer.Options{})
	if err == nil || !strings.Contains(err.Error(), "请用 --year 指定年度") {
		t.Errorf("no year: %v", err)
	}
	// No name in the file name: left for the clerk.
	res, err = importer.Import("2024.xlsx", data, importer.Options{})
	if err != nil || res.Doc.Department.Name.Value != "（在此填写部门名称）" {
		t.Errorf("no name: %v %v", err, res)
	}
}

// A figure changed by 1.00 in any of the nine tables is said at its cell,
// first, and nothing is imported: a figure the other tables outvote (the
// relations it is in fail, and only those), or a total its leaves say.
func TestImportCellChanged(t *testing.T) {
	_, data := book(t, withFunds(t))
	for _, c := range []struct{ sheet, cell string }{
		{"表1", "B9"}, {"表1", "D12"}, {"表2", "F9"}, {"表3", "D8"}, {"表3", "G9"}, {"表4", "E23"}, {"表4", "B31"},
		{"表5", "D8"}, {"表6", "C4"}, {"表6", "F42"}, {"表7", "F7"}, {"表8", "C5"}, {"表8", "G8"}, {"表9", "D5"},
	} {
		f, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		v, err := f.GetCellValue(c.sheet, c.cell, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		d, err := decimalOf(v)
		if err != nil {
			t.Fatalf("%s!%s: %q", c.sheet, c.cell, v)
		}
		if err := f.SetCellValue(c.sheet, c.cell, d+1); err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := f.Write(&b); err != nil {
			t.Fatal(err)
		}
		_, err = importer.Import("book.xlsx", b.Bytes(), importer.Options{Year: 2024})
		var es input.Errors
		if !errors.As(err, &es) || len(es) == 0 || es[0].Cell != c.sheet+"!"+c.cell {
			t.Errorf("%s!%s changed: %v", c.sheet, c.cell, err)
		}
	}
}

// decimalOf is a cell's raw number ("" is 0).
func decimalOf(s string) (float64, error) {
	if s == "" {
		return 0, nil
	}
	var f float64
	_, err := fmt.Sscan(s, &f)
	return f, err
}

// A workbook as other budget systems print the tables imports the same:
// every cell without money blank, the 类 债务还本支出 and 债务付息支出
// printed without money, 使用非财政拨款结余（含专用结余）, the sheets
// renamed and in another order.
func TestImportVariant(t *testing.T) {
	pub, data := book(t, withFunds(t))
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	blanked := 0
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for c, v := range row {
				if v == "0" {
					ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
					if err := f.SetCellValue(sheet, ref, ""); err != nil {
						t.Fatal(err)
					}
					blanked++
				}
			}
		}
	}
	if blanked < 100 {
		t.Fatalf("only %d cells blanked", blanked)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.InsertRows("表1", 29, 2))
	must(f.SetCellValue("表1", "C29", "二十五、债务还本支出"))
	must(f.SetCellValue("表1", "C30", "二十六、债务付息支出"))
	must(f.SetCellValue("表1", "A32", "使用非财政拨款结余（含专用结余）"))
	must(f.SetSheetName("表1", "收支总表"))
	must(f.MoveSheet("表5", "收支总表"))
	var b bytes.Buffer
	must(f.Write(&b))
	res, err := importer.Import("book.xlsx", b.Bytes(), importer.Options{Year: 2024, Department: "上海市某区某某局"})
	if err != nil {
		t.Fatal(err)
	}
	again, err := render.Build(res.Doc)
	if err != nil {
		t.Fatal(err)
	}
	samePrinted(t, "variant", pub, again)
}

// Table 7 without its data row (a department of no “三公”, as some print
// it): none spent, said; the 预算 left to fill in.
func TestImportNoThreePublicRow(t *testing.T) {
	_, data := book(t, fixture(t, "three_public:\n  outbound_travel: 0\n  reception: 2.05\n  vehicle_purchase: 0\n  vehicle_operation: 28.50",
		"three_public:\n  outbound_travel: 0\n  reception: 0\n  vehicle_purchase: 0\n  vehicle_operation: 0",
		"  - {dept: \"30217\", gov: \"50206\", amount: 2.05}\n", "",
		"  - {dept: \"30231\", gov: \"50201\", amount: 28.50}\n", "",
		"  - {dept: \"30201\", gov: \"50201\", amount: 150.00}", "  - {dept: \"30201\", gov: \"50201\", amount: 180.55}"))
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if err := f.RemoveRow("表7", 7); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	res, err := importer.Import("book.xlsx", b.Bytes(), importer.Options{Year: 2024})
	if err != nil {
		t.Fatal(err)
	}
	tp := res.Doc.ThreePublic
	if !tp.Reception.Fiscal().IsZero() || res.Doc.Final.ThreePublicBudget.Reception.Set {
		t.Errorf("three_public %v, budget %v", tp, res.Doc.Final.ThreePublicBudget)
	}
	said := false
	for _, a := range res.Assumptions {
		said = said || strings.Contains(a.Text, "表7没有数据行")
	}
	if !said || !strings.Contains(strings.Join(res.Todo, "\n"), "final.three_public_budget") {
		t.Errorf("assumptions %v, to do %v", res.Assumptions, res.Todo)
	}
}

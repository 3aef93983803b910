package importer

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/budgetpub/budgetpub/internal/printed"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/input/synth"
	"github.com/budgetpub/budgetpub/layouts/shanxi13"
	"github.com/budgetpub/budgetpub/render"
	"github.com/budgetpub/budgetpub/render/xlsx"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// rendered is a department's publication and its workbook.
type rendered struct {
	name string
	pub  *render.Publication
	book []byte
}

func render1(t testing.TB, name string, data []byte) rendered {
	t.Helper()
	doc, err := input.Decode(name, data, nil)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	pub, err := render.Build(doc)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := xlsx.Write(&b, pub); err != nil {
		t.Fatal(err)
	}
	return rendered{name, pub, b.Bytes()}
}

var (
	departmentsOnce sync.Once
	departed        []rendered
)

// departments are the sample and generated departments that use every
// source and carry-over (tables 7, 8, 9 and 13 carry data), and one plain;
// made once, for the tests only read them.
func departments(t testing.TB) []rendered {
	departmentsOnce.Do(func() {
		out := []rendered{render1(t, input.SampleName, input.Sample)}
		for _, seed := range []int64{1, 2, 3} {
			out = append(out, render1(t, fmt.Sprintf("rich-%d.yaml", seed), synth.Generate(synth.Options{Seed: seed, AllSources: true})))
		}
		departed = append(out, render1(t, "plain-7.yaml", synth.Generate(synth.Options{Seed: 7, Units: 3})))
	})
	if len(departed) == 0 {
		t.Fatal("the departments could not be rendered (see the first test that asked for them)")
	}
	return departed
}

// sameTables compares two publications' tables as printed (printed.SamePrinted).
func sameTables(t *testing.T, name string, want, got *render.Publication) int {
	t.Helper()
	return printed.SamePrinted(t, name, shanxi13.Profile.Tables, want, got)
}

func mustImport(t *testing.T, name string, book []byte) *Result {
	t.Helper()
	r, err := Import(name, book, Options{})
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return r
}

// render → import → render gives the same 13 tables, cell for cell, and
// the imported file has no check error.
func TestRoundTrip(t *testing.T) {
	total := 0
	for _, d := range departments(t) {
		r := mustImport(t, d.name+".xlsx", d.book)
		pub, err := render.Build(r.Doc)
		if err != nil {
			t.Fatal(err)
		}
		total += sameTables(t, d.name, d.pub, pub)
		for _, f := range render.Check(r.Doc, pub) {
			if f.Severity == render.SeverityError {
				t.Errorf("%s: imported file has %v", d.name, f)
			}
		}
		if r.Doc.Department.Name.Value != d.pub.Department || r.Doc.Year != d.pub.Year {
			t.Errorf("%s: department %q year %d", d.name, r.Doc.Department.Name.Value, r.Doc.Year)
		}
	}
	t.Logf("%d cells compared", total)
}

// openBook opens a workbook to change it.
func openBook(t *testing.T, book []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(book))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func saveBook(t *testing.T, f *excelize.File) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// eachCell calls fn on every cell of every table sheet.
func eachCell(t *testing.T, f *excelize.File, fn func(sheet, ref, v string, typ excelize.CellType)) {
	for _, s := range f.GetSheetList() {
		rows, err := f.GetRows(s, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for c, v := range row {
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				typ, _ := f.GetCellType(s, ref)
				fn(s, ref, v, typ)
			}
		}
	}
}

// Workbooks laid out otherwise import to the same figures.
func TestVariants(t *testing.T) {
	ds := departments(t)
	sample, rich := ds[0], ds[1]
	variants := []struct {
		name   string
		change func(f *excelize.File)
	}{
		{"sheets renamed and reordered", func(f *excelize.File) {
			for i, s := range f.GetSheetList() {
				if err := f.SetSheetName(s, fmt.Sprintf("Sheet%d", 20-i)); err != nil {
					t.Fatal(err)
				}
			}
			list := f.GetSheetList()
			for i := len(list) - 1; i > 0; i-- {
				if err := f.MoveSheet(list[i], list[0]); err != nil {
					t.Fatal(err)
				}
				list = f.GetSheetList()
			}
		}},
		{"amounts as text with separators", func(f *excelize.File) {
			eachCell(t, f, func(s, ref, v string, typ excelize.CellType) {
				if typ == excelize.CellTypeNumber || typ == excelize.CellTypeUnset && isAmount(v) {
					d, err := decimal.NewFromString(v)
					if err == nil && s != "图表" {
						_ = f.SetCellStr(s, ref, " "+thousands(d)+" ")
					}
				}
			})
		}},
		{"amounts in 元", func(f *excelize.File) {
			eachCell(t, f, func(s, ref, v string, typ excelize.CellType) {
				switch {
				case v == "单位：万元":
					_ = f.SetCellStr(s, ref, "单位：元")
				case (typ == excelize.CellTypeNumber || typ == excelize.CellTypeUnset && isAmount(v)) && s != "图表":
					d, _ := decimal.NewFromString(v)
					_ = f.SetCellDefault(s, ref, d.Shift(4).String())
				}
			})
		}},
		{"code and name in one cell", func(f *excelize.File) {
			for _, s := range []string{"表2", "表3", "表5", "表8"} {
				rows, _ := f.GetRows(s)
				for r, row := range rows {
					if len(row) > 1 && len(row[0]) >= 3 && isAmount(row[0]) {
						a, _ := excelize.CoordinatesToCellName(1, r+1)
						b, _ := excelize.CoordinatesToCellName(2, r+1)
						_ = f.SetCellStr(s, a, row[0]+" "+row[1])
						_ = f.SetCellStr(s, b, "")
					}
				}
			}
		}},
		{"extra title and blank rows", func(f *excelize.File) {
			for _, s := range f.GetSheetList() {
				if err := f.InsertRows(s, 1, 3); err != nil {
					t.Fatal(err)
				}
				_ = f.SetCellStr(s, "B2", "附件2")
			}
		}},
		{"codes as numbers", func(f *excelize.File) {
			eachCell(t, f, func(s, ref, v string, typ excelize.CellType) {
				if strings.HasPrefix(ref, "A") && len(v) == 7 && isAmount(v) && !strings.Contains(v, ".") {
					_ = f.SetCellDefault(s, ref, v)
				}
			})
		}},
	}
	for _, d := range []rendered{sample, rich} {
		for _, v := range variants {
			t.Run(d.name+"/"+v.name, func(t *testing.T) {
				f := openBook(t, d.book)
				v.change(f)
				r := mustImport(t, d.name+".xlsx", saveBook(t, f))
				pub, err := render.Build(r.Doc)
				if err != nil {
					t.Fatal(err)
				}
				sameTables(t, d.name, d.pub, pub)
			})
		}
	}
}

func isAmount(s string) bool {
	_, err := decimal.NewFromString(s)
	return err == nil && s != ""
}

// thousands writes 1249.45 as 1,249.45.
func thousands(d decimal.Decimal) string {
	s := d.StringFixed(2)
	i, f, _ := strings.Cut(s, ".")
	var b strings.Builder
	for k, r := range i {
		if k > 0 && (len(i)-k)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String() + "." + f
}

// A workbook re-saved by LibreOffice imports to the same figures.
func TestLibreOfficeResave(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: re-saves a workbook with LibreOffice")
	}
	t.Parallel()
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		if os.Getenv("BUDGETPUB_REQUIRE_TOOLS") == "1" {
			t.Fatal("soffice is not installed (BUDGETPUB_REQUIRE_TOOLS=1)")
		}
		t.Skip("soffice is not installed")
	}
	d := departments(t)[1]
	dir := t.TempDir()
	in := filepath.Join(dir, "book.xlsx")
	if err := os.WriteFile(in, d.book, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out, in)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, b)
	}
	resaved, err := os.ReadFile(filepath.Join(out, "book.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(resaved, d.book) {
		t.Fatal("LibreOffice did not rewrite the workbook")
	}
	r := mustImport(t, "resaved.xlsx", resaved)
	pub, err := render.Build(r.Doc)
	if err != nil {
		t.Fatal(err)
	}
	sameTables(t, "resaved", d.pub, pub)
}

// Each refusal names what is wrong: a cell that disagrees with the others
// (sheet!cell), a missing table, a workbook that is not a budget, a
// damaged file.
func TestRefusals(t *testing.T) {
	d := departments(t)[0]
	cellOf := func(f *excelize.File, sheet, code string, col int) string {
		rows, _ := f.GetRows(sheet)
		for r, row := range rows {
			if len(row) > 0 && row[0] == code {
				ref, _ := excelize.CoordinatesToCellName(col, r+1)
				return ref
			}
		}
		t.Fatalf("%s has no row %s", sheet, code)
		return ""
	}
	cases := []struct {
		name   string
		change func(f *excelize.File) []byte
		want   []string
	}{
		{"a leaf of table 3 disagrees with table 2 and 5", func(f *excelize.File) []byte {
			ref := cellOf(f, "表3", "2010301", 4) // 基本支出
			_ = f.SetCellDefault("表3", ref, "1300.00")
			return saveBook(t, f)
		}, []string{"表3!D"}},
		{"a total that is not its rows", func(f *excelize.File) []byte {
			ref := cellOf(f, "表5", "201", 3)
			_ = f.SetCellDefault("表5", ref, "4000.00")
			return saveBook(t, f)
		}, []string{"表5!C", "4000.00", "4256.93"}},
		{"table 12 against table 3", func(f *excelize.File) []byte {
			rows, _ := f.GetRows("表12")
			for r, row := range rows {
				if len(row) > 1 && strings.HasPrefix(row[0], "J电子政务办公及维护费") {
					ref, _ := excelize.CoordinatesToCellName(2, r+1)
					_ = f.SetCellDefault("表12", ref, "26.00")
					ref3, _ := excelize.CoordinatesToCellName(3, r+1)
					_ = f.SetCellDefault("表12", ref3, "26.00")
				}
			}
			return saveBook(t, f)
		}, []string{"表12!"}},
		{"a missing table", func(f *excelize.File) []byte {
			_ = f.DeleteSheet("表9")
			return saveBook(t, f)
		}, []string{"找不到这些表", "表9（国有资本经营预算收支预算表（不含上年结转））"}},
		{"not a budget", func(f *excelize.File) []byte {
			g := excelize.NewFile()
			_ = g.SetCellStr("Sheet1", "A1", "员工名单")
			_ = g.SetCellStr("Sheet1", "A2", "张三")
			return saveBook(t, g)
		}, []string{"这不是部门预算公开表"}},
		{"a damaged file", func(f *excelize.File) []byte {
			return saveBook(t, f)[:5000]
		}, []string{"无法读取工作簿"}},
		{"not a zip at all", func(f *excelize.File) []byte {
			return []byte("schema: 1\n")
		}, []string{"无法读取工作簿"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			book := c.change(openBook(t, d.book))
			r, err := Import("book.xlsx", book, Options{})
			if err == nil {
				t.Fatalf("imported: %d lines", len(r.Doc.Expenditures))
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
			if !strings.HasPrefix(err.Error(), "book.xlsx") {
				t.Errorf("error %q does not name the workbook", err)
			}
		})
	}
}

// Splits the tables leave open are decided by the stated rules and said,
// with their cells; the tables still come out the same.
func TestAssumptions(t *testing.T) {
	doc := `schema: 1
year: 2024
department: {name: 拆分部门}
units:
  - {name: 机关, kind: administrative}
expenditures:
  - {code: "2010301", basic: 10.00}
  - {code: "2010350", carryover: true, project: 3.00}
  - {code: "2010399", source: government_fund, carryover: true, project: 4.00}
  - {code: "2059999", source: special_account, basic: 2.00, project: 1.00}
  - {code: "2059999", source: unit_funds, basic: 1.00, project: 2.00}
projects:
  - {unit: 机关, name: 甲, amounts: {special_account: 1.00, unit_funds: 2.00}}
  - {unit: 机关, name: 结转甲, carryover: true, amounts: 3.00}
  - {unit: 机关, name: 结转乙, carryover: true, amounts: {government_fund: 4.00}}
`
	d := render1(t, "split.yaml", []byte(doc))
	r := mustImport(t, "split.xlsx", d.book)
	var said []string
	for _, a := range r.Assumptions {
		said = append(said, a.String())
	}
	all := strings.Join(said, "\n")
	for _, want := range []string{"科目 2059999：单位资金按先基本支出", "表2!H", "表3!D", "类 201 的上年结转按科目编码顺序依次计入各资金来源", "表4!"} {
		if !strings.Contains(all, want) {
			t.Errorf("assumptions lack %q:\n%s", want, all)
		}
	}
	if !strings.Contains(string(r.Text), "导入时的假设：科目 2059999") {
		t.Error("the written file does not say the assumption")
	}
	pub, err := render.Build(r.Doc)
	if err != nil {
		t.Fatal(err)
	}
	sameTables(t, "split", d.pub, pub)
}

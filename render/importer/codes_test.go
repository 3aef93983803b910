package importer

import (
	"strings"
	"testing"

	"github.com/budgetpub/budgetpub/render"
	"github.com/xuri/excelize/v2"
)

// A budget system prints codes in brackets before names: the department
// as [312]阳高县农业农村局 (its code and its name), a function code as
// [2130101]行政运行 (in the code column, the name column empty), or
// 【…】 ［…］; and, like a code column's 2010301 行政运行, 312 阳高县农业农村局.
// Each is read as code and name; the tables come out the same.
func TestCodesBeforeNames(t *testing.T) {
	d := sample(t)
	for _, c := range []struct {
		dept, open, close string
	}{
		{"[312]", "[", "]"},
		{"【312】", "【", "】"},
		{"［312］", "［", "］"},
		{"312 ", "", " "},
	} {
		t.Run(c.dept, func(t *testing.T) {
			book := editSheets(t, func(f *excelize.File) {
				for _, s := range f.GetSheetList() {
					rows, _ := f.GetRows(s)
					for r, row := range rows {
						for col, v := range row {
							ref, _ := excelize.CoordinatesToCellName(col+1, r+1)
							if name, ok := strings.CutPrefix(v, "部门名称："); ok {
								_ = f.SetCellStr(s, ref, "部门名称："+c.dept+name)
							}
						}
						// Codes and names of tables 2, 3, 5 and 6 in one cell.
						if len(row) < 2 || row[1] == "" {
							continue
						}
						a, _ := excelize.CoordinatesToCellName(1, r+1)
						b, _ := excelize.CoordinatesToCellName(2, r+1)
						switch {
						case (s == "表2" || s == "表3" || s == "表5") && isAmount(row[0]) && len(row[0]) >= 3:
							_ = f.SetCellStr(s, a, c.open+row[0]+c.close+row[1])
							_ = f.SetCellStr(s, b, "")
						}
					}
				}
			})
			r := mustImport(t, "book.xlsx", book)
			if r.Doc.Department.Code.Value != "312" || r.Doc.Department.Name.Value != d.pub.Department {
				t.Errorf("department code %q name %q, want 312 and %q", r.Doc.Department.Code.Value, r.Doc.Department.Name.Value, d.pub.Department)
			}
			pub, err := render.Build(r.Doc)
			if err != nil {
				t.Fatal(err)
			}
			sameTables(t, c.dept, d.pub, pub)
		})
	}
}

// Table 6's labels with their codes in brackets ([30101]基本工资) are
// read by the code.
func TestEconomicCodesInBrackets(t *testing.T) {
	d := sample(t)
	book := editSheets(t, func(f *excelize.File) {
		rows, _ := f.GetRows("表6")
		names := map[string]string{"基本工资": "30101", "工资福利支出": "301", "办公费": "30201"}
		for r, row := range rows {
			if len(row) > 0 && names[row[0]] != "" {
				a, _ := excelize.CoordinatesToCellName(1, r+1)
				_ = f.SetCellStr("表6", a, "["+names[row[0]]+"]"+row[0])
			}
		}
	})
	r := mustImport(t, "book.xlsx", book)
	pub, err := render.Build(r.Doc)
	if err != nil {
		t.Fatal(err)
	}
	sameTables(t, "表6", d.pub, pub)
}

package xlsx

import (
	"os"
	"strings"
	"testing"

	"github.com/budgetpub/budgetpub/render"
	"github.com/xuri/excelize/v2"
)

// datongTable3Body is table 3 (预算支出总表) of the reference publication,
// 大同市人民政府办公室 2024, as printed: code, name, 合计, 基本支出, 项目支出.
const datongTable3Body = `	合计	5103.42	2306.74	2796.68
201	一般公共服务支出	4256.93	1465.61	2791.32
20103	政府办公厅（室）及相关机构事务	4256.93	1465.61	2791.32
2010301	行政运行	1249.45	1249.45	
2010350	事业运行	216.16	216.16	
2010399	其他政府办公厅（室）及相关机构事务支出	2791.32		2791.32
207	文化旅游体育与传媒支出	64.45	59.09	5.36
20701	文化和旅游	64.45	59.09	5.36
2070110	文化和旅游交流与合作	64.45	59.09	5.36
208	社会保障和就业支出	448.57	448.57	
20805	行政事业单位养老支出	448.57	448.57	
2080501	行政单位离退休	240.79	240.79	
2080502	事业单位离退休	7.94	7.94	
2080505	机关事业单位基本养老保险缴费支出	199.84	199.84	
210	卫生健康支出	108.57	108.57	
21007	计划生育事务	0.96	0.96	
2100799	其他计划生育事务支出	0.96	0.96	
21011	行政事业单位医疗	107.61	107.61	
2101101	行政单位医疗	70.63	70.63	
2101102	事业单位医疗	16.80	16.80	
2101103	公务员医疗补助	20.18	20.18	
221	住房保障支出	224.90	224.90	
22102	住房改革支出	224.90	224.90	
2210201	住房公积金	205.87	205.87	
2210202	提租补贴	19.03	19.03	`

// datongTable3 is the reference's table 3 as a render.Table.
func datongTable3(t *testing.T) *render.Table {
	t.Helper()
	tbl := functionTable()
	tbl.Department = "大同市人民政府办公室[部门]"
	tbl.Notes = nil
	tbl.Rows = nil
	for _, line := range strings.Split(datongTable3Body, "\n") {
		f := strings.Split(line, "\t")
		if len(f) != 5 {
			t.Fatalf("bad line %q", line)
		}
		row := render.Row{Kind: render.RowItem, Level: 3}
		switch len(f[0]) {
		case 0:
			row.Kind, row.Level = render.RowTotal, 0
		case 3:
			row.Kind, row.Level = render.RowSubtotal, 1
		case 5:
			row.Kind, row.Level = render.RowSubtotal, 2
		}
		row.Cells = []render.Cell{render.CodeCell(f[0]), render.Str(f[1])}
		for _, a := range f[2:] {
			if a == "" {
				a = "0"
			}
			row.Cells = append(row.Cells, m(a))
		}
		tbl.Rows = append(tbl.Rows, row)
	}
	return tbl
}

// TestDatongTable3 writes the reference's table 3 and reads it back as a
// reader of the sheet would see it. Set BUDGETPUB_XLSX_EXAMPLE to a path to
// keep the workbook for a look in Excel or LibreOffice.
func TestDatongTable3(t *testing.T) {
	p := &render.Publication{Year: 2024, Department: "大同市人民政府办公室", Unit: "万元", Tables: []*render.Table{datongTable3(t)}}
	if out := os.Getenv("BUDGETPUB_XLSX_EXAMPLE"); out != "" {
		if err := os.WriteFile(out, written(t, p), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	f := reopen(t, p)
	// Raw values: excelize's own formatter ignores the empty zero section of
	// the number format, which Excel and LibreOffice honour (zeros show
	// blank; TestStyles checks the format).
	rows, err := f.GetRows("表3", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	// 3 lines above, 2 header rows, 25 body rows.
	if len(rows) != 30 {
		t.Fatalf("sheet has %d rows, want 30", len(rows))
	}
	want := map[int][]string{
		0:  {"预算公开表3"},
		1:  {"2024年预算支出总表"},
		2:  {"部门名称：大同市人民政府办公室[部门]", "", "", "", "单位：万元"},
		3:  {"项目", "", "2024年预算数"},
		4:  {"科目编码", "科目名称", "合计", "基本支出", "项目支出"},
		5:  {"", "合计", "5103.42", "2306.74", "2796.68"},
		8:  {"2010301", "行政运行", "1249.45", "1249.45", "0.00"},
		10: {"2010399", "其他政府办公厅（室）及相关机构事务支出", "2791.32", "0.00", "2791.32"},
		29: {"2210202", "提租补贴", "19.03", "19.03", "0.00"},
	}
	for i, cells := range want {
		got := rows[i]
		for len(got) < len(cells) {
			got = append(got, "")
		}
		for k := range cells {
			if !sameCell(got[k], cells[k]) {
				t.Errorf("row %d = %q, want %q", i+1, got, cells)
				break
			}
		}
	}
	for _, ref := range []string{"C6", "E11", "D30"} {
		if v := value(t, f, "表3", ref); v == "" || strings.ContainsAny(v, ",万") {
			t.Errorf("%s raw value %q, want a plain number", ref, v)
		}
	}
	wB, _ := f.GetColWidth("表3", "B")
	if need := textWidth("其他政府办公厅（室）及相关机构事务支出") + 2*indentWidth; wB < need {
		t.Errorf("width of B = %v, narrower than its longest name (%v)", wB, need)
	}
}

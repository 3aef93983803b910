package xlsx

// Tests of the presentation a layout declares on its profile and tables
// (render.Presentation, Profile.DeptLabel): Shanghai's tables print no label,
// 编制部门：, their own unit texts, amounts in whole 元 with separators,
// filler rows, a header printed once and three code columns. Each builds a
// table by hand from functionTable and changes what the feature declares.

import (
	"testing"

	"github.com/budgetpub/budgetpub/render"
	"github.com/xuri/excelize/v2"
)

// presented is a one-table publication of tb.
func presented(tb *render.Table) *render.Publication {
	return &render.Publication{Year: 2025, Department: tb.Department, Unit: tb.Unit, Tables: []*render.Table{tb}}
}

// TestLabelRow: a table without a label (its profile's LabelFormat is "")
// has no row for one: the title is row 1, the department line row 2 and the
// header from row 3, and the panes and the printed title rows end one row
// higher; a labelled table keeps its label in row 1.
func TestLabelRow(t *testing.T) {
	tests := []struct {
		label            string
		cells            map[string]string
		ySplit           int
		titles, titleRef string
	}{
		{"预算公开表3", map[string]string{"A1": "预算公开表3", "A2": "2024年预算支出总表", "A3": "部门名称：测试部门", "A4": "项目", "B6": "合计"}, 5, "'表3'!$1:$5", "A2:E2"},
		{"", map[string]string{"A1": "2024年预算支出总表", "A2": "部门名称：测试部门", "E2": "单位：万元", "A3": "项目", "A4": "科目编码", "B5": "合计", "B9": "其他政府办公厅（室）及相关机构事务支出", "A10": render.NoteRounding}, 4, "'表3'!$1:$4", "A1:E1"},
	}
	for _, tc := range tests {
		t.Run("label="+tc.label, func(t *testing.T) {
			tb := functionTable()
			tb.Label = tc.label
			f := reopen(t, presented(tb))
			for ref, want := range tc.cells {
				if got := value(t, f, "表3", ref); got != want {
					t.Errorf("%s = %q, want %q", ref, got, want)
				}
			}
			p, err := f.GetPanes("表3")
			if err != nil {
				t.Fatal(err)
			}
			if p.YSplit != tc.ySplit {
				t.Errorf("frozen rows = %d, want %d", p.YSplit, tc.ySplit)
			}
			var titles string
			for _, dn := range f.GetDefinedName() {
				if dn.Name == printTitles {
					titles = dn.RefersTo
				}
			}
			if titles != tc.titles {
				t.Errorf("print titles = %q, want %q", titles, tc.titles)
			}
			mcs, err := f.GetMergeCells("表3")
			if err != nil {
				t.Fatal(err)
			}
			merged := false
			for _, mc := range mcs {
				merged = merged || mc.GetStartAxis()+":"+mc.GetEndAxis() == tc.titleRef && mc.GetCellValue() == tb.Title
			}
			if !merged {
				t.Errorf("the title is not merged over %s", tc.titleRef)
			}
		})
	}
}

// TestDeptAndUnitLine: the line under the title prints the profile's
// DeptLabel before the department (部门名称： when it declares none) at the
// left and the table's UnitLabel before its unit (单位：) at the right, in
// the last column, which is wide enough for it; a one-column table puts
// both in its one cell.
func TestDeptAndUnitLine(t *testing.T) {
	tests := []struct {
		name                 string
		deptLabel, unitLabel string
		unit                 string
		oneColumn            bool
		left, right          string
	}{
		{"default", "", "", "万元", false, "部门名称：测试部门", "单位：万元"},
		{"shanghai", "编制部门：", "", "元", false, "编制部门：测试部门", "单位：元"},
		{"shanghai table 9", "编制部门：", "单位:", "万元", false, "编制部门：测试部门", "单位:万元"},
		{"单位预算", "编制单位：", "", "元", false, "编制单位：测试部门", "单位：元"},
		{"one column", "编制部门：", "单位:", "万元", true, "编制部门：测试部门    单位:万元", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tb := functionTable()
			tb.Label = ""
			tb.DeptLabel, tb.UnitLabel, tb.Unit = tc.deptLabel, tc.unitLabel, tc.unit
			if tc.oneColumn {
				tb.Columns, tb.HeaderRows, tb.Header, tb.Rows = tb.Columns[1:2], 0, nil, nil
			}
			f := reopen(t, presented(tb))
			last, err := excelize.CoordinatesToCellName(len(tb.Columns), 2)
			if err != nil {
				t.Fatal(err)
			}
			if got := value(t, f, "表3", "A2"); got != tc.left {
				t.Errorf("A2 = %q, want %q", got, tc.left)
			}
			if tc.oneColumn {
				return
			}
			if got := value(t, f, "表3", last); got != tc.right {
				t.Errorf("%s = %q, want %q", last, got, tc.right)
			}
			if st := styleAt(t, f, "表3", last); st.Alignment == nil || st.Alignment.Horizontal != "right" {
				t.Errorf("%s is not right-aligned", last)
			}
			w, err := f.GetColWidth("表3", "E")
			if err != nil {
				t.Fatal(err)
			}
			if w < textWidth(tc.right) {
				t.Errorf("column E is %.1f wide, narrower than %q", w, tc.right)
			}
		})
	}
}

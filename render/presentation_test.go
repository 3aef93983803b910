package render

import (
	"testing"

	"github.com/budgetpub/budgetpub/input"
)

// TestLabel: a table's label is its profile's LabelFormat with its number,
// and nothing when the profile's LabelFormat is "".
func TestLabel(t *testing.T) {
	for _, tc := range []struct{ format, want string }{
		{"预算公开表%d", "预算公开表5"},
		{"", ""},
	} {
		d := &TableDecl{Number: 5, labelFormat: tc.format}
		if got := d.Label(); got != tc.want {
			t.Errorf("LabelFormat %q: Label() = %q, want %q", tc.format, got, tc.want)
		}
	}
}

// TestDeptAndUnitLine: a built table takes its profile's DeptLabel; the
// line under its title prints it before the department (部门名称： when
// the profile declares none) and its UnitLabel before its unit (单位：).
func TestDeptAndUnitLine(t *testing.T) {
	tests := []struct {
		deptLabel, unitLabel, unit string
		dept, unitLine             string
	}{
		{"", "", "", "部门名称：某某局", "单位：万元"},
		{"编制部门：", "", "元", "编制部门：某某局", "单位：元"},
		{"编制部门：", "单位:", "万元", "编制部门：某某局", "单位:万元"},
	}
	for _, tc := range tests {
		doc := &input.Document{Year: 2025, Department: input.Department{Name: input.Text{Value: "某某局"}}}
		b := &Builder{Doc: doc, Pub: &Publication{Profile: &Profile{DeptLabel: tc.deptLabel}}}
		tb := b.start(&TableDecl{Number: 9, Title: "部门“三公”经费和机关运行经费预算表", Unit: tc.unit, Presentation: Presentation{UnitLabel: tc.unitLabel}})
		if got := tb.DeptLine(); got != tc.dept {
			t.Errorf("DeptLabel %q: DeptLine() = %q, want %q", tc.deptLabel, got, tc.dept)
		}
		if got := tb.UnitLine(); got != tc.unitLine {
			t.Errorf("UnitLabel %q, unit %q: UnitLine() = %q, want %q", tc.unitLabel, tc.unit, got, tc.unitLine)
		}
	}
}

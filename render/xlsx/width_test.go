package xlsx

import (
	"testing"

	"github.com/budgetpub/budgetpub/render"
)

func TestTextWidth(t *testing.T) {
	tests := []struct {
		s    string
		want float64
	}{
		{"", 0},
		{"2010301", 7},
		{"行政运行", 8},
		{"政府办公厅（室）", 16},
		{"XM大同市招待所", 2 + 12},
		{"①公务用车购置费", 16},
		{"短\n长一些的行", 10},
	}
	for _, tc := range tests {
		if got := textWidth(tc.s); got != tc.want {
			t.Errorf("textWidth(%q) = %v, want %v", tc.s, got, tc.want)
		}
	}
}

func TestWrapLines(t *testing.T) {
	tests := []struct {
		s     string
		avail float64
		want  int
	}{
		{"", 10, 1},
		{"行政运行", 8, 1},
		{"行政运行", 7, 2},
		{"行政运行", 4, 2},
		{"行政运行", 3, 4},
		{"一二三四五六七八九十", 8, 3},
		{"ab\ncd", 10, 2},
	}
	for _, tc := range tests {
		if got := wrapLines(tc.s, tc.avail); got != tc.want {
			t.Errorf("wrapLines(%q, %v) = %d, want %d", tc.s, tc.avail, got, tc.want)
		}
	}
}

func TestColumnWidths(t *testing.T) {
	got := columnWidths(functionTable())
	want := []float64{
		10,                                // 科目编码: 8 + 2 (the codes are 7)
		19*2 + 2*indentWidth + colPadding, // the longest name and its two indents
		10,                                // 1324.14: 7 × 1.1 + 2 = 9.7, rounded up
		10,                                // 基本支出: 8 + 2
		12,                                // 单位：万元 on the department line: 10 + 2
	}
	if len(got) != len(want) {
		t.Fatalf("widths = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("width of column %d = %v, want %v (all %v)", i, got[i], want[i], got)
		}
	}
}

func TestHeaderHeights(t *testing.T) {
	tbl := &render.Table{
		Columns:    []render.Column{{}, {}},
		HeaderRows: 2,
		Header: []render.HeaderCell{
			{Row: 0, Col: 0, RowSpan: 2, ColSpan: 1, Text: "一二三四五六七八九十一二三四五六七八九十"}, // 40 units in a 10-wide column: 5 lines
			{Row: 0, Col: 1, RowSpan: 1, ColSpan: 1, Text: "甲"},
			{Row: 1, Col: 1, RowSpan: 1, ColSpan: 1, Text: "乙"},
		},
	}
	h := headerHeights(tbl, []float64{10, 10})
	if total, want := h[0]+h[1], linesHeight(5); total < want {
		t.Errorf("header heights %v add up to %v, want at least %v", h, total, want)
	}
}

func TestIndentLevel(t *testing.T) {
	for level, want := range []int{0, 0, 1, 2, 3, 3} {
		if got := indentLevel(render.Row{Level: level}); got != want {
			t.Errorf("indentLevel(%d) = %d, want %d", level, got, want)
		}
	}
}

package review

import (
	"testing"
	"time"
)

// TestSummaryColumns: the columns are the titles they mean, each of the
// kind of its field (a column added before them moves them all).
func TestSummaryColumns(t *testing.T) {
	deps, finds := layout()
	for i, want := range map[int]string{colFile: "输入文件", colName: "部门名称", colYear: "年度", colStatus: "状态", colOutputs: "输出文件或问题",
		colCode: "部门编码", colFingerprint: "输入指纹", colRuns: "运行次数", colReviewState: "审核状态", colReviewNote: "审核意见"} {
		if got := deps.Columns[i].Title; got != want {
			t.Errorf("汇总 column %d is %s, want %s", i, got, want)
		}
	}
	var figures []string
	for _, c := range departmentColumns {
		if c.figure {
			figures = append(figures, c.title)
		}
	}
	if len(figures) != colGoalForms-colTotal+1 || figures[0] != "收支总计（万元）" || figures[len(figures)-1] != "公开绩效目标表" {
		t.Errorf("the figures are %v", figures)
	}
	if got := finds.Columns[findingFileColumn].Title; got != "输入文件" {
		t.Errorf("核对结果 column %d is %s", findingFileColumn, got)
	}
	// A row's cells read back are the row.
	d := Department{File: "a.yaml", Name: "甲", Year: Of(2025), Total: Of(decimalOf("1.5")), Projects: Of(0), Status: "可公开", Runs: Of(2), ReviewNote: "好"}
	if back := departmentOf(d.cells()); back != d {
		t.Errorf("%+v read back as %+v", d, back)
	}
}

// TestReviewHeading: the review's printed title says the year (or the
// --title given), that it is the review, and the date (--as-of).
func TestReviewHeading(t *testing.T) {
	rows := []Department{{File: "a.yaml", Name: "甲", Year: Of(2025)}, {File: "b.yaml", Name: "乙", Year: Of(2025)}, {File: "c.yaml", Name: "丙"}}
	day := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		h    Heading
		want string
	}{
		{Heading{AsOf: day}, "2025年部门预算公开　审核汇总　2026年3月1日"},
		{Heading{Title: "某市2025年部门预算公开", AsOf: day}, "某市2025年部门预算公开　审核汇总　2026年3月1日"},
		{Heading{}, "2025年部门预算公开　审核汇总"},
	} {
		if got := tc.h.text(rows); got != tc.want {
			t.Errorf("%+v: %q, want %q", tc.h, got, tc.want)
		}
	}
}

// TestSummaryLinks: a written department's 输出文件或问题 links to its PDF,
// relative to the review (the folder can move); a failed one has no link.
func TestSummaryLinks(t *testing.T) {
	rows := []Row{
		{File: "a.yaml", Department: "甲", Year: 2025, Figures: true, Done: true, Outputs: "a.xlsx、a.pdf"},
		{File: "b.yaml", Problem: "输入有 1 处错误", Errors: 1},
	}
	var deps []Department
	for _, e := range entriesOf(rows) {
		deps = append(deps, e.Row)
	}
	sheet := departmentsSheet(deps)
	if got := sheet.Links; len(got) != 1 || got[[2]int{0, colOutputs}] != "a.pdf" {
		t.Errorf("links %v", got)
	}
}

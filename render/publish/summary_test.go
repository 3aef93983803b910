package publish

import (
	"testing"
	"time"

	"github.com/budgetpub/budgetpub/render"
	"github.com/shopspring/decimal"
)

// TestSummaryChanges: 汇总 has the change on last year and its percentage
// for 收支总计, 一般公共预算, “三公”经费 and 机关运行经费, exact to the cent
// (the percentage rounded half away from zero once); a prior year not given,
// or of zero, leaves the cells blank, never 0.
func TestSummaryChanges(t *testing.T) {
	d := decimal.RequireFromString
	prior := func(s string) render.Prior { return render.Prior{Value: d(s), Set: true} }
	rows := []Row{
		{File: "a.yaml", Department: "甲", Year: 2025, Figures: true, Total: d("1100.10"), GeneralPublic: d("300"), ThreePublic: d("2"), OperatingCosts: d("10"),
			PriorTotal: prior("1000.05"), PriorGP: prior("300"), PriorThreePublic: prior("3"), PriorOperatingCosts: prior("0")},
		{File: "b.yaml", Department: "乙", Year: 2025, Figures: true, Total: d("5"), GeneralPublic: d("5")},
	}
	deps, _ := summaryLayout()
	col := map[string]int{}
	for i, c := range deps.Columns {
		col[c.Title] = i
	}
	got := summarySheets(rows)[0].Rows
	want := map[string]string{
		"收支总计比上年增减": "100.05", "收支总计增减率（%）": "10.00",
		"一般公共预算比上年增减": "0", "一般公共预算增减率（%）": "0",
		"“三公”比上年增减": "-1", "“三公”增减率（%）": "-33.33",
		"机关运行经费比上年增减": "10", "机关运行经费增减率（%）": "",
	}
	for title, w := range want {
		c, ok := col[title]
		if !ok {
			t.Errorf("no column %s", title)
			continue
		}
		v := got[0][c]
		if w == "" {
			if v != nil {
				t.Errorf("%s = %v, want blank (a prior year of 0)", title, v)
			}
		} else if x, ok := v.(decimal.Decimal); !ok || !x.Equal(d(w)) {
			t.Errorf("%s = %v, want %s", title, v, w)
		}
		if got[1][c] != nil {
			t.Errorf("%s = %v without a prior year, want blank", title, got[1][c])
		}
	}
}

// TestSummaryColumns: the columns season, merge and roster read by index
// are the titles they mean (a column added before them moves them all).
func TestSummaryColumns(t *testing.T) {
	deps, finds := summaryLayout()
	for i, want := range map[int]string{colFile: "输入文件", colName: "部门名称", colYear: "年度", colStatus: "状态",
		colCode: "部门编码", colFingerprint: "输入指纹", colRuns: "运行次数", colReviewState: "审核状态", colReviewNote: "审核意见"} {
		if got := deps.Columns[i].Title; got != want {
			t.Errorf("汇总 column %d is %s, want %s", i, got, want)
		}
	}
	if deps.Columns[firstFigureColumn].Title != "收支总计（万元）" || deps.Columns[lastFigureColumn].Title != "公开绩效目标表" {
		t.Errorf("the figures are columns %d–%d: %s … %s", firstFigureColumn, lastFigureColumn, deps.Columns[firstFigureColumn].Title, deps.Columns[lastFigureColumn].Title)
	}
	if got := finds.Columns[findingFileColumn].Title; got != "输入文件" {
		t.Errorf("核对结果 column %d is %s", findingFileColumn, got)
	}
}

// TestSummaryFailedBlank: a department whose figures were never computed
// (its input failed to read) has its figure cells blank, not 0.00; one
// whose figures were computed keeps a true 0 as 0.
func TestSummaryFailedBlank(t *testing.T) {
	rows := []Row{
		{File: "bad.yaml", Problem: "输入有 1 处错误", Errors: 1},
		{File: "ok.yaml", Department: "甲", Year: 2025, Figures: true, Total: decimal.NewFromInt(5), Done: true},
	}
	got := summarySheets(rows)[0].Rows
	deps, _ := summaryLayout()
	for c, col := range deps.Columns {
		if col.Title == "错误" || col.Title == "警告" || col.Title == "需补填" {
			continue
		}
		if _, isNumber := got[0][c].(decimal.Decimal); isNumber {
			t.Errorf("failed row: %s = %v, want blank", col.Title, got[0][c])
		}
		if n, isInt := got[0][c].(int); isInt && col.Title != "运行次数" {
			t.Errorf("failed row: %s = %d, want blank", col.Title, n)
		}
	}
	for _, title := range []string{"基本支出（万元）", "项目个数"} {
		for c, col := range deps.Columns {
			if col.Title == title && got[1][c] == nil {
				t.Errorf("computed row: %s blank, want its 0", title)
			}
		}
	}
}

// TestReviewHeading: the review's printed title says the year (or the
// --title given), that it is the review, and the date (--as-of).
func TestReviewHeading(t *testing.T) {
	rows := [][]any{{"a.yaml", "甲", 2025}, {"b.yaml", "乙", 2025}, {"c.yaml", "丙", nil}}
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
	sheets := summarySheets(rows)
	reviewLinks(sheets)
	if got := sheets[0].Links; len(got) != 1 || got[[2]int{0, colOutputs}] != "a.pdf" {
		t.Errorf("links %v", got)
	}
	if sheets[0].Columns[colOutputs].Title != "输出文件或问题" {
		t.Errorf("column %d is %s", colOutputs, sheets[0].Columns[colOutputs].Title)
	}
}

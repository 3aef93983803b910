package review

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/budgetpub/budgetpub/render/xlsx"
	"github.com/shopspring/decimal"
)

// TestOlderReviewMigrated: a review written by an earlier version (the
// layout of December 2026's first release: no 部门编码 or season columns,
// 收支总计 without its unit), with columns its reviewer added, is updated
// by a run of one department: every row kept, each figure under its new
// title, the reviewer's columns in 审核意见, the old file kept aside.
func TestOlderReviewMigrated(t *testing.T) {
	text, num, amount := xlsx.RecordText, xlsx.RecordInt, xlsx.RecordAmount
	var cols []xlsx.RecordColumn
	for _, c := range []struct {
		title string
		kind  xlsx.RecordKind
	}{{"输入文件", text}, {"部门名称", text}, {"年度", num}, {"收支总计", amount}, {"一般公共预算", amount}, {"基本支出", amount}, {"项目支出", amount},
		{"“三公”经费", amount}, {"“三公”比上年增减", amount}, {"机关运行经费", amount}, {"机关运行经费比上年增减", amount}, {"项目个数", num}, {"公开绩效目标表", num},
		{"警告", num}, {"错误", num}, {"核对结果编号", text}, {"状态", text}, {"输出文件或问题", text}, {"旧文件移至", text}, {"审核意见", text}, {"复核人", text}} {
		cols = append(cols, xlsx.RecordColumn{Title: c.title, Kind: c.kind})
	}
	d := decimal.RequireFromString
	files := []string{"in/a.yaml", "in/b.yaml"}
	row := func(file, name, total, note, who string) []any {
		r := make([]any, len(cols))
		r[0], r[1], r[2], r[3], r[16], r[17] = file, name, 2025, d(total), "完成", "x.pdf"
		r[19], r[20] = orNil(note), orNil(who)
		return r
	}
	_, finds := layout()
	var buf bytes.Buffer
	if err := xlsx.WriteRecords(&buf, xlsx.BookProps{Title: summaryTitle, Description: NewCoverage(files, 1, 1).String()}, []xlsx.Records{
		{Name: "汇总", Columns: cols, Rows: [][]any{row(files[0], "甲", "100", "数字已核", "张三"), row(files[1], "乙", "200", "", "李四")}}, finds}); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "summary.xlsx"), buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	path, note, err := Write(dir, "summary.xlsx", entriesOf([]Row{{File: files[1], Department: "乙", Year: 2025, Figures: true, Done: true, Total: d("250"), Outputs: "b.pdf"}}),
		NewCoverage(files[1:], 1, 1), nil, nil, Heading{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(note, "旧版的格式") || !strings.Contains(note, "summary-上次.xlsx") {
		t.Errorf("note %q does not say the review was converted and kept aside", note)
	}
	if _, err := os.Stat(filepath.Join(dir, "summary-上次.xlsx")); err != nil {
		t.Errorf("the old review is not kept aside: %v", err)
	}
	var reader xlsx.RecordReader
	part, err := readSummary(&reader, path)
	if err != nil || part.older {
		t.Fatalf("the updated review is not of this layout: %v", err)
	}
	if len(part.departments) != 2 {
		t.Fatalf("%d rows, want both departments", len(part.departments))
	}
	byFile := map[string]Department{}
	for _, r := range part.departments {
		byFile[r.File] = r
	}
	a, b := byFile[files[0]], byFile[files[1]]
	if got := a.ReviewNote; got != "数字已核；复核人：张三" {
		t.Errorf("甲's 审核意见 = %q", got)
	}
	if !a.Total.Set || !a.Total.V.Equal(d("100")) {
		t.Errorf("甲's 收支总计（万元）= %v, want 100 from 收支总计", a.Total)
	}
	if got := b.ReviewNote; got != "复核人：李四" {
		t.Errorf("乙's 审核意见 = %q", got)
	}
	if !b.Total.V.Equal(d("250")) || b.Runs != Of(1) {
		t.Errorf("乙 is not this run's: %v, runs %v", b.Total, b.Runs)
	}
}

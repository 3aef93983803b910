package render

import (
	"strconv"

	"github.com/shopspring/decimal"
)

// BatchRow is one department of a batch run.
type BatchRow struct {
	File, Department     string
	Year                 int
	Total, GeneralPublic decimal.Decimal
	Basic, Project       decimal.Decimal
	Warnings, Errors     int
	Outputs              string // the files written
	Problem              string // the error, or why it was not done
	Done                 bool
}

// BatchSummary lays out the summary of a batch as a one-table publication:
// a row per department with its totals, finding counts, and outputs or error.
func BatchSummary(rows []BatchRow) *Publication {
	t := &Table{
		Number:    1,
		Label:     "批量生成汇总",
		Title:     "部门预算公开批量生成汇总表",
		SheetName: "汇总",
		Unit:      "万元",
		Landscape: true,
		Columns: columns(KindText, KindText, KindText, KindAmount, KindAmount, KindAmount, KindAmount,
			KindText, KindText, KindText, KindText),
		HeaderRows: 1,
	}
	for i, h := range []string{"输入文件", "部门名称", "年度", "收支总计", "一般公共预算", "基本支出", "项目支出", "警告", "错误", "状态", "输出文件或错误"} {
		t.Header = append(t.Header, hc(0, i, 1, 1, h))
	}
	failed := 0
	for _, r := range rows {
		status, detail := "完成", r.Outputs
		if !r.Done {
			status, detail = "未完成", r.Problem
			failed++
		}
		year := ""
		if r.Year > 0 {
			year = strconv.Itoa(r.Year)
		}
		t.Rows = append(t.Rows, Row{Kind: RowItem, Cells: []Cell{
			Str(r.File), Str(r.Department), Str(year), Money(r.Total), Money(r.GeneralPublic), Money(r.Basic), Money(r.Project),
			Str(strconv.Itoa(r.Warnings)), Str(strconv.Itoa(r.Errors)), Str(status), Str(detail),
		}})
	}
	t.Department = strconv.Itoa(len(rows)) + " 个部门，" + strconv.Itoa(len(rows)-failed) + " 个完成，" + strconv.Itoa(failed) + " 个未完成"
	return &Publication{Department: "批量生成", Unit: "万元", Title: "批量生成汇总", Tables: []*Table{t}}
}

package publish

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strconv"

	"github.com/budgetpub/budgetpub/render"
	"github.com/budgetpub/budgetpub/render/xlsx"
)

// summaryColumns are the summary's columns, in order.
var summaryColumns = []struct {
	title string
	kind  render.CellKind
}{
	{"输入文件", render.KindText}, {"部门名称", render.KindText}, {"年度", render.KindText},
	{"收支总计", render.KindAmount}, {"一般公共预算", render.KindAmount}, {"基本支出", render.KindAmount}, {"项目支出", render.KindAmount},
	{"警告", render.KindText}, {"错误", render.KindText}, {"状态", render.KindText}, {"输出文件或错误", render.KindText},
}

// Summary lays out the summary of a batch as a one-table publication for
// the workbook writer: a row per department with its totals, finding
// counts, and outputs or error.
func Summary(rows []Row) *render.Publication {
	t := &render.Table{
		Number:       1,
		Label:        "批量生成汇总",
		Title:        "部门预算公开批量生成汇总表",
		Unit:         "万元",
		Presentation: render.Presentation{SheetName: "汇总", Landscape: true},
		HeaderRows:   1,
	}
	for i, c := range summaryColumns {
		t.Columns = append(t.Columns, render.Column{Kind: c.kind})
		t.Header = append(t.Header, render.HeaderCell{Row: 0, Col: i, RowSpan: 1, ColSpan: 1, Text: c.title})
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
		t.Rows = append(t.Rows, render.Row{Kind: render.RowItem, Cells: []render.Cell{
			render.Str(r.File), render.Str(r.Department), render.Str(year),
			render.Money(r.Total), render.Money(r.GeneralPublic), render.Money(r.Basic), render.Money(r.Project),
			render.Str(strconv.Itoa(r.Warnings)), render.Str(strconv.Itoa(r.Errors)), render.Str(status), render.Str(detail),
		}})
	}
	t.Department = strconv.Itoa(len(rows)) + " 个部门，" + strconv.Itoa(len(rows)-failed) + " 个完成，" + strconv.Itoa(failed) + " 个未完成"
	return &render.Publication{Department: "批量生成", Unit: "万元", Title: "批量生成汇总", Tables: []*render.Table{t}}
}

// WriteSummary writes the batch's summary workbook into dir, as name
// (SummaryName), and returns its path.
func WriteSummary(dir, name string, rows []Row) (string, error) {
	var sum bytes.Buffer
	if err := xlsx.Write(&sum, Summary(rows)); err != nil {
		return "", fmt.Errorf("无法生成汇总表：%w", err)
	}
	path := filepath.Join(dir, name)
	if err := writePair(dir, []fileData{{path, sum.Bytes()}}); err != nil {
		return "", err
	}
	return path, nil
}

package publish

import (
	"bytes"
	"fmt"
	"path/filepath"

	"github.com/budgetpub/budgetpub/render/xlsx"
	"github.com/shopspring/decimal"
)

// summaryLayout is the layout of a batch's review: 汇总, one row per
// department with the figures a reviewer compares, and 核对结果, one row per
// finding and input error of every department — numbers as numeric cells,
// the header frozen and filtered. Column 1 of 汇总 and column 2 of 核对结果
// name the input file.
func summaryLayout() (departments, findings xlsx.Records) {
	text, num, amount := xlsx.RecordText, xlsx.RecordInt, xlsx.RecordAmount
	departments = xlsx.Records{Name: "汇总", Columns: []xlsx.RecordColumn{
		{Title: "输入文件", Kind: text, Width: 28}, {Title: "部门名称", Kind: text, Width: 28}, {Title: "年度", Kind: num},
		{Title: "收支总计", Kind: amount, Width: 14}, {Title: "一般公共预算", Kind: amount, Width: 14},
		{Title: "基本支出", Kind: amount, Width: 14}, {Title: "项目支出", Kind: amount, Width: 14},
		{Title: "“三公”经费", Kind: amount, Width: 12}, {Title: "“三公”比上年增减", Kind: amount, Width: 12},
		{Title: "机关运行经费", Kind: amount, Width: 12}, {Title: "机关运行经费比上年增减", Kind: amount, Width: 14},
		{Title: "项目个数", Kind: num}, {Title: "公开绩效目标表", Kind: num},
		{Title: "警告", Kind: num}, {Title: "需补填", Kind: num}, {Title: "错误", Kind: num}, {Title: "核对结果编号", Kind: text, Width: 30},
		{Title: "状态", Kind: text}, {Title: "输出文件或问题", Kind: text, Width: 60}, {Title: "旧文件移至", Kind: text, Width: 20},
	}}
	findings = xlsx.Records{Name: "核对结果", Columns: []xlsx.RecordColumn{
		{Title: "部门名称", Kind: text, Width: 28}, {Title: "输入文件", Kind: text, Width: 28},
		{Title: "行", Kind: num}, {Title: "列", Kind: num}, {Title: "编号", Kind: text, Width: 16}, {Title: "严重程度", Kind: text},
		{Title: "说明", Kind: text, Width: 60}, {Title: "左项", Kind: text, Width: 24}, {Title: "左值", Kind: amount, Width: 14},
		{Title: "右项", Kind: text, Width: 24}, {Title: "右值", Kind: amount, Width: 14}, {Title: "相差", Kind: amount, Width: 14},
	}}
	return departments, findings
}

// The input file's column in 汇总 and in 核对结果.
const (
	departmentFileColumn = 0
	findingFileColumn    = 1
)

// summarySheets are the review's sheets, filled from the batch's rows.
func summarySheets(rows []Row) []xlsx.Records {
	departments, findings := summaryLayout()
	opt := func(d *decimal.Decimal) any {
		if d == nil {
			return nil
		}
		return *d
	}
	for _, r := range rows {
		status, detail := r.Status(), r.Outputs
		if !r.Done {
			detail = r.Problem
		}
		var year any
		if r.Year > 0 {
			year = r.Year
		}
		departments.Rows = append(departments.Rows, []any{
			r.File, r.Department, year, r.Total, r.GeneralPublic, r.Basic, r.Project,
			r.ThreePublic, opt(r.ThreePublicChange), r.OperatingCosts, opt(r.OperatingCostsChange),
			r.Projects, r.GoalForms, r.Warnings, r.Incomplete, r.Errors, r.IDs(), status, detail, r.MovedTo,
		})
	}
	// The findings sheet's rows are made as they are written: a province's
	// batch has tens of thousands.
	type at struct{ row, k int } // rows[row]'s input error k, or finding k-len(InputErrors)
	var index []at
	for i, r := range rows {
		for k := 0; k < len(r.InputErrors)+len(r.Findings); k++ {
			index = append(index, at{i, k})
		}
	}
	findings.Count = len(index)
	findings.Row = func(i int) []any {
		r := rows[index[i].row]
		k := index[i].k
		if k < len(r.InputErrors) {
			e := r.InputErrors[k]
			var line, col any
			if e.Pos.Line > 0 {
				line, col = e.Pos.Line, e.Pos.Col
			}
			return []any{r.Department, r.File, line, col, "input", "错误", e.Msg, nil, nil, nil, nil, nil}
		}
		f := r.Findings[k-len(r.InputErrors)]
		row := []any{r.Department, r.File, f.Line, f.Column, f.ID, f.Word(), f.Message, nil, nil, nil, nil, opt(f.Diff)}
		if f.Left != nil {
			row[7], row[8] = f.Left.Name, f.Left.Value
		}
		if f.Right != nil {
			row[9], row[10] = f.Right.Name, f.Right.Value
		}
		return row
	}
	return []xlsx.Records{departments, findings}
}

// WriteSummary writes the batch's summary workbook into dir, as name
// (SummaryName), and returns its path.
func WriteSummary(dir, name string, rows []Row, cov Coverage) (string, error) {
	sum, err := Summary(rows, cov)
	if err != nil {
		return "", err
	}
	path := filepath.Join(dir, name)
	if err := writePair(dir, []fileData{{path, sum}}); err != nil {
		return "", err
	}
	return path, nil
}

// summaryTitle is the summary workbook's title.
const summaryTitle = "部门预算公开批量生成汇总"

// Summary is the batch's summary workbook: the sheets 汇总 and 核对结果,
// and in its description the part of which list of inputs it covers.
func Summary(rows []Row, cov Coverage) ([]byte, error) {
	return writeSummary(summarySheets(rows), cov)
}

func writeSummary(sheets []xlsx.Records, cov Coverage) ([]byte, error) {
	var sum bytes.Buffer
	if err := xlsx.WriteRecords(&sum, xlsx.BookProps{Title: summaryTitle, Description: cov.String()}, sheets); err != nil {
		return nil, fmt.Errorf("无法生成汇总表：%w", err)
	}
	return sum.Bytes(), nil
}

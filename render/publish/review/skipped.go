package review

import "github.com/budgetpub/budgetpub/render/xlsx"

// Skipped is a file found in an input folder that is not an input: its
// path, and why it was skipped, with what to do about it.
type Skipped struct {
	Path, Reason string
}

// SkippedSheetName is the review's sheet of the files found in the input
// folders that are not inputs, one row each with the reason and the fix,
// status 已跳过; there is none when nothing was skipped.
const SkippedSheetName = "已跳过的文件"

func skippedSheet(skipped []Skipped) xlsx.Records {
	sheet := xlsx.Records{Name: SkippedSheetName, Columns: []xlsx.RecordColumn{
		{Title: "文件", Kind: xlsx.RecordText, Width: 40}, {Title: "状态", Kind: xlsx.RecordText},
		{Title: "原因和处理办法", Kind: xlsx.RecordText, Width: 60},
	}}
	for _, k := range skipped {
		sheet.Rows = append(sheet.Rows, []any{k.Path, StatusSkipped, k.Reason})
	}
	return sheet
}

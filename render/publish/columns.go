package publish

import "github.com/budgetpub/budgetpub/render/xlsx"

// The columns of the review's sheet 汇总, in order: every reader and
// writer of the review names a column by these, never by its place or its
// title.
const (
	colFile = iota // 输入文件: the row's key
	colName
	colYear
	colTotal // the first of the figures (blank when never computed)
	colTotalChange
	colTotalPercent
	colGP
	colGPChange
	colGPPercent
	colBasic
	colProject
	colThreePublic
	colThreePublicChange
	colThreePublicPercent
	colTravel
	colReception
	colVehiclePurchase
	colVehicleOperation
	colOperating
	colOperatingChange
	colOperatingPercent
	colProjects
	colGoalForms // the last of the figures
	colWarnings
	colIncomplete
	colErrors
	colIDs
	colStatus
	colOutputs
	colMovedTo
	colCode // 部门编码, the roster's key (roster.go)
	colFingerprint
	colRuns
	colReviewState
	colReviewNote
	reviewColumns // how many there are
)

// The first and last of 汇总's figures (收支总计 … 公开绩效目标表), blank
// for a department whose figures were never computed; the input file's
// column of 核对结果.
const (
	firstFigureColumn = colTotal
	lastFigureColumn  = colGoalForms
	findingFileColumn = 1
)

// departmentColumns are 汇总's columns, by the col constants: each
// figure's title says its unit.
func departmentColumns() []xlsx.RecordColumn {
	text, num, amount := xlsx.RecordText, xlsx.RecordInt, xlsx.RecordAmount
	c := make([]xlsx.RecordColumn, reviewColumns)
	c[colFile] = xlsx.RecordColumn{Title: "输入文件", Kind: text, Width: 28}
	c[colName] = xlsx.RecordColumn{Title: "部门名称", Kind: text, Width: 28}
	c[colYear] = xlsx.RecordColumn{Title: "年度", Kind: num}
	c[colTotal] = xlsx.RecordColumn{Title: "收支总计（万元）", Kind: amount, Width: 14, Former: []string{"收支总计"}}
	c[colTotalChange] = xlsx.RecordColumn{Title: "收支总计比上年增减", Kind: amount, Width: 12}
	c[colTotalPercent] = xlsx.RecordColumn{Title: "收支总计增减率（%）", Kind: amount, Width: 10}
	c[colGP] = xlsx.RecordColumn{Title: "一般公共预算（万元）", Kind: amount, Width: 14, Former: []string{"一般公共预算"}}
	c[colGPChange] = xlsx.RecordColumn{Title: "一般公共预算比上年增减", Kind: amount, Width: 12}
	c[colGPPercent] = xlsx.RecordColumn{Title: "一般公共预算增减率（%）", Kind: amount, Width: 10}
	c[colBasic] = xlsx.RecordColumn{Title: "基本支出（万元）", Kind: amount, Width: 14, Former: []string{"基本支出"}}
	c[colProject] = xlsx.RecordColumn{Title: "项目支出（万元）", Kind: amount, Width: 14, Former: []string{"项目支出"}}
	c[colThreePublic] = xlsx.RecordColumn{Title: "“三公”经费（万元）", Kind: amount, Width: 12, Former: []string{"“三公”经费"}}
	c[colThreePublicChange] = xlsx.RecordColumn{Title: "“三公”比上年增减", Kind: amount, Width: 12}
	c[colThreePublicPercent] = xlsx.RecordColumn{Title: "“三公”增减率（%）", Kind: amount, Width: 10}
	c[colTravel] = xlsx.RecordColumn{Title: "因公出国（境）费（万元）", Kind: amount, Width: 12}
	c[colReception] = xlsx.RecordColumn{Title: "公务接待费（万元）", Kind: amount, Width: 12}
	c[colVehiclePurchase] = xlsx.RecordColumn{Title: "公务用车购置费（万元）", Kind: amount, Width: 12}
	c[colVehicleOperation] = xlsx.RecordColumn{Title: "公务用车运行费（万元）", Kind: amount, Width: 12}
	c[colOperating] = xlsx.RecordColumn{Title: "机关运行经费（万元）", Kind: amount, Width: 12, Former: []string{"机关运行经费"}}
	c[colOperatingChange] = xlsx.RecordColumn{Title: "机关运行经费比上年增减", Kind: amount, Width: 12}
	c[colOperatingPercent] = xlsx.RecordColumn{Title: "机关运行经费增减率（%）", Kind: amount, Width: 10}
	c[colProjects] = xlsx.RecordColumn{Title: "项目个数", Kind: num}
	c[colGoalForms] = xlsx.RecordColumn{Title: "公开绩效目标表", Kind: num}
	c[colWarnings] = xlsx.RecordColumn{Title: "警告", Kind: num}
	c[colIncomplete] = xlsx.RecordColumn{Title: "需补填", Kind: num}
	c[colErrors] = xlsx.RecordColumn{Title: "错误", Kind: num}
	c[colIDs] = xlsx.RecordColumn{Title: "核对结果编号", Kind: text, Width: 30}
	c[colStatus] = xlsx.RecordColumn{Title: "状态", Kind: text}
	c[colOutputs] = xlsx.RecordColumn{Title: "输出文件或问题", Kind: text, Width: 68}
	c[colMovedTo] = xlsx.RecordColumn{Title: "旧文件移至", Kind: text, Width: 20}
	c[colCode] = xlsx.RecordColumn{Title: "部门编码", Kind: text}
	c[colFingerprint] = xlsx.RecordColumn{Title: "输入指纹", Kind: text, Width: 18}
	c[colRuns] = xlsx.RecordColumn{Title: "运行次数", Kind: num}
	c[colReviewState] = xlsx.RecordColumn{Title: "审核状态", Kind: text, Width: 16}
	c[colReviewNote] = xlsx.RecordColumn{Title: "审核意见", Kind: text, Width: 40}
	return c
}

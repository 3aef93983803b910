package review

import (
	"github.com/budgetpub/budgetpub/render/xlsx"
	"github.com/shopspring/decimal"
)

// The columns of 汇总, in order: each the place of a Department field,
// declared with its title and kind in departmentColumns. The review's code
// reads and writes the fields; only the workbook's edge (cells, links)
// uses the places.
const (
	colFile = iota // 输入文件: the row's key
	colName
	colYear
	colLayout // 版式: a season may hold several layouts
	colTotal  // the first of the figures (blank when never computed)
	colTotalChange
	colTotalPercent
	colGP
	colGPChange
	colGPPercent
	colGPBudget // a 决算's 年初预算 and 执行率
	colGPRate
	colBasic
	colProject
	colThreePublic
	colThreePublicChange
	colThreePublicPercent
	colTPBudget
	colTPRate
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

// The input file's column of 核对结果.
const findingFileColumn = 1

// column is a column of 汇总: its title (and former titles), width, and
// the Department field it shows — text, a count or an amount, which is
// its kind. A figure is blank for a department whose figures were never
// computed, and summed by the totals row unless it is a percentage.
type column struct {
	title   string
	former  []string
	width   float64
	figure  bool
	percent bool
	text    func(*Department) *string
	count   func(*Department) *Count
	amount  func(*Department) *Amount
}

func text(title string, width float64, f func(*Department) *string) column {
	return column{title: title, width: width, text: f}
}

func count(title string, f func(*Department) *Count) column { return column{title: title, count: f} }

func amount(title string, width float64, f func(*Department) *Amount) column {
	return column{title: title, width: width, amount: f}
}

// figure marks a column as one of the figures; percent as a percentage
// among them; formerly names its titles in older layouts.
func (c column) fig() column                      { c.figure = true; return c }
func (c column) pct() column                      { c.figure, c.percent = true, true; return c }
func (c column) formerly(titles ...string) column { c.former = titles; return c }

// departmentColumns are 汇总's columns, each once: title, kind and field.
// Each figure's title says its unit.
var departmentColumns = [reviewColumns]column{
	colFile:               text("输入文件", 28, func(d *Department) *string { return &d.File }),
	colName:               text("部门名称", 28, func(d *Department) *string { return &d.Name }),
	colYear:               count("年度", func(d *Department) *Count { return &d.Year }),
	colLayout:             text("版式", 16, func(d *Department) *string { return &d.Layout }),
	colTotal:              amount("收支总计（万元）", 14, func(d *Department) *Amount { return &d.Total }).fig().formerly("收支总计"),
	colTotalChange:        amount("收支总计比上年增减", 12, func(d *Department) *Amount { return &d.TotalChange }).fig(),
	colTotalPercent:       amount("收支总计增减率（%）", 10, func(d *Department) *Amount { return &d.TotalPct }).pct(),
	colGP:                 amount("一般公共预算（万元）", 14, func(d *Department) *Amount { return &d.GP }).fig().formerly("一般公共预算"),
	colGPChange:           amount("一般公共预算比上年增减", 12, func(d *Department) *Amount { return &d.GPChange }).fig(),
	colGPPercent:          amount("一般公共预算增减率（%）", 10, func(d *Department) *Amount { return &d.GPPct }).pct(),
	colGPBudget:           amount("一般公共预算年初预算（万元，决算）", 14, func(d *Department) *Amount { return &d.GPBudget }).fig(),
	colGPRate:             amount("一般公共预算执行率（%，决算）", 10, func(d *Department) *Amount { return &d.GPRate }).pct(),
	colBasic:              amount("基本支出（万元）", 14, func(d *Department) *Amount { return &d.Basic }).fig().formerly("基本支出"),
	colProject:            amount("项目支出（万元）", 14, func(d *Department) *Amount { return &d.Project }).fig().formerly("项目支出"),
	colThreePublic:        amount("“三公”经费（万元）", 12, func(d *Department) *Amount { return &d.ThreePublic }).fig().formerly("“三公”经费"),
	colThreePublicChange:  amount("“三公”比上年增减", 12, func(d *Department) *Amount { return &d.TPChange }).fig(),
	colThreePublicPercent: amount("“三公”增减率（%）", 10, func(d *Department) *Amount { return &d.TPPct }).pct(),
	colTPBudget:           amount("“三公”年初预算（万元，决算）", 12, func(d *Department) *Amount { return &d.TPBudget }).fig(),
	colTPRate:             amount("“三公”执行率（%，决算）", 10, func(d *Department) *Amount { return &d.TPRate }).pct(),
	colTravel:             amount("因公出国（境）费（万元）", 12, func(d *Department) *Amount { return &d.Travel }).fig(),
	colReception:          amount("公务接待费（万元）", 12, func(d *Department) *Amount { return &d.Reception }).fig(),
	colVehiclePurchase:    amount("公务用车购置费（万元）", 12, func(d *Department) *Amount { return &d.VehicleBuy }).fig(),
	colVehicleOperation:   amount("公务用车运行费（万元）", 12, func(d *Department) *Amount { return &d.VehicleRun }).fig(),
	colOperating:          amount("机关运行经费（万元）", 12, func(d *Department) *Amount { return &d.Operating }).fig().formerly("机关运行经费"),
	colOperatingChange:    amount("机关运行经费比上年增减", 12, func(d *Department) *Amount { return &d.OpChange }).fig(),
	colOperatingPercent:   amount("机关运行经费增减率（%）", 10, func(d *Department) *Amount { return &d.OpPct }).pct(),
	colProjects:           count("项目个数", func(d *Department) *Count { return &d.Projects }).fig(),
	colGoalForms:          count("公开绩效目标表", func(d *Department) *Count { return &d.GoalForms }).fig(),
	colWarnings:           count("警告", func(d *Department) *Count { return &d.Warnings }),
	colIncomplete:         count("需补填", func(d *Department) *Count { return &d.Incomplete }),
	colErrors:             count("错误", func(d *Department) *Count { return &d.Errors }),
	colIDs:                text("核对结果编号", 30, func(d *Department) *string { return &d.IDs }),
	colStatus:             text("状态", 0, func(d *Department) *string { return &d.Status }),
	colOutputs:            text("输出文件或问题", 68, func(d *Department) *string { return &d.Outputs }),
	colMovedTo:            text("旧文件移至", 20, func(d *Department) *string { return &d.MovedTo }),
	colCode:               text("部门编码", 0, func(d *Department) *string { return &d.Code }),
	colFingerprint:        text("输入指纹", 18, func(d *Department) *string { return &d.Fingerprint }),
	colRuns:               count("运行次数", func(d *Department) *Count { return &d.Runs }),
	colReviewState:        text("审核状态", 16, func(d *Department) *string { return &d.ReviewState }),
	colReviewNote:         text("审核意见", 40, func(d *Department) *string { return &d.ReviewNote }),
}

// recordColumns are 汇总's columns as the workbook writer and reader take
// them.
func recordColumns() []xlsx.RecordColumn {
	out := make([]xlsx.RecordColumn, len(departmentColumns))
	for i, c := range departmentColumns {
		kind := xlsx.RecordText
		switch {
		case c.count != nil:
			kind = xlsx.RecordInt
		case c.amount != nil:
			kind = xlsx.RecordAmount
		}
		out[i] = xlsx.RecordColumn{Title: c.title, Former: c.former, Kind: kind, Width: c.width}
	}
	return out
}

// cells are the row's cells, as the workbook writer takes them: a string,
// an int, a decimal.Decimal, or nil for a blank.
func (d *Department) cells() []any {
	row := make([]any, len(departmentColumns))
	for i, c := range departmentColumns {
		switch {
		case c.text != nil:
			row[i] = *c.text(d) // "" is an empty cell, as nil is
		case c.count != nil:
			if v := *c.count(d); v.Set {
				row[i] = v.V
			}
		case c.amount != nil:
			if v := *c.amount(d); v.Set {
				row[i] = v.V
			}
		}
	}
	return row
}

// departmentOf is the row whose cells the workbook reader gave (of this
// layout's columns, at least).
func departmentOf(row []any) Department {
	var d Department
	for i, c := range departmentColumns {
		if i >= len(row) {
			break
		}
		switch v := row[i].(type) {
		case string:
			if c.text != nil {
				*c.text(&d) = v
			}
		case int:
			if c.count != nil {
				*c.count(&d) = Of(v)
			}
		case decimal.Decimal:
			if c.amount != nil {
				*c.amount(&d) = Of(v)
			}
		}
	}
	return d
}

// BlankFigures blanks the row's figures: a department whose figures were
// never computed shows none, not 0.00.
func (d *Department) BlankFigures() {
	for _, c := range departmentColumns {
		switch {
		case !c.figure:
		case c.count != nil:
			*c.count(d) = Count{}
		case c.amount != nil:
			*c.amount(d) = Amount{}
		}
	}
}

package shanghai9

import "github.com/budgetpub/budgetpub/render"

// The nine tables of Shanghai's 部门预算 (and 单位预算), in 目录 order.
const (
	S1 render.TableID = "S1" // 财务收支预算总表
	S2 render.TableID = "S2" // 收入预算总表
	S3 render.TableID = "S3" // 支出预算总表
	S4 render.TableID = "S4" // 财政拨款收支预算总表
	S5 render.TableID = "S5" // 一般公共预算支出功能分类预算表
	S6 render.TableID = "S6" // 政府性基金预算支出功能分类预算表
	S7 render.TableID = "S7" // 国有资本经营预算支出功能分类预算表
	S8 render.TableID = "S8" // 一般公共预算基本支出部门预算经济分类预算表
	S9 render.TableID = "S9" // “三公”经费和机关运行经费预算表
)

// The columns Shanghai prints that the 13 tables do not: the functional
// code in three columns (类 | 款 | 项), and the revenue kinds of table 2.
const (
	ColClass                 = render.ColCodeClass   // 类
	ColSection               = render.ColCodeSection // 款
	ColSubject               = render.ColCodeItem    // 项
	ColFiscal  render.ColKey = "fiscal"              // 财政拨款收入
)

// The rows of table 1's and table 4's income side.
var (
	rowFiscal = render.ItemRow("fiscal") // 一、财政拨款收入
)

// Package shanghai9 is the layouts shanghai-9 and shanghai-9-unit: the 9
// tables of 上海市 区级部门预算 (部门预算) and of a budget unit's own
// (单位预算) as Shanghai's district departments publish them — tables 1–8 in
// 元, table 9 in 万元, the functional code in three columns — with the text
// in Shanghai's order and wording: 主要职能, 机构设置, 名词解释, 预算编制说明,
// the tables, 其他相关情况说明 and, for a department, 项目经费情况说明. Each
// is a render.Profile registered at init; package layouts imports this one.
package shanghai9

import (
	"reflect"
	"text/template"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
)

// Department is the layout shanghai-9: a department's 部门预算.
var Department = &render.Profile{ID: "shanghai-9", Name: "上海市部门预算（9张表）", Kind: render.KindBudget,
	TitleFormat: "%d年区级部门预算", DeptLabel: "编制部门："}

func init() {
	Department.Tables = tables(department)
	Department.Parts = func(b *render.Builder, w *template.Template) ([]*render.Part, error) { return parts(department, b, w) }
	Department.Wording = render.WordingSource{Text: func() string { return wording }, Data: reflect.TypeOf(Facts{}), About: factAbout,
		Others: map[string]reflect.Type{"国有资产.": reflect.TypeOf(AssetsWording{})}}
	Department.Checks = checks
	Department.InputKeys = input.LayoutKeys() // every key only some layouts use is Shanghai's
	Department.Form = form
	Department.Summarize = summarize
	Department.PriorYear = nextPriorYear
	Department.Lines = []render.LineTable{{Lines: render.LinesExpenditure, Table: S3, Total: render.ColTotal}}
	Department.Import = importDecl
	render.Register(Department)
}

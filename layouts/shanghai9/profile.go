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
	"slices"
	"text/template"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
)

// Department is the layout shanghai-9: a department's 部门预算.
var Department = &render.Profile{ID: "shanghai-9", Name: "上海市部门预算（9张表）", Kind: render.KindBudget,
	TitleFormat: "%d年区级部门预算", DeptLabel: "编制部门："}

// Unit is the layout shanghai-9-unit: a budget unit's own 单位预算, chosen
// by a document's layout key. Its table 1 splits 基本支出 into 人员经费
// and 公用经费 (expenditures[].basic_personnel); it has no 项目经费情况说明.
var Unit = &render.Profile{ID: "shanghai-9-unit", Name: "上海市单位预算（9张表）", Kind: render.KindBudget,
	TitleFormat: "%d年单位预算", DeptLabel: "编制单位："}

func init() {
	register(Department, department)
	register(Unit, unit)
}

// register fills a profile for its variant and registers it.
func register(p *render.Profile, v variant) {
	p.Tables = tables(v)
	p.Parts = func(b *render.Builder, w *template.Template) ([]*render.Part, error) { return parts(v, b, w) }
	p.Wording = render.WordingSource{Text: func() string { return wording }, Data: reflect.TypeOf(Facts{}), About: factAbout,
		Others: map[string]reflect.Type{"国有资产.": reflect.TypeOf(AssetsWording{})}}
	p.Checks = checks
	p.InputKeys = inputKeys(v)
	p.Form = formOf(v)
	p.Summarize = summarize
	p.PriorYear = nextPriorYear
	p.Lines = []render.LineTable{{Lines: render.LinesExpenditure, Table: S3, Total: render.ColTotal}}
	if !v.unit {
		// A unit's workbook (table 1 split by 人员经费/公用经费) is not
		// imported yet.
		p.Import = importDecl
	}
	render.Register(p)
}

// inputKeys are the keys only some layouts use that a variant uses: every
// one but those only a 决算 has and, for a department, the 人员经费 of each
// line, which only a unit's table 1 shows.
func inputKeys(v variant) []string {
	var out []string
	for _, k := range input.LayoutKeys() {
		if k == "expenditures[].basic_personnel" && !v.unit || slices.Contains(input.FinalOnlyKeys(), k) {
			continue // a 预算's files never show a 决算's keys
		}
		out = append(out, k)
	}
	return out
}

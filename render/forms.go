package render

import (
	"fmt"
	"strings"

	"github.com/budgetpub/budgetpub/input"
	"github.com/shopspring/decimal"
)

// goalFormWeights are the relative widths of a goal form's eight columns:
// 绩效指标, 一级指标, then 二级/三级/指标值 for the implementation period and
// for the year.
var goalFormWeights = []float64{0.9, 1.1, 1.5, 1.8, 1.1, 1.2, 1.9, 1.1}

// GoalForms lays out the published 项目支出绩效目标表 of the current year's
// projects, in project order. Name, unit and department come from the
// input's project, never from the form, so they agree with table 12.
func (b *Builder) GoalForms() []*Form {
	var out []*Form
	for _, p := range b.Doc.Projects {
		if p.Goal != nil && !p.Carryover {
			out = append(out, b.goalForm(p))
		}
	}
	return out
}

// formBuilder places cells row by row.
type formBuilder struct {
	f   *Form
	row int
}

func (fb *formBuilder) cell(col, rowSpan, colSpan int, text string, label bool) {
	fb.f.Cells = append(fb.f.Cells, FormCell{Row: fb.row, Col: col, RowSpan: rowSpan, ColSpan: colSpan, Text: text, Label: label})
}

func (fb *formBuilder) next() { fb.row++ }

// pair is a label over two columns and a value over the other six.
func (fb *formBuilder) pair(label, value string) {
	fb.cell(0, 1, 2, label, true)
	fb.cell(2, 1, 6, value, false)
	fb.next()
}

func (b *Builder) goalForm(p input.Project) *Form {
	g := p.Goal
	f := &Form{
		Title:    regionLevel(b.Doc.Department.Region.Value) + "预算部门（单位）项目支出绩效目标表",
		Subtitle: fmt.Sprintf("（%d年度）", b.Doc.Year),
		Weights:  goalFormWeights,
	}
	fb := &formBuilder{f: f}
	dept := b.Doc.Department.Name.Value
	if c := b.Doc.Department.Code.Value; c != "" {
		dept = c + "-" + dept
	}
	fb.pair("项目名称", p.Name.Value)
	fb.cell(0, 1, 2, "主管部门及代码", true)
	fb.cell(2, 1, 2, dept, false)
	fb.cell(4, 1, 1, "实施单位", true)
	fb.cell(5, 1, 3, p.Unit.Value, false)
	fb.next()
	fb.cell(0, 1, 2, "项目属性", true)
	fb.cell(2, 1, 2, g.Attribute.Value, false)
	fb.cell(4, 1, 1, "项目期", true)
	fb.cell(5, 1, 3, g.Period.Value, false)
	fb.next()

	total, annual := fundColumns(p)
	fb.cell(0, 6, 2, "项目资金（元）", true)
	labels := [][2]string{{"实施期资金总额:", "年度资金总额:"}, {"其中：中央财政资金", "其中：中央财政资金"}, {"省级财政资金", "省级财政资金"},
		{"市县(区)财政资金", "市县(区)财政资金"}, {"单位自筹", "单位自筹"}, {"其他资金", "其他资金"}}
	for i, l := range labels {
		fb.cell(2, 1, 1, l[0], true)
		fb.cell(3, 1, 1, total[i], false)
		fb.cell(4, 1, 2, l[1], true)
		fb.cell(6, 1, 2, annual[i], false)
		fb.next()
	}
	fb.pair("项目概况", g.Summary.Value)
	fb.pair("立项依据", g.Basis.Value)
	fb.pair("项目设立必要性", g.Necessity.Value)
	fb.pair("保证项目实施的制度、措施", g.Measures.Value)
	fb.pair("项目实施计划", g.Plan.Value)

	fb.cell(0, 2, 2, "总体目标", true)
	fb.cell(2, 1, 3, "实施期目标", true)
	fb.cell(5, 1, 3, "年度目标", true)
	fb.next()
	fb.cell(2, 1, 3, g.PeriodGoal.Value, false)
	fb.cell(5, 1, 3, g.AnnualGoal.Value, false)
	fb.next()

	b.indicators(fb, g)

	footer := []string{"负责人:", g.Responsible.Value, "经办人:", g.Handler.Value, "联系电话:", g.Phone.Value, "填报日期:", g.FiledOn.Value}
	for i, s := range footer {
		fb.cell(i, 1, 1, s, i%2 == 0)
	}
	fb.next()
	f.Rows = fb.row
	return f
}

// indicators lays out the 绩效指标 block: one group of rows per 二级指标
// (in the forms' fixed order), as many rows as the longer of the two columns
// lists, under the 一级指标 it belongs to.
func (b *Builder) indicators(fb *formBuilder, g *input.PerformanceGoal) {
	period, annual := g.PeriodInd, g.AnnualInd
	if annual == nil {
		annual = period
	}
	byLevel := func(list []input.Indicator) map[string][]input.Indicator {
		m := map[string][]input.Indicator{}
		for _, ind := range list {
			m[ind.Level2.Value] = append(m[ind.Level2.Value], ind)
		}
		return m
	}
	left, right := byLevel(period), byLevel(annual)
	type group struct {
		level1, level2 string
		rows           int
	}
	var groups []group
	for _, l := range input.Level2Indicators {
		n := max(len(left[l.Level2]), len(right[l.Level2]))
		if n > 0 {
			groups = append(groups, group{l.Level1, l.Level2, n})
		}
	}
	total := 1
	for _, gr := range groups {
		total += gr.rows
	}
	fb.cell(0, total, 1, "绩效指标", true)
	for i, h := range []string{"一级指标", "二级指标", "三级指标", "指标值", "二级指标", "三级指标", "指标值"} {
		fb.cell(i+1, 1, 1, h, true)
	}
	fb.next()
	for i := 0; i < len(groups); {
		j, span := i, 0
		for ; j < len(groups) && groups[j].level1 == groups[i].level1; j++ {
			span += groups[j].rows
		}
		fb.cell(1, span, 1, groups[i].level1, false)
		for _, gr := range groups[i:j] {
			side := func(col int, list []input.Indicator) {
				if len(list) > 0 {
					fb.cell(col, gr.rows, 1, gr.level2, false)
				} else {
					fb.cell(col, gr.rows, 1, "", false)
				}
			}
			side(2, left[gr.level2])
			side(5, right[gr.level2])
			for r := 0; r < gr.rows; r++ {
				for _, s := range []struct {
					col  int
					list []input.Indicator
				}{{3, left[gr.level2]}, {6, right[gr.level2]}} {
					name, value := "", ""
					if r < len(s.list) {
						name, value = s.list[r].Name.Value, s.list[r].Value.Value
					}
					fb.cell(s.col, 1, 1, name, false)
					fb.cell(s.col+1, 1, 1, value, false)
				}
				fb.next()
			}
		}
		i = j
	}
}

// fundColumns are the 项目资金 figures in 元, for the implementation period
// and for the year: 总额, 中央, 省级, 市县(区), 单位自筹, 其他. Without a funds
// block in the goal, both columns are the project's own amount, all 市县(区).
func fundColumns(p input.Project) (total, annual []string) {
	if p.Goal.Funds == nil {
		yuan := formatYuan(p.Amounts.Total().Shift(4).String())
		col := []string{yuan, "0", "0", yuan, "0", ""}
		return col, append([]string(nil), col...)
	}
	split := func(s input.FundSplit) []string {
		return []string{formatYuan(s.Amount.Value), formatYuan(s.Central.Value), formatYuan(s.Provincial.Value),
			formatYuan(s.Local.Value), formatYuan(s.SelfRaised.Value), formatYuan(s.Other.Value)}
	}
	return split(p.Goal.Funds.Total), split(p.Goal.Funds.Annual)
}

// formatYuan writes a number of 元 with thousands separators: 195,800; a
// fraction keeps two decimals. Empty stays empty.
func formatYuan(s string) string {
	if s == "" {
		return ""
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		return s
	}
	if d.IsInteger() {
		return strings.TrimSuffix(formatNumber(d), ".00")
	}
	return formatNumber(d)
}

// regionLevel is the level a region's budget units belong to: 大同市 →
// 大同市市级, 山西省 → 山西省省级.
func regionLevel(region string) string {
	for _, suffix := range []string{"省", "市", "县", "区", "州", "盟", "旗"} {
		if strings.HasSuffix(region, suffix) {
			return region + suffix + "级"
		}
	}
	return region
}

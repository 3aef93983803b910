package final9

import (
	_ "embed"
	"fmt"
	"strings"
	"text/template"

	"github.com/budgetpub/budgetpub/render"
	"github.com/budgetpub/budgetpub/templates"
)

//go:embed wording.tmpl
var wording string

//go:embed glossary.txt
var glossaryText string

// The parts of a 决算, by stable id, in order.
const (
	PartOverview    = render.PartOverview    // 第一部分 概况
	PartTables      = render.PartTables      // 第二部分 the tables
	PartExplanation = render.PartExplanation // 第三部分 情况说明
	PartGlossary    = render.PartGlossary    // 第四部分 名词解释
)

// parts lays a 决算 out: 第一部分 概况, 第二部分 the tables, 第三部分 情况说明
// in eleven sections, 第四部分 名词解释.
func parts(b *render.Builder, t *template.Template) ([]*render.Part, error) {
	d := b.Doc
	name := d.Department.Name.Value
	f := buildFacts(b)
	b.Pub.Facts = f
	w := render.NewWriter(t)
	para := func(s string) []render.Block {
		var out []render.Block
		for _, line := range strings.Split(s, "\n") {
			if line = strings.TrimSpace(line); line != "" {
				out = append(out, render.Para(line))
			}
		}
		return out
	}
	say := func(defs ...string) []render.Block {
		var out []render.Block
		for _, def := range defs {
			out = append(out, para(w.Say(def, f))...)
		}
		return out
	}
	sub := func(s string) render.Block { return render.Sub(s) }

	// 第一部分: 主要职能 and the units the 决算 covers.
	units := []string{fmt.Sprintf("从预算单位构成看，%s部门决算包括：%s本级决算、下属行政事业单位决算。", name, name),
		fmt.Sprintf("纳入%s%d年度部门决算编制范围的单位包括：", name, d.Year)}
	for i, u := range d.Units {
		units = append(units, fmt.Sprintf("%d. %s", i+1, u.Name.Value))
	}
	one := &render.Part{ID: PartOverview, Title: "第一部分 " + name + "概况", Sections: []*render.Section{
		{ID: "duties", Heading: "一、主要职能", Paragraphs: b.TextOrUnknown(d.Overview.Duties, render.UnknownOverview, "主要职能", "overview.duties")},
		{ID: "units", Heading: "二、部门决算单位构成", Paragraphs: units},
	}}

	two := &render.Part{ID: PartTables, Title: fmt.Sprintf("第二部分 %s%d年度部门决算表", name, d.Year)}
	for _, tb := range b.Pub.Tables {
		two.Sections = append(two.Sections, &render.Section{ID: string(tb.ID), TOC: render.ChineseNumber(tb.Number) + "、" + tb.Title, Table: tb})
	}

	fund := func(fd Fund) []render.Block {
		if !fd.Has {
			return para(fmt.Sprintf("%s%d年度无%s财政拨款收入和支出。", name, d.Year, fd.Name))
		}
		out := para(w.Say("基金", fd))
		if len(fd.Subjects) > 0 {
			out = append(out, para(w.Say("基金.科目", fd))...)
		}
		return out
	}
	// 七: what applies of it, in the template's order.
	var three []render.Block
	if tp := f.ThreePublic; !tp.Has {
		three = say("七.无")
	} else {
		three = append([]render.Block{render.Para("（一）“三公”经费财政拨款支出决算总体情况说明。")}, say("七.总体")...)
		if tp.Versus != "" {
			three = append(three, say("七.对预算")...)
		}
		three = append(three, say("七.对上年")...)
		three = append(three, render.Para("（二）“三公”经费财政拨款支出决算具体情况说明。"))
		three = append(three, say("七.具体", "七.出国", "七.用车", "七.接待")...)
	}
	five := say("五.具体")
	if len(f.Subjects) > 0 {
		five = append(five, say("五.科目")...)
	}
	explanation := &render.Part{ID: PartExplanation, Title: fmt.Sprintf("第三部分 %s%d年度部门决算情况说明", name, d.Year), Sections: []*render.Section{
		{ID: "total", Heading: "一、收入支出决算总体情况说明", Blocks: say("一")},
		{ID: "revenue", Heading: "二、收入决算情况说明", Blocks: say("二")},
		{ID: "expenditure", Heading: "三、支出决算情况说明", Blocks: say("三")},
		{ID: "fiscal", Heading: "四、财政拨款收入支出决算总体情况说明", Blocks: say("四")},
		{ID: "gp", Heading: "五、一般公共预算财政拨款支出决算情况说明", Blocks: append(append(append(
			[]render.Block{sub("（一）一般公共预算财政拨款支出决算总体情况")}, say("五.总体")...),
			append([]render.Block{sub("（二）一般公共预算财政拨款支出决算结构情况")}, say("五.结构")...)...),
			append([]render.Block{sub("（三）一般公共预算财政拨款支出决算具体情况")}, five...)...)},
		{ID: "basic", Heading: "六、一般公共预算财政拨款基本支出决算情况说明", Blocks: say("六")},
		{ID: "three_public", Heading: "七、财政拨款“三公”经费支出决算情况说明", Blocks: three},
		{ID: "fund_government", Heading: "八、政府性基金预算财政拨款收入支出决算情况说明", Blocks: fund(f.GovernmentFund)},
		{ID: "fund_state_capital", Heading: "九、国有资本经营预算财政拨款收入支出决算情况说明", Blocks: fund(f.StateCapital)},
		{ID: "performance", Heading: "十、预算绩效管理情况", Blocks: say("十")},
		{ID: "other", Heading: "十一、其他重要事项的情况说明", TOC: "十一、其他重要事项说明", Blocks: append(append(append(
			[]render.Block{sub("（一）机关运行经费支出情况")}, say("十一.机关运行经费")...),
			append([]render.Block{sub("（二）政府采购支出情况")}, say("十一.政府采购")...)...),
			append([]render.Block{sub("（三）国有资产占有使用情况说明")}, say("十一.国有资产")...)...)},
	}}
	glossary := &render.Part{ID: PartGlossary, Title: "第四部分 名词解释", Sections: []*render.Section{
		{ID: "glossary", Paragraphs: b.Glossary(templates.ParseGlossary(glossaryText))}}}
	if err := w.Err(); err != nil {
		return nil, err
	}
	return []*render.Part{one, two, explanation, glossary}, nil
}

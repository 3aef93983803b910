package shanghai9

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

// The parts of a Shanghai publication, by stable id, in order.
const (
	PartDuties       = "duties"       // 一、部门主要职能
	PartOrganization = "organization" // 二、部门机构设置
	PartGlossary     = render.PartGlossary
	PartExplanation  = render.PartExplanation // 四、部门预算编制说明
	PartTables       = render.PartTables      // 五、部门预算表
	PartOther        = "other"                // 六、其他相关情况说明
	PartProjects     = "projects"             // 七、项目经费情况说明
)

// parts lays a Shanghai publication out: 主要职能, 机构设置, 名词解释,
// 预算编制说明, the tables, 其他相关情况说明 (and, for a department, 项目经费
// 情况说明), as its 目录 lists them.
func parts(v variant, b *render.Builder, t *template.Template) ([]*render.Part, error) {
	d := b.Doc
	name := d.Department.Name.Value
	f := buildFacts(v, b)
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
	who := strings.TrimPrefix(v.prefix, "预算") // 部门 or 单位
	one := &render.Part{ID: PartDuties, TOC: "一、" + who + "主要职能", Title: name + "主要职能", Sections: []*render.Section{
		{ID: "duties", Paragraphs: b.TextOrUnknown(d.Overview.Duties, render.UnknownOverview, "主要职能", "overview.duties")}}}
	two := &render.Part{ID: PartOrganization, TOC: "二、" + who + "机构设置", Title: name + "机构设置", Sections: []*render.Section{
		{ID: "organization", Paragraphs: b.TextOrUnknown(d.Overview.Organization, render.UnknownOverview, "机构设置", "overview.organization")}}}
	three := &render.Part{ID: PartGlossary, TOC: "三、名词解释", Title: "名词解释", Sections: []*render.Section{{ID: "glossary", Paragraphs: b.Glossary(templates.ParseGlossary(glossaryText))}}}
	var explained []render.Block
	for _, def := range []string{"编制说明.收入", "编制说明.支出", "编制说明.财政拨款"} {
		explained = append(explained, para(w.Say(def, f))...)
	}
	if len(f.Subjects) > 0 {
		explained = append(explained, para(w.Say("编制说明.科目", f))...)
	}
	four := &render.Part{ID: PartExplanation, TOC: "四、" + who + "预算编制说明", Title: fmt.Sprintf("%d年%s预算编制说明", d.Year, who),
		Sections: []*render.Section{{ID: "explanation", Blocks: explained}}}
	five := &render.Part{ID: PartTables, TOC: "五、" + who + "预算表", Title: fmt.Sprintf("%d年%s预算表", d.Year, who)}
	for _, tb := range b.Pub.Tables {
		// The 目录 numbers tables 1–3 “1. ” and 4–9 “4．”, as printed.
		dot := "．"
		if tb.Number <= 3 {
			dot = ". "
		}
		five.Sections = append(five.Sections, &render.Section{ID: string(tb.ID), TOC: fmt.Sprintf("%d%s%s", tb.Number, dot, tb.Title), Table: tb})
	}
	aw := assetsWording(v, b)
	procurement := w.Say("政府采购", f)
	if missing := render.ProcurementMissing(d.Procurement); len(missing) > 0 {
		procurement = b.Unknown(render.UnknownProcurement, "政府采购预算（"+strings.Join(missing, "、")+"）", "procurement", d.Procurement.Pos)
	}
	six := &render.Part{ID: PartOther, TOC: "六、其他相关情况说明", Title: "其他相关情况说明", Sections: []*render.Section{
		{ID: "three_public", Heading: fmt.Sprintf("一、%d年“三公”经费预算情况说明", d.Year),
			Blocks: append(para(w.Say("三公.总", f)), append(para(w.Say("三公.出国", f)), append(para(w.Say("三公.用车", f)), para(w.Say("三公.接待", f))...)...)...)},
		{ID: "operating_costs", Heading: "二、机关运行经费预算", Blocks: para(w.Say("机关运行经费", f))},
		{ID: "procurement", Heading: "三、政府采购预算情况", Blocks: para(procurement)},
		{ID: "performance", Heading: "四、绩效目标设置情况", Blocks: para(w.Say("绩效目标", f))},
		{ID: "assets", Heading: "五、国有资产占有使用情况", Blocks: append(para(w.Say("国有资产.车辆", aw)), para(w.Say("国有资产.购置", aw))...)},
	}}
	if err := w.Err(); err != nil {
		return nil, err
	}
	all := []*render.Part{one, two, three, four, five, six}
	if !v.unit {
		all = append(all, projectParts(b)...)
	}
	return all, nil
}

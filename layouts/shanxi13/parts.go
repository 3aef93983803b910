package shanxi13

import (
	"fmt"
	"text/template"

	"github.com/budgetpub/budgetpub/render"
	"github.com/budgetpub/budgetpub/templates"
)

// standardParts are shanxi-13's four parts: 概况, the tables, 第三部分's
// sentences (part3.go) and 名词解释.
func standardParts(b *render.Builder, wording *template.Template) ([]*render.Part, error) {
	one, two, four := layoutParts(b)
	three, err := part3(b, wording)
	if err != nil {
		return nil, err
	}
	return []*render.Part{one, two, three, four}, nil
}

// parts lays out parts 1, 2 and 4 of the publication around the tables;
// part 3 (part3.go) is put in its place by standardParts.
func layoutParts(b *render.Builder) (one, two, four *render.Part) {
	y := b.Doc.Year
	one = &render.Part{ID: render.PartOverview, Title: "第一部分 概况", Sections: []*render.Section{
		{ID: SecDuties, Heading: "一、本部门职责", Paragraphs: b.TextOrUnknown(b.Doc.Overview.Duties, "unknown-overview", "本部门职责", "overview.duties")},
		{ID: SecOrganization, Heading: "二、机构设置情况", Paragraphs: b.TextOrUnknown(b.Doc.Overview.Organization, "unknown-overview", "机构设置情况", "overview.organization")},
	}}
	two = &render.Part{ID: render.PartTables, Title: fmt.Sprintf("第二部分 %d年部门预算报表", y)}
	for _, t := range b.Pub.Tables {
		two.Sections = append(two.Sections, &render.Section{ID: string(t.ID), TOC: "表" + render.ChineseNumber(t.Number) + t.Title, Table: t})
	}
	four = &render.Part{ID: render.PartGlossary, Title: "第四部分 名词解释", Sections: []*render.Section{{ID: SecGlossary, Paragraphs: b.Glossary(templates.Glossary())}}}
	return one, two, four
}

// The sections of shanxi-13, by stable id.
const (
	SecDuties         = "duties"                  // 一、本部门职责
	SecOrganization   = "organization"            // 二、机构设置情况
	SecTotals         = "totals"                  // 一、部门预算收支数据变动情况及原因
	SecRevenue        = "revenue"                 // 二、收入预算情况说明
	SecExpenditure    = "expenditure"             // 三、支出预算情况说明
	SecFiscal         = "fiscal"                  // 四、财政拨款收支预算总体情况说明
	SecGeneralPublic  = "general_public_spending" // 五、一般公共预算支出情况说明
	SecBasic          = "basic"                   // 六、一般公共预算基本支出情况说明
	SecThreePublic    = "three_public"            // 七、“三公”经费增减变动原因说明
	SecOperatingCosts = "operating_costs"         // 八、机关运行经费增减变动原因说明
	SecProcurement    = "procurement"             // 九、政府采购情况
	SecPerformance    = "performance"             // 十、绩效管理情况
	SecAssets         = "assets"                  // 十一、国有资产占有使用情况
	SecOtherNotes     = "notes"                   // 十二、其他说明
	SecPurchaseOfSvcs = "purchase_of_services"    // （一）政府购买服务指导性目录
	SecOther          = "other"                   // （二）其他
	SecGlossary       = "glossary"                // 名词解释
)

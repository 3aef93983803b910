package shanghai9

import (
	"fmt"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
)

// descriptionParts are the seven subheadings of a project's 项目经费情况说明,
// each with the field of projects[].description that fills it.
var descriptionParts = []struct {
	heading, key string
	of           func(d *input.ProjectDescription) input.Text
}{
	{"一、项目概述", "overview", func(d *input.ProjectDescription) input.Text { return d.Overview }},
	{"二、立项依据", "basis", func(d *input.ProjectDescription) input.Text { return d.Basis }},
	{"三、实施主体", "implementer", func(d *input.ProjectDescription) input.Text { return d.Implementer }},
	{"四、实施方案", "plan", func(d *input.ProjectDescription) input.Text { return d.Plan }},
	{"五、实施周期", "period", func(d *input.ProjectDescription) input.Text { return d.Period }},
	{"六、年度预算安排", "schedule", func(d *input.ProjectDescription) input.Text { return d.Schedule }},
	{"七、绩效目标", "goals", func(d *input.ProjectDescription) input.Text { return d.Goals }},
}

// projectParts is 七、项目经费情况说明 of a department's publication: for
// each project of the year that has a description, <项目名>项目经费情况说明
// under its seven subheadings, a subheading nobody filled a mark. A
// department none of whose projects is described has the part as a mark:
// its 目录 lists it.
func projectParts(b *render.Builder) []*render.Part {
	var out []*render.Part
	for i, p := range b.Doc.Projects {
		if p.Carryover || p.Description == nil {
			continue
		}
		part := &render.Part{ID: fmt.Sprintf("project-%d", i), Title: p.Name.Value + "项目经费情况说明"}
		if len(out) == 0 {
			part.TOC = "七、项目经费情况说明"
		}
		for _, dp := range descriptionParts {
			path := fmt.Sprintf("projects[%d].description.%s", i, dp.key)
			part.Sections = append(part.Sections, &render.Section{ID: part.ID + "-" + dp.key, Heading: dp.heading,
				Paragraphs: b.TextOrUnknown(dp.of(p.Description), unknownDescription, "项目“"+p.Name.Value+"”的"+dp.heading[len("一、"):], path)})
		}
		out = append(out, part)
	}
	if len(out) == 0 {
		out = append(out, &render.Part{ID: PartProjects, TOC: "七、项目经费情况说明", Title: "项目经费情况说明", Sections: []*render.Section{
			{ID: "projects", Paragraphs: []string{b.Unknown(unknownDescription, "项目经费情况说明（重点项目的概述、立项依据、实施主体、实施方案、实施周期、年度预算安排和绩效目标）", "projects", b.KeyPos("projects"))}}}})
	}
	return out
}

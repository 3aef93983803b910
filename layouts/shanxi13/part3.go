package shanxi13

import (
	"fmt"
	"strings"
	"text/template"

	"github.com/budgetpub/budgetpub/render"
)

// part3 generates 第三部分: twelve sections of sentences computed from the
// input, with the two charts and the published performance-goal forms.
func part3(b *render.Builder, t *template.Template) (*render.Part, error) {
	f := buildFacts(b)
	b.Pub.Facts = f
	reasonUnknowns(b, f)
	kindUnknowns(b)
	w := render.NewWriter(t)
	y := b.Doc.Year
	s := func(id, heading string, blocks ...render.Block) *render.Section {
		return &render.Section{ID: id, Heading: heading, Blocks: blocks}
	}
	gpChart := b.Chart(w, "一般公共预算当年拨款结构图", f.GPCategory)
	tpChart := b.Chart(w, "三公经费分布图", []render.Item{
		{Name: "因公出国（境）费", Amount: f.Travel}, {Name: "公务接待费", Amount: f.Reception},
		{Name: "公务用车购置费", Amount: f.VehiclePurchase}, {Name: "公务用车运行维护费", Amount: f.VehicleOperation},
	})
	// The notes pointing to the attached forms only where forms are attached.
	overall := func() string {
		if f.UnitsWithGoals > 0 && !b.Doc.Performance.OverallGoalAmount.Set {
			return b.Unknown("unknown-overall-goal", "单位整体绩效目标涉及的资金", "performance.overall_goal_amount", b.Doc.Performance.OverallGoalAmount.Pos)
		}
		return w.Say("十.整体", f)
	}
	ten := []render.Block{render.Sub("1、整体绩效目标"), render.Para(overall())}
	if f.UnitsWithGoals > 0 {
		ten = append(ten, render.Note("（部门（单位）整体目标表公开情况见附件）"))
	}
	projectGoals := func() string {
		if n := categoryUnknowns(b); n > 0 {
			return render.Mark(fmt.Sprintf("%d个项目的项目类别（其他运转类或特定目标类）", n))
		}
		return w.Say("十.项目", f)
	}
	ten = append(ten, render.Sub("2、项目绩效目标"), render.Para(projectGoals()))
	forms := b.GoalForms()
	if len(forms) > 0 {
		ten = append(ten, render.Note("（项目绩效目标表公开情况见附件）"))
	}
	for _, form := range forms {
		ten = append(ten, render.Block{Kind: render.BlockForm, Form: form})
	}
	var eleven []render.Block
	if !render.AssetsGiven(b.Doc.Assets) {
		eleven = append(eleven, render.Para(b.Unknown("unknown-assets", "国有资产占有使用情况（车辆、办公用房、大额设备）", "assets", b.KeyPos("assets"))))
	} else if !f.HasAsOf {
		f.AsOf = b.Unknown("unknown-assets", "国有资产的统计日期", "assets.as_of", b.Doc.Assets.AsOf.Pos)
	}
	if f.HasVehicles {
		eleven = append(eleven, render.Sub("1、车辆情况："), render.Para(w.Say("十一.车辆", f)))
	}
	if f.HasOfficeArea {
		eleven = append(eleven, render.Sub(fmt.Sprintf("%d、房屋情况：", len(eleven)/2+1)), render.Para(w.Say("十一.房屋", f)))
	}
	if f.HasEquipment {
		eleven = append(eleven, render.Sub(fmt.Sprintf("%d、其他国有资产占有使用情况：", len(eleven)/2+1)), render.Para(w.Say("十一.设备", f)))
	}
	sections := []*render.Section{
		s(SecTotals, "一、部门预算收支数据变动情况及原因", render.Para(w.Say("一", f))),
		s(SecRevenue, "二、收入预算情况说明", render.Para(w.Say("二", f))),
		s(SecExpenditure, "三、支出预算情况说明", render.Para(w.Say("三", f))),
		s(SecFiscal, "四、财政拨款收支预算总体情况说明", render.Para(w.Say("四", f))),
		s(SecGeneralPublic, "五、一般公共预算支出情况说明", append([]render.Block{
			render.Sub("（一）一般公共预算当年支出规模变化情况"), render.Para(w.Say("五.一", f)),
			render.Sub("（二）一般公共预算当年支出结构情况"), render.Para(w.Say("五.二", f))}, render.ChartBlocks(gpChart)...)...),
		s(SecBasic, "六、一般公共预算基本支出情况说明", render.Para(w.Say("六", f)), render.Para(w.Say("六.人员", f)), render.Para(w.Say("六.公用", f))),
		s(SecThreePublic, "七、“三公”经费增减变动原因说明", append([]render.Block{render.Para(w.Say("七", f))}, render.ChartBlocks(tpChart)...)...),
		s(SecOperatingCosts, "八、机关运行经费增减变动原因说明", render.Para(w.Say("八", f))),
		s(SecProcurement, "九、政府采购情况", render.Para(procurement(b, w, f))),
		s(SecPerformance, "十、绩效管理情况", ten...),
		s(SecAssets, "十一、国有资产占有使用情况", eleven...),
		s(SecOtherNotes, "十二、其他说明"),
		{ID: SecPurchaseOfSvcs, Heading: "（一）政府购买服务指导性目录", Level: 2, Paragraphs: b.TextOrUnknown(b.Doc.Notes.PurchaseOfServices, "unknown-notes", "政府购买服务指导性目录的说明", "notes.purchase_of_services")},
		{ID: SecOther, Heading: "（二）其他", Level: 2, Paragraphs: b.TextOrUnknown(b.Doc.Notes.Other, "unknown-notes", "其他说明", "notes.other")},
	}
	if w.Err() != nil {
		return nil, w.Err()
	}
	return &render.Part{ID: render.PartExplanation, Title: fmt.Sprintf("第三部分 %d年度部门预算情况说明", y), Sections: sections}, nil
}

// procurement is 九's sentence, or the mark of the figures not given.
func procurement(b *render.Builder, w *render.Writer, f *Facts) string {
	if missing := render.ProcurementMissing(b.Doc.Procurement); len(missing) > 0 {
		at := b.Doc.Procurement.Pos
		return b.Unknown("unknown-procurement", "政府采购预算（"+strings.Join(missing, "、")+"）", "procurement", at)
	}
	return w.Say("九", f)
}

// reasonUnknowns puts a mark where a heading asks for the reason of a
// change (一, 七, 八) and none was given: the sentence then says the
// reason is missing instead of leaving it out.
func reasonUnknowns(b *render.Builder, f *Facts) {
	for _, x := range changes(b.Doc, f) {
		if !x.asked || render.Given(x.text) || !x.prior.Set || render.Round(x.cur).Equal(render.Round(x.prior.Value)) || render.Round(f.Total).IsZero() {
			continue
		}
		at := x.text.Pos
		if at.Line == 0 {
			at = b.KeyPos("reasons")
		}
		if at.Line <= 1 {
			at = b.KeyPos("prior_year")
		}
		*x.reason = b.Unknown("reason-missing", x.what+"比上年增减的原因", "reasons."+x.key, at)
	}
}

// kindUnknowns records each unit whose kind was not given.
func kindUnknowns(b *render.Builder) {
	for i, u := range b.Doc.Units {
		if !render.Given(u.Kind) {
			b.Unknown("unknown-unit-kind", "单位“"+u.Name.Value+"”的类型（行政单位、参照公务员法管理的事业单位或事业单位）", fmt.Sprintf("units[%d].kind", i), u.Pos)
		}
	}
}

// categoryUnknowns records each current-year project whose category was
// not given, and counts them.
func categoryUnknowns(b *render.Builder) int {
	n := 0
	for i, p := range b.Doc.Projects {
		if !p.Carryover && !render.Given(p.Category) {
			b.Unknown("unknown-category", "项目“"+p.Name.Value+"”的项目类别", fmt.Sprintf("projects[%d].category", i), p.Pos)
			n++
		}
	}
	return n
}

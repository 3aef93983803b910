package render

import (
	"bytes"
	"fmt"
	"reflect"
	"regexp"
	"strings"
	"text/template"
)

// leftovers are what a sentence must never print: template debris, a
// formatting error, a figure that is not a number, an empty figure.
var leftovers = regexp.MustCompile(`<no value>|\{\{|\}\}|%!|NaN|Inf|(^|[^0-9])万元|占%|<nil>`)

// writer executes the wording templates for 第三部分.
type writer struct {
	t     *template.Template
	facts *Facts
	err   error
}

// maxParagraph bounds what one define may write (a paragraph of the
// reference is under 600 characters).
const maxParagraph = 64 << 10

// say executes one define with data; an error is kept and reported once.
// Debris is looked for in what the template itself writes: the define is
// first executed with every text of the data masked, so that a clerk's
// reason ("约数十万元") or a name can never be taken for a leftover; then
// with the data as it is, for the page.
func (w *writer) say(name string, data any) string {
	if w.err != nil {
		return ""
	}
	masked, err := w.exec(name, mask(data))
	if err == nil {
		if m := leftovers.FindString(masked); m != "" || strings.TrimSpace(masked) == "" {
			err = fmt.Errorf("句式模板 %q 生成的文字有误（%q）：%s", name, m, masked)
		}
	}
	var s string
	if err == nil {
		s, err = w.exec(name, data)
	}
	if err != nil {
		w.err = err
		return ""
	}
	return strings.TrimSpace(s)
}

// exec runs one define into a bounded buffer.
func (w *writer) exec(name string, data any) (string, error) {
	buf := &limited{max: maxParagraph}
	if err := w.t.ExecuteTemplate(buf, name, data); err != nil {
		if buf.over {
			return "", fmt.Errorf("句式模板 %q 生成的文字过长（超过 %d 字节）", name, maxParagraph)
		}
		return "", fmt.Errorf("句式模板 %q 无法生成：%w", name, err)
	}
	return buf.b.String(), nil
}

// limited is a buffer that refuses to grow past max bytes.
type limited struct {
	b    bytes.Buffer
	max  int
	over bool
}

func (l *limited) Write(p []byte) (int, error) {
	if l.b.Len()+len(p) > l.max {
		l.over = true
		return 0, fmt.Errorf("output limit")
	}
	return l.b.Write(p)
}

// maskedText stands for a text of the data while debris is looked for.
const maskedText = "〔文字〕"

// mask is a copy of data with every non-empty string replaced by
// maskedText (empty ones stay empty, so that with and if decide alike).
func mask(data any) any {
	v := reflect.ValueOf(data)
	out := reflect.New(v.Type()).Elem()
	maskValue(out, v)
	return out.Interface()
}

func maskValue(dst, src reflect.Value) {
	switch src.Kind() {
	case reflect.String:
		if src.Len() > 0 {
			dst.SetString(maskedText)
		}
	case reflect.Struct:
		if src.Type() == decimalType {
			dst.Set(src)
			return
		}
		for i := 0; i < src.NumField(); i++ {
			if dst.Field(i).CanSet() {
				maskValue(dst.Field(i), src.Field(i))
			}
		}
	case reflect.Slice:
		if src.IsNil() {
			return
		}
		dst.Set(reflect.MakeSlice(src.Type(), src.Len(), src.Len()))
		for i := 0; i < src.Len(); i++ {
			maskValue(dst.Index(i), src.Index(i))
		}
	case reflect.Pointer:
		if !src.IsNil() {
			dst.Set(reflect.New(src.Type().Elem()))
			maskValue(dst.Elem(), src.Elem())
		}
	default:
		dst.Set(src)
	}
}

func para(s string) Block { return Block{Kind: BlockParagraph, Text: s} }
func sub(s string) Block  { return Block{Kind: BlockSubheading, Text: s} }
func note(s string) Block { return Block{Kind: BlockNote, Text: s} }

// part3 generates 第三部分: twelve sections of sentences computed from the
// input, with the two charts and the published performance-goal forms.
func (b *Builder) part3(t *template.Template) (*Part, error) {
	f := b.facts()
	b.Pub.Facts = f
	b.reasonUnknowns(f)
	b.kindUnknowns()
	w := &writer{t: t, facts: f}
	y := b.Doc.Year
	s := func(id, heading string, blocks ...Block) *Section {
		return &Section{ID: id, Heading: heading, Blocks: blocks}
	}
	gpChart := b.chart(w, "一般公共预算当年拨款结构图", f.GPCategory)
	tpChart := b.chart(w, "三公经费分布图", []Item{
		{"因公出国（境）费", f.Travel}, {"公务接待费", f.Reception},
		{"公务用车购置费", f.VehiclePurchase}, {"公务用车运行维护费", f.VehicleOperation},
	})
	// The notes pointing to the attached forms only where forms are attached.
	overall := func() string {
		if f.UnitsWithGoals > 0 && !b.Doc.Performance.OverallGoalAmount.Set {
			return b.Unknown("unknown-overall-goal", "单位整体绩效目标涉及的资金", "performance.overall_goal_amount", b.Doc.Performance.OverallGoalAmount.Pos)
		}
		return w.say("十.整体", f)
	}
	ten := []Block{sub("1、整体绩效目标"), para(overall())}
	if f.UnitsWithGoals > 0 {
		ten = append(ten, note("（部门（单位）整体目标表公开情况见附件）"))
	}
	projectGoals := func() string {
		if n := b.categoryUnknowns(); n > 0 {
			return Mark(fmt.Sprintf("%d个项目的项目类别（其他运转类或特定目标类）", n))
		}
		return w.say("十.项目", f)
	}
	ten = append(ten, sub("2、项目绩效目标"), para(projectGoals()))
	forms := b.GoalForms()
	if len(forms) > 0 {
		ten = append(ten, note("（项目绩效目标表公开情况见附件）"))
	}
	for _, form := range forms {
		ten = append(ten, Block{Kind: BlockForm, Form: form})
	}
	var eleven []Block
	if !assetsGiven(b.Doc.Assets) {
		eleven = append(eleven, para(b.Unknown("unknown-assets", "国有资产占有使用情况（车辆、办公用房、大额设备）", "assets", b.KeyPos("assets"))))
	} else if !f.HasAsOf {
		f.AsOf = b.Unknown("unknown-assets", "国有资产的统计日期", "assets.as_of", b.Doc.Assets.AsOf.Pos)
	}
	if f.HasVehicles {
		eleven = append(eleven, sub("1、车辆情况："), para(w.say("十一.车辆", f)))
	}
	if f.HasOfficeArea {
		eleven = append(eleven, sub(fmt.Sprintf("%d、房屋情况：", len(eleven)/2+1)), para(w.say("十一.房屋", f)))
	}
	if f.HasEquipment {
		eleven = append(eleven, sub(fmt.Sprintf("%d、其他国有资产占有使用情况：", len(eleven)/2+1)), para(w.say("十一.设备", f)))
	}
	sections := []*Section{
		s(SecTotals, "一、部门预算收支数据变动情况及原因", para(w.say("一", f))),
		s(SecRevenue, "二、收入预算情况说明", para(w.say("二", f))),
		s(SecExpenditure, "三、支出预算情况说明", para(w.say("三", f))),
		s(SecFiscal, "四、财政拨款收支预算总体情况说明", para(w.say("四", f))),
		s(SecGeneralPublic, "五、一般公共预算支出情况说明", append([]Block{
			sub("（一）一般公共预算当年支出规模变化情况"), para(w.say("五.一", f)),
			sub("（二）一般公共预算当年支出结构情况"), para(w.say("五.二", f))}, chartBlock(gpChart)...)...),
		s(SecBasic, "六、一般公共预算基本支出情况说明", para(w.say("六", f)), para(w.say("六.人员", f)), para(w.say("六.公用", f))),
		s(SecThreePublic, "七、“三公”经费增减变动原因说明", append([]Block{para(w.say("七", f))}, chartBlock(tpChart)...)...),
		s(SecOperatingCosts, "八、机关运行经费增减变动原因说明", para(w.say("八", f))),
		s(SecProcurement, "九、政府采购情况", para(b.procurement(w, f))),
		s(SecPerformance, "十、绩效管理情况", ten...),
		s(SecAssets, "十一、国有资产占有使用情况", eleven...),
		s(SecOtherNotes, "十二、其他说明"),
		{ID: SecPurchaseOfSvcs, Heading: "（一）政府购买服务指导性目录", Level: 2, Paragraphs: b.TextOrUnknown(b.Doc.Notes.PurchaseOfServices, "unknown-notes", "政府购买服务指导性目录的说明", "notes.purchase_of_services")},
		{ID: SecOther, Heading: "（二）其他", Level: 2, Paragraphs: b.TextOrUnknown(b.Doc.Notes.Other, "unknown-notes", "其他说明", "notes.other")},
	}
	if w.err != nil {
		return nil, w.err
	}
	return &Part{ID: PartExplanation, Title: fmt.Sprintf("第三部分 %d年度部门预算情况说明", y), Sections: sections}, nil
}

// chartBlock is a chart's block, none when there is nothing to chart: the
// paragraph before it already says the budget has no such money.
func chartBlock(c *Chart) []Block {
	if len(c.Slices) == 0 {
		return nil
	}
	return []Block{{Kind: BlockChart, Chart: c}}
}

// procurement is 九's sentence, or the mark of the figures not given.
func (b *Builder) procurement(w *writer, f *Facts) string {
	if missing := procurementMissing(b.Doc.Procurement); len(missing) > 0 {
		at := b.Doc.Procurement.Pos
		return b.Unknown("unknown-procurement", "政府采购预算（"+strings.Join(missing, "、")+"）", "procurement", at)
	}
	return w.say("九", f)
}

// reasonUnknowns puts a mark where a heading asks for the reason of a
// change (一, 七, 八) and none was given: the sentence then says the
// reason is missing instead of leaving it out.
func (b *Builder) reasonUnknowns(f *Facts) {
	for _, x := range changes(b.Doc, f) {
		if !x.asked || Given(x.text) || !x.prior.Set || Round(x.cur).Equal(Round(x.prior.Value)) || Round(f.Total).IsZero() {
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
func (b *Builder) kindUnknowns() {
	for i, u := range b.Doc.Units {
		if !Given(u.Kind) {
			b.Unknown("unknown-unit-kind", "单位“"+u.Name.Value+"”的类型（行政单位、参照公务员法管理的事业单位或事业单位）", fmt.Sprintf("units[%d].kind", i), u.Pos)
		}
	}
}

// categoryUnknowns records each current-year project whose category was
// not given, and counts them.
func (b *Builder) categoryUnknowns() int {
	n := 0
	for i, p := range b.Doc.Projects {
		if !p.Carryover && !Given(p.Category) {
			b.Unknown("unknown-category", "项目“"+p.Name.Value+"”的项目类别", fmt.Sprintf("projects[%d].category", i), p.Pos)
			n++
		}
	}
	return n
}

// chart makes a pie chart of the non-zero items; with fewer than two it
// says so in a sentence instead.
func (b *Builder) chart(w *writer, title string, items []Item) *Chart {
	c := &Chart{Title: title}
	for _, it := range items {
		if !Round(it.Amount).IsZero() {
			c.Total = c.Total.Add(it.Amount)
			c.Slices = append(c.Slices, Slice{Label: it.Name, Amount: Round(it.Amount)})
		}
	}
	for i := range c.Slices {
		c.Slices[i].Share = Percent(c.Slices[i].Amount, c.Total)
	}
	switch len(c.Slices) {
	case 0:
		c.Sentence = w.say("图.无数据", ChartWording{Title: title})
	case 1:
		c.Sentence = w.say("图.单项", ChartWording{Title: title, Label: c.Slices[0].Label, Amount: c.Slices[0].Amount})
	}
	return c
}

package pdf_test

// These tests render a small publication built by hand — a 第三部分 with
// sub-headings, paragraphs, notes, two pie charts (one of them a sentence),
// sub-sections and a 60-row form — and read the PDF back with pdftotext and
// qpdf. Set BUDGETPUB_PDF_OUT to a directory to keep the PDF there
// (blocks.pdf) and look at it.

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/budgetpub/budgetpub/fonts"
	"github.com/budgetpub/budgetpub/render"
	"github.com/budgetpub/budgetpub/render/pdf"
	"github.com/shopspring/decimal"
)

// pieChart is a chart of labelled amounts, shares rounded once.
func pieChart(title string, items ...string) *render.Chart {
	c := &render.Chart{Title: title}
	for i := 1; i < len(items); i += 2 {
		c.Total = c.Total.Add(decimal.RequireFromString(items[i]))
	}
	for i := 0; i+1 < len(items); i += 2 {
		d := decimal.RequireFromString(items[i+1])
		c.Slices = append(c.Slices, render.Slice{Label: items[i], Amount: d, Share: d.Mul(decimal.NewFromInt(100)).Div(c.Total).Round(2)})
	}
	return c
}

// goalsForm is a 项目支出绩效目标表 of 60 rows: a head of project facts,
// then groups of four indicator rows under a label spanning them, with
// long values that wrap.
func goalsForm() *render.Form {
	fm := &render.Form{
		Title:    "大同市市级预算部门（单位）项目支出绩效目标表",
		Subtitle: "(2024年度)",
		Weights:  []float64{1.3, 1.3, 2.4, 1.4, 2.4, 1.4},
		Rows:     60,
	}
	add := func(row, col, rs, cs int, text string, label bool) {
		fm.Cells = append(fm.Cells, render.FormCell{Row: row, Col: col, RowSpan: rs, ColSpan: cs, Text: text, Label: label})
	}
	add(0, 0, 1, 2, "项目名称", true)
	add(0, 2, 1, 4, "Z大同市重点项目智慧服务平台服务费", false)
	add(1, 0, 1, 2, "主管部门及代码", true)
	add(1, 2, 1, 1, "003-大同市人民政府办公室[部门]", false)
	add(1, 3, 1, 1, "实施单位", true)
	add(1, 4, 1, 2, "大同市人民政府办公室", false)
	add(2, 0, 1, 2, "项目概况", true)
	add(2, 2, 1, 4, "通过信息化、专业化手段，搭建重点项目数字督办平台，对全市重点项目建设工程进度实现视频化，全过程督办、协调、服务，数字化、可视化高效推进项目建设。", false)
	add(3, 0, 1, 2, "立项依据", true)
	add(3, 2, 1, 4, "关于印发《大同市转型项目攻坚行动方案》的通知关于印发《大同市项目建设“冬季行动”工作方案》的通知关于建设重点项目数字督办平台的请示。", false)
	for g := 0; g < 14; g++ {
		top := 4 + 4*g
		add(top, 0, 4, 1, fmt.Sprintf("第%d类指标", g+1), true)
		for r := 0; r < 4; r++ {
			row := top + r
			add(row, 1, 1, 1, fmt.Sprintf("指标%d.%d", g+1, r+1), true)
			add(row, 2, 1, 1, fmt.Sprintf("项目%d-%d的", g+1, r+1)+strings.Repeat("保障政务公开业务正常开展，", 1+(g+r)%4), false)
			add(row, 3, 1, 1, fmt.Sprintf("≥%d%%", 90+r), false)
			add(row, 4, 1, 1, fmt.Sprintf("年度%d-%d的", g+1, r+1)+strings.Repeat("提高信息发布与政策解读能力，", 1+(g*3+r)%5), false)
			add(row, 5, 1, 1, fmt.Sprintf("%d.%02d万元", 10+g, r*7), false)
		}
	}
	return fm
}

// blocksPub is a publication with the blocks 第三部分 has.
func blocksPub() *render.Publication {
	five := pieChart("一般公共预算当年拨款结构图",
		"一般公共服务支出", "4256.93", "文化旅游体育与传媒支出", "64.45", "社会保障和就业支出", "448.57",
		"卫生健康支出", "108.57", "住房保障支出", "224.90")
	three := pieChart("三公经费分布图", "公务用车运行维护费", "12.10")
	three.Sentence = "2024年“三公”经费预算仅有公务用车运行维护费一项，故不绘制分布图。"
	return &render.Publication{
		Year: 2024, Department: "大同市人民政府办公室", Unit: "万元", Title: "2024年度部门预算公开",
		Parts: []*render.Part{
			{Title: "第一部分 概况", Sections: []*render.Section{
				{Heading: "一、本部门职责", Paragraphs: []string{"负责处理政府日常工作。"}},
			}},
			{Title: "第三部分 2024年度部门预算情况说明", Sections: []*render.Section{
				{Heading: "五、一般公共预算当年支出情况说明", Blocks: []render.Block{
					{Kind: render.BlockSubheading, Text: "（一）一般公共预算当年支出规模变化情况"},
					{Kind: render.BlockParagraph, Text: "2024年度一般公共预算当年支出5,103.42万元，比上年增加447.83万元，增长9.62%。"},
					{Kind: render.BlockSubheading, Text: "（二）一般公共预算当年支出结构情况"},
					{Kind: render.BlockParagraph, Text: "一般公共服务支出4,256.93万元，占83.41%；住房保障支出224.90万元，占4.41%等。"},
					{Kind: render.BlockChart, Chart: five},
				}},
				{Heading: "七、“三公”经费增减变动原因说明", Blocks: []render.Block{
					{Kind: render.BlockParagraph, Text: "“三公”经费预算12.10万元，与上年预算数相同。"},
					{Kind: render.BlockChart, Chart: three},
				}},
				{Heading: "十、绩效管理情况"},
				{Heading: "1、整体绩效目标", Level: 2, Blocks: []render.Block{
					{Kind: render.BlockParagraph, Text: "2024年编报部门整体支出绩效目标，涉及部门预算资金5,103.42万元。"},
					{Kind: render.BlockNote, Text: "（部门（单位）整体目标表公开情况见附件）"},
				}},
				{Heading: "2、项目绩效目标", Level: 2, Blocks: []render.Block{
					{Kind: render.BlockParagraph, Text: "纳入绩效目标管理的二级项目45个，共计金额2,796.68万元。"},
					{Kind: render.BlockNote, Text: "（项目绩效目标表公开情况见附件）"},
					{Kind: render.BlockForm, Form: goalsForm()},
				}},
			}},
			{Title: "第四部分 名词解释", Sections: []*render.Section{
				{Paragraphs: []string{"一、财政拨款收入：指本级财政当年拨付的资金。"}},
			}},
		},
	}
}

var (
	blocksOnce sync.Once
	blocksDoc  rendered
)

// blocksPDF renders blocksPub once, and keeps it in $BUDGETPUB_PDF_OUT
// when that is set.
func blocksPDF(t testing.TB) (*render.Publication, []byte) {
	t.Helper()
	blocksOnce.Do(func() {
		pub := blocksPub()
		fs, err := fonts.Bundled()
		if err != nil {
			blocksDoc.err = err
			return
		}
		b, err := pdf.Bytes(pub, fs)
		blocksDoc = rendered{pub: pub, pdf: b, err: err}
		if dir := os.Getenv("BUDGETPUB_PDF_OUT"); dir != "" && err == nil {
			blocksDoc.err = os.WriteFile(filepath.Join(dir, "blocks.pdf"), b, 0o644)
		}
	})
	if blocksDoc.err != nil {
		t.Fatal(blocksDoc.err)
	}
	return blocksDoc.pub, blocksDoc.pdf
}

// blocksOf finds the section with the heading.
func sectionOf(t testing.TB, pub *render.Publication, heading string) *render.Section {
	for _, p := range pub.Parts {
		for _, s := range p.Sections {
			if s.Heading == heading {
				return s
			}
		}
	}
	t.Fatalf("no section %q", heading)
	return nil
}

// TestBlocksText: the 第三部分 prints, in reading order, its section
// headings and every paragraph, sub-heading and note of their blocks; each
// pie chart's legend prints every slice's label, amount (4,256.93万元) and
// share (83.41%) on the chart's page; a chart with a sentence prints its
// title and the sentence.
func TestBlocksText(t *testing.T) {
	pub, b := blocksPDF(t)
	e := extract(t, b)
	start := e.headingPage(pub.Parts[1].Title)
	end := e.headingPage(pub.Parts[2].Title)
	if start < 0 || end <= start {
		t.Fatalf("第三部分 on PDF pages %d–%d", start+1, end)
	}
	plain := ""
	for i := start; i < end; i++ {
		plain += strip(withoutFooter(e.plain[i]))
	}
	// Reading order: headings, paragraphs, sub-headings and notes follow
	// each other as the model has them.
	rest := plain
	for _, s := range pub.Parts[1].Sections {
		for _, want := range append([]string{s.Heading}, blockTexts(s)...) {
			k := strings.Index(rest, strip(want))
			if k < 0 {
				t.Errorf("%q is not printed (in order) in 第三部分", want)
				continue
			}
			rest = rest[k+len(strip(want)):]
		}
	}

	five := sectionOf(t, pub, "五、一般公共预算当年支出情况说明").Blocks[4].Chart
	page := -1
	for i := start; i < end; i++ {
		if hasLine(e.layout[i], five.Title) {
			page = i
		}
	}
	if page < 0 {
		t.Fatalf("the chart's title %q is on no line of its own", five.Title)
	}
	raw := strip(e.raw[page])
	words := map[string]bool{}
	for _, w := range e.bbox[page].Words() {
		words[w.Text] = true
	}
	for _, s := range five.Slices {
		amount := addCommas(s.Amount.StringFixed(2)) + "万元"
		share := s.Share.StringFixed(2) + "%"
		if !strings.Contains(raw, strip(s.Label)) {
			t.Errorf("the legend does not print %q", s.Label)
		}
		// Amounts and shares are whole words: 4.41% is not taken for 84.41%.
		if !words[amount] || !words[share] {
			t.Errorf("the legend of %q prints amount %q: %v, share %q: %v", s.Label, amount, words[amount], share, words[share])
		}
	}
	for _, w := range []string{"4,256.93万元", "83.41%", "64.45万元", "1.26%"} {
		if !words[w] {
			t.Errorf("the legend does not print %q", w)
		}
	}
	three := sectionOf(t, pub, "七、“三公”经费增减变动原因说明").Blocks[1].Chart
	if !strings.Contains(plain, strip(three.Title)+strip(three.Sentence)) {
		t.Errorf("the chart with a sentence does not print its title and the sentence")
	}
	checkInside(t, e, 20)
}

// blockTexts lists the texts of a section's paragraphs and blocks.
func blockTexts(s *render.Section) []string {
	out := append([]string(nil), s.Paragraphs...)
	for _, b := range s.Blocks {
		switch b.Kind {
		case render.BlockParagraph, render.BlockSubheading, render.BlockNote:
			out = append(out, b.Text)
		}
	}
	return out
}

// addCommas puts thousands separators into a fixed-point amount.
func addCommas(s string) string {
	i := strings.IndexByte(s, '.')
	for j := i - 3; j > 0; j -= 3 {
		s = s[:j] + "," + s[j:]
	}
	return s
}

// TestBlocksForm: the 60-row form runs over more than one page; each of its
// cells' texts is printed (white space aside, in content-stream order, as
// a wrapped cell's lines follow each other there); every word stays 20 pt
// inside the page and overlaps no other.
func TestBlocksForm(t *testing.T) {
	pub, b := blocksPDF(t)
	e := extract(t, b)
	fm := sectionOf(t, pub, "2、项目绩效目标").Blocks[2].Form
	first, last := -1, -1
	for i := range e.raw {
		raw := strip(e.raw[i])
		if strings.Contains(raw, strip(fm.Cells[0].Text)) && first < 0 {
			first = i
		}
		if strings.Contains(raw, strip(fm.Cells[len(fm.Cells)-1].Text)) {
			last = i
		}
	}
	if first < 0 || last <= first {
		t.Fatalf("the form's first cell is on PDF page %d, its last on %d: want more than one page", first+1, last+1)
	}
	raw := ""
	for i := first; i <= last; i++ {
		raw += strip(withoutFooter(e.raw[i]))
	}
	missing := 0
	for _, c := range fm.Cells {
		if !strings.Contains(raw, strip(c.Text)) {
			if missing++; missing <= 10 {
				t.Errorf("cell (%d,%d) %q is not printed", c.Row, c.Col, c.Text)
			}
		}
	}
	if !strings.Contains(raw, strip(fm.Title)+strip(fm.Subtitle)) {
		t.Errorf("the form's title and subtitle are not printed above it")
	}
	checkInside(t, e, 20)
}

// TestBlocksSubsections: sections of level 2 are in the 目录 after their
// section, indented deeper than it (which is indented deeper than the
// part), and in the bookmarks as children of that section — grandchildren
// of the part — each pointing at the page of its heading.
func TestBlocksSubsections(t *testing.T) {
	pub, b := blocksPDF(t)
	e := extract(t, b)
	fb := e.firstBody()
	if fb < 2 {
		t.Fatalf("no 目录 page")
	}
	indent := func(entry string) float64 {
		t.Helper()
		for i := 1; i < fb; i++ {
			for _, ln := range visualLines(&e.bbox[i]) {
				if strings.HasPrefix(strip(ln.text()), strip(entry)) {
					return ln.words[0].XMin
				}
			}
		}
		t.Fatalf("the 目录 has no line starting with %q", entry)
		return 0
	}
	part := indent("第三部分 2024年度部门预算情况说明")
	sec := indent("十、绩效管理情况")
	sub1, sub2 := indent("1、整体绩效目标"), indent("2、项目绩效目标")
	if !(sec-part > 15 && sub1-sec > 15 && abs(sub1-sub2) < 0.5) {
		t.Errorf("目录 indents: part %.1f, section %.1f, sub-sections %.1f and %.1f: want each level deeper", part, sec, sub1, sub2)
	}

	q := readQPDF(t, writePDF(t, b))
	var three *outlineItem
	for i := range q.Outlines {
		if q.Outlines[i].Title == pub.Parts[1].Title {
			three = &q.Outlines[i]
		}
	}
	if three == nil {
		t.Fatalf("no bookmark %q", pub.Parts[1].Title)
	}
	var got []string
	for _, kid := range three.Kids {
		s := kid.Title
		for _, gk := range kid.Kids {
			s += " > " + gk.Title
			if len(gk.Kids) > 0 {
				t.Errorf("bookmark %q has children", gk.Title)
			}
			h := e.headingPage(gk.Title)
			if h < 0 || gk.DestPage != h+1 {
				t.Errorf("bookmark %q goes to PDF page %d; its heading is on PDF page %d", gk.Title, gk.DestPage, h+1)
			}
		}
		got = append(got, s)
	}
	want := []string{
		"五、一般公共预算当年支出情况说明",
		"七、“三公”经费增减变动原因说明",
		"十、绩效管理情况 > 1、整体绩效目标 > 2、项目绩效目标",
	}
	if strings.Join(got, " | ") != strings.Join(want, " | ") {
		t.Errorf("bookmarks under %q:\n got  %q\n want %q", three.Title, got, want)
	}
	for _, top := range q.Outlines {
		if top.Title == pub.Parts[0].Title && (len(top.Kids) != 1 || len(top.Kids[0].Kids) != 0) {
			t.Errorf("bookmarks under %q: %+v", top.Title, top.Kids)
		}
	}

	needTool(t, "qpdf")
	if out, err := runToolErr("qpdf", "--check", writePDF(t, b)); err != nil || strings.Contains(strings.ToLower(out), "warning") {
		t.Errorf("qpdf --check: %v\n%s", err, out)
	}
}

package shanxi13

import (
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/budgetpub/budgetpub/render"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/templates"
	"github.com/shopspring/decimal"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// part3Lines is 第三部分 as text: section headings, blocks, charts and forms
// (by their titles and project), one per line.
func part3Lines(p *render.Publication) []string {
	var out []string
	for _, s := range p.Part(render.PartExplanation).Sections {
		out = append(out, s.Heading)
		out = append(out, s.Paragraphs...)
		for _, b := range s.Blocks {
			switch b.Kind {
			case render.BlockChart:
				out = append(out, b.Chart.Title)
				if b.Chart.Sentence != "" {
					out = append(out, b.Chart.Sentence)
				}
				for _, sl := range b.Chart.Slices {
					out = append(out, "  · "+sl.Label+" "+render.FormatAmount(sl.Amount)+" "+render.FormatPercent(sl.Share))
				}
			case render.BlockForm:
				out = append(out, "  [表] "+b.Form.Title+b.Form.Subtitle+" "+b.Form.Cells[1].Text)
			default:
				out = append(out, b.Text)
			}
		}
	}
	return out
}

// TestPart3Golden: the sample's 第三部分, section by section, equals the
// golden file (checked against the reference by TestPart3AgainstReference).
// go test ./render -run Part3Golden -update rewrites it.
func TestPart3Golden(t *testing.T) {
	golden(t, "testdata/part3.golden", mustBuild(t, mustDecode(t, input.SampleName, input.Sample)))
}

// thinDoc is a small department with no “三公” money, no procurement, no
// goal forms, no unit with an overall goal and no prior-year figures.
const thinDoc = `schema: 1
year: 2025
department: {name: 精简局}
units:
  - {name: 精简局机关, kind: administrative}
expenditures:
  - {code: "2010301", basic: 80.00}
  - {code: "2010399", project: 20.00}
basic_by_economic:
  - {dept: "30101", gov: "50101", amount: 60.00}
  - {dept: "30201", gov: "50201", amount: 20.00}
projects:
  - {unit: 精简局机关, name: 日常办公项目, amounts: 20.00, category: other_operating}
three_public: {outbound_travel: 0, reception: 0, vehicle_purchase: 0, vehicle_operation: 0}
operating_costs:
  - {unit: 精简局机关, amount: 20.00}
procurement: {goods: 0, works: 0, services: 0}
overview:
  duties: 负责本县的精简工作。
  organization: 内设办公室一个。
assets:
  as_of: 2024-12-31
  office_area_m2: 320
notes: {purchase_of_services: 无, other: 无}
`

// unfilledDoc is a department as an import leaves it before the clerk
// fills in what the tables cannot give: figures only.
const unfilledDoc = `schema: 1
year: 2025
department: {name: 未填局}
units:
  - {name: 未填局}
  - {name: 未填中心}
expenditures:
  - {code: "2010301", basic: 80.00}
  - {code: "2010399", project: 20.00}
basic_by_economic:
  - {dept: "30101", gov: "50101", amount: 60.00}
  - {dept: "30201", gov: "50201", amount: 20.00}
projects:
  - {unit: 未填局, name: 日常办公项目, amounts: 20.00}
three_public: {reception: 2.00}
prior_year:
  total: 90.00
  three_public: {outbound_travel: 0, reception: 3.00, vehicle_purchase: 0, vehicle_operation: 0}
`

// TestPart3UnfilledGolden: where nobody said anything, the publication
// says so — a 【未填写：…】 mark in each such statement, never a blank, a 0
// or a 无 — and each mark is a finding of Check that stops the render.
func TestPart3UnfilledGolden(t *testing.T) {
	d := mustDecode(t, "unfilled.yaml", []byte(unfilledDoc))
	p := mustBuild(t, d)
	golden(t, "testdata/part3-unfilled.golden", p)
	text := strings.Join(part3Lines(p), "\n")
	for _, bad := range []string{"无。", "\n无\n", "未安排政府采购预算", "涉及资金0万元"} {
		if strings.Contains(text, bad) {
			t.Errorf("an unknown printed as a fact: %q", bad)
		}
	}
	marks := 0
	for _, s := range p.Part(render.PartOverview).Sections {
		for _, para := range s.Paragraphs {
			marks += len(render.Marks(para))
		}
	}
	marks += len(render.Marks(text))
	fs := render.Check(d, p)
	incomplete := 0
	for _, f := range fs {
		if f.Severity == render.SeverityIncomplete {
			incomplete++
		}
	}
	// Two unit kinds and a category are findings; the category's is one
	// mark for all projects, the kinds print nothing.
	if marks < 7 || incomplete != len(p.Unknowns) || render.StatusOf(fs) != render.StatusIncomplete {
		t.Errorf("%d marks, %d incomplete findings of %d unknowns, status %s", marks, incomplete, len(p.Unknowns), render.StatusOf(fs))
	}
}

// TestPart3ThinGolden: what a careful clerk would write where a figure is
// zero or absent — no list of zeros, no chart heading without a chart, no
// note pointing to forms that are not attached, no comparison with a
// prior year that is not given.
func TestPart3ThinGolden(t *testing.T) {
	p := mustBuild(t, mustDecode(t, "thin.yaml", []byte(thinDoc)))
	golden(t, "testdata/part3-thin.golden", p)
	text := strings.Join(part3Lines(p), "\n")
	for _, bad := range []string{"三公经费分布图", "见附件", "0个单位", "比上年", "其中：因公出国（境）费0万元", "政府采购预算总额0万元"} {
		if strings.Contains(text, bad) {
			t.Errorf("第三部分 says %q", bad)
		}
	}
}

// golden compares 第三部分 with a golden file (-update rewrites it).
func golden(t *testing.T, path string, p *render.Publication) {
	t.Helper()
	got := strings.Join(part3Lines(p), "\n") + "\n"
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) || i < len(wl); i++ {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Errorf("line %d:\n got  %s\n want %s", i+1, g, w)
			}
		}
	}
}

// referenceDiffs are every place where the sample's 第三部分 differs from the
// reference publication, as replacements that turn the reference's text into
// ours, each with its reason.
var referenceDiffs = []struct{ reference, ours, reason string }{
	{"增加项目经费支出等.；", "增加项目经费支出等；", "the reference has a stray full stop before ；"},
	{"增加项目经费支出等.", "增加项目经费支出等。", "the reference ends the paragraph with an ASCII full stop"},
	{"支出预算5103.42万元，其中：基本支出2306.74万元，占45.20%；项目支出2796.68万元", "支出预算5,103.42万元，其中：基本支出2,306.74万元，占45.20%；项目支出2,796.68万元", "every amount in a sentence has thousands separators (the reference's own other sections do)"},
	{"2024 年度", "2024年度", "a stray space in the reference"},
	{"增加1506.54万元", "增加1,506.54万元", "thousands separator"},
	{"基本支出 241.18万元，其中：", "基本支出241.17万元，其中：", "table 6's 合计 is the sum of its printed items, 241.17 (the reference's 241.18 comes from unrounded 元; see the workbook test); stray space"},
	{"人员经费 213.32万元，主要包括：其他社会保障缴费、绩效工资、基本工资、住房公积金、奖金、机关事业单位基本养老保险缴费、退休费、津贴补贴、职工基本医疗保险缴费等；",
		"人员经费213.31万元，主要包括：基本工资、津贴补贴、奖金、绩效工资、机关事业单位基本养老保险缴费、职工基本医疗保险缴费、其他社会保障缴费、住房公积金、退休费等；",
		"213.31 as table 6 prints it; the items in table 6's order rather than the reference's arbitrary one; stray space"},
	{"主要包括：办公费、办公设备购置、福利费、其他交通费、培训费、工会经费、差旅费等。", "主要包括：办公费、差旅费、培训费、工会经费、福利费、其他交通费用、办公设备购置等。",
		"table 6's order, and the item's name as table 6 prints it (其他交通费用)"},
	{"12.10万元与2023年预算数相同", "12.10万元，与2023年预算数相同", "a comma before the comparison, as in every other sentence"},
	{"涉及部门预算资金5103.42万元，其中基本支出2306.74万元，项目支出2796.68万元", "涉及部门预算资金5,103.42万元，其中基本支出2,306.74万元，项目支出2,796.68万元", "thousands separators"},
}

// referenceOnly are lines of the reference's 第三部分 that budgetpub does not
// print, and oursOnly lines it prints that the reference lacks.
var (
	referenceOnly = map[string]string{
		"山西省部门政府购买服务指导性目录": "an external catalog appended by the department, not data of its budget",
	}
	oursOnly = map[string]string{
		"全部为公务用车运行维护费12.10万元，占100.00%，不另绘制图形。": "a one-slice pie says nothing: a sentence replaces the reference's chart image",
	}
)

// referencePart3 returns the lines of the reference's 第三部分 outside the
// goal forms (which the workbook and PDF tests check) and its tables.
func referencePart3(t *testing.T) []string {
	b, err := os.ReadFile("../../cmd/budgetpub/testdata/reference.txt")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	in, forms := false, false
	for _, l := range strings.Split(string(b), "\n") {
		l = strings.TrimSpace(l)
		switch {
		case l == "第三部分 2024年度部门预算情况说明":
			in = true
			continue
		case l == "第四部分 名词解释":
			in = false
		case l == "山西省部门政府购买服务指导性目录":
			// The department's appended catalog runs to 第四部分: only its title is kept.
			out = append(out, l)
			in = false
		case strings.Contains(l, "项目支出绩效目标表"):
			forms = true
		case strings.HasPrefix(l, "十一、国有资产占有使用情况") && !strings.Contains(l, "....."):
			forms = false
		}
		if !in || forms || l == "" || strings.Contains(l, "\t") {
			continue
		}
		out = append(out, l)
	}
	return out
}

// TestPart3AgainstReference: after the listed differences, every line of the
// reference's 第三部分 is a line of ours and every line of ours is one of the
// reference's — so no figure or sentence differs unless listed with a reason.
func TestPart3AgainstReference(t *testing.T) {
	p := mustBuild(t, mustDecode(t, input.SampleName, input.Sample))
	ours := map[string]bool{}
	for _, l := range part3Lines(p) {
		if !strings.HasPrefix(l, "  ") && l != "" {
			ours[l] = true
		}
	}
	ref := map[string]bool{}
	used := map[string]bool{}
	for _, l := range referencePart3(t) {
		for _, d := range referenceDiffs {
			if strings.Contains(l, d.reference) {
				used[d.reference] = true
				l = strings.ReplaceAll(l, d.reference, d.ours)
			}
		}
		ref[l] = true
		if !ours[l] && referenceOnly[l] == "" {
			t.Errorf("reference line not in ours:\n %s", l)
		}
	}
	for l := range ours {
		if !ref[l] && oursOnly[l] == "" {
			t.Errorf("our line not in the reference:\n %s", l)
		}
	}
	for _, d := range referenceDiffs {
		if !used[d.reference] {
			t.Errorf("listed difference no longer met: %q (%s)", d.reference, d.reason)
		}
	}
	for l := range referenceOnly {
		if !ref[l] {
			t.Errorf("reference-only line %q not in the reference", l)
		}
	}
}

func TestWordingFunctions(t *testing.T) {
	d := decimal.RequireFromString
	cases := []struct {
		name       string
		cur        string
		prior      *string
		against    string
		wantChange string
	}{
		{"increase", "5103.42", ptr("4655.59"), "上年", "比上年增加447.83万元，增长9.62%"},
		{"decrease", "199.91", ptr("214.37"), "2023年", "比2023年预算减少14.46万元，下降6.75%"},
		{"equal", "12.10", ptr("12.1"), "上年", "与上年预算数相同"},
		{"equal vs year", "12.10", ptr("12.10"), "2023年", "与2023年预算数相同"},
		{"prior zero", "5.00", ptr("0"), "上年", "上年无此项预算"},
		{"both zero", "0", ptr("0"), "上年", "与上年预算数相同"},
		{"no prior figure", "5.00", nil, "上年", ""},
		{"large", "123456789.12", ptr("100000000"), "上年", "比上年增加23,456,789.12万元，增长23.46%"},
		{"rate rounds half up at .005", "100.01", ptr("80"), "上年", "比上年增加20.01万元，增长25.01%"}, // 25.0125 → 25.01
		{"rate .005 exactly", "1.00005", ptr("1"), "上年", "与上年预算数相同"},                        // equal as printed
		{"drop to zero", "0", ptr("3.5"), "上年", "比上年减少3.50万元，下降100.00%"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := render.Prior{}
			if c.prior != nil {
				p = render.Prior{Value: d(*c.prior), Set: true}
			}
			if got := render.FormatChange(d(c.cur), p, c.against); got != c.wantChange {
				t.Errorf("FormatChange = %q, want %q", got, c.wantChange)
			}
		})
	}
	amounts := map[string]string{
		"5103.42": "5,103.42万元", "0": "0万元", "0.004": "0万元", "0.005": "0.01万元", "1234567.895": "1,234,567.90万元",
		"999.995": "1,000.00万元", "12.1": "12.10万元", "100": "100.00万元",
	}
	for in, want := range amounts {
		if got := render.FormatAmount(d(in)); got != want {
			t.Errorf("FormatAmount(%s) = %q, want %q", in, got, want)
		}
	}
	shares := []struct{ part, total, want string }{
		{"2306.74", "5103.42", "占45.20%"}, {"5103.42", "5103.42", "占100.00%"}, {"0", "5103.42", "占0%"},
		{"1", "0", "占0%"}, {"1", "8", "占12.50%"}, {"1", "3", "占33.33%"}, {"2", "3", "占66.67%"},
		{"0.0005", "1", "占0.05%"}, {"0.00005", "1", "占0.01%"}, // .005 rounds half up
	}
	for _, s := range shares {
		if got := render.FormatShare(d(s.part), d(s.total)); got != s.want {
			t.Errorf("FormatShare(%s, %s) = %q, want %q", s.part, s.total, got, s.want)
		}
	}
	if got := render.JoinList([]string{"基本工资", "", "奖金"}); got != "基本工资、奖金" {
		t.Errorf("JoinList = %q", got)
	}
}

func ptr(s string) *string { return &s }

// A bureau's own wording replaces the defines it names; wording that leaves
// debris or an empty figure in the text stops the build.
func TestTemplateOverridesAndLeftovers(t *testing.T) {
	doc := mustDecode(t, input.SampleName, input.Sample)
	build := func(src string) (*render.Publication, error) {
		w, err := render.ParseWording("part3.tmpl", src)
		if err != nil {
			return nil, err
		}
		return render.BuildWith(doc, render.Options{Wording: w})
	}
	p, err := build(`{{define "九"}}本部门{{.Year}}年政府采购预算共计{{amount .Procurement}}。{{end}}`)
	if err != nil {
		t.Fatal(err)
	}
	nine := p.Section(SecProcurement).Blocks[0].Text
	if nine != "本部门2024年政府采购预算共计1,624.57万元。" {
		t.Errorf("override: %q", nine)
	}
	if one := p.Section(SecTotals).Blocks[0].Text; !strings.HasPrefix(one, "2024年度大同市人民政府办公室[部门]预算收入总计5,103.42万元") {
		t.Errorf("a define not overridden changed: %q", one)
	}
	bad := map[string]string{
		"missing field":     `{{define "一"}}{{.NoSuchFigure}}{{end}}`,
		"empty figure":      `{{define "一"}}收入总计万元。{{end}}`,
		"format debris":     `{{define "一"}}{{printf "%d" "x"}}{{end}}`,
		"no value":          `{{define "一"}}{{index .GPCategory 0 | printf "%v"}}<no value>{{end}}`,
		"left braces":       `{{define "一"}}{{"{{"}}{{end}}`,
		"empty paragraph":   `{{define "一"}}{{if false}}x{{end}}{{end}}`,
		"syntax":            `{{define "一"}}{{amount}{{end}}`,
		"calling a figure":  `{{define "一"}}{{amount .Dept}}{{end}}`,
		"not a real number": `{{define "一"}}{{printf "%v" "NaN"}}万元{{end}}`,
	}
	for name, src := range bad {
		if _, err := build(src); err == nil {
			t.Errorf("%s: built without error", name)
		}
	}
}

// Chart shares are each slice's exact share rounded once, and equal what the
// legend prints; a chart of fewer than two slices is a sentence.
func TestCharts(t *testing.T) {
	p := mustBuild(t, mustDecode(t, input.SampleName, input.Sample))
	var charts []*render.Chart
	for _, s := range p.Part(render.PartExplanation).Sections {
		for _, b := range s.Blocks {
			if b.Kind == render.BlockChart {
				charts = append(charts, b.Chart)
			}
		}
	}
	if len(charts) != 2 {
		t.Fatalf("%d charts", len(charts))
	}
	gp := charts[0]
	if len(gp.Slices) != 5 || gp.Sentence != "" || !gp.Total.Equal(decimal.RequireFromString("5103.42")) {
		t.Errorf("general public chart: %+v", gp)
	}
	sum := decimal.Zero
	for _, s := range gp.Slices {
		if want := s.Amount.Mul(decimal.NewFromInt(100)).Div(gp.Total).Round(2); !s.Share.Equal(want) {
			t.Errorf("%s share %s, want %s", s.Label, s.Share, want)
		}
		sum = sum.Add(s.Amount)
	}
	if !sum.Equal(gp.Total) {
		t.Errorf("slices sum to %s, total %s", sum, gp.Total)
	}
	if tp := charts[1]; tp.Sentence == "" || len(tp.Slices) != 1 {
		t.Errorf("三公 chart of one item: %+v", tp)
	}
}

// The default wording passes the checks a bureau's wording must pass.
func TestDefaultWordingPassesItsOwnChecks(t *testing.T) {
	if _, err := render.ParseWording("part3.tmpl", templates.Part3()); err != nil {
		t.Fatal(err)
	}
}

// A bureau's wording that would run for ever, exhaust memory or print
// debris is refused when it is parsed, naming its file, line and column.
func TestWordingIsBounded(t *testing.T) {
	cases := map[string]string{
		"range over a number":     `{{define "九"}}{{range 100000000000}}x{{end}}{{end}}`,
		"a define calling itself": `{{define "九"}}{{template "九" .}}{{end}}`,
		"another define":          `{{define "九"}}{{template "八" .}}{{end}}`,
		"a huge printf width":     `{{define "九"}}{{printf "%999999999d" 1}}{{end}}`,
		"the whole data":          `{{define "九"}}{{.}}{{end}}`,
		"a bare amount":           `{{define "九"}}{{.Total}}{{end}}`,
		"a type name":             `{{define "九"}}{{printf "%T" .}}{{end}}`,
		"a method":                `{{define "九"}}{{amount .Total.Neg}}{{end}}`,
		"print":                   `{{define "九"}}{{print .Total}}{{end}}`,
		"a list printed":          `{{define "九"}}{{.GPCategory}}{{end}}`,
		"an unknown paragraph":    `{{define "九十九"}}文字{{end}}`,
		"a wrong argument":        `{{define "九"}}{{amount .Dept}}{{end}}`,
		"printf of an amount":     `{{define "九"}}{{printf "%v" .Total}}{{end}}`,
	}
	for name, src := range cases {
		_, err := render.ParseWording("本地/part3.tmpl", src)
		if err == nil {
			t.Errorf("%s: accepted", name)
			continue
		}
		if !strings.Contains(err.Error(), "本地/part3.tmpl:") {
			t.Errorf("%s: %v does not name the file", name, err)
		}
	}
	ok := `{{define "九"}}{{.Year}}年{{.Dept}}政府采购预算总额{{amount .Procurement}}{{with .GPCategory}}，{{range $i, $c := .}}{{if $i}}、{{end}}{{$c.Name}}{{amount $c.Amount}}{{end}}{{end}}，{{printf "%d年" .PriorYear}}，共{{len .GPCategory}}项。{{end}}`
	if _, err := render.ParseWording("ok.tmpl", ok); err != nil {
		t.Errorf("good wording refused: %v", err)
	}
}

// A clerk's own words are never taken for template debris.
func TestClerkWordsAreNotDebris(t *testing.T) {
	src := strings.NewReplacer(
		"total_change: 根据2024年工作安排实际需求，增加项目经费支出等", "total_change: 新增项目约数十万元，新增Info系统，采购NaNo设备",
		"name: 大同市人民政府办公室[部门]", "name: 百万元工程局",
	).Replace(string(input.Sample))
	if src == string(input.Sample) {
		t.Fatal("the sample changed: the replacement found nothing")
	}
	doc := mustDecode(t, "clerk.yaml", []byte(src))
	p, err := render.Build(doc)
	if err != nil {
		t.Fatalf("refused: %v", err)
	}
	if one := p.Section(SecTotals).Blocks[0].Text; !strings.Contains(one, "主要原因是新增项目约数十万元，新增Info系统，采购NaNo设备") || !strings.HasPrefix(one, "2024年度百万元工程局") {
		t.Errorf("section 一: %s", one)
	}
}

package workbench

// The clerk's path (issue 20): the status word, what is left to fill in as
// findings, labels instead of the file's keys, a place in the form for
// everything the clerk must give, amounts in 万元, and the labels the
// publication prints.

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/input/synth"
	"github.com/budgetpub/budgetpub/layouts/shanxi13"
	"github.com/budgetpub/budgetpub/render/publish"
)

var statusRe = regexp.MustCompile(`id="status"[^>]*>([^<]*)<`)

// statusWord is the status the workspace's header shows.
func statusWord(html string) string {
	if m := statusRe.FindStringSubmatch(html); m != nil {
		return m[1]
	}
	return ""
}

// section is the HTML of the element of id, up to its closing tag (the
// first </section>, </table> or </fieldset> after it).
func section(html, id, end string) string {
	i := strings.Index(html, `id="`+id+`"`)
	if i < 0 {
		return ""
	}
	i += strings.IndexByte(html[i:], '>') + 1
	j := strings.Index(html[i:], end)
	if j < 0 {
		return html[i:]
	}
	return html[i : i+j]
}

// fillAll is the sample's workbook imported with what the tables cannot
// give filled in, as a clerk fills the form.
func fillAll(form url.Values) {
	for k, v := range map[string]string{
		"overview.duties": "负责市政府日常运转。", "overview.organization": "内设秘书科等科室。",
		"procurement.goods": "142.96", "procurement.works": "0", "procurement.services": "1481.61",
		"assets.as_of": "2023-12-31", "assets.office_area_m2": "3000",
		"notes.purchase_of_services": "无", "notes.other": "无",
	} {
		form.Set(k, v)
	}
	for k := range form {
		if strings.HasPrefix(k, "units.") && strings.HasSuffix(k, ".kind") && form.Get(k) == "" {
			kind := input.KindInstitution // the sample's centres; its office has 机关运行经费
			if form.Get(strings.TrimSuffix(k, ".kind")+".name") == "大同市人民政府办公室" {
				kind = input.KindAdministrative
			}
			form.Set(k, kind)
		}
		if strings.HasPrefix(k, "projects.") && strings.HasSuffix(k, ".category") && form.Get(k) == "" {
			form.Set(k, input.CategoryOtherOperating)
		}
	}
}

// TestStatusWordAndWhatIsLeft: the workspace's header says 可公开, 需补填
// or 有错误 as check and the batch review do; what is left to fill in is a
// group of its own on 核对 and 生成与下载, made of the findings, and
// shrinks as the form is filled in.
func TestStatusWordAndWhatIsLeft(t *testing.T) {
	_, ts := newServer(t, Config{})
	b := newBrowser(t, ts)
	ws := b.start(file{"file", "datong-gov-office-2024.xlsx", sampleBook(t)})
	check := b.get(ws).body
	if got := statusWord(check); got != "需补填" {
		t.Errorf("after the import the status is %q, want 需补填", got)
	}
	for _, page := range []string{ws, ws + "publish"} {
		html := b.get(page).body
		left := text(section(html, "incomplete", "</section>"))
		for _, want := range []string{"还需要补填的内容", "本部门职责", "政府采购预算", "国有资产"} {
			if !strings.Contains(left, want) {
				t.Errorf("%s: the group of what is left lacks %q: %s", page, want, left)
			}
		}
		// The import's old list is gone: the findings say it.
		if strings.Contains(text(html), "部门编码和地区（绩效目标表标题用）") {
			t.Errorf("%s still shows the import's to-do list", page)
		}
	}

	form := formValues(b.get(ws + "fill").body)
	form.Set("procurement.goods", "142.96")
	form.Set("procurement.works", "0")
	form.Set("procurement.services", "1481.61")
	if r := b.post(ws+"fill", form); r.status != http.StatusSeeOther {
		t.Fatalf("saving the procurement: %d %s", r.status, text(r.body))
	}
	left := text(section(b.get(ws).body, "incomplete", "</section>"))
	if strings.Contains(left, "政府采购预算") || !strings.Contains(left, "本部门职责") {
		t.Errorf("after the procurement is filled in, what is left: %s", left)
	}

	form = formValues(b.get(ws + "fill").body)
	fillAll(form)
	if r := b.post(ws+"fill", form); r.status != http.StatusSeeOther {
		t.Fatalf("saving the form: %d %s", r.status, text(r.body))
	}
	check = b.get(ws).body
	if got := statusWord(check); got != "可公开" {
		t.Errorf("filled in, the status is %q, want 可公开:\n%s", got, text(section(check, "incomplete", "</section>")))
	}
	if section(check, "incomplete", "</section>") != "" {
		t.Error("filled in, the check page still has a group of what is left")
	}

	_, _, b2, ws2 := sampleSpace(t, Config{})
	if got := statusWord(b2.get(ws2).body); got != "可公开" {
		t.Errorf("the sample's status is %q, want 可公开", got)
	}
	broken := strings.Replace(string(input.Sample), "name: J电子政务办公及维护费, amounts: 25.00", "name: J电子政务办公及维护费, amounts: 26.00", 1)
	b2.saveText(ws2, broken)
	if got := statusWord(b2.get(ws2).body); got != "有错误" {
		t.Errorf("with a project that does not add up the status is %q, want 有错误", got)
	}
}

// incompleteSample is the sample with what a clerk is asked to give left
// out: the units' kinds, the projects' categories, a reason, the
// procurement, a note, last year's 三公, and a goal form carried from last
// year.
func incompleteSample(t *testing.T) []byte {
	t.Helper()
	s := string(input.Sample)
	s = regexp.MustCompile(`, kind: [a-z_]+`).ReplaceAllString(s, "")
	s = strings.ReplaceAll(s, ", category: other_operating", "")
	s = regexp.MustCompile(`(?m)^    category: [a-z_]+\n`).ReplaceAllString(s, "")
	s = strings.Replace(s, "    performance_goal:\n", "    performance_goal:\n      carried_from: 2023年\n", 1)
	for _, line := range []string{
		"  three_public: {outbound_travel: 0, reception: 0, vehicle_purchase: 0, vehicle_operation: 12.10}\n",
		"  total_change: 根据2024年工作安排实际需求，增加项目经费支出等\n",
		"procurement: {goods: 142.96, works: 0, services: 1481.61}\n",
		"  other: 无                     # （二）其他\n",
	} {
		if !strings.Contains(s, line) {
			t.Fatalf("the sample has no line %q", line)
		}
		s = strings.Replace(s, line, "", 1)
	}
	return []byte(s)
}

// yamlWords are the master input's keys and the values of its lists of
// choices: what a clerk is never shown in a finding.
func yamlWords() map[string]bool {
	out := map[string]bool{}
	for _, p := range input.SchemaPaths() {
		for _, seg := range strings.Split(p, ".") {
			out[strings.TrimSuffix(seg, "[]")] = true
		}
	}
	for _, k := range input.UnitKinds {
		out[k] = true
	}
	for _, k := range input.SourceKeys() {
		out[k] = true
	}
	out[input.CategoryOtherOperating], out[input.CategorySpecificGoal] = true, true
	return out
}

var (
	asciiWordRe = regexp.MustCompile(`[A-Za-z_][A-Za-z0-9_]*`)
	findingsRe  = regexp.MustCompile(`(?s)<table class="findings[^"]*"[^>]*>.*?</table>`)
	idCellRe    = regexp.MustCompile(`(?s)<td class="id">.*?</td>`)
)

// keysIn are the file's keys a text names.
func keysIn(s string, words map[string]bool) []string {
	var out []string
	for _, w := range asciiWordRe.FindAllString(s, -1) {
		if words[w] && !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	return out
}

// TestFindingsSayLabels: no finding on any page of the workspace names a
// key of the file or a value of its lists (the finding's id aside, a code
// to look up); every finding of something to fill in links to its field of
// the form and names the field's label there.
func TestFindingsSayLabels(t *testing.T) {
	_, ts := newServer(t, Config{})
	b := newBrowser(t, ts)
	words := yamlWords()
	spaces := map[string]string{
		"the sample's workbook": b.start(file{"file", "datong-gov-office-2024.xlsx", sampleBook(t)}),
		"the sample, unfilled":  b.start(file{"file", "样例.yaml", incompleteSample(t)}),
	}
	r := b.post("/start/new", url.Values{"csrf": {b.csrf()}, "year": {"2026"}, "name": {"某某局"}})
	spaces["a skeleton"] = r.location
	for what, ws := range spaces {
		pages := map[string]string{}
		for _, p := range []string{"", "fill", "yaml", "publish"} {
			pages[p] = b.get(ws + p).body
		}
		for p, html := range pages {
			for _, table := range findingsRe.FindAllString(html, -1) {
				shown := text(idCellRe.ReplaceAllString(table, ""))
				if keys := keysIn(shown, words); len(keys) > 0 {
					t.Errorf("%s, page %q: the findings name the file's keys %q:\n%s", what, p, keys, shown)
				}
			}
		}
		req, _ := http.NewRequest("POST", ts.URL+ws+"check", strings.NewReader(b.get(ws+"download/yaml").body))
		req.Header.Set(csrfHeader, b.csrf())
		live := b.do(req)
		var got struct {
			Findings []findingJSON `json:"findings"`
		}
		if err := json.Unmarshal([]byte(live.body), &got); err != nil {
			t.Fatal(err)
		}
		for _, f := range got.Findings {
			if keys := keysIn(f.Message+f.Left+f.Right+f.Label, words); len(keys) > 0 {
				t.Errorf("%s, the live check: the finding %s names the file's keys %q: %s", what, f.ID, keys, f.Message)
			}
		}

		// Each finding of something to fill in links to its field, by its label.
		left := section(pages[""], "incomplete", "</section>")
		rows := regexp.MustCompile(`(?s)<tr[^>]*>.*?</tr>`).FindAllString(left, -1)
		if len(rows) == 0 {
			t.Errorf("%s: nothing left to fill in on the check page", what)
		}
		for _, row := range rows {
			id := text(regexp.MustCompile(`(?s)<td class="id">(.*?)</td>`).FindString(row))
			if id == "" || id == "skeleton-text" || id == "all-zero" { // in the text, not a field
				continue
			}
			m := regexp.MustCompile(`<a href="` + regexp.QuoteMeta(ws) + `fill#([^"]+)"[^>]*>去填写“([^”]+)”</a>`).FindStringSubmatch(row)
			if m == nil {
				t.Errorf("%s: the finding %s does not link to its field by its label: %s", what, id, text(row))
				continue
			}
			field := section(pages["fill"], m[1], "</div>")
			if field == "" {
				field = section(pages["fill"], m[1], "</tr>")
			}
			if field == "" || !strings.Contains(text(field), m[2]) {
				t.Errorf("%s: the finding %s links to #%s “%s”, which the form does not show with that label: %s", what, id, m[1], m[2], text(field))
			}
		}
	}
	// The import's notes are said without the file's keys too (the file's
	// name and the ids of its warnings aside).
	notes := text(section(b.get(spaces["the sample's workbook"]).body, "import-notes", "</details>"))
	notes = regexp.MustCompile(`\[[A-Za-z0-9-]+\]|datong-gov-office-2024\.xlsx`).ReplaceAllString(notes, "")
	if keys := keysIn(notes, words); len(keys) > 0 {
		t.Errorf("the import's notes name the file's keys %q", keys)
	}
}

var _ = fmt.Sprint

// TestFormHasWhatToFix: the 填写 form has a place for everything a finding
// asks the clerk to give: the department's name, each unit's kind (empty
// until chosen), each current-year project's category in Chinese, the unit
// of each line of table 6, and the goal forms carried from last year, each
// with 已复核 that takes the mark away.
func TestFormHasWhatToFix(t *testing.T) {
	_, _, b, ws := sampleSpace(t, Config{})
	b.saveText(ws, string(incompleteSample(t)))
	html := b.get(ws + "fill").body
	form := formValues(html)
	if got := form.Get("department.name"); got != "大同市人民政府办公室[部门]" {
		t.Errorf("部门名称 is %q", got)
	}
	kind := section(html, "in-f-units-0-kind", "</select>")
	for _, want := range []string{`<option value="" selected>请选择</option>`, ">行政单位<", ">参照公务员法管理的事业单位<", ">事业单位<"} {
		if !strings.Contains(kind, want) {
			t.Errorf("the first unit's kind lacks %s: %s", want, kind)
		}
	}
	doc, err := input.Decode("样例.yaml", incompleteSample(t), resources(t).Catalog)
	if err != nil {
		t.Fatal(err)
	}
	carried, specific := -1, -1
	for i, p := range doc.Projects {
		name := fmt.Sprintf("projects.%d.category", i)
		if _, ok := form[name]; ok == p.Carryover {
			t.Errorf("project %d (%s, carried over %v): a category field %v", i, p.Name.Value, p.Carryover, ok)
		}
		if !p.Carryover {
			if specific < 0 {
				specific = i
			}
		}
		if p.Goal != nil && p.Goal.CarriedFrom.Value != "" {
			carried = i
		}
	}
	if cat := section(html, fmt.Sprintf("in-f-projects-%d-category", specific), "</select>"); !strings.Contains(cat, ">其他运转类<") || !strings.Contains(cat, ">特定目标类<") {
		t.Errorf("a project's category: %s", cat)
	}
	goal := text(section(html, fmt.Sprintf("f-projects-%d-reviewed", carried), "</tr>"))
	if !strings.Contains(goal, "2023年") || !strings.Contains(goal, "已复核") {
		t.Errorf("the carried goal form: %s", goal)
	}
	econ := section(html, "in-f-basic_by_economic-0-unit", "</select>")
	for _, u := range doc.Units {
		if !strings.Contains(econ, ">"+u.Name.Value+"<") {
			t.Errorf("table 6's first line cannot be given to %s: %s", u.Name.Value, econ)
		}
	}

	form.Set("department.name", "大同市人民政府办公室（本级）")
	for i := range doc.Units {
		form.Set(fmt.Sprintf("units.%d.kind", i), []string{"行政单位", input.KindCivilServant, input.KindInstitution}[i%3])
	}
	for i, p := range doc.Projects {
		if !p.Carryover {
			form.Set(fmt.Sprintf("projects.%d.category", i), input.CategoryOtherOperating)
		}
	}
	form.Set(fmt.Sprintf("projects.%d.category", specific), "特定目标类") // as a script may post it
	form.Set(fmt.Sprintf("projects.%d.reviewed", carried), "1")
	form.Set("basic_by_economic.0.unit", "1")
	if r := b.post(ws+"fill", form); r.status != http.StatusSeeOther {
		t.Fatalf("saving: %d %s", r.status, text(r.body))
	}
	y := b.get(ws + "download/yaml").body
	saved, err := input.Decode("样例.yaml", []byte(y), resources(t).Catalog)
	if err != nil {
		t.Fatal(err)
	}
	if saved.Department.Name.Value != "大同市人民政府办公室（本级）" {
		t.Errorf("部门名称 saved as %q", saved.Department.Name.Value)
	}
	for i, u := range saved.Units {
		if want := []string{input.KindAdministrative, input.KindCivilServant, input.KindInstitution}[i%3]; u.Kind.Value != want {
			t.Errorf("unit %d's kind saved as %q, want %q", i, u.Kind.Value, want)
		}
	}
	if got := saved.Projects[specific].Category.Value; got != input.CategorySpecificGoal {
		t.Errorf("the project chosen 特定目标类 is saved as %q", got)
	}
	if g := saved.Projects[carried].Goal; g == nil || g.CarriedFrom.Value != "" || regexp.MustCompile(`(?m)^\s*carried_from:`).MatchString(y) {
		t.Error("the goal form ticked 已复核 is still marked carried_from")
	}
	if got := saved.BasicByEcon[0].Unit.Value; got != saved.Units[1].Name.Value {
		t.Errorf("table 6's first line belongs to %q, want %q", got, saved.Units[1].Name.Value)
	}
	left := text(section(b.get(ws).body, "incomplete", "</section>"))
	for _, gone := range []string{"unknown-unit-kind", "unknown-category", "unreviewed-goal"} {
		if strings.Contains(left, gone) {
			t.Errorf("after the form is saved, %s is still left to fill in", gone)
		}
	}

	// A kind or a category that is not one of the choices is refused under its field.
	form = formValues(b.get(ws + "fill").body)
	form.Set("units.0.kind", "机关")
	form.Set(fmt.Sprintf("projects.%d.category", specific), "专项")
	r := b.post(ws+"fill", form)
	if r.status != http.StatusBadRequest || !strings.Contains(fieldSaysRow(r.body, "f-units-0-kind"), "“机关”不是单位类型") ||
		!strings.Contains(fieldSaysRow(r.body, fmt.Sprintf("f-projects-%d-category", specific)), "“专项”不是项目类别：请选择其他运转类或特定目标类") {
		t.Errorf("a kind and a category not of the choices: %d %s", r.status, text(r.body))
	}
}

// fieldSaysRow is the problem said in the row of a list field.
func fieldSaysRow(html, anchor string) string {
	row := section(html, anchor, "</tr>")
	if i := strings.Index(row, `class="field-problem">`); i >= 0 {
		return text(row[i:])
	}
	return ""
}

// yuanDoc is a department whose file is in 元, as an import of a workbook
// in 元 writes it.
const yuanDoc = `schema: 1
year: 2024
amount_unit: 元
department: {name: 元部门}
units: [{name: 机关, kind: administrative}]
expenditures:
  - {code: "2010301", basic: 33124500}
`

// TestAmountsInWanYuan: the form takes and shows amounts in the
// publication's unit, 万元, whatever the file's; an amount may be typed with
// its unit; it is converted exactly, and more precision than the file's
// unit holds, or a unit not known, is refused under its field.
func TestAmountsInWanYuan(t *testing.T) {
	_, ts := newServer(t, Config{})
	b := newBrowser(t, ts)
	ws := b.start(file{"file", "元部门.yaml", []byte(yuanDoc)})
	html := b.get(ws + "fill").body
	if l := text(section(html, "f-prior_year-total", "</label>")); !strings.Contains(l, "（万元）") {
		t.Errorf("the prior-year total of a file in 元 is labelled %q, want （万元）", l)
	}
	if strings.Contains(html, "（元）") {
		t.Error("a field of the form of a file in 元 says （元）")
	}
	saved := func(value string) string {
		t.Helper()
		r := b.fill(ws, "prior_year.total", value)
		if r.status != http.StatusSeeOther {
			t.Fatalf("%q: %d %s", value, r.status, fieldProblem(r.body, "prior_year.total"))
		}
		m := regexp.MustCompile(`(?m)^prior_year:\s*\n\s+total: (\S+)`).FindStringSubmatch(b.get(ws + "download/yaml").body)
		if m == nil {
			t.Fatalf("%q: no prior_year.total in the file", value)
		}
		return m[1]
	}
	for _, c := range []struct{ typed, file, shown string }{
		{"3,312.45万元", "33124500.00", "3312.45"},
		{"33124500元", "33124500.00", "3312.45"},
		{"3312.45 万元", "33124500.00", "3312.45"},
		{"３３１２．４５", "33124500.00", "3312.45"},
		{"3312.4512345678", "33124512.345678", "3312.4512345678"},
		{"0.01元", "0.01", "0.000001"},
	} {
		if got := saved(c.typed); got != c.file {
			t.Errorf("%q typed in a file in 元 is written %s, want %s", c.typed, got, c.file)
		}
		if got := formValues(b.get(ws + "fill").body).Get("prior_year.total"); got != c.shown {
			t.Errorf("%q typed is shown as %q, want %q (万元)", c.typed, got, c.shown)
		}
	}
	for _, c := range []struct{ typed, want string }{
		{"3312.45千元", "上年收支总计的金额单位“千元”不认识：请写万元或元（不写单位即为万元），如 3312.45 或 33124500元"},
		{"3312.45123456789", "上年收支总计最多 6 位小数（单位元）：“3312.45123456789”即 33124512.3456789元"},
		{"0.0000001元", "上年收支总计最多 6 位小数（单位元）"},
	} {
		r := b.fill(ws, "prior_year.total", c.typed)
		if got := fieldProblem(r.body, "prior_year.total"); r.status != http.StatusBadRequest || !strings.Contains(got, c.want) {
			t.Errorf("%q: %d %q, want %q", c.typed, r.status, got, c.want)
		}
	}

	// In a file in 万元 an amount in 元 is converted, and refused below 0.01 万元.
	_, _, b2, ws2 := sampleSpace(t, Config{})
	if r := b2.fill(ws2, "prior_year.total", "46,555,900元"); r.status != http.StatusSeeOther {
		t.Fatalf("46,555,900元: %d %s", r.status, fieldProblem(r.body, "prior_year.total"))
	}
	if y := b2.get(ws2 + "download/yaml").body; !strings.Contains(y, "total: 4655.59") {
		t.Error("46,555,900元 is not written 4655.59 in a file in 万元")
	}
	r := b2.fill(ws2, "prior_year.total", "1.5元")
	if got := fieldProblem(r.body, "prior_year.total"); !strings.Contains(got, "上年收支总计最多 2 位小数（单位万元）：“1.5元”即 0.00015万元") {
		t.Errorf("1.5元 in a file in 万元: %d %q", r.status, got)
	}
}

// TestLabelsSayWhatIsPrinted: each field of 十一、国有资产占有使用情况 is
// labelled as the publication prints it (its unit in brackets aside).
func TestLabelsSayWhatIsPrinted(t *testing.T) {
	res := publish.Department(resources(t), input.SampleName, input.Sample, publish.Options{CheckOnly: true})
	if res.Pub == nil {
		t.Fatal(res.Err)
	}
	var printed string
	for _, b := range res.Pub.Section(shanxi13.SecAssets).Blocks {
		printed += b.Text
	}
	unitRe := regexp.MustCompile(`（[^（）]*）$`)
	n := 0
	for _, f := range res.Pub.Profile.Form { // the sample's layout's form
		if !strings.HasPrefix(f.Name, "assets.") {
			continue
		}
		n++
		core := unitRe.ReplaceAllString(strings.TrimPrefix(f.Label, "其中："), "")
		if !strings.Contains(printed, core) {
			t.Errorf("%s is labelled %q; the publication prints no %q:\n%s", f.Name, f.Label, core, printed)
		}
	}
	if n != 13 {
		t.Errorf("%d fields of 十一, want 13", n)
	}
	// 九 and 十二 too, and each group is titled as its heading.
	procurement := strings.Join(res.Pub.Section(shanxi13.SecProcurement).Paragraphs, "")
	for _, b := range res.Pub.Section(shanxi13.SecProcurement).Blocks {
		procurement += b.Text
	}
	for _, f := range res.Pub.Profile.Form {
		switch {
		case strings.HasPrefix(f.Name, "procurement."):
			if !strings.Contains(procurement, f.Label) {
				t.Errorf("%s is labelled %q; the publication prints:\n%s", f.Name, f.Label, procurement)
			}
		case f.Name == "notes.purchase_of_services" || f.Name == "notes.other":
			id := map[string]string{"notes.purchase_of_services": shanxi13.SecPurchaseOfSvcs, "notes.other": shanxi13.SecOther}[f.Name]
			if h := res.Pub.Section(id).Heading; f.Label != h {
				t.Errorf("%s is labelled %q; the publication's heading is %q", f.Name, f.Label, h)
			}
		}
		if strings.HasPrefix(f.Group, "九") || strings.HasPrefix(f.Group, "十") {
			found := false
			for _, p := range res.Pub.Parts {
				for _, sec := range p.Sections {
					found = found || sec.Heading == f.Group
				}
			}
			if !found {
				t.Errorf("the group %q of %s is no heading of the publication", f.Group, f.Name)
			}
		}
	}
}

// TestBatchStatusColours: the review's 状态 column says each department's
// Row.Status(), coloured by it: 可公开, 需补填 and 有错误 each their own.
func TestBatchStatusColours(t *testing.T) {
	s, ts := newServer(t, Config{})
	b := newBrowser(t, ts)
	r := b.upload("/bureau", []file{
		{"files", "甲局.yaml", synth.Generate(synth.Options{Seed: 1})},
		{"files", "大同.xlsx", sampleBook(t)},
		{"files", "坏.yaml", []byte("schema: 1\nyear: 2024\nbasc: 1\n")},
	}, nil)
	if r.status != http.StatusSeeOther {
		t.Fatalf("upload: %d %s", r.status, text(r.body))
	}
	s.spaces.mu.Lock()
	sp := s.spaces.all[strings.TrimSuffix(strings.TrimPrefix(r.location, "/b/"), "/")]
	s.spaces.mu.Unlock()
	if sp == nil {
		t.Fatalf("no batch %s", r.location)
	}
	select {
	case <-sp.batch.done:
	case <-time.After(60 * time.Second):
		t.Fatal("the batch did not end")
	}
	page := b.get(r.location).body
	for name, want := range map[string]string{"甲局.yaml": "status-ok\">可公开", "大同.xlsx": "status-incomplete\">需补填", "坏.yaml": "status-errors\">有错误"} {
		row := regexp.MustCompile(`(?s)<tr id="d-\d+" class="([^"]*)">\s*<td class="num">\d+</td>\s*<td class="dept">(?:<span class="dept-name">[^<]*</span>)?<span class="(?:file|dept-name)">` + regexp.QuoteMeta(name) + `</span>.*?</tr>`).FindStringSubmatch(page)
		if row == nil {
			t.Errorf("no row of %s", name)
			continue
		}
		if !strings.Contains(row[0], want) {
			t.Errorf("the row of %s lacks %s: %s", name, want, text(row[0]))
		}
		if name == "大同.xlsx" && row[1] != "incomplete" {
			t.Errorf("the row of a department to fill in is of class %q, want incomplete", row[1])
		}
	}
	if !regexp.MustCompile(`<tr(?: id="f-\d+")? class="incomplete"><td class="dept"><a href="#d-\d+">大同市人民政府办公室\[部门\]</a>`).MatchString(page) {
		t.Error("the review's findings of something to fill in are not shown as such")
	}
}

// TestSaveAndGoOn: 保存并去生成 (and a tab the form is left by) saves the
// form first and goes on; a form refused stays, holding what was typed,
// marked unsaved.
func TestSaveAndGoOn(t *testing.T) {
	_, _, b, ws := sampleSpace(t, Config{})
	form := formValues(b.get(ws + "fill").body)
	if !strings.Contains(b.get(ws+"fill").body, `name="next" value="publish">保存并去生成</button>`) {
		t.Error("the form has no button 保存并去生成")
	}
	form.Set("reasons.total_change", "增加政务热线运维项目支出")
	form.Add("next", "publish")
	r := b.post(ws+"fill", form)
	if r.status != http.StatusSeeOther || r.location != ws+"publish?saved=1" {
		t.Fatalf("保存并去生成: %d %s %s", r.status, r.location, text(r.body))
	}
	if !strings.Contains(b.get(ws+"download/yaml").body, "total_change: 增加政务热线运维项目支出") {
		t.Error("保存并去生成 did not save the form")
	}
	if p := text(b.get(r.location).body); !strings.Contains(p, "已保存填写的内容") {
		t.Errorf("the publish page after saving: %s", p)
	}
	form = formValues(b.get(ws + "fill").body)
	form.Set("next", "check")
	if r := b.post(ws+"fill", form); r.location != ws+"?saved=1" {
		t.Errorf("saved on the way to 核对: %d %s", r.status, r.location)
	}
	form.Set("prior_year.total", "abc")
	form.Set("next", "publish")
	r = b.post(ws+"fill", form)
	if r.status != http.StatusBadRequest || !strings.Contains(r.body, `data-unsaved="1"`) || !strings.Contains(r.body, `value="abc"`) {
		t.Errorf("a refused form on the way to 生成: %d %s", r.status, r.location)
	}
}

// What is left to fill in shows at most three of a kind and says how many
// more: an import leaves all 45 projects' categories to fill in, and 45
// rows would bury the rest. The header still counts them all.
func TestWhatIsLeftShowsThreeOfAKind(t *testing.T) {
	_, ts := newServer(t, Config{})
	b := newBrowser(t, ts)
	ws := b.start(file{"file", "datong-gov-office-2024.xlsx", sampleBook(t)})
	left := section(b.get(ws).body, "incomplete", "</section>")
	rows := strings.Count(left, `<tr class="incomplete">`)
	more := regexp.MustCompile(`另有 (\d+) 处“[^”]+”没有填写`).FindStringSubmatch(text(left))
	if more == nil || more[1] != "42" {
		t.Fatalf("no row saying how many more categories: %s", text(left))
	}
	if rows != 13 || !strings.Contains(text(left), "还需要补填的内容（54 处）") { // 9 of a kind or fewer, 3 categories and the row of 42 more
		t.Errorf("%d rows shown; the group: %s", rows, text(left))
	}
}

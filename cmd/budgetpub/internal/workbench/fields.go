package workbench

import (
	"fmt"
	"hash/fnv"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
	"github.com/shopspring/decimal"
)

// The fill-in form: what a layout's tables cannot give, written into the
// master input. Each field is declared once, by the layout
// (render.Profile.Form, render.FormField): label, group, where it lives in
// the Document; the form, its reading back and the links from findings all
// come from that list.

// fieldSpec is one field of the form, as its layout declares it.
type fieldSpec = render.FormField

// fieldSpecs are every layout's fields (a field two layouts declare, once):
// what the labels of a key, a group or a finding's path are looked up in.
var fieldSpecs = func() []fieldSpec {
	var out []fieldSpec
	seen := map[string]bool{}
	for _, p := range render.Profiles() {
		for _, f := range p.Form {
			if !seen[f.Name] {
				seen[f.Name] = true
				out = append(out, f)
			}
		}
	}
	return out
}()

// specsOf are the fields of the form of a document: its layout's.
func specsOf(d *input.Document) []fieldSpec {
	if d != nil {
		if p, ok := render.ProfileByID(d.LayoutOf()); ok {
			return p.Form
		}
	}
	return fieldSpecs
}

// fieldAnchor is a field's id in the page.
func fieldAnchor(name string) string { return "f-" + strings.ReplaceAll(name, ".", "-") }

// fieldLines maps the line each field's value stands on to the field, so a
// finding at that line links to it.
func fieldLines(d *input.Document) map[int]string {
	out := map[int]string{}
	if d == nil {
		return out
	}
	for _, f := range specsOf(d) {
		if p := f.Pos(d); p.Line > 0 {
			out[p.Line] = f.Name
		}
	}
	for i, u := range d.Units {
		if u.Kind.Pos.Line > 0 {
			out[u.Kind.Pos.Line] = fmt.Sprintf("units.%d.kind", i)
		}
	}
	return out
}

// choice is one option of a select: the value the file keeps and the
// label the form shows.
type choice struct{ Value, Label string }

// unitKindChoices are the unit kinds, as the publication names them.
var unitKindChoices = func() []choice {
	var out []choice
	for _, k := range input.UnitKinds {
		out = append(out, choice{k, input.UnitKindTitle(k)})
	}
	return out
}()

// categoryChoices are the project categories, as 十、绩效管理情况 counts them.
var categoryChoices = []choice{
	{input.CategoryOtherOperating, "其他运转类"},
	{input.CategorySpecificGoal, "特定目标类"},
}

// formField is one field as the form shows it.
type formField struct {
	Name, Anchor, Label, Help, Hint string
	Long, Number                    bool
	Unit                            string // 万元 or 元 for an amount
	Value                           string
	Problem                         string
	Note                            string // changed elsewhere (stale.go)
}

// formGroup is a heading of the form and its fields.
type formGroup struct {
	Title  string
	Anchor string // of its block: f-procurement
	Fields []formField
}

// unitField is a unit's kind and overall goal.
type unitField struct {
	Index       int
	Name        string
	Anchor      string
	Kind        string
	OverallGoal bool
	Problem     string
	Note        string
}

// projectRow is a current-year project's category.
type projectRow struct {
	Index              int
	Anchor, Name, Unit string
	Category           string
	Problem, Note      string
}

// goalRow is a goal form carried from last year's file, to review.
type goalRow struct {
	Index              int
	Anchor, Name, Unit string
	From               string
	Reviewed           bool
	Problem, Note      string
}

// econRow is a line of table 6 and the unit it belongs to.
type econRow struct {
	Index                        int
	Anchor                       string
	Dept, DeptName, Gov, GovName string
	Amount                       string // in 万元
	Unit                         string // the unit's index in the form, or ""
	Problem, Note                string
}

// formView is the whole form: the groups, the lists (units, projects,
// goal forms carried from last year, lines of table 6), and problems.
type formView struct {
	Groups   []formGroup
	Units    []unitField
	Projects []projectRow
	Goals    []goalRow
	Econ     []econRow
	EconOpen bool     // a line lacks its unit and the units are of both sorts: T11-T6-public cannot be checked
	Lists    string   // the lists' signature, checked on save
	Problem  string   // the lists changed elsewhere
	Kinds    []choice // the unit kinds
	Cats     []choice // the project categories
	UnitOpts []choice // the units, by index
}

// listsField is the hidden field of the lists' signature: the form's list
// fields go by index, so a save of lists that changed is refused.
const listsField = "lists"

// listsSig is the signature of a document's lists as the form shows them.
func listsSig(d *input.Document) string {
	h := fnv.New64a()
	for _, u := range d.Units {
		fmt.Fprintf(h, "u%s\x00", u.Name.Value)
	}
	for _, p := range d.Projects {
		fmt.Fprintf(h, "p%s\x00%s\x00%t\x00%t\x00", p.Unit.Value, p.Name.Value, p.Carryover, p.Goal != nil && p.Goal.CarriedFrom.Value != "")
	}
	fmt.Fprintf(h, "e%d", len(d.BasicByEcon))
	return strconv.FormatUint(h.Sum64(), 36)
}

// buildForm shows d's values (or, after a refused post, the values posted,
// with each field's problem).
func buildForm(d *input.Document, summary *render.Summary, posted url.Values, problems map[string]string) formView {
	var v formView
	for _, f := range specsOf(d) {
		ff := formField{Name: f.Name, Anchor: fieldAnchor(f.Name), Label: f.Label, Help: f.Help, Long: f.Kind == render.FieldLong,
			Number: f.Kind == render.FieldAmount || f.Kind == render.FieldCount, Problem: problems[f.Name]}
		switch {
		case f.Text != nil:
			ff.Value = f.Text(d).Value
		case f.Amount != nil:
			if a := f.Amount(d); a.Set {
				ff.Value = a.Value.String() // 万元, exactly
			}
			ff.Unit = "万元"
		default:
			if c := f.Count(d); c.Set {
				ff.Value = strconv.Itoa(c.Value)
			}
		}
		if posted != nil {
			ff.Value = posted.Get(f.Name)
		}
		if f.Hint != nil && summary != nil {
			ff.Hint = f.Hint(summary)
		}
		if n := len(v.Groups); n == 0 || v.Groups[n-1].Title != f.Group {
			block, _, _ := strings.Cut(f.Name, ".")
			v.Groups = append(v.Groups, formGroup{Title: f.Group, Anchor: fieldAnchor(block)})
		}
		g := &v.Groups[len(v.Groups)-1]
		g.Fields = append(g.Fields, ff)
	}
	for i, u := range d.Units {
		uf := unitField{Index: i, Name: u.Name.Value, Anchor: fieldAnchor(fmt.Sprintf("units.%d.kind", i)), Kind: u.Kind.Value, OverallGoal: u.OverallGoal,
			Problem: problems[fmt.Sprintf("units.%d.kind", i)] + problems[fmt.Sprintf("units.%d.overall_goal", i)]}
		if posted != nil {
			uf.Kind = posted.Get(fmt.Sprintf("units.%d.kind", i))
			uf.OverallGoal = posted.Get(fmt.Sprintf("units.%d.overall_goal", i)) != ""
		}
		v.Units = append(v.Units, uf)
	}
	v.Kinds, v.Cats, v.Lists = unitKindChoices, categoryChoices, listsSig(d)
	if posted != nil && posted.Get(listsField) != v.Lists {
		v.Problem = problems[listsField]
	}
	pick := func(name, current string) string {
		if posted != nil && posted.Has(name) {
			return posted.Get(name)
		}
		return current
	}
	for i, p := range d.Projects {
		if p.Carryover {
			continue
		}
		name := projectField(i, "category")
		v.Projects = append(v.Projects, projectRow{Index: i, Anchor: fieldAnchor(name), Name: p.Name.Value, Unit: p.Unit.Value,
			Category: pick(name, p.Category.Value), Problem: problems[name]})
	}
	for i, p := range d.Projects {
		if p.Goal == nil || p.Goal.CarriedFrom.Value == "" {
			continue
		}
		name := projectField(i, "reviewed")
		reviewed := posted != nil && posted.Get(name) != ""
		v.Goals = append(v.Goals, goalRow{Index: i, Anchor: fieldAnchor(name), Name: p.Name.Value, Unit: p.Unit.Value,
			From: p.Goal.CarriedFrom.Value, Reviewed: reviewed, Problem: problems[name]})
	}
	if len(d.Units) > 1 {
		kinds := map[bool]bool{}
		for i, u := range d.Units {
			v.UnitOpts = append(v.UnitOpts, choice{strconv.Itoa(i), u.Name.Value})
			kinds[u.HasOperatingCosts()] = true
		}
		for i, e := range d.BasicByEcon {
			name := econUnitField(i)
			unit := ""
			for k, u := range d.Units {
				if u.Name.Value == e.Unit.Value {
					unit = strconv.Itoa(k)
				}
			}
			row := econRow{Index: i, Anchor: fieldAnchor(name), Dept: e.Dept.Value, DeptName: d.Name(e.Dept.Value), Gov: e.Gov.Value, GovName: d.Name(e.Gov.Value),
				Amount: render.FormatAmount(e.Amount.Value), Unit: pick(name, unit), Problem: problems[name]}
			if row.Unit == "" && len(kinds) > 1 || row.Problem != "" {
				v.EconOpen = true
			}
			v.Econ = append(v.Econ, row)
		}
	}
	return v
}

// choiceValue is the value of a choice posted by its value or its label
// (特定目标类 for specific_goal), and whether it is one.
func choiceValue(choices []choice, posted string) (string, bool) {
	posted = strings.TrimSpace(posted)
	for _, c := range choices {
		if posted == c.Value || posted == c.Label {
			return c.Value, true
		}
	}
	return "", posted == ""
}

// applyForm writes the posted values into d; problems are per field, in
// Chinese. Nothing is written when there is any.
func applyForm(d *input.Document, form url.Values) map[string]string {
	problems := map[string]string{}
	yuan := d.AmountUnit == "元"
	type set func()
	var sets []set
	for _, f := range specsOf(d) {
		f := f
		raw := form.Get(f.Name)
		switch f.Kind {
		case render.FieldText, render.FieldLong:
			v := cleanText(raw, f.Kind == render.FieldLong)
			if n := len([]rune(v)); n > 30_000 {
				problems[f.Name] = fmt.Sprintf("%s过长（%d 字，上限 30000 字）", f.Label, n)
				continue
			}
			if strings.HasPrefix(f.Name, "department.code") && v != "" && !digits(v) {
				problems[f.Name] = "部门编码只能由数字组成，如 003"
				continue
			}
			if f.Name == "department.name" {
				if v == "" {
					problems[f.Name] = "请填写部门名称（印在每张表的“部门名称：”之后和封面上）"
					continue
				}
				if msg := input.NameProblem("部门名称", v); msg != "" {
					problems[f.Name] = msg
					continue
				}
			}
			sets = append(sets, func() {
				t := f.Text(d)
				if t.Value != v {
					*t = input.Text{Value: v}
				}
			})
		case render.FieldAmount:
			a, err := parseAmount(raw, yuan)
			if err != "" {
				problems[f.Name] = subject(f.Label) + err
				continue
			}
			sets = append(sets, func() {
				p := f.Amount(d)
				if p.Set != a.Set || !p.Value.Equal(a.Value) {
					*p = a
				}
			})
		case render.FieldCount:
			c, err := parseCount(raw)
			if err != "" {
				problems[f.Name] = subject(f.Label) + err
				continue
			}
			sets = append(sets, func() {
				p := f.Count(d)
				if p.Set != c.Set || p.Value != c.Value {
					*p = c
				}
			})
		}
	}
	for i := range d.Units {
		name := unitKindField(i)
		if !form.Has(name) {
			continue
		}
		if form.Get(fmt.Sprintf("units.%d.name", i)) != d.Units[i].Name.Value {
			problems[name] = "单位列表在别处被修改过：请刷新页面后重新填写"
			continue
		}
		kind, ok := choiceValue(unitKindChoices, form.Get(name))
		if !ok {
			problems[name] = fmt.Sprintf("“%s”不是单位类型：请选择行政单位、参照公务员法管理的事业单位或事业单位", shorten(form.Get(name)))
			continue
		}
		i, goal := i, form.Get(unitGoalField(i)) != ""
		sets = append(sets, func() {
			u := &d.Units[i]
			if u.Kind.Value != kind {
				u.Kind = input.Text{Value: kind}
			}
			u.OverallGoal = goal
		})
	}
	if lists := form.Get(listsField); lists != "" && lists != listsSig(d) {
		problems[listsField] = "没有保存项目类别、绩效目标表的复核和表6各行的单位：打开本页之后，项目或表6的行在别处被修改过，请刷新页面后重新填写"
		return problems
	}
	for i := range d.Projects {
		p := &d.Projects[i]
		if name := projectField(i, "category"); form.Has(name) && !p.Carryover {
			cat, ok := choiceValue(categoryChoices, form.Get(name))
			if !ok {
				problems[name] = fmt.Sprintf("“%s”不是项目类别：请选择其他运转类或特定目标类", shorten(form.Get(name)))
				continue
			}
			sets = append(sets, func() {
				if p.Category.Value != cat {
					p.Category = input.Text{Value: cat}
				}
			})
		}
		if name := projectField(i, "reviewed"); form.Get(name) != "" && p.Goal != nil {
			sets = append(sets, func() { p.Goal.CarriedFrom = input.Text{} })
		}
	}
	for i := range d.BasicByEcon {
		name := econUnitField(i)
		if !form.Has(name) || len(d.Units) < 2 {
			continue
		}
		unit := ""
		if raw := strings.TrimSpace(form.Get(name)); raw != "" {
			k, err := strconv.Atoi(raw)
			if err != nil || k < 0 || k >= len(d.Units) {
				problems[name] = "请从列表中选择所属单位"
				continue
			}
			unit = d.Units[k].Name.Value
		}
		e := &d.BasicByEcon[i]
		sets = append(sets, func() {
			if e.Unit.Value != unit {
				e.Unit = input.Text{Value: unit}
			}
		})
	}
	if len(problems) > 0 {
		return problems
	}
	for _, s := range sets {
		s()
	}
	return nil
}

// cleanText is a posted text as the file keeps it: line ends as \n, no
// spaces at the ends (of each line for a one-line field).
func cleanText(s string, long bool) string {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	if !long {
		s = strings.ReplaceAll(s, "\n", " ")
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t")
	}
	return strings.Trim(strings.Join(lines, "\n"), " \t\n")
}

func digits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// normalizeNumber turns full-width digits, point and commas into ASCII and
// drops spaces and thousands separators (the form is forgiving where the
// file is not: it writes the number the file needs). A comma must separate
// thousands — the digits before the point grouped by three, 1,249.45 — or
// ok is false: 140,5 is a decimal comma, not 1405.
func normalizeNumber(s string) (out string, ok bool) {
	var b strings.Builder
	for _, r := range strings.TrimSpace(s) {
		switch {
		case r >= '０' && r <= '９':
			b.WriteRune('0' + r - '０')
		case r == '．':
			b.WriteByte('.')
		case r == '，':
			b.WriteByte(',')
		case r == ' ' || r == '　':
		default:
			b.WriteRune(r)
		}
	}
	out = b.String()
	if !strings.Contains(out, ",") {
		return out, true
	}
	whole, frac, _ := strings.Cut(out, ".")
	if !thousandsRe.MatchString(whole) || strings.Contains(frac, ",") {
		return out, false
	}
	return strings.ReplaceAll(out, ",", ""), true
}

// thousandsRe is a whole number with its thousands separated by commas.
var thousandsRe = regexp.MustCompile(`^[0-9]{1,3}(,[0-9]{3})+$`)

// commaProblem says a comma that separates no thousands, for the field
// labelled before it: with the figure written with a point when one comma
// stands between digits.
func commaProblem(raw, normalized string, count bool) string {
	msg := fmt.Sprintf("“%s”中的逗号不是千分位分隔符：", raw)
	if count {
		return msg + "请只写整数，不写逗号（千分位逗号后应为三位数字，如 1,000）"
	}
	if whole, frac, ok := strings.Cut(normalized, ","); ok && digits(whole) && digits(frac) {
		return msg + "小数请用小数点，如 " + whole + "." + frac
	}
	return msg + "小数请用小数点，如 1249.45（千分位逗号后应为三位数字，如 1,249.45）"
}

// parseAmount reads an amount typed in the form: in 万元, the publication's
// unit, whatever the file's; or with its unit, 万元 or 元 ("3,312.45万元",
// "33124500元"). Empty is not given; otherwise a non-negative number, held
// exactly in 万元 (元 ÷ 10 000), of no more precision than the file's unit
// holds (two decimals in 万元, six in 元), below the input's ceiling.
func parseAmount(raw string, yuan bool) (input.Amount, string) {
	num, unit := splitUnit(raw)
	typedYuan := false
	switch unit {
	case "", "万元", "万":
	case "元":
		typedYuan = true
	default:
		return input.Amount{}, fmt.Sprintf("的金额单位“%s”不认识：请写万元或元（不写单位即为万元），如 3312.45 或 33124500元", unit)
	}
	s, ok := normalizeNumber(num)
	if !ok {
		return input.Amount{}, commaProblem(raw, s, false)
	}
	if s == "" {
		if unit != "" {
			return input.Amount{}, fmt.Sprintf("应为金额（只写数字，如 1249.45），而不是“%s”", raw)
		}
		return input.Amount{}, ""
	}
	for _, r := range s {
		if !(r >= '0' && r <= '9' || r == '.') {
			return input.Amount{}, fmt.Sprintf("应为金额（只写数字，如 1249.45），而不是“%s”", raw)
		}
	}
	d, err := decimal.NewFromString(s)
	if err != nil || strings.Count(s, ".") > 1 {
		return input.Amount{}, fmt.Sprintf("应为金额（只写数字，如 1249.45），而不是“%s”", raw)
	}
	if typedYuan {
		d = d.Shift(-4)
	}
	places, fileUnit, inFile := int32(2), "万元", d
	if yuan {
		places, fileUnit, inFile = 6, "元", d.Shift(4)
	}
	if !inFile.Equal(inFile.Truncate(places)) {
		msg := fmt.Sprintf("最多 %d 位小数（单位%s）", places, fileUnit)
		if typedYuan != yuan {
			msg += fmt.Sprintf("：“%s”即 %s%s", strings.TrimSpace(raw), inFile.String(), fileUnit)
		}
		return input.Amount{}, msg
	}
	if d.GreaterThanOrEqual(decimal.New(1, 9)) {
		return input.Amount{}, "过大（上限 999999999.99 万元）"
	}
	return input.Amount{Value: d, Set: true}, ""
}

// splitUnit splits an amount as typed into its number and the unit after
// it ("3,312.45 万元" → "3,312.45", "万元"): the unit is what follows the
// last digit, without spaces.
func splitUnit(raw string) (num, unit string) {
	s := strings.TrimSpace(raw)
	end := strings.LastIndexFunc(s, func(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' })
	if end < 0 {
		return s, ""
	}
	_, n := utf8.DecodeRuneInString(s[end:])
	return s[:end+n], strings.TrimSpace(strings.Trim(s[end+n:], "　"))
}

// parseCount reads a whole number typed in the form.
func parseCount(raw string) (input.Count, string) {
	s, ok := normalizeNumber(raw)
	if !ok {
		return input.Count{}, commaProblem(raw, s, true)
	}
	if s == "" {
		return input.Count{}, ""
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || n > 1_000_000 {
		return input.Count{}, fmt.Sprintf("应为不小于 0 的整数，而不是“%s”", raw)
	}
	return input.Count{Value: n, Set: true}, ""
}

// subject is a field's label as a message about it begins: in quotes when
// it ends in its unit (“实有（辆）”应为…), else as it is.
func subject(label string) string {
	if strings.HasSuffix(label, "）") {
		return "“" + label + "”"
	}
	return label
}

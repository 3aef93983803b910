package workbench

import (
	"encoding/json"
	"fmt"
	"github.com/budgetpub/budgetpub/render"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/budgetpub/budgetpub/input"
)

// A clerk never sees the file's keys: a finding is shown with the labels
// of the form's fields (fieldSpecs and the lists of the form), and a key
// the form has no field for with the name the schema describes it by.
// Findings of something to fill in (Finding.Path) link to their field.

// keyLabels are the labels of the file's keys and of the values of its
// lists of choices, by key path as messages spell them (prior_year,
// reasons.total_change, units[].kind, administrative …).
var keyLabels = func() map[string]string {
	out := map[string]string{}
	// What the schema says of every key, up to its first pause: the name of
	// the keys the form has no field for (expenditures → 支出).
	var schema map[string]any
	if err := json.Unmarshal(input.Schema(), &schema); err != nil {
		panic(err)
	}
	var walk func(node map[string]any, prefix string)
	walk = func(node map[string]any, prefix string) {
		props, _ := node["properties"].(map[string]any)
		for k, v := range props {
			sub, _ := v.(map[string]any)
			if sub == nil {
				continue
			}
			path := prefix + k
			if d, _ := sub["description"].(string); d != "" {
				out[path] = shortDescription(d)
			}
			walk(sub, path+".")
			if items, ok := sub["items"].(map[string]any); ok {
				walk(items, path+"[].")
			}
		}
	}
	walk(schema, "")
	// The form's own labels come first: they are what the clerk sees.
	for _, f := range fieldSpecs {
		out[f.Name] = f.Label
	}
	for block, group := range groupOf {
		out[block] = group
	}
	for _, l := range listFields {
		out[l.path] = l.label
	}
	for _, c := range unitKindChoices {
		out[c.Value] = c.Label
	}
	for _, c := range categoryChoices {
		out[c.Value] = c.Label
	}
	for _, s := range input.AllSources {
		out[input.SourceKeys()[s]] = s.Title()
	}
	return out
}()

// groupOf is the form's group of each block of fields (procurement → 九、政府采购).
var groupOf = func() map[string]string {
	out := map[string]string{}
	for _, f := range fieldSpecs {
		block, _, _ := strings.Cut(f.Name, ".")
		if _, ok := out[block]; !ok {
			out[block] = f.Group
		}
	}
	return out
}()

// layoutLabels are, by layout, the labels its own form gives its fields
// and the groups of its blocks: where two layouts' forms name a key
// differently (prior_year.total: 上年收支总计 in a 预算, 上年度收入支出总计
// in a 决算), a document's findings say its own form's words.
var layoutLabels = func() map[string]map[string]string {
	out := map[string]map[string]string{}
	for _, p := range render.Profiles() {
		m := map[string]string{}
		mixed := map[string]bool{} // a block whose fields are in several groups has none
		for _, f := range p.Form {
			m[f.Name] = f.Label
			block, _, _ := strings.Cut(f.Name, ".")
			if g, ok := m[block]; ok && g != f.Group {
				mixed[block] = true
			}
			m[block] = f.Group
		}
		for block := range mixed {
			delete(m, block)
		}
		out[p.ID] = m
	}
	return out
}()

// labelIn is a key's label in a layout's form, else keyLabels'.
func labelIn(layout, key string) (string, bool) {
	if l, ok := layoutLabels[layout][key]; ok {
		return l, true
	}
	l, ok := keyLabels[key]
	return l, ok
}

// shortDescription is a key's description up to its first pause: its name.
func shortDescription(d string) string {
	if i := strings.IndexAny(d, "：，；（。"); i > 0 {
		d = d[:i]
	}
	return strings.TrimSpace(d)
}

// listField is a field of the form's lists (each unit, each project, each
// line of table 6): its key path and label.
type listField struct{ path, label string }

// listFields are the form's fields of list items, labelled as the form's
// columns say.
var listFields = []listField{
	{"units[].kind", "单位类型"},
	{"units[].overall_goal", "编报了单位整体绩效目标"},
	{"projects[].category", "项目类别"},
	{"projects[].performance_goal.carried_from", "已复核"},
	{"carried_from", "已复核"},
	{"basic_by_economic[].unit", "所属单位"},
}

// listLabel is the label of a list field of the form.
func listLabel(path string) string {
	for _, l := range listFields {
		if l.path == path {
			return l.label
		}
	}
	return ""
}

// keyRe is a key path as messages spell it: prior_year, reasons.total_change,
// units[].kind.
var keyRe = regexp.MustCompile(`[a-z][a-z0-9_]*(?:\[\])?(?:\.[a-z][a-z0-9_]*(?:\[\])?)*`)

// webFixes say, for the findings whose way to fix them is an edit of the
// file, how the workbench fixes it: the message's last clause is replaced.
var webFixes = map[render.CheckID]string{
	render.UnknownUnitKind: "请在“填写”页的“预算单位”中选择单位类型",
	render.UnknownCategory: "请在“填写”页的“项目类别”中选择其他运转类或特定目标类",
	render.UnreviewedGoal:  "逐项核对本年的目标和指标后，在“填写”页勾选“已复核”并保存",
}

// clerkText is a finding's message as the clerk reads it: the workbench's
// way to fix it where that differs from the file's, and every key of the
// file named by its label. Text within quotes (a project's name) is left
// as it is.
func clerkText(layout string, id render.CheckID, msg string) string {
	if fix, ok := webFixes[id]; ok {
		if i := strings.LastIndex(msg, "："); i >= 0 {
			msg = msg[:i+len("：")] + fix
		}
	}
	return labelKeysIn(layout, msg)
}

// labelKeys names every key of the file in s by its label, “in quotes”;
// a space between the key and Chinese text goes with it.
func labelKeys(s string) string { return labelKeysIn("", s) }

// labelKeysIn is labelKeys with the labels of a layout's form (a
// document's findings, in its own form's words).
func labelKeysIn(layout, s string) string {
	var b strings.Builder
	depth, last := 0, 0
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch r {
		case '“':
			depth++
		case '”':
			depth = max(0, depth-1)
		}
		if depth > 0 || r < 'a' || r > 'z' || i > 0 && isASCIIWord(s[i-1]) {
			i += n
			continue
		}
		m := keyRe.FindString(s[i:])
		label, ok := labelIn(layout, m)
		if !ok || i+len(m) < len(s) && isASCIIWord(s[i+len(m)]) {
			i += len(m)
			continue
		}
		start, end := i, i+len(m)
		if start > 0 && s[start-1] == ' ' && (start < 2 || s[start-2] >= utf8.RuneSelf) {
			start--
		}
		if end < len(s) && s[end] == ' ' && (end+1 >= len(s) || s[end+1] >= utf8.RuneSelf) {
			end++
		}
		b.WriteString(s[last:start])
		b.WriteString("“" + label + "”")
		last, i = end, end
	}
	b.WriteString(s[last:])
	return b.String()
}

func isASCIIWord(c byte) bool {
	return c == '_' || c == '-' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// indexRe is a list item's index as a Finding.Path spells it: units[2].
var indexRe = regexp.MustCompile(`\[(\d+)\]`)

// pathField is the form's field of a Finding.Path (units[2].kind …) and
// its label; "" when the form has none. A whole block (procurement) is
// its group.
func pathField(d *input.Document, path string) (name, label string) {
	name = indexRe.ReplaceAllString(path, ".$1")
	for _, f := range specsOf(d) {
		if f.Name == name {
			return name, f.Label
		}
	}
	own := false // the document's layout has a form: a block is its group or none
	if d != nil {
		var lm map[string]string
		if lm, own = layoutLabels[d.LayoutOf()]; own && !strings.Contains(name, ".") {
			if g, ok := lm[name]; ok {
				return name, g
			}
		}
	}
	for _, f := range fieldSpecs {
		if f.Name == name {
			return name, f.Label
		}
	}
	if g, ok := groupOf[name]; ok && !own {
		return name, g
	}
	parts := strings.Split(name, ".")
	if len(parts) < 3 || d == nil {
		return "", ""
	}
	i, err := strconv.Atoi(parts[1])
	if err != nil || i < 0 {
		return "", ""
	}
	switch {
	case parts[0] == "units" && i < len(d.Units) && parts[2] == "kind":
		return unitKindField(i), listLabel("units[].kind")
	case parts[0] == "projects" && i < len(d.Projects) && parts[2] == "category":
		return projectField(i, "category"), listLabel("projects[].category")
	case parts[0] == "projects" && i < len(d.Projects) && strings.HasSuffix(name, ".carried_from"):
		return projectField(i, "reviewed"), listLabel("carried_from")
	case parts[0] == "basic_by_economic" && i < len(d.BasicByEcon) && parts[2] == "unit":
		return econUnitField(i), listLabel("basic_by_economic[].unit")
	}
	return "", ""
}

// The form's names of list fields.
func unitKindField(i int) string          { return fmt.Sprintf("units.%d.kind", i) }
func unitGoalField(i int) string          { return fmt.Sprintf("units.%d.overall_goal", i) }
func projectField(i int, f string) string { return fmt.Sprintf("projects.%d.%s", i, f) }
func econUnitField(i int) string          { return fmt.Sprintf("basic_by_economic.%d.unit", i) }

// fieldLabel is the label of a field of the form by its name: a layout's
// form's first.
func fieldLabel(layout, name string) string {
	if l, ok := layoutLabels[layout][name]; ok {
		return l
	}
	for _, f := range fieldSpecs {
		if f.Name == name {
			return f.Label
		}
	}
	parts := strings.Split(name, ".")
	if len(parts) == 3 {
		switch parts[0] + "." + parts[2] {
		case "units.kind":
			return listLabel("units[].kind")
		case "units.overall_goal":
			return listLabel("units[].overall_goal")
		case "projects.category":
			return listLabel("projects[].category")
		case "projects.reviewed":
			return listLabel("carried_from")
		case "basic_by_economic.unit":
			return listLabel("basic_by_economic[].unit")
		}
	}
	return groupOf[name]
}

// labelNotes are the import's notes with the file's keys named by their
// labels.
func labelNotes(notes []string) []string {
	out := make([]string, len(notes))
	for i, n := range notes {
		out[i] = labelKeys(n)
	}
	return out
}

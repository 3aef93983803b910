package workbench

import (
	"fmt"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strings"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
)

// A page that saves (填写, 源文件) carries the version of the text it was
// made from; a save is of that version or of none. A page opened before
// the text was changed elsewhere (another tab, the other page) is refused,
// saying which fields changed, and never written over the newer text.
// The last versions are kept in the workspace's folder so that a stale
// form can be compared with what replaced it.

// versionField is the hidden field of the version.
const versionField = "version"

// keptVersions is how many of a workspace's texts are kept to compare.
const keptVersions = 8

// remember keeps the current text (just written to input.yaml) as a
// version to compare a stale form with; the oldest beyond keptVersions
// goes. The caller holds sp.mu.
func (sp *space) remember(text []byte) {
	name := "rev-" + sp.ver.String() + ".yaml"
	if i := slices.Index(sp.revs, sp.ver); i >= 0 {
		sp.revs = append(slices.Delete(sp.revs, i, i+1), sp.ver)
		return
	}
	if err := os.Link(sp.path("input.yaml"), sp.path(name)); err != nil && sp.writeFile(name, text) != nil {
		return // not kept: a form of it is stale without its fields named
	}
	sp.revs = append(sp.revs, sp.ver)
	if len(sp.revs) > keptVersions {
		_ = os.Remove(sp.path("rev-" + sp.revs[0].String() + ".yaml"))
		sp.revs = slices.Delete(sp.revs, 0, 1)
	}
}

// recall is the text of a version still kept (nil if not: too old, or no
// version of this workspace).
func (sp *space) recall(v string) []byte {
	sp.mu.Lock()
	kept := slices.ContainsFunc(sp.revs, func(k version) bool { return k.String() == v })
	sp.mu.Unlock()
	if !kept {
		return nil
	}
	b, err := os.ReadFile(sp.path("rev-" + v + ".yaml"))
	if err != nil {
		return nil
	}
	return b
}

// formValue is a field of the form as the browser posts it, with its label.
type formValue struct{ name, label, value string }

// values are the form's fields in its order, as posted: each unit's name,
// kind and overall goal after the fields.
func (v formView) values() []formValue {
	var out []formValue
	for _, g := range v.Groups {
		for _, f := range g.Fields {
			out = append(out, formValue{f.Name, f.Label, f.Value})
		}
	}
	for _, u := range v.Units {
		goal := ""
		if u.OverallGoal {
			goal = "1"
		}
		out = append(out,
			formValue{fmt.Sprintf("units.%d.name", u.Index), "预算单位", u.Name},
			formValue{fmt.Sprintf("units.%d.kind", u.Index), "“" + u.Name + "”的单位类型", u.Kind},
			formValue{fmt.Sprintf("units.%d.overall_goal", u.Index), "“" + u.Name + "”的单位整体绩效目标", goal})
	}
	out = append(out, formValue{listsField, "项目和表6的行", v.Lists})
	for _, p := range v.Projects {
		out = append(out, formValue{projectField(p.Index, "category"), "“" + p.Name + "”的项目类别", p.Category})
	}
	for _, g := range v.Goals {
		reviewed := ""
		if g.Reviewed {
			reviewed = "1"
		}
		out = append(out, formValue{projectField(g.Index, "reviewed"), "“" + g.Name + "”的绩效目标表已复核", reviewed})
	}
	for _, e := range v.Econ {
		out = append(out, formValue{econUnitField(e.Index), fmt.Sprintf("表6 第 %d 行的所属单位", e.Index+1), e.Unit})
	}
	return out
}

// note puts notes under the fields they name.
func (v *formView) note(notes map[string]string) {
	for gi := range v.Groups {
		for fi := range v.Groups[gi].Fields {
			f := &v.Groups[gi].Fields[fi]
			f.Note = notes[f.Name]
		}
	}
	for i := range v.Units {
		u := &v.Units[i]
		u.Note = notes[fmt.Sprintf("units.%d.kind", u.Index)] + notes[fmt.Sprintf("units.%d.overall_goal", u.Index)]
	}
	for i := range v.Projects {
		v.Projects[i].Note = notes[projectField(v.Projects[i].Index, "category")]
	}
	for i := range v.Goals {
		v.Goals[i].Note = notes[projectField(v.Goals[i].Index, "reviewed")]
	}
	for i := range v.Econ {
		v.Econ[i].Note = notes[econUnitField(v.Econ[i].Index)]
	}
}

// marked are the fields with a problem or a note, in the form's order,
// each once.
func (v formView) marked() []fieldLink {
	var out []fieldLink
	for _, g := range v.Groups {
		for _, f := range g.Fields {
			if f.Problem != "" || f.Note != "" {
				out = append(out, fieldLink{f.Anchor, f.Label})
			}
		}
	}
	for _, u := range v.Units {
		if u.Problem != "" || u.Note != "" {
			out = append(out, fieldLink{u.Anchor, "“" + u.Name + "”"})
		}
	}
	for _, p := range v.Projects {
		if p.Problem != "" || p.Note != "" {
			out = append(out, fieldLink{p.Anchor, "“" + p.Name + "”的项目类别"})
		}
	}
	for _, g := range v.Goals {
		if g.Problem != "" || g.Note != "" {
			out = append(out, fieldLink{g.Anchor, "“" + g.Name + "”的绩效目标表"})
		}
	}
	for _, e := range v.Econ {
		if e.Problem != "" || e.Note != "" {
			out = append(out, fieldLink{e.Anchor, fmt.Sprintf("表6 第 %d 行", e.Index+1)})
		}
	}
	return out
}

// formOf is the form of a text's document, its values as normalValue
// makes them (nil when it does not decode).
func (s *Server) formOf(display string, text []byte) map[string]string {
	if text == nil {
		return nil
	}
	d, err := input.Decode(display, text, s.cfg.Resources.Catalog)
	if err != nil {
		return nil
	}
	out := map[string]string{}
	for _, f := range buildForm(d, nil, nil, nil).values() {
		out[f.name] = normalValue(f.name, f.value)
	}
	return out
}

// changedLabels are the labels of the fields whose values differ between
// two forms (of formOf), in the form's order, each once.
func changedLabels(order []formValue, was, now map[string]string) []string {
	var out []string
	for _, f := range order {
		if was[f.name] != now[f.name] && !slices.Contains(out, f.label) {
			out = append(out, f.label)
		}
	}
	return out
}

// staleMessage says a save refused because the text changed elsewhere,
// naming the fields changed when known.
func staleMessage(elsewhere string, labels []string, known bool) string {
	msg := "没有保存：打开本页之后，主输入文件已在别处修改过（" + elsewhere + "）"
	switch {
	case len(labels) > 0:
		msg += "：" + strings.Join(labels, "、")
	case known:
		msg += "：改动不在“填写”页的栏目中"
	}
	return msg
}

// staleFill answers a form made from a text since replaced: nothing is
// saved; the form is shown again of the current text, the fields changed
// elsewhere as they are now (said under each, with what was typed in this
// page when it had changed that field too), every other field as typed.
// Saving that form then keeps both. When the text the form was made from is
// no longer kept, the form shows the current text and says what typed
// value was not saved.
func (s *Server) staleFill(w http.ResponseWriter, r *http.Request, sp *space, posted url.Values) {
	res, ver, err := s.checked(r.Context(), sp)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	if res.Doc == nil {
		s.showFill(w, r, sp, res, fillState{version: ver.String(), status: http.StatusConflict,
			general: []string{staleMessage("另一个标签页或“源文件”页", nil, false) + "，现在的主输入文件有错误：请先在“源文件”中改正"}})
		return
	}
	var base map[string]string
	display := sp.name()
	if err := s.work(r.Context(), func() { base = s.formOf(display, sp.recall(posted.Get(versionField))) }); err != nil {
		s.failErr(w, r, err)
		return
	}
	order := buildForm(res.Doc, nil, nil, nil).values()
	merged := url.Values{}
	problems, notes := map[string]string{}, map[string]string{}
	var changed []string
	for _, f := range order {
		typed, now := normalValue(f.name, posted.Get(f.name)), normalValue(f.name, f.value)
		switch {
		case base == nil: // unknown what changed: the current text, and what was typed said
			merged.Set(f.name, f.value)
			if typed != now && isSpecField(f.name) {
				problems[f.name] = fmt.Sprintf("本页填写的“%s”没有保存：这里显示的是现在主输入文件中的内容，请核对后重新填写", shorten(typed))
			}
		case base[f.name] != now: // changed elsewhere
			merged.Set(f.name, f.value)
			if !slices.Contains(changed, f.label) {
				changed = append(changed, f.label)
			}
			if typed != base[f.name] && typed != now && isSpecField(f.name) {
				problems[f.name] = fmt.Sprintf("此项已在别处改成现在显示的内容，本页填写的“%s”没有保存：请核对后重新填写", shorten(typed))
			} else {
				notes[f.name] = "此项已在别处修改，这里显示的是修改后的内容"
			}
		default:
			merged.Set(f.name, typed)
		}
	}
	general := staleMessage("另一个标签页或“源文件”页", changed, base != nil)
	if base != nil {
		general += "。本页已换上这些栏目现在的内容，本页填写的其他内容都还在：请核对后再点“保存并核对”；也可以刷新页面，放弃本页填写的内容"
	} else {
		general += "。本页已刷新为现在的内容：本页填写而没有保存的内容写在各栏下，请核对后重新填写"
	}
	s.showFill(w, r, sp, res, fillState{version: ver.String(), posted: merged, problems: problems, notes: notes,
		general: []string{general}, status: http.StatusConflict})
}

// staleYAML answers an editor's text made from a text since replaced:
// nothing is saved; the editor shows the text posted again, still of the
// old version (so saving it again is refused too), and says which fields
// changed elsewhere and to reload.
func (s *Server) staleYAML(w http.ResponseWriter, r *http.Request, sp *space, text, base string) {
	res, current, _, err := s.checkedAndText(r.Context(), sp)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	display := sp.name()
	var labels []string
	known := false
	if err := s.work(r.Context(), func() {
		was, now := s.formOf(display, sp.recall(base)), s.formOf(display, current)
		if was != nil && now != nil && res.Doc != nil {
			labels, known = changedLabels(buildForm(res.Doc, nil, nil, nil).values(), was, now), true
		}
	}); err != nil {
		s.failErr(w, r, err)
		return
	}
	msg := staleMessage("另一个标签页或“填写”页", labels, known) +
		"。下面的编辑框中仍是本页修改后的内容，但没有保存，再点“保存”也不会保存：请先复制要保留的修改，再刷新页面看现在的内容，在其上重新修改"
	s.showYAML(w, r, sp, res, yamlView{Text: text, Version: base}, []string{msg}, http.StatusConflict)
}

// normalValue is a posted value as the form compares it with the file's:
// a text as the file keeps it (a browser posts a textarea's lines ending
// in \r\n), anything else without spaces at its ends.
func normalValue(name, v string) string {
	for _, f := range fieldSpecs {
		if f.Name == name && (f.Kind == render.FieldText || f.Kind == render.FieldLong) {
			return cleanText(v, f.Kind == render.FieldLong)
		}
	}
	return strings.TrimSpace(v)
}

// isSpecField tells whether a field of the form is one of fieldSpecs
// (typed, not chosen from a list).
func isSpecField(name string) bool {
	for _, f := range fieldSpecs {
		if f.Name == name {
			return true
		}
	}
	return false
}

// shorten is a typed value as a message quotes it: at most 40 characters.
func shorten(s string) string {
	if s == "" {
		return "（空）"
	}
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

package input

import (
	"bytes"
	"fmt"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"
	"gopkg.in/yaml.v3"
)

// FormatOptions shape a written master input.
type FormatOptions struct {
	// Header are comment lines printed at the top, under the title line
	// (e.g. "由 表.xlsx 导入").
	Header []string
	// Publication is what the title line names after the year: 部门预算公开
	// when empty, 部门决算公开 for a 决算.
	Publication string
	// Todo is what the clerk still has to fill in: a numbered, commented
	// list under the header.
	Todo []string
	// Comments are comment lines placed just above an item or a key, by its
	// path: "three_public", "expenditures[3]" (0-based), "projects[2]",
	// "projects[2].performance_goal", "prior_year.total" …. A path inside a
	// line written as one flow map ("expenditures[3].basic") goes above that
	// line; a path that names nothing written is dropped.
	Comments map[string][]string
	// Examples prints commented example lines in an empty list, as the
	// skeleton does.
	Examples bool
	// LayoutKeys are the keys only some layouts use (input.LayoutKeys)
	// that the file's layout uses, by their schema path
	// (expenditures[].income_kind) or a block holding them (assets): they
	// are shown, unset, as every other key is. The others are written only
	// when the document gives them.
	LayoutKeys []string
}

// blockOrder is the order of the blocks in a written file (after schema,
// year and amount_unit).
var blockOrder = []string{"print_format", "department", "overview", "units", "code_names", "expenditures",
	"subject_purposes", "basic_by_economic", "government_fund_revenue", "state_capital_revenue", "projects",
	"three_public", "operating_costs", "prior_year", "reasons", "procurement", "assets",
	"notes", "performance", "glossary", "final"}

// Columns where trailing comments start: beside a key, beside a list line.
const (
	keyNoteCol  = 36
	lineNoteCol = 56
	maxNoteCol  = 84 // a line wider than this gets its comment on the line above
)

// Format writes doc as a complete master input with Chinese comments: every
// block in a fixed order and every key of the schema, with its value or,
// when unset, as a commented line saying what it is. Decoding the result
// gives doc back: every text exactly, every amount exactly in the document's
// unit (read as 万元 when AmountUnit is empty). Two things are normalized:
// a line's name equal to the embedded catalog's is left out, and names the
// document took from another catalog are written into code_names, so that
// the file decodes with the embedded catalog alone. An amount with more
// decimals than its unit allows (more than two in 万元) is written exactly
// and refused by Decode; a string that is not valid UTF-8 has its bad
// bytes written as U+FFFD.
func Format(doc *Document, o FormatOptions) []byte {
	w := &writer{doc: prepared(doc), o: o, yuan: doc.AmountUnit == "元", hashCol: -1, dashHash: -1}
	w.own = ownNames(w.doc)
	w.shown = shownLayoutKeys(w.doc, o.LayoutKeys)
	w.header()
	unit := w.doc.AmountUnit
	if unit == "" {
		unit = "万元"
	}
	w.line(0, "schema: "+strconv.Itoa(SchemaVersion), schemaDescriptions["schema"])
	w.line(0, "year: "+strconv.Itoa(w.doc.Year), schemaDescriptions["year"])
	w.line(0, "amount_unit: "+unit, schemaDescriptions["amount_unit"])
	switch l := w.doc.Layout.Value; {
	case l != "":
		w.line(0, "layout: "+l, schemaDescriptions["layout"])
	case w.o.Examples: // shown, as the default it is
		w.line(0, "# layout: "+DefaultLayout, schemaDescriptions["layout"])
	}
	v := reflect.ValueOf(w.doc).Elem()
	for _, key := range blockOrder {
		if f := keyFieldOf(v, key); !w.hidden(f, key) {
			w.block(key, f.v)
		}
	}
	return w.b.Bytes()
}

// prepared is a shallow copy of doc with what Format needs filled in: the
// source of an expenditure line set only as Src.
func prepared(doc *Document) *Document {
	d := *doc
	d.Expenditures = append([]Expenditure(nil), doc.Expenditures...)
	for i, e := range d.Expenditures {
		if e.Source.Value == "" && e.Src != DefaultSource {
			d.Expenditures[i].Source.Value = e.Src.Key()
		}
	}
	return &d
}

// writer holds the state of one Format.
type writer struct {
	b    bytes.Buffer
	doc  *Document
	o    FormatOptions
	yuan bool              // amounts are written in 元
	own  map[string]string // names the document itself gives codes
	// hashCol is the column of "# " while writing commented-out lines (-1: none).
	hashCol int
	// dash says the next line starts a list item ("- "); dashHash is the
	// hashCol it was set under, so that a commented-out key does not take it.
	dash     bool
	dashHash int
	// fill writes every key, with placeholders for what is unset (inside
	// commented-out lines, which show what can be filled in).
	fill bool
	// shown are the keys only some layouts use that are written, unset
	// too (shownLayoutKeys); the others are left out.
	shown map[string]bool
}

// hidden tells a key only some layouts use that is left out: the file
// neither gives it nor is asked to show it (FormatOptions.LayoutKeys).
func (w *writer) hidden(f keyField, path string) bool {
	return f.only && !w.shown[schemaPath(path)]
}

// keyField is one key of a struct.
type keyField struct {
	key    string
	req    bool // the decoder requires the key
	number bool // a Text holding a number
	only   bool // a key only some layouts use (layoutkeys.go)
	block  bool // a struct written as a block mapping, never as one flow map
	v      reflect.Value
}

// keyFields are the keys of a struct value, in schema order.
func keyFields(v reflect.Value) []keyField {
	var fs []keyField
	for i := 0; i < v.NumField(); i++ {
		f := v.Type().Field(i)
		key := f.Tag.Get("yaml")
		if key == "" || key == "-" {
			continue
		}
		fs = append(fs, keyField{key: key, req: f.Tag.Get("req") == "1", number: f.Tag.Get("kind") == "number", only: onlyLayout(f),
			block: f.Tag.Get("format") == "block", v: v.Field(i)})
	}
	return fs
}

func fieldByKey(v reflect.Value, key string) reflect.Value { return keyFieldOf(v, key).v }

func keyFieldOf(v reflect.Value, key string) keyField {
	for _, f := range keyFields(v) {
		if f.key == key {
			return f
		}
	}
	panic("input: no key " + key)
}

// isLeafType tells the types written as one scalar (or, for BySource, one flow map).
func isLeafType(t reflect.Type) bool {
	switch t {
	case textType, amountType, countType, bySourceType:
		return true
	}
	k := t.Kind()
	return k == reflect.Bool || k == reflect.Int || k == reflect.String
}

// flatStruct tells a struct of leaves only, written inside lists as one flow map.
func flatStruct(t reflect.Type) bool {
	if t.Kind() != reflect.Struct || isLeafType(t) {
		return false
	}
	for i := 0; i < t.NumField(); i++ {
		if f := t.Field(i); f.Tag.Get("yaml") != "-" && f.Type != posType && !isLeafType(f.Type) {
			return false
		}
	}
	return true
}

// unset tells a value that writes nothing.
func unset(v reflect.Value) bool {
	switch x := v.Interface().(type) {
	case Text:
		return x.Value == ""
	case Amount:
		return !x.Set
	case Count:
		return !x.Set
	case BySource:
		for _, a := range x.Amounts {
			if a.Set {
				return false
			}
		}
		return true
	}
	switch v.Kind() {
	case reflect.Struct:
		for _, f := range keyFields(v) {
			if !unset(f.v) {
				return false
			}
		}
		return true
	case reflect.Pointer, reflect.Slice:
		return v.IsNil() || v.Kind() == reflect.Slice && v.Len() == 0
	}
	return v.IsZero()
}

// hasRequiredKey tells a struct with a key the decoder requires.
func hasRequiredKey(v reflect.Value) bool {
	for _, f := range keyFields(v) {
		if f.req {
			return true
		}
	}
	return false
}

var indexRe = regexp.MustCompile(`\[[0-9]+\]`)

// describePath is the schema's description of a concrete path (projects[2].name).
func describePath(path string) string {
	return schemaDescriptions[indexRe.ReplaceAllString(path, "[]")]
}

// ---- lines and comments ----

// line writes one line at an indentation, with a trailing comment.
func (w *writer) line(indent int, text, note string) { w.emit(indent, text, note, keyNoteCol) }

// emit writes one line: commented out when hashCol is set, starting a list
// item when dash is, with note as a trailing comment aligned at col (or on
// the line above when the line is too wide).
func (w *writer) emit(indent int, text, note string, col int) {
	note = commentSafe(note)
	lead, dash := indent, w.dash && w.dashHash == w.hashCol
	if dash {
		lead -= 2
		w.dash = false
	}
	var s strings.Builder
	if w.hashCol >= 0 {
		s.WriteString(strings.Repeat(" ", w.hashCol) + "# " + strings.Repeat(" ", max(lead-w.hashCol, 0)))
	} else {
		s.WriteString(strings.Repeat(" ", lead))
	}
	if dash {
		s.WriteString("- ")
	}
	s.WriteString(text)
	if note != "" {
		if displayWidth(s.String()) > maxNoteCol {
			w.comment(indent, note)
		} else {
			s.WriteString(strings.Repeat(" ", max(col-displayWidth(s.String()), 1)) + "# " + note)
		}
	}
	w.b.WriteString(strings.TrimRight(s.String(), " ") + "\n")
}

// comment writes comment lines at an indentation, one per line of text.
func (w *writer) comment(indent int, text string) {
	for _, l := range commentLines(text) {
		l = strings.TrimRightFunc(commentSafe(l), unicode.IsSpace)
		if l == "" {
			w.b.WriteString(strings.Repeat(" ", indent) + "#\n")
		} else {
			w.b.WriteString(strings.Repeat(" ", indent) + "# " + l + "\n")
		}
	}
}

// comments writes the caller's comments for a path.
func (w *writer) comments(indent int, path string) {
	for _, c := range w.o.Comments[path] {
		w.comment(indent, c)
	}
}

// flowComments writes the caller's comments for a line written as one flow
// map: the path's own and those of every path inside it.
func (w *writer) flowComments(indent int, path string) {
	w.comments(indent, path)
	var inside []string
	for p := range w.o.Comments {
		if strings.HasPrefix(p, path+".") {
			inside = append(inside, p)
		}
	}
	sort.Strings(inside)
	for _, p := range inside {
		w.comments(indent, p)
	}
}

// commented writes what fn writes as commented-out lines, every key shown,
// with placeholders for what is unset.
func (w *writer) commented(indent int, fn func()) {
	hash, fill := w.hashCol, w.fill
	if w.hashCol < 0 {
		w.hashCol = indent
	}
	w.fill = true
	fn()
	w.hashCol, w.fill = hash, fill
}

// commentLines splits a text at every kind of line break.
func commentLines(s string) []string {
	s = strings.NewReplacer("\r\n", "\n", "\r", "\n", "\u0085", "\n", "\u2028", "\n", "\u2029", "\n").Replace(s)
	return strings.Split(s, "\n")
}

// commentSafe makes a text safe inside a comment: line breaks and control
// characters become spaces.
func commentSafe(s string) string {
	return strings.Map(func(r rune) rune {
		if !yamlPrintable(r) || r == utf8.RuneError {
			return ' '
		}
		return r
	}, s)
}

// displayWidth is a line's display width: CJK and other wide characters count two.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		n++
		if r >= 0x1100 && (r <= 0x115F || r >= 0x2E80 && r <= 0xA4CF || r >= 0xAC00 && r <= 0xD7A3 ||
			r >= 0xF900 && r <= 0xFAFF || r >= 0xFE30 && r <= 0xFE4F || r >= 0xFF00 && r <= 0xFF60 ||
			r >= 0xFFE0 && r <= 0xFFE6 || r >= 0x1F300 && r <= 0x1FAFF || r >= 0x20000 && r <= 0x3FFFD) {
			n++
		}
	}
	return n
}

// ---- the file ----

// header writes the first lines: the schema line, the title, the caller's
// header and to-do list.
func (w *writer) header() {
	w.b.WriteString("# yaml-language-server: $schema=budgetpub-schema.json\n")
	publication := w.o.Publication
	if publication == "" {
		publication = "部门预算公开"
	}
	title := fmt.Sprintf("%d年度%s —— budgetpub 主输入文件", w.doc.Year, publication)
	if n := w.doc.Department.Name.Value; n != "" {
		title = strings.Join(commentLines(n), " ") + " " + title
	}
	w.comment(0, title)
	for _, h := range w.o.Header {
		w.comment(0, h)
	}
	w.todo("还需填写：", w.o.Todo)
	w.b.WriteString("\n")
}

// todo writes a to-do list: its title, then the items numbered, one line
// each.
func (w *writer) todo(title string, items []string) {
	if len(items) == 0 {
		return
	}
	w.comment(0, "")
	w.comment(0, title)
	for i, t := range items {
		w.comment(0, fmt.Sprintf("  %d. %s", i+1, strings.Join(commentLines(t), " ")))
	}
}

// WithTodo is text, a master input as Format writes it, with a to-do list
// (title, then the items numbered) at the end of its header, where Format
// writes FormatOptions.Todo; lines is how many lines it adds: every line
// of the file below moves down by as many. It lets a caller list what it
// found in the written file itself (import lists the file's findings)
// without writing the file again.
func WithTodo(text []byte, title string, items []string) (out []byte, lines int) {
	end := bytes.Index(text, []byte("\n\n"))
	if len(items) == 0 || end < 0 {
		return text, 0
	}
	w := &writer{hashCol: -1, dashHash: -1}
	w.todo(title, items)
	block := w.b.Bytes()
	out = make([]byte, 0, len(text)+len(block))
	out = append(append(append(out, text[:end+1]...), block...), text[end+1:]...)
	return out, bytes.Count(block, []byte("\n"))
}

// block writes one top-level block: a title line, for a list the meaning
// of its keys, then the block.
func (w *writer) block(key string, v reflect.Value) {
	w.b.WriteString("\n")
	w.comment(0, "── "+describePath(key)+" ──")
	if v.Kind() == reflect.Slice {
		w.legend(v.Type().Elem(), key+"[]", 0, map[reflect.Type]bool{})
	}
	w.comments(0, key)
	switch {
	case v.Kind() == reflect.Struct && unset(v) && !hasRequiredKey(v):
		w.line(0, key+": {}", "")
		w.commented(2, func() { w.mapping(v, 2, key, true, false) })
	case v.Kind() == reflect.Struct:
		w.line(0, key+":", "")
		w.mapping(v, 2, key, true, false)
	case key == "code_names":
		w.list(key, reflect.ValueOf(w.codeNames()))
	default:
		w.list(key, v)
	}
}

// list writes a top-level list, or [] and the examples.
func (w *writer) list(key string, v reflect.Value) {
	if v.Len() == 0 {
		w.line(0, key+": []", "")
		if w.o.Examples {
			w.hashCol = 0
			for _, ex := range w.examples(key) {
				w.item(0, reflect.ValueOf(ex), key+"[]")
			}
			w.hashCol = -1
		}
		return
	}
	w.line(0, key+":", "")
	for i := 0; i < v.Len(); i++ {
		if key == "code_names" && i == len(w.doc.CodeNames) {
			w.comment(2, "以下编码的名称来自读入时所用的分类目录：程序自带的目录中没有，或名称不同")
		}
		w.item(2, v.Index(i), fmt.Sprintf("%s[%d]", key, i))
	}
}

// legend writes, above a list, what each key of its lines means.
func (w *writer) legend(t reflect.Type, path string, depth int, seen map[reflect.Type]bool) {
	seen[t] = true
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		key := f.Tag.Get("yaml")
		if key == "" || key == "-" {
			continue
		}
		p := join(path, key)
		if onlyLayout(f) && !w.shown[p] {
			continue
		}
		desc := describePath(p)
		if f.Type == textType && key == "source" {
			desc = strings.Replace(sourceList(AllSources, " | "), DefaultSource.Title(), DefaultSource.Title()+"（默认）", 1)
		}
		sub := f.Type
		for sub.Kind() == reflect.Pointer || sub.Kind() == reflect.Slice {
			sub = sub.Elem()
		}
		if f.Type.Kind() == reflect.Slice {
			p += "[]"
		}
		nested := sub.Kind() == reflect.Struct && !isLeafType(sub)
		if nested && seen[sub] {
			desc += "（各键同上）"
		}
		w.comment(0, strings.Repeat("  ", depth+1)+key+": "+desc)
		if nested && !seen[sub] {
			w.legend(sub, p, depth+1, seen)
		}
	}
}

// mapping writes a struct's keys at an indentation. describeKeys adds each
// key's description as a trailing comment; sparse leaves out unset keys
// (in list lines, whose keys the legend explains) instead of showing them
// commented out.
func (w *writer) mapping(v reflect.Value, indent int, path string, describeKeys, sparse bool) {
	for _, f := range keyFields(v) {
		p := join(path, f.key)
		if w.hidden(f, p) {
			continue
		}
		note := ""
		if describeKeys {
			note = describePath(p)
		}
		t := f.v.Type()
		switch {
		case isLeafType(t):
			w.comments(indent, p)
			w.leafLine(indent, f, p, note, sparse)
		case t.Kind() == reflect.Slice:
			w.comments(indent, p)
			w.nestedList(indent, f, p, note)
		default: // a struct, or a pointer to one
			sv := f.v
			if t.Kind() == reflect.Pointer {
				if sv.IsNil() {
					if sparse && !w.fill {
						continue
					}
					sv = reflect.New(t.Elem())
				}
				sv = sv.Elem()
			}
			w.comments(indent, p)
			w.nested(indent, f, sv, p, note, describeKeys)
		}
	}
}

// leafLine writes one key with a scalar value (a block scalar for a text of
// several lines), or the key commented out when unset.
func (w *writer) leafLine(indent int, f keyField, path, note string, sparse bool) {
	s, ok := w.leaf(f, false)
	switch {
	case ok:
	case f.v.Kind() == reflect.Bool:
		return
	case w.fill:
		var described bool
		if s, described = w.placeholder(f, path, false); described {
			note = ""
		}
	case f.req:
		s = nullOf(f.v.Type())
	case sparse:
		return
	default:
		w.commented(indent, func() { w.leafLine(indent, f, path, note, sparse) })
		return
	}
	if t, isText := f.v.Interface().(Text); ok && isText && !f.number && !isCodeKey(f.key) {
		if header, lines, ok := literalBlock(t.Value); ok {
			w.line(indent, f.key+": "+header, note)
			for _, l := range lines {
				w.line(indent+2, l, "")
			}
			return
		}
	}
	w.line(indent, f.key+": "+s, note)
}

// nested writes a key holding a struct: as a block mapping, as one flow map
// in list lines when its keys are all scalars, or commented out when unset.
func (w *writer) nested(indent int, f keyField, v reflect.Value, path, note string, describeKeys bool) {
	isPtr := f.v.Kind() == reflect.Pointer
	switch {
	case !w.fill && (isPtr && f.v.IsNil() || !isPtr && unset(v)):
		w.commented(indent, func() { w.nested(indent, f, v, path, note, describeKeys) })
	case !describeKeys && flatStruct(v.Type()) && !f.block:
		w.emit(indent, f.key+": "+w.flow(v, path), note, keyNoteCol)
	case !w.fill && unset(v): // a pointer to an empty struct: keep it
		w.line(indent, f.key+": {}", note)
		w.commented(indent+2, func() { w.mapping(v, indent+2, path, describeKeys, false) })
	default:
		w.line(indent, f.key+":", note)
		w.mapping(v, indent+2, path, describeKeys, false)
	}
}

// nestedList writes a list inside a block (a goal's indicators). An absent
// one is shown commented out with one line to fill in; an empty one is
// written [], for it differs (annual_indicators: [] is an empty column,
// an absent one repeats period_indicators).
func (w *writer) nestedList(indent int, f keyField, path, note string) {
	v := f.v
	if v.Len() == 0 {
		switch {
		case !w.fill && !v.IsNil():
			w.line(indent, f.key+": []", note)
			return
		case !w.fill:
			w.commented(indent, func() { w.nestedList(indent, f, path, note) })
			return
		}
		v = reflect.MakeSlice(v.Type(), 1, 1)
		if ex := w.examples(schemaPath(path)); len(ex) > 0 { // a line that decodes as it is
			v = reflect.MakeSlice(v.Type(), 0, len(ex))
			for _, e := range ex {
				v = reflect.Append(v, reflect.ValueOf(e))
			}
		}
	}
	w.line(indent, f.key+":", note)
	for i := 0; i < v.Len(); i++ {
		w.item(indent+2, v.Index(i), fmt.Sprintf("%s[%d]", path, i))
	}
}

// item writes one list line: one flow map, or a block mapping when it holds
// a block (a project's performance_goal).
func (w *writer) item(indent int, v reflect.Value, path string) {
	block := false
	for _, f := range keyFields(v) {
		if k := f.v.Kind(); k == reflect.Pointer && !f.v.IsNil() || k == reflect.Slice && f.v.Len() > 0 {
			block = true
		}
	}
	if !block {
		w.flowComments(indent, path)
		w.emit(indent, "- "+w.flow(v, path), w.codeNote(v), lineNoteCol)
		return
	}
	w.comments(indent, path)
	fill := w.fill
	w.fill = fill || w.hashCol >= 0 // an example shows the whole form
	w.dash, w.dashHash = true, w.hashCol
	w.mapping(v, indent+2, path, false, true)
	w.dash, w.fill = false, fill
}

// flow is a struct as one flow map: its set keys in schema order.
func (w *writer) flow(v reflect.Value, path string) string {
	var parts []string
	for _, f := range keyFields(v) {
		if w.hidden(f, join(path, f.key)) {
			continue
		}
		var s string
		switch {
		case isLeafType(f.v.Type()):
			var ok bool
			s, ok = w.leaf(f, true)
			switch {
			case ok && w.redundantName(v, f):
				continue
			case ok:
			case f.v.Kind() == reflect.Bool:
				continue
			case w.fill:
				s, _ = w.placeholder(f, join(path, f.key), true)
			case f.req:
				s = nullOf(f.v.Type())
			default:
				continue
			}
		case flatStruct(f.v.Type()) && (w.fill || !unset(f.v)):
			s = w.flow(f.v, join(path, f.key))
		default:
			continue
		}
		parts = append(parts, f.key+": "+s)
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

// ---- values ----

// leaf is the YAML of a set scalar value, for a flow map or a block.
func (w *writer) leaf(f keyField, inFlow bool) (string, bool) {
	switch x := f.v.Interface().(type) {
	case Text:
		switch {
		case x.Value == "":
			return "", false
		case isCodeKey(f.key):
			return dquote(x.Value), true
		case f.number && numberRe.MatchString(x.Value):
			return x.Value, true
		}
		return yamlScalar(x.Value, inFlow), true
	case Amount:
		return w.amount(x.Value), x.Set
	case Count:
		return strconv.Itoa(x.Value), x.Set
	case BySource:
		return w.bySource(x)
	case bool:
		return "true", x
	case int:
		return strconv.Itoa(x), true
	case string:
		return yamlScalar(x, inFlow), x != ""
	}
	panic("input: no writer for " + f.v.Type().String())
}

// placeholder is what a commented-out key shows: zero, an example, or the
// key's description in brackets (then described is true).
func (w *writer) placeholder(f keyField, path string, inFlow bool) (s string, described bool) {
	switch f.v.Type() {
	case amountType, bySourceType:
		return w.amount(decimal.Zero), false
	case countType:
		if e := w.example(f.key); e != "" {
			return e, false
		}
		return "0", false
	}
	switch {
	case isCodeKey(f.key):
		return `""`, false
	case f.number:
		return "0", false
	case w.example(f.key) != "":
		return yamlScalar(w.example(f.key), inFlow), false
	case strings.HasPrefix(describePath(path), "（"):
		return yamlScalar(describePath(path), inFlow), true
	case describePath(path) != "":
		return yamlScalar("（"+describePath(path)+"）", inFlow), true
	}
	return `""`, false
}

// example is a valid value for keys whose description is no placeholder.
func (w *writer) example(key string) string {
	switch key {
	case "as_of":
		if w.doc.Year <= 2000 {
			return ""
		}
		return fmt.Sprintf("%d-12-31", w.doc.Year-1)
	case "level2":
		return Level2Indicators[0].Level2
	case "decimals": // print_format's: the defaults
		return strconv.Itoa(DefaultDecimals)
	case "empty":
		return EmptyBlank
	}
	return ""
}

// nullOf is the value of a required key left unset.
func nullOf(t reflect.Type) string {
	if t == textType || t.Kind() == reflect.String {
		return `""`
	}
	return "~"
}

// amount writes an amount (held in 万元) in the document's unit, exactly:
// two decimals when that is exact, else every digit.
func (w *writer) amount(v decimal.Decimal) string {
	if w.yuan {
		v = v.Shift(4)
	}
	if v.Equal(v.Round(2)) {
		return v.StringFixed(2)
	}
	return v.String()
}

// bySource writes a bare amount when only the default source is given,
// else a flow map of the given sources in column order.
func (w *writer) bySource(b BySource) (string, bool) {
	var parts []string
	onlyDefault := true
	for _, s := range AllSources {
		if a := b.Amounts[s]; a.Set {
			parts = append(parts, s.Key()+": "+w.amount(a.Value))
			onlyDefault = onlyDefault && s == DefaultSource
		}
	}
	switch {
	case len(parts) == 0:
		return "", false
	case onlyDefault:
		return w.amount(b.Amounts[DefaultSource].Value), true
	}
	return "{" + strings.Join(parts, ", ") + "}", true
}

// ---- names of codes ----

// isCodeKey tells the keys holding a classification or department code.
func isCodeKey(key string) bool { return key == "code" || key == "dept" || key == "gov" }

// codeNameKey is the key of a line that names the code under key: name beside
// code, dept_name beside dept, gov_name beside gov.
func codeNameKey(key string) string {
	if key == "code" {
		return "name"
	}
	return key + "_name"
}

// ownNames are the names the document itself gives codes: in code_names
// and beside lines.
func ownNames(doc *Document) map[string]string {
	own := map[string]string{}
	add := func(v reflect.Value) {
		fs := map[string]keyField{}
		for _, f := range keyFields(v) {
			fs[f.key] = f
		}
		for key, f := range fs {
			n, ok := fs[codeNameKey(key)]
			if isCodeKey(key) && ok {
				if name := strings.TrimSpace(n.v.Interface().(Text).Value); name != "" {
					own[f.v.Interface().(Text).Value] = name
				}
			}
		}
	}
	v := reflect.ValueOf(doc).Elem()
	for _, key := range []string{"code_names", "expenditures", "basic_by_economic", "government_fund_revenue", "state_capital_revenue"} {
		list := fieldByKey(v, key)
		for i := 0; i < list.Len(); i++ {
			add(list.Index(i))
		}
	}
	return own
}

// codeName is the name a code prints with: the document's, else the
// embedded catalog's.
func (w *writer) codeName(code string) string {
	if n := w.doc.names[code]; n != "" {
		return n
	}
	if n := w.own[code]; n != "" {
		return n
	}
	n, _ := DefaultCatalog().Name(code)
	return n
}

// redundantName tells a line's name of a code that the embedded catalog
// already gives it (code_names' own names are never redundant).
func (w *writer) redundantName(line reflect.Value, f keyField) bool {
	if f.req || f.v.Type() != textType {
		return false
	}
	for _, c := range keyFields(line) {
		if isCodeKey(c.key) && codeNameKey(c.key) == f.key {
			n, ok := DefaultCatalog().Name(c.v.Interface().(Text).Value)
			return ok && n == strings.TrimSpace(f.v.Interface().(Text).Value)
		}
	}
	return false
}

// codeNote is a line's trailing comment: the names of its codes, when the
// line does not write them itself.
func (w *writer) codeNote(line reflect.Value) string {
	fs := map[string]keyField{}
	for _, f := range keyFields(line) {
		fs[f.key] = f
	}
	var names []string
	for _, f := range keyFields(line) {
		n, hasName := fs[codeNameKey(f.key)]
		if !isCodeKey(f.key) || hasName && n.v.Interface().(Text).Value != "" && !w.redundantName(line, n) {
			continue // a line that names its code itself
		}
		if name := w.codeName(f.v.Interface().(Text).Value); name != "" {
			names = append(names, name)
		}
	}
	return strings.Join(names, " / ")
}

// codeNames are the document's code_names and, after them, the names it
// took from the catalog it was decoded with that the embedded one lacks or
// names otherwise.
func (w *writer) codeNames() []CodeName {
	list := w.doc.CodeNames
	var codes []string
	for c := range w.doc.names {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	for _, c := range codes {
		n := w.doc.names[c]
		if embedded, _ := DefaultCatalog().Name(c); n == "" || n == embedded || w.own[c] != "" {
			continue
		}
		list = append(list, CodeName{Code: Text{Value: c}, Name: Text{Value: n}})
	}
	return list
}

// ---- examples ----

// examples are the commented lines an empty list shows.
func (w *writer) examples(key string) []any {
	zero := Amount{Set: true}
	gp := BySource{}
	gp.Amounts[DefaultSource] = zero
	unit, admin := "某某单位", ""
	for _, u := range w.doc.Units {
		if unit == "某某单位" && u.Name.Value != "" {
			unit = u.Name.Value
		}
		if admin == "" && u.Kind.Value == KindAdministrative {
			admin = u.Name.Value
		}
	}
	switch key {
	case "units":
		return []any{Unit{Name: Text{Value: "某某中心"}, Kind: Text{Value: KindInstitution}}}
	case "code_names":
		code := "20103"
		name, _ := DefaultCatalog().Name(code)
		return []any{CodeName{Code: Text{Value: code}, Name: Text{Value: name}}}
	case "expenditures":
		lines := []any{
			Expenditure{Code: Text{Value: "2010301"}, Basic: zero},
			Expenditure{Code: Text{Value: "2010399"}, Project: zero},
			Expenditure{Code: Text{Value: "2080505"}, Basic: zero},
		}
		if w.shown["expenditures[].basic_personnel"] {
			for i, l := range lines {
				if e := l.(Expenditure); e.Basic.Set {
					e.Personnel = zero
					lines[i] = e
				}
			}
		}
		if w.shown["expenditures[].income_kind"] {
			lines = append(lines, Expenditure{Code: Text{Value: "2010301"}, Source: Text{Value: UnitFunds.Key()},
				Income: Text{Value: IncomeBusiness.Key()}, Project: zero})
		}
		if w.shown["expenditures[].operation"] { // a 决算's 经营支出, of the unit's own money
			lines = append(lines, Expenditure{Code: Text{Value: "2010350"}, Source: Text{Value: UnitFunds.Key()}, Operation: zero})
		}
		return lines
	case "basic_by_economic":
		return []any{
			EconomicLine{Dept: Text{Value: "30101"}, Gov: Text{Value: "50101"}, Amount: zero},
			EconomicLine{Dept: Text{Value: "30201"}, Gov: Text{Value: "50201"}, Amount: zero},
		}
	case "projects":
		split := BySource{}
		split.Amounts[DefaultSource], split.Amounts[UnitFunds] = zero, zero
		return []any{
			Project{Unit: Text{Value: unit}, Name: Text{Value: "某某项目"}, Amounts: gp, Category: Text{Value: CategoryOtherOperating}},
			Project{Unit: Text{Value: unit}, Name: Text{Value: "某某特定目标类项目"}, Amounts: split,
				Category: Text{Value: CategorySpecificGoal}, Goal: &PerformanceGoal{}, Description: w.exampleDescription()},
		}
	case "operating_costs":
		if admin != "" {
			return []any{OperatingCost{Unit: Text{Value: admin}, Amount: gp}}
		}
	case "subject_purposes":
		return []any{SubjectPurpose{Code: Text{Value: "2010301"}, Purpose: Text{Value: "（主要用于……）"}, PriorExecuted: zero}}
	case "final.revenue":
		return []any{FinalRevenue{Code: Text{Value: "2010301"}, Kind: Text{Value: RevenueGeneralPublic.Key()}, Amount: zero}}
	case "final.balances":
		return []any{FinalBalance{Code: Text{Value: "2010301"}, Source: Text{Value: DefaultSource.Key()}, Opening: zero, Closing: zero}}
	case "final.budgets":
		return []any{FinalBudget{Code: Text{Value: "2010301"}, Source: Text{Value: DefaultSource.Key()}, Initial: zero}}
	case "glossary":
		return []any{GlossaryEntry{Term: Text{Value: "机关运行经费"}, Text: Text{Value: "（替换默认解释的文字）"}}}
	}
	return nil
}

// exampleDescription is the project description an example shows, when
// it is shown.
func (w *writer) exampleDescription() *ProjectDescription {
	if w.shown["projects[].description"] {
		return &ProjectDescription{}
	}
	return nil
}

// ---- scalars ----

// yamlScalar writes a string so that it reads back exactly: plain when that is
// safe in its context (a flow map or a block), else double-quoted.
func yamlScalar(s string, inFlow bool) string {
	if plainSafe(s, inFlow) {
		return s
	}
	return dquote(s)
}

// plainKeywords are words YAML (1.1 or 1.2) may read as a bool or null.
var plainKeywords = map[string]bool{"true": true, "false": true, "yes": true, "no": true, "on": true, "off": true,
	"y": true, "n": true, "null": true, "~": true}

// plainSafe tells whether s can be written unquoted.
func plainSafe(s string, inFlow bool) bool {
	if s == "" || !utf8.ValidString(s) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	switch {
	case strings.ContainsRune("-?:,[]{}#&*!|>'\"%@`0123456789+.~<=", first),
		unicode.IsSpace(first), unicode.IsSpace(last), last == ':',
		strings.Contains(s, ": "), strings.Contains(s, " #"),
		inFlow && strings.ContainsAny(s, ",[]{}:#"),
		plainKeywords[strings.ToLower(s)]:
		return false
	}
	for _, r := range s {
		if !yamlPrintable(r) || r == '\u00a0' {
			return false
		}
	}
	return (&yaml.Node{Kind: yaml.ScalarNode, Value: s}).ShortTag() == "!!str"
}

// yamlPrintable tells the characters written as themselves inside quotes: not
// control characters, line breaks, tabs or the byte-order mark.
func yamlPrintable(r rune) bool {
	switch {
	case r >= 0x20 && r <= 0x7e:
		return true
	case r == 0x2028 || r == 0x2029 || r == 0xfeff:
		return false
	}
	return r >= 0xa0 && r <= 0xd7ff || r >= 0xe000 && r <= 0xfffd || r >= 0x10000 && r <= 0x10ffff
}

// dquote writes s double-quoted, escaping what is not printable.
func dquote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case yamlPrintable(r):
			b.WriteRune(r)
		default:
			fmt.Fprintf(&b, `\u%04X`, r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// literalBlock splits a text of several lines for a literal block scalar (| with
// a final line break, |- without), when every line can stand in one: no
// first line starting with a space, no trailing spaces, no tabs or control
// characters, at most one final line break.
func literalBlock(s string) (header string, lines []string, ok bool) {
	if !strings.Contains(s, "\n") || strings.HasPrefix(s, "\n") || strings.HasSuffix(s, "\n\n") || !utf8.ValidString(s) {
		return "", nil, false
	}
	header, body := "|-", s
	if strings.HasSuffix(s, "\n") {
		header, body = "|", s[:len(s)-1]
	}
	lines = strings.Split(body, "\n")
	if first, _ := utf8.DecodeRuneInString(lines[0]); unicode.IsSpace(first) {
		return "", nil, false
	}
	for _, l := range lines {
		if last, _ := utf8.DecodeLastRuneInString(l); l != "" && unicode.IsSpace(last) {
			return "", nil, false
		}
		for _, r := range l {
			if !yamlPrintable(r) {
				return "", nil, false
			}
		}
	}
	return header, lines, true
}

package importer

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
	"github.com/xuri/excelize/v2"
)

// said lists the fields below v that hold something: a text, a set
// amount or count, a true flag (positions do not count).
func said(v reflect.Value, path string) []string {
	switch x := v.Interface().(type) {
	case input.Text:
		if x.Value != "" {
			return []string{path}
		}
		return nil
	case input.Amount:
		if x.Set {
			return []string{path}
		}
		return nil
	case input.Count:
		if x.Set {
			return []string{path}
		}
		return nil
	case input.Pos:
		return nil
	}
	var out []string
	switch v.Kind() {
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if f := v.Type().Field(i); f.IsExported() {
				out = append(out, said(v.Field(i), path+"."+f.Name)...)
			}
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			out = append(out, said(v.Index(i), path)...)
		}
	case reflect.Pointer:
		if !v.IsNil() {
			out = append(out, said(v.Elem(), path)...)
		}
	case reflect.Bool:
		if v.Bool() {
			out = append(out, path)
		}
	}
	return out
}

// Import never states what nobody said: what no table gives (units'
// kinds, projects' categories, 概况, 政府采购, 资产, 说明, reasons, the
// overall-goal amount, the prior year) is left absent — the clerk gives
// it — and each is a finding of something to fill in; the evidence for a
// unit's kind is a comment, never a value.
func TestImportStatesNothingUnsaid(t *testing.T) {
	r := mustImport(t, "sample.xlsx", sample(t).book)
	doc := r.Doc
	for i, u := range doc.Units {
		if u.Kind.Value != "" {
			t.Errorf("units[%d] (%s): kind %q, which no table says", i, u.Name.Value, u.Kind.Value)
		}
	}
	for i, p := range doc.Projects {
		if p.Category.Value != "" {
			t.Errorf("projects[%d] (%s): category %q, which no table says", i, p.Name.Value, p.Category.Value)
		}
	}
	for name, block := range map[string]any{
		"overview": doc.Overview, "prior_year": doc.PriorYear, "reasons": doc.Reasons, "procurement": doc.Procurement,
		"assets": doc.Assets, "notes": doc.Notes, "performance": doc.Performance, "glossary": doc.Glossary,
	} {
		if s := said(reflect.ValueOf(block), name); len(s) > 0 {
			t.Errorf("%s is given, though no table says it: %v", name, s)
		}
	}
	text := string(r.Text)
	for _, want := range []string{"表11（机关运行经费）列出了这个单位：多半是行政单位", "表11（机关运行经费）没有列出这个单位：多半是事业单位"} {
		if !strings.Contains(text, want) {
			t.Errorf("the file does not say %q", want)
		}
	}
	pub, err := render.Build(doc)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]int{}
	for _, f := range render.Check(doc, pub) {
		if f.Severity == render.SeverityIncomplete {
			ids[string(f.ID)]++
		}
	}
	current := 0
	for _, p := range doc.Projects {
		if !p.Carryover {
			current++
		}
	}
	if ids["unknown-unit-kind"] != len(doc.Units) || ids["unknown-category"] != current {
		t.Errorf("findings %v: want unknown-unit-kind %d, unknown-category %d", ids, len(doc.Units), current)
	}
	for _, id := range []string{"unknown-overview", "unknown-procurement", "unknown-assets", "unknown-notes"} {
		if ids[id] == 0 {
			t.Errorf("no finding %s: %v", id, ids)
		}
	}
}

// What a workbook leaves out is not made up either: without a 部门名称
// line the name is the skeleton's placeholder (a finding), not a made-up
// name; a 三公 item table 10 lacks is not written as 0.
func TestImportLeavesOutWhatTheBookLacks(t *testing.T) {
	book := editSheets(t, func(f *excelize.File) {
		for _, s := range f.GetSheetList() {
			rows, _ := f.GetRows(s)
			for r, row := range rows {
				for c, v := range row {
					if strings.HasPrefix(v, "部门名称：") {
						ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
						_ = f.SetCellStr(s, ref, "")
					}
				}
				if s == "表10" && len(row) > 0 && row[0] == "因公出国（境）费" {
					_ = f.RemoveRow(s, r+1)
				}
			}
		}
	})
	r := mustImport(t, "book.xlsx", book)
	if n := r.Doc.Department.Name.Value; n != unnamedDepartment {
		t.Errorf("department name %q, want the placeholder %q", n, unnamedDepartment)
	}
	if tp := r.Doc.ThreePublic.OutboundTravel; tp.Given(input.GeneralPublic) {
		t.Errorf("因公出国（境）费 written as %v, which table 10 lacks", tp.Amounts[input.GeneralPublic].Value)
	}
	pub, err := render.Build(r.Doc)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, f := range render.Check(r.Doc, pub) {
		found = found || f.ID == "skeleton-text" && f.Severity == render.SeverityIncomplete
	}
	if !found {
		t.Error("no skeleton-text finding for the department's name")
	}
}

// The to-do list is the imported file's findings of what is left to fill
// in, exactly as check finds them in the written file (the same ids,
// words, places and file name), whatever the caller or Amend put in
// Format.Todo; the file's header lists the same; Result.Doc is the written
// text decoded, positions included.
func TestTodoIsTheFindings(t *testing.T) {
	o := Options{Output: "out/部门.yaml", Amend: func(doc *input.Document, fo *input.FormatOptions) error {
		fo.Todo = append(fo.Todo, "hand-written：不应列出")
		return nil
	}}
	o.Format.Todo = []string{"caller：也不应列出"}
	r, err := Import("sample.xlsx", sample(t).book, o)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := input.Decode("out/部门.yaml", r.Text, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(doc, r.Doc) {
		t.Error("Result.Doc is not the written text decoded (positions moved by the to-do list?)")
	}
	pub, err := render.Build(doc)
	if err != nil {
		t.Fatal(err)
	}
	var want []render.Finding
	for _, f := range render.Check(doc, pub) {
		if f.Severity == render.SeverityIncomplete {
			want = append(want, f)
		}
	}
	if len(want) == 0 || !reflect.DeepEqual(want, r.Incomplete) {
		t.Fatalf("Incomplete:\n%v\ncheck of the written file finds:\n%v", r.Incomplete, want)
	}
	if len(r.Todo) != len(want) {
		t.Fatalf("%d to-do items for %d findings", len(r.Todo), len(want))
	}
	text := string(r.Text)
	for i, f := range want {
		if !strings.Contains(r.Todo[i], "["+string(f.ID)+"] "+f.Message) {
			t.Errorf("to-do %d %q is not finding %v", i, r.Todo[i], f)
		}
		if i < maxTodoLines && !strings.Contains(text, fmt.Sprintf("#   %d. %s\n", i+1, r.Todo[i])) {
			t.Errorf("the file's header lacks item %d %q", i+1, r.Todo[i])
		}
	}
	if strings.Contains(text, "不应列出") {
		t.Error("the file lists a hand-written to-do item")
	}
}

package importer

import (
	"strings"
	"testing"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
	"github.com/xuri/excelize/v2"
)

// A budget system's table 12 may carry a 项目类别 column: its words
// (特定目标类, 其他运转类, with or without 项目, or the input's own keys)
// give each project's category, written as the input's key, never in
// Chinese; a blank leaves it to the clerk; another word is not guessed at:
// a warning at its cell, the category left to the clerk.
func TestCategoryColumn(t *testing.T) {
	d := sample(t)
	words := []string{"特定目标类", "其他运转类", "", "特定目标类项目", "other_operating", "一般性项目"}
	want := []string{input.CategorySpecificGoal, input.CategoryOtherOperating, "", input.CategorySpecificGoal, input.CategoryOtherOperating, ""}
	book := editSheets(t, func(f *excelize.File) {
		if err := f.InsertCols("表12", "B", 1); err != nil {
			t.Fatal(err)
		}
		rows, _ := f.GetRows("表12")
		n := 0
		for r, row := range rows {
			ref, _ := excelize.CoordinatesToCellName(2, r+1)
			switch {
			case len(row) > 0 && row[0] == "项目名称":
				_ = f.SetCellStr("表12", ref, "项目类别")
			case r >= 7 && len(row) > 0 && (strings.HasPrefix(row[0], "J") || strings.HasPrefix(row[0], "Z") || strings.HasPrefix(row[0], "XM")):
				_ = f.SetCellStr("表12", ref, words[n%len(words)])
				n++
			}
		}
	})
	r := mustImport(t, "book.xlsx", book)
	n := 0
	for _, p := range r.Doc.Projects {
		if p.Carryover {
			continue
		}
		if got := p.Category.Value; got != want[n%len(want)] {
			t.Errorf("project %d %s: category %q, want %q (from %q)", n, p.Name.Value, got, want[n%len(want)], words[n%len(words)])
		}
		n++
	}
	if !strings.Contains(strings.Join(r.Warnings, "\n"), "项目类别“一般性项目”") {
		t.Errorf("no warning for 一般性项目: %v", r.Warnings)
	}
	if strings.Contains(string(r.Text), "category: 特定") || strings.Contains(string(r.Text), "category: 其他") {
		t.Error("a category written in Chinese")
	}
	pub, err := render.Build(r.Doc)
	if err != nil {
		t.Fatal(err)
	}
	sameTables(t, "category", d.pub, pub)
}

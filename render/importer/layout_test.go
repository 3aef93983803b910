package importer

import (
	"errors"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
)

var registerNoImport sync.Once

// A layout is imported when its profile declares how (render.Profile.Import):
// one that does not, or no layout at all, is refused before the workbook is
// read, saying which can be.
func TestLayoutWithoutImport(t *testing.T) {
	registerNoImport.Do(func() {
		render.Register(&render.Profile{ID: "no-import-test", Name: "不能导入的版式", Kind: render.KindBudget})
	})
	if p, err := Profile(""); err != nil || p.ID != input.DefaultLayout {
		t.Fatalf("the default layout: %v, %v", p, err)
	}
	for layout, want := range map[string]string{
		"no-import-test": "book.xlsx: 版式 no-import-test 的工作簿还不能导入：目前能导入的是 shanxi-13 的 13 张公开表、final-9 的 9 张公开表、shanghai-9 的 9 张公开表",
		"no-such-layout": "book.xlsx: " + input.UnknownLayout("no-such-layout"),
	} {
		_, err := Import("book.xlsx", []byte("not a workbook"), Options{Layout: layout})
		if err == nil || strings.TrimSpace(err.Error()) != want {
			t.Errorf("layout %s: %v, want %s", layout, err, want)
		}
	}
}

// A workbook of a layout that is not imported (a unit's 单位预算) is told
// by its titles and refused by name, saying how to make its master input
// instead — with or without a layout asked for; a 决算's (final-9) is
// imported, its layout told by its titles.
func TestNotImportableLayoutNamed(t *testing.T) {
	read := func(file string) []byte {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		return render1(t, file, data).book
	}
	const unit = "../../layouts/shanghai9/testdata/unit-sh.yaml"
	book := read(unit)
	for _, asked := range []string{"", input.DefaultLayout} {
		_, err := Import("book.xlsx", book, Options{Layout: asked})
		var es input.Errors
		var ne *NotImportableError
		if !errors.As(err, &es) || len(es) != 1 || !errors.As(es[0].Err, &ne) || ne.Found.ID != "shanghai-9-unit" || ne.FoundN != 9 ||
			!strings.Contains(err.Error(), "请用 budgetpub init --layout shanghai-9-unit 生成主输入文件") {
			t.Errorf("%s, layout %q asked: %v, want it refused as shanghai-9-unit", unit, asked, err)
		}
	}
	book = read("../../layouts/final9/testdata/final.yaml")
	res, err := Import("book.xlsx", book, Options{Year: 2024})
	if err != nil || res.Layout != "final-9" {
		t.Errorf("final-9: %v, %v", res, err)
	}
	// A layout asked for that the titles contradict.
	_, err = Import("book.xlsx", book, Options{Layout: input.DefaultLayout, Year: 2024})
	var es input.Errors
	var le *LayoutError
	if !errors.As(err, &es) || len(es) != 1 || !errors.As(es[0].Err, &le) || le.Found.ID != "final-9" {
		t.Errorf("final-9 as %s: %v", input.DefaultLayout, err)
	}
}

// A year asked for (Options.Year) stands only where the titles print none:
// titles of another year refuse it, the same year is as without it.
func TestYearAskedAgreesWithTitles(t *testing.T) {
	const sample = "../../input/datong-gov-office-2024.yaml"
	data, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	book := render1(t, sample, data).book
	if _, err := Import("book.xlsx", book, Options{Year: 2023}); err == nil || !strings.Contains(err.Error(), "表名中的年度是 2024 年，而指定的年度（--year）是 2023 年") {
		t.Errorf("another year: %v", err)
	}
	res, err := Import("book.xlsx", book, Options{Year: 2024, Department: "别的名称"})
	if err != nil || res.Doc.Year != 2024 || res.Doc.Department.Name.Value == "别的名称" {
		t.Errorf("the same year, a name the tables print otherwise: %v %v", res, err)
	}
}

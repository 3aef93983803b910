package importer

import (
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
		"no-import-test": "book.xlsx: 版式 no-import-test 的工作簿还不能导入：目前能导入的是 shanxi-13 的 13 张公开表、shanghai-9 的 9 张公开表",
		"no-such-layout": "book.xlsx: " + input.UnknownLayout("no-such-layout"),
	} {
		_, err := Import("book.xlsx", []byte("not a workbook"), Options{Layout: layout})
		if err == nil || strings.TrimSpace(err.Error()) != want {
			t.Errorf("layout %s: %v, want %s", layout, err, want)
		}
	}
}

package shanxi13

import (
	"testing"

	"github.com/budgetpub/budgetpub/render"
)

// The import's declarations name tables of the profile: each table is read
// back, and what its import names (the table whose leaves a summary
// totals, the summary table) is one of the 13.
func TestImportDeclared(t *testing.T) {
	if Profile.Import == nil || Profile.Import.Derive == nil {
		t.Fatal("shanxi-13 declares no import")
	}
	if Profile.Decl(Profile.Import.Summary) == nil {
		t.Errorf("the summary table %q is not one of the tables", Profile.Import.Summary)
	}
	for _, d := range Profile.Tables {
		if d.Import.Rows == render.ReadNone {
			t.Errorf("%s: its rows are not read back", d.ID)
		}
		if o := d.Import.LeavesOf; o != "" && Profile.Decl(o) == nil {
			t.Errorf("%s: totals the leaves of %q, not one of the tables", d.ID, o)
		}
	}
}

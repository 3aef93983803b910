package final9

import (
	"testing"

	"github.com/budgetpub/budgetpub/internal/printed"
)

// TestGolden: the fixture's publication as it prints — every part's
// headings and paragraphs, every table's furniture, header, printed cells
// and notes — and its workbook as a spreadsheet reads it, held to
// testdata/final.golden and testdata/final.workbook.golden (go test
// -update rewrites them; look at the difference before committing it).
func TestGolden(t *testing.T) {
	_, pub := build(t, fixture(t))
	printed.Golden(t, "testdata/final.golden", printed.Publication(pub), *update)
	printed.Golden(t, "testdata/final.workbook.golden", printed.Workbook(t, pub), *update)
}

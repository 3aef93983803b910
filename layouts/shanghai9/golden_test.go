package shanghai9

import (
	"flag"
	"os"
	"testing"

	"github.com/budgetpub/budgetpub/internal/printed"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// TestPublicationGolden: the filled Shanghai department (shanghai-9) and
// unit (shanghai-9-unit) as they print — every part's headings and
// paragraphs, every table's title, furniture, header and rows as their
// cells print (元 with separators, 万元, blanks), its notes — each held to
// its testdata/*.golden, and their workbooks as a spreadsheet reads them
// (merged ranges, each cell's type, number format and shown value) to
// testdata/*.workbook.golden (go test -update rewrites them; look at the
// difference before committing it).
func TestPublicationGolden(t *testing.T) {
	for _, name := range []string{"datong-sh", "unit-sh"} {
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile("testdata/" + name + ".yaml")
			if err != nil {
				t.Fatal(err)
			}
			_, pub := buildAs(t, string(src), "")
			printed.Golden(t, "testdata/"+name+".golden", printed.Publication(pub), *update)
			printed.Golden(t, "testdata/"+name+".workbook.golden", printed.Workbook(t, pub), *update)
		})
	}
}

package shanghai9

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/budgetpub/budgetpub/render/xlsx"
	"github.com/xuri/excelize/v2"
)

// TestWorkbookGolden: the workbook of the filled department and of the
// made-up unit as a spreadsheet program reads it — each sheet's merged
// ranges, and every cell with its type and number format (tables 1–8
// numeric 元 with separators, table 9 万元; the code columns text) — held
// to testdata/*.workbook.golden (go test -update rewrites them).
func TestWorkbookGolden(t *testing.T) {
	for _, name := range []string{"datong-sh", "unit-sh"} {
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile("testdata/" + name + ".yaml")
			if err != nil {
				t.Fatal(err)
			}
			_, pub := buildAs(t, string(src), "")
			var buf bytes.Buffer
			if err := xlsx.Write(&buf, pub); err != nil {
				t.Fatal(err)
			}
			f, err := excelize.OpenReader(&buf)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			var b strings.Builder
			for _, sh := range f.GetSheetList() {
				fmt.Fprintf(&b, "== %s\n", sh)
				merged, _ := f.GetMergeCells(sh)
				var ranges []string
				for _, m := range merged {
					ranges = append(ranges, m.GetStartAxis()+":"+m.GetEndAxis())
				}
				fmt.Fprintf(&b, "merged %s\n", strings.Join(ranges, " "))
				rows, _ := f.GetRows(sh, excelize.Options{RawCellValue: true})
				for r, row := range rows {
					var cells []string
					for c, v := range row {
						ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
						typ, _ := f.GetCellType(sh, ref)
						if v == "" {
							cells = append(cells, "")
							continue
						}
						if typ == excelize.CellTypeNumber || typ == excelize.CellTypeUnset {
							style, _ := f.GetCellStyle(sh, ref)
							st, _ := f.GetStyle(style)
							format := ""
							if st != nil && st.CustomNumFmt != nil {
								format = *st.CustomNumFmt
							}
							shown, _ := f.GetCellValue(sh, ref)
							cells = append(cells, fmt.Sprintf("#%s{%s}=%s", v, format, shown))
							continue
						}
						cells = append(cells, v)
					}
					fmt.Fprintf(&b, "%d: %s\n", r+1, strings.Join(cells, " | "))
				}
			}
			compareGolden(t, "testdata/"+name+".workbook.golden", b.String())
		})
	}
}

package final9

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/budgetpub/budgetpub/render/xlsx"
	"github.com/xuri/excelize/v2"
)

// TestGolden: the fixture's publication as it prints — every part's
// headings and paragraphs, every table's furniture, header, printed cells
// and notes — and its workbook as a spreadsheet reads it (merged ranges,
// each cell's type and shown value), held to testdata/final.golden and
// testdata/final.workbook.golden (go test -update rewrites them; look at
// the difference before committing it).
func TestGolden(t *testing.T) {
	_, pub := build(t, fixture(t))
	var b strings.Builder
	b.WriteString(pub.Department + "\n" + pub.Title + "\n")
	for _, p := range pub.Parts {
		b.WriteString("\n# " + p.Entry() + " | " + p.Title + "\n")
		for _, s := range p.Sections {
			if s.Table != nil {
				tb := s.Table
				b.WriteString("## " + s.Entry() + "\n" + tb.Title + "\n" + tb.DeptLine() + " | " + tb.UnitLine() + "\n")
				var head []string
				for _, h := range tb.Header {
					head = append(head, h.Text)
				}
				b.WriteString("[" + strings.Join(head, " | ") + "]\n")
				for _, r := range tb.Rows {
					cells := make([]string, len(r.Cells))
					for i, c := range r.Cells {
						cells[i] = c.Printed()
					}
					b.WriteString(strings.Join(cells, " | ") + "\n")
				}
				for _, n := range tb.Notes {
					b.WriteString(n + "\n")
				}
				continue
			}
			if s.Heading != "" {
				b.WriteString("## " + s.Heading + "\n")
			}
			for _, para := range s.Paragraphs {
				b.WriteString(para + "\n")
			}
			for _, bl := range s.Blocks {
				b.WriteString(bl.Text + "\n")
			}
		}
	}
	compareGolden(t, "testdata/final.golden", b.String())

	var buf bytes.Buffer
	if err := xlsx.Write(&buf, pub); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var w strings.Builder
	for _, sh := range f.GetSheetList() {
		fmt.Fprintf(&w, "== %s\n", sh)
		merged, _ := f.GetMergeCells(sh)
		var ranges []string
		for _, m := range merged {
			ranges = append(ranges, m.GetStartAxis()+":"+m.GetEndAxis())
		}
		fmt.Fprintf(&w, "merged %s\n", strings.Join(ranges, " "))
		rows, _ := f.GetRows(sh, excelize.Options{RawCellValue: true})
		for r, row := range rows {
			var cells []string
			for c, v := range row {
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if typ, _ := f.GetCellType(sh, ref); v != "" && (typ == excelize.CellTypeNumber || typ == excelize.CellTypeUnset) {
					shown, _ := f.GetCellValue(sh, ref)
					v = "#" + v + "=" + shown
				}
				cells = append(cells, v)
			}
			fmt.Fprintf(&w, "%d: %s\n", r+1, strings.Join(cells, " | "))
		}
	}
	compareGolden(t, "testdata/final.workbook.golden", w.String())
}

// compareGolden holds got to the golden file at path (-update rewrites it).
func compareGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := range min(len(gl), len(wl)) {
			if gl[i] != wl[i] {
				t.Fatalf("%s differs at line %d:\n got: %s\nwant: %s", path, i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("%s: %d lines, want %d", path, len(gl), len(wl))
	}
}

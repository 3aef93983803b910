// Package printed is what the layouts' and the importers' tests hold
// publications to: a publication as it prints (every part's headings and
// paragraphs, every table's furniture, header, printed cells and notes), a
// workbook as a spreadsheet reads it (merged ranges, each cell's type,
// number format and shown value), the comparison with a golden file, and
// two publications' tables compared as printed. Only tests use it.
package printed

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/budgetpub/budgetpub/render"
	"github.com/budgetpub/budgetpub/render/xlsx"
	"github.com/xuri/excelize/v2"
)

// Publication is a publication as it prints, one line a paragraph, row or
// note.
func Publication(pub *render.Publication) string {
	var b strings.Builder
	b.WriteString(pub.Department + "\n" + pub.Title + "\n")
	for _, p := range pub.Parts {
		b.WriteString("\n# " + p.Entry() + " | " + p.Title + "\n")
		for _, s := range p.Sections {
			if s.Table != nil {
				Table(&b, s.Entry(), s.Table)
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
	return b.String()
}

// PartText is a text part's paragraphs and blocks, one a line.
func PartText(pub *render.Publication, id string) string {
	var out []string
	for _, s := range pub.Part(id).Sections {
		out = append(out, s.Paragraphs...)
		for _, b := range s.Blocks {
			out = append(out, b.Text)
		}
	}
	return strings.Join(out, "\n")
}

// Table writes a table as it prints: its 目录 line, title, the line under
// the title, header texts, each row's printed cells, its notes.
func Table(b *strings.Builder, entry string, t *render.Table) {
	b.WriteString("## " + entry + "\n" + t.Title + "\n" + t.DeptLine() + " | " + t.UnitLine() + "\n")
	var head []string
	for _, h := range t.Header {
		head = append(head, h.Text)
	}
	b.WriteString("[" + strings.Join(head, " | ") + "]\n")
	for _, r := range t.Rows {
		cells := make([]string, len(r.Cells))
		for i, c := range r.Cells {
			cells[i] = c.Printed()
		}
		b.WriteString(strings.Join(cells, " | ") + "\n")
	}
	for _, n := range t.Notes {
		b.WriteString(n + "\n")
	}
}

// Workbook is the publication's workbook as a spreadsheet reads it: each
// sheet's merged ranges, and every cell, a number as #raw{format}=shown.
func Workbook(t *testing.T, pub *render.Publication) string {
	t.Helper()
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
				if v != "" && (typ == excelize.CellTypeNumber || typ == excelize.CellTypeUnset) {
					style, _ := f.GetCellStyle(sh, ref)
					st, _ := f.GetStyle(style)
					format := ""
					if st != nil && st.CustomNumFmt != nil {
						format = *st.CustomNumFmt
					}
					shown, _ := f.GetCellValue(sh, ref)
					v = fmt.Sprintf("#%s{%s}=%s", v, format, shown)
				}
				cells = append(cells, v)
			}
			fmt.Fprintf(&b, "%d: %s\n", r+1, strings.Join(cells, " | "))
		}
	}
	return b.String()
}

// Golden holds got to the golden file at path — update rewrites it —
// saying the first line that differs.
func Golden(t *testing.T, path, got string, update bool) {
	t.Helper()
	if update {
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

// SamePrinted compares two publications' tables of the given declarations
// as printed — every row with its keys and kind, every printed cell, the
// notes, the title and the line under it — saying each difference, and
// returns how many cells it compared (the round trips of the importers).
func SamePrinted(t *testing.T, name string, tables []*render.TableDecl, want, got *render.Publication) int {
	t.Helper()
	cells := 0
	for _, d := range tables {
		a, b := want.Table(d.ID), got.Table(d.ID)
		if len(a.Rows) != len(b.Rows) {
			t.Errorf("%s %s: %d rows, want %d", name, d.ID, len(b.Rows), len(a.Rows))
			continue
		}
		for i := range a.Rows {
			ra, rb := a.Rows[i], b.Rows[i]
			if ra.Key != rb.Key || ra.LeftKey != rb.LeftKey || ra.Kind != rb.Kind {
				t.Errorf("%s %s row %d: key %v/%v, want %v/%v", name, d.ID, i, rb.Key, rb.LeftKey, ra.Key, ra.LeftKey)
				continue
			}
			for c := range ra.Cells {
				cells++
				if ra.Cells[c].Printed() != rb.Cells[c].Printed() {
					t.Errorf("%s %s row %d (%v) col %s: %q, want %q", name, d.ID, i, ra.Key, a.Columns[c].Key, rb.Cells[c].Printed(), ra.Cells[c].Printed())
				}
			}
		}
		if strings.Join(a.Notes, "|") != strings.Join(b.Notes, "|") {
			t.Errorf("%s %s: notes %v, want %v", name, d.ID, b.Notes, a.Notes)
		}
		if a.Department != b.Department || a.Title != b.Title {
			t.Errorf("%s %s: %s %s, want %s %s", name, d.ID, b.Department, b.Title, a.Department, a.Title)
		}
	}
	return cells
}

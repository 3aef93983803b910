package shanghai9

import (
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/budgetpub/budgetpub/render"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// TestPublicationGolden: the filled Shanghai department (shanghai-9) and
// unit (shanghai-9-unit) as they print — every part's headings and
// paragraphs, every table's title, furniture, header and rows as their
// cells print (元 with separators, 万元, blanks), its notes — each held to
// its testdata/*.golden (go test -update rewrites them; look at the
// difference before committing it).
func TestPublicationGolden(t *testing.T) {
	for _, name := range []string{"datong-sh", "unit-sh"} {
		t.Run(name, func(t *testing.T) { golden(t, name) })
	}
}

func golden(t *testing.T, name string) {
	src, err := os.ReadFile("testdata/" + name + ".yaml")
	if err != nil {
		t.Fatal(err)
	}
	_, pub := buildAs(t, string(src), "")
	var b strings.Builder
	b.WriteString(pub.Department + "\n" + pub.Title + "\n")
	for _, p := range pub.Parts {
		b.WriteString("\n# " + p.Entry() + " | " + p.Title + "\n")
		for _, s := range p.Sections {
			if s.Table != nil {
				writeTable(&b, s.Entry(), s.Table)
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
	compareGolden(t, "testdata/"+name+".golden", b.String())
}

// compareGolden holds got to the golden file at path (-update rewrites it),
// saying the first line that differs.
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

// writeTable writes a table as it prints: its 目录 line, title, the line
// under the title, header texts, each row's printed cells, its notes.
func writeTable(b *strings.Builder, entry string, t *render.Table) {
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

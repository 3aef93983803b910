package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/input/synth"
	"github.com/budgetpub/budgetpub/render"
)

// bigPublication is a generated department whose tables run over many
// printed pages.
func bigPublication(t *testing.T, seed int64, projects int) *render.Publication {
	t.Helper()
	doc, err := input.Decode(fmt.Sprintf("big-%d.yaml", seed), synth.Generate(synth.Options{Seed: seed, Projects: projects, Units: 5, AllSources: true}), nil)
	if err != nil {
		t.Fatal(err)
	}
	p, err := render.Build(doc)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// The printed pages of every table: no page ends with a row that heads
// others (a 类 or 款, a unit) unless the page holds nothing else, each page
// holds what fits, and the breaks only ever move up.
func TestPageBreaksKeepHeadingsWithAChild(t *testing.T) {
	moved := 0
	for _, seed := range []int64{1, 2, 3, 4, 5, 6} {
		p := bigPublication(t, seed, 40*int(seed))
		for _, tb := range p.Tables {
			widths := columnWidths(tb)
			s := &sheet{t: tb, widths: widths}
			textCol := firstTextColumn(tb)
			heights := make([]float64, len(tb.Rows))
			for i, r := range tb.Rows {
				heights[i] = bodyRowHeight(r, widths, textCol)
			}
			scale := printScale(widths, tb.Landscape)
			_, ph := printableSize(tb.Landscape)
			top := s.topHeights()
			titles := 0.0
			for _, h := range top {
				titles += h
			}
			breaks := pageBreaks(tb, scale, tb.Landscape, top, heights)
			heads := func(i int) bool { return i+1 < len(tb.Rows) && tb.Rows[i+1].Level > tb.Rows[i].Level }
			start := 0
			for k, b := range append(breaks, len(tb.Rows)) {
				if b <= start && k < len(breaks) {
					t.Fatalf("seed %d 表%d: breaks %v do not increase", seed, tb.Number, breaks)
				}
				used := titles
				for i := start; i < b; i++ {
					used += heights[i]
				}
				if used*scale > ph*pageFill && b-start > 1 {
					t.Errorf("seed %d 表%d: page from row %d holds %.0f pt, more than %.0f", seed, tb.Number, start, used*scale, ph*pageFill)
				}
				if b < len(tb.Rows) && heads(b-1) {
					t.Errorf("seed %d 表%d: row %d (%s) ends a page without its child", seed, tb.Number, b-1, tb.Rows[b-1].Cells[textCol].Printed())
				}
				if b < len(tb.Rows) && used+heights[b] <= ph*pageFill/scale {
					moved++ // the break came before a row that would have fitted: moved up
				}
				start = b
			}
		}
	}
	if moved == 0 {
		t.Error("no break was ever moved up before a heading row: the cases do not test it")
	}
}

// LibreOffice prints each sheet on the pages the breaks make: as many
// pages as breaks plus one (it adds none of its own, which would land
// anywhere), so no 类 row is left alone at a page's foot.
func TestLibreOfficeKeepsThePageBreaks(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: prints a big workbook with LibreOffice")
	}
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		if os.Getenv("BUDGETPUB_REQUIRE_TOOLS") == "1" {
			t.Fatal("soffice is not installed (BUDGETPUB_REQUIRE_TOOLS=1)")
		}
		t.Skip("soffice is not installed")
	}
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("BUDGETPUB_REQUIRE_TOOLS") == "1" {
			t.Fatal("pdftotext is not installed (BUDGETPUB_REQUIRE_TOOLS=1)")
		}
		t.Skip("pdftotext is not installed")
	}
	p := bigPublication(t, 5, 300)
	var buf bytes.Buffer
	if err := Write(&buf, p); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	book := filepath.Join(dir, "big.xlsx")
	if err := os.WriteFile(book, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{} // label → pages
	for i, tb := range p.Tables {
		rc, err := zr.Open(fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1))
		if err != nil {
			t.Fatal(err)
		}
		xml, _ := io.ReadAll(rc)
		rc.Close()
		if !strings.Contains(string(xml), "预算公开表") && !strings.Contains(string(xml), "<sheetData") {
			t.Fatalf("sheet%d is not a table's", i+1)
		}
		want[tb.Label] = 1 + strings.Count(string(xml), "<brk ")
	}
	cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--convert-to", "pdf", "--outdir", dir, book)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, b)
	}
	out, err := exec.Command(pdftotext, filepath.Join(dir, "big.pdf"), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	label := regexp.MustCompile(`预算公开表[0-9]+`)
	for _, page := range strings.Split(string(out), "\f") {
		if l := label.FindString(page); l != "" {
			got[l]++
		}
	}
	if want["预算公开表12"] < 5 {
		t.Fatalf("表12 has only %d pages: the case does not test breaks", want["预算公开表12"])
	}
	for l, n := range want {
		if got[l] != n {
			t.Errorf("%s: LibreOffice printed %d pages, the breaks make %d", l, got[l], n)
		}
	}
}

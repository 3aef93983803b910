package pdf_test

// These tests read PDFs back with poppler-utils and qpdf (helpers in
// poppler_helpers_test.go) and compare what they find with the publication
// model the PDF was drawn from: the bundled sample, and the sample with a
// long 第三部分 whose 目录 runs over two pages.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/budgetpub/budgetpub/fonts"
	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
	"github.com/budgetpub/budgetpub/render/pdf"
	"github.com/shopspring/decimal"
)

// navDocs are the documents the 目录 and navigation tests run over, with
// the least number of 目录 pages each must have (so a case cannot go void).
var navDocs = []struct {
	testDoc
	tocPages int
}{
	{testDoc{"sample", samplePDF}, 1},
	{testDoc{"two-page 目录", longTOCPDF}, 2},
}

// TestPopplerTableFigures guards the tables' content: for every one of the
// 13 tables, each non-blank body cell (amounts with two decimals, codes,
// names, even wrapped ones) is printed on the table's own pages, as often
// as the model has it, and each header text — including the column-number
// row — is printed on every page the table runs over (header rows
// repeated); its notes are printed, and its first page has the 部门名称
// and 单位 line.
//
// A table's pages are found from the -layout text: its first page has the
// line 预算公开表N and its title; it runs until the next table's first
// page or the next part. Amounts and codes are compared with whole words
// of `pdftotext -bbox-layout` (they never wrap, and a cell's padding keeps
// them apart from their neighbours), so 103.42 does not pass for 5103.42.
// Names are looked for in `pdftotext -raw` with white space removed: -raw
// keeps the content stream's order, in which a wrapped cell's lines follow
// each other, whereas -layout puts the other columns' text between them.
func TestPopplerTableFigures(t *testing.T) {
	pub, b := samplePDF(t)
	e := extract(t, b)
	spans := tableSpans(t, e, pub)
	if len(spans) != 13 {
		t.Fatalf("%d tables, want 13", len(spans))
	}
	for _, sp := range spans {
		t.Run(sp.table.SheetName, func(t *testing.T) {
			if sp.end <= sp.first {
				t.Fatalf("%s has no pages", sp.table.Label)
			}
			checkTableText(t, e, sp)
		})
	}
}

// TestPopplerPageSizes guards the page format: every page is A4, the cover
// and the 目录 upright; a wide table (Landscape in the model) is on
// landscape pages from its first page to its last, any other on upright
// ones; and qpdf --check finds nothing wrong with the file's structure.
func TestPopplerPageSizes(t *testing.T) {
	pub, b := samplePDF(t)
	e := extract(t, b)
	const a4W, a4H = 595.28, 841.89
	landscape := func(i int) bool { return e.bbox[i].Width > e.bbox[i].Height }
	for i, p := range e.bbox {
		if !(abs(p.Width-a4W) < 0.5 && abs(p.Height-a4H) < 0.5) && !(abs(p.Width-a4H) < 0.5 && abs(p.Height-a4W) < 0.5) {
			t.Errorf("PDF page %d is %.2f×%.2f pt, not A4", i+1, p.Width, p.Height)
		}
	}
	for i := 0; i < e.firstBody(); i++ {
		if landscape(i) {
			t.Errorf("PDF page %d (cover or 目录) is landscape", i+1)
		}
	}
	for _, sp := range tableSpans(t, e, pub) {
		for i := sp.first; i < sp.end; i++ {
			if landscape(i) != sp.table.Landscape {
				t.Errorf("%s (landscape %v): PDF page %d, page %d of the table, has landscape %v", sp.table.Label, sp.table.Landscape, i+1, i-sp.first+1, landscape(i))
			}
		}
	}

	needTool(t, "qpdf")
	path := writePDF(t, b)
	out, err := runToolErr("qpdf", "--check", path)
	if err != nil || !strings.Contains(out, "No syntax or stream encoding errors") || strings.Contains(strings.ToLower(out), "warning") {
		t.Errorf("qpdf --check: %v\n%s", err, out)
	}
}

// TestPopplerTOC guards the 目录 and the page numbers: the cover shows the
// department and the title and carries no page number, nor do the 目录
// pages; the numbered pages that follow run 1, 2, 3 … without a gap, each
// number centred as the page's lowest line; the 目录 lists every part
// (that has sections) and every section and table, in order, each with a
// dot leader and a page number N, and nothing else; and the page numbered N
// holds that heading on whole lines (the part title, the section heading,
// or the table's title).
func TestPopplerTOC(t *testing.T) {
	for _, d := range navDocs {
		t.Run(d.name, func(t *testing.T) {
			pub, b := d.get(t)
			e := extract(t, b)

			if e.footers[0] != 0 {
				t.Errorf("the cover carries page number %d", e.footers[0])
			}
			cover := strip(e.layout[0])
			for _, s := range []string{pub.Department, pub.Title} {
				if !strings.Contains(cover, strip(s)) {
					t.Errorf("the cover does not show %q: %q", s, e.layout[0])
				}
			}
			fb := e.firstBody()
			if fb < 1+d.tocPages {
				t.Fatalf("the first numbered page is PDF page %d: want the cover and %d 目录 page(s) before it", fb+1, d.tocPages)
			}
			for i := fb; i < len(e.footers); i++ {
				if want := i - fb + 1; e.footers[i] != want {
					t.Errorf("PDF page %d: footer %d, want “— %d —” (numbers run 1, 2, 3 … from the first body page)", i+1, e.footers[i], want)
				}
			}
			for i := range e.bbox {
				if e.footers[i] == 0 {
					continue
				}
				p := &e.bbox[i]
				lines := visualLines(p)
				f := lines[len(lines)-1]
				mid := (f.words[0].XMin + f.words[len(f.words)-1].XMax) / 2
				if abs(mid-p.Width/2) > 3 {
					t.Errorf("PDF page %d: page number centred at x %.1f, page centre %.1f", i+1, mid, p.Width/2)
				}
			}

			// The page numbers of the 目录 form one right-aligned column.
			var right []float64
			for i := 1; i < fb; i++ {
				for _, ln := range visualLines(&e.bbox[i]) {
					// The number, or the leader's end and the number, when they touch.
					last := ln.words[len(ln.words)-1]
					if tocNumberRE.MatchString(last.Text) && len(ln.words) > 1 {
						right = append(right, last.XMax)
					}
				}
			}
			for _, x := range right {
				if abs(x-right[0]) > 1 {
					t.Errorf("目录 page numbers end at x %.1f and at x %.1f: not one right-aligned column", right[0], x)
					break
				}
			}

			marks := expectedMarks(pub)
			nums := parseTOC(t, e, marks)
			if len(right) != len(marks) {
				t.Errorf("the 目录 has %d lines ending in a page number, want %d", len(right), len(marks))
			}
			for i, mk := range marks {
				idx := e.bodyPage(nums[i])
				if idx < 0 {
					t.Errorf("目录 %q: page %d, but no page carries “— %d —”", mk.entry, nums[i], nums[i])
					continue
				}
				if _, ok := findHeading(&e.bbox[idx], mk.heading); !ok {
					at := e.headingPage(mk.heading)
					t.Errorf("目录 %q: page %d (PDF page %d) does not hold the heading %q; it is on PDF page %d (printed page %d)",
						mk.entry, nums[i], idx+1, mk.heading, at+1, footerAt(e, at))
				}
			}
		})
	}
}

var tocNumberRE = regexp.MustCompile(`^[.·…⋯]*\d+$`)

// TestPopplerTOCTitle: the 目录's title is drawn spaced out but reads as
// the word 目录: pdftotext of the page, in reading order and in -layout
// mode, gives 目录 with nothing between the two characters (text checkers
// know the contents page by that word), and its box is as wide as the
// spaced title, not as two characters set solid.
func TestPopplerTOCTitle(t *testing.T) {
	for _, d := range navDocs {
		t.Run(d.name, func(t *testing.T) {
			_, b := d.get(t)
			needTool(t, "pdftotext")
			path := writePDF(t, b)
			for _, mode := range [][]string{nil, {"-layout"}} {
				args := append(append([]string{"-f", "2", "-l", "2", "-enc", "UTF-8"}, mode...), path, "-")
				out := runTool(t, "pdftotext", args...)
				first := ""
				for _, ln := range strings.Split(out, "\n") {
					if strings.TrimSpace(ln) != "" {
						first = strings.TrimSpace(ln)
						break
					}
				}
				if first != "目录" || !strings.Contains(out, "目录") {
					t.Errorf("pdftotext %v of the 目录 page: first line %q, want \"目录\"", mode, first)
				}
			}
			e := extract(t, b)
			var title *bboxWord
			for _, w := range e.bbox[1].Words() {
				if w.Text == "目录" {
					title = &w
					break
				}
			}
			if title == nil {
				t.Fatalf("pdftotext -bbox finds no word 目录 on the 目录 page")
			}
			// Two 18 pt characters set solid are 36 pt wide; spaced out,
			// the title spans a third of a character more at least.
			if w := title.XMax - title.XMin; w < 42 {
				t.Errorf("the title 目录 is %.1f pt wide: not spaced out", w)
			}
			if mid := (title.XMin + title.XMax) / 2; abs(mid-e.bbox[1].Width/2) > 10 {
				t.Errorf("the title 目录 is centred at x %.1f, the page at %.1f", mid, e.bbox[1].Width/2)
			}
		})
	}
}

func footerAt(e *extracted, idx int) int {
	if idx < 0 {
		return 0
	}
	return e.footers[idx]
}

// TestPopplerBookmarksAndLinks guards navigation. The bookmark tree (read
// with `qpdf --json --json-key=outlines`) has exactly the 目录's headings:
// the parts at the top level and their sections and tables as their
// children, in order, with the same titles; each points at the page that
// holds its heading, with the view's top (/XYZ) at or above the heading
// and inside the page. Each 目录 entry is a link annotation (read from the
// pages' /Annots in `qpdf --json`) whose rectangle covers the entry's text,
// dot leader and page number — and nothing else — and whose destination
// is that same page, again with the heading in view. Body pages have no
// links.
func TestPopplerBookmarksAndLinks(t *testing.T) {
	for _, d := range navDocs {
		t.Run(d.name, func(t *testing.T) {
			pub, b := d.get(t)
			e := extract(t, b)
			q := readQPDF(t, writePDF(t, b))
			checkNavigation(t, e, q, pub)
		})
	}
}

func checkNavigation(t *testing.T, e *extracted, q *qpdfDoc, pub *render.Publication) {
	marks := expectedMarks(pub)
	// Where each heading is, read from the text.
	type at struct {
		page int     // index
		top  float64 // PDF coordinates (from the bottom)
	}
	where := make([]at, len(marks))
	for i, mk := range marks {
		idx := e.headingPage(mk.heading)
		if idx < 0 {
			t.Fatalf("heading %q is on no numbered page", mk.heading)
		}
		y, _ := findHeading(&e.bbox[idx], mk.heading)
		where[i] = at{idx, e.bbox[idx].Height - y}
	}
	inView := func(what string, i int, page int, top *float64) {
		t.Helper()
		if page != where[i].page+1 {
			t.Errorf("%s %q goes to PDF page %d; the heading is on PDF page %d", what, marks[i].entry, page, where[i].page+1)
			return
		}
		if top == nil {
			return
		}
		h := e.bbox[where[i].page].Height
		if *top < where[i].top-1 || *top > h+1 {
			t.Errorf("%s %q: view top y=%.1f, but the heading's top is at y=%.1f on a page %.1f high: the heading is out of view",
				what, marks[i].entry, *top, where[i].top, h)
		}
	}

	// Bookmarks.
	var flat []outlineItem
	var levels []int
	for _, top := range q.Outlines {
		flat, levels = append(flat, top), append(levels, 0)
		for _, kid := range top.Kids {
			flat, levels = append(flat, kid), append(levels, 1)
			for _, sub := range kid.Kids {
				flat, levels = append(flat, sub), append(levels, 2)
				if len(sub.Kids) > 0 {
					t.Errorf("bookmark %q has %d children", sub.Title, len(sub.Kids))
				}
			}
		}
	}
	if len(flat) != len(marks) {
		var got []string
		for i, o := range flat {
			got = append(got, fmt.Sprintf("%d:%s", levels[i], o.Title))
		}
		t.Errorf("%d bookmarks, want %d (one per 目录 entry): %v", len(flat), len(marks), got)
	}
	for i := 0; i < min(len(flat), len(marks)); i++ {
		o, mk := flat[i], marks[i]
		if o.Title != mk.entry || levels[i] != mk.level {
			t.Errorf("bookmark %d: %q at level %d, want %q at level %d", i+1, o.Title, levels[i], mk.entry, mk.level)
			continue
		}
		var dest any
		_ = json.Unmarshal(o.Dest, &dest)
		_, top, err := q.dest(dest)
		if err != nil {
			t.Errorf("bookmark %q: %v", o.Title, err)
		}
		inView("bookmark", i, o.DestPage, top)
	}

	// Links on the 目录 pages.
	nums := parseTOC(t, e, marks)
	var links []link
	for i := 1; i < e.firstBody(); i++ {
		ls := q.links(i + 1)
		// Top to bottom, as the entries are printed.
		for a := 1; a < len(ls); a++ {
			for b := a; b > 0 && ls[b].y1 > ls[b-1].y1; b-- {
				ls[b], ls[b-1] = ls[b-1], ls[b]
			}
		}
		links = append(links, ls...)
	}
	for i := e.firstBody(); i < len(e.bbox); i++ {
		if ls := q.links(i + 1); len(ls) > 0 {
			t.Errorf("PDF page %d, a body page, has %d link annotations", i+1, len(ls))
		}
	}
	if len(links) != len(marks) {
		t.Errorf("%d links on the 目录 pages, want %d (one per entry)", len(links), len(marks))
	}
	for i := 0; i < min(len(links), len(marks)); i++ {
		l, mk := links[i], marks[i]
		p := &e.bbox[l.page-1]
		var inside []bboxWord
		for _, w := range p.Words() {
			cx, cy := (w.XMin+w.XMax)/2, p.Height-(w.YMin+w.YMax)/2
			if cx > l.x0 && cx < l.x1 && cy > l.y0 && cy < l.y1 {
				inside = append(inside, w)
			}
		}
		text := ""
		for _, ln := range visualLines(&bboxPage{words: inside}) {
			text += strip(ln.text())
		}
		want := regexp.MustCompile(`^` + regexp.QuoteMeta(strip(mk.entry)) + `[.·…⋯]{2,}` + fmt.Sprint(nums[i]) + `$`)
		if !want.MatchString(text) {
			t.Errorf("link %d on PDF page %d covers %q, want the entry %q with its leader and page %d", i+1, l.page, text, mk.entry, nums[i])
			continue
		}
		if l.destErr != nil {
			t.Errorf("link of %q: %v", mk.entry, l.destErr)
			continue
		}
		inView("link", i, l.destPage, l.destTop)
	}
}

// TestPopplerFonts guards font embedding: `pdffonts` lists no font that is
// not embedded (a reader without the font would see other glyphs), the
// body, title and heading faces are all there, and the file is far smaller
// than the fonts (they are subset).
func TestPopplerFonts(t *testing.T) {
	needTool(t, "pdffonts")
	_, b := samplePDF(t)
	out := runTool(t, "pdffonts", writePDF(t, b))
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	if len(lines) < 3 || !strings.HasPrefix(lines[1], "---") {
		t.Fatalf("pdffonts output not understood:\n%s", out)
	}
	// Columns from the dashes under the header: name type encoding emb sub uni object ID.
	var cols [][2]int
	start := -1
	for i, c := range lines[1] + " " {
		if c == '-' && start < 0 {
			start = i
		} else if c != '-' && start >= 0 {
			cols = append(cols, [2]int{start, i})
			start = -1
		}
	}
	if len(cols) < 6 {
		t.Fatalf("pdffonts header not understood: %q", lines[1])
	}
	field := func(row string, k int) string {
		a, z := cols[k][0], min(cols[k][1], len(row))
		if a >= len(row) {
			return ""
		}
		return strings.TrimSpace(row[a:z])
	}
	names := map[string]bool{}
	for _, row := range lines[2:] {
		name := field(row, 0)
		if i := strings.IndexByte(name, '+'); i == 6 {
			name = name[i+1:] // subset tag ABCDEF+
		}
		names[name] = true
		if sub := field(row, 4); sub != "yes" || !regexp.MustCompile(`^[A-Z]{6}\+`).MatchString(field(row, 0)) {
			t.Errorf("font %q is not marked as a subset (ISO 32000-1 9.6.4): sub=%q", field(row, 0), sub)
		}
		if emb := field(row, 3); emb != "yes" {
			t.Errorf("font %q (%s) is not embedded: emb=%q", field(row, 0), field(row, 1), emb)
		}
	}
	// A face is known by its family (the role, as the writer registers it)
	// or by the bundled font's PostScript name.
	for _, tc := range []struct {
		role  fonts.Role
		names []string
	}{
		{fonts.Body, []string{string(fonts.Body), "NotoSerifSC-Regular"}},
		{fonts.Title, []string{string(fonts.Title), "NotoSerifSC-Bold"}},
		{fonts.Heading, []string{string(fonts.Heading), "NotoSansSC-Medium"}},
	} {
		found := false
		for _, n := range tc.names {
			found = found || names[n]
		}
		if !found {
			t.Errorf("no %s face (%v) among the fonts %v", tc.role, tc.names, names)
		}
	}
	// Each bundled face is 10–15 MB.
	if len(b) > 4<<20 {
		t.Errorf("the PDF is %d bytes: the fonts are not subset", len(b))
	}
}

// TestPopplerTextFidelity guards the running text: the text of the pages of
// a part, read with pdftotext in reading order and with all white space
// and the page numbers removed, is exactly the part's title followed by its
// section headings and paragraphs from the model — no character lost,
// doubled, replaced or moved by line breaking or justification. Cases: the
// sample's 第一部分 (概况) and 第四部分 (名词解释), and the 40 sections of
// the long 第三部分 (headings that wrap, sections starting anywhere).
func TestPopplerTextFidelity(t *testing.T) {
	for _, tc := range []struct {
		name string
		doc  testDoc
		part int // index in pub.Parts
	}{
		{"第一部分", testDoc{"sample", samplePDF}, 0},
		{"第四部分", testDoc{"sample", samplePDF}, 3},
		{"long 第三部分", testDoc{"two-page 目录", longTOCPDF}, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pub, b := tc.doc.get(t)
			e := extract(t, b)
			part := pub.Parts[tc.part]
			want := strip(part.Title)
			for _, s := range part.Sections {
				want += strip(s.Heading)
				for _, p := range s.Paragraphs {
					want += strip(p)
				}
			}
			first := e.headingPage(part.Title)
			if first < 0 {
				t.Fatalf("no page has the title %q", part.Title)
			}
			end := len(e.plain)
			for _, other := range pub.Parts[tc.part+1:] {
				if len(other.Sections) == 0 {
					continue
				}
				if p := e.headingPage(other.Title); p > first {
					end = p
					break
				}
			}
			got := ""
			for i := first; i < end; i++ {
				got += strip(withoutFooter(e.plain[i]))
			}
			if got != want {
				g, w := []rune(got), []rune(want)
				k := 0
				for k < len(g) && k < len(w) && g[k] == w[k] {
					k++
				}
				ctx := func(r []rune) string { return string(r[max(0, k-15):min(len(r), k+25)]) }
				t.Errorf("PDF pages %d–%d: the text differs from the model at character %d of %d (printed %d):\n printed: …%s…\n model:   …%s…",
					first+1, end, k, len(w), len(g), ctx(g), ctx(w))
			}
		})
	}
}

// TestPopplerInsidePage guards the page margins: every word pdftotext finds
// on every page lies inside the page with at least 20 pt to spare on each
// side, and no two words overlap.
func TestPopplerInsidePage(t *testing.T) {
	for _, d := range navDocs {
		t.Run(d.name, func(t *testing.T) {
			_, b := d.get(t)
			checkInside(t, extract(t, b), 20)
		})
	}
}

// TestPopplerDeterministic guards reproducible output: rendering the same
// publication again in the same process, two at once sharing the font
// set, or a freshly built one from the same input, gives the same bytes;
// changing one printed amount by 0.01 changes them (the comparison is not
// vacuous).
func TestPopplerDeterministic(t *testing.T) {
	pub, b := samplePDF(t)
	fs, err := fonts.Bundled()
	if err != nil {
		t.Fatal(err)
	}
	again, err := pdf.Bytes(pub, fs)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again, b) {
		t.Errorf("two renderings of the same publication differ (%d and %d bytes, first difference at byte %d)", len(b), len(again), firstDiff(b, again))
	}

	// Documents rendered at once share the font set (run with -race too).
	var wg sync.WaitGroup
	concurrent := make([][]byte, 2)
	errs := make([]error, len(concurrent))
	for i := range concurrent {
		wg.Add(1)
		go func() {
			defer wg.Done()
			concurrent[i], errs[i] = pdf.Bytes(pub, fs)
		}()
	}
	wg.Wait()
	for i, c := range concurrent {
		if errs[i] != nil {
			t.Errorf("concurrent rendering %d: %v", i+1, errs[i])
		} else if !bytes.Equal(c, b) {
			t.Errorf("concurrent rendering %d differs (first difference at byte %d)", i+1, firstDiff(b, c))
		}
	}

	doc, err := input.Decode(input.SampleName, input.Sample, nil)
	if err != nil {
		t.Fatal(err)
	}
	fresh, err := render.Build(doc)
	if err != nil {
		t.Fatal(err)
	}
	b2, err := pdf.Bytes(fresh, fs)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b2, b) {
		t.Errorf("a publication built again from the same input renders differently (first difference at byte %d)", firstDiff(b, b2))
	}

	changed := false
	for _, tb := range fresh.Tables {
		for _, r := range tb.Rows {
			for k, c := range r.Cells {
				if c.Kind == render.KindAmount && !c.Amount.IsZero() && !changed {
					r.Cells[k].Amount = c.Amount.Add(decimal.RequireFromString("0.01"))
					changed = true
				}
			}
		}
	}
	if !changed {
		t.Fatal("no amount to change")
	}
	b3, err := pdf.Bytes(fresh, fs)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(b3, b) {
		t.Error("changing an amount by 0.01 left the PDF's bytes unchanged")
	}
}

func firstDiff(a, b []byte) int {
	for i := 0; i < min(len(a), len(b)); i++ {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

// TestPopplerJustifiedLinesReadWhole: pdftotext reads each justified line
// of the sample's 第三部分 with no space inside its Chinese text — a reader
// searching or copying "根据2024年" finds it — only, at most, beside a
// figure.
func TestPopplerJustifiedLinesReadWhole(t *testing.T) {
	_, b := samplePDF(t)
	e := extract(t, b)
	text := strings.Join(e.plain, "\n")
	lines := pdf.JustifiedSample3(t)
	for _, runs := range lines {
		for _, run := range runs {
			if !strings.Contains(text, run) {
				t.Errorf("pdftotext does not read %q of the justified line %q whole", run, strings.Join(runs, ""))
			}
		}
	}
	if len(lines) < 30 {
		t.Errorf("only %d justified lines", len(lines))
	}
}

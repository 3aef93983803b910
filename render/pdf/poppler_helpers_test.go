package pdf_test

// Helpers of the poppler_* and large_* tests: they render a publication,
// write the PDF to a test's temporary directory and read it back with
// poppler-utils (pdftotext, pdffonts) and qpdf, so that what is checked is
// what a reader's viewer sees, not what the writer meant to draw.

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode"

	"github.com/budgetpub/budgetpub/fonts"
	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
	"github.com/budgetpub/budgetpub/render/pdf"
)

// needTool skips the test with -short (the PDF read back by poppler-utils
// and qpdf is left to the full run), or when an external tool is missing,
// unless the environment asks for the tools (BUDGETPUB_REQUIRE_TOOLS=1, as
// CI does): then a missing tool fails the test.
func needTool(t testing.TB, name string) {
	t.Helper()
	if testing.Short() {
		t.Skipf("-short: reads the PDF back with %s", name)
	}
	if _, err := exec.LookPath(name); err == nil {
		return
	}
	if os.Getenv("BUDGETPUB_REQUIRE_TOOLS") == "1" {
		t.Fatalf("%s is not on PATH and BUDGETPUB_REQUIRE_TOOLS=1 (apt-get install -y poppler-utils qpdf)", name)
	}
	t.Skipf("%s is not on PATH (apt-get install -y poppler-utils qpdf); skipped", name)
}

// rendered is a publication with its PDF.
type rendered struct {
	pub *render.Publication
	pdf []byte
	err error
}

var (
	sampleOnce sync.Once
	sampleDoc  rendered
)

// decodeAndRender decodes an input file, builds its publication and renders it.
func decodeAndRender(name string, data []byte) rendered {
	doc, err := input.Decode(name, data, nil)
	if err != nil {
		return rendered{err: fmt.Errorf("decode %s: %w", name, err)}
	}
	pub, err := render.Build(doc)
	if err != nil {
		return rendered{err: fmt.Errorf("build %s: %w", name, err)}
	}
	fs, err := fonts.Bundled()
	if err != nil {
		return rendered{err: fmt.Errorf("fonts: %w", err)}
	}
	b, err := pdf.Bytes(pub, fs)
	if err != nil {
		return rendered{pub: pub, err: fmt.Errorf("pdf.Bytes: %w", err)}
	}
	return rendered{pub: pub, pdf: b}
}

// samplePDF is the bundled sample's publication and PDF, rendered once per
// test binary, and kept in $BUDGETPUB_PDF_OUT (sample.pdf) when that is
// set. Callers must not modify the publication.
func samplePDF(t testing.TB) (*render.Publication, []byte) {
	t.Helper()
	sampleOnce.Do(func() {
		sampleDoc = decodeAndRender(input.SampleName, input.Sample)
		if dir := os.Getenv("BUDGETPUB_PDF_OUT"); dir != "" && sampleDoc.err == nil {
			sampleDoc.err = os.WriteFile(filepath.Join(dir, "sample.pdf"), sampleDoc.pdf, 0o644)
		}
	})
	if sampleDoc.err != nil {
		t.Fatal(sampleDoc.err)
	}
	return sampleDoc.pub, sampleDoc.pdf
}

var (
	longTOCOnce sync.Once
	longTOCDoc  rendered
)

// longTOCPDF is the sample with its 第三部分 replaced by 40 sections of
// plain paragraphs, more than the generated part will have, so that the
// 目录 runs over several pages: some headings are long enough to wrap, in
// the 目录 and in the text, and the paragraphs vary in length so that
// sections start anywhere on a page.
func longTOCPDF(t testing.TB) (*render.Publication, []byte) {
	t.Helper()
	longTOCOnce.Do(func() {
		doc, err := input.Decode(input.SampleName, input.Sample, nil)
		if err != nil {
			longTOCDoc.err = err
			return
		}
		pub, err := render.Build(doc)
		if err != nil {
			longTOCDoc.err = err
			return
		}
		three := &render.Part{Title: pub.Parts[2].Title}
		pub.Parts[2] = three
		for i := 1; i <= 40; i++ {
			h := fmt.Sprintf("%s、第%d项说明", render.ChineseNumber(i), i)
			if i%9 == 4 {
				h = fmt.Sprintf("%s、%d年度一般公共预算财政拨款支出预算安排情况及其与上年预算相比增减变化原因的详细说明（第%d项）", render.ChineseNumber(i), pub.Year, i)
			}
			para := strings.Repeat("本部门严格按照预算管理有关规定编制预算，", 1+(i*7)%11) + fmt.Sprintf("金额为%d.%02d万元。", 100+i*13, i)
			three.Sections = append(three.Sections, &render.Section{Heading: h, Paragraphs: []string{para}})
		}
		fs, err := fonts.Bundled()
		if err != nil {
			longTOCDoc.err = err
			return
		}
		b, err := pdf.Bytes(pub, fs)
		longTOCDoc = rendered{pub: pub, pdf: b, err: err}
	})
	if longTOCDoc.err != nil {
		t.Fatal(longTOCDoc.err)
	}
	return longTOCDoc.pub, longTOCDoc.pdf
}

// testDoc is a publication the table-driven tests run over.
type testDoc struct {
	name string
	get  func(testing.TB) (*render.Publication, []byte)
}

// writePDF writes b to a file in the test's temporary directory.
func writePDF(t testing.TB, b []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "publication.pdf")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// runTool runs an external tool and returns its standard output.
func runTool(t testing.TB, name string, args ...string) string {
	t.Helper()
	cmd := exec.Command(name, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, stderr.String())
	}
	return stdout.String()
}

// runToolErr runs an external tool and returns its output, standard error
// included, and its error.
func runToolErr(name string, args ...string) (string, error) {
	out, err := exec.Command(name, args...).CombinedOutput()
	return string(out), err
}

// strip removes every white-space character (spaces, U+3000, newlines, form
// feeds): a line break inside a cell or paragraph then no longer matters.
func strip(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// ---- pdftotext --------------------------------------------------------

// bboxWord is a word of `pdftotext -bbox-layout`, in points from the page's
// top-left corner.
type bboxWord struct {
	XMin float64 `xml:"xMin,attr"`
	YMin float64 `xml:"yMin,attr"`
	XMax float64 `xml:"xMax,attr"`
	YMax float64 `xml:"yMax,attr"`
	Text string  `xml:",chardata"`
}

// bboxPage is a page of `pdftotext -bbox-layout`: its size and its words.
type bboxPage struct {
	Width  float64 `xml:"width,attr"`
	Height float64 `xml:"height,attr"`
	Flows  []struct {
		Blocks []struct {
			Lines []struct {
				Words []bboxWord `xml:"word"`
			} `xml:"line"`
		} `xml:"block"`
	} `xml:"flow"`
	words []bboxWord
}

// Words lists every word of the page.
func (p *bboxPage) Words() []bboxWord { return p.words }

// extracted is what poppler reads back from one PDF; page slices are indexed
// from 0 (PDF page 1 is index 0).
type extracted struct {
	layout  []string   // pdftotext -layout: columns kept in place
	raw     []string   // pdftotext -raw: content-stream order
	plain   []string   // pdftotext: reading order
	bbox    []bboxPage // pdftotext -bbox-layout
	footers []int      // the number printed in each page's footer, 0 for none
}

var (
	extractMu    sync.Mutex
	extractCache = map[[32]byte]*extracted{}
)

// extract writes b to the test's temporary directory and reads it back with
// pdftotext in every mode the tests use. One run per mode over the whole
// file, split at the form feed pdftotext ends each page with, gives the
// same text as a run per page with -f N -l N. Results are cached by content.
func extract(t testing.TB, b []byte) *extracted {
	t.Helper()
	needTool(t, "pdftotext")
	key := sha256.Sum256(b)
	extractMu.Lock()
	defer extractMu.Unlock()
	if e, ok := extractCache[key]; ok {
		return e
	}
	path := writePDF(t, b)
	e := &extracted{
		layout: splitPages(runTool(t, "pdftotext", "-layout", "-enc", "UTF-8", path, "-")),
		raw:    splitPages(runTool(t, "pdftotext", "-raw", "-enc", "UTF-8", path, "-")),
		plain:  splitPages(runTool(t, "pdftotext", "-enc", "UTF-8", path, "-")),
	}
	var doc struct {
		Pages []bboxPage `xml:"body>doc>page"`
	}
	if err := xml.Unmarshal([]byte(runTool(t, "pdftotext", "-bbox-layout", "-enc", "UTF-8", path, "-")), &doc); err != nil {
		t.Fatalf("pdftotext -bbox-layout: %v", err)
	}
	for i := range doc.Pages {
		p := &doc.Pages[i]
		for _, f := range p.Flows {
			for _, bl := range f.Blocks {
				for _, ln := range bl.Lines {
					p.words = append(p.words, ln.Words...)
				}
			}
		}
	}
	e.bbox = doc.Pages
	n := len(e.bbox)
	if len(e.layout) != n || len(e.raw) != n || len(e.plain) != n {
		t.Fatalf("pdftotext page counts disagree: layout %d, raw %d, plain %d, bbox %d", len(e.layout), len(e.raw), len(e.plain), n)
	}
	e.footers = make([]int, n)
	for i := range e.bbox {
		e.footers[i] = footerOf(&e.bbox[i])
	}
	extractCache[key] = e
	return e
}

// splitPages splits pdftotext's output at the form feeds ending each page.
func splitPages(s string) []string {
	pages := strings.Split(s, "\f")
	if len(pages) > 0 && strings.TrimSpace(pages[len(pages)-1]) == "" {
		pages = pages[:len(pages)-1]
	}
	return pages
}

// vline is a visual line: the words whose vertical centres agree, left to right.
type vline struct {
	yMin, yMax float64
	words      []bboxWord
}

func (l vline) text() string {
	parts := make([]string, len(l.words))
	for i, w := range l.words {
		parts[i] = w.Text
	}
	return strings.Join(parts, " ")
}

// visualLines groups a page's words into lines, top to bottom. pdftotext's
// own <line>s split a row at wide gaps (table columns, dot leaders); these
// do not.
func visualLines(p *bboxPage) []vline {
	words := append([]bboxWord(nil), p.Words()...)
	sort.SliceStable(words, func(i, j int) bool {
		if words[i].YMin != words[j].YMin {
			return words[i].YMin < words[j].YMin
		}
		return words[i].XMin < words[j].XMin
	})
	var lines []vline
	for _, w := range words {
		c, h := (w.YMin+w.YMax)/2, w.YMax-w.YMin
		placed := false
		for i := len(lines) - 1; i >= 0 && i >= len(lines)-4; i-- {
			l := &lines[i]
			lc, lh := (l.yMin+l.yMax)/2, l.yMax-l.yMin
			if abs(c-lc) < 0.25*min(h, lh) {
				l.words = append(l.words, w)
				l.yMin, l.yMax = min(l.yMin, w.YMin), max(l.yMax, w.YMax)
				placed = true
				break
			}
		}
		if !placed {
			lines = append(lines, vline{yMin: w.YMin, yMax: w.YMax, words: []bboxWord{w}})
		}
	}
	for i := range lines {
		ws := lines[i].words
		sort.SliceStable(ws, func(a, b int) bool { return ws[a].XMin < ws[b].XMin })
	}
	sort.SliceStable(lines, func(i, j int) bool { return lines[i].yMin < lines[j].yMin })
	return lines
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

var footerRE = regexp.MustCompile(`^—\s*(\d+)\s*—$`)

// footerOf is the page number printed as “— N —” on the page's lowest line,
// or 0 when that line is not a page number.
func footerOf(p *bboxPage) int {
	lines := visualLines(p)
	if len(lines) == 0 {
		return 0
	}
	m := footerRE.FindStringSubmatch(strings.TrimSpace(lines[len(lines)-1].text()))
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// bodyPage is the index of the page whose footer prints n, or -1.
func (e *extracted) bodyPage(n int) int {
	for i, f := range e.footers {
		if f == n {
			return i
		}
	}
	return -1
}

// firstBody is the index of the first numbered page, or -1.
func (e *extracted) firstBody() int {
	for i, f := range e.footers {
		if f > 0 {
			return i
		}
	}
	return -1
}

// findHeading looks for a heading printed on whole lines of the page (one
// line, or consecutive lines when it wraps) and returns the top of its first
// line, in points from the page's top.
func findHeading(p *bboxPage, heading string) (top float64, ok bool) {
	target := strip(heading)
	if target == "" {
		return 0, false
	}
	lines := visualLines(p)
	for i := range lines {
		acc := ""
		for j := i; j < len(lines); j++ {
			acc += strip(lines[j].text())
			if acc == target {
				return lines[i].yMin, true
			}
			if !strings.HasPrefix(target, acc) {
				break
			}
		}
	}
	return 0, false
}

// headingPage is the first numbered page holding heading on whole lines, or -1.
func (e *extracted) headingPage(heading string) int {
	for i := e.firstBody(); i >= 0 && i < len(e.bbox); i++ {
		if _, ok := findHeading(&e.bbox[i], heading); ok {
			return i
		}
	}
	return -1
}

// hasLine tells whether a page's -layout text has a line equal to s (white
// space ignored).
func hasLine(layoutPage, s string) bool {
	want := strip(s)
	for _, ln := range strings.Split(layoutPage, "\n") {
		if strip(ln) == want {
			return true
		}
	}
	return false
}

// withoutFooter drops the page-number line from a page's text.
func withoutFooter(page string) string {
	var keep []string
	for _, ln := range strings.Split(page, "\n") {
		if footerRE.MatchString(strings.TrimSpace(ln)) {
			continue
		}
		keep = append(keep, ln)
	}
	return strings.Join(keep, "\n")
}

// ---- the model's marks ------------------------------------------------

// tocMark is a heading the 目录 lists: its entry, the text printed at the
// heading, and its nesting (0 part, 1 section or table, 2 sub-section).
type tocMark struct {
	entry   string
	heading string
	level   int
}

// expectedMarks derives the 目录 from the model: every part that has
// sections, then its sections with an entry; a table's heading is its title.
func expectedMarks(pub *render.Publication) []tocMark {
	var out []tocMark
	for _, part := range pub.Parts {
		if len(part.Sections) == 0 {
			continue
		}
		out = append(out, tocMark{entry: part.Title, heading: part.Title, level: 0})
		for _, s := range part.Sections {
			if s.Entry() == "" {
				continue
			}
			h := s.Heading
			if s.Table != nil {
				h = s.Table.Title
			}
			level := 1
			if s.Level == 2 {
				level = 2
			}
			out = append(out, tocMark{entry: s.Entry(), heading: h, level: level})
		}
	}
	return out
}

var leaderRE = regexp.MustCompile(`^[.·…⋯]{2,}(\d+)`)

// parseTOC reads the 目录 pages' text (white space removed): the title
// 目录, then for every expected mark, in order, its entry, a dot leader and
// a page number. It returns the page numbers and fails on anything else.
func parseTOC(t testing.TB, e *extracted, marks []tocMark) []int {
	t.Helper()
	fb := e.firstBody()
	if fb < 2 {
		t.Fatalf("no 目录 page between the cover and the first numbered page (first numbered page is PDF page %d)", fb+1)
	}
	text := ""
	for i := 1; i < fb; i++ {
		text += strip(e.layout[i])
	}
	rest, ok := strings.CutPrefix(text, "目录")
	if !ok {
		t.Fatalf("the 目录 pages do not start with the title 目录: %.40q", text)
	}
	nums := make([]int, len(marks))
	for i, mk := range marks {
		entry := strip(mk.entry)
		if !strings.HasPrefix(rest, entry) {
			t.Fatalf("目录 entry %d: want %q (then a dot leader and page number), got %.60q", i+1, mk.entry, rest)
		}
		rest = rest[len(entry):]
		m := leaderRE.FindStringSubmatch(rest)
		if m == nil {
			t.Fatalf("目录 entry %q: no dot leader and page number after it, got %.40q", mk.entry, rest)
		}
		nums[i], _ = strconv.Atoi(m[1])
		rest = rest[len(m[0]):]
	}
	if rest != "" {
		t.Fatalf("目录 pages: text after the last entry: %.60q", rest)
	}
	return nums
}

// ---- qpdf ---------------------------------------------------------------

// outlineItem is a bookmark as `qpdf --json --json-key=outlines` gives it.
type outlineItem struct {
	Title    string          `json:"title"`
	Dest     json.RawMessage `json:"dest"`
	DestPage int             `json:"destpageposfrom1"`
	Kids     []outlineItem   `json:"kids"`
}

// qpdfDoc is the part of `qpdf --json` (version 2) the tests read.
type qpdfDoc struct {
	Pages []struct {
		Object string `json:"object"`
		Pos    int    `json:"pageposfrom1"`
	} `json:"pages"`
	Outlines []outlineItem    `json:"outlines"`
	QPDF     []map[string]any `json:"qpdf"`
	objects  map[string]any   // "12 0 R" → the object's value; "trailer" → the trailer
	pagePos  map[string]int   // page object → position from 1
}

// readQPDF runs qpdf --json on the file.
func readQPDF(t testing.TB, path string) *qpdfDoc {
	t.Helper()
	needTool(t, "qpdf")
	out := runTool(t, "qpdf", "--json=2", "--json-key=pages", "--json-key=outlines", "--json-key=qpdf", path)
	var d qpdfDoc
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatalf("qpdf --json: %v", err)
	}
	if len(d.QPDF) < 2 {
		t.Fatalf("qpdf --json: no objects")
	}
	d.objects = map[string]any{}
	for k, v := range d.QPDF[1] {
		m, _ := v.(map[string]any)
		if m == nil {
			continue
		}
		if val, ok := m["value"]; ok {
			d.objects[strings.TrimPrefix(k, "obj:")] = val
		} else if st, ok := m["stream"].(map[string]any); ok {
			d.objects[strings.TrimPrefix(k, "obj:")] = st["dict"]
		}
	}
	d.pagePos = map[string]int{}
	for _, p := range d.Pages {
		d.pagePos[p.Object] = p.Pos
	}
	return &d
}

var refRE = regexp.MustCompile(`^\d+ \d+ R$`)

// deref follows an indirect reference.
func (d *qpdfDoc) deref(v any) any {
	for i := 0; i < 32; i++ {
		s, ok := v.(string)
		if !ok || !refRE.MatchString(s) {
			return v
		}
		v = d.objects[s]
	}
	return v
}

func (d *qpdfDoc) dict(v any) map[string]any {
	m, _ := d.deref(v).(map[string]any)
	return m
}

// catalog is the document catalog.
func (d *qpdfDoc) catalog() map[string]any {
	return d.dict(d.dict(d.objects["trailer"])["/Root"])
}

// dest resolves a destination (an explicit array, a named destination, or
// an action's /D) to its page position from 1 and the /XYZ top, if any.
func (d *qpdfDoc) dest(v any) (page int, top *float64, err error) {
	v = d.deref(v)
	switch x := v.(type) {
	case []any:
		if len(x) == 0 {
			return 0, nil, fmt.Errorf("empty destination")
		}
		ref, _ := x[0].(string)
		pos, ok := d.pagePos[ref]
		if !ok {
			return 0, nil, fmt.Errorf("destination %v: %q is not a page", x, ref)
		}
		if len(x) >= 4 && x[1] == "/XYZ" {
			if f, ok := x[3].(float64); ok {
				top = &f
			}
		}
		return pos, top, nil
	case map[string]any:
		if dd, ok := x["/D"]; ok {
			return d.dest(dd)
		}
		return 0, nil, fmt.Errorf("destination dictionary without /D: %v", x)
	case string:
		switch {
		case strings.HasPrefix(x, "/"): // a name: the catalog's /Dests
			if to, ok := d.dict(d.catalog()["/Dests"])[x]; ok {
				return d.dest(to)
			}
		case strings.HasPrefix(x, "u:") || strings.HasPrefix(x, "b:"): // a string: the /Dests name tree
			if to, ok := d.nameTree(d.dict(d.dict(d.catalog()["/Names"])["/Dests"]), x); ok {
				return d.dest(to)
			}
		}
		return 0, nil, fmt.Errorf("named destination %q not found", x)
	}
	return 0, nil, fmt.Errorf("unsupported destination %v", v)
}

// nameTree looks a key up in a name tree.
func (d *qpdfDoc) nameTree(node map[string]any, key string) (any, bool) {
	if node == nil {
		return nil, false
	}
	if names, ok := d.deref(node["/Names"]).([]any); ok {
		for i := 0; i+1 < len(names); i += 2 {
			if k, _ := d.deref(names[i]).(string); k == key {
				return names[i+1], true
			}
		}
	}
	if kids, ok := d.deref(node["/Kids"]).([]any); ok {
		for _, k := range kids {
			if v, ok := d.nameTree(d.dict(k), key); ok {
				return v, true
			}
		}
	}
	return nil, false
}

// link is a link annotation: its rectangle (PDF coordinates, normalised)
// and where it goes.
type link struct {
	page           int // position from 1 of the page it is on
	x0, y0, x1, y1 float64
	destPage       int
	destTop        *float64
	destErr        error
}

// links lists the link annotations of the page at position pos (from 1).
func (d *qpdfDoc) links(pos int) []link {
	var out []link
	for _, p := range d.Pages {
		if p.Pos != pos {
			continue
		}
		annots, _ := d.deref(d.dict(p.Object)["/Annots"]).([]any)
		for _, a := range annots {
			an := d.dict(a)
			if an["/Subtype"] != "/Link" {
				continue
			}
			r, _ := d.deref(an["/Rect"]).([]any)
			if len(r) != 4 {
				continue
			}
			f := make([]float64, 4)
			for k := range r {
				f[k], _ = d.deref(r[k]).(float64)
			}
			l := link{page: pos, x0: min(f[0], f[2]), x1: max(f[0], f[2]), y0: min(f[1], f[3]), y1: max(f[1], f[3])}
			target, ok := an["/Dest"]
			if !ok {
				act := d.dict(an["/A"])
				if act["/S"] != "/GoTo" {
					l.destErr = fmt.Errorf("link without /Dest or /GoTo action: %v", an)
					out = append(out, l)
					continue
				}
				target = act["/D"]
			}
			l.destPage, l.destTop, l.destErr = d.dest(target)
			out = append(out, l)
		}
	}
	return out
}

// ---- table cells --------------------------------------------------------

// numberRow is the header's column-number row (1 2 3 …), left to right,
// or nil when the table has none.
func numberRow(t *render.Table) []string {
	for r := 0; r < t.HeaderRows; r++ {
		var cells []render.HeaderCell
		all := true
		for _, h := range t.Header {
			if h.Row != r {
				continue
			}
			cells = append(cells, h)
			if _, err := strconv.Atoi(h.Text); err != nil {
				all = false
			}
		}
		if all && len(cells) >= 2 {
			sort.Slice(cells, func(i, j int) bool { return cells[i].Col < cells[j].Col })
			out := make([]string, len(cells))
			for i, c := range cells {
				out[i] = c.Text
			}
			return out
		}
	}
	return nil
}

// hasWordRow tells whether a page has a visual line whose words are exactly want.
func hasWordRow(p *bboxPage, want []string) bool {
	for _, l := range visualLines(p) {
		if len(l.words) != len(want) {
			continue
		}
		ok := true
		for i, w := range l.words {
			if w.Text != want[i] {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// tableSpan is a table's pages, as indexes [first, end).
type tableSpan struct {
	table      *render.Table
	first, end int
}

// tableSpans finds every table's pages: its first page is the numbered page
// with a line 预算公开表N and the table's title; it runs until the next
// table's first page, the next page starting a part, or the end.
func tableSpans(t testing.TB, e *extracted, pub *render.Publication) []tableSpan {
	t.Helper()
	fb := e.firstBody()
	if fb < 0 {
		t.Fatal("no numbered page")
	}
	firstPage := func(tb *render.Table) int {
		for i := fb; i < len(e.layout); i++ {
			if hasLine(e.layout[i], tb.Label) && strings.Contains(strip(e.layout[i]), strip(tb.Title)) {
				return i
			}
		}
		return -1
	}
	var partPages []int
	for _, part := range pub.Parts {
		if len(part.Sections) == 0 {
			continue
		}
		if p := e.headingPage(part.Title); p >= 0 {
			partPages = append(partPages, p)
		}
	}
	spans := make([]tableSpan, len(pub.Tables))
	for i, tb := range pub.Tables {
		spans[i] = tableSpan{table: tb, first: firstPage(tb)}
		if spans[i].first < 0 {
			t.Fatalf("%s %s: no page has the line %q and the title", tb.Label, tb.Title, tb.Label)
		}
	}
	for i := range spans {
		end := len(e.layout)
		if i+1 < len(spans) && spans[i+1].first > spans[i].first {
			end = spans[i+1].first
		}
		for _, p := range partPages {
			if p > spans[i].first && p < end {
				end = p
			}
		}
		spans[i].end = end
	}
	return spans
}

// checkTableText checks one table against the text of its pages: every
// non-blank body cell is printed there (amounts and codes as whole words of
// the bbox output, counted; names in the -raw text, white space removed,
// counted), and every header text, and the column-number row, is printed on
// every page of the table; so are its notes, and its first page has the
// 部门名称 and 单位 line.
func checkTableText(t *testing.T, e *extracted, sp tableSpan) {
	t.Helper()
	tb := sp.table
	words := map[string]int{}
	var raws []string
	for i := sp.first; i < sp.end; i++ {
		for _, w := range e.bbox[i].Words() {
			words[w.Text]++
		}
		raws = append(raws, strip(withoutFooter(e.raw[i])))
	}
	raw := strings.Join(raws, "\f")
	wantWords := map[string]int{}
	wantText := map[string]int{}
	var order []string
	for _, r := range tb.Rows {
		for _, c := range r.Cells {
			s := c.Printed()
			if s == "" {
				continue
			}
			if c.Kind == render.KindText {
				if wantText[strip(s)] == 0 {
					order = append(order, strip(s))
				}
				wantText[strip(s)]++
			} else {
				if wantWords[s] == 0 {
					order = append(order, s)
				}
				wantWords[s]++
			}
		}
	}
	pages := fmt.Sprintf("PDF pages %d–%d", sp.first+1, sp.end)
	missing := 0
	for _, s := range order {
		if n, ok := wantWords[s]; ok {
			if got := words[s]; got < n {
				missing++
				if missing <= 10 {
					t.Errorf("%s (%s): %q printed %d times, want at least %d", tb.Label, pages, s, got, n)
				}
			}
		}
		if n, ok := wantText[s]; ok {
			got := strings.Count(raw, s)
			if got == n-1 && splitAcross(raws, s) {
				got++
			}
			if got < n {
				missing++
				if missing <= 10 {
					t.Errorf("%s (%s): text %.80q printed %d times, want at least %d", tb.Label, pages, s, got, n)
				}
			}
		}
	}
	if missing > 10 {
		t.Errorf("%s: %d cell texts missing in all", tb.Label, missing)
	}
	for _, s := range append([]string{"部门名称：" + tb.Department, "单位：" + tb.Unit}, tb.Notes...) {
		where, in := raws, raw
		if !strings.HasPrefix(s, "注") {
			where, in = raws[:1], raws[0]
		}
		if !strings.Contains(in, strip(s)) && !splitAcross(where, strip(s)) {
			t.Errorf("%s (%s): %q is not printed", tb.Label, pages, s)
		}
	}
	nums := numberRow(tb)
	bad := 0
	for i := sp.first; i < sp.end; i++ {
		page := raws[i-sp.first]
		for _, h := range tb.Header {
			if s := strip(h.Text); s != "" && !strings.Contains(page, s) {
				if bad++; bad <= 10 {
					t.Errorf("%s: header text %q missing on PDF page %d (page %d of the table)", tb.Label, h.Text, i+1, i-sp.first+1)
				}
			}
		}
		if nums != nil && !hasWordRow(&e.bbox[i], nums) {
			if bad++; bad <= 10 {
				t.Errorf("%s: column-number row %v missing on PDF page %d (page %d of the table)", tb.Label, nums, i+1, i-sp.first+1)
			}
		}
	}
	if bad > 10 {
		t.Errorf("%s: %d header texts missing in all", tb.Label, bad)
	}
}

// splitAcross tells whether s is printed in pieces over two or more
// consecutive pages (texts without white space): a row too tall for one
// page is split, its cells' lines going on after the repeated header. Each
// piece is the longest start of what is left that the page holds.
func splitAcross(pages []string, s string) bool {
	for i := range pages {
		rest := s
		n := 0
		for j := i; j < len(pages) && rest != ""; j++ {
			k := longestPrefixIn(pages[j], rest)
			if k == 0 {
				break
			}
			rest = rest[k:]
			n++
		}
		if rest == "" && n >= 2 {
			return true
		}
	}
	return false
}

// longestPrefixIn is the length in bytes of the longest start of s, cut
// between characters, that occurs in text.
func longestPrefixIn(text, s string) int {
	var cuts []int // byte offsets after each character
	for i := range s {
		if i > 0 {
			cuts = append(cuts, i)
		}
	}
	cuts = append(cuts, len(s))
	// Occurrence is monotone in the length: search the longest that occurs.
	k := sort.Search(len(cuts), func(i int) bool { return !strings.Contains(text, s[:cuts[i]]) })
	if k == 0 {
		return 0
	}
	return cuts[k-1]
}

// checkInside checks that every word of every page lies inside the page
// with at least margin points to spare on each side, and that no two words
// of a page overlap (text drawn over text: a cell's text running into the
// next cell, or two lines placed on each other). For the overlap test each
// box is taken without its ascender and descender space and 0.5 pt of its
// sides, so touching neighbours do not count.
func checkInside(t *testing.T, e *extracted, margin float64) {
	t.Helper()
	bad := 0
	report := func(format string, args ...any) {
		bad++
		if bad <= 15 {
			t.Errorf(format, args...)
		}
	}
	for i := range e.bbox {
		p := &e.bbox[i]
		ws := p.Words()
		for _, w := range ws {
			if w.XMin < margin || w.YMin < margin || w.XMax > p.Width-margin || w.YMax > p.Height-margin {
				report("PDF page %d (%.0f×%.0f): word %q at x %.1f–%.1f, y %.1f–%.1f is within %.0f pt of the edge",
					i+1, p.Width, p.Height, w.Text, w.XMin, w.XMax, w.YMin, w.YMax, margin)
			}
		}
		type box struct{ x0, x1, y0, y1 float64 }
		core := make([]box, len(ws))
		for k, w := range ws {
			h := w.YMax - w.YMin
			core[k] = box{w.XMin + 0.5, w.XMax - 0.5, w.YMin + 0.3*h, w.YMax - 0.3*h}
		}
		for a := range core {
			for b := a + 1; b < len(core); b++ {
				if core[a].x0 < core[b].x1 && core[b].x0 < core[a].x1 && core[a].y0 < core[b].y1 && core[b].y0 < core[a].y1 {
					report("PDF page %d: words %q (x %.1f–%.1f, y %.1f–%.1f) and %q (x %.1f–%.1f, y %.1f–%.1f) overlap",
						i+1, ws[a].Text, ws[a].XMin, ws[a].XMax, ws[a].YMin, ws[a].YMax, ws[b].Text, ws[b].XMin, ws[b].XMax, ws[b].YMin, ws[b].YMax)
				}
			}
		}
	}
	if bad > 15 {
		t.Errorf("%d misplaced words in all", bad)
	}
}

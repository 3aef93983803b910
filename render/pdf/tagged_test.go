package pdf_test

import (
	"bytes"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"github.com/budgetpub/budgetpub/fonts"
	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
	"github.com/budgetpub/budgetpub/render/pdf"
)

func bundled(t *testing.T) *fonts.Set {
	fs, err := fonts.Bundled()
	if err != nil {
		t.Fatal(err)
	}
	return fs
}

// The tagged PDF read back: pdfinfo's view of it (Tagged, -struct-text
// without a syntax warning) and its structure tree parsed from qpdf --json.

// snode is a structure element read back.
type snode struct {
	ref   string // "12 0 R"
	role  string // "TH"
	dict  map[string]any
	kids  []*snode
	mcrs  []smcr   // its marked content, in order
	objrs []string // the annotations that are its kids
	text  string   // its text in pdfinfo -struct-text, when read from there
	depth int
}

type smcr struct {
	page string // the page object
	mcid int
}

// readStructTree walks the StructTreeRoot of d from its /K.
func readStructTree(t *testing.T, d *qpdfDoc) (root *snode, parentTree map[int][]any) {
	t.Helper()
	cat := d.catalog()
	str := d.dict(cat["/StructTreeRoot"])
	if str == nil {
		t.Fatal("no /StructTreeRoot in the catalog")
	}
	if str["/Type"] != "/StructTreeRoot" {
		t.Errorf("StructTreeRoot /Type = %v", str["/Type"])
	}
	parentTree = map[int][]any{}
	nums, _ := d.deref(d.dict(str["/ParentTree"])["/Nums"]).([]any)
	for i := 0; i+1 < len(nums); i += 2 {
		k, _ := nums[i].(float64)
		switch v := nums[i+1].(type) {
		case string: // an annotation's element
			parentTree[int(k)] = []any{v}
		default:
			arr, _ := d.deref(v).([]any)
			parentTree[int(k)] = arr
		}
	}
	var walk func(v any, depth int) *snode
	walk = func(v any, depth int) *snode {
		r, _ := v.(string)
		m := d.dict(v)
		n := &snode{ref: r, dict: m, depth: depth}
		n.role, _ = m["/S"].(string)
		n.role = strings.TrimPrefix(n.role, "/")
		pg, _ := m["/Pg"].(string)
		kids := []any{m["/K"]}
		if arr, ok := d.deref(m["/K"]).([]any); ok {
			kids = arr
		}
		for _, k := range kids {
			switch k := k.(type) {
			case nil:
			case float64:
				n.mcrs = append(n.mcrs, smcr{pg, int(k)})
			case string:
				n.kids = append(n.kids, walk(k, depth+1))
			case map[string]any:
				switch k["/Type"] {
				case "/MCR":
					p, _ := k["/Pg"].(string)
					id, _ := k["/MCID"].(float64)
					n.mcrs = append(n.mcrs, smcr{p, int(id)})
				case "/OBJR":
					o, _ := k["/Obj"].(string)
					n.objrs = append(n.objrs, o)
				default:
					t.Errorf("a direct kid of %s: %v", r, k)
				}
			}
		}
		return n
	}
	k := str["/K"]
	if arr, ok := k.([]any); ok && len(arr) == 1 {
		k = arr[0]
	}
	return walk(k, 0), parentTree
}

// all lists the elements under n (n included) in document order.
func (n *snode) all() []*snode {
	out := []*snode{n}
	for _, k := range n.kids {
		out = append(out, k.all()...)
	}
	return out
}

// structText parses pdfinfo -struct-text: each element with its quoted
// text, in order.
func structText(out string) []*snode {
	var els []*snode
	for _, ln := range strings.Split(out, "\n") {
		trim := strings.TrimLeft(ln, " ")
		if trim == "" || strings.HasPrefix(trim, "/") { // an attribute
			continue
		}
		if strings.HasPrefix(trim, `"`) {
			if len(els) > 0 {
				els[len(els)-1].text += strings.TrimSuffix(strings.TrimPrefix(trim, `"`), `"`)
			}
			continue
		}
		role, _, _ := strings.Cut(trim, " ")
		els = append(els, &snode{role: strings.TrimSuffix(role, ":"), depth: len(ln) - len(trim)})
	}
	return els
}

var (
	pageNumRE = regexp.MustCompile(`—\s*\d+\s*—`)
	dotsRE    = regexp.MustCompile(`\.{4,}`)
)

func TestTaggedPDF(t *testing.T) {
	needTool(t, "pdfinfo")
	needTool(t, "qpdf")
	cases := []struct {
		name  string
		file  string // "" is the sample
		part3 int    // headings and paragraphs of the 第三部分 at least
		draft bool   // marked as a draft: the notice on every page an artifact
	}{
		{name: "sample", part3: 10},
		{name: "draft", part3: 10, draft: true},
		{name: "unit-sh", file: "../../layouts/shanghai9/testdata/unit-sh.yaml"},
		{name: "final", file: "../../layouts/final9/testdata/final.yaml"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			name, src := input.SampleName, input.Sample
			if tc.file != "" {
				var err error
				name = tc.file
				if src, err = os.ReadFile(tc.file); err != nil {
					t.Fatal(err)
				}
			}
			r := decodeAndRender(name, src)
			if r.err == nil && tc.draft {
				render.MarkDraft(r.pub, "草稿，不得公开")
				r.pdf, r.err = pdf.Bytes(r.pub, bundled(t))
			}
			if r.err != nil {
				t.Fatal(r.err)
			}
			pub, data := r.pub, r.pdf
			// The structure is written the same every time.
			if again, err := pdf.Bytes(pub, bundled(t)); err != nil || !bytes.Equal(again, data) {
				t.Errorf("two renders of the same input differ (%v)", err)
			}
			path := writePDF(t, data)
			checkTagged(t, pub, path, tc.part3)
		})
	}
}

// checkTagged checks the tagged PDF at path of pub; want3 is how many
// headings and paragraphs of its 第三部分 at least are read in order.
func checkTagged(t *testing.T, pub *render.Publication, path string, want3 int) {
	info := runTool(t, "pdfinfo", path)
	if !regexp.MustCompile(`(?m)^Tagged:\s+yes$`).MatchString(info) {
		t.Errorf("pdfinfo: not Tagged: yes\n%s", info)
	}
	cmd := exec.Command("pdfinfo", "-struct-text", path)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("pdfinfo -struct-text: %v\n%s", err, stderr.String())
	}
	if s := stderr.String(); strings.Contains(s, "Syntax Warning") || strings.Contains(s, "Syntax Error") {
		t.Errorf("pdfinfo -struct-text complains:\n%s", s)
	}
	els := structText(stdout.String())
	if len(els) == 0 || els[0].role != "Document" {
		t.Fatalf("pdfinfo -struct-text: no Document element first")
	}

	// The part headings, in order: H1 are the 目录's title and the parts.
	var h1, want []string
	for _, e := range els {
		if e.role == "H1" {
			h1 = append(h1, strip(e.text))
		}
	}
	want = append(want, "目录")
	for _, p := range pub.Parts {
		if len(p.Sections) > 0 {
			want = append(want, strip(p.Title))
		}
	}
	if strings.Join(h1, "|") != strings.Join(want, "|") {
		t.Errorf("H1 headings:\n got %q\nwant %q", h1, want)
	}

	// No page number in the structure; the whole text is in it: every
	// word pdftotext reads, but the page numbers, the draft notice and the
	// dot leaders, is in some element's text, in pdftotext's order.
	var all strings.Builder
	for _, e := range els {
		if pageNumRE.MatchString(e.text) {
			t.Errorf("a page number in the structure: %s %q", e.role, e.text)
		}
		if pub.Draft != "" && strings.TrimSpace(e.text) == pub.Draft {
			t.Errorf("the draft notice in the structure: %s %q", e.role, e.text)
		}
		all.WriteString(strip(e.text))
	}
	structAll := all.String()

	// The headings and paragraphs (outside tables and figures) read in
	// pdftotext's order, the 第三部分's among them.
	// (without the page numbers and the draft notice: artifacts, between
	// a paragraph's lines when it runs over a page)
	var kept []string
	for _, ln := range strings.Split(pageNumRE.ReplaceAllString(runTool(t, "pdftotext", path, "-"), ""), "\n") {
		if pub.Draft == "" || strings.TrimSpace(ln) != pub.Draft {
			kept = append(kept, ln)
		}
	}
	text := strip(strings.Join(kept, "\n"))
	pos := 0
	in3, n3, all3 := false, 0, 0 // in the 第三部分; its headings and paragraphs read in order, and all of them
	var within []*snode          // the element's ancestors
	for _, e := range els {
		for len(within) > 0 && within[len(within)-1].depth >= e.depth {
			within = within[:len(within)-1]
		}
		inside := false
		for _, a := range within {
			inside = inside || a.role == "Table" || a.role == "Figure" || a.role == "TOC"
		}
		within = append(within, e)
		if inside || (e.role != "P" && !strings.HasPrefix(e.role, "H")) {
			continue
		}
		s := strip(e.text)
		if e.role == "H1" {
			in3 = strings.HasPrefix(s, "第三部分")
		}
		if s == "" {
			continue
		}
		if in3 {
			all3++
		}
		i := strings.Index(text[pos:], s)
		if i < 0 {
			t.Errorf("%s %q is not after the text before it in pdftotext", e.role, s)
			continue
		}
		pos += i + len(s)
		if in3 {
			n3++
		}
	}
	if n3 != all3 || all3 < want3 {
		t.Errorf("第三部分: %d of its %d headings and paragraphs in pdftotext's order; want all, %d at least", n3, all3, want3)
	}
	// Every word of every line pdftotext reads is in the structure's text, but the page
	// numbers, the draft notice, the dot leaders and a table's header
	// repeated on a continuation page (artifacts).
	missing := 0
	for _, ln := range strings.Split(runTool(t, "pdftotext", path, "-"), "\n") {
		if pageNumRE.MatchString(ln) || (pub.Draft != "" && strings.TrimSpace(ln) == pub.Draft) {
			continue
		}
		// A line may cross a form's cells: each piece on its own.
		for _, w := range strings.Fields(dotsRE.ReplaceAllString(ln, " ")) {
			if !strings.Contains(structAll, w) {
				missing++
				if missing <= 10 {
					t.Errorf("%q of pdftotext's line %q is not in the structure", w, ln)
				}
			}
		}
	}

	// The tree from the file itself.
	d := readQPDF(t, path)
	cat := d.catalog()
	if cat["/Lang"] != "u:zh-CN" && cat["/Lang"] != "zh-CN" {
		t.Errorf("/Lang = %v", cat["/Lang"])
	}
	if d.dict(cat["/MarkInfo"])["/Marked"] != true {
		t.Errorf("/MarkInfo = %v", cat["/MarkInfo"])
	}
	if d.dict(cat["/ViewerPreferences"])["/DisplayDocTitle"] != true {
		t.Errorf("/ViewerPreferences = %v", cat["/ViewerPreferences"])
	}
	root, parents := readStructTree(t, d)
	if root.role != "Document" {
		t.Fatalf("the root's kid is %s, want Document", root.role)
	}
	nodes := root.all()

	// Every marked-content sequence is in the parent tree under its page's
	// /StructParents, pointing back at its element; no MCID twice.
	pageKey := map[string]int{}
	for _, p := range d.Pages {
		k, ok := d.dict(p.Object)["/StructParents"].(float64)
		if !ok {
			t.Errorf("page %d has no /StructParents", p.Pos)
		}
		pageKey[p.Object] = int(k)
	}
	seen := map[smcr]bool{}
	for _, e := range nodes {
		for _, m := range e.mcrs {
			if seen[m] {
				t.Errorf("MCID %d of page %s twice", m.mcid, m.page)
			}
			seen[m] = true
			arr := parents[pageKey[m.page]]
			if m.mcid >= len(arr) || arr[m.mcid] != e.ref {
				t.Errorf("parent tree: page %s MCID %d is not %s (%s)", m.page, m.mcid, e.ref, e.role)
			}
		}
	}
	// Every link annotation (the 目录's) is the kid of a Link element
	// that its /StructParent finds in the parent tree, with a /Contents.
	annotOf := map[string]*snode{}
	for _, e := range nodes {
		for _, o := range e.objrs {
			annotOf[o] = e
		}
	}
	links := 0
	for _, p := range d.Pages {
		annots, _ := d.deref(d.dict(p.Object)["/Annots"]).([]any)
		for _, a := range annots {
			ref, _ := a.(string)
			ad := d.dict(a)
			links++
			e := annotOf[ref]
			key, ok := ad["/StructParent"].(float64)
			switch {
			case e == nil || e.role != "Link":
				t.Errorf("page %d: annotation %s is not the kid of a Link element", p.Pos, ref)
			case !ok || len(parents[int(key)]) != 1 || parents[int(key)][0] != e.ref:
				t.Errorf("page %d: annotation %s /StructParent %v does not find its Link %s", p.Pos, ref, ad["/StructParent"], e.ref)
			case ad["/Contents"] == nil:
				t.Errorf("page %d: annotation %s has no /Contents", p.Pos, ref)
			}
		}
	}
	if links == 0 || len(annotOf) != links {
		t.Errorf("%d link annotations, %d of them in the structure", links, len(annotOf))
	}
	count := 0
	for k, arr := range parents {
		if k >= len(d.Pages) { // an annotation's key: the pages' come first
			continue
		}
		count += len(arr)
	}
	if count != len(seen) {
		t.Errorf("the parent tree has %d MCIDs, the elements %d", count, len(seen))
	}

	// Every table: one Table with a THead holding a TH for each header
	// cell, row by row, with its scope and spans, and a TBody.
	var tables []*render.Table
	var charts []*render.Chart
	var forms []*render.Form
	for _, p := range pub.Parts {
		for _, s := range p.Sections {
			if s.Table != nil {
				tables = append(tables, s.Table)
			}
			for _, b := range s.Blocks {
				if b.Kind == render.BlockForm && b.Form != nil {
					forms = append(forms, b.Form)
				}
				if b.Kind == render.BlockChart && b.Chart != nil && b.Chart.Sentence == "" && len(b.Chart.Slices) > 0 {
					charts = append(charts, b.Chart)
				}
			}
		}
	}
	var heads, figures, formTables []*snode
	for _, e := range nodes {
		switch e.role {
		case "Table":
			if len(e.kids) > 0 && e.kids[0].role == "THead" {
				heads = append(heads, e)
			} else {
				formTables = append(formTables, e)
			}
		case "Figure":
			figures = append(figures, e)
		}
	}
	if len(heads) != len(tables) {
		t.Fatalf("%d Tables with a THead; the publication has %d tables", len(heads), len(tables))
	}
	for i, tb := range tables {
		tab := heads[i]
		if len(tab.kids) != 2 || tab.kids[1].role != "TBody" {
			t.Errorf("%s: Table's kids are not THead, TBody", tb.Title)
			continue
		}
		var ths []*snode
		for _, tr := range tab.kids[0].kids {
			ths = append(ths, tr.kids...)
		}
		if len(ths) != len(tb.Header) {
			t.Errorf("%s: %d TH, want %d header cells", tb.Title, len(ths), len(tb.Header))
			continue
		}
		k := 0
		for r := 0; r < tb.HeaderRows; r++ {
			for c := 0; c < len(tb.Columns); c++ {
				for _, h := range tb.Header {
					if h.Row != r || h.Col != c {
						continue
					}
					th := ths[k]
					k++
					a := d.dict(th.dict["/A"])
					if th.role != "TH" || a["/Scope"] != "/Column" {
						t.Errorf("%s: header cell %q is %s with %v", tb.Title, h.Text, th.role, a)
					}
					if span, _ := a["/ColSpan"].(float64); max(h.ColSpan, 1) != max(int(span), 1) {
						t.Errorf("%s: header cell %q /ColSpan %v, want %d", tb.Title, h.Text, a["/ColSpan"], h.ColSpan)
					}
					if span, _ := a["/RowSpan"].(float64); max(h.RowSpan, 1) != max(int(span), 1) {
						t.Errorf("%s: header cell %q /RowSpan %v, want %d", tb.Title, h.Text, a["/RowSpan"], h.RowSpan)
					}
					if h.Text != "" && len(th.mcrs) == 0 {
						t.Errorf("%s: header cell %q has no content", tb.Title, h.Text)
					}
				}
			}
		}
		rows := 0
		for _, r := range tb.Rows {
			if r.Kind != render.RowFiller {
				rows++
			}
		}
		if got := len(tab.kids[1].kids); got != rows {
			t.Errorf("%s: TBody has %d TR, want %d", tb.Title, got, rows)
		}
	}

	// Every form a Table: its title the Caption, then its rows, each cell
	// a TH (a label, with its scope) or a TD, with its spans.
	if len(formTables) != len(forms) {
		t.Fatalf("%d Tables without a THead; the publication has %d forms", len(formTables), len(forms))
	}
	for i, fm := range forms {
		tab := formTables[i]
		if fm.Title != "" && (len(tab.kids) == 0 || tab.kids[0].role != "Caption") {
			t.Errorf("form %q: no Caption first", fm.Title)
			continue
		}
		var th, td, labels, cells int
		for _, tr := range tab.kids {
			if tr.role == "Caption" {
				continue
			}
			if tr.role != "TR" {
				t.Errorf("form %q: a %s among its rows", fm.Title, tr.role)
			}
			for _, c := range tr.kids {
				a := d.dict(c.dict["/A"])
				switch {
				case c.role == "TH" && (a["/Scope"] == "/Row" || a["/Scope"] == "/Column"):
					th++
				case c.role == "TD":
					td++
				default:
					t.Errorf("form %q: a %s with %v in a row", fm.Title, c.role, a)
				}
			}
		}
		for _, c := range fm.Cells {
			if c.Row >= 0 && c.Col >= 0 {
				cells++
				if c.Label {
					labels++
				}
			}
		}
		if th != labels || th+td != cells {
			t.Errorf("form %q: %d TH and %d TD, want %d labels of %d cells", fm.Title, th, td, labels, cells)
		}
	}

	// Every pie a Figure whose /Alt says what it shows, with its figures.
	if len(figures) != len(charts) {
		t.Fatalf("%d Figures; the publication has %d pie charts", len(figures), len(charts))
	}
	for i, c := range charts {
		alt, _ := figures[i].dict["/Alt"].(string)
		alt = strings.TrimPrefix(alt, "u:")
		if !strings.Contains(alt, strings.TrimSpace(c.Title)) {
			t.Errorf("Figure %d: /Alt %q lacks the title %q", i+1, alt, c.Title)
		}
		for _, s := range c.Slices {
			for _, want := range []string{s.Label, render.FormatAmount(s.Amount), s.Share.StringFixed(2) + "%"} {
				if !strings.Contains(alt, want) {
					t.Errorf("Figure %d: /Alt %q lacks %q", i+1, alt, want)
				}
			}
		}
		if len(figures[i].mcrs) == 0 {
			t.Errorf("Figure %d has no content", i+1)
		}
		// Its place on the page: a box around the pie (160 points across), inside the page.
		box, _ := d.dict(figures[i].dict["/A"])["/BBox"].([]any)
		var v [4]float64
		for k := range min(len(box), 4) {
			v[k], _ = box[k].(float64)
		}
		if len(box) != 4 || v[0] < 0 || v[1] < 0 || v[2]-v[0] < 150 || v[3]-v[1] < 150 || v[2] > 842 || v[3] > 842 {
			t.Errorf("Figure %d: /BBox %v; want the pie's box inside the page", i+1, box)
		}
	}
}

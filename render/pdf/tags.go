package pdf

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"
)

// The structure of the tagged PDF. Layout builds the tree as it places
// content — every text line and chart drawing it adds belongs to the
// element open at the time (flow.add) — and draw marks each item's
// operators as marked content of its element (BDC … EMC with an MCID), or
// as an artifact: table rules, fills, page numbers, the draft notice, a
// table's header repeated on a continuation page, the 目录's dot leaders.
// writeStructure then writes the elements, the parent tree and the root
// with gopdf's raw objects (third_party/gopdf, patch 8).

// selem is an element of the structure tree.
type selem struct {
	role   string // a standard structure type: P, H1, Table, TH, Figure…
	attr   string // the /A dictionary's entries, e.g. "/O /Table /Scope /Column"
	alt    string // alternative text (a Figure's)
	parent *selem
	kids   []skid
	obj    int   // object number, when written
	box    *bbox // a Figure's: what it draws on its first page
}

// bbox is a rectangle in PDF space (from the page's bottom left).
type bbox struct {
	page           int
	x1, y1, x2, y2 float64
}

// grow makes the Figure's box, on its first page, hold the rectangle from
// (x1, top) to (x2, bottom), in layout space (from the top left) of a page
// h high.
func (e *selem) grow(page int, h, x1, top, x2, bottom float64) {
	b := e.box
	if b == nil {
		e.box = &bbox{page: page, x1: x1, y1: h - bottom, x2: x2, y2: h - top}
		return
	}
	if b.page != page {
		return
	}
	b.x1, b.x2 = min(b.x1, x1), max(b.x2, x2)
	b.y1, b.y2 = min(b.y1, h-bottom), max(b.y2, h-top)
}

// skid is a kid of an element: an element, or a marked-content sequence
// (its page, from 0 in drawing order, and MCID).
type skid struct {
	el   *selem
	page int
	mcid int
	objr int // an annotation's object number (with its page), not marked content
}

func (e *selem) addKid(c *selem) {
	c.parent = e
	e.kids = append(e.kids, skid{el: c})
}

// root is the flow's top element, made when first needed.
func (f *flow) root() *selem {
	if f.tree == nil {
		f.tree = &selem{role: "Document"}
	}
	return f.tree
}

// open starts an element under the current one and makes it current.
func (f *flow) open(role string) *selem {
	parent := f.el
	if parent == nil {
		parent = f.root()
	}
	e := &selem{role: role}
	parent.addKid(e)
	f.el = e
	return e
}

// close ends element e: its parent is current again.
func (f *flow) close(e *selem) {
	if e.parent == f.tree {
		f.el = nil
		return
	}
	f.el = e.parent
}

// addText adds a line of text to the current page. Text belongs to the
// current element — with none open it gets a P of its own, so that no text
// is left out of the structure — unless the flow is placing an artifact.
func (f *flow) addText(t textItem) {
	if !f.artifact {
		t.el = f.current()
	}
	f.cur.add(t)
}

// addPolygon adds a drawing (a chart's) to the current page, as addText.
func (f *flow) addPolygon(p polygonItem) {
	if !f.artifact {
		p.el = f.current()
	}
	f.cur.add(p)
}

// current is the element content goes into now.
func (f *flow) current() *selem {
	if f.el == nil {
		e := f.open("P")
		f.el = nil
		return e
	}
	return f.el
}

// headingRole is the role of a heading at mark level l (0 a part).
func headingRole(l int) string {
	return "H" + strconv.Itoa(min(l+1, 6))
}

// pdfText is a text string for the structure: UTF-16BE with its byte
// order mark, in hex, as gopdf writes the outline's titles.
func pdfText(s string) string {
	var b strings.Builder
	b.Grow(6 + 4*len(s))
	b.WriteString("<FEFF")
	const hex = "0123456789ABCDEF"
	for _, u := range utf16.Encode([]rune(s)) {
		b.WriteByte(hex[u>>12&0xF])
		b.WriteByte(hex[u>>8&0xF])
		b.WriteByte(hex[u>>4&0xF])
		b.WriteByte(hex[u&0xF])
	}
	b.WriteByte('>')
	return b.String()
}

// Kinds of artifact.
const (
	artLayout = iota + 1 // rules, fills, a repeated header, dot leaders
	artFooter            // the page number
	artHeader            // the draft notice
)

var artifactOps = [...]string{
	artLayout: "/Artifact BMC\n",
	artFooter: "/Artifact <</Type /Pagination /Subtype /Footer>> BDC\n",
	artHeader: "/Artifact <</Type /Pagination /Subtype /Header>> BDC\n",
}

// emcArtifactOps end a sequence and begin an artifact.
var emcArtifactOps = func() (ops [len(artifactOps)]string) {
	for i, s := range artifactOps {
		if s != "" {
			ops[i] = "EMC\n" + s
		}
	}
	return ops
}()

// tagger writes the marked content of the pages as they are drawn.
type tagger struct {
	gp       markedWriter
	page     int        // the page being drawn, from 0
	el       *selem     // the open sequence's element, or nil
	art      int        // the open artifact's kind, or 0
	parents  [][]*selem // by page, by MCID: the element
	pageObjs []int      // by page: its object number
	pages    int        // the document's pages: the parent tree's keys of the annotations follow theirs
	annots   []*selem   // by annotation, from key pages on: its element
	ops      []byte
}

// markedWriter is what the tagger needs of gopdf.
type markedWriter interface {
	AddRawContent(ops string)
}

// startPage begins page number len(pageObjs) with object number obj.
func (t *tagger) startPage(obj int) {
	t.page = len(t.pageObjs)
	t.pageObjs = append(t.pageObjs, obj)
	t.parents = append(t.parents, nil)
	t.el, t.art = nil, 0
}

// content makes what is drawn next part of el's content, or an artifact
// of the kind art when el is nil.
func (t *tagger) content(el *selem, art int) {
	if el != nil {
		art = 0
	}
	if el == t.el && art == t.art {
		return
	}
	closing := t.el != nil || t.art != 0
	t.el, t.art = el, art
	switch {
	case el == nil && art == 0:
		if closing {
			t.gp.AddRawContent("EMC\n")
		}
		return
	case el == nil && closing:
		t.gp.AddRawContent(emcArtifactOps[art])
		return
	case el == nil:
		t.gp.AddRawContent(artifactOps[art])
		return
	}
	t.ops = t.ops[:0]
	if closing {
		t.ops = append(t.ops, "EMC\n"...)
	}
	mcid := len(t.parents[t.page])
	t.parents[t.page] = append(t.parents[t.page], el)
	el.kids = append(el.kids, skid{page: t.page, mcid: mcid})
	t.ops = append(t.ops, '/')
	t.ops = append(t.ops, el.role...)
	t.ops = append(t.ops, " <</MCID "...)
	t.ops = strconv.AppendInt(t.ops, int64(mcid), 10)
	t.ops = append(t.ops, ">> BDC\n"...)
	t.gp.AddRawContent(string(t.ops))
}

// annot makes the annotation obj on the current page a kid of el; its
// /StructParent is pages + its index in annots.
func (t *tagger) annot(el *selem, obj int) {
	t.annots = append(t.annots, el)
	el.kids = append(el.kids, skid{page: t.page, objr: obj})
}

// endPage closes the page's open sequence.
func (t *tagger) endPage() { t.content(nil, 0) }

// prune drops the elements with no content and no kids left, but a
// table's rows and cells, which keep the grid regular.
func prune(e *selem) bool {
	kids := e.kids[:0]
	for _, k := range e.kids {
		if k.el == nil || prune(k.el) {
			kids = append(kids, k)
		}
	}
	e.kids = kids
	switch e.role {
	case "TR", "TH", "TD", "Document":
		return true
	}
	return len(e.kids) > 0
}

// number gives e and its descendants object numbers from next, in
// document order, and returns the next free number.
func number(e *selem, next int, all *[]*selem) int {
	e.obj = next
	*all = append(*all, e)
	next++
	for _, k := range e.kids {
		if k.el != nil {
			next = number(k.el, next, all)
		}
	}
	return next
}

// taggedWriter is what writeStructure needs of gopdf.
type taggedWriter interface {
	GetNextObjectID() int
	AddRawObj(data string) int
	SetCatalogExtra(entries string)
}

// writeStructure writes the structure tree rooted at doc (a Document
// element): its elements, the parent tree (by page, by MCID, the element)
// and the StructTreeRoot, and marks the catalog: /MarkInfo, /Lang zh-CN,
// the title shown in the title bar.
// It returns the number of elements.
func writeStructure(gp taggedWriter, doc *selem, t *tagger) (int, error) {
	prune(doc)
	rootObj := gp.GetNextObjectID()
	treeObj := rootObj + 1
	var all []*selem
	number(doc, treeObj+1, &all)

	// The objects are written into one buffer, each ending at ends[i].
	var b strings.Builder
	b.Grow(64 * (len(all) + 2))
	var ends []int
	b.WriteString("<< /Type /StructTreeRoot /K ")
	wref(&b, doc.obj)
	b.WriteString(" /ParentTree ")
	wref(&b, treeObj)
	b.WriteString(" /ParentTreeNextKey ")
	wint(&b, t.pages+len(t.annots))
	b.WriteString(" >>")
	ends = append(ends, b.Len())

	b.WriteString("<< /Nums [")
	for p, els := range t.parents {
		b.WriteString("\n")
		wint(&b, p)
		b.WriteString(" [")
		for i, e := range els {
			if i > 0 {
				b.WriteByte(' ')
			}
			wref(&b, e.obj)
		}
		b.WriteString("]")
	}
	for i, e := range t.annots {
		b.WriteString("\n")
		wint(&b, t.pages+i)
		b.WriteByte(' ')
		wref(&b, e.obj)
	}
	b.WriteString("\n] >>")
	ends = append(ends, b.Len())

	// The elements are most of the objects (a table's every cell is one),
	// and gopdf has no object streams to compress them in: they are
	// written short — no /Type, which is optional, no spaces a parser
	// does not need, a single kid without an array.
	for _, e := range all {
		b.WriteString("<</S/")
		b.WriteString(e.role)
		b.WriteString("/P ")
		if e.parent == nil {
			wref(&b, rootObj)
		} else {
			wref(&b, e.parent.obj)
		}
		pg := -1
		for _, k := range e.kids {
			if k.el == nil && k.objr == 0 {
				pg = k.page
				break
			}
		}
		if pg >= 0 {
			b.WriteString("/Pg ")
			wref(&b, t.pageObjs[pg])
		}
		if e.attr != "" {
			b.WriteString("/A<<")
			b.WriteString(e.attr)
			b.WriteString(">>")
		}
		if e.box != nil {
			b.WriteString("/A<</O/Layout/BBox[")
			b.WriteString(strconv.FormatFloat(e.box.x1, 'f', 2, 64))
			b.WriteByte(' ')
			b.WriteString(strconv.FormatFloat(e.box.y1, 'f', 2, 64))
			b.WriteByte(' ')
			b.WriteString(strconv.FormatFloat(e.box.x2, 'f', 2, 64))
			b.WriteByte(' ')
			b.WriteString(strconv.FormatFloat(e.box.y2, 'f', 2, 64))
			b.WriteString("]>>")
		}
		if e.alt != "" {
			b.WriteString("/Alt")
			b.WriteString(pdfText(e.alt))
		}
		if len(e.kids) > 0 {
			if len(e.kids) > 1 {
				b.WriteString("/K[")
			} else {
				b.WriteString("/K ")
			}
			for i, k := range e.kids {
				if i > 0 {
					b.WriteByte(' ')
				}
				switch {
				case k.el != nil:
					wref(&b, k.el.obj)
				case k.objr != 0:
					b.WriteString("<</Type/OBJR/Obj ")
					wref(&b, k.objr)
					b.WriteString("/Pg ")
					wref(&b, t.pageObjs[k.page])
					b.WriteString(">>")
				case k.page == pg:
					wint(&b, k.mcid)
				default:
					b.WriteString("<</Type/MCR/Pg ")
					wref(&b, t.pageObjs[k.page])
					b.WriteString("/MCID ")
					wint(&b, k.mcid)
					b.WriteString(">>")
				}
			}
			if len(e.kids) > 1 {
				b.WriteString("]")
			}
		}
		b.WriteString(">>")
		ends = append(ends, b.Len())
	}
	text, start := b.String(), 0
	for i, end := range ends {
		if n := gp.AddRawObj(text[start:end]); n != rootObj+i {
			return 0, fmt.Errorf("结构树对象编号不符：%d，应为 %d", n, rootObj+i)
		}
		start = end
	}
	gp.SetCatalogExtra("/StructTreeRoot " + ref(rootObj) + " /MarkInfo << /Marked true >> /Lang (zh-CN) /ViewerPreferences << /DisplayDocTitle true >>")
	return len(all), nil
}

func ref(obj int) string { return strconv.Itoa(obj) + " 0 R" }

// wref writes a reference to object obj.
func wref(b *strings.Builder, obj int) {
	wint(b, obj)
	b.WriteString(" 0 R")
}

// wint writes n.
func wint(b *strings.Builder, n int) {
	var tmp [20]byte
	b.Write(strconv.AppendInt(tmp[:0], int64(n), 10))
}

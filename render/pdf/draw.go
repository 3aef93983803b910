package pdf

import (
	"strconv"

	"github.com/signintech/gopdf"
)

// draw renders the laid-out pages with gopdf, adds the anchors, links and
// the bookmark tree, and the footers, and tags it all: each item marked as
// content of its structure element or as an artifact, then the structure
// tree written (tags.go).
func draw(gp *gopdf.GoPdf, doc *document, m *metrics) error {
	pages := append(append([]*page{doc.cover}, doc.toc...), doc.body...)
	var outline []*outlineNode
	tg := &tagger{gp: gp, pages: len(pages)}
	for i, p := range pages {
		gp.AddPageWithOption(gopdf.PageOption{PageSize: &gopdf.Rect{W: p.width(), H: p.height()}})
		gp.SetPageExtra("/StructParents " + strconv.Itoa(i) + " /Tabs /S")
		tg.startPage(gp.CurrentPageObjID())
		gp.SetStrokeColor(0, 0, 0)
		st := &drawState{lineWidth: -1, drawn: map[lineItem]bool{}}
		for _, it := range p.items {
			if err := drawItem(gp, p, it, m, &outline, st, tg); err != nil {
				return err
			}
		}
		if doc.draft != "" {
			tg.content(nil, artHeader)
			if err := drawDraft(gp, m, p, doc.draft); err != nil {
				return err
			}
		}
		if p.number > 0 {
			tg.content(nil, artFooter)
			num := "— " + strconv.Itoa(p.number) + " —"
			w := m.width(stFooter, num)
			y := p.height() - (a4H - footerY)
			if err := drawText(gp, m, textItem{x: (p.width() - w) / 2, y: y, st: stFooter, text: num}); err != nil {
				return err
			}
		}
		tg.endPage()
	}
	linkOutline(outline)
	if m.err != nil {
		return m.err
	}
	n, err := writeStructure(gp, doc.tree, tg)
	doc.elements = n
	return err
}

// drawDraft prints the draft notice in red at the top of a page.
func drawDraft(gp *gopdf.GoPdf, m *metrics, p *page, notice string) error {
	w := m.width(stDraft, notice)
	return drawText(gp, m, textItem{x: (p.width() - w) / 2, y: 40, st: stDraft, text: notice, red: true})
}

// outlineNode is a bookmark with its children.
type outlineNode struct {
	obj      *gopdf.OutlineObj
	children []*outlineNode
}

// drawState is the graphics state already set on the current page, so that
// an operator is written only when it changes.
type drawState struct {
	lineWidth float64
	drawn     map[lineItem]bool // rules already stroked on the page: a cell edge shared by two cells is drawn once
}

func drawItem(gp *gopdf.GoPdf, p *page, it item, m *metrics, outline *[]*outlineNode, st *drawState, tg *tagger) error {
	switch v := it.(type) {
	case textItem:
		tg.content(v.el, artLayout)
		if v.el != nil && v.el.role == "Figure" {
			v.el.grow(tg.page, p.height(), v.x, v.y-v.st.size, v.x+m.width(v.st, v.text), v.y+v.st.size*0.25)
		}
		return drawText(gp, m, v)
	case lineItem:
		if st.drawn[v] {
			return nil
		}
		st.drawn[v] = true
		tg.content(nil, artLayout)
		if v.width != st.lineWidth {
			gp.SetLineWidth(v.width)
			st.lineWidth = v.width
		}
		gp.Line(v.x1, v.y1, v.x2, v.y2)
	case fillItem:
		tg.content(nil, artLayout)
		gp.SetFillColor(v.grey, v.grey, v.grey)
		gp.RectFromUpperLeftWithStyle(v.x, v.y, v.w, v.h, "F")
		gp.SetTextColor(0, 0, 0)
	case linkItem:
		if v.el == nil {
			gp.AddInternalLink(v.anchor, v.x, v.y, v.w, v.h)
			break
		}
		// A tagged link: its annotation a kid of its Link element, found
		// from the annotation through the parent tree.
		key := tg.pages + len(tg.annots)
		obj := gp.AddInternalLinkWithExtra(v.anchor, v.x, v.y, v.w, v.h, "/StructParent "+strconv.Itoa(key)+" /Contents "+pdfText(v.contents))
		tg.annot(v.el, obj)
	case markItem:
		// gopdf places anchors and bookmarks with the first page's height:
		// on a landscape page move y down by the difference.
		y := v.y
		if p.landscape {
			y += a4H - a4W
		}
		gp.SetY(y)
		gp.SetAnchor(v.mark.anchor)
		gp.SetY(y - 20)
		obj := gp.AddOutlineWithPosition(v.mark.title)
		node := &outlineNode{obj: obj}
		// A mark goes under the last mark above its level: a section under
		// its part, a sub-section under its section.
		siblings := outline
		for l := 1; l <= v.mark.level && len(*siblings) > 0; l++ {
			siblings = &(*siblings)[len(*siblings)-1].children
		}
		*siblings = append(*siblings, node)
	case polygonItem:
		tg.content(v.el, artLayout)
		if v.el != nil && v.el.role == "Figure" {
			for _, q := range v.points {
				v.el.grow(tg.page, p.height(), q.x, q.y, q.x, q.y)
			}
		}
		v.draw(gp)
		st.lineWidth = -1 // the polygon may have set its own
	}
	return nil
}

// drawText draws a line of text, each run in the font that has its glyphs.
func drawText(gp *gopdf.GoPdf, m *metrics, t textItem) error {
	runs, err := m.fs.Runs(t.st.role, t.text)
	if err != nil {
		return err
	}
	x := t.x
	gp.SetTextColor(0, 0, 0)
	if t.red {
		gp.SetTextColor(190, 0, 0)
		defer gp.SetTextColor(0, 0, 0)
	}
	_ = gp.SetCharSpacing(t.spacing)
	defer func() { _ = gp.SetCharSpacing(0) }()
	for _, r := range runs {
		if err := gp.SetFont(r.Family, "", t.st.size); err != nil {
			return err
		}
		gp.SetXY(x, t.y)
		if err := gp.Text(r.Text); err != nil {
			return err
		}
		for _, c := range r.Text {
			x += m.runeWidth(r.Family, c)*t.st.size/1000 + t.spacing
		}
	}
	return nil
}

// linkOutline turns the flat list gopdf keeps into a tree: parts at the top,
// their sections and tables under them, sub-sections under their sections.
// An item with children is closed (a negative /Count, as PDF requires of
// an item with children), as viewers showed it before it had a count.
func linkOutline(nodes []*outlineNode) {
	chain(nodes)
	for _, n := range nodes {
		if len(n.children) == 0 {
			continue
		}
		n.obj.SetFirst(n.children[0].obj.GetIndex())
		n.obj.SetLast(n.children[len(n.children)-1].obj.GetIndex())
		n.obj.SetCount(-len(n.children)) // closed: its children show when it is opened
		for _, c := range n.children {
			c.obj.SetParent(n.obj.GetIndex())
		}
		linkOutline(n.children)
	}
}

// chain links siblings through Prev and Next.
func chain(nodes []*outlineNode) {
	for i, n := range nodes {
		n.obj.SetPrev(-1)
		n.obj.SetNext(-1)
		if i > 0 {
			n.obj.SetPrev(nodes[i-1].obj.GetIndex())
		}
		if i+1 < len(nodes) {
			n.obj.SetNext(nodes[i+1].obj.GetIndex())
		}
	}
}

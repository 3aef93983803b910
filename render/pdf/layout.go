package pdf

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/budgetpub/budgetpub/render"
)

// document is the laid-out publication: cover, 目录 and body pages.
type document struct {
	cover *page
	toc   []*page
	body  []*page
	marks []*mark
	draft string // printed at the top of every page of a draft
	rows  []placedRow
	tree  *selem // the structure: a Document element

	elements int // structure elements written (draw)
}

// placedRow says on which body page a table row starts.
type placedRow struct {
	table *render.Table
	row   int
	page  int // index into body
}

// flow places content on body pages from top to bottom.
type flow struct {
	m     *metrics
	pages []*page
	cur   *page
	y     float64
	marks []*mark
	rows  []placedRow

	// The structure (tags.go): the flow's root element, the element
	// content goes into, whether what is placed now is an artifact, and
	// the mark level of the section being placed (its sub-headings are a
	// level below).
	tree     *selem
	el       *selem
	artifact bool
	level    int
}

func (f *flow) left() float64   { return marginSide }
func (f *flow) right() float64  { return f.cur.width() - marginSide }
func (f *flow) bottom() float64 { return f.cur.height() - marginBottom }
func (f *flow) textWidth() float64 {
	return f.right() - f.left()
}

// newPage starts a body page.
func (f *flow) newPage(landscape bool) {
	f.cur = &page{landscape: landscape, number: len(f.pages) + 1}
	f.pages = append(f.pages, f.cur)
	f.y = marginTop
}

// room makes sure h points fit below y, starting a page of the same
// orientation when they do not.
func (f *flow) room(h float64) {
	if f.y+h > f.bottom() && f.y > marginTop {
		f.newPage(f.cur.landscape)
	}
}

// text places one line of text with its top at y.
func (f *flow) text(x float64, st style, s string) {
	f.addText(textItem{x: x, y: f.y + baseline(st), st: st, text: s})
}

// baseline is the distance from a line's top to its baseline.
func baseline(st style) float64 { return st.size * 0.88 }

// lineHeight is the distance between the tops of two lines of body text.
func lineHeight(st style) float64 { return st.size * 1.75 }

// markHere records a heading at the current place.
func (f *flow) markHere(title string, level int) {
	mk := &mark{title: title, level: level, page: f.cur, anchor: "h" + strconv.Itoa(len(f.marks)+1), y: f.y}
	f.marks = append(f.marks, mk)
	f.cur.add(markItem{y: f.y, mark: mk})
}

// indentMark is the two-character first-line indent of a paragraph: broken
// with the text as two ideographic spaces, drawn as an offset.
const indentMark = "\u3000\u3000"

// paragraph places a paragraph, with a two-character first-line indent.
func (f *flow) paragraph(st style, text string, indent bool) {
	lh := lineHeight(st)
	if indent {
		text = indentMark + text
	}
	p := f.open("P")
	defer f.close(p)
	lines := f.m.lines(st, text, f.textWidth())
	for i, ln := range lines {
		f.room(lh)
		x := f.left()
		if i == 0 && indent && strings.HasPrefix(ln, indentMark) {
			x += f.m.width(st, indentMark)
			ln = strings.TrimPrefix(ln, indentMark)
		}
		if i == len(lines)-1 {
			f.addText(textItem{x: x, y: f.y + baseline(st), st: st, text: ln})
		} else {
			// Every line but the last is justified, in pieces.
			for _, p := range justify(ln, f.right()-x, st.size, f.m.measure(st)) {
				f.addText(textItem{x: x + p.x, y: f.y + baseline(st), st: st, text: p.text, spacing: p.spacing})
			}
		}
		f.y += lh
	}
}

// centered places one line centred on the page.
func (f *flow) centered(st style, s string) {
	w := f.m.width(st, s)
	x := (f.cur.width() - w) / 2
	if x < f.left() {
		x = f.left()
	}
	f.text(x, st, s)
}

// layout lays out the whole publication.
func layout(p *render.Publication, m *metrics) (*document, error) {
	f := &flow{m: m}
	for _, part := range p.Parts {
		if len(part.Sections) == 0 {
			continue // its place is kept in the model; nothing to print yet
		}
		// A part starts a page, turned as its first table is.
		f.newPage(part.Sections[0].Table != nil && part.Sections[0].Table.Landscape)
		f.markHere(part.Entry(), 0)
		f.y += 12
		h := f.open(headingRole(0))
		for _, ln := range m.lines(stPart, part.Title, f.textWidth()) {
			f.centered(stPart, ln)
			f.y += lineHeight(stPart)
		}
		f.close(h)
		f.y += 8
		for i, s := range part.Sections {
			switch {
			case s.Table != nil:
				if i > 0 || f.cur.landscape != s.Table.Landscape {
					f.newPage(s.Table.Landscape)
				}
				f.markHere(s.Entry(), sectionLevel(s))
				f.level = sectionLevel(s)
				f.table(s.Table)
				f.blocks(s.Blocks)
			default:
				if s.Heading != "" {
					st := headingStyle(s)
					f.room(lineHeight(st) * 3)
					f.y += 6
					f.markHere(s.Entry(), sectionLevel(s))
					h := f.open(headingRole(sectionLevel(s)))
					for _, ln := range m.lines(st, s.Heading, f.textWidth()) {
						f.text(f.left(), st, ln)
						f.y += lineHeight(st)
					}
					f.close(h)
					f.y += 4
				}
				f.level = sectionLevel(s)
				for _, para := range s.Paragraphs {
					f.paragraph(stBody, para, true)
				}
				f.blocks(s.Blocks)
				f.y += 6
			}
		}
	}
	if m.err != nil {
		return nil, m.err
	}
	if len(f.pages) == 0 {
		return nil, fmt.Errorf("出版物没有任何内容")
	}
	doc := &document{body: f.pages, marks: f.marks, draft: p.Draft, rows: f.rows}
	var coverTree, tocTree *selem
	doc.cover, coverTree = cover(p, m)
	doc.toc, tocTree = tocPages(doc.marks, m)
	// The structure in reading order: the cover, the 目录, the body.
	doc.tree = &selem{role: "Document"}
	for _, t := range []*selem{coverTree, tocTree, f.tree} {
		if t == nil {
			continue
		}
		for _, k := range t.kids {
			doc.tree.addKid(k.el)
		}
	}
	if m.err != nil {
		return nil, m.err
	}
	return doc, nil
}

// cover is the first page: the department and the publication's title.
func cover(p *render.Publication, m *metrics) (*page, *selem) {
	f := &flow{m: m}
	f.newPage(false)
	f.cur.number = 0
	f.y = a4H * 0.30
	e := f.open("P")
	for _, ln := range m.lines(stCoverDept, p.Department, f.textWidth()) {
		f.centered(stCoverDept, ln)
		f.y += lineHeight(stCoverDept)
	}
	f.close(e)
	f.y += 30
	e = f.open("P")
	for _, ln := range m.lines(stCoverYear, p.Title, f.textWidth()) {
		f.centered(stCoverYear, ln)
		f.y += lineHeight(stCoverYear)
	}
	f.close(e)
	return f.cur, f.tree
}

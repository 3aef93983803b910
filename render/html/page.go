package html

import (
	"strconv"

	"github.com/budgetpub/budgetpub/render"
)

// view is what the page template shows: the publication walked into
// headings, texts and tables ready to print.
type view struct {
	Title      string // the page's <title>: the department and the publication's title
	Department string
	PubTitle   string
	Year       int
	Draft      string
	Facts      []fact
	Files      []file
	TOC        []tocEntry
	Parts      []partView
}

// tocEntry is a line of the table of contents, a link to its heading.
type tocEntry struct {
	ID, Text string
	Children []tocEntry
}

// partView is a part: its heading (an <h2>) and its sections.
type partView struct {
	ID, Title string
	Wide      bool // printed from a landscape page, as its first table is
	Sections  []sectionView
}

// sectionView is a section: its heading (an <h3>, an <h4> for a
// sub-section), paragraphs, table and blocks.
type sectionView struct {
	ID, Heading string
	Level       int // of the heading: 3 or 4
	Paragraphs  []string
	Table       *tableView
	Blocks      []blockView
}

// blockView is one block of a section; exactly one of its fields is set,
// or Text with Note or Level.
type blockView struct {
	Text  string
	Level int  // a sub-heading's level (one below its section's)
	Note  bool // a line without indent
	Chart *chartView
	Form  *tableView
}

// ids hands out the page's element ids in order.
type ids struct{ n int }

func (g *ids) next(prefix string) string {
	g.n++
	return prefix + strconv.Itoa(g.n)
}

// build walks the publication as render/pdf lays it out: the parts with
// sections, in order, those with none left out.
func build(p *render.Publication, o Options) *view {
	v := &view{
		Title:      p.Department + " " + p.Title,
		Department: p.Department,
		PubTitle:   p.Title,
		Year:       p.Year,
		Draft:      p.Draft,
		Facts:      facts(p.Summary),
		Files:      files(o),
	}
	g := &ids{}
	for _, part := range p.Parts {
		if len(part.Sections) == 0 {
			continue
		}
		pv := partView{ID: g.next("part-"), Title: part.Title}
		if t := part.Sections[0].Table; t != nil {
			pv.Wide = t.Landscape
		}
		te := tocEntry{ID: pv.ID, Text: part.Entry()}
		for _, s := range part.Sections {
			sv := sectionView{ID: g.next("sec-"), Heading: s.Heading, Level: 3, Paragraphs: s.Paragraphs}
			if s.Level == 2 {
				sv.Level = 4
			}
			if s.Table != nil {
				sv.Table = table(s.Table, g)
			}
			if sv.Heading == "" {
				sv.Heading = s.Entry() // a table's section is headed by its 目录 line; one with neither has no heading
			}
			sv.Blocks = blocks(s.Blocks, sv.Level+1, g)
			pv.Sections = append(pv.Sections, sv)
			if s.Entry() == "" {
				continue
			}
			e := tocEntry{ID: sv.ID, Text: s.Entry()}
			if n := len(te.Children); s.Level == 2 && n > 0 {
				te.Children[n-1].Children = append(te.Children[n-1].Children, e)
			} else {
				te.Children = append(te.Children, e)
			}
		}
		v.Parts = append(v.Parts, pv)
		v.TOC = append(v.TOC, te)
	}
	return v
}

// blocks are a section's blocks, sub-headings at level.
func blocks(bs []render.Block, level int, g *ids) []blockView {
	var out []blockView
	for _, b := range bs {
		switch b.Kind {
		case render.BlockParagraph:
			out = append(out, blockView{Text: b.Text})
		case render.BlockSubheading:
			out = append(out, blockView{Text: b.Text, Level: min(level, 6)})
		case render.BlockNote:
			out = append(out, blockView{Text: b.Text, Note: true})
		case render.BlockChart:
			if b.Chart != nil {
				out = append(out, blockView{Chart: chart(b.Chart, g)})
			}
		case render.BlockForm:
			if b.Form != nil {
				out = append(out, blockView{Form: form(b.Form, g)})
			}
		}
	}
	return out
}

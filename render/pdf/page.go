package pdf

import "github.com/budgetpub/budgetpub/fonts"

// Page geometry in points (A4).
const (
	a4W, a4H     = 595.28, 841.89
	marginTop    = 72.0
	marginBottom = 72.0
	marginSide   = 68.0
	footerY      = 800.0 // baseline of the page number, portrait; landscape keeps the same bottom distance
)

// Styles of the publication.
var (
	stCoverDept = style{fonts.Title, 26}
	stCoverYear = style{fonts.Title, 22}
	stTOCTitle  = style{fonts.Heading, 18}
	stTOCPart   = style{fonts.Heading, 13}
	stTOCEntry  = style{fonts.Body, 11.5}
	stPart      = style{fonts.Heading, 18}
	stSection   = style{fonts.Heading, 14}
	stBody      = style{fonts.Body, 12}
	stLabel     = style{fonts.Body, 10}
	stTitle     = style{fonts.Title, 15}
	stMeta      = style{fonts.Body, 10}
	stNote      = style{fonts.Body, 9.5}
	stFooter    = style{fonts.Body, 10.5}
	stDraft     = style{fonts.Heading, 11}
)

// item is one thing drawn on a page.
type item interface{ isItem() }

// textItem draws text with its baseline at y. spacing is added after every
// character: a justified line is drawn as pieces with and without it
// (justify); the 目录's title is letter-spaced.
type textItem struct {
	x, y    float64
	st      style
	text    string
	spacing float64
	red     bool   // the draft notice
	el      *selem // the structure element it belongs to; nil: an artifact
}

// lineItem draws a line.
type lineItem struct {
	x1, y1, x2, y2, width float64
}

// fillItem fills a rectangle with a grey.
type fillItem struct {
	x, y, w, h float64
	grey       uint8
}

// linkItem makes a rectangle a link to an anchor. el is its Link
// element, contents its description (the annotation's /Contents).
type linkItem struct {
	x, y, w, h float64
	anchor     string
	el         *selem
	contents   string
}

// markItem is a heading's destination: its anchor and bookmark.
type markItem struct {
	y    float64
	mark *mark
}

func (textItem) isItem() {}
func (lineItem) isItem() {}
func (fillItem) isItem() {}
func (linkItem) isItem() {}
func (markItem) isItem() {}

// page is one laid-out page.
type page struct {
	landscape bool
	number    int // printed page number; 0 prints none
	items     []item
}

func (p *page) width() float64 {
	if p.landscape {
		return a4H
	}
	return a4W
}

func (p *page) height() float64 {
	if p.landscape {
		return a4W
	}
	return a4H
}

func (p *page) add(it item) { p.items = append(p.items, it) }

// mark is a heading that the 目录 and the bookmarks point at.
type mark struct {
	title  string
	level  int // 0 part, 1 section or table, 2 sub-section
	page   *page
	anchor string
	y      float64 // top of the heading on its page
}

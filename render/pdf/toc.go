package pdf

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// tocTitle is the title of the 目录's first page, drawn with
// tocTitleSpacing characters of space between its characters.
const (
	tocTitle        = "目录"
	tocTitleSpacing = 0.39
)

// tocPages lays out the 目录: every mark with a dot leader and the number of
// the page it is on, each entry a link to its heading.
func tocPages(marks []*mark, m *metrics) ([]*page, *selem) {
	f := &flow{m: m}
	f.newPage(false)
	f.cur.number = 0
	f.y += 8
	// The title is spaced out, as “目  录” was, but with letter spacing
	// rather than spaces, so that it reads as the word 目录: pdftotext
	// (poppler) joins letter-spaced characters into one word when they are
	// at most 0.4 of a character apart, so the space is a little less than
	// the two spaces' 0.45.
	sp := math.Min(m.width(stTOCTitle, "  "), tocTitleSpacing*stTOCTitle.size)
	w := m.width(stTOCTitle, tocTitle) + sp*float64(utf8.RuneCountInString(tocTitle)-1)
	h := f.open(headingRole(0))
	f.addText(textItem{x: (f.cur.width() - w) / 2, y: f.y + baseline(stTOCTitle), st: stTOCTitle, text: tocTitle, spacing: sp})
	f.close(h)
	f.y += lineHeight(stTOCTitle) + 6
	toc := f.open("TOC")
	for _, mk := range marks {
		st, indent := stTOCPart, 0.0
		if mk.level > 0 {
			st, indent = stTOCEntry, 2*stTOCEntry.size*float64(mk.level)
		}
		num := strconv.Itoa(mk.page.number)
		numW := m.width(st, num)
		dotW := m.width(st, ".")
		x := f.left() + indent
		avail := f.right() - x - numW - 6*dotW
		lines := m.lines(st, mk.title, avail)
		lh := st.size * 2
		if f.y+lh*float64(len(lines)) > f.bottom() {
			f.newPage(false)
			f.cur.number = 0
		}
		top := f.y
		item := f.open("TOCI")
		link := f.open("Link") // the entry's text and its link annotation
		for i, ln := range lines {
			f.text(x, st, ln)
			if i == len(lines)-1 {
				start := x + m.width(st, ln) + dotW
				end := f.right() - numW - dotW
				if n := int(math.Floor((end - start) / dotW)); n > 0 {
					f.artifact = true // the dot leader
					f.addText(textItem{x: end - float64(n)*dotW, y: f.y + baseline(st), st: st, text: strings.Repeat(".", n)})
					f.artifact = false
				}
				f.addText(textItem{x: f.right() - numW, y: f.y + baseline(st), st: st, text: num})
			}
			f.y += lh
		}
		f.close(link)
		f.close(item)
		f.cur.add(linkItem{x: x, y: top, w: f.right() - x, h: f.y - top, anchor: mk.anchor, el: link, contents: mk.title + " " + num})
	}
	for _, p := range f.pages {
		p.number = 0
	}
	f.close(toc)
	return f.pages, f.tree
}

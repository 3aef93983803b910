package xlsx

import (
	"math"

	"github.com/budgetpub/budgetpub/render"
)

// Printed pages of a table keep a row that heads others (a 类 or 款, a
// unit) with its first child: Excel and LibreOffice break pages where the
// rows run out, which can leave a 类 row alone at a page's foot. So the
// sheet carries manual page breaks, placed where the printed page would
// end, each moved up before a heading row left last. The page is known:
// A4 in the sheet's orientation, its margins, fit to one page wide (so
// the scale is the page's width over the columns'), the title rows
// repeated on every page (unless the table prints its header once), every
// row at the height the sheet gives it.
// A page is taken as 95 % of its height, so that the breaks come before
// the application's own and it never breaks a page itself.

// Printable area of A4, in points, within the margins of printSetup.
const (
	a4WidthIn, a4HeightIn = 8.27, 11.69
	pageFill              = 0.95 // of a page's height the breaks use
)

// printableSize is the printable width and height, in points, of a page of
// the orientation.
func printableSize(landscape bool) (w, h float64) {
	pw, ph := a4WidthIn, a4HeightIn
	if landscape {
		pw, ph = ph, pw
	}
	return (pw - 2*marginSide) * 72, (ph - marginTop - marginFoot) * 72
}

// columnPoints is a column's printed width in points: Excel draws a
// column of width w (in characters of the default font) w×7+5 pixels wide
// at 96 pixels an inch.
func columnPoints(w float64) float64 { return (w*7 + 5) * 0.75 }

// printScale is the scale fit-to-one-page-wide prints at: the page's width
// over the columns', in whole percent, never above 100 %.
func printScale(widths []float64, landscape bool) float64 {
	total := 0.0
	for _, w := range widths {
		total += columnPoints(w)
	}
	pw, _ := printableSize(landscape)
	if total <= pw {
		return 1
	}
	return math.Floor(pw/total*100) / 100
}

// pageBreaks are the body rows (0-based indexes into t.Rows) that start a
// printed page, given the heights of the rows above the body (printed on
// the first page, and repeated on every page unless the table prints its
// header once) and of the body rows.
func pageBreaks(t *render.Table, scale float64, landscape bool, top, body []float64) []int {
	_, ph := printableSize(landscape)
	avail := ph * pageFill / scale
	titles := 0.0
	for _, h := range top {
		titles += h
	}
	repeated := titles
	if t.HeaderOnce {
		repeated = 0
	}
	heads := t.Heads // a filler row heads none
	var breaks []int
	used, start := titles, 0
	for i := 0; i < len(body); {
		if used+body[i] <= avail || i == start {
			used += body[i]
			i++
			continue
		}
		k := i
		for k-1 > start && heads(k-1) {
			k--
		}
		if heads(k - 1) {
			k = i // the page would hold nothing but heading rows: break where it runs out
		}
		breaks = append(breaks, k)
		used, start, i = repeated, k, k
	}
	return breaks
}

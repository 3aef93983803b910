package html

import (
	"math"
	"strconv"
	"strings"

	"github.com/budgetpub/budgetpub/render"
)

// chartView is a pie chart as inline SVG: its slices' paths, a text
// alternative with every figure (the SVG's <desc>), and the data table
// that is also its legend. A chart with nothing to draw as a pie is its
// sentence.
type chartView struct {
	ID       string
	Title    string
	Desc     string
	Sentence string
	Slices   []slicePath
	Total    string
}

// slicePath is one slice: its path in the SVG, its colour, and its row
// of the data table.
type slicePath struct {
	D, Fill              string
	Label, Amount, Share string
}

// palette is render/pdf's: muted tones whose lightness alternates, so
// neighbouring slices stay apart in grey-scale too.
var palette = []string{"#1b2f55", "#e0a040", "#a8403a", "#eedebe", "#30582c", "#a8cbe8", "#7e6a9a", "#6e9e8e"}

// Pie geometry, in the SVG's user units.
const (
	pieC = 110.0 // centre, both ways
	pieR = 100.0
)

func chart(c *render.Chart, g *ids) *chartView {
	v := &chartView{ID: g.next("chart-"), Title: c.Title, Sentence: c.Sentence, Total: render.FormatAmount(c.Total)}
	if c.Sentence != "" && len(c.Slices) < 2 {
		v.Desc = c.Sentence
		return v
	}
	total := 0.0
	for _, s := range c.Slices {
		total += math.Abs(s.Amount.InexactFloat64())
	}
	var desc []string
	start := 0.0
	for i, s := range c.Slices {
		sp := slicePath{Fill: palette[i%len(palette)], Label: s.Label, Amount: render.FormatAmount(s.Amount), Share: s.Share.StringFixed(2) + "%"}
		frac := 0.0
		if total > 0 {
			frac = math.Abs(s.Amount.InexactFloat64()) / total
		}
		sp.D = arc(start, start+frac)
		start += frac
		v.Slices = append(v.Slices, sp)
		desc = append(desc, sp.Label+" "+sp.Amount+"，占"+sp.Share)
	}
	v.Desc = c.Title + "（饼图）：" + strings.Join(desc, "；") + "；合计 " + v.Total + "。"
	return v
}

// arc is the path of the slice from fraction a to b of the circle,
// clockwise from the top; a slice of the whole circle is two halves.
func arc(a, b float64) string {
	if b-a >= 0.9999 {
		return arc(0, 0.5) + " " + arc(0.5, 1)
	}
	pt := func(f float64) string {
		ang := 2*math.Pi*f - math.Pi/2
		return num(pieC+pieR*math.Cos(ang)) + " " + num(pieC+pieR*math.Sin(ang))
	}
	large := "0"
	if b-a > 0.5 {
		large = "1"
	}
	r := num(pieR)
	return "M" + num(pieC) + " " + num(pieC) + " L" + pt(a) + " A" + r + " " + r + " 0 " + large + " 1 " + pt(b) + " Z"
}

// num prints a coordinate with two decimals, never -0.00.
func num(f float64) string {
	s := strconv.FormatFloat(f, 'f', 2, 64)
	if s == "-0.00" {
		return "0.00"
	}
	return s
}

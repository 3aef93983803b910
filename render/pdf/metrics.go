package pdf

import (
	"github.com/budgetpub/budgetpub/fonts"
	"github.com/signintech/gopdf"
)

// style is a font role at a size.
type style struct {
	role fonts.Role
	size float64
}

// metrics measures text in the document's fonts. Each rune is measured once
// per family (at 1000 pt, scaled linearly: kerning is off), so measuring a
// line costs one map look-up per character.
type metrics struct {
	gp     *gopdf.GoPdf
	fs     *fonts.Set
	widths map[string]map[rune]float64 // family → rune → width at 1000 pt
	inRole map[roleRune]float64        // role → rune → width at 1000 pt, in the face that draws it
	err    error                       // the first character no font draws
}

type roleRune struct {
	role fonts.Role
	r    rune
}

func newMetrics(gp *gopdf.GoPdf, fs *fonts.Set) *metrics {
	return &metrics{gp: gp, fs: fs, widths: map[string]map[rune]float64{}, inRole: map[roleRune]float64{}}
}

// width is the advance width of s in style st: one map look-up per
// character once the character has been seen.
func (m *metrics) width(st style, s string) float64 {
	w := 0.0
	for _, c := range s {
		k := roleRune{st.role, c}
		cw, ok := m.inRole[k]
		if !ok {
			fam, found := m.fs.FamilyOf(st.role, c)
			if !found {
				if m.err == nil {
					m.err = &fonts.MissingError{Rune: c, Text: s}
				}
				return 0
			}
			cw = m.runeWidth(fam, c)
			m.inRole[k] = cw
		}
		w += cw
	}
	return w * st.size / 1000
}

func (m *metrics) runeWidth(family string, r rune) float64 {
	fw := m.widths[family]
	if fw == nil {
		fw = map[rune]float64{}
		m.widths[family] = fw
	}
	if w, ok := fw[r]; ok {
		return w
	}
	_ = m.gp.SetFont(family, "", 1000)
	w, err := m.gp.MeasureTextWidth(string(r))
	if err != nil {
		w = 0
	}
	fw[r] = w
	return w
}

// measure returns a Measure for the line breaker in style st.
func (m *metrics) measure(st style) Measure {
	return func(s string) float64 { return m.width(st, s) }
}

// lines breaks text into lines no wider than w in style st.
func (m *metrics) lines(st style, text string, w float64) []string {
	return BreakLines(text, w, m.measure(st))
}

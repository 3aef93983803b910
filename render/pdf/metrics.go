package pdf

import (
	"math"
	"sync"

	"github.com/budgetpub/budgetpub/fonts"
	"github.com/signintech/gopdf"
)

// style is a font role at a size.
type style struct {
	role fonts.Role
	size float64
}

// metrics measures text in the document's fonts. Each rune is measured once
// per process and role (at 1000 pt, scaled linearly: kerning is off), in
// the face of the set that draws it, and kept in a table every document of
// the process shares, so measuring a line costs an array read per
// character.
type metrics struct {
	gp       *gopdf.GoPdf
	fs       *fonts.Set
	tables   map[fonts.Role]*widthTable // by role, in the face that draws each character
	families map[string]*widthTable     // by family
	err      error                      // the first character no font draws
}

// widthTable are the advance widths at 1000 pt of the characters of one
// role of a font set, in the face that draws each (or of one family), as
// math.Float64bits. Documents rendered at once fill and read it; a width is
// the same whoever measures it.
type widthTable struct{ fonts.RuneTable }

func (t *widthTable) get(r rune) (float64, bool) {
	v, ok := t.Load(r)
	return math.Float64frombits(v), ok
}

func (t *widthTable) set(r rune, w float64) { t.Store(r, math.Float64bits(w)) }

type widthKey struct {
	set    *fonts.Set
	role   fonts.Role // or
	family string
}

var sharedWidths sync.Map // widthKey → *widthTable

func newMetrics(gp *gopdf.GoPdf, fs *fonts.Set) *metrics {
	m := &metrics{gp: gp, fs: fs, tables: map[fonts.Role]*widthTable{}, families: map[string]*widthTable{}}
	for _, role := range fonts.Roles {
		t, _ := sharedWidths.LoadOrStore(widthKey{set: fs, role: role}, &widthTable{})
		m.tables[role] = t.(*widthTable)
	}
	for _, fam := range fs.Families() {
		t, _ := sharedWidths.LoadOrStore(widthKey{set: fs, family: fam}, &widthTable{})
		m.families[fam] = t.(*widthTable)
	}
	return m
}

// width is the advance width of s in style st: an array read per
// character once the process has seen the character in that role.
func (m *metrics) width(st style, s string) float64 {
	t := m.tables[st.role]
	w := 0.0
	for _, c := range s {
		cw, ok := t.get(c)
		if !ok {
			fam, found := m.fs.FamilyOf(st.role, c)
			if !found {
				if m.err == nil {
					m.err = &fonts.MissingError{Rune: c, Text: s}
				}
				return 0
			}
			cw = m.runeWidth(fam, c)
			t.set(c, cw)
		}
		w += cw
	}
	return w * st.size / 1000
}

// runeWidth is the width of a character in a family at 1000 pt, measured
// the first time the process meets it.
func (m *metrics) runeWidth(family string, r rune) float64 {
	t := m.families[family]
	if w, ok := t.get(r); ok {
		return w
	}
	w := measureRune(m.fs, family, r)
	t.set(r, w)
	return w
}

// A measurer is a gopdf document of its own with a font set's families,
// kept for measuring: measuring in gopdf adds the character to the font's
// subset, and a document's subsets must hold what it draws and nothing
// else, whatever the process rendered before (the same input gives the
// same bytes, alone or in a batch).
type measurer struct {
	mu sync.Mutex
	gp *gopdf.GoPdf
}

var measurers sync.Map // *fonts.Set → *measurer

// measureRune measures a character in a family of the set, at 1000 pt.
func measureRune(fs *fonts.Set, family string, r rune) float64 {
	v, ok := measurers.Load(fs)
	if !ok {
		gp := &gopdf.GoPdf{}
		gp.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4, Unit: gopdf.UnitPT})
		for _, fam := range fs.Families() {
			_ = gp.AddTTFFontFromFontContainer(fam, fs.Container)
		}
		v, _ = measurers.LoadOrStore(fs, &measurer{gp: gp})
	}
	ms := v.(*measurer)
	ms.mu.Lock()
	defer ms.mu.Unlock()
	if err := ms.gp.SetFont(family, "", 1000); err != nil {
		return 0
	}
	w, err := ms.gp.MeasureTextWidth(string(r))
	if err != nil {
		return 0
	}
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

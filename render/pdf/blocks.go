package pdf

import (
	"github.com/budgetpub/budgetpub/fonts"
	"github.com/budgetpub/budgetpub/render"
)

// Styles of a section's blocks and of a sub-section's heading.
var (
	stSubsection = style{fonts.Heading, 13}
	stSubheading = style{fonts.Heading, 12.5}
)

// sectionLevel is the level of a section's mark: 2 for a sub-section,
// listed under the section before it; 1 otherwise.
func sectionLevel(s *render.Section) int {
	if s.Level == 2 {
		return 2
	}
	return 1
}

// headingStyle is the style of a section's heading.
func headingStyle(s *render.Section) style {
	if s.Level == 2 {
		return stSubsection
	}
	return stSection
}

// blocks places a section's blocks in order.
func (f *flow) blocks(bs []render.Block) {
	for _, b := range bs {
		switch b.Kind {
		case render.BlockParagraph:
			f.paragraph(stBody, b.Text, true)
		case render.BlockSubheading:
			f.subheading(b.Text)
		case render.BlockNote:
			f.paragraph(stBody, b.Text, false)
		case render.BlockChart:
			if b.Chart != nil {
				f.chart(b.Chart)
			}
		case render.BlockForm:
			if b.Form != nil {
				f.form(b.Form)
			}
		}
	}
}

// subheading places a heading inside a section, with some space above it,
// on the same page as the two lines of text after it.
func (f *flow) subheading(text string) {
	const space = 6.0
	lh := lineHeight(stSubheading)
	lines := f.m.lines(stSubheading, text, f.textWidth())
	f.room(space + float64(len(lines))*lh + 2*lineHeight(stBody))
	if f.y > marginTop {
		f.y += space
	}
	h := f.open(headingRole(f.level + 1))
	for _, ln := range lines {
		f.text(f.left(), stSubheading, ln)
		f.y += lh
	}
	f.close(h)
}

package publish

import (
	"fmt"

	"github.com/budgetpub/budgetpub/fonts"
	"github.com/budgetpub/budgetpub/input"
)

// missingGlyphs finds every character of the input's text that no font of
// the set draws, at its place in the file, before anything is laid out.
func missingGlyphs(doc *input.Document, fs *fonts.Set) input.Errors {
	var errs input.Errors
	input.WalkTexts(doc, func(t input.Text) {
		for _, r := range fs.Missing(t.Value) {
			errs = append(errs, &input.Error{File: doc.File, Pos: t.Pos,
				Msg: fmt.Sprintf("字符 “%c”（U+%04X）在所有字体中都没有字形，无法印出：请改写，或用 --font-body 等选项换用包含该字的字体", r, r)})
		}
	})
	return errs
}

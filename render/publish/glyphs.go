package publish

import (
	"fmt"
	"reflect"

	"github.com/budgetpub/budgetpub/fonts"
	"github.com/budgetpub/budgetpub/input"
)

// missingGlyphs finds every character of the input's text that no font of
// the set draws, at its place in the file, before anything is laid out.
func missingGlyphs(doc *input.Document, fs *fonts.Set) input.Errors {
	var errs input.Errors
	walkTexts(reflect.ValueOf(doc).Elem(), func(t input.Text) {
		for _, r := range fs.Missing(t.Value) {
			errs = append(errs, &input.Error{File: doc.File, Pos: t.Pos,
				Msg: fmt.Sprintf("字符 “%c”（U+%04X）在所有字体中都没有字形，无法印出：请改写，或用 --font-body 等选项换用包含该字的字体", r, r)})
		}
	})
	return errs
}

// walkTexts calls fn on every Text value inside v.
func walkTexts(v reflect.Value, fn func(input.Text)) {
	switch v.Kind() {
	case reflect.Struct:
		if t, ok := v.Interface().(input.Text); ok {
			fn(t)
			return
		}
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				walkTexts(v.Field(i), fn)
			}
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			walkTexts(v.Index(i), fn)
		}
	case reflect.Pointer:
		if !v.IsNil() {
			walkTexts(v.Elem(), fn)
		}
	}
}

package input

import "reflect"

// WalkTexts calls fn on every Text of the document, in field order.
func WalkTexts(doc *Document, fn func(Text)) {
	walk(reflect.ValueOf(doc).Elem(), func(v reflect.Value) bool {
		if t, ok := v.Interface().(Text); ok {
			fn(t)
			return true
		}
		return false
	})
}

// WalkAmounts calls fn on every Amount of the document, those of BySource
// values included, in field order.
func WalkAmounts(doc *Document, fn func(Amount)) {
	walk(reflect.ValueOf(doc).Elem(), func(v reflect.Value) bool {
		if a, ok := v.Interface().(Amount); ok {
			fn(a)
			return true
		}
		return false
	})
}

// ShiftLines moves every position of the document down by n lines: for a
// caller that put n lines above the text it was decoded from (import's
// to-do list).
func ShiftLines(doc *Document, n int) {
	walk(reflect.ValueOf(doc).Elem(), func(v reflect.Value) bool {
		if v.Type() != posType {
			return false
		}
		if line := v.Field(0).Int(); line > 0 && v.CanSet() {
			v.Field(0).SetInt(line + int64(n))
		}
		return true
	})
	for k, p := range doc.Keys {
		if p.Line > 0 {
			p.Line += n
			doc.Keys[k] = p
		}
	}
}

// walk visits every exported value inside v; leaf tells it to stop at a
// value it has handled.
func walk(v reflect.Value, leaf func(reflect.Value) bool) {
	switch v.Kind() {
	case reflect.Struct:
		if leaf(v) {
			return
		}
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				walk(v.Field(i), leaf)
			}
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			walk(v.Index(i), leaf)
		}
	case reflect.Pointer:
		if !v.IsNil() {
			walk(v.Elem(), leaf)
		}
	}
}

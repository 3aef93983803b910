package input

import (
	"reflect"
	"slices"
	"strings"
)

// Some keys of the master input are used by some layouts only — the kinds
// of income of Shanghai's 收入预算总表, its purposes per subject, its
// project texts …: their fields are tagged only:"layout". One schema holds
// them all; a layout that has no use for one ignores it. Format writes such
// a key when the document gives it and, unset, only when the caller asks
// for it (FormatOptions.LayoutKeys: the keys the file's layout uses, which
// its profile declares), so that the file of a layout that has no use for
// them does not show them.

// LayoutKeys are the paths, as the schema spells them
// (expenditures[].income_kind, subject_purposes), of the keys only some
// layouts use, in schema order.
func LayoutKeys() []string {
	g := &schemaGen{}
	g.object(reflect.TypeOf(Document{}), "")
	return g.layoutKeys
}

// onlyLayout tells a field of a key only some layouts use.
func onlyLayout(f reflect.StructField) bool { return f.Tag.Get("only") == "layout" }

// schemaPath is a concrete path (projects[2].description) as the schema
// spells it (projects[].description).
func schemaPath(path string) string { return indexRe.ReplaceAllString(path, "[]") }

// shownLayoutKeys are the keys only some layouts use that Format shows:
// those asked for — a key, or a block holding it — and those the document
// gives anywhere. A key only a 决算 uses (FinalOnlyKeys) is shown only when
// asked for by name: a 预算's layout asking for subject_purposes does not
// show a 决算's variance_reason.
func shownLayoutKeys(doc *Document, asked []string) map[string]bool {
	shown := map[string]bool{}
	for _, k := range LayoutKeys() {
		byName := slices.Contains(FinalOnlyKeys(), k)
		for _, a := range asked {
			if a == k || !byName && (strings.HasPrefix(k, a+".") || strings.HasPrefix(k, a+"[]")) {
				shown[k] = true
			}
		}
	}
	usedLayoutKeys(reflect.ValueOf(doc).Elem(), "", shown)
	return shown
}

// usedLayoutKeys adds to out the keys only some layouts use that v gives.
func usedLayoutKeys(v reflect.Value, path string, out map[string]bool) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			usedLayoutKeys(v.Elem(), path, out)
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			usedLayoutKeys(v.Index(i), path+"[]", out)
		}
	case reflect.Struct:
		if isLeafType(v.Type()) {
			return
		}
		for _, f := range keyFields(v) {
			p := join(path, f.key)
			if f.only && !unset(f.v) {
				out[p] = true
			}
			usedLayoutKeys(f.v, p, out)
		}
	}
}

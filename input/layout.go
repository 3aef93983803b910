package input

import (
	"slices"
	"strings"
	"sync"
)

// A document's layout — which publication it is made into (the 13 tables
// of 部门预算公开 as Shanxi prints them, another region's set, a 决算) —
// is named by `layout:`, absent meaning DefaultLayout. The layouts
// themselves (their tables, sentences, checks) are the model's profiles;
// this package knows only their names, registered by each profile, so that
// a document naming no known layout is refused at its line like any other
// mistake.

// DefaultLayout is the layout of a document that names none.
const DefaultLayout = "shanxi-13"

var (
	layoutsMu sync.RWMutex
	layouts   = map[string]string{} // id → the layout's name in Chinese
)

// RegisterLayout makes id a layout a document may name, described as
// name (部门预算公开表（13张）). A profile registers itself once.
func RegisterLayout(id, name string) {
	layoutsMu.Lock()
	defer layoutsMu.Unlock()
	layouts[id] = name
}

// Layouts are the layouts' ids: the default first, then the others
// registered, sorted.
func Layouts() []string {
	layoutsMu.RLock()
	defer layoutsMu.RUnlock()
	ids := []string{DefaultLayout}
	for id := range layouts {
		if id != DefaultLayout {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids[1:]) // the default first
	return ids
}

// KnownLayout tells whether id is a layout: the default, or one
// registered.
func KnownLayout(id string) bool {
	if id == DefaultLayout {
		return true
	}
	layoutsMu.RLock()
	defer layoutsMu.RUnlock()
	_, ok := layouts[id]
	return ok
}

// LayoutOf is the layout the document is made into: its own, else
// DefaultLayout.
func (d *Document) LayoutOf() string {
	if d.Layout.Value != "" {
		return d.Layout.Value
	}
	return DefaultLayout
}

// UnknownLayout says that id names no layout, and which there are: the
// words of every refusal of a layout (a file's layout:, a --layout).
func UnknownLayout(id string) string {
	return "没有名为“" + id + "”的版式：可用的有 " + strings.Join(Layouts(), "、")
}

package opendata

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestFactsDocumented: docs/facts.md lists every exported field of
// render.Facts once, in order, with the JSON key open data writes it
// under; a field added, renamed or removed without its line fails.
func TestFactsDocumented(t *testing.T) {
	doc, err := os.ReadFile("../../docs/facts.md")
	if err != nil {
		t.Fatal(err)
	}
	// The default layout's section: up to the next layout's.
	text, _, _ := strings.Cut(string(doc), "\n## 版式 ")
	rows := regexp.MustCompile("(?m)^\\| `([A-Za-z0-9]+)` \\| `([a-z0-9_]+)` \\|").FindAllStringSubmatch(text, -1)
	fields := factFields(defaultProfile().Wording.Data)
	if len(rows) != len(fields) {
		t.Errorf("docs/facts.md lists %d fields, render.Facts has %d", len(rows), len(fields))
	}
	for i := range min(len(rows), len(fields)) {
		if rows[i][1] != fields[i].name || rows[i][2] != fields[i].key {
			t.Errorf("row %d: docs say %s → %s, the field is %s → %s", i+1, rows[i][1], rows[i][2], fields[i].name, fields[i].key)
		}
	}
}

package final9

import (
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// docs/facts.md's final-9 section lists every field of Facts, in order,
// and each is described for open data (factAbout).
func TestFactsDocumented(t *testing.T) {
	doc, err := os.ReadFile("../../docs/facts.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(doc), "## 版式 final-9")
	if !ok {
		t.Fatal("docs/facts.md has no final-9 section")
	}
	section, _, _ = strings.Cut(section, "\n## ")
	var listed []string
	for _, m := range regexp.MustCompile("(?m)^\\| `([A-Za-z0-9]+)` \\|").FindAllStringSubmatch(section, -1) {
		listed = append(listed, m[1])
	}
	var fields []string
	ft := reflect.TypeOf(Facts{})
	for i := range ft.NumField() {
		fields = append(fields, ft.Field(i).Name)
		if factAbout[ft.Field(i).Name] == "" {
			t.Errorf("Facts.%s is not described (factAbout)", ft.Field(i).Name)
		}
	}
	if strings.Join(listed, " ") != strings.Join(fields, " ") {
		t.Errorf("docs/facts.md lists %v,\nFacts has %v", listed, fields)
	}
}

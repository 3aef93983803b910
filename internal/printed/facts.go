package printed

import (
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// FactsDocumented checks that the section of docs/facts.md headed by
// heading lists every field of a layout's facts type, in order, and that
// each is described for open data (about).
func FactsDocumented(t *testing.T, docs, heading string, facts reflect.Type, about map[string]string) {
	t.Helper()
	doc, err := os.ReadFile(docs)
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(doc), heading)
	if !ok {
		t.Fatalf("%s has no section %q", docs, heading)
	}
	section, _, _ = strings.Cut(section, "\n## ")
	var listed []string
	for _, m := range regexp.MustCompile("(?m)^\\| `([A-Za-z0-9]+)` \\|").FindAllStringSubmatch(section, -1) {
		listed = append(listed, m[1])
	}
	var fields []string
	for i := range facts.NumField() {
		fields = append(fields, facts.Field(i).Name)
		if about[facts.Field(i).Name] == "" {
			t.Errorf("%s.%s is not described", facts.Name(), facts.Field(i).Name)
		}
	}
	if strings.Join(listed, " ") != strings.Join(fields, " ") {
		t.Errorf("%s lists %v,\n%s has %v", docs, listed, facts.Name(), fields)
	}
}

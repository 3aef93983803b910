package publish

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A template folder is read once, at Load: a folder without part3.tmpl, a
// template that does not parse, and one that fails on the sample are all
// refused there, naming the file.
func TestLoadRefusesBrokenTemplates(t *testing.T) {
	write := func(src string) string {
		dir := t.TempDir()
		if src != "" {
			if err := os.WriteFile(filepath.Join(dir, "part3.tmpl"), []byte(src), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return dir
	}
	for name, src := range map[string]string{
		"no part3.tmpl":   "",
		"syntax":          `{{define "一"}}{{amount}{{end}}`,
		"missing field":   `{{define "一"}}{{.NoSuchFigure}}{{end}}`,
		"empty paragraph": `{{define "一"}}{{if false}}x{{end}}{{end}}`,
	} {
		_, err := Load(Config{Templates: write(src)})
		if err == nil || !strings.Contains(err.Error(), "part3.tmpl") {
			t.Errorf("%s: %v, want an error naming part3.tmpl", name, err)
		}
	}
	res, err := Load(Config{Templates: write(`{{define "九"}}本部门{{.Year}}年政府采购预算共计{{amount .Procurement}}。{{end}}`)})
	if err != nil {
		t.Fatal(err)
	}
	if res.Wording == nil {
		t.Fatal("no wording")
	}
}

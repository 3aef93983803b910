package html

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
)

// fixture is a publication of one layout.
type fixture struct {
	name string
	pub  *render.Publication
}

// fixtures are one publication of each registered layout: the sample
// (shanxi-13), Shanghai's department and unit, the 决算 and the 决算
// under the national set's titles.
func fixtures(t testing.TB) []fixture {
	t.Helper()
	testdata := func(parts ...string) string {
		return filepath.Join(append([]string{"..", "..", "layouts"}, parts...)...)
	}
	cases := []struct {
		name, file, layout string
	}{
		{"shanxi-13", "", ""},
		{"shanghai-9", testdata("shanghai9", "testdata", "datong-sh.yaml"), ""},
		{"shanghai-9-unit", testdata("shanghai9", "testdata", "unit-sh.yaml"), ""},
		{"final-9", testdata("final9", "testdata", "final.yaml"), ""},
		{"final-9-national", testdata("final9", "testdata", "final.yaml"), "final-9-national"},
	}
	var out []fixture
	for _, c := range cases {
		name, data := input.SampleName, input.Sample
		if c.file != "" {
			var err error
			if data, err = os.ReadFile(c.file); err != nil {
				t.Fatal(err)
			}
			name = c.file
		}
		doc, err := input.Decode(name, data, nil)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		pub, err := render.BuildWith(doc, render.Options{Layout: c.layout})
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if pub.Profile.ID != c.name {
			t.Fatalf("%s was built as %s", c.name, pub.Profile.ID)
		}
		out = append(out, fixture{c.name, pub})
	}
	return out
}

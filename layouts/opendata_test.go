package layouts_test

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
	"github.com/budgetpub/budgetpub/render/opendata"
	"github.com/budgetpub/budgetpub/render/publish"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// Every layout's open data validates against that layout's JSON Schema
// (its own facts, its tables), and its CSV's rows sum to the tables'
// totals (the writer refuses otherwise): here Shanghai's filled
// department and unit, whose tables are in 元 and whose facts hold a
// list of records, and the 决算, whose facts nest records.
func TestOpenDataOfEveryLayout(t *testing.T) {
	res, err := publish.Load(publish.Config{})
	if err != nil {
		t.Fatal(err)
	}
	docs := map[string][]byte{input.DefaultLayout: input.Sample}
	for layout, file := range map[string]string{"shanghai-9": "shanghai9/testdata/datong-sh.yaml",
		"shanghai-9-unit": "shanghai9/testdata/unit-sh.yaml", "final-9": "final9/testdata/final.yaml"} {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		docs[layout] = data
	}
	// Every registered layout has its document here: one added is tested.
	for _, p := range render.Profiles() {
		if _, ok := docs[p.ID]; !ok && p.ID != "final-9-national" && !strings.HasPrefix(p.ID, "tiny") && !strings.HasPrefix(p.ID, "test") {
			t.Errorf("layout %s has no document in this test", p.ID)
		}
	}
	for layout, data := range docs {
		r := publish.Department(res, layout+".yaml", data, publish.Options{OpenData: true, Force: true})
		if r.Err != nil {
			t.Fatalf("%s: %v", layout, r.Err)
		}
		p, _ := render.ProfileByID(layout)
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(opendata.SchemaFor(p)))
		if err != nil {
			t.Fatal(err)
		}
		c := jsonschema.NewCompiler()
		if err := c.AddResource("open-data.json", doc); err != nil {
			t.Fatal(err)
		}
		s, err := c.Compile("open-data.json")
		if err != nil {
			t.Fatalf("%s: the schema: %v", layout, err)
		}
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader(r.JSON))
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Validate(v); err != nil {
			t.Errorf("%s: the open data does not validate: %v", layout, err)
		}
		if len(r.CSV) == 0 {
			t.Errorf("%s: no CSV", layout)
		}
	}
}

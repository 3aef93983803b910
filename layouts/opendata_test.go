package layouts_test

import (
	"bytes"
	"os"
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
// department, whose tables are in 元 and whose facts hold a list of
// records.
func TestOpenDataOfEveryLayout(t *testing.T) {
	res, err := publish.Load(publish.Config{})
	if err != nil {
		t.Fatal(err)
	}
	docs := map[string][]byte{input.DefaultLayout: input.Sample}
	if sh, err := os.ReadFile("shanghai9/testdata/datong-sh.yaml"); err == nil {
		docs["shanghai-9"] = sh
	} else {
		t.Fatal(err)
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

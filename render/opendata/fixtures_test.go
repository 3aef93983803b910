package opendata

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"testing"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/input/synth"
	"github.com/budgetpub/budgetpub/render"
)

// fixture is a department decoded and built.
type fixture struct {
	name string
	doc  *input.Document
	pub  *render.Publication
}

// sampleInYuan is the sample with its amounts read as 元: every figure
// becomes a ten-thousandth, so exact amounts have up to six decimals and
// differ from the printed ones.
func sampleInYuan(t *testing.T) []byte {
	t.Helper()
	out := bytes.Replace(input.Sample, []byte("amount_unit: 万元"), []byte("amount_unit: 元"), 1)
	if bytes.Equal(out, input.Sample) {
		t.Fatal("the sample has no amount_unit: 万元 line to change")
	}
	return out
}

func load(t *testing.T, name string, data []byte) fixture {
	t.Helper()
	doc, err := input.Decode(name, data, nil)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	pub, err := render.Build(doc)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return fixture{name, doc, pub}
}

// fixtures are the sample, a generated department with every source and
// carry-over, and the sample in 元.
func fixtures(t *testing.T) []fixture {
	t.Helper()
	fs := []fixture{
		load(t, input.SampleName, input.Sample),
		load(t, "synth-3-all-sources.yaml", synth.Generate(synth.Options{Seed: 3, AllSources: true})),
		load(t, "sample-yuan.yaml", sampleInYuan(t)),
	}
	if fs[2].doc.AmountUnit != "元" {
		t.Fatalf("the sample in 元 was read in %s", fs[2].doc.AmountUnit)
	}
	return fs
}

// decodeJSON reads JSON with numbers kept as json.Number (never float64).
func decodeJSON(t *testing.T, data []byte) map[string]any {
	t.Helper()
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	var v map[string]any
	if err := d.Decode(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

// csvRows reads the CSV (after its BOM) as maps from column name to text.
func csvRows(t *testing.T, data []byte) (header []string, rows []map[string]string) {
	t.Helper()
	if !bytes.HasPrefix(data, []byte(BOM)) {
		t.Fatal("the CSV does not start with a UTF-8 byte-order mark")
	}
	recs, err := csv.NewReader(bytes.NewReader(data[len(BOM):])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) == 0 {
		t.Fatal("the CSV is empty")
	}
	header = recs[0]
	for _, r := range recs[1:] {
		m := map[string]string{}
		for i, h := range header {
			m[h] = r[i]
		}
		rows = append(rows, m)
	}
	return header, rows
}

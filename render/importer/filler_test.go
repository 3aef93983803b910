package importer

import (
	"bytes"
	"testing"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
	"github.com/budgetpub/budgetpub/render/xlsx"
)

// TestFillerRowsSkipped: a workbook whose tables are padded with filler
// rows (render.RowFiller: empty ruled rows before each table's last row,
// as Shanghai prints its fixed blocks) reads past them as blank rows: it
// imports to the same tables as the workbook without them.
func TestFillerRowsSkipped(t *testing.T) {
	want := render1(t, input.SampleName, input.Sample)
	padded := render1(t, input.SampleName, input.Sample).pub
	fillers := 0
	for _, tb := range padded.Tables {
		n := len(tb.Rows)
		tb.PadTo(tb.HeaderRows + n + 4)
		fillers += len(tb.Rows) - n
	}
	var b bytes.Buffer
	if err := xlsx.Write(&b, padded); err != nil {
		t.Fatal(err)
	}
	r := mustImport(t, "padded.xlsx", b.Bytes())
	pub, err := render.Build(r.Doc)
	if err != nil {
		t.Fatal(err)
	}
	if cells := sameTables(t, "padded", want.pub, pub); cells == 0 || fillers == 0 {
		t.Errorf("%d cells compared, %d filler rows written", cells, fillers)
	}
	for _, f := range render.Check(r.Doc, pub) {
		if f.Severity == render.SeverityError {
			t.Errorf("the imported file has %v", f)
		}
	}
}

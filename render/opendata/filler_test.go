package opendata

import (
	"bytes"
	"testing"

	"github.com/budgetpub/budgetpub/render"
)

// TestFillerRowsLeftOut: filler rows (render.RowFiller), the empty ruled
// rows a layout pads its printed tables with, are no data: the JSON and
// the CSV of a publication whose every table is padded are those of the
// publication without them, byte for byte.
func TestFillerRowsLeftOut(t *testing.T) {
	for _, f := range fixtures(t)[:2] {
		t.Run(f.name, func(t *testing.T) {
			plainJSON, err := JSON(f.pub, f.doc)
			if err != nil {
				t.Fatal(err)
			}
			plainCSV, err := CSV(f.doc, f.pub)
			if err != nil {
				t.Fatal(err)
			}
			fillers := 0
			for _, tb := range f.pub.Tables {
				n := len(tb.Rows)
				tb.PadTo(tb.HeaderRows + n + 3)
				fillers += len(tb.Rows) - n
			}
			if fillers == 0 {
				t.Fatal("no table was padded")
			}
			paddedJSON, err := JSON(f.pub, f.doc)
			if err != nil {
				t.Fatal(err)
			}
			paddedCSV, err := CSV(f.doc, f.pub)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(plainJSON, paddedJSON) {
				t.Errorf("the JSON changed with %d filler rows", fillers)
			}
			if !bytes.Equal(plainCSV, paddedCSV) {
				t.Errorf("the CSV changed with %d filler rows", fillers)
			}
			for _, tb := range f.pub.Tables {
				if tb.Rows[len(tb.Rows)-2].Kind != render.RowFiller {
					t.Errorf("%s: no filler row before its last row", tb.ID)
				}
			}
		})
	}
}

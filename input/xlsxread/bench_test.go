package xlsxread_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/budgetpub/budgetpub/input/synth"
	"github.com/budgetpub/budgetpub/input/xlsxread"
	"github.com/xuri/excelize/v2"
)

// BenchmarkGrid reads every sheet of a 2 000-project department's workbook
// as a Grid; BenchmarkExcelize as the importer read it before (GetRows and
// GetMergeCells).
func BenchmarkGrid(b *testing.B) {
	book := workbook(b, "big.yaml", synth.Generate(synth.Options{Seed: 42, Projects: 2000, Units: 5, AllSources: true}))
	b.SetBytes(int64(len(book)))
	b.ReportAllocs()
	for b.Loop() {
		bk, err := xlsxread.Open(context.Background(), book, xlsxread.Limits{})
		if err != nil {
			b.Fatal(err)
		}
		for _, s := range bk.Sheets() {
			if _, err := bk.Grid(s); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkExcelize(b *testing.B) {
	book := workbook(b, "big.yaml", synth.Generate(synth.Options{Seed: 42, Projects: 2000, Units: 5, AllSources: true}))
	b.SetBytes(int64(len(book)))
	b.ReportAllocs()
	for b.Loop() {
		f, err := excelize.OpenReader(bytes.NewReader(book))
		if err != nil {
			b.Fatal(err)
		}
		for _, s := range f.GetSheetList() {
			_, _ = f.GetRows(s, excelize.Options{RawCellValue: true})
			_, _ = f.GetMergeCells(s)
		}
		f.Close()
	}
}

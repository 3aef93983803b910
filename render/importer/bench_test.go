package importer

import (
	"testing"

	"github.com/budgetpub/budgetpub/input/synth"
)

// BenchmarkImport imports the workbook of a department of 2 000 projects
// (every source and carry-over), verification included.
func BenchmarkImport(b *testing.B) {
	d := render1(b, "big.yaml", synth.Generate(synth.Options{Seed: 42, Projects: 2000, Units: 5, AllSources: true}))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Import("big.xlsx", d.book, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

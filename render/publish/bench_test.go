package publish

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/budgetpub/budgetpub/fonts"
	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/input/synth"
	"github.com/budgetpub/budgetpub/render"
	"github.com/budgetpub/budgetpub/render/pdf"
	"github.com/budgetpub/budgetpub/render/xlsx"
)

// benchInputs are the sample and a generated department of 2 000 projects.
var benchInputs = []struct {
	name string
	data []byte
}{
	{"sample", input.Sample},
	{"projects-2000", synth.Generate(synth.Options{Seed: 42, Projects: 2000, Units: 5})},
}

func BenchmarkDecode(b *testing.B) {
	for _, in := range benchInputs {
		b.Run(in.name, func(b *testing.B) {
			b.SetBytes(int64(len(in.data)))
			for b.Loop() {
				if _, err := input.Decode(in.name, in.data, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func benchDoc(b *testing.B, data []byte) (*input.Document, *render.Publication) {
	doc, err := input.Decode("bench.yaml", data, nil)
	if err != nil {
		b.Fatal(err)
	}
	pub, err := render.Build(doc)
	if err != nil {
		b.Fatal(err)
	}
	return doc, pub
}

// BenchmarkModel builds the publication (tables, 第三部分) and runs the checks.
func BenchmarkModel(b *testing.B) {
	for _, in := range benchInputs {
		b.Run(in.name, func(b *testing.B) {
			doc, _ := benchDoc(b, in.data)
			for b.Loop() {
				pub, err := render.Build(doc)
				if err != nil {
					b.Fatal(err)
				}
				render.Check(doc, pub)
			}
		})
	}
}

func BenchmarkXLSX(b *testing.B) {
	for _, in := range benchInputs {
		b.Run(in.name, func(b *testing.B) {
			_, pub := benchDoc(b, in.data)
			for b.Loop() {
				var buf bytes.Buffer
				if err := xlsx.Write(&buf, pub); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkPDF(b *testing.B) {
	fs, err := fonts.Bundled()
	if err != nil {
		b.Fatal(err)
	}
	for _, in := range benchInputs {
		b.Run(in.name, func(b *testing.B) {
			_, pub := benchDoc(b, in.data)
			for b.Loop() {
				if _, err := pdf.Bytes(pub, fs); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkDepartment is one department end to end in memory, as batch does.
func BenchmarkDepartment(b *testing.B) {
	res, err := Load(Config{})
	if err != nil {
		b.Fatal(err)
	}
	for _, in := range benchInputs {
		b.Run(in.name, func(b *testing.B) {
			for b.Loop() {
				if r := Department(res, in.name, in.data, Options{}); r.Err != nil {
					b.Fatal(r.Err)
				}
			}
		})
	}
}

// BenchmarkFontsParse is the once-per-process cost of parsing the fonts.
func BenchmarkFontsParse(b *testing.B) {
	for b.Loop() {
		if _, err := fonts.Load(fonts.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBatch is a batch of 40 copies of the sample on two workers,
// files written (through the journalled pair writes), with the collector
// set as the batch command sets it; it reports departments per second.
func BenchmarkBatch(b *testing.B) {
	defer TuneForBatch()()
	res, err := Load(Config{})
	if err != nil {
		b.Fatal(err)
	}
	in := b.TempDir()
	var files []string
	for i := 0; i < 40; i++ {
		p := filepath.Join(in, fmt.Sprintf("d%03d.yaml", i))
		if err := os.WriteFile(p, input.Sample, 0o644); err != nil {
			b.Fatal(err)
		}
		files = append(files, p)
	}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		out := filepath.Join(b.TempDir(), fmt.Sprint(i))
		for _, r := range Batch(context.Background(), res, files, BatchOptions{Out: out, Jobs: 2}, nil) {
			if !r.Done {
				b.Fatal(r.Problem)
			}
		}
	}
	b.ReportMetric(float64(b.N*len(files))/b.Elapsed().Seconds(), "departments/s")
}

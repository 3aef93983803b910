package pdf

import (
	"bytes"
	"testing"

	"github.com/budgetpub/budgetpub/fonts"
	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/input/synth"
	"github.com/budgetpub/budgetpub/render"
)

// TestBytesIndependentOfWhatCameBefore: the widths every document of a
// process shares never change a document's bytes — a department rendered
// first, and again after others (whose characters are then known), is the
// same PDF, as a batch requires.
func TestBytesIndependentOfWhatCameBefore(t *testing.T) {
	fs, err := fonts.Load(fonts.Options{}) // a set of its own: nothing measured yet
	if err != nil {
		t.Fatal(err)
	}
	build := func(name string, data []byte) []byte {
		doc, err := input.Decode(name, data, nil)
		if err != nil {
			t.Fatal(err)
		}
		pub, err := render.Build(doc)
		if err != nil {
			t.Fatal(err)
		}
		b, err := Bytes(pub, fs)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	first := build("a.yaml", synth.Generate(synth.Options{Seed: 5}))
	build(input.SampleName, input.Sample)
	build("b.yaml", synth.Generate(synth.Options{Seed: 6}))
	if again := build("a.yaml", synth.Generate(synth.Options{Seed: 5})); !bytes.Equal(first, again) {
		t.Errorf("the same department gives %d bytes first and %d after others", len(first), len(again))
	}
}

// TestSharedWidthsAreTheFontsWidths: a width from the shared table is the
// width gopdf measures in that family.
func TestSharedWidthsAreTheFontsWidths(t *testing.T) {
	m := testMetrics(t)
	for _, c := range "预算公开表1,0.%（）Ａ" {
		fam, ok := m.fs.FamilyOf(fonts.Body, c)
		if !ok {
			t.Fatalf("no family draws %q", c)
		}
		want := measureRune(m.fs, fam, c)
		if got := m.width(style{fonts.Body, 1000}, string(c)); got != want {
			t.Errorf("%q: %v in the table, %v measured", c, got, want)
		}
		if got := m.runeWidth(fam, c); got != want {
			t.Errorf("%q in %s: %v in the table, %v measured", c, fam, got, want)
		}
	}
}

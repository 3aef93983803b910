package synth

import (
	"bytes"
	"testing"

	"github.com/budgetpub/budgetpub/input"
)

func TestGeneratedDepartmentsAreValidAndRepeatable(t *testing.T) {
	for seed := int64(1); seed <= 30; seed++ {
		data := Generate(Options{Seed: seed})
		doc, err := input.Decode("synth.yaml", data, nil)
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		if len(doc.Projects) < 20 || len(doc.Units) < 1 {
			t.Errorf("seed %d: %d projects, %d units", seed, len(doc.Projects), len(doc.Units))
		}
		if !bytes.Equal(data, Generate(Options{Seed: seed})) {
			t.Errorf("seed %d: not repeatable", seed)
		}
	}
	doc, err := input.Decode("big.yaml", Generate(Options{Seed: 7, Projects: 2000, Units: 5}), nil)
	if err != nil || len(doc.Projects) != 2000 || len(doc.Units) != 5 {
		t.Fatalf("2000 projects: %v", err)
	}
}

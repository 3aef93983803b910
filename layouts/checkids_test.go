package layouts_test

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/budgetpub/budgetpub/render"

	"github.com/budgetpub/budgetpub/input"
)

// TestCheckIDsDocumented: docs/checks.md's tables list exactly the declared
// ids (input's errors aside, which it explains in prose): a check added
// without its line there, or a line left for a check removed, fails.
func TestCheckIDsDocumented(t *testing.T) {
	doc, err := os.ReadFile("../docs/checks.md")
	if err != nil {
		t.Fatal(err)
	}
	var documented []string
	for _, m := range regexp.MustCompile(`(?m)^\| ([A-Za-z0-9-]+) \|`).FindAllStringSubmatch(string(doc), -1) {
		if m[1] != "编号" {
			documented = append(documented, m[1])
		}
	}
	var declared []string
	for _, id := range render.CheckIDs() {
		if id != render.InputError && id != tinyHeavy { // the test layout's own
			declared = append(declared, string(id))
		}
	}
	slices.Sort(documented)
	slices.Sort(declared)
	if !slices.Equal(documented, declared) {
		t.Errorf("docs/checks.md lists %v\n declared are %v", documented, declared)
	}
}

// TestFindingsDeclared: every finding of the sample, a skeleton and an
// all-zero budget, in every layout, has a declared id (a check giving an id
// of its own making fails here).
func TestFindingsDeclared(t *testing.T) {
	for name, data := range map[string][]byte{"sample": input.Sample, "skeleton": input.Skeleton(2025, "某局"),
		"zero": []byte(strings.ReplaceAll(string(input.Skeleton(2025, "某局")), "0.00", "0"))} {
		doc, err := input.Decode(name+".yaml", data, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range render.Profiles() {
			pub, err := render.BuildWith(doc, render.Options{Layout: p.ID})
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range render.Check(doc, pub) {
				if !f.ID.Declared() {
					t.Errorf("%s in %s: finding of an undeclared id: %v", name, p.ID, f)
				}
			}
		}
	}
}

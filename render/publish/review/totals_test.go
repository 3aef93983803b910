package review

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/budgetpub/budgetpub/render"
	"github.com/budgetpub/budgetpub/render/xlsx"
	"github.com/shopspring/decimal"
)

// TestTotalsRow: the totals row sums each figure of the departments whose
// figures were computed, leaves blank a figure one of them lacks, takes its
// percentages from the totals, counts every department's findings and
// states; the review read back has no totals row.
func TestTotalsRow(t *testing.T) {
	d := decimal.RequireFromString
	prior := func(s string) render.Prior { return render.Prior{Value: d(s), Set: true} }
	rows := []Row{
		{File: "a.yaml", Department: "甲", Year: 2025, Figures: true, Done: true, Total: d("1100.10"), GeneralPublic: d("300"), ThreePublic: d("2"), Travel: d("0.5"), Reception: d("1.5"),
			OperatingCosts: d("10"), Projects: 3, Warnings: 2, PriorTotal: prior("1000.05"), PriorGP: prior("200")},
		{File: "b.yaml", Department: "乙", Year: 2025, Figures: true, Done: true, Total: d("99.90"), GeneralPublic: d("100"), ThreePublic: d("1"), Reception: d("1"),
			Projects: 4, PriorTotal: prior("100"), PriorGP: prior("100")},
		{File: "c.yaml", Errors: 3}, // never computed
	}
	dir := t.TempDir()
	path, _, err := Write(dir, "summary.xlsx", entriesOf(rows), NewCoverage([]string{"a.yaml", "b.yaml", "c.yaml"}, 1, 1), nil, nil, Heading{})
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	deps, finds := layout()
	sheets, _, err := xlsx.ReadRecords(data, []xlsx.Records{deps, finds})
	if err != nil {
		t.Fatal(err)
	}
	all := sheets[0].Rows
	if len(all) != 4 {
		t.Fatalf("%d rows, want 3 departments and the totals", len(all))
	}
	tot := all[3]
	want := map[int]any{
		colFile: "合计", colName: "3 个部门（数字合计其中 2 个算出的）", colYear: 2025,
		colTotal: d("1200"), colTotalChange: d("99.95"), colTotalPercent: d("9.09"),
		colGP: d("400"), colGPChange: d("100"), colGPPercent: d("33.33"),
		colThreePublic: d("3"), colThreePublicChange: nil, colThreePublicPercent: nil, // no prior year: blank, not 0
		colTravel: d("0.5"), colReception: d("2.5"), colVehiclePurchase: d("0"),
		colProjects: 7, colWarnings: 2, colErrors: 3,
		colOutputs: "可公开 2 个，有错误 1 个",
	}
	for c, w := range want {
		got := tot[c]
		if wd, ok := w.(decimal.Decimal); ok {
			if gd, ok := got.(decimal.Decimal); !ok || !gd.Equal(wd) {
				t.Errorf("%s = %v, want %s", deps.Columns[c].Title, got, wd)
			}
		} else if got != w {
			t.Errorf("%s = %#v, want %#v", deps.Columns[c].Title, got, w)
		}
	}
	var reader xlsx.RecordReader
	part, err := readSummary(&reader, path)
	if err != nil {
		t.Fatal(err)
	}
	if len(part.departments) != 3 {
		t.Errorf("read back %d departments, want 3 (no totals row)", len(part.departments))
	}
	// A run updating the review keeps one totals row, at the end.
	if _, _, err := Write(dir, "summary.xlsx", entriesOf(rows[:1]), NewCoverage([]string{"a.yaml", "b.yaml", "c.yaml"}, 1, 1), nil, nil, Heading{}); err != nil {
		t.Fatal(err)
	}
	if part, err = readSummary(&reader, filepath.Join(dir, "summary.xlsx")); err != nil || len(part.departments) != 3 {
		t.Errorf("updated: %v, %d departments", err, len(part.departments))
	}
}

// TestReviewRowsOrdered: a whole review lists its departments by code, then
// name in natural order, whatever order the batch gave them in; a shard's
// keeps the list's order, by which the merge puts them back.
func TestReviewRowsOrdered(t *testing.T) {
	rows := []Row{{File: "x/第10局.yaml", Department: "第10局"}, {File: "y/b.yaml", Department: "乙", Code: "102"}, {File: "z/第2局.yaml", Department: "第2局"}, {File: "w/a.yaml", Department: "甲", Code: "101"}}
	files := []string{"x/第10局.yaml", "y/b.yaml", "z/第2局.yaml", "w/a.yaml"}
	sorted, cov := reviewOrder(entriesOf(rows), NewCoverage(files, 1, 1))
	var got []string
	for _, r := range sorted {
		got = append(got, r.Row.Name)
	}
	if want := "甲 乙 第2局 第10局"; join(got) != want {
		t.Errorf("order %s, want %s", join(got), want)
	}
	if cov.List != listFingerprint([]string{"w/a.yaml", "y/b.yaml", "z/第2局.yaml", "x/第10局.yaml"}) {
		t.Error("the whole review's coverage is not the list of its rows")
	}
	shard, _ := reviewOrder(entriesOf(rows), NewCoverage(files, 1, 2))
	if shard[0].Row.Name != "第10局" {
		t.Error("a shard's rows were reordered")
	}
}

func join(s []string) string {
	out := ""
	for i, x := range s {
		if i > 0 {
			out += " "
		}
		out += x
	}
	return out
}

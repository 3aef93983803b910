package main

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/budgetpub/budgetpub/input/synth"
	"github.com/budgetpub/budgetpub/render/opendata"
	"github.com/shopspring/decimal"
)

// TestSiteBatch: batch --site --open-data links exactly the files written,
// each link's target exists, the department not written is listed without
// a link, and the combined CSV's amounts sum, per table, source, year kind
// and basic or project, to the departments' CSVs'.
func TestSiteBatch(t *testing.T) {
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in"), filepath.Join(dir, "out")
	if err := os.MkdirAll(in, 0o755); err != nil {
		t.Fatal(err)
	}
	for i, name := range []string{"dept-1", "教育 局#2", "dept-3"} {
		if err := os.WriteFile(filepath.Join(in, name+".yaml"), synth.Generate(synth.Options{Seed: int64(i + 1)}), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(in, "坏的.yaml"), []byte("schema: 1\nyear: 2024\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runCmd("batch", in, "-o", out, "-j", "2", "--site", "--open-data", "--as-of", "2025-03-01")
	if code != exitRefused {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	page, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil {
		t.Fatal(err)
	}

	linked := map[string]bool{}
	for _, m := range regexp.MustCompile(`href="([^"]*)"`).FindAllStringSubmatch(string(page), -1) {
		if strings.HasPrefix(m[1], "https://") {
			continue
		}
		name, err := url.PathUnescape(strings.TrimPrefix(m[1], "./"))
		if err != nil || !strings.HasPrefix(m[1], "./") || strings.Contains(name, "/") {
			t.Errorf("link %s is not a relative, percent-encoded name of the folder", m[1])
			continue
		}
		if _, err := os.Stat(filepath.Join(out, name)); err != nil {
			t.Errorf("link %s: %v", m[1], err)
		}
		linked[name] = true
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		t.Fatal(err)
	}
	var want, got []string
	for _, e := range entries {
		if n := e.Name(); n != "index.html" && n != "summary.xlsx" && !e.IsDir() {
			want = append(want, n)
		}
	}
	for n := range linked {
		got = append(got, n)
	}
	sort.Strings(got)
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("linked %v\n   written %v", got, want)
	}
	if strings.Contains(string(page), "坏的.") || !strings.Contains(string(page), `<th scope="row">坏的</th><td><span class="status bad">有错误</span>`) {
		t.Error("the department not written is not listed, or linked")
	}
	for _, name := range []string{"合成市第1局", "合成市第2局", "合成市第3局"} {
		if !strings.Contains(string(page), `<th scope="row">`+name+`</th>`) {
			t.Errorf("%s not listed", name)
		}
	}

	// The page made again from the merged review is the same page: the
	// figures read back from the review, not left 0.00.
	if code, stdout, stderr := runCmd("batch", "--merge-summaries", out, "-o", out, "--site", "--open-data", "--as-of", "2025-03-01"); code != exitRefused {
		t.Fatalf("merge: exit %d\n%s%s", code, stdout, stderr)
	}
	if merged, err := os.ReadFile(filepath.Join(out, "index.html")); err != nil || !bytes.Equal(merged, page) {
		t.Errorf("the page of the merged review differs from the batch's (%v):\n%s", err, merged)
	}

	// The combined CSV sums to the departments'.
	combined := csvSums(t, filepath.Join(out, "all-departments.csv"))
	parts := map[string]decimal.Decimal{}
	for _, stem := range []string{"dept-1", "教育 局#2", "dept-3"} {
		for k, v := range csvSums(t, filepath.Join(out, stem+opendata.CSVExt)) {
			parts[k] = parts[k].Add(v)
		}
	}
	if len(combined) == 0 || len(combined) != len(parts) {
		t.Errorf("combined CSV has %d sums, the departments' %d", len(combined), len(parts))
	}
	for k, v := range parts {
		if !combined[k].Equal(v) {
			t.Errorf("%s: combined %s, departments %s", k, combined[k], v)
		}
	}
}

// csvSums are a CSV's amounts (元 and 万元) summed by table, source, year
// kind and basic or project.
func csvSums(t *testing.T, path string) map[string]decimal.Decimal {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte(opendata.BOM)))).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	sums := map[string]decimal.Decimal{}
	for _, r := range recs[1:] {
		key := fmt.Sprintf("%s/%s/%s/%s", r[col["table"]], r[col["source"]], r[col["year_kind"]], r[col["expenditure_kind"]])
		for _, c := range []string{"amount_yuan", "amount_wan_yuan"} {
			sums[key+"/"+c] = sums[key+"/"+c].Add(decimal.RequireFromString(r[col[c]]))
		}
	}
	return sums
}

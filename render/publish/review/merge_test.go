package review

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
	"github.com/budgetpub/budgetpub/render/publish/deptfiles"
	"github.com/budgetpub/budgetpub/render/xlsx"
	"github.com/shopspring/decimal"
)

// mergeRows are a batch's rows of every kind: done with findings, refused
// with input errors, an internal fault, one with no prior year.
func mergeRows(n int) ([]string, []Row) {
	var files []string
	var rows []Row
	for i := 0; i < n; i++ {
		f := filepath.Join("各部门", fmt.Sprintf("部门%02d.yaml", i))
		d := decimal.New(int64(510342+i*101), -2)
		diff := decimal.New(int64(-i), -2)
		r := Row{File: f, Department: fmt.Sprintf("部门%02d", i), Year: 2025, Figures: true, Total: d, GeneralPublic: d, Basic: d.Div(decimal.NewFromInt(3)).Round(2), Project: decimal.New(int64(i), 0),
			ThreePublic: decimal.New(1991, -2), PriorThreePublic: render.Prior{Value: decimal.New(int64(1991+i), -2), Set: true}, Projects: i, GoalForms: i / 2, Outputs: deptfiles.Stem(f) + ".xlsx、" + deptfiles.Stem(f) + ".pdf", Done: true}
		switch i % 4 {
		case 1:
			r.Findings = []render.Finding{
				{ID: "T6-T5-basic", Severity: render.SeverityWarning, Message: "表6合计应等于表5基本支出", Left: &render.Figure{Name: "表6 合计", Value: d}, Right: &render.Figure{Name: "表5 基本支出", Value: decimal.New(1, 0)}, Diff: &diff, File: f, Line: 12, Column: 3},
				{ID: "text-halfwidth", Severity: render.SeverityWarning, Message: "半角逗号", File: f, Line: 40, Column: 9},
			}
			r.Warnings = 2
		case 2:
			r.Done, r.Outputs, r.Problem = false, "", "输入有 1 处错误"
			r.InputErrors = input.Errors{{File: f, Pos: input.Pos{Line: 3, Col: 1}, Msg: "未知的键 bogus"}, {File: f, Msg: "没有位置的错误"}}
			r.Errors = 2
		case 3:
			r.Done, r.Fault, r.Outputs, r.Problem, r.PriorThreePublic = false, true, "", "内部错误", render.Prior{}
		}
		files, rows = append(files, f), append(rows, r)
	}
	return files, rows
}

// writeShards writes the summaries of shards 1 … n of the rows into dir.
func writeShards(t testing.TB, dir string, files []string, rows []Row, n int) []string {
	t.Helper()
	var paths []string
	for i := 1; i <= n; i++ {
		var part []Row
		for k, r := range rows {
			if k%n == i-1 {
				part = append(part, r)
			}
		}
		data, err := summaryOf(part, NewCoverage(files, i, n))
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, SummaryName(files, i, n))
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	return paths
}

// TestMergeIsTheWholeBatch: the merged summaries of a list's shards, in any
// number of shards (more than files too) and given in any order, are byte
// for byte the summary of the whole list rendered at once — every
// department once, in the list's order, with its findings and errors.
func TestMergeIsTheWholeBatch(t *testing.T) {
	files, rows := mergeRows(9)
	whole, err := summaryOf(rows, NewCoverage(files, 1, 1))
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{1, 2, 3, 4, 9, 12} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			dir := t.TempDir()
			paths := writeShards(t, dir, files, rows, n)
			for i, j := 0, len(paths)-1; i < j; i, j = i+1, j-1 { // backwards
				paths[i], paths[j] = paths[j], paths[i]
			}
			m, err := MergeSummaries(paths)
			if err != nil {
				t.Fatal(err)
			}
			if m.Lists != 1 || len(m.Files) != len(files) || m.Done != 5 || m.Faults != 2 {
				t.Errorf("merged %d lists, %d files, %d done, %d faults", m.Lists, len(m.Files), m.Done, m.Faults)
			}
			got, err := m.book(nil, Heading{})
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, whole) {
				t.Error("the merged summary is not the whole batch's")
			}
			found, err := FindSummaries([]string{dir})
			if err != nil || len(found) != n {
				t.Errorf("FindSummaries(%s) = %v, %v", dir, found, err)
			}
		})
	}
}

// TestMergeTwoLists: the summaries of two lists (two counties' batches)
// merge into one review, in the review's order, as one batch of both
// lists would have written it.
func TestMergeTwoLists(t *testing.T) {
	filesA, rowsA := mergeRows(5)
	filesB, rowsB := mergeRows(3)
	for i := range rowsB {
		filesB[i] = strings.Replace(filesB[i], "各部门", "另一县", 1)
		rowsB[i].File = filesB[i]
	}
	dir := t.TempDir()
	a := writeShards(t, dir, filesA, rowsA, 2)
	sub := filepath.Join(dir, "b")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	b := writeShards(t, sub, filesB, rowsB, 1)
	m, err := MergeSummaries(append(b, a...))
	if err != nil {
		t.Fatal(err)
	}
	want, err := summaryOf(append(rowsB, rowsA...), NewCoverage(append(filesB, filesA...), 1, 1))
	if err != nil {
		t.Fatal(err)
	}
	got, _ := m.book(nil, Heading{})
	if m.Lists != 2 || !bytes.Equal(got, want) {
		t.Errorf("%d lists; the merge is not the review of both lists", m.Lists)
	}
}

// TestMergeRefuses: what would make the review wrong is refused, with the
// file named and what to do: a shard missing or given twice, shards of
// different n, a summary of rows taken out or edited, a workbook that is
// not a summary.
func TestMergeRefuses(t *testing.T) {
	files, rows := mergeRows(7)
	cases := []struct {
		name string
		make func(t *testing.T, dir string) []string
		msg  string
	}{
		{"a shard missing", func(t *testing.T, dir string) []string {
			p := writeShards(t, dir, files, rows, 3)
			return []string{p[0], p[2]}
		}, "缺少清单"},
		{"a shard twice", func(t *testing.T, dir string) []string {
			p := writeShards(t, dir, files, rows, 2)
			cp := filepath.Join(dir, "copy.xlsx")
			data, _ := os.ReadFile(p[1])
			_ = os.WriteFile(cp, data, 0o644)
			return append(p, cp)
		}, "都是清单"},
		{"shards of two n", func(t *testing.T, dir string) []string {
			two := writeShards(t, dir, files, rows, 2)
			sub := filepath.Join(dir, "3")
			_ = os.Mkdir(sub, 0o755)
			three := writeShards(t, sub, files, rows, 3)
			return []string{two[0], three[1], three[2], two[1], three[0]}
		}, "同一清单的不同分法"},
		{"a department taken out", func(t *testing.T, dir string) []string {
			p := writeShards(t, dir, files, rows, 2)
			rewrite(t, p[0], func(s []xlsx.Records) { s[0].Rows = s[0].Rows[1:] })
			return p
		}, "汇总 有 3 个部门"},
		{"a file renamed", func(t *testing.T, dir string) []string {
			p := writeShards(t, dir, files, rows, 2)
			rewrite(t, p[1], func(s []xlsx.Records) {
				s[0].Rows[0][colFile] = "别的.yaml"
				for _, r := range s[1].Rows {
					if r[findingFileColumn] == files[1] {
						r[findingFileColumn] = "别的.yaml"
					}
				}
			})
			return p
		}, "与清单"},
		{"a finding of no department", func(t *testing.T, dir string) []string {
			p := writeShards(t, dir, files, rows, 2)
			rewrite(t, p[0], func(s []xlsx.Records) { s[1].Rows[0][findingFileColumn] = "别的.yaml" })
			return p
		}, "不在 汇总 中"},
		{"no coverage", func(t *testing.T, dir string) []string {
			p := filepath.Join(dir, "summary.xlsx")
			var buf bytes.Buffer
			d, f := layout()
			if err := xlsx.WriteRecords(&buf, xlsx.BookProps{Title: summaryTitle}, []xlsx.Records{d, f}); err != nil {
				t.Fatal(err)
			}
			_ = os.WriteFile(p, buf.Bytes(), 0o644)
			return []string{p}
		}, "没有它覆盖的输入文件清单"},
		{"not a summary", func(t *testing.T, dir string) []string {
			p := filepath.Join(dir, "dept.xlsx")
			var buf bytes.Buffer
			_ = xlsx.WriteRecords(&buf, xlsx.BookProps{}, []xlsx.Records{{Name: "表1", Columns: []xlsx.RecordColumn{{Title: "项目"}}}})
			_ = os.WriteFile(p, buf.Bytes(), 0o644)
			return []string{p}
		}, "没有工作表“汇总”"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			paths := c.make(t, dir)
			_, err := MergeSummaries(paths)
			if err == nil || !strings.Contains(err.Error(), c.msg) {
				t.Fatalf("error %v, want one saying %q", err, c.msg)
			}
			if !strings.Contains(err.Error(), dir) {
				t.Errorf("%v does not name the file", err)
			}
		})
	}
}

// rewrite reads a summary, changes its sheets and writes it back with its
// coverage, as an edit in Excel would.
func rewrite(t *testing.T, path string, change func([]xlsx.Records)) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d, f := layout()
	sheets, props, err := xlsx.ReadRecords(data, []xlsx.Records{d, f})
	if err != nil {
		t.Fatal(err)
	}
	change(sheets)
	var buf bytes.Buffer
	if err := xlsx.WriteRecords(&buf, props, sheets); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestCoverage: a shard's size and its description read back.
func TestCoverage(t *testing.T) {
	files := []string{"a", "b", "c", "d", "e"}
	total := 0
	for i := 1; i <= 3; i++ {
		c := NewCoverage(files, i, 3)
		if c.Size() != shardSize(len(files), i, 3) {
			t.Errorf("shard %d/3: size %d, Shard gives %d", i, c.Size(), shardSize(len(files), i, 3))
		}
		total += c.Size()
		back, ok := parseCoverage(c.String())
		if !ok || back != c {
			t.Errorf("%q read back as %+v", c.String(), back)
		}
	}
	if total != len(files) {
		t.Errorf("the shards hold %d files of %d", total, len(files))
	}
	if c := NewCoverage(files, 7, 9); c.Size() != 0 {
		t.Errorf("shard 7/9 of 5 files has %d", c.Size())
	}
	if NewCoverage([]string{`a\b`}, 1, 1).List == NewCoverage([]string{"a/b"}, 1, 1).List {
		// On Windows filepath.ToSlash makes them one list; elsewhere a
		// backslash is a file name's own character.
		if filepath.Separator != '\\' {
			t.Error(`a\b and a/b are one list on a system where \ is no separator`)
		}
	}
	for _, bad := range []string{"", "budgetpub 批量汇总：输入文件清单 0123456789abcdef（3 个文件）的第 4/3 份", "budgetpub 批量汇总：输入文件清单 xyz（3 个文件）的第 1/3 份"} {
		if _, ok := parseCoverage(bad); ok {
			t.Errorf("%q read as a coverage", bad)
		}
	}
}

// BenchmarkMerge merges the 4 shards' summaries of a batch of 1 000
// departments with 54 findings each (the sample's count): a province's
// review.
func BenchmarkMerge(b *testing.B) {
	files, rows := mergeRows(1000)
	for i := range rows {
		rows[i].Done, rows[i].Fault, rows[i].InputErrors = true, false, nil
		f := rows[i].Findings
		if len(f) == 0 {
			_, r := mergeRows(2)
			f = r[1].Findings
		}
		for len(rows[i].Findings) < 54 {
			rows[i].Findings = append(rows[i].Findings, f...)
		}
	}
	dir := b.TempDir()
	paths := writeShards(b, dir, files, rows, 4)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m, err := MergeSummaries(paths)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := m.book(nil, Heading{}); err != nil {
			b.Fatal(err)
		}
	}
}

// shardSize is how many files shard i of n of a list of files has: every
// n-th from the i-th (publish.Shard).
func shardSize(files, i, n int) int {
	size := 0
	for k := 0; k < files; k++ {
		if k%n == i-1 {
			size++
		}
	}
	return size
}

// TestCoverageIsData: a summary's coverage is read back from its custom
// properties, whatever its description says; a summary of an earlier
// version, without them, from its description; properties that are not a
// coverage are refused, never guessed at.
func TestCoverageIsData(t *testing.T) {
	c := NewCoverage([]string{"a", "b", "c"}, 2, 3)
	if back, ok := coverageOf(xlsx.BookProps{Description: "（已改写）", Custom: c.props()}); !ok || back != c {
		t.Errorf("custom properties read back as %+v, %v", back, ok)
	}
	if back, ok := coverageOf(xlsx.BookProps{Description: c.String()}); !ok || back != c {
		t.Errorf("an earlier version's description read back as %+v, %v", back, ok)
	}
	for _, bad := range []map[string]string{
		{propList: "xyz", propFiles: "3", propShard: "1", propShards: "3"},
		{propList: c.List, propFiles: "3", propShard: "4", propShards: "3"},
		{propList: c.List, propFiles: "-3", propShard: "1", propShards: "3"},
		{propList: c.List, propFiles: "3", propShard: "1"},
	} {
		if back, ok := coverageOf(xlsx.BookProps{Description: c.String(), Custom: bad}); ok {
			t.Errorf("%v read as %+v", bad, back)
		}
	}
}

// TestMergeReadsEarlierSummaries: shards' summaries written by the version
// before the coverage was data (its description only) still merge, into
// the whole batch's review.
func TestMergeReadsEarlierSummaries(t *testing.T) {
	files, rows := mergeRows(7)
	whole, err := summaryOf(rows, NewCoverage(files, 1, 1))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	paths := writeShards(t, dir, files, rows, 3)
	for _, p := range paths[1:] {
		data, _ := os.ReadFile(p)
		d, f := layout()
		sheets, props, err := xlsx.ReadRecords(data, []xlsx.Records{d, f})
		if err != nil {
			t.Fatal(err)
		}
		props.Custom = nil
		sheets[0].Rows = sheets[0].Rows[:len(sheets[0].Rows)-1] // the totals row, written again as the footer
		sheets[0].Footer = nil
		var buf bytes.Buffer
		if err := xlsx.WriteRecords(&buf, props, sheets); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	m, err := MergeSummaries(paths)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := m.book(nil, Heading{}); !bytes.Equal(got, whole) {
		t.Error("the merge of earlier summaries is not the whole batch's")
	}
}

package review

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render/opendata"
	"github.com/budgetpub/budgetpub/render/publish/deptfiles"
	"github.com/budgetpub/budgetpub/render/publish/pairwrite"
	"github.com/budgetpub/budgetpub/render/xlsx"
)

// maxSummarySize is the largest summary workbook merged: a batch of ten
// thousand departments with a hundred findings each is about 40 MB.
const maxSummarySize = 256 << 20

// Merged is one review made of the summaries of a list's shards (or of
// several lists): the sheets 汇总 and 核对结果 with every department once, in
// its list's order, as a batch of the whole list would have written them.
type Merged struct {
	Departments []Department // 汇总's rows
	Findings    [][]any      // 核对结果's rows
	Coverage    Coverage     // the whole of the merged list
	Files       []string     // the departments' input files, in order
	Folders     []string     // the folder of the summary each came from
	Done        int          // departments whose files were written
	Faults      int          // departments not done for an internal fault
	Unreached   int          // departments an interrupted shard never started
	Lists       int          // the lists merged
	from        map[string]string
}

// summaryPart is one summary read: its file, what it covers, its sheets.
type summaryPart struct {
	path        string
	cov         Coverage
	departments []Department
	findings    [][]any
	// older: the summary was of an older layout, read by its columns'
	// titles (olderLayout).
	older bool
}

// FindSummaries lists the summaries to merge among args: a file named is
// taken as it is; in a folder named, the shards' summaries
// (summary-2-of-4.xlsx …) when it has any — so the summary.xlsx a merge
// wrote beside them is never read again as a shard, and a merge can be
// run twice —, else each .xlsx whose name begins with "summary" (a whole
// batch's) but those kept aside (summary-上次.xlsx …), not looking into
// subfolders. The order is the arguments',
// then the names'.
func FindSummaries(args []string) ([]string, error) {
	var out []string
	seen := map[string]bool{}
	for _, a := range args {
		fi, err := os.Stat(a)
		if err != nil {
			return nil, fmt.Errorf("%s: 找不到这个文件或目录", a)
		}
		if !fi.IsDir() {
			if p := filepath.Clean(a); !seen[p] {
				seen[p] = true
				out = append(out, p)
			}
			continue
		}
		entries, err := os.ReadDir(a)
		if err != nil {
			return nil, fmt.Errorf("%s: 无法读取目录：%v", a, err)
		}
		var found []string
		for _, e := range entries {
			name := strings.ToLower(e.Name())
			if e.Type().IsRegular() && strings.HasPrefix(name, "summary") && strings.HasSuffix(name, ".xlsx") && !asideSummary(name) {
				found = append(found, filepath.Join(a, e.Name()))
			}
		}
		var shards []string
		for _, p := range found {
			if shardSummaryRe.MatchString(strings.ToLower(filepath.Base(p))) {
				shards = append(shards, p)
			}
		}
		if len(shards) > 0 {
			found = shards
		}
		sort.Strings(found)
		if len(found) == 0 {
			return nil, fmt.Errorf("%s: 目录中没有汇总表（summary*.xlsx）", a)
		}
		for _, p := range found {
			if !seen[p] {
				seen[p] = true
				out = append(out, p)
			}
		}
	}
	return out, nil
}

// shardSummaryRe is the name of a shard's summary (SummaryName).
var shardSummaryRe = regexp.MustCompile(`^summary.*-[0-9]+-of-[0-9]+\.xlsx$`)

// MergeSummaries reads the summaries and merges them into one review. The
// summaries of one list must be its shards 1 … n, each once (a shard's
// summary says which it is); each shard's departments go back to their
// place in the list, and the list's fingerprint is checked against the
// files merged, so a summary edited or cut short is found, not merged.
// Summaries of different lists (two counties' batches) are put one list
// after the other. The errors are Chinese and name the file.
func MergeSummaries(paths []string) (*Merged, error) {
	if len(paths) == 0 {
		return nil, fmt.Errorf("没有要合并的汇总表")
	}
	var parts []summaryPart
	var reader xlsx.RecordReader // one budget of text for all the summaries
	for _, p := range paths {
		part, err := readSummary(&reader, p)
		if err != nil {
			return nil, err
		}
		parts = append(parts, part)
	}
	// The lists, in the order they first come.
	var lists []string
	byList := map[string][]summaryPart{}
	for _, p := range parts {
		if _, ok := byList[p.cov.List]; !ok {
			lists = append(lists, p.cov.List)
		}
		byList[p.cov.List] = append(byList[p.cov.List], p)
	}
	// Each department once: a department in several lists (re-run in
	// another folder) is the later run's (season.later).
	s := newSeason()
	for _, l := range lists {
		files, froms, deps, finds, err := mergeList(byList[l])
		if err != nil {
			return nil, err
		}
		byFile := map[string][][]any{}
		for _, r := range finds {
			f, _ := r[findingFileColumn].(string)
			byFile[f] = append(byFile[f], r)
		}
		for k, f := range files {
			if err := s.later(f, deps[k], byFile[f], froms[k]); err != nil {
				return nil, err
			}
		}
	}
	m := &Merged{Lists: len(lists)}
	m.setSeason(s)
	return m, nil
}

// setSeason makes the review s the merged one: its sheets, files, the
// folders of the summaries they came from, counts and coverage.
func (m *Merged) setSeason(s *season) {
	s.sortReview()
	m.Departments, m.Findings = s.sheets()
	m.Files, m.Folders, m.from = s.files, make([]string, len(s.files)), s.from
	for i, f := range s.files {
		m.Folders[i] = filepath.Dir(s.from[f])
	}
	m.Done, m.Faults, m.Unreached = 0, 0, 0
	for i := range m.Departments {
		switch s := m.Departments[i].Status; {
		case Done(s):
			m.Done++
		case s == StatusFault:
			m.Faults++
		case s == StatusUnreached:
			m.Unreached++
		}
	}
	m.Coverage = NewCoverage(m.Files, 1, 1)
}

// book is the merged review's workbook, with the extra sheets (名单).
func (m *Merged) book(extra []xlsx.Records, h Heading) ([]byte, error) {
	_, findings := layout()
	findings.Rows = m.Findings
	return writeBook(m.Departments, findings, extra, m.Coverage, h)
}

// readSummary reads one summary and what it covers.
func readSummary(reader *xlsx.RecordReader, path string) (summaryPart, error) {
	data, err := input.ReadRegular(path, maxSummarySize)
	if errors.Is(err, fs.ErrNotExist) {
		return summaryPart{}, fmt.Errorf("%s: 找不到这个文件", path)
	}
	if err != nil {
		return summaryPart{}, fmt.Errorf("%s: 无法读取：%v", path, firstErr(err))
	}
	departments, findings := layout()
	want := []xlsx.Records{departments, findings}
	sheets, props, err := readGuarded(reader, data, want, false)
	older := false
	if he := (*xlsx.HeaderError)(nil); errors.As(err, &he) {
		sheets, props, err = readGuarded(reader, data, want, true)
		if err == nil {
			sheets, older = olderLayout(sheets), true
		}
	}
	if err != nil {
		return summaryPart{}, fmt.Errorf("%s: 不能合并：%v；请给出 budgetpub batch 写的汇总表，不要改动它", path, err)
	}
	cov, ok := coverageOf(props)
	if !ok {
		return summaryPart{}, fmt.Errorf("%s: 文档属性中没有它覆盖的输入文件清单，不是 budgetpub batch 写的汇总表：请给出 batch 写的 summary.xlsx（或 summary-i-of-n.xlsx）", path)
	}
	rows := dropTotals(sheets[0].Rows)
	part := summaryPart{path: path, cov: cov, departments: make([]Department, len(rows)), findings: sheets[1].Rows, older: older}
	for i, r := range rows {
		part.departments[i] = departmentOf(r)
	}
	if got, want := len(part.departments), cov.Size(); got != want {
		return summaryPart{}, fmt.Errorf("%s: 汇总 有 %d 个部门，%s应有 %d 个：文件可能被改动过，请用 batch 重新生成", path, got, cov.Part(), want)
	}
	for i, r := range part.departments {
		if r.File == "" {
			return summaryPart{}, fmt.Errorf("%s: 汇总 第 %d 行没有输入文件：文件可能被改动过，请用 batch 重新生成", path, i+2)
		}
	}
	return part, nil
}

// readGuarded reads a workbook, a panic of the library on a damaged file
// (none found by FuzzReadRecords, but the file is the user's) becoming an
// error.
func readGuarded(reader *xlsx.RecordReader, data []byte, want []xlsx.Records, titled bool) (sheets []xlsx.Records, props xlsx.BookProps, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("文件已损坏（%v）", p)
		}
	}()
	if titled {
		return reader.ReadTitled(data, want)
	}
	return reader.Read(data, want)
}

// firstErr is the innermost error of a file operation (its text without
// the path, which the message names already).
func firstErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// mergeList merges the summaries of one list: shards 1 … n, each once. It
// returns the list's files, the summary each came from, and the rows of its departments and findings in
// the list's order.
func mergeList(parts []summaryPart) (files, froms []string, departments []Department, findings [][]any, err error) {
	first := parts[0]
	n := first.cov.Shards
	byShard := make([]*summaryPart, n+1)
	for i := range parts {
		p := &parts[i]
		if p.cov.Shards != n || p.cov.Files != first.cov.Files {
			return nil, nil, nil, nil, fmt.Errorf("%s 与 %s 是同一清单的不同分法（%s，%s）：请用同一个 n 分片后再合并", first.path, p.path, first.cov.Part(), p.cov.Part())
		}
		if prev := byShard[p.cov.Shard]; prev != nil {
			return nil, nil, nil, nil, fmt.Errorf("%s 与 %s 都是%s：请只给出其中一份", prev.path, p.path, p.cov.Part())
		}
		byShard[p.cov.Shard] = p
	}
	var missing []string
	for i := 1; i <= n; i++ {
		if byShard[i] == nil {
			missing = append(missing, fmt.Sprintf("%d/%d", i, n))
		}
	}
	if len(missing) > 0 {
		return nil, nil, nil, nil, fmt.Errorf("缺少清单 %s（%d 个文件，%s 等的清单）的第 %s 份：请等这些分片完成（budgetpub batch … --shard %s），把它们的汇总表一并给出",
			first.cov.List, first.cov.Files, first.path, strings.Join(missing, "、"), missing[0])
	}
	total := first.cov.Files
	files, froms = make([]string, total), make([]string, total)
	departments = make([]Department, total)
	perDept := make([][][]any, total) // the findings of the department at each place
	for i := 1; i <= n; i++ {
		p := byShard[i]
		place := map[string]int{}
		for k, r := range p.departments {
			at := k*n + i - 1
			f := r.File
			files[at], froms[at], departments[at] = f, p.path, r
			place[f] = at
		}
		for k, r := range p.findings {
			f, _ := r[findingFileColumn].(string)
			at, ok := place[f]
			if !ok {
				return nil, nil, nil, nil, fmt.Errorf("%s: 核对结果 第 %d 行的输入文件“%s”不在 汇总 中：文件可能被改动过，请用 batch 重新生成", p.path, k+2, f)
			}
			perDept[at] = append(perDept[at], r)
		}
	}
	if listFingerprint(files) != first.cov.List {
		return nil, nil, nil, nil, fmt.Errorf("%s 等：汇总中的输入文件与清单 %s（%d 个文件）不符：文件可能被改动过，请用 batch 重新生成", first.path, first.cov.List, first.cov.Files)
	}
	for _, rs := range perDept {
		findings = append(findings, rs...)
	}
	return files, froms, departments, findings, nil
}

// WriteMerged writes the merged review into dir, as name (SummaryName of
// its files), and with openData the data package of the merged
// departments' CSV files beside it (mergedDataPackage); both or neither,
// dir made when it is missing, nothing made when either cannot be. It
// returns the paths written and, when a review in dir could not be
// updated and was kept aside, a note saying so. A review of this layout
// already in dir is updated: the merged departments' rows are the later
// of its and theirs (season.later), its other rows are kept, and m
// becomes the review written.
// With a roster (ro not nil) the review has the sheet 名单 (rosterSheet).
func WriteMerged(dir, name string, m *Merged, openData bool, ro *Roster, h Heading) (paths []string, note string, err error) {
	path := filepath.Join(dir, name)
	sw := prepareSeason(dir, path, nil)
	if sw.old != nil {
		s := seasonOf(sw.old.departments, sw.old.findings, path)
		finds := seasonOf(nil, m.Findings, "")
		for i, f := range m.Files {
			if err := s.later(f, m.Departments[i], finds.finds[f], m.from[f]); err != nil {
				return nil, "", err
			}
		}
		m.setSeason(s)
	}
	var extra []xlsx.Records
	if ro != nil {
		extra = append(extra, rosterSheet(ro, m.Departments))
	}
	data, err := m.book(extra, h)
	if err != nil {
		return nil, "", err
	}
	files := []pairwrite.File{{Path: path, Data: data}}
	if openData {
		pkg, err := mergedDataPackage(dir, m)
		if err != nil {
			return nil, "", err
		}
		files = append(files, pairwrite.File{Path: filepath.Join(dir, opendata.PackageFile), Data: pkg})
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, "", fmt.Errorf("%s: 无法创建输出目录：%s", dir, pairwrite.OSCause(err))
	}
	if err := sw.commit(dir, files); err != nil {
		return nil, "", err
	}
	paths = make([]string, len(files))
	for i, f := range files {
		paths[i] = f.Path
	}
	return paths, sw.note, nil
}

// MaxCSVSize is the largest department CSV a merged data package reads.
const MaxCSVSize = 64 << 20

// mergedDataPackage is dir's datapackage.json for the CSV files of the
// merged departments done, each found beside its shard's summary (run with
// --open-data), which must lie in dir or below it: the package names its
// files relative to itself.
func mergedDataPackage(dir string, m *Merged) ([]byte, error) {
	var resources []opendata.Resource
	for i := range m.Departments {
		r := &m.Departments[i]
		if !Done(r.Status) {
			continue
		}
		csvPath := filepath.Join(m.Folders[i], filepath.FromSlash(cmp.Or(deptfiles.Find(r.Outputs, deptfiles.CSV), deptfiles.CSV.Name(deptfiles.Stem(m.Files[i])))))
		rel, err := filepath.Rel(dir, csvPath)
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return nil, fmt.Errorf("%s 不在输出目录 %s 之中：datapackage.json 只能列出它所在目录里的文件，请把各分片的输出放在 %s（或其子目录）中再合并", csvPath, dir, dir)
		}
		data, err := input.ReadRegular(csvPath, MaxCSVSize)
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%s: 找不到 %s 的开放数据文件：请在各分片的 batch 中加上 --open-data", csvPath, m.Files[i])
		}
		if err != nil {
			return nil, fmt.Errorf("%s: 无法读取：%v", csvPath, firstErr(err))
		}
		resources = append(resources, opendata.ResourceOf(filepath.ToSlash(rel), r.Name, r.Year.V, data))
	}
	if len(resources) == 0 {
		return nil, fmt.Errorf("没有已完成的部门，不写 %s", opendata.PackageFile)
	}
	data, err := opendata.DataPackage(resources)
	if err != nil {
		return nil, fmt.Errorf("无法生成 %s：%w", opendata.PackageFile, err)
	}
	return data, nil
}

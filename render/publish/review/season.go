package review

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/budgetpub/budgetpub/render/publish/pairwrite"
	"github.com/budgetpub/budgetpub/render/xlsx"
)

// A season's review: the summary a batch writes into a folder that holds
// one already is that review updated, not replaced. The rows are keyed by
// the input file's path as recorded; a run replaces the rows (and the
// findings) of the departments it processed, keeps every other row, and
// keeps the reviewer's cells — 审核状态 and 审核意见 — of every row.

// ReviewPassed is the 审核状态 a reviewer writes for a department passed,
// and ReviewChanged what it becomes when the department's input changed
// since: the department must be reviewed again.
const (
	ReviewPassed  = "通过"
	ReviewChanged = "通过（输入已变，需重新审核）"
)

// season is a review being made: its departments' rows in order, and each
// one's findings, keyed by the input file.
type season struct {
	files []string
	rows  map[string]*Department
	finds map[string][][]any
	from  map[string]string // the summary each row came from, for messages
}

func newSeason() *season {
	return &season{rows: map[string]*Department{}, finds: map[string][][]any{}, from: map[string]string{}}
}

// seasonOf is the review of one summary's sheets.
func seasonOf(departments []Department, findings [][]any, from string) *season {
	s := newSeason()
	for _, r := range departments {
		s.put(r.File, r, nil, from)
	}
	for _, r := range findings {
		f, _ := r[findingFileColumn].(string)
		s.finds[f] = append(s.finds[f], r)
	}
	return s
}

// put sets the department's row and findings, at its place, or after the
// others when it is new.
func (s *season) put(file string, row Department, finds [][]any, from string) {
	if _, ok := s.rows[file]; !ok {
		s.files = append(s.files, file)
	}
	s.rows[file], s.finds[file], s.from[file] = &row, finds, from
}

// sortReview puts the departments in the review's order (Compare):
// a whole review's.
func (s *season) sortReview() {
	slices.SortStableFunc(s.files, func(a, b string) int {
		ra, rb := s.rows[a], s.rows[b]
		return Compare(ra.Code, ra.Name, a, rb.Code, rb.Name, b)
	})
}

// sheets are the review's rows of 汇总 and of 核对结果, in its order.
func (s *season) sheets() (departments []Department, findings [][]any) {
	departments = make([]Department, 0, len(s.files))
	for _, f := range s.files {
		departments = append(departments, *s.rows[f])
		findings = append(findings, s.finds[f]...)
	}
	return departments, findings
}

// carryReview gives row (a department's new row, of a later run) the
// reviewer's cells of old (its row before) when row has none of its own.
// A department marked 通过 whose input has changed since becomes
// ReviewChanged: it must be reviewed again.
func carryReview(old, row *Department) {
	if row.ReviewState != "" || row.ReviewNote != "" {
		return
	}
	row.ReviewState, row.ReviewNote = old.ReviewState, old.ReviewNote
	if strings.TrimSpace(row.ReviewState) == ReviewPassed && old.Fingerprint != row.Fingerprint {
		row.ReviewState = ReviewChanged
	}
}

// later merges a department's row of another summary into the review: the
// row of more runs is the later (a tie of one input is the same run's
// result, and row wins); a tie of different inputs cannot be ordered and
// is refused. The reviewer's cells are carried over (carryReview).
func (s *season) later(file string, row Department, finds [][]any, from string) error {
	old, ok := s.rows[file]
	if !ok {
		s.put(file, row, finds, from)
		return nil
	}
	oldRuns, runs := old.Runs.V, row.Runs.V
	switch {
	case runs < oldRuns:
		carryReview(&row, old)
		return nil
	case runs == oldRuns && old.Fingerprint != row.Fingerprint:
		return fmt.Errorf("%s 与 %s 都记有 %s 的第 %d 次运行，但输入指纹不同（%s、%s），无法判断哪次较新：请在较新的那份所在目录中重新运行这个部门（budgetpub batch %s -o 该目录），再合并",
			s.from[file], from, file, runs, old.Fingerprint, row.Fingerprint, file)
	}
	carryReview(old, &row)
	s.put(file, row, finds, from)
	return nil
}

// existingReview reads the review at path, to be updated: nil when there
// is none; an error (why it cannot be read as this layout) when it is not
// one this version writes, or was edited beyond the reviewer's columns.
func existingReview(path string) (*summaryPart, error) {
	if fi, err := os.Lstat(path); errors.Is(err, fs.ErrNotExist) || err == nil && !fi.Mode().IsRegular() {
		return nil, nil // none; a folder of its name is refused when written
	}
	var reader xlsx.RecordReader
	part, err := readSummary(&reader, path)
	if err != nil {
		return nil, err
	}
	if part.cov.Whole() {
		files := make([]string, len(part.departments))
		for i, r := range part.departments {
			files[i] = r.File
		}
		if listFingerprint(files) != part.cov.List {
			return nil, fmt.Errorf("%s: 汇总中的输入文件与它记录的清单 %s 不符：行被增删或改动过", path, part.cov.List)
		}
	}
	return &part, nil
}

// asideName is where a review that cannot be updated is kept: name with
// "-上次" (or "-上次-2" …) before its extension, a name not taken in dir.
func asideName(dir, name string) string {
	ext := filepath.Ext(name)
	stem := strings.TrimSuffix(name, ext)
	for i := 1; ; i++ {
		n := stem + "-上次" + ext
		if i > 1 {
			n = fmt.Sprintf("%s-上次-%d%s", stem, i, ext)
		}
		if _, err := os.Lstat(filepath.Join(dir, n)); errors.Is(err, fs.ErrNotExist) {
			return n
		}
	}
}

// asideSummary tells a review kept aside (asideName) by its name: never
// read as a summary to merge.
func asideSummary(name string) bool {
	stem := strings.TrimSuffix(name, filepath.Ext(name))
	if i := strings.LastIndex(stem, "-上次"); i >= 0 {
		rest := stem[i+len("-上次"):]
		return rest == "" || (rest[0] == '-' && strings.Trim(rest[1:], "0123456789") == "")
	}
	return false
}

// seasonWrite is a review's bytes and what happened to the review it
// found: note says so (in Chinese) when it was kept aside, as aside.
type seasonWrite struct {
	old   *summaryPart
	aside string // the name the old review is renamed to, "" for none
	note  string
}

// prepareSeason reads the review at path, to be updated with a run of
// coverage cov (nil: a merge, whose coverage follows the review): a review
// of another shard or list of a sharded run, or one that cannot be read,
// is to be kept aside.
func prepareSeason(dir, path string, cov *Coverage) seasonWrite {
	old, err := existingReview(path)
	if err == nil && old != nil && cov != nil && !cov.Whole() && old.cov != *cov {
		err = fmt.Errorf("它是%s，本次是%s", old.cov.Part(), cov.Part())
	}
	if err == nil && old != nil && cov != nil && cov.Whole() && !old.cov.Whole() {
		err = fmt.Errorf("它是%s，不是整个清单的汇总", old.cov.Part())
	}
	if err != nil {
		aside := asideName(dir, filepath.Base(path))
		return seasonWrite{aside: aside, note: fmt.Sprintf("已有的汇总表 %s 不能在本次更新（%v）：已改名为 %s 保留，审核意见请从中抄回", path, err, filepath.Join(dir, aside))}
	}
	if old != nil && old.older {
		aside := asideName(dir, filepath.Base(path))
		return seasonWrite{old: old, aside: aside, note: fmt.Sprintf("已有的汇总表 %s 是旧版的格式（或加了列）：已按列名转为新格式更新，审核状态和审核意见保留，另加的列写入审核意见；原表已改名为 %s 保留", path, filepath.Join(dir, aside))}
	}
	return seasonWrite{old: old}
}

// commit writes the review: the old one renamed aside first when it must
// be kept, and renamed back when the new one cannot be written.
func (sw seasonWrite) commit(dir string, files []pairwrite.File) error {
	path := files[0].Path
	if sw.aside != "" {
		if err := os.Rename(path, filepath.Join(dir, sw.aside)); err != nil {
			return fmt.Errorf("%s: 无法改名为 %s 保留：%s", path, sw.aside, pairwrite.OSCause(err))
		}
	}
	if err := pairwrite.Write(dir, files); err != nil {
		if sw.aside != "" {
			_ = os.Rename(filepath.Join(dir, sw.aside), path)
		}
		return err
	}
	return nil
}

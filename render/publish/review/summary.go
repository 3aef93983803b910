package review

import (
	"bytes"
	"fmt"
	"github.com/budgetpub/budgetpub/render"
	"path/filepath"
	"slices"
	"time"

	"github.com/budgetpub/budgetpub/render/publish/deptfiles"
	"github.com/budgetpub/budgetpub/render/publish/pairwrite"
	"github.com/budgetpub/budgetpub/render/site"
	"github.com/budgetpub/budgetpub/render/xlsx"
)

// The review's sheets: 汇总, one row per department with the figures a
// reviewer compares (Department), and 核对结果, one row per finding and
// input error of every department — numbers as numeric cells, the header
// frozen and filtered. Column 1 of 汇总 and column 2 of 核对结果 name the
// input file. The last columns of 汇总 are the department's code (matched
// against a roster) and the season's (season.go): the input's
// fingerprint, the runs that processed the department, and the reviewer's
// 审核状态 and 审核意见, which budgetpub never writes but keeps.

// findingColumns are 核对结果's columns.
func findingColumns() []xlsx.RecordColumn {
	text, num, amount := xlsx.RecordText, xlsx.RecordInt, xlsx.RecordAmount
	return []xlsx.RecordColumn{
		{Title: "部门名称", Kind: text, Width: 28}, {Title: "输入文件", Kind: text, Width: 28},
		{Title: "行", Kind: num}, {Title: "列", Kind: num}, {Title: "编号", Kind: text, Width: 16}, {Title: "严重程度", Kind: text},
		{Title: "说明", Kind: text, Width: 60}, {Title: "左项", Kind: text, Width: 24}, {Title: "左值", Kind: amount, Width: 14},
		{Title: "右项", Kind: text, Width: 24}, {Title: "右值", Kind: amount, Width: 14}, {Title: "相差", Kind: amount, Width: 14},
	}
}

// layout is the review's two sheets, empty: what its reader asks for.
func layout() (departments, findings xlsx.Records) {
	return xlsx.Records{Name: "汇总", Columns: recordColumns()}, xlsx.Records{Name: "核对结果", Columns: findingColumns()}
}

// findingRows are the rows of 核对结果 of one department: its input's
// errors, then its findings.
func (e *Entry) findingRows() [][]any {
	n := len(e.InputErrors) + len(e.Findings)
	if n == 0 {
		return nil
	}
	out := make([][]any, n)
	for k := range out {
		out[k] = e.findingRow(k)
	}
	return out
}

// findingRow is the department's k-th row of 核对结果: input error k, or
// finding k-len(InputErrors).
func (e *Entry) findingRow(k int) []any {
	r := &e.Row
	if k < len(e.InputErrors) {
		ie := e.InputErrors[k]
		var line, col any
		if ie.Pos.Line > 0 {
			line, col = ie.Pos.Line, ie.Pos.Col
		}
		msg := ie.Msg
		if ie.Cell != "" { // a workbook's cell, where the line and column would be
			msg = ie.Cell + "：" + msg
		}
		return []any{r.Name, r.File, line, col, string(render.InputError), "错误", msg, nil, nil, nil, nil, nil}
	}
	f := e.Findings[k-len(e.InputErrors)]
	var line, col any // a finding of no place (a note on the whole input) has none, not 0
	if f.Line > 0 {
		line, col = f.Line, f.Column
	}
	var diff any
	if f.Diff != nil {
		diff = *f.Diff
	}
	row := []any{r.Name, r.File, line, col, string(f.ID), f.Word(), f.Message, nil, nil, nil, nil, diff}
	if f.Left != nil {
		row[7], row[8] = f.Left.Name, f.Left.Value
	}
	if f.Right != nil {
		row[9], row[10] = f.Right.Name, f.Right.Value
	}
	return row
}

// runFindings is 核对结果 of a run's entries, its rows made as they are
// written: a province's batch has tens of thousands.
func runFindings(run []Entry) xlsx.Records {
	_, findings := layout()
	type at struct{ entry, k int }
	var index []at
	for i := range run {
		for k := 0; k < len(run[i].InputErrors)+len(run[i].Findings); k++ {
			index = append(index, at{i, k})
		}
	}
	findings.Count = len(index)
	findings.Row = func(i int) []any { return run[index[i].entry].findingRow(index[i].k) }
	return findings
}

// Write writes a run's review into dir, as name, and returns its path.
// When dir holds one already, of this layout and of this run's list (or,
// for a run of the whole list, of any whole list), it is updated
// (updateReview); when it cannot be, it is renamed aside (asideName) and
// note says so. With a roster (ro not nil) the review has a sheet, 名单, of
// the roster checked against the review's departments (rosterSheet), and
// ro counts what it found; with files skipped, a sheet 已跳过的文件
// (skippedSheet). h is the printed title.
func Write(dir, name string, run []Entry, cov Coverage, ro *Roster, skipped []Skipped, h Heading) (path, note string, err error) {
	path = filepath.Join(dir, name)
	sw := prepareSeason(dir, path, &cov)
	var deps []Department
	var findings xlsx.Records
	if sw.old == nil {
		run, cov = reviewOrder(run, cov)
		deps = make([]Department, len(run))
		for i := range run {
			deps[i] = run[i].Row
		}
		findings = runFindings(run)
	} else {
		var rows [][]any
		deps, rows, cov = updateReview(sw.old, run, cov)
		_, findings = layout()
		findings.Rows = rows
	}
	var extra []xlsx.Records
	if ro != nil {
		extra = append(extra, rosterSheet(ro, deps))
	}
	if len(skipped) > 0 {
		extra = append(extra, skippedSheet(skipped))
	}
	sum, err := writeBook(deps, findings, extra, cov, h)
	if err != nil {
		return "", "", err
	}
	if err := sw.commit(dir, []pairwrite.File{{Path: path, Data: sum}}); err != nil {
		return "", "", err
	}
	return path, sw.note, nil
}

// updateReview is the review old updated by a run: the rows and findings
// of the departments the run processed replaced, their runs counted on,
// the reviewer's cells of every row kept (carryReview); every other row
// kept as it was, the run's new departments after them. It returns the
// review's rows of 汇总 and of 核对结果, and its coverage: a whole list's
// is the list of its rows.
func updateReview(old *summaryPart, run []Entry, cov Coverage) ([]Department, [][]any, Coverage) {
	s := seasonOf(old.departments, old.findings, old.path)
	for i := range run {
		e := &run[i]
		prev, had := s.rows[e.Row.File]
		if e.Row.Status == StatusUnreached && had {
			continue // not processed: its row stays
		}
		row := e.Row
		if had {
			row.Runs = Of(prev.Runs.V + 1)
			carryReview(prev, &row)
		}
		s.put(row.File, row, e.findingRows(), "")
	}
	if cov.Whole() {
		s.sortReview()
	}
	deps, finds := s.sheets()
	if cov.Whole() {
		cov = NewCoverage(s.files, 1, 1)
	}
	return deps, finds, cov
}

// reviewOrder is a whole review's entries in the review's order (Compare)
// and its coverage, the list of its rows; a shard's are as they are, in
// the list's order, by which the merge puts them back.
func reviewOrder(run []Entry, cov Coverage) ([]Entry, Coverage) {
	if !cov.Whole() {
		return run, cov
	}
	run = slices.Clone(run)
	slices.SortStableFunc(run, func(a, b Entry) int {
		return Compare(a.Row.Code, a.Row.Name, a.Row.File, b.Row.Code, b.Row.Name, b.Row.File)
	})
	files := make([]string, len(run))
	for i := range run {
		files[i] = run[i].Row.File
	}
	return run, NewCoverage(files, 1, 1)
}

// summaryTitle is the summary workbook's title.
const summaryTitle = "部门预算公开批量生成汇总"

// Summary is a run's review workbook, in memory: the sheets 汇总 and
// 核对结果, and the part of which list of inputs it covers.
func Summary(run []Entry, cov Coverage) ([]byte, error) {
	run, cov = reviewOrder(run, cov)
	deps := make([]Department, len(run))
	for i := range run {
		deps[i] = run[i].Row
	}
	return writeBook(deps, runFindings(run), nil, cov, Heading{})
}

// Heading is what the review's printed title says besides its year: the
// publication's title (--title, shared with --site; empty: 2025年部门预算公开
// by the departments' year) and the date of the run (--as-of; zero: none).
type Heading struct {
	Title string
	AsOf  time.Time
}

// text is the review's printed title for its 汇总 rows: the title, 审核汇总
// and the date.
func (h Heading) text(departments []Department) string {
	title := h.Title
	if title == "" {
		year := 0
		for _, r := range departments {
			y := r.Year
			switch {
			case !y.Set || y.V == year:
			case year == 0:
				year = y.V
			default:
				year = -1 // years differ: none said
			}
		}
		var layouts []string
		for _, r := range departments {
			if r.Layout != "" {
				layouts = append(layouts, r.Layout)
			}
		}
		title = site.TitleOf(max(year, 0), site.KindOf(layouts))
	}
	out := title + "　审核汇总"
	if !h.AsOf.IsZero() {
		out += "　" + fmt.Sprintf("%d年%d月%d日", h.AsOf.Year(), int(h.AsOf.Month()), h.AsOf.Day())
	}
	return out
}

// departmentsSheet is 汇总 of the rows, with the totals row after them,
// each written department's 输出文件或问题 linked to its PDF (else its
// first file), relative to the review: the outputs are beside it.
func departmentsSheet(deps []Department) xlsx.Records {
	sheet, _ := layout()
	sheet.Rows = make([][]any, len(deps))
	sheet.Links = map[[2]int]string{}
	for i := range deps {
		d := &deps[i]
		sheet.Rows[i] = d.cells()
		if Done(d.Status) && d.Outputs != "" {
			sheet.Links[[2]int{i, colOutputs}] = filepath.ToSlash(deptfiles.Main(d.Outputs))
		}
	}
	tot := totalsRow(deps)
	sheet.Footer = tot.cells()
	return sheet
}

// writeBook writes the review's workbook: 汇总 of deps, findings, and the
// extra sheets (名单, 已跳过的文件), every sheet under the printed title.
func writeBook(deps []Department, findings xlsx.Records, extra []xlsx.Records, cov Coverage, h Heading) ([]byte, error) {
	sheets := append([]xlsx.Records{departmentsSheet(deps), findings}, extra...)
	heading := h.text(deps)
	for i := range sheets {
		sheets[i].Heading = heading
	}
	var sum bytes.Buffer
	if err := xlsx.WriteRecords(&sum, xlsx.BookProps{Title: summaryTitle, Description: cov.String(), Custom: cov.props()}, sheets); err != nil {
		return nil, fmt.Errorf("无法生成汇总表：%w", err)
	}
	return sum.Bytes(), nil
}

package publish

import (
	"bytes"
	"fmt"
	"path/filepath"
	"slices"
	"time"

	"github.com/budgetpub/budgetpub/render"
	"github.com/budgetpub/budgetpub/render/publish/deptfiles"
	"github.com/budgetpub/budgetpub/render/publish/pairwrite"
	"github.com/budgetpub/budgetpub/render/site"
	"github.com/budgetpub/budgetpub/render/xlsx"
	"github.com/shopspring/decimal"
)

// summaryLayout is the layout of a batch's review: 汇总, one row per
// department with the figures a reviewer compares, and 核对结果, one row per
// finding and input error of every department — numbers as numeric cells,
// the header frozen and filtered. Column 1 of 汇总 and column 2 of 核对结果
// name the input file. The last columns of 汇总 are the department's code
// (matched against a roster) and the season's (season.go): the input's
// fingerprint, the runs that processed the
// department, and the reviewer's 审核状态 and 审核意见, which budgetpub
// never writes but keeps.
func summaryLayout() (departments, findings xlsx.Records) {
	text, num, amount := xlsx.RecordText, xlsx.RecordInt, xlsx.RecordAmount
	departments = xlsx.Records{Name: "汇总", Columns: departmentColumns()}
	findings = xlsx.Records{Name: "核对结果", Columns: []xlsx.RecordColumn{
		{Title: "部门名称", Kind: text, Width: 28}, {Title: "输入文件", Kind: text, Width: 28},
		{Title: "行", Kind: num}, {Title: "列", Kind: num}, {Title: "编号", Kind: text, Width: 16}, {Title: "严重程度", Kind: text},
		{Title: "说明", Kind: text, Width: 60}, {Title: "左项", Kind: text, Width: 24}, {Title: "左值", Kind: amount, Width: 14},
		{Title: "右项", Kind: text, Width: 24}, {Title: "右值", Kind: amount, Width: 14}, {Title: "相差", Kind: amount, Width: 14},
	}}
	return departments, findings
}

// percent is the change of cur on prior in percent, both to the cent,
// rounded half away from zero to two decimals once; nil when the prior year
// is not given or is 0 (no percentage of nothing).
func percent(cur decimal.Decimal, prior render.Prior) *decimal.Decimal {
	c := change(cur, prior)
	if c == nil || render.Round(prior.Value).IsZero() {
		return nil
	}
	p := c.Mul(decimal.NewFromInt(100)).DivRound(render.Round(prior.Value), 2)
	return &p
}

// summarySheets are the review's sheets, filled from the batch's rows.
func summarySheets(rows []Row) []xlsx.Records {
	departments, findings := summaryLayout()
	opt := func(d *decimal.Decimal) any {
		if d == nil {
			return nil
		}
		return *d
	}
	for _, r := range rows {
		status, detail := r.Status(), r.Outputs
		if !r.Done {
			detail = r.Problem
		}
		var year, runs any
		if r.Year > 0 {
			year = r.Year
		}
		if !r.Unreached {
			runs = 1
		}
		var fp, code any
		if r.Fingerprint != "" {
			fp = r.Fingerprint
		}
		if r.Code != "" {
			code = r.Code
		}
		row := make([]any, reviewColumns)
		row[colFile], row[colName], row[colYear] = r.File, r.Department, year
		row[colTotal], row[colTotalChange], row[colTotalPercent] = r.Total, opt(change(r.Total, r.PriorTotal)), opt(percent(r.Total, r.PriorTotal))
		row[colGP], row[colGPChange], row[colGPPercent] = r.GeneralPublic, opt(change(r.GeneralPublic, r.PriorGP)), opt(percent(r.GeneralPublic, r.PriorGP))
		row[colBasic], row[colProject] = r.Basic, r.Project
		row[colThreePublic], row[colThreePublicChange], row[colThreePublicPercent] = r.ThreePublic, opt(change(r.ThreePublic, r.PriorThreePublic)), opt(percent(r.ThreePublic, r.PriorThreePublic))
		row[colTravel], row[colReception], row[colVehiclePurchase], row[colVehicleOperation] = r.Travel, r.Reception, r.VehiclePurchase, r.VehicleOperation
		row[colOperating], row[colOperatingChange], row[colOperatingPercent] = r.OperatingCosts, opt(change(r.OperatingCosts, r.PriorOperatingCosts)), opt(percent(r.OperatingCosts, r.PriorOperatingCosts))
		row[colProjects], row[colGoalForms] = r.Projects, r.GoalForms
		row[colWarnings], row[colIncomplete], row[colErrors], row[colIDs] = r.Warnings, r.Incomplete, r.Errors, r.IDs()
		row[colStatus], row[colOutputs], row[colMovedTo] = status, detail, r.MovedTo
		row[colCode], row[colFingerprint], row[colRuns] = code, fp, runs
		if !r.Figures { // never computed: blank, not 0.00
			for c := firstFigureColumn; c <= lastFigureColumn; c++ {
				row[c] = nil
			}
		}
		departments.Rows = append(departments.Rows, row)
	}
	// The findings sheet's rows are made as they are written: a province's
	// batch has tens of thousands.
	type at struct{ row, k int } // rows[row]'s input error k, or finding k-len(InputErrors)
	var index []at
	for i, r := range rows {
		for k := 0; k < len(r.InputErrors)+len(r.Findings); k++ {
			index = append(index, at{i, k})
		}
	}
	findings.Count = len(index)
	findings.Row = func(i int) []any {
		r := rows[index[i].row]
		k := index[i].k
		if k < len(r.InputErrors) {
			e := r.InputErrors[k]
			var line, col any
			if e.Pos.Line > 0 {
				line, col = e.Pos.Line, e.Pos.Col
			}
			return []any{r.Department, r.File, line, col, "input", "错误", e.Msg, nil, nil, nil, nil, nil}
		}
		f := r.Findings[k-len(r.InputErrors)]
		var line, col any // a finding of no place (a note on the whole input) has none, not 0
		if f.Line > 0 {
			line, col = f.Line, f.Column
		}
		row := []any{r.Department, r.File, line, col, f.ID, f.Word(), f.Message, nil, nil, nil, nil, opt(f.Diff)}
		if f.Left != nil {
			row[7], row[8] = f.Left.Name, f.Left.Value
		}
		if f.Right != nil {
			row[9], row[10] = f.Right.Name, f.Right.Value
		}
		return row
	}
	return []xlsx.Records{departments, findings}
}

// WriteSummary writes the batch's summary workbook into dir, as name
// (SummaryName), and returns its path. When dir holds one already, of this
// layout and of this run's list (or, for a run of the whole list, of any
// whole list), it is updated (updateReview); when it cannot be, it is
// renamed aside (asideName) and note says so. With a roster (ro not nil)
// the review has a sheet, 名单, of the roster checked against the
// review's departments (rosterSheet), and ro counts what it found; with
// files skipped, a sheet 已跳过的文件 (skippedSheet). h is the printed
// title.
func WriteSummary(dir, name string, rows []Row, cov Coverage, ro *Roster, skipped []Skipped, h Heading) (path, note string, err error) {
	path = filepath.Join(dir, name)
	sw := prepareSeason(dir, path, &cov)
	if sw.old == nil {
		rows, cov = reviewOrder(rows, cov)
	}
	sheets := summarySheets(rows)
	if sw.old != nil {
		cov = updateReview(sw.old, rows, sheets, cov)
	}
	if ro != nil {
		sheets = append(sheets, rosterSheet(ro, sheets[0].Rows))
	}
	if len(skipped) > 0 {
		sheets = append(sheets, skippedSheet(skipped))
	}
	sum, err := writeSummary(sheets, cov, h)
	if err != nil {
		return "", "", err
	}
	if err := sw.commit(dir, []pairwrite.File{{Path: path, Data: sum}}); err != nil {
		return "", "", err
	}
	return path, sw.note, nil
}

// SkippedSheetName is the review's sheet of the files found in the input
// folders that are not inputs, one row each with the reason and the fix,
// status 已跳过; there is none when nothing was skipped.
const SkippedSheetName = "已跳过的文件"

func skippedSheet(skipped []Skipped) xlsx.Records {
	sheet := xlsx.Records{Name: SkippedSheetName, Columns: []xlsx.RecordColumn{
		{Title: "文件", Kind: xlsx.RecordText, Width: 40}, {Title: "状态", Kind: xlsx.RecordText},
		{Title: "原因和处理办法", Kind: xlsx.RecordText, Width: 60},
	}}
	for _, k := range skipped {
		sheet.Rows = append(sheet.Rows, []any{k.Path, "已跳过", k.Reason})
	}
	return sheet
}

// updateReview makes sheets (the run's) the review old updated by the
// run: the rows and findings of the departments the run processed
// replaced, their runs counted on, the reviewer's cells of every row kept
// (carryReview); every other row kept as it was, the run's new
// departments after them. It returns the review's coverage: a whole list's
// is the list of its rows.
func updateReview(old *summaryPart, rows []Row, sheets []xlsx.Records, cov Coverage) Coverage {
	s := seasonOf(old.departments, old.findings, old.path)
	var finds [][]any
	for i := 0; i < sheets[1].Count; i++ {
		finds = append(finds, sheets[1].Row(i))
	}
	run := seasonOf(sheets[0].Rows, finds, "")
	for _, r := range rows {
		prev, had := s.rows[r.File]
		if r.Unreached && had {
			continue // not processed: its row stays
		}
		row := run.rows[r.File]
		if had {
			row[colRuns] = cellInt(prev, colRuns) + 1
			carryReview(prev, row)
		}
		s.put(r.File, row, run.finds[r.File], "")
	}
	if cov.Whole() {
		s.sortReview()
	}
	deps, all := s.sheets()
	sheets[0].Rows = deps
	sheets[1].Rows, sheets[1].Count, sheets[1].Row = all, 0, nil
	if cov.Whole() {
		cov = NewCoverage(s.files, 1, 1)
	}
	return cov
}

// reviewOrder is a whole review's rows in the review's order
// (reviewCompare) and its coverage, the list of its rows; a shard's are as
// they are, in the list's order, by which the merge puts them back.
func reviewOrder(rows []Row, cov Coverage) ([]Row, Coverage) {
	if !cov.Whole() {
		return rows, cov
	}
	rows = slices.Clone(rows)
	slices.SortStableFunc(rows, func(a, b Row) int { return reviewCompare(a.Code, a.Department, a.File, b.Code, b.Department, b.File) })
	files := make([]string, len(rows))
	for i, r := range rows {
		files[i] = r.File
	}
	return rows, NewCoverage(files, 1, 1)
}

// summaryTitle is the summary workbook's title.
const summaryTitle = "部门预算公开批量生成汇总"

// Summary is the batch's summary workbook: the sheets 汇总 and 核对结果,
// and in its description the part of which list of inputs it covers.
func Summary(rows []Row, cov Coverage) ([]byte, error) {
	rows, cov = reviewOrder(rows, cov)
	return writeSummary(summarySheets(rows), cov, Heading{})
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
func (h Heading) text(departments [][]any) string {
	title := h.Title
	if title == "" {
		year := 0
		for _, r := range departments {
			y, ok := r[colYear].(int)
			switch {
			case !ok || y == year:
			case year == 0:
				year = y
			default:
				year = -1 // years differ: none said
			}
		}
		title = site.Title(max(year, 0))
	}
	out := title + "　审核汇总"
	if !h.AsOf.IsZero() {
		out += "　" + fmt.Sprintf("%d年%d月%d日", h.AsOf.Year(), int(h.AsOf.Month()), h.AsOf.Day())
	}
	return out
}

// reviewLinks links each written department's 输出文件或问题 in 汇总 to
// its PDF (else its first file), relative to the review: the outputs are
// beside it.
func reviewLinks(sheets []xlsx.Records) {
	sheets[0].Links = map[[2]int]string{}
	for i, r := range sheets[0].Rows {
		if !doneStatus(cellText(r, colStatus)) || cellText(r, colOutputs) == "" {
			continue
		}
		sheets[0].Links[[2]int{i, colOutputs}] = filepath.ToSlash(deptfiles.Main(cellText(r, colOutputs)))
	}
}

func writeSummary(sheets []xlsx.Records, cov Coverage, h Heading) ([]byte, error) {
	reviewLinks(sheets)
	sheets[0].Footer = totalsRow(sheets[0].Rows)
	heading := h.text(sheets[0].Rows)
	for i := range sheets {
		sheets[i].Heading = heading
	}
	var sum bytes.Buffer
	if err := xlsx.WriteRecords(&sum, xlsx.BookProps{Title: summaryTitle, Description: cov.String()}, sheets); err != nil {
		return nil, fmt.Errorf("无法生成汇总表：%w", err)
	}
	return sum.Bytes(), nil
}

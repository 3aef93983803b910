package publish

import (
	"context"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
	"github.com/budgetpub/budgetpub/render/opendata"
	"github.com/budgetpub/budgetpub/render/publish/deptfiles"
	"github.com/budgetpub/budgetpub/render/publish/pairwrite"
	"github.com/budgetpub/budgetpub/render/publish/review"
	"github.com/shopspring/decimal"
)

// Row is one department of a batch: the figures a reviewer compares, its
// findings, and the files written or why it was not done.
type Row struct {
	File, Department     string
	Code                 string // the department's code (部门编码), when given
	Fingerprint          string // the input file's (inputFingerprint)
	Year                 int
	Layout               string // the layout it was built in (a profile's ID)
	Total, GeneralPublic decimal.Decimal
	Basic, Project       decimal.Decimal
	// ThreePublic and OperatingCosts, and the prior year's figures of the
	// four (Set false when the prior year is not given): the review's
	// changes on last year (review.Department, Row.entry).
	ThreePublic, OperatingCosts           decimal.Decimal
	Travel, Reception                     decimal.Decimal // “三公” by item
	VehiclePurchase, VehicleOperation     decimal.Decimal
	PriorTotal, PriorGP                   render.Prior
	PriorThreePublic, PriorOperatingCosts render.Prior
	// A 决算's 年初预算 of 一般公共预算 and of “三公” (render.Summary).
	Budget, ThreePublicBudget    decimal.Decimal
	Projects, GoalForms          int // current-year projects, published goal forms
	Warnings, Errors, Incomplete int // Incomplete: statements nobody gave (需补填)
	Findings                     []render.Finding
	InputErrors                  input.Errors // the input's problems (decoding, validation, glyphs)
	Outputs                      string       // the files written
	Problem                      string       // the error, or why it was not done
	MovedTo                      string       // where the department's previous files were moved (not done)
	Done                         bool
	Unreached                    bool               // never started: the batch was interrupted first
	Fault                        bool               // not done because of an internal fault
	Resource                     *opendata.Resource // the department's CSV, with BatchOptions.OpenData
	Figures                      bool               // its figures were computed: else the review leaves them blank
	// Summary is what its layout gave of the figures above (nil before
	// any was computed): a figure the layout does not have stays blank in
	// the review, never 0.
	Summary *render.Summary
	// Prior is last year's file carried into the workbook (--prior-dir),
	// "" when none was.
	Prior string
	out   string // the output name (Plan), "" when it has none
}

// Status is the department's state in the review: 可公开 (written, nothing
// left to fill in), 草稿 (written with --force although it has errors or
// statements nobody gave), 需补填, 有错误 (not written, and why), 内部错误,
// 未处理 (never started: the batch was interrupted first) or 未完成 (its
// files could not be written, or its name is another's).
func (r Row) Status() string {
	switch {
	case r.Unreached:
		return review.StatusUnreached
	case r.Fault:
		return review.StatusFault
	case r.Done && (r.Errors > 0 || r.Incomplete > 0):
		return review.StatusDraft
	case r.Done:
		return string(render.StatusPublishable)
	case r.Errors > 0:
		return string(render.StatusErrors)
	case r.Incomplete > 0:
		return string(render.StatusIncomplete)
	}
	return review.StatusNotDone
}

// IDs are the finding ids of the row, each once, with their counts:
// "T6-T5-basic、text-halfwidth×52".
func (r Row) IDs() string {
	counts, order := map[render.CheckID]int{}, []render.CheckID{}
	for _, f := range r.Findings {
		if counts[f.ID] == 0 {
			order = append(order, f.ID)
		}
		counts[f.ID]++
	}
	parts := make([]string, len(order))
	for i, id := range order {
		parts[i] = string(id)
		if counts[id] > 1 {
			parts[i] += fmt.Sprintf("×%d", counts[id])
		}
	}
	return strings.Join(parts, "、")
}

// TuneForBatch sets the collector for a batch and returns what restores
// it. A department allocates a few tens of megabytes and frees them:
// collect less often (a quarter of the time went to the collector), under a
// soft ceiling of 150 MB that keeps a batch of any length below 200 MB of
// memory (measured: 177 MB for 1 000 departments, as for 200).
func TuneForBatch() (restore func()) {
	gc := debug.SetGCPercent(400)
	limit := debug.SetMemoryLimit(150 << 20)
	return func() {
		debug.SetGCPercent(gc)
		debug.SetMemoryLimit(limit)
	}
}

// BatchOptions shape a batch run.
type BatchOptions struct {
	Out      string // the output folder
	Jobs     int    // departments rendered at once
	Force    bool   // as Options.Force, for every department
	Strict   bool   // as Options.Strict
	OpenData bool   // as Options.OpenData; the batch writes datapackage.json too
	HTML     bool   // as Options.HTML: each department's HTML edition too
	// Shard and Shards: render only shard Shard of Shards (1-based) of the
	// list; 0 means the whole list.
	Shard, Shards int
	// KeepFolders puts each department's files in the subfolder of Out
	// that is the input's folder under the folder named it was found in
	// (Folders: CollectInputsUnder's), so that 城区/教育局.yaml and
	// 郊区/教育局.yaml both have theirs.
	KeepFolders bool
	Folders     map[string]string
	// Name names the outputs from the document (--name); nil: the input's
	// stem.
	Name *NameTemplate
	// Priors are last year's files carried into each workbook imported
	// (--prior-dir); nil: none. Master inputs are rendered as they are.
	Priors *Priors
	// Plan is the list's output names (PlanBatch), nil: Batch makes it.
	Plan *Plan
	// Layout, when set, is every department's layout (Options.Layout).
	Layout string
}

// SummaryName is the batch summary's file name in its folder
// (review.SummaryName).
func SummaryName(files []string, shard, shards int) string {
	return review.SummaryName(files, shard, shards)
}

// Shard keeps the files of shard i of n: every n-th file from the i-th, so
// the shards of one list partition it exactly, whatever runs them.
func Shard(files []string, i, n int) []string {
	var out []string
	for k, f := range files {
		if k%n == i-1 {
			out = append(out, f)
		}
	}
	return out
}

// Batch renders the files into o.Out, o.Jobs at a time, sharing res. One bad
// file never stops the others. Each department's files are named by the
// plan of the whole list (o.Plan, else PlanBatch's), made before it is
// sharded, so that no shard ever overwrites another's files: an input
// whose name is an earlier one's, or cannot be made, is reported, not
// rendered.
// When ctx is done no new department starts; the ones under way finish,
// and the rest are rows marked as not done. done, when set, is called as
// each department ends (from any goroutine, never at once). The rows are
// those of this shard's files.
func Batch(ctx context.Context, res *Resources, all []string, o BatchOptions, done func(Row)) []Row {
	plan := o.Plan
	if plan == nil {
		plan = PlanBatch(ctx, res, all, o)
	}
	files := all
	if o.Shards > 1 {
		files = Shard(all, o.Shard, o.Shards)
	}
	rows := make([]Row, len(files))
	skip := make([]bool, len(files))
	for i, f := range files {
		rows[i] = Row{File: f, Problem: "未处理（批量处理被中断）", Unreached: true, Fingerprint: inputFingerprint(f), out: plan.names[f]}
		if p, ok := plan.problems[f]; ok {
			rows[i].Problem = p.msg
			if p.errs != nil {
				rows[i].Problem, rows[i].InputErrors, rows[i].Errors = p.errs[0].Msg, p.errs, len(p.errs)
			}
			rows[i].Unreached = false
			skip[i] = true
		}
	}
	var mu sync.Mutex
	report := func(r Row) {
		if done != nil {
			mu.Lock()
			done(r)
			mu.Unlock()
		}
	}
	inParallel(ctx, len(files), o.Jobs, func(i int) bool {
		if skip[i] {
			report(rows[i])
		}
		return skip[i]
	}, func(i int) {
		rows[i] = batchOne(rows[i], res, o)
		report(rows[i])
	})
	return rows
}

// inParallel runs run(i) for i = 0 … n-1 in order of starting, jobs at a
// time; none starts once ctx is done (those under way finish first). An i
// for which skip (when given, called in order) reports true is not run.
func inParallel(ctx context.Context, n, jobs int, skip func(int) bool, run func(int)) {
	queue := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < max(jobs, 1); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range queue {
				run(i)
			}
		}()
	}
feed:
	for i := range n {
		if skip != nil && skip(i) {
			continue
		}
		// Stopped: no department starts, even when a worker is waiting
		// (a select with both ready picks either).
		if ctx.Err() != nil {
			break feed
		}
		select {
		case queue <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(queue)
	wg.Wait()
}

// batchOne renders one department into the output folder.
func batchOne(row Row, res *Resources, o BatchOptions) Row {
	row.Problem, row.Unreached = "", false
	if row.out == "" && o.Name == nil {
		row.out = path.Join(subfolder(row.File, o), Stem(row.File))
	}
	r, use := batchInput(res, row, o)
	if use != nil && use.Missing != nil {
		r.Findings = append(r.Findings, *use.Missing)
	}
	if use != nil && use.File != "" {
		row.Prior = use.File
		row.Fingerprint = carriedFingerprint(row.File, use.File)
	}
	row.Findings = r.Findings
	row.Errors, row.Incomplete, row.Warnings = render.Tally(r.Findings)
	if r.Doc != nil {
		row.Code = r.Doc.Department.Code.Value
	}
	if r.Pub != nil {
		row.Department, row.Year = r.Pub.Department, r.Pub.Year
		if r.Pub.Profile != nil {
			row.Layout = r.Pub.Profile.ID
		}
		if s := r.Pub.Summary; s != nil {
			row.Figures, row.Summary = true, s
			row.Total, row.GeneralPublic, row.Basic, row.Project = s.Total.Value, s.GeneralPublic.Value, s.Basic.Value, s.Project.Value
			row.ThreePublic, row.OperatingCosts = s.ThreePublic.Value, s.OperatingCosts.Value
			row.Travel, row.Reception, row.VehiclePurchase, row.VehicleOperation = s.Travel.Value, s.Reception.Value, s.VehiclePurchase.Value, s.VehicleOperation.Value
			row.PriorTotal, row.PriorGP, row.PriorThreePublic, row.PriorOperatingCosts = s.PriorTotal, s.PriorGeneralPublic, s.PriorThreePublic, s.PriorOperatingCosts
			row.Budget, row.ThreePublicBudget = s.Budget.Value, s.ThreePublicBudget.Value
			row.Projects, row.GoalForms = s.Projects, s.GoalForms
		}
	}
	if r.Err != nil {
		if es := input.AsErrors(r.Err); es != nil {
			row.InputErrors = es
			row.Errors += len(es)
		}
		row.Problem = firstLine(r.Err.Error())
		if StoppedByChecks(r.Err) {
			word, sev := "尚有未填写的内容", render.SeverityIncomplete
			if r.Err == ErrChecks {
				word, sev = "勾稽核对发现错误", render.SeverityError
			}
			for _, f := range r.Findings {
				if f.Severity == sev {
					row.Problem = word + "，未生成：" + f.String()
					if sev == render.SeverityIncomplete && IsWorkbook(row.File) {
						row.Problem += importedHint
					}
					break
				}
			}
		}
		row.Fault = IsFault(r.Err)
		row = setAside(row, o.Out)
		return row
	}
	paths, err := r.WriteAs(o.Out, row.out)
	if err != nil {
		row.Problem = err.Error()
		return setAside(row, o.Out)
	}
	var written []string
	for _, p := range paths {
		rel, err := filepath.Rel(o.Out, p)
		if err != nil {
			rel = filepath.Base(p)
		}
		written = append(written, filepath.ToSlash(rel))
	}
	row.Outputs = strings.Join(written, deptfiles.Sep)
	row.Done = true
	if r.CSV != nil {
		res := opendata.NewResource(deptfiles.CSV.Name(row.out), r.Doc, r.CSV)
		row.Resource = &res
	}
	return row
}

// batchInput runs the pipeline on a batch's input: a master input as it
// is, a workbook imported first (ImportBook, as import does, with last
// year's file of o.Priors carried in: use says what was found) and its
// text rendered under the workbook's name, so that the review names the
// workbook. A workbook whose outputs would replace it (the output folder
// is its own) is refused.
func batchInput(res *Resources, row Row, o BatchOptions) (r *Result, use *PriorUse) {
	path := row.File
	po := Options{Force: o.Force, Strict: o.Strict, OpenData: o.OpenData, HTML: o.HTML, Layout: o.Layout}
	if !IsWorkbook(path) {
		return File(res, path, po), nil
	}
	if a, err := os.Stat(path); err == nil && row.out != "" {
		if b, err := os.Stat(filepath.Join(o.Out, deptfiles.Workbook.Name(filepath.FromSlash(row.out)))); err == nil && os.SameFile(a, b) {
			return &Result{Name: path, Err: &input.Error{File: path, Msg: "生成的工作簿会覆盖这个工作簿本身：请换一个输出文件夹（-o）"}}, nil
		}
	}
	if o.Priors == nil {
		return InputFile(res, path, po), nil
	}
	text, use, err := ImportFileWith(res, path, o.Priors, o.Layout)
	if err != nil {
		return &Result{Name: path, Err: err}, use
	}
	return imported(Department(res, path, text, po)), use
}

// InputFile runs the pipeline on an input file: a master input as it is
// (File), a workbook (.xlsx) imported first (ImportFile) and its text run
// under the workbook's name.
func InputFile(res *Resources, path string, o Options) *Result {
	if !IsWorkbook(path) {
		return File(res, path, o)
	}
	text, _, err := ImportFileWith(res, path, nil, o.Layout)
	if err != nil {
		return &Result{Name: path, Err: err}
	}
	return imported(Department(res, path, text, o))
}

// imported is the result of a workbook's imported text: its findings name
// the workbook without the line and column of a text the user never saw
// (wb.xlsx:46:1 would send them to a row of the workbook that has nothing
// to do with it); each says which field, and the review how to fill it.
func imported(r *Result) *Result {
	for i := range r.Findings {
		if f := &r.Findings[i]; f.File == r.Name {
			f.Line, f.Column = 0, 0
		}
	}
	return r
}

// importedHint is what a workbook's row adds when statements nobody gave
// stopped it: where they can come from.
const importedHint = "（工作簿中没有这些内容：用 --prior-dir 从上年的主输入文件带入，或用 budgetpub import 导出主输入文件后补填）"

// WriteDataPackage writes the datapackage.json describing the CSV files of
// the departments done, and returns its path.
func WriteDataPackage(dir string, rows []Row) (string, error) {
	var resources []opendata.Resource
	for _, r := range rows {
		if r.Resource != nil {
			resources = append(resources, *r.Resource)
		}
	}
	data, err := opendata.DataPackage(resources)
	if err != nil {
		return "", fmt.Errorf("无法生成 %s：%w", opendata.PackageFile, err)
	}
	path := filepath.Join(dir, opendata.PackageFile)
	return path, pairwrite.Write(dir, []pairwrite.File{{Path: path, Data: data}})
}

func firstLine(s string) string {
	first, rest, more := strings.Cut(s, "\n")
	if more {
		return first + fmt.Sprintf("（另有 %d 处）", strings.Count(rest, "\n")+1)
	}
	return first
}

package workbench

import (
	"archive/zip"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/input/xlsxread"
	"github.com/budgetpub/budgetpub/render"
	"github.com/budgetpub/budgetpub/render/opendata"
	"github.com/budgetpub/budgetpub/render/publish"
	"github.com/budgetpub/budgetpub/render/publish/deptfiles"
	"github.com/shopspring/decimal"
)

// The batch's review, on the page and in the zip. The page lists the
// departments problems first (statusOrder), can show one status only
// (?status=有错误: links, no script needed), links each department's PDF
// and its findings, and fits a screen 1 366 pixels wide. The zip holds the
// summary (with the roster's sheet and the skipped files' when there are
// any), each department's master input (an imported workbook's as
// imported, a corrected one's as corrected) and its files.

// statusOrder is the order of the review's statuses on the page: what
// stops a department first, then what is left to fill in, then the done.
var statusOrder = []string{"内部错误", string(render.StatusErrors), "未完成", string(render.StatusIncomplete), publish.StatusUnreached, "草稿", string(render.StatusPublishable)}

func statusRank(s string) int {
	for i, o := range statusOrder {
		if o == s {
			return i
		}
	}
	return len(statusOrder)
}

// batchRow is a department as the review lists it.
type batchRow struct {
	N                    int
	Name, Department     string
	Done                 bool
	Status               string
	Total, GeneralPublic string
	ThreePublic          string
	OperatingCosts       string
	Warnings, Errors     int
	Incomplete           int
	IDs                  []string // its findings' ids, each once with its count: T6-T5-basic, text-halfwidth×52
	Problem              string
	PDF                  string // the link to its PDF, when written
	Openable             bool   // its master input exists (a workbook whose import failed has none)
	Edited               bool   // corrected from the review and run again
	Findings             int    // its findings and input errors listed below
}

// RowClass is the class of a department's row: error when it is not
// published for an error, incomplete when only for what is left to fill in.
func (r batchRow) RowClass() string {
	switch statusClass(r.Status) {
	case "status-errors":
		return "error"
	case "status-incomplete":
		return "incomplete"
	}
	return ""
}

// batchFinding is one finding of the review.
type batchFinding struct {
	N                int
	Name, Department string
	First            bool // the department's first: the anchor its row links to
	findingView
}

// statusLink is a choice of the status filter.
type statusLink struct {
	Status, Class, Href string
	Count               int
	On                  bool
}

// rosterView is what the roster found, for the page.
type rosterView struct {
	Name                     string
	Entries                  int
	Missing, Unlisted, Twice int
	MissingNames             []string // of the first maxMissingShown entries with no file
	MoreMissing              int
}

const maxMissingShown = 50

// batchView is the batch page's data.
type batchView struct {
	ID               string
	Running, Queued  bool
	Total, Finished  int
	Done, NotDone    int
	Seconds          string
	Skipped          []publish.Skipped
	MoreSkipped      int
	Filter           string // the status shown, "" for all
	Statuses         []statusLink
	Rows             []batchRow
	Findings         []batchFinding
	Strict, OpenData bool
	Roster           *rosterView
	Updated          string // what a department's return from 打开修改 did
	ReviewProblem    string
}

// batchPage shows the batch: its progress while it runs, then the review.
func (s *Server) batchPage(w http.ResponseWriter, r *http.Request, sp *space) {
	b := sp.batch
	b.mu.Lock()
	v := batchView{ID: sp.id, Running: b.active, Queued: b.queued, Total: b.total, Finished: b.finished,
		Skipped: b.skipped, MoreSkipped: b.more, Strict: b.opts.Strict, OpenData: b.opts.OpenData}
	if !b.ended.IsZero() {
		v.Seconds = fmt.Sprintf("%.1f", b.ended.Sub(b.started).Seconds())
	}
	rows, names, edited, review := b.rows, b.names, b.edited, b.review
	b.mu.Unlock()
	if review != nil {
		v.Roster = review.roster
		if review.err != nil {
			v.ReviewProblem = "汇总表没有生成：" + review.err.Error()
		}
	}
	filter := r.URL.Query().Get("status")
	counts := map[string]int{}
	order := make([]int, len(rows))
	for i, row := range rows {
		order[i] = i
		counts[row.Status()]++
		if row.Done {
			v.Done++
		} else {
			v.NotDone++
		}
	}
	if counts[filter] == 0 {
		filter = ""
	}
	v.Filter = filter
	base := "/b/" + sp.id + "/"
	v.Statuses = append(v.Statuses, statusLink{Status: "全部", Href: base, Count: len(rows), On: filter == ""})
	for _, st := range statusOrder {
		if counts[st] > 0 {
			v.Statuses = append(v.Statuses, statusLink{Status: st, Class: statusClass(st), Href: base + "?status=" + url.QueryEscape(st), Count: counts[st], On: filter == st})
		}
	}
	sort.SliceStable(order, func(a, c int) bool { return statusRank(rows[order[a]].Status()) < statusRank(rows[order[c]].Status()) })
	for _, i := range order {
		row := rows[i]
		if filter != "" && row.Status() != filter {
			continue
		}
		br := batchRow{N: i + 1, Name: names[i], Department: row.Department, Done: row.Done, Warnings: row.Warnings, Errors: row.Errors, Incomplete: row.Incomplete,
			IDs: splitIDs(row.IDs()), Problem: pageProblem(row, names[i]), Status: row.Status(), Edited: i < len(edited) && edited[i]}
		if row.Done {
			br.Total, br.GeneralPublic = amount(row.Total), amount(row.GeneralPublic)
			br.ThreePublic, br.OperatingCosts = amount(row.ThreePublic), amount(row.OperatingCosts)
			if _, err := os.Stat(sp.path(filepath.Join("out", deptfiles.PDF.Name(fmt.Sprintf("%04d", i+1))))); err == nil {
				br.PDF = fmt.Sprintf("/b/%s/pdf/%d", sp.id, i+1)
			}
		}
		if _, err := os.Stat(sp.path(filepath.Join("in", fmt.Sprintf("%04d.yaml", i+1)))); err == nil {
			br.Openable = true
		}
		var fs []batchFinding
		for _, e := range row.InputErrors {
			fs = append(fs, batchFinding{N: i + 1, Name: names[i], Department: row.Department, findingView: findingView{Error: true, Severity: "错误", ID: "输入",
				Message: e.Msg, Place: place(e.File, row.File, e.Pos.Line, e.Pos.Col)}})
		}
		for _, f := range row.Findings {
			fv := newFindingView(f, row.File)
			fv.Message, fv.Left, fv.Right = clerkText(row.Layout, f.ID, fv.Message), labelKeysIn(row.Layout, fv.Left), labelKeysIn(row.Layout, fv.Right)
			fs = append(fs, batchFinding{N: i + 1, Name: names[i], Department: row.Department, findingView: fv})
		}
		sort.SliceStable(fs, func(a, c int) bool { return severityRank(fs[a].findingView) < severityRank(fs[c].findingView) })
		if len(fs) > 0 {
			fs[0].First = true
		}
		br.Findings = len(fs)
		v.Rows = append(v.Rows, br)
		v.Findings = append(v.Findings, fs...)
	}
	if n, err := strconv.Atoi(r.URL.Query().Get("updated")); err == nil && n >= 1 && n <= len(rows) && n <= len(edited) && edited[n-1] {
		v.Updated = fmt.Sprintf("已按修改后的主输入文件重新处理第 %d 个部门（%s）：现在是“%s”", n, names[n-1], rows[n-1].Status())
	}
	p := page{Title: "批量处理结果", Tab: "bureau", Wide: true, Data: v}
	if v.Updated != "" {
		p.Flash = []string{v.Updated}
	}
	s.show(w, r, http.StatusOK, "batch", p)
}

// amount is an amount as the review's table shows it, in 万元 (said in
// its heading): 5,103.42.
func amount(d decimal.Decimal) string {
	return strings.TrimSuffix(render.FormatAmount(d), "万元")
}

// splitIDs are Row.IDs one by one.
func splitIDs(ids string) []string {
	if ids == "" {
		return nil
	}
	return strings.Split(ids, "、")
}

// severityRank orders a department's findings: errors, what is left to
// fill in, warnings.
func severityRank(f findingView) int {
	switch {
	case f.Error:
		return 0
	case f.Incomplete:
		return 1
	}
	return 2
}

// shownProblem is a row's problem with the input's path in the batch's
// folder replaced by the name uploaded.
func shownProblem(row publish.Row, name string) string {
	if row.File == "" {
		return row.Problem
	}
	return strings.ReplaceAll(row.Problem, row.File, name)
}

// pageProblem is a row's problem as the page says it: a department
// stopped by its checks says so with the first finding that stopped it, in
// the clerk's words (its findings are listed below the table); any other
// problem as batch says it.
func pageProblem(row publish.Row, name string) string {
	p := shownProblem(row, name)
	word, _, stopped := strings.Cut(p, "，未生成：")
	if !stopped || row.Done {
		return p
	}
	sev := render.SeverityIncomplete
	if strings.Contains(word, "错误") {
		sev = render.SeverityError
	}
	for _, f := range row.Findings {
		if f.Severity == sev {
			return word + "，未生成：" + clerkText(row.Layout, f.ID, f.Message)
		}
	}
	return p
}

// reviewRows are the batch's rows as the summary of the zip shows them: by
// the names uploaded, the outputs by their names in the zip.
func reviewRows(rows []publish.Row, names, stems []string, openData bool) []publish.Row {
	out := make([]publish.Row, len(rows))
	for i, row := range rows {
		row.Problem = shownProblem(row, names[i])
		row.File = names[i]
		if row.Done {
			row.Outputs = strings.Join(deptfiles.Names(stems[i], openData, true), deptfiles.Sep)
		}
		row.MovedTo = ""
		fs := make([]render.Finding, len(row.Findings))
		for k, f := range row.Findings {
			f.File = names[i]
			fs[k] = f
		}
		row.Findings = fs
		es := make(input.Errors, len(row.InputErrors))
		for k, e := range row.InputErrors {
			c := *e
			if !strings.Contains(c.File, ":") { // a workbook's cell keeps its place
				c.File = names[i]
			}
			es[k] = &c
		}
		row.InputErrors = es
		if row.Resource != nil {
			res := *row.Resource
			res.Path, res.Name = deptfiles.CSV.Name(stems[i]), ""
			row.Resource = &res
		}
		out[i] = row
	}
	return out
}

// batchReview is the batch's summary as the zip holds it, made when its
// rows change (makeReview), and what it found of the roster.
type batchReview struct {
	summary []byte
	pkg     []byte // datapackage.json, with open data
	roster  *rosterView
	err     error
}

// makeReview makes the batch's summary from its rows, as batch writes it
// (publish.WriteSummary, into a folder of its own): 汇总 and 核对结果, the
// roster's sheet 名单 and the skipped files' when there are any.
func (s *Server) makeReview(sp *space) error {
	b := sp.batch
	b.mu.Lock()
	rows, names, stems, opts, skipped := b.rows, b.names, b.stems, b.opts, b.skipped
	b.mu.Unlock()
	rv := &batchReview{}
	defer func() {
		b.mu.Lock()
		b.review = rv
		b.mu.Unlock()
	}()
	review := reviewRows(rows, names, stems, opts.OpenData)
	var ro *publish.Roster
	if opts.Roster != nil {
		c := *opts.Roster // WriteSummary counts into it
		ro = &c
	}
	dir, err := os.MkdirTemp(sp.dir, "review-")
	if err != nil {
		rv.err = errors.New(publish.OSCause(err))
		return err
	}
	defer os.RemoveAll(dir)
	path, _, err := publish.WriteSummary(dir, "summary.xlsx", review, publish.NewCoverage(names, 1, 1), ro, skipped, publish.Heading{})
	if err == nil {
		if rv.summary, err = os.ReadFile(path); err != nil {
			err = errors.New(publish.OSCause(err))
		}
	}
	if err != nil {
		rv.err = err
		return err
	}
	if ro != nil {
		rv.roster = &rosterView{Name: opts.RosterName, Entries: len(ro.Entries), Missing: ro.Missing, Unlisted: ro.Unlisted, Twice: ro.Twice}
		rv.roster.MissingNames, rv.roster.MoreMissing = rosterMissing(rv.summary)
	}
	if opts.OpenData {
		var resources []opendata.Resource
		for _, row := range review {
			if row.Resource != nil {
				resources = append(resources, *row.Resource)
			}
		}
		if len(resources) > 0 {
			if rv.pkg, err = opendata.DataPackage(resources); err != nil {
				rv.err = err
				return err
			}
		}
	}
	return nil
}

// rosterMissing are the departments of the roster that submitted no file,
// as the summary's sheet 名单 says (部门编码 部门名称), the first
// maxMissingShown of them, and how many more there are.
func rosterMissing(summary []byte) ([]string, int) {
	book, err := xlsxread.Open(context.Background(), summary, xlsxread.Limits{Entries: 1000, Sheets: 20, Part: 256 << 20, Unzipped: 512 << 20,
		Strings: 2_000_000, StringText: 128 << 20, CellText: 1 << 16, Columns: 64, Rows: 200_000, Cells: 4_000_000})
	if err != nil {
		return nil, 0
	}
	g, err := book.Grid("名单")
	if err != nil || len(g.Cells) == 0 {
		return nil, 0
	}
	sheet := g.Cells // its header, then a row per entry
	col := map[string]int{}
	for i, h := range sheet[0] {
		col[h] = i
	}
	cell := func(r []string, name string) string {
		if i, ok := col[name]; ok && i < len(r) {
			return strings.TrimSpace(r[i])
		}
		return ""
	}
	var out []string
	more := 0
	for _, r := range sheet[1:] {
		if cell(r, "提交情况") != "未提交" {
			continue
		}
		if len(out) == maxMissingShown {
			more++
			continue
		}
		out = append(out, strings.TrimSpace(cell(r, "部门编码")+" "+cell(r, "部门名称")))
	}
	return out, more
}

// batchZip sends the batch as one zip: the summary (and datapackage.json
// with open data), and each department's master input and files.
func (s *Server) batchZip(w http.ResponseWriter, r *http.Request, sp *space) {
	b := sp.batch
	b.mu.Lock()
	active, rows, stems, review := b.active || b.queued, b.rows, b.stems, b.review
	b.mu.Unlock()
	if active || rows == nil {
		s.fail(w, r, http.StatusConflict, "批量处理还没有结束：结束后再下载")
		return
	}
	if review == nil || review.summary == nil {
		_ = s.makeReview(sp)
		b.mu.Lock()
		review = b.review
		b.mu.Unlock()
		if review.summary == nil {
			s.fail(w, r, http.StatusInternalServerError, "汇总表没有生成："+review.err.Error())
			return
		}
	}
	w.Header().Set("Content-Type", "application/zip")
	w.Header().Set("Content-Disposition", disposition("attachment", "部门预算公开-"+time.Now().Format("20060102-1504")+".zip"))
	zw := zip.NewWriter(w)
	add := func(name string, data []byte, file string) error {
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: time.Now(), Flags: utf8Flag})
		if err != nil {
			return err
		}
		if file == "" {
			_, err = fw.Write(data)
			return err
		}
		f, err := os.Open(file)
		if err != nil {
			return err
		}
		defer f.Close()
		_, err = io.Copy(fw, f)
		return err
	}
	if err := add("summary.xlsx", review.summary, ""); err != nil {
		s.logf("下载压缩包：%v", err)
		return
	}
	if review.pkg != nil {
		if err := add(opendata.PackageFile, review.pkg, ""); err != nil {
			s.logf("下载压缩包：%v", err)
			return
		}
	}
	order := make([]int, len(rows))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, c int) bool { return stems[order[a]] < stems[order[c]] })
	for _, i := range order {
		if file := sp.path(filepath.Join("in", fmt.Sprintf("%04d.yaml", i+1))); exists(file) {
			if err := add(stems[i]+".yaml", nil, file); err != nil {
				s.logf("下载压缩包：%v", err)
				return
			}
		}
		if !rows[i].Done {
			continue
		}
		for _, k := range deptfiles.All() {
			num := fmt.Sprintf("%04d", i+1)
			file := sp.path(filepath.Join("out", k.Name(num)))
			if !exists(file) {
				continue
			}
			var data []byte
			if k == deptfiles.HTML {
				// Its links name the files by number, as they are kept;
				// in the zip they are named by the input.
				page, err := os.ReadFile(file)
				if err != nil {
					s.logf("下载压缩包：%v", err)
					return
				}
				data, file = publish.RelinkHTML(page, num, stems[i]), ""
			}
			if err := add(k.Name(stems[i]), data, file); err != nil {
				s.logf("下载压缩包：%v", err)
				return
			}
		}
	}
	if err := zw.Close(); err != nil {
		s.logf("下载压缩包：%v", err)
	}
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// batchPDF shows a department's PDF, by its number in the batch.
func (s *Server) batchPDF(w http.ResponseWriter, r *http.Request, sp *space) {
	b := sp.batch
	n, err := strconv.Atoi(r.PathValue("n"))
	b.mu.Lock()
	ok := err == nil && n >= 1 && n <= len(b.rows) && b.rows[n-1].Done
	stem := ""
	if ok {
		stem = b.stems[n-1]
	}
	b.mu.Unlock()
	if !ok {
		s.fail(w, r, http.StatusNotFound, "这个部门没有生成 PDF：见批量处理结果中它的问题")
		return
	}
	s.sendFile(w, r, sp, filepath.Join("out", deptfiles.PDF.Name(fmt.Sprintf("%04d", n))), "application/pdf", disposition("inline", deptfiles.PDF.Name(stem)))
}

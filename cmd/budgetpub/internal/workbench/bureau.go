package workbench

import (
	"archive/zip"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/input/workbook"
	"github.com/budgetpub/budgetpub/render"
	"github.com/budgetpub/budgetpub/render/opendata"
	"github.com/budgetpub/budgetpub/render/publish"
)

// The bureau's page: many master inputs or workbooks (or a zip of them) in,
// the batch run as the batch command runs it, the review (every
// department's figures and findings) on the page, everything as one zip.
//
// Each file is kept in the batch's folder as in/0001.yaml (or .xlsx,
// imported to .yaml first), by its number: the names the browser sent are
// only shown, and made safe for the entries of the zip.

// batchJob is a batch's state, guarded by mu.
type batchJob struct {
	mu       sync.Mutex
	names    []string // each input's name as uploaded (shown)
	stems    []string // each input's stem in the zip: safe and unique
	books    []bool   // the input is a workbook, to import first
	skipped  int      // files of a zip that are no input
	total    int
	finished int
	active   bool
	queued   bool
	started  time.Time
	ended    time.Time
	rows     []publish.Row // by input, once done
	stop     context.CancelFunc
	done     chan struct{} // closed when the batch has ended
}

// title is how the first page names the batch: its first file and how
// many there are.
func (b *batchJob) title() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	switch len(b.names) {
	case 0:
		return "（正在上传）"
	case 1:
		return b.names[0]
	}
	return fmt.Sprintf("%s 等 %d 个文件", b.names[0], len(b.names))
}

func (b *batchJob) running() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.active || b.queued
}

func (b *batchJob) cancel() {
	b.mu.Lock()
	stop := b.stop
	b.mu.Unlock()
	if stop != nil {
		stop()
	}
}

func (s *Server) bureauPage(w http.ResponseWriter, r *http.Request) {
	s.show(w, r, http.StatusOK, "bureau", page{Title: "财政部门批量处理", Tab: "bureau", Data: struct {
		MaxFiles int
		MaxMB    int
	}{maxBatchFiles, maxBatchBytes >> 20}})
}

// bureauUpload takes the files, keeps them under their numbers and starts
// the batch.
func (s *Server) bureauUpload(w http.ResponseWriter, r *http.Request) {
	if !s.roomFor(w, r, true) {
		return
	}
	sp, err := s.spaces.create(client(r), true)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	if err := s.takeFiles(w, r, sp); err != nil {
		s.spaces.remove(sp)
		s.failErr(w, r, err)
		return
	}
	b := sp.batch
	b.mu.Lock()
	n := len(b.names)
	b.mu.Unlock()
	if n == 0 {
		s.spaces.remove(sp)
		s.fail(w, r, http.StatusBadRequest, "没有找到可以处理的文件：请上传主输入文件（.yaml）、13 张公开表的工作簿（.xlsx），或装有它们的 zip 压缩包")
		return
	}
	ctx, stop := context.WithCancel(context.Background())
	b.mu.Lock()
	b.total, b.queued, b.stop = n, true, stop
	b.mu.Unlock()
	go s.runBatch(ctx, sp)
	http.Redirect(w, r, "/b/"+sp.id+"/", http.StatusSeeOther)
}

// takeFiles streams the upload's files into the batch's in/ folder,
// holding an upload slot: each file's kind is known from its first bytes,
// a master input is refused as soon as it passes its limit, an old .xls at
// once, and no file is held in memory.
func (s *Server) takeFiles(w http.ResponseWriter, r *http.Request, sp *space) error {
	release, err := s.uploading(r)
	if err != nil {
		return err
	}
	defer release()
	r.Body = http.MaxBytesReader(w, r.Body, maxBatchBytes)
	mr, err := r.MultipartReader()
	if err != nil {
		return errMalformed
	}
	in := sp.path("in")
	if err := os.Mkdir(in, 0o700); err != nil {
		return err
	}
	b := sp.batch
	var stored int64
	// add keeps an input: write puts it in a file, then it takes its
	// number, in/0001.yaml (or .xlsx when it is a workbook).
	add := func(name string, write func(dst string) error) error {
		b.mu.Lock()
		full := len(b.names) == maxBatchFiles
		b.mu.Unlock()
		if full {
			return &httpError{http.StatusRequestEntityTooLarge, fmt.Sprintf("一次最多处理 %d 个文件", maxBatchFiles)}
		}
		tmp := filepath.Join(in, ".new")
		if err := write(tmp); err != nil {
			return err
		}
		fi, err := os.Stat(tmp)
		if err != nil {
			return err
		}
		if stored += fi.Size(); stored > maxBatchBytes {
			return &httpError{http.StatusRequestEntityTooLarge, fmt.Sprintf("上传的文件合计过大（上限 %d MB）", maxBatchBytes>>20)}
		}
		book := isWorkbook(tmp)
		ext := ".yaml"
		if book {
			ext = ".xlsx"
		}
		b.mu.Lock()
		defer b.mu.Unlock()
		if err := os.Rename(tmp, filepath.Join(in, fmt.Sprintf("%04d%s", len(b.names)+1, ext))); err != nil {
			return err
		}
		b.names = append(b.names, name)
		b.books = append(b.books, book)
		return nil
	}
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return tooBig(err, maxBatchBytes)
		}
		if part.FileName() == "" {
			continue
		}
		name := displayName(part.FileName(), "上传的文件")
		if err := s.takePart(sp, part, name, add); err != nil {
			return err
		}
	}
	b.mu.Lock()
	b.stems = uniqueStems(b.names)
	b.mu.Unlock()
	return nil
}

// takePart keeps one uploaded file, by its kind: a master input streamed
// into its place under its limit; a zip streamed to a temporary file of the
// batch (a zip of a province's departments need not fit in memory), then
// kept as a workbook, or opened as a bundle whose inputs are added.
func (s *Server) takePart(sp *space, part io.Reader, name string, add func(string, func(string) error) error) error {
	kind, body := peekKind(part)
	switch kind {
	case kindOldXLS:
		return oldXLS(name)
	case kindYAML:
		var n int64
		err := add(name, func(dst string) error {
			var over bool
			var err error
			n, over, err = copyLimited(dst, body, input.MaxFileSize)
			switch {
			case err != nil:
				return tooBig(err, maxBatchBytes)
			case over:
				return tooBigFile(name, input.MaxFileSize)
			case n == 0:
				_ = os.Remove(dst)
				return errEmpty
			}
			return nil
		})
		if err == errEmpty {
			return nil // an empty file input
		}
		return err
	}
	tmp := sp.path(".upload")
	n, _, err := copyLimited(tmp, body, maxBatchBytes)
	if err != nil {
		return tooBig(err, maxBatchBytes)
	}
	defer os.Remove(tmp)
	zr, err := zip.OpenReader(tmp)
	if err != nil {
		return &httpError{http.StatusBadRequest, name + " 不是有效的 zip 压缩包或 .xlsx 工作簿，或已损坏"}
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name == "xl/workbook.xml" { // a workbook, not a bundle
			if n > workbook.MaxBookSize {
				return tooBigFile(name, workbook.MaxBookSize)
			}
			zr.Close()
			return add(name, func(dst string) error { return os.Rename(tmp, dst) })
		}
	}
	skipped, err := eachInZip(name, &zr.Reader, add)
	sp.batch.mu.Lock()
	sp.batch.skipped += skipped
	sp.batch.mu.Unlock()
	return err
}

var errEmpty = errors.New("empty")

// uniqueStems are the zip's stems of the inputs: safe, and unique without
// letter case (a later one gets -2, -3 …).
func uniqueStems(names []string) []string {
	out := make([]string, len(names))
	taken := map[string]bool{}
	for i, n := range names {
		st := safeStem(trimExt(n), fmt.Sprintf("部门%04d", i+1))
		cand := st
		for k := 2; taken[strings.ToLower(cand)] || strings.EqualFold(cand, "summary"); k++ {
			cand = fmt.Sprintf("%s-%d", st, k)
		}
		taken[strings.ToLower(cand)] = true
		out[i] = cand
	}
	return out
}

// runBatch imports the workbooks, then runs the batch over every input.
func (s *Server) runBatch(ctx context.Context, sp *space) {
	b := sp.batch
	defer func() {
		if p := recover(); p != nil {
			s.logf("内部错误：批量处理：%v", p)
		}
		b.mu.Lock()
		b.active, b.queued, b.ended = false, false, time.Now()
		b.mu.Unlock()
		close(b.done)
	}()
	s.batchMu.Lock() // one batch at a time: it uses every worker
	defer s.batchMu.Unlock()
	b.mu.Lock()
	b.queued, b.active, b.started = false, true, time.Now()
	n, books := b.total, append([]bool(nil), b.books...)
	names := append([]string(nil), b.names...)
	b.mu.Unlock()
	rows := make([]publish.Row, n)
	var files []string
	index := map[string]int{}
	for i := 0; i < n; i++ {
		yaml := sp.path(filepath.Join("in", fmt.Sprintf("%04d.yaml", i+1)))
		if books[i] {
			if err := s.importBook(ctx, sp, i, names[i], yaml); err != nil {
				rows[i] = publish.Row{File: names[i], Problem: firstLine(err.Error()), InputErrors: input.AsErrors(err), Errors: max(1, len(input.AsErrors(err)))}
				b.mu.Lock()
				b.finished++
				b.mu.Unlock()
				continue
			}
		}
		files = append(files, yaml)
		index[yaml] = i
	}
	out := sp.path("out")
	if err := os.Mkdir(out, 0o700); err != nil {
		s.logf("批量处理：%v", err)
		return
	}
	o := publish.BatchOptions{Out: out, Jobs: s.cfg.Workers, Force: s.cfg.Options.Force, Strict: s.cfg.Options.Strict, OpenData: s.cfg.Options.OpenData}
	done := publish.Batch(ctx, s.cfg.Resources, files, o, func(publish.Row) {
		b.mu.Lock()
		b.finished++
		b.mu.Unlock()
	})
	for _, row := range done {
		rows[index[row.File]] = row
	}
	b.mu.Lock()
	b.rows = rows
	b.mu.Unlock()
}

// importBook imports input i, a workbook, into its .yaml; it ends early
// when the batch is stopped (ctx).
func (s *Server) importBook(ctx context.Context, sp *space, i int, name, yaml string) error {
	data, err := os.ReadFile(sp.path(filepath.Join("in", fmt.Sprintf("%04d.xlsx", i+1))))
	if err != nil {
		return err
	}
	res, err := publish.ImportBook(s.cfg.Resources, name, data, publish.ImportOptions{Context: ctx})
	if err != nil {
		return err
	}
	return os.WriteFile(yaml, res.Text, 0o600)
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// batchRow is a department as the review lists it.
type batchRow struct {
	N                     int
	Name, Department      string
	Done                  bool
	Status                string
	Total, GeneralPublic  string
	ThreePublic           string
	OperatingCosts        string
	Warnings, Errors      int
	Incomplete            int
	IDs, Problem, Outputs string
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
	Name, Department string
	findingView
}

// batchView is the batch page's data.
type batchView struct {
	ID                     string
	Running, Queued        bool
	Total, Finished        int
	Done, NotDone, Skipped int
	Seconds                string
	Rows                   []batchRow
	Findings               []batchFinding
	OpenData               bool
}

func (s *Server) batchPage(w http.ResponseWriter, r *http.Request, sp *space) {
	b := sp.batch
	b.mu.Lock()
	v := batchView{ID: sp.id, Running: b.active, Queued: b.queued, Total: b.total, Finished: b.finished, Skipped: b.skipped, OpenData: s.cfg.Options.OpenData}
	if !b.ended.IsZero() {
		v.Seconds = fmt.Sprintf("%.1f", b.ended.Sub(b.started).Seconds())
	}
	rows, names := b.rows, b.names
	b.mu.Unlock()
	for i, row := range rows {
		br := batchRow{N: i + 1, Name: names[i], Department: row.Department, Done: row.Done, Warnings: row.Warnings, Errors: row.Errors, Incomplete: row.Incomplete,
			IDs: row.IDs(), Problem: shownProblem(row, names[i])}
		br.Status = row.Status()
		if row.Done {
			v.Done++
			br.Total, br.GeneralPublic = render.FormatAmount(row.Total), render.FormatAmount(row.GeneralPublic)
			br.ThreePublic, br.OperatingCosts = render.FormatAmount(row.ThreePublic), render.FormatAmount(row.OperatingCosts)
		} else {
			v.NotDone++
		}
		v.Rows = append(v.Rows, br)
		for _, e := range row.InputErrors {
			v.Findings = append(v.Findings, batchFinding{names[i], row.Department, findingView{Error: true, Severity: "错误", ID: "输入",
				Message: e.Msg, Place: place(e.File, row.File, e.Pos.Line, e.Pos.Col)}})
		}
		for _, f := range row.Findings {
			fv := newFindingView(f, row.File)
			fv.Message, fv.Left, fv.Right = clerkText(f.ID, fv.Message), labelKeys(fv.Left), labelKeys(fv.Right)
			v.Findings = append(v.Findings, batchFinding{names[i], row.Department, fv})
		}
	}
	p := page{Title: "批量处理结果", Tab: "bureau", Data: v}
	s.show(w, r, http.StatusOK, "batch", p)
}

// shownProblem is a row's problem with the input's path in the batch's
// folder replaced by the name uploaded.
func shownProblem(row publish.Row, name string) string {
	if row.File == "" {
		return row.Problem
	}
	return strings.ReplaceAll(row.Problem, row.File, name)
}

// reviewRows are the batch's rows as the summary of the zip shows them: by
// the names uploaded, the outputs by their names in the zip.
func reviewRows(rows []publish.Row, names, stems []string, openData bool) []publish.Row {
	out := make([]publish.Row, len(rows))
	for i, row := range rows {
		row.Problem = shownProblem(row, names[i])
		row.File = names[i]
		if row.Done {
			parts := []string{stems[i] + ".xlsx", stems[i] + ".pdf"}
			if openData {
				parts = append(parts, stems[i]+opendata.JSONExt, stems[i]+opendata.CSVExt)
			}
			row.Outputs = strings.Join(parts, "、")
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
			res.Path, res.Name = stems[i]+opendata.CSVExt, ""
			row.Resource = &res
		}
		out[i] = row
	}
	return out
}

// batchZip sends every output of the batch and its summary as one zip.
func (s *Server) batchZip(w http.ResponseWriter, r *http.Request, sp *space) {
	b := sp.batch
	b.mu.Lock()
	active, rows, names, stems := b.active || b.queued, b.rows, b.names, b.stems
	b.mu.Unlock()
	if active || rows == nil {
		s.fail(w, r, http.StatusConflict, "批量处理还没有结束：结束后再下载")
		return
	}
	review := reviewRows(rows, names, stems, s.cfg.Options.OpenData)
	files := make([]string, len(review))
	for i, row := range review {
		files[i] = row.File
	}
	sum, err := publish.Summary(review, publish.NewCoverage(files, 1, 1))
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	var pkg []byte
	if s.cfg.Options.OpenData {
		var resources []opendata.Resource
		for _, row := range review {
			if row.Resource != nil {
				resources = append(resources, *row.Resource)
			}
		}
		if len(resources) > 0 {
			if pkg, err = opendata.DataPackage(resources); err != nil {
				s.failErr(w, r, err)
				return
			}
		}
	}
	w.Header().Set("Content-Type", "application/zip")
	w.Header().Set("Content-Disposition", disposition("attachment", "部门预算公开-"+time.Now().Format("20060102-1504")+".zip"))
	zw := zip.NewWriter(w)
	add := func(name string, data []byte, file string) error {
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: time.Now(), Flags: 0x800})
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
	if err := add("summary.xlsx", sum, ""); err != nil {
		s.logf("下载压缩包：%v", err)
		return
	}
	if pkg != nil {
		if err := add(opendata.PackageFile, pkg, ""); err != nil {
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
		if !rows[i].Done {
			continue
		}
		for _, ext := range []string{".xlsx", ".pdf", opendata.JSONExt, opendata.CSVExt} {
			file := sp.path(filepath.Join("out", fmt.Sprintf("%04d%s", i+1, ext)))
			if _, err := os.Stat(file); err != nil {
				continue
			}
			if err := add(stems[i]+ext, nil, file); err != nil {
				s.logf("下载压缩包：%v", err)
				return
			}
		}
	}
	if err := zw.Close(); err != nil {
		s.logf("下载压缩包：%v", err)
	}
}

// batchOpen opens one department of the batch in a workspace of its own,
// to correct it.
func (s *Server) batchOpen(w http.ResponseWriter, r *http.Request, sp *space) {
	form, err := postForm(w, r, maxFormBytes)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	b := sp.batch
	b.mu.Lock()
	n := len(b.names)
	var name string
	i := -1
	if k, err := fmt.Sscanf(form.Get("n"), "%d", &i); err != nil || k != 1 || i < 1 || i > n {
		i = -1
	} else {
		name = b.names[i-1]
	}
	b.mu.Unlock()
	if i < 0 {
		s.fail(w, r, http.StatusBadRequest, "没有这个部门")
		return
	}
	text, err := os.ReadFile(sp.path(filepath.Join("in", fmt.Sprintf("%04d.yaml", i))))
	if err != nil {
		s.fail(w, r, http.StatusNotFound, "这个部门的工作簿没能导入，无法打开：请改正后单独上传")
		return
	}
	s.open(w, r, trimExt(name)+".yaml", text, input.FormatOptions{}, nil)
}

// batchClose removes the batch and its files.
func (s *Server) batchClose(w http.ResponseWriter, r *http.Request, sp *space) {
	s.spaces.remove(sp)
	http.Redirect(w, r, "/bureau", http.StatusSeeOther)
}

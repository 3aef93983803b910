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
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render/importer"
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
	edited   []bool   // corrected in a workspace opened from the review and run again (back.go)
	skipped  []publish.Skipped
	more     int          // files skipped beyond those listed in skipped
	opts     batchOptions // what the page chose: strict, open data, the roster
	total    int
	finished int
	active   bool
	queued   bool
	started  time.Time
	ended    time.Time
	rows     []publish.Row // by input, once done; replaced, never changed in place, when one is run again
	review   *batchReview  // the summary and what it found of the roster, made when the rows change
	stop     context.CancelFunc
	done     chan struct{} // closed when the batch has ended
	rerun    sync.Mutex    // one department of the batch run again at a time (back.go)
}

// maxSkippedListed bounds the skipped files listed by name (the rest are
// counted): a zip of a hundred thousand other files lists two thousand.
const maxSkippedListed = maxBatchFiles

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

// bureauView is the bureau page's data: the limits, and the options as
// they were chosen (the server's by default).
type bureauView struct {
	MaxFiles, MaxMB  int
	Strict, OpenData bool
	DueDays          string
	Skipped          []publish.Skipped // of an upload refused for want of any input
}

func (s *Server) bureauPage(w http.ResponseWriter, r *http.Request) {
	s.show(w, r, http.StatusOK, "bureau", page{Title: "财政部门批量处理", Tab: "bureau", Data: s.bureauDefaults()})
}

func (s *Server) bureauDefaults() bureauView {
	return bureauView{MaxFiles: maxBatchFiles, MaxMB: maxBatchBytes >> 20, Strict: s.cfg.Options.Strict, OpenData: s.cfg.Options.OpenData,
		DueDays: strconv.Itoa(defaultDueDays)}
}

// bureauAgain shows the bureau page again with what stopped the upload,
// the options as posted.
func (s *Server) bureauAgain(w http.ResponseWriter, r *http.Request, status int, f *bureauForm, problems []string, skipped []publish.Skipped) {
	v := s.bureauDefaults()
	if f != nil && f.fields[optionsField] != "" {
		v.Strict, v.OpenData = f.fields[strictField] != "", f.fields[openDataField] != ""
		if d := strings.TrimSpace(f.fields[dueDaysField]); d != "" {
			v.DueDays = d
		}
	}
	v.Skipped = skipped
	s.show(w, r, status, "bureau", page{Title: "财政部门批量处理", Tab: "bureau", Problem: problems, Data: v})
}

// bureauUpload takes the files, keeps them under their numbers and starts
// the batch with the options chosen. A file that is no input is skipped,
// named with the reason and the fix; the upload is refused only when no
// input is left, or an option is wrong.
func (s *Server) bureauUpload(w http.ResponseWriter, r *http.Request) {
	if !s.roomFor(w, r, true) {
		return
	}
	sp, err := s.spaces.create(client(r), true)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	form, err := s.takeFiles(w, r, sp)
	if err != nil {
		s.spaces.remove(sp)
		s.failErr(w, r, err)
		return
	}
	b := sp.batch
	b.mu.Lock()
	n, skipped := len(b.names), b.skipped
	b.mu.Unlock()
	opts, problems := s.batchOptions(form)
	if len(problems) > 0 {
		s.spaces.remove(sp)
		s.bureauAgain(w, r, http.StatusBadRequest, form, append(problems, "文件没有处理：改正后请重新选择文件上传"), nil)
		return
	}
	if n == 0 {
		s.spaces.remove(sp)
		msg := "没有找到可以处理的文件：请上传主输入文件（.yaml）、13 张公开表的工作簿（.xlsx），或装有它们的 zip 压缩包"
		if len(skipped) > 0 {
			msg += "；下面列出的文件已跳过，各有原因和处理办法"
		}
		s.bureauAgain(w, r, http.StatusBadRequest, form, []string{msg}, skipped)
		return
	}
	ctx, stop := context.WithCancel(context.Background())
	b.mu.Lock()
	b.total, b.queued, b.stop, b.opts = n, true, stop, opts
	b.edited = make([]bool, n)
	b.mu.Unlock()
	go s.runBatch(ctx, sp)
	http.Redirect(w, r, "/b/"+sp.id+"/", http.StatusSeeOther)
}

// addFunc keeps an input of the upload: its name as shown, whether it is
// a workbook, and what writes it into a file.
type addFunc func(name string, book bool, write func(dst string) error) error

// takeFiles streams the upload's files into the batch's in/ folder,
// holding an upload slot: a master input is refused as soon as it passes
// its limit, a workbook likewise, and no file is held in memory. A file
// that is no input (by its name, as batch tells: an old .xls, a Word
// document — a .docx is a zip too, never opened as one) is skipped and
// listed, its bytes read past. It returns the form's other fields and the
// roster, if one was given.
func (s *Server) takeFiles(w http.ResponseWriter, r *http.Request, sp *space) (*bureauForm, error) {
	release, err := s.uploading(r)
	if err != nil {
		return nil, err
	}
	defer release()
	r.Body = http.MaxBytesReader(w, r.Body, maxBatchBytes)
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, errMalformed
	}
	in := sp.path("in")
	if err := os.Mkdir(in, 0o700); err != nil {
		return nil, err
	}
	b := sp.batch
	var stored int64
	// add keeps an input: write puts it in a file, then it takes its
	// number, in/0001.yaml (or .xlsx when it is a workbook).
	add := func(name string, book bool, write func(dst string) error) error {
		b.mu.Lock()
		full := len(b.names) == maxBatchFiles
		b.mu.Unlock()
		if full {
			return &httpError{http.StatusRequestEntityTooLarge, fmt.Sprintf("一次最多处理 %d 个文件", maxBatchFiles)}
		}
		tmp := filepath.Join(in, ".new")
		if err := write(tmp); err != nil {
			_ = os.Remove(tmp)
			return err
		}
		fi, err := os.Stat(tmp)
		if err != nil {
			return err
		}
		if stored += fi.Size(); stored > maxBatchBytes {
			return &httpError{http.StatusRequestEntityTooLarge, fmt.Sprintf("上传的文件合计过大（上限 %d MB）", maxBatchBytes>>20)}
		}
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
	skip := func(path, reason string) {
		b.mu.Lock()
		defer b.mu.Unlock()
		if len(b.skipped) == maxSkippedListed {
			b.more++
			return
		}
		b.skipped = append(b.skipped, publish.Skipped{Path: path, Reason: reason})
	}
	form := &bureauForm{fields: map[string]string{}}
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return form, tooBig(err, maxBatchBytes)
		}
		switch {
		case part.FileName() == "":
			if err := form.field(part); err != nil {
				return form, err
			}
		case part.FormName() == rosterField:
			if err := form.roster(sp, part, displayName(part.FileName(), "名单")); err != nil {
				return form, err
			}
		default:
			if err := s.takePart(sp, part, displayName(part.FileName(), "上传的文件"), add, skip); err != nil {
				return form, err
			}
		}
	}
	b.mu.Lock()
	b.stems = uniqueStems(b.names)
	b.mu.Unlock()
	return form, nil
}

// takePart keeps one uploaded file, by its name as batch takes a file of a
// folder: a master input (.yaml, .yml) streamed into its place under its
// limit; a workbook (.xlsx) likewise, imported when the batch runs; a zip
// streamed to a temporary file of the batch (a zip of a province's
// departments need not fit in memory), then opened as a bundle whose
// inputs are added (or kept as a workbook, when it is one); anything else
// skipped, with batch's reason and fix.
func (s *Server) takePart(sp *space, part io.Reader, name string, add addFunc, skip func(path, reason string)) error {
	reason, ignore := publish.SkipReason(name)
	lower := strings.ToLower(name)
	bundle := strings.HasSuffix(lower, ".zip")
	kind, body := peekKind(part)
	switch {
	case ignore:
		return discard(body)
	case bundle:
	case reason != "":
		skip(name, kindWord(name)+reason)
		return discard(body)
	case strings.HasSuffix(lower, ".xlsx"):
		return add(name, true, func(dst string) error {
			_, over, err := copyLimited(dst, body, importer.MaxBookSize)
			switch {
			case err != nil:
				return tooBig(err, maxBatchBytes)
			case over:
				return tooBigFile(name, importer.MaxBookSize)
			}
			return nil
		})
	default:
		err := add(name, false, func(dst string) error {
			n, over, err := copyLimited(dst, body, input.MaxFileSize)
			switch {
			case err != nil:
				return tooBig(err, maxBatchBytes)
			case over:
				return tooBigFile(name, input.MaxFileSize)
			case n == 0:
				return errEmpty
			}
			return nil
		})
		if err == errEmpty {
			return nil // an empty file input
		}
		return err
	}
	if kind != kindZip {
		skip(name, notZip)
		return discard(body)
	}
	tmp := sp.path(".upload")
	n, _, err := copyLimited(tmp, body, maxBatchBytes)
	if err != nil {
		return tooBig(err, maxBatchBytes)
	}
	defer os.Remove(tmp)
	zr, err := zip.OpenReader(tmp)
	if err != nil {
		skip(name, notZip)
		return nil
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name == "xl/workbook.xml" { // a workbook named .zip, not a bundle
			if n > importer.MaxBookSize {
				return tooBigFile(name, importer.MaxBookSize)
			}
			zr.Close()
			return add(name, true, func(dst string) error { return os.Rename(tmp, dst) })
		}
	}
	return eachInZip(name, &zr.Reader, add, skip)
}

// notZip is why a .zip that cannot be opened is skipped.
const notZip = "不是有效的 zip 压缩包，或已损坏：请重新压缩后上传"

// discard reads past a part not kept.
func discard(body io.Reader) error {
	if _, err := io.Copy(io.Discard, body); err != nil {
		return tooBig(err, maxBatchBytes)
	}
	return nil
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
		for k := 2; taken[strings.ToLower(cand)] || strings.EqualFold(cand, "summary") || strings.EqualFold(cand, "datapackage"); k++ {
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
	done := publish.Batch(ctx, s.cfg.Resources, files, s.batchRunOptions(sp, s.cfg.Workers), func(publish.Row) {
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
	if err := s.makeReview(sp); err != nil {
		s.logf("批量处理的汇总表：%v", err)
	}
}

// batchRunOptions are the options a batch's departments are run with:
// the server's --force, the page's choices, into the batch's out/ folder;
// each department's HTML edition is always made.
func (s *Server) batchRunOptions(sp *space, jobs int) publish.BatchOptions {
	b := sp.batch
	b.mu.Lock()
	defer b.mu.Unlock()
	return publish.BatchOptions{Out: sp.path("out"), Jobs: jobs, Force: s.cfg.Options.Force, Strict: b.opts.Strict, OpenData: b.opts.OpenData, HTML: true, Layout: s.cfg.Options.Layout}
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

// batchClose removes the batch and its files.
func (s *Server) batchClose(w http.ResponseWriter, r *http.Request, sp *space) {
	s.spaces.remove(sp)
	http.Redirect(w, r, "/bureau", http.StatusSeeOther)
}

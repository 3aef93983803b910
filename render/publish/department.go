package publish

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
	"github.com/budgetpub/budgetpub/render/html"
	"github.com/budgetpub/budgetpub/render/opendata"
	"github.com/budgetpub/budgetpub/render/pdf"
	"github.com/budgetpub/budgetpub/render/publish/deptfiles"
	"github.com/budgetpub/budgetpub/render/publish/pairwrite"
	"github.com/budgetpub/budgetpub/render/publish/rollover"
	"github.com/budgetpub/budgetpub/render/xlsx"
)

// Options change one department's run.
type Options struct {
	// Force renders although the checks found errors; the outputs then say
	// on every page and sheet that they are a draft.
	Force bool
	// Strict makes every warning an error: for a bureau that publishes
	// nothing with open findings.
	Strict bool
	// OpenData also makes the publication as open data: <stem>.json (every
	// table by id, the 第三部分 figures) and <stem>.csv (one row per amount).
	OpenData bool
	// HTML also makes the publication's HTML edition, <stem>.html
	// (render/html), linking the pair and the open data beside it.
	HTML bool
	// CheckOnly stops after the checks: no file is made (the workbench's
	// live check as the clerk types; render and check run the writers).
	CheckOnly bool
	// Layout, when set, is the layout (render.Profile) to make the
	// publication in, whatever the document's layout: says (--layout).
	Layout string
	// Budget, when set, is the year's 预算 a 决算's 年初预算 must agree
	// with (--budget): each difference is an error (f-budget-file).
	Budget *input.Document
}

// DraftNotice is printed on every page and table of a forced render whose
// checks found errors; IncompleteNotice on one that has statements nobody
// gave (printed as 【未填写：…】).
const (
	DraftNotice      = "草稿：勾稽核对发现错误，本文件不是正式公开文本"
	IncompleteNotice = "草稿：尚有未填写的内容，本文件不是正式公开文本"
)

// ErrChecks is the error of a run stopped by its checks' errors;
// ErrIncomplete of one stopped because something it would state was never
// given (findings of severity incomplete, 需补填).
var (
	ErrChecks     = errors.New("勾稽核对发现错误，未生成任何文件（确需生成草稿可加 --force）")
	ErrIncomplete = errors.New("公开材料尚有未填写的内容（需补填），未生成任何文件：请逐项填写上面列出的内容（确需生成草稿可加 --force，草稿中未填写处印作【未填写：…】）")
)

// Renders tells whether a master input the program made (init, import)
// goes through the whole pipeline, both writers included, with no error:
// what it leaves to fill in (incomplete findings) is allowed — the clerk
// fills it in next.
func Renders(res *Resources, name string, data []byte) error {
	r := Department(res, name, data, Options{Force: true})
	if r.Err == nil && render.HasErrors(r.Findings) {
		return ErrChecks
	}
	return r.Err
}

// StoppedByChecks tells whether err is a run stopped by its findings
// (errors, or something left to fill in), which say why.
func StoppedByChecks(err error) bool { return err == ErrChecks || err == ErrIncomplete }

// Result is one department's run: what was decoded and built, the checks'
// findings, the two files in memory, or the error that stopped it. The
// findings are kept even when an error stops the run.
type Result struct {
	Name     string // the input's file name, as given
	Doc      *input.Document
	Pub      *render.Publication
	Findings []render.Finding
	Notices  []string // how the input was read, when worth saying (a GBK file)
	Workbook []byte
	PDF      []byte
	JSON     []byte // with Options.OpenData
	CSV      []byte // with Options.OpenData
	HTML     []byte // with Options.HTML: linking the files of the input's stem (WriteAs makes it again for another name)
	Err      error
}

// Fault is a failure inside the program or a library it uses (a panic
// caught at the department's boundary), not a problem of the input: the
// commands exit with their own status for it.
type Fault struct {
	Name  string // the input
	Cause string // what the fault was about, in Chinese
	Err   any    // what the library said
}

func (f *Fault) Error() string {
	return fmt.Sprintf("%s: 程序内部错误：%s（%v）", f.Name, f.Cause, f.Err)
}

// Guard runs f, turning a panic into a Fault about name (what was being
// done, for the message).
func Guard(name, cause string, f func() error) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = &Fault{Name: name, Cause: cause, Err: p}
		}
	}()
	return f()
}

// IsFault tells whether err is a Fault (a file misplaced by the program
// among them: pairwrite.Misplaced).
func IsFault(err error) bool {
	var f *Fault
	var m *pairwrite.Misplaced
	return errors.As(err, &f) || errors.As(err, &m)
}

// Department runs the whole pipeline on one input in memory. It writes
// nothing; Write puts the result's files in a folder. A panic anywhere in
// it — a damaged font met by the PDF library, say — is caught here and
// becomes the result's Fault, naming the user's font files when there are
// any, so that one department never takes a batch down.
func Department(res *Resources, name string, data []byte, o Options) (r *Result) {
	r = &Result{Name: name}
	defer func() {
		if p := recover(); p != nil {
			cause := "生成公开材料时出错，请把输入文件和这条信息报告给维护人员"
			if files := res.Fonts.UserFiles(); len(files) > 0 {
				cause = "生成 PDF 时出错，可能是字体文件 " + strings.Join(files, "、") + " 已损坏：请换用完好的 TrueType（.ttf）字体"
			}
			r.Workbook, r.PDF, r.JSON, r.CSV, r.HTML = nil, nil, nil, nil, nil
			r.Err = &Fault{Name: name, Cause: cause, Err: p}
		}
	}()
	doc, err := input.Decode(name, data, res.Catalog)
	if err != nil {
		r.Err = err
		return r
	}
	r.Doc = doc
	if n := input.EncodingNotice(name, doc.Encoding); n != "" {
		r.Notices = append(r.Notices, n)
	}
	if errs := missingGlyphs(doc, res.Fonts); len(errs) > 0 {
		r.Err = errs
		return r
	}
	pub, err := render.BuildWith(doc, render.Options{Wording: res.Wording, Layout: o.Layout})
	if err != nil {
		r.Err = fmt.Errorf("%s: %w", name, err)
		return r
	}
	r.Pub = pub
	r.Findings = render.Check(doc, pub)
	if o.Budget != nil && pub.Profile.Kind == render.KindFinal {
		r.Findings = append(r.Findings, rollover.BudgetAgreement(doc, o.Budget)...)
	}
	if o.Strict {
		r.Findings = render.Strict(r.Findings)
	}
	switch {
	case render.HasErrors(r.Findings) && !o.Force:
		r.Err = ErrChecks
		return r
	case render.HasIncomplete(r.Findings) && !o.Force:
		r.Err = ErrIncomplete
		return r
	case render.HasErrors(r.Findings):
		render.MarkDraft(pub, DraftNotice)
	case render.HasIncomplete(r.Findings):
		render.MarkDraft(pub, IncompleteNotice)
	}
	if o.CheckOnly {
		return r
	}
	var book bytes.Buffer
	if err := xlsx.Write(&book, pub); err != nil {
		r.Err = fmt.Errorf("%s: 无法生成工作簿：%w", name, err)
		return r
	}
	paper, err := pdf.Bytes(pub, res.Fonts)
	if err != nil {
		r.Err = fmt.Errorf("%s: 无法生成 PDF：%w", name, err)
		return r
	}
	if o.OpenData {
		if r.JSON, err = opendata.JSON(pub, doc); err == nil {
			r.CSV, err = opendata.CSV(doc, pub)
		}
		if err != nil {
			r.Err = fmt.Errorf("%s: 无法生成开放数据：%w", name, err)
			return r
		}
	}
	if o.HTML {
		if r.HTML, err = html.Bytes(pub, htmlLinks(Stem(name), o.OpenData)); err != nil {
			r.Err = fmt.Errorf("%s: 无法生成网页版：%w", name, err)
			return r
		}
	}
	r.Workbook, r.PDF = book.Bytes(), paper
	return r
}

// htmlLinks are the files beside the HTML edition of output name stem:
// the pair, and the open data when it is written.
func htmlLinks(stem string, openData bool) html.Options {
	o := html.Options{PDF: deptfiles.PDF.Name(stem), Workbook: deptfiles.Workbook.Name(stem)}
	if openData {
		o.JSON, o.CSV = deptfiles.JSON.Name(stem), deptfiles.CSV.Name(stem)
	}
	return o
}

// RelinkHTML is an HTML edition made for output name from made to link
// the files of output name to (html.Relink): the workbench's batch keeps
// a department's files by number and zips them by name. Its open data's
// links are changed when it has them.
func RelinkHTML(page []byte, from, to string) []byte {
	return html.Relink(page, htmlLinks(from, true), htmlLinks(to, true))
}

// HTMLAs is the HTML edition linking the files of output name stem: the
// one made (Result.HTML) when that is the input's stem, else made again
// from the publication; nil when none was made.
func (r *Result) HTMLAs(stem string) ([]byte, error) {
	if r.HTML == nil || stem == Stem(r.Name) || r.Pub == nil {
		return r.HTML, nil
	}
	return html.Bytes(r.Pub, htmlLinks(stem, r.JSON != nil))
}

// File runs the pipeline on an input file.
func File(res *Resources, path string, o Options) *Result {
	data, err := ReadInput(path)
	if err != nil {
		return &Result{Name: path, Err: &input.Error{File: path, Msg: "无法读取：" + err.Error(), Err: err}}
	}
	return Department(res, path, data, o)
}

// Data is the department's file of kind k, in memory (nil when it was not
// made).
func (r *Result) Data(k deptfiles.Kind) []byte {
	switch k {
	case deptfiles.Workbook:
		return r.Workbook
	case deptfiles.PDF:
		return r.PDF
	case deptfiles.JSON:
		return r.JSON
	case deptfiles.CSV:
		return r.CSV
	case deptfiles.HTML:
		return r.HTML
	}
	return nil
}

// InputErrors are the input's problems of a stopped run (decoding,
// validation, glyphs), or nil.
func (r *Result) InputErrors() input.Errors {
	return input.AsErrors(r.Err)
}

// Write writes the department's workbook and PDF into dir (made if need be)
// as <stem>.xlsx and <stem>.pdf — and its open data and HTML edition when
// made —, replacing all together or none (pairwrite), and returns their
// paths.
func (r *Result) Write(dir string) ([]string, error) {
	return r.WriteAs(dir, Stem(r.Name))
}

// WriteAs is Write under the output name name: a file name without
// extension, or a slash-separated path inside dir (a batch's
// --keep-folders: 城区/教育局), whose folders are made inside dir through
// an os.Root of it (pairwrite.WriteUnder).
func (r *Result) WriteAs(dir, name string) ([]string, error) {
	if r.Err != nil {
		return nil, r.Err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("%s: 无法创建输出目录：%s", dir, pairwrite.OSCause(err))
	}
	sub, stem := path.Split(name)
	sub = strings.TrimSuffix(sub, "/")
	folder := filepath.Join(dir, filepath.FromSlash(sub))
	var files []pairwrite.File
	for _, k := range deptfiles.Of(r.JSON != nil, r.HTML != nil) {
		data := r.Data(k)
		if k == deptfiles.HTML {
			var err error
			if data, err = r.HTMLAs(stem); err != nil {
				return nil, fmt.Errorf("%s: 无法生成网页版：%w", r.Name, err)
			}
		}
		files = append(files, pairwrite.File{Path: filepath.Join(folder, k.Name(stem)), Data: data})
	}
	if err := pairwrite.WriteUnder(dir, sub, files); err != nil {
		return nil, err
	}
	var paths []string
	for _, f := range files {
		paths = append(paths, f.Path)
	}
	return paths, nil
}

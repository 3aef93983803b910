package workbench

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render/importer"
	"github.com/budgetpub/budgetpub/render/publish"
	"github.com/budgetpub/budgetpub/render/publish/rollover"
)

// startView is the first page's data.
type startView struct {
	Year       int
	Name       string
	Problems   []string    // what an upload's file had wrong, each with its place
	Open       []openSpace // this browser's workspaces
	PerBrowser int
}

// openSpace is a workspace of the browser as the first page lists it.
type openSpace struct {
	Href, Name, Kind, Used string
}

func (s *Server) startView(r *http.Request, problems []string) startView {
	v := startView{Year: time.Now().Year() + 1, Problems: problems, PerBrowser: s.cfg.MaxPerBrowser}
	for _, sp := range s.spaces.mine(client(r)) {
		sp.mu.Lock()
		o := openSpace{Href: workspaceRoute + sp.id + "/", Name: sp.display, Kind: "部门", Used: sp.used.Format("15:04")}
		sp.mu.Unlock()
		if sp.batch != nil {
			o.Href, o.Kind, o.Name = "/b/"+sp.id+"/", "批量处理", sp.batch.title()
		}
		v.Open = append(v.Open, o)
	}
	return v
}

func (s *Server) startPage(w http.ResponseWriter, r *http.Request) {
	s.show(w, r, http.StatusOK, "start", page{Title: "开始", Data: s.startView(r, nil)})
}

// startAgain shows the first page with what stopped the start.
func (s *Server) startAgain(w http.ResponseWriter, r *http.Request, status int, problems []string) {
	s.show(w, r, status, "start", page{Title: "开始", Problem: []string{"没有开始：文件有问题，见下面的说明"},
		Data: s.startView(r, problems)})
}

// roomFor refuses a start (a batch) before its upload is read when the
// browser or the workbench has no room for another workspace.
func (s *Server) roomFor(w http.ResponseWriter, r *http.Request, batch bool) bool {
	if err := s.spaces.room(client(r), batch); err != nil {
		s.failErr(w, r, err)
		return false
	}
	return true
}

// errorLines are an error's lines: an input's errors one by one.
func errorLines(err error) []string {
	if es := input.AsErrors(err); es != nil {
		out := make([]string, len(es))
		for i, e := range es {
			out[i] = e.Error()
		}
		return out
	}
	return strings.Split(strings.TrimSpace(err.Error()), "\n")
}

// startUpload starts from an uploaded workbook (imported, with last year's
// file if given) or master input.
func (s *Server) startUpload(w http.ResponseWriter, r *http.Request) {
	if !s.roomFor(w, r, false) {
		return
	}
	_, files, done, err := s.readForm(w, r, importer.MaxBookSize+input.MaxFileSize+uploadOverhead, 2)
	if err != nil {
		s.uploadFailed(w, r, err)
		return
	}
	defer done()
	main, prior := fieldFile(files, "file"), fieldFile(files, "prior")
	if main == nil {
		s.startAgain(w, r, http.StatusBadRequest, []string{"请选择要上传的文件：13 张公开表的 Excel 工作簿（.xlsx）或主输入文件（.yaml）"})
		return
	}
	var (
		text    []byte
		fo      input.FormatOptions
		notes   []string
		problem error
	)
	switch main.kind {
	case kindZip:
		s.startAgain(w, r, http.StatusBadRequest, []string{main.name + " 是压缩包：多个部门的文件请在“财政部门批量处理”页上传"})
		return
	case kindBook:
		err := s.work(r.Context(), func() {
			if problem = loadAll(main, prior); problem != nil {
				return
			}
			o := publish.ImportOptions{Context: r.Context()}
			if prior != nil {
				ly, err := publish.LastYearFrom(s.cfg.Resources, prior.name, prior.data)
				if err != nil {
					problem = err
					return
				}
				o.Amend = ly.Carry
			}
			var res *importer.Result
			if res, problem = publish.ImportBook(s.cfg.Resources, main.name, main.data, o); problem == nil {
				// What is left to fill in is said by the findings (需补填),
				// which follow the form as it is filled in: the file keeps
				// no list of its own once the form is saved.
				text = res.Text
				fo = input.FormatOptions{Header: publish.ImportHeader(main.name)}
				for _, a := range res.Assumptions {
					notes = append(notes, "导入时的假设："+a.String())
				}
				notes = append(notes, res.Warnings...)
			}
		})
		if err != nil {
			s.failErr(w, r, err)
			return
		}
	default:
		if err := main.load(); err != nil {
			problem = err
			break
		}
		t, enc, err := input.ToUTF8(main.name, main.data)
		if err != nil {
			problem = err
			break
		}
		text = t
		if enc != input.EncodingUTF8 {
			notes = append(notes, fmt.Sprintf("%s 按 %s 编码读取，工作台中保存和下载的主输入文件为 UTF-8 编码", main.name, enc))
		}
	}
	if problem != nil {
		s.startAgain(w, r, http.StatusBadRequest, errorLines(problem))
		return
	}
	display := trimExt(main.name) + ".yaml"
	s.open(w, r, display, text, fo, notes)
}

// uploadFailed answers a form whose files could not be taken: a file's own
// problem on the start page among the file's problems, else a page of its
// own.
func (s *Server) uploadFailed(w http.ResponseWriter, r *http.Request, err error) {
	if fe, ok := err.(*fileError); ok {
		s.startAgain(w, r, fe.status, []string{fe.msg})
		return
	}
	s.failErr(w, r, err)
}

// loadAll reads the uploads given (nil ones skipped) into memory.
func loadAll(us ...*upload) error {
	for _, u := range us {
		if u == nil {
			continue
		}
		if err := u.load(); err != nil {
			return err
		}
	}
	return nil
}

// startNew starts from a skeleton of a year and a department's name.
func (s *Server) startNew(w http.ResponseWriter, r *http.Request) {
	if !s.roomFor(w, r, false) {
		return
	}
	form, err := postForm(w, r, maxFormBytes)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	year, err := strconv.Atoi(strings.TrimSpace(form.Get("year")))
	if err != nil || year < 2000 || year > 2100 {
		s.startAgain(w, r, http.StatusBadRequest, []string{"预算年度应为 2000 至 2100 之间的年份，如 " + strconv.Itoa(time.Now().Year()+1)})
		return
	}
	name := strings.TrimSpace(form.Get("name"))
	if lead, bad := input.FormulaLead(name); bad {
		s.startAgain(w, r, http.StatusBadRequest, []string{fmt.Sprintf("部门名称“%s”以“%s”开头，电子表格软件会把它当作公式执行：请去掉开头的这个符号", name, lead)})
		return
	}
	if len([]rune(name)) > 100 {
		s.startAgain(w, r, http.StatusBadRequest, []string{"部门名称过长（上限 100 字）"})
		return
	}
	display := "某某部门"
	if name != "" {
		display = name
	}
	s.open(w, r, fmt.Sprintf("%s-%d.yaml", display, year), input.Skeleton(year, name), input.FormatOptions{Examples: true}, nil)
}

// startLastYear starts next year's file from last year's.
func (s *Server) startLastYear(w http.ResponseWriter, r *http.Request) {
	if !s.roomFor(w, r, false) {
		return
	}
	fields, files, done, err := s.readForm(w, r, importer.MaxBookSize+uploadOverhead, 1)
	if err != nil {
		s.uploadFailed(w, r, err)
		return
	}
	defer done()
	if len(files) == 0 {
		s.startAgain(w, r, http.StatusBadRequest, []string{"请选择上年的主输入文件（.yaml）"})
		return
	}
	last := files[0]
	if last.kind != kindYAML {
		s.startAgain(w, r, http.StatusBadRequest, []string{last.name + " 不是主输入文件（.yaml）：由上年的公开表工作簿开始，请用上面的“上传文件”"})
		return
	}
	if err := last.load(); err != nil {
		s.failErr(w, r, err)
		return
	}
	var (
		text    []byte
		fo      input.FormatOptions
		problem error
		year    int
	)
	err = s.work(r.Context(), func() {
		ly, err := publish.LastYearFrom(s.cfg.Resources, last.name, last.data)
		if err != nil {
			problem = err
			return
		}
		year = ly.Doc.Year + 1
		if y, err := strconv.Atoi(strings.TrimSpace(fields["year"])); err == nil && y >= 2000 && y <= 2100 {
			year = y
		}
		var doc *input.Document
		if doc, fo, problem = ly.RollOver(year); problem != nil {
			return
		}
		text = input.Format(doc, fo)
	})
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	if problem != nil {
		s.startAgain(w, r, http.StatusBadRequest, errorLines(problem))
		return
	}
	name := strings.TrimSuffix(trimExt(last.name), strconv.Itoa(year-1))
	name = strings.TrimRight(name, "-_ ")
	if name == "" {
		name = "主输入文件"
	}
	s.open(w, r, fmt.Sprintf("%s-%d.yaml", name, year), text, fo, nil)
}

// fieldFile is the file uploaded under a form field (the last, if several).
func fieldFile(files []*upload, field string) *upload {
	var out *upload
	for _, f := range files {
		if f.field == field {
			out = f
		}
	}
	return out
}

// startFinal starts the year's 决算 from its 预算 (init --final-from): the
// 预算's figures are the 年初预算 it is compared with; last year's 决算,
// when given, gives the 上年 figures.
func (s *Server) startFinal(w http.ResponseWriter, r *http.Request) {
	if !s.roomFor(w, r, false) {
		return
	}
	_, files, done, err := s.readForm(w, r, 2*(importer.MaxBookSize+uploadOverhead), 2)
	if err != nil {
		s.uploadFailed(w, r, err)
		return
	}
	defer done()
	budget, prior := fieldFile(files, "budget"), fieldFile(files, "prior")
	if budget == nil {
		s.startAgain(w, r, http.StatusBadRequest, []string{"请选择本年度的预算主输入文件（.yaml）"})
		return
	}
	for _, f := range []*upload{budget, prior} {
		if f == nil {
			continue
		}
		if f.kind != kindYAML {
			s.startAgain(w, r, http.StatusBadRequest, []string{f.name + " 不是主输入文件（.yaml）：请选择本年度的预算文件和上年度的决算文件"})
			return
		}
		if err := f.load(); err != nil {
			s.failErr(w, r, err)
			return
		}
	}
	var (
		text    []byte
		fo      input.FormatOptions
		problem error
		year    int
	)
	err = s.work(r.Context(), func() {
		b, err := input.Decode(budget.name, budget.data, s.cfg.Resources.Catalog)
		if err != nil {
			problem = err
			return
		}
		var p *input.Document
		if prior != nil {
			if p, err = input.Decode(prior.name, prior.data, s.cfg.Resources.Catalog); err != nil {
				problem = err
				return
			}
		}
		var doc *input.Document
		if doc, fo, problem = rollover.FinalFrom(b, p); problem != nil {
			return
		}
		year = doc.Year
		text = input.Format(doc, fo)
	})
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	if problem != nil {
		s.startAgain(w, r, http.StatusBadRequest, errorLines(problem))
		return
	}
	name := strings.TrimRight(strings.TrimSuffix(trimExt(budget.name), strconv.Itoa(year)), "-_ ")
	if name == "" {
		name = "部门"
	}
	s.open(w, r, fmt.Sprintf("%s-%d-决算.yaml", name, year), text, fo, nil)
}

// open makes the workspace of a master input and sends the browser to it.
func (s *Server) open(w http.ResponseWriter, r *http.Request, display string, text []byte, fo input.FormatOptions, notes []string) {
	s.openFrom(w, r, display, text, fo, notes, nil, nil)
}

// openFrom is open for a department of a batch (from, with the batch's
// options), or of none (nil, nil).
func (s *Server) openFrom(w http.ResponseWriter, r *http.Request, display string, text []byte, fo input.FormatOptions, notes []string, from *batchOrigin, opts *publish.Options) {
	sp, err := s.spaces.create(client(r), false)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	sp.mu.Lock()
	sp.from, sp.opts = from, opts
	sp.display = displayName(display, "主输入文件.yaml")
	sp.stem = safeStem(trimExt(sp.display), "部门预算公开")
	sp.format, sp.notes = fo, labelNotes(notes)
	err = sp.setText(text)
	sp.mu.Unlock()
	if err != nil {
		s.spaces.remove(sp)
		s.failErr(w, r, fmt.Errorf("无法保存主输入文件：%w", err))
		return
	}
	http.Redirect(w, r, workspaceRoute+sp.id+"/", http.StatusSeeOther)
}

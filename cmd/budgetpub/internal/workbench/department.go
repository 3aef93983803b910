package workbench

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
	"github.com/budgetpub/budgetpub/render/opendata"
	"github.com/budgetpub/budgetpub/render/publish"
	"github.com/budgetpub/budgetpub/render/publish/deptfiles"
)

// A department's workspace: 核对 (the findings), 填写 (the form), 源文件 (the
// YAML), 生成 (render and download).

// options are the workspace's render options: render's flags, or those
// of the batch it was opened from (back.go).
func (s *Server) options(sp *space) publish.Options {
	sp.mu.Lock()
	defer sp.mu.Unlock()
	if sp.opts != nil {
		return *sp.opts
	}
	return s.cfg.Options
}

// checkOptions are the options of the live check: the workspace's, no files.
func (s *Server) checkOptions(sp *space) publish.Options {
	o := s.options(sp)
	return publish.Options{Strict: o.Strict, Layout: o.Layout, CheckOnly: true}
}

// checked is the check of the workspace's current text, with the version
// of the text it is of: kept in s.results while it fits, else checked again.
func (s *Server) checked(ctx context.Context, sp *space) (*publish.Result, version, error) {
	sp.mu.Lock()
	display, ver := sp.display, sp.ver
	sp.mu.Unlock()
	if res := s.results.get(sp.id, ver); res != nil {
		return res, ver, nil
	}
	text, ver, err := sp.text()
	if err != nil {
		return nil, ver, err
	}
	res, err := s.checkText(ctx, sp, display, text)
	if err != nil {
		return nil, ver, err
	}
	s.results.put(sp.id, ver, res, len(text))
	return res, ver, nil
}

// checkText runs the pipeline's checks on a text, holding a worker.
func (s *Server) checkText(ctx context.Context, sp *space, display string, text []byte) (*publish.Result, error) {
	var res *publish.Result
	o := s.checkOptions(sp)
	err := s.work(ctx, func() { res = publish.Department(s.cfg.Resources, display, text, o) })
	return res, err
}

// view is the workspace's head for its pages.
func (s *Server) view(sp *space, res *publish.Result) *spaceView {
	sp.mu.Lock()
	defer sp.mu.Unlock()
	v := &spaceView{ID: sp.id, Name: sp.display, Decoded: res != nil && res.Doc != nil}
	v.Errors, v.Warnings, v.InputErrors = counts(res)
	v.Status = string(status(res))
	v.StatusClass = statusClass(v.Status)
	if res != nil {
		_, v.Incomplete, _ = render.Tally(res.Findings)
	}
	if sp.out != nil {
		fresh := sp.out.of == sp.ver
		v.RenderedAndFresh, v.RenderedButStale = fresh, !fresh
	}
	if f := sp.from; f != nil {
		v.From = &fromView{Batch: f.batch, Name: f.name, Note: f.note, N: f.n, Changed: f.pushed != sp.ver}
	}
	return v
}

// checkView is the 核对 page's data.
type checkView struct {
	Findings findingGroups
	Notes    []string
	Notices  []string
}

func (s *Server) checkPage(w http.ResponseWriter, r *http.Request, sp *space) {
	res, _, err := s.checked(r.Context(), sp)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	sp.mu.Lock()
	v := checkView{Notes: sp.notes}
	sp.mu.Unlock()
	v.Notices = res.Notices
	v.Findings = groupFindings(findingViews(sp.id, res))
	p := page{Title: "核对", Space: s.view(sp, res), Tab: "check", Data: v}
	if r.URL.Query().Get("saved") != "" {
		p.Flash = []string{"已保存填写的内容，并重新核对"}
	}
	s.show(w, r, http.StatusOK, "check", p)
}

// fillView is the 填写 page's data.
type fillView struct {
	Form     formView
	Findings findingGroups
	Saved    bool
	Version  string      // of the text the form's values are based on: checked on save
	Jump     []fieldLink // the fields a refusal is about, to go to (the form is long)
	Unsaved  bool        // the values shown are as posted, not saved
}

// fieldLink is a link to a field of the form.
type fieldLink struct{ Anchor, Label string }

func (s *Server) fillPage(w http.ResponseWriter, r *http.Request, sp *space) {
	res, ver, err := s.checked(r.Context(), sp)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	s.showFill(w, r, sp, res, fillState{version: ver.String(), saved: r.URL.Query().Get("saved") != ""})
}

// fillState is how the form is shown: as the file has it, or as posted
// (after a refusal), with the problems and notes of its fields.
type fillState struct {
	version  string            // the version the values shown are based on
	posted   url.Values        // the values to show instead of the file's
	problems map[string]string // by field: what is wrong (red)
	notes    map[string]string // by field: what to know (changed elsewhere)
	general  []string          // above the form
	status   int               // 0: 200, or 400 with problems
	saved    bool
}

func (s *Server) showFill(w http.ResponseWriter, r *http.Request, sp *space, res *publish.Result, st fillState) {
	p := page{Title: "填写", Space: s.view(sp, res), Tab: "fill", Problem: st.general}
	status := st.status
	if len(st.problems) > 0 || len(st.general) > 0 {
		if status == 0 {
			status = http.StatusBadRequest
		}
		if len(st.general) == 0 {
			p.Problem = []string{"没有保存：有的内容填写得不对，见各栏下的红字"}
		}
	}
	if status == 0 {
		status = http.StatusOK
	}
	if res.Doc == nil {
		p.Problem = append(p.Problem, "主输入文件有错误，表单无法打开：请先在“源文件”中按核对结果改正")
		s.show(w, r, http.StatusOK, "fill", page{Title: p.Title, Space: p.Space, Tab: p.Tab, Problem: p.Problem,
			Data: fillView{Findings: groupFindings(findingViews(sp.id, res))}})
		return
	}
	var summary *render.Summary
	if res.Pub != nil {
		summary = res.Pub.Summary
	}
	v := fillView{Saved: st.saved, Version: st.version, Findings: groupFindings(findingViews(sp.id, res))}
	v.Form = buildForm(res.Doc, summary, st.posted, st.problems)
	v.Form.note(st.notes)
	v.Unsaved = st.posted != nil
	v.Jump = v.Form.marked()
	if st.saved {
		p.Flash = []string{"已保存到主输入文件，并重新核对"}
	}
	p.Data = v
	s.show(w, r, status, "fill", p)
}

// postForm is a POST's urlencoded form, of at most limit bytes. Every
// handler reads its form through it, never r.PostForm: the guard parses the
// body only when the CSRF token is not in the header or the address, so
// whether it is parsed already is none of a handler's business.
func postForm(w http.ResponseWriter, r *http.Request, limit int64) (url.Values, error) {
	if r.PostForm == nil {
		r.Body = http.MaxBytesReader(w, r.Body, limit)
		if err := r.ParseForm(); err != nil {
			return nil, tooBig(err, limit)
		}
	}
	return r.PostForm, nil
}

// fillSave writes the form into the master input, if the form was made
// from the current text (else staleFill) and every value is one the file
// can take.
func (s *Server) fillSave(w http.ResponseWriter, r *http.Request, sp *space) {
	form, err := postForm(w, r, maxFormBytes)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	base := form.Get(versionField)
	text, ver, err := sp.text()
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	sp.mu.Lock()
	display, fo := sp.display, sp.format
	sp.mu.Unlock()
	if base != ver.String() {
		s.staleFill(w, r, sp, form)
		return
	}
	again := func(st fillState) {
		res, _, err := s.checked(r.Context(), sp)
		if err != nil {
			s.failErr(w, r, err)
			return
		}
		st.version = base
		s.showFill(w, r, sp, res, st)
	}
	var (
		doc     *input.Document
		derr    error
		out     []byte
		invalid error
	)
	problems := map[string]string(nil)
	err = s.work(r.Context(), func() {
		if doc, derr = input.Decode(display, text, s.cfg.Resources.Catalog); derr != nil {
			return
		}
		if problems = applyForm(doc, form); problems != nil {
			return
		}
		out = input.Format(doc, fo)
		_, invalid = input.Decode(display, out, s.cfg.Resources.Catalog)
	})
	switch {
	case err != nil:
		s.failErr(w, r, err)
	case derr != nil:
		again(fillState{})
	case problems != nil:
		again(fillState{posted: form, problems: problems})
	case invalid != nil:
		again(fillState{posted: form, general: append([]string{"没有保存：填写的内容不符合主输入文件的要求"}, errorMessages(invalid)...)})
	default:
		if err := s.saveIf(sp, base, out); err == errStale {
			s.staleFill(w, r, sp, form)
		} else if err != nil {
			s.failErr(w, r, err)
		} else {
			http.Redirect(w, r, workspaceRoute+sp.id+afterSave(form), http.StatusSeeOther)
		}
	}
}

// afterSave is the page of the workspace a saved form goes on to: the
// form's "next" (a tab the clerk left the form by, or 保存并去生成), else
// the form again.
func afterSave(form url.Values) string {
	next := ""
	for _, v := range form["next"] {
		if v != "" {
			next = v
		}
	}
	switch next {
	case "check":
		return "/?saved=1"
	case "yaml":
		return "/yaml?saved=1"
	case "publish":
		return "/publish?saved=1"
	}
	return "/fill?saved=1"
}

// errorMessages are an input error's messages without the file's place
// (the place is in a file the clerk has not seen).
func errorMessages(err error) []string {
	if es := input.AsErrors(err); es != nil {
		out := make([]string, len(es))
		for i, e := range es {
			out[i] = e.Msg
		}
		return out
	}
	return []string{err.Error()}
}

// saveIf makes text the workspace's master input if the current one is
// of version base (errStale if not: it was changed elsewhere since).
func (s *Server) saveIf(sp *space, base string, text []byte) error {
	sp.mu.Lock()
	defer sp.mu.Unlock()
	if base != sp.ver.String() {
		return errStale
	}
	if err := sp.setText(text); err != nil {
		return fmt.Errorf("无法保存主输入文件：%w", err)
	}
	return nil
}

var errStale = errors.New("the text was changed since the form was made")

// yamlView is the 源文件 page's data.
type yamlView struct {
	Text     string
	Line     int
	Excerpt  []excerptLine // the lines around Line, for a browser without script
	Findings []findingView
	Saved    bool
	Version  string // of the text as the page was made: checked on save
}

type excerptLine struct {
	N    int
	Text string
	At   bool
}

// checkedAndText are the check of the workspace's text (for its findings)
// and the text itself with its version.
func (s *Server) checkedAndText(ctx context.Context, sp *space) (*publish.Result, []byte, version, error) {
	res, _, err := s.checked(ctx, sp)
	if err != nil {
		return nil, nil, version{}, err
	}
	text, ver, err := sp.text()
	return res, text, ver, err
}

func (s *Server) yamlPage(w http.ResponseWriter, r *http.Request, sp *space) {
	res, text, ver, err := s.checkedAndText(r.Context(), sp)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	line, _ := strconv.Atoi(r.URL.Query().Get("line"))
	s.showYAML(w, r, sp, res, yamlView{Text: string(text), Version: ver.String(), Line: line, Saved: r.URL.Query().Get("saved") != ""}, nil, http.StatusOK)
}

// showYAML shows the editor holding v.Text, made from the text of
// v.Version, with the findings of res and problems above it.
func (s *Server) showYAML(w http.ResponseWriter, r *http.Request, sp *space, res *publish.Result, v yamlView, problems []string, status int) {
	text, line, saved := v.Text, v.Line, v.Saved
	v.Findings = findingViews(sp.id, res)
	if line > 0 {
		lines := strings.Split(text, "\n")
		for n := max(1, line-3); n <= min(len(lines), line+3); n++ {
			v.Excerpt = append(v.Excerpt, excerptLine{N: n, Text: lines[n-1], At: n == line})
		}
	}
	p := page{Title: "源文件", Space: s.view(sp, res), Tab: "yaml", Data: v, Problem: problems}
	if saved {
		p.Flash = []string{"已保存，并重新核对"}
	}
	s.show(w, r, status, "yaml", p)
}

func (s *Server) yamlSave(w http.ResponseWriter, r *http.Request, sp *space) {
	form, err := postForm(w, r, 4*input.MaxFileSize)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	text := strings.ReplaceAll(form.Get("text"), "\r\n", "\n")
	if len(text) > input.MaxFileSize {
		s.fail(w, r, http.StatusRequestEntityTooLarge, fmt.Sprintf("主输入文件过大（上限 %d MB），没有保存", input.MaxFileSize>>20))
		return
	}
	if err := s.saveIf(sp, form.Get(versionField), []byte(text)); err == errStale {
		s.staleYAML(w, r, sp, text, form.Get(versionField))
		return
	} else if err != nil {
		s.failErr(w, r, err)
		return
	}
	http.Redirect(w, r, workspaceRoute+sp.id+"/yaml?saved=1", http.StatusSeeOther)
}

// liveCheck checks a text the editor sends (not saved) and answers the
// findings as JSON, for the page's script.
func (s *Server) liveCheck(w http.ResponseWriter, r *http.Request, sp *space) {
	r.Body = http.MaxBytesReader(w, r.Body, input.MaxFileSize)
	b, err := io.ReadAll(r.Body)
	if err != nil {
		s.failErr(w, r, tooBig(err, input.MaxFileSize))
		return
	}
	display := sp.name()
	res, err := s.checkText(r.Context(), sp, display, b)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	errs, warns, _ := counts(res)
	vs := findingViews(sp.id, res)
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_ = json.NewEncoder(w).Encode(struct {
		Status     string        `json:"status"`
		Errors     int           `json:"errors"`
		Incomplete int           `json:"incomplete"`
		Warnings   int           `json:"warnings"`
		Findings   []findingJSON `json:"findings"`
	}{string(status(res)), errs, len(groupFindings(vs).Incomplete), warns, findingsJSON(vs)})
}

// findingJSON is a finding as the page's script shows it.
type findingJSON struct {
	Error      bool   `json:"error"`
	Incomplete bool   `json:"incomplete,omitempty"`
	Severity   string `json:"severity"`
	ID         string `json:"id"`
	Message    string `json:"message"`
	Left       string `json:"left,omitempty"`
	Right      string `json:"right,omitempty"`
	Diff       string `json:"difference,omitempty"`
	Place      string `json:"place,omitempty"`
	Line       int    `json:"line,omitempty"`
	Link       string `json:"link,omitempty"`
	Label      string `json:"label,omitempty"`
}

func findingsJSON(vs []findingView) []findingJSON {
	out := make([]findingJSON, len(vs))
	for i, v := range vs {
		out[i] = findingJSON{v.Error, v.Incomplete, v.Severity, v.ID, v.Message, v.Left, v.Right, v.Diff, v.Place, v.Line, v.Link, v.Label}
	}
	return out
}

// publishView is the 生成 page's data.
type publishView struct {
	Findings findingGroups
	Files    []downloadLink
	OpenData bool
	At       string
	Failed   bool
}

type downloadLink struct {
	Kind, Label, Name string
}

// outputs are the kinds of file a render makes, with their labels.
var outputs = []struct{ kind, label, ext, mime string }{
	{"pdf", "公开文本（PDF）", ".pdf", "application/pdf"},
	{"xlsx", "13 张公开表（Excel 工作簿）", ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
	{"json", "开放数据（JSON）", opendata.JSONExt, "application/json"},
	{"csv", "开放数据（CSV）", opendata.CSVExt, "text/csv; charset=utf-8"},
	{"html", "网页版（无障碍 HTML）", deptfiles.HTML.Ext(), "text/html; charset=utf-8"},
}

func (s *Server) publishPage(w http.ResponseWriter, r *http.Request, sp *space) {
	res, _, err := s.checked(r.Context(), sp)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	s.showPublish(w, r, sp, res, nil, http.StatusOK)
}

func (s *Server) showPublish(w http.ResponseWriter, r *http.Request, sp *space, res *publish.Result, problems []string, status int) {
	v := publishView{Findings: groupFindings(findingViews(sp.id, res)), OpenData: s.options(sp).OpenData, Failed: len(problems) > 0}
	sp.mu.Lock()
	if sp.out != nil && sp.out.of == sp.ver {
		for _, o := range outputs {
			if _, ok := sp.out.files[o.kind]; ok {
				v.Files = append(v.Files, downloadLink{o.kind, o.label, sp.stem + o.ext})
			}
		}
		v.At = sp.out.at.Format("15:04:05")
	}
	sp.mu.Unlock()
	p := page{Title: "生成", Space: s.view(sp, res), Tab: "publish", Problem: problems, Data: v}
	if len(problems) == 0 && r.Method == http.MethodGet && r.URL.Query().Get("done") != "" && len(v.Files) > 0 {
		p.Flash = []string{"已生成：可以在下面预览和下载"}
	}
	if len(problems) == 0 && r.Method == http.MethodGet && r.URL.Query().Get("saved") != "" {
		p.Flash = []string{"已保存填写的内容，并重新核对"}
	}
	s.show(w, r, status, "publish", p)
}

func (s *Server) publishRun(w http.ResponseWriter, r *http.Request, sp *space) {
	text, ver, err := sp.text()
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	display := sp.name()
	var res *publish.Result
	o := s.options(sp)
	o.CheckOnly, o.HTML = false, true
	if err := s.work(r.Context(), func() { res = publish.Department(s.cfg.Resources, display, text, o) }); err != nil {
		s.failErr(w, r, err)
		return
	}
	if res.Err != nil {
		msg := []string{"没有生成："}
		switch res.Err {
		case publish.ErrChecks:
			msg[0] += "核对发现错误，请先按下面的核对结果改正（错误都改正后才能生成正式文本）"
		case publish.ErrIncomplete:
			msg[0] += "尚有未填写的内容，请先按下面列出的“需补填”逐项填写（都填写后才能生成正式文本）"
		default:
			msg[0] += res.Err.Error()
		}
		if publish.IsFault(res.Err) {
			s.logf("内部错误：%v", res.Err)
		}
		s.showPublish(w, r, sp, res, msg, http.StatusUnprocessableEntity)
		return
	}
	// The HTML edition links the files as they are downloaded: by the
	// workspace's stem.
	sp.mu.Lock()
	stem := sp.stem
	sp.mu.Unlock()
	edition, err := res.HTMLAs(stem)
	if err != nil {
		s.failErr(w, r, fmt.Errorf("无法生成网页版：%w", err))
		return
	}
	files := map[string]string{}
	removeAll := func(files map[string]string) {
		for _, f := range files {
			_ = os.Remove(sp.path(f))
		}
	}
	for _, o := range []struct {
		kind string
		data []byte
	}{{"pdf", res.PDF}, {"xlsx", res.Workbook}, {"json", res.JSON}, {"csv", res.CSV}, {"html", edition}} {
		if o.data == nil {
			continue
		}
		name := "out-" + ver.String() + "." + o.kind
		sp.mu.Lock()
		err := sp.writeFile(name, o.data)
		sp.mu.Unlock()
		if err != nil {
			removeAll(files)
			s.failErr(w, r, fmt.Errorf("无法保存生成的文件：%w", err))
			return
		}
		files[o.kind] = name
	}
	sp.mu.Lock()
	current := sp.ver == ver
	if current {
		if sp.out != nil && sp.out.of != ver {
			removeAll(sp.out.files)
		}
		sp.out = &rendered{of: ver, files: files, at: time.Now()}
	}
	sp.mu.Unlock()
	if !current {
		removeAll(files)
		s.showPublish(w, r, sp, res, []string{"没有生成：生成期间主输入文件被修改过（另一个标签页或“源文件”页），这次生成的文件已作废：请再点一次“生成”"}, http.StatusConflict)
		return
	}
	// Opened from a batch: the batch's department is run again with this
	// text, its row updated (what came of it is said in the page's head).
	_ = s.pushToBatch(r.Context(), r, sp, text, ver)
	http.Redirect(w, r, workspaceRoute+sp.id+"/publish?done=1", http.StatusSeeOther)
}

// renderedFile is the file of a kind the last render made, if that render
// is of the current text; otherwise it answers with a Chinese page (not
// rendered yet, or rendered before an edit, with a link to 生成) and
// returns "".
func (s *Server) renderedFile(w http.ResponseWriter, r *http.Request, sp *space, kind string) string {
	sp.mu.Lock()
	var file string
	stale := false
	if sp.out != nil {
		file, stale = sp.out.files[kind], sp.out.of != sp.ver
	}
	sp.mu.Unlock()
	switch {
	case file == "":
		s.fail(w, r, http.StatusNotFound, "还没有生成这个文件：请先在“生成与下载”页点击“生成”")
	case stale:
		s.failTo(w, r, http.StatusConflict, "主输入文件修改过，这些文件是修改之前生成的，已过时：请重新生成", workspaceRoute+sp.id+"/publish", "去生成")
	default:
		return file
	}
	return ""
}

// download sends the master input or a rendered file, by kind.
func (s *Server) download(w http.ResponseWriter, r *http.Request, sp *space) {
	kind := r.PathValue("kind")
	sp.mu.Lock()
	stem := sp.stem
	sp.mu.Unlock()
	if kind == "yaml" {
		text, _, err := sp.text()
		if err != nil {
			s.failErr(w, r, err)
			return
		}
		w.Header().Set("Content-Type", "application/yaml; charset=utf-8")
		w.Header().Set("Content-Disposition", disposition("attachment", stem+".yaml"))
		_, _ = w.Write(text)
		return
	}
	for _, o := range outputs {
		if o.kind == kind {
			if file := s.renderedFile(w, r, sp, kind); file != "" {
				s.sendFile(w, r, sp, file, o.mime, disposition("attachment", stem+o.ext))
			}
			return
		}
	}
	s.fail(w, r, http.StatusNotFound, "没有这种文件：可以下载的是 PDF、Excel 工作簿、开放数据、网页版和主输入文件")
}

// viewPDF sends the rendered PDF to be shown in the page.
func (s *Server) viewPDF(w http.ResponseWriter, r *http.Request, sp *space) {
	if file := s.renderedFile(w, r, sp, "pdf"); file != "" {
		sp.mu.Lock()
		stem := sp.stem
		sp.mu.Unlock()
		s.sendFile(w, r, sp, file, "application/pdf", disposition("inline", stem+".pdf"))
	}
}

func (s *Server) sendFile(w http.ResponseWriter, r *http.Request, sp *space, file, mime, disp string) {
	f, err := os.Open(sp.path(file))
	if err != nil {
		s.fail(w, r, http.StatusNotFound, "文件已不在工作区中：请重新生成")
		return
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		s.fail(w, r, http.StatusNotFound, "文件已不在工作区中：请重新生成")
		return
	}
	w.Header().Set("Content-Type", mime)
	w.Header().Set("Content-Disposition", disp)
	http.ServeContent(w, r, "", fi.ModTime(), f)
}

// closeSpace removes the workspace and its folder.
func (s *Server) closeSpace(w http.ResponseWriter, r *http.Request, sp *space) {
	s.spaces.remove(sp)
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

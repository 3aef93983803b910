package workbench

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
	"github.com/budgetpub/budgetpub/render/publish"
)

//go:embed assets
var assets embed.FS

// pages are the page templates, each with the layout.
var pages = func() map[string]*template.Template {
	out := map[string]*template.Template{}
	names, err := fs.Glob(assets, "assets/*.html")
	if err != nil {
		panic(err)
	}
	for _, n := range names {
		base := path.Base(n)
		if base == "layout.html" {
			continue
		}
		out[strings.TrimSuffix(base, ".html")] = template.Must(template.New("layout.html").Funcs(template.FuncMap{
			"inc":         func(i int) int { return i + 1 },
			"statusClass": statusClass,
			"choose":      choose,
		}).ParseFS(assets, "assets/layout.html", n))
	}
	return out
}()

// chooser is a select of a list field of the form (the template "choose").
type chooser struct {
	Anchor, Name, Label, Aria, Value string
	Needed                           bool // marked while nothing is chosen
	Choices                          []choice
}

func choose(anchor, name, label, aria, value string, needed bool, choices []choice) chooser {
	return chooser{anchor, name, label, aria, value, needed, choices}
}

// page is what every page shows: its title, the forms' CSRF token, and
// for a workspace its id, name and the tab shown.
type page struct {
	Title   string
	CSRF    string
	Space   *spaceView
	Tab     string
	Wide    bool     // the page uses the window's whole width (the batch's review)
	Flash   []string // what the last action did
	Problem []string // what stopped it
	Data    any      // the page's own
}

// spaceView is the workspace's head on its pages.
type spaceView struct {
	ID, Name         string
	Status           string // 可公开, 需补填 or 有错误
	StatusClass      string
	Incomplete       int // findings of something to fill in
	Errors, Warnings int
	InputErrors      int
	Decoded          bool
	RenderedAndFresh bool
	RenderedButStale bool
	From             *fromView // the batch's department it was opened from
}

// show writes a page.
func (s *Server) show(w http.ResponseWriter, r *http.Request, status int, name string, p page) {
	t := pages[name]
	if t == nil {
		panic("workbench: no page " + name)
	}
	p.CSRF = s.csrfToken(r)
	var b bytes.Buffer
	if err := t.Execute(&b, p); err != nil {
		panic(fmt.Sprintf("workbench: page %s: %v", name, err))
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(b.Bytes())
}

// fail writes a page saying what went wrong, in Chinese.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, status int, msg string) {
	if strings.Contains(r.Header.Get("Accept"), "application/json") {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.WriteHeader(status)
		fmt.Fprintf(w, "{\"error\": %q}\n", msg)
		return
	}
	s.show(w, r, status, "error", page{Title: "出错了", Problem: []string{msg}})
}

// failTo writes a page saying what went wrong, with a link to where it is
// put right.
func (s *Server) failTo(w http.ResponseWriter, r *http.Request, status int, msg, href, label string) {
	if strings.Contains(r.Header.Get("Accept"), "application/json") {
		s.fail(w, r, status, msg)
		return
	}
	s.show(w, r, status, "error", page{Title: "出错了", Problem: []string{msg}, Data: errorLink{href, label}})
}

// errorLink is the way on from an error page.
type errorLink struct{ Href, Label string }

// failErr writes the page of an error: an httpError's own status, else 400.
func (s *Server) failErr(w http.ResponseWriter, r *http.Request, err error) {
	if he := (*httpError)(nil); errors.As(err, &he) {
		s.fail(w, r, he.status, he.msg)
		return
	}
	if err == errBusy {
		s.fail(w, r, http.StatusServiceUnavailable, err.Error())
		return
	}
	s.fail(w, r, http.StatusBadRequest, err.Error())
}

// staticFile serves the embedded style sheet and script.
func staticFile(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("file")
	if name != "style.css" && name != "app.js" {
		http.NotFound(w, r)
		return
	}
	b, err := assets.ReadFile("assets/" + name)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", mime.TypeByExtension(path.Ext(name))+"; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	_, _ = w.Write(b)
}

// findingView is one finding or input error as the pages list it.
type findingView struct {
	Error       bool
	Incomplete  bool // 需补填: something to fill in
	Severity    string
	ID          string
	Message     string
	Left, Right string
	Diff        string
	Place       string // 第 12 行第 3 列, or the workbook's cell
	Line, Col   int
	Link        string // where to fix it: a form field or the line of the YAML
	Field       string // the form field, when the link is one
	Label       string // the field's label
}

// findingViews lists a result's input errors, then its findings, each
// linked to the form field it concerns when there is one (by its Path, the
// prior-year figure it misses, or the line it stands on), else its line.
func findingViews(spaceID string, res *publish.Result) []findingView {
	var out []findingView
	if res == nil {
		return nil
	}
	fields := fieldLines(res.Doc)
	if es := input.AsErrors(res.Err); es != nil {
		for _, e := range es {
			v := findingView{Error: true, Severity: "错误", ID: "输入", Message: e.Msg, Line: e.Pos.Line, Col: e.Pos.Col}
			v.Place = place(e.File, res.Name, e.Pos.Line, e.Pos.Col)
			v.Link, v.Field = link(spaceID, e.Pos.Line, fields)
			out = append(out, v)
		}
	} else if res.Err != nil && !publish.StoppedByChecks(res.Err) {
		out = append(out, findingView{Error: true, Severity: "错误", ID: "输入", Message: res.Err.Error()})
	}
	layout := ""
	if res.Pub != nil {
		layout = res.Pub.Profile.ID
	}
	for _, f := range res.Findings {
		v := newFindingView(f, res.Name)
		v.Message = clerkText(layout, f.ID, v.Message)
		v.Left, v.Right = labelKeysIn(layout, v.Left), labelKeysIn(layout, v.Right)
		if name, label := pathField(res.Doc, f.Path); name != "" {
			v.Link, v.Field, v.Label = workspaceRoute+spaceID+"/fill#"+fieldAnchor(name), name, label
		} else {
			v.Link, v.Field = link(spaceID, f.Line, fields)
		}
		if v.Field != "" && v.Label == "" {
			v.Label = fieldLabel(layout, v.Field)
		}
		out = append(out, v)
	}
	return out
}

// findingGroups are a workspace's findings as its pages show them: what is
// left to fill in (需补填), then the errors and warnings.
type findingGroups struct {
	Incomplete incompleteList
	Others     []findingView
}

// incompleteList is what is left to fill in, all of it (len counts it).
type incompleteList []findingView

// shownAlike is how many findings of one id the list shows before it says
// how many more there are: an import leaves every project's category to
// fill in, and 45 rows of it bury the rest.
const shownAlike = 3

// Shown are the rows the page shows: of each id the first shownAlike, then
// one row saying how many more, linking to the next.
func (l incompleteList) Shown() []findingView {
	total := map[string]int{}
	for _, v := range l {
		total[v.ID]++
	}
	seen := map[string]int{}
	var out []findingView
	for _, v := range l {
		seen[v.ID]++
		switch n := seen[v.ID]; {
		case n <= shownAlike:
			out = append(out, v)
		case n == shownAlike+1:
			more := v
			what := "同样的内容"
			if v.Label != "" {
				what = "“" + v.Label + "”"
			}
			more.Message = fmt.Sprintf("另有 %d 处%s没有填写：在“填写”页逐项填写", total[v.ID]-shownAlike, what)
			out = append(out, more)
		}
	}
	return out
}

func groupFindings(vs []findingView) findingGroups {
	var g findingGroups
	for _, v := range vs {
		if v.Incomplete {
			g.Incomplete = append(g.Incomplete, v)
		} else {
			g.Others = append(g.Others, v)
		}
	}
	return g
}

// newFindingView is how a finding of the input named input is shown: its
// severity, its figures to the cent, its place (no link yet).
func newFindingView(f render.Finding, input string) findingView {
	v := findingView{Error: f.Severity == render.SeverityError, Incomplete: f.Severity == render.SeverityIncomplete, Severity: f.Word(), ID: string(f.ID), Message: f.Message,
		Line: f.Line, Col: f.Column, Place: place(f.File, input, f.Line, f.Column)}
	if f.Left != nil {
		v.Left = f.Left.Name + " " + f.Left.Value.StringFixed(2)
	}
	if f.Right != nil {
		v.Right = f.Right.Name + " " + f.Right.Value.StringFixed(2)
	}
	if f.Diff != nil {
		v.Diff = f.Diff.StringFixed(2)
	}
	return v
}

// place says where a problem is: 第 12 行第 3 列, or the workbook's cell.
func place(file, input string, line, col int) string {
	switch {
	case line > 0 && col > 0:
		return fmt.Sprintf("第 %d 行第 %d 列", line, col)
	case line > 0:
		return fmt.Sprintf("第 %d 行", line)
	case file != "" && file != input:
		return file
	}
	return ""
}

// link is where a problem is fixed: the form field it names or stands on,
// else its line in the YAML editor.
func link(spaceID string, line int, fields map[int]string) (string, string) {
	if f, ok := fields[line]; ok && line > 0 {
		return workspaceRoute + spaceID + "/fill#" + fieldAnchor(f), f
	}
	if line > 0 {
		return fmt.Sprintf("%s%s/yaml?line=%d#editor", workspaceRoute, spaceID, line), ""
	}
	return "", ""
}

// status is the workspace's word, as check and the batch review say it:
// 有错误 (input errors included), 需补填, or 可公开.
func status(res *publish.Result) render.Status {
	if res == nil {
		return ""
	}
	if errs, _, _ := counts(res); errs > 0 {
		return render.StatusErrors
	}
	return render.StatusOf(res.Findings)
}

// statusClass is the class of a status word, for its colour.
func statusClass(s string) string {
	switch s {
	case string(render.StatusPublishable):
		return "status-ok"
	case string(render.StatusIncomplete):
		return "status-incomplete"
	case string(render.StatusErrors), "内部错误", "未完成":
		return "status-errors"
	case "草稿":
		return "status-draft"
	}
	return ""
}

// counts are a result's errors and warnings (input errors as errors; a
// finding of something to fill in is neither).
func counts(res *publish.Result) (errs, warns, inputErrs int) {
	if res == nil {
		return 0, 0, 0
	}
	if es := input.AsErrors(res.Err); es != nil {
		inputErrs = len(es)
	} else if res.Err != nil && !publish.StoppedByChecks(res.Err) {
		inputErrs = 1
	}
	errs, _, warns = render.Tally(res.Findings)
	return errs + inputErrs, warns, inputErrs
}

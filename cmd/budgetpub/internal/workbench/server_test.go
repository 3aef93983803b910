package workbench

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/input/synth"
	"github.com/budgetpub/budgetpub/render/importer"
	"github.com/budgetpub/budgetpub/render/publish"
	"github.com/xuri/excelize/v2"
)

var (
	resOnce  sync.Once
	testRes  *publish.Resources
	bookOnce sync.Once
	testBook []byte
)

func resources(t testing.TB) *publish.Resources {
	resOnce.Do(func() {
		var err error
		if testRes, err = publish.Load(publish.Config{}); err != nil {
			panic(err)
		}
	})
	return testRes
}

// sampleBook is the sample's workbook, as render writes it.
func sampleBook(t testing.TB) []byte {
	bookOnce.Do(func() {
		r := publish.Department(resources(t), input.SampleName, input.Sample, publish.Options{})
		if r.Err != nil {
			panic(r.Err)
		}
		testBook = r.Workbook
	})
	return testBook
}

// browser is a test client with its own cookies, as one browser.
type browser struct {
	t    *testing.T
	c    *http.Client
	base string
}

func newServer(t *testing.T, cfg Config) (*Server, *httptest.Server) {
	t.Helper()
	cfg.Resources = resources(t)
	if cfg.Root == "" {
		cfg.Root = t.TempDir()
	}
	cfg.Loopback = cfg.Token == "" || cfg.Loopback
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(func() {
		ts.Close()
		_ = s.Close()
	})
	return s, ts
}

// sampleSpace is a server of cfg, a browser, and the workspace of the
// sample it opened (/w/{id}/).
func sampleSpace(t *testing.T, cfg Config) (*Server, *httptest.Server, *browser, string) {
	t.Helper()
	s, ts := newServer(t, cfg)
	b := newBrowser(t, ts)
	return s, ts, b, b.start(file{"file", "样例.yaml", input.Sample})
}

func newBrowser(t *testing.T, ts *httptest.Server) *browser {
	jar, _ := cookiejar.New(nil)
	return &browser{t: t, base: ts.URL, c: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}}
}

// response is what came back: status, Location, body.
type response struct {
	status   int
	location string
	body     string
	header   http.Header
}

func (b *browser) do(req *http.Request) response {
	b.t.Helper()
	resp, err := b.c.Do(req)
	if err != nil {
		b.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return response{resp.StatusCode, resp.Header.Get("Location"), string(body), resp.Header}
}

func (b *browser) get(path string) response {
	req, _ := http.NewRequest("GET", b.base+path, nil)
	return b.do(req)
}

var csrfRe = regexp.MustCompile(`data-csrf="([^"]+)"`)

// csrf is the token of the browser's forms (from the start page).
func (b *browser) csrf() string {
	b.t.Helper()
	m := csrfRe.FindStringSubmatch(b.get("/").body)
	if m == nil {
		b.t.Fatal("no CSRF token on the start page")
	}
	return m[1]
}

// fill posts the 填写 form of a workspace with one field set, as its page
// posts it.
func (b *browser) fill(ws, field, value string) response {
	b.t.Helper()
	form := formValues(b.get(ws + "fill").body)
	form.Set(field, value)
	return b.post(ws+"fill", form)
}

// saveText saves a text in the editor of a workspace, as its page posts it.
func (b *browser) saveText(ws, text string) response {
	b.t.Helper()
	form := formValues(b.get(ws + "yaml").body)
	form.Set("text", text)
	return b.post(ws+"yaml", form)
}

func (b *browser) post(path string, form url.Values) response {
	req, _ := http.NewRequest("POST", b.base+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return b.do(req)
}

type file struct {
	field, name string
	data        []byte
}

func multipartBody(files []file, fields map[string]string) (string, *bytes.Buffer) {
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for k, v := range fields {
		_ = mw.WriteField(k, v)
	}
	for _, f := range files {
		w, _ := mw.CreateFormFile(f.field, f.name)
		_, _ = w.Write(f.data)
	}
	_ = mw.Close()
	return mw.FormDataContentType(), &buf
}

func (b *browser) upload(path string, files []file, fields map[string]string) response {
	ct, body := multipartBody(files, fields)
	sep := "?"
	if strings.Contains(path, "?") {
		sep = "&"
	}
	req, _ := http.NewRequest("POST", b.base+path+sep+"csrf="+url.QueryEscape(b.csrf()), body)
	req.Header.Set("Content-Type", ct)
	return b.do(req)
}

// start uploads a file and returns its workspace's path (/w/{id}/).
func (b *browser) start(f file) string {
	b.t.Helper()
	r := b.upload("/start/upload", []file{f}, nil)
	if r.status != http.StatusSeeOther || !strings.HasPrefix(r.location, "/w/") {
		b.t.Fatalf("upload of %s: %d %s\n%s", f.name, r.status, r.location, text(r.body))
	}
	return r.location
}

var tagRe = regexp.MustCompile(`<[^>]*>`)

// text is a page's text without tags and with runs of white space as one.
func text(html string) string {
	return strings.Join(strings.Fields(tagRe.ReplaceAllString(html, " ")), " ")
}

// TestStartPage: the first page works without script — a plain form posting
// multipart — and every response forbids framing by others and sniffing.
func TestStartPage(t *testing.T) {
	_, ts := newServer(t, Config{})
	b := newBrowser(t, ts)
	r := b.get("/")
	if r.status != 200 {
		t.Fatalf("GET /: %d", r.status)
	}
	for _, want := range []string{`enctype="multipart/form-data"`, `<input type="file" id="file-main" name="file"`, `action="/start/new"`, `name="csrf"`, `action="/start/last-year?csrf=`} {
		if !strings.Contains(r.body, want) {
			t.Errorf("the start page lacks %s", want)
		}
	}
	for h, want := range map[string]string{"Content-Security-Policy": "default-src 'self'", "X-Frame-Options": "SAMEORIGIN", "X-Content-Type-Options": "nosniff", "Cache-Control": "no-store"} {
		if !strings.Contains(r.header.Get(h), want) {
			t.Errorf("%s: %q, want %q", h, r.header.Get(h), want)
		}
	}
	if c := r.header.Get("Set-Cookie"); !strings.Contains(c, "HttpOnly") || !strings.Contains(c, "SameSite=Strict") {
		t.Errorf("the browser's cookie: %s", c)
	}
	if r := b.get("/static/app.js"); r.status != 200 || !strings.Contains(r.header.Get("Content-Type"), "javascript") {
		t.Errorf("app.js: %d %s", r.status, r.header.Get("Content-Type"))
	}
}

// TestWorkbookToPDF: the sample's workbook is imported; its two warnings
// are listed with their figures; the form shows the computed change beside
// a reason and writes what is filled in into the master input; the render
// makes a PDF and a workbook holding the reason, downloaded by fixed names.
func TestWorkbookToPDF(t *testing.T) {
	s, ts := newServer(t, Config{})
	b := newBrowser(t, ts)
	ws := b.start(file{"file", "datong-gov-office-2024.xlsx", sampleBook(t)})
	page := text(b.get(ws).body)
	for _, want := range []string{"T6-T5-basic", "表6 合计 241.17", "表5 基本支出 2306.74", "相差 -2065.57", "第 99 行第 1 列", "还需要补填的内容", "datong-gov-office-2024.yaml"} {
		if !strings.Contains(page, want) {
			t.Errorf("the check page lacks %q:\n%s", want, page)
		}
	}
	// A prior-year finding links to its form field.
	if !strings.Contains(b.get(ws).body, `href="`+ws+`fill#f-prior_year-total"`) {
		t.Error("the prior-year finding does not link to the form's prior_year.total")
	}

	fill := b.get(ws + "fill")
	if fill.status != 200 {
		t.Fatalf("fill: %d", fill.status)
	}
	form := formValues(fill.body)
	form.Set("prior_year.total", "4,655.59")
	form.Set("reasons.total_change", "增加政务热线运维项目支出")
	form.Set("overview.duties", "负责市政府日常运转。\n（一）统筹协调。")
	// What the tables cannot give, the clerk gives: until then publishing
	// is refused (需补填).
	if r := b.post(ws+"publish", url.Values{"csrf": {b.csrf()}}); r.status != http.StatusUnprocessableEntity || !strings.Contains(text(r.body), "需补填") {
		t.Errorf("publishing an unfilled import: %d %s", r.status, text(r.body))
	}
	duties := form.Get("overview.duties")
	fillAll(form) // 概况, 政府采购, 资产, 说明, the units' kinds, the projects' categories
	form.Set("overview.duties", duties)
	r := b.post(ws+"fill", form)
	if r.status != http.StatusSeeOther || r.location != ws+"fill?saved=1" {
		t.Fatalf("saving the form: %d %s\n%s", r.status, r.location, text(r.body))
	}
	after := text(b.get(ws + "fill?saved=1").body)
	for _, want := range []string{"已保存", "收支总计比上年增加447.83万元，增长9.62%，主要原因是："} {
		if !strings.Contains(after, want) {
			t.Errorf("after saving, the form lacks %q", want)
		}
	}
	yaml := b.get(ws + "download/yaml")
	if !strings.Contains(yaml.body, "total: 4655.59") || !strings.Contains(yaml.body, "total_change: 增加政务热线运维项目支出") ||
		!strings.Contains(yaml.body, "（一）统筹协调。") || !strings.Contains(yaml.header.Get("Content-Disposition"), "datong-gov-office-2024.yaml") {
		t.Errorf("the master input after the form:\n%s", yaml.body)
	}

	r = b.post(ws+"publish", url.Values{"csrf": {b.csrf()}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("publish: %d\n%s", r.status, text(r.body))
	}
	pub := b.get(ws + "publish?done=1").body
	if !strings.Contains(pub, `src="`+ws+`view/pdf"`) || !strings.Contains(pub, ws+"download/xlsx") {
		t.Errorf("the publish page has no preview or download:\n%s", text(pub))
	}
	pdf := b.get(ws + "download/pdf")
	if pdf.status != 200 || !strings.HasPrefix(pdf.body, "%PDF-") || pdf.header.Get("Content-Type") != "application/pdf" ||
		!strings.HasPrefix(pdf.header.Get("Content-Disposition"), "attachment;") {
		t.Fatalf("the PDF: %d %v", pdf.status, pdf.header)
	}
	if v := b.get(ws + "view/pdf"); !strings.HasPrefix(v.header.Get("Content-Disposition"), "inline;") {
		t.Errorf("the preview is not inline: %v", v.header)
	}
	// The HTML edition is offered too, an attachment linking the files
	// by the names they are downloaded under.
	if !strings.Contains(pub, ws+"download/html") {
		t.Error("the publish page offers no HTML edition")
	}
	edition := b.get(ws + "download/html")
	if edition.status != 200 || edition.header.Get("Content-Type") != "text/html; charset=utf-8" ||
		!strings.HasPrefix(edition.header.Get("Content-Disposition"), "attachment;") ||
		!strings.Contains(edition.header.Get("Content-Disposition"), "datong-gov-office-2024.html") ||
		!strings.Contains(edition.body, `<a href="./datong-gov-office-2024.pdf">`) {
		t.Errorf("the HTML edition: %d %v", edition.status, edition.header)
	}
	book := b.get(ws + "download/xlsx")
	f, err := excelize.OpenReader(strings.NewReader(book.body))
	if err != nil {
		t.Fatalf("the workbook: %v", err)
	}
	if v, _ := f.GetCellValue("表1", "A1"); v == "" {
		t.Error("the workbook's 表1 is empty")
	}
	f.Close()
	// The workspace holds its files by our names only.
	var names []string
	for _, sp := range s.spaces.all {
		entries, _ := os.ReadDir(sp.dir)
		for _, e := range entries {
			names = append(names, e.Name())
		}
	}
	if got := strings.Join(names, " "); !regexp.MustCompile(`^input\.yaml out-([0-9a-f]{32})\.html out-([0-9a-f]{32})\.pdf out-([0-9a-f]{32})\.xlsx( rev-[0-9a-f]{32}\.yaml)+$`).MatchString(got) {
		t.Errorf("the workspace's files: %s", got)
	}
	// Editing the text makes the render stale.
	b.saveText(ws, yaml.body+"\n")
	if p := text(b.get(ws).body); !strings.Contains(p, "修改后尚未重新生成") {
		t.Error("an edited file is not marked as not rendered again")
	}
	if r := b.get(ws + "download/pdf"); r.status != http.StatusConflict {
		t.Errorf("the PDF of the text before the edit is served: %d", r.status)
	}
}

var inputRe = regexp.MustCompile(`<(input|textarea|select)[^>]*name="([^"]+)"[^>]*>`)
var valueRe = regexp.MustCompile(`value="([^"]*)"`)

// formValues are a page's form fields with their values (inputs, textareas,
// selects' selected option, checked boxes), as a browser would post them.
func formValues(html string) url.Values {
	v := url.Values{}
	for _, m := range inputRe.FindAllStringSubmatchIndex(html, -1) {
		tag, name := html[m[2]:m[3]], html[m[4]:m[5]]
		el := html[m[0]:m[1]]
		switch tag {
		case "input":
			if strings.Contains(el, `type="checkbox"`) && !strings.Contains(el, " checked") {
				continue
			}
			if strings.Contains(el, `type="file"`) {
				continue
			}
			val := ""
			if vm := valueRe.FindStringSubmatch(el); vm != nil {
				val = vm[1]
			}
			v.Set(name, htmlUnescape(val))
		case "textarea": // posted with its lines ending in \r\n, as browsers do
			end := strings.Index(html[m[1]:], "</textarea>")
			v.Set(name, strings.ReplaceAll(htmlUnescape(strings.TrimPrefix(html[m[1]:m[1]+end], "\n")), "\n", "\r\n"))
		case "select":
			end := strings.Index(html[m[1]:], "</select>")
			if sel := regexp.MustCompile(`value="([^"]*)" selected`).FindStringSubmatch(html[m[1] : m[1]+end]); sel != nil {
				v.Set(name, sel[1])
			}
		}
	}
	return v
}

func htmlUnescape(s string) string {
	return strings.NewReplacer("&lt;", "<", "&gt;", ">", "&#34;", `"`, "&#39;", "'", "&amp;", "&").Replace(s)
}

// TestFormProblems: a value the file cannot take is said beside its field,
// and nothing is written.
func TestFormProblems(t *testing.T) {
	_, _, b, ws := sampleSpace(t, Config{})
	before := b.get(ws + "download/yaml").body
	for _, c := range []struct{ field, value, want string }{
		{"prior_year.total", "abc", "上年收支总计应为金额（只写数字，如 1249.45），而不是“abc”"},
		{"prior_year.total", "1.234", "上年收支总计最多 2 位小数（单位万元）"},
		{"prior_year.total", "-5", "上年收支总计应为金额"},
		{"assets.vehicles.actual", "2.5", "“实有（辆）”应为不小于 0 的整数"},
		{"department.code", "A03", "部门编码只能由数字组成"},
		{"assets.as_of", "去年年底", "没有保存：填写的内容不符合主输入文件的要求"},
	} {
		r := b.fill(ws, c.field, c.value)
		if r.status != http.StatusBadRequest || !strings.Contains(text(r.body), c.want) {
			t.Errorf("%s = %q: %d, want %q in\n%s", c.field, c.value, r.status, c.want, text(r.body))
		}
		if strings.Contains(r.body, `value="`+c.value+`"`) == false && c.field != "overview.duties" {
			t.Errorf("%s = %q: the form does not keep what was typed", c.field, c.value)
		}
	}
	if after := b.get(ws + "download/yaml").body; after != before {
		t.Error("a refused form changed the master input")
	}
}

// TestBrokenInputShowsItsLine: an input with a mistake opens; the check page
// names the line, in Chinese, with a link to it in the editor; the editor
// shows the lines around it; the live check answers JSON findings of a text
// not saved.
func TestBrokenInputShowsItsLine(t *testing.T) {
	_, ts := newServer(t, Config{})
	b := newBrowser(t, ts)
	broken := strings.Replace(string(input.Sample), "organization:", "organisation:", 1)
	line := strings.Count(broken[:strings.Index(broken, "organisation:")], "\n") + 1
	ws := b.start(file{"file", "坏文件.yaml", []byte(broken)})
	page := b.get(ws).body
	if want := fmt.Sprintf("第 %d 行第 3 列", line); !strings.Contains(text(page), want) || !strings.Contains(page, "未知的键 organisation") {
		t.Errorf("the check page lacks %q and the message:\n%s", want, text(page))
	}
	link := fmt.Sprintf(`href="%syaml?line=%d#editor"`, ws, line)
	if !strings.Contains(page, link) {
		t.Errorf("no link %s", link)
	}
	ed := b.get(fmt.Sprintf("%syaml?line=%d", ws, line)).body
	if !strings.Contains(ed, `data-line="`+fmt.Sprint(line)+`"`) || !regexp.MustCompile(`<span class="at">\s*`+fmt.Sprint(line)+`  \s*organisation:`).MatchString(ed) {
		t.Errorf("the editor does not show line %d", line)
	}
	if p := text(b.get(ws + "fill").body); !strings.Contains(p, "主输入文件有错误，表单无法打开") {
		t.Errorf("the form of a broken file: %s", p)
	}

	req, _ := http.NewRequest("POST", ts.URL+ws+"check", strings.NewReader(string(input.Sample)))
	req.Header.Set(csrfHeader, b.csrf())
	r := b.do(req)
	var live struct {
		Errors   int `json:"errors"`
		Warnings int `json:"warnings"`
		Findings []struct {
			ID   string `json:"id"`
			Line int    `json:"line"`
			Link string `json:"link"`
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(r.body), &live); err != nil || r.status != 200 {
		t.Fatalf("live check: %d %v %s", r.status, err, r.body)
	}
	if live.Errors != 0 || live.Warnings != 53 || live.Findings[0].ID != "T6-T5-basic" || !strings.Contains(live.Findings[0].Link, "yaml?line=") {
		t.Errorf("live check of the sample: %+v", live)
	}
	if p := text(b.get(ws).body); !strings.Contains(p, "未知的键 organisation") {
		t.Error("the live check saved the text it checked")
	}
	// Saving the corrected text.
	r = b.saveText(ws, strings.ReplaceAll(string(input.Sample), "\n", "\r\n"))
	if r.status != http.StatusSeeOther {
		t.Fatalf("saving: %d %s", r.status, text(r.body))
	}
	if got := b.get(ws + "download/yaml").body; got != string(input.Sample) {
		t.Error("the saved text is not what was posted (with its line ends as \\n)")
	}
}

// TestStartFromSkeletonAndLastYear: a skeleton of a year and a name, and
// next year's file from last year's.
func TestStartFromSkeletonAndLastYear(t *testing.T) {
	_, ts := newServer(t, Config{})
	b := newBrowser(t, ts)
	r := b.post("/start/new", url.Values{"csrf": {b.csrf()}, "year": {"2026"}, "name": {"某某市农业农村局"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("new: %d %s", r.status, text(r.body))
	}
	y := b.get(r.location + "download/yaml")
	if !strings.Contains(y.body, "year: 2026") || !strings.Contains(y.body, "name: 某某市农业农村局") || !strings.Contains(y.header.Get("Content-Disposition"), url.PathEscape("某某市农业农村局-2026.yaml")) {
		t.Errorf("the skeleton: %v\n%s", y.header, y.body[:min(len(y.body), 400)])
	}
	for _, c := range []struct{ year, name, want string }{
		{"1999", "甲", "预算年度应为 2000 至 2100 之间的年份"},
		{"2026", "=HYPERLINK(1)", "电子表格软件会把它当作公式执行"},
	} {
		r := b.post("/start/new", url.Values{"csrf": {b.csrf()}, "year": {c.year}, "name": {c.name}})
		if r.status != http.StatusBadRequest || !strings.Contains(text(r.body), c.want) {
			t.Errorf("new %s %s: %d %s", c.year, c.name, r.status, text(r.body))
		}
	}

	r = b.upload("/start/last-year", []file{{"last", "datong-gov-office-2024.yaml", input.Sample}}, nil)
	if r.status != http.StatusSeeOther {
		t.Fatalf("last year: %d %s", r.status, text(r.body))
	}
	y = b.get(r.location + "download/yaml")
	if !strings.Contains(y.body, "year: 2025") || !strings.Contains(y.body, "total: 5103.42") || !strings.Contains(y.header.Get("Content-Disposition"), "datong-gov-office-2025.yaml") {
		t.Errorf("next year's file: %v\n%s", y.header, y.body[:min(len(y.body), 600)])
	}

	// 由本年预算开始决算: the 预算's figures become the 决算's 年初预算.
	r = b.upload("/start/final", []file{{"budget", "datong-gov-office-2024.yaml", input.Sample}}, nil)
	if r.status != http.StatusSeeOther {
		t.Fatalf("final: %d %s", r.status, text(r.body))
	}
	y = b.get(r.location + "download/yaml")
	if !strings.Contains(y.body, "layout: final-9") || !strings.Contains(y.body, "year: 2024") ||
		!strings.Contains(y.body, `{code: "2010301", initial: 1249.45}`) || !strings.Contains(y.header.Get("Content-Disposition"), url.PathEscape("datong-gov-office-2024-决算.yaml")) {
		t.Errorf("the 决算's file: %v\n%s", y.header, y.body[:min(len(y.body), 600)])
	}
	// Its findings speak its own form's words: 上年度收入支出总计, not a
	// 预算's 上年收支总计.
	fin := r.location
	if page := text(b.get(fin).body); !strings.Contains(page, "去填写“上年度收入支出总计”") || strings.Contains(page, "上年收支总计") || strings.Contains(page, "九、政府采购情况") {
		t.Errorf("the 决算's findings are not in its form's words:\n%.3000s", page)
	}
	// Its form is a 决算's: the counts of “三公”, saved into final.
	if page := b.get(fin + "fill").body; !strings.Contains(page, "国内公务接待批次") || !strings.Contains(page, "上年度收入支出总计") {
		t.Errorf("the 决算's form lacks its fields:\n%.2000s", text(page))
	}
	if r := b.fill(fin, "final.three_public_detail.reception_batches", "12"); r.status != http.StatusSeeOther {
		t.Fatalf("fill: %d %s", r.status, text(r.body))
	}
	if y := b.get(fin + "download/yaml").body; !strings.Contains(y, "reception_batches: 12") {
		t.Errorf("the count is not saved:\n%s", y[strings.Index(y, "final:"):])
	}
	// A 决算 is not the 预算 it starts from.
	r = b.upload("/start/final", []file{{"budget", "final.yaml", []byte(y.body)}}, nil)
	if r.status != http.StatusBadRequest || !strings.Contains(text(r.body), "不是预算文件") {
		t.Errorf("a 决算 as the 预算: %d %s", r.status, text(r.body))
	}
}

// TestRefusals: each refusal is a Chinese page with its status, and does
// nothing.
func TestRefusals(t *testing.T) {
	s, ts, b, ws := sampleSpace(t, Config{})
	other := newBrowser(t, ts)
	other.get("/")
	big := bytes.Repeat([]byte("# 注释\n"), input.MaxFileSize/8+1)
	var zipBuf bytes.Buffer
	zw := zip.NewWriter(&zipBuf)
	w, _ := zw.Create("a.yaml")
	_, _ = w.Write(input.Sample)
	_ = zw.Close()

	raw := func(method, path, ctype, body string, hdr map[string]string) response {
		req, _ := http.NewRequest(method, ts.URL+path, strings.NewReader(body))
		if ctype != "" {
			req.Header.Set("Content-Type", ctype)
		}
		for k, v := range hdr {
			if k == "Host" {
				req.Host = v
			} else {
				req.Header.Set(k, v)
			}
		}
		return b.do(req)
	}
	form := "application/x-www-form-urlencoded"
	for _, c := range []struct {
		name   string
		r      func() response
		status int
		want   string
	}{
		{"no CSRF token", func() response { return raw("POST", ws+"publish", form, "", nil) }, 403, "表单已过期或不是从工作台页面提交的"},
		{"a wrong CSRF token", func() response { return raw("POST", ws+"publish", form, "csrf=abc", nil) }, 403, "表单已过期"},
		{"another site's form", func() response {
			return raw("POST", ws+"publish", form, "csrf="+b.csrf(), map[string]string{"Origin": "http://evil.example"})
		}, 403, "拒绝来自其他网站的提交"},
		{"no cookie", func() response {
			req, _ := http.NewRequest("POST", ts.URL+"/start/new", strings.NewReader("year=2025"))
			req.Header.Set("Content-Type", form)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			body, _ := io.ReadAll(resp.Body)
			return response{status: resp.StatusCode, body: string(body)}
		}, 403, "浏览器没有带上工作台的 Cookie"},
		{"DNS rebinding: another Host", func() response { return raw("GET", "/", "", "", map[string]string{"Host": "evil.example"}) }, 403, "工作台只接受本机地址"},
		{"another browser's workspace", func() response { return other.get(ws) }, 404, "找不到这个工作区"},
		{"an unknown download", func() response { return b.get(ws + "download/passwd") }, 404, "没有这种文件"},
		{"a download not rendered", func() response { return b.get(ws + "download/pdf") }, 404, "还没有生成这个文件"},
		{"a traversal in the download", func() response { return b.get(ws + "download/..%2F..%2Fetc%2Fpasswd") }, 404, ""},
		{"a traversal in static", func() response { return b.get("/static/..%2Fguard.go") }, 404, ""},
		{"an unknown page", func() response { return b.get("/etc/passwd") }, 404, "找不到这个页面"},
		{"an input over its limit", func() response { return b.upload("/start/upload", []file{{"file", "大.yaml", big}}, nil) }, 413, "大.yaml 过大（上限 8 MB）"},
		{"a zip on the department's page", func() response {
			return b.upload("/start/upload", []file{{"file", "多个.zip", zipBuf.Bytes()}}, nil)
		}, 400, "是压缩包"},
		{"an old .xls", func() response {
			return b.upload("/start/upload", []file{{"file", "旧.xls", []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 old")}}, nil)
		}, 400, "是旧格式的 .xls 工作簿"},
		{"a damaged workbook", func() response {
			return b.upload("/start/upload", []file{{"file", "坏.xlsx", append([]byte("PK\x03\x04"), bytes.Repeat([]byte{1}, 100)...)}}, nil)
		}, 400, ""},
		{"no file", func() response { return b.upload("/start/upload", nil, nil) }, 400, "请选择要上传的文件"},
		{"a malformed multipart body", func() response {
			return raw("POST", "/start/upload?csrf="+url.QueryEscape(b.csrf()), "multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.yaml\"\r\n\r\nschema", nil)
		}, 400, "上传的内容不完整或格式不对"},
		{"not multipart", func() response {
			return raw("POST", "/start/upload?csrf="+url.QueryEscape(b.csrf()), "text/plain", "x", nil)
		}, 400, "上传的内容不完整或格式不对"},
		{"a YAML text over the limit", func() response {
			return b.post(ws+"yaml?csrf="+url.QueryEscape(b.csrf()), url.Values{"text": {string(big)}})
		}, 413, "主输入文件过大"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := c.r()
			if r.status != c.status || !strings.Contains(text(r.body), c.want) {
				t.Errorf("%d %q, want %d %q", r.status, text(r.body), c.status, c.want)
			}
			if strings.Contains(r.body, "goroutine ") || strings.Contains(r.body, ".go:") {
				t.Errorf("a trace in the answer: %s", r.body)
			}
		})
	}
	if n := s.spaces.count(); n != 1 {
		t.Errorf("%d workspaces after the refusals, want the one", n)
	}
}

// TestUploadNamesAreNoPaths: a name with folders, traversal or a device is
// shown cleaned and never becomes a path: the workspace holds input.yaml.
func TestUploadNamesAreNoPaths(t *testing.T) {
	s, ts := newServer(t, Config{})
	b := newBrowser(t, ts)
	for _, c := range []struct{ name, shown, download string }{
		{"../../../etc/passwd.yaml", "passwd.yaml", "passwd.yaml"},
		{`..\..\Windows\win.ini.yaml`, "win.ini.yaml", "win.ini.yaml"},
		{"CON.yaml", "CON.yaml", "_CON.yaml"},
		{"a\u200bb<script>.yaml", "ab<script>.yaml", "ab_script.yaml"},
		{"..", "..", ""},
	} {
		ws := b.start(file{"file", c.name, input.Sample})
		page := b.get(ws).body
		if c.shown != ".." && !strings.Contains(page, escaped(c.shown)) {
			t.Errorf("%q is not shown as %q", c.name, c.shown)
		}
		if c.download != "" {
			if d := b.get(ws + "download/yaml").header.Get("Content-Disposition"); !strings.Contains(d, url.PathEscape(c.download)) {
				t.Errorf("%q downloads as %s, want %s", c.name, d, c.download)
			}
		}
	}
	err := filepath.Walk(s.Root(), func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		if !info.IsDir() && info.Name() != "input.yaml" && info.Name() != pidFile && !regexp.MustCompile(`^rev-[0-9a-f]{32}\.yaml$`).MatchString(info.Name()) {
			t.Errorf("a file %s in the workspaces", p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// escaped is s as html/template does in text.
func escaped(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;").Replace(s)
}

// TestToken: with a token every request must carry it; ?token= sets a
// cookie and sends the browser on without it in the address; a header
// works for scripts; a wrong one is refused.
func TestToken(t *testing.T) {
	const tok = "0123456789abcdef-token"
	_, ts := newServer(t, Config{Token: tok})
	b := newBrowser(t, ts)
	if r := b.get("/"); r.status != 401 || !strings.Contains(text(r.body), "需要访问令牌") {
		t.Errorf("no token: %d %s", r.status, text(r.body))
	}
	if r := b.get("/?token=wrong-wrong-wrong-wrong"); r.status != 401 {
		t.Errorf("a wrong token: %d", r.status)
	}
	r := b.get("/bureau?token=" + tok)
	if r.status != http.StatusSeeOther || r.location != "/bureau" || !strings.Contains(r.header.Get("Set-Cookie"), "HttpOnly") {
		t.Fatalf("?token=: %d %s %v", r.status, r.location, r.header)
	}
	if r := b.get("/"); r.status != 200 {
		t.Errorf("with the token's cookie: %d", r.status)
	}
	req, _ := http.NewRequest("GET", ts.URL+"/", nil)
	req.Header.Set("Authorization", "Bearer "+tok)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("Authorization: Bearer: %d", resp.StatusCode)
	}
	// With a token another Host is fine (the server is reached by name).
	req, _ = http.NewRequest("GET", ts.URL+"/", nil)
	req.Host = "budget.example"
	req.Header.Set("Authorization", "Bearer "+tok)
	if r := b.do(req); r.status != 200 {
		t.Errorf("with a token, another Host: %d", r.status)
	}
}

// TestBusyAndFaults: with every worker busy a request waits, then gets a
// Chinese answer; a panic is a Chinese page, never a trace.
func TestBusyAndFaults(t *testing.T) {
	s, _, b, ws := sampleSpace(t, Config{Workers: 1})
	s.wait = 50 * time.Millisecond
	s.slots <- struct{}{}
	r := b.post(ws+"publish", url.Values{"csrf": {b.csrf()}})
	<-s.slots
	if r.status != 503 || !strings.Contains(text(r.body), "服务器正忙") {
		t.Errorf("busy: %d %s", r.status, text(r.body))
	}
	h := s.guard(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic("boom") }))
	rec := httptest.NewRecorder()
	req := httptest.NewRequest("GET", "/", nil)
	req.Host = "127.0.0.1"
	h.ServeHTTP(rec, req)
	if rec.Code != 500 || !strings.Contains(rec.Body.String(), "工作台内部出错") || strings.Contains(rec.Body.String(), "boom") {
		t.Errorf("a panic: %d %s", rec.Code, rec.Body.String())
	}
}

// TestWorkspacesGo: a workspace's folder goes when it is closed, when it is
// idle too long and when the server stops, never to make room (the store
// full refuses the next); a root left by a server no longer running is
// removed by the next.
func TestWorkspacesGo(t *testing.T) {
	s, ts := newServer(t, Config{MaxWorkspaces: 2})
	b := newBrowser(t, ts)
	ws1 := b.start(file{"file", "一.yaml", input.Sample})
	ws2 := b.start(file{"file", "二.yaml", input.Sample})
	dir := func(ws string) string {
		id := strings.Split(ws, "/")[2]
		s.spaces.mu.Lock()
		defer s.spaces.mu.Unlock()
		if sp := s.spaces.all[id]; sp != nil {
			return sp.dir
		}
		return ""
	}
	d1, d2 := dir(ws1), dir(ws2)
	b.get(ws2) // the first is now the least recently used
	if r := b.upload("/start/upload", []file{{"file", "三.yaml", input.Sample}}, nil); r.status != http.StatusServiceUnavailable {
		t.Errorf("a third workspace in a store of two: %d", r.status)
	}
	if _, err := os.Stat(d1); err != nil || b.get(ws1).status != 200 {
		t.Error("the least recently used workspace was removed to make room")
	}
	if r := b.post(ws1+"close", url.Values{"csrf": {b.csrf()}}); r.status != http.StatusSeeOther {
		t.Errorf("close: %d", r.status)
	}
	ws3 := b.start(file{"file", "三.yaml", input.Sample})
	if r := b.post(ws2+"close", url.Values{"csrf": {b.csrf()}}); r.status != http.StatusSeeOther {
		t.Errorf("close: %d", r.status)
	}
	if _, err := os.Stat(d2); !os.IsNotExist(err) {
		t.Error("a closed workspace's folder is still there")
	}
	d3 := dir(ws3)
	s.spaces.expire(time.Now().Add(time.Hour))
	if _, err := os.Stat(d3); !os.IsNotExist(err) || b.get(ws3).status != 404 {
		t.Error("an idle workspace was not removed")
	}

	// A root of a server that is gone; and one of a running process.
	tmp := t.TempDir()
	dead := filepath.Join(tmp, rootPrefix+"dead")
	live := filepath.Join(tmp, rootPrefix+"live")
	for d, pid := range map[string]int{dead: 999999999, live: os.Getpid() + 0} {
		_ = os.MkdirAll(filepath.Join(d, "w-1"), 0o700)
		_ = os.WriteFile(filepath.Join(d, pidFile), []byte(fmt.Sprint(pid)), 0o600)
	}
	removeStaleRoots(tmp)
	if _, err := os.Stat(dead); !os.IsNotExist(err) {
		t.Error("a dead server's root was not removed")
	}
	if _, err := os.Stat(live); err != nil {
		t.Error("a running server's root was removed")
	}

	// Close removes a root the server made.
	s2, err := New(Config{Resources: resources(t)})
	if err != nil {
		t.Fatal(err)
	}
	root := s2.Root()
	if err := s2.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(root); !os.IsNotExist(err) {
		t.Error("Close left the root")
	}
}

// TestBureau: many files and a zip (with folders, a workbook, a file of
// another kind and a nasty name) are one batch; the review lists every
// department with its status and the findings; the zip of everything has
// the summary (read back: numeric cells, names as uploaded) and each
// department's master input and files by safe, unique names.
func TestBureau(t *testing.T) {
	_, ts := newServer(t, Config{})
	b := newBrowser(t, ts)
	var zipBuf bytes.Buffer
	zw := zip.NewWriter(&zipBuf)
	for name, data := range map[string][]byte{
		"区县/甲局.yaml":         synth.Generate(synth.Options{Seed: 7}),
		"区县/乙局.yml":          synth.Generate(synth.Options{Seed: 8}),
		"公开表/大同.xlsx":        sampleBook(t),
		"说明.docx":            []byte("not an input"),
		"../../逃逸.yaml":      synth.Generate(synth.Options{Seed: 9}),
		"__MACOSX/._甲局.yaml": []byte("junk"),
	} {
		w, _ := zw.Create(name)
		_, _ = w.Write(data)
	}
	_ = zw.Close()
	files := []file{
		{"files", "dept-1.yaml", synth.Generate(synth.Options{Seed: 1})},
		{"files", "dept-2.yaml", synth.Generate(synth.Options{Seed: 2})},
		{"files", "坏.yaml", []byte("schema: 1\nyear: 2024\nbasc: 1\n")},
		{"files", "甲局.yaml", synth.Generate(synth.Options{Seed: 3})}, // the zip's 甲局 too: two names alike
		{"files", "全部.zip", zipBuf.Bytes()},
	}
	r := b.upload("/bureau", files, nil)
	if r.status != http.StatusSeeOther || !strings.HasPrefix(r.location, "/b/") {
		t.Fatalf("upload: %d %s %s", r.status, r.location, text(r.body))
	}
	batch := r.location
	var page string
	deadline := time.Now().Add(60 * time.Second)
	for {
		page = b.get(batch).body
		if !strings.Contains(page, `http-equiv="refresh"`) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the batch did not end")
		}
		time.Sleep(100 * time.Millisecond)
	}
	p := text(page)
	if strings.Contains(p, "/in/0003.yaml") || strings.Contains(p, os.TempDir()) {
		t.Errorf("the review shows a path of the workspace:\n%s", p)
	}
	for _, want := range []string{"8 个部门： 6 个完成， 2 个未完成", "需补填", "有错误", "可公开", "已跳过 1 个文件", "全部.zip/说明.docx 这是 Word 文档，不能从中读取数字", "dept-1.yaml", "大同.xlsx", "逃逸.yaml", "坏.yaml",
		"未知的键 basc", "T6-T5-basic", "表6 合计 241.17", "相差 -2065.57", "大同市人民政府办公室[部门]"} {
		if !strings.Contains(p, want) {
			t.Errorf("the review lacks %q:\n%s", want, p)
		}
	}
	z := b.get(batch + "download.zip")
	if z.status != 200 || z.header.Get("Content-Type") != "application/zip" {
		t.Fatalf("zip: %d %v", z.status, z.header)
	}
	zr, err := zip.NewReader(strings.NewReader(z.body), int64(len(z.body)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	var summary []byte
	for _, f := range zr.File {
		names = append(names, f.Name)
		if f.Name == "summary.xlsx" {
			rc, _ := f.Open()
			summary, _ = io.ReadAll(rc)
			rc.Close()
		}
	}
	got := strings.Join(names, " ")
	// The workbook is imported, but an unfilled import is not published
	// (需补填): its master input is there, as imported, and a broken one as
	// it came.
	want := "summary.xlsx dept-1.pdf dept-1.xlsx dept-2.pdf dept-2.xlsx 乙局.pdf 乙局.xlsx 甲局-2.pdf 甲局-2.xlsx 甲局.pdf 甲局.xlsx 逃逸.pdf 逃逸.xlsx " +
		"dept-1.html dept-2.html 乙局.html 甲局-2.html 甲局.html 逃逸.html " +
		"dept-1.yaml dept-2.yaml 乙局.yaml 甲局-2.yaml 甲局.yaml 逃逸.yaml 大同.yaml 坏.yaml"
	if !sameSet(got, want) {
		t.Errorf("zip entries:\n%s\nwant the set\n%s", got, want)
	}
	f, err := excelize.OpenReader(bytes.NewReader(summary))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("汇总")
	if len(rows) != 10 { // the header, 8 departments, the totals
		t.Fatalf("summary: %d rows", len(rows))
	}
	found := false
	for i, row := range rows[1:] {
		if row[0] == "大同.xlsx" {
			found = true
			if row[1] != "大同市人民政府办公室[部门]" {
				t.Errorf("the workbook's row: %v", row)
			}
			col := slices.Index(rows[0], "收支总计（万元）")
			if col < 0 {
				t.Fatalf("no column 收支总计（万元） in %v", rows[0])
			}
			cell, _ := excelize.CoordinatesToCellName(col+1, i+2)
			ty, _ := f.GetCellType("汇总", cell)
			if ty != excelize.CellTypeNumber && ty != excelize.CellTypeUnset {
				t.Errorf("收支总计 is not a number: %v", ty)
			}
		}
	}
	if !found {
		t.Errorf("no row of 大同.xlsx in %v", rows)
	}
	fs, _ := f.GetRows("核对结果")
	bad := false
	for _, row := range fs {
		if len(row) > 1 && row[1] == "坏.yaml" && strings.Contains(strings.Join(row, "|"), "未知的键 basc") {
			bad = true
		}
	}
	if !bad {
		t.Errorf("the findings sheet has no row of 坏.yaml's error: %v", fs)
	}

	// One department opened from the batch, to correct it.
	n := 0
	for i, row := range rows[1:] {
		if row[0] == "dept-2.yaml" {
			n = i + 1
		}
	}
	r = b.post(batch+"open", url.Values{"csrf": {b.csrf()}, "n": {fmt.Sprint(n)}})
	if r.status != http.StatusSeeOther || !strings.HasPrefix(r.location, "/w/") {
		t.Fatalf("open: %d %s", r.status, text(r.body))
	}
	if p := text(b.get(r.location).body); !strings.Contains(p, "dept-2.yaml") {
		t.Errorf("the opened department: %s", p)
	}
}

func sameSet(a, b string) bool {
	x, y := strings.Fields(a), strings.Fields(b)
	if len(x) != len(y) {
		return false
	}
	m := map[string]int{}
	for _, s := range x {
		m[s]++
	}
	for _, s := range y {
		m[s]--
	}
	for _, v := range m {
		if v != 0 {
			return false
		}
	}
	return true
}

// TestBureauRefusals: a zip entry over the input limit however small the
// zip says it is, too many files, nothing usable.
func TestBureauRefusals(t *testing.T) {
	_, ts := newServer(t, Config{})
	b := newBrowser(t, ts)
	var bomb bytes.Buffer
	zw := zip.NewWriter(&bomb)
	w, _ := zw.Create("大.yaml")
	_, _ = w.Write(bytes.Repeat([]byte{' '}, input.MaxFileSize+10))
	_ = zw.Close()
	for _, c := range []struct {
		name   string
		files  []file
		status int
		want   string
	}{
		{"a zip bomb", []file{{"files", "炸弹.zip", bomb.Bytes()}}, 413, "炸弹.zip 中的 大.yaml 过大"},
		{"nothing usable", []file{{"files", "说明.txt", []byte{}}}, 400, "没有找到可以处理的文件"},
		{"a damaged zip", []file{{"files", "坏.zip", append([]byte("PK\x03\x04"), bytes.Repeat([]byte{0}, 64)...)}}, 400, "不是有效的 zip 压缩包"},
	} {
		r := b.upload("/bureau", c.files, nil)
		if r.status != c.status || !strings.Contains(text(r.body), c.want) {
			t.Errorf("%s: %d %s", c.name, r.status, text(r.body))
		}
	}
}

// TestBatchCancelledWithItsSpace: closing a running batch stops it.
func TestBatchCancelledWithItsSpace(t *testing.T) {
	s, ts := newServer(t, Config{Workers: 1})
	b := newBrowser(t, ts)
	var files []file
	for i := 0; i < 30; i++ {
		files = append(files, file{"files", fmt.Sprintf("d%02d.yaml", i), synth.Generate(synth.Options{Seed: int64(i)})})
	}
	r := b.upload("/bureau", files, nil)
	if r.status != http.StatusSeeOther {
		t.Fatalf("%d %s", r.status, text(r.body))
	}
	job := s.spaces.all[strings.Split(r.location, "/")[2]].batch
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	for {
		job.mu.Lock()
		started := job.active && job.finished > 0
		job.mu.Unlock()
		if started {
			break
		}
		if ctx.Err() != nil {
			t.Fatal("the batch did not start")
		}
		time.Sleep(5 * time.Millisecond)
	}
	b.post(r.location+"close", url.Values{"csrf": {b.csrf()}})
	for job.running() {
		if ctx.Err() != nil {
			t.Fatal("the batch did not stop")
		}
		time.Sleep(10 * time.Millisecond)
	}
	job.mu.Lock()
	defer job.mu.Unlock()
	if job.finished >= len(files) {
		t.Errorf("the closed batch went on to the end: %d of %d", job.finished, len(files))
	}
	if s.spaces.count() != 0 {
		t.Error("the closed batch's workspace is still kept")
	}
}

// TestCSRFHeaderEveryPost: every POST of the workbench works with the CSRF
// token in the X-CSRF-Token header, the way the README offers to scripts,
// and not in the form: the form's own fields are read all the same. The
// list is checked against the routes, so a new POST is tested too.
func TestCSRFHeaderEveryPost(t *testing.T) {
	srv, ts := newServer(t, Config{})
	b := newBrowser(t, ts)
	token := b.csrf()
	send := func(path, ctype string, body io.Reader) response {
		req, _ := http.NewRequest("POST", ts.URL+path, body)
		if ctype != "" {
			req.Header.Set("Content-Type", ctype)
		}
		req.Header.Set(csrfHeader, token)
		return b.do(req)
	}
	form := func(path string, v url.Values) response {
		return send(path, "application/x-www-form-urlencoded", strings.NewReader(v.Encode()))
	}
	multi := func(path string, files []file, fields map[string]string) response {
		ct, body := multipartBody(files, fields)
		return send(path, ct, body)
	}
	tested := map[string]bool{}
	check := func(route string, r response, status int, want string) {
		t.Helper()
		tested[route] = true
		if r.status != status || !strings.Contains(r.location+" "+text(r.body), want) {
			t.Errorf("POST %s with the header: %d %s %q, want %d %q", route, r.status, r.location, text(r.body), status, want)
		}
	}

	r := multi("/start/upload", []file{{"file", "样例.yaml", input.Sample}}, nil)
	check("/start/upload", r, http.StatusSeeOther, "/w/")
	ws := r.location
	r = form("/start/new", url.Values{"year": {"2026"}, "name": {"某某市农业农村局"}})
	check("/start/new", r, http.StatusSeeOther, "/w/")
	if r.status != http.StatusSeeOther {
	} else if y := b.get(r.location + "download/yaml").body; !strings.Contains(y, "year: 2026") || !strings.Contains(y, "name: 某某市农业农村局") {
		t.Errorf("the skeleton made with the header is not of the year and name posted:\n%.300s", y)
	}
	r = multi("/start/last-year", []file{{"last", "datong-gov-office-2024.yaml", input.Sample}}, map[string]string{"year": "2025"})
	check("/start/last-year", r, http.StatusSeeOther, "/w/")
	if r.status != http.StatusSeeOther {
	} else if y := b.get(r.location + "download/yaml").body; !strings.Contains(y, "year: 2025") {
		t.Errorf("last year's file rolled over with the header is not of the year posted:\n%.300s", y)
	}
	r = multi("/start/final", []file{{"budget", "datong-gov-office-2024.yaml", input.Sample}}, nil)
	check("/start/final", r, http.StatusSeeOther, "/w/")

	fill := formValues(b.get(ws + "fill").body)
	fill.Del("csrf")
	fill.Set("reasons.total_change", "经由脚本填写")
	check("/w/{id}/fill", form(ws+"fill", fill), http.StatusSeeOther, "fill?saved=1")
	if y := b.get(ws + "download/yaml").body; !strings.Contains(y, "total_change: 经由脚本填写") {
		t.Error("the form posted with the header was not saved")
	}
	ed := formValues(b.get(ws + "yaml").body)
	ed.Set("text", strings.Replace(b.get(ws+"download/yaml").body, "经由脚本填写", "经由脚本修改", 1))
	check("/w/{id}/yaml", form(ws+"yaml", ed), http.StatusSeeOther, "yaml?saved=1")
	if y := b.get(ws + "download/yaml").body; !strings.Contains(y, "total_change: 经由脚本修改") {
		t.Error("the text posted with the header was not saved")
	}
	check("/w/{id}/check", send(ws+"check", "text/plain; charset=utf-8", strings.NewReader(string(input.Sample))), http.StatusOK, `"warnings"`)
	check("/w/{id}/publish", form(ws+"publish", url.Values{}), http.StatusSeeOther, "publish?done=1")
	check("/w/{id}/close", form(ws+"close", url.Values{}), http.StatusSeeOther, "/")

	r = multi("/bureau", []file{{"files", "甲.yaml", input.Sample}}, nil)
	check("/bureau", r, http.StatusSeeOther, "/b/")
	batch := r.location
	check("/b/{id}/open", form(batch+"open", url.Values{"n": {"1"}}), http.StatusSeeOther, "/w/")
	batchDone(t, srv, batch)
	r = form(batch+"open", url.Values{"n": {"1"}})
	fill = formValues(b.get(r.location + "fill").body)
	fill.Set("reasons.total_change", "经由脚本填写")
	form(r.location+"fill", fill)
	check("/w/{id}/back", form(r.location+"back", url.Values{}), http.StatusSeeOther, batch+"?updated=1#d-1")
	check("/b/{id}/close", form(batch+"close", url.Values{}), http.StatusSeeOther, "/bureau")

	src, err := os.ReadFile("server.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range regexp.MustCompile(`HandleFunc\("POST ([^"]+)"`).FindAllStringSubmatch(string(src), -1) {
		if !tested[m[1]] {
			t.Errorf("POST %s is not tested with the header", m[1])
		}
	}
}

// fieldProblem is the red text under a field of the form, by its name.
func fieldProblem(html, name string) string { return fieldSays(html, name, "field-problem") }

// fieldNote is the note under a field of the form (changed elsewhere).
func fieldNote(html, name string) string { return fieldSays(html, name, "field-note") }

func fieldSays(html, name, class string) string {
	at := strings.Index(html, `id="`+fieldAnchor(name)+`"`)
	if at < 0 {
		return ""
	}
	rest := html[at:]
	if end := strings.Index(rest[1:], `<div class="field`); end >= 0 {
		rest = rest[:end+1]
	}
	m := regexp.MustCompile(`<p class="` + class + `">([^<]*)</p>`).FindStringSubmatch(rest)
	if m == nil {
		return ""
	}
	return htmlUnescape(m[1])
}

// TestDecimalComma: a comma in an amount is a thousands separator or the
// amount is refused, under its field, naming the field and saying to use a
// decimal point (140,5 was saved as 1405.00); full-width digits and commas
// alike; a count likewise.
func TestDecimalComma(t *testing.T) {
	_, _, b, ws := sampleSpace(t, Config{})
	before := b.get(ws + "download/yaml").body
	for _, c := range []struct{ field, value, want string }{
		{"prior_year.total", "140,5", "上年收支总计“140,5”中的逗号不是千分位分隔符：小数请用小数点，如 140.5"},
		{"prior_year.total", "140，5", "上年收支总计“140，5”中的逗号不是千分位分隔符：小数请用小数点，如 140.5"},
		{"prior_year.total", "１４０，５", "上年收支总计“１４０，５”中的逗号不是千分位分隔符：小数请用小数点，如 140.5"},
		{"prior_year.total", "1,24", "中的逗号不是千分位分隔符：小数请用小数点，如 1.24"},
		{"prior_year.total", "12,3456", "中的逗号不是千分位分隔符"},
		{"prior_year.total", ",123", "中的逗号不是千分位分隔符"},
		{"prior_year.total", "1,249.4,5", "中的逗号不是千分位分隔符"},
		{"prior_year.total", "1249,45.5", "中的逗号不是千分位分隔符"},
		{"procurement.goods", "3,5", "政府采购货物预算“3,5”中的逗号不是千分位分隔符：小数请用小数点，如 3.5"},
		{"assets.vehicles.actual", "1,5", "“实有（辆）”“1,5”中的逗号不是千分位分隔符"},
	} {
		r := b.fill(ws, c.field, c.value)
		if got := fieldProblem(r.body, c.field); r.status != http.StatusBadRequest || !strings.Contains(got, c.want) {
			t.Errorf("%s = %q: %d, under the field %q, want %q", c.field, c.value, r.status, got, c.want)
		}
		if !strings.Contains(r.body, `<p class="jump">请看这些栏目：<a href="#`+fieldAnchor(c.field)+`">`) {
			t.Errorf("%s = %q: no link to the field above the form", c.field, c.value)
		}
	}
	if after := b.get(ws + "download/yaml").body; after != before {
		t.Error("a refused amount changed the master input")
	}
	for _, c := range []struct{ value, saved string }{
		{"1,249.45", "total: 1249.45"},
		{"１，２４９．４５", "total: 1249.45"},
		{"1,234,567.8", "total: 1234567.8"},
		{"4 655.59", "total: 4655.59"},
	} {
		if r := b.fill(ws, "prior_year.total", c.value); r.status != http.StatusSeeOther {
			t.Errorf("%q: %d %s", c.value, r.status, fieldProblem(r.body, "prior_year.total"))
			continue
		}
		if y := b.get(ws + "download/yaml").body; !strings.Contains(y, c.saved) {
			t.Errorf("%q is not saved as %q", c.value, c.saved)
		}
	}
}

// TestStaleRenderNotServed: once the master input is edited, the files
// rendered from the text before are not served under the same names: a
// Chinese page says they are out of date and links to 生成; rendering
// again serves the new ones, until the next edit.
func TestStaleRenderNotServed(t *testing.T) {
	_, _, b, ws := sampleSpace(t, Config{Options: publish.Options{OpenData: true}})
	if r := b.post(ws+"publish", url.Values{"csrf": {b.csrf()}}); r.status != http.StatusSeeOther {
		t.Fatalf("publish: %d %s", r.status, text(r.body))
	}
	paths := []string{"download/pdf", "download/xlsx", "download/json", "download/csv", "download/html", "view/pdf"}
	for _, p := range paths {
		if r := b.get(ws + p); r.status != 200 {
			t.Fatalf("%s after the render: %d", p, r.status)
		}
	}
	edited := string(input.Sample) + "# 又改了一处\n"
	save := func(text string) {
		t.Helper()
		if r := b.saveText(ws, text); r.status != http.StatusSeeOther {
			t.Fatalf("saving the text: %d", r.status)
		}
	}
	save(edited)
	for _, p := range paths {
		r := b.get(ws + p)
		if r.status != http.StatusConflict || !strings.Contains(text(r.body), "主输入文件修改过，这些文件是修改之前生成的，已过时") ||
			!strings.Contains(r.body, `href="`+ws+`publish"`) || strings.HasPrefix(r.body, "%PDF") {
			t.Errorf("%s after an edit: %d %.200q", p, r.status, text(r.body))
		}
	}
	if r := b.get(ws + "download/yaml"); r.status != 200 || r.body != edited {
		t.Errorf("the master input after an edit: %d", r.status)
	}
	if r := b.post(ws+"publish", url.Values{"csrf": {b.csrf()}}); r.status != http.StatusSeeOther {
		t.Fatalf("publish again: %d %s", r.status, text(r.body))
	}
	for _, p := range paths {
		if r := b.get(ws + p); r.status != 200 {
			t.Errorf("%s after rendering again: %d", p, r.status)
		}
	}
	save(string(input.Sample))
	if r := b.get(ws + "download/pdf"); r.status != http.StatusConflict {
		t.Errorf("the PDF of the edited text, the text edited back: %d", r.status)
	}
}

// TestStaleFormNeverOverwrites: a 填写 page opened before the source was
// edited in another tab does not, when saved, put back what the other tab
// changed: the save is refused (409) saying in Chinese which fields changed
// elsewhere, the page now shows them as they are and keeps what was typed
// in it, and saving that page keeps both. A field changed on both sides is
// said under it with what was typed. The YAML editor likewise, and a post
// without its version is refused.
func TestStaleFormNeverOverwrites(t *testing.T) {
	_, _, b, ws := sampleSpace(t, Config{})
	stale := formValues(b.get(ws + "fill").body)
	staleEditor := formValues(b.get(ws + "yaml").body)

	// Another tab edits 部门职责 in the source.
	const theirs = "(一)负责市政府各类会议的组织实施工作（另一个标签页修改）。"
	other := formValues(b.get(ws + "yaml").body)
	other.Set("text", strings.Replace(b.get(ws+"download/yaml").body, "(一)负责市政府各类会议的组织实施工作。", theirs, 1))
	if r := b.post(ws+"yaml", other); r.status != http.StatusSeeOther {
		t.Fatalf("the other tab's save: %d %s", r.status, text(r.body))
	}
	newer := b.get(ws + "download/yaml").body

	// This tab, opened before, fills in a reason and saves.
	stale.Set("reasons.total_change", "增加政务热线运维项目支出")
	r := b.post(ws+"fill", stale)
	page := text(r.body)
	if r.status != http.StatusConflict || !strings.Contains(page, "没有保存：打开本页之后，主输入文件已在别处修改过（另一个标签页或“源文件”页）：部门职责") ||
		!strings.Contains(page, "刷新") {
		t.Fatalf("saving a stale form: %d %s", r.status, page)
	}
	if got := b.get(ws + "download/yaml").body; got != newer {
		t.Fatal("a stale form was saved over the newer text")
	}
	if p, n := fieldProblem(r.body, "overview.duties"), fieldNote(r.body, "overview.duties"); p != "" || !strings.Contains(n, "此项已在别处修改") {
		t.Errorf("部门职责, changed only elsewhere: under it %q / %q, want a note and no problem", p, n)
	}
	if p := fieldProblem(r.body, "reasons.total_change"); p != "" {
		t.Errorf("the reason typed here has a problem: %q", p)
	}
	if !strings.Contains(r.body, `请看这些栏目：<a href="#f-overview-duties">部门职责</a></p>`) {
		t.Error("the stale form does not link to the field changed elsewhere above the form")
	}
	again := formValues(r.body)
	if !strings.Contains(again.Get("overview.duties"), theirs) || again.Get("reasons.total_change") != "增加政务热线运维项目支出" {
		t.Errorf("the refused form does not show the other tab's 部门职责 and keep the reason typed: %q / %q", again.Get("overview.duties")[:80], again.Get("reasons.total_change"))
	}
	if r := b.post(ws+"fill", again); r.status != http.StatusSeeOther {
		t.Fatalf("saving the form shown after the refusal: %d %s", r.status, text(r.body))
	}
	y := b.get(ws + "download/yaml").body
	if !strings.Contains(y, theirs) || !strings.Contains(y, "total_change: 增加政务热线运维项目支出") {
		t.Errorf("after the second save the file lacks the other tab's edit or the reason:\n%.1500s", y)
	}

	// Both sides change the same field: the newer text is shown, what was
	// typed is said under the field.
	mine := formValues(b.get(ws + "fill").body)
	theirs2 := formValues(b.get(ws + "fill").body)
	theirs2.Set("notes.other", "另一个标签页的说明")
	if r := b.post(ws+"fill", theirs2); r.status != http.StatusSeeOther {
		t.Fatalf("the other tab's form: %d %s", r.status, text(r.body))
	}
	mine.Set("notes.other", "本页的说明")
	r = b.post(ws+"fill", mine)
	if got := fieldProblem(r.body, "notes.other"); r.status != http.StatusConflict || !strings.Contains(got, "本页填写的“本页的说明”没有保存") {
		t.Errorf("a field changed on both sides: %d, under it %q", r.status, got)
	}
	if v := formValues(r.body).Get("notes.other"); v != "另一个标签页的说明" {
		t.Errorf("a field changed on both sides shows %q, want the newer text", v)
	}

	// The YAML editor opened at the start saves over none of this.
	current := b.get(ws + "download/yaml").body
	staleEditor.Set("text", string(input.Sample)+"# 本页的修改\n")
	r = b.post(ws+"yaml", staleEditor)
	if r.status != http.StatusConflict || !strings.Contains(text(r.body), "没有保存：打开本页之后，主输入文件已在别处修改过") ||
		!strings.Contains(text(r.body), "部门职责") || !strings.Contains(r.body, "# 本页的修改") {
		t.Errorf("saving a stale editor: %d %s", r.status, text(r.body))
	}
	if r2 := b.post(ws+"yaml", formValues(r.body)); r2.status != http.StatusConflict {
		t.Errorf("the refused editor saved when posted again: %d", r2.status)
	}
	noVersion := url.Values{"csrf": {b.csrf()}, "text": {"schema: 1\n"}}
	if r := b.post(ws+"yaml", noVersion); r.status != http.StatusConflict {
		t.Errorf("an editor post without its version: %d", r.status)
	}
	fillNoVersion := formValues(b.get(ws + "fill").body)
	fillNoVersion.Del("version")
	if r := b.post(ws+"fill", fillNoVersion); r.status != http.StatusConflict {
		t.Errorf("a form post without its version: %d", r.status)
	}
	if got := b.get(ws + "download/yaml").body; got != current {
		t.Error("a stale or unversioned post changed the text")
	}
}

// TestMemoryBoundedNotByWorkspaces: the check results kept between pages
// stay within their byte budget however many workspaces are open (each
// kept its own: 48 workspaces of a department of 9 000 projects held
// 1 GB), and no workspace keeps its text in memory; a page whose result
// was dropped checks its text again.
func TestMemoryBoundedNotByWorkspaces(t *testing.T) {
	budget := 3 * resultCost(len(input.Sample))
	s, ts := newServer(t, Config{ResultBytes: budget})
	var spaces []string
	var browsers []*browser
	for i := 0; i < 10; i++ {
		b := newBrowser(t, ts)
		ws := b.start(file{"file", fmt.Sprintf("部门%d.yaml", i), input.Sample})
		if r := b.get(ws); r.status != 200 || !strings.Contains(r.body, "T6-T5-basic") {
			t.Fatalf("check page %d: %d", i, r.status)
		}
		spaces, browsers = append(spaces, ws), append(browsers, b)
	}
	n, bytes, texts := s.held()
	if bytes > budget || n > 3 || texts != 0 {
		t.Errorf("10 workspaces hold %d results counted %d bytes (budget %d) and %d bytes of text, want at most 3 results within the budget and no text", n, bytes, budget, texts)
	}
	// The first workspace's result was dropped: its page checks again.
	if r := browsers[0].get(spaces[0]); r.status != 200 || !strings.Contains(r.body, "T6-T5-basic") {
		t.Errorf("the page of a workspace whose result was dropped: %d", r.status)
	}
	if n, bytes, _ := s.held(); bytes > budget || n > 3 {
		t.Errorf("after checking again: %d results, %d bytes", n, bytes)
	}
}

// TestWorkspaceLimitsPerBrowser: a browser opening workspaces beyond its
// own limit is refused, and when the workbench is full a newcomer is
// refused: no workspace in use, of any browser, is ever removed to make
// room (another browser's 64 evicted one edited a second before).
func TestWorkspaceLimitsPerBrowser(t *testing.T) {
	s, ts := newServer(t, Config{MaxWorkspaces: 4, MaxPerBrowser: 2})
	clerk := newBrowser(t, ts)
	mine := clerk.start(file{"file", "本部门.yaml", input.Sample})
	clerk.get(mine + "fill")

	other := newBrowser(t, ts)
	for i := 0; i < 2; i++ {
		other.start(file{"file", fmt.Sprintf("甲%d.yaml", i), input.Sample})
	}
	r := other.upload("/start/upload", []file{{"file", "甲3.yaml", input.Sample}}, nil)
	if r.status != http.StatusTooManyRequests || !strings.Contains(text(r.body), "这个浏览器已打开 2 个工作区（每个浏览器最多 2 个）") {
		t.Errorf("a browser over its own limit: %d %s", r.status, text(r.body))
	}
	if r := other.upload("/bureau", []file{{"files", "乙.yaml", input.Sample}}, nil); r.status != http.StatusTooManyRequests {
		t.Errorf("a batch of a browser over its own limit: %d %s", r.status, text(r.body))
	}
	third := newBrowser(t, ts)
	third.start(file{"file", "丙.yaml", input.Sample})
	fourth := newBrowser(t, ts)
	r = fourth.post("/start/new", url.Values{"csrf": {fourth.csrf()}, "year": {"2026"}})
	if r.status != http.StatusServiceUnavailable || !strings.Contains(text(r.body), "工作台同时打开的工作区已满（共 4 个，来自各个浏览器") {
		t.Errorf("a newcomer when the workbench is full: %d %s", r.status, text(r.body))
	}
	if r := clerk.get(mine + "fill"); r.status != 200 {
		t.Errorf("the clerk's workspace after the others: %d %s", r.status, text(r.body))
	}
	if n := s.spaces.count(); n != 4 {
		t.Errorf("%d workspaces, want 4", n)
	}
	// The start page lists the browser's own workspaces, to go back to or close.
	if p := clerk.get("/").body; !strings.Contains(p, `href="`+mine+`"`) || !strings.Contains(p, "本部门.yaml") || strings.Contains(p, "甲0.yaml") {
		t.Errorf("the start page does not list the clerk's workspace (alone):\n%s", text(p))
	}

	// Batches, each holding its review in memory, have limits of their own.
	_, ts = newServer(t, Config{})
	bureau := newBrowser(t, ts)
	for i := 0; i < batchesPerBrowser; i++ {
		if r := bureau.upload("/bureau", []file{{"files", "甲.yaml", input.Sample}}, nil); r.status != http.StatusSeeOther {
			t.Fatalf("batch %d: %d %s", i+1, r.status, text(r.body))
		}
	}
	if r := bureau.upload("/bureau", []file{{"files", "甲.yaml", input.Sample}}, nil); r.status != http.StatusTooManyRequests || !strings.Contains(text(r.body), "每个浏览器最多 2 批") {
		t.Errorf("a batch over the browser's limit: %d %s", r.status, text(r.body))
	}
	if p := text(bureau.get("/").body); !strings.Contains(p, "甲.yaml 批量处理") {
		t.Errorf("the start page does not list the batches: %s", p)
	}
}

// counter counts the bytes read through it.
type counter struct {
	r io.Reader
	n atomic.Int64
}

func (c *counter) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

// streamedUpload is a multipart body of one file, made as it is read: the
// file is head and then size bytes of filler. Close it when done.
func streamedUpload(field, name string, head []byte, size int64, filler byte) (string, *io.PipeReader) {
	pr, pw := io.Pipe()
	mw := multipart.NewWriter(pw)
	go func() {
		w, err := mw.CreateFormFile(field, name)
		if err != nil {
			return
		}
		if _, err := w.Write(head); err != nil {
			return
		}
		if _, err := io.Copy(w, io.LimitReader(repeatByte(filler), size)); err != nil {
			return
		}
		_ = mw.Close()
		_ = pw.Close()
	}()
	return mw.FormDataContentType(), pr
}

type repeatByte byte

func (b repeatByte) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(b)
	}
	return len(p), nil
}

// direct serves a POST of browser b through the server's handler in this
// process, with no network between: what the handler read of body is what
// it took. The CSRF token is in the header.
func direct(s *Server, b *browser, path, ctype string, body io.Reader) *httptest.ResponseRecorder {
	token := b.csrf() // first: it gives the browser its cookie
	req := httptest.NewRequest("POST", path, body)
	req.Host = "127.0.0.1"
	u, _ := url.Parse(b.base)
	for _, c := range b.c.Jar.Cookies(u) {
		req.AddCookie(c)
	}
	req.Header.Set("Content-Type", ctype)
	req.Header.Set(csrfHeader, token)
	rec := httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, req)
	return rec
}

// TestUploadLimitsWhileStreaming: an upload's limit is its kind's, known
// from its first bytes, and applied as it is read: a 60 MB master input is
// refused after 8 MB of it (it was buffered up to 64 MB first), an old .xls
// after its first bytes, a workbook at 64 MB, on every page that takes files.
func TestUploadLimitsWhileStreaming(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: uploads of up to 64 MB")
	}
	s, ts := newServer(t, Config{})
	b := newBrowser(t, ts)
	const slack = 256 << 10 // the multipart framing and the readers' buffers
	for _, c := range []struct {
		path, field, name string
		head              []byte
		size              int64
		status            int
		want              string
		most              int64
	}{
		{"/start/upload", "file", "大.yaml", []byte("# 注释\n"), 60 << 20, 413, "大.yaml 过大（上限 8 MB）", input.MaxFileSize + slack},
		{"/start/upload", "file", "旧.xls", []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), 60 << 20, 400, "旧.xls 是旧格式的 .xls 工作簿", slack},
		{"/start/upload", "file", "大.xlsx", []byte("PK\x03\x04"), 70 << 20, 413, "大.xlsx 过大（上限 64 MB）", importer.MaxBookSize + slack},
		{"/start/upload", "prior", "上年.yaml", []byte("# 注释\n"), 60 << 20, 413, "上年.yaml 过大（上限 8 MB）", input.MaxFileSize + slack},
		{"/start/last-year", "last", "大.yaml", []byte("# 注释\n"), 60 << 20, 413, "大.yaml 过大（上限 8 MB）", input.MaxFileSize + slack},
		{"/bureau", "files", "大.yaml", []byte("# 注释\n"), 60 << 20, 413, "大.yaml 过大（上限 8 MB）", input.MaxFileSize + slack},
		// An old .xls among a bureau's files is skipped, not refused: read
		// past (not kept), it is named when nothing else is left.
		{"/bureau", "files", "旧.xls", []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), 60 << 20, 400, "旧.xls 这是旧版 Excel 工作簿（.xls）：在 Excel 或 WPS 中另存为 .xlsx", 60<<20 + slack},
	} {
		ct, body := streamedUpload(c.field, c.name, c.head, c.size, '#')
		read := &counter{r: body}
		rec := direct(s, b, c.path, ct, read)
		body.Close()
		if got := text(rec.Body.String()); rec.Code != c.status || !strings.Contains(got, c.want) {
			t.Errorf("%s %s: %d %.300s, want %d %q", c.path, c.name, rec.Code, got, c.status, c.want)
		}
		if n := read.n.Load(); n > c.most {
			t.Errorf("%s %s: %d KB read before the refusal, want at most %d KB", c.path, c.name, n>>10, c.most>>10)
		}
	}
	if n := s.spaces.count(); n != 0 {
		t.Errorf("%d workspaces after the refusals", n)
	}
	entries, _ := os.ReadDir(s.Root())
	for _, e := range entries {
		if e.Name() != pidFile {
			t.Errorf("%s left in the root after the refusals", e.Name())
		}
	}
}

// TestUploadsBounded: at most 2 × -j uploads are taken at once; another
// waits for one to end, then is told the server is busy, having read none
// of its body.
func TestUploadsBounded(t *testing.T) {
	s, ts := newServer(t, Config{Workers: 1})
	s.wait = 300 * time.Millisecond
	b := newBrowser(t, ts)
	b.csrf() // the browser's cookie, before the three uploads at once
	release := make(chan struct{})
	type result struct {
		code int
		body string
		read int64
	}
	results := make(chan result, 3)
	for i := 0; i < 3; i++ {
		go func(i int) {
			ct, body := streamedUpload("file", fmt.Sprintf("慢%d.yaml", i), []byte("schema: 1\n"), 1<<10, '#')
			read := &counter{r: io.MultiReader(io.LimitReader(body, 512), blockUntil(release))}
			rec := direct(s, b, "/start/upload", ct, read)
			body.Close()
			results <- result{rec.Code, text(rec.Body.String()), read.n.Load()}
		}(i)
	}
	var busy result
	select {
	case busy = <-results:
	case <-time.After(10 * time.Second):
		close(release)
		t.Fatal("no upload was refused while two were being taken")
	}
	close(release)
	if busy.code != http.StatusServiceUnavailable || !strings.Contains(busy.body, "服务器正忙：同时上传的文件已满（最多 2 个）") || busy.read != 0 {
		t.Errorf("the third upload at once: %d, %d bytes read: %s", busy.code, busy.read, busy.body)
	}
	for i := 0; i < 2; i++ {
		if r := <-results; r.read == 0 {
			t.Errorf("an upload with a slot read nothing: %d %s", r.code, r.body)
		}
	}
}

// blockUntil is a reader that blocks until c is closed, then ends.
type blockUntil chan struct{}

func (c blockUntil) Read([]byte) (int, error) {
	<-c
	return 0, io.ErrUnexpectedEOF
}

// TestImportAgreesWithBatch: the bureau page's import of a workbook and
// batch's (publish.ImportFile) give the same master input, byte for byte:
// both go through publish.ImportBook.
func TestImportAgreesWithBatch(t *testing.T) {
	s, _ := newServer(t, Config{})
	dir := t.TempDir()
	sp := &space{dir: dir}
	if err := os.Mkdir(sp.path("in"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(sp.path(filepath.Join("in", "0001.xlsx")), sampleBook(t), 0o600); err != nil {
		t.Fatal(err)
	}
	yaml := sp.path(filepath.Join("in", "0001.yaml"))
	if err := s.importBook(context.Background(), sp, 0, "大同.xlsx", yaml); err != nil {
		t.Fatal(err)
	}
	bench, err := os.ReadFile(yaml)
	if err != nil {
		t.Fatal(err)
	}
	book := filepath.Join(t.TempDir(), "大同.xlsx")
	if err := os.WriteFile(book, sampleBook(t), 0o600); err != nil {
		t.Fatal(err)
	}
	batch, err := publish.ImportFile(resources(t), book)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(bench, batch) {
		t.Errorf("the workbench's import and batch's differ:\n%s\n----\n%s", bench, batch)
	}
	if !bytes.Contains(batch, []byte("由 大同.xlsx 导入。")) {
		t.Errorf("the header does not name the workbook:\n%.300s", batch)
	}
}

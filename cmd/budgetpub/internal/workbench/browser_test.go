package workbench

// The acceptance test of the workbench in a real browser: a headless
// Chromium, driven through the DevTools protocol (chromedp), uploads the
// sample's workbook, sees its warnings, fills in the prior year and a
// reason, renders and downloads the PDF (read back with pdftotext), uploads
// a master input with a misspelt key, follows the finding to its line in
// the editor, fixes it there and sees the live check say so, and runs a
// bureau's batch of three departments and sorts its review.
//
// Without a Chromium (or Chrome) and pdftotext on PATH the test is skipped,
// unless BUDGETPUB_REQUIRE_TOOLS=1 (as CI sets): then it fails. With
// BUDGETPUB_SCREENSHOTS=folder a full-page PNG of every page visited is
// written there, to look at.

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"
	"unicode/utf16"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/input/synth"
	"github.com/budgetpub/budgetpub/render/publish"
	cdpbrowser "github.com/chromedp/cdproto/browser"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

const (
	e2eTimeout = 90 * time.Second // the whole test, browser included
	e2eWait    = 30 * time.Second // one wait for the page (a render, a batch, a download)
	// The reason typed in the form; it must come out in the PDF.
	e2eReason = "增加政务热线运维项目支出"
	e2ePrior  = "4655.59"
)

func TestBrowserWorkbench(t *testing.T) {
	chrome := e2eChrome(t)
	e2eNeedTool(t, "pdftotext")

	res, err := publish.Load(publish.Config{})
	if err != nil {
		t.Fatal(err)
	}
	srv, err := New(Config{Resources: res, Loopback: true})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(func() {
		ts.Close()
		srv.Close()
	})

	b := e2eStart(t, chrome, ts.URL)
	files := t.TempDir()

	t.Run("department", func(t *testing.T) {
		r := publish.Department(res, input.SampleName, input.Sample, publish.Options{})
		if r.Err != nil || r.Workbook == nil {
			t.Fatalf("rendering the sample's workbook: %v", r.Err)
		}
		book := filepath.Join(files, "datong-gov-office-2024.xlsx")
		if err := os.WriteFile(book, r.Workbook, 0o600); err != nil {
			t.Fatal(err)
		}

		// 1. The start page: upload the workbook through the real file input.
		b.open(t, "/")
		b.shot(t, "01-start")
		b.do(t, chromedp.SetUploadFiles(chromedp.CSS(`form[action^="/start/upload"] input[type=file][name=file]`), []string{book}))
		b.submit(t, `form[action^="/start/upload"] button[type=submit]`)
		id := b.at(t, `^/w/([A-Za-z0-9_-]{22})/$`)

		// 2. 核对: the sample's warnings, and what the workbook cannot give,
		// to fill in (需补填), its own group.
		b.wantText(t, "#findings", "T6-T5-basic")
		b.wantText(t, ".space .badges", "没有错误")
		b.wantText(t, "#status", "需补填")
		b.wantText(t, "#incomplete", "还需要补填的内容", "本部门职责", "政府采购预算", "去填写“部门职责”")
		b.shot(t, "02-check-after-upload")

		// 3. 填写: the prior year's total and the reason of its change.
		b.submit(t, `//nav[contains(@class,"tabs")]/a[contains(., "填写")]`)
		b.at(t, `^/w/`+id+`/fill$`)
		b.do(t,
			chromedp.SetValue(chromedp.CSS(`input[name="prior_year.total"]`), e2ePrior),
			chromedp.SetValue(chromedp.CSS(`textarea[name="reasons.total_change"]`), e2eReason),
		)
		// What the workbook cannot give, the clerk gives (else 需补填).
		for name, v := range map[string]string{"overview.duties": "负责市政府日常运转。", "overview.organization": "内设秘书科等科室。",
			"procurement.goods": "142.96", "procurement.works": "0", "procurement.services": "1481.61",
			"assets.as_of": "2023-12-31", "assets.office_area_m2": "3000", "notes.purchase_of_services": "无", "notes.other": "无"} {
			b.do(t, chromedp.SetValue(chromedp.CSS(`[name="`+name+`"]`), v))
		}
		// A unit's kind or a project's category the import left to choose.
		b.eval(t, `(() => {
			document.querySelectorAll('select[name^="units."][name$=".kind"]').forEach((s, i) => { if (!s.value) s.value = i ? "institution" : "administrative"; });
			document.querySelectorAll('select[name^="projects."][name$=".category"]').forEach(s => { if (!s.value) s.value = "other_operating"; });
			return true; })()`, nil)
		b.shot(t, "03-fill")
		b.submit(t, `//form[contains(@class,"fill")]//button[@type="submit"][contains(., "保存并核对")]`)
		b.at(t, `^/w/`+id+`/fill\?saved=1$`)
		b.wantText(t, "main", "已保存")
		if got := b.value(t, `input[name="prior_year.total"]`); got != e2ePrior {
			t.Errorf("after saving, prior_year.total = %q, want %q", got, e2ePrior)
		}
		if got := strings.TrimSpace(b.value(t, `textarea[name="reasons.total_change"]`)); got != e2eReason {
			t.Errorf("after saving, reasons.total_change = %q, want %q", got, e2eReason)
		}
		b.shot(t, "04-fill-saved")
		if got := b.text(t, "#status"); got != "可公开" {
			t.Errorf("filled in, the status is %q, want 可公开:\n%s", got, b.shown())
		}
		b.submit(t, `//nav[contains(@class,"tabs")]/a[contains(., "核对")]`)
		b.at(t, `^/w/`+id+`/$`)
		b.wantText(t, "#status", "可公开")
		var left bool
		b.eval(t, `!!document.getElementById("incomplete")`, &left)
		if left {
			t.Errorf("filled in, the check page still lists what is left: %s", b.text(t, "#incomplete"))
		}
		b.shot(t, "04b-check-filled-publishable")

		// 4. 生成与下载: render, then download the PDF through its link.
		b.submit(t, `//nav[contains(@class,"tabs")]/a[contains(., "生成与下载")]`)
		b.at(t, `^/w/`+id+`/publish$`)
		b.submit(t, `//main//form[contains(@action,"/publish")]//button[@type="submit"][contains(., "生成")]`)
		b.at(t, `^/w/`+id+`/publish\?done=1$`)
		pdfLink := `ul.downloads a[href$="/download/pdf"]`
		b.do(t, chromedp.WaitVisible(chromedp.CSS(pdfLink)), chromedp.WaitVisible(chromedp.CSS(`iframe.pdf`)))
		b.shot(t, "05-publish-preview")
		pdf := b.download(t, pdfLink, "/w/"+id+"/download/pdf")
		text := e2eNoSpace(e2ePDFText(t, pdf))
		if !strings.Contains(text, e2eNoSpace(e2eReason)) {
			t.Errorf("the downloaded PDF does not have the reason %q typed in the form", e2eReason)
		}
		// The sample's total is 5,103.42万元: 447.83 more than the prior year's.
		if want := "比上年增加447.83万元，增长9.62%，主要原因是" + e2eNoSpace(e2eReason); !strings.Contains(text, want) {
			t.Errorf("the downloaded PDF does not say %q", want)
		}
	})

	t.Run("broken input", func(t *testing.T) {
		// 5. A master input with a misspelt key on a known line.
		broken, line, keyAt := e2eMisspell(t, input.Sample, "\n  region:", "\n  regoin:")
		name := filepath.Join(files, "datong-broken.yaml")
		if err := os.WriteFile(name, broken, 0o600); err != nil {
			t.Fatal(err)
		}
		b.open(t, "/")
		b.do(t, chromedp.SetUploadFiles(chromedp.CSS(`form[action^="/start/upload"] input[type=file][name=file]`), []string{name}))
		b.submit(t, `form[action^="/start/upload"] button[type=submit]`)
		id := b.at(t, `^/w/([A-Za-z0-9_-]{22})/$`)
		b.shot(t, "06-broken-input-check")

		var f struct {
			Message string `json:"message"`
			Place   string `json:"place"`
			Href    string `json:"href"`
		}
		b.eval(t, `(() => {
			const tr = [...document.querySelectorAll("#findings tr")].find(tr => tr.textContent.includes("未知的键"));
			if (!tr) return {};
			const a = tr.querySelector("td.where a");
			return {message: tr.cells[2].textContent, place: tr.querySelector("td.where").textContent.trim(), href: a ? a.getAttribute("href") : ""};
		})()`, &f)
		if f.Message == "" {
			t.Fatalf("no finding says 未知的键; the findings are:\n%s", b.text(t, "#findings"))
		}
		if !strings.Contains(f.Message, "regoin") {
			t.Errorf("the finding %q does not name the key regoin", f.Message)
		}
		if want := fmt.Sprintf("第 %d 行", line); !strings.Contains(f.Place, want) {
			t.Errorf("the finding's place is %q, want it to say %q", f.Place, want)
		}
		wantHref := fmt.Sprintf("/w/%s/yaml?line=%d", id, line)
		if !strings.HasPrefix(f.Href, wantHref) {
			t.Fatalf("the finding links to %q, want %s…", f.Href, wantHref)
		}

		// The link opens the editor with line N selected.
		b.submit(t, fmt.Sprintf(`#findings a[href^="%s"]`, wantHref))
		b.at(t, fmt.Sprintf(`^/w/%s/yaml\?line=%d#editor$`, id, line))
		b.do(t, chromedp.WaitVisible(chromedp.ID("editor")))
		if got := b.value(t, "#editor"); got != string(broken) {
			t.Fatalf("the editor holds %d characters, not the %d of the file uploaded", len(got), len(broken))
		}
		var sel struct {
			Start, End int
			Focused    bool
			Selected   string
		}
		b.eval(t, `(() => { const e = document.getElementById("editor");
			return {Start: e.selectionStart, End: e.selectionEnd, Focused: document.activeElement === e,
				Selected: e.value.substring(e.selectionStart, e.selectionEnd)}; })()`, &sel)
		lineText := strings.SplitN(string(broken), "\n", line+1)[line-1]
		if want := e2eUTF16Len(string(broken[:e2eLineStart(broken, line)])); sel.Start != want {
			t.Errorf("the editor's selection starts at %d, want %d (the start of line %d)", sel.Start, want, line)
		}
		if sel.Selected != lineText || !sel.Focused {
			t.Errorf("the editor selects %q (focused %v), want line %d, %q, focused", sel.Selected, sel.Focused, line, lineText)
		}
		b.shot(t, "07-yaml-editor")

		// 6. The live check: type the right key over the wrong one.
		start := e2eUTF16Len(string(broken[:keyAt]))
		b.eval(t, fmt.Sprintf(`document.getElementById("editor").setSelectionRange(%d, %d)`, start, start+len("regoin")), nil)
		b.do(t, chromedp.SendKeys(chromedp.ID("editor"), "region"))
		if got := b.value(t, "#editor"); got != string(input.Sample) {
			t.Fatalf("after typing, the editor does not hold the sample (%d characters, want %d)", len(got), len(input.Sample))
		}
		status := b.waitFor(t, "the live check to report no errors",
			`(() => { const s = document.getElementById("live-status").textContent; return /(^|[^0-9])0 个错误/.test(s) ? s : ""; })()`)
		if !strings.Contains(status, "未保存") {
			t.Errorf("the live status %q does not say the text is not saved", status)
		}
		if got := b.text(t, "#findings"); strings.Contains(got, "未知的键") {
			t.Errorf("after the live check the findings still say 未知的键:\n%s", got)
		}
		b.shot(t, "08-yaml-live-check")
		b.submit(t, `form.editor-form button[type=submit]`)
		b.at(t, fmt.Sprintf(`^/w/%s/yaml\?saved=1$`, id))
		b.wantText(t, "main", "已保存")
		b.wantText(t, ".space .badges", "没有错误")
	})

	t.Run("bureau", func(t *testing.T) {
		// 7. Three departments at once; the review lists each and sorts.
		var paths, names []string
		for i := 1; i <= 3; i++ {
			n := fmt.Sprintf("合成市第%d局-2025.yaml", i)
			p := filepath.Join(files, n)
			if err := os.WriteFile(p, synth.Generate(synth.Options{Seed: int64(i)}), 0o600); err != nil {
				t.Fatal(err)
			}
			paths, names = append(paths, p), append(names, n)
		}
		b.open(t, "/bureau")
		b.do(t, chromedp.SetUploadFiles(chromedp.CSS(`input[type=file][name=files]`), paths))
		b.shot(t, "09-bureau-upload")
		b.submit(t, `form[action^="/bureau"] button[type=submit]`)
		b.at(t, `^/b/([A-Za-z0-9_-]{22})/$`)
		summary := b.waitFor(t, "the batch to finish",
			`(() => !document.querySelector('meta[http-equiv="refresh"]') && document.querySelector(".summary-line")
				&& document.querySelector(".summary-line").textContent.includes("个完成") ? document.querySelector(".summary-line").textContent : "")()`)
		t.Logf("batch: %s", strings.TrimSpace(summary))
		b.shot(t, "10-batch-review")

		review := `#review`
		var listed []string
		b.eval(t, `[...document.querySelectorAll("#review td.dept .file")].map(e => e.textContent.trim())`, &listed)
		for _, n := range names {
			if !e2eHas(listed, n) {
				t.Errorf("the review does not list %s; it lists %q", n, listed)
			}
		}
		if len(listed) != len(names) {
			t.Errorf("the review has %d rows, want %d", len(listed), len(names))
		}
		for i, s := range b.column(t, review, 2) {
			if s != "可公开" {
				t.Errorf("row %d of the review is %q, want 可公开", i+1, s)
			}
		}

		// A click on 收支总计 sorts by it, up; a second click, down.
		const col = 3
		th := fmt.Sprintf(`%s thead th:nth-child(%d)`, review, col+1)
		if h := b.text(t, th); h != "收支总计" {
			t.Fatalf("column %d of the review is %q, not 收支总计", col+1, h)
		}
		for _, dir := range []string{"asc", "desc"} {
			b.do(t, chromedp.Click(chromedp.CSS(th)))
			if cls := b.className(t, th); !strings.Contains(cls, "sorted-"+dir) {
				t.Errorf("after the click the heading's class is %q, want sorted-%s", cls, dir)
			}
			got := b.column(t, review, col)
			if !e2eSorted(t, got, dir == "desc") {
				t.Errorf("after the click (%s) the column is %q, not sorted", dir, got)
			}
		}
		b.shot(t, "11-batch-sorted")
	})

	t.Run("edits never lost or misread", func(t *testing.T) {
		// 8. A decimal comma is refused under its field, saying the fix.
		id := b.upload(t, filepath.Join(files, "datong-2024.yaml"), input.Sample)
		b.open(t, "/w/"+id+"/fill")
		b.do(t, chromedp.SetValue(chromedp.CSS(`input[name="prior_year.total"]`), "140,5"))
		b.submitAnswering(t, `//form[contains(@class,"fill")]//button[@type="submit"][contains(., "保存并核对")]`, 400)
		b.wantText(t, "#f-prior_year-total .field-problem", "上年收支总计“140,5”中的逗号不是千分位分隔符：小数请用小数点，如 140.5")
		b.do(t, chromedp.ScrollIntoView(chromedp.CSS(`#f-prior_year-total`)))
		b.shot(t, "12-fill-decimal-comma")
		// The refused form holds what was typed, not saved: leaving it, the
		// browser asks first.
		if kind, _ := b.dialog(t, true, chromedp.Navigate(b.base+"/w/"+id+"/fill")); kind != "beforeunload" {
			t.Errorf("leaving a refused form: a dialog %q, want beforeunload", kind)
		}

		// 9. A 填写 page opened before the source was edited in another tab.
		b.open(t, "/w/"+id+"/fill")
		tab, cancel := chromedp.NewContext(b.ctx)
		defer cancel()
		other := &e2eSession{ctx: tab, base: b.base, shots: b.shots, downloads: b.downloads}
		other.open(t, "/w/"+id+"/yaml")
		const theirs = "(一)负责市政府各类会议的组织实施工作（在另一个标签页中修改）。"
		other.eval(t, fmt.Sprintf(`(() => { const e = document.getElementById("editor");
			e.value = e.value.replace("(一)负责市政府各类会议的组织实施工作。", %q); return true; })()`, theirs), nil)
		other.submit(t, `form.editor-form button[type=submit]`)
		other.wantText(t, "main", "已保存")

		b.do(t, chromedp.SetValue(chromedp.CSS(`textarea[name="reasons.total_change"]`), e2eReason))
		b.submitAnswering(t, `//form[contains(@class,"fill")]//button[@type="submit"][contains(., "保存并核对")]`, 409)
		b.wantText(t, "main .problem", "没有保存：打开本页之后，主输入文件已在别处修改过", "部门职责", "刷新页面")
		b.wantText(t, "#f-overview-duties .field-note", "此项已在别处修改")
		if got := b.value(t, `textarea[name="overview.duties"]`); !strings.Contains(got, theirs) {
			t.Errorf("the refused form's 部门职责 is not the other tab's: %.80q", got)
		}
		if got := strings.TrimSpace(b.value(t, `textarea[name="reasons.total_change"]`)); got != e2eReason {
			t.Errorf("the refused form lost the reason typed: %q", got)
		}
		b.shot(t, "13-fill-stale")
		b.submit(t, `//form[contains(@class,"fill")]//button[@type="submit"][contains(., "保存并核对")]`)
		b.wantText(t, "main", "已保存")
		if got := b.value(t, `textarea[name="overview.duties"]`); !strings.Contains(got, theirs) {
			t.Error("saving the form shown after the refusal put the other tab's 部门职责 back")
		}
	})

	t.Run("nothing typed is lost", func(t *testing.T) {
		// 10. A form with changes not saved: a tab asks first (cancel stays,
		// with what was typed); OK saves and goes there; 保存并去生成 saves
		// and goes to 生成; leaving otherwise, the browser asks.
		id := b.upload(t, filepath.Join(files, "datong-typed.yaml"), input.Sample)
		b.open(t, "/w/"+id+"/fill")
		reason := `textarea[name="reasons.general_public_change"]`
		b.do(t, chromedp.SendKeys(chromedp.CSS(reason), "压减一般性支出"))
		publishTab := `//nav[contains(@class,"tabs")]/a[contains(., "生成与下载")]`
		kind, msg := b.dialog(t, false, chromedp.Click(chromedp.Search(publishTab), chromedp.NodeVisible))
		if kind != "confirm" || !strings.Contains(msg, "还没有保存") || !strings.Contains(msg, "生成与下载") {
			t.Errorf("leaving the form by a tab asks %s %q", kind, msg)
		}
		b.at(t, `^/w/`+id+`/fill$`)
		if got := b.value(t, reason); !strings.Contains(got, "压减一般性支出") {
			t.Errorf("after staying, the reason typed is %q", got)
		}
		b.shot(t, "14-fill-unsaved-tab")
		b.dialog(t, true, chromedp.Click(chromedp.Search(publishTab), chromedp.NodeVisible))
		b.waitFor(t, "the publish page after saving", `location.pathname.endsWith("/publish") && document.querySelector(".flash") ? document.querySelector(".flash").textContent : ""`)
		b.wantText(t, "main .flash", "已保存填写的内容")
		if y := b.fetch(t, "/w/"+id+"/download/yaml"); !strings.Contains(y, "压减一般性支出") {
			t.Error("OK on leaving by a tab did not save what was typed")
		}

		b.open(t, "/w/"+id+"/fill")
		b.do(t, chromedp.SendKeys(chromedp.CSS(`input[name="prior_year.total"]`), "1"))
		typed := b.value(t, `input[name="prior_year.total"]`)
		b.submit(t, `//form[contains(@class,"fill")]//button[@type="submit"][contains(., "保存并去生成")]`)
		b.at(t, `^/w/`+id+`/publish\?saved=1$`)
		if y := b.fetch(t, "/w/"+id+"/download/yaml"); typed == "4655.59" || !strings.Contains(y, "total: "+typed) {
			t.Errorf("保存并去生成 did not save what was typed (%s)", typed)
		}

		b.open(t, "/w/"+id+"/fill")
		b.do(t, chromedp.SendKeys(chromedp.CSS(reason), "。"))
		kind, _ = b.dialog(t, false, chromedp.Evaluate[chromedp.Void](`location.href = "/"`))
		if kind != "beforeunload" {
			t.Errorf("leaving a changed form by its address: a dialog %q, want beforeunload", kind)
		}
		b.at(t, `^/w/`+id+`/fill$`)
		if got := b.value(t, reason); !strings.Contains(got, "。") {
			t.Errorf("after staying, the reason is %q", got)
		}
		b.dialog(t, true, chromedp.Navigate(b.base+"/")) // leave, dropping it
	})

	t.Run("what is left to fill in", func(t *testing.T) {
		// 11. A file without the units' kinds and the projects' categories,
		// and a goal form carried from last year: each has its place in the form.
		id := b.upload(t, filepath.Join(files, "datong-unfilled.yaml"), incompleteSample(t))
		b.wantText(t, "#incomplete", "单位类型", "项目类别", "还没有复核")
		b.shot(t, "15-check-unfilled")
		// The link of a unit's kind goes to its select, in the form.
		b.submit(t, `#incomplete a[href$="#f-units-0-kind"]`)
		b.at(t, `^/w/`+id+`/fill#f-units-0-kind$`)
		if got := b.value(t, `select[name="units.0.kind"]`); got != "" {
			t.Errorf("an unknown kind is shown as %q, want 请选择", got)
		}
		b.do(t, chromedp.ScrollIntoView(chromedp.CSS(`#f-units`)))
		b.shot(t, "16-fill-lists")
	})

	b.finish(t)
}

// upload writes data to the file name, uploads it on the start page and
// returns the id of the workspace it opens.
func (b *e2eSession) upload(t testing.TB, name string, data []byte) string {
	t.Helper()
	if err := os.WriteFile(name, data, 0o600); err != nil {
		t.Fatal(err)
	}
	b.open(t, "/")
	b.do(t, chromedp.SetUploadFiles(chromedp.CSS(`form[action^="/start/upload"] input[type=file][name=file]`), []string{name}))
	b.submit(t, `form[action^="/start/upload"] button[type=submit]`)
	return b.at(t, `^/w/([A-Za-z0-9_-]{22})/$`)
}

// dialog does act, which opens a dialog, and answers it (accept or
// dismiss): the dialog's type and message.
func (b *e2eSession) dialog(t testing.TB, accept bool, act chromedp.Action[chromedp.Void]) (string, string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, e2eWait)
	defer cancel()
	opening := chromedp.Events(ctx, cdppage.JavascriptDialogOpening)
	done := make(chan error, 1)
	go func() { done <- chromedp.Do(ctx, act) }()
	var kind, msg string
	for ev, err := range opening {
		if err != nil {
			t.Fatalf("waiting for a dialog at %s: %v", b.location(), err)
		}
		kind, msg = string(ev.Type), ev.Message
		break
	}
	if _, err := chromedp.Call(ctx, cdppage.HandleJavaScriptDialog, cdppage.HandleJavaScriptDialogParams{Accept: accept}); err != nil {
		t.Fatalf("answering the dialog %q: %v", msg, err)
	}
	if err := <-done; err != nil && ctx.Err() == nil {
		t.Logf("the action that opened the dialog: %v", err)
	}
	return kind, msg
}

// fetch is the body of a page of the server, fetched by the page's script
// (with the browser's cookie).
func (b *e2eSession) fetch(t testing.TB, path string) string {
	t.Helper()
	s, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](fmt.Sprintf(`fetch(%q, {credentials: "same-origin"}).then(r => r.text())`, path), chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("fetching %s: %v", path, err)
	}
	return s
}

// e2eSession is the browser (one tab) and what the test keeps of it.
type e2eSession struct {
	ctx       context.Context
	base      string // the server's address
	shots     string // BUDGETPUB_SCREENSHOTS, or empty
	downloads string // where the browser saves downloads

	mu       sync.Mutex
	console  []string // errors and exceptions of the pages
	refusals []string // what the console says of a page refused on purpose (submitAnswering)
}

// e2eChrome is the browser to drive, or the test is skipped: with -short,
// or without one (then it fails when BUDGETPUB_REQUIRE_TOOLS=1).
func e2eChrome(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("-short: drives Chromium")
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("BUDGETPUB_REQUIRE_TOOLS") == "1" {
		t.Fatal("no chromium, chromium-browser or google-chrome on PATH and BUDGETPUB_REQUIRE_TOOLS=1 (apt-get install -y chromium)")
	}
	t.Skip("no chromium, chromium-browser or google-chrome on PATH (apt-get install -y chromium); skipped")
	return ""
}

// e2eNeedTool skips the test when an external tool is missing, unless
// BUDGETPUB_REQUIRE_TOOLS=1: then it fails (as needTool of render/pdf).
func e2eNeedTool(t *testing.T, name string) {
	t.Helper()
	if _, err := exec.LookPath(name); err == nil {
		return
	}
	if os.Getenv("BUDGETPUB_REQUIRE_TOOLS") == "1" {
		t.Fatalf("%s is not on PATH and BUDGETPUB_REQUIRE_TOOLS=1 (apt-get install -y poppler-utils)", name)
	}
	t.Skipf("%s is not on PATH (apt-get install -y poppler-utils); skipped", name)
}

// e2eStart starts the browser, headless, for the whole test (at most
// e2eTimeout), saving downloads to a temporary folder and keeping the
// pages' console errors.
func e2eStart(t *testing.T, chrome, base string) *e2eSession {
	t.Helper()
	ctx, cancelTime := context.WithTimeout(context.Background(), e2eTimeout)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chrome),
		chromedp.Headless,
		chromedp.NoSandbox, // the tests may run as root
		chromedp.DisableGPU,
		chromedp.WindowSize(1280, 900),
		chromedp.Flag("lang", "zh-CN"),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	bctx, cancelBrowser := chromedp.NewContext(actx)
	t.Cleanup(func() {
		cancelBrowser()
		cancelAlloc()
		cancelTime()
	})
	b := &e2eSession{ctx: bctx, base: base, shots: os.Getenv("BUDGETPUB_SCREENSHOTS"), downloads: t.TempDir()}
	if b.shots != "" {
		if err := os.MkdirAll(b.shots, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := chromedp.Do(bctx); err != nil { // starts the browser
		t.Fatalf("starting %s: %v", chrome, err)
	}
	if _, err := chromedp.Call(bctx, cdpbrowser.SetDownloadBehavior, cdpbrowser.SetDownloadBehaviorParams{
		Behavior: cdpbrowser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: b.downloads, EventsEnabled: new(true),
	}); err != nil {
		t.Fatalf("setting the download folder: %v", err)
	}
	msgs := chromedp.Console(bctx)
	go func() {
		for m, err := range msgs {
			if err != nil {
				return
			}
			if m.IsException() || m.Type == chromedp.ConsoleError {
				b.mu.Lock()
				b.console = append(b.console, fmt.Sprintf("%s:%d: %s", m.URL, m.Line+1, m.Text))
				b.mu.Unlock()
			}
		}
	}()
	return b
}

// finish fails the test when a page wrote an error or threw.
func (b *e2eSession) finish(t *testing.T) {
	t.Helper()
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, m := range b.console {
		if !slices.Contains(b.refusals, m) {
			t.Errorf("the browser's console: %s", m)
		}
	}
}

// do runs actions in the tab.
func (b *e2eSession) do(t testing.TB, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(b.ctx, actions...); err != nil {
		t.Fatalf("in the browser, at %s: %v", b.location(), err)
	}
}

// shown is the text of the page's main part, for messages (nothing when it
// cannot be read).
func (b *e2eSession) shown() string {
	s, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`(document.querySelector("main") || document.body).innerText`))
	if err != nil {
		return ""
	}
	return strings.TrimSpace(s)
}

// location is the tab's address, for messages.
func (b *e2eSession) location() string {
	loc, err := chromedp.Run(b.ctx, chromedp.Location())
	if err != nil {
		return "(unknown: " + err.Error() + ")"
	}
	return loc
}

// open loads a page of the server and checks it answered 200.
func (b *e2eSession) open(t testing.TB, path string) {
	t.Helper()
	resp, err := chromedp.Run(b.ctx, chromedp.NavigateResponse(b.base+path))
	if err != nil {
		t.Fatalf("opening %s: %v", path, err)
	}
	if resp.Status != 200 {
		t.Fatalf("opening %s: status %d:\n%s", path, resp.Status, b.shown())
	}
}

// submit clicks what sel selects (a CSS selector, or an XPath when it
// starts with /) and waits for the page it leads to, which must answer 200
// (after any redirect).
func (b *e2eSession) submit(t testing.TB, sel string) {
	t.Helper()
	var click chromedp.Action[chromedp.Void]
	if strings.HasPrefix(sel, "/") {
		click = chromedp.Click(chromedp.Search(sel), chromedp.NodeVisible)
	} else {
		click = chromedp.Click(chromedp.CSS(sel), chromedp.NodeVisible)
	}
	ctx, cancel := context.WithTimeout(b.ctx, e2eWait)
	defer cancel()
	resp, err := chromedp.RunResponse(ctx, click)
	if err != nil {
		t.Fatalf("clicking %s at %s: %v", sel, b.location(), err)
	}
	if resp.Status != 200 {
		t.Fatalf("clicking %s: the page %s answered %d:\n%s", sel, resp.URL, resp.Status, b.shown())
	}
}

// submitAnswering clicks what sel selects and waits for the page it leads
// to, which must answer status (a refusal the page shows).
func (b *e2eSession) submitAnswering(t testing.TB, sel string, status int64) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, e2eWait)
	defer cancel()
	resp, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.Search(sel), chromedp.NodeVisible))
	if err != nil {
		t.Fatalf("clicking %s at %s: %v", sel, b.location(), err)
	}
	if resp.Status != status {
		t.Fatalf("clicking %s: the page %s answered %d, want %d:\n%s", sel, resp.URL, resp.Status, status, b.shown())
	}
	b.mu.Lock()
	b.refusals = append(b.refusals, fmt.Sprintf("%s:1: Failed to load resource: the server responded with a status of %d (%s)", resp.URL, status, http.StatusText(int(status))))
	b.mu.Unlock()
}

// at checks the tab's path and query match re and returns its first group.
func (b *e2eSession) at(t testing.TB, re string) string {
	t.Helper()
	loc := b.location()
	rest := strings.TrimPrefix(loc, b.base)
	m := regexp.MustCompile(re).FindStringSubmatch(rest)
	if m == nil || rest == loc {
		t.Fatalf("the browser is at %s, want %s%s:\n%s", loc, b.base, re, b.shown())
	}
	if len(m) > 1 {
		return m[1]
	}
	return ""
}

// eval evaluates a JavaScript expression in the page into out (nil: the
// value is not wanted).
func (b *e2eSession) eval(t testing.TB, js string, out any) {
	t.Helper()
	raw, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]byte](js))
	if err != nil {
		t.Fatalf("evaluating in %s: %v\n%s", b.location(), err, js)
	}
	if out != nil {
		if err := json.Unmarshal(raw, out); err != nil {
			t.Fatalf("reading the page's answer %s: %v", raw, err)
		}
	}
}

// text is the text of the first element sel selects, as shown (read by a
// script, from the document shown now).
func (b *e2eSession) text(t testing.TB, sel string) string {
	t.Helper()
	var s *string
	b.eval(t, fmt.Sprintf(`(e => e ? e.innerText : null)(document.querySelector(%q))`, sel), &s)
	if s == nil {
		t.Fatalf("%s has no %s", b.location(), sel)
	}
	return strings.TrimSpace(*s)
}

// wantText checks the text of sel holds every one of want.
func (b *e2eSession) wantText(t testing.TB, sel string, want ...string) {
	t.Helper()
	got := b.text(t, sel)
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("%s at %s does not say %q; it says:\n%s", sel, b.location(), w, got)
		}
	}
}

// value is the value of a form field.
func (b *e2eSession) value(t testing.TB, sel string) string {
	t.Helper()
	var s *string
	b.eval(t, fmt.Sprintf(`(e => e ? e.value : null)(document.querySelector(%q))`, sel), &s)
	if s == nil {
		t.Fatalf("%s has no %s", b.location(), sel)
	}
	return *s
}

// className is the class attribute of the first element sel selects, as
// the page has it now (the DOM mirror chromedp keeps may lag a script's
// change).
func (b *e2eSession) className(t testing.TB, sel string) string {
	t.Helper()
	var c string
	b.eval(t, fmt.Sprintf(`document.querySelector(%q).className`, sel), &c)
	return c
}

// column is the text of column col (from 0) of every row of a table.
func (b *e2eSession) column(t testing.TB, table string, col int) []string {
	t.Helper()
	var out []string
	b.eval(t, fmt.Sprintf(`[...document.querySelector(%q).tBodies[0].rows].map(r => r.cells[%d] ? r.cells[%d].textContent.trim() : "")`, table, col, col), &out)
	return out
}

// waitFor evaluates js until it gives a non-empty string (or true) on a
// page that has loaded, across reloads of the page, for at most e2eWait.
func (b *e2eSession) waitFor(t testing.TB, what, js string) string {
	t.Helper()
	deadline := time.Now().Add(e2eWait)
	var last error
	for {
		raw, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]byte](`document.readyState === "complete" && (`+js+`)`))
		if err == nil {
			var s string
			if json.Unmarshal(raw, &s) == nil && s != "" {
				return s
			}
			if string(raw) == "true" {
				return "true"
			}
		} else {
			last = err // the page is reloading
		}
		if b.ctx.Err() != nil || time.Now().After(deadline) {
			t.Fatalf("waiting for %s at %s: gave up after %s (last error: %v)", what, b.location(), e2eWait, last)
		}
		select {
		case <-b.ctx.Done():
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// download clicks the link sel selects and waits for the browser to save
// the file of the address ending in suffix; it returns the file's path.
// (The PDF preview's frame may be saved as a download too: only the file
// of the link is taken.)
func (b *e2eSession) download(t testing.TB, sel, suffix string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, e2eWait)
	defer cancel()
	begin := chromedp.Events(ctx, cdpbrowser.DownloadWillBegin)
	progress := chromedp.Events(ctx, cdpbrowser.DownloadProgress)
	b.do(t, chromedp.Click(chromedp.CSS(sel), chromedp.NodeVisible))
	guid := ""
	for ev, err := range begin {
		if err != nil {
			t.Fatalf("waiting for the download of %s: %v", suffix, err)
		}
		if strings.HasSuffix(ev.URL, suffix) {
			guid = ev.GUID
			break
		}
	}
	for ev, err := range progress {
		if err != nil {
			t.Fatalf("waiting for the download of %s to end: %v", suffix, err)
		}
		if ev.GUID != guid {
			continue
		}
		switch ev.State {
		case cdpbrowser.DownloadProgressStateCompleted:
			path := filepath.Join(b.downloads, guid)
			if _, err := os.Stat(path); err != nil {
				t.Fatalf("the download of %s completed, but: %v", suffix, err)
			}
			return path
		case cdpbrowser.DownloadProgressStateCanceled:
			t.Fatalf("the download of %s was canceled", suffix)
		}
	}
	t.Fatalf("the download of %s did not end", suffix)
	return ""
}

// shot saves a full-page PNG of the tab as name.png in the screenshot
// folder, when there is one.
func (b *e2eSession) shot(t testing.TB, name string) {
	t.Helper()
	if b.shots == "" {
		return
	}
	png, err := chromedp.Run(b.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	if err := os.WriteFile(filepath.Join(b.shots, name+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// e2ePDFText is the text of a PDF, by pdftotext.
func e2ePDFText(t testing.TB, path string) string {
	t.Helper()
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			t.Fatalf("pdftotext %s: %v\n%s", path, err, ee.Stderr)
		}
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return string(out)
}

// e2eNoSpace is s without white space (pdftotext breaks the lines).
func e2eNoSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// e2eMisspell replaces the one occurrence of from in text (a line's start,
// from its newline) with to: the text, the line it is on (from 1) and the
// byte offset of the misspelt key.
func e2eMisspell(t testing.TB, text []byte, from, to string) ([]byte, int, int) {
	t.Helper()
	s := string(text)
	if n := strings.Count(s, from); n != 1 {
		t.Fatalf("the sample has %q %d times, want once", from, n)
	}
	at := strings.Index(s, from) + 1 // past the newline
	line := strings.Count(s[:at], "\n") + 1
	indent := len(to[1:]) - len(strings.TrimLeft(to[1:], " "))
	return []byte(strings.Replace(s, from, to, 1)), line, at + indent
}

// e2eLineStart is the byte offset of line n (from 1).
func e2eLineStart(text []byte, n int) int {
	off := 0
	for i := 1; i < n; i++ {
		off += strings.IndexByte(string(text[off:]), '\n') + 1
	}
	return off
}

// e2eUTF16Len is the length of s in a JavaScript string.
func e2eUTF16Len(s string) int { return len(utf16.Encode([]rune(s))) }

func e2eHas(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// e2eSorted reports whether amounts as the review shows them
// (1,234.56万元) are in order.
func e2eSorted(t testing.TB, col []string, desc bool) bool {
	t.Helper()
	prev := 0.0
	for i, s := range col {
		v, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSuffix(strings.ReplaceAll(s, ",", ""), "万元"), "元"), 64)
		if err != nil {
			t.Fatalf("the review shows %q, not an amount", s)
		}
		if i > 0 && (!desc && v < prev || desc && v > prev) {
			return false
		}
		prev = v
	}
	return true
}

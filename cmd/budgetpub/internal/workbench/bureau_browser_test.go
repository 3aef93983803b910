package workbench

// The bureau's page in a real browser, at 1 366 × 768 (the most common
// screen of a finance bureau's office PC): twenty departments uploaded as
// files, a workbook and a zip made on Chinese Windows, with a roster; the
// review fits the screen's width, lists problems first, filters by status
// without script, links each PDF; a department opened from it (打开修改) is
// corrected in the editor, rendered, and goes back to the batch, whose row
// is updated. axe-core checks the bureau page and the review. With
// BUDGETPUB_SCREENSHOTS=folder the pages are saved there, to look at.

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/input/synth"
	"github.com/budgetpub/budgetpub/render/publish"
	"github.com/chromedp/chromedp"
)

// e2eAxe is axe-core's script: $BUDGETPUB_AXE, or where .ci/run installs
// it; without it the test is skipped (fails with BUDGETPUB_REQUIRE_TOOLS=1).
func e2eAxe(t *testing.T) string {
	t.Helper()
	p := os.Getenv("BUDGETPUB_AXE")
	if p == "" {
		p = filepath.Join("..", "..", "..", "..", ".ci", "node", "node_modules", "axe-core", "axe.min.js")
	}
	data, err := os.ReadFile(p)
	if err != nil {
		if os.Getenv("BUDGETPUB_REQUIRE_TOOLS") == "1" {
			t.Fatalf("axe-core (%s) is missing and BUDGETPUB_REQUIRE_TOOLS=1 (npm install --prefix .ci/node axe-core@4)", p)
		}
		t.Skipf("axe-core (%s) is missing (npm install --prefix .ci/node axe-core@4); skipped", p)
	}
	return string(data)
}

// axe runs axe-core on the page shown and fails the test for every
// violation.
func (b *e2eSession) axe(t testing.TB, script string) {
	t.Helper()
	var loaded bool
	b.eval(t, `typeof axe !== "undefined"`, &loaded)
	if !loaded {
		if _, err := chromedp.Run(b.ctx, chromedp.Evaluate[chromedp.Void](script)); err != nil {
			t.Fatalf("loading axe-core: %v", err)
		}
	}
	out, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]axeViolation](`axe.run(document, {resultTypes: ["violations"]}).then(r => r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.html)})))`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("running axe-core at %s: %v", b.location(), err)
	}
	for _, v := range out {
		t.Errorf("axe at %s: %s (%s): %s\n\t%s", b.location(), v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "\n\t"))
	}
}

type axeViolation struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"`
	Help   string   `json:"help"`
	Nodes  []string `json:"nodes"`
}

func TestBrowserBureau(t *testing.T) {
	chrome := e2eChrome(t)
	axe := e2eAxe(t)
	_, ts := newServer(t, Config{})
	b := e2eStart(t, chrome, ts.URL)
	b.do(t, chromedp.EmulateViewport(1366, 768))
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}

	// Twenty departments: fifteen good ones, the sample's workbook (需补填),
	// one with a misspelt key and one that is no YAML at all (有错误), two in
	// a zip of Chinese Windows beside a Word document and an old .xls.
	var paths []string
	var roster strings.Builder
	roster.WriteString("部门编码,部门名称,批复日期\n")
	for i := 1; i <= 15; i++ {
		paths = append(paths, write(fmt.Sprintf("合成市第%d局-2025.yaml", i), synth.Generate(synth.Options{Seed: int64(i)})))
		fmt.Fprintf(&roster, "%03d,合成市第%d局,2025-01-15\n", i, i)
	}
	r := publish.Department(resources(t), input.SampleName, input.Sample, publish.Options{})
	paths = append(paths, write("大同市政府办公室-2024.xlsx", r.Workbook))
	broken, line, _ := e2eMisspell(t, input.Sample, "\n  region:", "\n  regoin:")
	paths = append(paths, write("某某局-2024.yaml", broken))
	paths = append(paths, write("坏文件.yaml", []byte("这不是主输入文件：\n  - [\n")))
	paths = append(paths, write("区县.zip", gbkZip(t, []zipEntry{
		{"区县/平陆县教育局-2025.yaml", synth.Generate(synth.Options{Seed: 31})},
		{"区县/鹿泉-2025.yaml", synth.Generate(synth.Options{Seed: 32})},
		{"区县/编制说明.docx", docx()},
		{"区县/旧表.xls", []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")},
	})))
	roster.WriteString("031,合成市第31局,2025-01-15\n032,合成市第32局,2025-01-15\n901,某某市审计局,2025-01-15\n902,某某市统计局,\n")
	rosterFile := write("名单.csv", []byte(roster.String()))

	// The bureau page: the options, and the files through the real inputs.
	b.open(t, "/bureau")
	b.axe(t, axe)
	b.do(t, chromedp.SetUploadFiles(chromedp.CSS(`input[type=file][name=files]`), paths),
		chromedp.SetUploadFiles(chromedp.CSS(`input[type=file][name=roster]`), []string{rosterFile}))
	b.shot(t, "20-bureau-options")
	b.submit(t, `form[action^="/bureau"] button[type=submit]`)
	id := b.at(t, `^/b/([A-Za-z0-9_-]{22})/$`)
	b.waitFor(t, "the batch to finish", `!document.querySelector('meta[http-equiv="refresh"]') && !!document.querySelector("#review")`)
	b.shot(t, "21-batch-review-1366")
	b.axe(t, axe)

	// It fits the screen: nothing to scroll sideways, names readable.
	var width struct{ Page, Dept int }
	b.eval(t, `({Page: document.documentElement.scrollWidth, Dept: Math.round(document.querySelector("#review td.dept").getBoundingClientRect().width)})`, &width)
	t.Logf("at 1366 × 768 the review is %d px wide, its 部门 column %d px", width.Page, width.Dept)
	if width.Page > 1366 {
		t.Errorf("the review is %d px wide at a window of 1366", width.Page)
	}
	if width.Dept < 150 {
		t.Errorf("the review's 部门 column is %d px wide: names do not fit", width.Dept)
	}
	// Problems first: 有错误, then 需补填, then 可公开; the zip's names in
	// Chinese; the skipped files named.
	statuses := b.column(t, "#review", 2)
	if len(statuses) != 20 {
		t.Fatalf("the review has %d rows, want 20: %q", len(statuses), statuses)
	}
	want := append([]string{"有错误", "有错误", "需补填"}, make([]string, 17)...)
	for i := 3; i < 20; i++ {
		want[i] = "可公开"
	}
	if strings.Join(statuses, " ") != strings.Join(want, " ") {
		t.Errorf("the review's statuses in order: %q, want %q", statuses, want)
	}
	b.wantText(t, "#review", "平陆县教育局-2025.yaml", "鹿泉-2025.yaml", "某某局-2024.yaml")
	b.wantText(t, "main", "区县.zip/区县/编制说明.docx", "这是 Word 文档", "区县.zip/区县/旧表.xls", "另存为 .xlsx",
		"名单.csv（共 19 个部门）", "2 个没有提交文件", "某某市审计局", "某某市统计局")

	// The filter: 有错误 only, by a link (no script needed).
	b.submit(t, `nav.filter a[href*="status="]`)
	b.at(t, `^/b/`+id+`/\?status=`)
	if got := b.column(t, "#review", 2); strings.Join(got, " ") != "有错误 有错误" {
		t.Errorf("filtered by 有错误, the review shows %q", got)
	}
	b.wantText(t, "nav.filter a[aria-current=page]", "有错误")
	b.shot(t, "22-batch-review-errors")

	// Each department done links its PDF.
	b.open(t, "/b/"+id+"/")
	var pdf string
	b.eval(t, `document.querySelector('#review td.act a[href*="/pdf/"]').getAttribute("href")`, &pdf)
	if head := b.fetch(t, pdf); !strings.HasPrefix(head, "%PDF") {
		t.Errorf("the review's PDF link %s gives %.20q", pdf, head)
	}

	// 打开修改 the misspelt one: fix it in the editor, render, go back.
	row := `//table[@id="review"]//tr[td[@class="dept"][contains(., "某某局-2024.yaml")]]`
	b.submit(t, row+`//button[contains(., "打开修改")]`)
	ws := b.at(t, `^/w/([A-Za-z0-9_-]{22})/$`)
	b.wantText(t, ".from-batch", "批量处理中的第", "某某局-2024.yaml")
	b.axe(t, axe)
	b.shot(t, "23-opened-from-batch")
	b.open(t, fmt.Sprintf("/w/%s/yaml?line=%d#editor", ws, line))
	b.eval(t, `(() => { const e = document.getElementById("editor"); e.value = e.value.replace("\n  regoin:", "\n  region:"); return true; })()`, nil)
	b.submit(t, `form.editor-form button[type=submit]`)
	b.wantText(t, ".from-batch button", "带着修改返回批量处理")
	b.open(t, "/w/"+ws+"/publish")
	b.submit(t, `//main//form[contains(@action,"/publish")]//button[@type="submit"][contains(., "生成")]`)
	b.wantText(t, ".from-batch", "重新处理", "可公开")
	b.submit(t, `.from-batch button`)
	b.at(t, `^/b/`+id+`/\?updated=\d+#d-\d+$`)
	b.wantText(t, "main .flash", "已按修改后的主输入文件重新处理", "某某局-2024.yaml", "可公开")
	var rowText string
	b.eval(t, fmt.Sprintf(`document.evaluate(%q, document, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue.innerText`, row), &rowText)
	for _, w := range []string{"可公开", "已修改"} {
		if !strings.Contains(rowText, w) {
			t.Errorf("the corrected department's row does not say %s: %s", w, rowText)
		}
	}
	if got := b.column(t, "#review", 2); strings.Count(strings.Join(got, " "), "有错误") != 1 {
		t.Errorf("after the correction the review's statuses are %q: one 有错误 left", got)
	}
	b.shot(t, "24-batch-review-updated")
	b.finish(t)
}

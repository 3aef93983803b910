package workbench

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/input/synth"
	"github.com/budgetpub/budgetpub/render/publish"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// zipEntry is an entry of a zip made by a test.
type zipEntry struct {
	name string
	data []byte
}

// gbkZip is a zip as Chinese Windows makes it (Explorer, WinRAR, 好压):
// each entry's name in GBK, without the flag that says UTF-8.
func gbkZip(t testing.TB, entries []zipEntry) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range entries {
		name, err := simplifiedchinese.GBK.NewEncoder().String(e.name)
		if err != nil {
			t.Fatal(err)
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, NonUTF8: true, Method: zip.Deflate})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(e.data); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// docx is a Word document as far as its container goes: a zip of three
// parts, which the bureau page must not take for a zip of inputs.
func docx() []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range []string{"[Content_Types].xml", "word/document.xml", "docProps/core.xml"} {
		w, _ := zw.Create(name)
		_, _ = w.Write([]byte("<?xml version=\"1.0\"?><x/>"))
	}
	_ = zw.Close()
	return buf.Bytes()
}

// batchDone waits for the batch at location (/b/{id}/) to end, by its
// signal, and returns its workspace.
func batchDone(t testing.TB, s *Server, location string) *space {
	t.Helper()
	parts := strings.Split(location, "/")
	if len(parts) < 3 {
		t.Fatalf("no batch at %q", location)
	}
	s.spaces.mu.Lock()
	sp := s.spaces.all[parts[2]]
	s.spaces.mu.Unlock()
	if sp == nil || sp.batch == nil {
		t.Fatalf("no batch %s", location)
	}
	select {
	case <-sp.batch.done:
	case <-time.After(90 * time.Second):
		t.Fatal("the batch did not end")
	}
	return sp
}

// zipEntries reads a zip: its entries' names and contents.
func zipEntries(t testing.TB, data []byte) ([]string, map[string][]byte) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	files := map[string][]byte{}
	for _, f := range zr.File {
		names = append(names, f.Name)
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		files[f.Name], _ = io.ReadAll(rc)
		rc.Close()
	}
	return names, files
}

// upload of a bureau's files, waiting for the batch when it started: the
// response, and the batch's page ("" when the upload was refused).
func (b *browser) batch(s *Server, files []file, fields map[string]string) (response, string) {
	b.t.Helper()
	r := b.upload("/bureau", files, fields)
	if r.status != http.StatusSeeOther {
		return r, ""
	}
	batchDone(b.t, s, r.location)
	return r, b.get(r.location).body
}

// TestEntryName: a zip entry's name as its maker meant it, GBK of Chinese
// Windows too, even when its bytes happen to be valid UTF-8.
func TestEntryName(t *testing.T) {
	gbk := func(s string) string {
		out, err := simplifiedchinese.GBK.NewEncoder().String(s)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	unicodePathField := func(raw, name string) []byte {
		data := binary.LittleEndian.AppendUint32([]byte{1}, crc32.ChecksumIEEE([]byte(raw)))
		data = append(data, name...)
		return append(binary.LittleEndian.AppendUint16(binary.LittleEndian.AppendUint16(nil, unicodePathExtra), uint16(len(data))), data...)
	}
	for _, c := range []struct {
		what  string
		h     zip.FileHeader
		want  string
		check func(string) bool
	}{
		{"UTF-8, said", zip.FileHeader{Name: "区县/教育局.yaml", Flags: utf8Flag}, "区县/教育局.yaml", nil},
		{"ASCII", zip.FileHeader{Name: "dept-1.yaml"}, "dept-1.yaml", nil},
		{"UTF-8, not said (macOS, Info-ZIP)", zip.FileHeader{Name: "区县/教育局.yaml"}, "区县/教育局.yaml", nil},
		{"GBK of Chinese Windows", zip.FileHeader{Name: gbk("财政局/大同市财政局-2024.yaml")}, "财政局/大同市财政局-2024.yaml", nil},
		{"GBK that is valid UTF-8 (ϳе, ¹Ȫ)", zip.FileHeader{Name: gbk("鹿泉-2025.yaml")}, "鹿泉-2025.yaml", nil},
		{"GBK that is valid UTF-8, all of it", zip.FileHeader{Name: gbk("芦山煤炭")}, "芦山煤炭", nil},
		{"an Info-ZIP Unicode Path", zip.FileHeader{Name: gbk("平陆.yaml"), Extra: unicodePathField(gbk("平陆.yaml"), "平陆.yaml")}, "平陆.yaml", nil},
		{"a stale Unicode Path", zip.FileHeader{Name: gbk("平陆.yaml"), Extra: unicodePathField("other", "别的.yaml")}, "平陆.yaml", nil},
		{"neither", zip.FileHeader{Name: "\xff\xfe\x80.yaml"}, "", func(s string) bool { return strings.HasSuffix(displayName(s, ""), ".yaml") }},
	} {
		got := entryName(&c.h)
		if c.check != nil {
			if !c.check(got) {
				t.Errorf("%s: %q", c.what, got)
			}
			continue
		}
		if got != c.want {
			t.Errorf("%s: %q, want %q", c.what, got, c.want)
		}
	}
}

// TestBureauGBKZip is the workbench with a GBK zip: a zip made on Chinese
// Windows (names in GBK, no UTF-8 flag) reads right on the page, in the
// zip's names and in the review; its other files are skipped by name.
func TestBureauGBKZip(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: bureau batches of several departments")
	}
	s, ts := newServer(t, Config{})
	b := newBrowser(t, ts)
	bundle := gbkZip(t, []zipEntry{
		{"财政局/大同市财政局-2024.yaml", synth.Generate(synth.Options{Seed: 41})},
		{"鹿泉-2025.yaml", synth.Generate(synth.Options{Seed: 42})}, // its GBK happens to be valid UTF-8: ¹Ȫ-2025.yaml
		{"区县/平陆县教育局.xlsx", sampleBook(t)},
		{"区县/编制说明.docx", docx()},
		{"区县/旧表.xls", []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")},
	})
	r, page := b.batch(s, []file{{"files", "各区县.zip", bundle}}, nil)
	if page == "" {
		t.Fatalf("upload: %d %s", r.status, text(r.body))
	}
	p := text(page)
	for _, want := range []string{"3 个部门", "大同市财政局-2024.yaml", "鹿泉-2025.yaml", "平陆县教育局.xlsx",
		"各区县.zip/区县/编制说明.docx 这是 Word 文档，不能从中读取数字", "各区县.zip/区县/旧表.xls 这是旧版 Excel 工作簿（.xls）：在 Excel 或 WPS 中另存为 .xlsx"} {
		if !strings.Contains(p, want) {
			t.Errorf("the review lacks %q:\n%s", want, p)
		}
	}
	if strings.ContainsRune(p, 'ϳ') || strings.ContainsRune(p, 'Ȫ') || strings.ContainsRune(p, utf8.RuneError) {
		t.Errorf("the review shows a GBK name read as UTF-8:\n%s", p)
	}
	names, files := zipEntries(t, []byte(b.get(r.location+"download.zip").body))
	want := "summary.xlsx 大同市财政局-2024.yaml 大同市财政局-2024.xlsx 大同市财政局-2024.pdf 大同市财政局-2024.html 鹿泉-2025.yaml 鹿泉-2025.xlsx 鹿泉-2025.pdf 鹿泉-2025.html 平陆县教育局.yaml"
	if got := strings.Join(names, " "); !sameSet(got, want) {
		t.Errorf("zip entries:\n%s\nwant the set\n%s", got, want)
	}
	f, err := excelize.OpenReader(bytes.NewReader(files["summary.xlsx"]))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("汇总")
	var inputs []string
	for _, row := range rows[1 : len(rows)-1] { // the departments, not the header or the totals
		inputs = append(inputs, row[0])
	}
	if got := strings.Join(inputs, " "); !sameSet(got, "大同市财政局-2024.yaml 鹿泉-2025.yaml 平陆县教育局.xlsx") {
		t.Errorf("the summary's 输入文件: %s", got)
	}
	skipped, _ := f.GetRows("已跳过的文件")
	if len(skipped) != 3 || skipped[1][0] != "各区县.zip/区县/编制说明.docx" || skipped[2][0] != "各区县.zip/区县/旧表.xls" {
		t.Errorf("the summary's skipped files: %q", skipped)
	}
}

// TestBureauSkips: a file that is no input, uploaded among others or in a
// zip, is skipped and named with batch's reason and fix — an old .xls, a
// Word document (a zip itself: never opened as one), a .yaml.txt —; the
// upload is refused only when no input is left, naming what was skipped.
// Lock files and hidden files are not mentioned.
func TestBureauSkips(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: bureau batches of several departments")
	}
	s, ts := newServer(t, Config{})
	b := newBrowser(t, ts)
	good := file{"files", "甲局.yaml", synth.Generate(synth.Options{Seed: 1})}
	oldXLS := []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
	for _, c := range []struct {
		what    string
		files   []file
		status  int
		depts   int
		want    []string
		notWant []string
	}{
		{"an .xls among files", []file{good, {"files", "旧表.xls", oldXLS}}, 303, 1,
			[]string{"旧表.xls 这是旧版 Excel 工作簿（.xls）：在 Excel 或 WPS 中另存为 .xlsx"}, nil},
		{"a .docx uploaded directly", []file{good, {"files", "编制说明.docx", docx()}}, 303, 1,
			[]string{"已跳过 1 个文件", "编制说明.docx 这是 Word 文档，不能从中读取数字"}, []string{"编制说明.docx/", "document.xml"}},
		{"a .yaml.txt", []file{good, {"files", "乙局.yaml.txt", synth.Generate(synth.Options{Seed: 2})}}, 303, 1,
			[]string{"乙局.yaml.txt 文件名多了 .txt：请改名为 乙局.yaml"}, nil},
		{"a .rar", []file{good, {"files", "全部.rar", []byte("Rar!\x1a\x07\x00")}}, 303, 1,
			[]string{"全部.rar RAR 压缩包（只能读取 zip"}, nil},
		{"a damaged zip", []file{good, {"files", "坏.zip", append([]byte("PK\x03\x04"), bytes.Repeat([]byte{0}, 64)...)}}, 303, 1,
			[]string{"坏.zip 不是有效的 zip 压缩包，或已损坏"}, nil},
		{"lock and hidden files", []file{good, {"files", "~$甲局.xlsx", []byte("lock")}, {"files", ".DS_Store", []byte("mac")}}, 303, 1,
			nil, []string{"~$甲局", "DS_Store", "已跳过"}},
		{"only an .xls", []file{{"files", "旧表.xls", oldXLS}}, 400, 0,
			[]string{"没有找到可以处理的文件", "旧表.xls 这是旧版 Excel 工作簿（.xls）：在 Excel 或 WPS 中另存为 .xlsx"}, nil},
		{"only a .docx", []file{{"files", "编制说明.docx", docx()}}, 400, 0,
			[]string{"没有找到可以处理的文件", "编制说明.docx 这是 Word 文档"}, []string{"document.xml"}},
	} {
		r, page := b.batch(s, c.files, nil)
		if r.status != c.status {
			t.Errorf("%s: %d %s", c.what, r.status, text(r.body))
			continue
		}
		if page == "" {
			page = r.body
		}
		p := text(page)
		if c.depts > 0 && !strings.Contains(p, fmt.Sprintf("%d 个部门：", c.depts)) {
			t.Errorf("%s: not %d departments:\n%s", c.what, c.depts, p)
		}
		for _, w := range c.want {
			if !strings.Contains(p, w) {
				t.Errorf("%s: the page lacks %q:\n%s", c.what, w, p)
			}
		}
		for _, w := range c.notWant {
			if strings.Contains(p, w) {
				t.Errorf("%s: the page says %q:\n%s", c.what, w, p)
			}
		}
		if r.status == http.StatusSeeOther {
			b.post(r.location+"close", url.Values{"csrf": {b.csrf()}})
		}
	}
}

// rowOrder are the review's rows as the page lists them: each row's
// status and name (the department's, else its file's).
var reviewRowRe = regexp.MustCompile(`(?s)<tr id="d-(\d+)" class="[^"]*">.*?<td class="dept"><span class="dept-name">([^<]*)</span>.*?<span class="badge status [^"]*">([^<]*)</span>`)

func reviewOrder(page string) []string {
	var out []string
	for _, m := range reviewRowRe.FindAllStringSubmatch(page, -1) {
		out = append(out, m[3]+" "+htmlUnescape(m[2]))
	}
	return out
}

// TestBureauReview: the review lists problems first (有错误, 需补填, then
// 可公开), shows one status by a link (?status=), links each PDF written.
func TestBureauReview(t *testing.T) {
	s, ts := newServer(t, Config{})
	b := newBrowser(t, ts)
	r, page := b.batch(s, []file{
		{"files", "甲局.yaml", synth.Generate(synth.Options{Seed: 1})},
		{"files", "大同.xlsx", sampleBook(t)},
		{"files", "乙局.yaml", synth.Generate(synth.Options{Seed: 2})},
		{"files", "坏.yaml", []byte("schema: 1\nyear: 2024\nbasc: 1\n")},
	}, nil)
	if page == "" {
		t.Fatalf("upload: %d %s", r.status, text(r.body))
	}
	for _, c := range []struct {
		query string
		want  string
	}{
		{"", "有错误 坏.yaml|需补填 大同市人民政府办公室[部门]|可公开 合成市第1局|可公开 合成市第2局"},
		{"?status=" + url.QueryEscape("有错误"), "有错误 坏.yaml"},
		{"?status=" + url.QueryEscape("需补填"), "需补填 大同市人民政府办公室[部门]"},
		{"?status=" + url.QueryEscape("可公开"), "可公开 合成市第1局|可公开 合成市第2局"},
		{"?status=" + url.QueryEscape("草稿"), "有错误 坏.yaml|需补填 大同市人民政府办公室[部门]|可公开 合成市第1局|可公开 合成市第2局"},
	} {
		page := b.get(r.location + c.query).body
		if got := strings.Join(reviewOrder(page), "|"); got != c.want {
			t.Errorf("%s: the review lists %s, want %s", c.query, got, c.want)
		}
		if c.query != "" && !strings.Contains(c.want, "|") && !strings.Contains(page, `aria-current="page">`+strings.Fields(c.want)[0]) {
			t.Errorf("%s: the filter does not mark the status shown", c.query)
		}
	}
	// ?updated= of a department never run again says nothing.
	if p := text(b.get(r.location + "?updated=1").body); strings.Contains(p, "重新处理") {
		t.Errorf("?updated=1 of a department not corrected: %s", p)
	}
	// Each department written links its PDF; the others have none.
	links := regexp.MustCompile(`href="(/b/[^"]+/pdf/(\d+))"`).FindAllStringSubmatch(page, -1)
	if len(links) != 2 {
		t.Fatalf("%d links to a PDF, want 2 (the departments written)", len(links))
	}
	for _, l := range links {
		pdf := b.get(l[1])
		if pdf.status != 200 || pdf.header.Get("Content-Type") != "application/pdf" || !strings.HasPrefix(pdf.body, "%PDF") ||
			!strings.Contains(pdf.header.Get("Content-Disposition"), "inline") {
			t.Errorf("%s: %d %v %.10q", l[1], pdf.status, pdf.header, pdf.body)
		}
	}
	for _, n := range []string{"4", "2", "0", "99", "x"} {
		if got := b.get(r.location + "pdf/" + n); got.status != 404 || !strings.Contains(text(got.body), "没有生成 PDF") {
			t.Errorf("pdf/%s: %d %s", n, got.status, text(got.body))
		}
	}
}

// TestBureauZipHoldsInputs: the zip holds each department's master input —
// as uploaded, an imported workbook's as imported — beside its files, and
// the summary.
func TestBureauZipHoldsInputs(t *testing.T) {
	s, ts := newServer(t, Config{})
	b := newBrowser(t, ts)
	good := synth.Generate(synth.Options{Seed: 1})
	broken := []byte("schema: 1\nyear: 2024\nbasc: 1\n")
	r, page := b.batch(s, []file{{"files", "甲局.yaml", good}, {"files", "大同.xlsx", sampleBook(t)}, {"files", "坏.yaml", broken}}, nil)
	if page == "" {
		t.Fatalf("upload: %d %s", r.status, text(r.body))
	}
	names, files := zipEntries(t, []byte(b.get(r.location+"download.zip").body))
	if got := strings.Join(names, " "); !sameSet(got, "summary.xlsx 甲局.yaml 甲局.xlsx 甲局.pdf 甲局.html 大同.yaml 坏.yaml") {
		t.Errorf("zip entries: %s", got)
	}
	// The HTML edition, kept as 0001.html, links its files by their names
	// in the zip.
	if page := string(files["甲局.html"]); !strings.Contains(page, `<a href="./%E7%94%B2%E5%B1%80.pdf">`) || strings.Contains(page, "0001") {
		t.Error("the zip's HTML edition does not link 甲局.pdf")
	}
	if !bytes.Equal(files["甲局.yaml"], good) || !bytes.Equal(files["坏.yaml"], broken) {
		t.Error("the zip's master inputs are not the files uploaded")
	}
	if !bytes.Contains(files["大同.yaml"], []byte("由 大同.xlsx 导入。")) || !bytes.Contains(files["大同.yaml"], []byte("大同市人民政府办公室")) {
		t.Errorf("the imported workbook's master input: %.200s", files["大同.yaml"])
	}
	f, err := excelize.OpenReader(bytes.NewReader(files["summary.xlsx"]))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := strings.Join(f.GetSheetList(), " "); got != "汇总 核对结果" {
		t.Errorf("the summary's sheets: %s", got)
	}
}

// TestBureauOptions: strict, open data and the roster chosen on the page,
// as batch's --strict, --open-data and --roster; a wrong one refused with
// its field's label and the fix, never a flag's name, the form shown again
// as it was posted. A script posting without the page's options gets the
// server's.
func TestBureauOptions(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: bureau batches of several departments")
	}
	s, ts := newServer(t, Config{Options: publish.Options{OpenData: true}})
	b := newBrowser(t, ts)
	dept := []file{{"files", "甲局.yaml", synth.Generate(synth.Options{Seed: 1})}, {"files", "乙局.yaml", synth.Generate(synth.Options{Seed: 2})}}
	roster := "部门编码,部门名称,批复日期\n001,合成市第1局,2025-01-15\n002,合成市第2局,2025-01-15\n900,某某市审计局,2025-01-15\n"
	for _, c := range []struct {
		what    string
		fields  map[string]string
		roster  *file
		status  int
		want    []string // on the page
		notWant []string
		entries string // of the zip, when done
		sheets  string // of the summary
	}{
		{"the page's defaults off", map[string]string{"options": "1"}, nil, 303, []string{"2 个部门： 2 个完成", "可公开"}, []string{"严格核对：警告也当作错误", "含开放数据"},
			"summary.xlsx 甲局.yaml 甲局.xlsx 甲局.pdf 甲局.html 乙局.yaml 乙局.xlsx 乙局.pdf 乙局.html", "汇总 核对结果"},
		{"strict", map[string]string{"options": "1", "strict": "1"}, nil, 303, []string{"2 个部门： 0 个完成", "严格核对：警告也当作错误", "有错误"}, nil,
			"summary.xlsx 甲局.yaml 乙局.yaml", "汇总 核对结果"},
		{"open data", map[string]string{"options": "1", "open_data": "1"}, nil, 303, []string{"含开放数据"}, nil,
			"summary.xlsx datapackage.json 甲局.yaml 甲局.xlsx 甲局.pdf 甲局.json 甲局.csv 甲局.html 乙局.yaml 乙局.xlsx 乙局.pdf 乙局.json 乙局.csv 乙局.html", "汇总 核对结果"},
		{"a script: the server's options", nil, nil, 303, []string{"含开放数据"}, nil,
			"summary.xlsx datapackage.json 甲局.yaml 甲局.xlsx 甲局.pdf 甲局.json 甲局.csv 甲局.html 乙局.yaml 乙局.xlsx 乙局.pdf 乙局.json 乙局.csv 乙局.html", "汇总 核对结果"},
		{"a roster", map[string]string{"options": "1", "due_days": "30"}, &file{"roster", "名单.csv", []byte(roster)}, 303,
			[]string{"对照应公开部门名单 名单.csv （共 3 个部门）： 1 个没有提交文件", "没有提交：900 某某市审计局"}, nil,
			"summary.xlsx 甲局.yaml 甲局.xlsx 甲局.pdf 甲局.html 乙局.yaml 乙局.xlsx 乙局.pdf 乙局.html", "汇总 核对结果 名单"},
		{"a roster in GBK", map[string]string{"options": "1"}, &file{"roster", "名单.csv", gbkText(t, roster)}, 303,
			[]string{"没有提交：900 某某市审计局"}, nil, "", "汇总 核对结果 名单"},
		{"a roster without its header", map[string]string{"options": "1", "strict": "1"}, &file{"roster", "名单.csv", []byte("编码,名称\n001,合成市第1局\n")}, 400,
			[]string{"“应公开部门名单”名单.csv 没有读入：第 1 行（表头）没有“部门编码”列：表头应为 部门编码,部门名称", "文件没有处理：改正后请重新选择文件上传"},
			[]string{"--roster", "roster"}, "", ""},
		{"days that are no number", map[string]string{"options": "1", "due_days": "二十"}, &file{"roster", "名单.csv", []byte(roster)}, 400,
			[]string{"“批复后几天内公开”应为 0 至 3650 之间的整数天数，如 20；现在是“二十”"}, []string{"--due-days", "due_days"}, "", ""},
	} {
		files := append([]file(nil), dept...)
		if c.roster != nil {
			files = append(files, *c.roster)
		}
		r, page := b.batch(s, files, c.fields)
		if r.status != c.status {
			t.Errorf("%s: %d %s", c.what, r.status, text(r.body))
			continue
		}
		if page == "" {
			page = r.body
		}
		p := text(page)
		for _, w := range c.want {
			if !strings.Contains(p, w) {
				t.Errorf("%s: the page lacks %q:\n%s", c.what, w, p)
			}
		}
		for _, w := range c.notWant {
			if strings.Contains(p, w) {
				t.Errorf("%s: the page says %q:\n%s", c.what, w, p)
			}
		}
		if r.status != http.StatusSeeOther {
			// Shown again as posted: strict stays ticked, the days as typed.
			if c.fields["strict"] != "" && !strings.Contains(page, `name="strict" value="1" checked`) {
				t.Errorf("%s: the form shown again lost 严格核对", c.what)
			}
			if d := c.fields["due_days"]; d != "" && !strings.Contains(page, `value="`+d+`"`) {
				t.Errorf("%s: the form shown again lost the days typed", c.what)
			}
			continue
		}
		names, zfiles := zipEntries(t, []byte(b.get(r.location+"download.zip").body))
		if got := strings.Join(names, " "); c.entries != "" && !sameSet(got, c.entries) {
			t.Errorf("%s: zip entries %s, want %s", c.what, got, c.entries)
		}
		f, err := excelize.OpenReader(bytes.NewReader(zfiles["summary.xlsx"]))
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(f.GetSheetList(), " "); got != c.sheets {
			t.Errorf("%s: the summary's sheets %s, want %s", c.what, got, c.sheets)
		}
		if c.roster != nil {
			rows, _ := f.GetRows("名单")
			if len(rows) != 4 || rows[1][4] != "2025-02-14" && c.fields["due_days"] == "30" {
				t.Errorf("%s: the roster's sheet: %q", c.what, rows)
			}
		}
		f.Close()
		b.post(r.location+"close", url.Values{"csrf": {b.csrf()}})
	}
}

// gbkText is s as Chinese Windows saves text (GB18030, GBK's superset: the
// sample has characters beyond GBK).
func gbkText(t testing.TB, s string) []byte {
	out, err := simplifiedchinese.GB18030.NewEncoder().String(s)
	if err != nil {
		t.Fatal(err)
	}
	return []byte(out)
}

// TestBureauOpenAndBack: a department opened from the review (打开修改)
// says where it came from and goes back to the batch; corrected and
// rendered, or going back changed, the batch runs it again as it ran it and
// its row is replaced in place — status, PDF, the master input and the
// summary of the zip. Opened again, it is the same workspace.
func TestBureauOpenAndBack(t *testing.T) {
	s, ts := newServer(t, Config{})
	b := newBrowser(t, ts)
	broken, _, _ := e2eMisspell(t, input.Sample, "\n  region:", "\n  regoin:")
	r, page := b.batch(s, []file{
		{"files", "甲局.yaml", synth.Generate(synth.Options{Seed: 1})},
		{"files", "某某局.yaml", broken},
		{"files", "另一局.yaml", gbkText(t, string(broken))},
	}, nil)
	if page == "" {
		t.Fatalf("upload: %d %s", r.status, text(r.body))
	}
	batch := r.location
	if got := strings.Join(reviewOrder(page), "|"); got != "有错误 某某局.yaml|有错误 另一局.yaml|可公开 合成市第1局" {
		t.Fatalf("the review before: %s", got)
	}
	open := func(n string) string {
		t.Helper()
		r := b.post(batch+"open", url.Values{"csrf": {b.csrf()}, "n": {n}})
		if r.status != http.StatusSeeOther || !strings.HasPrefix(r.location, "/w/") {
			t.Fatalf("open %s: %d %s", n, r.status, text(r.body))
		}
		return r.location
	}

	// Going back changed: the batch runs it again.
	ws := open("2")
	if again := open("2"); again != ws {
		t.Errorf("opened again: %s, not the workspace %s", again, ws)
	}
	p := text(b.get(ws).body)
	if !strings.Contains(p, "这是批量处理中的第 2 个部门（某某局.yaml）") || !strings.Contains(p, "返回批量处理") {
		t.Errorf("the workspace does not say where it came from:\n%s", p)
	}
	b.saveText(ws, string(input.Sample))
	if p := text(b.get(ws).body); !strings.Contains(p, "带着修改返回批量处理") {
		t.Errorf("changed, the workspace does not offer to take the change back:\n%s", p)
	}
	back := b.post(ws+"back", url.Values{"csrf": {b.csrf()}})
	if back.status != http.StatusSeeOther || back.location != batch+"?updated=2#d-2" {
		t.Fatalf("back: %d %s %s", back.status, back.location, text(back.body))
	}
	page = b.get(batch + "?updated=2").body
	if got := strings.Join(reviewOrder(page), "|"); got != "有错误 另一局.yaml|可公开 合成市第1局|可公开 大同市人民政府办公室[部门]" {
		t.Errorf("the review after going back: %s", got)
	}
	if p := text(page); !strings.Contains(p, "已按修改后的主输入文件重新处理第 2 个部门（某某局.yaml）：现在是“可公开”") || !strings.Contains(p, "已修改") {
		t.Errorf("the review does not say what going back did:\n%s", p)
	}
	if !strings.Contains(page, `href="`+batch[:len(batch)-1]+`/pdf/2"`) {
		t.Error("the corrected department's row has no link to its PDF")
	}
	// Back again, unchanged: nothing run, straight to the batch.
	if again := b.post(ws+"back", url.Values{"csrf": {b.csrf()}}); again.status != http.StatusSeeOther || again.location != batch+"?updated=2#d-2" {
		t.Errorf("back again: %d %s", again.status, again.location)
	}

	// Rendered in the workspace: the batch runs it too. A GBK file opens
	// as text.
	ws3 := open("3")
	if y := b.get(ws3 + "download/yaml").body; !strings.Contains(y, "大同市人民政府办公室") {
		t.Errorf("the GBK master input opened from the batch is not text: %.200q", y)
	}
	b.saveText(ws3, string(input.Sample))
	if pub := b.post(ws3+"publish", url.Values{"csrf": {b.csrf()}}); pub.status != http.StatusSeeOther {
		t.Fatalf("publish: %d %s", pub.status, text(pub.body))
	}
	if p := text(b.get(ws3 + "publish").body); !strings.Contains(p, "已于") || !strings.Contains(p, "重新处理，批量处理结果中它现在是“可公开”") {
		t.Errorf("the workspace does not say the batch ran it:\n%s", p)
	}
	if got := strings.Join(reviewOrder(b.get(batch).body), "|"); got != "可公开 合成市第1局|可公开 大同市人民政府办公室[部门]|可公开 大同市人民政府办公室[部门]" {
		t.Errorf("the review after rendering: %s", got)
	}
	names, files := zipEntries(t, []byte(b.get(batch+"download.zip").body))
	if got := strings.Join(names, " "); !sameSet(got, "summary.xlsx 甲局.yaml 甲局.xlsx 甲局.pdf 甲局.html 某某局.yaml 某某局.xlsx 某某局.pdf 某某局.html 另一局.yaml 另一局.xlsx 另一局.pdf 另一局.html") {
		t.Errorf("zip entries after the corrections: %s", got)
	}
	if !bytes.Equal(files["某某局.yaml"], input.Sample) {
		t.Error("the zip's master input of the corrected department is not the corrected text")
	}
	f, err := excelize.OpenReader(bytes.NewReader(files["summary.xlsx"]))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("汇总")
	status := slices.Index(rows[0], "状态")
	for _, row := range rows[1 : len(rows)-1] { // the departments, not the header or the totals
		if status < 0 || row[status] != "可公开" {
			t.Errorf("the summary's row of %s is not 可公开: %q", row[0], row)
		}
	}

	// The batch gone: going back says so, in Chinese, with the way on.
	b.saveText(ws, string(input.Sample)+"\n# 又改了\n")
	b.post(batch+"close", url.Values{"csrf": {b.csrf()}})
	if gone := b.post(ws+"back", url.Values{"csrf": {b.csrf()}}); gone.status != http.StatusGone || !strings.Contains(text(gone.body), "那批文件已关闭") {
		t.Errorf("back to a closed batch: %d %s", gone.status, text(gone.body))
	}
	_ = s
}

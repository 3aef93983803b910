package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "budgetpub-e2e")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "budgetpub")
	if out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput(); err != nil {
		panic("go build: " + err.Error() + "\n" + string(out))
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// runBinary runs the built command and returns its exit code and output.
func runBinary(t *testing.T, dir string, args ...string) (int, string, string) {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return code, stdout.String(), stderr.String()
}

func TestE2ERenderSample(t *testing.T) {
	dir := t.TempDir()
	code, stdout, stderr := runBinary(t, dir, "render")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	out := filepath.Join(dir, "output", "datong-gov-office-2024.xlsx")
	if !strings.Contains(stdout, out[len(dir)+1:]) {
		t.Errorf("stdout %q does not name %s", stdout, out)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) != 14 || sheets[0] != "表1" || sheets[12] != "表13" || sheets[13] != "图表" {
		t.Fatalf("sheets %v", sheets)
	}
	title, _ := f.GetCellValue("表1", "A2")
	if title != "2024年预算收支总表" {
		t.Errorf("表1 title %q", title)
	}
	// Amounts are numbers, codes are text.
	found := false
	rows, _ := f.GetRows("表3")
	for i, r := range rows {
		if len(r) > 2 && r[0] == "2010301" {
			found = true
			codeCell, _ := excelize.CoordinatesToCellName(1, i+1)
			amountCell, _ := excelize.CoordinatesToCellName(3, i+1)
			if ct, _ := f.GetCellType("表3", codeCell); ct == excelize.CellTypeNumber {
				t.Errorf("code 2010301 is a number cell")
			}
			if ct, _ := f.GetCellType("表3", amountCell); ct != excelize.CellTypeNumber && ct != excelize.CellTypeUnset {
				t.Errorf("amount cell %s has type %v", amountCell, ct)
			}
			v, _ := f.GetCellValue("表3", amountCell, excelize.Options{RawCellValue: true})
			if v != "1249.45" {
				t.Errorf("表3 2010301 合计 = %q", v)
			}
		}
	}
	if !found {
		t.Error("表3 has no row 2010301")
	}
	outPDF := filepath.Join(dir, "output", "datong-gov-office-2024.pdf")
	paper, err := os.ReadFile(outPDF)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(paper, []byte("%PDF-")) || !bytes.Contains(paper[len(paper)-64:], []byte("%%EOF")) {
		t.Error("the PDF is not a complete PDF file")
	}
	if !strings.Contains(stdout, "datong-gov-office-2024.pdf") {
		t.Errorf("stdout %q does not name the PDF", stdout)
	}
	// A second render into the same folder gives identical bytes.
	first, _ := os.ReadFile(out)
	if code, _, stderr := runBinary(t, dir, "render", "-o", "output"); code != 0 {
		t.Fatal(stderr)
	}
	second, _ := os.ReadFile(out)
	if !bytes.Equal(first, second) {
		t.Error("two renders of the sample give different workbooks")
	}
	if again, _ := os.ReadFile(outPDF); !bytes.Equal(paper, again) {
		t.Error("two renders of the sample give different PDFs")
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "output"))
	if len(entries) != 2 {
		t.Errorf("output folder holds %d entries, want the workbook and the PDF", len(entries))
	}
}

// A character no font can draw stops the render with its place in the input,
// and nothing is written.
func TestE2EMissingGlyph(t *testing.T) {
	dir := t.TempDir()
	doc := strings.Replace(sampleDoc, "测试单位", "测试\ue000单位", 1)
	if err := os.WriteFile(filepath.Join(dir, "glyph.yaml"), []byte(strings.Replace(doc, `name: 测试\ue000单位`, `name: "测试\ue000单位"`, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runBinary(t, dir, "render", "glyph.yaml")
	if code != 1 || !strings.Contains(stderr, "glyph.yaml:5:12: 字符") || !strings.Contains(stderr, "U+E000") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "output")); !os.IsNotExist(err) {
		t.Error("output folder created")
	}
}

func TestE2ERenderFileAndStem(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "部门甲-2025.yaml")
	doc := strings.Replace(strings.Replace(sampleDoc, "2024", "2025", 1), "测试部门", "部门甲", 1)
	if err := os.WriteFile(in, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runBinary(t, dir, "render", in, "-o", "公开材料")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	f, err := excelize.OpenFile(filepath.Join(dir, "公开材料", "部门甲-2025.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if v, _ := f.GetCellValue("表12", "A2"); v != "2025年项目支出预算表（本年预算）" {
		t.Errorf("表12 title %q", v)
	}
}

const sampleDoc = `schema: 1
year: 2024
department: {name: 测试部门}
units:
  - {name: 测试单位, kind: administrative}
expenditures:
  - {code: "2010301", basic: 10.00}
`

func TestE2EBadInputWritesNothing(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "bad.yaml")
	bad := strings.Replace(sampleDoc, "basic: 10.00", "basc: 10.00", 1)
	if err := os.WriteFile(in, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runBinary(t, dir, "render", "bad.yaml", "-o", "out")
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if !strings.Contains(stderr, "bad.yaml:7:23: 未知的键 basc（是否应为 basic？）") {
		t.Errorf("stderr %q", stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "out")); !os.IsNotExist(err) {
		t.Errorf("output folder was created for a bad input")
	}
}

func TestE2EUsage(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{{}, {"frobnicate"}, {"render", "--nope"}, {"render", "a.yaml", "b.yaml"}, {"render", "-o"}} {
		code, _, stderr := runBinary(t, dir, args...)
		if code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
		if !strings.Contains(stderr, "用法") {
			t.Errorf("%v: no usage in %q", args, stderr)
		}
	}
	if code, _, _ := runBinary(t, dir, "render", "missing.yaml"); code != 1 {
		t.Errorf("missing file: exit %d, want 1", code)
	}
}

func TestE2EUserCatalog(t *testing.T) {
	dir := t.TempDir()
	doc := sampleDoc + `  - {code: "2019901", basic: 2.00}` + "\n"
	if err := os.WriteFile(filepath.Join(dir, "dept.yaml"), []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "cat.csv"), []byte("20199,其他一般公共服务支出\n2019901,其他一般公共服务支出\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runBinary(t, dir, "render", "dept.yaml"); code != 1 || !strings.Contains(stderr, "dept.yaml:8:12:") {
		t.Errorf("without the catalog: exit %d, %q", code, stderr)
	}
	if code, _, stderr := runBinary(t, dir, "render", "dept.yaml", "--catalog", "cat.csv"); code != 0 {
		t.Fatalf("with the catalog: exit %d, %s", code, stderr)
	}
	f, err := excelize.OpenFile(filepath.Join(dir, "output", "dept.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("表3")
	found := false
	for _, r := range rows {
		if len(r) > 1 && r[0] == "2019901" && r[1] == "其他一般公共服务支出" {
			found = true
		}
	}
	if !found {
		t.Error("表3 lacks the row named by the user's catalog")
	}
}

// A user's own TrueType file replaces a bundled face; a file that is not a
// TrueType font stops the render with a clear message.
func TestE2EUserFonts(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "dept.yaml"), []byte(sampleDoc), 0o644); err != nil {
		t.Fatal(err)
	}
	heiti, err := filepath.Abs("../../fonts/NotoSansSC-Medium.ttf")
	if err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runBinary(t, dir, "render", "dept.yaml", "--font-body", heiti); code != 0 {
		t.Fatalf("with a user font: exit %d, %s", code, stderr)
	}
	if err := os.WriteFile(filepath.Join(dir, "fake.ttf"), []byte("ttcf and more bytes than that"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runBinary(t, dir, "render", "dept.yaml", "-o", "out2", "--font-heading", "fake.ttf")
	if code != 1 || !strings.Contains(stderr, "fake.ttf") || !strings.Contains(stderr, ".ttc") {
		t.Errorf("with a collection: exit %d, %q", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "out2")); !os.IsNotExist(err) {
		t.Error("output folder created for a bad font")
	}
}

// A bureau's wording folder replaces sentences; wording that leaves debris in
// the text stops the render and writes nothing.
func TestE2ETemplates(t *testing.T) {
	dir := t.TempDir()
	good, bad := filepath.Join(dir, "good"), filepath.Join(dir, "bad")
	for path, src := range map[string]string{
		good: `{{define "九"}}本部门{{.Year}}年政府采购预算共计{{amount .Procurement}}。{{end}}`,
		bad:  `{{define "九"}}政府采购预算共计{{.Procurement}}万元<no value>。{{end}}`,
	} {
		if err := os.MkdirAll(path, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(path, "part3.tmpl"), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if code, _, stderr := runBinary(t, dir, "render", "--templates", good, "-o", "ok"); code != 0 {
		t.Fatalf("good wording: exit %d, %s", code, stderr)
	}
	code, _, stderr := runBinary(t, dir, "render", "--templates", bad, "-o", "no")
	if code != 1 || !strings.Contains(stderr, "九") {
		t.Errorf("bad wording: exit %d, %q", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "no")); !os.IsNotExist(err) {
		t.Error("output written for bad wording")
	}
}

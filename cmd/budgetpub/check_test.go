package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

const checkedDoc = `schema: 1
year: 2024
department: {name: 测试部门}
units:
  - {name: 测试单位, kind: administrative}
expenditures:
  - {code: "2010301", basic: 10.00, project: 5.00}
basic_by_economic:
  - {dept: "30101", gov: "50101", amount: 10.00}
projects:
  - {unit: 测试单位, name: 项目甲, amounts: 5.00}
prior_year: {total: 15.00, general_public: 15.00, three_public: {outbound_travel: 0, reception: 0, vehicle_purchase: 0, vehicle_operation: 0}}
`

func TestE2ECheck(t *testing.T) {
	dir := t.TempDir()
	sample, _ := filepath.Abs("../../input/datong-gov-office-2024.yaml")
	code, stdout, _ := runBinary(t, dir, "check", sample)
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if code != 0 || len(lines) != 2 || !strings.Contains(lines[0], "警告 [T6-T5-basic]") || !strings.Contains(lines[1], "警告 [T11-T6-public]") {
		t.Errorf("sample: exit %d, %q", code, stdout)
	}
	if !strings.HasPrefix(lines[0], sample+":77:1:") {
		t.Errorf("finding has no file:line:col: %q", lines[0])
	}

	bad := strings.Replace(checkedDoc, "amounts: 5.00", "amounts: 6.00", 1)
	if err := os.WriteFile(filepath.Join(dir, "bad.yaml"), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "good.yaml"), []byte(checkedDoc), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "broken.yaml"), []byte(strings.Replace(checkedDoc, "basic:", "basc:", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, stdout, _ := runBinary(t, dir, "check", "good.yaml"); code != 0 || strings.TrimSpace(stdout) != "" {
		t.Errorf("good: exit %d, %q", code, stdout)
	}
	code, stdout, _ = runBinary(t, dir, "check", "good.yaml", "bad.yaml", "broken.yaml")
	if code != 1 || !strings.Contains(stdout, "bad.yaml:10:1: 错误 [T12-T3-project]") || !strings.Contains(stdout, "broken.yaml:7:23: 错误 [input] 未知的键 basc") {
		t.Errorf("bad: exit %d, %q", code, stdout)
	}
	code, stdout, _ = runBinary(t, dir, "check", "--json", "good.yaml", "bad.yaml")
	var reports []checkReport
	if err := json.Unmarshal([]byte(stdout), &reports); err != nil {
		t.Fatalf("json: %v\n%s", err, stdout)
	}
	if code != 1 || len(reports) != 2 || len(reports[0].Findings) != 0 || len(reports[1].Findings) != 1 {
		t.Fatalf("json reports: %+v", reports)
	}
	f := reports[1].Findings[0]
	if f.ID != "T12-T3-project" || f.Severity != "error" || f.Left.Value.String() != "6" || f.Right.Value.String() != "5" || f.Diff.String() != "1" || f.Line != 10 {
		t.Errorf("json finding: %+v", f)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 3 {
		t.Errorf("check wrote files: %d entries", len(entries))
	}
	if code, _, _ := runBinary(t, dir, "check"); code != 2 {
		t.Errorf("no file: exit %d", code)
	}
}

// render refuses an input whose checks find an error and writes nothing;
// --force renders it with the draft notice on every page and table.
func TestE2ERenderRefusesErrorsUnlessForced(t *testing.T) {
	dir := t.TempDir()
	bad := strings.Replace(checkedDoc, "amounts: 5.00", "amounts: 6.00", 1)
	if err := os.WriteFile(filepath.Join(dir, "bad.yaml"), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runBinary(t, dir, "render", "bad.yaml")
	if code != 1 || !strings.Contains(stderr, "[T12-T3-project]") || !strings.Contains(stderr, "--force") {
		t.Errorf("exit %d, %q", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "output")); !os.IsNotExist(err) {
		t.Error("output written despite an error")
	}
	if code, _, stderr := runBinary(t, dir, "render", "bad.yaml", "--force"); code != 0 {
		t.Fatalf("--force: exit %d, %s", code, stderr)
	}
	needTool(t, "pdftotext")
	out, err := exec.Command("pdftotext", filepath.Join(dir, "output", "bad.pdf"), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	pages := strings.Split(strings.TrimRight(string(out), "\f"), "\f")
	for i, p := range pages {
		if !strings.Contains(p, "草稿：勾稽核对发现错误") {
			t.Errorf("page %d has no draft notice", i+1)
		}
	}
	good := filepath.Join(dir, "good.yaml")
	if err := os.WriteFile(good, []byte(checkedDoc), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runBinary(t, dir, "render", good); code != 0 {
		t.Fatalf("good: exit %d, %s", code, stderr)
	}
	out, _ = exec.Command("pdftotext", filepath.Join(dir, "output", "good.pdf"), "-").Output()
	if strings.Contains(string(out), "草稿") {
		t.Error("a clean render says 草稿")
	}
}

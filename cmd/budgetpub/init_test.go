package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// A clerk's first steps: init → check → render, end to end.
func TestE2EInitCheckRender(t *testing.T) {
	dir := t.TempDir()
	code, stdout, stderr := runBinary(t, dir, "init", "--year", "2025", "--name", "某某局", "-o", "某某局-2025.yaml")
	if code != 0 || !strings.Contains(stdout, "某某局-2025.yaml") {
		t.Fatalf("init: exit %d, %s %s", code, stdout, stderr)
	}
	data, _ := os.ReadFile(filepath.Join(dir, "某某局-2025.yaml"))
	for _, want := range []string{"year: 2025", "name: 某某局", "expenditures:", "basic_by_economic:", "projects:", "three_public:",
		"operating_costs:", "prior_year:", "procurement:", "assets:", "notes:", "# - {code: \"2010301\"", "yaml-language-server"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("skeleton lacks %q", want)
		}
	}
	if code, stdout, _ := runBinary(t, dir, "check", "某某局-2025.yaml"); code != 0 || strings.TrimSpace(stdout) != "" {
		t.Errorf("check of the skeleton: exit %d, %q", code, stdout)
	}
	if code, _, stderr := runBinary(t, dir, "render", "某某局-2025.yaml"); code != 0 {
		t.Fatalf("render of the skeleton: exit %d, %s", code, stderr)
	}
	for _, ext := range []string{".xlsx", ".pdf"} {
		if fi, err := os.Stat(filepath.Join(dir, "output", "某某局-2025"+ext)); err != nil || fi.Size() == 0 {
			t.Errorf("no %s: %v", ext, err)
		}
	}
	// Filling in a line from the skeleton's own examples still checks clean.
	filled := strings.Replace(string(data), "expenditures: []\n# - {code: \"2010301\", basic: 0.00}", "expenditures:\n  - {code: \"2010301\", basic: 12.50}", 1)
	filled = strings.Replace(filled, "basic_by_economic: []\n# - {dept: \"30101\", gov: \"50101\", amount: 0.00}", "basic_by_economic:\n  - {dept: \"30101\", gov: \"50101\", amount: 12.50}", 1)
	if err := os.WriteFile(filepath.Join(dir, "filled.yaml"), []byte(filled), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, stdout, _ := runBinary(t, dir, "check", "filled.yaml"); code != 0 || strings.Contains(stdout, "错误") {
		t.Errorf("check of a filled skeleton: exit %d, %q", code, stdout)
	}
	// init never overwrites.
	code, _, stderr = runBinary(t, dir, "init", "-o", "某某局-2025.yaml")
	if code != 1 || !strings.Contains(stderr, "已存在") {
		t.Errorf("overwrite: exit %d, %q", code, stderr)
	}
	if again, _ := os.ReadFile(filepath.Join(dir, "某某局-2025.yaml")); string(again) != string(data) {
		t.Error("the existing file was changed")
	}
	if code, _, _ := runBinary(t, dir, "init", "--year", "二〇二五"); code != 2 {
		t.Errorf("bad year: exit %d", code)
	}
}

func TestE2ESchema(t *testing.T) {
	code, stdout, _ := runBinary(t, t.TempDir(), "schema")
	var s map[string]any
	if code != 0 || json.Unmarshal([]byte(stdout), &s) != nil || s["$schema"] == nil || !strings.Contains(stdout, "部门名称") {
		t.Errorf("schema: exit %d, %.200s", code, stdout)
	}
}

// Every command's help is printed without error, in Chinese, with an
// example, and names each of its flags.
func TestHelpMentionsEveryFlag(t *testing.T) {
	flagsOf := map[string][]string{
		"init":   {"--year", "--name", "-o"},
		"check":  {"--json", "--catalog"},
		"render": {"-o", "--catalog", "--templates", "--force", "--font-body", "--font-title", "--font-heading"},
		"batch":  {"-o", "-j", "--shard", "--catalog", "--templates", "--force", "--font-body", "--font-title", "--font-heading"},
		"schema": {},
	}
	han := regexp.MustCompile(`\p{Han}`)
	for cmd, flags := range flagsOf {
		for _, form := range [][]string{{cmd, "--help"}, {cmd, "-h"}, {"help", cmd}} {
			code, stdout, stderr := runBinary(t, t.TempDir(), form...)
			if code != 0 || stderr != "" {
				t.Errorf("%v: exit %d, stderr %q", form, code, stderr)
			}
			for _, f := range flags {
				if !regexp.MustCompile(`(^|[\s、，])` + regexp.QuoteMeta(f) + `([\s、，：]|$)`).MatchString(stdout) {
					t.Errorf("%v does not mention %s", form, f)
				}
			}
			if !strings.Contains(stdout, "示例") || !strings.Contains(stdout, "budgetpub "+cmd) || !han.MatchString(stdout) {
				t.Errorf("%v: no Chinese text or example:\n%s", form, stdout)
			}
		}
	}
	code, stdout, _ := runBinary(t, t.TempDir(), "--help")
	for cmd := range flagsOf {
		if !strings.Contains(stdout, cmd) {
			t.Errorf("--help does not list %s", cmd)
		}
	}
	if code != 0 {
		t.Errorf("--help: exit %d", code)
	}
}

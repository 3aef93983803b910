package publish

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCollectInputs: a folder's inputs (master inputs, workbooks) in name
// order, every other file skipped with its reason, hidden files, hidden
// folders, Office lock files and the output folder never mentioned.
func TestCollectInputs(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"b.yaml", "a.XLSX", "c.yml", "d.xls", "e.YAML.TXT", "f.docx", "g.pdf", ".DS_Store", "~$a.xlsx",
		".git/x.yaml", "out/o.xlsx", "sub/h.yaml", "sub/i.txt"} {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	files, skipped, err := CollectInputs([]string{dir}, filepath.Join(dir, "out"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range files {
		got = append(got, strings.TrimPrefix(filepath.ToSlash(f), filepath.ToSlash(dir)+"/"))
	}
	if want := "a.XLSX b.yaml c.yml sub/h.yaml"; strings.Join(got, " ") != want {
		t.Errorf("inputs %q, want %q", strings.Join(got, " "), want)
	}
	var sk []string
	for _, k := range skipped {
		sk = append(sk, strings.TrimPrefix(filepath.ToSlash(k.Path), filepath.ToSlash(dir)+"/")+"="+k.Reason)
	}
	want := []string{
		"d.xls=这是旧版 Excel 工作簿（.xls）：在 Excel 或 WPS 中另存为 .xlsx 后再放入",
		"e.YAML.TXT=文件名多了 .txt：请改名为 e.YAML",
		"f.docx=这是 Word 文档，不能从中读取数字：请让部门提交主输入文件（.yaml）或预算系统导出的工作簿（.xlsx）",
		"g.pdf=这是 PDF 文件，不能从中读取数字：请让部门提交主输入文件（.yaml）或预算系统导出的工作簿（.xlsx）",
		"sub/i.txt=这是文本文件，不能从中读取数字：请让部门提交主输入文件（.yaml）或预算系统导出的工作簿（.xlsx）",
	}
	if strings.Join(sk, "\n") != strings.Join(want, "\n") {
		t.Errorf("skipped:\n%s\nwant:\n%s", strings.Join(sk, "\n"), strings.Join(want, "\n"))
	}
	if Stem("dir/局.XLSX") != "局" || Stem("局.yaml") != "局" {
		t.Errorf("stems %q %q", Stem("dir/局.XLSX"), Stem("局.yaml"))
	}
}

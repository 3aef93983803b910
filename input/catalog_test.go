package input

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// A catalog comes as CSV in GBK too, or as a workbook whose code and name
// columns are found by their header; its problems name the catalog's file
// and place.
func TestCatalogFormats(t *testing.T) {
	dir := t.TempDir()
	csvPath := filepath.Join(dir, "目录.csv")
	if err := os.WriteFile(csvPath, gbk(t, "科目编码,科目名称\n2130135,农田建设\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := LoadCatalog(csvPath)
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := c.Name("2130135"); n != "农田建设" {
		t.Errorf("GBK CSV: %q", n)
	}
	if e, _ := c.Entry("2130135"); e.Source != "目录.csv" {
		t.Errorf("source %q", e.Source)
	}
	// A GBK catalog's error: its line and column in characters.
	if err := os.WriteFile(csvPath, gbk(t, "科目编码,科目名称\n2130135,\"农田\"建设\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadCatalog(csvPath); err == nil || !strings.Contains(err.Error(), "目录.csv:2:") || !strings.Contains(err.Error(), "引号") {
		t.Errorf("GBK CSV error: %v", err)
	}
	if err := os.WriteFile(csvPath, gbk(t, "科目编码,科目名称\n2130135,农田建设\n2130136,"+strings.Repeat("长", 201)+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadCatalog(csvPath); err == nil || !strings.Contains(err.Error(), "目录.csv:3:9: ") {
		t.Errorf("GBK CSV long name: %v", err)
	}

	book := func(rows [][]any) string {
		f := excelize.NewFile()
		for r, row := range rows {
			for c, v := range row {
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if err := f.SetCellValue("Sheet1", ref, v); err != nil {
					t.Fatal(err)
				}
			}
		}
		path := filepath.Join(dir, "目录.xlsx")
		if err := f.SaveAs(path); err != nil {
			t.Fatal(err)
		}
		return path
	}
	path := book([][]any{{"2025年政府收支分类科目"}, {"序号", "科目编码", "科目名称", "说明"}, {1, 2130135, "农田建设", "…"}, {2, "2130153", "农田建设管理", ""}, {3, "21301 农业农村", "", ""}})
	c, err = LoadCatalog(path)
	if err != nil {
		t.Fatal(err)
	}
	for code, want := range map[string]string{"2130135": "农田建设", "2130153": "农田建设管理", "2010301": "行政运行"} {
		if n, _ := c.Name(code); n != want {
			t.Errorf("xlsx %s: %q, want %q", code, n, want)
		}
	}
	if hits := c.Search("农田"); len(hits) != 2 || hits[0].Code != "2130135" {
		t.Errorf("search 农田: %v", hits)
	}
	if hits := c.Search("21301"); len(hits) != 3 || hits[0].Name != "农业农村" {
		t.Errorf("search 21301: %v", hits)
	}

	bad := book([][]any{{"编码", "名称"}, {"2130135", "农田建设"}, {"21X01", "坏编码"}})
	if _, err := LoadCatalog(bad); err == nil || !strings.Contains(err.Error(), "目录.xlsx!Sheet1!A3: 分类目录中的编码 \"21X01\" 应为数字") {
		t.Errorf("bad xlsx: %v", err)
	}
	long := book([][]any{{"编码", "名称"}, {"2130135", strings.Repeat("长", 300)}})
	if _, err := LoadCatalog(long); err == nil || !strings.Contains(err.Error(), "目录.xlsx!Sheet1!B2") || !strings.Contains(err.Error(), "名称过长") {
		t.Errorf("long name: %v", err)
	}
	formula := book([][]any{{"编码", "名称"}, {"2130135", "=cmd|' /C calc'!A0"}})
	if _, err := LoadCatalog(formula); err == nil || !strings.Contains(err.Error(), "目录.xlsx!Sheet1!B2") || !strings.Contains(err.Error(), "当作公式") {
		t.Errorf("a name that is a formula: %v", err)
	}
	noHeader := book([][]any{{"a", "b"}, {"1", "2"}})
	if _, err := LoadCatalog(noHeader); err == nil || !strings.Contains(err.Error(), "找不到表头") {
		t.Errorf("no header: %v", err)
	}
	if _, err := LoadCatalog(dir); err == nil || !strings.Contains(err.Error(), "不是普通文件") {
		t.Errorf("a folder: %v", err)
	}
}

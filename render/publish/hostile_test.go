package publish

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/budgetpub/budgetpub/layouts/shanxi13"
	"github.com/budgetpub/budgetpub/render"
	"github.com/xuri/excelize/v2"
)

// Very large or malicious inputs end with a clear error naming the cause.
func TestHostileInputs(t *testing.T) {
	res, err := Load(Config{})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var projects strings.Builder
	projects.WriteString(strings.Replace(checkedDoc, "projects:\n  - {unit: 测试单位, name: 项目甲, amounts: 5.00}\n", "", 1))
	projects.WriteString("projects:\n")
	for i := 1; i <= 10_001; i++ { // one over the limit
		fmt.Fprintf(&projects, "  - {unit: 测试单位, name: 项目%d, amounts: 1.00}\n", i)
	}
	laughs := "schema: 1\nyear: 2024\na: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n"
	prev := "a"
	for i := 0; i < 9; i++ {
		name := fmt.Sprintf("l%d", i)
		laughs += fmt.Sprintf("%s: &%s [*%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s]\n", name, name, prev, prev, prev, prev, prev, prev, prev, prev, prev)
		prev = name
	}
	cases := []struct {
		name, doc, want string
	}{
		{"50 MB file", "", "文件过大"},
		{"10 001 projects", projects.String(), "列表过长"},
		{"deep nesting", "schema: 1\nyear: 2024\nnotes: " + strings.Repeat("{a: ", 5000) + "1" + strings.Repeat("}", 5000) + "\n", "嵌套层次过深"},
		{"very deep nesting", "schema: 1\nyear: 2024\nnotes: " + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + "\n", "嵌套层次过深"},
		{"aliases expanded exponentially", laughs, "不支持 YAML 锚点"},
		{"a 40 000-character text", checkedDoc + "notes: {other: " + strings.Repeat("长", 40_000) + "}\n", "文本过长"},
	}
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(dir, fmt.Sprintf("case%d.yaml", i))
			if err := os.WriteFile(path, []byte(c.doc), 0o644); err != nil {
				t.Fatal(err)
			}
			if c.doc == "" { // a sparse file of 50 MB: its size alone refuses it
				if err := os.Truncate(path, 50<<20); err != nil {
					t.Fatal(err)
				}
			}
			r := File(res, path, Options{})
			if r.Err == nil || !strings.Contains(r.Err.Error(), c.want) || r.PDF != nil || r.Workbook != nil {
				t.Errorf("err %.300v, want %q and no outputs", r.Err, c.want)
			}
			if !strings.HasPrefix(r.Err.Error(), path) {
				t.Errorf("the error does not name the file: %.200v", r.Err)
			}
		})
	}
	// A 10 000-character project name renders, whole, wrapped in its cell.
	name := strings.Repeat("政务服务便民热线运维", 1000)
	r := Department(res, "name.yaml", []byte(strings.Replace(checkedDoc, "项目甲", name, 1)), Options{})
	if r.Err != nil {
		t.Fatalf("10 000-character name: %v", r.Err)
	}
	if r.Pub.Table(shanxi13.T12).Row(render.ProjectRow("测试单位", name)) == nil {
		t.Error("表12 has no row of the project")
	}
	f, err := excelize.OpenReader(bytes.NewReader(r.Workbook))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("表12")
	found := false
	for _, row := range rows {
		if len(row) > 0 && row[0] == name {
			found = true
		}
	}
	if !found {
		t.Error("表12 of the workbook lacks the whole 10 000-character name")
	}
}

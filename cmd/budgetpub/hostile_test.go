package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// Very large or malicious inputs end with a clear error, or render.
func TestHostileInputs(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return name
	}
	var projects strings.Builder
	projects.WriteString(strings.Replace(checkedDoc, "projects:\n  - {unit: 测试单位, name: 项目甲, amounts: 5.00}\n", "", 1))
	projects.WriteString("projects:\n")
	for i := 1; i <= 100_000; i++ {
		fmt.Fprintf(&projects, "  - {unit: 测试单位, name: 项目%d, amounts: 1.00}\n", i)
	}
	laughs := "schema: 1\nyear: 2024\na: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n"
	prev := "a"
	for i := 0; i < 9; i++ {
		name := fmt.Sprintf("l%d", i)
		laughs += fmt.Sprintf("%s: &%s [*%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s]\n", name, name, prev, prev, prev, prev, prev, prev, prev, prev, prev)
		prev = name
	}
	big := strings.Repeat("# 注释行，使文件超过五十兆字节。\n", 50<<20/40)
	cases := []struct {
		name, file, want string
	}{
		{"50 MB file", write("big.yaml", big), "文件过大"},
		{"100 000 projects", write("projects.yaml", projects.String()), "列表过长"},
		{"deep nesting", write("deep.yaml", "schema: 1\nyear: 2024\nnotes: "+strings.Repeat("{a: ", 5000)+"1"+strings.Repeat("}", 5000)+"\n"), "嵌套层次过深"},
		{"very deep nesting", write("deeper.yaml", "schema: 1\nyear: 2024\nnotes: "+strings.Repeat("[", 20000)+strings.Repeat("]", 20000)+"\n"), "嵌套层次过深"},
		{"aliases expanded exponentially", write("laughs.yaml", laughs), "不支持 YAML 锚点"},
		{"a 40 000-character text", write("long.yaml", checkedDoc+"notes: {other: "+strings.Repeat("长", 40_000)+"}\n"), "文本过长"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, _, stderr := runBinary(t, dir, "render", c.file, "-o", "out")
			if code != 1 || !strings.Contains(stderr, c.want) {
				t.Errorf("exit %d, stderr %.300q, want %q", code, stderr, c.want)
			}
			if _, err := os.Stat(filepath.Join(dir, "out")); !os.IsNotExist(err) {
				t.Error("output written")
			}
		})
	}
	// A 10 000-character project name renders, whole, wrapped in its cell.
	name := strings.Repeat("政务服务便民热线运维", 1000)
	long := strings.Replace(checkedDoc, "项目甲", name, 1)
	if code, _, stderr := runBinary(t, dir, "render", write("name.yaml", long), "-o", "named"); code != 0 {
		t.Fatalf("10 000-character name: exit %d, %s", code, stderr)
	}
	f, err := excelize.OpenFile(filepath.Join(dir, "named", "name.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("表12")
	found := false
	for _, r := range rows {
		if len(r) > 0 && r[0] == name {
			found = true
		}
	}
	if !found {
		t.Error("表12 lacks the whole 10 000-character name")
	}
}

// No input can make the program write outside the output folder: names of
// outputs come from the input file's name only.
func TestOutputsStayInTheFolder(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "in", "..", "in")
	if err := os.MkdirAll(filepath.Join(dir, "in"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"..yaml", ".yaml", "a..yaml"} {
		path := filepath.Join(sub, name)
		if err := os.WriteFile(path, []byte(checkedDoc), 0o644); err != nil {
			t.Fatal(err)
		}
		if code, _, stderr := runBinary(t, dir, "render", path, "-o", "out"); code != 0 {
			t.Fatalf("%s: exit %d, %s", name, code, stderr)
		}
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "out"))
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if strings.Join(names, " ") != "a..pdf a..xlsx budget.pdf budget.xlsx" {
		t.Errorf("outputs %v", names)
	}
	all, _ := os.ReadDir(dir)
	if len(all) != 2 {
		t.Errorf("something was written beside the output folder: %v", all)
	}
}

package publish

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// --name's mistakes are said before anything runs, each with its fix.
func TestParseNameTemplate(t *testing.T) {
	for _, c := range []struct{ in, err string }{
		{"{code}-{name}-{year}", ""},
		{"{name}", ""},
		{"部门{code}（{year}年）", ""},
		{"", "不能为空"},
		{"  ", "不能为空"},
		{"{code}-{nom}", "{nom} 不认识：只能用 {code}（部门编码）、{name}（部门名称）、{year}（年度）"},
		{"{Code}", "{Code} 不认识"},
		{"{code", "{ 没有配对的 }"},
		{"code}", "} 前面没有 {"},
		{"{code}/{name}", "中有“/”"},
		{`{code}\{name}`, `中有“\”`},
		{"{code}:{name}", "中有“:”"},
		{"{code}*", "中有“*”"},
		{"{code}\t{name}", "控制字符 U+0009"},
		{"{year}", "中没有 {code} 或 {name}"},
		{"公开材料", "中没有 {code} 或 {name}"},
		{".{code}", "以“.”开头"},
		{"~${code}", "以“~$”开头"},
		{"{code}.", "以点或空格结尾"},
		{"{code} ", "以点或空格结尾"},
	} {
		_, err := ParseNameTemplate(c.in)
		switch {
		case c.err == "" && err != nil:
			t.Errorf("%q: %v", c.in, err)
		case c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)):
			t.Errorf("%q: error %v, want one saying %q", c.in, err, c.err)
		}
	}
}

// A department whose code, name or year cannot make a file name is
// refused, saying why and how to fix it; the others get the name.
func TestNameTemplateName(t *testing.T) {
	full, _ := ParseNameTemplate("{code}-{name}-{year}")
	byName, _ := ParseNameTemplate("{name}")
	for _, c := range []struct {
		t         *NameTemplate
		id        Identity
		want, err string
	}{
		{full, Identity{"312", "教育局", 2025}, "312-教育局-2025", ""},
		{full, Identity{" 312 ", " 教育局 ", 2025}, "312-教育局-2025", ""},
		{full, Identity{"", "教育局", 2025}, "", "没有部门编码（department.code），无法按 --name {code}-{name}-{year} 命名输出文件"},
		{byName, Identity{"", "教育局", 2025}, "教育局", ""},
		{byName, Identity{"", "教育局/体育局", 2025}, "", "文件名“教育局/体育局”中有“/”"},
		{byName, Identity{"", `a\b`, 2025}, "", `中有“\”`},
		{byName, Identity{"", "a\x01b", 2025}, "", "控制字符 U+0001"},
		{byName, Identity{"", "CON", 2025}, "", "Windows 保留的设备名"},
		{byName, Identity{"", "con.局", 2025}, "", "Windows 保留的设备名"},
		{byName, Identity{"", "LPT1", 2025}, "", "Windows 保留的设备名"},
		{byName, Identity{"", "CONSOLE", 2025}, "CONSOLE", ""},
		{byName, Identity{"", ".局", 2025}, "", "隐藏文件"},
		{byName, Identity{"", "局.", 2025}, "", "以点或空格结尾"},
		{byName, Identity{"", strings.Repeat("局", 61), 2025}, "", "过长（183 字节，最多 180 字节）"},
		{byName, Identity{"", strings.Repeat("局", 60), 2025}, strings.Repeat("局", 60), ""},
	} {
		got, err := c.t.Name(c.id)
		switch {
		case c.err == "" && (err != nil || got != c.want):
			t.Errorf("%s of %+v: %q, %v; want %q", c.t, c.id, got, err, c.want)
		case c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)):
			t.Errorf("%s of %+v: %q, error %v; want one saying %q", c.t, c.id, got, err, c.err)
		}
	}
}

// The plan names every input of the list: by its stem, in its subfolder
// with --keep-folders, by its document with --name; the later of two of
// one name (letter case aside) is refused, naming the earlier, wherever
// the two fall among the shards.
func TestPlanBatch(t *testing.T) {
	in := t.TempDir()
	for _, f := range []string{"城区/教育局.yaml", "郊区/教育局.yaml", "郊区/Fin.yaml", "fin.yaml"} {
		p := filepath.Join(in, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("year: 2025\ndepartment: {name: 局, code: \"7\"}\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	files, under, _, err := CollectInputsUnder([]string{in})
	if err != nil {
		t.Fatal(err)
	}
	rel := func(f string) string { r, _ := filepath.Rel(in, f); return filepath.ToSlash(r) }

	flat := PlanBatch(context.Background(), nil, files, BatchOptions{})
	kept := PlanBatch(context.Background(), nil, files, BatchOptions{KeepFolders: true, Folders: under})
	if got := strings.Join(flat.Names(), " "); got != "fin 教育局" {
		t.Errorf("flat names %q", got)
	}
	if got := strings.Join(kept.Names(), " "); got != "fin 城区/教育局 郊区/Fin 郊区/教育局" {
		t.Errorf("kept names %q", got)
	}
	for _, f := range files {
		p, refused := flat.problems[f]
		switch rel(f) {
		case "郊区/Fin.yaml":
			if !refused || !strings.Contains(p.msg, "输出文件名与 "+filepath.Join(in, "fin.yaml")+" 相同（Fin）") || !strings.Contains(p.msg, "--keep-folders") {
				t.Errorf("郊区/Fin.yaml: %q", p.msg)
			}
		case "郊区/教育局.yaml":
			if !refused || !strings.Contains(p.msg, filepath.Join(in, "城区", "教育局.yaml")) {
				t.Errorf("郊区/教育局.yaml: %q", p.msg)
			}
		default:
			if refused {
				t.Errorf("%s refused: %q", rel(f), p.msg)
			}
		}
		if _, refused := kept.problems[f]; refused {
			t.Errorf("with --keep-folders %s is refused", rel(f))
		}
	}
}

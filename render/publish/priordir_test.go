package publish

import (
	"strings"
	"testing"
)

// A workbook's last-year file is the one of its department's code, else of
// its name — never a file of another code —, of the year before; two such
// files, or files of other years only, are refused with both named, and
// none is no error.
func TestPriorsFind(t *testing.T) {
	p := &Priors{Dir: "上年", files: []priorFile{
		{path: "上年/edu.yaml", code: "312", name: "教育局", year: 2024},
		{path: "上年/edu-2023.yaml", code: "312", name: "教育局", year: 2023},
		{path: "上年/城区/教育局.yaml", code: "401", name: "城区教育局", year: 2024},
		{path: "上年/office.yaml", code: "", name: "办公室", year: 2024},
		{path: "上年/a/卫健委.yaml", code: "", name: "卫健委", year: 2024},
		{path: "上年/b/卫健委.yaml", code: "", name: "卫健委", year: 2024},
		{path: "上年/民政局.yaml", code: "314", name: "民政局", year: 2022},
		{path: "上年/财政局.yaml", code: "500", name: "财政局", year: 2024},
	}}
	for _, c := range []struct {
		id        Identity
		want, err string
	}{
		{Identity{"312", "教育局", 2025}, "上年/edu.yaml", ""},    // by code, of the year before
		{Identity{"312", "另一个名字", 2025}, "上年/edu.yaml", ""},  // the code decides
		{Identity{"", "教育局", 2024}, "上年/edu-2023.yaml", ""},  // by name
		{Identity{"", "办公室", 2025}, "上年/office.yaml", ""},    // by name, neither has a code
		{Identity{"003", "办公室", 2025}, "上年/office.yaml", ""}, // by name, the file has none
		{Identity{"501", "财政局", 2025}, "", ""},               // the same name of another code: another department
		{Identity{"", "新设局", 2025}, "", ""},                  // none
		{Identity{"", "卫健委", 2025}, "", "--prior-dir 上年 中有 2 个文件都是本部门（部门名称“卫健委”）2024 年的主输入文件：上年/a/卫健委.yaml、上年/b/卫健委.yaml，无法判断带入哪一个，未导入：请只留下其中一个，或在工作簿的表头写明部门编码"},
		{Identity{"314", "民政局", 2025}, "", "本部门（部门编码 314）的主输入文件 上年/民政局.yaml 是 2022 年的，而工作簿是 2025 年的，上年文件应为 2024 年的"},
		{Identity{"312", "教育局", 2027}, "", "上年/edu.yaml 是 2024 年的、上年/edu-2023.yaml 是 2023 年的"},
	} {
		f, err := p.find(c.id)
		got := ""
		if f != nil {
			got = f.path
		}
		switch {
		case c.err == "" && (err != nil || got != c.want):
			t.Errorf("%+v: %q, %v; want %q", c.id, got, err, c.want)
		case c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)):
			t.Errorf("%+v: %q, error %v; want one saying %q", c.id, got, err, c.err)
		}
	}
}

package input

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"regexp"
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

// catalogSourceTag matches a header line declaring source tags: "#   tag =
// …" or "#   tag-a / tag-b = …" (the first after "# source:").
var catalogSourceTag = regexp.MustCompile(`^#\s+(?:source:\s+)?([a-z0-9-]+(?:\s*/\s*[a-z0-9-]+)*)\s+=\s`)

// declaredCatalogSources reads the source tags the embedded catalog's
// header comment declares.
func declaredCatalogSources(t *testing.T) map[string]bool {
	t.Helper()
	tags := map[string]bool{}
	for _, line := range strings.Split(embeddedCatalog, "\n") {
		if !strings.HasPrefix(line, "#") {
			continue
		}
		if m := catalogSourceTag.FindStringSubmatch(line); m != nil {
			for _, tag := range strings.Split(m[1], "/") {
				tags[strings.TrimSpace(tag)] = true
			}
		}
	}
	if len(tags) == 0 {
		t.Fatal("the catalog's header declares no source tags")
	}
	return tags
}

// Every entry of the embedded catalog says where its name was seen, with a
// tag its header comment declares; its code is a 类 (3 digits), 款 (5) or,
// for function and revenue codes, 项 (7); no code comes twice (the loader
// would keep the last silently); brackets are full-width, as printed.
func TestCatalogEntriesSourced(t *testing.T) {
	tags := declaredCatalogSources(t)
	for _, tag := range []string{"categories", "reference", "observed", "fc-2024", "fc-2024-amend", "fc-2025-amend"} {
		if !tags[tag] {
			t.Errorf("header does not declare %q (declared: %v)", tag, tags)
		}
	}
	cr := csv.NewReader(strings.NewReader(embeddedCatalog))
	cr.Comment = '#'
	rows, err := cr.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, r := range rows[1:] {
		code, name, src := r[0], r[1], r[2]
		if seen[code] {
			t.Errorf("%s comes twice", code)
		}
		seen[code] = true
		if !tags[src] {
			t.Errorf("%s %s: source %q is not declared in the header", code, name, src)
		}
		switch {
		case !isDigits(code):
			t.Errorf("%q is not a code", code)
		case len(code) == 3 || len(code) == 5:
		case len(code) == 7 && (code[0] == '1' || code[0] == '2'):
		default:
			t.Errorf("%s %s: a code of %d digits", code, name, len(code))
		}
		if strings.ContainsAny(name, "()") || name != strings.TrimSpace(name) {
			t.Errorf("%s %q: half-width brackets or spaces", code, name)
		}
	}
	if got := DefaultCatalog().Len(); got != len(seen) {
		t.Errorf("DefaultCatalog has %d entries, the file %d", got, len(seen))
	}
	for code, e := range DefaultCatalog().entries {
		if !tags[e.Source] {
			t.Errorf("%s: loaded with source %q", code, e.Source)
		}
	}
}

// A sample of the embedded catalog's codes, one or more from each source,
// resolve to the names printed beside them, and a lookup by name or prefix
// finds them as `budgetpub catalog` does.
func TestCatalogNames(t *testing.T) {
	c := DefaultCatalog()
	for _, tc := range []struct{ code, name, source string }{
		{"201", "一般公共服务支出", "categories"},
		{"213", "农林水支出", "categories"},
		{"224", "灾害防治及应急管理支出", "categories"},
		{"2010301", "行政运行", "reference"},
		{"20103", "政府办公厅（室）及相关机构事务", "reference"},
		{"20113", "商贸事务", "observed"},
		{"2011301", "行政运行", "observed"},
		{"2011399", "其他商贸事务支出", "observed"},
		{"20605", "科技条件与服务", "observed"},
		{"2060503", "科技条件专项", "observed"},
		{"21508", "支持中小企业发展和管理支出", "observed"},
		{"2150899", "其他支持中小企业发展和管理支出", "observed"},
		{"2169999", "其他商业服务业等支出", "observed"},
		{"2120101", "行政运行", "observed"},
		{"21305", "巩固脱贫攻坚成果衔接乡村振兴", "fc-2024"},
		{"2130501", "行政运行", "fc-2024"},
		{"2130508", "“三西”农业建设专项补助", "fc-2024"},
		{"2130550", "事业运行", "fc-2024"},
		{"22006", "耕地保护考核奖惩基金支出", "fc-2024-amend"},
		{"2300412", "自然资源海洋气象等", "fc-2024-amend"},
		{"2170404", "中央金融机构注资特别国债支出", "fc-2025-amend"},
		{"30213", "维修（护）费", "observed-fullwidth"},
		{"50209", "维修（护）费", "gov-economic-2017"},
	} {
		e, ok := c.Entry(tc.code)
		if !ok {
			t.Errorf("%s: not in the catalog, want %s", tc.code, tc.name)
			continue
		}
		if e.Name != tc.name || e.Source != tc.source {
			t.Errorf("%s: %s (%s), want %s (%s)", tc.code, e.Name, e.Source, tc.name, tc.source)
		}
	}
	for _, tc := range []struct {
		q     string
		codes []string
	}{
		{"20113", []string{"20113", "2011301", "2011302", "2011350", "2011399"}},
		{"商贸事务", []string{"20113", "2011399"}},
		{"2060", []string{"20605", "2060503", "20607", "2060702"}},
	} {
		var got []string
		for _, e := range c.Search(tc.q) {
			got = append(got, e.Code)
		}
		if strings.Join(got, " ") != strings.Join(tc.codes, " ") {
			t.Errorf("Search(%q) = %v, want %v", tc.q, got, tc.codes)
		}
	}
}

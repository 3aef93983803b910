package input

import (
	"os"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

const validDoc = `schema: 1
year: 2024
department: {name: 测试部门}
units:
  - {name: 测试单位, kind: administrative}
expenditures:
  - {code: "2010301", basic: 10.00}
`

func TestDecodeValid(t *testing.T) {
	doc, err := Decode("ok.yaml", []byte(validDoc), nil)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Year != 2024 || doc.Expenditures[0].Basic.Value.String() != "10" || doc.Name("20103") != "政府办公厅（室）及相关机构事务" {
		t.Errorf("decoded %+v", doc)
	}
	if doc.AmountUnit != "万元" {
		t.Errorf("default unit %q", doc.AmountUnit)
	}
}

// TestDecodeErrors: one bad input per rule of input.md
// (testdata/decode-errors.txtar), each with its message and its place.
func TestDecodeErrors(t *testing.T) {
	ar, err := txtar.ParseFile("testdata/decode-errors.txtar")
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	var want []byte
	for _, f := range ar.Files {
		if f.Name == "want" {
			want = f.Data
		} else {
			files[f.Name] = f.Data
		}
	}
	lines := strings.Split(strings.TrimSpace(string(want)), "\n")
	if len(lines) != len(files) || len(files) < 35 {
		t.Fatalf("%d expectations for %d files", len(lines), len(files))
	}
	for _, line := range lines {
		name, rest, _ := strings.Cut(line, "\t")
		pos, msg, _ := strings.Cut(rest, "\t")
		t.Run(name, func(t *testing.T) {
			data, ok := files[name]
			if !ok {
				t.Fatalf("no file %s", name)
			}
			doc, err := Decode(name, data, nil)
			if err == nil {
				t.Fatalf("accepted: %+v", doc)
			}
			if doc != nil {
				t.Errorf("returned a document with an error")
			}
			es := AsErrors(err)
			if len(es) == 0 {
				t.Fatalf("error %v is not Errors", err)
			}
			found := false
			for _, e := range es {
				s := e.Error()
				if strings.Contains(s, msg) && strings.HasPrefix(s, name+":"+pos) {
					found = true
				}
			}
			if !found {
				t.Errorf("want %s:%s… %q, got:\n%v", name, pos, msg, err)
			}
		})
	}
}

func TestDecodeYuanUnit(t *testing.T) {
	doc := strings.Replace(validDoc, "year: 2024\n", "year: 2024\namount_unit: 元\n", 1)
	doc = strings.Replace(doc, "basic: 10.00", "basic: 123456.785", 1)
	d, err := Decode("yuan.yaml", []byte(doc), nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := d.Expenditures[0].Basic.Value.String(); got != "12.3456785" {
		t.Errorf("123456.785元 = %s万元, want 12.3456785", got)
	}
	bad := strings.Replace(doc, "123456.785", "1.1234567", 1)
	if _, err := Decode("yuan.yaml", []byte(bad), nil); err == nil || !strings.Contains(err.Error(), "最多 6 位小数") {
		t.Errorf("7 decimals in 元: %v", err)
	}
}

func TestDecodeNamesBesideCodes(t *testing.T) {
	doc := validDoc + `  - {code: "2019901", name: 自定义项, basic: 1.00}
code_names:
  - {code: "20199", name: 自定义款}
`
	d, err := Decode("names.yaml", []byte(doc), nil)
	if err != nil {
		t.Fatal(err)
	}
	if d.Name("2019901") != "自定义项" || d.Name("20199") != "自定义款" || d.Name("201") != "一般公共服务支出" {
		t.Errorf("names: %q %q %q", d.Name("2019901"), d.Name("20199"), d.Name("201"))
	}
}

func TestUserCatalogExtendsAndOverrides(t *testing.T) {
	path := t.TempDir() + "/catalog.csv"
	csv := "\ufeff科目编码,科目名称\n2010301,行政运行（覆盖）\n20199,其他一般公共服务支出\n2019901,其他一般公共服务支出项\n"
	if err := os.WriteFile(path, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	cat, err := LoadCatalog(path)
	if err != nil {
		t.Fatal(err)
	}
	doc := validDoc + `  - {code: "2019901", basic: 1.00}` + "\n"
	d, err := Decode("cat.yaml", []byte(doc), cat)
	if err != nil {
		t.Fatal(err)
	}
	if d.Name("2010301") != "行政运行（覆盖）" || d.Name("2019901") != "其他一般公共服务支出项" || d.Name("207") != "文化旅游体育与传媒支出" {
		t.Errorf("catalog names: %q %q %q", d.Name("2010301"), d.Name("2019901"), d.Name("207"))
	}
	if _, err := Decode("cat.yaml", []byte(doc), nil); err == nil {
		t.Errorf("the embedded catalog alone accepted 2019901")
	}
}

func TestUserCatalogErrors(t *testing.T) {
	dir := t.TempDir()
	cases := []struct{ csv, want string }{
		{"2010301,行政运行\n20103X,坏编码\n", "catalog.csv:2:1: 分类目录中的编码 \"20103X\" 应为数字"},
		{"2010301,行政运行\n2010350,\n", "catalog.csv:2:9: 分类目录中编码 2010350 没有名称"},
		{"2010301,\"行政运行\n", "catalog.csv:1:"},
		{"2010301\n", "catalog.csv:1:1: 分类目录每行应为 编码,名称"},
	}
	for i, c := range cases {
		path := dir + "/catalog.csv"
		if err := os.WriteFile(path, []byte(c.csv), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := LoadCatalog(path)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("case %d: %v, want %q", i, err, c.want)
		}
	}
	if _, err := LoadCatalog(dir + "/missing.csv"); err == nil || !strings.Contains(err.Error(), "无法读取分类目录") {
		t.Errorf("missing catalog: %v", err)
	}
}

func TestEmbeddedCatalog(t *testing.T) {
	c := DefaultCatalog()
	for _, code := range Categories {
		if _, ok := c.Name(code); !ok {
			t.Errorf("category %s missing", code)
		}
	}
	for code, name := range map[string]string{"2010301": "行政运行", "30103": "奖金", "31002": "办公设备购置", "50905": "离退休费", "2210202": "提租补贴"} {
		if got, _ := c.Name(code); got != name {
			t.Errorf("%s = %q, want %q", code, got, name)
		}
	}
}

func TestSampleDecodes(t *testing.T) {
	d, err := Decode(SampleName, Sample, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Projects) != 45 || len(d.Units) != 3 || len(d.BasicByEcon) != 24 {
		t.Errorf("sample: %d projects, %d units, %d economic lines", len(d.Projects), len(d.Units), len(d.BasicByEcon))
	}
	goals := 0
	for _, p := range d.Projects {
		if p.Goal != nil {
			goals++
		}
	}
	if goals != 10 {
		t.Errorf("%d projects with a published goal, want 10", goals)
	}
}

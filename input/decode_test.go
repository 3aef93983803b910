package input

import (
	"os"
	"strings"
	"testing"
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

// TestDecodeErrors: one bad input per rule of input.md, each with its
// message and its place.
func TestDecodeErrors(t *testing.T) {
	cases := []struct {
		name string
		doc  string
		pos  string // "line:col"
		msg  string
	}{
		{"code of wrong length", strings.Replace(validDoc, `"2010301"`, `"201030"`, 1), "7:12", "应为 7 位数字"},
		{"non-digit code", strings.Replace(validDoc, `"2010301"`, `"20103O1"`, 1), "7:12", "只能由数字组成"},
		{"negative amount", strings.Replace(validDoc, "basic: 10.00", "basic: -10.00", 1), "7:30", "不能为负数"},
		{"too many decimals", strings.Replace(validDoc, "basic: 10.00", "basic: 10.001", 1), "7:30", "小数位过多"},
		{"thousands separator", strings.Replace(validDoc, "basic: 10.00", `basic: "1,000.00"`, 1), "7:30", "不是有效的金额"},
		{"float exponent", strings.Replace(validDoc, "basic: 10.00", "basic: 1e3", 1), "7:30", "不是有效的金额"},
		{"unknown key with hint", strings.Replace(validDoc, "basic: 10.00", "basc: 10.00", 1), "7:23", "未知的键 basc（是否应为 basic？）"},
		{"unknown top-level key", validDoc + "expenditure: []\n", "8:1", "未知的键 expenditure（是否应为 expenditures？）"},
		{"duplicate key", validDoc + "year: 2025\n", "8:1", "键 year 重复出现"},
		{"duplicate expenditure line", validDoc + `  - {code: "2010301", project: 5.00}` + "\n", "8:12", "支出行重复"},
		{"unknown code without name", strings.Replace(validDoc, `"2010301"`, `"2010398"`, 1), "7:12", "2010398 不在分类目录中"},
		{"unknown parent without name", strings.Replace(validDoc, `"2010301"`, `"2019901"`, 1), "7:12", "20199 不在分类目录中"},
		{"category outside the 30", strings.Replace(validDoc, `"2010301"`, `"2250101"`, 1), "7:12", "不是预算收支总表的30个支出类别之一"},
		{"wrong schema version", strings.Replace(validDoc, "schema: 1", "schema: 2", 1), "1:9", "不支持的格式版本"},
		{"missing schema", strings.Replace(validDoc, "schema: 1\n", "", 1), "1:1", "缺少 schema"},
		{"malformed YAML", strings.Replace(validDoc, "department: {name: 测试部门}", "department: {name: 测试部门", 1), "3:1", "YAML 语法错误：花括号"},
		{"unknown source", strings.Replace(validDoc, "basic: 10.00", "basic: 10.00, source: general", 1), "7:45", "未知的资金来源"},
		{"unknown unit kind", strings.Replace(validDoc, "kind: administrative", "kind: admin", 1), "5:24", "单位类型应为"},
		{"missing required key", strings.Replace(validDoc, "department: {name: 测试部门}", "department: {code: \"001\"}", 1), "3:13", "缺少必填的键 name"},
		{"project naming an unknown unit", validDoc + "projects:\n  - {unit: 别的单位, name: 项目甲, amounts: 5.00}\n", "9:12", "单位 \"别的单位\" 不在 units 中"},
		{"duplicate project", validDoc + "projects:\n  - {unit: 测试单位, name: 项目甲, amounts: 5.00}\n  - {unit: 测试单位, name: 项目甲, amounts: 6.00}\n", "10:24", "项目重复"},
		{"unknown amount source key", validDoc + "projects:\n  - {unit: 测试单位, name: 项目甲, amounts: {general_pubic: 5.00}}\n", "9:39", "未知的资金来源 general_pubic（是否应为 general_public？）"},
		{"duplicate unit", strings.Replace(validDoc, "units:\n", "units:\n  - {name: 测试单位, kind: institution}\n", 1), "6:12", "单位 测试单位 重复"},
		{"alias", validDoc + "reasons: &r {total_change: 增加}\nnotes: *r\n", "8:10", "不支持 YAML 锚点"},
		{"year out of range", strings.Replace(validDoc, "year: 2024", "year: 24", 1), "2:7", "year 应为 2000 至 2100"},
		{"bad date", validDoc + "assets: {as_of: 2023/12/31}\n", "8:17", "assets.as_of 应为日期"},
		{"operating costs of an institution", strings.Replace(validDoc, "kind: administrative", "kind: institution", 1) + "operating_costs:\n  - {unit: 测试单位, amount: 1.00}\n", "9:12", "机关运行经费只属于行政单位"},
		{"three public from unit funds", validDoc + "three_public: {reception: {unit_funds: 1.00}}\n", "8:40", "只列财政拨款资金"},
		{"econ code of wrong class", validDoc + "basic_by_economic:\n  - {dept: \"50101\", gov: \"50101\", amount: 1.00}\n", "9:12", "部门预算支出经济分类编码以 3 开头"},
		{"two names for one code", validDoc + "code_names:\n  - {code: \"20103\", name: 甲}\n  - {code: \"20103\", name: 乙}\n", "10:27", "有两个不同的名称"},
		{"amount unit", strings.Replace(validDoc, "year: 2024\n", "year: 2024\namount_unit: 千元\n", 1), "3:14", "amount_unit 只能是 万元 或 元"},
		{"not a mapping", "- a\n- b\n", "1:1", "顶层应为键值映射"},
		{"empty file", "", "1:1", "文件为空"},
		{"two documents", validDoc + "---\nschema: 1\n", "", "只能包含一个 YAML 文档"},
		{"indicator level", validDoc + "projects:\n  - unit: 测试单位\n    name: 项目甲\n    amounts: 5.00\n    performance_goal:\n      period_indicators:\n        - {level2: 数量}\n", "14:20", "未知的二级指标"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, err := Decode("bad.yaml", []byte(c.doc), nil)
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
				if strings.Contains(s, c.msg) && strings.HasPrefix(s, "bad.yaml:"+c.pos) {
					found = true
				}
			}
			if !found {
				t.Errorf("want bad.yaml:%s… %q, got:\n%v", c.pos, c.msg, err)
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
		{"2010301,行政运行\n2010350,\n", "catalog.csv:2:1: 分类目录中编码 2010350 没有名称"},
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

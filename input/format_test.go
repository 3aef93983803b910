package input

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// diffDocs lists the differences between two documents field by field,
// ignoring positions and the document's own bookkeeping (File, Keys …);
// resolved code names are compared too.
func diffDocs(a, b *Document) []string {
	var out []string
	diffValues(reflect.ValueOf(a).Elem(), reflect.ValueOf(b).Elem(), "", &out)
	return out
}

var decimalType = reflect.TypeOf(decimal.Decimal{})

func diffValues(a, b reflect.Value, path string, out *[]string) {
	if len(*out) >= 20 {
		return
	}
	differ := func(x, y any) { *out = append(*out, fmt.Sprintf("%s: %v ≠ %v", path, x, y)) }
	switch {
	case a.Type() == posType:
		return
	case a.Type() == decimalType:
		if x, y := a.Interface().(decimal.Decimal), b.Interface().(decimal.Decimal); !x.Equal(y) {
			differ(x, y)
		}
		return
	}
	switch a.Kind() {
	case reflect.Struct:
		for i := 0; i < a.NumField(); i++ {
			f := a.Type().Field(i)
			if path == "" && f.Tag.Get("yaml") == "-" {
				continue // File, Keys …: where the document came from
			}
			diffValues(a.Field(i), b.Field(i), join(path, f.Name), out)
		}
	case reflect.Slice, reflect.Array:
		if a.Kind() == reflect.Slice && a.IsNil() != b.IsNil() && strings.ContainsAny(path, ".[") {
			differ(fmt.Sprintf("nil %v", a.IsNil()), fmt.Sprintf("nil %v", b.IsNil())) // [] is not absent below the top level
			return
		}
		if a.Len() != b.Len() {
			differ(fmt.Sprintf("%d items", a.Len()), fmt.Sprintf("%d items", b.Len()))
			return
		}
		for i := 0; i < a.Len(); i++ {
			diffValues(a.Index(i), b.Index(i), fmt.Sprintf("%s[%d]", path, i), out)
		}
	case reflect.Pointer:
		if a.IsNil() != b.IsNil() {
			differ(a.IsNil(), b.IsNil())
		} else if !a.IsNil() {
			diffValues(a.Elem(), b.Elem(), path, out)
		}
	case reflect.Map:
		if a.Len() != b.Len() {
			differ(fmt.Sprintf("%d entries", a.Len()), fmt.Sprintf("%d entries", b.Len()))
		}
		for it := a.MapRange(); it.Next(); {
			if y := b.MapIndex(it.Key()); !y.IsValid() || y.String() != it.Value().String() {
				differ(it.Key().String()+"="+it.Value().String(), y)
			}
		}
	case reflect.String:
		if a.String() != b.String() {
			differ(fmt.Sprintf("%q", a.String()), fmt.Sprintf("%q", b.String()))
		}
	case reflect.Int, reflect.Int64:
		if a.Int() != b.Int() {
			differ(a.Int(), b.Int())
		}
	case reflect.Uint8:
		if a.Uint() != b.Uint() {
			differ(a.Uint(), b.Uint())
		}
	case reflect.Bool:
		if a.Bool() != b.Bool() {
			differ(a.Bool(), b.Bool())
		}
	default:
		panic("diffValues: " + a.Type().String())
	}
}

// roundTrip formats a document and decodes the result, failing on any
// decoding problem; formatting that again must give the same bytes.
func roundTrip(t *testing.T, doc *Document, o FormatOptions) (*Document, []byte) {
	t.Helper()
	out := Format(doc, o)
	back, err := Decode("formatted.yaml", out, nil)
	if err != nil {
		t.Fatalf("the formatted file does not decode: %v\n%s", err, numbered(out))
	}
	if again := Format(back, o); string(again) != string(out) {
		t.Errorf("formatting the decoded file again gives another file:\n%s", numbered(again))
	}
	return back, out
}

func numbered(b []byte) string {
	lines := strings.Split(string(b), "\n")
	for i := range lines {
		lines[i] = fmt.Sprintf("%4d  %s", i+1, lines[i])
	}
	return strings.Join(lines, "\n")
}

const formatBase = `schema: 1
year: 2025
department: {code: "012", name: 某某局, region: 某某市}
units:
  - {name: 某某局, kind: administrative, overall_goal: true}
  - {name: 某某中心, kind: institution}
`

// roundTripInputs are master inputs whose Format decodes to the same document.
var roundTripInputs = map[string]string{
	"sample": string(Sample),
	"yuan": `schema: 1
year: 2025
amount_unit: 元
department: {name: 某某局}
units:
  - {name: 某某局, kind: administrative}
expenditures:
  - {code: "2010301", basic: 12494500.123456}
  - {code: "2010399", project: 250000}
  - {code: "2010399", source: unit_funds, project: 0.5}
  - {code: "2010350", basic: 9876543210123.000001}
basic_by_economic:
  - {dept: "30101", gov: "50101", amount: 746900.000001, unit: 某某局}
  - {dept: "30102", gov: "50101", amount: ~}
projects:
  - {unit: 某某局, name: 项目甲, amounts: 250000}
  - {unit: 某某局, name: 项目乙, amounts: {general_public: 0, unit_funds: 0.5}}
three_public: {reception: 1000.10, vehicle_operation: {general_public: 121000, government_fund: 0.000001}}
operating_costs:
  - {unit: 某某局, amount: 1999100.1}
prior_year: {total: 46555900, three_public: {reception: 0}}
procurement: {goods: 0.01}
performance: {overall_goal_amount: 0}
`,
	"every source": formatBase + `expenditures:
  - {code: "2010301", basic: 10.00}
  - {code: "2010301", source: government_fund, basic: 1.00}
  - {code: "2010301", source: state_capital, basic: 2.00}
  - {code: "2010301", source: special_account, basic: 987654321.89}
  - {code: "2010301", source: unit_funds, basic: 4.00, project: 0}
projects:
  - {unit: 某某局, name: 甲, amounts: {general_public: 1.00, government_fund: 2.00, state_capital: 3.00, special_account: 4.00, unit_funds: 5.00}}
  - {unit: 某某中心, name: 乙, amounts: {unit_funds: 5.00}}
  - {unit: 某某中心, name: 丙, amounts: {general_public: 0}}
three_public:
  outbound_travel: {general_public: 1.00, government_fund: 0.50, state_capital: 0}
  reception: 0
operating_costs:
  - {unit: 某某局, amount: {general_public: 1.00, state_capital: 2.00}}
`,
	"carry-over": formatBase + `expenditures:
  - {code: "2010301", basic: 10.00}
  - {code: "2010301", carryover: true, basic: 1.00}
  - {code: "2010399", source: government_fund, carryover: true, project: 5.25}
projects:
  - {unit: 某某局, name: 甲, amounts: {government_fund: 5.25}, carryover: true, category: specific_goal}
  - {unit: 某某局, name: 甲, amounts: 1.00, category: other_operating}
prior_year:
  total: 100.00
  general_public: 90.00
  three_public: {outbound_travel: 0, reception: 1.5, vehicle_purchase: 0, vehicle_operation: 2}
  operating_costs: 10
reasons:
  total_change: 根据年度工作安排，增加项目经费
  general_public_change: "原因: 见说明"
  three_public_change: |
    第一条。
    第二条。
  operating_costs_change: 严格控制一般性支出
assets:
  as_of: 2024-12-31
  vehicles: {quota: 4, actual: 4, leader: 1, confidential: 1, emergency: 0, law_enforcement: 0, special_technical: 0, institution_business: 0, other: 2}
  office_area_m2: 5075.36
  equipment_over_500k: 0
  equipment_over_1m: 3
performance: {overall_goal_amount: 12.5}
`,
	"goal forms": formatBase + `projects:
  - unit: 某某局
    name: 全表
    amounts: 12.00
    category: specific_goal
    performance_goal:
      attribute: 经常性项目（长期开展）
      period: "99年"
      funds:
        total: {amount: 120000, central: 0, provincial: 0, local: 120000, self_raised: 0, other: 0.5}
        annual: {amount: 120000}
      summary: |
        第一段。
        第二段: 含冒号 # 和井号
      basis: " 前导空格\n  第二行"
      necessity: |-
        无末尾换行
          缩进的第二行
      measures: "末尾两个换行\n\n"
      plan: "行尾空格 \n第二行"
      period_goal: "制表\t符"
      annual_goal: "\n开头是换行"
      period_indicators:
        - {level2: 数量指标, name: 甲, value: "≥90%"}
        - {level2: 经济效益指标}
        - {level2: 成本指标, name: "a, b", value: "{x}"}
      annual_indicators: []
      responsible: 张三
      handler: 李四
      phone: "0352-1234567"
      filed_on: "20231026183301"
  - unit: 某某局
    name: 空表
    amounts: 1.00
    performance_goal: {}
  - unit: 某某中心
    name: 部分
    amounts: {unit_funds: 1.00}
    carryover: false
    performance_goal:
      funds: {total: {amount: 10000}}
      annual_indicators:
        - {level2: 服务对象满意度, name: 满意度, value: "100%"}
`,
	"layout keys": formatBase + `expenditures:
  - {code: "2010301", basic: 10.00}
  - {code: "2010301", source: unit_funds, income_kind: business, basic: 1.00}
  - {code: "2010301", source: unit_funds, income_kind: operating, basic: 2.00}
  - {code: "2010301", source: unit_funds, basic: 3.00}
  - {code: "2010301", source: special_account, income_kind: other, carryover: true, project: 4.00}
  - {code: "2010350", basic: 1.00}
  - {code: "2010399", project: 1.00}
subject_purposes:
  - {code: "2010301", purpose: 主要用于机关日常运转, prior_executed: 12.34}
  - {code: "2010350", purpose: "主要用于: 其他, 含逗号 # 和井号"}
  - {code: "2010399", prior_executed: 0}
prior_year: {total: 100.00, fiscal: 80.00, government_fund: 0, state_capital: 1.5}
procurement: {goods: 10.00, reserved_sme: 8.00, reserved_small_micro: 0}
assets:
  vehicles: {quota: 9, actual: 9, ministerial_leader: 1, main_leader: 2, confidential: 0, retired_cadres: 3, other: 3}
  equipment_over_1m: 1
  planned_purchases:
    vehicles: {main_leader: 1, other: 0}
    equipment_over_1m: 2
`,
	"project descriptions": formatBase + `print_format: {decimals: 0, empty: zero}
projects:
  - unit: 某某中心
    name: 甲项目
    amounts: {unit_funds: 1.00}
    description:
      overview: "为保障……，开展……: 含冒号"
      basis: |
        《某某条例》
        《某某办法》
      implementer: 某某中心
      plan: "分三个阶段实施。\n  缩进的第二行"
      period: "2025年"
      schedule: "第一季度用款计划0.25万元，# 含井号"
      goals: "行尾空格 "
    performance_goal: {summary: 概况}
  - {unit: 某某中心, name: 乙项目, amounts: 1.00, description: {}}
  - unit: 某某中心
    name: 丙项目
    amounts: 1.00
    description: {goals: 完成……}
`,
	"planned purchases alone": formatBase + `print_format: {empty: blank}
assets:
  planned_purchases: {equipment_over_1m: 0}
prior_year: {state_capital: 0}
procurement: {reserved_small_micro: 1.00}
`,
	"names and glossary": formatBase + `code_names:
  - {code: "21305", name: 某款}
  - {code: "2130599", name: 其他某项支出}
  - {code: "20103", name: 改印的款名}
overview:
  duties: |
    第一段。

    空行之后的第二段。
  organization: 一行
expenditures:
  - {code: "2130599", basic: 1.00}
  - {code: "2010301", name: 行政运行（改印）, basic: 2.00}
  - {code: "2010350", name: " 前后有空格 ", basic: 3.00}
basic_by_economic:
  - {dept: "30101", dept_name: 基本工资（改）, gov: "50101", amount: 1.00, unit: 某某局}
  - {dept: "30201", gov: "50201", gov_name: 办公经费（改）, amount: 2.00}
government_fund_revenue:
  - {code: "1030148", name: 某基金收入, amount: 2.00}
state_capital_revenue:
  - {code: "1030601", name: 利润收入, amount: 3.00}
notes:
  purchase_of_services: |
    第一段。
    第二段。
  other: 无
glossary:
  - {term: 机关运行经费, text: "指……\n第二段"}
  - {term: 新名词, text: "解释: 含冒号"}
  - {term: "甲,乙", text: 逗号}
`,
}

// TestFormatRoundTrip: the sample and variants decode, format and decode
// again to the same document.
func TestFormatRoundTrip(t *testing.T) {
	s := compiledSchema(t)
	for name, text := range roundTripInputs {
		t.Run(name, func(t *testing.T) {
			doc, err := Decode(name+".yaml", []byte(text), nil)
			if err != nil {
				t.Fatal(err)
			}
			for _, o := range []FormatOptions{{}, {Examples: true, Header: []string{"说明"}, Todo: []string{"待办"},
				Comments: map[string][]string{"units[0]": {"注释"}, "projects[0].amounts": {"注释"}}},
				{Examples: true, LayoutKeys: LayoutKeys()}} {
				back, out := roundTrip(t, doc, o)
				for _, d := range diffDocs(doc, back) {
					t.Error(d)
				}
				if err := s.Validate(asJSON(t, out)); err != nil {
					t.Errorf("the schema rejects the formatted file: %v", err)
				}
			}
		})
	}
}

// TestFormatAmounts: amounts in the document's unit, exact, never through float64.
func TestFormatAmounts(t *testing.T) {
	doc, err := Decode("yuan.yaml", []byte(roundTripInputs["yuan"]), nil)
	if err != nil {
		t.Fatal(err)
	}
	out := string(Format(doc, FormatOptions{}))
	for _, want := range []string{
		`amount_unit: 元`,
		`- {code: "2010301", basic: 12494500.123456}`,
		`- {code: "2010399", project: 250000.00}`,
		`- {code: "2010399", source: unit_funds, project: 0.50}`,
		`- {code: "2010350", basic: 9876543210123.000001}`,
		`- {unit: 某某局, name: 项目乙, amounts: {general_public: 0.00, unit_funds: 0.50}}`,
		`vehicle_operation: {general_public: 121000.00, government_fund: 0.000001}`,
		`reception: 1000.10`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
	doc.AmountUnit = "万元"
	doc.Expenditures[1].Project.Value = decimal.RequireFromString("987654321.89") // the largest figures a cell holds
	out = string(Format(doc, FormatOptions{}))
	for _, want := range []string{`amount_unit: 万元`, `- {code: "2010301", basic: 1249.4500123456}`, `- {code: "2010399", project: 987654321.89}`} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
}

// TestPlainSafe: which strings are written unquoted, in a block and in a
// flow map (YAML 1.1 words too, which an editor may read as bools).
func TestPlainSafe(t *testing.T) {
	cases := []struct {
		s           string
		block, flow bool
	}{
		{"大同市人民政府办公室", true, true}, {"大同市人民政府办公室[部门]", true, false}, {"甲局,乙局", true, false},
		{"反\\斜", true, true}, {"项目🚀", true, true}, {"≥90%", true, true}, {"a:b", true, false}, {"a#b", true, false},
		{"Yes", false, false}, {"on", false, false}, {"y", false, false}, {"NULL", false, false}, {"~", false, false},
		{"100%", false, false}, {"2024-01-01", false, false}, {"a: b", false, false}, {"a #b", false, false}, {"a:", false, false},
		{"- 项目", false, false}, {"#1", false, false}, {" lead", false, false}, {"trail ", false, false}, {"制表\t符", false, false},
		{"第一行\n第二行", false, false}, {"", false, false}, {"\"引号\"", false, false}, {"\xff", false, false},
	}
	for _, c := range cases {
		if got := plainSafe(c.s, false); got != c.block {
			t.Errorf("%q in a block: plain %v, want %v", c.s, got, c.block)
		}
		if got := plainSafe(c.s, true); got != c.flow {
			t.Errorf("%q in a flow map: plain %v, want %v", c.s, got, c.flow)
		}
	}
	if got, want := dquote("\"反\\斜\"\n\t\x01\u2028\xff"), `"\"反\\斜\"\n\t\u0001\u2028`+"\uFFFD"+`"`; got != want {
		t.Errorf("quoted as %s, want %s", got, want)
	}
}

// nastyNames are texts that YAML would misread if written plain.
var nastyNames = []string{
	"大同市人民政府办公室[部门]", "甲局,乙局", "a: b", "a:", "#1", "a #b", "{x}", "[x]", "- 项目", "-x", "? x",
	"null", "Null", "~", "Yes", "no", "ON", "y", "true", "False", "123", "1.0", "0x1F", "1e3", ".inf", "2024-01-01",
	" lead", "trail ", "\"引号\"", "'单引号'", "反\\斜", "第一行\n第二行", "末尾换行\n", "项目🚀", "制表\t符",
	"&anchor", "*alias", "!tag", "%dir", "@at", "`tick`", "|pipe", ">fold", "...", "---", "<<", "=",
	"控制\x01字符", "第一行\n控制\x01", "第一行\n\t第二行", "\u2028分隔", "\ufeff开头", "全角　空格　", "\u00a0不换行空格",
}

// TestFormatNastyNames: each nasty text, as a department, unit and project
// name and as a text, decodes back to itself.
func TestFormatNastyNames(t *testing.T) {
	base := formatBase + `expenditures:
  - {code: "2010301", name: 行政运行（改）, basic: 1.00}
basic_by_economic:
  - {dept: "30101", gov: "50101", amount: 1.00, unit: 某某局}
projects:
  - {unit: 某某局, name: 甲, amounts: 1.00}
  - unit: 某某局
    name: 乙
    amounts: 1.00
    performance_goal:
      summary: 概况
      period_indicators:
        - {level2: 数量指标, name: 甲, value: 乙}
operating_costs:
  - {unit: 某某局, amount: 1.00}
glossary:
  - {term: 名词, text: 解释}
`
	for _, s := range nastyNames {
		t.Run(fmt.Sprintf("%q", s), func(t *testing.T) {
			doc, err := Decode("base.yaml", []byte(base), nil)
			if err != nil {
				t.Fatal(err)
			}
			texts := []*Text{&doc.Department.Name, &doc.Department.Region, &doc.Units[0].Name, &doc.Projects[0].Unit,
				&doc.Projects[1].Unit, &doc.OperCosts[0].Unit, &doc.BasicByEcon[0].Unit, &doc.Projects[0].Name,
				&doc.Expenditures[0].Name, &doc.Reasons.TotalChange, &doc.Notes.Other, &doc.Overview.Duties,
				&doc.Glossary[0].Term, &doc.Glossary[0].Text, &doc.Projects[1].Goal.Summary,
				&doc.Projects[1].Goal.PeriodInd[0].Name, &doc.Projects[1].Goal.PeriodInd[0].Value}
			for _, p := range texts {
				p.Value = s
			}
			if _, formula := FormulaLead(s); formula {
				// A name a spreadsheet would run as a formula is written
				// exactly, and refused as a name, with that reason only.
				_, err := Decode("formatted.yaml", Format(doc, FormatOptions{}), nil)
				if err == nil {
					t.Fatalf("%q as a name is accepted", s)
				}
				for _, line := range strings.Split(err.Error(), "\n") {
					if !strings.Contains(line, "当作公式") {
						t.Errorf("%q as a name: %s", s, line)
					}
				}
				// The texts that are no names still read back exactly.
				for _, p := range []*Text{&doc.Department.Name, &doc.Units[0].Name, &doc.Projects[0].Unit,
					&doc.Projects[1].Unit, &doc.OperCosts[0].Unit, &doc.BasicByEcon[0].Unit, &doc.Projects[0].Name,
					&doc.Expenditures[0].Name} {
					p.Value = "某某局"
				}
				doc.Projects[0].Name.Value = "甲"
				doc.Expenditures[0].Name.Value = "行政运行（改）"
				back, out := roundTrip(t, doc, FormatOptions{})
				for i, p := range []*Text{&back.Department.Region, &back.Reasons.TotalChange, &back.Notes.Other,
					&back.Overview.Duties, &back.Glossary[0].Term, &back.Glossary[0].Text, &back.Projects[1].Goal.Summary,
					&back.Projects[1].Goal.PeriodInd[0].Name, &back.Projects[1].Goal.PeriodInd[0].Value} {
					if p.Value != s {
						t.Errorf("text %d reads back as %q\n%s", i, p.Value, numbered(out))
					}
				}
				return
			}
			back, out := roundTrip(t, doc, FormatOptions{})
			got := []*Text{&back.Department.Name, &back.Department.Region, &back.Units[0].Name, &back.Projects[0].Unit,
				&back.Projects[1].Unit, &back.OperCosts[0].Unit, &back.BasicByEcon[0].Unit, &back.Projects[0].Name,
				&back.Expenditures[0].Name, &back.Reasons.TotalChange, &back.Notes.Other, &back.Overview.Duties,
				&back.Glossary[0].Term, &back.Glossary[0].Text, &back.Projects[1].Goal.Summary,
				&back.Projects[1].Goal.PeriodInd[0].Name, &back.Projects[1].Goal.PeriodInd[0].Value}
			for i, p := range got {
				if p.Value != s {
					t.Errorf("text %d reads back as %q\n%s", i, p.Value, numbered(out))
				}
			}
		})
	}
}

// TestFormatEveryKey: the Format of an empty document with examples shows
// every key of the schema, as a key or commented out, in its block (the
// keys only some layouts use when asked for: TestFormatLayoutKeys).
func TestFormatEveryKey(t *testing.T) {
	for name, doc := range map[string]*Document{"empty": {}, "skeleton": mustDecode(t, Skeleton(2025, "某某局"))} {
		out := string(Format(doc, FormatOptions{Examples: true, LayoutKeys: LayoutKeys()}))
		blocks := map[string]string{}
		for _, chunk := range strings.Split(out, "\n\n") {
			if m := regexp.MustCompile(`(?m)^([a-z_0-9]+):`).FindAllStringSubmatch(chunk, -1); len(m) == 1 {
				blocks[m[0][1]] = chunk
			}
		}
		for _, p := range SchemaPaths() {
			segs := strings.Split(strings.ReplaceAll(p, "[]", ""), ".")
			if len(segs) == 1 {
				if !regexp.MustCompile(`(?m)^(# )?`+p+`:`).MatchString(out) || p != "layout" && !regexp.MustCompile(`(?m)^`+p+`:`).MatchString(out) {
					t.Errorf("%s: no top-level key %s", name, p)
				}
				continue
			}
			leaf := segs[len(segs)-1]
			if !regexp.MustCompile(`(^|[\s{,#])`+leaf+`: `).MatchString(blocks[segs[0]]) &&
				!regexp.MustCompile(`(?m)(^|[\s{,#])`+leaf+`:$`).MatchString(blocks[segs[0]]) {
				t.Errorf("%s: key %s not shown in block %s:\n%s", name, p, segs[0], blocks[segs[0]])
			}
		}
	}
}

func mustDecode(t *testing.T, data []byte) *Document {
	t.Helper()
	doc, err := Decode("test.yaml", data, nil)
	if err != nil {
		t.Fatalf("%v\n%s", err, numbered(data))
	}
	return doc
}

// TestFormatOptions: header, to-do list and comments where they are asked for.
func TestFormatOptions(t *testing.T) {
	doc := mustDecode(t, Sample)
	o := FormatOptions{
		Header: []string{"由 表.xlsx 导入"},
		Todo:   []string{"填写 prior_year", "核对项目"},
		Comments: map[string][]string{
			"three_public":                 {"三公注释"},
			"expenditures[3]":              {"第四行注释"},
			"expenditures[4].basic":        {"第五行金额注释"},
			"projects[3].performance_goal": {"目标表注释", "第二行"},
			"prior_year.total":             {"上年总计注释"},
			"nothing[9]":                   {"不会出现"},
		},
	}
	back, out := roundTrip(t, doc, o)
	for _, d := range diffDocs(doc, back) {
		t.Error(d)
	}
	text := string(out)
	for _, want := range []string{
		"# yaml-language-server: $schema=budgetpub-schema.json\n# 大同市人民政府办公室[部门] 2024年度部门预算公开 —— budgetpub 主输入文件\n# 由 表.xlsx 导入\n",
		"# 还需填写：\n#   1. 填写 prior_year\n#   2. 核对项目\n",
		"# 三公注释\nthree_public:\n",
		"  # 第四行注释\n  - {code: \"2070110\"",
		"  # 第五行金额注释\n  - {code: \"2080501\"",
		"    # 目标表注释\n    # 第二行\n    performance_goal:\n",
		"  # 上年总计注释\n  total: 4655.59",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("no %q in\n%s", want, numbered(out))
		}
	}
	if strings.Contains(text, "不会出现") {
		t.Error("a comment for a path that names nothing was written")
	}
}

// TestFormatNames: a line's name the embedded catalog gives anyway is left
// out; names from a user's catalog go into code_names, so the file decodes
// with the embedded catalog alone and every code keeps its name.
func TestFormatNames(t *testing.T) {
	dir := t.TempDir()
	csv := filepath.Join(dir, "catalog.csv")
	if err := os.WriteFile(csv, []byte("21305,用户款\n2130599,用户项\n30101,改名的基本工资\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cat, err := LoadCatalog(csv)
	if err != nil {
		t.Fatal(err)
	}
	in := formatBase + `expenditures:
  - {code: "2130599", basic: 1.00}
  - {code: "2010301", name: 行政运行, basic: 2.00}
basic_by_economic:
  - {dept: "30101", gov: "50101", amount: 1.00}
`
	doc, err := Decode("in.yaml", []byte(in), cat)
	if err != nil {
		t.Fatal(err)
	}
	out := Format(doc, FormatOptions{})
	back := mustDecode(t, out)
	for _, code := range []string{"213", "21305", "2130599", "20103", "2010301", "30101", "301", "50101"} {
		if back.Name(code) != doc.Name(code) {
			t.Errorf("%s: named %q, was %q", code, back.Name(code), doc.Name(code))
		}
	}
	text := string(out)
	for _, want := range []string{`- {code: "21305", name: 用户款}`, `- {code: "2130599", name: 用户项}`, `- {code: "30101", name: 改名的基本工资}`,
		`- {code: "2010301", basic: 2.00}`, `# 行政运行`, `# 改名的基本工资 / 工资奖金津补贴`} {
		if !strings.Contains(text, want) {
			t.Errorf("no %q in\n%s", want, numbered(out))
		}
	}
}

// TestSkeleton: the skeleton decodes, its unit is the department without
// [部门], every name comes back exactly, and its example lines, uncommented,
// decode too.
func TestSkeleton(t *testing.T) {
	cases := map[string]string{"": "某某部门", "某某局": "某某局", "大同市人民政府办公室[部门]": "大同市人民政府办公室",
		"某某局（部门）": "某某局", "[部门]": "[部门]"}
	for _, s := range nastyNames {
		if _, ok := cases[s]; !ok {
			cases[s] = unitName(s)
		}
		if _, formula := FormulaLead(s); formula {
			delete(cases, s) // init refuses it (TestFormatNastyNames: refused as a name)
		}
	}
	for name, unit := range cases {
		out := Skeleton(2025, name)
		doc, err := Decode("skeleton.yaml", out, nil)
		if err != nil {
			t.Fatalf("%q: %v\n%s", name, err, numbered(out))
		}
		want := name
		if want == "" {
			want = "某某部门"
		}
		if doc.Department.Name.Value != want {
			t.Errorf("%q: department.name reads back as %q", name, doc.Department.Name.Value)
		}
		if len(doc.Units) != 1 || doc.Units[0].Name.Value != unit {
			t.Errorf("%q: units %+v, want one named %q", name, doc.Units, unit)
		}
		if name != "[部门]" && (strings.HasSuffix(doc.Units[0].Name.Value, "[部门]") || strings.HasSuffix(doc.Units[0].Name.Value, "（部门）")) {
			t.Errorf("%q: unit %q", name, doc.Units[0].Name.Value)
		}
	}

	out := string(Skeleton(2025, "某某局"))
	for _, want := range []string{"expenditures: []\n# - {code: \"2010301\", basic: 0.00}",
		"basic_by_economic: []\n# - {dept: \"30101\", gov: \"50101\", amount: 0.00}",
		"source: general_public 一般公共预算（默认）", "\n  name: 某某局", "怎么填："} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in the skeleton", want)
		}
	}
	filled := mustDecode(t, uncommented(out))
	if len(filled.Expenditures) != 3 || len(filled.Projects) != 2 || filled.Projects[1].Goal == nil ||
		len(filled.Projects[1].Goal.PeriodInd) != 1 || !filled.Assets.Vehicles.Quota.Set || filled.Reasons.TotalChange.Value == "" {
		t.Errorf("the uncommented skeleton lacks its examples: %+v", filled)
	}
}

// uncommented is a skeleton with every example and commented key below
// the blocks' keys uncommented.
func uncommented(out string) []byte {
	keyRe := regexp.MustCompile(`^([a-z_]+):( \[\]| \{\})?$`)
	var lines []string
	for _, chunk := range strings.Split(out, "\n\n") {
		in := false
		for _, l := range strings.Split(chunk, "\n") {
			if m := keyRe.FindStringSubmatch(l); m != nil {
				in = true
				l = m[1] + ":"
			} else if in {
				l = regexp.MustCompile(`^( *)# `).ReplaceAllString(l, "$1")
			}
			lines = append(lines, l)
		}
		lines = append(lines, "")
	}
	return []byte(strings.Join(lines, "\n"))
}

// TestFormatBuiltDocument: a document built in Go, as an importer builds
// it (no positions, no resolved names, sources given only as Src or by Set
// amounts, no unit), is written so that it decodes to what was meant.
func TestFormatBuiltDocument(t *testing.T) {
	amount := func(s string) Amount { return Amount{Value: decimal.RequireFromString(s), Set: true} }
	by := func(s Source, v string) BySource {
		var b BySource
		b.Amounts[s] = amount(v)
		return b
	}
	text := func(s string) Text { return Text{Value: s} }
	doc := &Document{Year: 2025, Department: Department{Name: text("某某局")},
		Units: []Unit{{Name: text("某某局"), Kind: text(KindAdministrative)}},
		Expenditures: []Expenditure{
			{Code: text("2010301"), Name: text("行政运行"), Basic: amount("1.5")},
			{Code: text("2010399"), Src: UnitFunds, Project: amount("2")},
		},
		BasicByEcon: []EconomicLine{{Dept: text("30101"), DeptName: text("工资（导入）"), Gov: text("50101"), Amount: amount("1.5")}},
		Projects:    []Project{{Unit: text("某某局"), Name: text("甲"), Amounts: by(UnitFunds, "2")}},
		ThreePublic: ThreePublic{Reception: by(GeneralPublic, "0")},
	}
	out := Format(doc, FormatOptions{})
	back := mustDecode(t, out)
	text2 := string(out)
	for _, want := range []string{"amount_unit: 万元", `- {code: "2010301", basic: 1.50}`, "# 行政运行",
		`- {code: "2010399", source: unit_funds, project: 2.00}`, `dept_name: 工资（导入）`, "amounts: {unit_funds: 2.00}", "reception: 0.00"} {
		if !strings.Contains(text2, want) {
			t.Errorf("no %q in\n%s", want, numbered(out))
		}
	}
	if back.Expenditures[1].Src != UnitFunds || back.Name("30101") != "工资（导入）" || back.Name("2010301") != "行政运行" ||
		!back.Projects[0].Amounts.Amounts[UnitFunds].Value.Equal(decimal.NewFromInt(2)) || !back.ThreePublic.Reception.Given(GeneralPublic) {
		t.Errorf("decoded as %+v", back)
	}
}

package opendata

import (
	"encoding/json"
	"reflect"
	"regexp"
	"sort"
	"strings"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
)

// Patterns of the decimal strings: any exact decimal, and a printed figure
// with exactly two decimals.
const (
	DecimalPattern = `^-?[0-9]+(\.[0-9]+)?$`
	PrintedPattern = `^-?[0-9]+\.[0-9]{2}$`
	keyPattern     = `^[a-z][a-z0-9_]*$`
)

// Schema returns the JSON Schema (draft 2020-12) of what JSON writes, with
// Chinese descriptions: every key required (but draft, left_key and exact,
// which appear only when there is something to say), no unknown keys,
// amounts as decimal strings. The figures of 第三部分 are described from
// the default layout's Facts itself, so the two cannot drift apart.
func Schema() []byte { return SchemaFor(defaultProfile()) }

// SchemaFor is the JSON Schema of a layout's open data: its facts' keys
// are those of the profile's Facts (Profile.Wording), each described.
func SchemaFor(p *render.Profile) []byte {
	tableIDPattern, idRange := tableIDs(p)
	str := func(desc string) map[string]any { return map[string]any{"type": "string", "description": desc} }
	ref := func(name, desc string) map[string]any {
		s := map[string]any{"$ref": "#/$defs/" + name}
		if desc != "" {
			s["description"] = desc
		}
		return s
	}
	obj := func(desc string, props map[string]any, optional ...string) map[string]any {
		skip := map[string]bool{}
		for _, o := range optional {
			skip[o] = true
		}
		req := []string{}
		for k := range props {
			if !skip[k] {
				req = append(req, k)
			}
		}
		sort.Strings(req)
		return map[string]any{"type": "object", "description": desc, "properties": props, "required": req, "additionalProperties": false}
	}
	byColumn := func(desc string, value map[string]any) map[string]any {
		return map[string]any{"type": "object", "description": desc,
			"propertyNames": map[string]any{"pattern": keyPattern}, "additionalProperties": value}
	}
	roles := []string{}
	for _, r := range roleOrder {
		roles = append(roles, roleNames[r])
	}

	defs := map[string]any{
		"decimal": map[string]any{"type": "string", "pattern": DecimalPattern,
			"description": "精确的十进制数字，写成字符串（不经浮点数），单位万元，如 \"1249.4512\""},
		"printed": map[string]any{"type": "string", "pattern": PrintedPattern,
			"description": "表中印出的数字：万元，四舍五入保留两位小数，写成字符串，如 \"1249.45\"；零为 \"0.00\"（表中印为空白）"},
		"row_key": map[string]any{
			"description": "行的键：角色、编码或名称、子名称，在表的一侧中唯一；该侧为空时为 null",
			"oneOf": []any{
				map[string]any{"type": "null"},
				obj("行的键", map[string]any{
					"role": map[string]any{"type": "string", "enum": roles, "description": "行代表什么：total 合计/总计，current_total 本年收入（支出）合计，carryover 上年结转，source 一种资金来源的收入，carry_source 一种资金来源的上年结转收入，code 分类科目（功能分类类/款/项、部门经济分类类、收入科目），econ 部门经济分类款与政府经济分类款的组合，item 表10 的项目，unit 预算单位，project 项目"},
					"id":   str("编码、资金来源的键、项目键或单位名称；合计等行为空"),
					"sub":  str("econ 行的政府经济分类编码，project 行的项目名称；其余为空"),
				}),
			},
		},
		"column": obj("表的一列", map[string]any{
			"key":    map[string]any{"type": "string", "pattern": keyPattern, "description": "列的键：total 合计，basic 基本支出，project 项目支出，current 本年，carryover 上年结转，personnel 人员经费，public 公用经费，income 收入，revenue 收入预算，code/name 科目编码/名称，item 项目名称，或资金来源的键（见 sources）"},
			"title":  str("列标题：表头中该列上方各格的文字，自上而下以 / 连接"),
			"header": map[string]any{"type": "array", "items": map[string]any{"type": "string"}, "description": "表头中该列上方各格的文字，自上而下"},
			"kind":   map[string]any{"type": "string", "enum": []string{"text", "code", "amount"}, "description": "text 文字，code 编码（文字，保留前导零），amount 金额（万元）"},
			"side":   map[string]any{"type": "string", "enum": []string{"main", "left"}, "description": "两栏表（表1、4、9）中所属一侧：left 左侧收入栏，main 右侧支出栏；其余表均为 main"},
		}),
		"row": obj("表体的一行；两栏表中左右两侧并排，各有其键，空的一侧不写文字和金额", map[string]any{
			"kind":     map[string]any{"type": "string", "enum": []string{"item", "total", "subtotal"}, "description": "item 明细行，total 合计/总计行，subtotal 类、款或单位小计行"},
			"level":    map[string]any{"type": "integer", "minimum": 0, "description": "缩进层级：0 合计，1 类（或单位），2 款，3 项（或项目）"},
			"key":      ref("row_key", "主侧（右侧支出栏；单栏表即整行）的行键"),
			"left_key": ref("row_key", "两栏表左侧收入栏的行键（只在两栏表中出现）"),
			"texts":    byColumn("文字和编码，按列的键", map[string]any{"type": "string"}),
			"amounts":  byColumn("金额，按列的键：表中印出的两位小数", ref("printed", "")),
			"exact":    byColumn("精确金额，按列的键：只列与印出数字不同的（如以元填报时）", ref("decimal", "")),
		}, "left_key", "exact"),
		"table": obj("一张公开表", map[string]any{
			"id":      map[string]any{"type": "string", "pattern": tableIDPattern, "description": "表的稳定标识：" + idRange},
			"number":  map[string]any{"type": "integer", "minimum": 1, "description": "预算公开表的序号"},
			"label":   str("表上方印的文字：预算公开表N"),
			"title":   str("表题：{年度}年……"),
			"unit":    str("金额单位：万元"),
			"columns": map[string]any{"type": "array", "minItems": 1, "items": ref("column", ""), "description": "各列，按印出顺序"},
			"rows":    map[string]any{"type": "array", "items": ref("row", ""), "description": "表体各行，按印出顺序"},
			"notes":   map[string]any{"type": "array", "items": map[string]any{"type": "string"}, "description": "表下的注，如 注：本表无数据"},
		}),
		"prior": obj("上年数：set 为 false 时主输入没有填写，不作比较", map[string]any{
			"value": ref("decimal", "上年数（万元）"),
			"set":   map[string]any{"type": "boolean", "description": "主输入是否填写了上年数"},
		}),
		"item": obj("一项有名称的金额", map[string]any{
			"name":   str("名称"),
			"amount": ref("decimal", "金额（万元）"),
		}),
	}

	facts := map[string]any{}
	for _, f := range factFields(p.Wording.Data) {
		desc := factDescription(p, f.name)
		var s map[string]any
		switch f.kind {
		case factDecimal:
			s = ref("decimal", desc)
		case factPrior:
			s = ref("prior", desc)
		case factItems:
			s = map[string]any{"type": "array", "items": ref("item", ""), "description": desc}
		case factRecords:
			s = map[string]any{"type": "array", "description": desc, "items": recordSchema(p.Wording.Data.Field(f.index).Type.Elem(), ref, str)}
		case factRecord:
			s = recordSchema(p.Wording.Data.Field(f.index).Type, ref, str)
			s["description"] = desc
		case factStrings:
			s = map[string]any{"type": "array", "items": map[string]any{"type": "string"}, "description": desc}
		case factInt:
			s = map[string]any{"type": "integer", "description": desc}
		case factString:
			s = str(desc)
		case factBool:
			s = map[string]any{"type": "boolean", "description": desc}
		default:
			s = map[string]any{"description": desc}
		}
		facts[f.key] = s
	}
	defs["facts"] = obj("第三部分 部门预算情况说明引用的数字：每个数字与它对应的表格数字出自同一输入、同样求和", facts)

	sources := obj("一种资金来源", map[string]any{
		"key":    map[string]any{"type": "string", "enum": input.SourceKeys(), "description": "资金来源的键：作为列的键和 source 行的编码"},
		"title":  str("资金来源名称"),
		"fiscal": map[string]any{"type": "boolean", "description": "是否属于财政拨款"},
	})

	root := obj("一个部门一个年度的部门预算公开：13 张表的每一行每一个数字，以及第三部分引用的数字。金额均为万元，写成十进制字符串，不经浮点数。", map[string]any{
		"format":          map[string]any{"const": FormatName, "description": "文件格式的名称"},
		"version":         map[string]any{"const": FormatVersion, "description": "文件格式的版本"},
		"year":            map[string]any{"type": "integer", "description": "预算年度"},
		"department":      map[string]any{"type": "string", "minLength": 1, "description": "部门名称"},
		"department_code": str("部门编码（主输入未填写时为空）"),
		"region":          str("所属地区（主输入未填写时为空）"),
		"title":           str("公开文本的标题：{年度}年度部门预算公开"),
		"draft":           str("草稿说明：勾稽核对有错误仍然生成时才出现"),
		"unit":            str("各表金额的单位：万元"),
		"sources":         map[string]any{"type": "array", "items": sources, "description": "资金来源，按表中列的顺序"},
		"tables": map[string]any{"type": "object", "minProperties": 1, "description": "各表，按表的标识（" + idRange + "），按印出顺序",
			"patternProperties": map[string]any{tableIDPattern: ref("table", "")}, "additionalProperties": false},
		"facts": ref("facts", ""),
	}, "draft")
	root["$schema"] = "https://json-schema.org/draft/2020-12/schema"
	root["$id"] = "https://budgetpub.local/schema/open-data-1.json"
	root["title"] = "budgetpub 部门预算公开数据（JSON，version 1）"
	root["$defs"] = defs

	b, err := json.MarshalIndent(root, "", "  ")
	if err != nil {
		panic(err)
	}
	return append(b, '\n')
}

// recordSchema is the schema of one record of a list fact: an object of
// its fields, each by its kind, all required.
func recordSchema(t reflect.Type, ref func(name, desc string) map[string]any, str func(desc string) map[string]any) map[string]any {
	props := map[string]any{}
	var req []string
	for _, f := range factFields(t) {
		var s map[string]any
		switch f.kind {
		case factDecimal:
			s = ref("decimal", f.name)
		case factPrior:
			s = ref("prior", f.name)
		case factRecord:
			s = recordSchema(t.Field(f.index).Type, ref, str)
		case factRecords:
			s = map[string]any{"type": "array", "items": recordSchema(t.Field(f.index).Type.Elem(), ref, str)}
		case factItems:
			s = map[string]any{"type": "array", "items": ref("item", "")}
		case factStrings:
			s = map[string]any{"type": "array", "items": map[string]any{"type": "string"}}
		case factInt:
			s = map[string]any{"type": "integer"}
		case factBool:
			s = map[string]any{"type": "boolean"}
		default:
			s = str(f.name)
		}
		props[f.key] = s
		req = append(req, f.key)
	}
	sort.Strings(req)
	return map[string]any{"type": "object", "additionalProperties": false, "properties": props, "required": req}
}

// tableIDs are the pattern of a profile's table ids — the letters they
// share, then a number: ^T[0-9]+$ — and their range as said: T1 … T13.
func tableIDs(p *render.Profile) (pattern, said string) {
	if len(p.Tables) == 0 {
		return `^[A-Za-z0-9-]+$`, ""
	}
	var first, last, prefix string
	for i, d := range p.Tables {
		id := string(d.ID)
		if i == 0 {
			first, prefix = id, strings.TrimRight(id, "0123456789")
		}
		last = id
		if strings.TrimRight(id, "0123456789") != prefix {
			prefix = ""
		}
	}
	if prefix == "" {
		return `^[A-Za-z0-9-]+$`, first + " … " + last
	}
	return "^" + regexp.QuoteMeta(prefix) + "[0-9]+$", first + " … " + last
}

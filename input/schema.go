package input

import (
	"encoding/json"
	"reflect"
)

// Schema returns the JSON Schema (draft 2020-12) of the master input, made
// from the same Go types the decoder fills, so the two cannot drift apart:
// every key, every type, required keys, and no unknown keys. An editor with
// the YAML language server uses it for completion and checking.
func Schema() []byte {
	g := &schemaGen{}
	root := g.object(reflect.TypeOf(Document{}), "")
	root["$schema"] = "https://json-schema.org/draft/2020-12/schema"
	root["$id"] = "https://budgetpub.local/schema/master-input-1.json"
	root["title"] = "budgetpub 部门预算公开主输入文件（schema: 1）"
	b, err := json.MarshalIndent(root, "", "  ")
	if err != nil {
		panic(err)
	}
	return append(b, '\n')
}

// SchemaPaths lists every key path the schema describes (for tests).
func SchemaPaths() []string {
	g := &schemaGen{}
	g.object(reflect.TypeOf(Document{}), "")
	return g.paths
}

type schemaGen struct {
	paths      []string
	layoutKeys []string // the keys only some layouts use (layoutkeys.go)
}

var (
	amountSchema = map[string]any{
		"description": "金额：数字，不写千分位和单位（单位由 amount_unit 决定）",
		"type":        []string{"number", "string", "null"},
		"minimum":     0,
		"pattern":     `^[0-9]+(\.[0-9]+)?$`,
	}
	countSchema = map[string]any{"type": []string{"integer", "null"}, "minimum": 0}
	textSchema  = map[string]any{"type": []string{"string", "number", "null"}}
)

func (g *schemaGen) node(t reflect.Type, path string) map[string]any {
	var s map[string]any
	switch t {
	case amountType:
		s = clone(amountSchema)
	case countType:
		s = clone(countSchema)
	case textType:
		s = clone(textSchema)
	case bySourceType:
		props := map[string]any{}
		for _, src := range AllSources {
			props[src.Key()] = clone(amountSchema)
			props[src.Key()].(map[string]any)["description"] = src.Title()
		}
		s = map[string]any{"anyOf": []any{
			clone(amountSchema),
			map[string]any{"type": "object", "properties": props, "additionalProperties": false},
		}}
	default:
		switch t.Kind() {
		case reflect.Struct:
			s = g.object(t, path)
		case reflect.Slice:
			s = map[string]any{"type": []string{"array", "null"}, "items": g.node(t.Elem(), path+"[]")}
		case reflect.Pointer:
			s = g.node(t.Elem(), path)
			if ts := asTypes(s["type"]); !contains(ts, "null") {
				s["type"] = append(ts, "null")
			}
		case reflect.Int:
			s = map[string]any{"type": "integer"}
		case reflect.String:
			s = map[string]any{"type": "string"}
		case reflect.Bool:
			s = map[string]any{"type": []string{"boolean", "null"}}
		default:
			panic("input: no schema for " + t.String())
		}
	}
	if d, ok := schemaDescriptions[path]; ok {
		s["description"] = d
	}
	if e, ok := schemaEnums[path]; ok {
		s["enum"] = e
	}
	if path == "layout" { // the layouts registered by now
		s["type"] = "string"
		var ids []any
		for _, id := range Layouts() {
			ids = append(ids, id)
		}
		s["enum"] = ids
	}
	return s
}

func asTypes(v any) []string {
	switch t := v.(type) {
	case string:
		return []string{t}
	case []string:
		return append([]string(nil), t...)
	}
	return []string{"object"}
}

func (g *schemaGen) object(t reflect.Type, path string) map[string]any {
	props := map[string]any{}
	var required []string
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		key := f.Tag.Get("yaml")
		if key == "" || key == "-" {
			continue
		}
		p := key
		if path != "" {
			p = path + "." + key
		}
		g.paths = append(g.paths, p)
		if onlyLayout(f) {
			g.layoutKeys = append(g.layoutKeys, p)
		}
		props[key] = g.node(f.Type, p)
		if f.Tag.Get("kind") == "number" {
			props[key].(map[string]any)["pattern"] = `^[0-9]+(\.[0-9]+)?$`
		}
		if f.Tag.Get("req") == "1" {
			required = append(required, key)
		}
	}
	s := map[string]any{"type": []string{"object", "null"}, "properties": props, "additionalProperties": false}
	if len(required) > 0 {
		s["required"] = required
		s["type"] = "object"
	}
	return s
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func clone(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// schemaEnums are the keys whose values are one of a list.
var schemaEnums = map[string][]any{
	"schema":                {1},
	"amount_unit":           {"万元", "元"},
	"projects[].category":   {CategoryOtherOperating, CategorySpecificGoal, nil},
	"print_format.decimals": {DefaultDecimals, 0, nil},
	"print_format.empty":    {EmptyBlank, EmptyZero, nil},
}

func init() {
	var sources []any
	for _, k := range SourceKeys() {
		sources = append(sources, k)
	}
	schemaEnums["expenditures[].source"] = sources
	schemaEnums["final.balances[].source"] = sources
	schemaEnums["final.budgets[].source"] = sources
	var revenueKinds []any
	for _, k := range RevenueKindKeys() {
		revenueKinds = append(revenueKinds, k)
	}
	schemaEnums["final.revenue[].kind"] = revenueKinds
	var incomes []any
	for _, k := range IncomeKindKeys() {
		incomes = append(incomes, k)
	}
	schemaEnums["expenditures[].income_kind"] = append(incomes, nil)
	var kinds []any
	for _, k := range UnitKinds {
		kinds = append(kinds, k)
	}
	schemaEnums["units[].kind"] = kinds
	var level2 []any
	for _, l := range Level2Indicators {
		level2 = append(level2, l.Level2)
	}
	schemaEnums["projects[].performance_goal.period_indicators[].level2"] = level2
	schemaEnums["projects[].performance_goal.annual_indicators[].level2"] = level2
}

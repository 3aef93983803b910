package input

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"gopkg.in/yaml.v3"
)

func compiledSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(Schema()))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// asJSON turns a YAML document into the JSON value an editor's YAML
// language server validates (dates as strings).
func asJSON(t *testing.T, y []byte) any {
	t.Helper()
	var v any
	if err := yaml.Unmarshal(y, &v); err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	out, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// The schema accepts what the decoder accepts (the sample, the skeleton) and
// rejects what the decoder rejects for a wrong key or type.
func TestSchemaInStepWithTheDecoder(t *testing.T) {
	s := compiledSchema(t)
	every := SkeletonWith(SkeletonOptions{Year: 2025, Name: "测试局", LayoutKeys: LayoutKeys()})
	for name, doc := range map[string][]byte{"sample": Sample, "skeleton": Skeleton(2025, "测试局"), "valid": []byte(validDoc),
		"skeleton of every layout key": every, "its examples": uncommented(string(every))} {
		if _, err := Decode(name, doc, nil); err != nil {
			t.Fatalf("%s does not decode: %v", name, err)
		}
		if err := s.Validate(asJSON(t, doc)); err != nil {
			t.Errorf("%s: the schema rejects a document the decoder accepts: %v", name, err)
		}
	}
	bad := map[string]string{
		"unknown key":            strings.Replace(validDoc, "basic: 10.00", "basc: 10.00", 1),
		"unknown top-level key":  validDoc + "expenditure: []\n",
		"unknown nested key":     strings.Replace(validDoc, "{name: 测试部门}", "{name: 测试部门, nmae: x}", 1),
		"amount as a list":       strings.Replace(validDoc, "basic: 10.00", "basic: [10.00]", 1),
		"negative amount":        strings.Replace(validDoc, "basic: 10.00", "basic: -10.00", 1),
		"amount with separators": strings.Replace(validDoc, "basic: 10.00", `basic: "1,000.00"`, 1),
		"year as text":           strings.Replace(validDoc, "year: 2024", "year: 二〇二四", 1),
		"unit kind":              strings.Replace(validDoc, "kind: administrative", "kind: admin", 1),
		"units not a list":       strings.Replace(validDoc, "units:\n  - {name: 测试单位, kind: administrative}", "units: {name: 测试单位}", 1),
		"carryover not a bool":   strings.Replace(validDoc, "basic: 10.00", "basic: 10.00, carryover: 是", 1),
		"missing department":     strings.Replace(validDoc, "department: {name: 测试部门}\n", "", 1),
		"schema version":         strings.Replace(validDoc, "schema: 1", "schema: 2", 1),
		"source":                 strings.Replace(validDoc, "basic: 10.00", "basic: 10.00, source: general", 1),
		"count as text":          validDoc + "assets: {vehicles: {quota: 四}}\n",
		"by-source key":          validDoc + "three_public: {reception: {general_pubic: 1.00}}\n",
		"income kind":            strings.Replace(validDoc, "basic: 10.00", "basic: 10.00, source: unit_funds, income_kind: 事业收入", 1),
		"purpose without a code": validDoc + "subject_purposes:\n  - {purpose: 主要用于……}\n",
		"purposes not a list":    validDoc + "subject_purposes: {code: \"2010301\"}\n",
		"set-aside as text":      validDoc + "procurement: {reserved_sme: 一万}\n",
		"planned vehicles quota": validDoc + "assets: {planned_purchases: {vehicles: {quota: 1}}}\n",
		"description as text":    strings.Replace(validDoc, "expenditures:", "projects:\n  - {unit: 测试单位, name: 甲, amounts: 1.00, description: 概述}\nexpenditures:", 1),
		"description key":        strings.Replace(validDoc, "expenditures:", "projects:\n  - {unit: 测试单位, name: 甲, amounts: 1.00, description: {summary: 概述}}\nexpenditures:", 1),
		"one decimal":            validDoc + "print_format: {decimals: 1}\n",
		"empty as a word":        validDoc + "print_format: {empty: 空白}\n",
		"revenue kind":           validDoc + "final:\n  revenue:\n    - {code: \"2010301\", kind: 事业收入, amount: 1.00}\n",
		"balance source":         validDoc + "final:\n  balances:\n    - {code: \"2010301\", source: general, opening: 1.00}\n",
		"budget without a code":  validDoc + "final:\n  budgets:\n    - {initial: 1.00}\n",
		"remit as text":          strings.Replace(validDoc, "basic: 10.00", "basic: 10.00, remit: 一万", 1),
	}
	for name, doc := range bad {
		if _, err := Decode(name, []byte(doc), nil); err == nil {
			t.Fatalf("%s: the decoder accepts it", name)
		}
		if err := s.Validate(asJSON(t, []byte(doc))); err == nil {
			t.Errorf("%s: the decoder rejects it but the schema accepts it", name)
		}
	}
}

func TestSchemaDescribesEveryKey(t *testing.T) {
	paths := SchemaPaths()
	if len(paths) < 100 {
		t.Fatalf("only %d keys", len(paths))
	}
	for _, p := range paths {
		if schemaDescriptions[p] == "" {
			t.Errorf("no Chinese description for %s", p)
		}
	}
	for p := range schemaDescriptions {
		found := false
		for _, q := range paths {
			found = found || p == q
		}
		if !found {
			t.Errorf("description for a key that does not exist: %s", p)
		}
	}
}

package publish

import (
	"strings"
	"testing"

	"github.com/budgetpub/budgetpub/input"
)

// completeBlocks state what the tables cannot give: with them an input
// is complete (nothing 需补填).
const completeBlocks = `overview: {duties: 负责测试工作。, organization: 内设测试科。}
procurement: {goods: 0, works: 0, services: 0}
assets: {as_of: 2023-12-31, office_area_m2: 100}
notes: {purchase_of_services: 无, other: 无}
`

// checkedDoc is a small input that passes every check and is complete.
const checkedDoc = `schema: 1
year: 2024
department: {name: 测试部门}
units:
  - {name: 测试单位, kind: administrative}
expenditures:
  - {code: "2010301", basic: 10.00, project: 5.00}
basic_by_economic:
  - {dept: "30101", gov: "50101", amount: 10.00}
projects:
  - {unit: 测试单位, name: 项目甲, amounts: 5.00, category: other_operating}
prior_year: {total: 15.00, general_public: 15.00, three_public: {outbound_travel: 0, reception: 0, vehicle_purchase: 0, vehicle_operation: 0}}
` + completeBlocks

// minimalDoc is the smallest input that renders.
const minimalDoc = `schema: 1
year: 2024
department: {name: 测试部门}
units:
  - {name: 测试单位, kind: administrative}
expenditures:
  - {code: "2010301", basic: 10.00}
` + completeBlocks

// FuzzPipeline feeds arbitrary bytes through the whole pipeline (both
// writers, checks overridden so the writers run on whatever decodes). It
// must never panic or hang; whatever renders must be a complete PDF and
// workbook. The seeds (and testdata/fuzz/FuzzPipeline) run as a normal test.
func FuzzPipeline(f *testing.F) {
	f.Add(input.Sample)
	f.Add([]byte(minimalDoc))
	f.Add([]byte(checkedDoc))
	for _, s := range []string{
		"",
		"schema: 1\n",
		"schema: 1\nyear: 2024\ndepartment: {name: x}\nunits: [{name: u, kind: administrative}]\n",
		strings.Replace(checkedDoc, "basic:", "basc:", 1),
		strings.Replace(checkedDoc, `"2010301"`, `"20103"`, 1),
		strings.Replace(checkedDoc, "10.00", "-10.00", 1),
		strings.Replace(checkedDoc, "10.00", "1e400", 1),
		strings.Replace(checkedDoc, "项目甲", strings.Repeat("很长的项目名称", 400), 1),
		checkedDoc + "glossary: [{term: 甲, text: \"（（（（《《“\"}]\n",
		"a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n",
		"schema: 1\nyear: 2024\nnotes: " + strings.Repeat("[", 100) + strings.Repeat("]", 100) + "\n",
		"schema: 1\n---\nschema: 1\n",
		"\xff\xfe\x00s\x00c",
		"schema: 1\nyear: 2024\namount_unit: 元\ndepartment: {name: 元部门}\nunits: [{name: u, kind: administrative}]\nexpenditures: [{code: \"2010301\", basic: 0.000001}]\n",
	} {
		f.Add([]byte(s))
	}
	res, err := Load(Config{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r := Department(res, "fuzz.yaml", data, Options{Force: true})
		if r.Err != nil {
			if r.Err.Error() == "" {
				t.Fatal("an error without a message")
			}
			return
		}
		if !strings.HasPrefix(string(r.PDF), "%PDF-") || !strings.Contains(string(r.PDF[len(r.PDF)-32:]), "%%EOF") {
			t.Fatal("rendered PDF is incomplete")
		}
		if len(r.Workbook) < 4 || string(r.Workbook[:2]) != "PK" {
			t.Fatal("rendered workbook is not a zip")
		}
	})
}

package main

import (
	"fmt"
	"github.com/budgetpub/budgetpub/render/publish"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

// agreementInputs are the decoder's bad inputs and the fuzz corpus, by name.
func agreementInputs(t *testing.T) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	ar, err := txtar.ParseFile("../../input/testdata/decode-errors.txtar")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range ar.Files {
		if f.Name != "want" {
			out["decode-"+f.Name] = f.Data
		}
	}
	dir := "../../render/publish/testdata/fuzz/FuzzPipeline"
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		in, err := fuzzValue(data)
		if err != nil {
			t.Fatalf("%s: %v", e.Name(), err)
		}
		out["fuzz-"+e.Name()[:12]+".yaml"] = in
	}
	// Inputs that decode but are refused later: by a check, by the fonts.
	out["extra-check-error.yaml"] = []byte(strings.Replace(checkedDoc, "amounts: 5.00", "amounts: 6.00", 1))
	out["extra-glyph.yaml"] = []byte(strings.Replace(checkedDoc, "name: 项目甲", "name: \"项目\ue000甲\"", 1))
	out["extra-clean.yaml"] = []byte(checkedDoc)
	if len(out) < 150 {
		t.Fatalf("only %d inputs", len(out))
	}
	return out
}

// fuzzValue reads a corpus file of go test fuzz v1 holding one []byte.
func fuzzValue(data []byte) ([]byte, error) {
	lines := strings.SplitN(string(data), "\n", 2)
	if len(lines) < 2 || lines[0] != "go test fuzz v1" {
		return nil, fmt.Errorf("not a fuzz corpus file")
	}
	lit := strings.TrimSpace(lines[1])
	lit, ok := strings.CutPrefix(lit, "[]byte(")
	if !ok || !strings.HasSuffix(lit, ")") {
		return nil, fmt.Errorf("not a []byte value")
	}
	s, err := strconv.Unquote(lit[:len(lit)-1])
	return []byte(s), err
}

// checkedDoc is a small input that passes every check and states
// everything a publication must (概况, kinds, categories, 政府采购, 资产,
// 说明): a complete publication.
const checkedDoc = `schema: 1
year: 2024
department: {name: 测试部门}
overview: {duties: 负责测试工作。, organization: 内设测试科。}
units:
  - {name: 测试单位, kind: administrative}
expenditures:
  - {code: "2010301", basic: 10.00, project: 5.00}
basic_by_economic:
  - {dept: "30101", gov: "50101", amount: 10.00}
projects:
  - {unit: 测试单位, name: 项目甲, amounts: 5.00, category: other_operating}
procurement: {goods: 0, works: 0, services: 0}
assets: {as_of: 2023-12-31, office_area_m2: 100}
notes: {purchase_of_services: 无, other: 无}
`

var inputPrefixRe = regexp.MustCompile(`^(\S+?:(?:\d+:\d+:)?) 错误 \[input\] `)

// check and render run one pipeline: on every decoder case and every input
// of the fuzz corpus they exit alike, and whatever render refuses, check
// reports with the same messages.
func TestCheckAndRenderAgree(t *testing.T) {
	inputs := agreementInputs(t)
	names := make([]string, 0, len(inputs))
	for n := range inputs {
		names = append(names, n)
	}
	sort.Strings(names)
	dir := t.TempDir()
	refused := 0
	for _, name := range names {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, inputs[name], 0o644); err != nil {
			t.Fatal(err)
		}
		rc, _, rerr := runCmd("render", path, "-o", filepath.Join(dir, "out-"+name))
		cc, cout, _ := runCmd("check", path)
		if rc != cc {
			t.Errorf("%s: render exits %d, check %d\nrender: %s\ncheck: %s", name, rc, cc, rerr, cout)
			continue
		}
		if rc == 0 {
			continue
		}
		refused++
		// render prints the findings, then its error; check prints the
		// findings and the input's problems, marked [input].
		want := map[string]bool{}
		for _, l := range strings.Split(strings.TrimSpace(cout), "\n") {
			want[inputPrefixRe.ReplaceAllString(l, "$1 ")] = true
		}
		for _, l := range strings.Split(strings.TrimSpace(rerr), "\n") {
			if l == publish.ErrChecks.Error() || l == publish.ErrIncomplete.Error() {
				continue // render's word for "stopped by its checks"
			}
			if !want[l] {
				t.Errorf("%s: render says %q, check does not:\n%s", name, l, cout)
			}
		}
	}
	if refused < 100 {
		t.Errorf("only %d of %d inputs refused: is the corpus right?", refused, len(names))
	}
}

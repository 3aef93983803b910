package shanxi13

import (
	"strings"
	"testing"

	"github.com/budgetpub/budgetpub/render"

	"github.com/budgetpub/budgetpub/input"
)

func TestPartsOfTheSample(t *testing.T) {
	p := mustBuild(t, mustDecode(t, input.SampleName, input.Sample))
	if len(p.Parts) != 4 {
		t.Fatalf("%d parts", len(p.Parts))
	}
	want := []string{"第一部分 概况", "第二部分 2024年部门预算报表", "第三部分 2024年度部门预算情况说明", "第四部分 名词解释"}
	for i, part := range p.Parts {
		if part.Title != want[i] {
			t.Errorf("part %d: %q, want %q", i+1, part.Title, want[i])
		}
	}
	duties := p.Section(SecDuties)
	if p.Parts[0] != p.Part(render.PartOverview) || duties.Heading != "一、本部门职责" || len(duties.Paragraphs) != 13 || !strings.HasPrefix(duties.Paragraphs[1], "(一)") {
		t.Errorf("duties: %+v", duties)
	}
	two := p.Part(render.PartTables)
	if p.Parts[1] != two || len(two.Sections) != 13 || p.Section(string(T1)).Entry() != "表一2024年预算收支总表" || p.Section(string(T13)).Entry() != "表十三2024年项目支出预算表（上年结转）" || p.Section(string(T5)).Table != p.Table(T5) {
		t.Errorf("tables: %d sections, first %q", len(two.Sections), two.Sections[0].Entry())
	}
	if three := p.Part(render.PartExplanation); p.Parts[2] != three || len(three.Sections) != 14 {
		t.Errorf("part 3 has %d sections, want 一…十二 and 十二's two sub-sections", len(three.Sections))
	}
	if p.Parts[3] != p.Part(render.PartGlossary) {
		t.Error("part 4 is not the glossary")
	}
	g := p.Section(SecGlossary).Paragraphs
	if len(g) != 12 || !strings.HasPrefix(g[0], "一、基本支出：指为保障机构正常运转") || !strings.HasPrefix(g[11], "十二、财政拨款：") {
		t.Errorf("glossary: %q", g)
	}
}

// The input's glossary replaces a default term's text by its name and adds
// new terms at the end, numbered on.
func TestGlossaryOverride(t *testing.T) {
	doc := `schema: 1
year: 2024
department: {name: 测试部门}
units: [{name: 机关, kind: administrative}]
glossary:
  - {term: 上年结转, text: 本地的解释。}
  - {term: 新名词, text: 新增的解释。}
`
	g := mustBuild(t, mustDecode(t, "g.yaml", []byte(doc))).Section(SecGlossary).Paragraphs
	if len(g) != 13 || g[7] != "八、上年结转：本地的解释。" || g[12] != "十三、新名词：新增的解释。" {
		t.Errorf("glossary: %q", g)
	}
}

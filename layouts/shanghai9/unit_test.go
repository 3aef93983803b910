package shanghai9

import (
	"os"
	"strings"
	"testing"

	"github.com/budgetpub/budgetpub/internal/printed"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
	"github.com/shopspring/decimal"
)

// unitSrc is the made-up unit's 单位预算 (testdata/unit-sh.yaml).
func unitSrc(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("testdata/unit-sh.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// findings are the ids of a publication's findings, counted.
func findings(doc *input.Document, pub *render.Publication) map[render.CheckID]int {
	ids := map[render.CheckID]int{}
	for _, f := range render.Check(doc, pub) {
		ids[f.ID]++
	}
	return ids
}

// A unit's table 1 splits each 类's 合计 into 人员经费, 公用经费 and 项目支出,
// from the lines' basic_personnel, exactly; its totals are the columns'
// sums, and the 人员经费 of its 一般公共预算 lines is table 8's.
func TestUnitSplitsTable1(t *testing.T) {
	doc, pub := buildAs(t, unitSrc(t), "")
	if pub.Profile != Unit {
		t.Fatalf("the unit's file builds as %s", pub.Profile.ID)
	}
	t1 := pub.Table(S1)
	cols := []render.ColKey{render.ColTotal, render.ColPersonnel, render.ColPublic, render.ColProject}
	sums := make([]decimal.Decimal, len(cols))
	rows := 0
	for _, r := range t1.Rows {
		if r.Key.Role != render.RoleCode {
			continue
		}
		rows++
		v := make([]decimal.Decimal, len(cols))
		for i, c := range cols {
			v[i] = t1.Exact(r.Key, c)
			sums[i] = sums[i].Add(v[i])
		}
		if !v[0].Equal(v[1].Add(v[2]).Add(v[3])) {
			t.Errorf("表1 %s: 合计 %s ≠ 人员经费 %s + 公用经费 %s + 项目支出 %s", r.Key.ID, v[0], v[1], v[2], v[3])
		}
	}
	if rows != 4 {
		t.Errorf("表1 lists %d 类, want the 4 with money", rows)
	}
	for i, c := range cols {
		if got := t1.Exact(render.TotalRow, c); !got.Equal(sums[i]) {
			t.Errorf("表1 总计 %s = %s, want the rows' %s", c, got, sums[i])
		}
	}
	// 城乡社区支出: 612.35 of basic of which 540.12 personnel, 3.25 of
	// unit funds' basic none; 85 + 230.50 + 18 of projects (元).
	want := map[render.ColKey]string{render.ColPersonnel: "5401200", render.ColPublic: "754800", render.ColProject: "3335000"}
	for c, w := range want {
		if got := t1.Exact(render.CodeRow("212"), c); !got.Equal(decimal.RequireFromString(w)) {
			t.Errorf("表1 城乡社区支出 %s = %s 元, want %s", c, got, w)
		}
	}
	if ids := findings(doc, pub); len(ids) != 0 {
		t.Errorf("the unit's findings: %v, want none", ids)
	}
	// Table 8's 人员经费 is checked against the lines': one more 元 of
	// personnel on a line of 一般公共预算 is a warning.
	doc, pub = buildAs(t, strings.Replace(unitSrc(t), "basic_personnel: 540.12", "basic_personnel: 540.13", 1), "")
	if ids := findings(doc, pub); ids[checkPersonnel] != 1 {
		t.Errorf("人员经费 off table 8's by 100 元: findings %v, want one %s", ids, checkPersonnel)
	}
}

// A line of 基本支出 that does not say its 人员经费 leaves its 类's split
// unknown: the cells print the mark, the finding asks for basic_personnel,
// and nothing is printed as 0.
func TestUnitPersonnelUnknown(t *testing.T) {
	src := strings.Replace(unitSrc(t), ", basic_personnel: 58.40}", "}", 1)
	doc, pub := buildAs(t, src, "")
	if ids := findings(doc, pub); ids[unknownPersonnel] != 1 {
		t.Errorf("findings %v, want one %s", ids, unknownPersonnel)
	}
	t1 := pub.Table(S1)
	r := t1.Row(render.CodeRow("208"))
	for _, c := range []render.ColKey{render.ColPersonnel, render.ColPublic} {
		cell := r.Cells[t1.Col(c)]
		if cell.Kind != render.KindText || !strings.Contains(cell.Text, "【未填写：") {
			t.Errorf("表1 社会保障和就业支出 %s prints %+v, want the mark", c, cell)
		}
	}
}

// basic_personnel is a part of basic: more than it, below 0, or without
// it, the file is refused at the key.
func TestUnitPersonnelRefused(t *testing.T) {
	for _, c := range []struct{ from, to, want string }{
		{"basic_personnel: 58.40}", "basic_personnel: 58.41}", "不在 0 与 basic（基本支出）58.4 万元之间"},
		{"basic_personnel: 58.40}", "basic_personnel: -1}", "不能为负数"},
		{`{code: "2080505", basic: 58.40, basic_personnel: 58.40}`, `{code: "2080505", project: 58.40, basic_personnel: 58.40}`, "没有写 basic（基本支出）"},
	} {
		_, err := input.Decode("unit.yaml", []byte(strings.Replace(unitSrc(t), c.from, c.to, 1)), nil)
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), "unit.yaml:25:") {
			t.Errorf("%s: %v, want unit.yaml:25: … %s", c.to, err, c.want)
		}
	}
}

// A unit's text is its own: 本单位, 与…持平, each 项 against last year's
// execution (a mark when nobody gave it), table 9 without the year, no
// 项目经费情况说明.
func TestUnitText(t *testing.T) {
	doc, pub := buildAs(t, unitSrc(t), "")
	if got := pub.Table(S9).Title; got != "单位“三公”经费和机关运行经费预算表" {
		t.Errorf("表9 title %q", got)
	}
	if got := pub.Table(S1).Title; got != "2025年预算单位财务收支预算总表" {
		t.Errorf("表1 title %q", got)
	}
	for _, p := range pub.Parts {
		if p.ID == PartProjects {
			t.Errorf("a unit's publication has %s", p.TOC)
		}
	}
	f := factsOf(pub)
	if len(f.Subjects) != 5 {
		t.Fatalf("%d subjects, want table 5's 5 项", len(f.Subjects))
	}
	text := printed.PartText(pub, PartExplanation)
	for _, want := range []string{
		"政府性基金拨款支出预算0万元，与2024年预算持平",
		"3.“城乡社区支出（类）城乡社区管理事务（款）行政运行（项）”697.35万元，主要用于本单位人员工资、社会保障缴费和日常运转。2024年当年预算执行数为650.08万元，2025年预算安排697.35万元，比2024年预算执行数增加7.27%。",
		"2024年当年预算执行数为21.66万元，2025年预算安排21.66万元，与2024年预算执行数持平。",
		"2024年当年预算执行数为48.3万元，2025年预算安排46.9万元，比2024年预算执行数减少2.90%。",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("编制说明 lacks %q:\n%s", want, text)
		}
	}
	other := printed.PartText(pub, PartOther)
	for _, want := range []string{"2025年度本单位政府采购预算220万元", "2025年度，本单位编报绩效目标的项目共1个，涉及项目预算资金230.5万元。", "2025年单位预算安排购置"} {
		if !strings.Contains(other, want) {
			t.Errorf("其他相关情况说明 lacks %q:\n%s", want, other)
		}
	}
	if ids := findings(doc, pub); len(ids) != 0 {
		t.Errorf("findings %v", ids)
	}
	// Without last year's execution of a 项, its sentence is a mark.
	doc, pub = buildAs(t, strings.Replace(unitSrc(t), ", prior_executed: 48.30}", "}", 1), "")
	if ids := findings(doc, pub); ids[unknownPurpose] != 1 {
		t.Errorf("findings %v, want one %s", ids, unknownPurpose)
	}
	if text := printed.PartText(pub, PartExplanation); !strings.Contains(text, "住房公积金（项）”46.9万元，主要用于本单位在职人员住房公积金。【未填写：科目“住房公积金”（2210201）2024年的当年预算执行数】") {
		t.Errorf("编制说明 without the execution:\n%s", text)
	}
}

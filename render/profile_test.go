package render

import (
	"bytes"
	"strings"
	"testing"
	"text/template"

	"github.com/budgetpub/budgetpub/input"
)

// testProfile is a second layout registered beside shanxi-13: two of its
// tables under another label, one check of its own and one part of one
// sentence. Registering it changes nothing of the default layout.
var testProfile = &Profile{ID: "test-2", Name: "测试版式（2张）", Kind: KindBudget, TitleFormat: "%d年测试公开", LabelFormat: "测试表%d",
	Checks: []func(*Checker){func(c *Checker) {
		c.out = append(c.out, Finding{ID: "test-total", Severity: SeverityWarning, Message: "测试核对：" + c.Pub.Table(T1).Label})
	}},
	Parts: func(b *Builder, _ *template.Template) ([]*Part, error) {
		f := b.Pub.Table(T1).Exact(TotalRow, ColTotal)
		return []*Part{{ID: PartExplanation, Title: "说明", Sections: []*Section{{ID: SecTotals, Heading: "一、收支", Paragraphs: []string{"　　收支总计" + FormatAmount(f) + "。"}}}}}, nil
	},
}

func cloneDecl(d *TableDecl, n int) *TableDecl {
	c := *d
	c.Number = n
	return &c
}

func init() { // after Standard's
	testProfile.Tables = []*TableDecl{cloneDecl(Standard.Decl(T1), 1), cloneDecl(Standard.Decl(T3), 2)}
	Register(testProfile)
}

// TestProfiles: a document naming a layout is built with that profile —
// its tables, labels, title, checks and parts —; --layout (Options.Layout)
// overrides the document's; an unknown one is refused at the document's
// layout line; the default layout is still shanxi-13's 13 tables.
func TestProfiles(t *testing.T) {
	text := strings.Replace(string(input.Sample), "\nyear: 2024", "\nlayout: test-2\nyear: 2024", 1)
	doc := mustDecode(t, "test.yaml", []byte(text))
	p, err := BuildWith(doc, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if p.Profile != testProfile || len(p.Tables) != 2 || p.Tables[1].Label != "测试表2" || p.Title != "2024年测试公开" {
		t.Fatalf("built with %s: %d tables, %q, %q", p.Profile.ID, len(p.Tables), p.Tables[1].Label, p.Title)
	}
	if len(p.Parts) != 1 || !strings.HasPrefix(p.Parts[0].Sections[0].Paragraphs[0], "　　收支总计5,103.42万元") {
		t.Errorf("parts %+v", p.Parts)
	}
	fs := Check(doc, p)
	if len(fs) != 1 || fs[0].ID != "test-total" || fs[0].Message != "测试核对：测试表1" {
		t.Errorf("the profile's checks gave %v", fs)
	}
	std, err := BuildWith(doc, Options{Layout: input.DefaultLayout})
	if err != nil || std.Profile != Standard || len(std.Tables) != 13 || std.Tables[0].Label != "预算公开表1" {
		t.Fatalf("--layout %s: %v", input.DefaultLayout, err)
	}
	if _, err := BuildWith(doc, Options{Layout: "nope"}); err == nil || !strings.Contains(err.Error(), "test.yaml:11:9: 没有名为“nope”的版式：可用的有 shanxi-13、test-2") {
		t.Errorf("an unknown --layout: %v", err)
	}
	var ids bytes.Buffer
	for _, pr := range Profiles() {
		ids.WriteString(pr.ID + " ")
	}
	if ids.String() != "shanxi-13 test-2 " {
		t.Errorf("profiles %s", ids.String())
	}
}

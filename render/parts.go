package render

import (
	"fmt"
	"strings"

	"github.com/budgetpub/budgetpub/templates"
)

// parts lays out the four parts of the publication around the tables.
func (b *builder) parts() []*Part {
	y := b.doc.Year
	one := &Part{Title: "第一部分 概况", Sections: []*Section{
		{Heading: "一、本部门职责", Paragraphs: paragraphs(b.doc.Overview.Duties.Value)},
		{Heading: "二、机构设置情况", Paragraphs: paragraphs(b.doc.Overview.Organization.Value)},
	}}
	two := &Part{Title: fmt.Sprintf("第二部分 %d年部门预算报表", y)}
	for _, t := range b.pub.Tables {
		two.Sections = append(two.Sections, &Section{TOC: "表" + ChineseNumber(t.Number) + t.Title, Table: t})
	}
	// Part 3 is generated from the input in a later step; its place is kept.
	three := &Part{Title: fmt.Sprintf("第三部分 %d年度部门预算情况说明", y)}
	four := &Part{Title: "第四部分 名词解释", Sections: []*Section{{Paragraphs: b.glossary()}}}
	return []*Part{one, two, three, four}
}

// paragraphs splits a text block into paragraphs, one per non-empty line.
func paragraphs(text string) []string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, line)
		}
	}
	return out
}

// glossary is the default glossary with the input's replacements and
// additions, numbered 一、二、…
func (b *builder) glossary() []string {
	terms := templates.Glossary()
	for _, g := range b.doc.Glossary {
		replaced := false
		for i := range terms {
			if terms[i].Term == g.Term.Value {
				terms[i].Text = g.Text.Value
				replaced = true
			}
		}
		if !replaced {
			terms = append(terms, templates.Term{Term: g.Term.Value, Text: g.Text.Value})
		}
	}
	out := make([]string, len(terms))
	for i, t := range terms {
		out[i] = fmt.Sprintf("%s、%s：%s", ChineseNumber(i+1), t.Term, strings.TrimSpace(t.Text))
	}
	return out
}

package render

import (
	"fmt"
	"strings"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/templates"
)

// Glossary is a layout's 名词解释: its default terms with the input's
// replacements (a term of the same name) and additions, numbered
// 一、名词：解释.
func (b *Builder) Glossary(defaults []templates.Term) []string {
	terms := append([]templates.Term(nil), defaults...)
	for _, g := range b.Doc.Glossary {
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

// PriorOf is a prior-year figure of the input as the sentences compare
// with it: not Set when nobody gave it.
func PriorOf(a input.Amount) Prior { return Prior{Value: a.Value, Set: a.Set} }

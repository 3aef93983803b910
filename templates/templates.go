// Package templates holds the default texts of the publication that a
// department or finance bureau may replace: the glossary (第四部分 名词解释).
// They are embedded so that the binary is self-contained.
package templates

import (
	_ "embed"
	"strings"
)

//go:embed glossary.txt
var glossary string

// Term is one glossary entry.
type Term struct {
	Term, Text string
}

// Glossary returns the default glossary, in print order.
func Glossary() []Term { return ParseGlossary(glossary) }

// ParseGlossary reads a glossary's text, one “名词：解释” a line (blank lines
// and # comments skipped): a layout's own default glossary is read so.
func ParseGlossary(text string) []Term {
	var out []Term
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		term, text, ok := strings.Cut(line, "：")
		if !ok {
			panic("templates: glossary line without ：: " + line)
		}
		out = append(out, Term{Term: term, Text: text})
	}
	return out
}

//go:embed part3.tmpl
var part3 string

// Part3 is the text/template source of 第三部分's sentences: one define per
// paragraph. A bureau's own part3.tmpl overrides the defines it names.
func Part3() string { return part3 }

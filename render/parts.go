package render

import "strings"

// The parts every publication has, by stable id.
const (
	PartOverview    = "overview"    // 第一部分 概况
	PartTables      = "tables"      // 第二部分 预算报表 (its sections have the tables' ids)
	PartExplanation = "explanation" // 第三部分 预算情况说明
	PartGlossary    = "glossary"    // 第四部分 名词解释
)

// Paragraphs splits a text block into Paragraphs, one per non-empty line.
func Paragraphs(text string) []string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, line)
		}
	}
	return out
}

package render

import (
	"fmt"
	"strings"

	"github.com/budgetpub/budgetpub/input"
	"github.com/shopspring/decimal"
)

// Severity of a finding.
type Severity string

// Severities: an error stops a render; so does an incomplete (需补填:
// something the publication would state nobody gave); a warning is
// printed and kept. A note (提示) is no finding of the publication but a
// batch's word on how it was made (no last-year file found for a workbook
// with --prior-dir): listed, never counted as a warning.
const (
	SeverityError      Severity = "error"
	SeverityIncomplete Severity = "incomplete"
	SeverityWarning    Severity = "warning"
	SeverityNote       Severity = "note"
)

// Figure is one side of a relation: what it is, in which table, and its value.
type Figure struct {
	Name  string          `json:"name"`  // e.g. 表6 合计
	Value decimal.Decimal `json:"value"` // the printed figure (two decimals), or a count
}

// Finding is one broken relation between figures of the publication
// (表间勾稽关系), or a text worth a second look, with where in the input to
// look. A relation has both figures and their difference; a finding about
// one figure (a missing prior-year figure) or a text has neither Right nor
// Diff, and a text finding has no figure at all.
type Finding struct {
	ID       CheckID          `json:"id"` // stable, e.g. T6-T5-basic (checkids.go)
	Severity Severity         `json:"severity"`
	Message  string           `json:"message"` // in Chinese
	Left     *Figure          `json:"left,omitempty"`
	Right    *Figure          `json:"right,omitempty"`
	Diff     *decimal.Decimal `json:"difference,omitempty"` // Left − Right
	File     string           `json:"file"`
	Line     int              `json:"line"`
	Column   int              `json:"column"`
	// Path is the input's key the finding concerns, where the fix goes:
	// "procurement", "units[2].kind", "prior_year.total",
	// "basic_by_economic" (the workbench shows the field's label and links
	// to it; the text of a finding of something to fill in names it).
	Path string `json:"path,omitempty"`
}

// Detail is the finding's figures as printed: "表6 合计 241.17，表5 基本支出
// 2306.74，相差 -2065.57", or one figure, or nothing.
func (f Finding) Detail() string {
	var parts []string
	if f.Left != nil {
		parts = append(parts, f.Left.Name+" "+f.Left.Value.String())
	}
	if f.Right != nil {
		parts = append(parts, f.Right.Name+" "+f.Right.Value.String())
	}
	if f.Diff != nil {
		parts = append(parts, "相差 "+f.Diff.String())
	}
	return strings.Join(parts, "，")
}

// Word is 错误, 需补填, 提示 or 警告.
func (f Finding) Word() string {
	switch f.Severity {
	case SeverityError:
		return "错误"
	case SeverityIncomplete:
		return "需补填"
	case SeverityNote:
		return "提示"
	}
	return "警告"
}

func (f Finding) String() string {
	s := fmt.Sprintf("%s:%d:%d: %s [%s] %s", f.File, f.Line, f.Column, f.Word(), f.ID, f.Message)
	if f.Line == 0 { // of no place in the file (an imported workbook's, a note on the whole input)
		s = fmt.Sprintf("%s: %s [%s] %s", f.File, f.Word(), f.ID, f.Message)
	}
	if d := f.Detail(); d != "" {
		s += "：" + d
	}
	if f.Path != "" && f.Severity == SeverityIncomplete {
		s += "（" + f.Path + "）"
	}
	return s
}

// HasErrors tells whether any finding is an error.
func HasErrors(fs []Finding) bool { return has(fs, SeverityError) }

// HasIncomplete tells whether any finding says something is left to fill in.
func HasIncomplete(fs []Finding) bool { return has(fs, SeverityIncomplete) }

func has(fs []Finding, sev Severity) bool {
	for _, f := range fs {
		if f.Severity == sev {
			return true
		}
	}
	return false
}

// Tally counts findings by severity (notes are not counted).
func Tally(fs []Finding) (errors, incomplete, warnings int) {
	for _, f := range fs {
		switch f.Severity {
		case SeverityError:
			errors++
		case SeverityIncomplete:
			incomplete++
		case SeverityNote:
		default:
			warnings++
		}
	}
	return errors, incomplete, warnings
}

// Status is what a department's findings make of its publication.
type Status string

// The statuses: 可公开 (no error, nothing left to fill in; warnings
// allowed), 需补填 (no error, something unknown) and 有错误.
const (
	StatusPublishable Status = "可公开"
	StatusIncomplete  Status = "需补填"
	StatusErrors      Status = "有错误"
)

// StatusOf is the status the findings give.
func StatusOf(fs []Finding) Status {
	switch {
	case HasErrors(fs):
		return StatusErrors
	case HasIncomplete(fs):
		return StatusIncomplete
	}
	return StatusPublishable
}

// Checker collects findings.
type Checker struct {
	Doc      *input.Document
	Pub      *Publication
	Lines    []Line
	Findings []Finding
	free     *clerkTextSet // the clerk's texts (clerkTexts), once walked
}

// Place is where in the input a finding is: its line and column and the
// key path the fix goes to (Finding.Path).
type Place struct {
	Pos  input.Pos
	Path string
}

// At is the place of a value at pos whose key path is path.
func At(path string, pos input.Pos) Place { return Place{Pos: pos, Path: path} }

// Relate records a finding when two printed figures differ.
func (c *Checker) Relate(id CheckID, sev Severity, msg string, left, right Figure, at Place) {
	l, r := left.Value.Round(2), right.Value.Round(2)
	if l.Equal(r) {
		return
	}
	left.Value, right.Value = l, r
	diff := l.Sub(r)
	c.Findings = append(c.Findings, Finding{ID: id, Severity: sev, Message: msg, Left: &left, Right: &right, Diff: &diff,
		File: c.Doc.File, Line: at.Pos.Line, Column: at.Pos.Col, Path: at.Path})
}

// Exceed records a finding when left is more than right.
func (c *Checker) Exceed(id CheckID, sev Severity, msg string, left, right Figure, at Place) {
	if left.Value.Round(2).GreaterThan(right.Value.Round(2)) {
		c.Relate(id, sev, msg, left, right, at)
	}
}

// Key is the place of a top-level key of the input (its line, or the
// file's first when it is absent) with that key as its path.
func (c *Checker) Key(name string) Place {
	if p, ok := c.Doc.Keys[name]; ok {
		return Place{Pos: p, Path: name}
	}
	return Place{Pos: input.Pos{Line: 1, Col: 1}, Path: name}
}

func Count(n int) decimal.Decimal { return decimal.NewFromInt(int64(n)) }

// Check runs the reconciliation checks of the publication's table set on a
// publication and the input it was built from. Relations that hold by
// construction are checked too, on the computed tables, so a bug cannot pass
// silently.
func Check(doc *input.Document, p *Publication) []Finding {
	set := p.Profile
	if set == nil {
		return nil
	}
	c := &Checker{Doc: doc, Pub: p, Lines: ExpenditureLines(doc)}
	for _, check := range set.Checks {
		check(c)
	}
	c.unknownsSaid()
	return c.Findings
}

// unknownsSaid makes sure every statement nobody gave is a finding that
// stops a render, whatever checks the layout lists: one its checks did not
// say (a layout without Completeness) is added at the end.
func (c *Checker) unknownsSaid() {
	said := map[Unknown]bool{}
	for _, f := range c.Findings {
		if f.Severity == SeverityIncomplete {
			said[Unknown{ID: f.ID, Path: f.Path, Pos: input.Pos{Line: f.Line, Col: f.Column}}] = true
		}
	}
	for _, u := range c.Pub.Unknowns {
		if !said[Unknown{ID: u.ID, Path: u.Path, Pos: u.Pos}] {
			c.Findings = append(c.Findings, c.unknownFinding(u))
		}
	}
}

// MarkDraft makes a publication say, on its cover, every page and every
// table, that it is not final.
func MarkDraft(p *Publication, notice string) {
	p.Draft = notice
	p.Title += "（草稿）"
	for _, t := range p.Tables {
		t.Label += "（" + notice + "）"
	}
}

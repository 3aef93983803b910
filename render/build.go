package render

import (
	"fmt"

	"github.com/budgetpub/budgetpub/input"
	"github.com/shopspring/decimal"
)

// Options change how the publication is written.
type Options struct {
	// Wording is the sentence templates of 第三部分; nil: the defaults.
	Wording *Wording
	// Layout, when set, is the profile to build with instead of the
	// document's own layout (--layout).
	Layout string
}

// Build computes the publication of a validated master input with the
// default wording.
func Build(doc *input.Document) (*Publication, error) {
	return BuildWith(doc, Options{})
}

// BuildWith computes the publication of a validated master input. Every table
// and every figure of a sentence is computed from the input's lines; nothing
// is taken from elsewhere. It fails only on wording templates that do not
// execute or leave debris in the text.
func BuildWith(doc *input.Document, opts Options) (*Publication, error) {
	w := opts.Wording
	if w == nil {
		w = defaultWording()
	}
	prof, err := profileFor(doc, opts.Layout)
	if err != nil {
		return nil, err
	}
	p := &Publication{Year: doc.Year, Department: doc.Department.Name.Value, Unit: "万元", Title: prof.Title(doc.Year), Profile: prof}
	b := &builder{doc: doc, pub: p, lines: expenditureLines(doc)}
	for _, d := range prof.Tables {
		t := b.start(d)
		d.build(b, t)
		t.index()
		p.Tables = append(p.Tables, t)
	}
	if p.Parts, err = prof.parts(b, w.t); err != nil {
		return nil, err
	}
	return p, nil
}

type builder struct {
	doc   *input.Document
	pub   *Publication
	lines []line
}

// line is one expenditure line with its source resolved.
type line struct {
	code      string
	source    input.Source
	carryover bool
	basic     decimal.Decimal
	project   decimal.Decimal
}

func (l line) total() decimal.Decimal { return l.basic.Add(l.project) }

func expenditureLines(doc *input.Document) []line {
	out := make([]line, 0, len(doc.Expenditures))
	for _, e := range doc.Expenditures {
		out = append(out, line{code: e.Code.Value, source: e.Src, carryover: e.Carryover, basic: e.Basic.Value, project: e.Project.Value})
	}
	return out
}

// start makes an empty table from its declaration: label, title, header
// and columns for the input's year and department.
func (b *builder) start(d *TableDecl) *Table {
	return &Table{
		ID:           d.ID,
		Number:       d.Number,
		Label:        d.Label(),
		Title:        d.FullTitle(b.doc.Year),
		Department:   b.doc.Department.Name.Value,
		Unit:         "万元",
		Columns:      append([]Column(nil), d.Columns...),
		HeaderRows:   d.HeaderRows,
		Header:       d.HeaderFor(b.doc.Year),
		Presentation: d.Presentation,
	}
}

// sum adds amounts exactly.
func sum(ds ...decimal.Decimal) decimal.Decimal {
	t := decimal.Zero
	for _, d := range ds {
		t = t.Add(d)
	}
	return t
}

// tally watches one table for tail differences: a printed total that differs
// from the sum of its printed parts because each is rounded once.
type tally struct{ diff bool }

// check compares the printed total with the sum of the printed parts.
func (t *tally) check(total decimal.Decimal, parts ...decimal.Decimal) {
	s := decimal.Zero
	for _, p := range parts {
		s = s.Add(Round(p))
	}
	if !Round(total).Equal(s) {
		t.diff = true
	}
}

// finish adds the notes of a table: no data, and tail differences.
func (t *tally) finish(tab *Table, empty bool) {
	if empty {
		tab.Notes = append(tab.Notes, NoteEmpty)
	}
	if t.diff {
		tab.Notes = append(tab.Notes, NoteRounding)
	}
}

// colSum adds rows of amounts column by column and keeps the parts, so that
// each printed column total can be checked against its printed parts.
type colSum struct {
	sums  []decimal.Decimal
	parts [][]decimal.Decimal
}

func newColSum(width int) *colSum {
	return &colSum{sums: make([]decimal.Decimal, width), parts: make([][]decimal.Decimal, width)}
}

func (c *colSum) add(row []decimal.Decimal) {
	for i, a := range row {
		c.sums[i] = c.sums[i].Add(a)
		c.parts[i] = append(c.parts[i], a)
	}
}

// check records a tail difference of any column.
func (c *colSum) check(t *tally) {
	for i, s := range c.sums {
		t.check(s, c.parts[i]...)
	}
}

var cnDigits = []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}

// ChineseNumber writes 1..99 as Chinese numerals: 一, 十, 十一, 二十, 二十一.
func ChineseNumber(n int) string {
	switch {
	case n <= 0 || n >= 100:
		return fmt.Sprint(n)
	case n < 10:
		return cnDigits[n]
	case n == 10:
		return "十"
	case n < 20:
		return "十" + cnDigits[n%10]
	case n%10 == 0:
		return cnDigits[n/10] + "十"
	default:
		return cnDigits[n/10] + "十" + cnDigits[n%10]
	}
}

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
	prof, err := profileFor(doc, opts.Layout)
	if err != nil {
		return nil, err
	}
	w := opts.Wording
	if w == nil || w.profile != prof {
		w = prof.defaultWording() // a bureau's wording is for the layout it was written for
	}
	p := &Publication{Year: doc.Year, Department: doc.Department.Name.Value, Unit: UnitWan, Title: prof.Title(doc.Year), Profile: prof}
	b := &Builder{Doc: doc, Pub: p, Lines: ExpenditureLines(doc)}
	for _, d := range prof.Tables {
		t := b.start(d)
		d.Build(b, t)
		t.FormatAmounts()
		t.index()
		p.Tables = append(p.Tables, t)
	}
	if p.Parts, err = prof.Parts(b, w.t); err != nil {
		return nil, err
	}
	if prof.Summarize != nil {
		p.Summary = prof.Summarize(p)
	}
	return p, nil
}

type Builder struct {
	Doc   *input.Document
	Pub   *Publication
	Lines []Line
}

// Line is one expenditure Line with its source resolved.
type Line struct {
	Code      string
	Source    input.Source
	Carryover bool
	Basic     decimal.Decimal
	Project   decimal.Decimal
	// Income is the kind of money of a line not of 财政拨款 (事业收入,
	// 事业单位经营收入, 其他收入) when the line gives it (IncomeGiven).
	Income      input.IncomeKind
	IncomeGiven bool
	// Personnel is the 人员经费 part of Basic when the line gives it
	// (PersonnelGiven); the rest of Basic is 公用经费.
	Personnel      decimal.Decimal
	PersonnelGiven bool
	// A 决算's spending of the kinds only it has: 上缴上级支出, 经营支出,
	// 对附属单位补助支出.
	Remit, Operation, AffiliateSubsidy decimal.Decimal
}

func (l Line) Total() decimal.Decimal { return l.Basic.Add(l.Project) }

// Spent is a 决算 line's 本年支出: 基本 + 项目 + 上缴上级 + 经营 + 对附属单位补助.
func (l Line) Spent() decimal.Decimal {
	return l.Basic.Add(l.Project).Add(l.Remit).Add(l.Operation).Add(l.AffiliateSubsidy)
}

func ExpenditureLines(doc *input.Document) []Line {
	out := make([]Line, 0, len(doc.Expenditures))
	for _, e := range doc.Expenditures {
		l := Line{Code: e.Code.Value, Source: e.Src, Carryover: e.Carryover, Basic: e.Basic.Value, Project: e.Project.Value}
		l.Income, l.IncomeGiven = e.IncomeKind()
		l.Personnel, l.PersonnelGiven = e.Personnel.Value, e.Personnel.Set
		l.Remit, l.Operation, l.AffiliateSubsidy = e.Remit.Value, e.Operation.Value, e.AffiliateSubsidy.Value
		out = append(out, l)
	}
	return out
}

// start makes an empty table from its declaration: label, title, header
// and columns for the input's year and department.
func (b *Builder) start(d *TableDecl) *Table {
	return &Table{
		ID:           d.ID,
		Number:       d.Number,
		Label:        d.Label(),
		Title:        d.FullTitle(b.Doc.Year),
		Department:   b.Doc.Department.Name.Value,
		DeptLabel:    b.Pub.Profile.DeptLabel,
		NoDeptLine:   b.Pub.Profile.NoDeptLine,
		Unit:         d.PrintUnit(),
		Columns:      append([]Column(nil), d.Columns...),
		HeaderRows:   d.HeaderRows,
		Header:       d.HeaderFor(b.Doc.Year),
		Presentation: d.Presentation,
	}
}

// Sum adds amounts exactly.
func Sum(ds ...decimal.Decimal) decimal.Decimal {
	t := decimal.Zero
	for _, d := range ds {
		t = t.Add(d)
	}
	return t
}

// TailCheck watches one table for tail differences: a printed total that differs
// from the sum of its printed parts because each is rounded once.
type TailCheck struct{ diff bool }

// Check compares the printed total with the sum of the printed parts.
func (t *TailCheck) Check(total decimal.Decimal, parts ...decimal.Decimal) {
	s := decimal.Zero
	for _, p := range parts {
		s = s.Add(Round(p))
	}
	if !Round(total).Equal(s) {
		t.diff = true
	}
}

// Finish adds the notes of a table: no data, and tail differences.
func (t *TailCheck) Finish(tab *Table, empty bool) {
	if empty {
		tab.Notes = append(tab.Notes, NoteEmpty)
	}
	if t.diff {
		tab.Notes = append(tab.Notes, NoteRounding)
	}
}

// ColSum adds rows of amounts column by column and keeps the parts, so that
// each printed column total can be checked against its printed parts.
type ColSum struct {
	Sums  []decimal.Decimal
	parts [][]decimal.Decimal
}

func NewColSum(width int) *ColSum {
	return &ColSum{Sums: make([]decimal.Decimal, width), parts: make([][]decimal.Decimal, width)}
}

func (c *ColSum) Add(row []decimal.Decimal) {
	for i, a := range row {
		c.Sums[i] = c.Sums[i].Add(a)
		c.parts[i] = append(c.parts[i], a)
	}
}

// Check records a tail difference of any column.
func (c *ColSum) Check(t *TailCheck) {
	for i, s := range c.Sums {
		t.Check(s, c.parts[i]...)
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

package render

import (
	"fmt"
	"sync"
	"text/template"

	"github.com/budgetpub/budgetpub/input"
)

// A Profile is everything that varies between publications: one value per
// layout (the 13 tables of 部门预算公开 as Shanxi prints them; another
// region's set; a 决算), registered once (Register). A document names its
// layout with `layout:` (input.Document.LayoutOf); BuildWith and Check
// take the profile of that name, and the writers, the pipeline and the
// batch ask the publication's profile (Publication.Profile) rather than
// naming a table.
type Profile struct {
	ID   string // as a document names it: shanxi-13
	Name string // 部门预算公开表（13张）
	Kind Kind
	// TitleFormat is the cover's second line, with the year for %d:
	// %d年度部门预算公开.
	TitleFormat string
	// LabelFormat is what is printed above each table's title, with its
	// number for %d: 预算公开表%d.
	LabelFormat string
	// Tables are the profile's tables in print order.
	Tables []*TableDecl
	// Checks relate the profile's tables (and the texts): each addresses
	// the tables by id.
	Checks []func(*Checker)
	// Lines say where each kind of input line first appears: open data's
	// rows name that table.
	Lines []LineTable
	// Wording is the profile's sentences: their embedded templates and
	// the facts they quote.
	Wording WordingSource
	// Summarize gives what a bureau reads of every publication (the
	// review's figures, next year's prior-year figures): nil gives none.
	Summarize func(*Publication) *Summary
	// PriorYear is the prior_year block of the year after, from this
	// year's built publication (init --from, import --prior): which
	// figures next year's 比上年 sentences compare with. Nil: none
	// carried.
	PriorYear func(*Publication) input.PriorYear
	// Form is the workbench's fill-in form: the fields for what the
	// layout's tables cannot give, in order.
	Form []FormField
	// Parts lays the publication out around its built tables: the Parts in
	// order, 第三部分's sentences from wording.
	Parts func(b *Builder, wording *template.Template) ([]*Part, error)

	// Import is how a workbook of its tables is imported into a master
	// input (importdecl.go): nil, it is not.
	Import *ImportDecl

	// How its tables' pages look, beside each table's own Presentation;
	// the zero value is shanxi-13's. (A LabelFormat of "" prints no label
	// above a table's title.)

	// DeptLabel is the text before the department's name on the line under
	// each table's title: "" prints 部门名称： (DefaultDeptLabel); Shanghai
	// prints 编制部门： (编制单位： for a 单位预算).
	DeptLabel string
	// NoDeptLine prints no department on that line, only the unit (a
	// 决算's tables, as Shanghai publishes them).
	NoDeptLine bool

	// InputKeys are the keys of the master input only some layouts use
	// (input.LayoutKeys: expenditures[].income_kind, subject_purposes,
	// procurement.reserved_sme …) that this layout uses, each a key or a
	// block holding some ("assets"): the files written for it — init
	// --layout's skeleton, a file rolled over or imported into it — show
	// them, unset, for the clerk to fill in (input.FormatOptions.LayoutKeys).
	// None: it uses none, and its files never show them unless given.
	InputKeys []string
}

// Kind is what a publication is: a 预算 (the budget) or a 决算 (the final
// accounts).
type Kind string

// The kinds of publication.
const (
	KindBudget Kind = "预算"
	KindFinal  Kind = "决算"
)

// Decl returns the declaration of a table of the profile, or nil.
func (p *Profile) Decl(id TableID) *TableDecl {
	for _, d := range p.Tables {
		if d.ID == id {
			return d
		}
	}
	return nil
}

// Title is the cover's second line for a year.
func (p *Profile) Title(year int) string { return fmt.Sprintf(p.TitleFormat, year) }

var (
	profilesMu sync.RWMutex
	profiles   = map[string]*Profile{}
)

// Register makes p a layout documents may name (input.RegisterLayout):
// once per profile, at init. A second profile of one id is a programming
// error.
func Register(p *Profile) {
	profilesMu.Lock()
	defer profilesMu.Unlock()
	if _, ok := profiles[p.ID]; ok {
		panic("render: profile " + p.ID + " registered twice")
	}
	for _, d := range p.Tables {
		d.labelFormat = p.LabelFormat
	}
	profiles[p.ID] = p
	input.RegisterLayout(p.ID, p.Name)
}

// ProfileByID is the registered profile of that id.
func ProfileByID(id string) (*Profile, bool) {
	profilesMu.RLock()
	defer profilesMu.RUnlock()
	p, ok := profiles[id]
	return p, ok
}

// Profiles are the registered profiles in the order of input.Layouts:
// the default layout's first, then by id.
func Profiles() []*Profile {
	profilesMu.RLock()
	defer profilesMu.RUnlock()
	var out []*Profile
	for _, id := range input.Layouts() {
		if p, ok := profiles[id]; ok {
			out = append(out, p)
		}
	}
	return out
}

// profileFor is the profile a document is made with: layout when given
// (a --layout), else the document's own (input.Document.LayoutOf).
func profileFor(doc *input.Document, layout string) (*Profile, error) {
	if layout == "" {
		layout = doc.LayoutOf()
	}
	p, ok := ProfileByID(layout)
	if !ok {
		return nil, &input.Error{File: doc.File, Pos: doc.Layout.Pos, Msg: input.UnknownLayout(layout)}
	}
	return p, nil
}

// LineKind is a kind of the master input's lines, as open data lists them
// (one CSV row per amount of each line).
type LineKind string

// The kinds of lines, with what the CSV's description calls them.
const (
	LinesExpenditure         LineKind = "支出（功能分类）"
	LinesEconomic            LineKind = "基本支出经济分类"
	LinesGovFundRevenue      LineKind = "政府性基金收入"
	LinesStateCapitalRevenue LineKind = "国有资本经营收入"
	LinesThreePublic         LineKind = "“三公”经费"
	LinesOperatingCosts      LineKind = "机关运行经费"
	LinesProjects            LineKind = "本年项目"
	LinesCarryoverProjects   LineKind = "上年结转项目"
)

// LineTable says where a kind of line first appears among a profile's
// tables — the table its open-data rows name — and the column of that
// table's total row its amounts sum to exactly.
type LineTable struct {
	Lines LineKind
	Table TableID
	Total ColKey
}

// LineTable is where the profile's tables show lines of that kind; ok
// false when none does (open data then lists no such rows).
func (p *Profile) LineTable(k LineKind) (lt LineTable, ok bool) {
	for _, l := range p.Lines {
		if l.Lines == k {
			return l, true
		}
	}
	return LineTable{}, false
}

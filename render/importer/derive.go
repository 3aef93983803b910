package importer

import (
	"strings"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
)

// Assumption is a split the tables leave open, decided by a stated rule,
// with the cells it rests on.
type Assumption struct {
	Text  string
	Cells []string
	block string // the written file's block it is said above
}

func (a Assumption) String() string {
	return a.Text + "（依据：" + strings.Join(a.Cells, "、") + "）"
}

// deriver builds the master input from the tables read: the profile's
// derivation (render.ImportDecl.Derive) through it, as a render.ImportRun.
type deriver struct {
	rd          *reader
	cat         *input.Catalog
	profile     *render.Profile
	tables      map[render.TableID]*sheetTable
	doc         *input.Document
	assumptions []Assumption
	comments    map[string][]string
	names       map[string]string // code → name as the workbook prints it
}

var _ render.ImportRun = (*deriver)(nil)

func txt(s string) input.Text { return input.Text{Value: s} }

// Table is a table of the profile as read.
func (dv *deriver) Table(id render.TableID) *render.ReadTable {
	if t := dv.tables[id]; t != nil {
		return &t.ReadTable
	}
	return nil
}

// Doc is the master input being derived.
func (dv *deriver) Doc() *input.Document { return dv.doc }

// Catalog names the codes.
func (dv *deriver) Catalog() *input.Catalog { return dv.cat }

// Name records the name a table prints for a code.
func (dv *deriver) Name(code, name string) {
	if name = strings.TrimSpace(name); name != "" && dv.names[code] == "" {
		dv.names[code] = name
	}
}

// CodeNamed is the code a label gives ([30101]基本工资) or else the one
// code of the catalog with that name among those keep accepts ("" when
// none or several).
func (dv *deriver) CodeNamed(name string, keep func(string) bool) string {
	if c, n, ok := leadingCode(name); ok && keep(c) {
		dv.Name(c, n) // [30101]基本工资: the code, named as the table names it
		return c
	}
	name = stripNumbering(name)
	var found []string
	for _, c := range dv.cat.CodesNamed(name) {
		if keep(c) {
			found = append(found, c)
		}
	}
	if len(found) == 1 {
		return found[0]
	}
	return ""
}

// Errorf says an error at a cell or a sheet.
func (dv *deriver) Errorf(ref, format string, args ...any) { dv.rd.errorf(ref, format, args...) }

// Warn says a warning at a cell.
func (dv *deriver) Warn(ref, msg string) {
	dv.rd.problems = append(dv.rd.problems, problem{ref: ref, msg: msg, warning: true})
}

// Assume states the rule that decided a split, above a block of the file.
func (dv *deriver) Assume(block, text string, cells ...string) {
	dv.assumptions = append(dv.assumptions, Assumption{Text: text, Cells: cells, block: block})
}

// Comment writes a comment above a path of the file.
func (dv *deriver) Comment(path, text string) {
	dv.comments[path] = append(dv.comments[path], text)
}

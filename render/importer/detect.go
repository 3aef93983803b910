package importer

import (
	"fmt"

	"github.com/budgetpub/budgetpub/render"
)

// A workbook's layout is told by its tables' titles: shanxi-13's
// 预算收支总表, 预算收入总表 … or shanghai-9's 部门财务收支预算总表,
// 部门收入预算总表 …. The layout whose tables the workbook holds the most
// of is the workbook's; the master input written names it (layout:), so
// that render builds the same tables.

// layoutMatch is one importable profile's tables as found in a workbook.
type layoutMatch struct {
	p       *render.Profile
	found   map[render.TableID]*located
	missing []render.TableID
	errs    []error
}

// titled is how many of the profile's tables the workbook has the titles
// of: those found, and those whose title stands without a header found.
func (m *layoutMatch) titled() int { return len(m.found) + len(m.errs) }

// example is the title of the first of the profile's tables found, as a
// message names it: 2025年部门财务收支预算总表.
func (m *layoutMatch) example() string {
	for _, d := range m.p.Tables {
		if l := m.found[d.ID]; l != nil && l.year > 0 {
			return d.FullTitle(l.year)
		}
	}
	if m.p.Import != nil {
		return m.p.Decl(m.p.Import.Summary).FullTitle(2024)
	}
	for _, d := range m.p.Tables {
		return d.FullTitle(2024) // a profile not imported: its first table
	}
	return m.p.Name
}

func matchLayout(grids []*grid, p *render.Profile) *layoutMatch {
	found, missing, errs := locate(grids, p)
	return &layoutMatch{p, found, missing, errs}
}

// LayoutError is an import refused because the workbook's tables are of
// another layout than the one asked for (Options.Layout).
type LayoutError struct {
	Asked, Found   *render.Profile
	AskedN, FoundN int    // how many of each one's tables the workbook has
	Example        string // a title of the layout found
}

// NotImportableError is an import refused because the workbook's tables
// are of a layout whose workbook is not imported (its profile declares no
// Import): the message names it and how to make its master input instead.
type NotImportableError struct {
	Found   *render.Profile
	FoundN  int
	Example string
}

func (e *NotImportableError) Error() string {
	return fmt.Sprintf("工作簿中的表是版式 %s（%s）的：找到其 %d 张表中的 %d 张（如“%s”）。这个版式的工作簿还不能导入：请用 budgetpub init --layout %s 生成主输入文件，照表填写",
		e.Found.ID, e.Found.Name, len(e.Found.Tables), e.FoundN, e.Example, e.Found.ID)
}

func (e *LayoutError) Error() string {
	return fmt.Sprintf("工作簿中的表是版式 %s（%s）的：找到其 %d 张表中的 %d 张（如“%s”），而指定的版式是 %s（%s，只找到其中 %d 张）：请不指定版式（导入时按表名识别版式），或改为指定 %s",
		e.Found.ID, e.Found.Name, len(e.Found.Tables), e.FoundN, e.Example, e.Asked.ID, e.Asked.Name, e.AskedN, e.Found.ID)
}

// chooseLayout is the profile whose tables the workbook holds, and what was
// found of them: the one asked for (layout) unless another's tables are
// more of the workbook's (a LayoutError); with none asked, the importable
// profile with the most of its tables in the workbook, the default layout
// when it has none of any.
func chooseLayout(grids []*grid, layout string) (*layoutMatch, error) {
	var best, asked, other *layoutMatch
	var notImported []*render.Profile
	for _, q := range render.Profiles() {
		if q.Import == nil {
			notImported = append(notImported, q)
			continue
		}
		m := matchLayout(grids, q)
		if q.ID == layout {
			asked = m
		}
		if best == nil || m.titled() > best.titled() {
			best = m
		}
	}
	// A layout not imported is matched only to say so — a workbook of its
	// tables is refused by name — and only when no importable layout's
	// tables are all there.
	if best == nil || best.titled() < len(best.p.Tables) {
		for _, q := range notImported {
			if m := matchLayout(grids, q); other == nil || m.titled() > other.titled() {
				other = m
			}
		}
	}
	if other != nil && other.titled() > 0 && (best == nil || other.titled() > best.titled()) && (layout == "" || asked == nil || other.titled() > asked.titled()) {
		return nil, &NotImportableError{Found: other.p, FoundN: other.titled(), Example: other.example()}
	}
	if layout == "" {
		if best == nil || best.titled() == 0 {
			p, err := Profile("")
			if err != nil {
				return nil, err
			}
			return matchLayout(grids, p), nil
		}
		return best, nil
	}
	if asked == nil {
		p, err := Profile(layout)
		if err != nil {
			return nil, err
		}
		asked = matchLayout(grids, p)
	}
	if best != nil && best.p != asked.p && best.titled() > asked.titled() {
		return nil, &LayoutError{Asked: asked.p, Found: best.p, AskedN: asked.titled(), FoundN: best.titled(), Example: best.example()}
	}
	return asked, nil
}

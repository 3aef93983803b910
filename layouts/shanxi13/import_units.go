package shanxi13

import (
	"fmt"
	"strings"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
	"github.com/shopspring/decimal"
)

// The units, their projects, 机关运行经费 and “三公” of a workbook read back
// (tables 10 to 13).

// keyRows keys the rows of tables 11, 12 and 13 — units by their names,
// a unit's projects after its subtotal row — and of table 6, whose codes
// are found by their names.
func (dv *importing) keyRows() {
	dv.keyEconomic()
	t11 := dv.tables[T11]
	dv.operating = map[string]bool{}
	for _, e := range t11.Main {
		if e.Key != render.TotalRow {
			dv.operating[e.Label] = true
			e.Key = render.UnitRow(e.Label)
		}
	}
	dv.groups = map[render.TableID][]unitGroup{}
	for _, id := range []render.TableID{T12, T13} {
		gs := dv.projectGroups(id, dv.operating)
		for _, g := range gs {
			g.unit.Key = render.UnitRow(g.unit.Label)
			for _, p := range g.projects {
				p.Key = render.ProjectRow(g.unit.Label, p.Label)
			}
		}
		dv.groups[id] = gs
	}
}

// units derives the units, projects, operating costs and 三公: units in the
// order of table 12, then 13, then 11. No table says a unit's kind or a
// project's category: both are left unknown for the clerk (需补填), and
// what table 11 suggests of a unit's kind is said in a comment above it.
func (dv *importing) units() {
	t11 := dv.tables[T11]
	var order []string
	seen := map[string]bool{}
	addUnit := func(name string) {
		if !seen[name] {
			seen[name] = true
			order = append(order, name)
		}
	}
	for _, id := range []render.TableID{T12, T13} {
		carry := id == T13
		sources := input.AllSources
		if carry {
			sources = input.FiscalSources
		}
		for _, g := range dv.groups[id] {
			addUnit(g.unit.Label)
			for _, p := range g.projects {
				kind, ok := category(p.Optional)
				if !ok {
					dv.run.Warn(dv.tables[id].OptionalRef(p.Row), fmt.Sprintf("项目类别“%s”不是其他运转类或特定目标类：没有填入，请在主输入文件中填写 category", p.Optional))
				}
				dv.doc.Projects = append(dv.doc.Projects, input.Project{
					Unit: txt(g.unit.Label), Name: txt(p.Label), Amounts: bySource(p, sources), Carryover: carry, Category: txt(kind),
				})
			}
		}
	}
	for _, e := range t11.Main {
		if e.Key == render.TotalRow {
			continue
		}
		addUnit(e.Label)
		dv.doc.OperCosts = append(dv.doc.OperCosts, input.OperatingCost{Unit: txt(e.Label), Amount: bySource(e, input.FiscalSources)})
	}
	if len(order) == 0 {
		name := departmentUnit(dv.doc.Department.Name.Value)
		addUnit(name)
		dv.run.Assume("units", fmt.Sprintf("表中没有单位：以部门名称“%s”作为唯一的预算单位", name), t11.Sheet)
	}
	for i, name := range order {
		dv.doc.Units = append(dv.doc.Units, input.Unit{Name: txt(name)})
		path := fmt.Sprintf("units[%d]", i)
		if dv.operating[name] {
			dv.run.Comment(path, "表11（机关运行经费）列出了这个单位：多半是行政单位（administrative）或参照公务员法管理的事业单位（civil_servant_managed），请填写 kind")
		} else {
			dv.run.Comment(path, "表11（机关运行经费）没有列出这个单位：多半是事业单位（institution），请填写 kind")
		}
	}

	items := byKey(dv.tables[T10].Main)
	tp := &dv.doc.ThreePublic
	for key, dst := range map[string]*input.BySource{
		render.ItemOutboundTravel: &tp.OutboundTravel, render.ItemReception: &tp.Reception,
		render.ItemVehiclePurchase: &tp.VehiclePurchase, render.ItemVehicleOperation: &tp.VehicleOperation,
	} {
		if e := items[render.ItemRow(key)]; e != nil {
			*dst = bySource(e, input.FiscalSources)
		} else {
			// Not in the table: nobody said, so not written (not a 0).
			dv.run.Comment("three_public."+key, "表10 中没有这一项")
		}
	}
}

// unitGroup is a unit's subtotal row and its projects.
type unitGroup struct {
	unit     *render.ReadRow
	projects []*render.ReadRow
}

// projectGroups splits the body of table 12 or 13 (after its total row)
// into units and their projects: a unit's subtotal row is followed by its
// projects, which add up to it in every column. A unit named in table 11
// is taken as a unit wherever it stands. When no split adds up, one where
// each unit's projects add up to it in every column but one is taken: one
// wrong cell (a project's or a subtotal's), which the vote then names.
func (dv *importing) projectGroups(id render.TableID, units map[string]bool) []unitGroup {
	t := dv.tables[id]
	rows := t.Main
	if len(rows) > 0 && rows[0].Key == render.TotalRow {
		rows = rows[1:]
	}
	if gs, _ := splitUnits(rows, units, 0); gs != nil || len(rows) == 0 {
		return gs
	}
	gs, bad := splitUnits(rows, units, 1)
	if gs == nil {
		dv.run.Errorf(t.Ref(bad.Row, render.ColItem), "%s中“%s”之后的项目加起来不等于它的金额：无法分清单位小计和项目（每个单位的小计行应紧接其项目）", tableName(t.Decl), bad.Label)
	}
	return gs
}

// splitUnits splits rows into units and their projects, each unit's
// projects adding up to it in all columns but off; nil and the unit row
// that nothing adds up to when they do not.
func splitUnits(rows []*render.ReadRow, units map[string]bool, off int) ([]unitGroup, *render.ReadRow) {
	var out []unitGroup
	for i := 0; i < len(rows); {
		u := rows[i]
		sum := map[render.ColKey]decimal.Decimal{}
		j := i + 1
		for ; j < len(rows); j++ {
			for k, v := range rows[j].Amounts {
				sum[k] = sum[k].Add(v)
			}
			if differing(sum, u.Amounts) <= off && (j+1 >= len(rows) || !isZeroRow(rows[j+1]) || units[rows[j+1].Label]) {
				break
			}
		}
		if j >= len(rows) {
			return nil, u
		}
		out = append(out, unitGroup{unit: u, projects: rows[i+1 : j+1]})
		i = j + 1
	}
	return out, nil
}

// differing counts the columns in which two rows' figures differ.
func differing(a, b map[render.ColKey]decimal.Decimal) int {
	n := 0
	for k, v := range a {
		if !v.Round(2).Equal(b[k].Round(2)) {
			n++
		}
	}
	for k, v := range b {
		if _, ok := a[k]; !ok && !v.Round(2).IsZero() {
			n++
		}
	}
	return n
}

func isZeroRow(e *render.ReadRow) bool {
	for _, v := range e.Amounts {
		if !v.IsZero() {
			return false
		}
	}
	return true
}

// departmentUnit is the unit named after the department when the tables
// name none: the department's name without a trailing [部门] or （部门）.
func departmentUnit(dept string) string {
	for _, s := range []string{"[部门]", "（部门）", "(部门)", "【部门】"} {
		dept = strings.TrimSuffix(dept, s)
	}
	return dept
}

// category is the input's key for a 项目类别 column's word: 特定目标类 or
// 其他运转类 (项目 after it or not), or the key itself; ok is false for
// any other word.
func category(word string) (string, bool) {
	switch strings.TrimSuffix(categoryWord(word), "项目") {
	case "":
		return "", true
	case "特定目标类", input.CategorySpecificGoal:
		return input.CategorySpecificGoal, true
	case "其他运转类", input.CategoryOtherOperating:
		return input.CategoryOtherOperating, true
	}
	return "", false
}

// categoryWord is a 项目类别 cell's text as the importer compares a
// header's or a label's: without its white space.
func categoryWord(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\t', '\n', '\r', '\u3000', '\u00a0':
			return -1
		}
		return r
	}, s)
}

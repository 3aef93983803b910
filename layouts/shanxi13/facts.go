package shanxi13

import (
	"strings"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
	"github.com/shopspring/decimal"
)

// Facts are the figures the explanatory sentences of 第三部分 quote. Each is
// computed from the same input lines, by the same sums, as the table figure
// it matches, so a sentence cannot disagree with its table.
type Facts struct {
	Year, PriorYear int
	Dept            string

	// 一、收支总计: 收入总计 = 本年收入 + 上年结转; 支出总计 likewise.
	Total, Current, Carry decimal.Decimal
	PriorTotal            render.Prior
	TotalReason           string

	// 二、收入 by source, current year (表1 left side).
	GeneralPublic, GovFund, StateCapital, SpecialAccount, UnitFunds decimal.Decimal

	// 三、支出 (表3 合计 row).
	Basic, Project decimal.Decimal

	// 四、财政拨款 (表4).
	Fiscal, FiscalGP, FiscalGF, FiscalSC, FiscalCurrent, FiscalCarry decimal.Decimal
	FiscalCategories                                                 []render.Item

	// 五、一般公共预算当年支出 (表5).
	GPCurrent  decimal.Decimal
	PriorGP    render.Prior
	GPReason   string
	GPCategory []render.Item

	// 六、基本支出 by economic classification (表6).
	EconTotal, Personnel, Public decimal.Decimal
	PersonnelItems, PublicItems  []string

	// 七、“三公” (表10).
	ThreePublic, Travel, Reception, VehiclePurchase, VehicleOperation decimal.Decimal
	PriorThreePublic, PriorTravel, PriorReception                     render.Prior
	PriorVehiclePurchase, PriorVehicleOperation                       render.Prior
	ThreePublicReason                                                 string
	HasThreePublic                                                    bool // any “三公” money this year (as printed)

	// 八、机关运行经费 (表11).
	OperatingUnits        int
	OperatingCosts        decimal.Decimal
	PriorOperatingCosts   render.Prior
	OperatingCostsReason  string
	OperatingUnitsChinese string

	// 九、政府采购.
	Procurement, Goods, Works, Services decimal.Decimal
	HasProcurement                      bool // any procurement budget (as printed)

	// 十、绩效管理.
	Units, UnitsWithGoals                     int
	OverallGoalAmount                         decimal.Decimal
	Projects                                  int
	ProjectAmount                             decimal.Decimal
	OtherOperating, SpecificGoal              int
	OtherOperatingAmount, SpecificGoalAmount  decimal.Decimal
	Published                                 int
	PublishedAmount                           decimal.Decimal
	PublishedOther, PublishedSpecific         int
	PublishedOtherAmount, PublishedSpecAmount decimal.Decimal

	// 十一、国有资产.
	AsOf                                              string // 2023年12月31日
	VehicleQuota, Vehicles, Leader, Confidential      int
	Emergency, LawEnforcement, SpecialTechnical       int
	InstitutionBusiness, OtherVehicles                int
	OfficeArea                                        string
	EquipmentOver500k, EquipmentOver1m                int
	HasVehicles, HasOfficeArea, HasEquipment, HasAsOf bool
	PurchaseOfServices, OtherNotes                    []string
}

// facts gathers the figures of 第三部分 from the built tables: each
// sentence quotes the very cell its table prints (its exact amount, rounded
// once when printed), so a paragraph cannot disagree with its table.
func buildFacts(b *render.Builder) *Facts {
	d, p := b.Doc, b.Pub
	f := &Facts{Year: d.Year, PriorYear: d.Year - 1, Dept: d.Department.Name.Value}
	t1, t3, t4, t5 := p.Table(T1), p.Table(T3), p.Table(T4), p.Table(T5)

	// 一、二: 表1's 支出总计 and its income side by source.
	f.Total = t1.Exact(render.TotalRow, render.ColTotal)
	f.Current, f.Carry = t1.Exact(render.TotalRow, render.ColCurrent), t1.Exact(render.TotalRow, render.ColCarryover)
	income := func(s input.Source) decimal.Decimal { return t1.Exact(render.SourceRow(s), render.ColIncome) }
	f.GeneralPublic, f.GovFund, f.StateCapital = income(input.GeneralPublic), income(input.GovernmentFund), income(input.StateCapital)
	f.SpecialAccount, f.UnitFunds = income(input.SpecialAccount), income(input.UnitFunds)
	f.PriorTotal, f.PriorGP = render.PriorOf(d.PriorYear.Total), render.PriorOf(d.PriorYear.GeneralPublic)
	f.TotalReason, f.GPReason = d.Reasons.TotalChange.Value, d.Reasons.GeneralPublicChange.Value

	// 三: 表3's 合计 row.
	f.Basic, f.Project = t3.Exact(render.TotalRow, render.ColBasic), t3.Exact(render.TotalRow, render.ColProject)

	// 四: 表4's 支出总计 by source, its income side's current year and
	// carry-over, and its categories.
	f.Fiscal = t4.Exact(render.TotalRow, render.ColTotal)
	spent := func(s input.Source) decimal.Decimal { return t4.Exact(render.TotalRow, render.SourceCol(s)) }
	f.FiscalGP, f.FiscalGF, f.FiscalSC = spent(input.GeneralPublic), spent(input.GovernmentFund), spent(input.StateCapital)
	f.FiscalCurrent, f.FiscalCarry = t4.Exact(render.CurrentTotalRow, render.ColIncome), t4.Exact(render.CarryoverRow, render.ColIncome)
	for _, code := range input.Categories {
		if a := t4.Exact(render.CodeRow(code), render.ColTotal); !a.IsZero() {
			f.FiscalCategories = append(f.FiscalCategories, render.Item{Name: d.Name(code), Amount: a})
		}
	}

	// 五: 表5's 合计 and its 类 rows.
	f.GPCurrent = t5.Exact(render.TotalRow, render.ColTotal)
	for _, r := range t5.Rows {
		if r.Key.Role == render.RoleCode && len(r.Key.ID) == 3 {
			if a := t5.Exact(r.Key, render.ColTotal); !a.IsZero() {
				f.GPCategory = append(f.GPCategory, render.Item{Name: t5.Text(r.Key, render.ColName), Amount: a})
			}
		}
	}

	econFacts(b, f)
	threePublicFacts(b, f)
	operatingFacts(b, f)
	performanceFacts(b, f)
	assetFacts(b, f)
	return f
}

// econFacts are 表6's 合计, 人员经费 and 公用经费, and the names of the items
// of each, in table order, once each.
func econFacts(b *render.Builder, f *Facts) {
	t := b.Pub.Table(T6)
	f.EconTotal, f.Personnel, f.Public = t.Exact(render.TotalRow, render.ColTotal), t.Exact(render.TotalRow, render.ColPersonnel), t.Exact(render.TotalRow, render.ColPublic)
	seen := map[string]bool{}
	for _, r := range t.Rows {
		if r.Key.Role != render.RoleEcon {
			continue
		}
		name := t.Text(r.Key, render.ColDeptEcon)
		if seen[name] || t.Exact(r.Key, render.ColTotal).IsZero() {
			continue
		}
		seen[name] = true
		if !t.Exact(r.Key, render.ColPersonnel).IsZero() {
			f.PersonnelItems = append(f.PersonnelItems, name)
		} else {
			f.PublicItems = append(f.PublicItems, name)
		}
	}
}

// threePublicFacts are 表10's rows (合计 of the 财政拨款 sources).
func threePublicFacts(b *render.Builder, f *Facts) {
	t, py := b.Pub.Table(T10), b.Doc.PriorYear.ThreePublic
	item := func(key string) decimal.Decimal { return t.Exact(render.ItemRow(key), render.ColTotal) }
	f.Travel, f.Reception = item(render.ItemOutboundTravel), item(render.ItemReception)
	f.VehiclePurchase, f.VehicleOperation = item(render.ItemVehiclePurchase), item(render.ItemVehicleOperation)
	f.ThreePublic = t.Exact(render.TotalRow, render.ColTotal)
	f.PriorTravel, f.PriorReception = render.PriorOf(py.OutboundTravel), render.PriorOf(py.Reception)
	f.PriorVehiclePurchase, f.PriorVehicleOperation = render.PriorOf(py.VehiclePurchase), render.PriorOf(py.VehicleOperation)
	all := []render.Prior{f.PriorTravel, f.PriorReception, f.PriorVehiclePurchase, f.PriorVehicleOperation}
	f.PriorThreePublic = render.Prior{Set: true}
	for _, p := range all {
		if !p.Set {
			f.PriorThreePublic = render.Prior{} // a total needs every item
			break
		}
		f.PriorThreePublic.Value = f.PriorThreePublic.Value.Add(p.Value)
	}
	f.ThreePublicReason = b.Doc.Reasons.ThreePublicChange.Value
	f.HasThreePublic = !render.Round(f.ThreePublic).IsZero()
}

// operatingFacts are 表11's 部门合计 and its number of units.
func operatingFacts(b *render.Builder, f *Facts) {
	t := b.Pub.Table(T11)
	for _, r := range t.Rows {
		if r.Key.Role == render.RoleUnit {
			f.OperatingUnits++
		}
	}
	f.OperatingCosts = t.Exact(render.TotalRow, render.ColTotal)
	f.OperatingUnitsChinese = render.ChineseCount(f.OperatingUnits)
	f.PriorOperatingCosts = render.PriorOf(b.Doc.PriorYear.OperatingCosts)
	f.OperatingCostsReason = b.Doc.Reasons.OperatingCostsChange.Value
}

// performanceFacts count the projects of 表12 by category, and those that
// publish a goal form, with the amounts their rows print.
func performanceFacts(b *render.Builder, f *Facts) {
	f.Units = len(b.Doc.Units)
	for _, u := range b.Doc.Units {
		if u.OverallGoal {
			f.UnitsWithGoals++
		}
	}
	f.OverallGoalAmount = b.Doc.Performance.OverallGoalAmount.Value
	t := b.Pub.Table(T12)
	for _, p := range b.Doc.Projects {
		if p.Carryover {
			continue
		}
		a := t.Exact(render.ProjectRow(p.Unit.Value, p.Name.Value), render.ColTotal)
		tally := func(n *int, sum *decimal.Decimal) { *n++; *sum = sum.Add(a) }
		specific := p.Category.Value == input.CategorySpecificGoal
		tally(&f.Projects, &f.ProjectAmount)
		if specific {
			tally(&f.SpecificGoal, &f.SpecificGoalAmount)
		} else {
			tally(&f.OtherOperating, &f.OtherOperatingAmount)
		}
		if p.Goal == nil {
			continue
		}
		tally(&f.Published, &f.PublishedAmount)
		if specific {
			tally(&f.PublishedSpecific, &f.PublishedSpecAmount)
		} else {
			tally(&f.PublishedOther, &f.PublishedOtherAmount)
		}
	}
}

func assetFacts(b *render.Builder, f *Facts) {
	a := b.Doc.Assets
	if a.AsOf.Value != "" {
		f.HasAsOf = true
		y, rest, _ := strings.Cut(a.AsOf.Value, "-")
		m, day, _ := strings.Cut(rest, "-")
		f.AsOf = y + "年" + strings.TrimPrefix(m, "0") + "月" + strings.TrimPrefix(day, "0") + "日"
	}
	v := a.Vehicles
	f.HasVehicles = v.Quota.Set || v.Actual.Set
	f.VehicleQuota, f.Vehicles, f.Leader, f.Confidential = v.Quota.Value, v.Actual.Value, v.Leader.Value, v.Confidential.Value
	f.Emergency, f.LawEnforcement, f.SpecialTechnical = v.Emergency.Value, v.LawEnforcement.Value, v.SpecialTechnical.Value
	f.InstitutionBusiness, f.OtherVehicles = v.InstitutionBusiness.Value, v.Other.Value
	f.OfficeArea, f.HasOfficeArea = a.OfficeAreaM2.Value, a.OfficeAreaM2.Value != ""
	f.EquipmentOver500k, f.EquipmentOver1m = a.EquipmentOver500k.Value, a.EquipmentOver1m.Value
	f.HasEquipment = a.EquipmentOver500k.Set || a.EquipmentOver1m.Set
	f.PurchaseOfServices = render.Paragraphs(b.Doc.Notes.PurchaseOfServices.Value)
	f.OtherNotes = render.Paragraphs(b.Doc.Notes.Other.Value)
	p := b.Doc.Procurement
	f.Goods, f.Works, f.Services = p.Goods.Value, p.Works.Value, p.Services.Value
	f.Procurement = render.Sum(f.Goods, f.Works, f.Services)
	f.HasProcurement = !render.Round(f.Procurement).IsZero()
}

// change is one figure the publication compares with last year's: what it
// is, this year's and last year's figure, where last year's is written, the
// clerk's reason (reasons.<key>) and the Facts field that prints it, and
// whether its section's heading asks for the reason (一, 七, 八).
type change struct {
	what     string
	cur      decimal.Decimal
	prior    render.Prior
	at       input.Pos
	priorKey string // prior_year.<priorKey>
	key      string
	text     input.Text
	reason   *string
	asked    bool
}

// changes are the four figures compared with last year's, in the order of
// the sections that compare them.
func changes(doc *input.Document, f *Facts) []change {
	r, py := doc.Reasons, doc.PriorYear
	return []change{
		{"收支总计", f.Total, f.PriorTotal, py.Total.Pos, "total", "total_change", r.TotalChange, &f.TotalReason, true},
		{"一般公共预算当年支出", f.GPCurrent, f.PriorGP, py.GeneralPublic.Pos, input.GeneralPublic.Key(), "general_public_change", r.GeneralPublicChange, &f.GPReason, false},
		{"“三公”经费", f.ThreePublic, f.PriorThreePublic, py.ThreePublic.OutboundTravel.Pos, "three_public.outbound_travel", "three_public_change", r.ThreePublicChange, &f.ThreePublicReason, true},
		{"机关运行经费", f.OperatingCosts, f.PriorOperatingCosts, py.OperatingCosts.Pos, "operating_costs", "operating_costs_change", r.OperatingCostsChange, &f.OperatingCostsReason, true},
	}
}

// factsOf is the publication's facts, as shanxi-13 builds them.
func factsOf(p *render.Publication) *Facts { return p.Facts.(*Facts) }

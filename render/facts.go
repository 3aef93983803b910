package render

import (
	"strings"

	"github.com/budgetpub/budgetpub/input"
	"github.com/shopspring/decimal"
)

// Item is a named amount of a list in a sentence or a chart.
type Item struct {
	Name   string
	Amount decimal.Decimal
}

// Facts are the figures the explanatory sentences of 第三部分 quote. Each is
// computed from the same input lines, by the same sums, as the table figure
// it matches, so a sentence cannot disagree with its table.
type Facts struct {
	Year, PriorYear int
	Dept            string

	// 一、收支总计: 收入总计 = 本年收入 + 上年结转; 支出总计 likewise.
	Total, Current, Carry decimal.Decimal
	PriorTotal            Prior
	TotalReason           string

	// 二、收入 by source, current year (表1 left side).
	GeneralPublic, GovFund, StateCapital, SpecialAccount, UnitFunds decimal.Decimal

	// 三、支出 (表3 合计 row).
	Basic, Project decimal.Decimal

	// 四、财政拨款 (表4).
	Fiscal, FiscalGP, FiscalGF, FiscalSC, FiscalCurrent, FiscalCarry decimal.Decimal
	FiscalCategories                                                 []Item

	// 五、一般公共预算当年支出 (表5).
	GPCurrent  decimal.Decimal
	PriorGP    Prior
	GPReason   string
	GPCategory []Item

	// 六、基本支出 by economic classification (表6).
	EconTotal, Personnel, Public decimal.Decimal
	PersonnelItems, PublicItems  []string

	// 七、“三公” (表10).
	ThreePublic, Travel, Reception, VehiclePurchase, VehicleOperation decimal.Decimal
	PriorThreePublic, PriorTravel, PriorReception                     Prior
	PriorVehiclePurchase, PriorVehicleOperation                       Prior
	ThreePublicReason                                                 string

	// 八、机关运行经费 (表11).
	OperatingUnits        int
	OperatingCosts        decimal.Decimal
	PriorOperatingCosts   Prior
	OperatingCostsReason  string
	OperatingUnitsChinese string

	// 九、政府采购.
	Procurement, Goods, Works, Services decimal.Decimal

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

func prior(a input.Amount) Prior { return Prior{Value: a.Value, Set: a.Set} }

// facts gathers the figures of 第三部分 from the input lines.
func (b *builder) facts() *Facts {
	d := b.doc
	f := &Facts{Year: d.Year, PriorYear: d.Year - 1, Dept: d.Department.Name.Value}
	src := map[input.Source]decimal.Decimal{}
	for _, l := range b.lines {
		if l.carryover {
			f.Carry = f.Carry.Add(l.total())
		} else {
			f.Current = f.Current.Add(l.total())
			src[l.source] = src[l.source].Add(l.total())
		}
		f.Basic = f.Basic.Add(l.basic)
		f.Project = f.Project.Add(l.project)
		if l.fiscal() {
			f.Fiscal = f.Fiscal.Add(l.total())
			if l.carryover {
				f.FiscalCarry = f.FiscalCarry.Add(l.total())
			} else {
				f.FiscalCurrent = f.FiscalCurrent.Add(l.total())
			}
		}
		if l.source == input.GeneralPublic && !l.carryover {
			f.GPCurrent = f.GPCurrent.Add(l.total())
		}
	}
	f.Total = f.Current.Add(f.Carry)
	f.GeneralPublic, f.GovFund, f.StateCapital = src[input.GeneralPublic], src[input.GovernmentFund], src[input.StateCapital]
	f.SpecialAccount, f.UnitFunds = src[input.SpecialAccount], src[input.UnitFunds]
	f.FiscalGP, f.FiscalGF, f.FiscalSC = f.GeneralPublic, f.GovFund, f.StateCapital
	f.PriorTotal, f.PriorGP = prior(d.PriorYear.Total), prior(d.PriorYear.GeneralPublic)
	f.TotalReason, f.GPReason = d.Reasons.TotalChange.Value, d.Reasons.GeneralPublicChange.Value

	cats := b.byCategory()
	for _, code := range input.Categories {
		c := cats[code]
		if c == nil {
			continue
		}
		fiscal := sumSources(c.current, fiscalKeys).Add(sumSources(c.carry, fiscalKeys))
		if !fiscal.IsZero() {
			f.FiscalCategories = append(f.FiscalCategories, Item{b.doc.Name(code), fiscal})
		}
		if gp := c.current[input.GeneralPublic]; !gp.IsZero() {
			f.GPCategory = append(f.GPCategory, Item{b.doc.Name(code), gp})
		}
	}
	// Fiscal income by source includes the fiscal carry-over, as 表4 does.
	for _, l := range b.lines {
		if l.carryover {
			switch l.source {
			case input.GeneralPublic:
				f.FiscalGP = f.FiscalGP.Add(l.total())
			case input.GovernmentFund:
				f.FiscalGF = f.FiscalGF.Add(l.total())
			case input.StateCapital:
				f.FiscalSC = f.FiscalSC.Add(l.total())
			}
		}
	}

	b.econFacts(f)
	b.threePublicFacts(f)
	b.operatingFacts(f)
	b.performanceFacts(f)
	b.assetFacts(f)
	return f
}

func (b *builder) econFacts(f *Facts) {
	seen := map[string]bool{}
	for _, l := range b.doc.BasicByEcon {
		f.EconTotal = f.EconTotal.Add(l.Amount.Value)
		name := b.doc.Name(l.Dept.Value)
		if PersonnelClasses[l.Dept.Value[:3]] {
			f.Personnel = f.Personnel.Add(l.Amount.Value)
		} else {
			f.Public = f.Public.Add(l.Amount.Value)
		}
		if seen[name] || l.Amount.Value.IsZero() {
			continue
		}
		seen[name] = true
		if PersonnelClasses[l.Dept.Value[:3]] {
			f.PersonnelItems = append(f.PersonnelItems, name)
		} else {
			f.PublicItems = append(f.PublicItems, name)
		}
	}
	// In table order: by code.
	sortByCode := func(names []string) {
		code := map[string]string{}
		for _, l := range b.doc.BasicByEcon {
			n := b.doc.Name(l.Dept.Value)
			if c, ok := code[n]; !ok || l.Dept.Value < c {
				code[n] = l.Dept.Value
			}
		}
		for i := 1; i < len(names); i++ {
			for j := i; j > 0 && code[names[j]] < code[names[j-1]]; j-- {
				names[j], names[j-1] = names[j-1], names[j]
			}
		}
	}
	sortByCode(f.PersonnelItems)
	sortByCode(f.PublicItems)
}

func (b *builder) threePublicFacts(f *Facts) {
	tp, py := b.doc.ThreePublic, b.doc.PriorYear.ThreePublic
	f.Travel, f.Reception = tp.OutboundTravel.Fiscal(), tp.Reception.Fiscal()
	f.VehiclePurchase, f.VehicleOperation = tp.VehiclePurchase.Fiscal(), tp.VehicleOperation.Fiscal()
	f.ThreePublic = sum(f.Travel, f.Reception, f.VehiclePurchase, f.VehicleOperation)
	f.PriorTravel, f.PriorReception = prior(py.OutboundTravel), prior(py.Reception)
	f.PriorVehiclePurchase, f.PriorVehicleOperation = prior(py.VehiclePurchase), prior(py.VehicleOperation)
	all := []Prior{f.PriorTravel, f.PriorReception, f.PriorVehiclePurchase, f.PriorVehicleOperation}
	f.PriorThreePublic = Prior{Set: true}
	for _, p := range all {
		if !p.Set {
			f.PriorThreePublic = Prior{} // a total needs every item
			break
		}
		f.PriorThreePublic.Value = f.PriorThreePublic.Value.Add(p.Value)
	}
	f.ThreePublicReason = b.doc.Reasons.ThreePublicChange.Value
}

func (b *builder) operatingFacts(f *Facts) {
	for _, oc := range b.doc.OperCosts {
		f.OperatingUnits++
		f.OperatingCosts = f.OperatingCosts.Add(oc.Amount.Fiscal())
	}
	f.OperatingUnitsChinese = ChineseCount(f.OperatingUnits)
	f.PriorOperatingCosts = prior(b.doc.PriorYear.OperatingCosts)
	f.OperatingCostsReason = b.doc.Reasons.OperatingCostsChange.Value
}

func (b *builder) performanceFacts(f *Facts) {
	f.Units = len(b.doc.Units)
	for _, u := range b.doc.Units {
		if u.OverallGoal {
			f.UnitsWithGoals++
		}
	}
	f.OverallGoalAmount = b.doc.Performance.OverallGoalAmount.Value
	for _, p := range b.doc.Projects {
		if p.Carryover {
			continue
		}
		a := p.Amounts.Total()
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

func (b *builder) assetFacts(f *Facts) {
	a := b.doc.Assets
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
	f.PurchaseOfServices = paragraphs(b.doc.Notes.PurchaseOfServices.Value)
	f.OtherNotes = paragraphs(b.doc.Notes.Other.Value)
	p := b.doc.Procurement
	f.Goods, f.Works, f.Services = p.Goods.Value, p.Works.Value, p.Services.Value
	f.Procurement = sum(f.Goods, f.Works, f.Services)
}

// ChineseCount writes a count of units as 一家, 两家, 三家 ….
func ChineseCount(n int) string {
	if n == 2 {
		return "两"
	}
	return ChineseNumber(n)
}

package shanghai9

import (
	"fmt"
	"strings"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
	"github.com/shopspring/decimal"
)

// Facts are the figures shanghai-9's sentences quote, in 万元, each read off
// the built tables (tables 1–8 in 元, shifted back exactly) so that a
// sentence cannot disagree with its table.
type Facts struct {
	Year, PriorYear int
	Dept            string
	// Unit: a unit's 单位预算 (shanghai-9-unit), whose sentences say 本单位,
	// 与…持平 and each 项 against last year's execution.
	Unit bool
	// Same is the word before …年预算持平 in 编制说明: 比 for a department
	// (as its publications print it), 与 for a unit.
	Same string
	// Self is 本部门 or 本单位; YearWord 年 or, for a unit, 年度
	// (2025年度本单位政府采购预算…).
	Self, YearWord string

	// 四、预算编制说明: 表1, 表4, 表5–7.
	Income, Fiscal, Business, Operating, Other decimal.Decimal
	Spending, FiscalSpending                   decimal.Decimal
	GeneralPublic, GovFund, StateCapital       decimal.Decimal
	PriorFiscal, PriorGP, PriorGF, PriorSC     render.Prior
	Subjects                                   []Subject

	// 六（一）“三公” (表9, 财政拨款).
	ThreePublic, Travel, Reception, Vehicles, VehiclePurchase, VehicleOperation decimal.Decimal
	PriorThreePublic, PriorTravel, PriorReception, PriorVehicles                render.Prior
	PriorVehiclePurchase, PriorVehicleOperation                                 render.Prior
	ThreePublicReason                                                           string
	// Each item\'s reason (a mark when it changed and none was given).
	TravelReason, ReceptionReason, VehiclePurchaseReason, VehicleOperationReason string

	// 六（二）机关运行经费 (表9): the units that have it, as the sentence
	// counts them (下属2家机关和1家参公事业单位).
	OperatingCosts    decimal.Decimal
	OperatingUnits    string
	HasOperatingCosts bool

	// 六（三）政府采购, with the set-asides for 中小企业 and 小微企业 (a mark
	// when not given).
	Procurement, Goods, Works, Services decimal.Decimal
	ReservedSME, ReservedSmallMicro     string

	// 六（四）绩效目标: the budget units, the projects with goals and their money.
	Units, Projects, GoalProjects int
	GoalAmount                    decimal.Decimal
}

// Subject is one 项 of table 5 as 编制说明 lists it: its number, its
// 类/款/项 names, its 合计 and the clerk's purpose (主要用于……).
type Subject struct {
	N                    int
	Class, Section, Item string
	Amount               decimal.Decimal
	Purpose              string
	// Executed is last year's 当年预算执行数 of the 项 (subject_purposes'
	// prior_executed), which a unit's sentence compares with; ExecutedMark
	// is the mark a unit prints when nobody gave it.
	Executed     render.Prior
	ExecutedMark string
}

// factAbout says what each field of Facts is (open data's JSON Schema).
var factAbout = map[string]string{
	"Year": "预算年度", "PriorYear": "上年度", "Dept": "部门名称",
	"Unit": "是否单位预算", "Same": "编制说明“持平”之前的字（部门预算 比，单位预算 与）",
	"Self": "本部门或本单位", "YearWord": "年或年度（单位预算）",
	"Income": "收入预算（表1 收入总计）", "Fiscal": "财政拨款收入（表1）", "Business": "事业收入（表1）",
	"Operating": "事业单位经营收入（表1）", "Other": "其他收入（表1）",
	"Spending": "支出预算（表1 支出总计）", "FiscalSpending": "财政拨款支出预算（表4 支出总计）",
	"GeneralPublic": "一般公共预算拨款支出预算（表5 合计）", "GovFund": "政府性基金拨款支出预算（表6 合计）",
	"StateCapital": "国有资本经营预算拨款支出预算（表7 合计）",
	"PriorFiscal":  "上年财政拨款预算", "PriorGP": "上年一般公共预算拨款支出预算", "PriorGF": "上年政府性基金拨款支出预算",
	"PriorSC": "上年国有资本经营预算拨款支出预算", "Subjects": "表5 各项级科目及其主要用途（单位预算另有上年当年预算执行数）",
	"ThreePublic": "“三公”经费（表9 合计）", "Travel": "因公出国（境）费（表9）", "Reception": "公务接待费（表9）",
	"Vehicles": "公务用车购置及运行费（表9 小计）", "VehiclePurchase": "公务用车购置费（表9）", "VehicleOperation": "公务用车运行费（表9）",
	"PriorThreePublic": "上年“三公”经费预算", "PriorTravel": "上年因公出国（境）费", "PriorReception": "上年公务接待费",
	"PriorVehicles": "上年公务用车购置及运行费", "PriorVehiclePurchase": "上年公务用车购置费", "PriorVehicleOperation": "上年公务用车运行费",
	"ThreePublicReason": "“三公”经费增减的原因（部门填写）",
	"TravelReason":      "因公出国（境）费增减的原因", "ReceptionReason": "公务接待费增减的原因",
	"VehiclePurchaseReason": "公务用车购置费增减的原因", "VehicleOperationReason": "公务用车运行费增减的原因",
	"OperatingCosts": "机关运行经费（表9）", "OperatingUnits": "有机关运行经费的单位（如 下属2家机关和1家参公事业单位）",
	"HasOperatingCosts": "是否有机关运行经费",
	"ReservedSME":       "面向中小企业预留的政府采购项目预算（如 80万元）", "ReservedSmallMicro": "其中预留给小型和微型企业的（如 30万元）",
	"Procurement": "政府采购预算", "Goods": "政府采购货物预算", "Works": "政府采购工程预算", "Services": "政府采购服务预算",
	"Units": "预算单位数", "Projects": "本年项目数", "GoalProjects": "编报绩效目标的项目数", "GoalAmount": "编报绩效目标的项目预算资金",
}

// wan is a table's figure in 元 as the text's 万元, exactly.
func wan(d decimal.Decimal) decimal.Decimal { return d.Shift(-4) }

// buildFacts reads the figures of the text off the built tables.
func buildFacts(v variant, b *render.Builder) *Facts {
	d, p := b.Doc, b.Pub
	f := &Facts{Year: d.Year, PriorYear: d.Year - 1, Dept: d.Department.Name.Value, Unit: v.unit, Same: "比", Self: v.self, YearWord: "年"}
	if v.unit {
		f.Same, f.YearWord = "与", "年度"
	}
	t1, t4 := p.Table(S1), p.Table(S4)
	f.Income, f.Spending = wan(t1.Exact(render.TotalRow, render.ColIncome)), wan(t1.Exact(render.TotalRow, render.ColTotal))
	f.Fiscal = wan(t1.Exact(rowFiscal, render.ColIncome))
	f.Business = wan(t1.Exact(render.ItemRow(string(kindCols[kindBusiness])), render.ColIncome))
	f.Operating = wan(t1.Exact(render.ItemRow(string(kindCols[kindOperating])), render.ColIncome))
	f.Other = wan(t1.Exact(render.ItemRow(string(kindCols[kindOther])), render.ColIncome))
	f.FiscalSpending = wan(t4.Exact(render.TotalRow, render.ColTotal))
	total := func(id render.TableID) decimal.Decimal {
		return wan(p.Table(id).Exact(render.TotalRow, render.ColTotal))
	}
	f.GeneralPublic, f.GovFund, f.StateCapital = total(S5), total(S6), total(S7)
	f.PriorGP = render.PriorOf(d.PriorYear.GeneralPublic)
	f.PriorFiscal, f.PriorGF, f.PriorSC = render.PriorOf(d.PriorYear.Fiscal), render.PriorOf(d.PriorYear.GovernmentFund), render.PriorOf(d.PriorYear.StateCapital)

	// One sentence per 项 of table 5, in code order.
	t5 := p.Table(S5)
	for _, r := range t5.Rows {
		if r.Key.Role != render.RoleCode || len(r.Key.ID) != 7 {
			continue
		}
		code := r.Key.ID
		s := Subject{N: len(f.Subjects) + 1, Class: d.Name(code[:3]), Section: d.Name(code[:5]), Item: d.Name(code),
			Amount: wan(t5.Exact(r.Key, render.ColTotal))}
		sp, given := d.PurposeOf(code)
		if v.unit {
			if given && sp.PriorExecuted.Set {
				s.Executed = render.PriorOf(sp.PriorExecuted)
			} else {
				at := b.KeyPos("subject_purposes")
				if given {
					at = sp.Pos
				}
				s.ExecutedMark = b.Unknown(unknownPurpose, fmt.Sprintf("科目“%s”（%s）%d年的当年预算执行数", s.Item, code, d.Year-1), "subject_purposes", at)
			}
		}
		if given && render.Given(sp.Purpose) {
			s.Purpose = sentence(sp.Purpose.Value)
		} else {
			ok := given
			at := b.KeyPos("subject_purposes")
			if ok {
				at = sp.Pos
			}
			s.Purpose = b.Unknown(unknownPurpose, fmt.Sprintf("科目“%s”（%s）的主要用途", s.Item, code), "subject_purposes", at)
		}
		f.Subjects = append(f.Subjects, s)
	}

	// 三公 and 机关运行经费: table 9, in 万元.
	t9 := p.Table(S9)
	cell := func(c render.ColKey) decimal.Decimal { return t9.Exact(render.TotalRow, c) }
	f.ThreePublic, f.Travel, f.Reception = cell(render.ColTotal), cell(colTravel), cell(colReception)
	f.Vehicles, f.VehiclePurchase, f.VehicleOperation = cell(colVehicles), cell(colPurchase), cell(colOperation)
	py := d.PriorYear.ThreePublic
	f.PriorTravel, f.PriorReception = render.PriorOf(py.OutboundTravel), render.PriorOf(py.Reception)
	f.PriorVehiclePurchase, f.PriorVehicleOperation = render.PriorOf(py.VehiclePurchase), render.PriorOf(py.VehicleOperation)
	if py.VehiclePurchase.Set && py.VehicleOperation.Set {
		f.PriorVehicles = render.Prior{Value: py.VehiclePurchase.Value.Add(py.VehicleOperation.Value), Set: true}
	}
	if f.PriorTravel.Set && f.PriorReception.Set && f.PriorVehicles.Set {
		f.PriorThreePublic = render.Prior{Value: f.PriorTravel.Value.Add(f.PriorReception.Value).Add(f.PriorVehicles.Value), Set: true}
	}
	f.ThreePublicReason = d.Reasons.ThreePublicChange.Value
	rs := d.Reasons
	reason := func(t input.Text, cur decimal.Decimal, p render.Prior, what, key string) string {
		if render.Given(t) {
			return strings.TrimSpace(t.Value)
		}
		if !p.Set || render.Round(cur).Equal(render.Round(p.Value)) {
			return "" // no change, or no prior figure: nothing to explain
		}
		return b.Unknown(render.ReasonMissing, what+"比上年增减的原因", "reasons."+key, b.KeyPos("reasons"))
	}
	f.TravelReason = reason(rs.OutboundTravelChange, f.Travel, f.PriorTravel, "因公出国（境）费", "outbound_travel_change")
	f.ReceptionReason = reason(rs.ReceptionChange, f.Reception, f.PriorReception, "公务接待费", "reception_change")
	f.VehiclePurchaseReason = reason(rs.VehiclePurchaseChange, f.VehiclePurchase, f.PriorVehiclePurchase, "公务用车购置费", "vehicle_purchase_change")
	f.VehicleOperationReason = reason(rs.VehicleOperationChange, f.VehicleOperation, f.PriorVehicleOperation, "公务用车运行费", "vehicle_operation_change")
	f.OperatingCosts = cell(colOperating)
	f.HasOperatingCosts = !render.Round(f.OperatingCosts).IsZero()
	f.OperatingUnits = operatingUnits(b)

	// 政府采购 and 绩效目标.
	pr := d.Procurement
	f.Goods, f.Works, f.Services = pr.Goods.Value, pr.Works.Value, pr.Services.Value
	f.Procurement = f.Goods.Add(f.Works).Add(f.Services)
	reserved := func(a input.Amount, what, key string) string {
		if a.Set {
			return render.FormatWan(a.Value)
		}
		return b.Unknown(render.UnknownProcurement, what, "procurement."+key, pr.Pos)
	}
	f.ReservedSME = reserved(pr.ReservedSME, "面向中小企业预留的政府采购项目预算", "reserved_sme")
	f.ReservedSmallMicro = reserved(pr.ReservedSmallMicro, "其中预留给小型和微型企业的政府采购项目预算", "reserved_small_micro")
	f.Units = len(d.Units)
	for _, pj := range d.Projects {
		if !pj.Carryover {
			f.Projects++
		}
		if pj.Goal != nil && !pj.Carryover {
			f.GoalProjects++
			f.GoalAmount = f.GoalAmount.Add(pj.Amounts.Total())
		}
	}
	return f
}

// sentence is a clerk's text as one sentence: trimmed, with the full stop
// the sentence after it needs when the text has none.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s != "" && !strings.HasSuffix(s, "。") && !strings.HasSuffix(s, "！") && !strings.HasSuffix(s, "？") {
		s += "。"
	}
	return s
}

// operatingUnits is how the 机关运行经费 sentence counts the units that
// have it: 下属2家机关和1家参公事业单位 (行政单位 are 机关, 参照公务员法管理的
// 事业单位 参公事业单位, others 事业单位); a unit whose kind nobody gave is a
// mark.
func operatingUnits(b *render.Builder) string {
	kinds := map[string]input.Unit{}
	for _, u := range b.Doc.Units {
		kinds[u.Name.Value] = u
	}
	var agencies, civil, institutions int
	var missing []string
	for _, o := range b.Doc.OperCosts {
		if render.Round(o.Amount.Fiscal()).IsZero() {
			continue
		}
		switch u := kinds[o.Unit.Value]; u.Kind.Value {
		case input.KindAdministrative:
			agencies++
		case input.KindCivilServant:
			civil++
		case input.KindInstitution:
			institutions++
		default:
			missing = append(missing, o.Unit.Value)
		}
	}
	if len(missing) > 0 {
		return b.Unknown(render.UnknownUnitKind, "单位“"+strings.Join(missing, "、")+"”的类型（行政单位、参照公务员法管理的事业单位或事业单位）", "units", b.KeyPos("units"))
	}
	var parts []string
	if agencies > 0 {
		parts = append(parts, fmt.Sprintf("%d家机关", agencies))
	}
	if civil > 0 {
		parts = append(parts, fmt.Sprintf("%d家参公事业单位", civil))
	}
	if institutions > 0 {
		parts = append(parts, fmt.Sprintf("%d家事业单位", institutions))
	}
	return "下属" + strings.Join(parts, "和")
}

// factsOf is the publication's facts, as shanghai-9 builds them.
func factsOf(p *render.Publication) *Facts { return p.Facts.(*Facts) }

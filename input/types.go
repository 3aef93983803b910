package input

import (
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// Pos is a place in the input file (1-based line and column).
type Pos struct {
	Line, Col int
}

// Amount is an exact amount of money, always held in 万元 whatever unit the
// file was written in. Set tells whether the file gave it at all.
type Amount struct {
	Value decimal.Decimal
	Set   bool
	Pos   Pos
}

// Text is a scalar string with its place in the file.
type Text struct {
	Value string
	Pos   Pos
	// Body is where the value's first character stands: after the quote of
	// a quoted scalar, on the first line of a block scalar (duties: |).
	Body Pos
}

// PosOf is the place in the file of the character at byte offset i of the
// value (exact on one line and in literal blocks).
func (t Text) PosOf(i int) Pos {
	body := t.Body
	if body.Line == 0 {
		body = t.Pos
	}
	before := t.Value[:min(max(i, 0), len(t.Value))]
	line, last := body.Line, -1
	for k := 0; k < len(before); k++ {
		if before[k] == '\n' {
			line++
			last = k
		}
	}
	if last < 0 {
		return Pos{Line: line, Col: body.Col + utf8.RuneCountInString(before)}
	}
	return Pos{Line: line, Col: body.Col + utf8.RuneCountInString(before[last+1:])}
}

// BySource is money split by funding source. In YAML it is either a bare
// number (all 一般公共预算) or a mapping from source to amount.
type BySource struct {
	Amounts [numSources]Amount // by Source; an amount the file names has a position
	Pos     Pos
}

// Get returns the amount of one source (zero when absent).
func (b BySource) Get(s Source) decimal.Decimal {
	return b.Amounts[s].Value
}

// Given tells whether the file names the source (even with a zero amount).
func (b BySource) Given(s Source) bool { return b.Amounts[s].Pos.Line > 0 }

// Any tells whether the file names any source.
func (b BySource) Any() bool {
	for _, s := range AllSources {
		if b.Given(s) {
			return true
		}
	}
	return false
}

// Total is the sum over all sources.
func (b BySource) Total() decimal.Decimal {
	t := decimal.Zero
	for _, s := range AllSources {
		t = t.Add(b.Get(s))
	}
	return t
}

// Fiscal is the sum over the three 财政拨款 sources.
func (b BySource) Fiscal() decimal.Decimal {
	t := decimal.Zero
	for _, s := range FiscalSources {
		t = t.Add(b.Get(s))
	}
	return t
}

// Document is one master input: a department's budget publication for one year.
type Document struct {
	File     string `yaml:"-"`
	Encoding string `yaml:"-"` // the file's encoding: UTF-8, or GB18030/UTF-16 read for the clerk (see EncodingNotice)

	Schema       int                 `yaml:"schema" req:"1"`
	Year         int                 `yaml:"year" req:"1"`
	AmountUnit   string              `yaml:"amount_unit"`
	Layout       Text                `yaml:"layout"` // the publication's layout (layout.go): "" is DefaultLayout
	PrintFormat  PrintFormat         `yaml:"print_format" only:"layout"`
	Department   Department          `yaml:"department" req:"1"`
	Overview     Overview            `yaml:"overview"`
	CodeNames    []CodeName          `yaml:"code_names"`
	Units        []Unit              `yaml:"units" req:"1"`
	Expenditures []Expenditure       `yaml:"expenditures"`
	Purposes     []SubjectPurpose    `yaml:"subject_purposes" only:"layout"`
	BasicByEcon  []EconomicLine      `yaml:"basic_by_economic"`
	GovFundRev   []RevenueLine       `yaml:"government_fund_revenue"`
	StateCapRev  []RevenueLine       `yaml:"state_capital_revenue"`
	Projects     []Project           `yaml:"projects"`
	ThreePublic  ThreePublic         `yaml:"three_public"`
	OperCosts    []OperatingCost     `yaml:"operating_costs"`
	PriorYear    PriorYear           `yaml:"prior_year"`
	Reasons      Reasons             `yaml:"reasons"`
	Procurement  Procurement         `yaml:"procurement"`
	Assets       Assets              `yaml:"assets"`
	Notes        Notes               `yaml:"notes"`
	Performance  PerformanceOverview `yaml:"performance"`
	Glossary     []GlossaryEntry     `yaml:"glossary"`
	// Final is what only a 决算 gives (final.go).
	Final FinalAccounts `yaml:"final" only:"layout"`
	Pos   Pos           `yaml:"-"`
	// Keys are the places of the top-level keys (projects, three_public …),
	// for findings that concern a whole block.
	Keys map[string]Pos `yaml:"-"`

	names map[string]string // resolved names of every code used
}

// PrintFormat is how a layout whose tables are in 元 prints their amounts:
// with two decimals or in whole 元, an empty cell blank or 0. Each is
// optional: DecimalPlaces and EmptyAsZero give the defaults.
type PrintFormat struct {
	Decimals Count `yaml:"decimals"`         // 2 or 0
	Empty    Text  `yaml:"empty" kind:"key"` // EmptyBlank or EmptyZero
	Pos      Pos   `yaml:"-"`
}

// The print formats' values and defaults.
const (
	DefaultDecimals = 2       // print_format.decimals not given
	EmptyBlank      = "blank" // an empty amount cell is left blank (the default)
	EmptyZero       = "zero"  // an empty amount cell prints 0
)

// DecimalPlaces is the number of decimals of an amount in 元: 2 or 0
// (DefaultDecimals when not given).
func (p PrintFormat) DecimalPlaces() int {
	if p.Decimals.Set {
		return p.Decimals.Value
	}
	return DefaultDecimals
}

// EmptyAsZero tells whether an empty amount cell prints 0 (empty: zero)
// rather than staying blank (the default).
func (p PrintFormat) EmptyAsZero() bool { return p.Empty.Value == EmptyZero }

// Department identifies the publishing department.
type Department struct {
	Code   Text `yaml:"code"`
	Name   Text `yaml:"name" req:"1"`
	Region Text `yaml:"region"`
	Pos    Pos  `yaml:"-"`
}

// Overview is 第一部分 概况, as written by the department.
type Overview struct {
	Duties       Text `yaml:"duties"`
	Organization Text `yaml:"organization"`
}

// CodeName names a classification code the catalog lacks, or prints it differently.
type CodeName struct {
	Code Text `yaml:"code" req:"1"`
	Name Text `yaml:"name" req:"1"`
	Pos  Pos  `yaml:"-"`
}

// Unit is a budget unit (预算单位) of the department.
type Unit struct {
	Name        Text `yaml:"name" req:"1"`
	Kind        Text `yaml:"kind"` // "" is unknown: a completeness finding
	OverallGoal bool `yaml:"overall_goal"`
	Pos         Pos  `yaml:"-"`
}

// Unit kinds: 行政单位, 参照公务员法管理的事业单位 (参公单位, which have 机关运行经费
// as administrative units do) and 事业单位.
const (
	KindAdministrative = "administrative"
	KindCivilServant   = "civil_servant_managed"
	KindInstitution    = "institution"
)

// UnitKinds are the unit kinds, in the order they are offered.
var UnitKinds = []string{KindAdministrative, KindCivilServant, KindInstitution}

// UnitKindTitle is a unit kind as the publication and the forms say it.
func UnitKindTitle(kind string) string {
	switch kind {
	case KindAdministrative:
		return "行政单位"
	case KindCivilServant:
		return "参照公务员法管理的事业单位"
	case KindInstitution:
		return "事业单位"
	}
	return kind
}

// HasOperatingCosts tells whether a unit of this kind has 机关运行经费:
// administrative units and those managed under the civil-servant law.
func (u Unit) HasOperatingCosts() bool {
	return u.Kind.Value == KindAdministrative || u.Kind.Value == KindCivilServant
}

// Expenditure is one expenditure line: a 项-level function code, a source,
// current year or carry-over, split into basic and project expenditure.
type Expenditure struct {
	Code   Text   `yaml:"code" req:"1"`
	Name   Text   `yaml:"name"`
	Source Text   `yaml:"source"`
	Src    Source `yaml:"-"` // Source resolved (DefaultSource when not given)
	// Income is the kind of income of money not of 财政拨款 (income_kind:
	// business, operating, other): read it with IncomeKind.
	Income    Text   `yaml:"income_kind" kind:"key" only:"layout"`
	Carryover bool   `yaml:"carryover"`
	Basic     Amount `yaml:"basic"`
	// Personnel is the 人员经费 part of Basic (basic_personnel), the rest
	// being 公用经费: a 单位预算's 财务收支预算总表 splits its 基本支出 so.
	Personnel Amount `yaml:"basic_personnel" only:"layout"`
	Project   Amount `yaml:"project"`
	// A 决算's spending of the kinds only it has: 上缴上级支出, 经营支出,
	// 对附属单位补助支出.
	Remit            Amount `yaml:"remit" only:"layout"`
	Operation        Amount `yaml:"operation" only:"layout"`
	AffiliateSubsidy Amount `yaml:"affiliate_subsidy" only:"layout"`
	Pos              Pos    `yaml:"-"`
}

// SubjectPurpose is what the money of one 项 is mainly used for, as a
// layout's 编制说明 says it after the 项's amount (Shanghai's
// "“类-款-项”科目X万元，主要用于……"), with last year's 当年预算执行数 of
// that 项 (its 单位预算 compares with it). One line a code, of a code the
// expenditure lines have.
type SubjectPurpose struct {
	Code          Text   `yaml:"code" req:"1"`
	Purpose       Text   `yaml:"purpose"`        // 主要用于……
	PriorExecuted Amount `yaml:"prior_executed"` // 上年当年预算执行数; not given: unknown
	// VarianceReason is why a 决算's 项 differs from its 年初预算
	// (决算数大于（小于）预算数的主要原因).
	VarianceReason Text `yaml:"variance_reason" only:"layout"`
	Pos            Pos  `yaml:"-"`
}

// PurposeOf is the purpose line of a 项 code, if the document gives one.
func (doc *Document) PurposeOf(code string) (SubjectPurpose, bool) {
	for _, p := range doc.Purposes {
		if p.Code.Value == code {
			return p, true
		}
	}
	return SubjectPurpose{}, false
}

// EconomicLine is one line of table 6: general-public basic expenditure of
// the current year by economic classification.
type EconomicLine struct {
	Dept     Text   `yaml:"dept" req:"1"`
	DeptName Text   `yaml:"dept_name"`
	Gov      Text   `yaml:"gov" req:"1"`
	GovName  Text   `yaml:"gov_name"`
	Unit     Text   `yaml:"unit"`
	Amount   Amount `yaml:"amount" req:"1"`
	Pos      Pos    `yaml:"-"`
}

// RevenueLine is one revenue line of table 7 or 9.
type RevenueLine struct {
	Code   Text   `yaml:"code" req:"1"`
	Name   Text   `yaml:"name"`
	Amount Amount `yaml:"amount" req:"1"`
	Pos    Pos    `yaml:"-"`
}

// Project is one project of tables 12 and 13.
type Project struct {
	Unit      Text     `yaml:"unit" req:"1"`
	Name      Text     `yaml:"name" req:"1"`
	Amounts   BySource `yaml:"amounts" req:"1"`
	Category  Text     `yaml:"category"`
	Carryover bool     `yaml:"carryover"`
	// Description is the project's 项目经费情况说明, for a layout that
	// publishes one per project (written as a block: format:"block").
	Description *ProjectDescription `yaml:"description" only:"layout" format:"block"`
	Goal        *PerformanceGoal    `yaml:"performance_goal"`
	Pos         Pos                 `yaml:"-"`
}

// ProjectDescription is a project's 项目经费情况说明: free texts under its
// seven fixed headings.
type ProjectDescription struct {
	Overview    Text `yaml:"overview"`    // 一、项目概述
	Basis       Text `yaml:"basis"`       // 二、立项依据
	Implementer Text `yaml:"implementer"` // 三、实施主体
	Plan        Text `yaml:"plan"`        // 四、实施方案
	Period      Text `yaml:"period"`      // 五、实施周期
	Schedule    Text `yaml:"schedule"`    // 六、年度预算安排
	Goals       Text `yaml:"goals"`       // 七、绩效目标
	Pos         Pos  `yaml:"-"`
}

// Project categories.
const (
	CategoryOtherOperating = "other_operating"
	CategorySpecificGoal   = "specific_goal"
)

// ThreePublic is the “三公” budget (table 10), each item by source.
type ThreePublic struct {
	OutboundTravel   BySource `yaml:"outbound_travel"`
	Reception        BySource `yaml:"reception"`
	VehiclePurchase  BySource `yaml:"vehicle_purchase"`
	VehicleOperation BySource `yaml:"vehicle_operation"`
	Pos              Pos      `yaml:"-"`
}

// OperatingCost is 机关运行经费 of one administrative unit (table 11).
type OperatingCost struct {
	Unit   Text     `yaml:"unit" req:"1"`
	Amount BySource `yaml:"amount" req:"1"`
	Pos    Pos      `yaml:"-"`
}

// PriorYear holds the previous year's figures that the 比上年 sentences need.
// An absent figure means no comparison is printed.
type PriorYear struct {
	Total Amount `yaml:"total"`
	// Fiscal is last year's 财政拨款收入 (= 支出) 预算, as a layout compares
	// this year's with it (Shanghai's 编制说明).
	Fiscal        Amount `yaml:"fiscal" only:"layout"`
	GeneralPublic Amount `yaml:"general_public"`
	// GovernmentFund and StateCapital are last year's 政府性基金 and 国有资本
	// 经营预算拨款支出预算.
	GovernmentFund Amount           `yaml:"government_fund" only:"layout"`
	StateCapital   Amount           `yaml:"state_capital" only:"layout"`
	ThreePublic    PriorThreePublic `yaml:"three_public"`
	OperatingCosts Amount           `yaml:"operating_costs"`
}

// PriorThreePublic is the previous year's “三公” budget.
type PriorThreePublic struct {
	OutboundTravel   Amount `yaml:"outbound_travel"`
	Reception        Amount `yaml:"reception"`
	VehiclePurchase  Amount `yaml:"vehicle_purchase"`
	VehicleOperation Amount `yaml:"vehicle_operation"`
}

// Reasons are the clerk's own words, inserted after computed figures.
type Reasons struct {
	TotalChange          Text `yaml:"total_change"`
	GeneralPublicChange  Text `yaml:"general_public_change"`
	ThreePublicChange    Text `yaml:"three_public_change"`
	OperatingCostsChange Text `yaml:"operating_costs_change"`
	// The reason of each “三公” item's change, where a layout says it by
	// item (Shanghai: 购置 and 运行 separately).
	OutboundTravelChange   Text `yaml:"outbound_travel_change" only:"layout"`
	ReceptionChange        Text `yaml:"reception_change" only:"layout"`
	VehiclePurchaseChange  Text `yaml:"vehicle_purchase_change" only:"layout"`
	VehicleOperationChange Text `yaml:"vehicle_operation_change" only:"layout"`
}

// Procurement is 九、政府采购情况.
type Procurement struct {
	Goods    Amount `yaml:"goods"`
	Works    Amount `yaml:"works"`
	Services Amount `yaml:"services"`
	// ReservedSME is the budget of procurement set aside for small and
	// medium enterprises (面向中小企业预留的政府采购项目预算), and
	// ReservedSmallMicro the part of it set aside for small and micro ones
	// (其中预留给小型和微型企业的).
	ReservedSME        Amount `yaml:"reserved_sme" only:"layout"`
	ReservedSmallMicro Amount `yaml:"reserved_small_micro" only:"layout"`
	Pos                Pos    `yaml:"-"`
}

// Total is goods + works + services, known when all three are given.
func (p Procurement) Total() (decimal.Decimal, bool) {
	if !p.Goods.Set || !p.Works.Set || !p.Services.Set {
		return decimal.Zero, false
	}
	return p.Goods.Value.Add(p.Works.Value).Add(p.Services.Value), true
}

// Assets is 十一、国有资产占有使用情况.
type Assets struct {
	AsOf              Text     `yaml:"as_of"`
	Vehicles          Vehicles `yaml:"vehicles"`
	OfficeAreaM2      Text     `yaml:"office_area_m2" kind:"number"`
	EquipmentOver500k Count    `yaml:"equipment_over_500k"`
	EquipmentOver1m   Count    `yaml:"equipment_over_1m"`
	// PlannedPurchases is what this year's budget buys: vehicles by kind,
	// equipment of 100万元 or more a piece.
	PlannedPurchases PlannedPurchases `yaml:"planned_purchases" only:"layout"`
	Pos              Pos              `yaml:"-"`
}

// PlannedPurchases is what the year's budget provides to buy
// (预算安排购置): vehicles by kind and equipment of a unit price of
// 100万元 or more (单价100万元（含）以上设备，不含车辆).
type PlannedPurchases struct {
	Vehicles        VehicleKinds `yaml:"vehicles"`
	EquipmentOver1m Count        `yaml:"equipment_over_1m"`
	Pos             Pos          `yaml:"-"`
}

// Count is a non-negative whole number with its place in the file.
type Count struct {
	Value int
	Set   bool
	Pos   Pos
}

// Vehicles counts the department's official vehicles: its quota, the
// number it has, and that number by kind. Layouts sort vehicles in kinds
// of their own: Shanxi's 领导用车 and 事业单位业务用车, Shanghai's 部级领导
// 干部用车, 主要领导干部用车 and 离退休干部用车, both the others; a file gives
// those of its layout.
type Vehicles struct {
	Quota               Count `yaml:"quota"`
	Actual              Count `yaml:"actual"`
	Leader              Count `yaml:"leader"`
	MinisterialLeader   Count `yaml:"ministerial_leader" only:"layout"` // 部级领导干部用车
	MainLeader          Count `yaml:"main_leader" only:"layout"`        // 主要领导干部用车
	Confidential        Count `yaml:"confidential"`
	Emergency           Count `yaml:"emergency"`
	LawEnforcement      Count `yaml:"law_enforcement"`
	SpecialTechnical    Count `yaml:"special_technical"`
	InstitutionBusiness Count `yaml:"institution_business"`
	RetiredCadres       Count `yaml:"retired_cadres" only:"layout"` // 离退休干部用车
	Other               Count `yaml:"other"`
	Pos                 Pos   `yaml:"-"`
}

// VehicleKinds counts vehicles by kind, the kinds of Vehicles (planned
// purchases: 预算安排购置车辆).
type VehicleKinds struct {
	Leader              Count `yaml:"leader"`             // 领导用车
	MinisterialLeader   Count `yaml:"ministerial_leader"` // 部级领导干部用车
	MainLeader          Count `yaml:"main_leader"`        // 主要领导干部用车
	Confidential        Count `yaml:"confidential"`       // 机要通信用车
	Emergency           Count `yaml:"emergency"`          // 应急保障用车
	LawEnforcement      Count `yaml:"law_enforcement"`    // 执法执勤用车
	SpecialTechnical    Count `yaml:"special_technical"`  // 特种专业技术用车
	InstitutionBusiness Count `yaml:"institution_business"`
	RetiredCadres       Count `yaml:"retired_cadres"` // 离退休干部用车
	Other               Count `yaml:"other"`          // 其他用车
	Pos                 Pos   `yaml:"-"`
}

// Kinds is the vehicles the department has, by kind (without the quota
// and the number).
func (v Vehicles) Kinds() VehicleKinds {
	return VehicleKinds{Leader: v.Leader, MinisterialLeader: v.MinisterialLeader, MainLeader: v.MainLeader,
		Confidential: v.Confidential, Emergency: v.Emergency, LawEnforcement: v.LawEnforcement,
		SpecialTechnical: v.SpecialTechnical, InstitutionBusiness: v.InstitutionBusiness,
		RetiredCadres: v.RetiredCadres, Other: v.Other, Pos: v.Pos}
}

// KindsTotal is the sum of the vehicles of every kind (what the number
// the department has should be).
func (v Vehicles) KindsTotal() int { return v.Kinds().KindsTotal() }

// list is every kind's count, in key order.
func (k VehicleKinds) list() []Count {
	return []Count{k.Leader, k.MinisterialLeader, k.MainLeader, k.Confidential, k.Emergency,
		k.LawEnforcement, k.SpecialTechnical, k.InstitutionBusiness, k.RetiredCadres, k.Other}
}

// KindsTotal is the sum of the vehicles of every kind.
func (k VehicleKinds) KindsTotal() int {
	n := 0
	for _, c := range k.list() {
		n += c.Value
	}
	return n
}

// Given tells whether any kind is given (a 0 too).
func (k VehicleKinds) Given() bool {
	for _, c := range k.list() {
		if c.Set {
			return true
		}
	}
	return false
}

// Notes is 十二、其他说明.
type Notes struct {
	PurchaseOfServices Text `yaml:"purchase_of_services"`
	Other              Text `yaml:"other"`
}

// PerformanceOverview is the department-wide part of 十、绩效管理情况 that
// cannot be derived from the project list.
type PerformanceOverview struct {
	OverallGoalAmount Amount `yaml:"overall_goal_amount"`
}

// GlossaryEntry replaces or adds one term of 第四部分 名词解释.
type GlossaryEntry struct {
	Term Text `yaml:"term" req:"1"`
	Text Text `yaml:"text" req:"1"`
	Pos  Pos  `yaml:"-"`
}

// PerformanceGoal is a project's 项目支出绩效目标表 as published.
type PerformanceGoal struct {
	Attribute   Text        `yaml:"attribute"`   // 项目属性
	Period      Text        `yaml:"period"`      // 项目期
	Funds       *GoalFunds  `yaml:"funds"`       // 项目资金（元）; derived from the project when absent
	Summary     Text        `yaml:"summary"`     // 项目概况
	Basis       Text        `yaml:"basis"`       // 立项依据
	Necessity   Text        `yaml:"necessity"`   // 项目设立必要性
	Measures    Text        `yaml:"measures"`    // 保证项目实施的制度、措施
	Plan        Text        `yaml:"plan"`        // 项目实施计划
	PeriodGoal  Text        `yaml:"period_goal"` // 实施期总体目标
	AnnualGoal  Text        `yaml:"annual_goal"` // 年度总体目标
	PeriodInd   []Indicator `yaml:"period_indicators"`
	AnnualInd   []Indicator `yaml:"annual_indicators"` // same as period_indicators when absent
	Responsible Text        `yaml:"responsible"`       // 负责人
	Handler     Text        `yaml:"handler"`           // 经办人
	Phone       Text        `yaml:"phone"`             // 联系电话
	FiledOn     Text        `yaml:"filed_on"`          // 填报日期
	// CarriedFrom says the form was carried from an earlier year's file
	// ("2024年") and not yet reviewed: a 需补填 until the clerk removes it.
	CarriedFrom Text `yaml:"carried_from"`
	Pos         Pos  `yaml:"-"`
}

// GoalFunds is the 项目资金 block of a goal table, in 元 as the forms print it.
type GoalFunds struct {
	Total  FundSplit `yaml:"total"`  // 实施期资金总额
	Annual FundSplit `yaml:"annual"` // 年度资金总额
	Pos    Pos       `yaml:"-"`
}

// FundSplit is one column of the 项目资金 block, in 元.
type FundSplit struct {
	Amount     Text `yaml:"amount" kind:"number"`
	Central    Text `yaml:"central" kind:"number"`
	Provincial Text `yaml:"provincial" kind:"number"`
	Local      Text `yaml:"local" kind:"number"`
	SelfRaised Text `yaml:"self_raised" kind:"number"`
	Other      Text `yaml:"other" kind:"number"`
}

// Indicator is one 三级指标 row of a goal table. Its 一级指标 follows from
// its 二级指标.
type Indicator struct {
	Level2 Text `yaml:"level2" req:"1"` // 二级指标, e.g. 数量指标
	Name   Text `yaml:"name"`           // 三级指标
	Value  Text `yaml:"value"`          // 指标值
	Pos    Pos  `yaml:"-"`
}

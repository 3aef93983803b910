package opendata

import (
	"fmt"
	"reflect"
	"strings"
	"unicode"

	"github.com/budgetpub/budgetpub/render"
	"github.com/shopspring/decimal"
)

// The figures of 第三部分 are written field by field from render.Facts, in
// the order of its declaration, under the field's name in snake_case
// (GPCurrent → gp_current, EquipmentOver500k → equipment_over_500k): a
// field added there appears here, and in the schema, without a change to
// this package. Decimals are exact decimal strings, counts numbers, texts
// strings, flags booleans, prior-year figures {value, set} and lists of
// named amounts [{name, amount}].

// factKind is how a field of render.Facts is written.
type factKind int

const (
	factUnknown factKind = iota
	factDecimal
	factPrior
	factItems
	factStrings
	factInt
	factString
	factBool
)

var (
	decimalType = reflect.TypeOf(decimal.Decimal{})
	priorType   = reflect.TypeOf(render.Prior{})
	itemsType   = reflect.TypeOf([]render.Item{})
	stringsType = reflect.TypeOf([]string{})
	factsType   = reflect.TypeOf(render.Facts{})
)

func kindOf(t reflect.Type) factKind {
	switch t {
	case decimalType:
		return factDecimal
	case priorType:
		return factPrior
	case itemsType:
		return factItems
	case stringsType:
		return factStrings
	}
	switch t.Kind() {
	case reflect.Int:
		return factInt
	case reflect.String:
		return factString
	case reflect.Bool:
		return factBool
	}
	return factUnknown
}

// factField is one exported field of render.Facts with its JSON key.
type factField struct {
	index int
	name  string // the Go name
	key   string // the JSON key
	kind  factKind
}

// factFields lists the exported fields of render.Facts in order.
func factFields() []factField {
	var out []factField
	for i := 0; i < factsType.NumField(); i++ {
		f := factsType.Field(i)
		if !f.IsExported() {
			continue
		}
		out = append(out, factField{index: i, name: f.Name, key: snake(f.Name), kind: kindOf(f.Type)})
	}
	return out
}

// FactKeys are the JSON keys of the figures of 第三部分, in order.
func FactKeys() []string {
	var out []string
	for _, f := range factFields() {
		out = append(out, f.key)
	}
	return out
}

func factsJSON(f *render.Facts) (object, error) {
	v := reflect.ValueOf(f).Elem()
	out := object{}
	for _, ff := range factFields() {
		fv := v.Field(ff.index)
		var val any
		switch ff.kind {
		case factDecimal:
			val = Exact(fv.Interface().(decimal.Decimal))
		case factPrior:
			p := fv.Interface().(render.Prior)
			val = object{{"value", Exact(p.Value)}, {"set", p.Set}}
		case factItems:
			items := []object{}
			for _, it := range fv.Interface().([]render.Item) {
				items = append(items, object{{"name", it.Name}, {"amount", Exact(it.Amount)}})
			}
			val = items
		case factStrings:
			val = append([]string{}, fv.Interface().([]string)...)
		case factInt:
			val = fv.Int()
		case factString:
			val = fv.String()
		case factBool:
			val = fv.Bool()
		default:
			return nil, fmt.Errorf("opendata: render.Facts.%s has a type (%s) the open data does not know how to write", ff.name, fv.Type())
		}
		out = append(out, member{ff.key, val})
	}
	return out, nil
}

// snake writes a Go name in snake_case: GPCurrent → gp_current,
// FiscalGP → fiscal_gp, EquipmentOver500k → equipment_over_500k.
func snake(name string) string {
	rs := []rune(name)
	var b strings.Builder
	for i, r := range rs {
		if i > 0 {
			prev := rs[i-1]
			switch {
			case unicode.IsUpper(r) && (unicode.IsLower(prev) || unicode.IsDigit(prev)),
				unicode.IsUpper(r) && unicode.IsUpper(prev) && i+1 < len(rs) && unicode.IsLower(rs[i+1]),
				unicode.IsDigit(r) && !unicode.IsDigit(prev):
				b.WriteByte('_')
			}
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// factDescriptions say in Chinese what each figure of 第三部分 is, by the Go
// name of its field in render.Facts. A field without one is described by
// its name (a test asks for every field to have one).
var factDescriptions = map[string]string{
	"Year":      "预算年度",
	"PriorYear": "上年度（比上年的比较年度）",
	"Dept":      "部门名称",

	"Total":       "收支总计（表1 支出总计）：本年收入与上年结转之和",
	"Current":     "本年支出合计（表1 当年预算安排）",
	"Carry":       "上年结转（表1 上年结转安排）",
	"PriorTotal":  "上年收支总计（主输入 prior_year.total）",
	"TotalReason": "收支总计增减变化的原因（部门填写）",

	"GeneralPublic":  "本年收入：一般公共预算（表1 收入侧）",
	"GovFund":        "本年收入：政府性基金预算（表1 收入侧）",
	"StateCapital":   "本年收入：国有资本经营预算（表1 收入侧）",
	"SpecialAccount": "本年收入：财政专户管理资金（表1 收入侧）",
	"UnitFunds":      "本年收入：单位资金（表1 收入侧）",

	"Basic":   "基本支出（表3 合计行）",
	"Project": "项目支出（表3 合计行）",

	"Fiscal":           "财政拨款支出总计（表4 支出总计）",
	"FiscalGP":         "财政拨款支出：一般公共预算（表4）",
	"FiscalGF":         "财政拨款支出：政府性基金预算（表4）",
	"FiscalSC":         "财政拨款支出：国有资本经营预算（表4）",
	"FiscalCurrent":    "财政拨款本年收入合计（表4 收入侧）",
	"FiscalCarry":      "上年财政拨款结转（表4 收入侧）",
	"FiscalCategories": "财政拨款支出按功能分类类级科目（表4，只列有金额的类）",

	"GPCurrent":  "一般公共预算当年支出（表5 合计）",
	"PriorGP":    "上年一般公共预算当年支出（主输入 prior_year.general_public）",
	"GPReason":   "一般公共预算当年支出增减变化的原因（部门填写）",
	"GPCategory": "一般公共预算当年支出按功能分类类级科目（表5，只列有金额的类）",

	"EconTotal":      "一般公共预算基本支出合计（表6 合计）",
	"Personnel":      "人员经费（表6）",
	"Public":         "公用经费（表6）",
	"PersonnelItems": "人员经费包含的部门经济分类科目名称（表6 顺序）",
	"PublicItems":    "公用经费包含的部门经济分类科目名称（表6 顺序）",

	"ThreePublic":           "“三公”经费合计（表10 合计）",
	"Travel":                "因公出国（境）费（表10）",
	"Reception":             "公务接待费（表10）",
	"VehiclePurchase":       "公务用车购置费（表10）",
	"VehicleOperation":      "公务用车运行维护费（表10）",
	"PriorThreePublic":      "上年“三公”经费合计（四项都有上年数时才有）",
	"PriorTravel":           "上年因公出国（境）费",
	"PriorReception":        "上年公务接待费",
	"PriorVehiclePurchase":  "上年公务用车购置费",
	"PriorVehicleOperation": "上年公务用车运行维护费",
	"ThreePublicReason":     "“三公”经费增减变化的原因（部门填写）",
	"HasThreePublic":        "本年是否有“三公”经费（按印出的数字）",

	"OperatingUnits":        "安排机关运行经费的单位数（表11）",
	"OperatingCosts":        "机关运行经费（表11 部门合计）",
	"PriorOperatingCosts":   "上年机关运行经费（主输入 prior_year.operating_costs）",
	"OperatingCostsReason":  "机关运行经费增减变化的原因（部门填写）",
	"OperatingUnitsChinese": "安排机关运行经费的单位数的中文写法（一、两、三……）",

	"Procurement":    "政府采购预算合计",
	"Goods":          "政府采购：货物",
	"Works":          "政府采购：工程",
	"Services":       "政府采购：服务",
	"HasProcurement": "是否有政府采购预算（按印出的数字）",

	"Units":                "预算单位数",
	"UnitsWithGoals":       "编制整体支出绩效目标的单位数",
	"OverallGoalAmount":    "单位整体绩效目标涉及资金（部门填写）",
	"Projects":             "本年项目数（表12）",
	"ProjectAmount":        "本年项目金额（表12）",
	"OtherOperating":       "其他运转类项目数",
	"SpecificGoal":         "特定目标类项目数",
	"OtherOperatingAmount": "其他运转类项目金额",
	"SpecificGoalAmount":   "特定目标类项目金额",
	"Published":            "公开绩效目标表的项目数",
	"PublishedAmount":      "公开绩效目标表的项目金额",
	"PublishedOther":       "公开绩效目标表的其他运转类项目数",
	"PublishedSpecific":    "公开绩效目标表的特定目标类项目数",
	"PublishedOtherAmount": "公开绩效目标表的其他运转类项目金额",
	"PublishedSpecAmount":  "公开绩效目标表的特定目标类项目金额",

	"AsOf":                "国有资产统计截止日期（如 2023年12月31日）",
	"VehicleQuota":        "车辆编制数",
	"Vehicles":            "实有车辆数",
	"Leader":              "领导干部用车",
	"Confidential":        "机要通信用车",
	"Emergency":           "应急保障用车",
	"LawEnforcement":      "执法执勤用车",
	"SpecialTechnical":    "特种专业技术用车",
	"InstitutionBusiness": "事业单位业务用车",
	"OtherVehicles":       "其他用车",
	"OfficeArea":          "办公用房建筑总面积（平方米，按部门填写的写法）",
	"EquipmentOver500k":   "单位价值50万元（原值）以上的通用设备台（套）数",
	"EquipmentOver1m":     "单位价值100万元（原值）以上的通用设备台（套）数",
	"HasVehicles":         "是否填写了车辆情况",
	"HasOfficeArea":       "是否填写了办公用房面积",
	"HasEquipment":        "是否填写了设备情况",
	"HasAsOf":             "是否填写了统计截止日期",
	"PurchaseOfServices":  "政府购买服务的说明（每段一项）",
	"OtherNotes":          "其他说明（每段一项）",
}

func factDescription(name string) string {
	if d, ok := factDescriptions[name]; ok {
		return d
	}
	return "第三部分的数字（render.Facts." + name + "）"
}

package final9

// factAbout says what each field of Facts is (open data's JSON Schema,
// docs/facts.md).
var factAbout = map[string]string{
	"Year": "决算年度", "PriorYear": "上年度", "Dept": "部门名称",
	"Total": "收入支出总计（表1 总计）", "FiscalTotal": "财政拨款收入支出总计（表4 总计）",
	"PriorTotal": "上年度收入支出总计（上年决算）", "PriorFiscalTotal": "上年度财政拨款收入支出总计（上年决算）",
	"TotalReason": "收入支出总计增减的原因", "FiscalReason": "财政拨款收入支出总计增减的原因",
	"TotalMark": "上年度收入支出总计未填写时的标记", "FiscalTotalMark": "上年度财政拨款收入支出总计未填写时的标记",
	"Income": "本年收入合计（表1）", "Spending": "本年支出合计（表1）",
	"Incomes": "各类收入及其占本年收入合计的比例（有金额的）", "Spendings": "各类支出及其占本年支出合计的比例（表3 合计行，有金额的）",
	"GeneralPublic": "一般公共预算财政拨款支出（表5 合计）", "PriorGP": "上年度一般公共预算财政拨款支出（上年决算）",
	"GPMark": "上年度一般公共预算财政拨款支出未填写时的标记", "GPReason": "一般公共预算财政拨款支出增减的原因",
	"GPClasses": "表5 各类级科目及其占比", "GPBudget": "一般公共预算财政拨款支出的年初预算（和全年预算）",
	"GPVsBudgetReason": "决算数与年初预算不同的原因", "Subjects": "表5 各项级科目：用途、年初预算、决算、差异原因",
	"Basic": "一般公共预算财政拨款基本支出（表5）", "Personnel": "人员经费（表6 人员经费合计）", "Public": "公用经费（表6 公用经费合计）",
	"PersonnelItems": "人员经费主要包括的款级科目", "PublicItems": "公用经费主要包括的款级科目",
	"ThreePublic":    "财政拨款“三公”经费的预算数、决算数（表7）、上年决算、原因和数量",
	"GovernmentFund": "政府性基金预算财政拨款收入支出（表8）", "StateCapital": "国有资本经营预算财政拨款收入支出（表9）",
	"Performance": "预算绩效管理情况", "OperatingCosts": "机关运行经费支出（财政拨款）", "HasOperatingCosts": "是否有机关运行经费支出",
	"PriorOperating": "上年度机关运行经费支出", "OperatingMark": "上年度机关运行经费未填写时的标记", "OperatingReason": "机关运行经费增减的原因",
	"Procurement": "政府采购支出情况", "Assets": "国有资产占有使用情况",
}

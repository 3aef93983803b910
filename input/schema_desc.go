package input

import "strings"

// schemaDescriptions are the Chinese descriptions of every key of the master
// input, shown by an editor beside the key (a test makes sure none is missing).
var schemaDescriptions = map[string]string{
	"schema":                                        "格式版本，固定写 1",
	"year":                                          "预算年度，如 2025；所有表名和说明文字中的年份都取自这里",
	"amount_unit":                                   "金额单位：万元（默认，最多两位小数）或 元（最多六位小数）",
	"layout":                                        "版式：公开材料按哪一套表和文字生成，如 shanxi-13（不写即为 shanxi-13）；budgetpub layouts 列出全部",
	"department":                                    "部门信息",
	"department.code":                               "部门编码，如 \"003\"（用于绩效目标表“主管部门及代码”）",
	"department.name":                               "部门名称，印在每张表的“部门名称：”之后和封面上",
	"department.region":                             "地区，如 大同市（用于绩效目标表标题“大同市市级预算部门……”）",
	"overview":                                      "第一部分 概况",
	"overview.duties":                               "一、本部门职责：按原文分段，每段一行",
	"overview.organization":                         "二、机构设置情况：按原文分段，每段一行",
	"code_names":                                    "为分类目录中没有的科目编码命名（或改印另一个名称），如类、款级科目",
	"code_names[].code":                             "科目编码：3、5 或 7 位数字",
	"code_names[].name":                             "科目名称",
	"units":                                         "本部门的预算单位，按公开顺序",
	"units[].name":                                  "单位名称；项目和机关运行经费中的单位须与此完全一致",
	"units[].kind":                                  "单位类型：administrative 行政单位 | civil_servant_managed 参照公务员法管理的事业单位（与行政单位一样有机关运行经费） | institution 事业单位",
	"units[].overall_goal":                          "该单位编报了单位整体绩效目标时写 true",
	"expenditures":                                  "支出：表1—表5、表8、表9的唯一来源。每行一个“项”级功能分类科目",
	"expenditures[].code":                           "7 位支出功能分类科目编码（项），类、款合计自动汇总",
	"expenditures[].name":                           "科目名称：只在分类目录中没有该编码或要改印名称时填写",
	"expenditures[].carryover":                      "上年结转资金写 true；不写为当年预算安排",
	"expenditures[].basic":                          "基本支出",
	"expenditures[].project":                        "项目支出",
	"subject_purposes":                              "各科目的主要用途（上海部门预算、单位预算的编制说明用）：每个“项”级科目一行，接在“……科目X万元，”之后",
	"subject_purposes[].code":                       "7 位支出功能分类科目编码（项），须是 expenditures 中有的科目",
	"subject_purposes[].purpose":                    "该科目资金的主要用途，如 主要用于机关日常运转",
	"subject_purposes[].prior_executed":             "上年该科目的当年预算执行数（单位预算的“比上年预算执行数增加（减少）”用）；不知道的不要写",
	"basic_by_economic":                             "表6：一般公共预算当年基本支出，按部门经济分类款 × 政府经济分类款",
	"basic_by_economic[].dept":                      "部门预算支出经济分类科目编码（款，5 位，以 3 开头）",
	"basic_by_economic[].dept_name":                 "部门经济分类科目名称：目录中没有时填写",
	"basic_by_economic[].gov":                       "政府预算支出经济分类科目编码（款，5 位，以 5 开头）",
	"basic_by_economic[].gov_name":                  "政府经济分类科目名称：目录中没有时填写",
	"basic_by_economic[].unit":                      "所属单位（可选，用于核对表11机关运行经费）",
	"basic_by_economic[].amount":                    "金额",
	"government_fund_revenue":                       "表7：政府性基金预算收入",
	"government_fund_revenue[].code":                "7 位收入分类科目编码",
	"government_fund_revenue[].name":                "收入科目名称：目录中没有时填写",
	"government_fund_revenue[].amount":              "金额",
	"state_capital_revenue":                         "表9左侧：国有资本经营预算收入",
	"state_capital_revenue[].code":                  "7 位收入分类科目编码",
	"state_capital_revenue[].name":                  "收入科目名称：目录中没有时填写",
	"state_capital_revenue[].amount":                "金额",
	"projects":                                      "表12、表13的项目，以及第三部分十、绩效管理情况",
	"projects[].unit":                               "所属单位，须与 units 中的名称完全一致",
	"projects[].name":                               "项目名称",
	"projects[].category":                           "项目类别：other_operating 其他运转类（默认）| specific_goal 特定目标类",
	"projects[].carryover":                          "上年结转项目（列入表13）写 true",
	"projects[].performance_goal":                   "公开的项目支出绩效目标表（可选）；项目名称、单位和资金取自本项目",
	"projects[].performance_goal.attribute":         "项目属性，如 经常性项目（长期开展）",
	"projects[].performance_goal.period":            "项目期，如 99年",
	"projects[].performance_goal.funds":             "项目资金（元）；不写时按本项目金额填列",
	"projects[].performance_goal.funds.total":       "实施期资金总额（元）",
	"projects[].performance_goal.funds.annual":      "年度资金总额（元）",
	"projects[].performance_goal.summary":           "项目概况",
	"projects[].performance_goal.basis":             "立项依据",
	"projects[].performance_goal.necessity":         "项目设立必要性",
	"projects[].performance_goal.measures":          "保证项目实施的制度、措施",
	"projects[].performance_goal.plan":              "项目实施计划",
	"projects[].performance_goal.period_goal":       "实施期总体目标",
	"projects[].performance_goal.annual_goal":       "年度总体目标",
	"projects[].performance_goal.period_indicators": "实施期绩效指标：每行 {level2: 二级指标, name: 三级指标, value: 指标值}",
	"projects[].performance_goal.annual_indicators": "年度绩效指标；不写时与实施期相同",
	"projects[].performance_goal.responsible":       "负责人",
	"projects[].performance_goal.handler":           "经办人",
	"projects[].performance_goal.phone":             "联系电话",
	"projects[].performance_goal.filed_on":          "填报日期",
	"projects[].performance_goal.carried_from":      "沿用自哪一年的绩效目标表（如 2024年），由程序写入；逐项复核后删去这一行",
	"three_public":                                  "表10：财政拨款安排的“三公”经费；每项一个数或按来源的映射",
	"three_public.outbound_travel":                  "因公出国（境）费",
	"three_public.reception":                        "公务接待费",
	"three_public.vehicle_purchase":                 "公务用车购置费",
	"three_public.vehicle_operation":                "公务用车运行维护费",
	"operating_costs":                               "表11：机关运行经费，每个行政单位一行",
	"operating_costs[].unit":                        "行政单位名称，须与 units 中一致",
	"operating_costs[].amount":                      "机关运行经费（财政拨款）",
	"prior_year":                                    "上年预算数：第三部分“比上年增加/减少”的依据；不知道的项不要写",
	"prior_year.total":                              "上年收支总计",
	"prior_year.general_public":                     "上年一般公共预算当年支出",
	"prior_year.fiscal":                             "上年财政拨款收入（支出）预算（上海部门预算编制说明的“比上年预算增加（减少）”用）",
	"prior_year.government_fund":                    "上年政府性基金预算拨款支出预算（上海部门预算用）",
	"prior_year.state_capital":                      "上年国有资本经营预算拨款支出预算（上海部门预算用）",
	"prior_year.three_public":                       "上年“三公”经费",
	"prior_year.operating_costs":                    "上年机关运行经费",
	"reasons":                                       "增减变动原因：接在计算出的数字之后照原样插入",
	"reasons.total_change":                          "收支总计增减的主要原因",
	"reasons.general_public_change":                 "一般公共预算支出增减的主要原因",
	"reasons.three_public_change":                   "“三公”经费增减的主要原因",
	"reasons.operating_costs_change":                "机关运行经费增减的原因",
	"procurement":                                   "九、政府采购情况",
	"procurement.goods":                             "政府采购货物预算",
	"procurement.works":                             "政府采购工程预算",
	"procurement.services":                          "政府采购服务预算",
	"procurement.reserved_sme":                      "面向中小企业预留的政府采购项目预算（上海部门预算用）；不超过政府采购预算",
	"procurement.reserved_small_micro":              "其中预留给小型和微型企业的政府采购项目预算（上海部门预算用）；不超过 reserved_sme",
	"assets":                                        "十一、国有资产占有使用情况",
	"assets.as_of":                                  "统计截止日期，如 2024-12-31",
	"assets.vehicles":                               "公务用车（辆）",
	"assets.vehicles.quota":                         "编制数",
	"assets.vehicles.actual":                        "实有数，应等于各类之和",
	"assets.vehicles.leader":                        "领导用车",
	"assets.vehicles.confidential":                  "机要通信用车",
	"assets.vehicles.emergency":                     "应急保障用车",
	"assets.vehicles.law_enforcement":               "执法执勤用车",
	"assets.vehicles.special_technical":             "特种专业技术用车",
	"assets.vehicles.institution_business":          "事业单位业务用车",
	"assets.vehicles.other":                         "其他公务用车",
	"assets.vehicles.ministerial_leader":            "部级领导干部用车（上海部门预算用）",
	"assets.vehicles.main_leader":                   "主要领导干部用车（上海部门预算用）",
	"assets.vehicles.retired_cadres":                "离退休干部用车（上海部门预算用）",
	"assets.planned_purchases":                      "本年预算安排购置（上海部门预算用）：车辆按类别，单价100万元（含）以上设备",
	"assets.planned_purchases.vehicles":             "预算安排购置车辆（辆），按类别；各类别同 assets.vehicles",
	"assets.planned_purchases.equipment_over_1m":    "预算安排购置单价100万元（含）以上设备（不含车辆）（台、套）",
	"assets.office_area_m2":                         "办公用房建筑总面积（平方米）",
	"assets.equipment_over_500k":                    "单位价值50万元（原值）以上通用设备（台、套）",
	"assets.equipment_over_1m":                      "单位价值100万元（原值）以上通用设备（台、套）",
	"notes":                                         "十二、其他说明",
	"notes.purchase_of_services":                    "（一）政府购买服务指导性目录",
	"notes.other":                                   "（二）其他",
	"performance":                                   "十、绩效管理情况中不能由项目清单算出的部分",
	"performance.overall_goal_amount":               "单位整体绩效目标涉及资金",
	"glossary":                                      "第四部分 名词解释：按名词替换默认解释，或在末尾增加名词",
	"glossary[].term":                               "名词",
	"glossary[].text":                               "解释",
}

func init() {
	schemaDescriptions["expenditures[].source"] = "资金来源：" + strings.Replace(sourceList(AllSources, " | "), DefaultSource.Title(), DefaultSource.Title()+"（默认）", 1)
	schemaDescriptions["expenditures[].income_kind"] = "收入类别（上海部门预算的收入预算总表用）：非财政拨款资金（" + sourceKeyList(nonFiscalSources()) + "）来自哪类收入：" + incomeKindList(" | ") + "；财政拨款的行不写"
	schemaDescriptions["projects[].amounts"] = "金额：只写一个数即为" + DefaultSource.Title() + "；也可按来源写 {" + DefaultSource.Key() + ": …, " + UnitFunds.Key() + ": …}"
	for _, side := range []string{"total", "annual"} {
		base := "projects[].performance_goal.funds." + side + "."
		for k, v := range map[string]string{"amount": "资金总额", "central": "其中：中央财政资金", "provincial": "省级财政资金",
			"local": "市县(区)财政资金", "self_raised": "单位自筹", "other": "其他资金"} {
			schemaDescriptions[base+k] = v + "（元）"
		}
	}
	for _, side := range []string{"period_indicators", "annual_indicators"} {
		base := "projects[].performance_goal." + side + "[]."
		schemaDescriptions[base+"level2"] = "二级指标，如 数量指标、质量指标、时效指标、成本指标、社会效益指标、服务对象满意度指标"
		schemaDescriptions[base+"name"] = "三级指标"
		schemaDescriptions[base+"value"] = "指标值，如 ≥90%"
	}
	for _, k := range []string{"leader", "ministerial_leader", "main_leader", "confidential", "emergency", "law_enforcement",
		"special_technical", "institution_business", "retired_cadres", "other"} {
		schemaDescriptions["assets.planned_purchases.vehicles."+k] = strings.TrimSuffix(schemaDescriptions["assets.vehicles."+k], "（上海部门预算用）")
	}
	for k, v := range map[string]string{"outbound_travel": "上年因公出国（境）费", "reception": "上年公务接待费",
		"vehicle_purchase": "上年公务用车购置费", "vehicle_operation": "上年公务用车运行维护费"} {
		schemaDescriptions["prior_year.three_public."+k] = v
	}
}

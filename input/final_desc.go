package input

import "strings"

// finalDescriptions are the Chinese descriptions of the keys only a 决算
// (a layout of kind final, such as final-9) uses: the kinds of spending
// only a 决算 has, why a 项 differs from its 年初预算, and the block final.
var finalDescriptions = map[string]string{
	"expenditures[].remit":                        "上缴上级支出（决算用）",
	"expenditures[].operation":                    "经营支出（决算用）",
	"expenditures[].affiliate_subsidy":            "对附属单位补助支出（决算用）",
	"subject_purposes[].variance_reason":          "决算数大于（小于）年初预算数的主要原因（决算用）；预决算持平的不写",
	"final":                                       "决算才有的数字和文字（final-9 等决算版式用）；支出、“三公”经费、机关运行经费等的决算数照常写在 expenditures、three_public、operating_costs 等块中",
	"final.revenue":                               "本年收入（表1、表2）：每行一个“项”级支出功能分类科目（收入用在哪里）和一种收入类别",
	"final.revenue[].code":                        "7 位支出功能分类科目编码（项）：这笔收入用于的科目",
	"final.revenue[].amount":                      "收入金额",
	"final.balances":                              "财政拨款结转和结余（表4、表8、表9）：每行一个“项”级科目和一种财政拨款资金来源的年初、年末数",
	"final.balances[].code":                       "7 位支出功能分类科目编码（项）；只知道这种资金来源的合计时不写",
	"final.balances[].opening":                    "年初财政拨款结转和结余",
	"final.balances[].closing":                    "年末财政拨款结转和结余",
	"final.non_fiscal":                            "非财政拨款的结转和结余（表1）",
	"final.non_fiscal.opening":                    "年初结转和结余中的非财政拨款部分",
	"final.non_fiscal.closing":                    "年末结转和结余中的非财政拨款部分",
	"final.non_fiscal.use_of_surplus":             "使用非财政拨款结余",
	"final.non_fiscal.distribution":               "结余分配",
	"final.budgets":                               "本年预算（第三部分五（三）、八、九的“年初预算为……”）：每行一个“项”级科目和资金来源；init --final-from 由本年的预算文件填入",
	"final.budgets[].code":                        "7 位支出功能分类科目编码（项）",
	"final.budgets[].initial":                     "年初预算数",
	"final.budgets[].adjusted":                    "全年预算数：年中调整过预算时填写；未调整的不写",
	"final.three_public_budget":                   "“三公”经费财政拨款年初预算（表7的预算数）；init --final-from 由本年的预算文件填入",
	"final.three_public_budget.outbound_travel":   "因公出国（境）费预算数",
	"final.three_public_budget.reception":         "公务接待费预算数",
	"final.three_public_budget.vehicle_purchase":  "公务用车购置费预算数",
	"final.three_public_budget.vehicle_operation": "公务用车运行维护费预算数",
	"final.three_public_detail":                   "“三公”经费具体情况（第三部分七（二））",
	"final.three_public_detail.outbound_groups":   "全年安排因公出国（境）团组数（个）",
	"final.three_public_detail.outbound_people":   "因公出国（境）累计人次",
	"final.three_public_detail.outbound_content":  "因公出国（境）费的开支内容",
	"final.three_public_detail.vehicles_bought":   "购置公务用车数量（辆）",
	"final.three_public_detail.purchase_use":      "公务用车购置费主要用于",
	"final.three_public_detail.operation_use":     "公务用车运行维护费主要用于",
	"final.three_public_detail.vehicles_held":     "开支财政拨款的公务用车保有量（辆）",
	"final.three_public_detail.reception_batches": "国内公务接待批次",
	"final.three_public_detail.reception_people":  "国内公务接待人次",
	"final.three_public_detail.foreign_batches":   "其中：接待外宾批次",
	"final.three_public_detail.foreign_people":    "接待外宾人次",
	"final.three_public_detail.foreign_amount":    "外宾接待支出",
	"final.three_public_detail.reception_use":     "公务接待费主要用于",
	"final.reasons":                               "决算才要的原因：接在计算出的数字之后照原样插入",
	"final.reasons.fiscal_change":                 "财政拨款收入支出总计比上年增减的主要原因（四）",
	"final.reasons.general_public_vs_budget":      "一般公共预算财政拨款支出决算数大于（小于）年初预算数的主要原因（五（三））",
	"final.reasons.three_public_vs_budget":        "“三公”经费决算数小于（大于）预算数的主要原因（七）",
	"final.reasons.vehicles_change":               "公务用车购置及运行维护费比上年增减的主要原因（七）",
	"final.procurement":                           "政府采购中由中小企业中标或成交的金额（十一（二））",
	"final.procurement.sme_awarded":               "面向中小企业预留的项目中由中小企业中标或成交的采购金额",
	"final.procurement.small_micro_awarded":       "面向小微企业预留的项目中由小微企业中标或成交的采购金额",
	"final.procurement.other_sme_awarded":         "其他政府采购项目中由中小企业中标或成交的采购金额",
	"final.performance":                           "十、预算绩效管理情况",
	"final.performance.systems":                   "预算绩效管理制度和工作机制",
	"final.performance.goal_projects":             "编报绩效目标的项目数（个）",
	"final.performance.goal_amount":               "编报绩效目标的项目涉及预算金额",
	"final.performance.tracked_projects":          "绩效跟踪评价的项目数（个）",
	"final.performance.tracked_amount":            "绩效跟踪评价的项目涉及预算金额",
	"final.performance.evaluated_projects":        "绩效自评的项目数（个）",
	"final.performance.evaluated_amount":          "绩效自评的项目涉及预算金额",
	"final.performance.average_score":             "绩效自评平均得分（分），如 92.5",
	"final.performance.excellent":                 "绩效评级为“优”的项目数",
	"final.performance.good":                      "绩效评级为“良”的项目数",
	"final.performance.pass":                      "绩效评级为“合格”的项目数",
	"final.performance.fail":                      "绩效评级为“不合格”的项目数",
	"final.performance.problems":                  "绩效自评中发现的问题数",
	"final.performance.problems_fixed":            "其中已完成整改的问题数",
	"final.performance.problems_being_fixed":      "其中正在整改的问题数",
}

func init() {
	finalDescriptions["final.revenue[].kind"] = "收入类别：" + revenueKindList(" | ")
	finalDescriptions["final.revenue"] += "（kind：" + revenueKindList(" | ") + "）"
	source := "资金来源：" + sourceList(FiscalSources, " | ") + "；不写即为" + DefaultSource.Title()
	finalDescriptions["final.balances[].source"] = source
	// schema_desc.go's init may not have run yet: the words are its own.
	finalDescriptions["final.budgets[].source"] = "资金来源：" + strings.Replace(sourceList(AllSources, " | "), DefaultSource.Title(), DefaultSource.Title()+"（默认）", 1)
	for k, v := range finalDescriptions {
		schemaDescriptions[k] = v
	}
}

package final9

import "github.com/budgetpub/budgetpub/render"

// The ids of final-9's own findings.
const (
	unknownBudget     render.CheckID = "unknown-budget"      // the year's 预算 a 决算 compares with
	unknownPriorFinal render.CheckID = "unknown-prior-final" // last year's 决算 the text compares with
	unknownFinal      render.CheckID = "unknown-final"       // a count or text of the 情况说明
	unknownPurpose                   = render.UnknownPurpose
	checkBudgetFile                  = render.CheckBudgetFile // check --budget
)

func init() {
	render.DeclareChecks(map[render.CheckID]render.CheckInfo{
		unknownBudget: {About: "没有填写决算对照的本年年初预算",
			Fix: "请用 budgetpub init --final-from 本年预算文件 生成决算文件（年初预算自动填入），或在 final.budgets、final.three_public_budget 中填写"},
		unknownPriorFinal: {About: "没有填写决算对照的上年度决算数",
			Fix: "请用 budgetpub init --final-from 本年预算文件 --prior-final 上年决算文件 生成决算文件，或在 prior_year 中填写上年度决算数；上年没有的写 0"},
		checkBudgetFile: {About: "决算的年初预算与本年预算文件不同（check、render、batch 给了 --budget 时核对）",
			Fix: "请按预算文件改正 final.budgets、final.three_public_budget，或用 budgetpub init --final-from 重新生成"},
		unknownFinal: {About: "没有填写决算情况说明需要的数字或文字（“三公”经费的团组、车辆、接待，政府采购中小企业中标金额，预算绩效管理情况）",
			Fix: "请在 final.three_public_detail、final.procurement、final.performance 中填写；没有的写 0"},
	})
}

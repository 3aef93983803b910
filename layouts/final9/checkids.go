package final9

import "github.com/budgetpub/budgetpub/render"

// The ids of final-9's own findings.
const (
	unknownBudget render.CheckID = "unknown-budget" // the year's 预算 a 决算 compares with, not given
)

func init() {
	render.DeclareChecks(map[render.CheckID]render.CheckInfo{
		unknownBudget: {About: "没有填写决算对照的本年年初预算",
			Fix: "请用 budgetpub init --final-from 本年预算文件 生成决算文件（年初预算自动填入），或在 final.budgets、final.three_public_budget 中填写"},
	})
}

package review

import "github.com/budgetpub/budgetpub/render"

// A department's status in the review (状态): 可公开, 需补填 and 有错误
// (render's words), and these.
const (
	StatusDraft     = "草稿"   // written with --force although it has errors or statements nobody gave
	StatusFault     = "内部错误" // not done for a fault of the program
	StatusNotDone   = "未完成"  // its files could not be written, or its name is another's
	StatusUnreached = "未处理"  // never started: the batch was interrupted first
	StatusSkipped   = "已跳过"  // a file found that is no input (the sheet 已跳过的文件)
)

// Done tells whether a review's status is of a department whose files
// were written.
func Done(status string) bool {
	return status == string(render.StatusPublishable) || status == StatusDraft
}

// stateOrder is the order the totals row counts the states in: the
// publishable first.
var stateOrder = []string{string(render.StatusPublishable), StatusDraft, string(render.StatusIncomplete), string(render.StatusErrors), StatusNotDone, StatusFault, StatusUnreached}

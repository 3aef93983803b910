package review

import (
	"fmt"
	"strings"

	"github.com/budgetpub/budgetpub/render/xlsx"
)

// A review of an older layout — written by an earlier version, before a
// column was added or renamed, or with columns a reviewer added — is read
// by its columns' titles (xlsx.RecordReader.ReadTitled; RecordColumn.Former
// names the older titles): a column it lacks is blank, and whatever was
// written in a column this layout does not have is kept in the row's
// 审核意见, "标题：内容", so that nothing a reviewer wrote is lost. The
// run that updates such a review keeps the old file aside as well
// (seasonWrite).

// olderLayout makes sheets read by title this layout's: 汇总's extra
// columns folded into 审核意见, 核对结果's dropped (budgetpub's own
// findings, written again by the next run of the department).
func olderLayout(sheets []xlsx.Records) []xlsx.Records {
	deps, finds := layout()
	out := []xlsx.Records{deps, finds}
	for _, r := range sheets[0].Rows {
		row := r[:reviewColumns:reviewColumns]
		var notes []string
		if n, _ := row[colReviewNote].(string); strings.TrimSpace(n) != "" {
			notes = append(notes, strings.TrimSpace(n))
		}
		for c := reviewColumns; c < len(r); c++ {
			if v := strings.TrimSpace(fmt.Sprint(r[c])); r[c] != nil && v != "" {
				notes = append(notes, sheets[0].Columns[c].Title+"："+v)
			}
		}
		row = append([]any(nil), row...)
		row[colReviewNote] = strings.Join(notes, "；")
		out[0].Rows = append(out[0].Rows, row)
	}
	for _, r := range sheets[1].Rows {
		out[1].Rows = append(out[1].Rows, append([]any(nil), r[:len(finds.Columns)]...))
	}
	return out
}

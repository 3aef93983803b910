package review

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/budgetpub/budgetpub/render/publish/deptfiles"
)

// SummaryName is the batch summary's file name in its folder: summary.xlsx
// — for shard i of n, summary-i-of-n.xlsx, so that shards writing into one
// shared folder each keep their own —, unless a department's own files
// would be called so (summary.yaml), then summary-batch.xlsx (or -2, -3 …,
// before the shard's -i-of-n): the summary never overwrites a department's
// files. files are the inputs, or their output names (Plan.Names).
func SummaryName(files []string, shard, shards int) string {
	taken := map[string]bool{}
	for _, f := range files {
		taken[strings.ToLower(deptfiles.Stem(f))] = true
	}
	part := ""
	if shards > 1 {
		part = fmt.Sprintf("-%d-of-%d", shard, shards)
	}
	name := "summary"
	for i := 1; taken[name+part]; i++ {
		name = "summary-batch"
		if i > 1 {
			name += "-" + strconv.Itoa(i)
		}
	}
	return name + part + ".xlsx"
}

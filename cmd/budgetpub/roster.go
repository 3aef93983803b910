package main

import (
	"time"

	"github.com/budgetpub/budgetpub/render/publish"
)

// rosterOpts are batch's --roster and --due-days; the date counted from is
// batch's --as-of (shared with --site).
type rosterOpts struct {
	path    *string
	dueDays *intValue
}

func rosterFlags(fs *flagSet) *rosterOpts {
	o := &rosterOpts{dueDays: &intValue{n: 20, lo: 0, hi: 3650, what: "天数"}}
	o.path = fs.String("roster", "", "应公开部门的名单`文件`（CSV，UTF-8 或 GBK；或 .xlsx），列为 部门编码、部门名称，可另有 批复日期、所属；汇总表另有“名单”表，未提交的部门使退出码为 1")
	fs.Var(o.dueDays, "due-days", "批复后多少`天`内应公开")
	return o
}

// load reads the roster named, nil when none is; the date counted from is
// --as-of, or today.
func (o *rosterOpts) load(asOf *dateValue) (*publish.Roster, error) {
	if *o.path == "" {
		return nil, nil
	}
	ro, err := publish.ReadRoster(*o.path)
	if err != nil {
		return nil, err
	}
	ro.DueDays = o.dueDays.n
	if asOf.set {
		ro.AsOf = asOf.t
	} else {
		y, m, d := time.Now().Date()
		ro.AsOf = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	}
	return ro, nil
}

package main

import (
	"fmt"
	"time"

	"github.com/budgetpub/budgetpub/render/publish"
)

// rosterOpts are batch's --roster, --due-days and --as-of.
type rosterOpts struct {
	path, asOf *string
	dueDays    *intValue
}

func rosterFlags(fs *flagSet) *rosterOpts {
	o := &rosterOpts{dueDays: &intValue{n: 20, lo: 0, hi: 3650, what: "天数"}}
	o.path = fs.String("roster", "", "应公开部门的名单（CSV，UTF-8 或 GBK；或 .xlsx），列为 部门编码、部门名称，可另有 批复日期、所属；汇总表另有“名单”表，未提交的部门使退出码为 1")
	fs.Var(o.dueDays, "due-days", "批复后多少`天`内应公开（默认 20）")
	o.asOf = fs.String("as-of", "", "按哪一天计算逾期和剩余天数（写作 `2025-03-01`，默认今天）")
	return o
}

// load reads the roster named, nil when none is; the date counted from is
// --as-of, or today.
func (o *rosterOpts) load() (*publish.Roster, error) {
	if *o.path == "" {
		if *o.asOf != "" {
			return nil, fmt.Errorf("--as-of 只与 --roster 同用")
		}
		return nil, nil
	}
	ro, err := publish.ReadRoster(*o.path)
	if err != nil {
		return nil, err
	}
	ro.DueDays = o.dueDays.n
	if *o.asOf != "" {
		t, ok := publish.ParseDate(*o.asOf)
		if !ok {
			return nil, fmt.Errorf("--as-of %s：日期应写作 2025-03-01", *o.asOf)
		}
		ro.AsOf = t
	} else {
		y, m, d := time.Now().Date()
		ro.AsOf = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	}
	return ro, nil
}

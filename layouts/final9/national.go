package final9

import "github.com/budgetpub/budgetpub/render"

// NationalID is the layout final-9-national: the same nine tables and text
// under the national 部门决算 公开表 set's titles, where two differ from
// Shanghai's — table 7 一般公共预算财政拨款“三公”经费支出决算表, table 9
// 国有资本经营预算财政拨款支出决算表. Their columns are taken to be
// Shanghai's: the national set's own columns, 行次 and 栏次 are not
// verified (docs/guide.md says so).
const NationalID = "final-9-national"

// National is the layout final-9-national.
var National = &render.Profile{ID: NationalID, Name: "部门决算（9张表，全国公开表表名）", Kind: render.KindFinal,
	TitleFormat: "%d年度部门决算", NoDeptLine: true}

// nationalTitles are the titles the national set gives where it differs.
var nationalTitles = map[render.TableID]string{
	F7: "一般公共预算财政拨款“三公”经费支出决算表",
	F9: "国有资本经营预算财政拨款支出决算表",
}

func init() {
	ts := tables()
	for _, d := range ts {
		if t, ok := nationalTitles[d.ID]; ok {
			d.Title = t
		}
	}
	register(National, ts)
}

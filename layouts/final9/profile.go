// Package final9 is the layout final-9: a department's 部门决算 (final
// accounts of the past year) in the nine tables Shanghai publishes, which
// follow the national 部门决算 公开表 set — 收入支出决算总表 … 国有资本经营
// 预算财政拨款收入支出决算表, in 万元, titles without the year, no
// department line — with 第一部分 概况, the tables, 第三部分 情况说明 in
// eleven sections and 第四部分 名词解释. Every figure is computed from the
// master input's lines: the actuals (expenditures, basic_by_economic,
// three_public …), the year's budget they are compared with and the
// carried-over balances (the block final). It is a render.Profile of kind
// 决算, registered at init; package layouts imports this one.
package final9

import (
	"reflect"

	"github.com/budgetpub/budgetpub/render"
)

// ID is the layout's id: layout: final-9.
const ID = "final-9"

// Profile is the layout final-9.
var Profile = &render.Profile{ID: ID, Name: "部门决算（9张表）", Kind: render.KindFinal,
	TitleFormat: "%d年度部门决算", NoDeptLine: true}

// inputKeys are the keys only some layouts use that a 决算 uses: the block
// final, the kinds of spending only a 决算 has, each 项's purpose and why
// it differs from its budget, the SME set-asides, last year's 财政拨款
// total, the kinds of vehicles 十一（三） lists. Its files show them, unset
// too.
var inputKeys = []string{"expenditures[].remit", "expenditures[].operation", "expenditures[].affiliate_subsidy",
	"subject_purposes", "subject_purposes[].variance_reason", "prior_year.fiscal",
	"procurement.reserved_sme", "procurement.reserved_small_micro",
	"assets.vehicles.ministerial_leader", "assets.vehicles.main_leader", "assets.vehicles.retired_cadres", "final"}

func init() {
	ts := tables()
	declareImports(ts)
	Profile.Import = importDecl
	register(Profile, ts)
}

// register makes p a 决算 layout of the given tables: final-9's parts,
// checks, wording and what a bureau reads of it.
func register(p *render.Profile, tables []*render.TableDecl) {
	p.Tables = tables
	p.Parts = parts
	p.Checks = checks
	p.Form = form
	p.Summarize = summarize
	p.InputKeys = inputKeys
	p.PriorYear = nextPriorYear
	p.Wording = render.WordingSource{Text: func() string { return wording }, Data: reflect.TypeOf(Facts{}), About: factAbout,
		Others: map[string]reflect.Type{"基金": reflect.TypeOf(Fund{})}}
	p.Lines = []render.LineTable{{Lines: render.LinesExpenditure, Table: F3, Total: colSpent}}
	render.Register(p)
}

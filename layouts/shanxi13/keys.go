package shanxi13

import "github.com/budgetpub/budgetpub/render"

// The 13 tables of the standard set (预算公开表1—13).
const (
	T1  render.TableID = "T1"  // 预算收支总表
	T2  render.TableID = "T2"  // 预算收入总表
	T3  render.TableID = "T3"  // 预算支出总表
	T4  render.TableID = "T4"  // 财政拨款收支总表
	T5  render.TableID = "T5"  // 一般公共预算支出预算表（不含上年结转）
	T6  render.TableID = "T6"  // 一般公共预算安排基本支出分经济科目表（不含上年结转）
	T7  render.TableID = "T7"  // 政府性基金预算收入表（不含上年结转）
	T8  render.TableID = "T8"  // 政府性基金预算支出表（不含上年结转）
	T9  render.TableID = "T9"  // 国有资本经营预算收支预算表（不含上年结转）
	T10 render.TableID = "T10" // 财政拨款安排“三公”经费支出预算表
	T11 render.TableID = "T11" // 财政拨款安排机关运行经费预算表
	T12 render.TableID = "T12" // 项目支出预算表（本年预算）
	T13 render.TableID = "T13" // 项目支出预算表（上年结转）
)

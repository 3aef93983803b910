package render

import "github.com/budgetpub/budgetpub/input"

// TableID names a declared table, stable across versions and table sets:
// checks, facts, tests and the importer address tables by it, never by
// position.
type TableID string

// ColKey names a column of a table: what its figures are.
type ColKey string

// Column keys. A source's column is SourceCol(s).
const (
	ColItem        ColKey = "item"          // the row's label: 项目, 单位名称, 项目名称
	ColCode        ColKey = "code"          // 科目编码
	ColName        ColKey = "name"          // 科目名称
	ColTotal       ColKey = "total"         // 合计 (小计, {year}年合计): every source, current and carry-over
	ColCurrent     ColKey = "current"       // this year's money of every source: 当年预算安排, 本年收入 合计
	ColCarryover   ColKey = "carryover"     // 上年结转 (安排)
	ColBasic       ColKey = "basic"         // 基本支出
	ColProject     ColKey = "project"       // 项目支出
	ColPersonnel   ColKey = "personnel"     // 人员经费
	ColPublic      ColKey = "public"        // 公用经费
	ColDeptEcon    ColKey = "dept_economic" // 部门预算支出经济科目名称
	ColGovEcon     ColKey = "gov_economic"  // 政府预算支出经济科目名称
	ColIncomeItem  ColKey = "income_item"   // the income side's 项目 (tables 1 and 4)
	ColIncome      ColKey = "income"        // the income side's amount
	ColRevenueCode ColKey = "revenue_code"  // 收入科目编码
	ColRevenueName ColKey = "revenue_name"  // the revenue code's 科目名称
	ColRevenue     ColKey = "revenue"       // 收入预算
	// A code printed in three columns, 类 | 款 | 项 (208 | 05 | 05): a 类
	// row fills the first, a 款 row the first two. Each is a KindCode
	// column.
	ColCodeClass   ColKey = "code_class"   // 类
	ColCodeSection ColKey = "code_section" // 款
	ColCodeItem    ColKey = "code_item"    // 项
)

// SourceCol is the column of one funding source's money.
func SourceCol(s input.Source) ColKey { return ColKey(s.Key()) }

// Side is the half of a two-sided table (1, 4, 9) a column belongs to: the
// income side on the left, the main (expenditure) side on the right. Each
// half has its own rows, side by side.
type Side uint8

// Sides.
const (
	SideMain Side = iota
	SideLeft
)

// Role tells what a row stands for; with its ID and Sub it is the row's
// key, unique within its half of a table.
type Role uint8

// Row roles.
const (
	RoleNone         Role = iota // no row (the empty half of a row)
	RoleTotal                    // 合计, 收入总计/支出总计, 部门合计, the department's project total
	RoleCurrentTotal             // 本年收入合计 / 本年支出合计 (tables 1, 4)
	RoleCarryover                // 上年结转 / 年终结转, 上年财政拨款结转 (tables 1, 4)
	RoleSource                   // one source's income (ID: the source's key)
	RoleCarrySource              // one source's carry-over income (table 4; ID: the source's key)
	RoleCode                     // a classification code: 类/款/项, 部门经济分类 类, revenue code (ID)
	RoleEcon                     // a 部门经济分类 款 × 政府经济分类 款 pair (ID, Sub)
	RoleItem                     // a named item, e.g. 表10 outbound_travel (ID)
	RoleUnit                     // a budget unit (ID: its name)
	RoleProject                  // a project (ID: its unit, Sub: its name)
)

// RowKey identifies a row of a table.
type RowKey struct {
	Role Role
	ID   string
	Sub  string
}

// Row keys.
var (
	TotalRow        = RowKey{Role: RoleTotal}
	CurrentTotalRow = RowKey{Role: RoleCurrentTotal}
	CarryoverRow    = RowKey{Role: RoleCarryover}
)

// CodeRow is the row of a classification code.
func CodeRow(code string) RowKey { return RowKey{Role: RoleCode, ID: code} }

// SourceRow is the income row of a source (tables 1, 4).
func SourceRow(s input.Source) RowKey { return RowKey{Role: RoleSource, ID: s.Key()} }

// CarrySourceRow is the carry-over income row of a source (table 4).
func CarrySourceRow(s input.Source) RowKey { return RowKey{Role: RoleCarrySource, ID: s.Key()} }

// EconRow is table 6's row of a 部门经济分类 款 paired with a 政府经济分类 款.
func EconRow(dept, gov string) RowKey { return RowKey{Role: RoleEcon, ID: dept, Sub: gov} }

// ItemRow is the row of a named item.
func ItemRow(key string) RowKey { return RowKey{Role: RoleItem, ID: key} }

// UnitRow is the row of a budget unit (its subtotal in tables 12, 13).
func UnitRow(name string) RowKey { return RowKey{Role: RoleUnit, ID: name} }

// ProjectRow is the row of a project of a unit.
func ProjectRow(unit, name string) RowKey { return RowKey{Role: RoleProject, ID: unit, Sub: name} }

// The items of table 10, in print order, with their keys (the keys of the
// input's three_public block, and vehicles for their subtotal).
const (
	ItemOutboundTravel   = "outbound_travel"   // 因公出国（境）费
	ItemReception        = "reception"         // 公务接待费
	ItemVehicles         = "vehicles"          // 公务用车购置及运行费
	ItemVehiclePurchase  = "vehicle_purchase"  // ①公务用车购置费
	ItemVehicleOperation = "vehicle_operation" // ②公务用车运行维护费
)

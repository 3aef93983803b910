// Package importer reads a workbook holding the 13 公开表 — exported by a
// budget system (预算管理一体化系统), typed in Excel or WPS, or written by
// budgetpub itself — into a master input (input.Document), so that the
// figures are not typed twice.
//
// Each table is found by its title and header texts, as the table set of
// render declares them, never by sheet name or position. Its rows are read
// by their keys (codes, units, projects, items) and the leaves — 项-level
// codes, projects, economic pairs — are the truth: the input lines are
// derived from them, the publication is rebuilt from those lines, and every
// figure of every table is compared with the workbook's own. A difference
// of rounding is a warning naming the cell; any other is an error naming
// the sheet and cell, in the sheet's unit, and nothing is imported. When
// the tables disagree, the cell the others outvote (vote.go: every printed
// figure is in relations with others — its row, its total and parts, the
// same figure in another table) is named first, and the import runs again
// on the figure they agree on, so that its consequences are not said
// again. Where the tables leave a split open (the sources of one code's
// carry-over, say), a stated rule decides and the import says so with the
// cells it came from.
//
// What no table says — a unit's kind, a project's category (unless a
// 项目类别 column gives it), 概况, 政府采购, 资产, 说明, reasons, the
// overall-goal amount — is never written: the clerk gives it, and the
// import's to-do list is the written file's findings of it (需补填), as
// check finds them.
package importer

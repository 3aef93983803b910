// Package importer reads a workbook holding a profile's tables (the 公开表
// of a layout: shanxi-13's 13, shanghai-9's 9, a 决算's 9) — exported by a
// budget system (预算管理一体化系统), typed in Excel or WPS, or written by
// budgetpub itself
// — into a master input (input.Document), so that the figures are not typed
// twice.
//
// It knows no layout: all it knows of one is the profile it imports into
// (render.ProfileByID; Options.Layout) — with none named, the importable
// profile whose tables' titles the workbook holds the most of (detect.go),
// written into the master input. Each table is found by its title and
// header texts, as its declaration gives them, never by sheet name or
// position, and its rows are read as the declaration says
// (render.TableDecl.Import: codes, a summary by source, economic pairs,
// items, units, projects). The leaves — 项-level codes, projects, economic
// pairs — are the truth: the profile derives the input lines from them
// (render.ImportDecl.Derive), the publication is rebuilt from those lines,
// and every figure of every table is compared with the workbook's own. A
// difference of rounding is a warning naming the cell; any other is an
// error naming the sheet and cell, in the sheet's unit, and nothing is
// imported. When the tables disagree, the cell the others outvote
// (vote.go: every printed figure is in relations with others — its row,
// its total and parts, and, as the profile declares (ImportDecl.Relate),
// the same figure in another table) is named first, and the import runs
// again on the figure they agree on, so that its consequences are not said
// again. Where the tables leave a split open (the sources of one code's
// carry-over, say), a stated rule of the profile's decides and the import
// says so with the cells it came from. A layout whose profile declares no
// import is refused (Profile).
//
// What no table says — a unit's kind, a project's category (unless a
// 项目类别 column gives it), 概况, 政府采购, 资产, 说明, reasons, the
// overall-goal amount — is never written: the clerk gives it, and the
// import's to-do list is the written file's findings of it (需补填), as
// check finds them.
package importer

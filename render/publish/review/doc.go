// Package review is a batch's review, the workbook summary.xlsx kept
// across a season's runs: its sheets 汇总 (one row a department, the typed
// Department, its columns declared once in columns.go) and 核对结果 (one
// row a finding), the totals row (totals.go), the review's order
// (order.go), the update of a review already in the folder by a run
// (season.go; an older layout read by its titles, older.go), which part of
// which list of inputs it covers (coverage.go), the merge of shards'
// summaries (merge.go), the roster checked against it (roster.go) and the
// files skipped (skipped.go). It writes through pairwrite; publish gives
// it a run's departments as Entries.
package review

// Package opendata writes a department's publication as open data, beside
// the workbook and the PDF:
//
//   - JSON: <stem>.json, the publication as data — every table by id with
//     its columns and keyed rows, amounts as exact decimal strings, and the
//     figures of 第三部分; Schema is its JSON Schema (draft 2020-12).
//   - CSV: <stem>.csv, UTF-8 with a byte-order mark, one row per amount of
//     the master input at its finest level, so that summing the rows
//     reproduces the tables' totals exactly.
//   - DataPackage: datapackage.json, a Frictionless Data tabular data
//     package describing the CSV files of a batch (or of one department)
//     with their table schema.
//
// Nothing here reads or writes a file: the functions return bytes, and the
// caller decides the names. No amount ever passes through a float: every
// figure is written from its exact decimal.
package opendata

// File names and extensions of the open data.
const (
	JSONExt     = ".json"            // <stem>.json
	CSVExt      = ".csv"             // <stem>.csv
	PackageFile = "datapackage.json" // the data package of a batch's CSV files
)

// FormatName and FormatVersion identify the JSON format; the version
// changes when a key is removed or changes meaning.
const (
	FormatName    = "budgetpub-open-data"
	FormatVersion = 1
)

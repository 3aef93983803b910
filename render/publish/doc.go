// Package publish is budgetpub's one pipeline, from a master input to the
// files a department publishes, and the facade the commands call. Every
// command calls it — render, check, batch, the workbench, the fuzz target —
// so they accept and refuse exactly the same inputs with the same
// messages:
//
//	input bytes → decode and validate (input) → names from the catalog
//	→ glyph coverage (fonts) → publication model (render) → checks
//	→ draft marking → workbook (render/xlsx) and PDF (render/pdf) → Result
//
// What a process shares — the catalog, the parsed fonts, the sentence
// templates — is loaded once by Load and handed to every department
// (Department, File, InputFile; a workbook imported first by ImportBook).
// Result.Write puts a department's files in a folder and Batch runs many
// (collecting the inputs, naming their outputs, moving a failed
// department's old files aside). The rest is in packages of their own,
// re-exported here only where the commands need them:
//
//   - pairwrite: a department's files written as one unit, journaled,
//     under the folder's lock; one batch per folder; the system's reasons
//     in Chinese;
//   - deptfiles: a department's output files, declared once;
//   - review: the batch's review (summary.xlsx), its season, merge,
//     coverage and roster;
//   - rollover: last year's file rolled over or carried in.
package publish

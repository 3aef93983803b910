// Package publish is budgetpub's one pipeline, from a master input to the
// files a department publishes. Every command calls it — render, check,
// batch, the fuzz target — so they accept and refuse exactly the same inputs
// with the same messages:
//
//	input bytes → decode and validate (input) → names from the catalog
//	→ glyph coverage (fonts) → publication model (render) → checks
//	→ draft marking → workbook (render/xlsx) and PDF (render/pdf) → Result
//
// What a process shares — the catalog, the parsed fonts, the sentence
// templates — is loaded once by Load and handed to every department.
// Writing a department's files (Result.Write) and running many departments
// (Batch) live here too, so that commands stay thin.
package publish

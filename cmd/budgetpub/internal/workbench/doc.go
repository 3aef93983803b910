// Package workbench is budgetpub's web workbench: a local web server, in the
// same binary, for the clerk who never opens a terminal and for the bureau
// reviewing many departments.
//
// A clerk starts from a workbook of the 13 tables (imported as the import
// command does), a master input, a skeleton or last year's file; fills in
// what the tables cannot give in forms that write into the master input; edits
// the YAML itself with the findings beside it; renders and downloads the
// workbook and the PDF. A bureau uploads many files or a zip, runs the batch
// and reads the review. Every step calls render/publish, the pipeline every
// command calls, so the workbench accepts and refuses exactly what the
// command line does.
//
// Safety: it listens on 127.0.0.1 unless told otherwise, and then only with
// an access token on every request; on loopback the Host header must be a
// loopback name (no DNS rebinding). Every form carries a CSRF token bound
// to the browser's cookie; uploads are size-limited like the inputs, as they
// stream to disk; each workspace is a private temporary folder, removed when
// closed, after an idle time and when the server stops, never to make room
// (limits are per browser, and a newcomer beyond them is refused); no name
// the browser sends is used as a path; heavy work runs under a concurrency
// limit; memory is bounded by budgets, not by the workspaces open; a page
// that saves carries the version of the text it was made from, so it never
// writes over a newer one; a malformed request gets a Chinese message, never
// a stack trace.
package workbench

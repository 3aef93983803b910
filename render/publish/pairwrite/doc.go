// Package pairwrite writes files into an output folder as one unit: a
// department's workbook and PDF (and its open data), a batch's summary, its
// site. Every file is written to a temporary first; then, holding the
// folder's lock, a journal names the unit, the old files are moved aside,
// the new ones renamed into place (pair.go), and a run killed in the middle
// is undone by the next run into the folder (recover.go). Every operation
// goes through an os.Root of the output folder, so nothing outside it is
// ever touched. It also holds one batch per folder (batchlock.go: the
// summary's lock, and the folder's tried once at the start) and says the
// system's reasons in Chinese (oscause*.go).
package pairwrite

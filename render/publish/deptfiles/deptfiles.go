// Package deptfiles declares a department's output files once: the kinds a
// run writes — the workbook and the PDF, with open data its JSON and CSV,
// and with --html its HTML edition —, each kind's ending, and the files of an output name. Writing them
// (publish.Result.WriteAs), moving a failed department's old files aside,
// the review's and the site's links, a merged data package, the
// workbench's zip and its links all read it, and the writer's journal
// (pairwrite) names no file of another ending.
package deptfiles

import (
	"path/filepath"
	"strings"

	"github.com/budgetpub/budgetpub/render/opendata"
)

// Kind is one file of a department.
type Kind int

// The kinds, in the order a department's files are written and listed.
const (
	Workbook Kind = iota
	PDF
	JSON // open data
	CSV  // open data
	HTML // the HTML edition (--html)
)

var kinds = [...]struct {
	ext  string
	open bool
}{
	Workbook: {".xlsx", false},
	PDF:      {".pdf", false},
	JSON:     {opendata.JSONExt, true},
	CSV:      {opendata.CSVExt, true},
	HTML:     {".html", false},
}

// Ext is the kind's file ending.
func (k Kind) Ext() string { return kinds[k].ext }

// OpenData tells whether the kind is written only with open data.
func (k Kind) OpenData() bool { return kinds[k].open }

// Name is the file of kind k of an output name: a stem, or a
// slash-separated path inside the output folder (城区/教育局).
func (k Kind) Name(name string) string { return name + k.Ext() }

// All are every kind of a department's files, for what looks for any of
// them (moving them aside, the workbench's zip).
func All() []Kind { return []Kind{Workbook, PDF, JSON, CSV, HTML} }

// Of are the kinds a run writes: the workbook and the PDF, with openData
// the JSON and the CSV, and with html the HTML edition.
func Of(openData, html bool) []Kind {
	out := []Kind{Workbook, PDF}
	if openData {
		out = append(out, JSON, CSV)
	}
	if html {
		out = append(out, HTML)
	}
	return out
}

// Names are the files of output name name a run writes.
func Names(name string, openData, html bool) []string {
	var out []string
	for _, k := range Of(openData, html) {
		out = append(out, k.Name(name))
	}
	return out
}

// Sep joins a department's files in the review's 输出文件或问题.
const Sep = "、"

// Find is the file of kind k among outputs (a review's 输出文件或问题:
// names joined by Sep), "" when it has none.
func Find(outputs string, k Kind) string {
	for _, f := range strings.Split(outputs, Sep) {
		if f != "" && strings.HasSuffix(strings.ToLower(f), k.Ext()) {
			return f
		}
	}
	return ""
}

// Main is the file a department's outputs are linked by: its PDF, else
// the first.
func Main(outputs string) string {
	if f := Find(outputs, PDF); f != "" {
		return f
	}
	first, _, _ := strings.Cut(outputs, Sep)
	return first
}

// SiteExt is the ending of a batch's page (index.html), the HTML
// edition's too.
const SiteExt = ".html"

// Written tells whether name ends as a file budgetpub writes into an
// output folder: a department's, a batch's summary (.xlsx), its data
// package (.json), combined CSV (.csv) and page (.html).
func Written(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	for _, k := range All() {
		if ext == k.Ext() {
			return true
		}
	}
	return ext == SiteExt
}

// Stem is an input's base name without .yaml/.yml (or, for a workbook,
// .xlsx): the output name of its files. Output names never come from
// anything inside the file, so no input can write outside the folder.
func Stem(name string) string {
	base := filepath.Base(name)
	if strings.EqualFold(filepath.Ext(base), ".xlsx") {
		base = base[:len(base)-len(".xlsx")]
	}
	for _, ext := range []string{".yaml", ".yml", ".YAML", ".YML"} {
		base = strings.TrimSuffix(base, ext)
	}
	if base == "" || base == "." || base == ".." || base == string(filepath.Separator) {
		base = "budget"
	}
	return base
}

// Package html writes a publication (render.Publication) as its HTML
// edition: one self-contained page — styles inline, no script, the
// system's fonts — with the publication's parts and sections under
// semantic headings, a linked table of contents, every table a <table>
// with its caption, scoped header cells and spans and its figures exactly
// as printed, the charts as inline SVG with a text alternative and their
// data table, the goal forms as tables, the draft notice when there is
// one, print CSS and a layout that reads down to a phone's width. It
// walks the publication as render/pdf does and knows no layout: every
// registered layout's publication is written the same way. The same
// publication always gives the same bytes.
//
// Its key facts (render.Summary) are machine-readable where they are
// shown: each figure is a <data value> element — the figure without
// separators, what the page prints beside it, so no hidden copy can
// disagree with the page — and the section holding them is a schema.org
// Dataset in microdata (no script block, unlike JSON-LD: the page stays
// script-free), each figure a variableMeasured PropertyValue in 万元 and
// the open data files (JSON, CSV), when written, its distributions. A
// harvester reads the microdata; anyone else reads the <data> values.
package html

import (
	"bytes"
	"io"

	"github.com/budgetpub/budgetpub/render"
)

// Options say what the page links to besides itself.
type Options struct {
	// JSON and CSV are the names of the publication's open data files
	// beside the page (its stem's .json and .csv), "" when not written.
	JSON, CSV string
	// PDF and Workbook are the names of the pair beside the page, linked
	// when set.
	PDF, Workbook string
}

// Write writes the HTML edition of p to w.
func Write(w io.Writer, p *render.Publication, o Options) error {
	b, err := Bytes(p, o)
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

// Bytes is the HTML edition of p.
func Bytes(p *render.Publication, o Options) ([]byte, error) {
	v := build(p, o)
	var buf bytes.Buffer
	if err := pageTemplate.Execute(&buf, v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

package html

import (
	"bytes"
	"html/template"
	"net/url"
)

// href is the link to a file beside the page, as files writes it.
func href(name string) string { return "./" + url.PathEscape(name) }

// Relink is a page written with the links of from made to link the files
// of to instead (a page written under one output name, served under
// another: the workbench's batch keeps its files by number and zips them
// by name). A link to a file is the only place its name appears as
// href="…": every text of the page is escaped, its quotes with it, so no
// text can take that form; and the link is written as the template writes
// it (the name percent-encoded, then escaped by html/template). A file of from that
// to does not name keeps its link.
func Relink(page []byte, from, to Options) []byte {
	for _, p := range [][2]string{{from.JSON, to.JSON}, {from.CSV, to.CSV}, {from.PDF, to.PDF}, {from.Workbook, to.Workbook}} {
		if p[0] == "" || p[1] == "" || p[0] == p[1] {
			continue
		}
		page = bytes.ReplaceAll(page, link(p[0]), link(p[1]))
	}
	return page
}

// linkTemplate writes a link as the page's template does.
var linkTemplate = template.Must(template.New("link").Parse(`<a href="{{.}}">`))

// link is the attribute href="…" of the link to the file name, exactly as
// the page has it.
func link(name string) []byte {
	var b bytes.Buffer
	if err := linkTemplate.Execute(&b, href(name)); err != nil {
		panic(err) // a string always executes
	}
	return bytes.TrimSuffix(bytes.TrimPrefix(b.Bytes(), []byte("<a ")), []byte(">"))
}

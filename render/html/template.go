package html

import (
	_ "embed"
	"html/template"
)

// The page's template and its style sheet, written inline into every page.
var (
	//go:embed page.html.tmpl
	pageSource string
	//go:embed style.css
	styleSheet string
)

// pageTemplate writes a view; html/template escapes every text of the
// publication in its context.
var pageTemplate = template.Must(template.New("page").Funcs(template.FuncMap{
	// css is the fixed style sheet, trusted as CSS (it holds nothing of the input).
	"css": func() template.CSS { return template.CSS(styleSheet) },
}).Parse(pageSource))

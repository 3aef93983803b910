// Package site writes the publishing kit of a batch: index.html, the static
// page of a finance bureau's 预决算公开专栏 listing every department with its
// code, name, key figures (收支总计, 一般公共预算, “三公”经费), its status and
// links to its files, and a totals row summed exactly. The page is one
// static file with its style inline and no script: it opens from a folder
// or any web server. Its template (index.html.tmpl, html/template, so every
// name is escaped) is embedded. No I/O: the caller writes the bytes.
package site

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"net/url"
	"strings"
	"time"

	"github.com/budgetpub/budgetpub/render"
	"github.com/shopspring/decimal"
)

// Department is one department's line on the page.
type Department struct {
	Code, Name string // Name: the department's name, or its input file's when it has none
	Status     string // the batch review's word: 可公开, 草稿, 需补填, 有错误, 未处理 …
	// Written: its files may be published (written, and 可公开: no draft);
	// only then are its figures shown, summed and its files linked.
	Written                           bool
	Total, GeneralPublic, ThreePublic decimal.Decimal // 万元, exact
	// The files written, by path relative to the page (forward slashes:
	// 大同.pdf, or shard-1/大同.pdf); empty: not written. HTML is its
	// HTML edition (--html), linked first as 网页版.
	PDF, Workbook, JSON, CSV, HTML string
}

// Page is what index.html shows.
type Page struct {
	Title       string    // 2025年部门预算公开, or the bureau's own
	Publisher   string    // the publishing body; empty: not said
	AsOf        time.Time // the date of the run
	Departments []Department
	// With open data: the combined CSV and datapackage.json by name in the
	// page's folder, and the data's licence.
	CombinedCSV, DataPackage string
	LicenceName, LicenceURL  string
}

//go:embed index.html.tmpl
var indexText string

var index = template.Must(template.New("index").Funcs(template.FuncMap{
	"amount":      amount,
	"href":        href,
	"statusClass": statusClass,
}).Parse(indexText))

// Index writes index.html. The same page gives the same bytes.
func Index(p Page) ([]byte, error) {
	var totals struct {
		N                                 int
		Total, GeneralPublic, ThreePublic decimal.Decimal
	}
	for _, d := range p.Departments {
		if d.Written {
			totals.N++
			totals.Total = totals.Total.Add(d.Total)
			totals.GeneralPublic = totals.GeneralPublic.Add(d.GeneralPublic)
			totals.ThreePublic = totals.ThreePublic.Add(d.ThreePublic)
		}
	}
	var b bytes.Buffer
	err := index.Execute(&b, map[string]any{
		"P":      p,
		"Date":   fmt.Sprintf("%d年%d月%d日", p.AsOf.Year(), p.AsOf.Month(), p.AsOf.Day()),
		"ISO":    p.AsOf.Format(time.DateOnly),
		"Totals": totals,
	})
	if err != nil {
		return nil, fmt.Errorf("site: %w", err)
	}
	return b.Bytes(), nil
}

// Title is the page's default title for departments of the year: 2025年部门预算公开
// (部门预算公开 when the year is not known).
func Title(year int) string { return TitleOf(year, render.KindBudget) }

// TitleOf is the default title for publications of a kind of the year:
// 2025年部门预算公开, or 2024年度部门决算公开 for 决算s.
func TitleOf(year int, kind render.Kind) string {
	switch {
	case kind == render.KindFinal && year == 0:
		return "部门决算公开"
	case kind == render.KindFinal:
		return fmt.Sprintf("%d年度部门决算公开", year)
	case year == 0:
		return "部门预算公开"
	}
	return fmt.Sprintf("%d年部门预算公开", year)
}

// KindOf is the kind the layouts of a season's departments share: 决算
// when every one's is of kind final, else 预算.
func KindOf(layouts []string) render.Kind {
	if len(layouts) == 0 {
		return render.KindBudget
	}
	for _, l := range layouts {
		if p, ok := render.ProfileByID(l); !ok || p.Kind != render.KindFinal {
			return render.KindBudget
		}
	}
	return render.KindFinal
}

// amount is an amount in 万元 as the tables print it: 5,103.42.
func amount(d decimal.Decimal) string {
	if render.Round(d).IsZero() {
		return "0.00"
	}
	return strings.TrimSuffix(render.FormatAmount(d), "万元")
}

// href is the relative, percent-encoded link to a file of the folder or
// below it, each segment of its path encoded: ./%E5%A4%A7%E5%90%8C.pdf,
// ./shard-1/%E5%A4%A7%E5%90%8C.pdf (the ./ keeps a name with a colon from
// reading as a scheme).
func href(rel string) template.URL {
	parts := strings.Split(rel, "/")
	for i, p := range parts {
		parts[i] = url.PathEscape(p)
	}
	return template.URL("./" + strings.Join(parts, "/"))
}

// statusClass is the colour of a status word: written and publishable,
// written as a draft, or not written.
func statusClass(s string) string {
	switch s {
	case string(render.StatusPublishable):
		return "ok"
	case "草稿":
		return "draft"
	}
	return "bad"
}

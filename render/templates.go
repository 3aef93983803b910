package render

import (
	"fmt"
	"sync"
	"text/template"

	"github.com/budgetpub/budgetpub/templates"
	"github.com/shopspring/decimal"
)

// Wording is the parsed sentence templates of 第三部分: the embedded
// defaults with, on top, any defines a bureau replaced. It is parsed once per
// process and shared by every department (executing a template is safe from
// many goroutines).
type Wording struct {
	t *template.Template
}

// templateFuncs are the only places figures of a sentence are formatted.
var templateFuncs = template.FuncMap{
	"amount":  FormatAmount,
	"share":   FormatShare,
	"percent": func(part, total decimal.Decimal) string { return FormatPercent(Percent(part, total)) },
	"change": func(cur decimal.Decimal, prior Prior) string {
		return FormatChange(cur, prior, "上年")
	},
	"changeVs": FormatChange,
	"list":     JoinList,
	"cn":       ChineseNumber,
}

// DefaultWording is the embedded wording, parsed.
func DefaultWording() *Wording {
	w, err := ParseWording("", "")
	if err != nil {
		panic(err) // the embedded templates are tested
	}
	return w
}

// ParseWording parses the default wording and, on top of it, a bureau's
// source (named file in messages; empty src: the defaults alone). Each define
// of src replaces the default of that name; the others stay.
//
// The bureau's defines are checked before they are used (templatecheck.go):
// they may print only what the wording functions and the texts produce, so
// that their execution is bounded and no debris reaches a page.
func ParseWording(file, src string) (*Wording, error) {
	t, err := template.New("part3").Funcs(templateFuncs).Option("missingkey=error").Parse(templates.Part3())
	if err != nil {
		return nil, fmt.Errorf("默认句式模板有误：%w", err)
	}
	if src == "" {
		return &Wording{t: t}, nil
	}
	known := map[string]bool{}
	for _, d := range t.Templates() {
		known[d.Name()] = true
	}
	own, err := template.New(file).Funcs(templateFuncs).Parse(src)
	if err != nil {
		return nil, fmt.Errorf("%s: 句式模板有误：%w", file, err)
	}
	if err := checkWording(own, known); err != nil {
		return nil, err
	}
	for _, d := range own.Templates() {
		if d.Name() == file || d.Tree == nil {
			continue
		}
		if _, err := t.AddParseTree(d.Name(), d.Tree); err != nil {
			return nil, fmt.Errorf("%s: 句式模板有误：%w", file, err)
		}
	}
	return &Wording{t: t}, nil
}

var (
	defaultOnce sync.Once
	defaultW    *Wording
)

// defaultWording is DefaultWording parsed once per process.
func defaultWording() *Wording {
	defaultOnce.Do(func() { defaultW = DefaultWording() })
	return defaultW
}

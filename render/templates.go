package render

import (
	"fmt"
	"reflect"
	"sync"
	"text/template"

	"github.com/budgetpub/budgetpub/input"
	"github.com/shopspring/decimal"
)

// Wording is the parsed sentence templates of a profile's explanatory part:
// its embedded defaults with, on top, any defines a bureau replaced. It is
// parsed once per process and shared by every department (executing a
// template is safe from many goroutines).
type Wording struct {
	t       *template.Template
	profile *Profile
}

// WordingSource is what a profile declares of its sentences: the embedded
// defines and the type of the data each is executed with (its facts; a
// chart's sentence, 图.*, takes ChartWording), against which a bureau's
// replacements are checked.
type WordingSource struct {
	Text func() string
	Data reflect.Type
	// About says in Chinese what each field of Data is, by its Go name
	// (open data's JSON Schema describes each key so).
	About map[string]string
	// Others are the data of the defines not executed with Data, by the
	// start of their names ("国有资产." → the layout's AssetsWording).
	Others map[string]reflect.Type
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
	"wan":      FormatWan,
	"vsBudget": FormatVsBudget,
	"vsRate":   FormatVsRate,
	"fixed":    FormatFixed,
	"delta":    FormatDelta,
	"rate":     FormatRate,
	"list":     JoinList,
	"cn":       ChineseNumber,
}

// DefaultWording is the default layout's embedded wording, parsed.
func DefaultWording() *Wording {
	w, err := ParseWording("", "")
	if err != nil {
		panic(err) // the embedded templates are tested
	}
	return w
}

// ParseWording parses the default layout's wording and, on top of it, a
// bureau's source (ParseWordingFor).
func ParseWording(file, src string) (*Wording, error) {
	p, ok := ProfileByID(input.DefaultLayout)
	if !ok {
		return nil, fmt.Errorf("默认版式 %s 没有注册", input.DefaultLayout)
	}
	return ParseWordingFor(p, file, src)
}

// ParseWordingFor parses a profile's default wording and, on top of it, a
// bureau's source (named file in messages; empty src: the defaults alone).
// Each define of src replaces the default of that name; the others stay.
//
// The bureau's defines are checked before they are used (templatecheck.go):
// they may print only what the wording functions and the texts produce, so
// that their execution is bounded and no debris reaches a page.
func ParseWordingFor(p *Profile, file, src string) (*Wording, error) {
	text := ""
	if p.Wording.Text != nil {
		text = p.Wording.Text()
	}
	t, err := template.New("part3").Funcs(templateFuncs).Option("missingkey=error").Parse(text)
	if err != nil {
		return nil, fmt.Errorf("默认句式模板有误：%w", err)
	}
	if src == "" {
		return &Wording{t: t, profile: p}, nil
	}
	known := map[string]bool{}
	for _, d := range t.Templates() {
		known[d.Name()] = true
	}
	own, err := template.New(file).Funcs(templateFuncs).Parse(src)
	if err != nil {
		return nil, fmt.Errorf("%s: 句式模板有误：%w", file, err)
	}
	if err := checkWording(own, known, p.Wording); err != nil {
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
	return &Wording{t: t, profile: p}, nil
}

// defaults are each profile's embedded wording, parsed once per process.
var defaults sync.Map // *Profile → func() *Wording

// defaultWording is the profile's embedded wording, parsed once.
func (p *Profile) defaultWording() *Wording {
	f, _ := defaults.LoadOrStore(p, sync.OnceValue(func() *Wording {
		w, err := ParseWordingFor(p, "", "")
		if err != nil {
			panic(err) // a profile's embedded templates are tested
		}
		return w
	}))
	return f.(func() *Wording)()
}

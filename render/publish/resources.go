package publish

import (
	"fmt"
	"path/filepath"

	"github.com/budgetpub/budgetpub/fonts"
	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
)

// Config names the files a process loads once: a user catalog, a folder of
// sentence templates, and TrueType fonts replacing the bundled faces. Empty
// fields keep the embedded defaults.
type Config struct {
	Catalog     string // CSV of code,name extending and overriding the embedded catalog
	Templates   string // a folder holding part3.tmpl
	FontBody    string // 正文和表格 (宋体/仿宋)
	FontTitle   string // 标题 (小标宋)
	FontHeading string // 小标题 (黑体)
}

// Resources are what every department of a process shares, loaded once and
// read-only afterwards: safe to use from many goroutines.
type Resources struct {
	Catalog *input.Catalog
	Fonts   *fonts.Set
	Wording *render.Wording
}

// Load reads what the configuration names. A template that does not parse,
// or does not produce clean sentences for the bundled sample, is refused
// here, before any department is rendered.
func Load(c Config) (res *Resources, err error) {
	err = Guard("budgetpub", "载入分类目录、字体或句式模板时出错", func() error {
		res, err = load(c)
		return err
	})
	return res, err
}

func load(c Config) (*Resources, error) {
	r := &Resources{Catalog: input.DefaultCatalog()}
	var err error
	if c.Catalog != "" {
		if r.Catalog, err = input.LoadCatalog(c.Catalog); err != nil {
			return nil, err
		}
	}
	if c.FontBody == "" && c.FontTitle == "" && c.FontHeading == "" {
		r.Fonts, err = fonts.Bundled()
	} else {
		var o fonts.Options
		for _, f := range []struct {
			path string
			dst  *fonts.File
		}{{c.FontBody, &o.Body}, {c.FontTitle, &o.Title}, {c.FontHeading, &o.Heading}} {
			if f.path == "" {
				continue
			}
			data, err := input.ReadRegular(f.path, fonts.MaxFileSize)
			if err != nil {
				return nil, fmt.Errorf("字体文件 %s 无法读取：%w", f.path, err)
			}
			*f.dst = fonts.File{Name: f.path, Data: data}
		}
		r.Fonts, err = fonts.Load(o)
	}
	if err != nil {
		return nil, err
	}
	r.Wording = render.DefaultWording()
	if c.Templates != "" {
		if r.Wording, err = loadWording(c.Templates); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// loadWording parses DIR/part3.tmpl over the defaults and tries it on the
// bundled sample, so that a template that fails on every department fails
// once, at start.
func loadWording(dir string) (*render.Wording, error) {
	path := filepath.Join(dir, "part3.tmpl")
	src, err := ReadFile(path, maxTemplateSize)
	if err != nil {
		return nil, fmt.Errorf("%s: 无法读取句式模板：%w", path, err)
	}
	w, err := render.ParseWording(path, string(src))
	if err != nil {
		return nil, err
	}
	doc, err := input.Decode(input.SampleName, input.Sample, nil)
	if err != nil {
		return nil, err
	}
	if _, err := render.BuildWith(doc, render.Options{Wording: w}); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return w, nil
}

package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render/publish"
)

// renderOpts are the flags of render.
type renderOpts struct {
	files   []string
	outDir  string
	catalog string
	// templates names a folder whose part3.tmpl replaces the default wording.
	templates string
	// force renders although the checks found errors; the outputs then say
	// on every page and sheet that they are a draft.
	force bool
	// TrueType files replacing the bundled fonts (the bundled ones stay as fallbacks).
	fontBody, fontTitle, fontHeading string
}

// parseRender reads render's flags.
func parseRender(args []string) (renderOpts, error) {
	o, err := parseRenderArgs(args, nil)
	if err == nil && len(o.files) > 1 {
		err = fmt.Errorf("render 一次只处理一个文件（多个部门请用 batch）")
	}
	return o, err
}

// parseRenderArgs reads the flags render and batch share, anywhere among the
// arguments (render FILE -o DIR as well as render -o DIR FILE). extra, when
// set, is offered every flag first: it returns whether it took it, using
// value() for its value.
func parseRenderArgs(args []string, extra func(name string, value func() (string, error)) (bool, error)) (renderOpts, error) {
	o := renderOpts{outDir: "output"}
	for i := 0; i < len(args); i++ {
		a := args[i]
		name, inline, hasInline := strings.Cut(a, "=")
		value := func() (string, error) {
			if hasInline {
				return inline, nil
			}
			if i+1 >= len(args) {
				return "", fmt.Errorf("选项 %s 需要一个值", a)
			}
			i++
			return args[i], nil
		}
		if !strings.HasPrefix(a, "-") || a == "-" {
			o.files = append(o.files, a)
			continue
		}
		if extra != nil {
			took, err := extra(name, value)
			if err != nil {
				return o, err
			}
			if took {
				continue
			}
		}
		var err error
		switch name {
		case "-o", "--out", "-out":
			o.outDir, err = value()
		case "--catalog", "-catalog":
			o.catalog, err = value()
		case "--force":
			o.force = true
		case "--templates":
			o.templates, err = value()
		case "--font-body":
			o.fontBody, err = value()
		case "--font-title":
			o.fontTitle, err = value()
		case "--font-heading":
			o.fontHeading, err = value()
		default:
			return o, fmt.Errorf("未知的选项 %s", a)
		}
		if err != nil {
			return o, err
		}
	}
	if o.outDir == "" {
		return o, fmt.Errorf("输出目录不能为空")
	}
	return o, nil
}

func cmdRender(args []string, stdout, stderr io.Writer) int {
	o, err := parseRender(args)
	if err != nil {
		fmt.Fprintf(stderr, "budgetpub render: %v\n\n%s", err, helps["render"])
		return 2
	}
	res, err := publish.Load(o.config())
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	var r *publish.Result
	if len(o.files) == 1 {
		r = publish.File(res, o.files[0], publish.Options{Force: o.force})
	} else {
		r = publish.Department(res, input.SampleName, input.Sample, publish.Options{Force: o.force})
	}
	for _, f := range r.Findings {
		fmt.Fprintln(stderr, f)
	}
	if r.Err != nil {
		fmt.Fprintln(stderr, r.Err)
		return 1
	}
	paths, err := r.Write(o.outDir)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	for _, p := range paths {
		fmt.Fprintf(stdout, "已生成 %s\n", p)
	}
	return 0
}

// config is what the flags ask the pipeline to load.
func (o renderOpts) config() publish.Config {
	return publish.Config{Catalog: o.catalog, Templates: o.templates, FontBody: o.fontBody, FontTitle: o.fontTitle, FontHeading: o.fontHeading}
}

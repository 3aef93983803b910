package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/budgetpub/budgetpub/fonts"
	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
	"github.com/budgetpub/budgetpub/render/pdf"
	"github.com/budgetpub/budgetpub/render/xlsx"
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
	cat, fs, err := loadResources(o)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	name, data := input.SampleName, input.Sample
	if len(o.files) == 1 {
		name = o.files[0]
		if data, err = readInput(name); err != nil {
			fmt.Fprintf(stderr, "%s: 无法读取：%v\n", name, err)
			return 1
		}
	}
	out, err := produce(name, data, cat, fs, o)
	for _, f := range out.findings {
		fmt.Fprintln(stderr, f)
	}
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	paths, err := writeOutputs(o.outDir, name, out)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	for _, p := range paths {
		fmt.Fprintf(stdout, "已生成 %s\n", p)
	}
	return 0
}

// readInput reads an input file, refusing anything but a regular file of
// reasonable size.
func readInput(name string) ([]byte, error) {
	fi, err := os.Stat(name)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("不是普通文件")
	}
	if fi.Size() > input.MaxFileSize {
		return nil, fmt.Errorf("文件过大（%d 字节，上限 %d 字节）", fi.Size(), input.MaxFileSize)
	}
	return os.ReadFile(name)
}

// stem is the input's base name without .yaml/.yml: output names never come
// from anything inside the file, so no input can write outside the folder.
func stem(name string) string {
	base := filepath.Base(name)
	for _, ext := range []string{".yaml", ".yml", ".YAML", ".YML"} {
		base = strings.TrimSuffix(base, ext)
	}
	if base == "" || base == "." || base == ".." || base == string(filepath.Separator) {
		base = "budget"
	}
	return base
}

// outputs are what one department renders to.
type outputs struct {
	book, paper []byte
	findings    []render.Finding
	pub         *render.Publication
}

// errChecks is the error of a render stopped by its checks.
var errChecks = errors.New("勾稽核对发现错误，未生成任何文件（确需生成草稿可加 --force）")

// produce decodes, checks and renders one input in memory. The findings are
// returned even when an error stops it.
func produce(name string, data []byte, cat *input.Catalog, fs *fonts.Set, o renderOpts) (outputs, error) {
	var out outputs
	doc, err := input.Decode(name, data, cat)
	if err != nil {
		return out, err
	}
	if errs := missingGlyphs(doc, fs); len(errs) > 0 {
		return out, errs
	}
	pub, err := render.BuildWith(doc, render.Options{TemplateDir: o.templates})
	if err != nil {
		return out, fmt.Errorf("%s: %w", name, err)
	}
	out.pub = pub
	out.findings = render.Check(doc, pub)
	if render.HasErrors(out.findings) {
		if !o.force {
			return out, errChecks
		}
		render.MarkDraft(pub, "草稿：勾稽核对发现错误，本文件不是正式公开文本")
	}
	var book bytes.Buffer
	if err := xlsx.Write(&book, pub); err != nil {
		return out, fmt.Errorf("%s: 无法生成工作簿：%w", name, err)
	}
	paper, err := pdf.Bytes(pub, fs)
	if err != nil {
		return out, fmt.Errorf("%s: 无法生成 PDF：%w", name, err)
	}
	out.book, out.paper = book.Bytes(), paper
	return out, nil
}

// loadResources reads the catalog and the fonts a render uses.
func loadResources(o renderOpts) (*input.Catalog, *fonts.Set, error) {
	cat := input.DefaultCatalog()
	if o.catalog != "" {
		var err error
		if cat, err = input.LoadCatalog(o.catalog); err != nil {
			return nil, nil, err
		}
	}
	fs, err := loadFonts(o)
	return cat, fs, err
}

// writeOutputs writes a department's workbook and PDF into dir (made if
// need be), each through a temporary file and a rename, and returns their paths.
func writeOutputs(dir, file string, out outputs) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("%s: 无法创建输出目录：%w", dir, err)
	}
	var paths []string
	for _, w := range []struct {
		ext  string
		data []byte
	}{{".xlsx", out.book}, {".pdf", out.paper}} {
		path := filepath.Join(dir, stem(file)+w.ext)
		if err := writeAtomic(path, w.data); err != nil {
			return paths, fmt.Errorf("%s: 写入失败：%w", path, err)
		}
		paths = append(paths, path)
	}
	return paths, nil
}

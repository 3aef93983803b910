package publish

import (
	"context"
	"path/filepath"
	"strings"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render/importer"
)

// ImportOptions shape ImportBook.
type ImportOptions struct {
	// Output is the name the master input is written as ("": the
	// workbook's stem with .yaml).
	Output string
	// Amend carries last year's texts and figures in (import --prior).
	Amend func(doc *input.Document, o *input.FormatOptions) error
	// Context ends the import early when done; nil: never.
	Context context.Context
	// Layout is the layout of the workbook's tables ("": the default).
	Layout string
	// Year and Department are the year and the department's name of
	// tables that print none (a 决算's: importer.Options); 0 and "": from
	// the workbook's file name.
	Year       int
	Department string
}

// ImportBook imports a workbook of a layout's tables (name, its bytes data)
// into a master input, as `budgetpub import`, `budgetpub batch` and the
// workbench's bureau page all do: the catalog of res, a header naming the
// workbook, a fault inside reported as such (Guard). It is the one import
// they share, so that the three give the same text for the same workbook.
func ImportBook(res *Resources, name string, data []byte, o ImportOptions) (*importer.Result, error) {
	wo := importer.Options{Catalog: res.Catalog, Output: o.Output, Amend: o.Amend, Context: o.Context, Layout: o.Layout,
		Year: o.Year, Department: o.Department,
		Format: input.FormatOptions{Header: ImportHeader(name)}}
	var r *importer.Result
	err := Guard(name, "导入工作簿时出错", func() error {
		var err error
		r, err = importer.Import(name, data, wo)
		return err
	})
	if err != nil {
		return nil, err
	}
	return r, nil
}

// ImportHeader is the header of a master input imported from the workbook
// name: where it came from.
func ImportHeader(name string) []string { return []string{"由 " + filepath.Base(name) + " 导入。"} }

// IsWorkbook tells whether a file is a workbook batch and import take
// (.xlsx).
func IsWorkbook(name string) bool { return strings.ToLower(filepath.Ext(name)) == ".xlsx" }

// ImportFile is the master input of the workbook at path, as batch
// renders it: read (at most importer.MaxBookSize) and imported by
// ImportBook, with nothing carried from a prior year.
func ImportFile(res *Resources, path string) ([]byte, error) {
	text, _, err := ImportFileWith(res, path, nil, "")
	return text, err
}

// ImportFileWith is ImportFile with last year's file of the workbook's
// department, found in priors (nil: none), carried in (Priors.Carrier), and
// what was found; the workbook read in layout ("": the default).
func ImportFileWith(res *Resources, path string, priors *Priors, layout string) ([]byte, *PriorUse, error) {
	data, err := readWorkbook(path)
	if err != nil {
		return nil, nil, &input.Error{File: path, Msg: "无法读取：" + err.Error(), Err: err}
	}
	o := ImportOptions{Layout: layout}
	var use *PriorUse
	if priors != nil {
		o.Amend, use = priors.Carrier(res, path)
	}
	r, err := ImportBook(res, path, data, o)
	if err != nil {
		return nil, use, err
	}
	return r.Text, use, nil
}

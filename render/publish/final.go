package publish

import (
	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render/publish/rollover"
)

// Finals started from the year's 预算 (package rollover's FinalFrom).
type (
	NotBudgetError  = rollover.NotBudgetError
	PriorFinalError = rollover.PriorFinalError
)

// FinalLayout is the layout of the 决算 FinalFrom writes.
const FinalLayout = rollover.FinalLayout

// FinalFrom reads the year's 预算 at budget and, when prior is not "",
// last year's 决算, with the process's catalog, and makes the 决算's
// master input (rollover.FinalFrom) and the options it is written with.
func FinalFrom(res *Resources, budget, prior string) (doc *input.Document, o input.FormatOptions, err error) {
	err = Guard(budget, "由预算文件生成决算文件时出错", func() error {
		b, err := rollover.ReadInput(res.Catalog, budget)
		if err != nil {
			return err
		}
		var p *input.Document
		if prior != "" {
			if p, err = rollover.ReadInput(res.Catalog, prior); err != nil {
				return err
			}
		}
		doc, o, err = rollover.FinalFrom(b, p)
		return err
	})
	return doc, o, err
}

// ReadBudget reads the year's 预算 a 决算's 年初预算 are checked against
// (--budget), with the process's catalog: a 决算 given instead is a
// *NotBudgetError.
func ReadBudget(res *Resources, path string) (*input.Document, error) {
	var doc *input.Document
	err := Guard(path, "读取预算文件时出错", func() error {
		b, err := rollover.ReadInput(res.Catalog, path)
		if err != nil {
			return err
		}
		if rollover.IsFinal(b) {
			return &NotBudgetError{File: path, Layout: b.LayoutOf(), Flag: "--budget"}
		}
		doc = b
		return nil
	})
	return doc, err
}

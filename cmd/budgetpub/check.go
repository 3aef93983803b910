package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
)

// checkReport is one file's result, as --json prints it.
type checkReport struct {
	File     string           `json:"file"`
	Errors   []inputError     `json:"input_errors"`
	Findings []render.Finding `json:"findings"`
}

type inputError struct {
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Message string `json:"message"`
}

// cmdCheck runs the reconciliation checks on each file and writes nothing.
func cmdCheck(args []string, stdout, stderr io.Writer) int {
	var files []string
	asJSON, catalog := false, ""
	for i := 0; i < len(args); i++ {
		switch a := args[i]; {
		case a == "--json":
			asJSON = true
		case a == "--catalog" && i+1 < len(args):
			i++
			catalog = args[i]
		case strings.HasPrefix(a, "--catalog="):
			catalog = strings.TrimPrefix(a, "--catalog=")
		case strings.HasPrefix(a, "-"):
			fmt.Fprintf(stderr, "budgetpub check: 未知的选项 %s\n\n%s", a, helps["check"])
			return 2
		default:
			files = append(files, a)
		}
	}
	if len(files) == 0 {
		fmt.Fprintf(stderr, "budgetpub check: 请给出至少一个输入文件\n\n%s", helps["check"])
		return 2
	}
	cat := input.DefaultCatalog()
	if catalog != "" {
		var err error
		if cat, err = input.LoadCatalog(catalog); err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
	}
	failed := false
	var reports []checkReport
	for _, name := range files {
		r := checkFile(name, cat)
		reports = append(reports, r)
		if len(r.Errors) > 0 || render.HasErrors(r.Findings) {
			failed = true
		}
		if !asJSON {
			for _, e := range r.Errors {
				fmt.Fprintf(stdout, "%s:%d:%d: 错误 [input] %s\n", r.File, e.Line, e.Column, e.Message)
			}
			for _, f := range r.Findings {
				fmt.Fprintln(stdout, f)
			}
		}
	}
	if asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(reports); err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
	} else {
		fmt.Fprintln(stderr, summary(reports))
	}
	if failed {
		return 1
	}
	return 0
}

// checkFile decodes, builds and checks one input.
func checkFile(name string, cat *input.Catalog) checkReport {
	r := checkReport{File: name, Errors: []inputError{}, Findings: []render.Finding{}}
	data, err := readInput(name)
	if err != nil {
		r.Errors = append(r.Errors, inputError{Message: "无法读取：" + err.Error()})
		return r
	}
	doc, err := input.Decode(name, data, cat)
	if err != nil {
		if es := input.AsErrors(err); es != nil {
			for _, e := range es {
				r.Errors = append(r.Errors, inputError{Line: e.Pos.Line, Column: e.Pos.Col, Message: e.Msg})
			}
		} else {
			r.Errors = append(r.Errors, inputError{Message: err.Error()})
		}
		return r
	}
	pub, err := render.Build(doc)
	if err != nil {
		r.Errors = append(r.Errors, inputError{Message: err.Error()})
		return r
	}
	r.Findings = append(r.Findings, render.Check(doc, pub)...)
	return r
}

// summary counts the files, errors and warnings checked.
func summary(rs []checkReport) string {
	errs, warns := 0, 0
	for _, r := range rs {
		errs += len(r.Errors)
		for _, f := range r.Findings {
			if f.Severity == render.SeverityError {
				errs++
			} else {
				warns++
			}
		}
	}
	return fmt.Sprintf("核对了 %d 个文件：%d 个错误，%d 个警告", len(rs), errs, warns)
}

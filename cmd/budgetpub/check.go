package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
	"github.com/budgetpub/budgetpub/render/publish"
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
	res, err := publish.Load(publish.Config{Catalog: catalog})
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	failed := false
	var reports []checkReport
	for _, name := range files {
		r := report(publish.File(res, name, publish.Options{}))
		reports = append(reports, r)
		if len(r.Errors) > 0 || render.HasErrors(r.Findings) {
			failed = true
		}
		if !asJSON {
			for _, e := range r.Errors {
				if e.Line == 0 {
					fmt.Fprintf(stdout, "%s: 错误 [input] %s\n", r.File, e.Message)
				} else {
					fmt.Fprintf(stdout, "%s:%d:%d: 错误 [input] %s\n", r.File, e.Line, e.Column, e.Message)
				}
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

// report is one file's run as check reports it: the input's problems (or the
// error that stopped the pipeline) and the findings. A run stopped by its
// checks' errors is reported by those findings alone.
func report(res *publish.Result) checkReport {
	r := checkReport{File: res.Name, Errors: []inputError{}, Findings: []render.Finding{}}
	r.Findings = append(r.Findings, res.Findings...)
	switch {
	case res.Err == nil || res.Err == publish.ErrChecks:
	case input.AsErrors(res.Err) != nil:
		for _, e := range input.AsErrors(res.Err) {
			r.Errors = append(r.Errors, inputError{Line: e.Pos.Line, Column: e.Pos.Col, Message: e.Msg})
		}
	default:
		r.Errors = append(r.Errors, inputError{Message: res.Err.Error()})
	}
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

package main

import (
	"encoding/json"
	"fmt"
	"os"
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

var checkCmd = &command{
	name:    "check",
	summary: "只做表间勾稽核对，不生成文件",
	usage:   "文件.yaml|工作簿.xlsx|目录... [选项]",
	notes: `每条结果一行：文件:行:列: 错误|警告 [编号] 说明：两个数字及相差。
目录中的主输入文件和工作簿（先像 import 一样导入）逐个核对（含子目录），其他文件列出原因后跳过。
核对与 render 走同一条流程（同样的分类目录、句式模板和字体选项），render 拒绝的文件 check 也报错。
有错误时退出码为 1，只有警告时为 0。`,
	examples: []string{"budgetpub check 某某局-2025.yaml"},
	define: func(fs *flagSet) func(*env, []string) int {
		asJSON := fs.Bool("json", false, "以 JSON 输出，供程序读取")
		strict := strictFlag(fs)
		layout := layoutFlag(fs)
		budget := budgetFlag(fs)
		cfg := configFlags(fs)
		return func(e *env, files []string) int {
			if len(files) == 0 {
				return e.usage("请给出至少一个输入文件")
			}
			files, skipped, err := expandFolders(files)
			if err != nil {
				fmt.Fprintln(e.stderr, err)
				return exitUsage
			}
			saySkipped(e, skipped)
			if len(files) == 0 {
				fmt.Fprintf(e.stderr, "没有找到主输入文件（.yaml 或 .yml）或工作簿（.xlsx）%s：请检查文件夹的名字\n", skippedNote(skipped))
				return exitUsage
			}
			res, err := publish.Load(*cfg)
			if err != nil {
				fmt.Fprintln(e.stderr, err)
				return exitFor(err)
			}
			b, code := loadBudget(e, res, *budget)
			if code != 0 {
				return code
			}
			return checkFiles(e, res, files, *asJSON, publish.Options{Strict: *strict, Layout: layout.id, Budget: b})
		}
	},
}

// checkFiles runs the pipeline on each file without writing, and reports.
func checkFiles(e *env, res *publish.Resources, files []string, asJSON bool, o publish.Options) int {
	failed, faulted := false, false
	var reports []checkReport
	for _, name := range files {
		out := publish.InputFile(res, name, o)
		for _, n := range out.Notices {
			fmt.Fprintln(e.stderr, n)
		}
		if out.Err != nil && publish.IsFault(out.Err) {
			faulted = true
		}
		r := report(out)
		reports = append(reports, r)
		if len(r.Errors) > 0 || render.HasErrors(r.Findings) || render.HasIncomplete(r.Findings) {
			failed = true
		}
		if !asJSON {
			for _, ie := range r.Errors {
				if ie.Line == 0 {
					fmt.Fprintf(e.stdout, "%s: 错误 [input] %s\n", r.File, ie.Message)
				} else {
					fmt.Fprintf(e.stdout, "%s:%d:%d: 错误 [input] %s\n", r.File, ie.Line, ie.Column, ie.Message)
				}
			}
			for _, f := range r.Findings {
				fmt.Fprintln(e.stdout, f)
			}
		}
	}
	if asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(reports); err != nil {
			fmt.Fprintln(e.stderr, err)
			return 1
		}
	} else {
		fmt.Fprintln(e.stderr, summary(reports))
	}
	switch {
	case faulted:
		return exitFault
	case failed:
		return exitRefused
	}
	return exitDone
}

// report is one file's run as check reports it: the input's problems (or the
// error that stopped the pipeline) and the findings. A run stopped by its
// checks' errors is reported by those findings alone.
func report(res *publish.Result) checkReport {
	r := checkReport{File: res.Name, Errors: []inputError{}, Findings: []render.Finding{}}
	r.Findings = append(r.Findings, res.Findings...)
	switch {
	case res.Err == nil || publish.StoppedByChecks(res.Err):
	case input.AsErrors(res.Err) != nil:
		for _, e := range input.AsErrors(res.Err) {
			r.Errors = append(r.Errors, inputError{Line: e.Pos.Line, Column: e.Pos.Col, Message: e.Msg})
		}
	default:
		r.Errors = append(r.Errors, inputError{Message: res.Err.Error()})
	}
	return r
}

// summary says each file's status (可公开, 需补填, 有错误: what render
// would make of it) and counts the findings of each severity.
func summary(rs []checkReport) string {
	errs, incomplete, warns := 0, 0, 0
	statuses := map[render.Status]int{}
	for _, r := range rs {
		e, i, w := render.Tally(r.Findings)
		errs, incomplete, warns = errs+len(r.Errors)+e, incomplete+i, warns+w
		st := render.StatusOf(r.Findings)
		if len(r.Errors) > 0 {
			st = render.StatusErrors
		}
		statuses[st]++
	}
	var parts []string
	for _, st := range []render.Status{render.StatusPublishable, render.StatusIncomplete, render.StatusErrors} {
		if n := statuses[st]; n > 0 {
			parts = append(parts, fmt.Sprintf("%s %d 个", st, n))
		}
	}
	return fmt.Sprintf("核对了 %d 个文件：%s（%d 个错误，%d 处需补填，%d 个警告）", len(rs), strings.Join(parts, "，"), errs, incomplete, warns)
}

// expandFolders replaces each folder named by the inputs found in it
// (publish.CollectInputs), and says which other files it skipped; a file
// named is kept as named, whatever it is.
func expandFolders(args []string, exclude ...string) (files []string, skipped []publish.Skipped, err error) {
	for _, a := range args {
		if fi, err := os.Stat(a); err != nil || !fi.IsDir() {
			files = append(files, a)
			continue
		}
		found, sk, err := publish.CollectInputs([]string{a}, exclude...)
		if err != nil {
			return nil, nil, err
		}
		files, skipped = append(files, found...), append(skipped, sk...)
	}
	return files, skipped, nil
}

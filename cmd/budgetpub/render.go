package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render/publish"
)

var renderCmd = &command{
	name:    "render",
	summary: "由主输入文件生成公开用的 Excel 工作簿和 PDF",
	usage:   "[文件.yaml] [选项]",
	notes:   "不写文件时生成自带的样例。先做勾稽核对：有错误时不生成任何文件。",
	examples: []string{
		"budgetpub render 某某局-2025.yaml -o 公开材料",
		"budgetpub render 某某局-2025.yaml --font-body 仿宋_GB2312.ttf --font-heading 黑体.ttf",
	},
	define: func(fs *flagSet) func(*env, []string) int {
		out := outFlag(fs, "生成 <文件名>.xlsx 和 <文件名>.pdf")
		force := forceFlag(fs)
		strict := strictFlag(fs)
		openData := openDataFlag(fs)
		htmlEdition := htmlFlag(fs)
		layout := layoutFlag(fs)
		budget := budgetFlag(fs)
		cfg := configFlags(fs)
		return func(e *env, args []string) int {
			if len(args) > 1 {
				return e.usage("render 一次只处理一个文件（多个部门请用 batch）")
			}
			if *out == "" {
				return e.usage("输出目录不能为空")
			}
			// SIGINT/SIGTERM while the department is built: nothing is
			// written; during the write: the pair is finished first.
			ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			res, err := publish.Load(*cfg)
			if err != nil {
				fmt.Fprintln(e.stderr, err)
				return exitFor(err)
			}
			b, code := loadBudget(e, res, *budget)
			if code != 0 {
				return code
			}
			opts := publish.Options{Force: *force, Strict: *strict, OpenData: *openData, HTML: *htmlEdition, Layout: layout.id, Budget: b}
			var r *publish.Result
			if len(args) == 1 {
				r = publish.File(res, args[0], opts)
			} else {
				r = publish.Department(res, input.SampleName, input.Sample, opts)
			}
			for _, n := range r.Notices {
				fmt.Fprintln(e.stderr, n)
			}
			for _, f := range r.Findings {
				fmt.Fprintln(e.stderr, f)
			}
			if r.Err != nil {
				fmt.Fprintln(e.stderr, r.Err)
				return exitFor(r.Err)
			}
			if ctx.Err() != nil {
				fmt.Fprintln(e.stderr, "budgetpub render: 被中断，未写入任何文件")
				return exitInterrupted
			}
			paths, err := r.Write(*out)
			if err != nil {
				fmt.Fprintln(e.stderr, err)
				return 1
			}
			for _, p := range paths {
				fmt.Fprintf(e.stdout, "已生成 %s\n", p)
			}
			return 0
		}
	},
}

package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"runtime"
	"strconv"
	"strings"
	"syscall"

	"github.com/budgetpub/budgetpub/render/publish"
)

var batchCmd = &command{
	name:    "batch",
	summary: "批量生成多个部门（财政部门用）",
	usage:   "目录|文件... [选项]",
	notes: `目录中的主输入文件（.yaml、.yml）和工作簿（.xlsx，先像 import 一样导入）逐个处理（含子目录）；
一个文件出错不影响其他文件。其他文件逐个列出原因和处理办法（汇总表的“已跳过的文件”表），
隐藏文件和 Office 的临时文件（~$ 开头）不提；输出目录在输入目录之内时不读它。
中断（Ctrl+C）时已生成的文件完整可用，未处理的部门在汇总表中列出。
输出文件默认按输入文件名命名，全部放在输出目录中；两个输入文件会得出同一个输出文件名时，
后一个不生成（汇总表写明与哪个文件相同）。--keep-folders 按子文件夹分开输出，
--name 按文件中的部门编码、名称、年度命名（缺部门编码的部门不生成，并说明怎样补上）。
--prior-dir 给出上年的主输入文件所在目录：工作簿导入时带入本部门上年的文件（同 import --prior），
同一部门有两个上年文件、或只有别的年度的文件时，该部门不生成并说明原因。
多台机器分工：每台运行 --shard i/n（第 i 份写 summary-i-of-n.xlsx），各写本机磁盘上的目录，
全部完成后把这些目录收集到一处，用 --merge-summaries 把各份汇总表合并为一份 summary.xlsx。
退出码：0 全部完成，1 有部门未生成（见汇总表），2 无事可做或命令有误（含输出目录无法加锁），
3 程序内部错误，4 被中断。`,
	examples: []string{"budgetpub batch 各部门/ -o 公开材料 -j 2",
		"budgetpub batch 各部门/ -o 公开材料 --keep-folders --name '{code}-{name}-{year}'",
		"budgetpub batch 各部门/ -o 公开材料 --prior-dir 2024年主输入文件/",
		"budgetpub batch 各部门/ -o 公开材料 --shard 2/4",
		"budgetpub batch --merge-summaries 公开材料/ -o 公开材料"},
	define: func(fs *flagSet) func(*env, []string) int {
		out := outFlag(fs, "其中 summary.xlsx 汇总每个部门的结果")
		jobs := &intValue{n: runtime.NumCPU(), lo: 1, hi: 256, what: "整数"}
		fs.Var(jobs, "j", "同时处理的部门`数`（1 至 256）")
		shard := &shardValue{i: 1, n: 1}
		fs.Var(shard, "shard", "只处理文件清单的第 i 份（共 n 份，写作 `i/n`），供多台机器分工，如 --shard 1/4")
		merge := fs.Bool("merge-summaries", false, "不生成，而把各分片的汇总表（文件，或目录中的 summary*.xlsx）合并为输出目录中的一份 summary.xlsx；加 --open-data 时另写 datapackage.json")
		force := forceFlag(fs)
		strict := strictFlag(fs)
		openData := openDataFlag(fs)
		htmlEdition := htmlFlag(fs)
		layout := layoutFlag(fs)
		cfg := configFlags(fs)
		site := siteFlags(fs)
		site.defineAsOf(fs)
		roster := rosterFlags(fs)
		keep := fs.Bool("keep-folders", false, "输出保留输入文件夹的子文件夹（各部门/城区/教育局.yaml → 输出目录/城区/教育局.pdf），不同子文件夹中的同名文件因此可以并存")
		name := fs.String("name", "", "按文件内容给输出文件命名的`模板`，可用 {code}（部门编码）、{name}（部门名称）、{year}（年度），如 '{code}-{name}-{year}'；默认按输入文件名")
		priorDir := priorDirFlag(fs)
		return func(e *env, args []string) int {
			if len(args) == 0 {
				if *merge {
					return e.usage("--merge-summaries 需要至少一个汇总表或目录")
				}
				return e.usage("batch 需要至少一个目录或文件")
			}
			if *out == "" {
				return e.usage("输出目录不能为空")
			}
			if *merge && shard.n > 1 {
				return e.usage("--merge-summaries 合并各分片的结果，不能与 --shard 同用")
			}
			if *merge && (*keep || given(fs, "name") || *priorDir != "") {
				return e.usage("--keep-folders、--name 和 --prior-dir 用于生成，合并时不用：合并按各分片汇总表中记下的输出文件进行")
			}
			var tmpl *publish.NameTemplate
			if given(fs, "name") {
				t, err := publish.ParseNameTemplate(*name)
				if err != nil {
					return e.usage("%s", err)
				}
				tmpl = t
			}
			if *roster.path != "" && shard.n > 1 {
				return e.usage("--roster 不与 --shard 同用：各分片只有名单的一部分，请在 --merge-summaries 时加 --roster")
			}
			var so *publish.SiteOptions
			if *site.site {
				if shard.n > 1 {
					return e.usage("--site 的网页列出全部部门，不能与 --shard 同用：各分片都完成后，在 --merge-summaries 时加 --site")
				}
				o, err := site.options(*openData)
				if err != nil {
					return e.usage("%s", err)
				}
				so = &o
			}
			ro, err := roster.load(site.asOf)
			if err != nil {
				fmt.Fprintln(e.stderr, err)
				return exitUsage
			}
			if *merge {
				return runMerge(e, args, *out, *openData, site, so, ro)
			}
			bo := publish.BatchOptions{Out: *out, Jobs: jobs.n, Force: *force, Strict: *strict, OpenData: *openData, HTML: *htmlEdition, Shard: shard.i, Shards: shard.n,
				KeepFolders: *keep, Name: tmpl, Layout: layout.id}
			return runBatch(e, args, *out, bo, *priorDir, *cfg, site, so, ro)
		}
	},
}

// shardValue is --shard i/n.
type shardValue struct{ i, n int }

func (v *shardValue) String() string {
	if v == nil || v.n <= 1 {
		return ""
	}
	return fmt.Sprintf("%d/%d", v.i, v.n)
}

func (v *shardValue) Set(s string) error {
	i, n, ok := strings.Cut(s, "/")
	si, err1 := strconv.Atoi(i)
	sn, err2 := strconv.Atoi(n)
	if !ok || err1 != nil || err2 != nil || sn < 1 || si < 1 || si > sn {
		return fmt.Errorf("应写作 i/n（1 ≤ i ≤ n）")
	}
	v.i, v.n = si, sn
	return nil
}

// runBatch renders many departments in parallel with one shared font set.
// One bad file never stops the others; an interrupt stops cleanly.
func runBatch(e *env, args []string, out string, bo publish.BatchOptions, priorDir string, cfg publish.Config, site siteOptions, so *publish.SiteOptions, ro *publish.Roster) int {
	files, under, skipped, err := publish.CollectInputsUnder(args, out)
	if err != nil {
		fmt.Fprintln(e.stderr, err)
		return exitUsage
	}
	if bo.KeepFolders {
		if a := inputFolderIs(args, out); a != "" {
			return e.usage("--keep-folders 时输出目录 %s 不能就是输入目录 %s：生成的文件会放进各子文件夹、与输入文件混在一起：请用 -o 另给一个目录", out, a)
		}
		bo.Folders = under
	}
	saySkipped(e, skipped)
	if len(publish.Shard(files, bo.Shard, bo.Shards)) == 0 {
		fmt.Fprintf(e.stderr, "%s 中没有找到主输入文件（.yaml 或 .yml）或工作簿（.xlsx）%s：请检查文件夹的名字\n", strings.Join(args, "、"), skippedNote(skipped))
		return exitUsage
	}
	res, err := publish.Load(cfg)
	if err != nil {
		fmt.Fprintln(e.stderr, err)
		return exitFor(err)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if priorDir != "" {
		if bo.Priors, err = readPriors(e, ctx, res, priorDir, bo.Jobs); err != nil {
			if ctx.Err() != nil {
				return exitInterrupted
			}
			return exitUsage
		}
	}
	// The outputs' names, of the whole list: every shard makes the same.
	bo.Plan = publish.PlanBatch(ctx, res, files, bo)
	// The summary must not be a department's file: those of the output
	// folder itself (not of its subfolders, --keep-folders) are avoided.
	var top []string
	for _, n := range bo.Plan.Names() {
		if !strings.Contains(n, "/") {
			top = append(top, n)
		}
	}
	summaryName := publish.SummaryName(top, bo.Shard, bo.Shards)
	release, err := publish.LockBatch(out, summaryName)
	if err != nil {
		fmt.Fprintln(e.stderr, err)
		return exitUsage
	}
	defer release()
	defer publish.TuneForBatch()()

	progress := newProgress(e.stderr, len(publish.Shard(files, bo.Shard, bo.Shards)))
	rows := publish.Batch(ctx, res, files, bo, progress.done)
	progress.finish()
	interrupted := ctx.Err() != nil

	summaryPath, note, err := publish.WriteSummary(out, summaryName, rows, publish.NewCoverage(files, bo.Shard, bo.Shards), ro, skipped, site.heading())
	if err != nil {
		fmt.Fprintln(e.stderr, err)
		return exitUsage
	}
	if note != "" {
		fmt.Fprintln(e.stderr, note)
	}
	sharded := bo.Shards > 1
	if bo.OpenData && sharded {
		fmt.Fprintln(e.stdout, "开放数据：各分片都完成后，用 budgetpub batch --merge-summaries --open-data 写 datapackage.json")
	}
	siteFailed := false
	if so != nil {
		siteFailed = site.write(e, out, func(out string, o publish.SiteOptions) ([]string, error) { return publish.WriteSite(out, rows, o) }, *so) != nil
	} else if bo.OpenData && !sharded {
		if path, err := publish.WriteDataPackage(out, rows); err != nil {
			fmt.Fprintln(e.stderr, err)
		} else {
			fmt.Fprintf(e.stdout, "开放数据说明见 %s\n", path)
		}
	}
	done, faults := 0, 0
	for _, r := range rows {
		if r.Done {
			done++
		}
		if r.Fault {
			faults++
		}
	}
	fmt.Fprintf(e.stdout, "%d 个部门：%d 个完成，%d 个未完成；汇总见 %s\n", len(rows), done, len(rows)-done, summaryPath)
	if len(skipped) > 0 {
		fmt.Fprintf(e.stdout, "跳过了 %d 个文件（不是主输入文件或工作簿，见汇总表的“%s”表）\n", len(skipped), publish.SkippedSheetName)
	}
	if sharded {
		fmt.Fprintf(e.stdout, "这是第 %d/%d 份：各份都完成后，用 budgetpub batch --merge-summaries 合并汇总表\n", bo.Shard, bo.Shards)
	}
	if ro != nil {
		fmt.Fprintf(e.stdout, "名单 %s：%d 个部门，%d 个未提交，%d 个文件不在名单中，%d 个部门有多个文件（见汇总表的“名单”表）\n", ro.Path, len(ro.Entries), ro.Missing, ro.Unlisted, ro.Twice)
	}
	if bo.Priors != nil {
		sayPriors(e, bo.Priors, rows)
	}
	if interrupted {
		fmt.Fprintln(e.stderr, "批量处理被中断：已完成的文件完整可用，未处理的部门见汇总表")
		if done < len(rows) {
			return exitInterrupted
		}
	}
	if siteFailed {
		return exitUsage
	}
	return rosterExit(batchExit(len(rows), done, faults), ro)
}

// saySkipped lists the files found in the input folders that are not
// inputs, each with the reason and the fix.
func saySkipped(e *env, skipped []publish.Skipped) {
	for _, k := range skipped {
		fmt.Fprintln(e.stderr, k.Line())
	}
}

// skippedNote is what a folder of no input held, for its message.
func skippedNote(skipped []publish.Skipped) string {
	if len(skipped) == 0 {
		return ""
	}
	return fmt.Sprintf("（跳过了 %d 个其他文件，见上）", len(skipped))
}

// rosterExit is 1 instead of 0 when a department on the roster submitted
// nothing.
func rosterExit(code int, ro *publish.Roster) int {
	if code == exitDone && ro != nil && ro.Missing > 0 {
		return exitRefused
	}
	return code
}

// batchExit is the exit code of a batch (or of its merged review) of n
// departments.
func batchExit(n, done, faults int) int {
	switch {
	case faults > 0:
		return exitFault
	case done < n:
		return exitRefused
	}
	return exitDone
}

// runMerge merges the shards' summaries named (files, or folders holding
// summary*.xlsx) into one review in out.
func runMerge(e *env, args []string, out string, openData bool, site siteOptions, so *publish.SiteOptions, ro *publish.Roster) int {
	summaries, err := publish.FindSummaries(args)
	if err != nil {
		fmt.Fprintln(e.stderr, err)
		return exitUsage
	}
	m, err := publish.MergeSummaries(summaries)
	if err != nil {
		fmt.Fprintln(e.stderr, err)
		return exitUsage
	}
	name := publish.SummaryName(m.Files, 1, 1)
	release, err := publish.LockBatch(out, name)
	if err != nil {
		fmt.Fprintln(e.stderr, err)
		return exitUsage
	}
	defer release()
	paths, note, err := publish.WriteMerged(out, name, m, openData && so == nil, ro, site.heading())
	if err != nil {
		fmt.Fprintln(e.stderr, err)
		return exitUsage
	}
	if note != "" {
		fmt.Fprintln(e.stderr, note)
	}
	n := len(m.Files)
	fmt.Fprintf(e.stdout, "合并了 %d 份汇总表（%d 个文件清单）：%d 个部门，%d 个完成，%d 个未完成；汇总见 %s\n", len(summaries), m.Lists, n, m.Done, n-m.Done, paths[0])
	if openData && so == nil {
		fmt.Fprintf(e.stdout, "开放数据说明见 %s\n", paths[1])
	}
	if so != nil {
		if err := site.write(e, out, func(out string, o publish.SiteOptions) ([]string, error) { return publish.WriteMergedSite(out, m, o) }, *so); err != nil {
			return exitUsage
		}
	}
	if ro != nil {
		fmt.Fprintf(e.stdout, "名单 %s：%d 个部门，%d 个未提交，%d 个文件不在名单中，%d 个部门有多个文件（见汇总表的“名单”表）\n", ro.Path, len(ro.Entries), ro.Missing, ro.Unlisted, ro.Twice)
	}
	if m.Unreached > 0 {
		fmt.Fprintf(e.stderr, "有 %d 个部门所在的分片被中断，未处理：请重新运行那些分片，再合并\n", m.Unreached)
		return exitInterrupted
	}
	return rosterExit(batchExit(n, m.Done, m.Faults), ro)
}

// priorDirFlag is --prior-dir of batch and import.
func priorDirFlag(fs *flagSet) *string {
	return fs.String("prior-dir", "", "存放上年主输入文件（.yaml）的`目录`：每个工作簿按部门编码、再按部门名称找到本部门上年（年度减 1）的文件，像 import --prior 一样带入；找不到的照常导入，汇总表记一条提示（prior-not-found）；主输入文件不受影响")
}

// readPriors reads --prior-dir once, saying on stderr which of its files
// cannot serve; an error (said) when it cannot be used at all.
func readPriors(e *env, ctx context.Context, res *publish.Resources, dir string, jobs int) (*publish.Priors, error) {
	p, err := publish.ReadPriors(ctx, res, dir, jobs)
	if err != nil {
		if ctx.Err() != nil {
			fmt.Fprintln(e.stderr, "批量处理被中断：还没有开始处理任何部门")
		} else {
			fmt.Fprintln(e.stderr, err)
		}
		return nil, err
	}
	for _, k := range p.Unusable {
		fmt.Fprintln(e.stderr, k.Path+": 上年文件未使用："+k.Reason)
	}
	return p, nil
}

// sayPriors counts the workbooks that had last year's file carried in, and
// those that found none.
func sayPriors(e *env, p *publish.Priors, rows []publish.Row) {
	carried, missing := 0, 0
	for _, r := range rows {
		if r.Prior != "" {
			carried++
		}
		for _, f := range r.Findings {
			if f.ID == publish.PriorMissingID {
				missing++
			}
		}
	}
	fmt.Fprintf(e.stdout, "上年文件（%s）：%d 个工作簿已带入，%d 个没有找到（见汇总表“核对结果”中的 %s）\n", p.Dir, carried, missing, publish.PriorMissingID)
}

// inputFolderIs is the folder among args that is out itself, "" when none
// is.
func inputFolderIs(args []string, out string) string {
	o, err := os.Stat(out)
	if err != nil {
		return ""
	}
	for _, a := range args {
		if fi, err := os.Stat(a); err == nil && fi.IsDir() && os.SameFile(fi, o) {
			return a
		}
	}
	return ""
}

// given tells whether the flag was given (an empty value too).
func given(fs *flagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

package main

import (
	"context"
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
多台机器分工：每台运行 --shard i/n（第 i 份写 summary-i-of-n.xlsx），
全部完成后用 --merge-summaries 把各份汇总表合并为一份 summary.xlsx。`,
	examples: []string{"budgetpub batch 各部门/ -o 公开材料 -j 2",
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
		cfg := configFlags(fs)
		site := siteFlags(fs)
		site.defineAsOf(fs)
		roster := rosterFlags(fs)
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
			return runBatch(e, args, *out, publish.BatchOptions{Out: *out, Jobs: jobs.n, Force: *force, Strict: *strict, OpenData: *openData, Shard: shard.i, Shards: shard.n}, *cfg, site, so, ro)
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
func runBatch(e *env, args []string, out string, bo publish.BatchOptions, cfg publish.Config, site siteOptions, so *publish.SiteOptions, ro *publish.Roster) int {
	files, skipped, err := publish.CollectInputs(args, out)
	if err != nil {
		fmt.Fprintln(e.stderr, err)
		return exitUsage
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
	summaryName := publish.SummaryName(files, bo.Shard, bo.Shards)
	release, err := publish.LockBatch(out, summaryName)
	if err != nil {
		fmt.Fprintln(e.stderr, err)
		return exitUsage
	}
	defer release()
	defer publish.TuneForBatch()()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

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

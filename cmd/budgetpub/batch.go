package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/budgetpub/budgetpub/render/publish"
	"github.com/schollz/progressbar/v3"
)

// batchOpts are the flags of batch.
type batchOpts struct {
	renderOpts
	jobs          int
	shard, shards int
}

func parseBatch(args []string) (batchOpts, error) {
	o := batchOpts{jobs: runtime.NumCPU(), shard: 1, shards: 1}
	ro, err := parseRenderArgs(args, func(name string, value func() (string, error)) (bool, error) {
		switch name {
		case "-j", "--jobs":
			v, err := value()
			if err != nil {
				return true, err
			}
			n, err := strconv.Atoi(v)
			if err != nil || n < 1 || n > 256 {
				return true, fmt.Errorf("-j 应为 1 至 256 的整数，而不是 %q", v)
			}
			o.jobs = n
			return true, nil
		case "--shard":
			v, err := value()
			if err != nil {
				return true, err
			}
			i, n, ok := strings.Cut(v, "/")
			si, err1 := strconv.Atoi(i)
			sn, err2 := strconv.Atoi(n)
			if !ok || err1 != nil || err2 != nil || sn < 1 || si < 1 || si > sn {
				return true, fmt.Errorf("--shard 应写作 i/n（1 ≤ i ≤ n），而不是 %q", v)
			}
			o.shard, o.shards = si, sn
			return true, nil
		}
		return false, nil
	})
	if err != nil {
		return o, err
	}
	o.renderOpts = ro
	if len(o.files) == 0 {
		return o, fmt.Errorf("batch 需要至少一个目录或文件")
	}
	return o, nil
}

// cmdBatch renders many departments in parallel with one shared font set.
// One bad file never stops the others; an interrupt stops cleanly.
func cmdBatch(args []string, stdout, stderr io.Writer) int {
	o, err := parseBatch(args)
	if err != nil {
		fmt.Fprintf(stderr, "budgetpub batch: %v\n\n%s", err, helps["batch"])
		return 2
	}
	files, err := publish.CollectInputs(o.files)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	files = publish.Shard(files, o.shard, o.shards)
	res, err := publish.Load(o.config())
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	if err := os.MkdirAll(o.outDir, 0o755); err != nil {
		fmt.Fprintf(stderr, "%s: 无法创建输出目录：%v\n", o.outDir, err)
		return 1
	}
	// A department allocates a few tens of megabytes and frees them: collect
	// less often (the profile showed a quarter of the time in the collector),
	// under a soft ceiling that keeps a long batch well below 300 MB.
	debug.SetGCPercent(400)
	debug.SetMemoryLimit(200 << 20)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	progress := newProgress(stderr, len(files))
	rows := publish.Batch(ctx, res, files, publish.BatchOptions{Out: o.outDir, Jobs: o.jobs, Force: o.force}, progress.done)
	progress.finish()
	interrupted := ctx.Err() != nil

	summaryPath, err := publish.WriteSummary(o.outDir, rows)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	done := 0
	for _, r := range rows {
		if r.Done {
			done++
		}
	}
	fmt.Fprintf(stdout, "%d 个部门：%d 个完成，%d 个未完成；汇总见 %s\n", len(rows), done, len(rows)-done, summaryPath)
	if interrupted {
		fmt.Fprintln(stderr, "批量处理被中断：已完成的文件完整可用，未处理的部门见汇总表")
	}
	if done < len(rows) {
		return 1
	}
	return 0
}

// progress reports each department: a bar on a terminal, plain lines otherwise.
type progress struct {
	w     io.Writer
	bar   *progressbar.ProgressBar
	total int
	n     int
}

func newProgress(w io.Writer, total int) *progress {
	p := &progress{w: w, total: total}
	if f, ok := w.(*os.File); ok && isTerminal(f) {
		p.bar = progressbar.NewOptions(total,
			progressbar.OptionSetWriter(w),
			progressbar.OptionSetDescription("生成部门预算公开"),
			progressbar.OptionShowCount(),
			progressbar.OptionSetWidth(30),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish())
	}
	return p
}

func isTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

func (p *progress) done(r publish.Row) {
	p.n++
	if p.bar != nil {
		_ = p.bar.Add(1)
		if !r.Done {
			_ = p.bar.Clear()
			fmt.Fprintf(p.w, "%s: %s\n", r.File, r.Problem)
		}
		return
	}
	if r.Done {
		fmt.Fprintf(p.w, "[%d/%d] %s：完成（警告 %d）\n", p.n, p.total, r.File, r.Warnings)
	} else {
		fmt.Fprintf(p.w, "[%d/%d] %s：未完成：%s\n", p.n, p.total, r.File, r.Problem)
	}
}

func (p *progress) finish() {
	if p.bar != nil {
		_ = p.bar.Finish()
	}
}

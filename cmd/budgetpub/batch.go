package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/budgetpub/budgetpub/fonts"
	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
	"github.com/budgetpub/budgetpub/render/xlsx"
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

// collectInputs lists the .yaml/.yml files named or found (recursively) in
// the folders named, once each, in a fixed order.
func collectInputs(args []string) ([]string, error) {
	seen := map[string]bool{}
	var out []string
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	for _, a := range args {
		fi, err := os.Stat(a)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", a, err)
		}
		if !fi.IsDir() {
			add(filepath.Clean(a))
			continue
		}
		var found []string
		err = filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			ext := strings.ToLower(filepath.Ext(p))
			if !d.IsDir() && (ext == ".yaml" || ext == ".yml") {
				found = append(found, filepath.Clean(p))
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		sort.Strings(found)
		for _, p := range found {
			add(p)
		}
	}
	return out, nil
}

// shardOf keeps the files of shard i of n: every n-th file from the i-th, so
// the shards of one list partition it exactly, whatever runs them.
func shardOf(files []string, i, n int) []string {
	var out []string
	for k, f := range files {
		if k%n == i-1 {
			out = append(out, f)
		}
	}
	return out
}

// cmdBatch renders many departments in parallel with one shared font set.
// One bad file never stops the others; an interrupt stops cleanly.
func cmdBatch(args []string, stdout, stderr io.Writer) int {
	o, err := parseBatch(args)
	if err != nil {
		fmt.Fprintf(stderr, "budgetpub batch: %v\n\n%s", err, helps["batch"])
		return 2
	}
	files, err := collectInputs(o.files)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	files = shardOf(files, o.shard, o.shards)
	cat, fset, err := loadResources(o.renderOpts)
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

	rows := make([]render.BatchRow, len(files))
	stems := map[string]string{}
	for i, f := range files {
		rows[i] = render.BatchRow{File: f, Problem: "未处理（批量处理被中断）"}
		st := stem(f)
		if prev, dup := stems[st]; dup {
			rows[i].Problem = fmt.Sprintf("输出文件名与 %s 相同（%s），未生成", prev, st)
			rows[i].File = "!" + f // marks it as not to be rendered
			continue
		}
		stems[st] = f
	}
	progress := newProgress(stderr, len(files))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < o.jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				rows[i] = renderOne(rows[i], cat, fset, o.renderOpts)
				progress.done(rows[i])
			}
		}()
	}
dispatch:
	for i := range files {
		if strings.HasPrefix(rows[i].File, "!") {
			rows[i].File = rows[i].File[1:]
			progress.done(rows[i])
			continue
		}
		select {
		case jobs <- i:
		case <-ctx.Done():
			break dispatch
		}
	}
	close(jobs)
	wg.Wait()
	progress.finish()
	interrupted := ctx.Err() != nil

	var sum bytes.Buffer
	if err := xlsx.Write(&sum, render.BatchSummary(rows)); err != nil {
		fmt.Fprintf(stderr, "无法生成汇总表：%v\n", err)
		return 1
	}
	summaryPath := filepath.Join(o.outDir, "summary.xlsx")
	if err := writeAtomic(summaryPath, sum.Bytes()); err != nil {
		fmt.Fprintf(stderr, "%s: 写入失败：%v\n", summaryPath, err)
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

// renderOne renders one department into the output folder.
func renderOne(row render.BatchRow, cat *input.Catalog, fset *fonts.Set, o renderOpts) render.BatchRow {
	row.Problem = ""
	data, err := readInput(row.File)
	if err != nil {
		row.Problem = "无法读取：" + err.Error()
		return row
	}
	out, err := produce(row.File, data, cat, fset, o)
	for _, f := range out.findings {
		if f.Severity == render.SeverityError {
			row.Errors++
		} else {
			row.Warnings++
		}
	}
	if out.pub != nil {
		row.Department, row.Year = out.pub.Department, out.pub.Year
		if f := out.pub.Facts; f != nil {
			row.Total, row.GeneralPublic, row.Basic, row.Project = f.Total, f.GPCurrent, f.Basic, f.Project
		}
	}
	if err != nil {
		var es input.Errors
		if errors.As(err, &es) {
			row.Errors += len(es)
		}
		row.Problem = firstLine(err.Error())
		return row
	}
	paths, err := writeOutputs(o.outDir, row.File, out)
	if err != nil {
		row.Problem = err.Error()
		return row
	}
	var written []string
	for _, p := range paths {
		written = append(written, filepath.Base(p))
	}
	row.Outputs = strings.Join(written, "、")
	row.Done = true
	return row
}

func firstLine(s string) string {
	first, rest, more := strings.Cut(s, "\n")
	if more {
		return first + fmt.Sprintf("（另有 %d 处）", strings.Count(rest, "\n")+1)
	}
	return first
}

// progress reports each department: a bar on a terminal, plain lines otherwise.
type progress struct {
	mu    sync.Mutex
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

func (p *progress) done(r render.BatchRow) {
	p.mu.Lock()
	defer p.mu.Unlock()
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

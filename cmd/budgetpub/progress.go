package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/budgetpub/budgetpub/render/publish"
	"github.com/schollz/progressbar/v3"
)

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

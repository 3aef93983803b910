package main

import (
	"fmt"
	"io"
	"os"
	"strings"
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
	moved := ""
	if r.MovedTo != "" {
		moved = "（上次生成的文件已移至 " + r.MovedTo + "）"
	}
	if p.bar != nil {
		_ = p.bar.Add(1)
		if !r.Done {
			_ = p.bar.Clear()
			fmt.Fprintf(p.w, "%s: %s%s\n", r.File, r.Problem, moved)
		}
		return
	}
	switch counts := findingCounts(r); {
	case r.Done && counts != "":
		fmt.Fprintf(p.w, "[%d/%d] %s：%s（%s：%s）\n", p.n, p.total, r.File, r.Status(), counts, r.IDs())
	case r.Done:
		fmt.Fprintf(p.w, "[%d/%d] %s：%s\n", p.n, p.total, r.File, r.Status())
	default:
		fmt.Fprintf(p.w, "[%d/%d] %s：%s：%s%s\n", p.n, p.total, r.File, r.Status(), r.Problem, moved)
	}
}

func (p *progress) finish() {
	if p.bar != nil {
		_ = p.bar.Finish()
	}
}

// findingCounts says a row's findings by severity: "错误 1、需补填 3、警告 2".
func findingCounts(r publish.Row) string {
	var parts []string
	for _, c := range []struct {
		word string
		n    int
	}{{"错误", r.Errors}, {"需补填", r.Incomplete}, {"警告", r.Warnings}} {
		if c.n > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", c.word, c.n))
		}
	}
	return strings.Join(parts, "、")
}

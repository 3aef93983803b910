package publish

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render"
	"github.com/shopspring/decimal"
)

// Row is one department of a batch: its figures, finding counts, and the
// files written or why it was not done.
type Row struct {
	File, Department     string
	Year                 int
	Total, GeneralPublic decimal.Decimal
	Basic, Project       decimal.Decimal
	Warnings, Errors     int
	Outputs              string // the files written
	Problem              string // the error, or why it was not done
	Done                 bool
	Fault                bool // not done because of an internal fault
}

// BatchOptions shape a batch run.
type BatchOptions struct {
	Out   string // the output folder
	Jobs  int    // departments rendered at once
	Force  bool // as Options.Force, for every department
	Strict bool // as Options.Strict
	// Shard and Shards: render only shard Shard of Shards (1-based) of the
	// list; 0 means the whole list.
	Shard, Shards int
}

// CollectInputs lists the .yaml/.yml files named or found (recursively) in
// the folders named, once each, in a fixed order.
func CollectInputs(args []string) ([]string, error) {
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

// SummaryName is the batch summary's file name in its folder: summary.xlsx,
// unless a department's own files would be called so (summary.yaml), then
// summary-batch.xlsx (or -2, -3 …): the summary never overwrites a
// department's files.
func SummaryName(files []string) string {
	taken := map[string]bool{}
	for _, f := range files {
		taken[strings.ToLower(Stem(f))] = true
	}
	name := "summary"
	for i := 1; taken[name]; i++ {
		name = "summary-batch"
		if i > 1 {
			name += "-" + strconv.Itoa(i)
		}
	}
	return name + ".xlsx"
}

// Shard keeps the files of shard i of n: every n-th file from the i-th, so
// the shards of one list partition it exactly, whatever runs them.
func Shard(files []string, i, n int) []string {
	var out []string
	for k, f := range files {
		if k%n == i-1 {
			out = append(out, f)
		}
	}
	return out
}

// Batch renders the files into o.Out, o.Jobs at a time, sharing res. One bad
// file never stops the others. Two inputs whose outputs would have the same
// name (letter case aside: Windows and macOS do not tell them apart) are
// found over the whole list, before it is sharded, so that no shard ever
// overwrites another's files: the later one is reported, not rendered.
// When ctx is done no new department starts; the ones under way finish,
// and the rest are rows marked as not done. done, when set, is called as
// each department ends (from any goroutine, never at once). The rows are
// those of this shard's files.
func Batch(ctx context.Context, res *Resources, all []string, o BatchOptions, done func(Row)) []Row {
	stems := map[string]string{}
	dup := map[string]string{} // file → the earlier file of its name
	for _, f := range all {
		st := strings.ToLower(Stem(f))
		if prev, ok := stems[st]; ok {
			dup[f] = prev
			continue
		}
		stems[st] = f
	}
	files := all
	if o.Shards > 1 {
		files = Shard(all, o.Shard, o.Shards)
	}
	rows := make([]Row, len(files))
	skip := make([]bool, len(files))
	for i, f := range files {
		rows[i] = Row{File: f, Problem: "未处理（批量处理被中断）"}
		if prev, ok := dup[f]; ok {
			rows[i].Problem = fmt.Sprintf("输出文件名与 %s 相同（%s），未生成：请给其中一个文件改名", prev, Stem(f))
			skip[i] = true
		}
	}
	var mu sync.Mutex
	report := func(r Row) {
		if done != nil {
			mu.Lock()
			done(r)
			mu.Unlock()
		}
	}
	jobs := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < max(o.Jobs, 1); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				rows[i] = batchOne(rows[i], res, o)
				report(rows[i])
			}
		}()
	}
dispatch:
	for i := range files {
		if skip[i] {
			report(rows[i])
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
	return rows
}

// batchOne renders one department into the output folder.
func batchOne(row Row, res *Resources, o BatchOptions) Row {
	row.Problem = ""
	r := File(res, row.File, Options{Force: o.Force, Strict: o.Strict})
	for _, f := range r.Findings {
		if f.Severity == render.SeverityError {
			row.Errors++
		} else {
			row.Warnings++
		}
	}
	if r.Pub != nil {
		row.Department, row.Year = r.Pub.Department, r.Pub.Year
		if f := r.Pub.Facts; f != nil {
			row.Total, row.GeneralPublic, row.Basic, row.Project = f.Total, f.GPCurrent, f.Basic, f.Project
		}
	}
	if r.Err != nil {
		var es input.Errors
		if es = input.AsErrors(r.Err); es != nil {
			row.Errors += len(es)
		}
		row.Problem = firstLine(r.Err.Error())
		row.Fault = IsFault(r.Err)
		return row
	}
	paths, err := r.Write(o.Out)
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

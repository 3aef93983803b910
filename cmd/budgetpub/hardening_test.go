package main

import (
	"context"
	"crypto/md5"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/budgetpub/budgetpub/render/publish"
	"golang.org/x/image/font/gofont/goregular"
)

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// A damaged font: render exits with the fault status naming the font and
// writes nothing; batch records the fault for each department and still
// writes its summary.
func TestDamagedFontIsAFault(t *testing.T) {
	dir := t.TempDir()
	font := append([]byte(nil), goregular.TTF...)
	font[388] ^= 0xff // found to make the PDF library panic
	fontPath := filepath.Join(dir, "坏字体.ttf")
	if err := os.WriteFile(fontPath, font, 0o644); err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(dir, "in", "d.yaml")
	writeFile(t, in, strings.ReplaceAll(checkedDoc, "测试", "Test "))
	code, _, stderr := runCmd("render", in, "-o", filepath.Join(dir, "out"), "--font-body", fontPath)
	if code != exitFault || !strings.Contains(stderr, "坏字体.ttf") || strings.Contains(stderr, "goroutine") {
		t.Errorf("render: exit %d, %q", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "out", "d.pdf")); err == nil {
		t.Error("render wrote a PDF with a damaged font")
	}
	writeFile(t, filepath.Join(dir, "in", "e.yaml"), strings.ReplaceAll(checkedDoc, "测试", "Test "))
	code, stdout, stderr := runCmd("batch", filepath.Join(dir, "in"), "-o", filepath.Join(dir, "bout"), "--font-body", fontPath, "-j", "2")
	if code != exitFault || !strings.Contains(stdout, "2 个部门：0 个完成") {
		t.Errorf("batch: exit %d, %q %q", code, stdout, stderr)
	}
	rows := summaryRows(t, filepath.Join(dir, "bout", "summary.xlsx"))
	if len(rows) != 2 || !strings.Contains(rows["d.yaml"][1], "坏字体.ttf") {
		t.Errorf("summary %v", rows)
	}
}

// The outputs of two inputs with the same name, rendered into one folder
// at once again and again, are always one input's pair: never one input's
// workbook beside the other's PDF.
func TestConcurrentRendersNeverMixAPair(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: renders the two inputs into one folder twelve times")
	}
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a", "x.yaml"), filepath.Join(dir, "b", "x.yaml")
	writeFile(t, a, strings.Replace(checkedDoc, "测试部门", "甲部门", 1))
	writeFile(t, b, strings.Replace(checkedDoc, "测试部门", "乙部门", 1))
	sum := func(path string) string {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		return fmt.Sprintf("%x", md5.Sum(data))
	}
	pairs := map[string]string{}
	for _, in := range []string{a, b} {
		out := filepath.Join(dir, "alone-"+filepath.Base(filepath.Dir(in)))
		if code, _, stderr := runCmd("render", in, "-o", out); code != 0 {
			t.Fatal(stderr)
		}
		pairs[sum(filepath.Join(out, "x.xlsx"))] = sum(filepath.Join(out, "x.pdf"))
	}
	out := filepath.Join(dir, "shared")
	for round := 0; round < 3; round++ {
		var wg sync.WaitGroup
		for _, in := range []string{a, b, a, b} {
			wg.Add(1)
			go func(in string) {
				defer wg.Done()
				cmd := exec.Command("budgetpub", "render", in, "-o", out)
				if b, err := cmd.CombinedOutput(); err != nil {
					t.Errorf("render: %v %s", err, b)
				}
			}(in)
		}
		wg.Wait()
		if got := pairs[sum(filepath.Join(out, "x.xlsx"))]; got != sum(filepath.Join(out, "x.pdf")) {
			t.Fatalf("round %d: the workbook and the PDF come from different inputs", round)
		}
	}
	entries, _ := os.ReadDir(out)
	if len(entries) != 2 {
		t.Errorf("the folder holds %d entries", len(entries))
	}
}

// The indicator input that took 1.4 GB (18 projects × 10 000 indicators,
// 10 MB) is refused at once, within the memory the README states; a heavy
// department within the limits stays within its stated bound too.
func TestMemoryBound(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: renders heavy departments to measure their memory")
	}
	dir := t.TempDir()
	var heavy strings.Builder
	heavy.WriteString("schema: 1\nyear: 2024\ndepartment: {name: 测试部门}\nunits:\n  - {name: 测试单位, kind: administrative}\nexpenditures:\n  - {code: \"2010399\", project: 18.00}\nprojects:\n")
	for p := 0; p < 18; p++ {
		fmt.Fprintf(&heavy, "  - unit: 测试单位\n    name: 项目%d\n    amounts: 1.00\n    performance_goal:\n      period_indicators:\n", p)
		for i := 0; i < 10000; i++ {
			heavy.WriteString("        - {level2: 数量指标, name: 指标, value: \"1\"}\n")
		}
	}
	var forms strings.Builder
	forms.WriteString("schema: 1\nyear: 2024\ndepartment: {name: 测试部门}\nunits:\n  - {name: 测试单位, kind: administrative}\nexpenditures:\n  - {code: \"2010399\", project: 100.00}\n")
	forms.WriteString("overview: {duties: 负责测试。, organization: 内设测试科。}\nprocurement: {goods: 0, works: 0, services: 0}\nassets: {as_of: 2023-12-31, office_area_m2: 100}\nnotes: {purchase_of_services: 无, other: 无}\nprojects:\n")
	for p := 0; p < 100; p++ {
		fmt.Fprintf(&forms, "  - unit: 测试单位\n    name: 项目%d\n    amounts: 1.00\n    category: specific_goal\n    performance_goal:\n      period_indicators:\n", p)
		for i := 0; i < 40; i++ {
			forms.WriteString("        - {level2: 数量指标, name: 指标, value: \"1\"}\n")
		}
	}
	base := int64(0)
	for _, c := range []struct {
		name, doc string
		rows      int // table and goal-form rows printed
		refused   bool
	}{
		{"small.yaml", checkedDoc, 0, false}, // the process's own memory: the base of the bound
		{"indicators.yaml", heavy.String(), 0, true},
		{"forms.yaml", forms.String(), 100 * (40 + 20), false},
	} {
		in := filepath.Join(dir, c.name)
		writeFile(t, in, c.doc)
		cmd := exec.Command("budgetpub", "render", in, "-o", filepath.Join(dir, "out"))
		out, _ := cmd.CombinedOutput()
		if (cmd.ProcessState.ExitCode() != 0) != c.refused {
			t.Errorf("%s: exit %d: %.300s", c.name, cmd.ProcessState.ExitCode(), out)
		}
		rss := cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss // KB on Linux
		if base == 0 {
			base = rss
			continue
		}
		bound := base + memorySlack + memoryPerRow*int64(c.rows)
		t.Logf("%s: %d KB, bound %d KB (base %d KB)", c.name, rss, bound, base)
		if rss > bound {
			t.Errorf("%s: %d KB of memory, more than the stated %d KB", c.name, rss, bound)
		}
	}
}

// The stated bound (README): the program's own memory (about 60 MB; this
// test binary, which is the command here, takes more), plus 12 KB for
// each row a table or goal form prints.
const (
	memorySlack  = 16 << 10 // KB
	memoryPerRow = 12       // KB
)

// One folder, one batch at a time: while a batch writes summary.xlsx into
// a folder, a second batch (or merge) into it is refused at once, saying
// who holds it, and writes nothing; a shard of a split, whose summary has
// its own name, is not held up; when the first ends the second runs.
func TestSecondBatchIntoOneFolderIsRefused(t *testing.T) {
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in"), filepath.Join(dir, "out")
	writeFile(t, filepath.Join(in, "a.yaml"), checkedDoc)
	writeFile(t, filepath.Join(in, "b.yaml"), checkedDoc)
	release, err := publish.LockBatch(out, "summary.xlsx") // the first batch, under way
	if err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runCmd("batch", in, "-o", out, "-j", "1")
	if code != exitUsage || !strings.Contains(stderr, "同一时间只能运行一个批量处理") || !strings.Contains(stderr, fmt.Sprintf("进程 %d", os.Getpid())) {
		t.Errorf("second batch: exit %d, %q %q", code, stdout, stderr)
	}
	for _, name := range []string{"a.pdf", "b.pdf", "summary.xlsx"} {
		if _, err := os.Stat(filepath.Join(out, name)); err == nil {
			t.Errorf("the refused batch wrote %s", name)
		}
	}
	for _, shard := range []string{"1/2", "2/2"} {
		if code, stdout, stderr := runCmd("batch", in, "-o", out, "-j", "1", "--shard", shard); code != exitDone {
			t.Errorf("shard %s beside the batch: exit %d, %q %q", shard, code, stdout, stderr)
		}
	}
	if code, _, stderr := runCmd("batch", "--merge-summaries", out, "-o", out); code != exitUsage || !strings.Contains(stderr, "同一时间只能运行一个批量处理") {
		t.Errorf("merge into the busy folder: exit %d, %q", code, stderr)
	}
	release()
	if code, stdout, stderr := runCmd("batch", in, "-o", out, "-j", "1"); code != exitDone {
		t.Errorf("after the first ended: exit %d, %q %q", code, stdout, stderr)
	}
}

// Each outcome of a batch has its own exit status, so that a wrapper can
// tell "some departments refused" (1) from nothing to do — a misspelt
// folder, a folder with no input, a merge refused (2) — and from an
// interrupted shard (4), whose merge is 4 too: it must not pass for done.
func TestBatchExitStatuses(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	writeFile(t, filepath.Join(in, "a.yaml"), checkedDoc)
	writeFile(t, filepath.Join(in, "b.yaml"), strings.Replace(checkedDoc, "amounts: 5.00", "amounts: 6.00", 1))
	if err := os.MkdirAll(filepath.Join(dir, "empty"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		args []string
		code int
		say  string
	}{
		{"done", []string{"batch", filepath.Join(in, "a.yaml"), "-o", filepath.Join(dir, "o1")}, exitDone, ""},
		{"one refused", []string{"batch", in, "-o", filepath.Join(dir, "o2")}, exitRefused, ""},
		{"misspelt folder", []string{"batch", filepath.Join(dir, "inn"), "-o", filepath.Join(dir, "o3")}, exitUsage, "inn"},
		{"no input in the folder", []string{"batch", filepath.Join(dir, "empty"), "-o", filepath.Join(dir, "o4")}, exitUsage, "没有找到主输入文件"},
		{"a merge refused", []string{"batch", "--merge-summaries", filepath.Join(dir, "empty"), "-o", filepath.Join(dir, "o5")}, exitUsage, "汇总表"},
	} {
		code, stdout, stderr := runCmd(c.args...)
		if code != c.code || !strings.Contains(stderr, c.say) {
			t.Errorf("%s: exit %d, want %d: %q %q", c.name, code, c.code, stdout, stderr)
		}
	}
	// A shard's summary with departments it never started (interrupted):
	// the merge says so and exits 4.
	res, err := publish.Load(publish.Config{})
	if err != nil {
		t.Fatal(err)
	}
	files := []string{filepath.Join(in, "a.yaml"), filepath.Join(in, "b.yaml")}
	out := filepath.Join(dir, "shards")
	ctx, cancel := context.WithCancel(context.Background())
	cancel() // interrupted before it starts: every row unreached
	rows := publish.Batch(ctx, res, files, publish.BatchOptions{Out: out, Jobs: 1, Shard: 1, Shards: 2}, nil)
	if len(rows) != 1 || rows[0].Status() != publish.StatusUnreached {
		t.Fatalf("an interrupted shard's rows: %+v", rows)
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	if _, _, err := publish.WriteSummary(out, publish.SummaryName(files, 1, 2), rows, publish.NewCoverage(files, 1, 2), nil, nil, publish.Heading{}); err != nil {
		t.Fatal(err)
	}
	if code, stdout, stderr := runCmd("batch", in, "-o", out, "--shard", "2/2"); code != exitRefused {
		t.Fatalf("shard 2: exit %d %q %q", code, stdout, stderr)
	}
	if code, _, stderr := runCmd("batch", "--merge-summaries", out, "-o", filepath.Join(dir, "merged")); code != exitInterrupted || !strings.Contains(stderr, "被中断") {
		t.Errorf("merging an interrupted shard: exit %d, want %d: %q", code, exitInterrupted, stderr)
	}
}

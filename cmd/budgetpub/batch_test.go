package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/budgetpub/budgetpub/input/synth"
	"github.com/budgetpub/budgetpub/render/publish"
	"github.com/xuri/excelize/v2"
)

// writeDepts writes n generated departments into dir.
func writeDepts(t *testing.T, dir string, n int) []string {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	var names []string
	for i := 1; i <= n; i++ {
		name := fmt.Sprintf("dept-%03d.yaml", i)
		if err := os.WriteFile(filepath.Join(dir, name), synth.Generate(synth.Options{Seed: int64(i)}), 0o644); err != nil {
			t.Fatal(err)
		}
		names = append(names, name)
	}
	return names
}

// summaryRows reads summary.xlsx: file → status and detail.
func summaryRows(t *testing.T, path string) map[string][2]string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("汇总")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][2]string{}
	for _, r := range rows {
		if len(r) >= 11 && strings.HasSuffix(r[0], ".yaml") {
			out[filepath.Base(r[0])] = [2]string{r[9], r[10]}
		}
	}
	return out
}

// A batch of generated departments plus a broken file: every good one is
// rendered, byte-identical to rendering it alone; the broken one is reported
// in the summary; the exit status is 1.
func TestE2EBatch(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	names := writeDepts(t, in, 6)
	if err := os.WriteFile(filepath.Join(in, "zz-broken.yaml"), []byte("schema: 1\nyear: 2024\nbasc: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runBinary(t, dir, "batch", "in", "-o", "out", "-j", "2")
	if code != 1 || !strings.Contains(stdout, "7 个部门：6 个完成，1 个未完成") || !strings.Contains(stderr, "zz-broken.yaml") {
		t.Fatalf("exit %d\n%s\n%s", code, stdout, stderr)
	}
	rows := summaryRows(t, filepath.Join(dir, "out", "summary.xlsx"))
	if len(rows) != 7 || rows["zz-broken.yaml"][0] != "未完成" || !strings.Contains(rows["zz-broken.yaml"][1], "zz-broken.yaml:1:1:") {
		t.Errorf("summary %v", rows)
	}
	for _, name := range names[:3] {
		if rows[name][0] != "完成" {
			t.Errorf("%s: %v", name, rows[name])
		}
		stem := strings.TrimSuffix(name, ".yaml")
		if code, _, stderr := runBinary(t, dir, "render", filepath.Join("in", name), "-o", "alone"); code != 0 {
			t.Fatalf("render alone: %s", stderr)
		}
		for _, ext := range []string{".pdf", ".xlsx"} {
			a, _ := os.ReadFile(filepath.Join(dir, "out", stem+ext))
			b, _ := os.ReadFile(filepath.Join(dir, "alone", stem+ext))
			if len(a) == 0 || !bytes.Equal(a, b) {
				t.Errorf("%s%s differs from rendering it alone", stem, ext)
			}
		}
	}
}

func TestShardsPartitionTheList(t *testing.T) {
	var files []string
	for i := 0; i < 23; i++ {
		files = append(files, fmt.Sprintf("f%02d.yaml", i))
	}
	for _, n := range []int{1, 2, 3, 7, 23, 30} {
		seen := map[string]int{}
		for i := 1; i <= n; i++ {
			for _, f := range publish.Shard(files, i, n) {
				seen[f]++
			}
		}
		if len(seen) != len(files) {
			t.Errorf("n=%d: shards cover %d of %d files", n, len(seen), len(files))
		}
		for f, c := range seen {
			if c != 1 {
				t.Errorf("n=%d: %s in %d shards", n, f, c)
			}
		}
	}
	// Through the command: two shards' outputs together are the whole list, apart.
	dir := t.TempDir()
	writeDepts(t, filepath.Join(dir, "in"), 5)
	var got []string
	for _, s := range []string{"1/2", "2/2"} {
		out := "out" + strings.ReplaceAll(s, "/", "-")
		if code, _, stderr := runBinary(t, dir, "batch", "in", "-o", out, "--shard", s); code != 0 {
			t.Fatalf("shard %s: %s", s, stderr)
		}
		entries, _ := os.ReadDir(filepath.Join(dir, out))
		for _, e := range entries {
			if strings.HasSuffix(e.Name(), ".pdf") {
				got = append(got, e.Name())
			}
		}
	}
	sort.Strings(got)
	if strings.Join(got, " ") != "dept-001.pdf dept-002.pdf dept-003.pdf dept-004.pdf dept-005.pdf" {
		t.Errorf("shards rendered %v", got)
	}
	for _, bad := range []string{"0/2", "3/2", "1/0", "x", "1/2/3"} {
		if code, _, _ := runBinary(t, dir, "batch", "in", "--shard", bad); code != 2 {
			t.Errorf("--shard %s: exit %d, want 2", bad, code)
		}
	}
}

// Interrupting a batch stops it cleanly: every file in the output folder is
// complete, no temporary file is left, and the summary names the
// departments not done.
func TestE2EBatchInterrupt(t *testing.T) {
	dir := t.TempDir()
	writeDepts(t, filepath.Join(dir, "in"), 40)
	cmd := exec.Command(binary, "batch", "in", "-o", "out", "-j", "1")
	cmd.Dir = dir
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(stderr)
	lines := 0
	for sc.Scan() {
		if lines++; lines == 2 {
			if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
				t.Fatal(err)
			}
			break
		}
	}
	go func() {
		for sc.Scan() {
		}
	}()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(60 * time.Second):
		_ = cmd.Process.Kill()
		t.Fatal("batch did not stop after SIGINT")
	}
	if cmd.ProcessState.ExitCode() != 1 {
		t.Errorf("exit %d, want 1", cmd.ProcessState.ExitCode())
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "out"))
	pdfs := 0
	for _, e := range entries {
		name := e.Name()
		path := filepath.Join(dir, "out", name)
		switch {
		case strings.Contains(name, ".tmp-"):
			t.Errorf("temporary file left: %s", name)
		case strings.HasSuffix(name, ".pdf"):
			pdfs++
			b, _ := os.ReadFile(path)
			if !bytes.HasSuffix(bytes.TrimSpace(b), []byte("%%EOF")) {
				t.Errorf("%s is incomplete", name)
			}
		case strings.HasSuffix(name, ".xlsx"):
			f, err := excelize.OpenFile(path)
			if err != nil {
				t.Errorf("%s does not open: %v", name, err)
			} else {
				f.Close()
			}
		}
	}
	if pdfs == 0 || pdfs >= 40 {
		t.Errorf("%d departments rendered before the interrupt took effect", pdfs)
	}
	rows := summaryRows(t, filepath.Join(dir, "out", "summary.xlsx"))
	notDone := 0
	for _, r := range rows {
		if r[0] == "未完成" && strings.Contains(r[1], "中断") {
			notDone++
		}
	}
	if len(rows) != 40 || notDone != 40-pdfs {
		t.Errorf("summary: %d rows, %d marked interrupted, %d rendered", len(rows), notDone, pdfs)
	}
}

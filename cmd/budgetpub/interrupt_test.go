package main

import (
	"bufio"
	"bytes"
	"fmt"
	"github.com/budgetpub/budgetpub/render/publish"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/budgetpub/budgetpub/input/synth"
	"github.com/xuri/excelize/v2"
)

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
	if len(rows) == 0 {
		return out
	}
	status, detail := -1, -1
	for i, h := range rows[0] {
		switch h {
		case "状态":
			status = i
		case "输出文件或问题":
			detail = i
		}
	}
	if status < 0 || detail < 0 {
		t.Fatalf("summary header %v lacks 状态 or 输出文件或问题", rows[0])
	}
	for _, r := range rows[1:] {
		if len(r) > status && strings.HasSuffix(r[0], ".yaml") {
			cell := ""
			if len(r) > detail {
				cell = r[detail]
			}
			out[filepath.Base(r[0])] = [2]string{r[status], cell}
		}
	}
	return out
}

// Interrupting a batch stops it cleanly: every file in the output folder is
// complete, no temporary file is left, and the summary names the
// departments not done. It runs the command as a process (the test binary,
// as TestMain sets it up) to send it a real SIGINT.
func TestBatchInterrupt(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	if err := os.MkdirAll(in, 0o755); err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= 40; i++ {
		path := filepath.Join(in, fmt.Sprintf("dept-%03d.yaml", i))
		if err := os.WriteFile(path, synth.Generate(synth.Options{Seed: int64(i)}), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command("budgetpub", "batch", "in", "-o", "out", "-j", "1")
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
	if cmd.ProcessState.ExitCode() != exitInterrupted {
		t.Errorf("exit %d, want %d (interrupted)", cmd.ProcessState.ExitCode(), exitInterrupted)
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
		if r[0] == publish.StatusUnreached && strings.Contains(r[1], "中断") {
			notDone++
		}
	}
	if len(rows) != 40 || notDone != 40-pdfs {
		t.Errorf("summary: %d rows, %d marked interrupted, %d rendered", len(rows), notDone, pdfs)
	}
}

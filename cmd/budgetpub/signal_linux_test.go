package main

import (
	"bytes"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// A render interrupted before the department is built stops cleanly: it
// says so (被中断，未写入任何文件), exits 4 (interrupted, as batch does:
// README's exit statuses) and writes nothing — it is not killed by the
// signal, nor does it go on to write.
//
// The signal is sent at a moment awaited, not slept for: the test holds a
// write lease on the --catalog file, so render's opening it (in
// publish.Load, after render has set up its signal handling and before
// anything is built) blocks and the kernel tells the test by SIGIO. The
// test then signals render and lets the open go on: the whole build lies
// between the signal and render's look at it.
func TestRenderStopsCleanlyOnSignal(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			catalog, out := filepath.Join(dir, "catalog.csv"), filepath.Join(dir, "out")
			writeFile(t, catalog, "2010301,行政运行\n")
			f, err := os.Open(catalog)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			opened := make(chan os.Signal, 1)
			signal.Notify(opened, syscall.SIGIO)
			defer signal.Stop(opened)
			if _, err := unix.FcntlInt(f.Fd(), unix.F_SETLEASE, unix.F_WRLCK); err != nil {
				t.Fatalf("no lease on %s (the test needs a filesystem with leases): %v", catalog, err)
			}
			cmd := exec.Command("budgetpub", "render", "--catalog", catalog, "-o", out)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			exited := make(chan error, 1)
			go func() { exited <- cmd.Wait() }()
			select {
			case <-opened:
			case err := <-exited:
				t.Fatalf("render ended (%v) without opening its catalog: %s", err, stderr.String())
			case <-time.After(time.Minute):
				_ = cmd.Process.Kill()
				t.Fatal("render did not open its catalog within a minute")
			}
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			if _, err := unix.FcntlInt(f.Fd(), unix.F_SETLEASE, unix.F_UNLCK); err != nil {
				t.Fatal(err)
			}
			select {
			case <-exited:
			case <-time.After(time.Minute):
				_ = cmd.Process.Kill()
				t.Fatalf("render did not stop within a minute of %v", sig)
			}
			code := cmd.ProcessState.ExitCode()
			if !strings.Contains(stderr.String(), "budgetpub render: 被中断，未写入任何文件\n") {
				t.Fatalf("exit %d (%v) without saying it was interrupted:\n%s", code, cmd.ProcessState, stderr.String())
			}
			if code != exitInterrupted {
				t.Errorf("exit %d, want %d", code, exitInterrupted)
			}
			if stdout.Len() > 0 {
				t.Errorf("stdout: %s", stdout.String())
			}
			if entries, err := os.ReadDir(out); !os.IsNotExist(err) {
				t.Errorf("the output folder was made (%v): %v", err, entries)
			}
		})
	}
}

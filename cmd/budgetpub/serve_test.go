package main

import (
	"bufio"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestServeCommand runs budgetpub serve as a process: it prints the address
// it listens on, serves the workbench there (refusing another Host), and
// on SIGTERM stops with status 0 and removes its temporary folder.
func TestServeCommand(t *testing.T) {
	t.Parallel()
	tmp := t.TempDir()
	cmd := exec.Command("budgetpub", "serve", "--listen", "127.0.0.1:0", "--no-open")
	cmd.Env = append(os.Environ(), "TMPDIR="+tmp)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	lines := bufio.NewReader(out)
	first, err := lines.ReadString('\n')
	if err != nil {
		t.Fatalf("no address printed: %v %s", err, stderr.String())
	}
	m := regexp.MustCompile(`工作台已启动：(http://127\.0\.0\.1:\d+/)`).FindStringSubmatch(first)
	if m == nil {
		t.Fatalf("first line %q", first)
	}
	go io.Copy(io.Discard, lines)
	roots, _ := filepath.Glob(filepath.Join(tmp, "budgetpub-serve-*"))
	if len(roots) != 1 {
		t.Errorf("temporary roots while serving: %v", roots)
	}
	resp, err := http.Get(m[1])
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), "部门预算公开工作台") {
		t.Errorf("GET %s: %d", m[1], resp.StatusCode)
	}
	req, _ := http.NewRequest("GET", m[1], nil)
	req.Host = "attacker.example:80"
	if resp, err := http.DefaultClient.Do(req); err != nil || resp.StatusCode != 403 {
		t.Errorf("another Host: %v %v", resp, err)
	} else {
		resp.Body.Close()
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve ended with %v: %s", err, stderr.String())
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not stop on SIGTERM")
	}
	if roots, _ := filepath.Glob(filepath.Join(tmp, "budgetpub-serve-*")); len(roots) != 0 {
		t.Errorf("temporary roots left: %v", roots)
	}
}

package publish

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/budgetpub/budgetpub/input"
)

// tinyDisk mounts a tmpfs of size bytes (root only) and returns its path.
// Where mounting is not allowed the test is skipped — unless
// BUDGETPUB_REQUIRE_TOOLS=1 (CI runs as root), where it fails.
func tinyDisk(t *testing.T, size string) string {
	t.Helper()
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", dir).CombinedOutput(); err != nil {
		if os.Getenv("BUDGETPUB_REQUIRE_TOOLS") == "1" {
			t.Fatalf("cannot mount a tmpfs: %v %s", err, out)
		}
		t.Skipf("cannot mount a tmpfs: %v %s", err, out)
	}
	t.Cleanup(func() { _ = exec.Command("umount", dir).Run() })
	return dir
}

// A re-run that cannot write a department's files because the disk is
// full moves its previous files to 未更新的旧文件, as one that fails its
// checks does, and says why in Chinese naming the real file — never the
// hidden temporary, never the system's English.
func TestDiskFullMovesTheOldPairAside(t *testing.T) {
	disk := tinyDisk(t, "2m")
	out := filepath.Join(disk, "out")
	in := filepath.Join(t.TempDir(), "dept.yaml")
	write(t, in, string(input.Sample))
	res, err := Load(Config{})
	if err != nil {
		t.Fatal(err)
	}
	rows := Batch(context.Background(), res, []string{in}, BatchOptions{Out: out, Jobs: 1}, nil)
	if !rows[0].Done {
		t.Fatalf("first run: %s", rows[0].Problem)
	}
	// Fill the disk.
	f, err := os.Create(filepath.Join(disk, "filler"))
	if err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 64<<10)
	for {
		if _, err := f.Write(buf); err != nil {
			break
		}
	}
	f.Close()
	rows = Batch(context.Background(), res, []string{in}, BatchOptions{Out: out, Jobs: 1}, nil)
	r := rows[0]
	if r.Done {
		t.Fatal("the re-run succeeded on a full disk")
	}
	if !strings.Contains(r.Problem, "磁盘空间已满") || !strings.Contains(r.Problem, filepath.Join(out, "dept.")) || strings.Contains(r.Problem, ".tmp-") || strings.Contains(r.Problem, "no space") {
		t.Errorf("problem %q: want the disk full said in Chinese, naming the real file", r.Problem)
	}
	if r.MovedTo != filepath.Join(out, StaleFolder) {
		t.Errorf("moved to %q", r.MovedTo)
	}
	for _, name := range []string{"dept.xlsx", "dept.pdf"} {
		if _, err := os.Lstat(filepath.Join(out, name)); err == nil {
			t.Errorf("%s stays under its own name", name)
		}
		if _, err := os.Lstat(filepath.Join(out, StaleFolder, name)); err != nil {
			t.Errorf("%s not in %s: %v", name, StaleFolder, err)
		}
	}
	if names := dirNames(t, out); strings.Contains(strings.Join(names, " "), ".tmp-") {
		t.Errorf("temporaries left: %v", names)
	}
}

// A read-only folder is said in Chinese, naming the real file and what to
// do — never the hidden temporary nor the system's English.
func TestReadOnlyFolderSaidInChinese(t *testing.T) {
	disk := tinyDisk(t, "4m")
	out := filepath.Join(disk, "out")
	if err := os.Mkdir(out, 0o755); err != nil {
		t.Fatal(err)
	}
	if b, err := exec.Command("mount", "-o", "remount,ro", disk).CombinedOutput(); err != nil {
		t.Fatalf("remount: %v %s", err, b)
	}
	res, err := Load(Config{})
	if err != nil {
		t.Fatal(err)
	}
	r := Department(res, "dept.yaml", input.Sample, Options{})
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	for _, dir := range []string{out, filepath.Join(out, "new")} {
		_, err = r.Write(dir)
		if err == nil {
			t.Fatal("written into a read-only folder")
		}
		msg := err.Error()
		if !strings.Contains(msg, "只读") || !strings.Contains(msg, "-o") || !strings.HasPrefix(msg, dir) || strings.Contains(msg, ".tmp-") || strings.Contains(msg, "read-only") {
			t.Errorf("%s: message %q", dir, msg)
		}
	}
}

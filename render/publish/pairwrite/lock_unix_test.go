//go:build unix

package pairwrite

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// refuseFolderLocks makes flock refuse a folder as NFS does (its flock is
// a byte-range lock, which a file opened read-only — as a folder is —
// cannot take: EBADF), files still locked, for the test's duration.
func refuseFolderLocks(t *testing.T) {
	t.Helper()
	real := flock
	flock = func(fd, how int) error {
		var st syscall.Stat_t
		if how&syscall.LOCK_UN == 0 && syscall.Fstat(fd, &st) == nil && st.Mode&syscall.S_IFMT == syscall.S_IFDIR {
			return syscall.EBADF
		}
		return real(fd, how)
	}
	t.Cleanup(func() { flock = real })
}

// An output folder that refuses the folder lock is found when the batch
// takes its lock, before anything is written: a LockError saying so in
// Chinese, with the layout to use; the folder made for it and its lock
// file are gone again.
func TestLockBatchSaysTheFolderCannotBeLocked(t *testing.T) {
	refuseFolderLocks(t)
	out := filepath.Join(t.TempDir(), "公开材料")
	_, err := LockBatch(out, "summary.xlsx")
	var le *LockError
	if !errors.As(err, &le) {
		t.Fatalf("LockBatch: %v, want a *LockError", err)
	}
	for _, want := range []string{out + ": 无法给输出文件夹加锁", "NFS", "未写入任何文件", "--merge-summaries"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("%q does not say %q", err, want)
		}
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("the output folder is left: %v", err)
	}
	// A folder that existed keeps nothing of the attempt.
	dir := t.TempDir()
	if _, err := LockBatch(dir, "summary.xlsx"); !errors.As(err, &le) {
		t.Fatalf("LockBatch: %v", err)
	}
	if names := dirNames(t, dir); len(names) != 0 {
		t.Errorf("left in the folder: %v", names)
	}
}

// Should the lock be refused after the batch's start all the same (a
// subfolder on another filesystem), a department's files are not written
// and its row says why in Chinese.
func TestWriteSaysTheFolderCannotBeLocked(t *testing.T) {
	refuseFolderLocks(t)
	dir := t.TempDir()
	err := Write(dir, []File{{filepath.Join(dir, "a.pdf"), []byte("a")}})
	var le *LockError
	if !errors.As(err, &le) || !strings.Contains(err.Error(), "无法给输出文件夹加锁") {
		t.Fatalf("writePair: %v, want a *LockError", err)
	}
	if names := dirNames(t, dir); len(names) != 0 {
		t.Errorf("left in the folder: %v", names)
	}
}

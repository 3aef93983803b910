package publish

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func TestWriteAtomicReplaces(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "预算.xlsx")
	if err := os.WriteFile(path, []byte("old content"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := writeAtomic(path, []byte("new content")); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); string(got) != "new content" {
		t.Errorf("file holds %q", got)
	}
	if names := dirNames(t, dir); !slices.Equal(names, []string{"预算.xlsx"}) {
		t.Errorf("folder holds %v, want only the file", names)
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, want 0644", info.Mode().Perm())
	}
}

func TestWriteAtomicLeavesNothingOnError(t *testing.T) {
	dir := t.TempDir()
	// The rename fails when the target is a non-empty folder: the temporary
	// file must go too.
	target := filepath.Join(dir, "adir")
	if err := os.MkdirAll(filepath.Join(target, "x"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := writeAtomic(target, []byte("data")); err == nil {
		t.Fatal("writing onto a folder succeeded")
	}
	if names := dirNames(t, dir); !slices.Equal(names, []string{"adir"}) {
		t.Errorf("folder holds %v, want [adir]", names)
	}
	if err := writeAtomic(filepath.Join(dir, "missing", "x.pdf"), []byte("data")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("into a missing folder: %v, want not-exist", err)
	}
}

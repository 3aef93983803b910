package publish

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if e.Name() != lockName {
			names = append(names, e.Name())
		}
	}
	return names
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		return "<" + err.Error() + ">"
	}
	return string(b)
}

// deadPID is the id of a process that has ended.
func deadPID(t *testing.T) int {
	t.Helper()
	cmd := exec.Command("true")
	if err := cmd.Run(); err != nil {
		t.Skip("no true command")
	}
	return cmd.Process.Pid
}

// A pair replaces the old pair; nothing else is left in the folder.
func TestWritePairReplaces(t *testing.T) {
	dir := t.TempDir()
	x, p := filepath.Join(dir, "预算.xlsx"), filepath.Join(dir, "预算.pdf")
	write(t, x, "old x")
	write(t, p, "old p")
	if err := writePair(dir, []fileData{{x, []byte("new x")}, {p, []byte("new p")}}); err != nil {
		t.Fatal(err)
	}
	if read(t, x) != "new x" || read(t, p) != "new p" {
		t.Errorf("files hold %q %q", read(t, x), read(t, p))
	}
	if names := dirNames(t, dir); !slices.Equal(names, []string{"预算.pdf", "预算.xlsx"}) {
		t.Errorf("folder holds %v", names)
	}
	if info, _ := os.Stat(x); info.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, want 0644", info.Mode().Perm())
	}
}

// When the second file cannot be put in place — its name is a folder — the
// old pair stays as it was and nothing of the new one is left.
func TestWritePairLeavesTheOldPairOnFailure(t *testing.T) {
	dir := t.TempDir()
	x, p := filepath.Join(dir, "x.xlsx"), filepath.Join(dir, "x.pdf")
	write(t, x, "old x")
	if err := os.MkdirAll(filepath.Join(p, "inside"), 0o755); err != nil {
		t.Fatal(err)
	}
	err := writePair(dir, []fileData{{x, []byte("new x")}, {p, []byte("new p")}})
	if err == nil || !strings.Contains(err.Error(), "是一个文件夹") {
		t.Fatalf("error %v", err)
	}
	if read(t, x) != "old x" {
		t.Errorf("x.xlsx holds %q", read(t, x))
	}
	if names := dirNames(t, dir); !slices.Equal(names, []string{"x.pdf", "x.xlsx"}) {
		t.Errorf("folder holds %v", names)
	}
	// A rename that fails in the middle (the second file's temporary gone
	// away) is rolled back too.
	steps := []step{{final: x, old: hidden(x, "old", "1-a"), temp: hidden(x, "tmp", "1-a")}, {final: filepath.Join(dir, "y.pdf"), temp: hidden(filepath.Join(dir, "y.pdf"), "tmp", "1-a")}}
	write(t, steps[0].temp, "new x")
	if err := swapIn(dir, "1-a", []fileData{{x, nil}, {steps[1].final, nil}}, []string{steps[0].temp, steps[1].temp}); err == nil {
		t.Fatal("swap with a missing temporary succeeded")
	}
	if read(t, x) != "old x" {
		t.Errorf("after a failed swap x.xlsx holds %q", read(t, x))
	}
	if names := dirNames(t, dir); !slices.Equal(names, []string{"x.pdf", "x.xlsx"}) {
		t.Errorf("after a failed swap the folder holds %v", names)
	}
}

// A run killed between moving the old files aside and moving the new ones
// in leaves a journal: the next run puts the old pair back, and removes the
// temporaries of processes that ended; those of running ones stay.
func TestRecoverAfterAKilledRun(t *testing.T) {
	dir := t.TempDir()
	x, p := filepath.Join(dir, "x.xlsx"), filepath.Join(dir, "x.pdf")
	id := strconv.Itoa(deadPID(t)) + "-" + hostTag + "abc123abc123"
	// The dead run had moved old x aside and put new x in; p still old.
	write(t, hidden(x, "old", id), "old x")
	write(t, x, "new x")
	write(t, p, "old p")
	write(t, hidden(p, "tmp", id), "new p")
	write(t, filepath.Join(dir, ".budgetpub-"+id+".journal"),
		x+"\t"+hidden(x, "old", id)+"\t"+hidden(x, "tmp", id)+"\n"+p+"\t"+hidden(p, "old", id)+"\t"+hidden(p, "tmp", id)+"\n")
	live := hidden(filepath.Join(dir, "z.pdf"), "tmp", strconv.Itoa(os.Getppid())+"-"+hostTag+"fff000fff000")
	write(t, live, "being written by a running process")
	stale := hidden(filepath.Join(dir, "w.pdf"), "tmp", id)
	write(t, stale, "left by the dead run")
	// Another machine's files (a shared folder): kept while they are
	// fresh — its process may be running —, removed an hour on.
	other := "0f0f0f0f"
	if other == hostTag {
		other = "f0f0f0f0"
	}
	elsewhere := hidden(filepath.Join(dir, "v.pdf"), "tmp", strconv.Itoa(deadPID(t))+"-"+other+"abc123abc123")
	write(t, elsewhere, "being written on another machine")
	abandoned := hidden(filepath.Join(dir, "u.pdf"), "tmp", strconv.Itoa(os.Getpid())+"-"+other+"abc123abc123")
	write(t, abandoned, "left on another machine two hours ago")
	old := time.Now().Add(-2 * time.Hour)
	if err := os.Chtimes(abandoned, old, old); err != nil {
		t.Fatal(err)
	}

	if err := writePair(dir, []fileData{{filepath.Join(dir, "other.pdf"), []byte("o")}}); err != nil {
		t.Fatal(err)
	}
	if read(t, x) != "old x" || read(t, p) != "old p" {
		t.Errorf("the pair is %q %q, want the old one", read(t, x), read(t, p))
	}
	names := dirNames(t, dir)
	want := []string{filepath.Base(live), filepath.Base(elsewhere), "other.pdf", "x.pdf", "x.xlsx"}
	slices.Sort(want)
	if !slices.Equal(names, want) {
		t.Errorf("folder holds %v, want %v", names, want)
	}
}

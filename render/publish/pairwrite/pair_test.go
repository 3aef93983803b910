package pairwrite

import (
	"errors"
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
	if err := Write(dir, []File{{x, []byte("new x")}, {p, []byte("new p")}}); err != nil {
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
	err := Write(dir, []File{{x, []byte("new x")}, {p, []byte("new p")}})
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
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	write(t, hidden(x, "tmp", "1-a"), "new x")
	if err := swapIn(root, dir, "1-a", []string{"x.xlsx", "y.pdf"}, []string{hiddenName("x.xlsx", "tmp", "1-a"), hiddenName("y.pdf", "tmp", "1-a")}); err == nil {
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
	t.Chdir(t.TempDir()) // the journal's names are the folder's, whatever the working directory
	x, p := filepath.Join(dir, "x.xlsx"), filepath.Join(dir, "x.pdf")
	id := strconv.Itoa(deadPID(t)) + "-" + hostTag + "abc123abc123"
	// The dead run had moved old x aside and put new x in; p still old.
	write(t, hidden(x, "old", id), "old x")
	write(t, x, "new x")
	write(t, p, "old p")
	write(t, hidden(p, "tmp", id), "new p")
	write(t, filepath.Join(dir, journalName(id)), journalLines(id, "x.xlsx", "x.pdf"))
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

	if err := Write(dir, []File{{filepath.Join(dir, "other.pdf"), []byte("o")}}); err != nil {
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

// journalLines is a journal as the program writes it: for each file named,
// its old version moved aside and its temporary, all names in the folder.
func journalLines(id string, names ...string) string {
	var b strings.Builder
	for _, n := range names {
		b.WriteString(n + "\t" + hiddenName(n, "old", id) + "\t" + hiddenName(n, "tmp", id) + "\n")
	}
	return b.String()
}

// A journal planted or left in an output folder that names anything but
// this folder's own files under this journal's own names is refused
// whole: no file it names is touched, inside the folder or out, nothing is
// written, and the error names the journal and the fix. A genuine journal
// beside it is not obeyed either (the folder is refused until the clerk
// looks), and a journal that is a link is refused too.
func TestPlantedJournalTouchesNothing(t *testing.T) {
	outside := t.TempDir()
	victim := filepath.Join(outside, "victim.pdf")
	id := strconv.Itoa(deadPID(t)) + "-" + hostTag + "abc123abc123"
	for name, lines := range map[string]func(dir string) string{
		"absolute path": func(string) string { return victim + "\t\t" + hidden(victim, "tmp", id) + "\n" },
		"absolute old":  func(string) string { return "x.pdf\t" + victim + "\t" + hiddenName("x.pdf", "tmp", id) + "\n" },
		"relative to the working directory": func(dir string) string {
			rel, _ := filepath.Rel(dir, victim)
			return rel + "\t\t" + hiddenName("victim.pdf", "tmp", id) + "\n"
		},
		"folder prefix (an earlier version's journal)": func(dir string) string {
			return filepath.Join(dir, "x.pdf") + "\t\t" + hidden(filepath.Join(dir, "x.pdf"), "tmp", id) + "\n"
		},
		"parent":              func(string) string { return "..\t\t" + hiddenName("..", "tmp", id) + "\n" },
		"another transaction": func(string) string { return "x.pdf\t\t" + hiddenName("x.pdf", "tmp", "1-ffff") + "\n" },
		"not an output":       func(string) string { return "notes.txt\t\t" + hiddenName("notes.txt", "tmp", id) + "\n" },
		"a hidden final":      func(string) string { return ".bashrc.pdf\t\t" + hiddenName(".bashrc.pdf", "tmp", id) + "\n" },
		"not our format":      func(string) string { return "rm -rf /\n" },
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			write(t, victim, "precious")
			write(t, filepath.Join(dir, "x.pdf"), "this year's x")
			j := filepath.Join(dir, journalName(id))
			write(t, j, lines(dir))
			before := dirNames(t, dir)
			err := Write(dir, []File{{filepath.Join(dir, "new.pdf"), []byte("n")}})
			var je *JournalError
			if !errors.As(err, &je) || !strings.Contains(err.Error(), journalName(id)) || !strings.Contains(err.Error(), "删除") {
				t.Fatalf("error %v, want the journal refused", err)
			}
			if read(t, victim) != "precious" || read(t, filepath.Join(dir, "x.pdf")) != "this year's x" {
				t.Errorf("a file named by the journal was changed: %q %q", read(t, victim), read(t, filepath.Join(dir, "x.pdf")))
			}
			if after := dirNames(t, dir); !slices.Equal(after, before) {
				t.Errorf("folder holds %v, was %v", after, before)
			}
		})
	}
	t.Run("journal is a link", func(t *testing.T) {
		dir := t.TempDir()
		target := filepath.Join(outside, "j")
		write(t, target, journalLines(id, "x.pdf"))
		if err := os.Symlink(target, filepath.Join(dir, journalName(id))); err != nil {
			t.Skip(err)
		}
		err := Write(dir, []File{{filepath.Join(dir, "new.pdf"), []byte("n")}})
		var je *JournalError
		if !errors.As(err, &je) {
			t.Fatalf("error %v, want the journal refused", err)
		}
		if read(t, target) != journalLines(id, "x.pdf") {
			t.Error("the link's target was changed")
		}
	})
}

// The old files a recovery puts back go through links planted in the
// folder to nowhere outside it: an "old" name that is a link to a file
// elsewhere is not renamed over the final name through it.
func TestRecoveryDoesNotFollowLinksOut(t *testing.T) {
	dir, outside := t.TempDir(), t.TempDir()
	id := strconv.Itoa(deadPID(t)) + "-" + hostTag + "abc123abc123"
	victim := filepath.Join(outside, "victim.xlsx")
	write(t, victim, "precious")
	// The journal is genuine, but its final name was replaced by a link
	// to a file outside: putting the old file back must not write there.
	if err := os.Symlink(victim, filepath.Join(dir, "x.xlsx")); err != nil {
		t.Skip(err)
	}
	write(t, hidden(filepath.Join(dir, "x.xlsx"), "old", id), "old x")
	write(t, filepath.Join(dir, journalName(id)), journalLines(id, "x.xlsx"))
	if err := Write(dir, []File{{filepath.Join(dir, "n.pdf"), []byte("n")}}); err != nil {
		t.Fatal(err)
	}
	if read(t, victim) != "precious" {
		t.Errorf("the file behind the link holds %q", read(t, victim))
	}
	if fi, err := os.Lstat(filepath.Join(dir, "x.xlsx")); err != nil || !fi.Mode().IsRegular() || read(t, filepath.Join(dir, "x.xlsx")) != "old x" {
		t.Errorf("x.xlsx is not the old file put back: %v %q", err, read(t, filepath.Join(dir, "x.xlsx")))
	}
}

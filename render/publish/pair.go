package publish

import (
	"bufio"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
)

// A department's files (workbook and PDF, and its open data) are replaced
// together or not at all. All are written to temporaries first; then, holding the output folder's lock, a
// journal names the pair, the old files are moved aside, the new ones
// renamed into place, and the journal and old files removed. A failure at
// any step puts the old pair back and removes what was made. A run killed
// in the middle leaves the journal; the next run into the folder reads it
// and puts the old pair back before it writes anything, and removes every
// temporary of a process that is no longer running.
//
// Our names in the folder: .<file>.tmp-<pid>-<id> (a new file being
// written), .<file>.old-<pid>-<id> (an old one moved aside) and
// .budgetpub-<pid>-<id>.journal, where <id> is 8 hex digits naming the
// machine (hostTag) and 12 random ones. The lock is the folder itself (on
// Windows a file .budgetpub.lock in it). A folder shared by machines (a
// network share written by a Kubernetes job's pods) has files of processes
// this machine cannot see: those are left alone until they are an hour
// old (staleAfter), since no department takes minutes to write.

const lockName = ".budgetpub.lock"

var ourName = regexp.MustCompile(`^\..+\.(tmp|old)-([0-9]+)-([0-9a-f]+)$|^\.budgetpub-([0-9]+)-([0-9a-f]+)\.journal$`)

// staleAfter is the age after which another machine's files are taken for
// those of a run that ended.
const staleAfter = time.Hour

// hostTag is 8 hex digits of the SHA-256 of the machine's name.
var hostTag = func() string {
	name, _ := os.Hostname()
	sum := sha256.Sum256([]byte(name))
	return hex.EncodeToString(sum[:4])
}()

// fileData is one file of a department.
type fileData struct {
	path string
	data []byte
}

// folderLocks serialize this process's writers of a folder (the file lock
// serializes processes).
var folderLocks sync.Map // dir → *sync.Mutex

// withFolderLock runs f holding the folder's lock, across goroutines and
// processes.
func withFolderLock(dir string, f func() error) error {
	mu, _ := folderLocks.LoadOrStore(filepath.Clean(dir), &sync.Mutex{})
	mu.(*sync.Mutex).Lock()
	defer mu.(*sync.Mutex).Unlock()
	unlock, err := lockFolder(dir)
	if err != nil {
		return err
	}
	defer unlock()
	return f()
}

func txnID() string {
	var b [6]byte
	_, _ = rand.Read(b[:])
	return strconv.Itoa(os.Getpid()) + "-" + hostTag + hex.EncodeToString(b[:])
}

// hidden is the name of one of our files beside path.
func hidden(path, kind, id string) string {
	dir, base := filepath.Split(path)
	return filepath.Join(dir, "."+base+"."+kind+"-"+id)
}

// writePair writes the files (a pair, or more) into their folder as one unit.
func writePair(dir string, files []fileData) error {
	for _, f := range files {
		if fi, err := os.Lstat(f.path); err == nil && fi.IsDir() {
			return fmt.Errorf("%s: 是一个文件夹，无法写入：请移走或改名后重试", f.path)
		}
	}
	id := txnID()
	var temps []string
	cleanup := func() {
		for _, t := range temps {
			_ = os.Remove(t)
		}
	}
	for _, f := range files {
		t := hidden(f.path, "tmp", id)
		if err := writeSynced(t, f.data); err != nil {
			cleanup()
			_ = os.Remove(t)
			return fmt.Errorf("%s: 写入失败：%w", f.path, err)
		}
		temps = append(temps, t)
	}
	err := withFolderLock(dir, func() error {
		recoverOnce(dir)
		return swapIn(dir, id, files, temps)
	})
	cleanup()
	return err
}

// writeSynced writes a new file and flushes it to disk.
func writeSynced(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err = f.Write(data); err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		_ = os.Remove(path)
	}
	return err
}

// step is one file's move in a journal: its final name, where its old
// version was moved ("" when there was none) and its temporary.
type step struct{ final, old, temp string }

// swapIn moves the old files aside and the new ones in, journalled.
func swapIn(dir, id string, files []fileData, temps []string) error {
	var steps []step
	for i, f := range files {
		s := step{final: f.path, temp: temps[i]}
		if _, err := os.Lstat(f.path); err == nil {
			s.old = hidden(f.path, "old", id)
		}
		steps = append(steps, s)
	}
	journal := filepath.Join(dir, ".budgetpub-"+id+".journal")
	var b strings.Builder
	for _, s := range steps {
		fmt.Fprintf(&b, "%s\t%s\t%s\n", s.final, s.old, s.temp)
	}
	if err := writeSynced(journal, []byte(b.String())); err != nil {
		return fmt.Errorf("%s: 无法写入：%w", dir, err)
	}
	var err error
	for i := 0; i < len(steps) && err == nil; i++ {
		if s := steps[i]; s.old != "" {
			err = os.Rename(s.final, s.old)
		}
	}
	for i := 0; i < len(steps) && err == nil; i++ {
		if err = os.Rename(steps[i].temp, steps[i].final); err != nil {
			err = fmt.Errorf("%s: 写入失败：%w", steps[i].final, err)
		}
	}
	if err != nil {
		rollBack(steps)
		_ = os.Remove(journal)
		return err
	}
	syncDir(dir)
	for _, s := range steps {
		if s.old != "" {
			_ = os.Remove(s.old)
		}
	}
	_ = os.Remove(journal)
	return nil
}

// rollBack puts the old files back: a file that had an old version gets
// it again; a file that had none, and whose new version was moved in, is
// removed.
func rollBack(steps []step) {
	for _, s := range steps {
		switch {
		case s.old != "":
			if _, err := os.Lstat(s.old); err == nil {
				_ = os.Rename(s.old, s.final)
			}
		default:
			if _, err := os.Lstat(s.temp); errors.Is(err, os.ErrNotExist) {
				_ = os.Remove(s.final) // the new file was moved in
			}
		}
		_ = os.Remove(s.temp)
	}
	syncDir(filepath.Dir(steps[0].final))
}

// recovered are the folders this process has recovered: what a run that
// ended in the middle left is undone once, at the process's first write
// into the folder (a batch writing thousands of departments into one
// folder does not list it again for each).
var recovered sync.Map // absolute folder → true

// recoverOnce runs recoverFolder on dir the first time this process
// writes into it. It runs under the folder lock.
func recoverOnce(dir string) {
	key := dir
	if abs, err := filepath.Abs(dir); err == nil {
		key = abs
	}
	if _, done := recovered.LoadOrStore(key, true); !done {
		recoverFolder(dir)
	}
}

// recoverFolder undoes what runs that ended in the middle left: their
// journals are rolled back and their temporaries removed. Only files of
// processes no longer running are touched. It runs under the folder lock.
func recoverFolder(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	var journals, temps []string
	for _, e := range entries {
		m := ourName.FindStringSubmatch(e.Name())
		if m == nil || !ended(e, m[2]+m[4], m[3]+m[5]) {
			continue
		}
		if m[4] != "" {
			journals = append(journals, filepath.Join(dir, e.Name()))
		} else {
			temps = append(temps, filepath.Join(dir, e.Name()))
		}
	}
	for _, j := range journals {
		if steps := readJournal(j); len(steps) > 0 {
			rollBack(steps)
		}
		_ = os.Remove(j)
	}
	for _, t := range temps {
		if strings.Contains(filepath.Base(t), ".old-") {
			// An old file without its journal: the swap finished or was
			// rolled back; keep it only if its final name is gone.
			final := filepath.Join(dir, strings.TrimPrefix(ourBase(filepath.Base(t)), "."))
			if _, err := os.Lstat(final); errors.Is(err, os.ErrNotExist) {
				_ = os.Rename(t, final)
				continue
			}
		}
		_ = os.Remove(t)
	}
}

// ended tells whether the run that left one of our files has ended: a
// process of this machine no longer running, or another machine's file an
// hour old. A name of 12 random hex digits, without the machine's, is of
// an earlier version, which only ever recovered its own machine's files.
func ended(e os.DirEntry, pid, id string) bool {
	n, err := strconv.Atoi(pid)
	if err != nil {
		return false
	}
	if len(id) == 12 || strings.HasPrefix(id, hostTag) {
		return n != os.Getpid() && !processAlive(n)
	}
	fi, err := e.Info()
	return err == nil && time.Since(fi.ModTime()) > staleAfter
}

// ourBase strips the .tmp-… / .old-… suffix of one of our names.
func ourBase(name string) string {
	for _, k := range []string{".tmp-", ".old-"} {
		if i := strings.LastIndex(name, k); i > 0 {
			return name[:i]
		}
	}
	return name
}

func readJournal(path string) []step {
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	var steps []step
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		p := strings.Split(sc.Text(), "\t")
		if len(p) == 3 {
			steps = append(steps, step{final: p[0], old: p[1], temp: p[2]})
		}
	}
	return steps
}

// syncDir flushes a folder's entries (the renames) to disk, where the
// system allows it.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}

// ProcessAlive tells whether a process of that id is running (true where
// the system cannot tell, so that nobody else's files are ever touched).
func ProcessAlive(pid int) bool { return processAlive(pid) }

package pairwrite

import (
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

// File is one file of a unit: its path (in the folder written) and its
// bytes.
type File struct {
	Path string
	Data []byte
}

// Misplaced is a file given to Write that is not right in the folder
// written: a fault of the program, never of the input (publish reports it
// as its Fault).
type Misplaced struct{ Path, Folder string }

func (e *Misplaced) Error() string {
	return fmt.Sprintf("%s: 程序内部错误：输出文件不在输出文件夹 %s 中（%s）", e.Path, e.Folder, e.Path)
}

// folderLocks serialize this process's writers of a folder (the file lock
// serializes processes).
var folderLocks sync.Map // dir → *sync.Mutex

// WithFolderLock runs f holding the lock of the folder root is opened on
// (dir names it, for messages and this process's own lock), across
// goroutines and processes. A folder whose filesystem refuses the lock is
// a *LockError.
func WithFolderLock(dir string, root *os.Root, f func() error) error {
	mu, _ := folderLocks.LoadOrStore(filepath.Clean(dir), &sync.Mutex{})
	mu.(*sync.Mutex).Lock()
	defer mu.(*sync.Mutex).Unlock()
	unlock, err := lockFolder(root)
	if err != nil {
		return &LockError{Dir: dir, Err: err}
	}
	defer unlock()
	return f()
}

func txnID() string {
	var b [6]byte
	_, _ = rand.Read(b[:])
	return strconv.Itoa(os.Getpid()) + "-" + hostTag + hex.EncodeToString(b[:])
}

// hiddenName is the name of one of our files beside the file named name.
func hiddenName(name, kind, id string) string { return "." + name + "." + kind + "-" + id }

// hidden is the path of one of our files beside path.
func hidden(path, kind, id string) string {
	dir, base := filepath.Split(path)
	return filepath.Join(dir, hiddenName(base, kind, id))
}

// Write writes the files (a pair, or more) into their folder as one
// unit. Every file is named in dir, and every operation goes through an
// os.Root of dir: nothing outside the folder is ever touched, whatever
// links are planted in it.
func Write(dir string, files []File) error {
	return WriteUnder(dir, "", files)
}

// WriteUnder is Write into sub, a folder inside dir given as a
// slash-separated relative path ("" for dir itself; --keep-folders' 城区),
// made if need be. The files must be named right in dir/sub. The folder is
// made and opened through an os.Root of dir, so a link in dir or sub that
// leads out of dir is refused, never followed.
func WriteUnder(dir, sub string, files []File) error {
	folder := filepath.Join(dir, filepath.FromSlash(sub))
	names := make([]string, len(files))
	for i, f := range files {
		names[i] = filepath.Base(f.Path)
		if filepath.Clean(filepath.Dir(f.Path)) != filepath.Clean(folder) || !plainName(names[i]) {
			return &Misplaced{Path: f.Path, Folder: folder}
		}
	}
	root, err := OpenFolder(dir, sub, true)
	if err != nil {
		return err
	}
	defer root.Close()
	for i, f := range files {
		if fi, err := root.Lstat(names[i]); err == nil && fi.IsDir() {
			return fmt.Errorf("%s: 是一个文件夹，无法写入：请移走或改名后重试", f.Path)
		}
	}
	id := txnID()
	var temps []string
	cleanup := func() {
		for _, t := range temps {
			_ = root.Remove(t)
		}
	}
	for i, f := range files {
		t := hiddenName(names[i], "tmp", id)
		if err := writeSynced(root, t, f.Data); err != nil {
			cleanup()
			return fmt.Errorf("%s: 写入失败：%s", f.Path, OSCause(err))
		}
		temps = append(temps, t)
	}
	err = WithFolderLock(folder, root, func() error {
		if err := recoverOnce(folder, root); err != nil {
			return err
		}
		return swapIn(root, folder, id, names, temps)
	})
	cleanup()
	return err
}

// OpenFolder opens the folder sub of dir (a slash-separated relative path,
// "" for dir itself) as an os.Root, through an os.Root of dir: sub's
// folders are made when create is set, and a link on the way that leads
// out of dir is refused.
func OpenFolder(dir, sub string, create bool) (*os.Root, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, fmt.Errorf("%s: 无法打开输出文件夹：%s", dir, OSCause(err))
	}
	if sub == "" {
		return root, nil
	}
	defer root.Close()
	rel := filepath.FromSlash(sub)
	folder := filepath.Join(dir, rel)
	if create {
		if err := root.MkdirAll(rel, 0o755); err != nil {
			return nil, fmt.Errorf("%s: 无法创建文件夹：%s", folder, OSCause(err))
		}
	}
	in, err := root.OpenRoot(rel)
	if err != nil {
		return nil, fmt.Errorf("%s: 无法打开文件夹：%s", folder, OSCause(err))
	}
	return in, nil
}

// writeSynced writes a new file of the folder and flushes it to disk.
func writeSynced(root *os.Root, name string, data []byte) error {
	f, err := root.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
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
		_ = root.Remove(name)
	}
	return err
}

// step is one file's move in a journal, each a plain name in the folder:
// its final name, where its old version was moved ("" when there was none)
// and its temporary.
type step struct{ final, old, temp string }

// swapIn moves the old files aside and the new ones in, journalled.
func swapIn(root *os.Root, dir, id string, names, temps []string) error {
	var steps []step
	for i, name := range names {
		s := step{final: name, temp: temps[i]}
		if _, err := root.Lstat(name); err == nil {
			s.old = hiddenName(name, "old", id)
		}
		steps = append(steps, s)
	}
	journal := journalName(id)
	var b strings.Builder
	for _, s := range steps {
		fmt.Fprintf(&b, "%s\t%s\t%s\n", s.final, s.old, s.temp)
	}
	if err := writeSynced(root, journal, []byte(b.String())); err != nil {
		return fmt.Errorf("%s: 无法写入：%s", dir, OSCause(err))
	}
	var err error
	for i := 0; i < len(steps) && err == nil; i++ {
		if s := steps[i]; s.old != "" {
			if err = root.Rename(s.final, s.old); err != nil {
				err = fmt.Errorf("%s: 无法替换：%s", filepath.Join(dir, s.final), OSCause(err))
			}
		}
	}
	for i := 0; i < len(steps) && err == nil; i++ {
		if err = root.Rename(steps[i].temp, steps[i].final); err != nil {
			err = fmt.Errorf("%s: 写入失败：%s", filepath.Join(dir, steps[i].final), OSCause(err))
		}
	}
	if err != nil {
		rollBack(root, steps)
		_ = root.Remove(journal)
		return err
	}
	syncRoot(root)
	for _, s := range steps {
		if s.old != "" {
			_ = root.Remove(s.old)
		}
	}
	_ = root.Remove(journal)
	return nil
}

// rollBack puts the old files back: a file that had an old version gets
// it again; a file that had none, and whose new version was moved in, is
// removed.
func rollBack(root *os.Root, steps []step) {
	for _, s := range steps {
		switch {
		case s.old != "":
			if _, err := root.Lstat(s.old); err == nil {
				_ = root.Rename(s.old, s.final)
			}
		default:
			if _, err := root.Lstat(s.temp); errors.Is(err, os.ErrNotExist) {
				_ = root.Remove(s.final) // the new file was moved in
			}
		}
		_ = root.Remove(s.temp)
	}
	syncRoot(root)
}

// syncRoot flushes a folder's entries (the renames) to disk, where the
// system allows it.
func syncRoot(root *os.Root) {
	if d, err := root.Open("."); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}

// ProcessAlive tells whether a process of that id is running (true where
// the system cannot tell, so that nobody else's files are ever touched).
func ProcessAlive(pid int) bool { return processAlive(pid) }

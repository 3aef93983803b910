package publish

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
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

// withFolderLock runs f holding the lock of the folder root is opened on
// (dir names it, for messages and this process's own lock), across
// goroutines and processes. A folder whose filesystem refuses the lock is
// a *LockError.
func withFolderLock(dir string, root *os.Root, f func() error) error {
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

// writePair writes the files (a pair, or more) into their folder as one
// unit. Every file is named in dir, and every operation goes through an
// os.Root of dir: nothing outside the folder is ever touched, whatever
// links are planted in it.
func writePair(dir string, files []fileData) error {
	return writePairUnder(dir, "", files)
}

// writePairUnder is writePair into sub, a folder inside dir given as a
// slash-separated relative path ("" for dir itself; --keep-folders' 城区),
// made if need be. The files must be named right in dir/sub. The folder is
// made and opened through an os.Root of dir, so a link in dir or sub that
// leads out of dir is refused, never followed.
func writePairUnder(dir, sub string, files []fileData) error {
	folder := filepath.Join(dir, filepath.FromSlash(sub))
	names := make([]string, len(files))
	for i, f := range files {
		names[i] = filepath.Base(f.path)
		if filepath.Clean(filepath.Dir(f.path)) != filepath.Clean(folder) || !plainName(names[i]) {
			return &Fault{Name: f.path, Cause: "输出文件不在输出文件夹 " + folder + " 中", Err: f.path}
		}
	}
	root, err := openFolder(dir, sub, true)
	if err != nil {
		return err
	}
	defer root.Close()
	for i, f := range files {
		if fi, err := root.Lstat(names[i]); err == nil && fi.IsDir() {
			return fmt.Errorf("%s: 是一个文件夹，无法写入：请移走或改名后重试", f.path)
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
		if err := writeSynced(root, t, f.data); err != nil {
			cleanup()
			return fmt.Errorf("%s: 写入失败：%s", f.path, OSCause(err))
		}
		temps = append(temps, t)
	}
	err = withFolderLock(folder, root, func() error {
		if err := recoverOnce(folder, root); err != nil {
			return err
		}
		return swapIn(root, folder, id, names, temps)
	})
	cleanup()
	return err
}

// openFolder opens the folder sub of dir (a slash-separated relative path,
// "" for dir itself) as an os.Root, through an os.Root of dir: sub's
// folders are made when create is set, and a link on the way that leads
// out of dir is refused.
func openFolder(dir, sub string, create bool) (*os.Root, error) {
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

// recovered are the folders this process has recovered: what a run that
// ended in the middle left is undone once, at the process's first write
// into the folder (a batch writing thousands of departments into one
// folder does not list it again for each). A folder whose recovery was
// refused is not recovered: every write into it says so again.
var recovered sync.Map // absolute folder → true

// recoverOnce runs recoverFolder on dir the first time this process
// writes into it. It runs under the folder lock.
func recoverOnce(dir string, root *os.Root) error {
	key := dir
	if abs, err := filepath.Abs(dir); err == nil {
		key = abs
	}
	if _, done := recovered.Load(key); done {
		return nil
	}
	if err := recoverFolder(dir, root); err != nil {
		return err
	}
	recovered.Store(key, true)
	return nil
}

// recoverFolder undoes what runs that ended in the middle left: their
// journals are rolled back and their temporaries removed. Only files of
// processes no longer running are touched. A journal that is not one this
// program wrote into this folder — an entry that is not a plain name of
// the folder, or not the journal's own temporary and old names — is
// refused whole: nothing it names is touched, and the error says which
// and how to go on. It runs under the folder lock.
func recoverFolder(dir string, root *os.Root) error {
	entries, err := readRoot(root)
	if err != nil {
		return nil
	}
	var journals, temps []string
	ids := map[string]string{} // journal → its id
	for _, e := range entries {
		m := ourName.FindStringSubmatch(e.Name())
		if m == nil || !ended(e, m[2]+m[4], m[3]+m[5]) {
			continue
		}
		if m[4] != "" {
			journals = append(journals, e.Name())
			ids[e.Name()] = m[4] + "-" + m[5]
		} else {
			temps = append(temps, e.Name())
		}
	}
	plans := make([][]step, len(journals))
	for i, j := range journals {
		steps, err := readJournal(root, j, ids[j])
		if err != nil {
			return &JournalError{Dir: dir, Journal: j, Cause: err}
		}
		plans[i] = steps
	}
	for i, j := range journals {
		if len(plans[i]) > 0 {
			rollBack(root, plans[i])
		}
		_ = root.Remove(j)
	}
	for _, t := range temps {
		if strings.Contains(t, ".old-") {
			// An old file without its journal: the swap finished or was
			// rolled back; keep it only if its final name is gone.
			final := strings.TrimPrefix(ourBase(t), ".")
			if _, err := root.Lstat(final); errors.Is(err, os.ErrNotExist) {
				_ = root.Rename(t, final)
				continue
			}
		}
		_ = root.Remove(t)
	}
	return nil
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

// journalName is the name of the journal of transaction id.
func journalName(id string) string { return ".budgetpub-" + id + ".journal" }

// maxJournal bounds a journal read back: a department's files are a few
// lines.
const maxJournal = 64 << 10

// readJournal reads the journal named j of transaction id. Each line must
// be one this program writes: a final name that is a plain, visible file
// name of the folder, with one of the extensions budgetpub writes, its
// temporary .<final>.tmp-<id> and its old name .<final>.old-<id> or
// nothing. Anything else — a path, another folder, another transaction's
// names, a link or an oversized file as the journal — is an error, and
// nothing of the journal is done.
func readJournal(root *os.Root, j, id string) ([]step, error) {
	fi, err := root.Lstat(j)
	if err != nil {
		return nil, nil // gone meanwhile
	}
	if !fi.Mode().IsRegular() {
		return nil, errors.New("不是普通文件")
	}
	if fi.Size() > maxJournal {
		return nil, fmt.Errorf("大于 %d KB", maxJournal>>10)
	}
	data, err := root.ReadFile(j)
	if err != nil {
		return nil, errors.New(OSCause(err))
	}
	var steps []step
	for n, line := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n") {
		p := strings.Split(line, "\t")
		if len(p) != 3 {
			return nil, fmt.Errorf("第 %d 行不是本程序写的格式", n+1)
		}
		s := step{final: p[0], old: p[1], temp: p[2]}
		switch {
		case !plainName(s.final) || strings.HasPrefix(s.final, ".") || !ownExt(s.final):
			return nil, fmt.Errorf("第 %d 行的“%s”不是此文件夹中本程序生成的文件名", n+1, clip(s.final))
		case s.temp != hiddenName(s.final, "tmp", id) || (s.old != "" && s.old != hiddenName(s.final, "old", id)):
			return nil, fmt.Errorf("第 %d 行的临时文件名不是本次记录的", n+1)
		}
		steps = append(steps, s)
	}
	return steps, nil
}

// plainName tells whether name names a file right in a folder: no
// separator of any system, not . or .., no NUL.
func plainName(name string) bool {
	return name != "" && name != "." && name != ".." && !strings.ContainsAny(name, "/\\\x00") &&
		filepath.Base(name) == name && !filepath.IsAbs(name) && filepath.VolumeName(name) == ""
}

// ownExt tells whether name has an extension of the files budgetpub
// writes through a journal.
func ownExt(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".xlsx", ".pdf", ".json", ".csv", ".html":
		return true
	}
	return false
}

// clip shortens a text quoted in a message.
func clip(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}

// JournalError is a journal in an output folder that budgetpub refuses
// to act on: recovery did nothing, and no file was written.
type JournalError struct {
	Dir, Journal string
	Cause        error
}

func (e *JournalError) Error() string {
	return fmt.Sprintf("%s: 输出文件夹中的 %s 不是本程序在此文件夹中留下的恢复记录（%v），未按其恢复或改动任何文件，也未写入新文件：请确认此文件夹中的文件无误后删除 %s，再重新运行",
		e.Dir, e.Journal, e.Cause, e.Journal)
}

// syncRoot flushes a folder's entries (the renames) to disk, where the
// system allows it.
func syncRoot(root *os.Root) {
	if d, err := root.Open("."); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}

// readRoot lists the folder root is opened on.
func readRoot(root *os.Root) ([]os.DirEntry, error) {
	d, err := root.Open(".")
	if err != nil {
		return nil, err
	}
	defer d.Close()
	entries, err := d.ReadDir(-1)
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	return entries, err
}

// ProcessAlive tells whether a process of that id is running (true where
// the system cannot tell, so that nobody else's files are ever touched).
func ProcessAlive(pid int) bool { return processAlive(pid) }

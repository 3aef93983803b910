package pairwrite

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/budgetpub/budgetpub/render/publish/deptfiles"
)

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
// name of the folder, with an ending budgetpub writes (deptfiles.Written), its
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
		case !plainName(s.final) || strings.HasPrefix(s.final, ".") || !deptfiles.Written(s.final):
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

package pairwrite

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// One folder, one batch at a time: a batch (or a merge) holds its
// summary's lock, a file .<summary>.lock in the output folder, for as long
// as it runs, so that two batches writing one folder never leave a summary
// naming the other's departments. Shards of one split write summaries of
// their own names (summary-i-of-n.xlsx) and so share a folder freely; a
// second run of the same summary is refused at once, saying who holds it.
// The lock is the system's (flock, LockFileEx): it goes with the process,
// so a killed run never leaves the folder locked; the file is removed as
// the run ends (a killed run leaves it, unlocked, for the next to take).

// BatchBusyError is a batch refused because another run is writing the
// same summary into the folder.
type BatchBusyError struct {
	Dir, Summary string
	Holder       string // who holds it: "主机 h 的进程 n，开始于 t", or ""
}

func (e *BatchBusyError) Error() string {
	who := "另一个批量处理"
	if e.Holder != "" {
		who += "（" + e.Holder + "）"
	}
	return fmt.Sprintf("%s: %s正在向此文件夹写入 %s：同一个输出文件夹同一时间只能运行一个批量处理，否则汇总表会混入另一次的结果。请等它结束后再运行，或用 -o 换一个输出文件夹",
		e.Dir, who, e.Summary)
}

// LockError is an output folder whose filesystem refuses the locks a
// batch takes: an NFS share, whose flock is emulated by byte-range locks
// that a folder — opened read-only, as folders are — cannot take, or a
// share without a lock service. LockBatch finds it before anything is
// written.
type LockError struct {
	Dir string
	Err error
}

func (e *LockError) Error() string {
	return fmt.Sprintf("%s: 无法给输出文件夹加锁（%s）：它所在的文件系统不支持 budgetpub 所用的文件锁（NFS 等网络共享常见），未写入任何文件。请用 -o 把输出写到本机磁盘上的文件夹；多台机器各写自己磁盘上的文件夹，全部完成后把这些文件夹收集到一处，用 budgetpub batch --merge-summaries 合并（见 docs/scale.md）",
		e.Dir, OSCause(e.Err))
}

func (e *LockError) Unwrap() error { return e.Err }

// LockBatch takes the lock of summary in dir (made if need be) and
// returns what releases it (a folder it made is removed again if the run
// left it empty), or a *BatchBusyError when another run holds
// it.
func LockBatch(dir, summary string) (release func(), err error) {
	_, statErr := os.Stat(dir)
	made := os.IsNotExist(statErr) // made here: removed again if left empty
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("%s: 无法创建输出目录：%s", dir, OSCause(err))
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, fmt.Errorf("%s: 无法打开输出文件夹：%s", dir, OSCause(err))
	}
	defer root.Close()
	name := "." + summary + ".lock"
	for try := 0; ; try++ {
		f, err := root.OpenFile(name, os.O_RDWR|os.O_CREATE, 0o644)
		if err != nil {
			return nil, fmt.Errorf("%s: 无法写入：%s", filepath.Join(dir, name), OSCause(err))
		}
		busy, err := tryLockFile(f)
		if err != nil || busy {
			holder := readHolder(f)
			if !busy {
				_ = root.Remove(name)
			}
			f.Close()
			if busy {
				return nil, &BatchBusyError{Dir: dir, Summary: summary, Holder: holder}
			}
			if made {
				_ = os.Remove(dir)
			}
			return nil, &LockError{Dir: dir, Err: err}
		}
		// The holder before us removes the file as it lets go: the lock
		// taken must be the one of the file now at the name.
		held, err1 := f.Stat()
		now, err2 := root.Lstat(name)
		if err1 != nil || err2 != nil || !os.SameFile(held, now) {
			unlockFile(f)
			f.Close()
			if try < 5 {
				continue
			}
			return nil, &BatchBusyError{Dir: dir, Summary: summary}
		}
		// Every department's files are replaced under the folder's own
		// lock (pair.go): a filesystem that refuses it is found now, once,
		// not by every department in turn.
		if unlock, err := lockFolder(root); err != nil {
			_ = root.Remove(name)
			unlockFile(f)
			f.Close()
			if made {
				_ = os.Remove(dir)
			}
			return nil, &LockError{Dir: dir, Err: err}
		} else {
			unlock()
		}
		host, _ := os.Hostname()
		_ = f.Truncate(0)
		_, _ = f.WriteAt([]byte(fmt.Sprintf("%s\t%d\t%s\n", host, os.Getpid(), time.Now().Format("2006-01-02 15:04:05"))), 0)
		return func() {
			// Removed while held (where the system allows), so that no
			// lock file is left in the folder.
			if r, err := os.OpenRoot(dir); err == nil {
				_ = r.Remove(name)
				r.Close()
			}
			unlockFile(f)
			_ = f.Close()
			if made {
				_ = os.Remove(dir) // only if nothing was written in it
			}
		}, nil
	}
}

// readHolder says who holds a lock, from what it wrote in the file.
func readHolder(f *os.File) string {
	buf := make([]byte, 512)
	n, _ := f.ReadAt(buf, 0)
	p := strings.Split(strings.TrimSpace(string(buf[:n])), "\t")
	if len(p) != 3 {
		return ""
	}
	if _, err := strconv.Atoi(p[1]); err != nil {
		return ""
	}
	return fmt.Sprintf("主机 %s 的进程 %s，开始于 %s", clip(p[0]), p[1], clip(p[2]))
}

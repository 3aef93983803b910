package workbench

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"time"

	"github.com/budgetpub/budgetpub/input"
	"github.com/budgetpub/budgetpub/render/publish"
)

// space is one workspace: a department's master input being prepared, or a
// bureau's batch, in a private folder. Its fields are guarded by mu.
type space struct {
	id, owner string
	dir       string
	batch     *batchJob // a bureau's batch; nil for a department

	mu      sync.Mutex
	used    time.Time
	busy    int       // requests working in it: never expired while busy
	display string    // the input's name in messages: the upload's base name, cleaned
	stem    string    // the download names' stem
	ver     version   // of the master input, input.yaml (kept on disk only)
	revs    []version // the last texts, kept to compare a stale form with (stale.go)
	format  input.FormatOptions
	notes   []string // what the import said (assumptions, warnings)
	out     *rendered
	from    *batchOrigin     // the batch's department it was opened from (打开修改), or nil
	opts    *publish.Options // that batch's options; nil: the server's
}

// rendered is the last render of a workspace: its files, named by the
// version of the text rendered, are served only while that text is the
// workspace's.
type rendered struct {
	of    version           // the text rendered
	files map[string]string // by kind: out-<version>.pdf …
	at    time.Time
}

// store keeps the workspaces. Its limits are per browser and for the
// whole workbench; a workspace is never removed to make room for another:
// the newcomer is refused, and workspaces go only when closed, idle too
// long, or with the server.
type store struct {
	root       string
	max        int // workspaces at once
	perBrowser int // workspaces of one browser
	mu         sync.Mutex
	all        map[string]*space
	gone       func(id string) // told of every workspace removed
}

// Limits of the batches kept: each holds its review in memory.
const (
	maxBatches        = 4 // batches at once
	batchesPerBrowser = 2 // batches of one browser
)

func newStore(root string, max, perBrowser int) *store {
	return &store{root: root, max: max, perBrowser: perBrowser, all: map[string]*space{}}
}

// create makes a workspace for the browser owner, if the limits leave room.
func (st *store) create(owner string, batch bool) (*space, error) {
	st.mu.Lock()
	defer st.mu.Unlock()
	if err := st.roomLocked(owner, batch); err != nil {
		return nil, err
	}
	sp := &space{id: newID(), owner: owner, used: time.Now()}
	dir, err := os.MkdirTemp(st.root, "w-")
	if err != nil {
		return nil, err
	}
	sp.dir = dir
	if batch {
		sp.batch = &batchJob{done: make(chan struct{})}
	}
	st.all[sp.id] = sp
	return sp, nil
}

// room is nil if owner may open a workspace (a batch) now, else the
// refusal: asked before an upload is read, so as not to take it in vain.
func (st *store) room(owner string, batch bool) error {
	st.mu.Lock()
	defer st.mu.Unlock()
	return st.roomLocked(owner, batch)
}

func (st *store) roomLocked(owner string, batch bool) error {
	mine, batches, myBatches := 0, 0, 0
	for _, sp := range st.all {
		if sp.owner == owner {
			mine++
		}
		if sp.batch != nil {
			batches++
			if sp.owner == owner {
				myBatches++
			}
		}
	}
	switch {
	case mine >= st.perBrowser:
		return &httpError{http.StatusTooManyRequests, fmt.Sprintf("这个浏览器已打开 %d 个工作区（每个浏览器最多 %d 个）：请先关闭不用的工作区（首页列出了它们），再开始新的", mine, st.perBrowser)}
	case batch && myBatches >= batchesPerBrowser:
		return &httpError{http.StatusTooManyRequests, fmt.Sprintf("这个浏览器已有 %d 批文件在处理或待下载（每个浏览器最多 %d 批）：请先下载并关闭不用的一批（首页列出了它们），再上传新的", myBatches, batchesPerBrowser)}
	case batch && batches >= maxBatches:
		return &httpError{http.StatusServiceUnavailable, fmt.Sprintf("工作台同时保留的批量处理已满（共 %d 批，来自各个浏览器）：请稍后再试，或关闭本浏览器不用的一批", maxBatches)}
	case len(st.all) >= st.max:
		return &httpError{http.StatusServiceUnavailable, fmt.Sprintf("工作台同时打开的工作区已满（共 %d 个，来自各个浏览器；别人正在使用的工作区不会被清除）：请稍后再试，或关闭本浏览器不用的工作区", st.max)}
	}
	return nil
}

// mine are the workspaces of a browser, the most recently used first.
func (st *store) mine(owner string) []*space {
	st.mu.Lock()
	var out []*space
	for _, sp := range st.all {
		if sp.owner == owner {
			out = append(out, sp)
		}
	}
	st.mu.Unlock()
	sort.Slice(out, func(i, j int) bool { return out[i].lastUsed().After(out[j].lastUsed()) })
	return out
}

func (sp *space) lastUsed() time.Time {
	sp.mu.Lock()
	defer sp.mu.Unlock()
	return sp.used
}

// get returns the owner's workspace of that id, marked busy: release it
// when done. Another browser's workspace is not found.
func (st *store) get(id, owner string) *space {
	st.mu.Lock()
	defer st.mu.Unlock()
	sp := st.all[id]
	if sp == nil || sp.owner != owner {
		return nil
	}
	sp.mu.Lock()
	sp.busy++
	sp.used = time.Now()
	sp.mu.Unlock()
	return sp
}

func (sp *space) release() {
	sp.mu.Lock()
	sp.busy--
	sp.used = time.Now()
	sp.mu.Unlock()
}

func (st *store) remove(sp *space) {
	st.mu.Lock()
	defer st.mu.Unlock()
	st.removeLocked(sp)
}

func (st *store) removeLocked(sp *space) {
	if st.all[sp.id] != sp {
		return
	}
	delete(st.all, sp.id)
	if st.gone != nil {
		st.gone(sp.id)
	}
	if sp.batch != nil {
		sp.batch.cancel()
	}
	_ = os.RemoveAll(sp.dir)
}

// expire removes the workspaces unused since before.
func (st *store) expire(before time.Time) {
	st.mu.Lock()
	defer st.mu.Unlock()
	for _, sp := range st.all {
		sp.mu.Lock()
		old := sp.busy == 0 && sp.used.Before(before) && (sp.batch == nil || !sp.batch.running())
		sp.mu.Unlock()
		if old {
			st.removeLocked(sp)
		}
	}
}

func (st *store) removeAll() {
	st.mu.Lock()
	defer st.mu.Unlock()
	for _, sp := range st.all {
		st.removeLocked(sp)
	}
}

func (st *store) count() int {
	st.mu.Lock()
	defer st.mu.Unlock()
	return len(st.all)
}

// setText makes text the master input (the caller holds sp.mu): written to
// input.yaml, its version noted and remembered (stale.go).
func (sp *space) setText(text []byte) error {
	if err := sp.writeFile("input.yaml", text); err != nil {
		return err
	}
	sp.ver = versionOf(text)
	sp.remember(text)
	return nil
}

// name is the input's name in messages.
func (sp *space) name() string {
	sp.mu.Lock()
	defer sp.mu.Unlock()
	return sp.display
}

// text is the master input and its version.
func (sp *space) text() ([]byte, version, error) {
	sp.mu.Lock()
	defer sp.mu.Unlock()
	b, err := os.ReadFile(sp.path("input.yaml"))
	if err != nil {
		return nil, sp.ver, fmt.Errorf("无法读取主输入文件：%w", err)
	}
	return b, sp.ver, nil
}

// version is the identity of a master input's text: its SHA-256.
type version [32]byte

func versionOf(b []byte) version { return sha256.Sum256(b) }

// String is the version as a form and a file name carry it: 32 hex digits.
func (v version) String() string { return hex.EncodeToString(v[:16]) }

// readFile reads a file of the workspace's own folder, by a fixed name.
func (sp *space) readFile(name string) ([]byte, error) { return os.ReadFile(sp.path(name)) }

// path is a file of the workspace's own folder, by a fixed name.
func (sp *space) path(name string) string { return filepath.Join(sp.dir, name) }

// writeFile writes a file of the workspace through a temporary and a rename.
func (sp *space) writeFile(name string, data []byte) error {
	tmp, err := os.CreateTemp(sp.dir, ".tmp-")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Rename(tmp.Name(), sp.path(name)); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return nil
}

// withSpace finds the workspace of the request's {id} (a department's).
func (s *Server) withSpace(h func(http.ResponseWriter, *http.Request, *space)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		sp := s.spaces.get(r.PathValue("id"), client(r))
		if sp == nil || sp.batch != nil {
			if sp != nil {
				sp.release()
			}
			s.fail(w, r, http.StatusNotFound, "找不到这个工作区：它可能已关闭，或因长时间未使用已被清除。请从首页重新开始")
			return
		}
		defer sp.release()
		h(w, r, sp)
	}
}

// withBatch finds the bureau batch of the request's {id}.
func (s *Server) withBatch(h func(http.ResponseWriter, *http.Request, *space)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		sp := s.spaces.get(r.PathValue("id"), client(r))
		if sp == nil || sp.batch == nil {
			if sp != nil {
				sp.release()
			}
			s.fail(w, r, http.StatusNotFound, "找不到这次批量处理：它可能已关闭，或因长时间未使用已被清除。请重新上传")
			return
		}
		defer sp.release()
		h(w, r, sp)
	}
}

// httpError is a refusal with its status and Chinese message.
type httpError struct {
	status int
	msg    string
}

func (e *httpError) Error() string { return e.msg }

// held is what the workspaces hold in memory between requests: the check
// results kept and the bytes they count (resultCost), and the bytes of
// texts kept (none: a text is its workspace's input.yaml).
func (s *Server) held() (results int, resultBytes, textBytes int64) {
	results, resultBytes = s.results.held()
	return results, resultBytes, 0
}

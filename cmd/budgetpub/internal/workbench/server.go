package workbench

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/budgetpub/budgetpub/render/publish"
)

// Config is what the server is started with.
type Config struct {
	// Resources are the catalog, fonts and wording every department
	// shares (publish.Load, with render's flags).
	Resources *publish.Resources
	// Options are render's --strict, --force and --open-data.
	Options publish.Options
	// Token, when set, must come with every request (a cookie set from
	// ?token=, or an Authorization: Bearer header). Required by the command
	// for any address but loopback.
	Token string
	// Loopback: the server listens on a loopback address only, so a
	// request's Host must be a loopback name (DNS rebinding).
	Loopback bool
	// Workers is how many departments are checked or rendered at once
	// (default: the number of CPUs).
	Workers int
	// Idle is how long an unused workspace is kept (default 2 hours).
	Idle time.Duration
	// MaxWorkspaces bounds the workspaces kept at once (default 64), and
	// MaxPerBrowser those of one browser (default 16): beyond them a new
	// one is refused; none is removed to make room.
	MaxWorkspaces int
	MaxPerBrowser int
	// ResultBytes bounds the check results kept between pages, each
	// counted by resultCost (default 128 MiB): the least recently used is
	// dropped, and checked again when next needed.
	ResultBytes int64
	// Root is the folder that holds the workspaces' folders (default: a new
	// temporary folder, removed by Close).
	Root string
	// Log receives one line per notable event (a fault, a refused
	// request); nil: nothing is logged.
	Log io.Writer
}

// Limits of what a request may bring.
const (
	maxFormBytes      = 1 << 20            // a form without files
	maxBatchBytes     = 1 << 30            // a bureau's upload, every file together
	maxBatchFiles     = 2000               // files of one batch
	busyWait          = 2 * time.Minute    // how long a request waits for a worker
	janitorEvery      = time.Minute        // how often idle workspaces are looked for
	defaultIdle       = 2 * time.Hour      // an unused workspace's life
	defaultSpaces     = 64                 // workspaces at once
	defaultPerBrowser = 16                 // workspaces of one browser
	rootPrefix        = "budgetpub-serve-" // the temporary root folder's name
	pidFile           = "pid"              // the root's owner, for the next server's clean-up
	uploadOverhead    = 64 << 10           // a multipart request's own bytes beyond its file
	sessionCookie     = "budgetpub_client" // the browser's random id
	tokenCookie       = "budgetpub_token"  // the access token, once given in ?token=
	csrfField         = "csrf"             // the hidden field of every form
	csrfHeader        = "X-CSRF-Token"     // the same, for script requests
	contentPolicy     = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-src 'self'; object-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'"
	workspaceRoute    = "/w/"
)

// Server is the workbench: an http.Handler and the workspaces it keeps.
type Server struct {
	cfg     Config
	key     []byte // signs the CSRF tokens
	mux     *http.ServeMux
	slots   chan struct{} // one per department checked or rendered at once
	uploads chan struct{} // one per upload taken at once (2 × Workers)
	wait    time.Duration // how long a request waits for a worker (busyWait)
	batchMu sync.Mutex    // one bureau batch at a time
	spaces  *store
	results *results // the check results kept between pages
	ownRoot bool
	stop    chan struct{}
	done    sync.WaitGroup
}

// New makes a server; Close removes what it kept.
func New(cfg Config) (*Server, error) {
	if cfg.Resources == nil {
		return nil, errors.New("workbench: no resources")
	}
	if cfg.Workers <= 0 {
		cfg.Workers = runtime.NumCPU()
	}
	if cfg.Idle <= 0 {
		cfg.Idle = defaultIdle
	}
	if cfg.MaxWorkspaces <= 0 {
		cfg.MaxWorkspaces = defaultSpaces
	}
	if cfg.MaxPerBrowser <= 0 {
		cfg.MaxPerBrowser = defaultPerBrowser
	}
	if cfg.ResultBytes <= 0 {
		cfg.ResultBytes = defaultResultBytes
	}
	s := &Server{cfg: cfg, key: make([]byte, 32), slots: make(chan struct{}, cfg.Workers), uploads: make(chan struct{}, 2*cfg.Workers),
		wait: busyWait, stop: make(chan struct{})}
	if _, err := rand.Read(s.key); err != nil {
		return nil, err
	}
	if cfg.Root == "" {
		removeStaleRoots(os.TempDir())
		root, err := os.MkdirTemp("", rootPrefix)
		if err != nil {
			return nil, fmt.Errorf("无法建立工作台的临时文件夹：%w", err)
		}
		if err := os.WriteFile(filepath.Join(root, pidFile), []byte(strconv.Itoa(os.Getpid())), 0o600); err != nil {
			_ = os.RemoveAll(root)
			return nil, fmt.Errorf("无法建立工作台的临时文件夹：%w", err)
		}
		s.cfg.Root, s.ownRoot = root, true
	}
	s.spaces = newStore(s.cfg.Root, s.cfg.MaxWorkspaces, s.cfg.MaxPerBrowser)
	s.results = newResults(s.cfg.ResultBytes)
	s.spaces.gone = s.results.drop
	s.mux = s.routes()
	s.done.Add(1)
	go s.janitor()
	return s, nil
}

// Handler is the server's handler, behind its guards.
func (s *Server) Handler() http.Handler { return s.guard(s.mux) }

// Root is the folder holding the workspaces.
func (s *Server) Root() string { return s.cfg.Root }

// Close stops the janitor and removes every workspace (and the root folder
// when the server made it).
func (s *Server) Close() error {
	close(s.stop)
	s.done.Wait()
	s.spaces.removeAll()
	if s.ownRoot {
		return os.RemoveAll(s.cfg.Root)
	}
	return nil
}

// janitor removes idle workspaces.
func (s *Server) janitor() {
	defer s.done.Done()
	t := time.NewTicker(janitorEvery)
	defer t.Stop()
	for {
		select {
		case <-s.stop:
			return
		case now := <-t.C:
			s.spaces.expire(now.Add(-s.cfg.Idle))
		}
	}
}

// removeStaleRoots removes the root folders of servers no longer running
// (a console window closed on Windows ends the process without clean-up).
func removeStaleRoots(tmp string) {
	entries, err := os.ReadDir(tmp)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), rootPrefix) {
			continue
		}
		dir := filepath.Join(tmp, e.Name())
		b, err := os.ReadFile(filepath.Join(dir, pidFile))
		if err != nil {
			continue // not ours, or not yet written
		}
		if pid, err := strconv.Atoi(strings.TrimSpace(string(b))); err == nil && pid != os.Getpid() && !publish.ProcessAlive(pid) {
			_ = os.RemoveAll(dir)
		}
	}
}

// work runs f holding one of the workers, waiting for one at most busyWait
// (or until the request is given up).
func (s *Server) work(ctx context.Context, f func()) error {
	t := time.NewTimer(s.wait)
	defer t.Stop()
	select {
	case s.slots <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return errBusy
	}
	defer func() { <-s.slots }()
	f()
	return nil
}

var errBusy = errors.New("服务器正忙：同时处理的部门已满，请稍后再试")

func (s *Server) logf(format string, args ...any) {
	if s.cfg.Log != nil {
		fmt.Fprintf(s.cfg.Log, time.Now().Format("15:04:05 ")+format+"\n", args...)
	}
}

// routes are the workbench's pages and actions.
func (s *Server) routes() *http.ServeMux {
	m := http.NewServeMux()
	m.HandleFunc("GET /{$}", s.startPage)
	m.HandleFunc("POST /start/upload", s.startUpload)
	m.HandleFunc("POST /start/new", s.startNew)
	m.HandleFunc("POST /start/last-year", s.startLastYear)
	m.HandleFunc("POST /start/final", s.startFinal)
	m.HandleFunc("GET /static/{file}", staticFile)
	m.HandleFunc("GET /favicon.ico", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) })

	m.HandleFunc("GET /w/{id}/{$}", s.withSpace(s.checkPage))
	m.HandleFunc("GET /w/{id}/fill", s.withSpace(s.fillPage))
	m.HandleFunc("POST /w/{id}/fill", s.withSpace(s.fillSave))
	m.HandleFunc("GET /w/{id}/yaml", s.withSpace(s.yamlPage))
	m.HandleFunc("POST /w/{id}/yaml", s.withSpace(s.yamlSave))
	m.HandleFunc("POST /w/{id}/check", s.withSpace(s.liveCheck))
	m.HandleFunc("GET /w/{id}/publish", s.withSpace(s.publishPage))
	m.HandleFunc("POST /w/{id}/publish", s.withSpace(s.publishRun))
	m.HandleFunc("GET /w/{id}/download/{kind}", s.withSpace(s.download))
	m.HandleFunc("GET /w/{id}/view/pdf", s.withSpace(s.viewPDF))
	m.HandleFunc("POST /w/{id}/close", s.withSpace(s.closeSpace))
	m.HandleFunc("POST /w/{id}/back", s.withSpace(s.backToBatch))

	m.HandleFunc("GET /bureau", s.bureauPage)
	m.HandleFunc("POST /bureau", s.bureauUpload)
	m.HandleFunc("GET /b/{id}/{$}", s.withBatch(s.batchPage))
	m.HandleFunc("GET /b/{id}/download.zip", s.withBatch(s.batchZip))
	m.HandleFunc("GET /b/{id}/pdf/{n}", s.withBatch(s.batchPDF))
	m.HandleFunc("POST /b/{id}/open", s.withBatch(s.batchOpen))
	m.HandleFunc("POST /b/{id}/close", s.withBatch(s.batchClose))
	m.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.fail(w, r, http.StatusNotFound, "找不到这个页面：请从工作台首页重新开始")
	})
	return m
}
